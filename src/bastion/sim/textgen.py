"""Deterministic output: filler words, JSON that fits a schema, and forced tool calls.

Every generated piece is exactly one token of :mod:`bastion.sim.tokenizer`, so the number of
tokens the engine generates is the number of tokens in the text. The same seed and the same
request always give the same output.
"""

from __future__ import annotations

import hashlib
import random
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import orjson

from bastion.sim import tokenizer

FinishReason = Literal["stop", "length", "tool_calls", "abort"]

# At most seven letters each, so each word with its leading space is one token.
# fmt: off
_WORDS = (
    "lorem", "ipsum", "dolor", "sit", "amet", "consect", "adipisc", "elit", "sed", "do",
    "eiusmod", "tempor", "incidid", "ut", "labore", "et", "dolore", "magna", "aliqua", "enim",
    "ad", "minim", "veniam", "quis", "nostrud", "exerci", "ullamco", "laboris", "nisi", "aliquip",
    "ex", "ea", "commodo", "duis", "aute", "irure", "in", "repreh", "volupt", "velit", "esse",
    "cillum", "fugiat", "nulla", "pariat", "excepte", "sint", "occaeca", "cupidat", "non",
    "proiden", "sunt", "culpa", "qui", "officia", "deserun", "mollit", "anim", "id", "est", "the",
    "a", "of", "to", "and", "is", "that", "it", "for", "on", "with", "as", "was", "be", "by",
    "this", "are", "from", "at", "or", "an", "have", "not", "but", "we", "can", "will", "more",
    "one", "all", "about", "which", "their", "there", "has", "been", "would", "what", "if", "so",
    "when", "other", "time", "model", "engine", "token", "batch", "cache", "block", "queue",
    "signal", "stream", "answer", "river", "stone", "garden", "window", "morning", "winter",
    "summer", "quiet", "bright", "simple", "narrow", "gentle", "steady", "careful",
)
# fmt: on
_TOOL_CALL = tokenizer.special_id("<|tool_call|>")


@dataclass(slots=True)
class Sampled:
    """One generated token: its id, the text it releases to the client, and whether it ends."""

    token_id: int
    text: str
    finish: FinishReason | None = None


class OutputSource(Protocol):
    """What the engine samples from: one call per generated token."""

    def next_token(self) -> Sampled: ...

    def flush(self) -> str:
        """Text still held back (a possible stop-string prefix) when the engine ends the output."""
        ...


def request_rng(
    seed: int, request_seed: int | None, prompt: Sequence[int], index: int
) -> random.Random:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{seed}:{request_seed}:{index}:".encode())
    digest.update(array("q", prompt).tobytes())
    return random.Random(int.from_bytes(digest.digest(), "little"))


class _StopStrings:
    """Releases text as it is generated, holding back what could still become a stop string."""

    def __init__(self, stops: Sequence[str]) -> None:
        self._stops = tuple(s for s in stops if s)
        self._pending = ""

    def push(self, piece: str) -> tuple[str, bool]:
        if not self._stops:
            return piece, False
        buffer = self._pending + piece
        hits = [i for i in (buffer.find(s) for s in self._stops) if i >= 0]
        if hits:
            self._pending = ""
            return buffer[: min(hits)], True
        keep = 0
        for stop in self._stops:
            for size in range(min(len(stop) - 1, len(buffer)), keep, -1):
                if stop.startswith(buffer[-size:]):
                    keep = size
                    break
        cut = len(buffer) - keep
        self._pending = buffer[cut:]
        return buffer[:cut], False

    def flush(self) -> str:
        pending, self._pending = self._pending, ""
        return pending


class _Words:
    """Sentences of filler words; the last token of a natural ending is a full stop."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._left = rng.randint(4, 14)
        self._capital = True
        self._comma = False
        self._first = True

    def next(self, remaining: int | None) -> str:
        closing = remaining is not None and remaining <= 2
        if remaining == 1:
            return "."
        if self._left == 0 and not closing:
            self._left = self._rng.randint(4, 14)
            self._capital = True
            return "."
        if self._comma and not closing:
            self._comma = False
            return ","
        word = self._rng.choice(_WORDS)
        if self._capital:
            word = word.capitalize()
            self._capital = False
        self._left = max(0, self._left - 1)
        self._comma = self._left > 1 and self._rng.random() < 0.08
        if self._first:
            self._first = False
            return word
        return " " + word


class TextOutput:
    """Free text that stops by itself after a seeded natural length (unless ``ignore_eos``)."""

    def __init__(
        self,
        rng: random.Random,
        natural_length: int | None,
        stop: Sequence[str] = (),
    ) -> None:
        self._words = _Words(rng)
        self._natural = natural_length
        self._stops = _StopStrings(stop)
        self._emitted = 0

    def next_token(self) -> Sampled:
        remaining = None if self._natural is None else self._natural - self._emitted
        piece = self._words.next(remaining)
        self._emitted += 1
        text, stopped = self._stops.push(piece)
        if stopped:
            return Sampled(tokenizer.piece_id(piece), text, "stop")
        if remaining == 1:
            return Sampled(tokenizer.piece_id(piece), text + self._stops.flush(), "stop")
        return Sampled(tokenizer.piece_id(piece), text)

    def flush(self) -> str:
        return self._stops.flush()


class ScriptedOutput:
    """A fixed sequence of pieces (a JSON document, a tool call's arguments), then a finish."""

    def __init__(
        self, pieces: Sequence[str], finish: FinishReason, *, tool_call: bool = False
    ) -> None:
        self._ids = [tokenizer.piece_id(p) for p in pieces]
        self._pieces = list(pieces)
        if tool_call:
            # The tool-call marker token opens the call, as in open models' chat templates.
            self._ids.insert(0, _TOOL_CALL)
            self._pieces.insert(0, "")
        self._finish = finish
        self._next = 0

    def next_token(self) -> Sampled:
        i = self._next
        self._next += 1
        if i >= len(self._pieces):
            return Sampled(0, "", self._finish)
        last = i == len(self._pieces) - 1
        return Sampled(self._ids[i], self._pieces[i], self._finish if last else None)

    def flush(self) -> str:
        return ""


def natural_length(rng: random.Random, low: int, high: int, min_tokens: int) -> int:
    return max(rng.randint(low, high), min_tokens, 1)


def json_document(rng: random.Random, schema: Mapping[str, Any] | None) -> str:
    """A small JSON object text; it follows ``schema`` for the common JSON Schema keywords."""
    if not schema:
        value: Any = {"answer": _phrase(rng), "simulated": True}
    else:
        value = _value(rng, schema, depth=0)
        if not isinstance(value, dict):
            value = {"value": value}
    return orjson.dumps(value).decode()


def _phrase(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 3)))


def _value(rng: random.Random, schema: Mapping[str, Any], depth: int) -> Any:
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return rng.choice(schema["enum"])
    for key in ("anyOf", "oneOf", "allOf"):
        options = schema.get(key)
        if isinstance(options, list) and options and isinstance(options[0], Mapping):
            return _value(rng, options[0], depth)
    kind = schema.get("type", "object" if "properties" in schema else "string")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object":
        properties = schema.get("properties")
        if depth >= 4 or not isinstance(properties, Mapping):
            return {}
        return {
            str(name): _value(rng, sub if isinstance(sub, Mapping) else {}, depth + 1)
            for name, sub in properties.items()
        }
    if kind == "array":
        items = schema.get("items")
        count = max(1, int(schema.get("minItems", 1)))
        if depth >= 4 or not isinstance(items, Mapping):
            return []
        return [_value(rng, items, depth + 1) for _ in range(min(count, 3))]
    if kind == "integer":
        return rng.randint(int(schema.get("minimum", 0)), int(schema.get("maximum", 100)))
    if kind == "number":
        return round(rng.uniform(0, 100), 2)
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "null":
        return None
    return _phrase(rng)
