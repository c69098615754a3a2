"""Prompt-injection and jailbreak classifiers: a shipped linear model and an engine-backed one.

`LinearInjectionClassifier` is logistic regression over hashed features, in pure Python (no
numpy, no model download). Its weights are `injection_model.json` next to this module, written
by `benchmarks/guardrails/injection_train.py`. Features of a text:

- it is NFKC-normalised, lower-cased and common leetspeak digits/symbols are mapped to letters
  (`0→o 1→i 3→e 4→a 5→s 7→t @→a $→s`);
- tokens are runs of letters/digits and runs of punctuation (so `### system:` and `</doc>` stay
  visible); word unigrams and bigrams are features;
- the letters/digits with everything else removed (`i g n o r e` → `ignore`) give character
  3-, 4- and 5-grams;
- every feature is hashed with CRC-32 (a different seed per feature type) into 2**18 buckets;
  presence counts, not frequency.

Scoring caches what repeats between requests: the tokens of each whitespace-separated word
and the summed weight of each token and token pair. The features are exactly the ones the
weights were trained on (a unit test holds them to a plain reference definition).

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
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

import aiohttp

__all__ = [
    "DEFAULT_THRESHOLD",
    "AsyncInjectionClassifier",
    "EngineInjectionClassifier",
    "InjectionClassifier",
    "InjectionClassifierError",
    "LinearInjectionClassifier",
    "feature_counts",
    "load_default_classifier",
]

MODEL_PATH = Path(__file__).with_name("injection_model.json")
MODEL_FORMAT = "bastion-injection-linear/1"

# Chosen on the validation split (see docs/guardrails.md, "Prompt injection"); also stored in
# the artifact, and a unit test checks the two agree.
DEFAULT_THRESHOLD = 0.5

BUCKET_BITS = 18
_MASK = (1 << BUCKET_BITS) - 1
CHAR_NGRAMS = (3, 4, 5)
_SEED_WORD = 0x5EED0001
_SEED_BIGRAM = 0x5EED0002
_SEED_CHAR = {n: 0x5EED0100 + n for n in CHAR_NGRAMS}

WINDOW_CHARS = 2048
WINDOW_OVERLAP = 256
HEAD_CHARS = 12 * 1024
TAIL_CHARS = 4 * 1024
MAX_CHARS = HEAD_CHARS + TAIL_CHARS
_CACHE_LIMIT = 1 << 17

_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]+")
# Single letters separated by spaces, dots, dashes or stars ("i g n o r e") are joined.
_SPACED = re.compile(r"\b(?:[^\W_][ .*_-]){2,}[^\W_]\b")
_SPACER = re.compile(r"[ .*_-]")
# A necessary condition for `_SPACED`: its last three letters, without the leading boundary.
_SPACED_HINT = re.compile(r"[ .*_-][^\W_][ .*_-][^\W_](?!\w)")
_WORD_TOKENS: dict[str, tuple[str, ...]] = {}

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


def _normalise(text: str) -> str:
    norm = unicodedata.normalize("NFKC", text).lower().translate(_LEET)
    # Most texts have no spaced-out word; the hint rejects them at a third of the full cost.
    if _SPACED_HINT.search(norm) is None:
        return norm
    return _SPACED.sub(_join_spaced, norm)


def _word_tokens(word: str) -> tuple[str, ...]:
    tokens = _WORD_TOKENS.get(word)
    if tokens is None:
        if len(_WORD_TOKENS) > _CACHE_LIMIT:
            _WORD_TOKENS.clear()
        tokens = _WORD_TOKENS[word] = tuple(_TOKEN.findall(word))
    return tokens


def _tokens(norm: str) -> list[str]:
    """`_TOKEN.findall(norm)`, computed per whitespace-separated word (words repeat, so cached).

    Tokens never contain whitespace, so the tokens of a text are those of its words in order.
    """
    words = norm.split()
    try:
        parts = list(map(_WORD_TOKENS.__getitem__, words))
    except KeyError:
        parts = list(map(_word_tokens, words))
    return list(chain.from_iterable(parts))


def _token_buckets(token: str) -> tuple[int, ...]:
    """A token's unigram bucket and, for words, its distinct character n-gram buckets."""
    crc = zlib.crc32
    data = token.encode()
    out = [crc(data, _SEED_WORD) & _MASK]
    if token[0].isalnum():
        marked = b"<" + data + b">"
        for n in CHAR_NGRAMS:
            seed = _SEED_CHAR[n]
            out.extend(crc(marked[i : i + n], seed) & _MASK for i in range(len(marked) - n + 1))
    return tuple(dict.fromkeys(out))


def _pair_bucket(pair: tuple[str, str]) -> int:
    return zlib.crc32(f"{pair[0]} {pair[1]}".encode(), _SEED_BIGRAM) & _MASK


def _units(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The distinct tokens and distinct pairs of consecutive tokens of one window."""
    tokens = _tokens(_normalise(text))
    return set(tokens), set(zip(tokens, islice(tokens, 1, None), strict=False))


def feature_counts(text: str) -> Counter[int]:
    """The hashed features of `text` (one window) with their values, as the model sees them.

    Every distinct token adds its unigram and its distinct character n-grams; every distinct
    pair of consecutive tokens adds a bigram (the hash of `"first second"`). A bucket reached
    by several tokens counts once per token (this is what lets scoring cache one partial sum
    per token).
    """
    tokens, pairs = _units(text)
    counts: Counter[int] = Counter()
    for token in tokens:
        counts.update(_token_buckets(token))
    counts.update(map(_pair_bucket, pairs))
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

    def __init__(self, weights: dict[int, float], bias: float, threshold: float) -> None:
        self._weights = weights
        self.bias = bias
        self.threshold = threshold
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
        )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> LinearInjectionClassifier:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    def _token_weight(self, token: str) -> float:
        get = self._weights.get
        return math.fsum(get(b, 0.0) for b in _token_buckets(token))

    def _pair_weight(self, pair: tuple[str, str]) -> float:
        return self._weights.get(_pair_bucket(pair), 0.0)

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
        tokens, pairs = _units(text)
        return (
            self.bias
            + self._sum(tokens, self._token_cache, self._token_weight)
            + self._sum(pairs, self._pair_cache, self._pair_weight)
        )

    def score(self, text: str) -> float:
        if not text or text.isspace():
            return _sigmoid(self.bias)
        return max(_sigmoid(self.margin(w)) for w in windows(text))

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
