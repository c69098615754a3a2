"""What every recognizer shares: the text being scanned, lower-cased once, with the offsets
patterns may start at; context keywords found with `str.find`; anchored matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

Match = tuple[str, int, int]  # kind, start, end


def recased(text: str, case: Callable[[str], str] = str.lower) -> str:
    """`text` lower- (or upper-) cased character by character, keeping its length: one "İ"
    lower-cases and one "ß" upper-cases to two characters, which would shift every offset
    after it; such characters are kept as they are."""
    cased = case(text)
    if len(cased) == len(text):
        return cased
    return "".join(ch if len(one := case(ch)) != 1 else one for ch in text)


def before(text: str, start: int, pattern: re.Pattern[str], window: int) -> bool:
    """Whether `pattern` occurs in the `window` characters before `start`."""
    return pattern.search(text, max(0, start - window), start) is not None


def keyed(
    text: str,
    low: str,
    trigger: Trigger,
    pattern: re.Pattern[str],
    *,
    digit_within: int = 0,
    word: Callable[[str], bool] | None = None,
) -> Iterator[re.Match[str]]:
    """Matches of `pattern`, tried only where a context keyword starts.

    `trigger`'s keywords are found in the lowered text (fast: no case folding per
    position); `pattern` is then matched from each keyword, or, given `word` (the characters
    a word is made of), from the start of the word holding it, at most `_WORD_REACH`
    characters back: "dateOfBirth", "Kundengeburtsdatum", "AZURE_STORAGE_KEY". `low` has the
    length of `text` (see `recased`), so offsets line up. With `digit_within`, a keyword is
    skipped unless a digit follows within that many characters (the value is numeric).
    """
    position = 0
    for start, end in trigger.hits(low):
        if start < position:
            continue
        if digit_within and DIGIT.search(text, end, end + digit_within) is None:
            continue
        begin = start
        if word is not None:
            while begin > 0 and start - begin < _WORD_REACH and word(text[begin - 1]):
                begin -= 1
        m = pattern.match(text, begin)
        if m is not None:
            position = m.end()
            yield m


_WORD_REACH = 40
DIGIT = re.compile(r"\d")
ASCII_DIGITS = "0123456789"
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Anchored matching (`matches_at`) pays about a microsecond per candidate offset; a regular
# expression search pays about 20 µs per KB whatever the text. Past this many candidates per
# KB the search is cheaper, and the scan uses it; so it is for short texts.
_ANCHORS_PER_KB = 16
_ANCHORS_MIN_CHARS = 512


def is_word(ch: str) -> bool:
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


class Text:
    """A text being scanned, lower-cased once, with candidate offsets that recognizers share.

    Most patterns begin with a digit, or with capitals a few characters before one. In prose
    with few digits they are tried only at those offsets (`matches_at`) instead of by a
    search through every offset; in digit-dense text (None below) the search is cheaper.
    """

    __slots__ = ("_anchored", "_digit_word_starts", "_upper_starts", "low", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = recased(text)
        self._anchored = False
        self._digit_word_starts: list[int] | None = None
        self._upper_starts: list[int] | None = None

    def _anchor(self) -> None:
        self._anchored = True
        text = self.text
        if len(text) < _ANCHORS_MIN_CHARS or not text.isascii():
            return
        digits = _find_each(text, ASCII_DIGITS)
        if digits is None:
            return
        runs = [p for p in digits if p == 0 or not text[p - 1].isdigit()]
        self._digit_word_starts = [p for p in runs if p == 0 or not is_word(text[p - 1])]
        # Every identifier that starts with capitals (IBAN, NINO, NIE, UK postcode) has its
        # first digit within four characters of its start, and that digit begins a run.
        uppers: set[int] = set()
        for run in runs:
            for q in range(max(0, run - 4), run):
                if text[q] in _ASCII_UPPER and (q == 0 or not is_word(text[q - 1])):
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


def matches_at(
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


def fold(word: str) -> str:
    """A keyword as the scan sees text: folded like it (``N.º`` is ``N.o``) and lower-cased."""
    return unicodedata.normalize("NFKC", word).lower()


def alternatives(words: tuple[str, ...]) -> str:
    """A regular-expression alternation of keywords, folded as scanned text is."""
    return "|".join(re.escape(fold(word)) for word in words)


class Trigger:
    """Lower-case context keywords, found with `str.find` (far faster than an alternation).

    Keywords that begin alike ("patient", "patient id", "patiënt") are looked for once, by
    their shared first characters, and told apart where those occur. *Rare* keywords, each
    holding one of the substrings `rare_within`, are looked for only in a text holding one of
    those: a long list of names in other languages then costs a few searches, not one per
    prefix (the SSN's names in other languages all hold "social", "sozial" or "sofinummer").
    """

    __slots__ = ("_groups", "_rare_groups", "_rare_within", "words")

    def __init__(
        self, *words: str, rare: tuple[str, ...] = (), rare_within: tuple[str, ...] = ()
    ) -> None:
        rare_words = {fold(word) for word in rare}
        if any(not any(part in word for part in rare_within) for word in rare_words):
            raise ValueError("every rare keyword must hold one of rare_within")
        common = {fold(word) for word in words} - rare_words
        self.words = tuple(sorted(common | rare_words, key=len, reverse=True))
        self._groups = _grouped(word for word in self.words if word in common)
        self._rare_groups = _grouped(word for word in self.words if word in rare_words)
        self._rare_within = rare_within

    @property
    def prefixes(self) -> tuple[str, ...]:
        """The first characters of its keywords: none of them occurs in a text without one of
        these (a cheap test of whether to look at all)."""
        return tuple(prefix for prefix, _ in (*self._groups, *self._rare_groups))

    def hits(self, low: str) -> list[tuple[int, int]]:
        """(start, end) of every keyword occurrence in `low`, the longest at each start."""
        ends: dict[int, int] = {}
        _find_groups(low, self._groups, ends)
        if self._rare_groups and any(part in low for part in self._rare_within):
            _find_groups(low, self._rare_groups, ends)
        return sorted(ends.items())


_Groups = tuple[tuple[str, tuple[str, ...]], ...]


def _grouped(words: Iterable[str]) -> _Groups:
    """Keywords by their first characters, the longest first in each group."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:_PREFIX], []).append(word)
    return tuple((prefix, tuple(group)) for prefix, group in groups.items())


def _find_groups(low: str, groups: _Groups, ends: dict[int, int]) -> None:
    for prefix, group in groups:
        i = low.find(prefix)
        while i >= 0:
            for word in group:
                if low.startswith(word, i):
                    if ends.get(i, -1) < i + len(word):
                        ends[i] = i + len(word)
                    break
            i = low.find(prefix, i + 1)


_PREFIX = 3


def looks_random(token: str, *, min_distinct: int = 10) -> bool:
    """Credential-like: mixes letter cases and digits and is not a repeated placeholder."""
    has_lower = any("a" <= c <= "z" for c in token)
    has_upper = any("A" <= c <= "Z" for c in token)
    has_digit = any("0" <= c <= "9" for c in token)
    if sum((has_lower, has_upper, has_digit)) < 2 or not has_digit:
        return False
    return len(set(token)) >= min_distinct


TRAILING_PUNCT = ".,;:)]}>!?'\""
