"""Contexts and layouts the combinatorial probe (benchmarks/guardrails/pii_probe.py) showed
missing: a label on the line above its value, a label after its value in parentheses, an SSN
named once in a document, the identifiers' English and neighbouring-language names, dashed and
lower-case spellings, key=value pairs on one line; and the numbers that must stay unflagged in
the same frames."""

from __future__ import annotations

import pytest

from bastion.guardrails.recognizers import scan
from bastion.guardrails.redact import mask
from bastion.guardrails.stream import StreamMasker


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # The label alone on its line, the value on the next.
        ("Reisepass-Nr.\nP1234567\n", "passport", "P1234567"),
        ("driver licence number\nD1234567\n", "driver_license", "D1234567"),
        ("Patienten-ID:\n00482137\n", "medical_record_number", "00482137"),
        # The label after the value, in parentheses.
        ("Please use EH123456 (passport) for the booking.", "passport", "EH123456"),
        ("Bitte verwenden Sie A12345678 (Führerschein-Nr.)", "driver_license", "A12345678"),
        ("Reference: K123456 (MRN)", "medical_record_number", "K123456"),
        # An SSN named once, given later in any of its spellings.
        (
            "Attached is the SSN verification letter.\n\nThe number is 234 56 7891.",
            "us_ssn",
            "234 56 7891",
        ),
        ("S.S.N.: 181.36.7653", "us_ssn", "181.36.7653"),
        ("Seguro Social 363/78/8562", "us_ssn", "363/78/8562"),
        # Steuer-ID: "St.-ID", dashes.
        ("St.-ID 48412409569", "de_steuer_id", "48412409569"),
        ("Steuer-ID: 65-929-970-489", "de_steuer_id", "65-929-970-489"),
        # BSN in dashed groups under its name.
        ("sofi-nummer 111-222-333", "nl_bsn", "111-222-333"),
        # The identifier's country in another language.
        ("Sure, here it is: 312553692\n(codice fiscale portoghese)", "pt_nif", "312553692"),
        ("Mein Duits fiscaal nummer: 65929970489", "de_steuer_id", "65929970489"),
        # An IBAN pasted in lower case.
        ("iban=de89370400440532013000", "iban", "de89370400440532013000"),
        # key=value pairs on one line (logfmt).
        ("name=J.Doe driver_license=S12345678 city=Springfield", "driver_license", "S12345678"),
        # Passports under the visa forms' abbreviation and the generic document name.
        ("PPT No: P1234567", "passport", "P1234567"),
        ("Hello, my travel document number is X1234567.", "passport", "X1234567"),
        ('{"name": "J. Doe", "ppt_no": "EH123456"}', "passport", "EH123456"),
        ("name,Travel document no,city\nJ. Doe,C01X00T47,Springfield\n", "passport", "C01X00T47"),
        # Licences: the Italian abbreviation before the word, an Austrian number, words before
        # the document's inside the parentheses, digits in groups of any length.
        ("Buongiorno, il mio n. patente è A12345678.", "driver_license", "A12345678"),
        ("FS-Nr.: 08/123456", "driver_license", "08/123456"),
        ("Gebruik 12 345 678 (nummer rijbewijs) a.u.b.", "driver_license", "12 345 678"),
        ("Please use A1234 56789 01234 (DLN) for the form.", "driver_license", "A1234 56789 01234"),
        ("name,Operator's License\nJ. Doe,B7654321\n", "driver_license", "B7654321"),
        # Passwords: a PIN of digits after the word, a value before it in parentheses, "est le".
        ("Hello, my PIN is 4821, please update the record.", "password", "4821"),
        ("Name ........ J. Doe\nKennwort ........ 4821\n", "password", "4821"),
        ("Bitte verwenden Sie Sommer2024! (Passwort) für das Formular.", "password", "Sommer2024!"),
        ("Bonjour, mon mot de passe est le Tr0ub4dor&3, merci.", "password", "Tr0ub4dor&3"),
        ("name,parola d'ordine,city\nJ. Doe,hunter22,Springfield\n", "password", "hunter22"),
        # The BSN's English names as keys; the NIF's full Portuguese name; "codice paziente".
        ('{"citizen_service_number": "456604856"}', "nl_bsn", "456604856"),
        ("name=J.Doe dutch_social_security_number=285-977-489", "nl_bsn", "285-977-489"),
        ('person:\n  número_de_identificação_fiscal: "188 850 333"\n', "pt_nif", "188 850 333"),
        ("name,codice paziente\nJ. Doe,00482137\n", "medical_record_number", "00482137"),
        # Phones: "Nr." after a phone word; being reachable; a mobile's name, Mexican numbers.
        ("Tel.-Nr. +41 79 123 45 67", "phone", "+41 79 123 45 67"),
        ("Fax-Nr.: 030 1234567", "phone", "030 1234567"),
        ("erreichbar unter 0664 1234567", "phone", "0664 1234567"),
        ("celular\n55 1234 5678\n", "phone", "55 1234 5678"),
        ("Please use 33 1234 5678 (call me at) for the form.", "phone", "33 1234 5678"),
        # The SSN's names in other languages that say it is the American one.
        ("Meine US-Sozialversicherungsnummer lautet 156 14 4472.", "us_ssn", "156 14 4472"),
        (
            "Sobre mi número de seguro social: está mal.\nEl correcto es 574610907.",
            "us_ssn",
            "574610907",
        ),
        ("numero_di_previdenza_sociale_usa=034 37 6157", "us_ssn", "034 37 6157"),
        ("<s_s_n>620.64.4358</s_s_n>", "us_ssn", "620.64.4358"),
        ("Seguro Social\n205 58 4133\n", "us_ssn", "205 58 4133"),
        ("Por favor use 391 12 2109 (Seguro Social) para el formulario.", "us_ssn", "391 12 2109"),
        # A Portuguese NIF written as its VAT number, with a dash or in groups.
        (
            "Olá, o meu N.I.F. é PT-230113222, por favor atualizem o registo.",
            "pt_nif",
            "PT-230113222",
        ),
        ("Het juiste is PT 174 417 330. Bedankt!", "pt_nif", "PT 174 417 330"),
        # IBANs: the country code apart from the check digits; grouped in lower case after
        # the word.
        ("IBAN DE 89 3704 0044 0532 0130 00", "iban", "DE 89 3704 0044 0532 0130 00"),
        ("iban: nl91 abna 0417 1643 00", "iban", "nl91 abna 0417 1643 00"),
        ("Straße, IBAN de89 3704 0044 0532 0130 00", "iban", "de89 3704 0044 0532 0130 00"),
        # A sentence before a field's name is not part of it.
        ("My SSN is at home. My phone number: 612345678.", "phone", "612345678"),
    ],
)
def test_found(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # Another number's label after a document naming the identifier.
        "CPF: 52998224725\ntracking number: 32515954405\n",
        "BSN: 111222333\nnuméro de commande: 123456782\n",
        "Steuer-ID: 65929970489\nfattura n.: 86095742719\n",
        # An EIN on a W-2 that also gives the SSN.
        "a Employee's social security number 752-84-2431\n"
        "b Employer identification number (EIN) 175817353\n",
        # A sentence that mentions a passport, then a year on the next line.
        "We discussed the passport renewal.\n2024 was busy.",
        # A lower-case word and digits that are not an IBAN.
        "see de12345678901234567890 in the log",
    ],
)
def test_not_flagged_as_identifier(text: str) -> None:
    wanted = {"us_ssn", "br_cpf", "nl_bsn", "de_steuer_id", "passport", "iban"}
    values = [value for kind, value in found(text) if kind in wanted]
    assert values == [value for value in values if value in text.split("\n", maxsplit=1)[0]]


@pytest.mark.parametrize(
    "text",
    [
        "Attached is the SSN verification letter.\n\nThanks.\nThe number is 234 56 7891.",
        "Please use EH123456 (passport) for the booking.",
        "Reisepass-Nr.\nP1234567\n",
        "name=J.Doe driver_license=S12345678 city=Springfield",
        "Gebruik 12 345 678 (nummer rijbewijs) voor het formulier.",
        "IBAN below.\n" + "filler text here. " * 20 + "\nnl91 abna 0417 1643 00\n",
        "Bitte verwenden Sie Sommer2024! (Passwort) für das Formular.",
        "Name ........ J. Doe\nKennwort ........ 4821\n",
    ],
)
@pytest.mark.parametrize("size", [1, 4, 16])
def test_streams_mask_what_the_scan_finds(text: str, size: int) -> None:
    masker = StreamMasker(scan, holdback=128, block=False)
    out = "".join(masker.feed(text[i : i + size]) for i in range(0, len(text), size))
    out += masker.finish()
    assert out == mask(text, scan(text))


@pytest.mark.parametrize(
    "text",
    [
        # Numbers after words a password word may stand for, or that only mention one.
        "pw 2048 on the amplifier, ww 2024 in the plan",
        "Your password expires in 2025 days.",
        "Use OAuth2 (password grant) for the CLI.",
        "Room 12 (next to the passport office) is closed.",
        # A "social security number" in an American column stays an SSN, a Dutch one a BSN.
        "name,Amerikaans sofinummer (SSN),city\nJ. Doe,635014099,Springfield\n",
        # Other numbers' "Nr." stays theirs beside a phone word.
        "Kunden-Nr. 0612 345 678",
        "Auftrags-Nr. 55 1234 5678 per Telefon bestätigt",
    ],
)
def test_passwords_and_documents_not_read_into(text: str) -> None:
    kinds = {kind for kind, _ in found(text)}
    assert not kinds & {"password", "passport", "nl_bsn", "phone"}


@pytest.mark.parametrize(
    "text",
    [
        # Another number after a name of the SSN: an order's, a phone's.
        "Sobre mi número de seguro social: el pedido 612345678 llegó tarde.",
        "Mi número de seguro social lo tengo en casa. Mi teléfono es 612345678.",
        "About my SSN: order 612345678 arrived late.",
    ],
)
def test_other_numbers_after_a_name_of_the_ssn_are_not_ssns(text: str) -> None:
    assert "us_ssn" not in {kind for kind, _ in found(text)}


def test_a_plural_names_the_identifier_as_its_singular_does() -> None:
    text = "Os CPFs abaixo estão errados:\n1) Ana - 29141777638\n2) João - 291 417 776 38"
    assert [kind for kind, _ in found(text) if kind == "br_cpf"] == ["br_cpf", "br_cpf"]


def test_a_document_number_in_portuguese_is_tried_as_a_cpf_first() -> None:
    # 29141777638 passes the CPF's check digits; "Documento" is what Brazilian forms call it.
    assert ("br_cpf", "29141777638") in found("Cliente: Ana Souza\nDocumento: 29141777638")
    assert ("br_cpf", "291.417.776 38") in found("Documento do titular: 291.417.776 38")


def test_a_document_number_that_passes_no_check_is_left_alone() -> None:
    assert not [f for f in found("Documento: 29141777639") if f[0] in ("br_cpf", "de_steuer_id")]
