"""Identifiers as paperwork writes them: abbreviated and older labels, payroll and tax letters,
Brazilian contracts, hospital forms, command lines; and the numbers of other things that sit
beside them."""

from __future__ import annotations

import pytest

from bastion.guardrails.recognizers import scan


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # CPF: its old name (CIC), and in a Brazilian document that does not name it.
        ("C.I.C. nº 52998224725", "br_cpf", "52998224725"),
        ("CIC: 111.444.777-35", "br_cpf", "111.444.777-35"),
        (
            "R$ 1.200,00 pagos por Maria, inscrita sob o nº 52998224725",
            "br_cpf",
            "52998224725",
        ),
        ("Brazilian taxpayer ID 52998224725", "br_cpf", "52998224725"),
        # Steuer-ID under the labels of forms and letters.
        ("Identifikations-Nr. 65929970489", "de_steuer_id", "65929970489"),
        ("Identifikationsnr.: 65 929 970 489", "de_steuer_id", "65 929 970 489"),
        ("ELStAM-Abruf für 65929970489 fehlgeschlagen", "de_steuer_id", "65929970489"),
        # BSN: abbreviated with dots, and as passports print it.
        ("B.S.N. 111222333", "nl_bsn", "111222333"),
        ("Persoonsnummer: 111222333", "nl_bsn", "111222333"),
        # NIF: abbreviated, and as the VAT number it also is.
        ("Nº Contrib.: 123456789", "pt_nif", "123456789"),
        ("N.I.F. 123456789", "pt_nif", "123456789"),
        ("Para o reembolso precisamos do seu NIF. Indicou PT123456789.", "pt_nif", "PT123456789"),
        # SSN: Spanish name, a label a few words away, en dashes.
        ("número de seguro social 536 90 4399", "us_ssn", "536 90 4399"),
        (
            "Social Security number on file for the employee is 536 90 4399",
            "us_ssn",
            "536 90 4399",
        ),
        ("SSN: 536\u201390\u20134399", "us_ssn", "536\u201390\u20134399"),
        ("Soc Sec 036-90-4390", "us_ssn", "036-90-4390"),
        # Driving licences.
        ("Driver's Lic. # D1234567", "driver_license", "D1234567"),
        ("operator Laura Chen, OLN V 740 731 539 247, speeding", "driver_license",
         "V 740 731 539 247"),
        ("Fahrerlaubnis-Nr. B072RRE2I55", "driver_license", "B072RRE2I55"),
        ("Il numero della mia patente è RMP633505R, scade a giugno", "driver_license",
         "RMP633505R"),
        ("o número de registro da minha CNH é 35571771720", "driver_license", "35571771720"),
        # Medical records: US form labels, lower-case ids.
        ("Patient: J. Doe  MR#: 00482913", "medical_record_number", "00482913"),
        ("Please pull the chart, Med Rec # MRN5155633", "medical_record_number", "MRN5155633"),
        ("Hospital ID: 00482913", "medical_record_number", "00482913"),
        ("MRN: mrn-482913", "medical_record_number", "mrn-482913"),
        ("Nº processo 482913", "medical_record_number", "482913"),
        ("Medical record number MR0544198 shows hypertension", "medical_record_number",
         "MR0544198"),
        ("Arztbrief. Aktenzeichen: 2024/48213", "medical_record_number", "2024/48213"),
        ("mrn,ward\n629 052 3987,4B", "medical_record_number", "629 052 3987"),
        # Passwords.
        ("the admin login for the router is admin / Amsterdam@1988", "password",
         "Amsterdam@1988"),
        ("Passwort für das WLAN im Büro ist Tr0ub4dor&3", "password", "Tr0ub4dor&3"),
        ("le mdp du compte partagé c'est TigreAzul#4, ne le donne à personne", "password",
         "TigreAzul#4"),
        ("la clave del wifi de la oficina es hG7$kq1!wE", "password", "hG7$kq1!wE"),
        ("la password del portale è P@ssw0rd-ZX81, cambiala", "password", "P@ssw0rd-ZX81"),
        ("$ mysql -u root -pTr0ub4dor&3 -h db.internal shop", "password", "Tr0ub4dor&3"),
        ("sshpass -p 'Xk9#mq2L' ssh deploy@host", "password", "Xk9#mq2L"),
        ("the shared login is ops and the password's Qz8!pR2#vN", "password", "Qz8!pR2#vN"),
        ("Benutzer gesperrt. Neues Initialpasswort gesetzt: Qz8!pR2#vN", "password",
         "Qz8!pR2#vN"),
        ("a palavra-passe do router ficou z7RkP2vw", "password", "z7RkP2vw"),
        ("docker run -d -e POSTGRES_PASSWORD=Sommer2024! -p 5432:5432 postgres:16", "password",
         "Sommer2024!"),
        ("Pour la location il me faut le numéro du permis, c'est 72CM86522", "driver_license",
         "72CM86522"),
        ("Invoice Laura Chen (Portuguese taxpayer number 123 889 774)", "pt_nif", "123 889 774"),
        ("Tax ID (Steuer-Identifikationsnummer). The letter you forwarded says 78/036/984/829.",
         "de_steuer_id", "78/036/984/829"),
        ("CPF 529-982-247-25", "br_cpf", "529-982-247-25"),
        # Generic identification labels: the check digits say which identifier it is.
        ("Ticket #4821 - customer national ID 111222333, cannot log in", "nl_bsn",
         "111222333"),
        ("Identification number 52998224725", "br_cpf", "52998224725"),
        ("Olá, o meu número de identificação fiscal é 123456789", "pt_nif", "123456789"),
        ("identificatienummer 111222333", "nl_bsn", "111222333"),
        ("Fill the KYC form: country Germany, tax number 65929970489", "de_steuer_id",
         "65929970489"),
        ("Hi, I need to update my tax ID 52998224725 on the invoice.", "br_cpf",
         "52998224725"),
        ("Customer: Ana Souza | Document: 529 982 247 25 | City: Recife", "br_cpf",
         "529 982 247 25"),
        ("Nome completo: Ana Souza; Doc.: 52998224725", "br_cpf", "52998224725"),
        ("ID No. 111222333", "nl_bsn", "111222333"),
        ("Tax ID no. 65 929 970 489", "de_steuer_id", "65 929 970 489"),
        ("national ID 1112.22.333", "nl_bsn", "1112.22.333"),
        # Under its own name, any grouping of the right number of digits, or on the next line.
        ("CPF 27 18 19 37 19 7", "br_cpf", "27 18 19 37 19 7"),
        ("BSN: 1112-2233-3", "nl_bsn", "1112-2233-3"),
        ("Steuer-ID\n6592 9970 489", "de_steuer_id", "6592 9970 489"),
        ("NIF\u00a012\u00a034\u00a056\u00a078\u00a09", "pt_nif",
         "12\u00a034\u00a056\u00a078\u00a09"),
        ("SSN 536.22.1234", "us_ssn", "536.22.1234"),
        # An element named for what it holds.
        ("<person><name>J. Doe</name><social_security_no>456 85 2097</social_security_no>"
         "</person>", "us_ssn", "456 85 2097"),
        ('<emp id="7"><cpf>52998224725</cpf></emp>', "br_cpf", "52998224725"),
        # Pay papers that never name the identifier.
        ("Olá equipa de salários, o correto é 529.982.247/25", "br_cpf", "529.982.247/25"),
        ("auf meinem Gehaltszettel ist die Nummer falsch, richtig: 65929970489", "de_steuer_id",
         "65929970489"),
        ("Bij mijn werkgever staat een verkeerd nummer, het juiste is 111222333", "nl_bsn",
         "111222333"),
    ],
)  # fmt: skip
def test_paperwork_labels(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Claim number 424912499 has been approved. Reference 27947864.",
        "Factuur 2023-110226\nKvK-nummer: 89799075\nBTW-nummer: NL097709873B01",
        "b Employer identification number (EIN) 175817353",
        "o meu pedido tem referência 086564924 e foi pago a 09/11/2025",
        "Das Passwort muss mindestens 10 Zeichen lang sein. Kennwort vergessen? Klicken Sie hier.",
        "mysql -u root -p shop",
        "A empresa está inscrita no CNPJ sob o nº 11.222.333/0001-81 e tem sede em Campinas.",
        "Rechnung Nr. 48213377\nUSt-IdNr. des Leistenden: DE136695976",
        "Bestellnummer 37908113721, Lieferung laut Tracking am 11/05/2025",
        "Referência MB: 064109744",
        "o protocolo do atendimento é 07744091724, pediram pra aguardar",
        "het factuurnummer is 058811461 en het bedrag € 3283,82",
        "Überweisung an Konto 36261959282, Personalnummer 669224",
        "Codice di tracciamento 02171932928",
        "mijn werkgever vraagt om het personeelsnummer 064895772",
        "example from logs: id number 899749401",
        "Bij mijn werkgever, personeelsnummer 111222333",
        "Steuerbescheid 2024: Erstattung 289,47 EUR. Aktenzeichen beim Finanzamt: 362582/845626.",
        "Document 20231102 attached; tax ID on file.",
        "Document no. 111222333 is attached.",  # nine digits: a filing number as often as a BSN
        "<order><number>111222333</number><total>19.90</total></order>",
        "<ssn>pending</ssn>",
        # Order, tracking and invoice numbers, wherever their label puts the word "number".
        "Guten Tag, meine Bestellnummer lautet 233762383, bitte aktualisieren Sie die Daten.",
        "Bonjour, mon numéro de commande est le 173723020, merci.",
        '{"name": "J. Doe", "número_de_pedido": "354.757.489", "city": "Springfield"}',
        "numero di spedizione 827882671",
        # Invoice and order words of French, Spanish, Italian and Portuguese before "is", and a
        # key that writes "d'" as "d_": each number is also a valid Italian landline.
        "Bonjour, mon n° de facture est le 09971676532, merci de mettre à jour le dossier.",
        "Ma commande est le 09971676532",
        '{"name": "J. Doe", "numero_d_ordine": "14305963836", "city": "Springfield"}',
        "el número de pedido es 09971676532",
        # "tel" inside a word, "cell" inside "excellent": no text about phones.
        "name,Bestellnummer,city\nJ. Doe,233762383,Springfield\n",
        "Excellent stay at the Hotel Adler.\nBooking 612345678 confirmed.",
    ],
)
def test_numbers_of_other_things_are_left_alone(text: str) -> None:
    assert found(text) == []


def test_an_address_after_a_password_word_is_not_a_password() -> None:
    text = "the new password is sent to jane.roe@example.com"
    assert found(text) == [("email", "jane.roe@example.com")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mijn nummer is 0612345678", "0612345678"),
        ("Handynummer: 0176 12345678", "0176 12345678"),
        ("contacto: 912 345 678", "912 345 678"),
        ("Contact: 0612345678", "0612345678"),
        ("Rückfragen an die Personalabteilung: 030 1234567", "030 1234567"),
        ("Numéro de téléphone : 06 12 34 56 78", "06 12 34 56 78"),
        ("Diensttelefon\nMax Muster, 0301234567\n", "0301234567"),
        ("Mon numéro de téléphone est le 09971676532.", "09971676532"),
    ],
)
def test_a_number_after_a_phone_word_is_still_a_phone(text: str, value: str) -> None:
    assert ("phone", value) in found(text)


def test_a_file_number_beside_a_bsn_is_not_a_bsn() -> None:
    text = "Burgerservicenummer aanvrager: 371.993.477\nKenmerk: 574494194"
    assert found(text) == [("nl_bsn", "371.993.477")]


def test_a_social_security_number_grouped_otherwise_than_3_2_4_is_no_ssn() -> None:
    assert "us_ssn" not in [kind for kind, _ in found("social security number 134 958 925")]
    assert found("social security number 134-95-8925") == [("us_ssn", "134-95-8925")]


def test_a_spanish_licence_number_stays_a_dni() -> None:
    # The licence carries its holder's DNI; the evaluation sets label it so.
    assert found("Permiso de conducir: 89501537G") == [("es_dni", "89501537G")]
