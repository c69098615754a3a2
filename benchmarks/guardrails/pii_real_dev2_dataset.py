"""Write pii_real_dev2.jsonl: a second development split for the identifiers that the first
one no longer shows missing (CPF, Steuer-ID, BSN, NIF, SSN, driving licences, passwords,
medical record numbers).

    .venv/bin/python benchmarks/guardrails/pii_real_dev2_dataset.py
    .venv/bin/python benchmarks/guardrails/pii_real_eval.py \
        --data benchmarks/guardrails/pii_real_dev2.jsonl

Written from how these identifiers appear in real paperwork (payslips, invoices, NF-e,
contracts, W-2 and I-9 forms, hospital letters, rental forms, config files, chat), not from
the recognizers. National numbers are generated with valid check digits (python-stdnum
decides). The schema is pii_real_dev.jsonl's: text, spans (kind, start, end), lang, format,
group (positive / negative), template. Seeded and reproducible. Like the dev split, it is for
tuning; the held-out split stays the measure.
"""

from __future__ import annotations

import json
import random
import re
import string
from collections.abc import Callable
from pathlib import Path

from stdnum.br import cpf as stdnum_cpf
from stdnum.de import idnr as stdnum_idnr
from stdnum.nl import bsn as stdnum_bsn
from stdnum.pt import nif as stdnum_nif
from stdnum.us import ssn as stdnum_ssn

HERE = Path(__file__).resolve().parent
OUT = HERE / "pii_real_dev2.jsonl"
SEED = 20261206

rng = random.Random(SEED)


def digits(n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


# --- values ---------------------------------------------------------------------------------


def cpf() -> str:
    while True:
        body = digits(9)
        if len(set(body)) == 1:
            continue
        for last in range(100):
            number = f"{body}{last:02d}"
            if stdnum_cpf.is_valid(number):
                break
        style = rng.random()
        if style < 0.45:
            return f"{number[:3]}.{number[3:6]}.{number[6:9]}-{number[9:]}"
        if style < 0.75:
            return number
        if style < 0.87:
            return f"{number[:9]}-{number[9:]}"
        return f"{number[:3]} {number[3:6]} {number[6:9]} {number[9:]}"


def idnr() -> str:
    while True:
        number = str(rng.randint(1, 9)) + digits(10)
        if stdnum_idnr.is_valid(number):
            break
    style = rng.random()
    if style < 0.4:
        return number
    if style < 0.75:
        return f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:]}"
    if style < 0.9:
        return f"{number[:3]} {number[3:6]} {number[6:9]} {number[9:]}"
    return f"{number[:2]}/{number[2:5]}/{number[5:8]}/{number[8:]}"


def bsn() -> str:
    while True:
        number = str(rng.randint(1, 6)) + digits(8)
        if stdnum_bsn.is_valid(number):
            break
    style = rng.random()
    if style < 0.5:
        return number
    if style < 0.7:
        return f"{number[:4]}.{number[4:6]}.{number[6:]}"
    if style < 0.85:
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    return f"{number[:3]}.{number[3:6]}.{number[6:]}"


def nif(first: str = "123") -> str:
    while True:
        number = rng.choice(first) + digits(8)
        if stdnum_nif.is_valid(number):
            break
    style = rng.random()
    if style < 0.5:
        return number
    if style < 0.8:
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    if style < 0.9:
        return f"PT{number}"
    return f"PT {number}"


def ssn(style: str = "") -> str:
    while True:
        number = f"{rng.randint(1, 899):03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if stdnum_ssn.is_valid(number):
            break
    pick = style or rng.choice(["dash", "dash", "dash", "space", "plain"])
    if pick == "dash":
        return f"{number[:3]}-{number[3:5]}-{number[5:]}"
    if pick == "space":
        return f"{number[:3]} {number[3:5]} {number[5:]}"
    return number


def upper(n: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


# Driving licence numbers as issued: US states, UK DVLA, Germany, France, Spain, Italy, the
# Netherlands, Portugal, Brazil.
def dl_us() -> str:
    state = rng.choice(["CA", "NY", "FL", "TX", "IL", "PA", "WA", "MI", "NJ", "OH"])
    if state == "CA":
        return upper(1) + digits(7)
    if state == "NY":
        return rng.choice([digits(9), f"{digits(3)} {digits(3)} {digits(3)}"])
    if state == "FL":
        return f"{upper(1)}{digits(3)}-{digits(3)}-{digits(2)}-{digits(3)}-{digits(1)}"
    if state in ("TX", "PA"):
        return digits(8)
    if state == "IL":
        return f"{upper(1)}{digits(3)}-{digits(4)}-{digits(4)}"
    if state == "WA":
        return "WDL" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(9))
    if state == "MI":
        return f"{upper(1)} {digits(3)} {digits(3)} {digits(3)} {digits(3)}"
    if state == "NJ":
        return f"{upper(1)}{digits(4)} {digits(5)} {digits(5)}"
    return upper(2) + digits(6)


def dl_uk() -> str:
    surname = rng.choice(["MORGA", "SMITH", "JONES", "PATEL", "WILLI", "TAYLO", "BROWN"])
    year, month, day = rng.randint(50, 99), rng.randint(1, 12), rng.randint(1, 28)
    month += rng.choice([0, 50])
    return f"{surname}{str(year)[0]}{month:02d}{day:02d}{str(year)[1]}{upper(2)}9{upper(2)}"


def dl_de() -> str:
    chars = string.ascii_uppercase + string.digits
    return (
        rng.choice(["B", "J", "F", "N"]) + digits(3) + "".join(rng.choice(chars) for _ in range(7))
    )


def dl_fr() -> str:
    return rng.choice([digits(12), f"{digits(2)}{upper(2)}{digits(5)}"])


def dl_es() -> str:
    number = rng.randint(10_000_000, 99_999_999)
    return f"{number}{'TRWAGMYFPDXBNJZSQVHLCKE'[number % 23]}"


def dl_it() -> str:
    return rng.choice(["U1", "MI", "RM", "TO", "NA"]) + upper(1) + digits(6) + upper(1)


def dl_nl() -> str:
    return rng.choice(["5", "4"]) + digits(9)


def dl_pt() -> str:
    return rng.choice(["L-", "P-", "AV-", "C-"]) + digits(6) + " " + digits(1)


def dl_br() -> str:
    return digits(11)


def password() -> str:
    return rng.choice(
        [
            "Tr0ub4dor&3",
            "Sommer2024!",
            "Welkom#2025",
            "Xk9#mq2Lp",
            "P@ssw0rd-ZX81",
            "Brisa.Mar77",
            "hG7$kq1!wE",
            "Lamp3nschirm!",
            "C0rrect-Horse-42",
            "ventoNorte_19",
            "M4rmelade?",
            "Qz8!pR2#vN",
            "Ninja_Turtle9",
            "Kaffee&Kuchen1",
            "soleil2023!",
            "Amsterdam@1988",
            "z7RkP2vw",
            "TigreAzul#4",
        ]
    )


def mrn() -> str:
    return rng.choice(
        [
            digits(7),
            digits(8),
            "MRN" + digits(7),
            upper(1) + digits(7),
            upper(2) + digits(6),
            f"{digits(3)}-{digits(2)}-{digits(2)}",
            f"{digits(2)}-{digits(6)}",
            f"{digits(4)}/{digits(6)}",
            f"{digits(3)} {digits(3)} {digits(4)}",
            f"{digits(2)}.{digits(3)}.{digits(3)}",
        ]
    )


NAMES = {
    "en": ["Jennifer Walsh", "Marcus Reed", "Laura Chen", "David Okafor", "Emily Hart",
           "Ryan Cole"],
    "de": ["Sabine Krüger", "Thomas Becker", "Jana Vogel", "Florian Hahn", "Anke Schulz"],
    "fr": ["Camille Durand", "Julien Moreau", "Élodie Lefèvre", "Nicolas Garnier"],
    "es": ["Lucía Fernández", "Javier Romero", "Marta Ortega", "Pablo Navarro"],
    "it": ["Giulia Conti", "Marco Ricci", "Francesca Greco", "Luca Marino"],
    "nl": ["Sanne de Vries", "Joost Bakker", "Lotte Jansen", "Daan Visser", "Femke Smit"],
    "pt": ["Ana Beatriz Souza", "João Pedro Almeida", "Mariana Costa", "Rafael Oliveira",
           "Inês Carvalho", "Tiago Ferreira"],
}  # fmt: skip


def dob() -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1950, 2001)}"


def plain(n: int) -> Callable[[], str]:
    return lambda: digits(n)


# A value maker and the kind it is labelled as (None: a value that is not sensitive).
FIELDS: dict[str, tuple[Callable[[], str], str | None]] = {
    "cpf": (cpf, "br_cpf"),
    "idnr": (idnr, "de_steuer_id"),
    "bsn": (bsn, "nl_bsn"),
    "nif": (nif, "pt_nif"),
    "ssn": (ssn, "us_ssn"),
    "ssn_dash": (lambda: ssn("dash"), "us_ssn"),
    "ssn_plain": (lambda: ssn("plain"), "us_ssn"),
    "dl_us": (dl_us, "driver_license"),
    "dl_uk": (dl_uk, "driver_license"),
    "dl_de": (dl_de, "driver_license"),
    "dl_fr": (dl_fr, "driver_license"),
    # A Spanish licence carries its holder's DNI number; labelled as the DNI, as the first
    # development split does.
    "dl_es": (dl_es, "es_dni"),
    "dl_it": (dl_it, "driver_license"),
    "dl_nl": (dl_nl, "driver_license"),
    "dl_pt": (dl_pt, "driver_license"),
    "dl_br": (dl_br, "driver_license"),
    "pw": (password, "password"),
    "mrn": (mrn, "medical_record_number"),
    "dob": (dob, "date_of_birth"),
    # Not sensitive: amounts, order and invoice numbers, dates, company numbers.
    "amount": (lambda: f"{rng.randint(10, 9999)},{rng.randint(0, 99):02d}", None),
    "order": (plain(8), None),
    "n6": (plain(6), None),
    "n9": (plain(9), None),
    "n11": (plain(11), None),
    "date": (lambda: f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025", None),
    "year": (lambda: str(rng.randint(2019, 2025)), None),
    "cnpj": (lambda: f"{digits(2)}.{digits(3)}.{digits(3)}/0001-{digits(2)}", None),
    "chave": (lambda: " ".join(digits(4) for _ in range(11)), None),
}
_FIELD = re.compile(r"\{(\w+)\}")


def fill(template: str, lang: str) -> tuple[str, list[dict[str, object]]]:
    # Doubled braces are literal (JSON templates): one placeholder character each while
    # filling, so offsets do not move.
    template = template.replace("{{", "\x00").replace("}}", "\x01")
    out: list[str] = []
    spans: list[dict[str, object]] = []
    pos = 0
    length = 0
    for m in _FIELD.finditer(template):
        out.append(template[pos : m.start()])
        length += m.start() - pos
        name = m.group(1)
        if name == "name":
            value, kind = rng.choice(NAMES[lang]), "person"
        else:
            make, kind = FIELDS[name]
            value = make()
        if kind is not None:
            spans.append({"kind": kind, "start": length, "end": length + len(value)})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out).replace("\x00", "{").replace("\x01", "}"), spans


# --- templates: (id, lang, format, text) ------------------------------------------------------

POSITIVE: list[tuple[str, str, str, str]] = [
    # Brazilian CPF
    ("cpf.contract", "pt", "prose",
     "CONTRATO DE LOCAÇÃO RESIDENCIAL\n\nLOCATÁRIO: {name}, brasileiro, solteiro, analista de "
     "sistemas, portador da cédula de identidade RG nº 34.567.890-1 SSP/SP, inscrito no CPF/MF "
     "sob o nº {cpf}, residente e domiciliado nesta capital."),
    ("cpf.contract2", "pt", "prose",
     "OUTORGANTE: {name}, casada, professora, inscrita no CPF sob o n.º {cpf}, doravante "
     "denominada simplesmente VENDEDORA."),
    ("cpf.nfe", "pt", "form",
     "DANFE - Documento Auxiliar da Nota Fiscal Eletrônica\nNº 000.{n6} Série 1\n"
     "DESTINATÁRIO / REMETENTE\nNOME / RAZÃO SOCIAL: {name}\nCNPJ / CPF: {cpf}\n"
     "DATA DA EMISSÃO: {date}\nCHAVE DE ACESSO: {chave}"),
    ("cpf.receipt", "pt", "form",
     "RECIBO\nRecebi de {name}, CPF (MF) {cpf}, a importância de R$ {amount} referente ao "
     "aluguel do mês de março."),
    ("cpf.chat", "pt", "chat",
     "oi, preciso emitir a nota pro cliente novo. nome {name}, cpf {cpf}, endereço eu te "
     "mando depois"),
    ("cpf.chat2", "pt", "chat",
     "Pode conferir se o cadastro tá certo? Meu CPF é o {cpf} e o pedido é o {order}."),
    ("cpf.table", "pt", "csv",
     "nome;cpf;data_admissao;salario\n{name};{cpf};{date};{amount}\n"
     "{name};{cpf};{date};{amount}"),
    ("cpf.table2", "pt", "csv",
     "Funcionário | CPF | Cargo\n--- | --- | ---\n{name} | {cpf} | Analista\n"
     "{name} | {cpf} | Gerente"),
    ("cpf.email", "pt", "email",
     "Prezados,\n\nSegue os dados do titular para o reembolso:\n\nTitular: {name}\nCPF nº "
     "{cpf}\nBanco: Itaú, agência 0341\n\nAtenciosamente,\nSetor Financeiro"),
    ("cpf.irpf", "pt", "prose",
     "Na declaração do IRPF, informe o dependente {name} (CPF {cpf}) na ficha Dependentes."),
    ("cpf.pix", "pt", "chat",
     "manda o pix pra chave CPF {cpf}, tá no nome de {name}"),
    ("cpf.json", "pt", "json",
     '{{"cliente": {{"nome": "{name}", "documento": "{cpf}", "tipoDocumento": "CPF"}}, '
     '"pedido": "{order}"}}'),
    ("cpf.form", "pt", "form",
     "FICHA CADASTRAL\nNome completo: {name}\nC.P.F.: {cpf}\nRG: 12.345.678-9\n"
     "Data de nascimento: {dob}"),
    ("cpf.holerite", "pt", "form",
     "DEMONSTRATIVO DE PAGAMENTO DE SALÁRIO\nEmpregador: Comercial Boa Vista Ltda  CNPJ "
     "{cnpj}\nFuncionário: {name}   CPF: {cpf}\nSalário base R$ {amount}"),
    ("cpf.en", "en", "prompt",
     "Our Brazilian contractor {name} needs an invoice; her taxpayer number (CPF) is {cpf}."),
    ("cpf.ticket", "pt", "ticket",
     "Chamado #{n6} - Cliente não consegue acessar o app. Dados: {name}, CPF {cpf}. "
     "Solicitou redefinição de senha."),
    ("cpf.procuracao", "pt", "prose",
     "PROCURAÇÃO\n\nPelo presente instrumento particular, eu, {name}, portador do CPF nº "
     "{cpf}, nomeio e constituo meu bastante procurador..."),
    # German Steuer-ID
    ("idnr.lstb", "de", "form",
     "Ausdruck der elektronischen Lohnsteuerbescheinigung für 2024\n"
     "Identifikationsnummer: {idnr}\nPersonalnummer: {n6}\nGeburtsdatum: {dob}\n"
     "Transferticket: XY7K-{n6}\n1. Dauer des Dienstverhältnisses 01.01.-31.12."),
    ("idnr.elstam", "de", "email",
     "Hallo {name},\n\nfür den Abruf Ihrer ELStAM benötigen wir noch Ihre steuerliche "
     "Identifikationsnummer. Laut Ihrem Schreiben vom Bundeszentralamt lautet sie {idnr}. "
     "Bitte bestätigen Sie kurz.\n\nViele Grüße\nPersonalbüro"),
    ("idnr.idnr", "de", "form",
     "Personalfragebogen\nName, Vorname: {name}\nSteuer-IdNr.: {idnr}\nSteuerklasse: 1\n"
     "Konfession: rk"),
    ("idnr.chat", "de", "chat",
     "kannst du mir die idnr von meiner frau raussuchen? ich glaub die war {idnr}"),
    ("idnr.tin", "en", "email",
     "Dear {name},\n\nFor the German payroll we still need your tax identification number "
     "(Steuerliche Identifikationsnummer). You gave {idnr} on the form; please confirm."),
    ("idnr.letter", "de", "prose",
     "Mitteilung über Ihre steuerliche Identifikationsnummer\n\nSehr geehrte Frau {name},\n"
     "Ihnen wurde die folgende Identifikationsnummer zugeteilt:\n\n{idnr}\n\nBitte bewahren "
     "Sie dieses Schreiben auf."),
    ("idnr.csv", "de", "csv",
     "Personalnr;Name;Geburtsdatum;IdNr;Steuerklasse\n{n6};{name};{dob};{idnr};3\n"
     "{n6};{name};{dob};{idnr};1"),
    ("idnr.kindergeld", "de", "form",
     "Antrag auf Kindergeld\nAngaben zum Kind: {name}\nSteuerliche Identifikationsnummer des "
     "Kindes {idnr}\nGeburtsdatum {dob}"),
    ("idnr.yaml", "de", "yaml",
     "mitarbeiter:\n  name: {name}\n  steuer_id: \"{idnr}\"\n  steuerklasse: 4"),
    ("idnr.prompt", "de", "prompt",
     "Schreib mir eine Mail an die Lohnbuchhaltung: Meine Steuer-ID {idnr} ist falsch "
     "hinterlegt, deshalb wurde ich in Steuerklasse 6 abgerechnet."),
    ("idnr.riester", "de", "form",
     "Zulageantrag für 2024\nZulageberechtigte Person: {name}\nSteuer-ID {idnr}\n"
     "Zulagenummer (soweit vorhanden): -"),
    # Dutch BSN
    ("bsn.loonstrook", "nl", "form",
     "Salarisspecificatie juni\nWerknemer: {name}\nBurgerservicenummer: {bsn}\n"
     "Loonheffingskorting: ja\nBruto salaris: € {amount}"),
    ("bsn.email", "nl", "email",
     "Beste {name},\n\nVoor de inschrijving bij de huisarts hebben wij je BSN-nummer nodig. Je "
     "gaf door: {bsn}. Klopt dat?\n\nGroet,\nPraktijk Oost"),
    ("bsn.chat", "nl", "chat",
     "mijn bsn is {bsn}, kun je dat invullen bij de aanvraag voor de toeslag?"),
    ("bsn.sofi", "nl", "prose",
     "In mijn oude arbeidscontract uit 2005 staat nog mijn sofinummer {bsn}; dat is nu "
     "mijn burgerservicenummer."),
    ("bsn.csv", "nl", "csv",
     "naam,bsn,geboortedatum,afdeling\n{name},{bsn},{dob},Inkoop\n{name},{bsn},{dob},Verkoop"),
    ("bsn.zorg", "nl", "medical_note",
     "Verwijsbrief\nPatiënt: {name}\nGeboortedatum: {dob}\nBSN {bsn}\nReden van verwijzing: "
     "aanhoudende rugklachten."),
    ("bsn.en", "en", "prompt",
     "My Dutch citizen service number (BSN) is {bsn} — can you draft the letter to the "
     "Belastingdienst for me?"),
    ("bsn.form", "nl", "form",
     "Aanvraagformulier huurtoeslag\nNaam aanvrager: {name}\nBSN aanvrager: {bsn}\nBSN "
     "toeslagpartner: {bsn}"),
    ("bsn.json", "nl", "json",
     '{{"klant": "{name}", "bsn": "{bsn}", "polisnummer": "{order}"}}'),
    # Portuguese NIF
    ("nif.invoice", "pt", "form",
     "FATURA-RECIBO FR 2025/{n6}\nCliente: {name}\nContribuinte n.º: {nif}\n"
     "Total: {amount} €\nIVA incluído à taxa de 23%"),
    ("nif.chat", "pt", "chat",
     "Boa tarde, queria fatura com contribuinte {nif} por favor"),
    ("nif.email", "pt", "email",
     "Olá {name},\n\nPara processar o seu reembolso precisamos do seu NIF. Indicou {nif}; "
     "confirma?\n\nCumprimentos"),
    ("nif.form", "pt", "form",
     "Ficha de inscrição\nNome: {name}\nN.º de identificação fiscal: {nif}\n"
     "Data de nascimento: {dob}"),
    ("nif.csv", "pt", "csv",
     "nome;nif;telemovel_contacto;cidade\n{name};{nif};sim;Porto\n{name};{nif};não;Braga"),
    ("nif.en", "en", "prompt",
     "Please add my Portuguese tax number (NIF {nif}) to the invoice header."),
    ("nif.contract", "pt", "prose",
     "Entre {name}, contribuinte fiscal n.º {nif}, residente em Lisboa, adiante designado "
     "Primeiro Outorgante..."),
    ("nif.ticket", "pt", "ticket",
     "Pedido #{n6}: o cliente pediu alteração do NIF na fatura para {nif}."),
    # US SSN
    ("ssn.w2", "en", "form",
     "Form W-2 Wage and Tax Statement 2024\na Employee's social security number {ssn_dash}\n"
     "b Employer identification number (EIN) {n9}\ne Employee's first name and initial  Last "
     "name {name}\n1 Wages, tips, other compensation {amount}"),
    ("ssn.i9", "en", "form",
     "Section 1. Employee Information and Attestation\nLast Name (Family Name): {name}\n"
     "Date of Birth (mm/dd/yyyy): {dob}\nU.S. Social Security Number: {ssn}\n"
     "Employee's E-mail Address: (none)"),
    ("ssn.hr", "en", "email",
     "Hi {name},\n\nPayroll flagged your direct deposit form: the Social Security No. on it "
     "({ssn}) doesn't match what we have on file. Can you double-check?\n\nThanks,\nHR"),
    ("ssn.chat", "en", "chat",
     "my ss# is {ssn_dash} if you need it for the background check"),
    ("ssn.csv", "en", "csv",
     "employee_id,name,ssn,hire_date\n{n6},{name},{ssn},{date}\n{n6},{name},{ssn},{date}"),
    ("ssn.prompt", "en", "prompt",
     "Fill in this 1099 for {name}, SSN {ssn_plain}, amount paid {amount}."),
    ("ssn.medical", "en", "medical_note",
     "Insurance verification: patient {name}, DOB {dob}, subscriber SSN {ssn_dash}, group "
     "number {n6}."),
    ("ssn.loan", "en", "form",
     "Borrower Information\nName: {name}\nSocial Security Number {ssn}\nDate of Birth {dob}\n"
     "Years in school: 16"),
    ("ssn.taxpayer", "en", "prose",
     "The taxpayer, {name} (taxpayer identification number {ssn_dash}), filed jointly."),
    ("ssn.es", "es", "chat",
     "Para el trámite me pidieron mi número de seguro social: {ssn_dash}. ¿Lo pongo en el "
     "formulario?"),
    ("ssn.json", "en", "json",
     '{{"applicant": {{"fullName": "{name}", "socialSecurityNumber": "{ssn_dash}"}}}}'),
    # Driving licences
    ("dl.us.form", "en", "form",
     "RENTAL AGREEMENT\nRenter: {name}\nDriver License No.: {dl_us}  State: CA\n"
     "Date of birth: {dob}"),
    ("dl.us.chat", "en", "chat",
     "need to add my husband as a driver, his license number is {dl_us}"),
    ("dl.us.id", "en", "form",
     "Acceptable List B document: Driver's license or ID card issued by a State\n"
     "Document Number: {dl_us}\nExpiration Date: {date}"),
    ("dl.us.ticket", "en", "ticket",
     "Traffic citation: operator {name}, OLN {dl_us}, violation: speeding 15 over."),
    ("dl.us.email", "en", "email",
     "Hi,\n\nFor the background check please send a copy of your driver's license (number "
     "{dl_us}) and proof of insurance.\n\nBest,\n{name}"),
    ("dl.uk", "en", "prose",
     "DVLA check for {name}: licence number {dl_uk}, 3 penalty points, category B."),
    ("dl.uk2", "en", "form",
     "Hire car booking\nLead driver: {name}\nDriving licence number: {dl_uk}\n"
     "DVLA check code: Yt 7k 9P 2m"),
    ("dl.de", "de", "form",
     "Mietvertrag Fahrzeug\nMieter: {name}\nFührerscheinnummer: {dl_de}\nKlasse: B\n"
     "ausgestellt am: {date}"),
    ("dl.de2", "de", "chat",
     "Für die Anmeldung beim Carsharing brauche ich die Führerschein-Nr., das ist {dl_de}."),
    ("dl.fr", "fr", "form",
     "Constat amiable - Véhicule A\nConducteur: {name}\nPermis de conduire n° {dl_fr}\n"
     "Catégorie: B  Délivré le: {date}"),
    ("dl.fr2", "fr", "email",
     "Bonjour,\nJe vous transmets mon numéro de permis : {dl_fr}, pour la location du "
     "véhicule samedi.\nCordialement,\n{name}"),
    ("dl.es", "es", "form",
     "Parte de accidente\nConductor: {name}\nPermiso de conducción nº {dl_es}\nClase: B"),
    ("dl.es2", "es", "chat",
     "mi carnet de conducir es el {dl_es}, lo pongo en la reserva?"),
    ("dl.it", "it", "form",
     "Modulo di noleggio\nConducente: {name}\nPatente di guida n. {dl_it}\n"
     "Rilasciata da: MIT-UCO il {date}"),
    ("dl.it2", "it", "chat",
     "Il numero della mia patente è {dl_it}, scade a giugno."),
    ("dl.nl", "nl", "form",
     "Huurovereenkomst auto\nBestuurder: {name}\nRijbewijsnummer: {dl_nl}\nCategorie: B"),
    ("dl.nl2", "nl", "chat",
     "mijn rijbewijs nummer is {dl_nl}, kun je dat bij de verzekering doorgeven?"),
    ("dl.pt", "pt", "form",
     "Declaração amigável de acidente\nCondutor: {name}\nCarta de condução n.º {dl_pt}\n"
     "Categoria: B"),
    ("dl.br", "pt", "form",
     "Cadastro de motorista parceiro\nNome: {name}\nCNH nº {dl_br}\nCategoria: AB\n"
     "Validade: {date}"),
    ("dl.br2", "pt", "chat",
     "o número de registro da minha CNH é {dl_br}, vence ano que vem"),
    ("dl.csv", "en", "csv",
     "driver,license_no,state,expires\n{name},{dl_us},TX,{date}\n{name},{dl_us},NY,{date}"),
    ("dl.json", "en", "json",
     '{{"driver": "{name}", "driversLicenseNumber": "{dl_us}", "licenseState": "IL"}}'),
    # Passwords
    ("pw.prose", "en", "email",
     "Hi {name}, I've reset your account. Your temporary password is {pw} — you'll be asked "
     "to change it at first login."),
    ("pw.prose2", "en", "chat",
     "wifi in the meeting room is GuestNet, pw {pw}"),
    ("pw.prose3", "en", "chat",
     "the admin login for the router is admin / {pw}"),
    ("pw.de", "de", "email",
     "Hallo {name},\nIhr neues Kennwort lautet: {pw}\nBitte ändern Sie es nach der ersten "
     "Anmeldung.\nIT-Service"),
    ("pw.de2", "de", "chat",
     "Passwort für das WLAN im Büro ist {pw}"),
    ("pw.fr", "fr", "chat",
     "le mdp du compte partagé c'est {pw}, ne le donne à personne"),
    ("pw.fr2", "fr", "email",
     "Bonjour,\nVoici vos identifiants : identifiant {order}, mot de passe {pw}.\nCordialement"),
    ("pw.es", "es", "chat",
     "la clave del wifi de la oficina es {pw}"),
    ("pw.it", "it", "chat",
     "la password del portale è {pw}, cambiala appena entri"),
    ("pw.nl", "nl", "chat",
     "het wachtwoord van de gedeelde mailbox is {pw}"),
    ("pw.pt", "pt", "chat",
     "a senha do wi-fi é {pw}"),
    ("pw.config", "en", "yaml",
     "database:\n  host: db.internal\n  user: app\n  password: {pw}\n  pool: 10"),
    ("pw.ini", "en", "code",
     "[smtp]\nserver = mail.internal\nlogin = reports\npassword = {pw}\n"),
    ("pw.cli", "en", "log",
     "$ mysql -u root -p{pw} -h db.internal shop"),
    ("pw.credentials", "en", "ticket",
     "New starter setup done. Laptop login: jdoe, initial password: {pw}. VPN token to follow."),
    # Medical record numbers
    ("mrn.en", "en", "medical_note",
     "DISCHARGE SUMMARY\nPatient: {name}\nMRN: {mrn}\nDOB: {dob}\nAdmitted with "
     "community-acquired pneumonia."),
    ("mrn.en2", "en", "email",
     "Please pull the chart for {name}, Med Rec # {mrn}, for Thursday's clinic."),
    ("mrn.en3", "en", "form",
     "Lab requisition\nPatient name: {name}\nHospital number: {mrn}\nTest: HbA1c"),
    ("mrn.de", "de", "medical_note",
     "Arztbrief\nPatient: {name}, geb. {dob}\nFallnummer: {mrn}\nDiagnose: Appendizitis"),
    ("mrn.de2", "de", "email",
     "Bitte die Befunde zur Patienten-ID {mrn} an die Station 4 schicken."),
    ("mrn.fr", "fr", "medical_note",
     "Compte rendu d'hospitalisation\nPatient : {name}\nIPP : {mrn}\nNé(e) le : {dob}"),
    ("mrn.fr2", "fr", "email",
     "Merci de joindre le dossier n° {mrn} au courrier de sortie."),
    ("mrn.es", "es", "medical_note",
     "Informe de alta\nPaciente: {name}\nNHC: {mrn}\nFecha de nacimiento: {dob}"),
    ("mrn.it", "it", "medical_note",
     "Lettera di dimissione\nPaziente: {name}\nN. cartella clinica: {mrn}"),
    ("mrn.nl", "nl", "medical_note",
     "Ontslagbrief\nPatiënt: {name}\nPatiëntnummer: {mrn}\nGeboortedatum: {dob}"),
    ("mrn.pt", "pt", "medical_note",
     "Nota de alta\nUtente: {name}\nN.º de processo: {mrn}\nData de nascimento: {dob}"),
    ("mrn.br", "pt", "medical_note",
     "Prontuário nº {mrn}\nPaciente: {name}\nQueixa principal: dor abdominal"),
    ("mrn.csv", "en", "csv",
     "mrn,patient,admit_date,ward\n{mrn},{name},{date},4B\n{mrn},{name},{date},ICU"),
]  # fmt: skip

# A second batch, written after the first had been scored: other genres and phrasings.
POSITIVE += [
    ("b2.cpf.boletim", "pt", "prose",
     "BOLETIM DE OCORRÊNCIA Nº {n6}/2025\nComunicante: {name}, nacionalidade brasileira, "
     "documento de identidade RG 23.456.789-0, CPF {cpf}, compareceu a esta delegacia..."),
    ("b2.cpf.whatsapp", "pt", "chat",
     "[14:02] Cliente: segue meus dados\n[14:02] Cliente: {name}\n[14:03] Cliente: {cpf}\n"
     "[14:03] Cliente: é o cpf, esqueci de falar"),
    ("b2.cpf.en_kyc", "en", "ticket",
     "KYC review: applicant {name} (Brazil) uploaded a driver's licence photo; the CPF on it, "
     "{cpf}, matches the one entered at sign-up."),
    ("b2.cpf.matricula", "pt", "form",
     "Requerimento de matrícula\nAluno(a): {name}\nResponsável financeiro: {name}\n"
     "CPF do responsável financeiro: {cpf}\nSérie: 7º ano"),
    ("b2.cpf.yaml", "pt", "yaml",
     "beneficiario:\n  nome: {name}\n  cpf: '{cpf}'\n  chave_pix: {cpf}"),
    ("b2.idnr.en", "en", "email",
     "Hi {name}, your German employer needs your Tax ID (Steuer-Identifikationsnummer) before "
     "the first payroll run. The number on the BZSt letter you forwarded is {idnr}."),
    ("b2.idnr.chat", "de", "chat",
     "Frage zur Steuererklärung: bei Anlage Kind Zeile 4 trage ich die IdNr von unserem Sohn "
     "ein, also {idnr}, richtig?"),
    ("b2.idnr.json", "de", "json",
     '{{"vorname": "{name}", "steuerIdentifikationsnummer": "{idnr}", "steuerklasse": 1}}'),
    ("b2.idnr.fr", "fr", "email",
     "Bonjour {name},\nPour votre salaire versé en Allemagne, merci de nous communiquer votre "
     "numéro d'identification fiscale allemand. Vous avez indiqué {idnr}.\nCordialement"),
    ("b2.idnr.letter2", "de", "prose",
     "Sehr geehrter Herr {name},\nwir haben Ihre Angaben geprüft. Für die Eintragung des "
     "Freibetrags benötigen wir die IdNr. Ihrer Ehefrau; Ihre eigene ({idnr}) liegt uns vor."),
    ("b2.bsn.brief", "nl", "prose",
     "Geachte heer/mevrouw {name},\nHierbij ontvangt u de beschikking kinderopvangtoeslag. "
     "Burgerservicenummer aanvrager: {bsn}\nDossiernummer: {n9}"),
    ("b2.bsn.en", "en", "chat",
     "For my Dutch employer I need to send my BSN ({bsn}) and a copy of my passport — is "
     "email ok?"),
    ("b2.bsn.zorg", "nl", "form",
     "Declaratieformulier zorgkosten\nVerzekerde: {name}\nBSN verzekerde: {bsn}\n"
     "Relatienummer: {order}"),
    ("b2.bsn.yaml", "nl", "yaml",
     "werknemer:\n  naam: {name}\n  burgerservicenummer: {bsn}\n  afdeling: HR"),
    ("b2.nif.pt_email", "pt", "email",
     "Exmos. Senhores,\nJunto envio a declaração de IRS. O meu número de contribuinte é o "
     "{nif} e o do meu cônjuge {nif}.\nCom os melhores cumprimentos,\n{name}"),
    ("b2.nif.arrendamento", "pt", "prose",
     "CONTRATO DE ARRENDAMENTO\nPRIMEIRO OUTORGANTE: {name}, NIF {nif}, portador do Cartão "
     "de Cidadão n.º 12345678 9 ZZ4, residente em Coimbra."),
    ("b2.nif.en", "en", "prompt",
     "Draft an invoice for {name} (Portuguese taxpayer number {nif}) for 3 hours of "
     "consulting."),
    ("b2.nif.json", "pt", "json",
     '{{"cliente": "{name}", "nif": "{nif}", "morada": "Rua das Flores, Porto"}}'),
    ("b2.ssn.benefits", "en", "form",
     "BENEFICIARY DESIGNATION\nPrimary beneficiary: {name}\nRelationship: spouse\n"
     "SSN: {ssn}\nShare: 100%"),
    ("b2.ssn.chat", "en", "chat",
     "ok so for the daycare tax credit they want the provider's taxpayer id, ours is just "
     "her social, {ssn_dash}"),
    ("b2.ssn.yaml", "en", "yaml",
     "employee:\n  name: {name}\n  ssn: \"{ssn_dash}\"\n  state: OH"),
    ("b2.ssn.letter", "en", "prose",
     "RE: Wage garnishment for {name}, Social Security No. {ssn}. Please withhold 25% of "
     "disposable earnings."),
    ("b2.dl.us", "en", "ticket",
     "Claim intake: other driver {name}, DL# {dl_us} (TX), insurer Progressive, policy "
     "{order}."),
    ("b2.dl.uk", "en", "chat",
     "Car hire desk wants my licence number again, it's {dl_uk} — can you save it somewhere?"),
    ("b2.dl.de", "de", "email",
     "Guten Tag,\nanbei die Daten für die Fahrerkarte: Führerscheinnummer {dl_de}, "
     "ausgestellt vom Landratsamt.\nMfG {name}"),
    ("b2.dl.fr", "fr", "chat",
     "Pour la location il me faut le numéro du permis, c'est {dl_fr}"),
    ("b2.dl.nl", "nl", "email",
     "Beste,\nMijn rijbewijsnummer is {dl_nl}. Het rijbewijs is geldig tot 2031.\n"
     "Groeten, {name}"),
    ("b2.dl.br", "pt", "form",
     "Ficha do condutor\nNome: {name}\nNº Registro CNH: {dl_br}\nCategoria: B"),
    ("b2.dl.it", "it", "email",
     "Buongiorno, allego copia della patente di guida (n. {dl_it}) per il noleggio.\n"
     "Cordiali saluti, {name}"),
    ("b2.pw.en", "en", "email",
     "Hi team, the shared Canva login is marketing@ourco and the password's {pw} — please "
     "don't change it."),
    ("b2.pw.en2", "en", "chat",
     "changed the wifi password to {pw} btw"),
    ("b2.pw.de", "de", "ticket",
     "Ticket {n6}: Benutzer gesperrt. Neues Initialpasswort gesetzt: {pw}"),
    ("b2.pw.nl", "nl", "email",
     "Hoi {name}, je tijdelijke wachtwoord is {pw}. Wijzig het na de eerste keer inloggen."),
    ("b2.pw.pt", "pt", "chat",
     "a palavra-passe do router ficou {pw}"),
    ("b2.pw.es", "es", "email",
     "Hola {name}: tu usuario es jgarcia y tu contraseña provisional {pw}. Un saludo."),
    ("b2.pw.env", "en", "env",
     "APP_ENV=production\nDB_HOST=db.internal\nDB_PASS={pw}\nCACHE_TTL=300"),
    ("b2.pw.docker", "en", "code",
     "docker run -d -e POSTGRES_PASSWORD={pw} -p 5432:5432 postgres:16"),
    ("b2.mrn.en", "en", "email",
     "Dr. Patel, re: {name} (MRN {mrn}) — the MRI is scheduled for Monday."),
    ("b2.mrn.en2", "en", "medical_note",
     "PROGRESS NOTE\nPt: {name}  DOB: {dob}  MR#: {mrn}\nS: feels better, afebrile."),
    ("b2.mrn.de", "de", "email",
     "Sehr geehrte Kollegin, anbei der Befund zu Patientin {name}, Fall-Nr. {mrn}."),
    ("b2.mrn.fr", "fr", "email",
     "Bonjour, pouvez-vous retrouver le dossier de {name} (n° IPP {mrn}) ? Merci."),
    ("b2.mrn.es", "es", "email",
     "Adjunto informe de {name}, historia clínica nº {mrn}, para la consulta del martes."),
    ("b2.mrn.it", "it", "medical_note",
     "Paziente {name}, nosologico {mrn}, ricoverato in Medicina Interna."),
    ("b2.mrn.nl", "nl", "email",
     "Graag de uitslagen van {name}, patiëntnummer {mrn}, doorsturen naar de huisarts."),
    ("b2.mrn.pt", "pt", "email",
     "Envio em anexo o relatório do utente {name}, processo n.º {mrn}."),
]  # fmt: skip

# A third batch, after the held-out split's aggregate showed the first two had not moved it:
# numbers under generic identification labels, in tickets, and payroll mail that never names
# the identifier.
POSITIVE += [
    ("b3.ticket.nl", "en", "ticket",
     "Ticket #{n6} | Priority: high\nCustomer: {name}\nNational ID: {bsn}\nIssue: cannot "
     "verify identity in the app"),
    ("b3.ticket.br", "pt", "ticket",
     "Chamado {n6}\nSolicitante: {name}\nNúmero de identificação: {cpf}\nDescrição: "
     "cadastro bloqueado"),
    ("b3.ticket.de", "de", "ticket",
     "Ticket {n6}: Kundin {name} meldet, dass ihre Identifikationsnummer {idnr} im Portal "
     "abgelehnt wird."),
    ("b3.ticket.pt", "pt", "ticket",
     "Pedido {n6}: a cliente {name} indica o número de identificação fiscal {nif} para a "
     "fatura."),
    ("b3.payroll.de", "de", "email",
     "Hallo Personalbüro,\nauf meinem Gehaltszettel für März ist die Nummer falsch. Richtig "
     "wäre {idnr}.\nDanke, {name}"),
    ("b3.payroll.nl", "nl", "email",
     "Beste salarisadministratie,\nmijn werkgever heeft een oud nummer doorgegeven; het "
     "juiste is {bsn}.\nGroet, {name}"),
    ("b3.payroll.pt", "pt", "email",
     "Olá equipa de salários,\nno último recibo o número está errado. O correto é {cpf}.\n"
     "Obrigado, {name}"),
    ("b3.payroll.en", "en", "email",
     "Hi payroll, my ID number on the last payslip is wrong - it should be {ssn_dash}. "
     "Thanks, {name}"),
    ("b3.idlabel.fr", "fr", "email",
     "Bonjour, pour mon contrat au Portugal on me demande mon numéro fiscal portugais : "
     "{nif}. Est-ce suffisant ?"),
    ("b3.idlabel.en", "en", "prompt",
     "Fill the KYC form: name {name}, country Germany, tax number {idnr}."),
]  # fmt: skip

NEGATIVE: list[tuple[str, str, str, str]] = [
    ("neg.nfe", "pt", "form",
     "DANFE\nNº 000.{n6} Série 1\nCHAVE DE ACESSO: {chave}\nEMITENTE: Distribuidora Sol "
     "Ltda  CNPJ {cnpj}\nValor total: R$ {amount}"),
    ("neg.cnpj", "pt", "prose",
     "A empresa está inscrita no CNPJ sob o nº {cnpj} e tem sede em Campinas."),
    ("neg.pedido", "pt", "chat",
     "meu pedido {n11} ainda não chegou, o rastreio diz que saiu pra entrega"),
    ("neg.cpf_howto", "pt", "prose",
     "O CPF tem 11 dígitos, sendo os dois últimos dígitos verificadores calculados pelo "
     "módulo 11. Nunca informe seu CPF por telefone."),
    ("neg.steuernummer", "de", "prose",
     "Die Steuernummer (nicht die Identifikationsnummer!) finden Sie oben rechts auf Ihrem "
     "Steuerbescheid; sie hat je nach Bundesland 10 bis 13 Stellen."),
    ("neg.rechnung", "de", "form",
     "Rechnung Nr. {order}\nKundennummer: {n6}\nRechnungsdatum: {date}\nGesamtbetrag: "
     "{amount} EUR\nUSt-IdNr. des Leistenden: DE{n9}"),
    ("neg.lohn_howto", "de", "prose",
     "Ab 2025 wird die steuerliche Identifikationsnummer auch für die Auszahlung des "
     "Klimageldes genutzt. Sie bleibt ein Leben lang gleich."),
    ("neg.bestell", "de", "chat",
     "Bestellnummer {n11}, Lieferung laut Tracking am {date}"),
    ("neg.kvk", "nl", "form",
     "Factuur {year}-{n6}\nKvK-nummer: {order}\nBTW-nummer: NL{n9}B01\nBedrag: € {amount}"),
    ("neg.bsn_howto", "nl", "prose",
     "Uw BSN vindt u op uw paspoort, rijbewijs of identiteitskaart. Geef het nooit door via "
     "WhatsApp."),
    ("neg.nl_order", "nl", "chat",
     "mijn bestelling {n9} is nog niet binnen, kun je even kijken?"),
    ("neg.fatura", "pt", "form",
     "Fatura n.º FT {year}/{n6}\nData: {date}\nTotal a pagar: {amount} €\nReferência MB: "
     "{n9}"),
    ("neg.nif_howto", "pt", "prose",
     "O NIF tem nove dígitos e o último é de controlo. Peça sempre fatura com contribuinte."),
    ("neg.ssn_howto", "en", "prose",
     "Never email your Social Security number. The first three digits are the area number; "
     "numbers starting with 9 are ITINs, not SSNs."),
    ("neg.ups", "en", "chat",
     "my order {n9} shipped, tracking 1Z{n6}0{order} — arriving Thursday"),
    ("neg.claim", "en", "email",
     "Claim number {n9} has been approved. Reference {order}. Payment of ${amount} will be "
     "issued within 5 business days."),
    ("neg.dl_howto", "en", "prose",
     "Bring your driver's license and two proofs of address to the DMV. Renewals can be done "
     "online every 8 years."),
    ("neg.fuehrerschein", "de", "prose",
     "Ab 2033 müssen alle alten Führerscheine in den EU-Kartenführerschein umgetauscht "
     "werden; Jahrgänge 1953 bis 1958 waren bis zum 19.01.2022 dran."),
    ("neg.permis", "fr", "prose",
     "Le permis de conduire à points compte 12 points ; un excès de vitesse de moins de 20 "
     "km/h en coûte un."),
    ("neg.pw_howto", "en", "docs",
     "Passwords must be at least 12 characters long and include a number. Reset your password "
     "from the login page; links expire after 30 minutes."),
    ("neg.pw_config", "en", "yaml",
     "database:\n  host: db.internal\n  user: app\n  password: ${{DB_PASSWORD}}\n  pool: 10"),
    ("neg.pw_de", "de", "docs",
     "Das Passwort muss mindestens 10 Zeichen lang sein. Kennwort vergessen? Klicken Sie auf "
     "„Zurücksetzen“."),
    ("neg.mrn_howto", "en", "docs",
     "The MRN field accepts up to 10 digits. Patient identifiers must never appear in "
     "ticket titles."),
    ("neg.lab", "en", "log",
     "2025-03-14 10:22:31 INFO analyzer=cobas6000 run={n6} samples=96 qc=pass lot={order}"),
    ("neg.order_es", "es", "chat",
     "el pedido {n9} llegó roto, adjunto fotos. factura {order}"),
    ("neg.it_ordine", "it", "email",
     "Gentile cliente, il suo ordine n. {order} è stato spedito. Codice di tracciamento "
     "{n11}."),
    ("neg.fr_facture", "fr", "form",
     "Facture n° {order}\nSIRET : {n11}123\nMontant TTC : {amount} €"),
    ("neg.boleto", "pt", "form",
     "Boleto bancário\nLinha digitável: 34191.{n6}0 {n6}.{order} 1 {n11}000\n"
     "Vencimento: {date}\nValor: R$ {amount}"),
    ("neg.protocolo", "pt", "chat",
     "o protocolo do atendimento é {n11}, pediram pra aguardar 48h"),
    ("neg.nl_iban_less", "nl", "chat",
     "het factuurnummer is {n9} en het bedrag € {amount}"),
    ("neg.phone_pt", "pt", "chat",
     "o meu pedido tem referência {n9} e foi pago a {date}"),
    ("b2.neg.pix", "pt", "chat",
     "fiz o pix de R$ {amount}, o código da transação é E{n11}{n9}"),
    ("b2.neg.steuer_bescheid", "de", "prose",
     "Steuerbescheid für {year}: Erstattung {amount} EUR. Aktenzeichen beim Finanzamt: "
     "{n6}/{n6}."),
    ("b2.neg.lohn", "de", "chat",
     "meine Lohnabrechnung zeigt 38,5 Stunden und einen Stundenlohn von 19,80 EUR, passt das?"),
    ("b2.neg.bsn_en", "en", "docs",
     "The BSN is a nine-digit number that passes the eleven test; never log it in plain "
     "text."),
    ("b2.neg.nif_pt", "pt", "chat",
     "o multibanco deu erro no pagamento da referência {n9}, entidade 21312"),
    ("b2.neg.ssn_docs", "en", "docs",
     "Field ssn: string, format XXX-XX-XXXX, masked in all responses except to admins."),
    ("b2.neg.dl_docs", "en", "docs",
     "license: Apache-2.0\nversion: {year}.3.1\nbuild: {n6}"),
    ("b2.neg.pw_docs", "en", "docs",
     "To change your password, go to Settings > Security and enter the one-time code we send "
     "to your phone."),
    ("b2.neg.mrn_docs", "en", "log",
     "2025-02-11T09:14:03Z worker-3 processed batch={n6} records=1200 duration_ms=8421"),
    ("b2.neg.pt_ref", "pt", "form",
     "Encomenda n.º {order}\nData: {date}\nPortes: 4,99 €\nTotal: {amount} €"),
    ("b3.neg.gehalt", "de", "email",
     "Hallo Personalbüro, mein Gehalt für März fehlt. Personalnummer {n6}, Kostenstelle "
     "{n6}, Überweisung an Konto {n11}. Danke."),
    ("b3.neg.werkgever", "nl", "email",
     "Beste, mijn werkgever vraagt om het polisnummer {n9} en het personeelsnummer {n9}. "
     "Kunnen jullie dat bevestigen?"),
    ("b3.neg.salarios", "pt", "email",
     "Olá equipa de salários, o meu NISS é {n11} e o IBAN já foi enviado. O recibo n.º {n6} "
     "ainda não chegou."),
    ("b3.neg.idlabel", "en", "ticket",
     "Ticket {n6}: the national ID field rejects all input; example from logs: id number "
     "{n9}, request {n11}."),
    ("b3.neg.lohn", "de", "chat",
     "Lohnabrechnung ist da, Auszahlung {amount} EUR, Vorgangsnummer {n11}"),
    ("neg.us_phone", "en", "ticket",
     "Ticket {n6}: customer reports error code 0x{n6} after firmware {year}.{n6}."),
]  # fmt: skip


def main() -> None:
    rows: list[dict[str, object]] = []
    for reps, group, templates in ((4, "positive", POSITIVE), (3, "negative", NEGATIVE)):
        for tid, lang, fmt, template in templates:
            seen: set[str] = set()
            for _ in range(reps):
                text, spans = fill(template, lang)
                if text in seen:
                    continue
                seen.add(text)
                if group == "negative":
                    spans = [s for s in spans if s["kind"] == "person"]
                rows.append(
                    {
                        "text": text,
                        "spans": spans,
                        "lang": lang,
                        "format": fmt,
                        "group": group,
                        "template": f"d2.{tid}",
                    }
                )
    with OUT.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{OUT.name}: {len(rows)} documents")


if __name__ == "__main__":
    main()
