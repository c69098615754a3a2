"""Deterministic output: filler words that end by themselves or at a stop string, and scripted
outputs (JSON documents, tool calls; see :mod:`bastion.sim.schema_values`).

Every generated piece is exactly one token of :mod:`bastion.sim.tokenizer`, so the number of
tokens the engine generates is the number of tokens in the text. The same seed and the same
request always give the same output.
"""

from __future__ import annotations

import hashlib
import math
import random
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from bastion.sim import tokenizer
from bastion.sim.config import SimConfig

FinishReason = Literal["stop", "length", "tool_calls", "abort"]

# At most seven letters each, so each word with its leading space is one token.
# fmt: off
WORDS = (
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

    @property
    def matched_stop(self) -> str | None:
        """The stop string that ended the output, if one did (vLLM's ``stop_reason``)."""
        ...

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
        self.matched: str | None = None

    def push(self, piece: str) -> tuple[str, bool]:
        if not self._stops:
            return piece, False
        buffer = self._pending + piece
        # The earliest match wins; at the same position, the first stop string listed.
        hits = [(at, k) for k, stop in enumerate(self._stops) if (at := buffer.find(stop)) >= 0]
        if hits:
            at, k = min(hits)
            self._pending = ""
            self.matched = self._stops[k]
            return buffer[:at], True
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
        word = self._rng.choice(WORDS)
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

    @property
    def matched_stop(self) -> str | None:
        return self._stops.matched

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

    @property
    def matched_stop(self) -> str | None:
        return None

    def flush(self) -> str:
        return ""


def natural_length(rng: random.Random, config: SimConfig, min_tokens: int = 0) -> int:
    """Where an answer ends by itself, in tokens: seeded by ``rng``, shaped by ``config``."""
    low, high = config.output_len_min, config.output_len_max
    if config.output_len_distribution == "uniform":
        length = rng.randint(low, high)
    else:
        drawn = rng.lognormvariate(math.log(config.output_len_median), config.output_len_sigma)
        length = min(max(round(drawn), low), high)
    return max(length, min_tokens, 1)
