"""Cells of a table column whose header says what it holds, in CSV, TSV, semicolon and pipe
tables, in a whole text and in a stream."""

from __future__ import annotations

import orjson
import pytest

from bastion.guardrails.recognizers import scan
from bastion.guardrails.redact import mask
from bastion.guardrails.stream import StreamMasker


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in scan(text)]


def assert_streamed_as_whole(text: str, whole: str) -> None:
    """``text`` streamed 1, 4, 16 and 64 characters at a time is masked as ``whole``."""
    for size in (1, 4, 16, 64):
        masker = StreamMasker(scan, holdback=128)
        out = [masker.feed(text[i : i + size]) for i in range(0, len(text), size)]
        assert "".join(out) + masker.finish() == whole, size


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("geboortedatum;naam\n12-03-1980;Jan Jansen", "date_of_birth", "12-03-1980"),
        ("fecha_nacimiento,nombre\n12/03/1980,Ana López", "date_of_birth", "12/03/1980"),
        ("id,naam,bsn,plaats\n1,Jan Jansen,835337406,Utrecht", "nl_bsn", "835337406"),
        ("nome;nif;cidade\nAna Lima;812415868;Porto", "pt_nif", "812415868"),
        ("employee_id\tssn\tstart_date\nE-1001\t536221874\t2021-04-01", "us_ssn", "536221874"),
        (
            "Vorname,Geburtsdatum,Steuer-ID\nPeter,12.03.1980,28064353192",
            "de_steuer_id",
            "28064353192",
        ),
        ("nome,cpf,telefone\nAna,28059832468,(11) 98765-4321", "phone", "(11) 98765-4321"),
        ("name,passport_no\nJane Roe,C01X00T47", "passport", "C01X00T47"),
        ("user,password,role\njdoe,Winter2024!,admin", "password", "Winter2024!"),
        ("name,licence_number\nJane Roe,D1234-56789-01234", "driver_license", "D1234-56789-01234"),
        (
            "| Name | DOB | MRN |\n|---|---|---|\n| Jane Roe | 03/12/1980 | 00451234 |",
            "medical_record_number",
            "00451234",
        ),
        ('name,phone\n"Roe, Jane",+44 20 7946 0958', "phone", "+44 20 7946 0958"),
        # The header need not sit right above: a blank line or a note between.
        ("name;dob\n\n(export of 3 May)\nJan;1980-03-12", "date_of_birth", "1980-03-12"),
    ],
)
def test_cells_under_a_sensitive_header_are_found(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "order_id,date,amount\n12345,2024-03-12,19.99",
        "sku;qty;price\nA-1001;3;4.50",
        # A birth-date column holds birth dates: a date of this year is not one.
        "name,dob\nJane,2025-01-01",
        # A cell without its kind's shape is left alone (a BSN has nine digits; under a
        # column of that name, check digits that fail still make one).
        "name,bsn\nJan,12345",
        "name,bsn\nJan,999999999",
        "user,password\njdoe,********",
        # Prose after a table is not read as rows of it.
        "name,phone\nJane,+44 20 7946 0958\n\nThanks, see you",
    ],
)
def test_cells_that_fail_their_check_are_left_alone(text: str) -> None:
    kinds = {kind for kind, value in found(text) if value not in ("+44 20 7946 0958",)}
    assert kinds <= {"person"}, found(text)


def test_a_row_longer_than_the_hold_back_is_masked_in_a_stream_as_in_the_whole_text() -> None:
    notes = "x" * 300
    rows = "\n".join(
        f"{i},Patient {i},{notes},{d}" for i, d in enumerate(["1980-03-12", "1975-11-02"] * 3)
    )
    text = f"id,name,notes,date_of_birth\n{rows}\n"
    whole = mask(text, scan(text))
    assert "1980-03-12" not in whole and "1975-11-02" not in whole
    assert_streamed_as_whole(text, whole)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ('{"tax_id": "28064353192"}', "de_steuer_id", "28064353192"),
        ("Tax-ID: 28064353192", "de_steuer_id", "28064353192"),
        ('{"driver_license": "D1234-56789-01234"}', "driver_license", "D1234-56789-01234"),
        ("drivers_license_number: A1234567", "driver_license", "A1234567"),
        ("licenseNumber: A1234567", "driver_license", "A1234567"),
        ("social_security_number: 536221874", "us_ssn", "536221874"),
        ("patient_id: P-00451", "medical_record_number", "P-00451"),
        ("medicalRecordNumber: 00451234", "medical_record_number", "00451234"),
        ("user pin: 4821", "password", "4821"),
        ("Driver License Number: A1234567", "driver_license", "A1234567"),
    ],
)
def test_values_of_fields_whose_name_says_what_they_hold(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "pass_rate: 0.95",
        "pin_count: 1234",
        "license: Apache-2.0",
        "license_key: ABCD-1234-EFGH-5678",
        "Mobile: iPhone 12",
        "phone_verified: true",
        "passport_expiry: 2030-01-01",
        "Status: license renewed",
    ],
)
def test_fields_about_those_things_are_not_them(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Whatever its words: the health recognizer's lists need not hold them.
        ("bed,age,sex,admitting_dx,allergies\n4,90,M,UTI / delirium,NKDA", "UTI / delirium"),
        (
            "Name;Team;Condition (as disclosed)\nA. Kowalski;Finance;Hearing impairment",
            "Hearing impairment",
        ),
        ("patient_id\tdiagnosis\tward\nP-1\tMurphy-Zeichen positiv\t3B", "Murphy-Zeichen positiv"),
        (
            "| Bewohner | Medikation |\n|---|---|\n| Hr. B. | Actrapid lt. Schema |",
            "Actrapid lt. Schema",
        ),
        # An XML element named so, in a record.
        (
            "<patient><diagnosis>Murphy-Zeichen positiv</diagnosis></patient>",
            "Murphy-Zeichen positiv",
        ),
        # A "reason" column is sickness in a text about sickness absence.
        (
            "Riepilogo assenze per malattia\n"
            "matricola,cognome,giorni,causale\n3312,Russo,10,Ernia inguinale",
            "Ernia inguinale",
        ),
    ],
)
def test_cells_under_a_health_header_in_a_table_about_people(text: str, value: str) -> None:
    assert ("health_data", value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # A code list names no one.
        "code,diagnosis\nE11,Type 2 diabetes\nI10,Essential hypertension",
        # A product's condition, a plain reason column.
        "seller,item,condition\nJane,Bike,Used - like new",
        "name,date,reason\nJane,2024-03-01,Moving house",
        # Placeholders and types.
        "name,diagnosis\nJane,n/a\nJohn,string",
        # A field named so is the health recognizer's to read (a leaflet's "Medication:").
        "Medication: most people need none at first.",
    ],
)
def test_cells_that_are_no_ones_health(text: str) -> None:
    assert all(kind != "health_data" for kind, _ in found(text)), found(text)


def test_health_cells_are_masked_in_a_stream_as_in_the_whole_text() -> None:
    text = (
        "Fehlzeiten Q1 (Krankmeldungen)\n\n" + "x" * 300 + "\n"
        "personalnummer;name;tage;grund\n1021;Ana;5;Gastroenteritis\n1045;Rui;46;Tendinitis\n"
    )
    whole = mask(text, scan(text))
    assert "Gastroenteritis" not in whole and "Tendinitis" not in whole
    assert_streamed_as_whole(text, whole)


def test_a_reason_column_counts_only_below_where_the_text_speaks_of_sickness() -> None:
    """A stream cannot know that a later line speaks of sickness absence: neither does the
    whole-text scan, so both mask alike."""
    rows = "".join(f"E{1000 + i},{reason},1\n" for i, reason in enumerate(["flu", "migraine"] * 8))
    text = f"employee_id,reason,days\n{rows}Source: HR sick leave export, March.\n"
    assert not [kind for kind, _ in found(text) if kind == "health_data"]
    assert_streamed_as_whole(text, mask(text, scan(text)))
    before = f"Sick leave export\nemployee_id,reason,days\n{rows}"
    assert ("health_data", "migraine") in found(before)


def test_a_table_inside_json_text_is_read_as_lines() -> None:
    """A tool call's arguments are JSON text: the table arrives with its line breaks escaped
    and a quote left open before its header."""
    table = "patient,diagnosis,age\nP0,Murphy-Zeichen positiv,40\nP1,Sturz mit Kopfplatzwunde,41\n"
    arguments = orjson.dumps({"note": table}).decode()
    assert mask(arguments, scan(arguments)) == (
        '{"note":"patient,diagnosis,age\\nP0,[HEALTH_DATA],40\\nP1,[HEALTH_DATA],41\\n"}'
    )
