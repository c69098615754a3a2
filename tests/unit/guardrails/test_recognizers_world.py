"""Values as they are written in the wild: other languages, national formats, obfuscation,
full-width and invisible characters, CSV rows, prose, and other providers' keys."""

from __future__ import annotations

import time

import pytest

from bastion.guardrails.recognizers import scan


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Mobil: 0176 12345678, bitte abends", "phone", "0176 12345678"),
        ("Phone 5552345678", "phone", "5552345678"),
        ("tél. 06 12 34 56 78", "phone", "06 12 34 56 78"),
        ("móvil 612 34 56 78", "phone", "612 34 56 78"),
        ("telemóvel: 912 345 678", "phone", "912 345 678"),
        ("Ring +44(0)20 7946 0958 now", "phone", "+44(0)20 7946 0958"),
        ("4111111111111111,12/27,John", "credit_card", "4111111111111111"),
        ("Max Müller, geb. 12.03.1985, wohnhaft", "date_of_birth", "12.03.1985"),
        ("Jeanne, née le 1er mars 1980 à Lyon", "date_of_birth", "1er mars 1980"),
        ("nacido el 3 de marzo de 1985", "date_of_birth", "3 de marzo de 1985"),
        ("nata il 15/04/1990 a Roma", "date_of_birth", "15/04/1990"),
        ("geboren op 4 mei 1979", "date_of_birth", "4 mei 1979"),
        ("data de nascimento: 15 de março de 1990", "date_of_birth", "15 de março de 1990"),
        ("Reisepass-Nr.: C01X00T47", "passport", "C01X00T47"),
        ("número de pasaporte PAB123456", "passport", "PAB123456"),
        ("N.º de historia clínica: 2023-004512", "medical_record_number", "2023-004512"),
        ("Fallnummer 48213377", "medical_record_number", "48213377"),
        ("NHS number 943 476 5919", "medical_record_number", "943 476 5919"),
        ("Führerschein-Nr. B072RRE2I55", "driver_license", "B072RRE2I55"),
        ("licence MORGA753116SM9IJ", "driver_license", "MORGA753116SM9IJ"),
        ("BSN: 111222333", "nl_bsn", "111222333"),
        ("NIF 123456789", "pt_nif", "123456789"),
        ("CPF 123.456.789-09", "br_cpf", "123.456.789-09"),
        ("write to x(at)y.co.uk today", "email", "x(at)y.co.uk"),
        ("mail name at gmail dot com please", "email", "name at gmail dot com"),
        ("jane [at] example [dot] org", "email", "jane [at] example [dot] org"),
        ("mail me: anna\uff20example.de", "email", "anna\uff20example.de"),
        ("the password was set to Xk9#mq2Lp yesterday", "password", "Xk9#mq2Lp"),
        ("Das Passwort lautet Sommer2024! und gilt", "password", "Sommer2024!"),
        ("mot de passe : Soleil2024!", "password", "Soleil2024!"),
        ("la contraseña es Madrid#2023.", "password", "Madrid#2023"),
        ("token glpat-xY3kP9mQ2rT7vW1zA5bC", "api_key", "glpat-xY3kP9mQ2rT7vW1zA5bC"),
        (
            "SharedAccessKey=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg=",
            "azure_key",
            "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg=",
        ),
    ],
)
def test_values_written_in_the_wild_are_found(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Steuer-IdNr. 28 06 43 53 192", "de_steuer_id", "28 06 43 53 192"),
        ("IdNr.: 280 643 531 92", "de_steuer_id", "280 643 531 92"),
        ("Identifikationsnummer: 28-064-353-192", "de_steuer_id", "28-064-353-192"),
        ("C.P.F.: 28059832468", "br_cpf", "28059832468"),
        ("CPF 280 598 324 68", "br_cpf", "280 598 324 68"),
        ("N.º de identificação fiscal: 812415868", "pt_nif", "812415868"),
        ("Hospital No.: H1234567", "medical_record_number", "H1234567"),
        ("UR number 123456", "medical_record_number", "123456"),
        ("Aufnahme-Nr.: A2024-1123", "medical_record_number", "A2024-1123"),
        ("License #: A1234567", "driver_license", "A1234567"),
        ("Führerscheinnummer: B072RRE2I55", "driver_license", "B072RRE2I55"),
        ("birthdate=19800312", "date_of_birth", "19800312"),
        ("Ada Brandt (b. 1985-12-10) wrote", "date_of_birth", "1985-12-10"),
        ("Peter Schneider, * 12.03.1980 in Köln", "date_of_birth", "12.03.1980"),
        ("Nació el 12 de marzo de 1980.", "date_of_birth", "12 de marzo de 1980"),
        ("Nasci em 12/03/1980.", "date_of_birth", "12/03/1980"),
        ("nacque il 12/03/1980 a Bari", "date_of_birth", "12/03/1980"),
        ("DN: 12/03/1980", "date_of_birth", "12/03/1980"),
        ("Data urodzenia: 12.03.1980", "date_of_birth", "12.03.1980"),
    ],
)
def test_more_labels_and_layouts(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Update auf 4.1.2.8 eingespielt",
        "upgrade to 10.2.0.1 tonight",
        "look at example.com for details",
        "meet at 5 dot",
        "Your password must be at least 8 characters.",
        "I forgot my password again.",
        "Part no. +1 234 567 8901 is out of stock",
        "The Meeting With Marketing Team",
        "NATO summit on 12/07/2024",
    ],
)
def test_look_alikes_are_left_alone(text: str) -> None:
    assert found(text) == []


def test_full_width_and_invisible_characters_are_folded_and_masked_where_written() -> None:
    wide = "card " + " ".join(["\uff14\uff11\uff11\uff11"] + ["\uff11" * 4] * 3) + " ok"
    assert found(wide) == [("credit_card", wide[5:-3])]
    hidden = "card 4111\u200b1111\u200b1111\u200b1111 ok"
    assert found(hidden) == [("credit_card", hidden[5:-3])]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("card 4\ufe0f111 1111 1111 1111", "credit_card", "4\ufe0f111 1111 1111 1111"),
        ("card 4\u034f111 1111 1111 1111", "credit_card", "4\u034f111 1111 1111 1111"),
        ("card 4\ufff9111 1111 1111 1111", "credit_card", "4\ufff9111 1111 1111 1111"),
        ("\u0130stanbul. Am 5. M\u00e4rz 1983 geboren.", "date_of_birth", "5. M\u00e4rz 1983"),
        ("\u0130 N\u00ba doente: 4711223", "medical_record_number", "4711223"),
        ("dateOfBirth: 1985-03-12", "date_of_birth", "1985-03-12"),
        ("Kundengeburtsdatum: 12.03.1985", "date_of_birth", "12.03.1985"),
        ("jane99\tat\texample.com", "email", "jane99\tat\texample.com"),
        ("nato a Roma il 12/03/1985", "date_of_birth", "12/03/1985"),
        ("nacido en Madrid el 3 de marzo de 1985", "date_of_birth", "3 de marzo de 1985"),
        ("n\u00e9 \u00e0 Lyon le 1er mars 1980", "date_of_birth", "1er mars 1980"),
        ('"birthDate": "1985-03-12T00:00:00Z"', "date_of_birth", "1985-03-12"),
        ("Teilnehmende: Emma Wirth, Jonas Weber\n- Jonas Weber bucht", "person", "Jonas Weber"),
    ],
)
def test_hidden_characters_case_folding_and_word_starts(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


def test_a_name_found_once_is_found_where_it_comes_back() -> None:
    text = "Teilnehmende: Emma Wirth, Jonas Weber\n\nAufgaben:\n- Jonas Weber bucht den Raum"
    assert [v for k, v in found(text) if k == "person"].count("Jonas Weber") == 2


@pytest.mark.parametrize(
    "text",
    [
        "iam key" + " " * 2000 + "x " + "A" * 24,
        "cos secret_key" + " " * 2000,
        "_authToken " + "/" * 40000,
        "password" + " " * 3000 + "Xk9#mq2Lp7",
        "password" + " " * 30000 + "x",
        "Passwort" + " \t" * 15000 + ":" + " " * 15000,
        "api_key" + " " * 3000 + "= AbCd1234EfGh5678IjKl9012",
        "ab1 at " * 5000,
    ],
)
def test_spacing_and_repetition_cost_linear_time(text: str) -> None:
    started = time.thread_time()  # CPU time: other work on a loaded machine does not count
    scan(text)
    assert time.thread_time() - started < 2.0


def test_spanish_floor_and_door_stay_inside_the_address() -> None:
    text = "Dirección: Calle de Toledo, 18, 7º A, 30009 Murcia"
    assert ("postal_address", "Calle de Toledo, 18, 7º A, 30009 Murcia") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Upgrade from 6.2.0.83 is automatic; the API listens on port 443.",
        "Compute 15389 * 29 and then 0735079671 mod 97.",
        "Je bestelling 030-0088136-2636135 is verzonden!",
    ],
)
def test_versions_sums_and_order_numbers_are_not_addresses_or_phones(text: str) -> None:
    assert found(text) == []


def test_a_payslip_names_the_number_it_carries() -> None:
    text = "Hoi salarisadministratie, op mijn loonstrook staat een verkeerd nummer: 835337406."
    assert ("nl_bsn", "835337406") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Geburtstagsfeier am 12.03.2024 im Büro!",
        "Happy birthday! The party is on March 12, 2024.",
    ],
)
def test_birthday_parties_are_left_alone(text: str) -> None:
    assert found(text) == []


def test_a_birthday_with_a_birth_year_is_a_date_of_birth() -> None:
    assert ("date_of_birth", "12.03.1980") in found("Geburtstag: 12.03.1980")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # "Teléfono:" ends in "no", which is no "No." before an order number.
        ("Teléfono: +52 55 5123 4567", "phone", "+52 55 5123 4567"),
        ("Cel.: 55 1234 5678", "phone", "55 1234 5678"),
        ("Die Lohnabrechnung zeigt 28064353192 als ID.", "de_steuer_id", "28064353192"),
        ("Krankenakte: KA-2024-0815", "medical_record_number", "KA-2024-0815"),
        ("Nº do prontuário 2024-55123", "medical_record_number", "2024-55123"),
        ("Licencia de manejo: A12345678", "driver_license", "A12345678"),
        ("Führerausweis-Nr. 123456789012", "driver_license", "123456789012"),
    ],
)
def test_labels_of_neighbouring_countries(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Clause 12.3.1.2 applies to subcontractors.",
        "§ 4.1.2.3 BGB",
        "Installed: 7.3.0.124 (x64)",
    ],
)
def test_numbered_clauses_and_installed_versions_are_not_addresses(text: str) -> None:
    assert found(text) == []


def test_an_access_point_keeps_its_address() -> None:
    assert ("ip_address", "10.0.0.1") in found("Access point 10.0.0.1 is down")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The password for the Wi-Fi is Gr33nT3a!2024", "Gr33nT3a!2024"),
        ("Le mot de passe du wifi est Gr33nT3a!2024", "Gr33nT3a!2024"),
        ("La password della VPN è Gr33nT3a!2024", "Gr33nT3a!2024"),
        ("Kennwort für den Server: Gr33nT3a!2024", "Gr33nT3a!2024"),
        ('Use "Gr33nT3a!2024" as the password.', "Gr33nT3a!2024"),
        ("credentials: admin / Gr33nT3a!2024", "Gr33nT3a!2024"),
        # The label apart from its value: a page or a form copied as text.
        ("Username\njdoe\nPassword\nGr33nT3a!2024\n", "Gr33nT3a!2024"),
        ("Passwort:\n  Gr33nT3a!2024", "Gr33nT3a!2024"),
        ("Name ........ J. Doe\nPassword ........ Gr33nT3a!2024.\n", "Gr33nT3a!2024"),
    ],
)
def test_passwords_named_with_what_they_open(text: str, value: str) -> None:
    assert ("password", value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The password for your account must contain at least 8 characters.",
        "User/Group: www-data / www-data",
        "The password of user2 is stored hashed with bcrypt-12.",
        'Use "Settings" as the password field label.',
        "### Password\nRequired.\n",
        "Password\nchange_me\n",
        "Please enter your password\nThanks2024 team",
        "Enable password-based authentication for the account.",
        "Le lien de mise \u00e0 jour du mot de passe n\u2019\u00e9tait pas valide.",
        "Introduzca su usuario y contrase\u00f1a.</div>",
        "Bitte schreibe, dass der Leser sein Passwort auf radweg-info.example.de best\u00e4tige.",
    ],
)
def test_sentences_about_passwords_are_not_passwords(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Cadastro de Pessoas Físicas: 28059832468", "br_cpf", "28059832468"),
        ("NIF 812-415-868", "pt_nif", "812-415-868"),
        ("sofinr. 835337406", "nl_bsn", "835337406"),
        ("835337406 is mijn BSN", "nl_bsn", "835337406"),
    ],
)
def test_national_numbers_under_their_full_names_and_other_groupings(
    text: str, kind: str, value: str
) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("server: 10.0.0.5", "10.0.0.5"),
        ("DNS: 8.8.8.8", "8.8.8.8"),
        ("3.120.5.7 - - [02/May/2024:10:00:00]", "3.120.5.7"),
        ("ssh ec2-user@3.120.5.7", "3.120.5.7"),
        ("connect to 5.180.62.10:443", "5.180.62.10"),
    ],
)
def test_addresses_that_look_like_versions_where_something_says_they_are_hosts(
    text: str, address: str
) -> None:
    assert ("ip_address", address) in found(text)


@pytest.mark.parametrize(
    "text",
    ["Firmware-Update auf 2.4.10.135", "Requires app >= 2.1.0.4.", 'AssemblyVersion("1.0.0.0")'],
)
def test_versions_with_a_one_digit_first_part_are_not_hosts(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "iban",
    ["DE89-3704-0044-0532-0130-00", "DE89.3704.0044.0532.0130.00", "DE89 37040044 0532013000"],
)
def test_ibans_grouped_by_dashes_or_dots(iban: str) -> None:
    assert ("iban", iban) in found(f"IBAN: {iban}.")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("SVNR: 1237 010180", "at_svnr", "1237 010180"),
        ("AHV-Nr. 756.9217.0769.85", "ch_ahv", "756.9217.0769.85"),
        ("my number is 756.9217.0769.85", "ch_ahv", "756.9217.0769.85"),
        ("Rijksregisternummer: 85.07.30-033.28", "be_national_number", "85.07.30-033.28"),
        ("NN 85073003328 (rijksregister)", "be_national_number", "85073003328"),
        ("PPS number: 6433435F", "ie_pps", "6433435F"),
        ("CURP: BOXW310820HNERXN09", "mx_curp", "BOXW310820HNERXN09"),
    ],
)
def test_numbers_of_neighbouring_countries(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "SVNR: 1237 010181",  # check digit off
        "throughput 10000 pps, frame 1234567X",
        "order 756.1234.5678.90 shipped",
    ],
)
def test_their_look_alikes_are_left_alone(text: str) -> None:
    assert not [kind for kind, _ in found(text) if kind in ("at_svnr", "ie_pps", "ch_ahv")]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # Check digits that fail: the famous advertised SSNs, made-up and mistyped numbers.
        ("SSN: 123-45-6789", "us_ssn", "123-45-6789"),
        ("My SSN is 078-05-1120", "us_ssn", "078-05-1120"),
        ("social security number 219 09 9999", "us_ssn", "219 09 9999"),
        ("CPF: 123.456.789-00", "br_cpf", "123.456.789-00"),
        ("inscrito no CPF/MF sob o nº 111.444.777-00", "br_cpf", "111.444.777-00"),
        ("Meine Steuer-ID lautet 12345678901.", "de_steuer_id", "12345678901"),
        ("Steuer-IdNr. 12 345 678 901", "de_steuer_id", "12 345 678 901"),
        ("Mijn BSN is 123456780.", "nl_bsn", "123456780"),
        ("burgerservicenummer: 1234.56.780", "nl_bsn", "1234.56.780"),
        ("O meu NIF é 287654321.", "pt_nif", "287654321"),
        ("Contribuinte n.º PT325492131", "pt_nif", "PT325492131"),
        # Under a column or field of that name.
        ("name,cpf\nJoão Lima,12345678900", "br_cpf", "12345678900"),
        ('{"steuer_id": "12345678901"}', "de_steuer_id", "12345678901"),
        ("ssn: 123-45-6789", "us_ssn", "123-45-6789"),
    ],
)
def test_a_number_given_under_its_identifiers_name_counts_whatever_its_check_digits(
    text: str, kind: str, value: str
) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "SSN: 000-00-0000",  # a placeholder
        "CPF: 111.111.111-11",
        "BSN: 12345678",  # a digit short
        "NIF 1234567890",  # a digit too many
        "Dissn 123-45-6789 tarifnif 287654321",  # the name inside another word
        "the ssn field takes 9 digits, e.g. the 2019 form 123456789",  # not right after it
        "Nota fiscal para 123.456.789-00, valor R$ 230,00",  # no name, failing check digits
    ],
)
def test_names_without_a_number_of_their_shape_find_nothing(text: str) -> None:
    assert not [kind for kind, _ in found(text) if kind in ("us_ssn", "br_cpf", "nl_bsn", "pt_nif")]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Mon identifiant fiscal allemand est 54826591758.", "de_steuer_id", "54826591758"),
        ("Mi número de identificación fiscal alemán es 43279705678", "de_steuer_id", "43279705678"),
        ("Mijn Duitse fiscaal identificatienummer is 84761250495", "de_steuer_id", "84761250495"),
        ("Employee record: tax number 63470425891", "de_steuer_id", "63470425891"),
        ("My Dutch citizen service number is 507208717", "nl_bsn", "507208717"),
        ("burgerservice nr. 034672187", "nl_bsn", "034672187"),
        ("Persoonsgebonden nummer 554533662", "nl_bsn", "554533662"),
    ],
)
def test_tax_and_citizen_numbers_named_in_the_neighbours_words(
    text: str, kind: str, value: str
) -> None:
    assert (kind, value) in found(text)


def test_numbers_in_areas_never_issued_are_not_ssns_even_when_named() -> None:
    assert not [k for k, _ in found("Invalid SSN 666-99-4674, ITIN 912-85-0370") if k == "us_ssn"]
