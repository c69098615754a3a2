"""A combinatorial probe of the weak identifier kinds: label variants x value spellings x
positions, with hard negatives in the same frames, so a systematic gap shows as a low recall in
one dimension rather than as a few scattered misses.

    .venv/bin/python benchmarks/guardrails/pii_probe.py [--misses N] [--json] [--kind KIND]
        [--scanner MODULE:FUNCTION]

Values are generated with valid check digits (python-stdnum); the seed is fixed, so two runs
build the same cases. Each positive case is one value of one kind written with one label (en,
de, fr, es, it, nl, pt; English names of foreign identifiers; abbreviations and spellings with
and without punctuation), one value spelling (groupings, NBSP, thin and narrow spaces, dots,
dashes, slashes, none) and one position (label before it with or without a colon, after it in
parentheses, on the line before, as a CSV/TSV/Markdown header, as a JSON/YAML/XML key, key=value,
a form's dotted leader, several sentences earlier in a conversation, a quoted e-mail reply).
It is found when the scan reports that kind over the value. Hard negatives put order, invoice,
tracking, customer and phone numbers, amounts, dates and versions (many of them passing an
identifier's check) in the same frames; any finding over them is a false alarm. The report gives
recall per kind and per dimension value, and the false alarms per negative label and frame.

The probe is written from public formats, not from any evaluation split; it is not scored as a
benchmark figure, only used to find which label, spelling or position a recognizer misses.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from stdnum import iban as std_iban
from stdnum.br import cpf as std_cpf
from stdnum.de import idnr as std_idnr
from stdnum.nl import bsn as std_bsn
from stdnum.pt import nif as std_nif
from stdnum.us import ssn as std_ssn

SEED = 20240611
NBSP, THIN, NARROW = "\u00a0", "\u2009", "\u202f"


@dataclass
class Case:
    kind: str  # expected kind, or "" for a hard negative
    text: str
    spans: list[tuple[int, int]]  # the values (positive) or decoys (negative)
    dims: dict[str, str] = field(default_factory=dict)


# --- values ---------------------------------------------------------------------------------


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def gen_cpf(rng: random.Random) -> str:
    while True:
        base = _digits(rng, 9)
        if len(set(base)) > 1:
            return base + std_cpf._calc_check_digits(base)


def gen_steuer(rng: random.Random) -> str:
    while True:
        base = str(rng.randint(1, 9)) + _digits(rng, 9)
        value = base + str(std_idnr.mod_11_10.calc_check_digit(base))
        if std_idnr.is_valid(value):
            return value


def gen_bsn(rng: random.Random) -> str:
    while True:
        base = str(rng.randint(1, 9)) + _digits(rng, 7)
        for last in "0123456789":
            value = base + last
            if std_bsn.is_valid(value) and value[0] != "0":
                return value


def gen_nif(rng: random.Random) -> str:
    while True:
        base = rng.choice("123") + _digits(rng, 7)
        value = base + std_nif.calc_check_digit(base)
        if std_nif.is_valid(value):
            return value


def gen_ssn(rng: random.Random) -> str:
    while True:
        value = f"{rng.randint(1, 665):03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if std_ssn.is_valid(value):
            return value


def gen_iban(rng: random.Random, country: str) -> str:
    bban = {
        "IE": lambda: "AIBK" + _digits(rng, 14),
        "AT": lambda: _digits(rng, 16),
        "CH": lambda: "00762" + _digits(rng, 12),
        "BE": lambda: "539" + _digits(rng, 9),
        "DE": lambda: _digits(rng, 18),
        "NL": lambda: "ABNA" + _digits(rng, 10),
    }[country]()
    if country == "BE":  # the Belgian account's own mod 97 check
        check = int(bban[:10]) % 97 or 97
        bban = bban[:10] + f"{check:02d}"
    for check in range(2, 99):
        value = f"{country}{check:02d}{bban}"
        if std_iban.is_valid(value, check_country=False):
            return value
    raise AssertionError(country)


def _group(value: str, sizes: tuple[int, ...], sep: str) -> str:
    out, at = [], 0
    for size in sizes:
        out.append(value[at : at + size])
        at += size
    if at < len(value):
        out.append(value[at:])
    return sep.join(out)


# Spellings of each national number: name -> function of the bare digits.
Spell = Callable[[str], str]
SPELLINGS: dict[str, dict[str, Spell]] = {
    "br_cpf": {
        "bare": lambda d: d,
        "official": lambda d: f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}",
        "spaces": lambda d: _group(d, (3, 3, 3, 2), " "),
        "nbsp": lambda d: _group(d, (3, 3, 3, 2), NBSP),
        "thin": lambda d: f"{d[:3]}{THIN}{d[3:6]}{THIN}{d[6:9]}{THIN}{d[9:]}",
        "dash_last": lambda d: f"{d[:9]}-{d[9:]}",
        "dots_slash": lambda d: f"{d[:3]}.{d[3:6]}.{d[6:9]}/{d[9:]}",
        "dashes": lambda d: _group(d, (3, 3, 3, 2), "-"),
        "dots_only": lambda d: _group(d, (3, 3, 3, 2), "."),
        "spaces_dash": lambda d: f"{d[:3]} {d[3:6]} {d[6:9]}-{d[9:]}",
    },
    "de_steuer_id": {
        "bare": lambda d: d,
        "2-3-3-3": lambda d: _group(d, (2, 3, 3, 3), " "),
        "3-3-3-2": lambda d: _group(d, (3, 3, 3, 2), " "),
        "4-4-3": lambda d: _group(d, (4, 4, 3), " "),
        "nbsp": lambda d: _group(d, (2, 3, 3, 3), NBSP),
        "narrow": lambda d: _group(d, (2, 3, 3, 3), NARROW),
        "slashes": lambda d: _group(d, (2, 3, 3, 3), "/"),
        "dots": lambda d: _group(d, (2, 3, 3, 3), "."),
        "dashes": lambda d: _group(d, (2, 3, 3, 3), "-"),
        "3-4-4": lambda d: _group(d, (3, 4, 4), " "),
    },
    "nl_bsn": {
        "bare": lambda d: d,
        "4.2.3": lambda d: _group(d, (4, 2, 3), "."),
        "3 3 3": lambda d: _group(d, (3, 3, 3), " "),
        "3.3.3": lambda d: _group(d, (3, 3, 3), "."),
        "3-3-3": lambda d: _group(d, (3, 3, 3), "-"),
        "4 2 3": lambda d: _group(d, (4, 2, 3), " "),
        "nbsp": lambda d: _group(d, (3, 3, 3), NBSP),
        "2 3 4": lambda d: _group(d, (2, 3, 4), " "),
        "4-2-3": lambda d: _group(d, (4, 2, 3), "-"),
    },
    "pt_nif": {
        "bare": lambda d: d,
        "3 3 3": lambda d: _group(d, (3, 3, 3), " "),
        "3.3.3": lambda d: _group(d, (3, 3, 3), "."),
        "3-3-3": lambda d: _group(d, (3, 3, 3), "-"),
        "PT": lambda d: "PT" + d,
        "PT spaced": lambda d: "PT " + _group(d, (3, 3, 3), " "),
        "nbsp": lambda d: _group(d, (3, 3, 3), NBSP),
        "PT-": lambda d: "PT-" + d,
    },
    "us_ssn": {
        "dashes": lambda d: f"{d[:3]}-{d[3:5]}-{d[5:]}",
        "spaces": lambda d: f"{d[:3]} {d[3:5]} {d[5:]}",
        "bare": lambda d: d,
        "dots": lambda d: f"{d[:3]}.{d[3:5]}.{d[5:]}",
        "en_dash": lambda d: f"{d[:3]}\u2013{d[3:5]}\u2013{d[5:]}",
        "nbsp": lambda d: f"{d[:3]}{NBSP}{d[3:5]}{NBSP}{d[5:]}",
        "slashes": lambda d: f"{d[:3]}/{d[3:5]}/{d[5:]}",
    },
}
GENERATORS: dict[str, Callable[[random.Random], str]] = {
    "br_cpf": gen_cpf,
    "de_steuer_id": gen_steuer,
    "nl_bsn": gen_bsn,
    "pt_nif": gen_nif,
    "us_ssn": gen_ssn,
}

# Labels: (language, label). English names of foreign identifiers are "en".
LABELS: dict[str, list[tuple[str, str]]] = {
    "br_cpf": [
        ("pt", "CPF"), ("pt", "C.P.F."), ("pt", "cpf nº"), ("pt", "CPF/MF"), ("pt", "CPF n.º"),
        ("pt", "nº do CPF"), ("pt", "número do CPF"), ("pt", "Cadastro de Pessoas Físicas"),
        ("pt", "inscrito no CPF sob o nº"), ("pt", "Cpf"), ("en", "Brazilian CPF"),
        ("en", "Brazilian tax ID"), ("en", "CPF number"), ("es", "CPF brasileño"),
        ("de", "brasilianische CPF"), ("fr", "numéro CPF brésilien"), ("it", "CPF brasiliano"),
        ("nl", "Braziliaans CPF-nummer"),
    ],
    "de_steuer_id": [
        ("de", "Steuer-ID"), ("de", "Steuer-IdNr."), ("de", "St.-ID"), ("de", "IdNr"),
        ("de", "IdNr."), ("de", "Steueridentifikationsnummer"),
        ("de", "Steuer-Identifikationsnummer"),
        ("de", "steuerliche Identifikationsnummer"), ("de", "Identifikationsnummer"),
        ("de", "Steuer ID"), ("de", "STEUER-ID"), ("de", "Steuer-Id-Nr."), ("de", "pers. IdNr."),
        ("en", "German tax ID"), ("en", "tax ID"), ("en", "TIN"), ("en", "German TIN"),
        ("en", "tax identification number"), ("fr", "identifiant fiscal allemand"),
        ("fr", "numéro fiscal allemand"), ("es", "número de identificación fiscal alemán"),
        ("it", "codice fiscale tedesco"), ("nl", "Duits fiscaal nummer"),
        ("pt", "número fiscal alemão"),
    ],
    "nl_bsn": [
        ("nl", "BSN"), ("nl", "burgerservicenummer"), ("nl", "Burgerservicenummer (BSN)"),
        ("nl", "burgerservicenr"), ("nl", "sofinummer"), ("nl", "sofi-nummer"), ("nl", "B.S.N."),
        ("nl", "BSN-nummer"), ("nl", "bsn nr."), ("nl", "persoonsnummer"),
        ("en", "Dutch citizen service number"), ("en", "citizen service number"),
        ("en", "Dutch BSN"), ("en", "Dutch social security number"), ("de", "niederländische BSN"),
        ("fr", "numéro BSN néerlandais"), ("es", "número BSN holandés"),
        ("it", "numero BSN olandese"), ("pt", "BSN holandês"),
    ],
    "pt_nif": [
        ("pt", "NIF"), ("pt", "N.I.F."), ("pt", "NIF/NIPC"), ("pt", "n.º contribuinte"),
        ("pt", "número de contribuinte"), ("pt", "nº de contribuinte"), ("pt", "contribuinte n.º"),
        ("pt", "Número de Identificação Fiscal"), ("pt", "NIF nº"), ("pt", "Contrib."),
        ("en", "Portuguese taxpayer number"), ("en", "Portuguese NIF"),
        ("en", "Portuguese tax number"), ("en", "tax number (Portugal)"),
        ("es", "NIF portugués"), ("fr", "NIF portugais"), ("de", "portugiesische Steuernummer"),
        ("it", "codice fiscale portoghese"), ("nl", "Portugees fiscaal nummer"),
    ],
    "us_ssn": [
        ("en", "SSN"), ("en", "SSN#"), ("en", "Social Security No."), ("en", "SS#"),
        ("en", "Social Security Number"), ("en", "social security #"), ("en", "Soc. Sec. No."),
        ("en", "SSN No."), ("en", "S.S.N."), ("en", "SS No."), ("en", "US SSN"),
        ("es", "número de seguro social"), ("es", "Seguro Social"),
        ("de", "US-Sozialversicherungsnummer"),
        ("fr", "numéro de sécurité sociale américain"), ("it", "numero di previdenza sociale USA"),
        ("nl", "Amerikaans sofinummer (SSN)"), ("pt", "número de seguro social americano"),
    ],
}  # fmt: skip

# Positions: a frame with {L} (label), {K} (label as a key) and {V} (value), in one language.
FRAMES: dict[str, dict[str, str]] = {
    "colon": {"*": "{L}: {V}"},
    "no_colon": {"*": "{L} {V}"},
    "sentence": {
        "en": "Hello, my {L} is {V}, please update the record.",
        "de": "Guten Tag, meine {L} lautet {V}, bitte aktualisieren Sie die Daten.",
        "fr": "Bonjour, mon {L} est le {V}, merci de mettre à jour le dossier.",
        "es": "Hola, mi {L} es {V}, por favor actualicen el registro.",
        "it": "Buongiorno, il mio {L} è {V}, vi prego di aggiornare i dati.",
        "nl": "Goedendag, mijn {L} is {V}, wilt u dit aanpassen?",
        "pt": "Olá, o meu {L} é {V}, por favor atualizem o registo.",
    },
    "after_paren": {"*": "Reference for the file: {V} ({L})"},
    "after_paren_native": {
        "en": "Please use {V} ({L}) for the form.",
        "de": "Bitte verwenden Sie {V} ({L}) für das Formular.",
        "fr": "Merci d'utiliser {V} ({L}) pour le formulaire.",
        "es": "Por favor use {V} ({L}) para el formulario.",
        "it": "Si prega di usare {V} ({L}) per il modulo.",
        "nl": "Gebruik {V} ({L}) voor het formulier.",
        "pt": "Por favor use {V} ({L}) para o formulário.",
    },
    "prev_line": {"*": "{L}\n{V}\n"},
    "csv": {"*": "name,{L},city\nJ. Doe,{V},Springfield\n"},
    "tsv": {"*": "name\t{L}\tcity\nJ. Doe\t{V}\tSpringfield\n"},
    "markdown": {"*": "| Name | {L} | City |\n|---|---|---|\n| J. Doe | {V} | Springfield |\n"},
    "json": {"*": '{{"name": "J. Doe", "{K}": "{V}", "city": "Springfield"}}'},
    "yaml": {"*": 'person:\n  name: J. Doe\n  {K}: "{V}"\n  city: Springfield\n'},
    "xml": {"*": "<person><name>J. Doe</name><{K}>{V}</{K}></person>"},
    "key_value": {"*": "name=J.Doe {K}={V} city=Springfield"},
    "dotted": {"*": "Name ........ J. Doe\n{L} ........ {V}\nCity ........ Springfield\n"},
    "earlier": {
        "en": "About my {L}: the number on my payslip is wrong.\nI checked the letter again."
        "\nThe correct one is {V}. Thanks!",
        "de": "Es geht um meine {L}: die Nummer auf der Abrechnung ist falsch.\nIch habe den "
        "Brief nochmal geprüft.\nDie richtige ist {V}. Danke!",
        "fr": "Au sujet de mon {L} : le numéro sur ma fiche de paie est faux.\nJ'ai vérifié la "
        "lettre.\nLe bon est {V}. Merci !",
        "es": "Sobre mi {L}: el número de mi nómina está mal.\nHe revisado la carta.\n"
        "El correcto es {V}. ¡Gracias!",
        "it": "Riguardo al mio {L}: il numero sulla busta paga è sbagliato.\nHo ricontrollato "
        "la lettera.\nQuello giusto è {V}. Grazie!",
        "nl": "Over mijn {L}: het nummer op mijn loonstrook klopt niet.\nIk heb de brief nog "
        "eens bekeken.\nHet juiste is {V}. Bedankt!",
        "pt": "Sobre o meu {L}: o número no recibo está errado.\nVerifiquei a carta outra vez."
        "\nO correto é {V}. Obrigado!",
    },
    "email_quote": {
        "*": "Thanks, noted.\n\nOn Mon, 3 Jun, HR wrote:\n> Could you send your {L}?\n>\n"
        "> Regards\n\nSure, here it is: {V}\n",
    },
}


def _frame(position: str, language: str) -> str:
    frames = FRAMES[position]
    return frames.get(language) or frames.get("*") or frames["en"]


def _key(label: str) -> str:
    out = "".join(c if c.isalnum() else "_" for c in label.lower()).strip("_")
    while "__" in out:
        out = out.replace("__", "_")
    return out or "id"


def render(frame: str, label: str, value: str) -> tuple[str, tuple[int, int]]:
    marker = "\u0000"
    text = frame.replace("{L}", label).replace("{K}", _key(label)).replace("{{", "{")
    text = text.replace("}}", "}").replace("{V}", marker)
    at = text.index(marker)
    return text.replace(marker, value), (at, at + len(value))


# --- positive cases ---------------------------------------------------------------------------


def national_cases(rng: random.Random) -> Iterator[Case]:
    for kind, labels in LABELS.items():
        for language, label in labels:
            for spelling, spell in SPELLINGS[kind].items():
                for position in FRAMES:
                    value = spell(GENERATORS[kind](rng))
                    text, span = render(_frame(position, language), label, value)
                    dims = {"label": label, "spelling": spelling, "position": position}
                    dims["language"] = language
                    yield Case(kind, text, [span], dims)


# Other kinds: (country, value) and (language, label) lists, crossed with fewer positions.
_OTHER_POSITIONS = (
    "colon",
    "no_colon",
    "sentence",
    "prev_line",
    "csv",
    "json",
    "key_value",
    "dotted",
    "after_paren_native",
)
LICENCES = [
    ("IE", "123456789"),
    ("IE", "D1234567"),
    ("IE", "12-345-678"),
    ("AT", "12345678"),
    ("AT", "08/123456"),
    ("CH", "000123456001"),
    ("CH", "FA123456"),
    ("BE", "1234567890"),
    ("BE", "123 456 789 0"),
    ("MX", "A12345678"),
    ("MX", "N0123456789"),
    ("MX", "CDMX-123456789"),
    ("MX", "BC 1234567"),
    ("US-CA", "B7654321"),
    ("US-NY", "123 456 789"),
    ("US-FL", "S123-456-78-901-0"),
    ("US-TX", "12345678"),
    ("US-IL", "S123-4567-8901"),
    ("US-WA", "WDL12345678A"),
    ("US-NJ", "A1234 56789 01234"),
    ("US-PA", "12 345 678"),
    ("US-MI", "S 123 456 789 012"),
    ("US-OH", "AB123456"),
]
LICENCE_LABELS = [
    ("en", "Driver's License"),
    ("en", "DL #"),
    ("en", "Lic. No."),
    ("en", "DLN"),
    ("en", "driver licence number"),
    ("en", "Driving Licence No."),
    ("en", "licence number"),
    ("en", "driver number"),
    ("en", "Operator's License"),
    ("en", "OLN"),
    ("de", "Führerschein-Nr."),
    ("de", "Führerscheinnummer"),
    ("de", "Führerausweis-Nr."),
    ("de", "Führerschein Nr."),
    ("de", "FS-Nr."),
    ("de", "Nummer des Führerscheins"),
    ("fr", "permis de conduire n°"),
    ("fr", "n° de permis"),
    ("fr", "numéro du permis de conduire"),
    ("fr", "N° permis"),
    ("es", "licencia de conducir"),
    ("es", "número de licencia"),
    ("es", "No. de licencia"),
    ("es", "licencia de manejo"),
    ("es", "núm. licencia de conducir"),
    ("nl", "rijbewijsnummer"),
    ("nl", "rijbewijsnr."),
    ("nl", "nummer rijbewijs"),
    ("nl", "Rijbewijs nr"),
    ("it", "patente n."),
    ("it", "numero patente"),
    ("it", "patente di guida"),
    ("it", "n. patente"),
    ("pt", "carta de condução n.º"),
    ("pt", "CNH"),
    ("pt", "n.º da carta de condução"),
    ("pt", "número da CNH"),
]
PASSPORTS = [
    ("AT", "P1234567"),
    ("AT", "U 1234567"),
    ("CH", "X1234567"),
    ("CH", "S0001234"),
    ("BE", "EH123456"),
    ("BE", "EM654321"),
    ("IE", "PA1234567"),
    ("IE", "LB7654321"),
    ("MX", "G12345678"),
    ("MX", "N01234567"),
    ("US", "123456789"),
    ("DE", "C01X00T47"),
]
PASSPORT_LABELS = [
    ("en", "passport no."),
    ("en", "Passport Number"),
    ("en", "passport #"),
    ("en", "PPT No"),
    ("en", "travel document number"),
    ("de", "Passnummer"),
    ("de", "Reisepass-Nr."),
    ("de", "Pass-Nr."),
    ("de", "Reisepassnummer"),
    ("de", "Nummer des Reisepasses"),
    ("fr", "numéro de passeport"),
    ("fr", "n° passeport"),
    ("fr", "passeport n°"),
    ("es", "pasaporte"),
    ("es", "No. de pasaporte"),
    ("es", "número de pasaporte"),
    ("nl", "paspoortnummer"),
    ("nl", "paspoort nr."),
    ("nl", "nummer paspoort"),
    ("it", "passaporto n."),
    ("it", "numero di passaporto"),
    ("pt", "passaporte n.º"),
    ("pt", "número do passaporte"),
]
PASSWORDS = ["Sommer2024!", "hunter22", "Tr0ub4dor&3", "P@ssw0rd123", "kY7#mQ2zLp", "4821"]
PASSWORD_LABELS = [
    ("en", "password"),
    ("en", "Password"),
    ("en", "passphrase"),
    ("en", "pwd"),
    ("en", "PIN"),
    ("de", "Kennwort"),
    ("de", "Passwort"),
    ("de", "Kennwort"),
    ("fr", "mot de passe"),
    ("fr", "MDP"),
    ("es", "contraseña"),
    ("es", "clave"),
    ("nl", "wachtwoord"),
    ("pt", "senha"),
    ("pt", "palavra-passe"),
    ("it", "parola d'ordine"),
    ("it", "password"),
]
MRNS = ["MRN-0048213", "00482137", "4821379", "A-482137", "2024/018233", "K123456", "12-345678"]
MRN_LABELS = [
    ("en", "MRN"),
    ("en", "Medical Record Number"),
    ("en", "Patient ID"),
    ("en", "Hospital No."),
    ("de", "Patienten-ID"),
    ("de", "Fallnummer"),
    ("de", "Patientennummer"),
    ("de", "Fall-Nr."),
    ("fr", "NIP"),
    ("fr", "numéro de dossier patient"),
    ("fr", "IPP"),
    ("fr", "n° de dossier médical"),
    ("es", "N.º de historia clínica"),
    ("es", "NHC"),
    ("es", "número de historia clínica"),
    ("nl", "dossiernummer"),
    ("nl", "patiëntnummer"),
    ("pt", "prontuário"),
    ("pt", "n.º de processo clínico"),
    ("pt", "número do prontuário"),
    ("it", "cartella clinica"),
    ("it", "n. cartella clinica"),
    ("it", "codice paziente"),
]
PHONES = [
    ("IE", "+353 1 234 5678"),
    ("IE", "01 234 5678"),
    ("IE", "087 123 4567"),
    ("IE", "+353 87 123 4567"),
    ("AT", "+43 (0)1 234 56 78"),
    ("AT", "01 234 56 78"),
    ("AT", "+43 664 123 4567"),
    ("AT", "0664 1234567"),
    ("CH", "044 668 18 00"),
    ("CH", "+41 44 668 18 00"),
    ("CH", "079 123 45 67"),
    ("CH", "+41 (0)44 668 18 00"),
    ("BE", "+32 2 555 12 12"),
    ("BE", "02 555 12 12"),
    ("BE", "0470 12 34 56"),
    ("BE", "+32 470 12 34 56"),
    ("MX", "55 1234 5678"),
    ("MX", "(55) 1234-5678"),
    ("MX", "+52 55 1234 5678"),
    ("MX", "+52 1 55 1234 5678"),
    ("MX", "33 1234 5678"),
    ("AT", "+43-1-234-56-78"),
    ("CH", "+41 79 123 45 67"),
    ("BE", "+32 (0)2 555 12 12"),
]
PHONE_LABELS = [
    ("en", "phone"),
    ("en", "Tel."),
    ("en", "mobile"),
    ("en", "call me at"),
    ("de", "Telefon"),
    ("de", "Handy"),
    ("de", "Tel.-Nr."),
    ("de", "erreichbar unter"),
    ("fr", "téléphone"),
    ("fr", "tél."),
    ("fr", "GSM"),
    ("es", "teléfono"),
    ("es", "celular"),
    ("es", "móvil"),
    ("nl", "telefoonnummer"),
    ("nl", "GSM"),
    ("nl", "bel me op"),
    ("it", "cellulare"),
    ("it", "telefono"),
    ("pt", "telemóvel"),
    ("pt", "telefone"),
]
IBAN_COUNTRIES = ("IE", "AT", "CH", "BE", "DE", "NL")
IBAN_SPELLINGS: dict[str, Spell] = {
    "print": lambda s: " ".join(s[i : i + 4] for i in range(0, len(s), 4)),
    "electronic": lambda s: s,
    "dashes": lambda s: "-".join(s[i : i + 4] for i in range(0, len(s), 4)),
    "lower": lambda s: s.lower(),
    "nbsp": lambda s: NBSP.join(s[i : i + 4] for i in range(0, len(s), 4)),
    "IBAN prefix": lambda s: "IBAN " + " ".join(s[i : i + 4] for i in range(0, len(s), 4)),
}
IBAN_LABELS = [
    ("en", "IBAN"), ("en", "bank account"), ("de", "Bankverbindung"), ("de", "Konto"),
    ("fr", "compte bancaire"), ("fr", "RIB"), ("es", "cuenta bancaria"), ("nl", "rekeningnummer"),
    ("it", "conto corrente"), ("pt", "conta bancária"), ("pt", "NIB/IBAN"),
]  # fmt: skip


def other_cases(rng: random.Random) -> Iterator[Case]:
    tables: list[tuple[str, list[tuple[str, str]], list[tuple[str, str]]]] = [
        ("driver_license", LICENCE_LABELS, LICENCES),
        ("passport", PASSPORT_LABELS, PASSPORTS),
        ("password", PASSWORD_LABELS, [("-", p) for p in PASSWORDS]),
        ("medical_record_number", MRN_LABELS, [("-", m) for m in MRNS]),
        ("phone", PHONE_LABELS, PHONES),
    ]
    for kind, labels, values in tables:
        for language, label in labels:
            for country, value in values:
                for position in _OTHER_POSITIONS:
                    text, span = render(_frame(position, language), label, value)
                    dims = {"label": label, "spelling": country, "position": position}
                    dims["language"] = language
                    if kind in ("password", "medical_record_number"):
                        dims["spelling"] = value
                    yield Case(kind, text, [span], dims)
    for language, label in IBAN_LABELS:
        for country in IBAN_COUNTRIES:
            for spelling, spell in IBAN_SPELLINGS.items():
                for position in _OTHER_POSITIONS:
                    value = spell(gen_iban(rng, country))
                    text, span = render(_frame(position, language), label, value)
                    if spelling == "IBAN prefix":
                        span = (span[0] + 5, span[1])
                    dims = {"label": label, "spelling": f"{country} {spelling}"}
                    dims.update(position=position, language=language)
                    yield Case("iban", text, [span], dims)
    # A document that names the identifier once, then gives it later without a label.
    later = {
        "de_steuer_id": ("de", "Anbei die Unterlagen zur Steuer-ID.\n\nVielen Dank.\n"),
        "nl_bsn": (
            "nl",
            "Hierbij mijn gegevens voor de BSN-controle.\n\nMet vriendelijke groet.\n",
        ),
        "pt_nif": ("pt", "Segue em anexo o comprovativo do NIF.\n\nCumprimentos.\n"),
        "br_cpf": ("pt", "Segue o comprovante de situação do CPF.\n\nAtenciosamente.\n"),
        "us_ssn": ("en", "Attached is the SSN verification letter.\n\nThanks.\n"),
    }
    for kind, (language, intro) in later.items():
        for spelling, spell in SPELLINGS[kind].items():
            for tail in ("Number: {V}", "The number is {V}.", "{V}", "Ref {V} (see above)"):
                value = spell(GENERATORS[kind](rng))
                text, span = render(intro + tail, "", value)
                dims = {"label": "(named earlier)", "spelling": spelling}
                dims.update(position="named_once:" + tail, language=language)
                yield Case(kind, text, [span], dims)


# --- hard negatives ---------------------------------------------------------------------------

NEGATIVE_LABELS = [
    ("en", "order number"), ("en", "invoice no."), ("en", "tracking number"),
    ("en", "customer number"), ("en", "phone"), ("de", "Bestellnummer"),
    ("de", "Rechnungsnummer"), ("de", "Sendungsnummer"), ("de", "Kundennummer"),
    ("de", "Telefon"), ("fr", "numéro de commande"), ("fr", "n° de facture"),
    ("fr", "numéro de suivi"), ("es", "número de pedido"), ("es", "factura n.º"),
    ("nl", "bestelnummer"), ("nl", "factuurnummer"), ("nl", "klantnummer"),
    ("it", "numero d'ordine"), ("it", "fattura n."), ("pt", "número da encomenda"),
    ("pt", "fatura n.º"), ("pt", "pedido nº"), ("en", "amount"), ("en", "date"),
    ("en", "version"),
]  # fmt: skip


_PHONE_LABELS = ("phone", "Telefon")


def negative_values(rng: random.Random, label: str) -> list[tuple[str, str]]:
    if label == "amount":
        return [("amount", "€ 1.234.567,89"), ("amount", "R$ 12.345.678,90")]
    if label == "date":
        return [("date", "2024-06-11"), ("date", "11.06.2024")]
    if label == "version":
        return [("version", "10.4.2.1187"), ("version", "v2.13.0-rc1")]
    out = [
        ("cpf-valid", gen_cpf(rng)),
        ("steuer-valid", gen_steuer(rng)),
        ("bsn-valid", gen_bsn(rng)),
        ("nif-valid", gen_nif(rng)),
        ("steuer-valid grouped", _group(gen_steuer(rng), (2, 3, 3, 3), " ")),
        ("bsn-valid dotted", _group(gen_bsn(rng), (3, 3, 3), ".")),
        ("random 9", str(rng.randint(10**8, 10**9 - 1))),
        ("random 11", str(rng.randint(10**10, 10**11 - 1))),
    ]
    return out


def negative_cases(rng: random.Random) -> Iterator[Case]:
    for language, label in NEGATIVE_LABELS:
        for value_kind, value in negative_values(rng, label):
            for position in FRAMES:
                text, span = render(_frame(position, language), label, value)
                dims = {"label": label, "spelling": value_kind, "position": position}
                dims["language"] = language
                yield Case("", text, [span], dims)
    # A document that names an identifier once, then gives another number of the same shape.
    for kind, labels in LABELS.items():
        language, label = labels[0]
        for neg_lang, neg_label in NEGATIVE_LABELS[:23]:
            value = GENERATORS[kind](rng)
            other = GENERATORS[kind](rng)
            text, span = render(f"{label}: {value}\n{neg_label}: {{V}}\n", label, other)
            dims = {"label": neg_label, "spelling": kind + " after its label", "position": "mixed"}
            dims["language"] = neg_lang
            yield Case("", text, [span], dims)


# Everyday sentences with a number in them, with and without the country's own words.
EVERYDAY = {
    "en": ("Your parcel {V} left the depot today.", "The IRS form lists {V} as the reference."),
    "de": ("Ihr Paket {V} ist heute unterwegs.", "Das Finanzamt nennt {V} als Vorgang."),
    "fr": ("Votre colis {V} est parti ce matin.", "Le dossier {V} est en cours au Portugal."),
    "es": ("El envío {V} salió hoy del almacén.", "La referencia {V} de Brasil está lista."),
    "it": ("Il pacco {V} è partito oggi.", "La pratica {V} del Portogallo è chiusa."),
    "nl": ("Uw pakket {V} is vandaag verzonden.", "De gemeente noemt {V} als zaak bij de BRP."),
    "pt": ("A encomenda {V} saiu hoje do armazém.", "A Receita Federal cita {V} no processo."),
}


def random_number_cases(rng: random.Random) -> Iterator[Case]:
    """Random 9- and 11-digit numbers, with and without a valid check, in everyday sentences of
    each language, with and without the country's words: none is an identifier."""
    for language, (plain, country) in EVERYDAY.items():
        for sentence, where in ((plain, "plain"), (country, "country words")):
            for _ in range(6):
                values = [
                    ("random 9", str(rng.randint(10**8, 10**9 - 1))),
                    ("random 11", str(rng.randint(10**10, 10**11 - 1))),
                    ("bsn-valid", gen_bsn(rng)),
                    ("nif-valid", gen_nif(rng)),
                    ("cpf-valid", gen_cpf(rng)),
                    ("steuer-valid", gen_steuer(rng)),
                ]
                for value_kind, value in values:
                    text, span = render(sentence, "", value)
                    dims = {"label": "everyday " + where, "spelling": value_kind}
                    dims.update(position="random_numbers", language=language)
                    yield Case("", text, [span], dims)


def build() -> list[Case]:
    rng = random.Random(SEED)
    return [
        *national_cases(rng),
        *other_cases(rng),
        *negative_cases(rng),
        *random_number_cases(random.Random(SEED + 1)),
    ]


# --- scoring ------------------------------------------------------------------------------


def load_scanner(spec: str | None) -> Callable[[str], list[tuple[str, int, int]]]:
    if spec:
        module, _, name = spec.partition(":")
        func = getattr(importlib.import_module(module), name)
    else:
        from bastion.guardrails.recognizers import scan as func

    def run(text: str) -> list[tuple[str, int, int]]:
        out = []
        for f in func(text):
            out.append(f if isinstance(f, tuple) else (f.kind, f.start, f.end))
        return out

    return run


def _overlaps(finding: tuple[str, int, int], span: tuple[int, int]) -> bool:
    return finding[1] < span[1] and span[0] < finding[2]


def score(cases: list[Case], scan: Callable[[str], list[tuple[str, int, int]]]) -> dict[str, Any]:
    found: dict[str, Counter[str]] = defaultdict(Counter)
    total: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[dict[str, Any]] = []
    alarms: list[dict[str, Any]] = []
    false_alarm: dict[str, Counter[str]] = defaultdict(Counter)
    negatives: dict[str, Counter[str]] = defaultdict(Counter)
    for case in cases:
        findings = scan(case.text)
        if case.kind:
            hit = any(f[0] == case.kind and _overlaps(f, case.spans[0]) for f in findings)
            for dim, value in {"all": "all", **case.dims}.items():
                total[case.kind][f"{dim}={value}"] += 1
                if hit:
                    found[case.kind][f"{dim}={value}"] += 1
            if not hit:
                got = [f for f in findings if _overlaps(f, case.spans[0])]
                misses.append({"kind": case.kind, "dims": case.dims, "text": case.text, "got": got})
        else:
            # A number under a phone label may well be a phone number.
            allowed = {"phone"} if case.dims["label"] in _PHONE_LABELS else set()
            bad = [
                f
                for f in findings
                if f[0] not in allowed and any(_overlaps(f, s) for s in case.spans)
            ]
            for dim, value in {"all": "all", **case.dims}.items():
                negatives[dim][value] += 1
                if bad:
                    false_alarm[dim][value] += 1
            if bad:
                alarms.append({"dims": case.dims, "text": case.text, "got": bad})
    recall = {
        kind: {key: (found[kind][key], n) for key, n in sorted(counts.items())}
        for kind, counts in total.items()
    }
    fa = {dim: {k: (false_alarm[dim][k], n) for k, n in c.items()} for dim, c in negatives.items()}
    return {"recall": recall, "false_alarms": fa, "misses": misses, "alarms": alarms}


def report(result: dict[str, Any], misses: int, only: str | None) -> None:
    print("## Recall per kind and dimension (found / cases), only values below 1.0\n")
    for kind, rows in sorted(result["recall"].items()):
        if only and kind != only:
            continue
        hit, n = rows["all=all"]
        print(f"### {kind}: {hit}/{n} = {hit / n:.3f}")
        for key, (h, m) in rows.items():
            if key != "all=all" and h < m:
                print(f"  {key:60s} {h:4d}/{m:<4d} {h / m:.2f}")
    hit, n = result["false_alarms"]["all"]["all"]
    print(f"\n## Hard negatives: {hit}/{n} falsely flagged")
    for dim, rows in result["false_alarms"].items():
        for key, (h, m) in sorted(rows.items()):
            if h and dim != "all":
                print(f"  {dim}={key:55s} {h:4d}/{m}")
    shown = [m for m in result["misses"] if not only or m["kind"] == only]
    for miss in shown[:misses]:
        print("\nMISS", miss["kind"], miss["dims"], "got", miss["got"], "\n  ", repr(miss["text"]))
    for alarm in result["alarms"][:misses]:
        print("\nALARM", alarm["dims"], alarm["got"], "\n  ", repr(alarm["text"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="print this many misses/alarms")
    parser.add_argument("--kind", help="report only this kind")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--scanner", help="MODULE:FUNCTION (default: the bastion scan)")
    args = parser.parse_args()
    cases = build()
    result = score(cases, load_scanner(args.scanner))
    if args.json:
        summary = {
            "recall": {k: rows["all=all"] for k, rows in result["recall"].items()},
            "false_alarms": result["false_alarms"]["all"]["all"],
        }
        print(json.dumps(summary, indent=1))
        return
    report(result, args.misses, args.kind)


if __name__ == "__main__":
    sys.exit(main())
