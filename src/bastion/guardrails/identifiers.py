"""Recognizers of identifiers: payment cards, IBANs, national identity and tax numbers, driving
licences, passports and medical record numbers, with their check digits and context words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bastion.guardrails import validators as v
from bastion.guardrails.scanning import (
    Match,
    Text,
    Trigger,
    alternatives,
    before,
    keyed,
    lead_with_first_chars,
    matches_at,
    recased,
)

# --- payment cards ------------------------------------------------------------------------

# A comma then a digit after the number is the next field of a CSV row, not a decimal part.
# Dots group a number too ("4539.1488.0343.6467"), but only as four fours with card words
# before it: versions and serial numbers are dotted.
_CARD = re.compile(r"\d(?<![\w\-.+/].)(?:[ \-.]?\d){12,22}(?![\w\-]|[./]\d)")


def _card_ok(digits: str) -> bool:
    return v.card_issuer_ok(digits) and v.luhn_ok(digits)


def _card_grouping_ok(candidate: str) -> bool:
    """Separated numbers must be grouped as cards are printed: 4-4-4-4(-3), 4-6-5, 4-6-4."""
    groups = [len(g) for g in re.split(r"[ \-.]", candidate)]
    if len(groups) == 1:
        return True
    if "." in candidate:
        return groups == [4, 4, 4, 4] and "-" not in candidate and " " not in candidate
    if len({c for c in candidate if not c.isdigit()}) > 1:
        return False
    if groups in ([4, 6, 5], [4, 6, 4]):
        return True
    return all(g == 4 for g in groups[:-1]) and 1 <= groups[-1] <= 4


def find_card(t: Text) -> Iterator[Match]:
    text = t.text
    for m in matches_at(_CARD, text, t.digit_word_starts()):
        candidate = m.group()
        digits = v.digits_only(candidate)
        if len(digits) <= 19 and _card_grouping_ok(candidate) and _card_ok(digits):
            # Thirteen digits are far more often an EAN barcode than a (retired) Visa number.
            doubtful = len(digits) == 13 or "." in candidate
            if doubtful and not before(text, m.start(), _CARD_CONTEXT, 40):
                continue
            yield "credit_card", m.start(), m.end()


_CARD_CONTEXT = lead_with_first_chars(
    re.compile(
        r"(?i:card|visa|karte|carte|tarjeta|carta|kaart|cart[aã]o|\bcc\b|kreditkarte|pan\b|charge"
        r"|\bpay|paid|payment|billing|zahlung|bezahl|paiement|payer|pago|pagar|pagamento|betaal)"
    )
)


# --- IBAN ---------------------------------------------------------------------------------

# Grouped by spaces as printed, or by dashes or dots as some forms and exports write it.
# The country code may stand apart from the check digits ("DE 89 3704 …", as some forms
# print it).
_IBAN = re.compile(r"[A-Z](?<![\w].)[A-Z] ?\d{2}(?:[ \-.]?[A-Z0-9]){10,30}(?![\w])")
# Pasted in lower case, as some banking exports and URLs write it: one unbroken run.
_IBAN_LOWER = re.compile(r"[a-z](?<![\w].)[a-z]\d{2}[a-z0-9]{10,30}(?![\w])")
_IBAN_SEPARATORS = " -."


def find_iban(t: Text) -> Iterator[Match]:
    text = t.text
    for m in matches_at(_IBAN, text, t.upper_starts()):
        end = _iban_end(m.group())
        if end > 0:
            yield "iban", m.start(), m.start() + end
    for m in _IBAN_LOWER.finditer(text):
        candidate = m.group()
        if v.IBAN_LENGTHS.get(candidate[:2].upper()) == len(candidate) and v.iban_ok(
            candidate.upper()
        ):
            yield "iban", m.start(), m.end()
    if "iban" in t.low:
        # Named as one, a lower-case IBAN may be grouped too ("iban: nl91 abna 0417 1643 00").
        for m in _IBAN.finditer(recased(text, str.upper)):
            if text[m.start()].islower():
                end = _iban_end(m.group())
                if end > 0:
                    yield "iban", m.start(), m.start() + end


def _iban_end(candidate: str) -> int:
    """Where the IBAN that ``candidate`` starts with ends (its country's length, counted
    without separators, at a group boundary) if its check digits hold; -1 otherwise."""
    expected = v.IBAN_LENGTHS.get(candidate[:2])
    if expected is None:
        return -1
    count = 0
    end = -1
    for index, ch in enumerate(candidate):
        if ch not in _IBAN_SEPARATORS:
            count += 1
            if count == expected:
                end = index + 1
                break
    # The IBAN must end at a group boundary, not inside a following word.
    if end < 0 or (end < len(candidate) and candidate[end] not in _IBAN_SEPARATORS):
        return -1
    return end if v.iban_ok(candidate[:end]) else -1


# --- US SSN -------------------------------------------------------------------------------

# Word processors turn the hyphens into en dashes or non-breaking hyphens (U+2013, U+2011).
_SSN = re.compile(
    r"\d(?<![\w\-.\u2011\u2013].)\d{2}(?P<sep>[\-\u2011\u2013])\d{2}(?P=sep)\d{4}"
    r"(?![\w\-\u2011\u2013]|\.\d)"
)
# The SSN's names in other languages that say it is the American one ("número de Seguro
# Social" is the Social Security Administration's own Spanish name; Mexico and Spain say
# "seguridad social"). A number they name counts anywhere in a text, as under "SSN".
SSN_FOREIGN_NAMES = (
    "us-sozialversicherungsnummer",
    "us sozialversicherungsnummer",
    "amerikanische sozialversicherungsnummer",
    "s\u00e9curit\u00e9 sociale am\u00e9ricain",
    "securite sociale americain",
    "n\u00famero de seguro social",
    "numero de seguro social",
    "tarjeta de seguro social",
    "seguro social americano",
    "seguro social estadounidense",
    "previdenza sociale usa",
    "previdenza sociale americana",
    "previdenza sociale statunitense",
    "seguran\u00e7a social americana",
    "seguranca social americana",
    "amerikaans sofinummer",
    "amerikaans socialezekerheidsnummer",
)
_SSN_CONTEXT = re.compile(
    r"(?i:\bssn\b|\bs\.s\.n\.?|\bss\#|\bss[ ]no\b|\bsoc\.?[ ]sec\.?|social[ \-]sec(?:urity|\.)?"
    r"(?:[ ]number|[ ]no\.?|[ ]\#)?|seguro[ ]social|" + alternatives(SSN_FOREIGN_NAMES) + ")"
    # A few words may stand between, within one sentence: "Social Security number on file
    # for the employee is"; or the number sits alone on the next line (a form as text).
    r"(?:[^\d\n.;!?]{0,40}?|[^\d\n]{0,20}?|[^\w\n]{0,4}\r?\n[ \t]{0,8})"
    r"(\d{3}[ .\-/]?\d{2}[ .\-/]?\d{4})(?![\w\-/]|\.\d)"
)


_SSN_TRIGGER = Trigger(
    "ssn", "s.s.n", "ss#", "ss no", "social", "soc", "seguro social", *SSN_FOREIGN_NAMES
)


# The SSN's names that may follow it in parentheses: "391 12 2109 (Seguro Social)".
_SSN_NAME_TRIGGER = Trigger(
    "ssn", "s.s.n", "ss#", "ss no", "social security", "soc. sec", "seguro social"
)
_SSN_SHAPE = re.compile(r"\d{3}(?P<sep>[ .\-/]?)\d{2}(?P=sep)\d{4}")


def find_ssn(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in matches_at(_SSN, text, t.digit_word_starts()):
        if v.us_ssn_ok(m.group()):
            yield "us_ssn", m.start(), m.end()
    # The name first in the parenthesis: "(Dutch social security number)" is a BSN.
    for start, end in _before_paren(text, low, _SSN_NAME_TRIGGER, 9, words_before=False):
        value = text[start:end]
        if _SSN_SHAPE.fullmatch(value) and v.us_ssn_ok(value):
            yield "us_ssn", start, end
    for m in keyed(text, low, _SSN_TRIGGER, _SSN_CONTEXT, digit_within=48):
        value = m.group(1)
        seps = {c for c in value if not c.isdigit()}
        if len(seps) <= 1 and v.us_ssn_ok(value) and not _other_number_between(text, m):
            yield "us_ssn", m.start(1), m.end(1)


# Whose number an SSN is ("… on file for the employee is 536 90 4399"), not another number.
_PERSON_WORDS = ("employee", "personal", "personeel", "mitarbeiter", "funcion", "medewerker")


def _other_number_between(text: str, m: re.Match[str]) -> bool:
    """Whether another number's label ("el pedido", "order", "teléfono es") stands between an
    SSN's name and the number after it."""
    other = _OTHER_NUMBER_LABEL.search(text, max(m.start(), m.start(1) - 40), m.start(1))
    return other is not None and not other.group().lower().startswith(_PERSON_WORDS)


# --- national identifiers -----------------------------------------------------------------

_NINO = re.compile(r"[A-Z](?<![\w].)[A-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w])")
_NIR = re.compile(
    r"[12](?<![\w].) ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AB])"
    r" ?\d{3} ?\d{3} ?\d{2}(?![\w])"
)
_DNI = re.compile(r"\d(?<![\w\-.].)(?:\d{7}|\d\.\d{3}\.\d{3})[ \-]?[A-Z](?![\w\-])")
_NIE = re.compile(r"[XYZ](?<![\w\-].)[ \-]?\d{7}[ \-]?[A-Z](?![\w\-])")
_CF_D = "[0-9LMNPQRSTUV]"
_CODICE_FISCALE = re.compile(
    rf"[A-Z](?<![\w].)[A-Z]{{5}}{_CF_D}{{2}}[ABCDEHLMPRST]{_CF_D}{{2}}[A-Z]{_CF_D}{{3}}[A-Z](?![\w])"
)
_STEUER_ID = re.compile(
    r"(?i:steuer[ \-]?id(?:nr|entifikationsnummer)?|steuerliche[ ]identifikationsnummer"
    r"|identifikationsnummer|identifikations-?nr\b|\bident-?(?:nummer|nr\b)|\bidnr\b"
    r"|\bst\.?[ \-]{0,2}id\b"
    r"|\btax[ ]id(?:entification)?(?:[ ](?:number|no\.?))?|\btin\b)"
    # Written in one run, or in groups of two to four digits with one kind of separator:
    # "12 345 678 901", "123 456 789 01", "12-345-678-901".
    r"[^\d]{0,25}?(\d{2,4}(?:(?P<sep>[ .\-/])\d{2,4}(?:(?P=sep)\d{2,4}){1,3}|\d{7,9}))"
    r"(?![\w\-]|[.,/]\d)"
)


def find_national_ids(t: Text) -> Iterator[Match]:
    text = t.text
    for m in matches_at(_NINO, text, t.upper_starts()):
        if v.uk_nino_ok(m.group()):
            yield "uk_nino", m.start(), m.end()
    for m in matches_at(_NIR, text, t.digit_word_starts()):
        if v.fr_nir_ok(m.group()):
            yield "fr_nir", m.start(), m.end()
    for m in matches_at(_DNI, text, t.digit_word_starts()):
        if v.es_dni_ok(m.group()):
            yield "es_dni", m.start(), m.end()
    for m in matches_at(_NIE, text, t.upper_starts()):
        if v.es_nie_ok(m.group()):
            yield "es_nie", m.start(), m.end()
    for m in _CODICE_FISCALE.finditer(text):
        if v.it_codice_fiscale_ok(m.group()):
            yield "it_codice_fiscale", m.start(), m.end()


STEUER_TRIGGER = Trigger(
    "steuer",
    "identifikationsnummer",
    "identifikations-nr",
    "identifikationsnr",
    "identnummer",
    "ident-nr",
    "idnr",
    "tax id",
    "tin",
    "st.-id",
    "st.id",
    "st-id",
    "st. id",
)
# Tax, payroll and personnel words, inside compounds too (Lohnsteuer, Einkommensteuerbescheid):
# a document that uses one may give an employee's Steuer-ID without naming it.
STEUER_DOCUMENT_WORDS = (
    "steuer",
    "finanzamt",
    "lohnabrechnung",
    "gehaltsabrechnung",
    "entgeltabrechnung",
    "personalabteilung",
    "arbeitgeber",
    # The employer's retrieval of the tax data (ELStAM) and the federal tax office that
    # issues the number.
    "elstam",
    "bundeszentralamt",
    # Pay and personnel papers: Gehaltszettel, Lohnbuchhaltung, Abrechnung, Personalbüro,
    # the tenant's self-disclosure a landlord asks for.
    "gehalt",
    "lohn",
    "abrechnung",
    "personalb\u00fcro",
    "personalnummer",
    "mitarbeiter",
    "selbstauskunft",
    # The same in the neighbours' words: "identifiant fiscal allemand", "número de
    # identificación fiscal", "fiscaal identificatienummer", "tax number".
    "fiscal",
    "fiscaal",
    "tax number",
    "tax identification",
    "tax-id",
    "taxpayer",
)
_STEUER_DOCUMENT = Trigger(*STEUER_DOCUMENT_WORDS)


# Eleven digits, grouped by single spaces in any way ("12 345 678 901", "1234 5678 901").
# Or in groups of 2/3/3/3 with slashes or dots, as some forms print it ("12/345/678/901").
_STEUER_ID_BARE = re.compile(
    r"\d(?<![\w\-./].)(?:(?: ?\d){10}|\d(?P<sep>[/.\-])\d{3}(?P=sep)\d{3}(?P=sep)\d{3})"
    r"(?![\w\-]|[.,/]\d| \d)"
)


def find_steuer_id(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in keyed(text, low, STEUER_TRIGGER, _STEUER_ID, digit_within=48):
        if v.de_steuer_id_ok(m.group(1)):
            yield "de_steuer_id", m.start(1), m.end(1)
    # Its check digit and digit pattern are strict enough (about one 11-digit number in 500
    # passes) that a text naming it, or speaking of taxes or payroll, may give it anywhere.
    if _STEUER_DOCUMENT.hits(low) or any(
        starts_word(low, start) for start, _ in STEUER_TRIGGER.hits(low)
    ):
        for m in matches_at(_STEUER_ID_BARE, text, t.digit_word_starts()):
            if v.de_steuer_id_ok(m.group()) and not before(
                text, m.start(), _OTHER_NUMBER_LABEL, 40
            ):
                yield "de_steuer_id", m.start(), m.end()


# --- context-keyed identifiers: medical record, passport ----------------------------------

# After a keyword: a few words of label ("number", "Nr.", "n°", "del paciente"), then the value.
# Or the label alone on its line, the value on the next: a form printed as two lines, a label
# cell above its value ("Reisepass-Nr.\nP1234567"); only a number word and a colon may follow
# the label there, so a sentence that merely mentions the document does not reach the next line.
_LABEL = (
    r"(?:[^\n\d]{0,24}?|(?i:[ \t]{1,2}(?:number|no|nr|num|nummer|num\u00e9ro|n\u00famero|numero"
    r"|n[.\u00b0o]{1,3}|id|\#))?[^\n\w]{0,4}\n[ \t]*)(?<![\w\-/])"
)
_MRN_WORDS = (
    "mrn",
    "medical record",
    "patient id",
    "patient identifier",
    "patient no",
    "patient number",
    "patient #",
    "health record",
    "chart number",
    "chart no",
    "fallnummer",
    "fall-nr",
    "patientennummer",
    "patienten-id",
    "patienten-nr",
    "aktenzeichen",
    "historia cl\u00ednica",
    "historia clinica",
    "n\u00famero de historia",
    "nhc",
    "dossier m\u00e9dical",
    "dossier patient",
    "num\u00e9ro de dossier",
    "n\u00b0 de dossier",
    "ipp",
    "cartella clinica",
    "n. cartella",
    "codice paziente",
    "pati\u00ebntnummer",
    "patientnummer",
    "dossiernummer",
    "processo cl\u00ednico",
    "n\u00famero de processo",
    "n.\u00ba de processo",
    "n\u00ba de processo",
    "n.\u00ba processo",
    "n\u00famero de utente",
    "n.\u00ba de utente",
    "nhs number",
    "nhs no",
    "med. rec",
    "medical rec",
    "pat.-nr",
    "pat-nr",
    "patient nr",
    "aufnahmenummer",
    "krankenversicherungsnummer",
    "versichertennummer",
    "n\u00b0 patient",
    "num\u00e9ro patient",
    "n\u00b0 de s\u00e9jour",
    "nip",
    "n\u00ba historia",
    "n.\u00ba historia",
    "hc:",
    "id paziente",
    "n. nosologico",
    "nosologico",
    "cartella n",
    "ziekenhuisnummer",
    "pati\u00ebnt-id",
    "patient-id",
    "n.\u00ba sns",
    "n\u00famero sns",
    "n\u00famero de benefici\u00e1rio",
    "processo n",
    "case number",
    "case no",
    "encounter",
    "hospital no",
    "hospital number",
    "hospital #",
    "hosp. no",
    "hosp no",
    "hosp. #",
    "ur number",
    "ur no",
    "unit number",
    "unit no",
    "aufnahme-nr",
    "aufnahmenr",
    "kis-nr",
    "krankenblatt",
    "krankenakte",
    "fall-id",
    "fallnr",
    "case id",
    "record no",
    "record number",
    "record #",
    "chart #",
    "emr #",
    "emr no",
    "ehr #",
    "ehr no",
    "n\u00b0 d'admission",
    "num\u00e9ro d'admission",
    "n\u00b0 de venue",
    "n\u00famero de paciente",
    "prontu\u00e1rio",
    "prontuario",
    "registro cl\u00ednico",
    "n\u00famero de registro",
    "patientnr",
    "pati\u00ebntnr",
    "med rec",
    # US hospital forms: "MR#", "Pt ID", "Hospital ID", "EMR ID".
    "mr#",
    "mr #",
    "mr no",
    "mr number",
    "pt id",
    "pt. id",
    "hospital id",
    "emr id",
    "ehr id",
    "krankenhaus-nr",
    "krankenhausnummer",
    "n\u00ba processo",
    "n\u00ba de processo",
)
_MRN = re.compile(
    r"(?i:\b(?:"
    + alternatives(_MRN_WORDS)
    + r")(?![a-z]))"
    + _LABEL
    # Some systems print ids in lower case ("mrn-482913"); a token with no digit is a word of
    # the label ("Medical record number MR0544198"), and the label goes on past it.
    + r"((?=[A-Za-z0-9\-/.]{0,19}\d)[A-Za-z0-9](?:[A-Za-z0-9\-/.]{2,18}|\d{2}[ ]\d{3}[ ]\d{3})"
    r"[A-Za-z0-9])(?![\w\-])"
)
_PASSPORT_WORDS = (
    "passport",
    "passeport",
    "reisepass",
    "passnummer",
    "pass-nr",
    "pasaporte",
    "passaporto",
    "paspoort",
    "passaporte",
    # Austria and Switzerland: "Passnr.", "Ausweis-Nr.", "Schweizer Pass"; Poland, Finland and
    # Czechia: "numer paszportu", "passin numero", "číslo pasu", "cestovní pas".
    "passnr",
    "pass nr",
    "pass-nummer",
    "pass nummer",
    "ausweis-nr",
    "ausweisnr",
    "ausweisnummer",
    "ausweis nr",
    "schweizer pass",
    "paszport",
    "passin numero",
    "passinumero",
    "passi nro",
    "passin nro",
    "\u010d\u00edslo pasu",
    "cislo pasu",
    "cestovn\u00ed pas",
    "cestovni pas",
    # The abbreviation on visa and travel-agency forms ("PPT No"), and the document's generic
    # name on Schengen visa forms and airline booking data ("number of travel document").
    "ppt no",
    "ppt_no",
    "ppt-no",
    "ppt nr",
    "ppt number",
    "ppt #",
    "ppt#",
    "travel document",
    "travel doc no",
    "reisedokument",
    "document de voyage",
    "documento de viaje",
    "documento di viaggio",
    "documento de viagem",
    "reisdocument",
)
_PASSPORT = re.compile(
    r"(?i:\b(?:"
    + alternatives(_PASSPORT_WORDS)
    + r")[a-z\-]{0,8}\.?)"
    + _LABEL
    # Six to nine characters, the series letters set apart ("PA 1234567"); a Mexican passport
    # may also be ten digits.
    + r"([A-Z]{1,2}[ ]\d{6,8}|[A-Z0-9]{6,9}|\d{10})(?![\w\-])"
)
_LICENCE_WORDS = (
    "driver's license",
    "driver's licence",
    "drivers license",
    "drivers licence",
    "driver license",
    "driver licence",
    "driving licence",
    "driving license",
    "dl#",
    "dl #",
    "dl no",
    "f\u00fchrerschein",
    "fuehrerschein",
    "permis de conduire",
    "carnet de conducir",
    "permiso de conducir",
    "licencia de conducir",
    "patente di guida",
    "patente n",
    "rijbewijs",
    "carta de condu\u00e7\u00e3o",
    "carta de conducao",
    "cnh",
    "dln",
    "dl:",
    "driver lic",
    "drivers lic",
    "lic. no",
    "licence no",
    "license no",
    "fs-nr",
    "n\u00b0 de permis",
    "num\u00e9ro de permis",
    "permis n",
    "permiso de conducci\u00f3n",
    "carn\u00e9 de conducir",
    "carnet de conduire",
    "patente n.",
    "permis :",
    "permis:",
    "patente:",
    "patente :",
    "numero patente",
    "licen\u00e7a de condu\u00e7\u00e3o",
    "lic#",
    "lic #",
    "license #",
    "licence #",
    "license number",
    "licence number",
    "f\u00fchrerscheinnummer",
    "n\u00famero de carnet",
    "f\u00fchrerausweis",
    "fuehrerausweis",
    "licenza di condurre",
    "licenza di condu",
    "permesso di guida",
    "licencia de manejo",
    "licencia de conducci\u00f3n",
    "habilita\u00e7\u00e3o",
    "registro cnh",
    "rijbewijsnr",
    "permis b",
    "patente b",
    "t\u00edtulo de condu\u00e7\u00e3o",
    "titulo de conducao",
    "driver's lic",
    # New York's "operator license number", on tickets and insurance forms.
    "oln",
    "operator license",
    "operator's license",
    "operator licence",
    "fahrerlaubnis",
    # Italian says "patente" for the licence itself: "la mia patente", "numero di patente".
    "num\u00e9ro du permis",
    "mon permis",
    "numero di patente",
    "mia patente",
    "della patente",
    "sua patente",
    "tua patente",
    # Ireland's card prints a "driver number"; Austria says "Lenkberechtigung".
    "driver number",
    "driver no",
    "lenkberechtigung",
    "lenkerberechtigung",
    # Belgium, Switzerland, Mexico: "n° du permis", "No. de licencia", "Licencia: B1234567".
    "n\u00b0 du permis",
    "no du permis",
    "n\u00b0 permis",
    "no. de licencia",
    "no de licencia",
    "n\u00famero de licencia",
    "numero de licencia",
    "n\u00fam. de licencia",
    "num. de licencia",
    "n\u00ba de licencia",
    "licencia no",
    "licencia n\u00fam",
    "licencia:",
    "licencia :",
    "licencia de chofer",
    "licencia de automovilista",
    "licencia federal",
    # Poland, Sweden, Denmark, Norway, Finland, Czechia.
    "prawo jazdy",
    "prawa jazdy",
    "k\u00f6rkort",
    "korkort",
    "k\u00f8rekort",
    "korekort",
    "f\u00f8rerkort",
    "forerkort",
    "ajokortti",
    "ajokortin",
    "\u0159idi\u010dsk",
    "ridicsk",
    # Italian forms abbreviate the number before the word: "n. patente", "nr. patente".
    "n. patente",
    "n.patente",
    "nr. patente",
    "n\u00b0 patente",
    "n\u00ba patente",
    "no. patente",
)
_LICENCE = re.compile(
    r"(?i:\b(?:"
    + alternatives(_LICENCE_WORDS)
    + r")[a-z\-]{0,8}\.?)"
    + _LABEL
    # A Polish number is grouped by slashes (01234/21/1234); an older Austrian one names the
    # issuing authority first (08/123456).
    + r"([A-Z0-9](?:[A-Z0-9\- ]{3,18}|\d{4}/\d{2}/\d{3}|\d/\d{5,7})[A-Z0-9])(?![\w\-/])"
)
# What stands between a licence or passport word and a number that is not the document's: a
# phone, order or invoice word, a postcode's, or a date's ("gültig bis", "expires").
_OTHER_GAP = re.compile(
    r"(?i:tel\b|tel[.:ée]|phone|fon\b|handy|mobil|llam|appel|anruf|ruf\b|order|bestell|pedido"
    r"|commande|factur|rechnung|invoice|ticket|\bplz\b|postcode|postleitzahl|code postal"
    r"|c[oó]digo postal|\bcp\b|bis\b|until|expir|valid|g[uü]ltig|v[aá]lid|valable|vence|scad"
    r"|geldig|seit\b|since|depuis|desde|\bbel\b|bellen|\bgsm\b|\bcall\b|\bring\b|chiam)"
)
# A software licence's identifier under a "licence" word: "licencia: MIT-2024", "GPL-3.0".
SOFTWARE_LICENCE = re.compile(r"(?i:(?:A|L)?GPL|MIT|BSD|APACHE|MPL|EPL|CC|ISC)\b")
_DATE_VALUE = re.compile(r"\d{1,4}[\-./ ]\d{1,2}[\-./ ]\d{2,4}")
# A DVLA licence: surname (padded with 9s), birth decade, month, day, year, initials, digit,
# check letters: MORGA753116SM9IJ.
_UK_LICENCE = re.compile(r"[A-Z9](?<![\w].)[A-Z9]{4}\d{6}[A-Z9]{2}\d[A-Z]{2}(?![\w])")
# An identifier's name, or a word of the payroll office that asks for it (a payslip carries
# the employee's tax number: "op mijn loonstrook staat een verkeerd nummer").
_NATIONAL_WORDS = {
    "nl_bsn": (
        "bsn",
        "burgerservicenummer",
        "burgerservice",
        "citizen service number",
        "persoonsgebonden nummer",
        "sofinummer",
        "sofi-nummer",
        "sofinr",
        "burgerservicenr",
        "b.s.n",
        "dutch citizen",
        "dutch social security",
        "niederl\u00e4ndische bsn",
        # Pay and personnel words: salarisadministratie, werkgever, personeelszaken.
        "salaris",
        "werkgever",
        "personeelszaken",
        # What a Dutch passport and identity card call it.
        "persoonsnummer",
        "loonstrook",
        "salarisstrook",
        "salarisadministratie",
        "loonadministratie",
    ),
    "pt_nif": (
        "nif",
        "n.i.f",
        "contribuinte",
        "contrib",
        "n\u00famero fiscal",
        "identifica\u00e7\u00e3o fiscal",
        "identificacao fiscal",
        "portuguese taxpayer",
        "portuguese tax",
        "portuguese nif",
        "portugiesische steuernummer",
        "portugiesische steuer",
        "codice fiscale portoghese",
        "portugees fiscaal",
        "nif portugu",
        "sal\u00e1rios",
        "recibo de vencimento",
        "recibo de sal\u00e1rio",
        "processamento salarial",
    ),
    # Neighbouring countries' numbers: Austria's social insurance number, Switzerland's AHV,
    # Belgium's national register number, Ireland's PPS number, Mexico's CURP.
    "at_svnr": (
        "svnr",
        "sv-nr",
        "sv-nummer",
        "vsnr",
        "sozialversicherungsnummer",
        "versicherungsnummer",
        "sozialversicherungs-nr",
        "e-card",
    ),
    "ch_ahv": ("ahv", "avs", "ahv-nr", "ahv-nummer", "sozialversicherungsnummer"),
    "be_national_number": (
        "rijksregisternummer",
        "rijksregister",
        "registre national",
        "num\u00e9ro national",
        "numero national",
        "nationalregisternummer",
        "national register number",
        "insz",
        "niss",
    ),
    "ie_pps": ("pps", "ppsn", "personal public service"),
    "mx_curp": ("curp",),
    # The SSN by its own names only: "social security" alone is also the Dutch, French and
    # Spanish insurance number's English name.
    "us_ssn": (
        "ssn",
        "s.s.n",
        "ss#",
        "social security number",
        "social security no",
        "social security #",
        "soc. sec. no",
        "ss no",
    ),
    "br_cpf": (
        "cpf",
        "c.p.f",
        # Its name before 1990s reforms, still on old contracts and forms.
        "cic",
        "c.i.c",
        # A Brazilian document (its people, currency, company and identity-card numbers)
        # gives the CPF without naming it: "inscrita sob o nº …".
        "brasileiro",
        "brasileira",
        "brazilian",
        "r$",
        "cnpj",
        "ssp",
        "cadastro de pessoas",
        "cadastro de pessoa",
        "holerite",
        "contracheque",
        "folha de pagamento",
        # Portuguese pay words, as a Brazilian payslip and a Portuguese one both say them.
        "sal\u00e1rio",
        "sal\u00e1rios",
        "recibo de vencimento",
        "processamento salarial",
    ),
}
NATIONAL_TRIGGERS = {
    kind: Trigger(*words, *(SSN_FOREIGN_NAMES if kind == "us_ssn" else ()))
    for kind, words in _NATIONAL_WORDS.items()
}
_NATIONAL_CHECKS: dict[str, Callable[[str], bool]] = {
    "nl_bsn": v.nl_bsn_ok,
    "pt_nif": v.pt_nif_ok,
    "br_cpf": v.br_cpf_ok,
    "at_svnr": v.at_svnr_ok,
    "ch_ahv": v.ch_ahv_ok,
    "be_national_number": v.be_national_number_ok,
    "ie_pps": v.ie_pps_ok,
    "mx_curp": v.mx_curp_ok,
    "us_ssn": v.us_ssn_ok,
}
_NATIONAL_BARE = {
    # 4-2-3 as the tax office prints it, 3-3-3, 2-3-4 and 3-2-4; one separator throughout.
    "nl_bsn": re.compile(
        r"\d(?<![\w\-.].)(?:\d{3}(?P<a>[ .\-]?)\d{2}(?P=a)\d{3}|\d{2}(?P<b>[ .\-])\d{3}(?P=b)\d{3}"
        r"|\d(?P<c>[ .\-])\d{3}(?P=c)\d{4}|\d{2}(?P<d>[ .\-])\d{2}(?P=d)\d{4})(?![\w\-]|[.,]\d)"
    ),
    "us_ssn": re.compile(
        r"\d(?<![\w\-.].)\d{2}(?P<sep>[ .\-/\u2013]?)\d{2}(?P=sep)\d{4}(?![\w\-/]|[.,]\d)"
    ),
    "pt_nif": re.compile(
        r"\d(?<![\w\-.].)\d{2}(?P<sep>[ \-.]?)\d{3}(?P=sep)\d{3}(?![\w\-]|[.,]\d)"
    ),
    "br_cpf": re.compile(
        r"\d(?<![\w\-.].)\d{2}(?P<sep>[. \-]?)\d{3}(?P=sep)\d{3}[\-/ .]?\d{2}(?![\w\-]|[.,]\d)"
    ),
    "at_svnr": re.compile(r"\d(?<![\w\-.].)\d{3}[ ]?\d{6}(?![\w\-]|[.,]\d)"),
    "ch_ahv": re.compile(r"7(?<![\w\-.].)56[. ]?\d{4}[. ]?\d{4}[. ]?\d{2}(?![\w\-]|[.,]\d)"),
    "be_national_number": re.compile(
        r"\d(?<![\w\-.].)\d[. ]?\d{2}[. ]?\d{2}[\-. ]?\d{3}[. ]?\d{2}(?![\w\-]|[.,]\d)"
    ),
    "ie_pps": re.compile(r"\d(?<![\w\-.].)\d{6}[ ]?[A-Wa-w][A-Ia-iWw]?(?![\w\-])"),
    "mx_curp": re.compile(r"[A-Z](?<![\w].)[A-Z]{3}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d(?![\w])"),
}
# The label of another number right before a candidate: "Dossiernummer: 574494194" in a
# letter that also gives the BSN is the file's number. About one number in eleven passes the
# BSN's check, so a letter's other numbers would otherwise be taken for it.
_OTHER_NUMBER_LABEL = lead_with_first_chars(
    re.compile(
        r"(?<![^\W\d_])(?:EIN|(?i:dossier|relatie|klant|polis|factuur|order|bestel|kenmerk|referentie"
        r"|invoice|reference|pedido|encomenda|fatura|factura|protocolo|rechnung|kunden|auftrag"
        r"|vertrag|contract|contrato|account|claim|ticket|aktenzeichen|zaak|refer\u00eancia"
        r"|recibo|nota fiscal|boleto|matr\u00edcula|personeel|personal|mitarbeiter|employee"
        r"|funcion\u00e1rio|medewerker|tracking|sendung|commande|facture|suivi|ordine|fattura"
        r"|phone|telefon|t\u00e9l\u00e9phone|tel\u00e9fono|telefone|telefoon|celular|m\u00f3vil|mobile"
        r"|handy|shipment|parcel|colis|paquete|pacco"
        r"|spedizione|seguimiento|rastreamento|rastreio|zending))"
        r"[\w\-]{0,12}(?:[ \t]{1,2}(?:number|nummer|no|nr|n[.\u00b0\u00bao]{1,3}))?"
        r"[^\n\w]{0,4}(?:(?:is|ist|est|es|\u00e9)[^\n\w]{1,3})?$"
    )
)
# A NIF given as the VAT number it also is: "PT123456789".
_NIF_VAT = re.compile(r"P(?<![\w].)T[ \-]?\d{3}(?P<sep>[ .]?)\d{3}(?P=sep)\d{3}(?![\w\-]|[.,]\d)")
# A person's NIF starts with 1, 2 or 3 (companies' with 5 to 9).
_PERSON_NIF_PREFIXES = "123"
# Written in their own formats, these need no word: 756.1234.5678.97, 85.07.30-033.28, a CURP.
_AHV_FORMATTED = re.compile(r"7(?<![\w\-.].)56\.\d{4}\.\d{4}\.\d{2}(?![\w\-]|[.,]\d)")
_BE_NN_FORMATTED = re.compile(r"\d(?<![\w\-.].)\d\.\d{2}\.\d{2}-\d{3}\.\d{2}(?![\w\-]|[.,]\d)")


def starts_word(low: str, start: int) -> bool:
    return start == 0 or not low[start - 1].isalnum()


def _is_word_at(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` stands as a word (not inside "unifying" or "biscuits")."""
    before = low[start - 1] if start > 0 else " "
    after = low[end] if end < len(low) else " "
    return not before.isalnum() and not after.isalpha()


# A CPF written in its own format needs no keyword.
_CPF = re.compile(r"\d(?<![\w.\-].)\d{2}\.\d{3}\.\d{3}-\d{2}(?![\w\-]|\.\d)")


# Beyond the labels listed: a patient or clinical-record word next to an id word, in either
# order, in seven languages ("Patienten-Nr.", "N° patient", "número de historia", "ID paciente").
_RECORD_STEMS = (
    "patient",
    "pati\u00ebnt",
    "paciente",
    "paziente",
    "doente",
    "utente",
    "historia",
    "cartella",
)
_ID_WORDS = (
    r"(?:id|ident|nr|no|num|number|nummer|n[u\u00fa]mero|num\u00e9ro|numero|n[\u00b0\u00bao]|n\.[\u00bao]"
    r"|\#|code|c\u00f3digo|codice|kennung)"
)
_STEMS = alternatives(_RECORD_STEMS)
_MRN_GENERIC = lead_with_first_chars(
    re.compile(
        rf"(?i:\b(?:(?:{_STEMS})[a-z\u00e0-\u00ff]{{0,6}}[ .\-]{{0,3}}{_ID_WORDS}\b\.?"
        rf"|{_ID_WORDS}\.?[ .:]{{0,2}}(?:(?:de|del|du|do|da|des|of|the|di|van|der)[ ]){{0,2}}"
        rf"(?:{_STEMS})[a-z\u00e0-\u00ff]{{0,6}}))"
        + _LABEL
        + r"([A-Z0-9](?:[A-Z0-9\-/.]{2,18})[A-Z0-9])(?![\w\-])"
    )
)
_RECORD_TRIGGER = Trigger(*_RECORD_STEMS)
# "Aktenzeichen" names any file; it is a record number only in a clinical text.
_CLINICAL = re.compile(r"patient|klinik|krankenhaus|arzt|\u00e4rzt|diagnose|befund|station")
_MRN_TRIGGER = Trigger(*_MRN_WORDS)
_PASSPORT_TRIGGER = Trigger(*_PASSPORT_WORDS)
_LICENCE_TRIGGER = Trigger(*_LICENCE_WORDS)


# A value named after it, in parentheses: "P1234567 (passport)", "00482137 (MRN)", "12 345 678
# (Nummer des Führerscheins)": up to three words may come before the document's own.
_VALUE_BEFORE_PAREN = re.compile(
    r"(?<![\w\-/])([A-Z0-9](?:[A-Z0-9\-/.]{2,18}|[A-Z0-9]{0,3}(?:[ ]\d{2,4}){1,4})[A-Z0-9]"
    r"|[A-Z]{0,2}\d{1,5}(?:[ ]\d{1,5}){1,4})"
    r"[ \t]{0,2}[(\[][ \t]{0,2}(?:[^\s()\[\]\d]{1,12}[ \t]){0,3}\Z"
)


def _before_paren(
    text: str, low: str, trigger: Trigger, digits: int, *, words_before: bool = True
) -> Iterator[tuple[int, int]]:
    """Spans of the values that ``trigger``'s words name from a parenthesis right after them;
    without ``words_before``, only a word that opens the parenthesis names one."""
    if "(" not in text and "[" not in text:
        return
    for start, _ in trigger.hits(low):
        if start < 2 or not starts_word(low, start) or text[start - 1] not in "([ \t":
            continue
        if not words_before:
            opens = start - 1
            while opens > 0 and text[opens] in " \t":
                opens -= 1
            if text[opens] not in "([":
                continue
        # The parenthesis opens at most three short words before the name.
        window = max(0, start - 64)
        if text.rfind("(", window, start) < 0 and text.rfind("[", window, start) < 0:
            continue
        m = _VALUE_BEFORE_PAREN.search(text, window, start)
        if m is not None and sum(c.isdigit() for c in m.group(1)) >= digits:
            yield m.start(1), m.end(1)


def find_context_ids(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for start, end in _before_paren(text, low, _MRN_TRIGGER, 3):
        yield "medical_record_number", start, end
    for start, end in _before_paren(text, low, _LICENCE_TRIGGER, 1):
        if end - start >= 6 and _DATE_VALUE.fullmatch(text, start, end) is None:
            yield "driver_license", start, end
    for m in keyed(text, low, _MRN_TRIGGER, _MRN, digit_within=64):
        if low.startswith("aktenzeichen", m.start()) and not _CLINICAL.search(low):
            continue  # a court's or tax office's file reference, not a patient's
        value = m.group(1)
        if sum(c.isdigit() for c in value) >= 3:
            if len(v.digits_only(value)) == 10 and "nhs" in low and not v.gb_nhs_ok(value):
                continue  # an NHS number has a check digit
            yield "medical_record_number", m.start(1), m.end(1)
    for hit, _ in _RECORD_TRIGGER.hits(low):
        # The id word may come first: look a few words back from the record word.
        near = _MRN_GENERIC.search(text, max(0, hit - 16), hit + 64)
        if near is not None and near.start() <= hit and sum(map(str.isdigit, near.group(1))) >= 3:
            yield "medical_record_number", near.start(1), near.end(1)
    for m in keyed(text, low, _LICENCE_TRIGGER, _LICENCE):
        value = m.group(1).rstrip()
        if any(c.isdigit() for c in value) and len(value) >= 6 and _own_value(m, value):
            yield "driver_license", m.start(1), m.start(1) + len(value)


def _own_value(m: re.Match[str], value: str) -> bool:
    """Whether the number after a document word is the document's: not a date, and no phone,
    order, postcode or validity word between them."""
    if _DATE_VALUE.fullmatch(value) is not None or SOFTWARE_LICENCE.match(value):
        return False
    return _OTHER_GAP.search(m.string, m.start(), m.start(1)) is None


def find_passport(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for start, end in _before_paren(text, low, _PASSPORT_TRIGGER, 2):
        if 6 <= end - start <= 10:
            yield "passport", start, end
    for m in keyed(text, low, _PASSPORT_TRIGGER, _PASSPORT):
        value = m.group(1)
        # Mostly digits, or a nine-character alphanumeric code (some passports are letters).
        if not _own_value(m, value):
            continue
        if sum(c.isdigit() for c in value) >= 2 or (len(value) == 9 and not text.isupper()):
            yield "passport", m.start(1), m.end(1)


def find_licence_and_national(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in matches_at(_UK_LICENCE, text, t.upper_starts()):
        if v.uk_driving_licence_ok(m.group()):
            yield "driver_license", m.start(), m.end()
    for m in matches_at(_CPF, text, t.digit_word_starts()):
        if v.br_cpf_ok(m.group()):
            yield "br_cpf", m.start(), m.end()
    if "756." in text:
        for m in matches_at(_AHV_FORMATTED, text, t.digit_word_starts()):
            if v.ch_ahv_ok(m.group()):
                yield "ch_ahv", m.start(), m.end()
    for m in matches_at(_BE_NN_FORMATTED, text, t.digit_word_starts()):
        if v.be_national_number_ok(m.group()):
            yield "be_national_number", m.start(), m.end()
    for m in matches_at(_NATIONAL_BARE["mx_curp"], text, t.upper_starts()):
        if v.mx_curp_ok(m.group()):
            yield "mx_curp", m.start(), m.end()
    named = [
        kind
        for kind, trigger in NATIONAL_TRIGGERS.items()
        if any(_is_word_at(low, start, end) for start, end in trigger.hits(low))
    ]
    for kind in named:
        # A text that names the identifier ("BSN", "NIF") may give it anywhere: every number of
        # its shape that passes its check counts. The SSN's check is weak (nearly any nine
        # digits pass), so not a number another identifier the text names takes.
        others = [_NATIONAL_CHECKS[k] for k in named if k != kind] if kind == "us_ssn" else []
        starts = t.upper_starts() if kind == "mx_curp" else t.digit_word_starts()
        for m in matches_at(_NATIONAL_BARE[kind], text, starts):
            value = m.group()
            if (
                _NATIONAL_CHECKS[kind](value)
                and not any(check(value) for check in others)
                and not before(text, m.start(), _OTHER_NUMBER_LABEL, 40)
            ):
                yield kind, m.start(), m.end()
        if kind == "pt_nif":
            for m in matches_at(_NIF_VAT, text, t.upper_starts()):
                if v.pt_nif_ok(m.group()[2:]):
                    yield kind, m.start(), m.end()
    if "pt_nif" not in named and "PT" in text:
        # "PT" before nine digits says which country's number it is, as a label would: a
        # person's number with valid check digits counts unnamed.
        for m in matches_at(_NIF_VAT, text, t.upper_starts()):
            digits = v.digits_only(m.group())
            if digits[0] in _PERSON_NIF_PREFIXES and v.pt_nif_ok(digits):
                yield "pt_nif", m.start(), m.end()


# --- identifiers given under their own name, whatever their check digits --------------------

# "SSN: 123-45-6789", "Meine Steuer-ID lautet 12345678901", "CPF 111.222.333-44": a number
# its writer calls by the identifier's own name, in that identifier's exact shape, counts even
# when its check digits fail. A mistyped number, or a made-up one in a test form, is still given
# as that identifier, and keeping it on-premises costs little; the recognizers above, which also
# read numbers no name introduces, keep requiring the check. Only the identifier's name
# counts here (not the payroll or tax words that let a checked number stand anywhere), and only
# right before the value: a few characters of label ("is", "lautet", "é", "nº", ":").
# (Text is read after NFKC, so "nº" arrives as "no".)
_NAMED_GAP = (
    r"[^\w\n]{0,4}(?:\r?\n[ \t]{0,8})?"  # or the value alone on the next line
    r"(?:(?:is|ist|lautet|est|es|\u00e9|sob[ ]o|nr|n[.\u00b0o]{1,3}|number|nummer"
    r"|n\u00famero|numero)[^\w\n]{0,4}){0,3}"
)
_NAMED_END = r"(?![\w\-]|[.,/]\d)"
# Under its own name a number may be grouped any way ("12 34 56 78 901", "1234-5678-901", one
# digit at a time): its digit count is what is checked.
_NAMED_SEP = "[ .\\-/\u00a0\u2009\u202f]"


def _named_value(count: int, first: str = r"\d") -> str:
    """A capture of ``count`` digits, the first matching ``first``, grouped any way."""
    return f"({first}(?:{_NAMED_SEP}?\\d){{{count - 1}}})"


# An SSN keeps its 3-2-4 grouping: "social security number" with other groupings is as often
# another country's insurance number.
_NAMED_SSN = rf"(\d{{3}}(?P<sep>{_NAMED_SEP}?)\d{{2}}(?P=sep)\d{{4}})"


_NAMED: dict[str, tuple[Trigger, re.Pattern[str]]] = {
    "us_ssn": (
        Trigger("ssn", "social security", "ss#", "soc. sec", "soc sec", *SSN_FOREIGN_NAMES),
        re.compile(
            r"(?i:ssn|social[ \-]security(?:[ ]number|[ ]no\.?|[ ]\#)?|ss\#|soc\.?[ ]sec\.?|"
            + alternatives(SSN_FOREIGN_NAMES)
            + ")"
            + _NAMED_GAP
            + _NAMED_SSN
            + _NAMED_END
        ),
    ),
    "br_cpf": (
        Trigger("cpf", "c.p.f", "cic", "c.i.c"),
        re.compile(
            r"(?i:cpf|c\.p\.f\.?|cic|c\.i\.c\.?)(?i:/mf)?"
            + _NAMED_GAP
            + _named_value(11)
            + _NAMED_END
        ),
    ),
    "de_steuer_id": (
        Trigger(
            "steuer-id",
            "steuerid",
            "steueridentifikationsnummer",
            "identifikationsnummer",
            "identifikations-nr",
            "identifikationsnr",
            "idnr",
        ),
        re.compile(
            r"(?i:steuer-?id(?:nr\.?)?|steuer-?identifikationsnummer|identifikationsnummer"
            r"|identifikations-?nr\.?|idnr\.?)"
            + _NAMED_GAP
            + _named_value(11, first="[1-9]")
            + _NAMED_END
        ),
    ),
    "nl_bsn": (
        Trigger("bsn", "burgerservicenummer", "sofinummer", "b.s.n", "persoonsnummer"),
        re.compile(
            r"(?i:bsn|burgerservicenummer|sofinummer|b\.s\.n\.?|persoonsnummer)(?:-nummer)?"
            + _NAMED_GAP
            + _named_value(9)
            + _NAMED_END
        ),
    ),
    "pt_nif": (
        Trigger("nif", "n.i.f", "contribuinte", "contrib."),
        re.compile(
            r"(?i:nif|n\.i\.f\.|n\u00famero[ ]de[ ]contribuinte|contribuinte|contrib\.)"
            + _NAMED_GAP
            + _named_value(9, first="(?:PT[ ]?)?[1-9]")
            + _NAMED_END
        ),
    ),
}
NAMED_ID_HINTS = tuple(word for trigger, _ in _NAMED.values() for word in trigger.prefixes)


def find_named_ids(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for kind, (trigger, pattern) in _NAMED.items():
        for start, _ in trigger.hits(low):
            if not starts_word(low, start):
                continue  # "Dissn", "tarifnif"
            m = pattern.match(text, start)
            if m is not None and v.named_number_ok(kind, m.group(1)):
                yield kind, m.start(1), m.end(1)
