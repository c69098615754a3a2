"""On-premises detection of structured PII, PHI and secrets in text.

`scan(text)` runs pattern recognizers over the text and returns typed, non-overlapping
findings sorted by offset. Each recognizer is a precompiled regular expression that proposes
candidates, then a validator (checksum, issuer range, calendar, context) that rejects the
look-alikes. Recognizers whose trigger substrings are absent from the text are skipped, so
a prompt without an "@" never runs the e-mail pattern, and a prompt without a digit never
runs the numeric ones. In prose with few digits, the patterns that begin at a digit (or at
capitals just before one) are tried only at those offsets rather than searched for.

Every pattern is written to run in linear time: runs are bounded, and each pattern that
starts with a character class refuses to start inside a run of that class (a negative
lookbehind), so a megabyte of one character is read once, not once per position.

Person names need a statistical model; the pattern engine does not guess them. A name
recognizer (`NameRecognizer`) can be registered with `register_name_recognizer` where one is
installed; see docs/guardrails.md.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import phonenumbers

from bastion.guardrails import provider_secrets
from bastion.guardrails import validators as v
from bastion.guardrails.addresses import scan_addresses
from bastion.guardrails.findings import Category, Finding
from bastion.guardrails.names import scan_names
from bastion.guardrails.normalize import normalize

__all__ = [
    "KINDS",
    "NameRecognizer",
    "document_keywords",
    "growing_from",
    "register_name_recognizer",
    "scan",
    "token_end",
]

# Every kind scan() can report, with its data class.
KINDS: dict[str, Category] = {
    "email": "pii",
    "phone": "pii",
    "credit_card": "pii",
    "iban": "pii",
    "us_ssn": "pii",
    "uk_nino": "pii",
    "fr_nir": "pii",
    "es_dni": "pii",
    "es_nie": "pii",
    "it_codice_fiscale": "pii",
    "de_steuer_id": "pii",
    "nl_bsn": "pii",
    "pt_nif": "pii",
    "br_cpf": "pii",
    "ip_address": "pii",
    "date_of_birth": "pii",
    "postal_address": "pii",
    "passport": "pii",
    "driver_license": "pii",
    "person": "pii",  # only with a registered NameRecognizer
    "medical_record_number": "phi",
    "aws_access_key": "secret",
    "aws_secret_key": "secret",
    "github_token": "secret",
    "slack_token": "secret",
    "stripe_key": "secret",
    "google_api_key": "secret",
    "openai_key": "secret",
    "anthropic_key": "secret",
    "azure_key": "secret",
    "api_key": "secret",  # other providers' keys (GitLab, npm, PyPI, SendGrid, Twilio...)
    "jwt": "secret",
    "bearer_token": "secret",
    "private_key": "secret",
    "connection_string": "secret",
    "password": "secret",
}

# On equal length, the more specific kind wins an overlap (a JWT sent as a bearer token is a
# JWT; a provider key in a password assignment is that provider's key).
_RANK: dict[str, int] = {
    "private_key": 100,
    "aws_access_key": 95,
    "github_token": 95,
    "slack_token": 95,
    "stripe_key": 95,
    "google_api_key": 95,
    "anthropic_key": 95,
    "openai_key": 94,
    "azure_key": 94,
    "api_key": 65,
    "jwt": 93,
    "aws_secret_key": 92,
    "connection_string": 90,
    "iban": 85,
    "credit_card": 85,
    "it_codice_fiscale": 84,
    "fr_nir": 84,
    "es_dni": 84,
    "es_nie": 84,
    "de_steuer_id": 84,
    "br_cpf": 84,
    "nl_bsn": 82,
    "pt_nif": 82,
    "us_ssn": 83,
    "uk_nino": 80,
    "medical_record_number": 75,
    "passport": 75,
    "driver_license": 75,
    "date_of_birth": 75,
    "bearer_token": 70,
    "password": 60,
    "email": 55,
    "ip_address": 50,
    "phone": 45,
    "postal_address": 40,
    "person": 10,
}

Match = tuple[str, int, int]  # kind, start, end


# --- optional name recognition ------------------------------------------------------------


@runtime_checkable
class NameRecognizer(Protocol):
    """A statistical recognizer of person names (an NER model), plugged in where installed."""

    def scan_names(self, text: str) -> list[Finding]: ...


_name_recognizers: list[NameRecognizer] = []


def register_name_recognizer(recognizer: NameRecognizer | None) -> None:
    """Use `recognizer` for kind "person" from now on (None removes all registered ones)."""
    if recognizer is None:
        _name_recognizers.clear()
    else:
        _name_recognizers.append(recognizer)


# --- helpers ------------------------------------------------------------------------------


def _lower(text: str) -> str:
    """`text` lower-cased character by character, keeping its length (one "İ" lower-cases to
    two characters, which would shift every offset after it)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(folded := ch.lower()) != 1 else folded for ch in text)


def _before(text: str, start: int, pattern: re.Pattern[str], window: int) -> bool:
    """Whether `pattern` occurs in the `window` characters before `start`."""
    return pattern.search(text, max(0, start - window), start) is not None


def _keyed(
    text: str,
    low: str,
    trigger: _Trigger,
    pattern: re.Pattern[str],
    *,
    digit_within: int = 0,
    word_start: bool = False,
) -> Iterator[re.Match[str]]:
    """Matches of `pattern`, tried only where a context keyword starts.

    `trigger`'s keywords are found in the lowered text (fast: no case folding per
    position); `pattern` is then matched from each keyword (with `word_start`, from the start
    of the word holding it: "dateOfBirth", "Kundengeburtsdatum"). `low` has the length of
    `text` (see `_lower`), so offsets line up. With `digit_within`, a keyword is skipped
    unless a digit follows within that many characters (the value is numeric).
    """
    position = 0
    for start, end in trigger.hits(low):
        if start < position:
            continue
        if digit_within and _DIGIT.search(text, end, end + digit_within) is None:
            continue
        begin = start
        if word_start:
            while begin > 0 and end - begin < 24 and text[begin - 1].isalpha():
                begin -= 1
        m = pattern.match(text, begin)
        if m is not None:
            position = m.end()
            yield m


_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = "0123456789"
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Anchored matching (`_matches_at`) pays about a microsecond per candidate offset; a regular
# expression search pays about 20 µs per KB whatever the text. Past this many candidates per
# KB the search is cheaper, and the scan uses it; so it is for short texts.
_ANCHORS_PER_KB = 16
_ANCHORS_MIN_CHARS = 512


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # exactly `\w` for str patterns


def _find_each(text: str, chars: str) -> list[int] | None:
    """Sorted offsets of `chars` in `text`; None if there are too many to try one by one."""
    limit = 8 + len(text) * _ANCHORS_PER_KB // 1024
    out: list[int] = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            if len(out) > limit:
                return None
            i = text.find(ch, i + 1)
    out.sort()
    return out


class _Text:
    """A text being scanned, lower-cased once, with candidate offsets that recognizers share.

    Most patterns begin with a digit, or with capitals a few characters before one. In prose
    with few digits they are tried only at those offsets (`_matches_at`) instead of by a
    search through every offset; in digit-dense text (None below) the search is cheaper.
    """

    __slots__ = ("_anchored", "_digit_word_starts", "_upper_starts", "low", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = _lower(text)
        self._anchored = False
        self._digit_word_starts: list[int] | None = None
        self._upper_starts: list[int] | None = None

    def _anchor(self) -> None:
        self._anchored = True
        text = self.text
        if len(text) < _ANCHORS_MIN_CHARS or not text.isascii():
            return
        digits = _find_each(text, _ASCII_DIGITS)
        if digits is None:
            return
        runs = [p for p in digits if p == 0 or not text[p - 1].isdigit()]
        self._digit_word_starts = [p for p in runs if p == 0 or not _is_word(text[p - 1])]
        # Every identifier that starts with capitals (IBAN, NINO, NIE, UK postcode) has its
        # first digit within four characters of its start, and that digit begins a run.
        uppers: set[int] = set()
        for run in runs:
            for q in range(max(0, run - 4), run):
                if text[q] in _ASCII_UPPER and (q == 0 or not _is_word(text[q - 1])):
                    uppers.add(q)
        self._upper_starts = sorted(uppers)

    def digit_word_starts(self) -> list[int] | None:
        r"""Offsets of digits that begin a word, where `\d(?<![\w].)` can match."""
        if not self._anchored:
            self._anchor()
        return self._digit_word_starts

    def upper_starts(self) -> list[int] | None:
        """Offsets of capitals that begin a word a few characters before a digit."""
        if not self._anchored:
            self._anchor()
        return self._upper_starts

    def with_chars(self, starts: list[int] | None, chars: str) -> list[int] | None:
        """`starts` and the offsets of `chars`, merged."""
        if starts is None:
            return None
        extra = _find_each(self.text, chars)
        return None if extra is None else sorted(starts + extra)


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int] | None
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying only `starts` (None: search the whole text).

    `starts` must hold every offset where a match can begin; extra ones are harmless.
    """
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            end = m.end()
            yield m


def _fold(word: str) -> str:
    """A keyword as the scan sees text: folded like it (``N.º`` is ``N.o``) and lower-cased."""
    return unicodedata.normalize("NFKC", word).lower()


def _alternatives(words: tuple[str, ...]) -> str:
    """A regular-expression alternation of keywords, folded as scanned text is."""
    return "|".join(re.escape(_fold(word)) for word in words)


class _Trigger:
    """Lower-case context keywords, found with `str.find` (far faster than an alternation)."""

    __slots__ = ("words",)

    def __init__(self, *words: str) -> None:
        self.words = tuple(sorted({_fold(word) for word in words}, key=len, reverse=True))

    def hits(self, low: str) -> list[tuple[int, int]]:
        """(start, end) of every keyword occurrence in `low`, the longest at each start."""
        ends: dict[int, int] = {}
        for word in self.words:
            i = low.find(word)
            while i >= 0:
                ends.setdefault(i, i + len(word))
                i = low.find(word, i + 1)
        return sorted(ends.items())


def _looks_random(token: str, *, min_distinct: int = 10) -> bool:
    """Credential-like: mixes letter cases and digits and is not a repeated placeholder."""
    has_lower = any("a" <= c <= "z" for c in token)
    has_upper = any("A" <= c <= "Z" for c in token)
    has_digit = any("0" <= c <= "9" for c in token)
    if sum((has_lower, has_upper, has_digit)) < 2 or not has_digit:
        return False
    return len(set(token)) >= min_distinct


_TRAILING_PUNCT = ".,;:)]}>!?'\""


# --- e-mail -------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"[\w%+\-](?<![\w.%+\-].)(?:[\w.%+\-]{0,62}[\w%+\-])?@((?:[\w\-]{1,63}\.){1,8}[^\W\d_]{2,24})(?![\w\-]|\.\w)"
)


def _find_email(t: _Text) -> Iterator[Match]:
    text = t.text
    for m in _EMAIL.finditer(text):
        labels = m.group(1).split(".")
        if any(label.startswith("-") or label.endswith("-") for label in labels):
            continue
        yield "email", m.start(), m.end()


# Written so that harvesters miss it: "jane(at)example.co.uk", "jane at example dot com",
# "jane [at] example [dot] org". A bare " at " counts only with a spelt-out dot after it, so
# "look at example.com" is not an address.
_AT = r"(?:[ \t]{0,4}(?:\(at\)|\[at\]|\{at\}|<at>)[ \t]{0,4}|[ \t]{1,4}(?:@|at)[ \t]{1,4})"
_DOT = r"(?:\.|[ \t]{0,4}(?:\(dot\)|\[dot\]|\{dot\}|<dot>)[ \t]{0,4}|[ \t]{1,4}dot[ \t]{1,4})"
_EMAIL_OBFUSCATED = re.compile(
    r"(?i)[\w%+\-](?<![\w.%+\-].)(?:[\w.%+\-]{0,62}[\w%+\-])?"
    + _AT
    + r"([\w\-]{1,63}(?:"
    + _DOT
    + r"[\w\-]{1,63}){1,4})(?![\w\-])"
)
_SPELT_DOT = re.compile(r"(?i)\(dot\)|\[dot\]|\{dot\}|<dot>|[ \t]dot[ \t]")


_DOT_SPLIT = re.compile(_DOT, re.IGNORECASE)
_AT_MARKS = _Trigger(
    "(at)", "[at]", "{at}", "<at>", " @ ", "\t@\t", " at ", "\tat ", " at\t", "\tat\t"
)


def _in_local_part(ch: str) -> bool:
    return ch.isalnum() or ch in "._%+-"


def _find_obfuscated_email(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    end = 0
    # From each written-out "at", back to the start of the word before it, where the pattern
    # is then anchored: it never walks the text.
    for mark_start, mark_end in _AT_MARKS.hits(low):
        at = mark_start
        if at < end:
            continue
        while at > mark_start - 4 and at > 0 and text[at - 1] in " \t":
            at -= 1  # "jane [at] …": the spacing before a bracketed at
        local = at
        while local > 0 and at - local < 64 and _in_local_part(text[local - 1]):
            local -= 1
        if local == at:
            continue
        if low[mark_start:mark_end].strip() == "at":
            # A bare "at" reads as an address only after a handle ("john.smith", "jane99") or
            # before a spelt-out dot: "look at example.com" is not one.
            handle = any(c.isdigit() or c in "._+" for c in text[local:at])
            if not handle and _SPELT_DOT.search(text, mark_end, mark_end + 80) is None:
                continue
        m = _EMAIL_OBFUSCATED.match(text, local)
        if m is None or m.end() <= at:
            continue
        tld = _DOT_SPLIT.split(m.group(1))[-1]
        if tld.isalpha() and 2 <= len(tld) <= 24:
            end = m.end()
            yield "email", m.start(), m.end()


# --- phone numbers ------------------------------------------------------------------------

_EXT = r"(?:[ \t]?(?i:extension|ext\.?|x)[ \t]?\d{1,6})?"
_PHONE_INTL = re.compile(
    r"(?:\+|0(?<![\w+].)0)[1-9][\d \t.()\-]{5,24}\d" + _EXT + r"(?![\w\-]|\.\d)"
)
# The first character is matched before the lookbehind so the engine can skip ahead to
# candidates; the branches then finish "1 (555) ", "1-555-", "(555) " or "555-".
_PHONE_NA = re.compile(
    r"[1(\d](?<![\w+.\-/].)"
    r"(?:(?<=1)[ .\-]?(?:\(\d{3}\)[ .\-]?|\d{3}[ .\-])|(?<=\()\d{3}\)[ .\-]?|(?<=\d)\d{2}[ .\-])"
    r"\d{3}[ .\-]\d{4}" + _EXT + r"(?![\w\-/]|\.\d)"
)
# Phone words in English, German, French, Spanish, Italian, Dutch and Portuguese; the number
# after one may be written in any national format.
_PHONE_WORDS = (
    "tel",
    "phone",
    "mobile",
    "mob",
    "cell",
    "fax",
    "call",
    "ring",
    "contact",
    "reach",
    "whatsapp",
    "telefon",
    "handy",
    "mobil",
    "rufnummer",
    "festnetz",
    "t\u00e9l",
    "portable",
    "num\u00e9ro",
    "numero",
    "n\u00famero",
    "fixe",
    "tel\u00e9fono",
    "m\u00f3vil",
    "movil",
    "celular",
    "cellulare",
    "telefoon",
    "mobiel",
    "gsm",
    "telem\u00f3vel",
    "telemovel",
    "contacto",
    "contatto",
    "number",
    "nummer",
    "anrufen",
    "erreichen",
    "appeler",
    "appelez",
    "appelle",
    "joindre",
    "llame",
    "llamar",
    "ll\u00e1mame",
    "localizar",
    "chiami",
    "chiamare",
    "chiamami",
    "bel",
    "bellen",
    "ligue",
    "ligar",
    "text",
    "sms",
)
_PHONE_NATIONAL = re.compile(
    r"(?i:\b(?:" + _alternatives(_PHONE_WORDS) + r")[a-z\u00e0-\u00ff]{0,8})"
    r"[^\d\n+]{0,25}?(?<![\w+\-/.])(\(?\d[\d \-./()]{5,20}\d)" + _EXT + r"(?![\w\-]|\.\d)"
)
_PHONE_TRIGGER = _Trigger(*_PHONE_WORDS)
_PHONE_CONTEXT = re.compile(r"(?i:" + _alternatives(_PHONE_WORDS) + ")")
# A whole group of digits standing alone: not a piece of a longer run of groups (tracking
# numbers, rows of figures) on either side.
_PHONE_LOOSE = re.compile(
    r"[(\d](?<![\w+\-/.].)(?<!\d[ \-./].)(?:(?<=\()\d{1,4}\)[ ]?\d|(?<=\d))[\d \-./]{5,16}\d"
    r"(?![\w\-/]|[ \-./]?\d)"
)
_PHONE_DOCUMENT_WORDS = ("phone", "tel", "mobil", "handy", "portable", "cell", "gsm", "fono")
_LOOSE_PHONES_MAX = 12
# Where a number without a country code may be from: regions whose national numbers start with
# a trunk 0, and those whose numbers do not (Italian numbers keep their 0, so it is in both).
_TRUNK_REGIONS = ("DE", "FR", "GB", "NL", "IT", "AT", "CH", "BE", "IE", "AU", "BR", "SE", "FI")
_PLAIN_REGIONS = ("US", "ES", "IT", "PT", "BR", "MX", "DK", "NO", "PL", "IN")


_PHONE_NEGATIVE_CONTEXT = re.compile(
    r"(?i:order|invoice|tracking|sku|ref\b|reference|r[ée]f[ée]rence|serial|part|p/n|pn\b|model"
    r"|isbn|ticket|case|account|acct|artikel|art\.|bestell|auftrag|rechnung|commande|facture"
    r"|pedido|factura|ordine|fattura|bestelling|factuur|encomenda|#|no\.|nr\.|n[°ºo]|n\.o|id\b)"
    r"[^\n\w]{0,3}$"
)


def _phone_shape_ok(candidate: str, *, international: bool) -> bool:
    core = candidate
    # Drop an extension before counting digits.
    ext = re.search(r"(?i)[ \t]?(?:extension|ext\.?|x)[ \t]?\d{1,6}$", core)
    if ext:
        core = core[: ext.start()]
    if core.count("(") != core.count(")") or core.count("(") > 1:
        return False
    if re.search(r"[ .\-]{2,}|\.\s|\s\.", core):
        return False
    digits = v.digits_only(core)
    if international:
        if core.startswith("00"):
            digits = digits[2:]
        if not 8 <= len(digits) <= 15:
            return False
        # Groups of 5+ digits after the country code are product codes, not dialling plans
        # (except the subscriber part of some national plans, up to 8).
        groups = re.findall(r"\d+", core)
        return all(len(g) <= 8 for g in groups[1:])
    return 9 <= len(digits) <= 13


@functools.lru_cache(maxsize=4096)
def _valid_in_some_region(candidate: str) -> bool:
    """Whether libphonenumber takes ``candidate`` as a valid national number of one of the
    regions whose numbers look like it."""
    digits = v.digits_only(candidate)
    regions = _TRUNK_REGIONS if digits.startswith("0") else _PLAIN_REGIONS
    for region in regions:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            return False
        if phonenumbers.is_valid_number(number):
            return True
    return False


def _valid_international(candidate: str) -> bool:
    try:
        number = phonenumbers.parse(
            "+" + candidate[2:] if candidate.startswith("00") else candidate
        )
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def _strip_extension(candidate: str) -> str:
    ext = re.search(r"(?i)[ \t]?(?:extension|ext\.?|x)[ \t]?\d{1,6}$", candidate)
    return candidate[: ext.start()] if ext else candidate


def _nanp_ok(digits: str) -> bool:
    national = digits[1:] if len(digits) == 11 and digits[0] == "1" else digits
    return len(national) == 10 and national[0] not in "01" and national[3] not in "01"


def _find_phone(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in _matches_at(_PHONE_INTL, text, t.with_chars(t.digit_word_starts(), "+")):
        # "00" as an international prefix is common in Europe but so are digit groups that
        # start with 00 (inside account numbers): it needs a phone word nearby.
        if m.group().startswith("00") and not _before(text, m.start(), _PHONE_CONTEXT, 30):
            continue
        # A number valid in its country's plan, or one with a phone's shape that no part,
        # order or reference word claims.
        if _before(text, m.start(), _PHONE_NEGATIVE_CONTEXT, 24):
            continue
        if _valid_international(_strip_extension(m.group())) or _phone_shape_ok(
            m.group(), international=True
        ):
            yield "phone", m.start(), m.end()
    for m in _matches_at(_PHONE_NA, text, t.with_chars(t.digit_word_starts(), "(")):
        candidate = m.group()
        digits = v.digits_only(candidate.split("x")[0].split("X")[0].split("e")[0])
        national = digits[1:] if len(digits) == 11 and digits[0] == "1" else digits
        if len(national) != 10 or national[0] in "01" or national[3] in "01":
            continue
        if _before(text, m.start(), _PHONE_NEGATIVE_CONTEXT, 20):
            continue
        # "250 500 1000" is as likely a list of numbers as a phone number: separated by
        # spaces alone, it needs a phone word nearby.
        spaced_only = not any(c in candidate for c in "()-.")
        if spaced_only and not _before(text, m.start(), _PHONE_CONTEXT, 40):
            continue
        if _phone_shape_ok(candidate, international=False):
            yield "phone", m.start(), m.end()
    for m in _keyed(text, low, _PHONE_TRIGGER, _PHONE_NATIONAL, digit_within=48):
        candidate = text[m.start(1) : m.end()]
        core = _strip_extension(candidate)
        digits = v.digits_only(core)
        if not 7 <= len(digits) <= 13 or core.count("(") != core.count(")"):
            continue
        if (
            (digits[0] != "0" and _nanp_ok(digits))
            or _valid_in_some_region(core)
            or (digits[0] == "0" and _phone_shape_ok(candidate, international=False))
        ):
            yield "phone", m.start(1), m.end()
    # Numbers standing alone (a CSV column, a signature line): written with a trunk prefix or
    # an area code in brackets, or anywhere in a text that speaks of phones, they count when
    # libphonenumber takes them as valid; a bounded number of them, each costing a parse.
    speaks_of_phones = any(word in low for word in _PHONE_DOCUMENT_WORDS)
    tried = 0
    for m in _matches_at(_PHONE_LOOSE, text, t.with_chars(t.digit_word_starts(), "(")):
        candidate = m.group()
        digits = v.digits_only(candidate)
        if not 9 <= len(digits) <= 12:
            continue
        trunk = candidate[0] == "(" or (
            digits[0] == "0" and digits[1] != "0" and (len(digits) <= 11 or not candidate.isdigit())
        )
        # A contact line: an e-mail address close by ("Name | 919 027 234 | name@example.pt").
        contact = "@" in text[max(0, m.start() - 80) : m.end() + 80]
        if not (trunk or speaks_of_phones or contact):
            continue
        if _before(text, m.start(), _PHONE_NEGATIVE_CONTEXT, 24):
            continue
        tried += 1
        if tried > _LOOSE_PHONES_MAX:
            break
        if _valid_in_some_region(candidate):
            yield "phone", m.start(), m.end()


# --- payment cards ------------------------------------------------------------------------

# A comma then a digit after the number is the next field of a CSV row, not a decimal part.
_CARD = re.compile(r"\d(?<![\w\-.+/].)(?:[ \-]?\d){12,22}(?![\w\-]|[./]\d)")


def _card_ok(digits: str) -> bool:
    return v.card_issuer_ok(digits) and v.luhn_ok(digits)


def _card_grouping_ok(candidate: str) -> bool:
    """Separated numbers must be grouped as cards are printed: 4-4-4-4(-3), 4-6-5, 4-6-4."""
    groups = [len(g) for g in re.split(r"[ \-]", candidate)]
    if len(groups) == 1:
        return True
    if len({c for c in candidate if not c.isdigit()}) > 1:
        return False
    if groups in ([4, 6, 5], [4, 6, 4]):
        return True
    return all(g == 4 for g in groups[:-1]) and 1 <= groups[-1] <= 4


def _find_card(t: _Text) -> Iterator[Match]:
    text = t.text
    for m in _matches_at(_CARD, text, t.digit_word_starts()):
        candidate = m.group()
        digits = v.digits_only(candidate)
        if len(digits) <= 19 and _card_grouping_ok(candidate) and _card_ok(digits):
            # Thirteen digits are far more often an EAN barcode than a (retired) Visa number.
            if len(digits) == 13 and not _before(text, m.start(), _CARD_CONTEXT, 40):
                continue
            yield "credit_card", m.start(), m.end()


_CARD_CONTEXT = re.compile(
    r"(?i:card|visa|karte|carte|tarjeta|carta|kaart|cart[aã]o|\bcc\b|kreditkarte|pan\b|charge"
    r"|\bpay|paid|payment|billing|zahlung|bezahl|paiement|payer|pago|pagar|pagamento|betaal)"
)


# --- IBAN ---------------------------------------------------------------------------------

_IBAN = re.compile(r"[A-Z](?<![\w].)[A-Z]\d{2}(?: ?[A-Z0-9]){10,30}(?![\w])")


def _find_iban(t: _Text) -> Iterator[Match]:
    text = t.text
    for m in _matches_at(_IBAN, text, t.upper_starts()):
        candidate = m.group()
        expected = v.IBAN_LENGTHS.get(candidate[:2])
        if expected is None:
            continue
        count = 0
        end = -1
        for index, ch in enumerate(candidate):
            if ch != " ":
                count += 1
                if count == expected:
                    end = index + 1
                    break
        if end < 0:
            continue
        # The IBAN must end at a group boundary, not inside a following word.
        if end < len(candidate) and candidate[end] != " ":
            continue
        if v.iban_ok(candidate[:end]):
            yield "iban", m.start(), m.start() + end


# --- US SSN -------------------------------------------------------------------------------

_SSN = re.compile(r"\d(?<![\w\-.].)\d{2}-\d{2}-\d{4}(?![\w\-]|\.\d)")
_SSN_CONTEXT = re.compile(
    r"(?i:\bssn\b|\bss\#|\bss[ ]no\b|\bsoc\.?[ ]sec\.?|social[ \-]sec(?:urity|\.)?"
    r"(?:[ ]number|[ ]no\.?|[ ]\#)?)"
    r"[^\d\n]{0,20}?(\d{3}[ .\-]?\d{2}[ .\-]?\d{4})(?![\w\-]|\.\d)"
)


_SSN_TRIGGER = _Trigger("ssn", "ss#", "ss no", "social", "soc")


def _find_ssn(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in _matches_at(_SSN, text, t.digit_word_starts()):
        if v.us_ssn_ok(m.group()):
            yield "us_ssn", m.start(), m.end()
    for m in _keyed(text, low, _SSN_TRIGGER, _SSN_CONTEXT, digit_within=48):
        value = m.group(1)
        seps = {c for c in value if not c.isdigit()}
        if len(seps) <= 1 and v.us_ssn_ok(value):
            yield "us_ssn", m.start(1), m.end(1)


# --- national identifiers -----------------------------------------------------------------

_NINO = re.compile(r"[A-Z](?<![\w].)[A-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w])")
_NIR = re.compile(
    r"[12](?<![\w].) ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AB])"
    r" ?\d{3} ?\d{3} ?\d{2}(?![\w])"
)
_DNI = re.compile(r"\d(?<![\w\-.].)(?:\d{7}|\d\.\d{3}\.\d{3})[ \-]?[A-Z](?![\w\-])")
_NIE = re.compile(r"[XYZ](?<![\w\-].)[ \-]?\d{7}[ \-]?[A-Z](?![\w\-])")
_CF_D = "[0-9LMNPQRSTUV]"
_CODICE_FISCALE = re.compile(
    rf"[A-Z](?<![\w].)[A-Z]{{5}}{_CF_D}{{2}}[ABCDEHLMPRST]{_CF_D}{{2}}[A-Z]{_CF_D}{{3}}[A-Z](?![\w])"
)
_STEUER_ID = re.compile(
    r"(?i:steuer[ \-]?id(?:nr|entifikationsnummer)?|steuerliche[ ]identifikationsnummer"
    r"|identifikationsnummer|\bidnr\b|\btax[ ]id(?:entification)?(?:[ ](?:number|no\.?))?|\btin\b)"
    r"[^\d\n]{0,25}?(\d{2} ?\d{3} ?\d{3} ?\d{3})(?![\w\-]|\.\d)"
)


def _find_national_ids(t: _Text) -> Iterator[Match]:
    text = t.text
    for m in _matches_at(_NINO, text, t.upper_starts()):
        if v.uk_nino_ok(m.group()):
            yield "uk_nino", m.start(), m.end()
    for m in _matches_at(_NIR, text, t.digit_word_starts()):
        if v.fr_nir_ok(m.group()):
            yield "fr_nir", m.start(), m.end()
    for m in _matches_at(_DNI, text, t.digit_word_starts()):
        if v.es_dni_ok(m.group()):
            yield "es_dni", m.start(), m.end()
    for m in _matches_at(_NIE, text, t.upper_starts()):
        if v.es_nie_ok(m.group()):
            yield "es_nie", m.start(), m.end()
    for m in _CODICE_FISCALE.finditer(text):
        if v.it_codice_fiscale_ok(m.group()):
            yield "it_codice_fiscale", m.start(), m.end()


_STEUER_TRIGGER = _Trigger("steuer", "identifikationsnummer", "idnr", "tax id", "tin")


_STEUER_ID_BARE = re.compile(r"\d(?<![\w\-.].)(?:\d ?\d{3} ?\d{3} ?\d{3}|\d{10})(?![\w\-]|[.,]\d)")


def _find_steuer_id(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in _keyed(text, low, _STEUER_TRIGGER, _STEUER_ID, digit_within=48):
        if v.de_steuer_id_ok(m.group(1)):
            yield "de_steuer_id", m.start(1), m.end(1)
    # Its check digit and digit pattern are strict enough that a text naming it may give it
    # anywhere.
    if any(_starts_word(low, start) for start, _ in _STEUER_TRIGGER.hits(low)):
        for m in _matches_at(_STEUER_ID_BARE, text, t.digit_word_starts()):
            if v.de_steuer_id_ok(m.group()):
                yield "de_steuer_id", m.start(), m.end()


# --- IP addresses -------------------------------------------------------------------------

_IPV4 = re.compile(r"\d(?<![\w.].)\d{0,2}(?:\.\d{1,3}){3}(?![\w]|\.\d)")  # octets: ip_ok
_IPV6 = re.compile(
    r"[0-9A-Fa-f:](?<![\w:.].)(?:(?<=:)|[0-9A-Fa-f]{0,3}:)(?:[0-9A-Fa-f]{0,4}:){1,6}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?"
    r"(?:%[\w.]{1,16})?(?![\w:]|\.\d)"
)
_VERSION_CONTEXT = re.compile(
    r"(?i:\bv|version|versi[oó]n|versione|versie|vers[aã]o|ver\.?|release|build|firmware"
    r"|rev\.?|revision|sdk|api|update|upgrade|patch|aktualisierung|mise[ ][aà][ ]jour"
    r"|actualizaci[oó]n|aggiornamento|atualiza[cç][aã]o)"
    r"(?:[ \t]+(?:to|auf|zu|on|vers|en|a|al|alla|naar|op|para|für|for))?[ \t:=]{0,3}$"
)


def _find_ipv4(t: _Text) -> Iterator[Match]:
    text = t.text
    for m in _matches_at(_IPV4, text, t.digit_word_starts()):
        if _before(text, m.start(), _VERSION_CONTEXT, 32):
            continue
        if text.startswith("/", m.end()) and text[m.end() + 1 : m.end() + 2].isdigit():
            continue  # a CIDR block names a network, not a host
        if _version_like(m.group()) and not _before(text, m.start(), _IP_CONTEXT, 40):
            continue
        if v.ip_ok(m.group()):
            yield "ip_address", m.start(), m.end()


def _version_like(quad: str) -> bool:
    """1.7.0.17, 4.1.2.8: a one-digit first part and small others read as a version number."""
    first, *rest = (int(part) for part in quad.split("."))
    return first < 10 and all(part <= 20 for part in rest)


_IP_CONTEXT = re.compile(
    r"(?i:\bip\b|ipv4|address|adresse|direcci[oó]n|indirizzo|adres|endere[cç]o|host|server"
    r"|client|remote|from|src|dst|peer|gateway|dns|ping|connect)"
)


def _find_ipv6(t: _Text) -> Iterator[Match]:
    text = t.text
    if "::" in text or text.count(":") >= 7:
        for m in _IPV6.finditer(text):
            candidate = m.group()
            hex_digits = sum(c in "0123456789abcdefABCDEF" for c in candidate.split("%")[0])
            if hex_digits < 4 or candidate.count(":") < 2:
                continue
            if v.ip_ok(candidate):
                yield "ip_address", m.start(), m.end()


# --- dates of birth -----------------------------------------------------------------------

_MONTH_NAMES: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier januar enero gennaio januari janeiro jän",
        "february feb février fevrier februar febrero febbraio februari fevereiro",
        "march mar mars märz maerz marzo maart março marco mrt",
        "april apr avril abril aprile",
        "may mai mayo maggio mei maio",
        "june jun juin juni junio giugno junho",
        "july jul juillet juli julio luglio julho",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre settembre setembro",
        "october oct octobre oktober octubre ottobre okt oktober outubro",
        "november nov novembre noviembre novembro",
        "december dec décembre decembre dezember diciembre dicembre dez dezembro",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTH_NAMES[_name] = _number
_MONTH_RE = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))

_DATE = (
    r"(?P<iso>\d{4}(?P<isep>[-/.])\d{1,2}(?P=isep)\d{1,2})"
    r"|(?P<num>\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2}))"
    rf"|(?P<dmy>\d{{1,2}}(?:st|nd|rd|th|er|º|°|o)?\.?[ ](?:of[ ]|de[ ])?(?i:{_MONTH_RE})\.?,?"
    r"[ ](?:de[ ])?\d{4})"
    rf"|(?P<mdy>(?i:{_MONTH_RE})\.?[ ]\d{{1,2}}(?:st|nd|rd|th)?,?[ ]\d{{4}})"
    rf"|(?P<dmon>\d{{1,2}}[-/ ](?i:{_MONTH_RE})\.?[-/ ](?:\d{{4}}|\d{{2}}))"
)
_DOB = re.compile(
    r"(?i:\b(?:d\.?o\.?b|date[ _]of[ _]birth|birth[ _\-]?date|born(?:[ ](?:on|in))?|birthday"
    r"|geburts[_\-]?datum|fecha[_ ]nac(?:imiento)?|data[_ ]nasc(?:ita|imento)?\.?|date[_ ]naissance"
    r"|n\u00e9e?[ ]le|nee[ ]le|geboren(?:[ ](?:am|op))?|geb\.(?:[ ]?am)?|geburtsdatum"
    r"|geburtstag|date[ ]de[ ]naissance|fecha[ ]de[ ]nacimiento|f\.[ ]?(?:de[ ])?nac\."
    r"|nacid[oa](?:/[ao])?[ ]el|data[ ]di[ ]nascita|nat[oa](?:/[ao])?[ ]il|geboortedatum"
    r"|data[ ]de[ ]nascimento"
    r"|nascid[oa][ ]em|ddn|date[ ]de[ ]naiss\.?|naiss\.|geb\.?-?datum"
    r"|fec(?:ha)?\.[ ]?(?:de[ ])?nac\."
    r"|f\.[ ]?nacimiento|dt\.[ ]?nascita|d\.n\.|geboortedat\.?"
    # Any other word built on a birth stem: Birthdate, Geburts-Datum, naissance, nacimiento...
    r"|[a-z\u00e0-\u00ff_\-]{0,12}(?:birth|geburt|naiss|nacim|nascim|nascit|geboort)[a-z\u00e0-\u00ff_\-.]{0,12})"
    r"(?![a-z]))"
    rf"[^\n\d]{{0,30}}?(?<![\w])({_DATE})(?![\w]|[.\-/]\d)"
)


def _full_year(year: int) -> int:
    return year if year >= 100 else (1900 + year if year > 30 else 2000 + year)


def _parse_date(m: re.Match[str]) -> bool:
    if m.group("iso"):
        y, mo, d = (int(x) for x in re.split(r"[/.\-]", m.group("iso")))
        return v.plausible_date(y, mo, d)
    if m.group("dmon"):
        day, month, year = re.split(r"[-/ ]", m.group("dmon"))
        number = _MONTH_NAMES.get(month.lower().rstrip("."))
        return number is not None and v.plausible_date(_full_year(int(year)), number, int(day))
    if m.group("num"):
        a, b, c = (int(x) for x in re.split(r"[/.\-]", m.group("num")))
        year = c if c >= 100 else (1900 + c if c > 30 else 2000 + c)
        # Day-first or month-first: either reading makes it a date.
        return v.plausible_date(year, b, a) or v.plausible_date(year, a, b)
    words = re.findall(r"[^\W\d_]+|\d+", m.group("dmy") or m.group("mdy") or "")
    numbers = [int(w) for w in words if w.isdigit()]
    months = [_MONTH_NAMES[w.lower()] for w in words if w.lower() in _MONTH_NAMES]
    if len(numbers) != 2 or not months:
        return False
    day, year = (numbers[0], numbers[1]) if numbers[1] > 31 else (numbers[1], numbers[0])
    return v.plausible_date(year, months[0], day)


_DOB_TRIGGER = _Trigger(
    "nato",
    "nata",
    "nacid",
    "nascid",
    "geburt",
    "naiss",
    "nacim",
    "nascim",
    "nascit",
    "geboort",
    "dob",
    "d.o.b",
    "d.ob",
    "do.b",
    "date of birth",
    "birth",
    "born",
    "n\u00e9",
    "nee le",
    "geboren",
    "geburtsdatum",
    "date de naissance",
    "fecha de nacimiento",
    "data di nascita",
    "birth_date",
    "date_of_birth",
    "ddn",
    "naiss",
    "geb",
    "fec.",
    "f. nac",
    "dt. nascita",
    "d.n.",
    "fecha_nac",
    "data nasc",
    "data_nasc",
    "date_naissance",
    "geb.",
    "geburtstag",
    "nac.",
    "nacido",
    "nacida",
    "nato il",
    "nata il",
    "geboortedatum",
    "data de nascimento",
    "nascido",
    "nascida",
)


# The label after the date, as German and Dutch put the verb last: "bin am 5. März 1983
# geboren", "ben op 4 mei 1979 geboren".
_DATE_THEN_BORN = re.compile(
    rf"(?<![\w])({_DATE})(?![\w]|[.\-/]\d)[ ,]{{1,3}}(?i:geboren|born|n\u00e9e?|nacid[oa]|nat[oa]"
    r"|nascid[oa])(?![a-z])"
)
_BORN_AFTER_TRIGGER = _Trigger("geboren", "born", "n\u00e9", "nacid", "nato", "nata", "nascid")


def _find_dob(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in _keyed(text, low, _DOB_TRIGGER, _DOB, digit_within=48, word_start=True):
        if _parse_date(m):
            yield "date_of_birth", m.start(1), m.end(1)
    for hit, _ in _BORN_AFTER_TRIGGER.hits(low):
        before = _DATE_THEN_BORN.search(text, max(0, hit - 40), hit + 8)
        if before is not None and before.end() >= hit and _parse_date(before):
            yield "date_of_birth", before.start(1), before.end(1)


# --- postal addresses ---------------------------------------------------------------------

_UK_POSTCODE = r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)[ ]\d[ABD-HJLNP-UW-Z]{2}"
_STREET_SUFFIX = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way"
    r"|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Trl|Close|Crescent|Gardens"
)
_US_ADDRESS = re.compile(
    r"\d(?<![\w\-.,/].)\d{0,5}[ ](?:[NSEW]\.?[ ]|(?:North|South|East|West)[ ])?"
    r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)(?:[ ][A-Z][a-z]+){0,3}"
    rf"[ ](?:{_STREET_SUFFIX})\b\.?(?:[ ](?:NE|NW|SE|SW|N|S|E|W)\b)?"
    r"(?:,?[ ](?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|\#)\.?[ ]?[A-Za-z0-9\-]{1,6}\b)?"
    r"(?:,[ ](?:[A-Z][a-z]+[ ]){0,2}[A-Z][a-z]+"
    rf"(?:,?[ ][A-Z]{{2}}(?:[ ]\d{{5}}(?:-\d{{4}})?)?(?![\w])|,?[ ]{_UK_POSTCODE}(?![\w])))?"
)
_UK_POSTCODE_RE = re.compile(rf"(?=[A-Z])(?<![\w\-])({_UK_POSTCODE})(?![\w\-])")
_STORAGE_UNITS = ("GB", "TB")


def _find_address(t: _Text) -> Iterator[Match]:
    text = t.text
    for m in _matches_at(_US_ADDRESS, text, t.digit_word_starts()):
        end = m.end()
        while end > m.start() and text[end - 1] in _TRAILING_PUNCT:
            end -= 1
        yield "postal_address", m.start(), end
    for m in _matches_at(_UK_POSTCODE_RE, text, t.upper_starts()):
        if m.group(1)[-2:] in _STORAGE_UNITS:
            continue
        yield "postal_address", m.start(1), m.end(1)


# --- context-keyed identifiers: medical record, passport ----------------------------------

# After a keyword: a few words of label ("number", "Nr.", "n°", "del paciente"), then the value.
_LABEL = r"[^\n\d]{0,24}?(?<![\w\-/])"
_MRN_WORDS = (
    "mrn",
    "medical record",
    "patient id",
    "patient identifier",
    "patient no",
    "patient number",
    "patient #",
    "health record",
    "chart number",
    "chart no",
    "fallnummer",
    "fall-nr",
    "patientennummer",
    "patienten-id",
    "patienten-nr",
    "aktenzeichen",
    "historia cl\u00ednica",
    "historia clinica",
    "n\u00famero de historia",
    "nhc",
    "dossier m\u00e9dical",
    "dossier patient",
    "num\u00e9ro de dossier",
    "n\u00b0 de dossier",
    "ipp",
    "cartella clinica",
    "n. cartella",
    "codice paziente",
    "pati\u00ebntnummer",
    "patientnummer",
    "dossiernummer",
    "processo cl\u00ednico",
    "n\u00famero de processo",
    "n.\u00ba de processo",
    "n\u00ba de processo",
    "n.\u00ba processo",
    "n\u00famero de utente",
    "n.\u00ba de utente",
    "nhs number",
    "nhs no",
    "med. rec",
    "medical rec",
    "pat.-nr",
    "pat-nr",
    "patient nr",
    "aufnahmenummer",
    "krankenversicherungsnummer",
    "versichertennummer",
    "n\u00b0 patient",
    "num\u00e9ro patient",
    "n\u00b0 de s\u00e9jour",
    "nip",
    "n\u00ba historia",
    "n.\u00ba historia",
    "hc:",
    "id paziente",
    "n. nosologico",
    "nosologico",
    "cartella n",
    "ziekenhuisnummer",
    "pati\u00ebnt-id",
    "patient-id",
    "n.\u00ba sns",
    "n\u00famero sns",
    "n\u00famero de benefici\u00e1rio",
    "processo n",
    "case number",
    "case no",
    "encounter",
)
_MRN = re.compile(
    r"(?i:\b(?:"
    + _alternatives(_MRN_WORDS)
    + r")(?![a-z]))"
    + _LABEL
    + r"([A-Z0-9](?:[A-Z0-9\-/.]{2,18}|\d{2}[ ]\d{3}[ ]\d{3})[A-Z0-9])(?![\w\-])"
)
_PASSPORT_WORDS = (
    "passport",
    "passeport",
    "reisepass",
    "passnummer",
    "pass-nr",
    "pasaporte",
    "passaporto",
    "paspoort",
    "passaporte",
)
_PASSPORT = re.compile(
    r"(?i:\b(?:"
    + _alternatives(_PASSPORT_WORDS)
    + r")[a-z\-]{0,8}\.?)"
    + _LABEL
    + r"([A-Z0-9]{6,9})(?![\w\-])"
)
_LICENCE_WORDS = (
    "driver's license",
    "driver's licence",
    "drivers license",
    "drivers licence",
    "driver license",
    "driver licence",
    "driving licence",
    "driving license",
    "dl#",
    "dl #",
    "dl no",
    "f\u00fchrerschein",
    "fuehrerschein",
    "permis de conduire",
    "carnet de conducir",
    "permiso de conducir",
    "licencia de conducir",
    "patente di guida",
    "patente n",
    "rijbewijs",
    "carta de condu\u00e7\u00e3o",
    "carta de conducao",
    "cnh",
    "dln",
    "dl:",
    "driver lic",
    "drivers lic",
    "lic. no",
    "licence no",
    "license no",
    "fs-nr",
    "n\u00b0 de permis",
    "num\u00e9ro de permis",
    "permis n",
    "permiso de conducci\u00f3n",
    "carn\u00e9 de conducir",
    "carnet de conduire",
    "patente n.",
    "permis :",
    "permis:",
    "permis n",
    "patente:",
    "patente :",
    "numero patente",
    "licen\u00e7a de condu\u00e7\u00e3o",
)
_LICENCE = re.compile(
    r"(?i:\b(?:"
    + _alternatives(_LICENCE_WORDS)
    + r")[a-z\-]{0,8}\.?)"
    + _LABEL
    + r"([A-Z0-9](?:[A-Z0-9\- ]{3,18})[A-Z0-9])(?![\w\-])"
)
# A DVLA licence: surname (padded with 9s), birth decade, month, day, year, initials, digit,
# check letters: MORGA753116SM9IJ.
_UK_LICENCE = re.compile(r"[A-Z9](?<![\w].)[A-Z9]{4}\d{6}[A-Z9]{2}\d[A-Z]{2}(?![\w])")
_NATIONAL_WORDS = {
    "nl_bsn": ("bsn", "burgerservicenummer", "sofinummer", "sofi-nummer"),
    "pt_nif": ("nif", "contribuinte", "n\u00famero fiscal"),
    "br_cpf": ("cpf",),
}
_NATIONAL_CONTEXT = {
    kind: re.compile(
        r"(?i:\b(?:"
        + _alternatives(words)
        + r")(?![a-z]))"
        + _LABEL
        + r"(\d[\d .\-]{7,12}\d)(?![\w\-]|\.\d)"
    )
    for kind, words in _NATIONAL_WORDS.items()
}
_NATIONAL_TRIGGERS = {kind: _Trigger(*words) for kind, words in _NATIONAL_WORDS.items()}
_NATIONAL_CHECKS: dict[str, Callable[[str], bool]] = {
    "nl_bsn": v.nl_bsn_ok,
    "pt_nif": v.pt_nif_ok,
    "br_cpf": v.br_cpf_ok,
}
_NATIONAL_BARE = {
    "nl_bsn": re.compile(
        r"\d(?<![\w\-.].)(?:\d{3}[ .]?\d{2}[ .]?\d{3}|\d{2}[ .]\d{3}[ .]\d{3})(?![\w\-]|[.,]\d)"
    ),
    "pt_nif": re.compile(r"\d(?<![\w\-.].)\d{2}[ ]?\d{3}[ ]?\d{3}(?![\w\-]|[.,]\d)"),
    "br_cpf": re.compile(r"\d(?<![\w\-.].)\d{2}\.?\d{3}\.?\d{3}-?\d{2}(?![\w\-]|[.,]\d)"),
}


def _starts_word(low: str, start: int) -> bool:
    return start == 0 or not low[start - 1].isalnum()


def _is_word_at(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` stands as a word (not inside "unifying" or "biscuits")."""
    before = low[start - 1] if start > 0 else " "
    after = low[end] if end < len(low) else " "
    return not before.isalnum() and not after.isalpha()


# A CPF written in its own format needs no keyword.
_CPF = re.compile(r"\d(?<![\w.\-].)\d{2}\.\d{3}\.\d{3}-\d{2}(?![\w\-]|\.\d)")


# Beyond the labels listed: a patient or clinical-record word next to an id word, in either
# order, in seven languages ("Patienten-Nr.", "N° patient", "número de historia", "ID paciente").
_RECORD_STEMS = (
    "patient",
    "pati\u00ebnt",
    "paciente",
    "paziente",
    "doente",
    "utente",
    "historia",
    "cartella",
)
_ID_WORDS = (
    r"(?:id|ident|nr|no|num|number|nummer|n[u\u00fa]mero|num\u00e9ro|numero|n[\u00b0\u00bao]|n\.[\u00bao]"
    r"|\#|code|c\u00f3digo|codice|kennung)"
)
_STEMS = _alternatives(_RECORD_STEMS)
_MRN_GENERIC = re.compile(
    rf"(?i:\b(?:(?:{_STEMS})[a-z\u00e0-\u00ff]{{0,6}}[ .\-]{{0,3}}{_ID_WORDS}\b\.?"
    rf"|{_ID_WORDS}\.?[ .:]{{0,2}}(?:(?:de|del|du|do|da|des|of|the|di|van|der)[ ]){{0,2}}"
    rf"(?:{_STEMS})[a-z\u00e0-\u00ff]{{0,6}}))"
    + _LABEL
    + r"([A-Z0-9](?:[A-Z0-9\-/.]{2,18})[A-Z0-9])(?![\w\-])"
)
_RECORD_TRIGGER = _Trigger(*_RECORD_STEMS)
_MRN_TRIGGER = _Trigger(*_MRN_WORDS)
_PASSPORT_TRIGGER = _Trigger(*_PASSPORT_WORDS)
_LICENCE_TRIGGER = _Trigger(*_LICENCE_WORDS)


def _find_context_ids(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in _keyed(text, low, _MRN_TRIGGER, _MRN, digit_within=64):
        value = m.group(1)
        if sum(c.isdigit() for c in value) >= 3:
            kind = "medical_record_number"
            if len(v.digits_only(value)) == 10 and "nhs" in low and not v.gb_nhs_ok(value):
                continue  # an NHS number has a check digit
            yield kind, m.start(1), m.end(1)
    for hit, _ in _RECORD_TRIGGER.hits(low):
        # The id word may come first: look a few words back from the record word.
        near = _MRN_GENERIC.search(text, max(0, hit - 16), hit + 64)
        if near is not None and near.start() <= hit and sum(map(str.isdigit, near.group(1))) >= 3:
            yield "medical_record_number", near.start(1), near.end(1)
    for m in _keyed(text, low, _LICENCE_TRIGGER, _LICENCE):
        value = m.group(1).rstrip()
        if any(c.isdigit() for c in value) and len(value) >= 6:
            yield "driver_license", m.start(1), m.start(1) + len(value)


def _find_passport(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in _keyed(text, low, _PASSPORT_TRIGGER, _PASSPORT):
        value = m.group(1)
        # Mostly digits, or a nine-character alphanumeric code (some passports are letters).
        if sum(c.isdigit() for c in value) >= 2 or (len(value) == 9 and not text.isupper()):
            yield "passport", m.start(1), m.end(1)


def _find_licence_and_national(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in _matches_at(_UK_LICENCE, text, t.upper_starts()):
        if v.uk_driving_licence_ok(m.group()):
            yield "driver_license", m.start(), m.end()
    for m in _matches_at(_CPF, text, t.digit_word_starts()):
        if v.br_cpf_ok(m.group()):
            yield "br_cpf", m.start(), m.end()
    for kind, trigger in _NATIONAL_TRIGGERS.items():
        # A text that names the identifier ("BSN", "NIF") may give it anywhere: every number of
        # its shape that passes its check counts.
        if not any(_is_word_at(low, start, end) for start, end in trigger.hits(low)):
            continue
        for m in _matches_at(_NATIONAL_BARE[kind], text, t.digit_word_starts()):
            if _NATIONAL_CHECKS[kind](m.group()):
                yield kind, m.start(), m.end()


# --- provider keys and tokens -------------------------------------------------------------

_AWS_ACCESS = re.compile(r"(?:AKIA|ASIA)(?<![A-Za-z0-9].{4})[A-Z0-9]{16}(?![A-Za-z0-9])")
_AWS_SECRET = re.compile(
    r"(?i:aws.{0,20}?secret.{0,20}?|secret[_ \-]?access[_ \-]?key.{0,5}?)[\"'\s:=]{1,5}"
    r"([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"
)
_GITHUB = re.compile(
    r"(?:gh[pousr]_(?<![A-Za-z0-9_].{4})[A-Za-z0-9]{36,251}|github_pat_(?<![A-Za-z0-9_].{11})[A-Za-z0-9_]{22,244})"
    r"(?![A-Za-z0-9_])"
)
_SLACK = re.compile(r"xox[abposr]-(?<![A-Za-z0-9\-].{5})[A-Za-z0-9\-]{10,250}(?![A-Za-z0-9\-])")
_SLACK_WEBHOOK = re.compile(
    r"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/\-]{20,200}"
)
_STRIPE_WEBHOOK = re.compile(r"whsec_(?<![A-Za-z0-9_].{6})[A-Za-z0-9]{24,64}(?![A-Za-z0-9_])")
# A credential given to a named setting: AZURE_STORAGE_KEY=..., "access_token": "...",
# token=... in a log line. The value must look generated.
_KEYED_SECRET = re.compile(
    r"(?i:(?P<name>[\w.\-]{0,40}?(?:api[_\-]?key|apikey|access[_\-]?key|secret[_\-]?key"
    r"|storage[_\-]?key|account[_\-]?key|master[_\-]?key|signing[_\-]?key|subscription[_\-]?key"
    r"|token)[\w.\-]{0,20}?))[\"']?[ \t]{0,8}(?:=|:(?!//)|=>)[ \t]{0,8}[\"']?"
    r"(?P<value>[A-Za-z0-9+/_\-.~]{16,512}=*)(?![A-Za-z0-9+/_\-.~=])"
)
_KEYED_SECRET_TRIGGER = _Trigger("key", "token")
_STRIPE = re.compile(r"(?:sk|rk)_live_(?<![A-Za-z0-9_].{8})[A-Za-z0-9]{16,247}(?![A-Za-z0-9_])")
_GOOGLE = re.compile(r"AIza(?<![A-Za-z0-9_\-].{4})[0-9A-Za-z_\-]{35}(?![A-Za-z0-9_\-])")
_ANTHROPIC = re.compile(r"sk-ant-(?<![A-Za-z0-9_\-].{7})[A-Za-z0-9_\-]{32,200}(?![A-Za-z0-9_\-])")
_OPENAI = re.compile(
    r"sk-(?<![A-Za-z0-9_\-].{3})(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,200}"
    r"(?![A-Za-z0-9_\-])"
)
_JWT = re.compile(
    r"eyJ(?<![A-Za-z0-9_\-].{3})[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{2,}\.[A-Za-z0-9_\-]*"
    r"(?![A-Za-z0-9_\-])"
)
_BEARER = re.compile(
    r"(?i:\bbearer)[ \t]{1,8}([A-Za-z0-9\-._~+/]{16,4096}=*)(?![A-Za-z0-9\-._~+/=])"
)


_AWS_SECRET_TRIGGER = _Trigger("aws", "secret")
_BEARER_TRIGGER = _Trigger("bearer")


def _find_provider_keys(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    if "akia" in low or "asia" in low:
        for m in _AWS_ACCESS.finditer(text):
            yield "aws_access_key", m.start(), m.end()
    if "secret" in low:
        for m in _keyed(text, low, _AWS_SECRET_TRIGGER, _AWS_SECRET):
            if _looks_random(m.group(1)):
                yield "aws_secret_key", m.start(1), m.end(1)
    if "_" in text and ("gh" in text or "github_pat_" in text):
        for m in _GITHUB.finditer(text):
            if _looks_random(m.group()[4:]):
                yield "github_token", m.start(), m.end()
    if "xox" in low:
        for m in _SLACK.finditer(text):
            if sum(c.isdigit() for c in m.group()) >= 4:
                yield "slack_token", m.start(), m.end()
    if "hooks.slack.com" in low:
        for m in _SLACK_WEBHOOK.finditer(text):
            yield "slack_token", m.start(), m.end()
    if "whsec_" in low:
        for m in _STRIPE_WEBHOOK.finditer(text):
            if _looks_random(m.group()[6:]):
                yield "stripe_key", m.start(), m.end()
    if "_live_" in low:
        for m in _STRIPE.finditer(text):
            if _looks_random(m.group()[8:]):
                yield "stripe_key", m.start(), m.end()
    if "aiza" in low:
        for m in _GOOGLE.finditer(text):
            yield "google_api_key", m.start(), m.end()
    if "sk-" in low:
        for m in _ANTHROPIC.finditer(text):
            if _looks_random(m.group()[7:], min_distinct=16):
                yield "anthropic_key", m.start(), m.end()
        for m in _OPENAI.finditer(text):
            tail = m.group()[3:]
            if _looks_random(tail, min_distinct=14):
                yield "openai_key", m.start(), m.end()
    if "eyj" in low:
        for m in _JWT.finditer(text):
            if v.jwt_ok(m.group()):
                yield "jwt", m.start(), m.end()
    if "bearer" in low:
        for m in _keyed(text, low, _BEARER_TRIGGER, _BEARER):
            if _looks_random(m.group(1), min_distinct=8):
                yield "bearer_token", m.start(1), m.end(1)


def _keyed_from_identifier_start(text: str, low: str) -> Iterator[re.Match[str]]:
    """Matches of the keyed-secret pattern from the start of each setting name holding "key" or
    "token" (the word is often at its end: AZURE_STORAGE_KEY)."""
    position = 0
    for start, _ in _KEYED_SECRET_TRIGGER.hits(low):
        if start < position:
            continue
        ident = start
        while (
            ident > 0
            and start - ident < 40
            and (text[ident - 1].isalnum() or text[ident - 1] in "_.-")
        ):
            ident -= 1
        found = _KEYED_SECRET.match(text, ident)
        if found is not None:
            position = found.end()
            yield found


def _find_keyed_secrets(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    if "=" not in text and ":" not in text:
        return
    for found in _keyed_from_identifier_start(text, low):
        value = found.group("value")
        if not _looks_random(value, min_distinct=10) or _PLACEHOLDER.match(value):
            continue
        name = found.group("name").lower()
        if "azure" in name:
            kind = "azure_key"
        elif name.rsplit("_", 1)[-1].rsplit("-", 1)[-1].rsplit(".", 1)[-1] == "token":
            kind = "bearer_token"
        else:
            kind = "api_key"
        yield kind, found.start("value"), found.end("value")


def _find_other_provider_keys(t: _Text) -> Iterator[Match]:
    return provider_secrets.find_provider_secrets(t.text)


# --- private keys -------------------------------------------------------------------------

_PK_BEGIN = re.compile(r"-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY( BLOCK)?-----")
_PK_BODY = re.compile(r"(?:[ \t]*\r?\n[ \t]*(?:[A-Za-z0-9+/=]{1,128}|[\w\-]+:[^\n]{0,128}))*")
_BASE64_CHAR = re.compile(r"[A-Za-z0-9+/]")


def _find_private_key(t: _Text) -> Iterator[Match]:
    text = t.text
    position = 0
    # Where the next END marker of each label is (-1: none after that point), so that many
    # BEGIN lines without an END do not each search the rest of the text.
    next_end: dict[str, int] = {}
    while True:
        m = _PK_BEGIN.search(text, position)
        if m is None:
            return
        end_marker = f"-----END {m.group(1)}PRIVATE KEY{m.group(2) or ''}-----"
        end_at = next_end.get(end_marker, 0)
        if 0 <= end_at < m.end():
            end_at = text.find(end_marker, m.end())
            next_end[end_marker] = end_at
        if end_at >= 0 and end_at - m.end() > 65536:
            end_at = -1  # too far to be this key's END
        if end_at >= 0:
            body = text[m.end() : end_at]
            end = end_at + len(end_marker)
        else:  # truncated: the key runs as far as its base64 lines do
            body_match = _PK_BODY.match(text, m.end())
            end = body_match.end() if body_match else m.end()
            body = text[m.end() : end]
        position = max(end, m.end())
        if len(_BASE64_CHAR.findall(body[:4096])) >= 64:
            yield "private_key", m.start(), end


# --- connection strings and passwords -----------------------------------------------------

_PLACEHOLDER = re.compile(
    r"(?i)^(?:\*+|x{3,}|\.{3,}|<[^>]*>|\$\{?[\w.\-]*\}?|\{\{[^}]*\}\}|\{[\w.\-]*\}|%\(?\w*\)?s?"
    r"|%[\w]+%|null|none|nil|true|false|undefined|redacted|\[redacted\]|secret|password"
    r"|your[_\-]?\w*|example|changeme|placeholder|env\(.*\)|\w+\(.*)$"
)
_CONN_URI = re.compile(
    r"(?i:\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver"
    r"|oracle|cockroachdb|smtps?|ftps?|sftp|ldaps?|https?|kafka|nats|mqtts?|clickhouse|neo4j"
    r"|elasticsearch|couchdb|influxdb)(?:\+\w{1,20})?://)[^\s:/@\"'<>]{0,128}:"
    r"([^\s@/\"'<>]{1,256})@"
    r"[^\s/\"'<>?#,;]{1,255}(?:[/?][^\s\"'<>]{0,512})?"
)
_CONN_JDBC = re.compile(
    r"(?i:\bjdbc:[a-z0-9]{2,20}:)[^\s\"'<>]{0,512}?(?i:password|pwd)=([^\s;&\"'<>]{1,256})"
    r"[^\s\"'<>]{0,512}"
)
_CONN_ODBC = re.compile(
    r"(?i:\b(?:server|data[ ]source|host|driver|provider|dsn|address)[ \t]*=)[^\n\"']{0,300}?;"
    r"[ \t]*(?i:password|pwd)[ \t]*=[ \t]*([^;\n\"']{1,256})"
)
_PASSWORD = re.compile(
    r"(?i:(?P<key>password|passwd|passphrase|(?<![a-z])(?:pass|pwd|secret)(?![a-z])"
    r")[\w.\-]{0,20}?)[\"']?[ \t]{0,8}(?:=|:(?!//))[ \t]{0,8}"
    r"(?:(?P<q>[\"'])(?P<qv>[^\n\"']{1,128})(?P=q)|(?P<uv>[^\s\"',;]{4,128}))"
)
# Passwords told in a sentence: "the password is set to Xk9#mq2L", "Passwort lautet ...",
# "mot de passe : ...", "la contraseña es ...". The value must look generated (see below).
_PASSWORD_WORDS = (
    "password",
    "passwort",
    "kennwort",
    "passphrase",
    "passcode",
    "pw",
    "pwd",
    "mot de passe",
    "mdp",
    "contrase\u00f1a",
    "contrasena",
    "clave",
    "wachtwoord",
    "senha",
    "palavra-passe",
    "palavra passe",
    "parola d'ordine",
    "pin",
    "ww",
)
_PASSWORD_PROSE = re.compile(
    r"(?i:\b(?:" + _alternatives(_PASSWORD_WORDS) + r")(?![\w]))"
    r"(?i:(?:[ \t]{0,4}\([^)\n]{0,20}\))?(?:[ \t]{1,4}(?:temporary|temp|initial|new|old|one-time"
    r"|provisoire|temporaire|nouveau|provisional|temporal|nueva|nuevo|temporanea|provvisoria"
    r"|nuova|tijdelijke?|nieuwe?|provis[oó]ria|tempor[aá]ria|nova|neues?|vorl[aä]ufiges?"
    r"|tempor[aä]res?|initiales?|wifi|wlan|admin|root))?"
    r"(?:[ \t]{1,4}(?:is|was|set|changed|reset|now|to|as|auf|lautet"
    r"|ist|wurde|est|es|\u00e8|\u00e9|a|para|de|naar|for|f\u00fcr|pour|sera|will|be)\b){0,4})"
    r"[ \t]{0,4}[:=\-]?[ \t]{0,4}[\"'\u201c\u201e\u00ab`]?"
    r"([^\s\"'`\u201d\u201c\u00bb,;]{6,64})"
)
_PASSWORD_PROSE_TRIGGER = _Trigger(*_PASSWORD_WORDS)


def _looks_like_password(value: str) -> bool:
    """Letters with digits or symbols, not a word, a number, a path or a placeholder."""
    has_alpha = any(c.isalpha() for c in value)
    has_digit = any(c.isdigit() for c in value)
    has_symbol = any(not c.isalnum() for c in value)
    if not has_alpha or not (has_digit or has_symbol):
        return False
    if value.startswith(("http", "/", "~", "./", "<", "{", "%", "${")) or "@" in value:
        return False
    if value.startswith("$") and (value[1:].isupper() or value[1:].isidentifier()):
        return False  # a shell variable
    return _password_value_ok(value) and len(set(value)) >= 5


_SECRET_JOINED = re.compile(r"(?i)secret[_\-.]")
_PASSWORD_UNQUOTED_END = re.compile(r"[ \t]*(?:$|[\n\r;,&]|#|//)")


# Azure storage and Service Bus connection strings, named for what they are.
_CONN_AZURE = re.compile(
    r"(?:DefaultEndpointsProtocol=[^;\s\"']{1,10};)?AccountName=[^;\s\"']{1,64};AccountKey="
    r"[A-Za-z0-9+/=]{20,100}(?:;[A-Za-z]{1,32}=[^;\s\"']{1,128}){0,4}"
    r"|Endpoint=sb://[^;\s\"']{1,256};SharedAccessKeyName=[^;\s\"']{1,128};"
    r"SharedAccessKey=[A-Za-z0-9+/=]{20,100}(?:;[A-Za-z]{1,32}=[^;\s\"']{1,128}){0,2}"
)
_CONN_URI_TRIGGER = _Trigger(
    "postgres",
    "mysql",
    "mariadb",
    "mongodb",
    "redis",
    "amqp",
    "mssql",
    "sqlserver",
    "oracle",
    "cockroachdb",
    "smtp",
    "ftp",
    "ldap",
    "http",
    "kafka",
    "nats",
    "mqtt",
    "clickhouse",
    "neo4j",
    "elasticsearch",
    "couchdb",
    "influxdb",
)
_JDBC_TRIGGER = _Trigger("jdbc:")
_ODBC_TRIGGER = _Trigger("server", "data source", "host", "driver", "provider", "dsn", "address")
_PASSWORD_TRIGGER = _Trigger("pass", "pwd", "secret")


def _password_value_ok(value: str) -> bool:
    if len(value) < 4 or _PLACEHOLDER.match(value):
        return False
    # A path or a URL is not a password.
    return not value.startswith(("/", "~", "./", "http://", "https://"))


def _find_prose_password(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in _keyed(text, low, _PASSWORD_PROSE_TRIGGER, _PASSWORD_PROSE):
        value = m.group(1).rstrip(".,:;)]}>")  # the sentence's punctuation, not the value's
        if len(value) >= 6 and _looks_like_password(value):
            yield "password", m.start(1), m.start(1) + len(value)


def _find_credentials(t: _Text) -> Iterator[Match]:
    text, low = t.text, t.low
    if "://" in text:
        for m in _keyed(text, low, _CONN_URI_TRIGGER, _CONN_URI):
            if not _password_value_ok(m.group(1)):
                continue
            end = m.end()
            while end > m.start() and text[end - 1] in _TRAILING_PUNCT:
                end -= 1
            yield "connection_string", m.start(), end
    if "accountkey=" in low or "sharedaccesskey=" in low:
        for m in _CONN_AZURE.finditer(text):
            yield "connection_string", m.start(), m.end()
    if "jdbc:" in low:
        for m in _keyed(text, low, _JDBC_TRIGGER, _CONN_JDBC):
            if _password_value_ok(m.group(1)):
                yield "connection_string", m.start(), m.end()
    if "=" in text and ("password" in low or "pwd" in low):
        for m in _keyed(text, low, _ODBC_TRIGGER, _CONN_ODBC):
            if _password_value_ok(m.group(1).strip()):
                yield "connection_string", m.start(), m.start(1) + len(m.group(1).rstrip())
    for m in _keyed(text, low, _PASSWORD_TRIGGER, _PASSWORD):
        # A key that is just "secret" ("secret: route" in a policy) names a password only
        # when the value looks generated; "client_secret", "secret_key" and the like do.
        bare_secret = (
            m.group("key").lower() == "secret"
            and not (m.start() > 0 and text[m.start() - 1] in "_-.")
            and _SECRET_JOINED.match(text, m.start()) is None
        )
        value = m.group("qv") if m.group("qv") is not None else m.group("uv")
        if bare_secret and not _looks_random(value, min_distinct=6):
            continue
        if m.group("qv") is not None:
            if _password_value_ok(m.group("qv")):
                yield "password", m.start("qv"), m.end("qv")
            continue
        value = m.group("uv")
        # Unquoted values count only where they end the assignment (config, not prose).
        if "&" not in value and not _PASSWORD_UNQUOTED_END.match(text, m.end("uv")):
            continue
        value_end = m.end("uv")
        query = re.search(r"&\w+=", value)  # a URL query: the value ends at the next key
        if query:
            value = value[: query.start()]
            value_end = m.start("uv") + query.start()
        while value.endswith((".", ")")):
            value = value[:-1]
            value_end -= 1
        if _password_value_ok(value):
            yield "password", m.start("uv"), value_end


# --- the scan -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Recognizer:
    kinds: frozenset[str]
    hints: tuple[str, ...]  # lower-case substrings, one of which must occur; () = no such need
    find: Callable[[_Text], Iterator[Match]]
    digits: bool = False  # its values contain a digit: skipped for texts without one


_SECRET_KINDS = frozenset(
    {
        "aws_access_key",
        "aws_secret_key",
        "github_token",
        "slack_token",
        "stripe_key",
        "google_api_key",
        "openai_key",
        "anthropic_key",
        "jwt",
        "bearer_token",
    }
)

_RECOGNIZERS: tuple[_Recognizer, ...] = (
    _Recognizer(frozenset({"email"}), ("@",), _find_email),
    _Recognizer(
        frozenset({"email"}),
        ("(at)", "[at]", "{at}", "<at>", " @ ", " dot ", "(dot)", "[dot]", " at ", "\tat"),
        _find_obfuscated_email,
    ),
    _Recognizer(frozenset({"phone"}), (), _find_phone, digits=True),
    _Recognizer(frozenset({"credit_card"}), (), _find_card, digits=True),
    _Recognizer(frozenset({"iban"}), (), _find_iban, digits=True),
    _Recognizer(frozenset({"us_ssn"}), (), _find_ssn, digits=True),
    _Recognizer(
        frozenset({"uk_nino", "fr_nir", "es_dni", "es_nie", "it_codice_fiscale"}),
        (),
        _find_national_ids,
        digits=True,
    ),
    _Recognizer(
        frozenset({"de_steuer_id"}),
        ("steuer", "identifikationsnummer", "idnr", "tax id", "tin"),
        _find_steuer_id,
        digits=True,
    ),
    _Recognizer(frozenset({"ip_address"}), (".",), _find_ipv4, digits=True),
    # An IPv6 address may be hex letters only ("fe::ab"), but never lacks a colon.
    _Recognizer(frozenset({"ip_address"}), (":",), _find_ipv6),
    _Recognizer(
        frozenset({"date_of_birth"}),
        (
            "dob",
            "d.o.b",
            "birth",
            "born",
            "né",
            "nee",
            "geboren",
            "geburts",
            "naissance",
            "nacimiento",
            "nascita",
            "geb.",
            "nac.",
            "nacid",
            "nato",
            "nata",
            "geboorte",
            "nascimento",
            "nascid",
            "nasc",
            "fecha_nac",
            "birth_date",
            "ddn",
            "naiss",
            "geb",
            "fec.",
            "d.n.",
        ),
        _find_dob,
        digits=True,
    ),
    _Recognizer(frozenset({"postal_address"}), (), _find_address, digits=True),
    _Recognizer(frozenset({"passport"}), ("pass", "pasa", "pasp"), _find_passport),
    _Recognizer(
        frozenset({"medical_record_number", "driver_license"}),
        (),
        _find_context_ids,
        digits=True,
    ),
    _Recognizer(
        frozenset({"driver_license", "nl_bsn", "pt_nif", "br_cpf"}),
        (),
        _find_licence_and_national,
        digits=True,
    ),
    _Recognizer(_SECRET_KINDS, (), _find_provider_keys),
    _Recognizer(provider_secrets.KINDS, (), _find_other_provider_keys),
    _Recognizer(
        frozenset({"azure_key", "bearer_token", "api_key"}), ("key", "token"), _find_keyed_secrets
    ),
    _Recognizer(frozenset({"private_key"}), ("private key",), _find_private_key),
    _Recognizer(
        frozenset({"connection_string", "password"}),
        ("://", "jdbc:", "pass", "pwd", "secret", "accountkey=", "sharedaccesskey="),
        _find_credentials,
    ),
    _Recognizer(
        frozenset({"password"}),
        (
            "pass",
            "pw",
            "kennwort",
            "mot de",
            "mdp",
            "contrase",
            "clave",
            "wachtwoord",
            "senha",
            "parola",
            "pin",
            "ww",
        ),
        _find_prose_password,
    ),
)


def _resolve(candidates: list[Match]) -> list[Finding]:
    """Keep the longest (then most specific) of overlapping candidates; sort by start."""
    ordered = sorted(candidates, key=lambda c: (c[1] - c[2], -_RANK.get(c[0], 0), c[1]))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Match] = []
    for kind, start, end in ordered:
        if end <= start:
            continue
        i = bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.insert(i, (kind, start, end))
    return [Finding(kind, KINDS.get(kind, "pii"), start, end) for kind, start, end in kept]


# --- values still being written (streams) -------------------------------------------------


def document_keywords(text: str) -> frozenset[str]:
    """The words in ``text`` that change how the rest of a document is read: an identifier's
    name (then its numbers count anywhere, "NIF", "Steuer-ID") or a word about phones (then a
    number standing alone may be one). A stream carries them forward, since a scan of its
    newest text no longer sees where they were written."""
    low = _fold(text)
    found = {word for word in _PHONE_DOCUMENT_WORDS if word in low}
    for trigger in (*_NATIONAL_TRIGGERS.values(), _STEUER_TRIGGER):
        found.update(low[start:end] for start, end in trigger.hits(low) if _starts_word(low, start))
    return frozenset(found)


_PEM_BEGIN, _PEM_END = "-----BEGIN", "-----END"
# Values that take in whitespace and can be longer than a stream's hold-back, still open at the
# end of the text: an ODBC-style assignment list, a quoted password, a bearer token's header.
_OPEN_AT_END = re.compile(
    r"(?i:\b(?:server|data[ ]source|host|driver|provider|dsn|address)[ \t]*=[^\n\"']*\Z"
    r"|(?:password|passwd|passphrase|secret|pwd)[\w.\-]{0,20}[\"']?[ \t]*[:=][ \t]*"
    r"[\"'][^\n\"']*\Z"
    r"|\bbearer[ \t]*\Z)"
)
_OPEN_WINDOW = 1024
# No token-like value (key, JWT, e-mail, URL) contains one of these, so each ends a token; JSON
# punctuation among them lets compact tool call arguments flow between values.
_TOKEN_ENDS = (" ", "\n", "\t", "\r", '"', "'", ",", "<", ">", "(", ")", "[", "]", "{", "}")


def token_end(text: str) -> int:
    """Where the first token in ``text`` ends (the offset of a character no token-like value
    contains), or -1 if it does not end there."""
    ends = [at for at in (text.find(ch) for ch in _TOKEN_ENDS) if at >= 0]
    return min(ends) if ends else -1


def growing_from(text: str) -> int | None:
    """Where, near the end of ``text``, a value that may still be growing starts (None: none).

    A stream must not release text from there until more arrives: a token without whitespace
    or quotes (keys, JWTs, e-mail addresses, URLs with credentials) is held whole however long
    it gets;
    a private key from its BEGIN line to its END line; an assignment list or quoted password
    still open. Values with spaces that are shorter than the hold-back need nothing here.
    """
    candidates: list[int] = []
    token_start = max(text.rfind(ch) for ch in _TOKEN_ENDS) + 1
    if token_start < len(text):
        candidates.append(token_start)
    begin = text.rfind(_PEM_BEGIN)
    if begin != -1:
        end = text.find(_PEM_END, begin)
        if end == -1 or text.find("-----", end + len(_PEM_END)) == -1:
            candidates.append(begin)
    window = max(0, len(text) - _OPEN_WINDOW)
    opened = _OPEN_AT_END.search(text, window)
    if opened is not None:
        candidates.append(opened.start())
    return min(candidates) if candidates else None


# A full date right after a person's name ("TORRES, Noa (02/11/1966)", "Jane Roe, 1985-03-12,")
# is the person's birth date in rosters, patient lists and forms.
_DATE_AFTER_NAME = re.compile(
    r"[ \t]{0,2}(?:[,;(\-\u2013|*][ \t]{0,2}|[ \t](?i:born|geb\.|n\u00e9e?|nat[oa]|nacid[oa]|"
    r"nascid[oa]|geboren)[ \t]{1,2})(?:(?i:le|am|il|el|em|on|op)[ \t])?"
    rf"(?<![\w])({_DATE})(?![\w]|[.\-/]\d)"
)


def _dates_after_names(text: str, candidates: list[Match]) -> Iterator[Match]:
    for kind, _, end in candidates:
        if kind != "person":
            continue
        m = _DATE_AFTER_NAME.match(text, end)
        if m is None or not _parse_date(m):
            continue
        year = _year_of(m.group(1))
        if year is not None and 1900 <= year <= _LATEST_BIRTH_YEAR:
            yield "date_of_birth", m.start(1), m.end(1)


def _year_of(date: str) -> int | None:
    numbers = [int(n) for n in re.findall(r"\d+", date)]
    if not numbers:
        return None
    four = [n for n in numbers if n >= 1000]
    return four[0] if four else _full_year(numbers[-1])


_LATEST_BIRTH_YEAR = 2020


def scan(text: str, kinds: frozenset[str] | None = None) -> list[Finding]:
    """Find PII, PHI and secrets in `text`: sorted by start, non-overlapping.

    `kinds` limits the scan to those kinds (None: all of KINDS); an unknown kind is an error,
    so a misspelt policy does not silently scan for nothing.
    """
    if kinds is not None:
        unknown = kinds - KINDS.keys()
        if unknown:
            raise ValueError(f"unknown PII kinds: {', '.join(sorted(unknown))}")
    if not text:
        return []
    folded = normalize(text)
    if folded is None:
        return _scan(text, kinds)
    # Found in the folded text, reported (and so masked) where the client wrote them.
    return [
        Finding(f.kind, f.category, *folded.span(f.start, f.end)) for f in _scan(folded.text, kinds)
    ]


def _scan(text: str, kinds: frozenset[str] | None) -> list[Finding]:
    t = _Text(text)
    low = t.low
    has_digit = any(d in text for d in _ASCII_DIGITS) or (
        not text.isascii() and _DIGIT.search(text) is not None
    )
    candidates: list[Match] = []
    for recognizer in _RECOGNIZERS:
        if kinds is not None and recognizer.kinds.isdisjoint(kinds):
            continue
        if recognizer.digits and not has_digit:
            continue
        if recognizer.hints and not any(h in low for h in recognizer.hints):
            continue
        for match in recognizer.find(t):
            if kinds is None or match[0] in kinds:
                candidates.append(match)
    if kinds is None or "person" in kinds:
        candidates.extend((f.kind, f.start, f.end) for f in scan_names(text))
    if kinds is None or "postal_address" in kinds:
        candidates.extend((f.kind, f.start, f.end) for f in scan_addresses(text))
    if _name_recognizers and (kinds is None or "person" in kinds):
        for name_recognizer in _name_recognizers:
            candidates.extend((f.kind, f.start, f.end) for f in name_recognizer.scan_names(text))
    if kinds is None or "date_of_birth" in kinds:
        candidates.extend(_dates_after_names(text, candidates))
    if kinds is None or "person" in kinds:
        candidates.extend(_names_repeated(text, candidates))
    return _resolve(candidates)


def _names_repeated(text: str, candidates: list[Match]) -> Iterator[Match]:
    """A name found once is that person wherever else the text writes it, even where no cue
    announces it ("Attendees: …, Ada Byron" then "- Ada Byron sends …")."""
    names = {text[start:end] for kind, start, end in candidates if kind == "person"}
    for name in names:
        if len(name) < 4:
            continue
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not _is_word(text[at - 1 : at] or " ") and not _is_word(text[end : end + 1] or " "):
                yield "person", at, end
            at = text.find(name, end)
