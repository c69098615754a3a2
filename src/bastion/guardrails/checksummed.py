"""Checksummed national identifiers in any common spelling, found by the country they belong to
rather than by a label next to them.

A CPF, a Steuer-ID, a BSN or a NIF is a run of digits whose check digits make a chance match
unlikely: two mod-11 digits for the CPF (one random number in a hundred passes), ISO 7064
MOD 11,10 and a digit-repetition rule for the Steuer-ID, the eleven test for the BSN and mod 11
for the NIF (one in eleven each). People write them grouped by spaces, dots, dashes or slashes,
or not at all; their documents need not name them, but are written in the country's language
or name its institutions (Receita Federal, Finanzamt, Belastingdienst, Finanças). How much of
that context a number needs follows from its check's strength: the CPF and Steuer-ID only the
language or a country word before them; the BSN and NIF, which a phone or order number passes
one time in eleven, both the language and a word of the authorities or papers that ask for
them, and no phone or other number's label right before them.

Context is read from the text before a number and a little after it (less than a stream's
hold-back), and the words that make it are carried forward by a stream's masker
(``CONTEXT_WORDS``), so a stream masks what a scan of the whole text finds."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bastion.guardrails import validators as v
from bastion.guardrails.identifiers import _OTHER_NUMBER_LABEL
from bastion.guardrails.scanning import Match, Text, before

# Nine to eleven digits, one separator at most between two digits; not part of a longer number
# (no digit, or digit and separator, before or after it), a word, a phone number's "+", a
# negative number, an amount's decimals or a date. A CSV field ("Meier,65929970489") and a
# label's abbreviation ("Nr.65929970489") may come right before it.
_SEP = " .\\-/\u2011\u2013"
_RUN = re.compile(
    rf"(?<![\w+])(?<!\d[{_SEP},])(?<![^\w][\-\u2011\u2013])\d(?:[{_SEP}]?\d){{8,10}}"
    rf"(?![\w\-\u2011\u2013]|[{_SEP},]\d)"
)
_SPLIT = re.compile(rf"[{_SEP}]")

# How each identifier is printed: group lengths, left to right (one group: not separated).
_GROUPS: dict[str, frozenset[tuple[int, ...]]] = {
    "br_cpf": frozenset({(11,), (9, 2), (3, 3, 3, 2)}),
    "nl_bsn": frozenset({(9,), (3, 3, 3), (4, 2, 3), (3, 2, 4), (2, 3, 4)}),
    "pt_nif": frozenset({(9,), (3, 3, 3)}),
}
_CHECKS: dict[str, Callable[[str], bool]] = {
    "br_cpf": v.br_cpf_ok,
    "de_steuer_id": v.de_steuer_id_ok,
    "nl_bsn": v.nl_bsn_ok,
    "pt_nif": v.pt_nif_ok,
}
_BY_LENGTH = {11: ("br_cpf", "de_steuer_id"), 9: ("nl_bsn", "pt_nif")}

# Short words of each language, as whole words; two different ones make a text that language.
_LANGUAGE_WORDS = {
    "de": (
        "und", "der", "die", "das", "ist", "nicht", "mit", "f\u00fcr", "ihre", "sie", "wir",
        "bitte", "sehr", "geehrte", "ich", "den", "dem", "eine", "einen", "vom", "zur", "bei",
        "auf", "sind", "wurde", "ihr", "unsere",
    ),
    "nl": (
        "het", "een", "van", "niet", "wij", "uw", "zijn", "voor", "met", "graag", "bij",
        "naar", "onze", "heeft", "deze", "ook", "wordt", "geachte", "ik", "mijn", "u",
    ),
    "pt": (
        "n\u00e3o", "voc\u00ea", "do", "da", "dos", "das", "para", "com", "uma", "seu", "sua",
        "s\u00e3o", "est\u00e1", "obrigado", "obrigada", "pelo", "pela", "em", "os", "as",
        "tamb\u00e9m", "\u00e9", "ao", "n\u00ba", "meu", "minha", "o", "na", "nas", "ou", "foi",
    ),
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
# Words that name the country, its authorities or the papers that carry the identifier.
_COUNTRY_WORDS = {
    "br_cpf": (
        "receita federal", "brasil", "brazil", "cpf", "cnpj", "nota fiscal", "r$", "cart\u00f3rio",
        "ssp", "detran", "inss", "pis", "contribuinte", "cadastro",
    ),
    "de_steuer_id": (
        "finanzamt", "bundeszentralamt", "bzst", "elster", "elstam", "steuer", "deutschland",
        "germany", "german", "lohn", "gehalt", "einkommen", "kindergeld", "familienkasse",
        "deutsch", "bundes", "krankenkasse", "rentenversicherung", "arbeitgeber", "mitarbeiter",
    ),
    "nl_bsn": (
        "belastingdienst", "gemeente", "digid", "uwv", "svb", "toeslag", "zorgverzeker",
        "bsn", "burgerservice", "nederland", "netherlands", "dutch", "brp",
    ),
    "pt_nif": (
        "finan\u00e7as", "autoridade tribut\u00e1ria", "tribut\u00e1ri", "portugal", "portuguese",
        "nif", "contribuinte", "seguran\u00e7a social", "cart\u00e3o de cidad\u00e3o",
    ),
}  # fmt: skip
# For the weaker checks, beside the language: a word of the papers that ask for a person's
# number (identity, health, pay, housing, registration).
_PAPER_WORDS = {
    "nl_bsn": (
        "burger", "identiteit", "paspoort", "rijbewijs", "verzeker", "huisarts", "zieken",
        "pati\u00ebnt", "geboren", "geboortedatum", "persoonsgegevens", "inschrijving",
        "werkgever", "salaris", "loon", "huur", "aanvraag", "uitkering", "belasting",
    ),
    "pt_nif": (
        "fiscal", "fatura", "factura", "recibo", "irs", "imposto", "contrato", "cidad\u00e3o",
        "identifica\u00e7\u00e3o", "sal\u00e1rio", "vencimento", "morada", "arrendamento",
        "nascimento", "utente",
    ),
}  # fmt: skip
_NEEDS_PAPER = frozenset(_PAPER_WORDS)
_LANGUAGE_OF = {"br_cpf": "pt", "de_steuer_id": "de", "nl_bsn": "nl", "pt_nif": "pt"}

CONTEXT_WORDS: tuple[str, ...] = tuple(
    sorted(
        {
            *(w for words in _COUNTRY_WORDS.values() for w in words),
            *(w for words in _PAPER_WORDS.values() for w in words),
        }
    )
)

# A phone, account or amount right before the number.
_NOT_AN_ID = re.compile(
    r"(?i:tel|phone|fone|fon\b|telefoon|mobiel|celular|telem\u00f3vel|whats|fax|handy|gsm|mobil"
    r"|contact|contato|contacto|iban|konto|rekening|conta|account|bic|swift|\+|\$|\u20ac|eur\b"
    r"|order|bestel|pedido|encomenda|tracking|sendung|isbn|ean|ref\b)"
)
_AFTER = 96  # less than a stream's hold-back


def _language(words: set[str], language: str) -> bool:
    return len(words.intersection(_LANGUAGE_WORDS[language])) >= 2


def _any_word(wanted: tuple[str, ...], context: str, seen: set[str]) -> bool:
    """Whether one of ``wanted`` occurs: a short word as a whole word ("irs", not "first"), a
    longer one or a phrase anywhere (a stem inside compounds: "zorgverzekeraar")."""
    for word in wanted:
        if len(word) <= 3 and word.isalpha():
            if word in seen:
                return True
        elif word in context:
            return True
    return False


def language_words(low: str) -> set[str]:
    """The short words of the identifiers' languages in ``low``, for a stream to carry on."""
    found = set(_WORD.findall(low))
    return {w for words in _LANGUAGE_WORDS.values() for w in words if w in found}


def _groups(candidate: str) -> tuple[int, ...]:
    return tuple(len(g) for g in _SPLIT.split(candidate))


def _grouping_ok(kind: str, groups: tuple[int, ...]) -> bool:
    # A Steuer-ID has no printed grouping of its own and cannot start with 0 (as German phone
    # numbers do): any grouping of two or more digits a group will do.
    if kind == "de_steuer_id":
        return all(g >= 2 for g in groups)
    return groups in _GROUPS[kind]


def _separators_ok(candidate: str) -> bool:
    """One separator throughout, or one and a different last one ("123.456.789-01")."""
    seps = [c for c in candidate if not c.isdigit()]
    return len(set(seps[:-1])) <= 1


def find_checksummed(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    words: dict[int, set[str]] = {}
    for m in _RUN.finditer(text):
        candidate = m.group()
        digits = v.digits_only(candidate)
        kinds = _BY_LENGTH.get(len(digits))
        if kinds is None or not _separators_ok(candidate):
            continue
        groups = _groups(candidate)
        passing = [k for k in kinds if _grouping_ok(k, groups) and _CHECKS[k](candidate)]
        if not passing or before(text, m.start(), _NOT_AN_ID, 24):
            continue
        if before(text, m.start(), _OTHER_NUMBER_LABEL, 40):
            continue
        end = min(len(low), m.end() + _AFTER)
        context = low[:end]
        if end not in words:
            words[end] = set(_WORD.findall(context))
        seen = words[end]
        for kind in passing:
            language = _language(seen, _LANGUAGE_OF[kind])
            country = _any_word(_COUNTRY_WORDS[kind], context, seen)
            if kind in _NEEDS_PAPER:
                paper = _any_word(_PAPER_WORDS[kind], context, seen)
                ok = country or (language and paper)
            else:
                ok = country or language
            if ok:
                yield kind, m.start(), m.end()
                break
