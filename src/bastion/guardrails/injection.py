"""Prompt-injection and jailbreak classifiers: a shipped linear model and an engine-backed one.

`LinearInjectionClassifier` is logistic regression over hashed features, in pure Python (no
numpy, no model download). Its weights are `injection_model.json` next to this module, written
by `benchmarks/guardrails/injection_train.py`. Features of a text:

- it is normalised (`normalise`): text written in Unicode tag characters or hidden in
  variation selectors is decoded where it stands; zero-width, bidi and other invisible
  characters are dropped; NFKC; URLs and e-mail addresses become one token each; lower case;
  spaced-out letters (`i g n o r e`) are joined; leetspeak digits/symbols become letters in
  words with at least as many letters as digits (`0→o 1→i 3→e 4→a 5→s 7→t @→a $→s`: `1gn0r3`
  is read as "ignore", while `14` and an IBAN stay as written); words mixing Latin letters
  with Cyrillic/Greek look-alikes are spelled in Latin. Each kind of hiding undone appends a
  mark (`MARKS`), a token the model has a weight for;
- tokens are runs of letters/digits and runs of punctuation (so `### system:` and `</doc>` stay
  visible); runs of Chinese/Japanese/Korean characters become their character bigrams;
- every distinct token gives a unigram and, for words, character 3-, 4- and 5-grams, except
  function words (`injection_cues.STOPWORDS`), which appear only in pairs; every distinct pair
  of consecutive tokens gives a bigram (two CJK bigrams make none);
- cue features: the groups of `injection_cues` (override, rules, reveal, hidden, unlimited,
  persona, prior, ...) the text's words fall into in any of ten languages, `addr` where an AI
  word is addressed ("note to the AI", "@assistant", "AI reading this:"), and every pair and
  triple of groups found together in one clause (`clauses`);
- every feature is hashed with CRC-32 (a different seed per feature type) into 2**18 buckets;
  presence counts, not frequency.

Scoring caches what repeats between requests: the tokens of each whitespace-separated word,
the summed weight of each token and token pair, the cue groups of each token. The features are
exactly the ones the weights were trained on (a unit test holds them to a plain reference
definition).

Long texts are scored in windows of `WINDOW_CHARS` (overlapping by `WINDOW_OVERLAP`) and the
highest window wins, so an instruction buried in a long document is not diluted by it. Texts
longer than `MAX_CHARS` are cut to their first `HEAD_CHARS` and last `TAIL_CHARS` characters:
cost is bounded (a few ms), at the price of not seeing the middle of huge inputs.

`EngineInjectionClassifier` asks an operator's own classification model (for example a
Prompt-Guard-class model served by vLLM with `--task classify`) through its `/classify` endpoint.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
import unicodedata
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import lru_cache
from itertools import chain, combinations, islice
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

import aiohttp

from bastion.guardrails.injection_cues import (
    ADDRESS_AFTER,
    ADDRESS_BEFORE,
    ADDRESS_CJK_FIRST,
    ADDRESS_CJK_LAST,
    MENTION,
    PAIRS,
    STOPWORDS,
    token_cues,
)
from bastion.hiding import CONFUSABLES

__all__ = [
    "DEFAULT_THRESHOLD",
    "AsyncInjectionClassifier",
    "EngineInjectionClassifier",
    "InjectionClassifier",
    "InjectionClassifierError",
    "LinearInjectionClassifier",
    "cue_bucket",
    "feature_counts",
    "load_default_classifier",
    "normalise",
]

MODEL_PATH = Path(__file__).with_name("injection_model.json")
MODEL_FORMAT = "bastion-injection-linear/1"

# The operating point is chosen on the validation split and moved to 0.5 by the model's bias
# (see docs/guardrails.md, "Prompt injection"); also stored in the artifact, and a unit test
# checks the two agree.
DEFAULT_THRESHOLD = 0.5

BUCKET_BITS = 18
_MASK = (1 << BUCKET_BITS) - 1
CHAR_NGRAMS = (3, 4, 5)
_SEED_WORD = 0x5EED0001
_SEED_BIGRAM = 0x5EED0002
_SEED_CHAR = {n: 0x5EED0100 + n for n in CHAR_NGRAMS}
_SEED_CUE = 0x5EED0003
_SEED_ADDRESSED = 0x5EED0004
# Windows with more distinct tokens than this have their word features scaled (`word_scale`).
WORD_SCALE_TOKENS = 8

WINDOW_CHARS = 2048
WINDOW_OVERLAP = 256
HEAD_CHARS = 12 * 1024
TAIL_CHARS = 4 * 1024
MAX_CHARS = HEAD_CHARS + TAIL_CHARS
_CACHE_LIMIT = 1 << 17

_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_LEET_CHARS = re.compile("[013457@$]")
# A word holding a leetspeak character; it is read as leetspeak only if it has at least as
# many letters as digits: "1gn0r3" is "ignore", but "14", "2024" and codes such as an IBAN
# ("FR7630006000011234567890189") or "GB33BUKB2020…" stay as they are.
# The rest of a word from its first digit, "@" or "$" (searched from it: a fast scan).
_FROM_LEET = re.compile(r"[\d@$][\w@$]*")
_LETTER = re.compile(r"[^\W\d_@$]")
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]+")
# Single letters separated by spaces, dots, dashes or stars ("i g n o r e") are joined.
_SPACED = re.compile(r"\b(?:[^\W_][ .*_-]){2,}[^\W_]\b")
_SPACER = re.compile(r"[ .*_-]")
# A necessary condition for `_SPACED`: its last three letters, without the leading boundary.
_SPACED_HINT = re.compile(r"[ .*_-][^\W_][ .*_-][^\W_](?!\w)")
_WORD_TOKENS: dict[str, tuple[str, ...]] = {}
_TOKEN_CUES: dict[str, frozenset[str]] = {}

K = TypeVar("K", bound=Hashable)


class InjectionClassifierError(Exception):
    """The classifier could not give a score (timeout, transport or format error)."""


@runtime_checkable
class InjectionClassifier(Protocol):
    def score(self, text: str) -> float:
        """Probability (0..1) that `text` is a prompt-injection or jailbreak attempt."""
        ...


@runtime_checkable
class AsyncInjectionClassifier(Protocol):
    async def ascore(self, text: str) -> float:
        """Probability (0..1) that `text` is a prompt-injection or jailbreak attempt."""
        ...


def _join_spaced(match: re.Match[str]) -> str:
    return _SPACER.sub("", match.group(0))


# ------------------------------------------------------------------ hidden-text normalisation

# Marks for what normalisation undid; Private Use Area characters, so they are tokens of their
# own (runs of non-word characters) that no word shares. Each is added once, as a unigram.
MARK_TAG = "\ue000"  # text written in Unicode tag characters (U+E0020..U+E007E)
MARK_ZERO_WIDTH = "\ue001"  # zero-width characters inside words, or a long run of them
MARK_BIDI = "\ue002"  # bidi embedding/override/isolate controls
MARK_HOMOGLYPH = "\ue003"  # a word mixing Latin letters with Cyrillic/Greek look-alikes
MARK_VARIATION = "\ue004"  # bytes hidden in variation selectors
MARKS = (MARK_TAG, MARK_ZERO_WIDTH, MARK_BIDI, MARK_HOMOGLYPH, MARK_VARIATION)
# Addresses become one token each, so that no host or mailbox name is learned as a word.
ADDRESS_EMAIL = "\ue010"
ADDRESS_URL = "\ue011"
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MENTION = re.compile(r"(?<!\S)@(?=[^\W\d_]{3})")

# A black flag followed by tag characters is a subdivision flag (England, Scotland): kept.
_TAG_RUN = re.compile("(\U0001f3f4)?([\U000e0000-\U000e007f]+)")
# Variation selectors: VS1-16 and VS17-256. One after an emoji is ordinary; a run of them
# can carry one byte each (VS1-16 for 0-15, VS17-256 for 16-255).
_VS_RUN = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]{2,}")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e\u034f"
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = (
    _ZERO_WIDTH + _BIDI_CONTROLS + "\u200e\u200f\u061c\u00ad\ufe00-\ufe0f\U000e0100-\U000e01ef"
)
_STRIP = re.compile(f"[{_INVISIBLE}]")
# Zero-width characters between two letters (not the joiners of emoji or Indic scripts).
_ZW_IN_WORD = re.compile("[^\\W\\d_][\u200b\u2060\ufeff\u180e\u2061-\u2064]+[^\\W\\d_]")
_ZW_LONG = re.compile(f"[{_ZERO_WIDTH}]{{8,}}")
_BIDI = re.compile(f"[{_BIDI_CONTROLS}]")
_CONFUSE = str.maketrans(CONFUSABLES)
_LOOKALIKE = "".join(CONFUSABLES)
# A Latin letter next to a look-alike: a necessary condition for a mixed word; then words.
_MIXED_HINT = re.compile(f"[a-z][{_LOOKALIKE}]|[{_LOOKALIKE}][a-z]")
_LETTERS = re.compile(r"[^\W\d_]+")
# Scripts written without spaces between words: their runs are cut into character bigrams.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_HAS_CJK = re.compile(f"[{_CJK}]")


def _decode_tags(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1)
    chars = (ord(c) - 0xE0000 for c in match.group(2))
    return " " + MARK_TAG + " " + "".join(chr(c) for c in chars if 0x20 <= c < 0x7F) + " "


def _decode_variations(match: re.Match[str]) -> str:
    data = bytes(
        ord(c) - 0xFE00 if ord(c) < 0xFE10 else ord(c) - 0xE0100 + 16 for c in match.group(0)
    )
    return " " + MARK_VARIATION + " " + data.decode("utf-8", "ignore") + " "


def _unhide(text: str) -> tuple[str, list[str]]:
    """Text hidden in tag characters or variation selectors, decoded in place; invisible and
    bidi characters removed. Returns the text and the marks of what was found."""
    marks = []
    if _TAG_RUN.search(text) is not None:
        text = _TAG_RUN.sub(_decode_tags, text)
        if MARK_TAG in text:
            marks.append(MARK_TAG)
    if _VS_RUN.search(text) is not None:
        text = _VS_RUN.sub(_decode_variations, text)
        marks.append(MARK_VARIATION)
    if _ZW_IN_WORD.search(text) is not None or _ZW_LONG.search(text) is not None:
        marks.append(MARK_ZERO_WIDTH)
    if _BIDI.search(text) is not None:
        marks.append(MARK_BIDI)
    return _STRIP.sub("", text), marks


def _unleet(match: re.Match[str]) -> str:
    return str(_LEET[ord(match.group(0))])


def _keep_numbers(low: str, read: str) -> str:
    """``read`` (``low`` with every leetspeak character replaced: the same length) with the
    words of ``low`` that have no letter, or fewer letters than digits, put back as they were
    written."""
    pieces: list[str] = []
    last = 0
    for match in _FROM_LEET.finditer(low):
        start = match.start()
        while start > 0 and (low[start - 1].isalnum() or low[start - 1] in "_@$"):
            start -= 1
        word = low[start : match.end()]
        if word.isdigit() or not 0 < len(_LETTER.findall(word)) >= sum(map(str.isdigit, word)):
            pieces += (read[last:start], word)
            last = match.end()
    if not pieces:
        return read
    pieces.append(read[last:])
    return "".join(pieces)


def _unconfuse(match: re.Match[str]) -> str:
    word = match.group(0)
    if _MIXED_HINT.search(word) is None:
        return word
    return word.translate(_CONFUSE)


def _address(match: re.Match[str]) -> str:
    found = match.group(0)
    kind = ADDRESS_EMAIL if "@" in found and "/" not in found else ADDRESS_URL
    return f" {kind} "


def normalise(text: str) -> str:
    """The text as the model reads it.

    Hidden text is decoded and invisible characters dropped (`_unhide`); then NFKC (full-width
    and mathematical letters, ligatures), URLs and e-mail addresses replaced by one token each
    (`ADDRESS_URL`, `ADDRESS_EMAIL`), a mention's "@" made a mark of its own (`MENTION`),
    lower case; spaced-out letters (`i g n o r e`) joined; leetspeak digits to letters in
    words with as many letters as digits (`1gn0r3`, not `14`); words mixing Latin letters with
    Cyrillic/Greek look-alikes spelled in Latin. What was undone is appended as marks
    (`MARKS`).
    """
    marks: list[str] = []
    if not text.isascii():
        text, marks = _unhide(text)
    if not unicodedata.is_normalized("NFKC", text):  # the check is ~1000 times cheaper
        text = unicodedata.normalize("NFKC", text)
    if ("@" in text or "://" in text or "www." in text) and _ADDRESS.search(text) is not None:
        text = _ADDRESS.sub(_address, text)
    if "@" in text:  # a mention ("@assistant") is a mark and a name, not leetspeak for "a"
        text = _MENTION.sub(MENTION + " ", text)
    norm = text.lower()
    # Most texts have no spaced-out word; the hint rejects them at a third of the full cost.
    # Joined first, so that "1 g n 0 r 3" is one word, read as leetspeak below.
    if _SPACED_HINT.search(norm) is not None:
        norm = _SPACED.sub(_join_spaced, norm)
    if _LEET_CHARS.search(norm) is not None:
        # `translate` is slow on non-ASCII text: there, replace only what is there.
        read = norm.translate(_LEET) if norm.isascii() else _LEET_CHARS.sub(_unleet, norm)
        norm = _keep_numbers(norm, read)
    if not norm.isascii() and _MIXED_HINT.search(norm) is not None:
        norm = _LETTERS.sub(_unconfuse, norm)
        marks.append(MARK_HOMOGLYPH)
    if marks:
        norm += " " + " ".join(marks)
    return norm


def _split_cjk(token: str) -> list[str]:
    """A token cut at CJK runs; each run becomes its overlapping character bigrams."""
    out: list[str] = []
    pos = 0
    for match in _CJK_RUN.finditer(token):
        if match.start() > pos:
            out.append(token[pos : match.start()])
        run = match.group(0)
        grams = [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
        out.extend(grams)
        pos = match.end()
    if pos < len(token):
        out.append(token[pos:])
    return out


def _word_tokens(word: str) -> tuple[str, ...]:
    tokens = _WORD_TOKENS.get(word)
    if tokens is None:
        if len(_WORD_TOKENS) > _CACHE_LIMIT:
            _WORD_TOKENS.clear()
        found = _TOKEN.findall(word)
        if _HAS_CJK.search(word) is not None:
            found = list(chain.from_iterable(map(_split_cjk, found)))
        tokens = _WORD_TOKENS[word] = tuple(found)
    return tokens


def _tokens(norm: str) -> list[str]:
    """The tokens of normalised text, computed per whitespace-separated word (words repeat,
    so cached). Tokens never contain whitespace, so the tokens of a text are those of its
    words in order.
    """
    words = norm.split()
    try:
        parts = list(map(_WORD_TOKENS.__getitem__, words))
    except KeyError:
        parts = list(map(_word_tokens, words))
    return list(chain.from_iterable(parts))


@lru_cache(maxsize=1 << 16)
def _is_cjk(token: str) -> bool:
    return "\u3040" <= token[0] <= "\ud7af" and _HAS_CJK.match(token) is not None


def _token_buckets(token: str) -> tuple[int, ...]:
    """A token's unigram bucket and, for words, its distinct character n-gram buckets; none
    for a function word (`STOPWORDS`)."""
    if token in STOPWORDS:
        return ()
    crc = zlib.crc32
    data = token.encode()
    out = [crc(data, _SEED_WORD) & _MASK]
    if token[0].isalnum() and not _is_cjk(token):
        marked = b"<" + data + b">"
        for n in CHAR_NGRAMS:
            seed = _SEED_CHAR[n]
            out.extend(crc(marked[i : i + n], seed) & _MASK for i in range(len(marked) - n + 1))
    return tuple(dict.fromkeys(out))


def _pair_bucket(pair: tuple[str, str]) -> int:
    return zlib.crc32(f"{pair[0]} {pair[1]}".encode(), _SEED_BIGRAM) & _MASK


# Distinct tokens, distinct pairs, cue features, addressed words, and how many of the tokens
# are CJK bigrams.
Units = tuple[set[str], set[tuple[str, str]], list[str], set[str], int]


def _units(text: str) -> Units:
    """The distinct tokens, the distinct pairs of consecutive tokens, the cue features
    (`cue_features`) and the addressed words (`addressed_words`) of one window.

    Two overlapping CJK bigrams (`忽略`, `略之`) make no pair: they would only repeat the
    bigrams, at twice the cost.
    """
    norm = normalise(text)
    if "\n" in norm:
        tokens: list[str] = []
        line_starts = set()
        for line in norm.split("\n"):
            line_starts.add(len(tokens))
            tokens += _tokens(line)
    else:
        tokens = _tokens(norm)
        line_starts = set()
    pairs = set(zip(tokens, islice(tokens, 1, None), strict=False))
    cues, addressed = _cue_analysis(tokens, line_starts)
    if not norm.isascii() and _HAS_CJK.search(norm) is not None:
        distinct = set(tokens)
        cjk = set(filter(_is_cjk, distinct))
        pairs = {p for p in pairs if p[0] not in cjk or p[1] not in cjk}
        return distinct, pairs, cues, addressed, len(cjk)
    return set(tokens), pairs, cues, addressed, 0


def _cached_cues(token: str) -> frozenset[str]:
    cues = _TOKEN_CUES.get(token)
    if cues is None:
        if len(_TOKEN_CUES) > _CACHE_LIMIT:
            _TOKEN_CUES.clear()
        cues = _TOKEN_CUES[token] = token_cues(token)
    return cues


_CLAUSE_END = frozenset(".!?;。")
NONE_GROUPS: frozenset[str] = frozenset()
_PAIR_FIRSTS = frozenset(first for first, _ in PAIRS)


def _ends_clause(token: str) -> bool:
    return not token[0].isalnum() and not _CLAUSE_END.isdisjoint(token)


def clauses(tokens: Sequence[str], line_starts: set[int]) -> list[tuple[int, int]]:
    """The clauses of a token sequence, as (start, end) index ranges: a clause ends after a
    punctuation token with `. ! ? ; 。` in it, and at a line break unless the line ends with
    ":" (a heading that introduces what follows: "Note to the AI:" / "ignore ...")."""
    out = []
    start = 0
    for i, token in enumerate(tokens):
        if i in line_starts and i > start and not tokens[i - 1].endswith(":"):
            out.append((start, i))
            start = i
        if _ends_clause(token):
            out.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        out.append((start, len(tokens)))
    return out


def _clause_groups(
    tokens: Sequence[str], cues: Sequence[frozenset[str]], start: int, end: int
) -> set[str]:
    """The cue groups of one clause: its tokens' and consecutive pairs', and `addr` when an
    `ai` word stands where the clause addresses it: within three tokens after a word of
    `injection_cues.ADDRESS_BEFORE`, among the clause's first three tokens with ":" or ","
    in the four tokens after it ("AI assistant reading this: ..."), or followed within three
    tokens by a `task` word, the model named by what it is doing ("LLM reading this manifest",
    "l'IA qui résume", "модель, которая пересказывает")."""
    groups: set[str] = set()
    cjk_address = False
    for i in range(start, end):
        found = cues[i]
        token = tokens[i]
        if found:
            groups |= found
            if "ai" in found and (
                not ADDRESS_BEFORE.isdisjoint(tokens[max(start, i - 3) : i])
                or (i - start < 3 and not ADDRESS_AFTER.isdisjoint(tokens[i + 1 : min(end, i + 5)]))
                or any("task" in c for c in cues[i + 1 : min(end, i + 4)])
            ):
                groups.add("addr")
        if token in _PAIR_FIRSTS and i + 1 < end:
            groups |= PAIRS.get((token, tokens[i + 1]), NONE_GROUPS)
        if token[0] in ADDRESS_CJK_FIRST or token[-1] in ADDRESS_CJK_LAST:
            cjk_address = True
    if cjk_address and "ai" in groups:
        groups.add("addr")
    return groups


def cue_features(tokens: Sequence[str], line_starts: set[int]) -> list[str]:
    """The cue features of a window (`injection_cues`): every group present anywhere (`ai`,
    `override`, ...), and, per clause (`clauses`), every pair and every triple of the groups
    found together in it (`ai+override`, `override+prior+rules`, sorted). A document that says
    "ignore" in one sentence and "password" in another has both groups but not the pair.
    """
    return _cue_analysis(tokens, line_starts)[0]


def _cue_analysis(tokens: Sequence[str], line_starts: set[int]) -> tuple[list[str], set[str]]:
    """`cue_features`, and the words of the clauses that address the model (`addr`): those
    words are features of their own (`addressed_words`)."""
    cues = list(map(_cached_cues, tokens))
    everywhere: set[str] = set()
    combined: set[str] = set()
    addressed: set[str] = set()
    for start, end in clauses(tokens, line_starts):
        groups = _clause_groups(tokens, cues, start, end)
        if not groups:
            continue
        everywhere |= groups
        if "addr" in groups:
            addressed.update(addressed_words(tokens[start:end]))
        if len(groups) > 1:
            ordered = sorted(groups)
            combined.update(f"{a}+{b}" for a, b in combinations(ordered, 2))
            if len(ordered) <= 7:
                combined.update(f"{a}+{b}+{c}" for a, b, c in combinations(ordered, 3))
    # "you" alone says nothing (documents address their reader too); only with another cue.
    everywhere.discard("you")
    return sorted(everywhere) + sorted(combined), addressed


def addressed_words(clause: Sequence[str]) -> list[str]:
    """The words of a clause that addresses the model, each a feature of its own: what is said
    *to the model* ("tell", "forward", "approve") weighs differently from the same word said to
    a document's human reader. Function words and punctuation are left out."""
    return [t for t in clause if t[0].isalnum() and t not in STOPWORDS]


def cue_bucket(feature: str) -> int:
    return zlib.crc32(feature.encode(), _SEED_CUE) & _MASK


def addressed_bucket(word: str) -> int:
    return zlib.crc32(word.encode(), _SEED_ADDRESSED) & _MASK


def scale_count(distinct_tokens: int, cjk_tokens: int) -> float:
    """The number of distinct tokens `word_scale` is given: a CJK bigram counts half, as a word
    of Chinese or Japanese is about two characters and its run gives a bigram per character."""
    return distinct_tokens - cjk_tokens / 2


def word_scale(distinct_tokens: float, scale_tokens: int) -> float:
    """The factor on a window's token and pair features: 1 up to `scale_tokens` distinct
    tokens, then falling with the square root of their number.

    A long document's words, each mildly positive or negative, add up to a sum whose spread
    grows with the square root of their number; a README or a set of exam rules then reaches
    an attack's score by its length alone. Scaled, the words of a long window say what the
    text is about as much as a short prompt's do, and the cue and addressed-word features,
    which are not scaled, say whether some clause in it speaks to the model. 0 turns it off.
    """
    if scale_tokens <= 0 or distinct_tokens <= scale_tokens:
        return 1.0
    return math.sqrt(scale_tokens / distinct_tokens)


def feature_counts(text: str, scale_tokens: int = WORD_SCALE_TOKENS) -> dict[int, float]:
    """The hashed features of `text` (one window) with their values, as the model sees them.

    Every distinct token adds its unigram and its distinct character n-grams; every distinct
    pair of consecutive tokens adds a bigram (the hash of `"first second"`); these are scaled
    by `word_scale`. Every cue feature (`cue_features`: groups present, pairs and triples of
    groups within a clause) and every distinct word of a clause addressed to the model
    (`addressed_words`) adds one. A bucket reached by several tokens counts once per token
    (this is what lets scoring cache one partial sum per token).
    """
    tokens, pairs, cues, addressed, cjk = _units(text)
    words: Counter[int] = Counter()
    for token in tokens:
        words.update(_token_buckets(token))
    words.update(map(_pair_bucket, pairs))
    scale = word_scale(scale_count(len(tokens), cjk), scale_tokens)
    counts = {bucket: count * scale for bucket, count in words.items()}
    for bucket in chain(map(cue_bucket, cues), map(addressed_bucket, addressed)):
        counts[bucket] = counts.get(bucket, 0.0) + 1.0
    return counts


def windows(text: str) -> list[str]:
    """The pieces of `text` that are scored: head and tail of huge texts, in windows."""
    if len(text) > MAX_CHARS:
        text = text[:HEAD_CHARS] + "\n" + text[-TAIL_CHARS:]
    if len(text) <= WINDOW_CHARS:
        return [text]
    step = WINDOW_CHARS - WINDOW_OVERLAP
    return [text[i : i + WINDOW_CHARS] for i in range(0, len(text) - WINDOW_OVERLAP, step)]


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class LinearInjectionClassifier:
    """Logistic regression over hashed n-gram features; pure Python, deterministic."""

    def __init__(
        self,
        weights: Mapping[int, float],
        bias: float,
        threshold: float,
        scale_tokens: int = WORD_SCALE_TOKENS,
    ) -> None:
        # One double per bucket (2 MB), zero where the model has no weight: a dictionary of
        # the 72,000 weights held 8 MB of int and float objects in every worker.
        self._weights = array("d", bytes(8 << BUCKET_BITS))
        for bucket, weight in weights.items():
            self._weights[bucket] = weight
        self.bias = bias
        self.threshold = threshold
        self.scale_tokens = scale_tokens
        # Per-token and per-pair partial sums; values depend only on the weights, so caching
        # never changes a score (sums use math.fsum, which is independent of order).
        self._token_cache: dict[str, float] = {}
        self._pair_cache: dict[tuple[str, str], float] = {}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearInjectionClassifier:
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a {MODEL_FORMAT} model: {data.get('format')!r}")
        if data.get("bucket_bits") != BUCKET_BITS:
            raise ValueError("model was trained with a different number of buckets")
        indices: Sequence[int] = data["indices"]
        values: Sequence[float] = data["values"]
        if len(indices) != len(values):
            raise ValueError("model indices and values differ in length")
        return cls(
            dict(zip(indices, map(float, values), strict=True)),
            float(data["bias"]),
            data["threshold"],
            int(data.get("word_scale_tokens", 0)),
        )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> LinearInjectionClassifier:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    def weight(self, bucket: int) -> float:
        """The model's weight of one feature bucket (0.0 where it has none)."""
        return self._weights[bucket]

    def _token_weight(self, token: str) -> float:
        weights = self._weights
        return math.fsum(weights[b] for b in _token_buckets(token))

    def _pair_weight(self, pair: tuple[str, str]) -> float:
        return self._weights[_pair_bucket(pair)]

    def _sum(self, keys: set[K], cache: dict[K, float], weight: Callable[[K], float]) -> float:
        try:
            return math.fsum(map(cache.__getitem__, keys))
        except KeyError:
            pass
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        # Long texts are scored on worker threads too: never assume an entry is still there.
        values = []
        for key in keys:
            value = cache.get(key)
            if value is None:
                value = cache[key] = weight(key)
            values.append(value)
        return math.fsum(values)

    def margin(self, text: str) -> float:
        """The model's log-odds for one window of text."""
        tokens, pairs, features, addressed, cjk = _units(text)
        weights = self._weights
        cues = math.fsum(weights[cue_bucket(f)] for f in features)
        if addressed:
            cues += math.fsum(weights[addressed_bucket(w)] for w in addressed)
        words = self._sum(tokens, self._token_cache, self._token_weight) + self._sum(
            pairs, self._pair_cache, self._pair_weight
        )
        scale = word_scale(scale_count(len(tokens), cjk), self.scale_tokens)
        return self.bias + words * scale + cues

    def score(self, text: str) -> float:
        if not text or text.isspace():
            return _sigmoid(self.bias)
        return max(self.window_scores(windows(text)))

    def window_scores(self, pieces: list[str]) -> list[float]:
        """The score of each window of a text (``windows``); the text's is their maximum."""
        return [_sigmoid(self.margin(piece)) for piece in pieces]

    def is_injection(self, text: str) -> bool:
        return self.score(text) >= self.threshold


@lru_cache(maxsize=1)
def load_default_classifier() -> LinearInjectionClassifier:
    """The shipped model, loaded once from the package (no download)."""
    return LinearInjectionClassifier.load(MODEL_PATH)


class EngineInjectionClassifier:
    """Scores text with an operator's own classification model over HTTP.

    Request: `POST {base_url}/classify` with `{"model": model, "input": [text]}` — the shape of
    vLLM's classification API (a sequence-classification model served with `--task classify`).
    Response: `{"data": [{"probs": [p0, p1, ...], ...}]}`; the score is
    `probs[positive_index]` (1 for two-label models whose label 1 is "malicious"/"injection").
    If the model has more than one attack label, pass them all in `positive_indices` and their
    probabilities are summed. Texts are cut to head and tail like the linear model's.

    Any failure — timeout, connection error, non-2xx status, malformed body — raises
    `InjectionClassifierError`, so the caller decides how to fail (closed, by default).
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        timeout: float = 0.5,
        api_key: str | None = None,
        positive_indices: Sequence[int] = (1,),
        max_chars: int = MAX_CHARS,
        session: aiohttp.ClientSession | None = None,
    ) -> None:
        self.url = base_url.rstrip("/") + "/classify"
        self.model = model
        self.timeout = timeout
        self.positive_indices = tuple(positive_indices)
        self.max_chars = max_chars
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._session = session
        self._own_session = session is None

    async def close(self) -> None:
        if self._own_session and self._session is not None:
            await self._session.close()
            self._session = None

    def _cut(self, text: str) -> str:
        if len(text) <= self.max_chars:
            return text
        tail = self.max_chars // 4
        return text[: self.max_chars - tail] + "\n" + text[-tail:]

    async def ascore(self, text: str) -> float:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        payload = {"model": self.model, "input": [self._cut(text)]}
        try:
            async with asyncio.timeout(self.timeout):
                async with self._session.post(
                    self.url, json=payload, headers=self._headers, allow_redirects=False
                ) as response:
                    if response.status // 100 != 2:
                        raise InjectionClassifierError(f"classifier answered {response.status}")
                    body = await response.json(content_type=None)
        except TimeoutError as exc:
            raise InjectionClassifierError(f"classifier timed out after {self.timeout}s") from exc
        except (aiohttp.ClientError, ValueError) as exc:
            raise InjectionClassifierError(f"classifier request failed: {exc}") from exc
        return self._parse(body)

    def _parse(self, body: Any) -> float:
        try:
            probs = body["data"][0]["probs"]
            value = sum(float(probs[i]) for i in self.positive_indices)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise InjectionClassifierError("classifier answer has no usable probs") from exc
        if not 0.0 <= value <= 1.0 + 1e-6 or math.isnan(value):
            raise InjectionClassifierError(f"classifier probability out of range: {value}")
        return min(value, 1.0)
