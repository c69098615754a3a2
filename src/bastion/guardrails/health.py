"""Health information about one person, found with no identifier beside it.

"Pt diagnosed with HIV, CD4 count 350" names nobody, yet it is a record of someone's health,
which most regimes protect on its own (GDPR's special categories; HIPAA once linked to a
person). A term — a condition, a medicine, an operation, a result with its value
(``health_terms.py``) — is reported as ``health_data`` when the text ties it to one person:

- a *near* cue in the same line, up to ``_NEAR_BEFORE`` characters before it or
  ``_NEAR_AFTER`` after it: a patient, a clinical verb, the writer's doctor, a sick note
  ("pt", "diagnosed", "prescribed", "krankgeschrieben", "mi médico");
- a *close* cue right before it, a few words at most between: a possessive or a verb of
  having or taking ("my", "his", "I have", "j'ai", "tengo", "ik heb");
- a *document* cue anywhere in the text, which makes it a record about someone: a clinical
  note's or letter's headings, a sick note ("Diagnosis:", "Arztbrief", "compte rendu").

Results with their values also count in a cluster of three ("BMI 31. BP 118/72. Hb 121").
Without a cue, a term is general knowledge ("what are the symptoms of diabetes?", "patients
with HIV should be offered…") and nothing is reported; nor is it when the cue is said of many
("people living with"), of a condition ("if you have"), or the term is a figure of speech
("my main pain is…"), and nothing from a veterinary note's or a research abstract's words on.
A medicine's dose and a result's value are part of the span.

Terms and headings are searched in the guardrails' shared keyword pass (``scanning.Trigger``);
short acronyms and test names, frequent substrings, in passes of their own; the cues only in a
text that holds something to tie. Every rule looks only so far before and after a term as a
stream's scan sees (``guardrails/stream.py``), or at words a stream carries forward.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator

from ahocorasick_rs import AhoCorasick

from bastion.guardrails.health_terms import (
    ABSTRACT_HEADINGS,
    ACRONYMS,
    ANIMAL_WORDS,
    CLOSE_CUES,
    CONDITIONAL,
    CONDITIONS,
    DOCUMENT_CUES,
    FIGURATIVE,
    GENERIC_SUBJECTS,
    LAB_NAMES,
    LEXICON,
    MEDICINES,
    NEAR_CUES,
    NOT_OF_SOMEONE,
    PROCEDURES,
    RECORD_WORDS,
    RESULT_CUES,
    RESULT_UNITS,
    TAKING_CUES,
    THRESHOLD_WORDS,
    TOPIC_WORDS,
)
from bastion.guardrails.scanning import Text, Trigger, fold, is_word

KIND = "health_data"

Match = tuple[str, int, int]
Span = tuple[int, int]

# A near cue's reach before and after a term. A stream's scan sees 160 characters released
# before the text it holds (guardrails/stream.py), and holds 128: both reaches fit in them.
_NEAR_BEFORE = 100
_NEAR_AFTER = 40
# A close cue's reach: at most this many words, and characters, between it and the term.
_CLOSE_WORDS = 3
_CLOSE_CHARS = 32
_CLOSE_GAP_STOPS = frozenset('.,;:!?\n()[]{}"')
# Results with their values this close together make a report of someone's results
# ("BMI 31. BP 118/72. Hb 121"): each counts when two others stand within this reach.
_REPORT_RESULTS = 3
_REPORT_REACH = 80
_NEIGHBOURS = 4  # on each side, in the order of their starts


def _words(entries: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The keywords of ``entries`` (stems without their ``*``), and which of them are stems."""
    words = tuple(dict.fromkeys(sys.intern(fold(entry.rstrip("*"))) for entry in entries))
    stems = frozenset(fold(entry[:-1]) for entry in entries if entry.endswith("*"))
    return words, stems


_ALL_MEDICINES = MEDICINES + LEXICON["medicine"]
_TERM_WORDS, _STEMS = _words(
    CONDITIONS + LEXICON["condition"] + _ALL_MEDICINES + PROCEDURES + LEXICON["procedure"]
)
_MEDICINE_WORDS = frozenset(_words(_ALL_MEDICINES)[0])
_FIGURATIVE = frozenset(_words(FIGURATIVE)[0])
# Terms and headings are searched in the scan's shared keyword pass: they are long and rare
# enough that a text without health information pays next to nothing for them.
_TERMS = Trigger(*_TERM_WORDS)
_DOCUMENT = Trigger(*DOCUMENT_CUES)
_RECORD = Trigger(*RECORD_WORDS)
_ABSTRACT = Trigger(*ABSTRACT_HEADINGS)
_NOT_OF_SOMEONE = frozenset(fold(word) for word in NOT_OF_SOMEONE)
_UNITS = frozenset(fold(unit) for unit in RESULT_UNITS)
_CONDITIONAL = frozenset(CONDITIONAL)
_TOPIC_WORDS = frozenset(TOPIC_WORDS)
_GENERIC_SUBJECTS = frozenset(GENERIC_SUBJECTS)
_THRESHOLD = re.compile(
    r"[≥≤<>]|(?<!\w)(?:"
    + "|".join(
        re.escape(word)
        for word in sorted(THRESHOLD_WORDS, key=len, reverse=True)
        if word[0].isalpha()
    )
    + r")(?!\w)"
)
# Lines that open code: a heading's word there is a field or a type ("diagnoses: list[str]").
_CODE_LINES = (
    "import ", "from ", "class ", "def ", "@dataclass", "select ", "create table",
    "function ", "const ", "public ", "package ", "#include", "fn ", "let ", "--",
)  # fmt: skip

_NEAR, _CLOSE, _TAKING, _ANIMAL, _RESULT = 1, 2, 4, 8, 16


class _Words:
    """Words in an automaton of their own, kept out of the shared pass: cues such as "my",
    "ma" and "ho", acronyms and test names ("MS", "Hb", "TA") occur inside words of every
    text, and would cost each scan a match every few characters."""

    def __init__(self, groups: tuple[tuple[tuple[str, ...], int], ...], *, folded: bool) -> None:
        flags: dict[str, int] = {}
        for words, flag in groups:
            for word in words:
                key = fold(word) if folded else word
                flags[key] = flags.get(key, 0) | flag
        self._words = list(flags)
        self._flags = [flags[word] for word in self._words]
        self._automaton: AhoCorasick | None = None

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, flags) of every word standing as a word in ``text``."""
        if self._automaton is None:
            self._automaton = AhoCorasick(self._words)
        return [
            (start, end, self._flags[index])
            for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True)
            if _bounded_start(text, start) and _bounded_end(text, end)
        ]


_ANIMAL_HINTS = tuple(dict.fromkeys(fold(word)[:4] for word in ANIMAL_WORDS))
_CUES = _Words(
    (
        (NEAR_CUES, _NEAR),
        (CLOSE_CUES, _CLOSE),
        (TAKING_CUES, _TAKING),
        (RESULT_CUES, _RESULT),
        (ANIMAL_WORDS, _ANIMAL),
    ),
    folded=True,
)
# Searched in every text (short acronyms and test names are frequent substrings, so they stay
# out of the shared pass; each is a fast pass of its own).
_ACRONYMS = _Words(((ACRONYMS, 0),), folded=False)
_LAB_NAMES = _Words(((LAB_NAMES, 0),), folded=True)
_LONGEST_CUE = max(len(word) for word in (*NEAR_CUES, *CLOSE_CUES, *TAKING_CUES))
# Short terms that are also everyday words or other acronyms when not written in capitals.
_CAPITALS_ONLY = frozenset({"aids", "cbt", "avc", "ivg"})

# A medicine's dose right after its name: "metformin 500 mg", "Sertralin 50mg".
_DOSE = re.compile(
    r"[ \t]*\(?\d+(?:[.,]\d+)?[ \t]*(?:mg|mcg|µg|μg|g|ml|iu|ui|ie|units?|einheiten|e)\b\)?"
)
# A result's value a few characters after its test's name ("INR came back 4.5", "Hb 121",
# "TA 146/88 mmHg", "HCV antibody reactive"), with its unit if it has one.
_VALUE = re.compile(
    r"[^\d\n.;!?]{0,16}?(?<![\w.,])"
    r"(?:(\d+(?:[.,]\d+)?(?:[ \t]*/[ \t]*\d+)?)[ \t]*"
    r"(%|[a-zµμ]{1,5}(?:/[a-zµμ0-9³]{1,5})?|/[a-zµμ0-9³]{1,5})?"
    r"|undetectable|indetectable|nicht nachweisbar|non détectable|non rilevabile"
    r"|niet detecteerbaar|indetetável|positive|negative|positiv|negativ|positif|négatif"
    r"|positivo|negativo|positief|negatief|reactive|reaktiv)(?![\w])"
)
# An age said of one person: "34yo", "49F", "Klient (41)", "j'ai 47", "aged 71", "er ist 71",
# "Dona Maria, 88 anos,", "(Mama, 79)", "mi hijo (9 años)". Not "65 ans et plus", nor a
# duration ("for 5 years", "desde hace 2 años").
_AGE = re.compile(
    r"(?<![\w.,])(?:\(\d{2,3}\)|\d{1,3}[ ]?(?:yo|y/o|yrs)|\d{2}[fm])(?![\w])"
    r"|\b(?:j'ai|tengo|ho|tenho|ik ben|ich bin|i'm|i am) \d{1,3}\b"
    r"|\b(?:he|she)(?:'s| is) \d{1,3}\b|\b(?:er|sie) ist \d{1,3}\b|\b(?:hij|zij|ze) is \d{1,3}\b"
    r"|\b(?:il|elle) a \d{1,3} ans\b|\b(?:tiene|con) \d{1,3} años\b|\bha \d{1,3} anni\b"
    r"|\b(?:tem|com) \d{1,3} anos\b"
    r"|\baged? \d{1,3}\b|\bâgée? de \d{1,3}\b|\bim alter von \d{1,3}\b"
    r"|\b\d{1,3}[- ](?:years?|months?|weeks?)[- ]old\b|\b\d{1,3}[- ]?(?:jährige[rnms]?|jarige)\b"
    r"|(?:[,(]|^) ?\d{1,3} (?:years|yrs|jahre|ans|años|anos|anni|jaar|mois|meses|mesi)(?=[,);:]|$)"
    r"|\([^()\n,]{1,24}, \d{1,3}\)",
    re.MULTILINE,
)
# Something a value could be made of (a digit, or a verdict: "positive", "undetectable").
_VALUE_HINT = re.compile(r"\d|tiv|tif|tief|tabl|bar|baar|bile|vel")
_WORD = re.compile(r"[\w/-]+")


def _bounded_start(text: str, start: int) -> bool:
    return start == 0 or not is_word(text[start - 1])


def _bounded_end(text: str, end: int) -> bool:
    return end >= len(text) or not is_word(text[end - 1]) or not is_word(text[end])


_JOINERS = "-'\u2019"  # hyphen and apostrophes inside a word ("Alzheimer-Demenz")


def _word_end(low: str, end: int) -> int:
    """Where the word containing ``low[end - 1]`` ends (a stem takes in its ending)."""
    while end < len(low) and (low[end].isalnum() or low[end] in _JOINERS):
        if low[end] in _JOINERS and not (end + 1 < len(low) and low[end + 1].isalnum()):
            break
        end += 1
    return end


def _spans(low: str, trigger: Trigger) -> list[Span]:
    return [
        (start, end)
        for start, end in trigger.hits(low)
        if _bounded_start(low, start) and _bounded_end(low, end)
    ]


def _headings(low: str) -> list[Span]:
    """Document cues written as headings: a field label ending in a colon ("Diagnose:")
    anywhere but in code, the others ("discharge summary", "ICU handover") within the first
    few words of their line; and a record's words wherever they stand (a JSON field
    "diagnosen":, an absence export's "Krankheitstage"). "class Diagnosis:" or "how to write
    a discharge summary" is no record."""
    spans = _spans(low, _DOCUMENT)
    records = _spans(low, _RECORD)  # a record's field or an absence export: anywhere
    if not (spans or records) or any(
        line.lstrip().startswith(_CODE_LINES) for line in low.splitlines()
    ):
        return []
    out = records
    for start, end in spans:
        # Only the first few words of a line matter, so its start is looked for only so far
        # back (a search to the text's start for every cue would be quadratic).
        floor = max(0, start - 64)
        newline = low.rfind("\n", floor, start)
        before = low[newline + 1 if newline >= 0 else floor : start]
        if any(ch in before for ch in "(){}=;\"'<>[]") or before.lstrip().startswith(
            ("class ", "def ", "struct ", "interface ", "type ", "select ", "--", "//")
        ):
            continue
        if low[end - 1] == ":" or len(before) <= 24:
            out.append((start, end))
    return out


def _named_for_something_else(low: str, end: int) -> bool:
    """Whether the word after a term makes it a name of something else ("cancer research")."""
    word = _WORD.match(low, end + 1) if low[end : end + 1] == " " else None
    return word is not None and word.group() in _NOT_OF_SOMEONE


_CLOSE_ENOUGH, _MEDICINE, _NEAR_ONLY = 0, 1, 2  # what may tie a term to someone


def _terms(t: Text) -> list[tuple[int, int, int]]:
    """(start, end, which cues may tie it to someone) of every term, with a medicine's
    dose."""
    low, text = t.low, t.text
    out: list[tuple[int, int, int]] = []
    for start, hit_end in _TERMS.hits(low):
        if not _bounded_start(low, start):
            continue
        word = low[start:hit_end]
        if word not in _STEMS and not _bounded_end(low, hit_end):
            # The longest keyword here runs into a longer word ("tumore" in "tumores"): a
            # shorter stem may still take it in ("tumor*").
            word = next(
                (low[start:k] for k in range(hit_end - 1, start, -1) if low[start:k] in _STEMS),
                "",
            )
            if not word:
                continue
        end = _word_end(low, start + len(word)) if word in _STEMS else start + len(word)
        if word in _CAPITALS_ONLY and not text[start:end].isupper():
            continue
        if _named_for_something_else(low, end):
            continue
        dose = _DOSE.match(low, end)
        if word in _MEDICINE_WORDS:
            out.append((start, dose.end() if dose is not None else end, _MEDICINE))
        else:
            out.append((start, end, _NEAR_ONLY if word in _FIGURATIVE else _CLOSE_ENOUGH))
    return out


def _results(t: Text) -> list[Span]:
    """Results with their values: a test's or a sign's name, then its value."""
    low = t.low
    out: list[Span] = []
    if _VALUE_HINT.search(low) is None:
        return out  # no number and no test's verdict: no result
    for start, end, _ in _LAB_NAMES.find(low):
        value = _VALUE.match(low, end)
        if value is None or _is_threshold(low, end, value.end()):
            continue
        unit = value.group(2)
        if unit is not None and unit != "%" and unit not in _UNITS:
            out.append((start, value.end(1)))  # a word, not a unit: the number alone
        else:
            out.append((start, value.end()))
    return out


def _is_threshold(low: str, start: int, end: int) -> bool:
    """Whether the value between ``start`` and ``end`` (after its name) is a threshold: a
    comparison before it or right after it ("of 48 or above")."""
    return _THRESHOLD.search(low, start, min(len(low), end + 12)) is not None


def _in_reports(results: list[Span]) -> set[Span]:
    """The results that stand with two others within ``_REPORT_REACH`` characters. The nearest
    others are the next few in the order of their starts, so only those are looked at: a text
    that is nothing but results costs each one a few comparisons, not one per result."""
    ordered = sorted(set(results))
    kept: set[Span] = set()
    for i, (start, end) in enumerate(ordered):
        neighbours = ordered[max(0, i - _NEIGHBOURS) : i] + ordered[i + 1 : i + 1 + _NEIGHBOURS]
        near = sum(
            1
            for other_start, other_end in neighbours
            if other_start - end <= _REPORT_REACH and start - other_end <= _REPORT_REACH
        )
        if near >= _REPORT_RESULTS - 1:
            kept.add((start, end))
    return kept


class _Cues:
    """Cue spans sorted by start, looked up near a term by bisection: a text full of cues and
    terms costs each term only the cues within reach of it, never all of them."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def before(self, at: int, reach: int) -> Iterator[Span]:
        """Cues starting before ``at`` and within ``reach`` (plus the longest cue) of it,
        nearest first."""
        i = bisect_left(self.starts, at)
        floor = at - reach - _LONGEST_CUE
        while i > 0 and self.starts[i - 1] >= floor:
            i -= 1
            yield self.spans[i]

    def after(self, at: int, reach: int) -> Iterator[Span]:
        """Cues starting at or after ``at`` and within ``reach`` of it."""
        i = bisect_left(self.starts, at)
        while i < len(self.starts) and self.starts[i] - at <= reach:
            yield self.spans[i]
            i += 1


def _near(low: str, start: int, end: int, cues: _Cues) -> bool:
    for cue_start, cue_end in cues.before(start, _NEAR_BEFORE):
        if _general(low, cue_start):
            continue
        if cue_end > start:
            return True  # overlapping the term ("pt" in "pts"): said of it
        if start - cue_end <= _NEAR_BEFORE and "\n" not in low[cue_end:start]:
            return True
    for cue_start, _ in cues.after(start, end - start + _NEAR_AFTER):
        if _general(low, cue_start):
            continue
        if cue_start < end or "\n" not in low[end:cue_start]:
            return True
    return False


def _general(low: str, cue_start: int) -> bool:
    """Whether the three words before a cue make it said of many ("people living with",
    "patients diagnosed with", "someone diagnosed with")."""
    before = low[max(0, cue_start - 40) : cue_start].split()[-3:]
    return any(word.strip(",;:") in _GENERIC_SUBJECTS for word in before)


def _close(low: str, start: int, cues: _Cues) -> bool:
    for cue_start, cue_end in cues.before(start, _CLOSE_CHARS):
        if cue_end > start or start - cue_end > _CLOSE_CHARS:
            continue
        gap = low[cue_end:start]
        between = gap.split()
        if (
            gap[:1].isspace()
            and len(between) <= _CLOSE_WORDS
            and not any(ch in _CLOSE_GAP_STOPS for ch in gap)
            and _TOPIC_WORDS.isdisjoint(between)  # "my essay on diabetes": a topic
            and not _conditional(low, cue_start)
        ):
            return True
    return False


def _conditional(low: str, cue_start: int) -> bool:
    """Whether one of the three words before a close cue makes it a condition ("if you
    have", "si tiene o ha tenido")."""
    before = low[max(0, cue_start - 30) : cue_start].split()[-3:]
    return any(word.strip(",;:") in _CONDITIONAL for word in before)


# Someone named the way a ward, a care home or a handover names them: a bed or a room
# ("Zimmer 4", "letto 8", "hab. 12"), an age in years abbreviated ("81 J."), a title with an
# initial ("Herr K.", "Sig.ra P.", "Mr K.").
_SOMEONE = re.compile(
    r"\b(?:zimmer|zi\.|bett|stanza|letto|bed|room|kamer|chambre|lit|cama|quarto|habitación"
    r"|hab\.)[ ]?\d{1,4}[a-z]?\b"
    r"|\b\d{1,3}[ ]?j\.(?![\w.])"
    r"|\b(?:herr|frau|hr\.|fr\.|mr\.?|mrs\.?|ms\.?|sig\.?|sig\.ra|sig\.na|sra\.?|sr\.?|dña\.?"
    r"|dona|mme|mevr\.|dhr\.)[ ][a-zà-ÿ]\.(?!\w)"
)
# Ages, beds and titled initials are looked for only this far around what they could tie
# (beyond the cues' reach, so that one reaching into it is found whole): their patterns are
# slow to try at every offset.
_AGE_MARGIN = 40


def _someone_marks(low: str, spans: list[Span]) -> list[Span]:
    """The ages said of one person, and the beds, rooms and titled initials that name one,
    within a near cue's reach of ``spans``."""
    windows: list[Span] = []
    for start, end in sorted(spans):
        window = (max(0, start - _NEAR_BEFORE - _AGE_MARGIN), end + _NEAR_AFTER + _AGE_MARGIN)
        if windows and window[0] <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], window[1]))
        else:
            windows.append(window)
    return [
        found.span()
        for start, end in windows
        for pattern in (_AGE, _SOMEONE)
        for found in pattern.finditer(low, start, end)
    ]


def find_health_data(t: Text) -> Iterator[Match]:
    """Terms of health information tied to one person, with their dose or value."""
    low = t.low
    terms = _terms(t)
    acronyms = [(start, end) for start, end, _ in _ACRONYMS.find(t.text)]
    results = _results(t)
    headings = _headings(low)
    if not terms and not results and not acronyms:
        return
    words = _CUES.find(low)
    # A veterinary note, or a research abstract's cohorts: suppressed from the first word that
    # says so (a stream carries those words forward, and cannot know what comes after).
    suppressed_from = min(
        [start for start, _, flags in words if flags & _ANIMAL]
        + [start for start, _ in _spans(low, _ABSTRACT)],
        default=len(low) + _NEAR_AFTER + 1,
    )

    def said_of_someone(start: int) -> bool:
        return start + _NEAR_AFTER < suppressed_from

    # A heading makes a record of what follows it (a stream has seen it by then), not of
    # what came before.
    record_from = min((start for start, _ in headings), default=len(low) + _NEAR_AFTER + 1)

    def in_record(start: int) -> bool:
        return start + _NEAR_AFTER >= record_from

    near = _Cues(
        [(s, e) for s, e, flags in words if flags & _NEAR]
        + _someone_marks(low, [(s, e) for s, e, _ in terms] + acronyms + results)
    )
    close = _Cues([(s, e) for s, e, flags in words if flags & _CLOSE])
    taking = _Cues([(s, e) for s, e, flags in words if flags & (_CLOSE | _TAKING)])
    of_results = _Cues([(s, e) for s, e, flags in words if flags & (_CLOSE | _RESULT)])
    for start, end, ties in terms:
        if said_of_someone(start) and (
            in_record(start)
            or _near(low, start, end, near)
            or (ties != _NEAR_ONLY and _close(low, start, taking if ties == _MEDICINE else close))
        ):
            yield (KIND, start, end)
    for start, end in acronyms:  # alone, "MS" or "AF" is said of someone only near a cue
        if said_of_someone(start) and (in_record(start) or _near(low, start, end, near)):
            yield (KIND, start, end)
    reported = _in_reports(results)
    for start, end in results:
        if said_of_someone(start) and (
            in_record(start)
            or (start, end) in reported
            or _near(low, start, end, near)
            or _close(low, start, of_results)
        ):
            yield (KIND, start, end)


def document_words(low: str) -> list[str]:
    """The words in ``low`` (lower-cased, folded) that change how the rest of it is read: the
    headings that make it a record about someone, and the words that make it a veterinary note
    or a research abstract. A stream carries them forward, so a term far below its heading is
    still read as one."""
    words = [low[start:end] for start, end in (*_headings(low), *_spans(low, _ABSTRACT))]
    if any(word in low for word in _ANIMAL_HINTS):
        words.extend(low[start:end] for start, end, flags in _CUES.find(low) if flags & _ANIMAL)
    return words
