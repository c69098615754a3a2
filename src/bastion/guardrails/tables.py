"""Values under a name: a table column or a named field whose name says what it holds
("dob", "SSN", "BSN", "tax_id", "Reisepass-Nr.", "driverLicense", "telefoon") makes each value
under it that passes that kind's check a finding, though the value itself carries no label.

Tables: CSV, TSV, semicolon-separated and pipe (Markdown) tables, as spreadsheets and database
exports are pasted into prompts. A header is a line of short, label-like cells split by one
delimiter, at least one of which names a sensitive kind. Every later line split by the same
delimiter is read as a row of the latest header of that delimiter with as many cells or more (a
row still being written has fewer), so the header need not sit right above its rows: a stream
carries it forward (see `header_lines`).

Fields: `key: value`, `"key": "value"` and `KEY=value` in JSON, YAML, `.env` files, logs and
forms, where the key is one token (`tax_id`, `medicalRecordNumber`, `DL_NUMBER`) or a short
label that starts its line (`Driver License Number:`); and XML elements
(`<social_security_no>…</social_security_no>`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from bastion.guardrails import validators as v
from bastion.guardrails.contact import phone_ok
from bastion.guardrails.credentials import password_value_ok
from bastion.guardrails.dates import birth_date_ok
from bastion.guardrails.health import KIND as HEALTH_KIND
from bastion.guardrails.identifiers import SOFTWARE_LICENCE, SSN_FOREIGN_NAMES
from bastion.guardrails.scanning import Match, Text

DELIMITERS = ("\t", ";", "|", ",")
TABLE_KINDS = frozenset(
    {
        "date_of_birth",
        "passport",
        "driver_license",
        "medical_record_number",
        "phone",
        "password",
        "us_ssn",
        "nl_bsn",
        "pt_nif",
        "br_cpf",
        "de_steuer_id",
        "es_dni",
        "es_nie",
        "fr_nir",
        "uk_nino",
        "it_codice_fiscale",
        "at_svnr",
        "ch_ahv",
        "be_national_number",
        "ie_pps",
        "mx_curp",
        HEALTH_KIND,
    }
)
_MAX_HEADER_CELL = 40
MAX_ROW = 4096  # longer lines are not read as rows

_CHECKS: dict[str, Callable[[str], bool]] = {
    "us_ssn": v.us_ssn_ok,
    "nl_bsn": v.nl_bsn_ok,
    "pt_nif": v.pt_nif_ok,
    "br_cpf": v.br_cpf_ok,
    "de_steuer_id": v.de_steuer_id_ok,
    "es_dni": v.es_dni_ok,
    "es_nie": v.es_nie_ok,
    "fr_nir": v.fr_nir_ok,
    "uk_nino": v.uk_nino_ok,
    "it_codice_fiscale": v.it_codice_fiscale_ok,
    "at_svnr": v.at_svnr_ok,
    "ch_ahv": v.ch_ahv_ok,
    "be_national_number": v.be_national_number_ok,
    "ie_pps": v.ie_pps_ok,
    "mx_curp": v.mx_curp_ok,
}
# What a column of national numbers holds, by its header; the first kind whose check passes.
# A generic header tries the checksummed kinds before the SSN, which nearly any nine digits
# pass.
_ANY_NATIONAL = (*(kind for kind in _CHECKS if kind != "us_ssn"), "us_ssn")
_NATIONAL_COLUMNS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), kinds)
    for pattern, kinds in (
        # "dutch_social_security_number" is the BSN's English name, not an SSN.
        (
            r"\b(?:ssn|s s n|(?<!dutch )social security|soc sec|ss no|seguro social|"
            + "|".join(re.escape(name.replace("-", " ")) for name in SSN_FOREIGN_NAMES)
            + r")\b",
            ("us_ssn",),
        ),
        (
            r"\b(?:bsn|b s n|burgerservice\w*|burger service\w*|sofi\w*|persoonsnummer"
            r"|citizens? service|dutch social security)\b",
            ("nl_bsn",),
        ),
        (
            r"\b(?:nif|n i f|contribuinte|contrib|nipc|identifica[cç][aã]o fiscal)\b",
            ("pt_nif", "es_dni", "es_nie"),
        ),
        (r"\b(?:dni|nie)\b", ("es_dni", "es_nie")),
        (r"\b(?:cpf|c p f|cic)\b", ("br_cpf",)),
        (
            r"\b(?:steuer ?id\w*|steuerid\w*|idnr|steuerliche id\w*|identifikations\w*"
            r"|identnummer|ident nr|st idnr)\b",
            ("de_steuer_id",),
        ),
        (r"\b(?:nino|ni number|ni no|national insurance)\b", ("uk_nino",)),
        (r"\b(?:nir|insee|s[eé]curit[eé] sociale|num[eé]ro ss)\b", ("fr_nir",)),
        (r"\b(?:codice fiscale|cod fiscale)\b", ("it_codice_fiscale",)),
        (
            r"\b(?:svnr|sv nr|vsnr|sozialversicherungs\w*|versicherungsnummer)\b",
            ("at_svnr", "ch_ahv"),
        ),
        (r"\b(?:ahv\w*|avs)\b", ("ch_ahv",)),
        (
            r"\b(?:rijksregister\w*|registre national|num[eé]ro national|insz|niss"
            r"|nationalregister\w*)\b",
            ("be_national_number",),
        ),
        (r"\b(?:ppsn?|personal public service)\b", ("ie_pps",)),
        (r"\bcurp\b", ("mx_curp",)),
        (r"\b(?:tin|tax ?id\w*|national id\w*|id number|personal id\w*)\b", _ANY_NATIONAL),
    )
)
_NUMBER_SHAPE = re.compile(r"[0-9A-Z](?:[0-9A-Z .\-/]{4,20})[0-9A-Z]")
_DOCUMENT_SHAPE = re.compile(r"[A-Z0-9][A-Z0-9\-/. ]{2,18}[A-Z0-9]")
_PHONE_SHAPE = re.compile(r"\+?[\d(][\d ()./\-]{5,22}\d")


def _national(kinds: tuple[str, ...], value: str) -> str | None:
    if _NUMBER_SHAPE.fullmatch(value) is None:
        return None
    if len(kinds) == 1 and kinds[0] in v.NAMED_KINDS:
        # A column named for one identifier ("cpf", "steuer_id") holds it whatever its check
        # digits say, as a number labelled so in prose does (identifiers.find_named_ids).
        return kinds[0] if v.named_number_ok(kinds[0], value) else None
    for kind in kinds:
        if _CHECKS[kind](value):
            return kind
    return None


def _passport(value: str) -> str | None:
    compact = value.replace(" ", "")
    ok = 6 <= len(compact) <= 9 and compact.isalnum() and (compact.isupper() or compact.isdigit())
    return "passport" if ok and sum(c.isdigit() for c in compact) >= 2 else None


def _licence_label(folded: str) -> bool:
    # "license" alone names a driving licence in a form; "license key" or "license: MIT" in a
    # software manifest does not.
    return (
        folded in ("license", "licence", "lic", "licencia")
        or _LICENCE_LABEL.search(folded) is not None
    )


_LICENCE_LABEL = re.compile(
    r"\b(?:driver\w*|driving|dl|dln|licen[cs]e ?(?:no|nr|number|num)|lic ?(?:no|nr)"
    r"|f[uü]hrerschein\w*|fuehrerschein\w*|f[uü]hrerausweis|permis de conduire|permis"
    r"|carnet de conducir|carnet|conducir|patente|rijbewijs\w*|cnh|carta de condu\w*"
    r"|fahrerlaubnis\w*|oln|lenke?rberechtigung\w*|(?:no|num|n[uú]mero) de licencia|fs nr"
    r"|licencia ?(?:no|nr|num|n[uú]mero)|operator s licen[cs]e|operator licen[cs]e"
    r"|licencia de manejo"
    r"|prawo jazdy|prawa jazdy|k[oö]rkort\w*|k[oø]rekort\w*|f[oø]rerkort\w*|ajokort\w*"
    r"|[rř]idi[cč]sk\w*)\b"
)


def _licence(value: str) -> str | None:
    ok = _DOCUMENT_SHAPE.fullmatch(value) is not None and len(value) >= 6
    ok = ok and SOFTWARE_LICENCE.match(value) is None
    return "driver_license" if ok and any(c.isdigit() for c in value) else None


_SPACED_DIGITS = re.compile(r"\d{2,4}(?: \d{2,4}){1,3}")


def _record(value: str) -> str | None:
    # Spaces only between groups of digits, as some hospitals print them ("629 052 3987").
    spaced = " " in value and _SPACED_DIGITS.fullmatch(value) is None
    ok = _DOCUMENT_SHAPE.fullmatch(value) is not None and not spaced
    return "medical_record_number" if ok and sum(c.isdigit() for c in value) >= 3 else None


def _birth(value: str) -> str | None:
    return "date_of_birth" if birth_date_ok(value) else None


def _phone(value: str) -> str | None:
    return "phone" if _PHONE_SHAPE.fullmatch(value) and phone_ok(value) else None


def _password(value: str) -> str | None:
    # A word with letters, or a PIN; not a number like a "pass rate" of 0.95.
    shape = any(c.isalpha() for c in value) or (value.isdigit() and 4 <= len(value) <= 8)
    ok = shape and 4 <= len(value) <= 128 and " " not in value and password_value_ok(value)
    return "password" if ok else None


# Header words, after folding ("Geburts-Datum" -> "geburts datum"), and what their cells hold,
# checked in order: these, then national numbers, licences, and the rest ("passport" before the
# "pass" of a password column).
_FIRST_COLUMNS: tuple[tuple[re.Pattern[str], Callable[[str], str | None]], ...] = (
    (
        re.compile(
            r"\b(?:dob|d o b|birth\w*|\w*geburt\w*|\w*naiss\w*|\w*nacim\w*|\w*nascim\w*"
            r"|\w*nascit\w*|\w*geboort\w*|fecha nac|f nac|data nasc|ddn|gebdat\w*|geb datum)\b"
        ),
        _birth,
    ),
    (
        re.compile(
            r"\b(?:pass(?:port|eport|aporte?|aporto|nummer| ?nr| ?no)|reisepass\w*|paspoort\w*"
            r"|pasaporte|ausweis ?(?:nr|no|nummer)|paszport\w*|passin numero|passinumero"
            r"|c[ií]slo pasu|cestovn[ií] pas|ppt ?(?:no|nr|number)|travel doc\w*"
            r"|reisedokument\w*|document de voyage|documento de viaje|documento di viaggio"
            r"|documento de viagem|reisdocument\w*)\b"
        ),
        _passport,
    ),
)
_LAST_COLUMNS: tuple[tuple[re.Pattern[str], Callable[[str], str | None]], ...] = (
    (
        re.compile(
            r"\b(?:mrn|medical record\w*|patient ?(?:id|no|nr|number|nummer)|patienten\w*"
            r"|pati[eë]ntnummer|fallnummer|fall nr|nhc|historia\w*|ipp|dossier|cartella"
            r"|processo|utente|chart no|record no|hospital no|nhs|prontu[aá]rio|krankenakte"
            r"|case id|fall id|(?:codice|cod|id|numero) paziente)\b"
        ),
        _record,
    ),
    (
        re.compile(
            r"\b(?:\w*phone\w*|tel|tel[eé]fono|telefon\w*|t[eé]l[eé]phone|telefoon\w*|telem[oó]vel"
            r"|mobile?|mobil\w*|handy|cell\w*|gsm|m[oó]vil|celular|fax|portable)\b"
        ),
        _phone,
    ),
    (
        re.compile(
            # The name ends with it: "db_password", "wifi pass", not "pin_count".
            r"\b(?:password|passwort|passwd|pwd|pass|kennwort|mot de passe|mdp|contrase[nñ]a"
            r"|clave|wachtwoord|senha|pin|palavra passe|parola d ordine|passphrase|passcode)$"
        ),
        _password,
    ),
)

# Health information under its name: a diagnosis, a medicine, an allergy, whatever its words
# (the health recognizer knows only the words on its lists). Read in a table's column only
# when the table is about people (``_PEOPLE``), and in an XML element; a named field
# ("Diagnosis: …") is left to the health recognizer, for which such a name makes the text a
# record about someone (``health_terms.DOCUMENT_CUES``) unless it is a leaflet's or a pet's.
_HEALTH_FIELDS = re.compile(
    r"^(?:(?:admitting |admission |discharge |primary |secondary |main |working |differential )?"
    r"(?:dx|diagnos[ie]s|diagnosen?|diagnostics?|diagn[oó]sticos?|diagnosi|ddx)"
    r"|(?:haupt|neben|aufnahme|entlass|verdachts)diagnosen?"
    r"|icd ?10|icd|cie ?10|cim ?10"
    r"|allerg(?:y|ies|ien|ie|ieën|ias|ias conocidas)|alergias?|drug allergies|known allergies"
    r"|(?:current |regular |repeat )?(?:medications?|meds)|medikation|medikamente|m[eé]dicaments?"
    r"|medicatie|medicijnen|medica[cç][aã]o|medicaci[oó]n|farmaci|terapia in corso"
    r"|(?:past )?medical history|pmh|comorbidit(?:y|ies)|comorbidit[aà]|comorbidades"
    r"|comorbilidades|comorbidit[eé]s|pre ?existing (?:medical )?conditions?"
    r"|underlying (?:health |medical )?conditions?|vorerkrankungen|antecedentes(?: personales)?"
    r"|ant[eé]c[eé]dents(?: m[eé]dicaux)?|anamnese|anamnesi|befunde?)$"
)
# Names a column carries only in a table about people (a product's "condition" is new or used).
_HEALTH_COLUMNS = re.compile(
    r"^(?:symptoms?|symptome|sympt[oô]mes|s[ií]ntomas|sintomi|symptomen|sintomas"
    r"|(?:medical |health |chronic )?conditions?(?: as disclosed| disclosed)?|illness|krankheit"
    r"|erkrankung(?:en)?|maladie|enfermedad|malattia|ziekte|aandoening(?:en)?|doen[cç]a"
    r"|disability|disabilities|behinderung|handicap|discapacidad|disabilit[aà]"
    r"|(?:sickness |absence |illness )?reason(?: for absence)?|grund|krankheitsgrund|motif|motivo"
    r"|causale|causa|reden|raison)$"
)
# A column naming the person a row is about.
_PEOPLE = re.compile(
    r"\b(?:name|names|first name|last name|surname|forename|vorname|nachname|nom|pr[eé]nom"
    r"|nombre|apellidos?|nome|cognome|naam|voornaam|achternaam|initials|patient\w*|paciente"
    r"|paziente|pati[eë]nt\w*|utente|doente|employee\w*|mitarbeiter\w*|empleado|dipendente"
    r"|medewerker|funcion[aá]rio|salari[eé]|matricola|personalnummer|pers nr|n func|emp id"
    r"|staff\w*|resident|bewohner\w*|residente|client|klient\w*|cliente|cli[eë]nt"
    r"|student|pupil|sch[uü]ler\w*|[eé]l[eè]ve|alumno|alunno|leerling|aluno"
    r"|age|alter|[aâ]ge|edad|et[aà]|leeftijd|idade|sex|gender|geschlecht|sexe|sexo|sesso"
    r"|geslacht|bed|bett|lit|cama|letto|dob|mrn|nhs|geburtsdatum|date of birth)\b"
)
# Absence tables: a "reason" column is a health column only in a text about sickness absence.
_GENERIC_REASONS = frozenset(
    {"reason", "grund", "motif", "motivo", "causale", "causa", "reden", "raison"}
)
_SICKNESS_ABSENCE = (
    "sick", "krank", "maladie", "arrêt", "baja", "baixa", "malattia", "ziek", "verzuim",
    "absence", "abwesenheit", "fehlzeit", "ausencia", "assenz", "afwezig", "absentéisme",
)  # fmt: skip
# A cell that is no one's health: empty, a placeholder, a type's name.
_NOT_A_VALUE = frozenset(
    {
        "none", "null", "nil", "n/a", "na", "unknown", "string", "str", "text", "varchar",
        "list", "array", "object", "optional", "required", "todo", "tbd", "xxx", "value",
        "keine", "aucun", "aucune", "ninguno", "ninguna", "nessuno", "nessuna", "geen",
        "nenhum", "nenhuma", "yes", "no", "true", "false", "ja", "nein", "oui", "non", "si",
        "sí", "sim", "nee",
    }
)  # fmt: skip
_CODE_SIGNS = ("(", ")", "{", "}", "[", "]", "<", ">", "=", "$", "`", "_", "\\")


def _health(value: str) -> str | None:
    """A cell or field value that says something of someone's health: some letters, and not a
    placeholder, a type or code."""
    folded = value.strip(" .:-").lower()
    ok = (
        sum(c.isalpha() for c in folded) >= 3
        and folded not in _NOT_A_VALUE
        and not any(sign in value for sign in _CODE_SIGNS)
        and not folded.startswith(("e.g", "z.b", "ex.", "p.ej", "bijv", "ad es"))
    )
    return HEALTH_KIND if ok else None


_FOLD = str.maketrans(dict.fromkeys("_-./#:()[]*'\"`", " "))
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@functools.lru_cache(maxsize=1024)
def _column_check(label: str) -> Callable[[str], str | None] | None:
    """What a column or field of this name holds: the check its values must pass (None: not
    a sensitive kind). "medicalRecordNumber", "DL_NUMBER" and "Geburts-Datum" are read as
    words."""
    folded = _fold(label)
    if not folded:
        return None
    for pattern, check in _FIRST_COLUMNS:
        if pattern.search(folded):
            return check
    for pattern, kinds in _NATIONAL_COLUMNS:
        if pattern.search(folded):
            return functools.partial(_national, kinds)
    if _licence_label(folded):
        return _licence
    for pattern, check in _LAST_COLUMNS:
        if pattern.search(folded):
            return check
    if _HEALTH_FIELDS.match(folded):
        return _health
    return None


def _fold(label: str) -> str:
    return " ".join(_CAMEL.sub(" ", label).lower().translate(_FOLD).split())


@functools.lru_cache(maxsize=1024)
def _health_column(label: str) -> bool:
    """Whether a column of this name holds health information in a table about people (what
    ``_column_check`` finds already aside)."""
    return _HEALTH_COLUMNS.match(_fold(label)) is not None


@functools.lru_cache(maxsize=1024)
def _names_people(label: str) -> bool:
    return _PEOPLE.search(_fold(label)) is not None


def _first_of(low: str, words: tuple[str, ...]) -> int:
    """Where the first of ``words`` stands in ``low`` (its length: none)."""
    return min((at for at in map(low.find, words) if at >= 0), default=len(low))


def sickness_words(low: str) -> list[str]:
    """The words in ``low`` that make a table's "reason" column one of sickness absence; a
    stream carries them forward to the rows."""
    return [word for word in _SICKNESS_ABSENCE if word in low]


@dataclass(frozen=True, slots=True)
class _Header:
    width: int
    checks: dict[int, Callable[[str], str | None]]
    # Columns named only "reason", "motivo"…: health only in a text about sickness absence.
    reasons: frozenset[int] = frozenset()


def _cells(line: str, delimiter: str) -> list[tuple[int, int]]:
    """Offsets of each cell of ``line``; a double-quoted cell may hold the delimiter. A quote
    left open is no cell's (a table inside a JSON string: ``{"note": "name,diagnosis``)."""
    if '"' in line:
        spans: list[tuple[int, int]] = []
        start, quoted = 0, False
        for i, ch in enumerate(line):
            if ch == '"':
                quoted = not quoted
            elif ch == delimiter and not quoted:
                spans.append((start, i))
                start = i + 1
        if not quoted:
            spans.append((start, len(line)))
            return spans
    spans = []
    start = 0
    for part in line.split(delimiter):
        spans.append((start, start + len(part)))
        start += len(part) + 1
    return spans


def _trimmed(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start] in " \t\r\"'":
        start += 1
    while end > start and line[end - 1] in " \t\r\"'":
        end -= 1
    return start, end


def _header(line: str, delimiter: str) -> _Header | None:
    spans = _cells(line, delimiter)
    if len(spans) < 2:
        return None
    checks: dict[int, Callable[[str], str | None]] = {}
    labels = 0
    people = False
    reasons: set[int] = set()
    for index, span in enumerate(spans):
        start, end = _trimmed(line, *span)
        label = line[start:end]
        if not label:
            continue
        if len(label) > _MAX_HEADER_CELL or sum(c.isdigit() for c in label) > 2:
            return None  # a row of values, or prose
        labels += 1
        people = people or _names_people(label)
        check = _column_check(label)
        if check is None and _health_column(label):
            check = _health
            if _fold(label) in _GENERIC_REASONS:
                reasons.add(index)
        if check is not None:
            checks[index] = check
    if not people:
        # A table that names no one (a code list: "code,diagnosis") holds no one's health.
        checks = {index: check for index, check in checks.items() if check is not _health}
    if not checks or labels < 2:
        return None
    return _Header(len(spans), checks, frozenset(reasons))


def _is_header_candidate(line: str) -> bool:
    return 0 < len(line) <= 1024 and any(c.isalpha() for c in line)


def find_table_cells(t: Text) -> Iterator[Match]:
    text = t.text
    if "\n" not in text:
        return
    headers: dict[str, list[_Header]] = {}
    # Where the text first speaks of sickness absence, looked for once a header has a "reason"
    # column. Only rows after it count: a stream cannot know what comes after a row.
    sickness_at: int | None = None
    position = 0
    for line in text.split("\n"):
        offset = position
        position += len(line) + 1
        present = [d for d in DELIMITERS if d in line]
        if not present:
            continue
        read_as_header = False
        if _is_header_candidate(line):
            for delimiter in present:
                header = _header(line, delimiter)
                if header is not None:
                    stack = headers.setdefault(delimiter, [])
                    stack[:] = [h for h in stack if h.width != header.width]
                    stack.append(header)
                    read_as_header = True
        if read_as_header or len(line) > MAX_ROW:
            continue
        for delimiter in present:
            active = headers.get(delimiter)
            if not active:
                continue
            spans = _cells(line, delimiter)
            header = _row_header(active, len(spans))
            if header is None:
                continue
            for index, check in header.checks.items():
                if index >= len(spans):
                    continue
                if index in header.reasons:
                    if sickness_at is None:
                        sickness_at = _first_of(t.low, _SICKNESS_ABSENCE)
                    if sickness_at >= offset:
                        continue
                start, end = _trimmed(line, *spans[index])
                if end - start < (3 if check is _health else 4):
                    continue
                kind = check(line[start:end])
                if kind is not None:
                    yield kind, offset + start, offset + end


def _row_header(stack: list[_Header], width: int) -> _Header | None:
    """The header a row of ``width`` cells belongs to: one as wide, else the narrowest wider."""
    wider = [h for h in stack if h.width >= width]
    if not wider:
        return None
    for header in reversed(wider):
        if header.width == width:
            return header
    return min(wider, key=lambda h: h.width)


def is_header(line: str) -> bool:
    """Whether ``line`` is a table header that names a sensitive column."""
    if not _is_header_candidate(line):
        return False
    return any(d in line and _header(line, d) is not None for d in DELIMITERS)


def header_lines(text: str) -> list[str]:
    """The table headers in ``text`` that name a sensitive column, as written: a stream carries
    them forward so rows that arrive later are still read against them."""
    if not any(d in text for d in DELIMITERS):
        return []
    return [line for line in text.split("\n") if is_header(line)]


# A field: its name (one token, or a short label starting its line), ":" or "=", the value up
# to the end of the line or the next quote, comma or brace. Only the text just before each
# ":" and "=" is read, so prose with few of them costs next to nothing.
# On a line of several pairs (logfmt: "user=jdoe dl=S1234567 city=Springfield"), a value ends
# where the next name and its "=" begin.
_FIELD_VALUE = re.compile(
    r"[ \t]{0,4}[\"']?([^\n\"',;{}\[\]]{4,64}?)[\"']?[ \t]*"
    r"(?:[,;}\]\n]|$|(?<=[ \t])(?=[A-Za-z_][\w.\-]{0,40}=[^=]))"
)
_SIGNS = re.compile(r"[:=](?![/=])")
_MAX_NAME = 40


# The end of a sentence: a lower-case word's full stop ("home. My"), not an abbreviation's
# ("Lic. No.", "Tel.-Nr.").
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{3}[.!?])[ \t]+(?=[A-Z])")


def _names_before(text: str, at: int) -> Iterator[str]:
    """The field names that may end at ``at``: the token right before it, then the line's
    start up to it ("Driver License Number")."""
    end = at
    while end > 0 and text[end - 1] in " \t\"'":
        end -= 1
    start = end
    while (
        start > 0
        and end - start <= _MAX_NAME
        and (text[start - 1].isalnum() or text[start - 1] in "_.-")
    ):
        start -= 1
    if start < end and text[start].isalpha() and (start == 0 or not text[start - 1].isalnum()):
        yield text[start:end]
    line_start = text.rfind("\n", max(0, at - _MAX_NAME - 8), at) + 1
    if line_start > 0 or at <= _MAX_NAME + 8:
        label = text[line_start:end].lstrip(" \t>*-")
        # A sentence before the name is not part of it: "My SSN is at home. My phone number".
        if ". " in label or "! " in label or "? " in label:
            breaks = list(_SENTENCE_BREAK.finditer(label))
            if breaks:
                label = label[breaks[-1].end() :]
        if label and label[0].isalpha() and label != text[start:end]:
            yield label


def find_named_fields(t: Text) -> Iterator[Match]:
    text = t.text
    for sign in _SIGNS.finditer(text):
        at = sign.start()
        check = None
        for name in _names_before(text, at):
            check = _column_check(name)
            if check is not None:
                break
        if check is None or check is _health:
            # A field's health is the health recognizer's: a leaflet's "Symptoms:" or a
            # veterinary note's "Diagnose:" is no one's record.
            continue
        value = _FIELD_VALUE.match(text, at + 1)
        if value is None:
            continue
        start, end = value.span(1)
        while end > start and text[end - 1] in " \t.":
            end -= 1
        kind = check(text[start:end])
        if kind is not None:
            yield kind, start, end


# An element whose name says what it holds, with its value on one line: the text between the
# start tag (attributes allowed) and its own end tag.
_XML_ELEMENT = re.compile(
    r"<([A-Za-z_][\w.\-]{0,39})(?:[ \t][^<>\n]{0,200})?>[ \t]*([^<>\n]{4,64}?)[ \t]*</\1>"
)


def find_xml_fields(t: Text) -> Iterator[Match]:
    for element in _XML_ELEMENT.finditer(t.text):
        check = _column_check(element.group(1))
        if check is None:
            continue
        kind = check(element.group(2))
        if kind is not None:
            yield kind, element.start(2), element.end(2)
