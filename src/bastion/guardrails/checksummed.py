"""Checksummed national identifiers in any common spelling, found by the country they belong to
rather than by a label next to them.

A CPF, a Steuer-ID, a BSN or a NIF is a run of digits whose check digits make a chance match
unlikely: two mod-11 digits for the CPF (one random number in a hundred passes), ISO 7064
MOD 11,10 and a digit-repetition rule for the Steuer-ID, the eleven test for the BSN and mod 11
for the NIF (one in eleven each). People write them grouped by spaces, dots, dashes or slashes,
or not at all; their documents need not name them next to the number, but name the country or
its institutions (Receita Federal, Finanzamt, Belastingdienst, Finanças). The language alone
and its everyday words ("aanvraag", "fatura") are not enough: order, parcel and phone numbers
pass the weaker checks one time in eleven in the very same sentences. A number right after a
phone, parcel or other number's label, or right before a currency, is not an identifier; an
unlabelled NIF is a person's (first digit 1, 2 or 3, or 45), since a 9 starts mobile numbers
too and a company's NIF comes with its label.

Context is read from the text before a number and a little after it (less than a stream's
hold-back), and the words that make it are carried forward by a stream's masker
(``CONTEXT_WORDS``), so a stream masks what a scan of the whole text finds. Where each context
word first occurs is found once per text (when a number first needs it), so each number's
context is a comparison."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from bastion.guardrails import validators as v
from bastion.guardrails.identifiers import _OTHER_NUMBER_LABEL
from bastion.guardrails.scanning import Match, Text, before, lead_with_first_chars

# Nine to eleven digits, one separator at most between two digits; not part of a longer number
# (no digit, or digit and separator, before or after it), a word, a phone number's "+", a
# negative number, an amount's decimals or a date. A CSV field ("Meier,65929970489") and a
# label's abbreviation ("Nr.65929970489") may come right before it.
_SEP = " .\\-/\u2011\u2013"
# Led by its first characters, its lookbehinds are tried only where a digit is.
_RUN = lead_with_first_chars(
    re.compile(
        rf"(?<![\w+])(?<!\d[{_SEP},])(?<![^\w][\-\u2011\u2013])\d(?:[{_SEP}]?\d){{8,10}}"
        rf"(?![\w\-\u2011\u2013]|[{_SEP},]\d)"
    )
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
        # The country in the other languages: "brasilianische", "brésilien", "braziliaans".
        "br\u00e9sil", "brasilian", "braziliaans",
    ),
    "de_steuer_id": (
        "finanzamt", "bundeszentralamt", "bzst", "elster", "elstam", "steuer", "deutschland",
        "germany", "german", "lohn", "gehalt", "einkommen", "kindergeld", "familienkasse",
        "deutsch", "bundes", "krankenkasse", "rentenversicherung", "arbeitgeber", "mitarbeiter",
        "st.-id", "idnr", "allemand", "allemagne", "alem\u00e1n", "alem\u00e3o", "alemanha",
        "tedesc", "germania", "duits",
    ),
    "nl_bsn": (
        "belastingdienst", "gemeente", "digid", "uwv", "svb", "toeslag", "zorgverzeker",
        "bsn", "burgerservice", "nederland", "netherlands", "dutch", "brp",
        "sofinummer", "n\u00e9erland", "niederl\u00e4nd", "holand", "olandes", "holland",
        "pays-bas", "pa\u00edses bajos", "pa\u00edses baixos", "paesi bassi",
    ),
    "pt_nif": (
        "finan\u00e7as", "autoridade tribut\u00e1ria", "tribut\u00e1ri", "portugal", "portuguese",
        "nif", "contribuinte", "seguran\u00e7a social", "cart\u00e3o de cidad\u00e3o",
        # "portugiesische", "portugais", "portugués", "Portugees", "portoghese".
        "portugies", "portugais", "portugu\u00e9s", "portugees", "portoghes",
    ),
}  # fmt: skip
_LANGUAGE_OF = {"br_cpf": "pt", "de_steuer_id": "de", "nl_bsn": "nl", "pt_nif": "pt"}

CONTEXT_WORDS: tuple[str, ...] = tuple(
    sorted({w for words in _COUNTRY_WORDS.values() for w in words})
)

# A phone, parcel, account or amount right before the number.
_NOT_AN_ID = lead_with_first_chars(
    re.compile(
        r"(?i:tel|phone|fone|fon\b|telefoon|mobiel|celular|telem\u00f3vel|whats|fax|handy|gsm|mobil"
        r"|\bliga|\bligue|mensagem|\bbel\b|\bbellen\b"
        r"|contact|contato|contacto|iban|konto|rekening|conta|account|bic|swift|\+|\$|\u20ac|eur\b"
        r"|order|bestel|pedido|encomenda|rastreio|tracking|sendung|pakket|paket|zending"
        r"|isbn|ean|ref\b)"
    )
)
# An amount: a currency right after the number.
_CURRENCY_AFTER = re.compile(r"(?i:[ \u00a0]{0,3}(?:euros?\b|eur\b|\u20ac|r\$|reais\b|usd\b|\$))")
# The NIF's first digits for a person (1, 2, 3; 45 for non-residents); 5, 6, 7, 8 and 9 start
# companies, public bodies and other entities, and 9 also Portuguese mobile numbers.
_PERSONAL_NIF = ("1", "2", "3", "45")
_AFTER = 96  # less than a stream's hold-back
_NEVER = 1 << 62


class _Context:
    """Where, in one text, the words that place a number first occur: for an identifier, the end
    of the first word naming its country or institutions, and for a language, the end of the
    second of its short words to appear. Each is found when first asked for and kept for the
    text's other numbers (most texts ask for one identifier's, few for a language's), so that
    each number's context is a comparison with its reach."""

    __slots__ = ("_country", "_language", "_low")

    def __init__(self, low: str) -> None:
        self._low = low
        self._country: dict[str, int] = {}
        self._language: dict[str, int] = {}

    def country(self, kind: str) -> int:
        end = self._country.get(kind)
        if end is None:
            low = self._low
            phrases, whole_words = _COUNTRY_SEARCH[kind]
            ends = [at + len(w) for w in phrases if (at := low.find(w)) >= 0]
            if whole_words is not None and (m := whole_words.search(low)) is not None:
                ends.append(m.end())
            end = self._country[kind] = min(ends, default=_NEVER)
        return end

    def language(self, language: str) -> int:
        end = self._language.get(language)
        if end is None:
            end = _NEVER
            seen: set[str] = set()
            for m in _LANGUAGE_SEARCH[language].finditer(self._low):
                seen.add(m.group())
                if len(seen) == 2:
                    end = m.end()
                    break
            self._language[language] = end
        return end


def _whole_words(words: Iterable[str]) -> re.Pattern[str]:
    """The first of ``words`` standing as a whole word (a run of letters, as `_WORD` reads)."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return lead_with_first_chars(re.compile(rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])"))


def _country_search(words: tuple[str, ...]) -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    # A short word counts as a whole word ("irs", not "first") or its plural ("CPFs"); a
    # longer one or a phrase anywhere (a stem inside compounds: "zorgverzekeraar").
    short = [w for w in words if len(w) <= 3 and w.isalpha()]
    phrases = tuple(w for w in words if w not in short)
    plurals = [w + "s" for w in short]
    return phrases, _whole_words([*short, *plurals]) if short else None


_COUNTRY_SEARCH = {kind: _country_search(words) for kind, words in _COUNTRY_WORDS.items()}
_LANGUAGE_SEARCH = {language: _whole_words(set(w)) for language, w in _LANGUAGE_WORDS.items()}


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


def _passes(kind: str, candidate: str, digits: str, groups: tuple[int, ...]) -> bool:
    if kind == "pt_nif" and not digits.startswith(_PERSONAL_NIF):
        return False
    return _grouping_ok(kind, groups) and _CHECKS[kind](candidate)


def find_checksummed(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    context: _Context | None = None
    for m in _RUN.finditer(text):
        candidate = m.group()
        digits = v.digits_only(candidate)
        kinds = _BY_LENGTH.get(len(digits))
        if kinds is None or not _separators_ok(candidate):
            continue
        groups = _groups(candidate)
        passing = [k for k in kinds if _passes(k, candidate, digits, groups)]
        if not passing or before(text, m.start(), _NOT_AN_ID, 24):
            continue
        if before(text, m.start(), _OTHER_NUMBER_LABEL, 40):
            continue
        if _CURRENCY_AFTER.match(text, m.end()):
            continue
        if context is None:
            context = _context_of(low)
        reach = m.end() + _AFTER
        placed = [k for k in passing if context.country(k) <= reach]
        if not placed:
            continue
        if len(placed) > 1:
            # Of two kinds of one length both placed, the one whose language the text is in.
            spoken = [k for k in placed if context.language(_LANGUAGE_OF[k]) <= reach]
            placed = spoken or placed
        yield placed[0], m.start(), m.end()


def _context_of(low: str) -> _Context:
    return _Context(low)
