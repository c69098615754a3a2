"""What every recognizer shares: the text being scanned, lower-cased once, with the offsets
patterns may start at; context keywords, all found in one pass; anchored matching."""

from __future__ import annotations

import importlib
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ahocorasick_rs import AhoCorasick

Match = tuple[str, int, int]  # kind, start, end


def recased(text: str, case: Callable[[str], str] = str.lower) -> str:
    """`text` lower- (or upper-) cased character by character, keeping its length: one "İ"
    lower-cases and one "ß" upper-cases to two characters, which would shift every offset
    after it; such characters are kept as they are."""
    cased = case(text)
    if len(cased) == len(text):
        return cased
    return "".join(ch if len(one := case(ch)) != 1 else one for ch in text)


def lead_with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""`pattern` behind a lookahead for the characters its matches can start with.

    The same matches: the lookahead only fails where the pattern would. But a search is far
    cheaper where the pattern opens with lookbehinds, or with an alternation of words under
    IGNORECASE (the engine then finds no first character of its own and tries every
    alternative at every offset): a 40-character window searched for one of 70 labels took
    19 µs, 2 µs with the lookahead; one that opens with lookbehinds before a digit then tries
    them only where a digit is. A pattern whose first characters are not a small known set (a
    class like `\w`, a match that may be empty), or any pattern where the regular expression
    parser is not the one this reads, is returned as it is.
    """
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
        first = _first_chars(parsed.data, bool(pattern.flags & re.IGNORECASE))
    except (AttributeError, TypeError, ValueError, re.error):  # a future parser's shape
        return pattern
    if first is None or first[2]:
        return pattern
    exact, folded, _ = first
    classes = [f"[{''.join(map(_in_class, sorted(exact)))}]"] if exact else []
    if folded:
        classes.append(f"(?i:[{''.join(map(_in_class, sorted(folded)))}])")
    head = _GLOBAL_FLAGS.match(pattern.pattern)
    at = head.end() if head else 0
    # The pattern in a group of its own: a lookahead before a top-level alternation would lead
    # only its first alternative.
    led = f"(?={'|'.join(classes)})(?:{pattern.pattern[at:]})"
    return re.compile(pattern.pattern[:at] + led, pattern.flags)


# The standard library's own parser of regular expressions (not a public module, so it is
# used where it answers and skipped where it does not).
try:
    _sre_parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another interpreter
    _sre_parser = None
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_MAX_CLASS = 256
# (characters matched exactly, characters matched ignoring case, whether it may match empty)
_FirstChars = tuple[frozenset[str], frozenset[str], bool]


_DIGIT_CLASS = "\\d"  # a first character may be any digit (`\d`), kept as the class itself


def _in_class(ch: str) -> str:
    if ch == _DIGIT_CLASS:
        return ch
    return "\\" + ch if ch in "\\]^-[" else ch


def _first_chars(items: list[tuple[Any, Any]], ignore_case: bool) -> _FirstChars | None:
    """What a sequence of parsed items can start with; None where that is not a small set."""
    exact: set[str] = set()
    folded: set[str] = set()
    chars = folded if ignore_case else exact
    for op, av in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: the next item says what comes first
        if name == "LITERAL":
            chars.add(chr(av))
            return frozenset(exact), frozenset(folded), False
        if name == "IN":
            members = _class_members(av)
            if members is None:
                return None
            chars.update(members)
            return frozenset(exact), frozenset(folded), False
        if name in ("BRANCH", "SUBPATTERN", "MAX_REPEAT", "MIN_REPEAT"):
            parts = _parts_first_chars(name, av, ignore_case)
            if parts is None:
                return None
            for part_exact, part_folded, _ in parts:
                exact.update(part_exact)
                folded.update(part_folded)
            if not any(empty for _, _, empty in parts):
                return frozenset(exact), frozenset(folded), False
            continue  # it may match empty: what follows may come first too
        return None  # any character, a category, a back-reference: not a small set
    return frozenset(exact), frozenset(folded), True


def _parts_first_chars(name: str, av: Any, ignore_case: bool) -> list[_FirstChars] | None:
    """What each alternative of a branch, a group or a repeated item can start with."""
    if name == "BRANCH":
        parts = [_first_chars(branch, ignore_case) for branch in av[1]]
    elif name == "SUBPATTERN":
        _, add_flags, del_flags, inner = av
        case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        parts = [_first_chars(inner, case)]
    else:  # a repeat: it may match empty when it may occur no time
        least, _, inner = av
        part = _first_chars(inner, ignore_case)
        parts = [part if part is None or least else (part[0], part[1], True)]
    known = [part for part in parts if part is not None]
    return known if len(known) == len(parts) else None


def _class_members(av: list[tuple[Any, Any]]) -> set[str] | None:
    members: set[str] = set()
    for op, value in av:
        name = str(op)
        if name == "LITERAL":
            members.add(chr(value))
        elif name == "RANGE" and value[1] - value[0] < _MAX_CLASS:
            members.update(chr(c) for c in range(value[0], value[1] + 1))
        elif name == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
            members.add(_DIGIT_CLASS)
        else:
            return None  # negated, another category (\w, \s), a wide range
    return members


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
    """Lower-case context keywords, the longest occurrence at each start.

    Every trigger's keywords are searched for together, in one pass over a text (`_Keywords`):
    one `str.find` per keyword prefix per trigger cost a dense 1 KB prompt about 0.45 ms over
    the scan's 35 triggers; the shared pass costs about 20 µs.
    """

    __slots__ = ("_id", "words")

    def __init__(self, *words: str) -> None:
        # Interned: the health lists' thousands of terms are then held once, not per copy.
        folded = {sys.intern(fold(word)) for word in words}
        self.words = tuple(sorted(folded, key=len, reverse=True))
        self._id = _KEYWORDS.add(self.words, positions=True)

    @property
    def prefixes(self) -> tuple[str, ...]:
        """The first characters of its keywords: none of them occurs in a text without one of
        these (a cheap test of whether to look at all)."""
        return tuple(dict.fromkeys(word[:_PREFIX] for word in self.words))

    def hits(self, low: str) -> list[tuple[int, int]]:
        """(start, end) of every keyword occurrence in `low`, the longest at each start."""
        ends = _KEYWORDS.search(low).ends.get(self._id)
        return sorted(ends.items()) if ends else []


_PREFIX = 3


class Hints:
    """Lower-case substrings one of which a text must hold for a recognizer to look at it.

    Single characters are looked for with `in`; longer ones in the triggers' shared pass,
    which answers for all of them at once (one `in` per hint cost a dense 1 KB prompt about
    80 µs over the scan's recognizers).
    """

    __slots__ = ("_chars", "_id")

    def __init__(self, *strings: str) -> None:
        self._chars = tuple(s for s in strings if len(s) == 1)
        longer = [s for s in strings if len(s) > 1]
        self._id = _KEYWORDS.add(longer, positions=False) if longer else -1

    def __bool__(self) -> bool:
        return bool(self._chars) or self._id >= 0

    def found_in(self, low: str) -> bool:
        if any(ch in low for ch in self._chars):
            return True
        return self._id >= 0 and self._id in _KEYWORDS.search(low).sets


class _Found:
    """Where a text holds the keywords: per keyword set whose positions are wanted, {start:
    end} of its longest keyword at each start; and every set of which some keyword occurs."""

    __slots__ = ("ends", "low", "sets")

    def __init__(self, low: str, ends: dict[int, dict[int, int]], sets: set[int]) -> None:
        self.low = low
        self.ends = ends
        self.sets = sets


_NOTHING = _Found("", {}, set())  # what is known of no text (never mutated)


# The keyword sets a keyword belongs to: those whose positions are wanted, and the others.
_Owners = tuple[tuple[int, ...], tuple[int, ...]]


class _Keywords:
    """The keywords of every trigger and hint in one Aho-Corasick automaton, and where they
    occur in the last text searched.

    The automaton is built when first used after a set was added (sets are made at import).
    The recognizers of one scan all ask about the same lowered text, so what it holds is kept
    until another text is asked about (one search per scan), or until `forget` (the scan's
    end: no prompt is held after its scan).
    """

    def __init__(self) -> None:
        self._owners: dict[str, list[int]] = {}  # keyword -> the sets holding it
        self._positions: list[bool] = []  # per set: whether its keywords' positions are wanted
        self._automaton: tuple[AhoCorasick, list[_Owners]] | None = None
        # Replaced whole (never mutated), so concurrent scans each see a consistent one.
        self._last = _NOTHING

    def add(self, words: Iterable[str], *, positions: bool) -> int:
        """A new keyword set; its id."""
        ident = len(self._positions)
        self._positions.append(positions)
        for word in words:
            self._owners.setdefault(word, []).append(ident)
        self._automaton = None
        self.forget()
        return ident

    def forget(self) -> None:
        self._last = _NOTHING

    def search(self, low: str) -> _Found:
        last = self._last
        if last.low is low:
            return last
        automaton, owners = self._automaton or self._build()
        ends: dict[int, dict[int, int]] = {}
        sets: set[int] = set()
        for keyword, start, end in automaton.find_matches_as_indexes(low, overlapping=True):
            placed, present = owners[keyword]
            sets.update(present)
            for ident in placed:
                at = ends.setdefault(ident, {})
                if at.get(start, -1) < end:
                    at[start] = end
        found = _Found(low, ends, sets)
        self._last = found
        return found

    def _build(self) -> tuple[AhoCorasick, list[_Owners]]:
        words = list(self._owners)
        # Most keywords belong to the same few sets: one shared pair for each combination (a
        # pair of lists for each of some 7,000 keywords held a megabyte in every worker).
        shared: dict[_Owners, _Owners] = {}
        owners = []
        for word in words:
            idents = self._owners[word]
            pair = (
                tuple(i for i in idents if self._positions[i]),
                tuple(i for i in idents if not self._positions[i]),
            )
            owners.append(shared.setdefault(pair, pair))
        # The default (an NFA): a DFA searched a third faster (8 against 11.5 µs per KB)
        # but took 2 MB more of every worker's memory.
        built = (AhoCorasick(words), owners)
        self._automaton = built
        return built


_KEYWORDS = _Keywords()


def forget_text() -> None:
    """Drop what the keyword pass remembers of the last text it searched (that text)."""
    _KEYWORDS.forget()


def looks_random(token: str, *, min_distinct: int = 10) -> bool:
    """Credential-like: mixes letter cases and digits and is not a repeated placeholder."""
    has_lower = any("a" <= c <= "z" for c in token)
    has_upper = any("A" <= c <= "Z" for c in token)
    has_digit = any("0" <= c <= "9" for c in token)
    if sum((has_lower, has_upper, has_digit)) < 2 or not has_digit:
        return False
    return len(set(token)) >= min_distinct


TRAILING_PUNCT = ".,;:)]}>!?'\""
