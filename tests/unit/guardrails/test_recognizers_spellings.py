"""Checksummed national identifiers in any common spelling, found by their country or its
institutions without a label next to them; phones, parcels, orders, accounts, amounts and dates
are not, nor numbers in a text that has only the language and its everyday words."""

from __future__ import annotations

import random
import re

import pytest

from bastion.guardrails import checksummed
from bastion.guardrails.checksummed import find_checksummed
from bastion.guardrails.recognizers import document_keywords, scan
from bastion.guardrails.scanning import Text

CPF = "52998224725"  # two valid mod-11 check digits
STEUER = "65929970489"  # ISO 7064 MOD 11,10, one digit repeated
BSN = "111222333"  # eleven test
NIF = "123456789"  # mod 11


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in scan(text)]


def _own(text: str) -> list[tuple[str, str]]:
    return [(kind, text[start:end]) for kind, start, end in find_checksummed(Text(text))]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # CPF: a Brazilian institution or paper (not the language alone); any grouping.
        ("Conforme a Receita Federal, o titular é 529 982 247 25.", "br_cpf", "529 982 247 25"),
        (
            "Segue o documento do cliente para a Receita Federal: 529-982-247-25, com a cópia.",
            "br_cpf",
            "529-982-247-25",
        ),
        (
            "O contrato do locatário 529982247/25 foi assinado no cartório.",
            "br_cpf",
            "529982247/25",
        ),
        ("Brazil office: the new hire gave 529.982.247/25.", "br_cpf", "529.982.247/25"),
        ("Enviamos para você o cadastro 52998224725 ontem.", "br_cpf", "52998224725"),
        # Steuer-ID: the tax authorities or the papers they ask for (not German alone).
        (
            "Sehr geehrte Damen und Herren, anbei die Nummer 659 299 704 89 für das Finanzamt.",
            "de_steuer_id",
            "659 299 704 89",
        ),
        ("Das Bundeszentralamt vergab 6592-9970-489.", "de_steuer_id", "6592-9970-489"),
        ("Für die Familienkasse bitte 65.929.970.489 angeben.", "de_steuer_id", "65.929.970.489"),
        # BSN: an institution (an everyday word of the papers beside it is not enough).
        ("De Belastingdienst heeft 111 222 333 geregistreerd.", "nl_bsn", "111 222 333"),
        (
            "Geachte heer, voor uw aanvraag bij de gemeente hebben wij 1112.22.333 nodig.",
            "nl_bsn",
            "1112.22.333",
        ),
        (
            "Het paspoort van mijn vader: 111-222-333, geboren in Utrecht, bij de gemeente.",
            "nl_bsn",
            "111-222-333",
        ),
        # NIF: the tax or social security authority (a personal NIF: first digit 1, 2 or 3).
        ("As Finanças indicam 123 456 789 na sua declaração.", "pt_nif", "123 456 789"),
        (
            "Para a fatura do seu contrato use 123-456-789 no Portal das Finanças, obrigado.",
            "pt_nif",
            "123-456-789",
        ),
    ],
)
def test_checksummed_identifier_found_by_its_country_or_institution(
    text: str, kind: str, value: str
) -> None:
    assert (kind, value) in _own(text)
    assert (kind, value) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        # No language or country of the identifier around it.
        f"Please find attached the document, reference {CPF[:9]}-{CPF[9:]} for the record.",
        f"The build produced {STEUER} bytes of output in the last run.",
        f"Our warehouse counted {BSN} items this quarter.",
        # The number right after a phone, account, order or amount word.
        f"Ligue para o telefone {NIF[:3]} {NIF[3:6]} {NIF[6:]}, obrigado pela fatura.",
        f"Bel ons op telefoon {BSN}, voor uw aanvraag bij de gemeente.",
        f"Sehr geehrte Kundin, Ihre Bestellung {STEUER} ist für Sie unterwegs.",
        f"Bitte überweisen Sie auf das Konto {STEUER} bei der Sparkasse.",
        f"Segue o pedido {CPF} para você conferir.",
        f"De factuur {BSN} is door de gemeente voor uw aanvraag verstuurd.",
        # Dutch or Portuguese alone is not enough for the weaker eleven-test and mod-11 checks.
        f"Wij hebben het pakket {BSN} voor u klaargezet, tot ziens.",
        f"Ganhei {NIF} pontos no jogo com a minha irmã.",
        # Groupings that no one gives these identifiers: phones and amounts.
        "Liga para (11) 98765-4321 ou 11 98765 4321, é do cadastro.",
        "Rufen Sie uns unter 0171 2345678 an, wir helfen Ihnen gern.",
        "Bel 06 12345678 of +31 6 1234 5678 voor de gemeente.",
        "Ligue +351 912 345 678 para as Finanças.",
        # IBANs and their fragments, dates, long reference numbers.
        "Conta: PT50 0002 0123 1234 5678 9015 4, Finanças, fatura paga.",
        "Rekening NL91 ABNA 0417 1643 00 bij de Belastingdienst, uw aanvraag.",
        "Am 12.03.1985 wurde die Steuer für Sie und Ihre Familie festgesetzt.",
        f"Sendungsnummer {STEUER}12 für Ihre Lieferung vom Finanzamt.",
    ],
)
def test_look_alikes_not_taken(text: str) -> None:
    assert _own(text) == []


def test_two_kinds_of_one_length_told_apart_by_language() -> None:
    # 111222333 passes the eleven test and the NIF's mod 11 is tried too: the language decides.
    dutch = "Geachte heer, de Belastingdienst heeft 111 222 333 voor uw aangifte."
    assert _own(dutch) == [("nl_bsn", "111 222 333")]


def test_stream_carries_the_context_words() -> None:
    words = document_keywords("Sehr geehrte Damen und Herren, das Finanzamt schreibt Ihnen.")
    assert "finanzamt" in words
    assert {"und", "das"} <= words


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        (
            "Lohnliste\nNachname;Vorname;Nummer\nMeier;Hans;65929970489\n",
            "de_steuer_id",
            "65929970489",
        ),
        (
            "Sehr geehrte Frau Meier, Ihre Nr.65929970489 ist beim Finanzamt vermerkt.",
            "de_steuer_id",
            "65929970489",
        ),
        (
            "Für Ihre Krankenkasse: 65 92 99 70 489 bitte angeben.",
            "de_steuer_id",
            "65 92 99 70 489",
        ),
        ("Lista do cadastro: Silva,529.982.247-25,São Paulo", "br_cpf", "529.982.247-25"),
    ],
)
def test_fields_and_abbreviations_before_the_number_with_an_institution_word(
    text: str, kind: str, value: str
) -> None:
    assert (kind, value) in _own(text)


@pytest.mark.parametrize(
    "text",
    [
        "Der Betrag von -65929970489 wurde für Sie und Ihre Familie storniert.",
        "Summe 1,65929970489 für die Steuer, bitte prüfen Sie das.",
        "Die Version 3.65929970489 ist für die Steuer nicht relevant.",
    ],
)
def test_signs_and_decimals_not_taken(text: str) -> None:
    assert _own(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # Dutch with an everyday word of the papers, but no institution: orders, rent, a doctor.
        "De zending 787765351 is onderweg en komt morgen aan, met de aanvraag.",
        "Het nummer 787765351 staat bij de aanvraag van uw order.",
        "Voor de huur van de garage is 787765351 het kenmerk dat wij gebruiken.",
        "Uw afspraak 787765351 bij de huisarts is verplaatst naar maandag.",
        # Portuguese with an invoice, contract or receipt: mobiles, amounts, invoice numbers.
        "Pode ligar-me para o 916 533 638 para falarmos do contrato.",
        "O valor da fatura é de 926.693.638 euros.",
        "A fatura 123456789 do seu contrato já foi emitida.",
        "O recibo 123 456 789 segue em anexo, obrigado.",
        "O seu contrato tem o número 916533638 e a fatura segue por correio.",
        # German and Brazilian text with a parcel or a mobile number.
        "Die Paketnummer lautet 65870413328",
        "Sehr geehrte Kundin, die Nummer 65870413328 ist für Sie vermerkt.",
        "Pode mandar mensagem para 11920315390",
        "Você pode me chamar no 11920315390 para combinar a entrega.",
        # A company's or public body's NIF needs its label; alone it may be any other number.
        "As Finanças enviaram a carta ao 500 000 000, obrigado.",
    ],
)
def test_everyday_numbers_not_taken(text: str) -> None:
    assert _own(text) == []
    assert not any(f.kind in {"br_cpf", "de_steuer_id", "nl_bsn", "pt_nif"} for f in scan(text))


@pytest.mark.parametrize(
    "text",
    [
        "A Autoridade Tributária cobrou 123456789 euros a uma empresa.",
        "Das Finanzamt nahm 65929970489 EUR an Steuern ein.",
        "A Receita Federal arrecadou 52998224725 reais no ano.",
        "A Receita Federal arrecadou R$ 52998224725 no ano.",
    ],
)
def test_amounts_not_taken_beside_an_institution(text: str) -> None:
    # A currency right before or after the number makes it an amount (the whole scan may still
    # take a Steuer-ID after "Finanzamt" by its own rule for that word).
    assert _own(text) == []


def _dutch_orders(size: int, header: str) -> str:
    rng = random.Random(11)
    rows = [header]
    while sum(len(r) + 1 for r in rows) < size:
        number = rng.randrange(100_000_000, 1_000_000_000)
        rows.append(
            f"{number};{rng.randrange(1, 29)}-03-2024;{rng.randrange(1, 999)},95;met uw aanvraag"
        )
    return "\n".join(rows)


def _context_by_definition(low: str) -> tuple[dict[str, int], dict[str, int]]:
    """The context's ends as defined: from the first occurrence of each word of the text."""
    first: dict[str, int] = {}
    for m in re.finditer(r"[^\W\d_]+", low):
        first.setdefault(m.group(), m.end())
    never = checksummed._NEVER

    def end(word: str) -> int:
        if len(word) <= 3 and word.isalpha():
            return min(first.get(word, never), first.get(word + "s", never))
        at = low.find(word)
        return at + len(word) if at >= 0 else never

    country = {
        kind: min((end(w) for w in words), default=never)
        for kind, words in checksummed._COUNTRY_WORDS.items()
    }
    language = {}
    for name, words in checksummed._LANGUAGE_WORDS.items():
        ends = sorted(first[w] for w in set(words) if w in first)
        language[name] = ends[1] if len(ends) >= 2 else never
    return country, language


def test_context_found_on_demand_is_the_defined_one() -> None:
    # Words of every list, alone, as plurals, inside other words and next to digits.
    words = [w for ws in checksummed._COUNTRY_WORDS.values() for w in ws]
    words += [w for ws in checksummed._LANGUAGE_WORDS.values() for w in ws]
    pieces = [*words, *(w + "s" for w in words), "first", "xcpf", "cpfx", "nifs", "o", "1", "_"]
    rng = random.Random(7)
    for _ in range(2_000):
        low = "".join(
            rng.choice(pieces) + rng.choice(" ,.;:\n-/1_\u00e9") for _ in range(rng.randrange(12))
        )
        country, language = _context_by_definition(low)
        context = checksummed._Context(low)
        assert {kind: context.country(kind) for kind in country} == country, low
        assert {name: context.language(name) for name in language} == language, low


def test_context_read_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each number's context is looked up where the text's context words were found, once per
    # text, rather than read again from the text before it: four times the text, four times
    # the work and (with an institution named) four times the findings.
    built: list[int] = []
    build = checksummed._context_of

    def counted(low: str) -> checksummed._Context:
        built.append(len(low))
        return build(low)

    monkeypatch.setattr(checksummed, "_context_of", counted)
    plain = "bestelnummer;datum;bedrag;opmerking"
    assert _own(_dutch_orders(160_000, plain)) == []
    assert len(built) == 1
    named = "bestelnummer;datum;bedrag;opmerking (gemeente Utrecht)"
    small = _own(_dutch_orders(40_000, named))
    large = _own(_dutch_orders(160_000, named))
    assert len(built) == 3
    assert small and large
    assert 3 <= len(large) / len(small) <= 5
