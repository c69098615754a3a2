"""Driving licence and passport numbers of Ireland, Austria, Switzerland, Belgium and Mexico,
and of Poland, Sweden, Denmark, Norway, Finland and Czechia, under the labels written in each
country's languages: in prose, under table columns and in named fields."""

from __future__ import annotations

import pytest

from bastion.guardrails.recognizers import scan

_DOCUMENTS = ("driver_license", "passport")


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in scan(text)]


def documents(text: str) -> list[tuple[str, str]]:
    return [(kind, value) for kind, value in found(text) if kind in _DOCUMENTS]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # Ireland: a nine-digit licence number, the card's "driver number"; PA1234567.
        ("Driving licence number: 123456789", "driver_license", "123456789"),
        ("Irish driving licence no. 087654321 issued by NDLS", "driver_license", "087654321"),
        ("Licence No 123456789", "driver_license", "123456789"),
        ("My driver number is 123456789", "driver_license", "123456789"),
        ("Passport number: PA1234567", "passport", "PA1234567"),
        ("Irish passport LB7654321, expires 2031", "passport", "LB7654321"),
        # Austria: eight digits; Reisepass P1234567; "Lenkberechtigung", "Ausweis-Nr.".
        ("Führerschein-Nr.: 12345678", "driver_license", "12345678"),
        ("Führerschein Nr. 12345678", "driver_license", "12345678"),
        ("Führerscheinnummer 12345678", "driver_license", "12345678"),
        ("Lenkberechtigung Nr. 12345678", "driver_license", "12345678"),
        ("Reisepass Nr. P1234567", "passport", "P1234567"),
        ("Reisepassnummer: U7654321", "passport", "U7654321"),
        ("Passnummer: P1234567", "passport", "P1234567"),
        ("Pass Nr.: P1234567", "passport", "P1234567"),
        ("Ausweis-Nr. P1234567", "passport", "P1234567"),
        ("meine Passnr. lautet P1234567", "passport", "P1234567"),
        ("Pass-Nummer P1234567", "passport", "P1234567"),
        ("passport PA 1234567", "passport", "PA 1234567"),
        # Switzerland, in German, French and Italian.
        ("Führerausweis-Nr.: 000123456001", "driver_license", "000123456001"),
        ("N° du permis de conduire : 123456789012", "driver_license", "123456789012"),
        ("n° du permis 123456789012", "driver_license", "123456789012"),
        ("Licenza di condurre n. 123456789012", "driver_license", "123456789012"),
        ("n° de passeport : X1234567", "passport", "X1234567"),
        ("numéro de passeport X1234567", "passport", "X1234567"),
        ("Numero di passaporto: X1234567", "passport", "X1234567"),
        ("Schweizer Pass X0123456", "passport", "X0123456"),
        ("Passeport suisse n° F1234567", "passport", "F1234567"),
        # Belgium: ten digits; EH123456.
        ("rijbewijsnummer: 1234567890", "driver_license", "1234567890"),
        ("Rijbewijs nr. 1234567890", "driver_license", "1234567890"),
        ("numéro de permis de conduire : 1234567890", "driver_license", "1234567890"),
        ("paspoortnummer: EH123456", "passport", "EH123456"),
        ("Paspoort nr. EH123456", "passport", "EH123456"),
        ("N° passeport: EN654321", "passport", "EN654321"),
        # Mexico: licences by state; passports of a letter and eight digits, or nine or ten.
        ("No. de licencia: A12345678", "driver_license", "A12345678"),
        ("Número de licencia de conducir: N04123456", "driver_license", "N04123456"),
        ("licencia de conducir 0123456789", "driver_license", "0123456789"),
        ("Licencia: B1234567", "driver_license", "B1234567"),
        ("número de pasaporte: G12345678", "passport", "G12345678"),
        ("pasaporte mexicano N12345678", "passport", "N12345678"),
        ("No. de pasaporte 1234567890", "passport", "1234567890"),
        # Poland, Sweden, Denmark, Norway, Finland, Czechia.
        ("Numer prawa jazdy: 01234/21/1234", "driver_license", "01234/21/1234"),
        ("prawo jazdy nr 12345/20/0123", "driver_license", "12345/20/0123"),
        ("Numer paszportu: AB1234567", "passport", "AB1234567"),
        ("Körkortsnummer: 12345678", "driver_license", "12345678"),
        ("Kørekortnummer: 12345678", "driver_license", "12345678"),
        ("Førerkortnummer: 12345678901", "driver_license", "12345678901"),
        ("Ajokortin numero: 123456789", "driver_license", "123456789"),
        ("Passin numero: XP1234567", "passport", "XP1234567"),
        ("Číslo řidičského průkazu: EA123456", "driver_license", "EA123456"),
        ("Číslo pasu: 12345678", "passport", "12345678"),
        ("cestovní pas č. 12345678", "passport", "12345678"),
    ],
)
def test_document_in_prose(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Name,Führerscheinnummer,Passnummer\nAnna Huber,12345678,P1234567\n",
            [("driver_license", "12345678"), ("passport", "P1234567")],
        ),
        (
            "nom;n° permis de conduire;n° passeport\nDupont;1234567890;EH123456\n",
            [("driver_license", "1234567890"), ("passport", "EH123456")],
        ),
        (
            "| Nombre | No. de licencia | Pasaporte |\n|---|---|---|\n"
            "| Juan | A12345678 | G12345678 |\n",
            [("driver_license", "A12345678"), ("passport", "G12345678")],
        ),
        (
            "körkortsnummer;passnummer\n12345678;12345678\n",
            [("driver_license", "12345678"), ("passport", "12345678")],
        ),
        (
            '{"rijbewijsnummer": "1234567890", "paspoortnummer": "EH123456"}',
            [("driver_license", "1234567890"), ("passport", "EH123456")],
        ),
        (
            "lenkberechtigung_nr: 12345678\nausweis_nr: P1234567\n",
            [("driver_license", "12345678"), ("passport", "P1234567")],
        ),
        (
            "DRIVER_NUMBER=123456789\nPASSPORT_NO=PA1234567\n",
            [("driver_license", "123456789"), ("passport", "PA1234567")],
        ),
    ],
)
def test_document_under_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert documents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12345678",
        "Bitte 12345678 überweisen.",
        "Bestellnummer 12345678, Führerschein bitte mitbringen",
        "Order 123456789 shipped; bring your passport",
        "Führerschein Klasse B, Bestellnr. 12345678",
        "Licencia tipo A, pedido 123456789",
        "Factura 12345678 — pasaporte en trámite",
        "Mein Pass ist abgelaufen. Bestellung 12345678",
        "Pass the 12345678 to me",
        # Phones, dates and postcodes next to a document word.
        "Reisepass, Tel. 0664 1234567",
        "pasaporte, llame al 5512345678",
        "rijbewijs, bel 0475 12 34 56",
        "Passeport perdu, appelez le 0612345678",
        "Führerschein gültig bis 12-03-2030",
        "permis de conduire obtenu le 12-03-2015",
        "licencia de conducir vence 2027-05-01",
        "Passport expires 2030-01-01",
        "Führerschein seit 2015, PLZ 1010 Wien",
        "paspoort verlopen, postcode 1000",
        "driver number 3 finished 1234567th",
        # A software licence under a licence word.
        '{"licencia": "GPL-3.0"}',
        "licencia: MIT-2024",
    ],
)
def test_no_document(text: str) -> None:
    assert documents(text) == []
