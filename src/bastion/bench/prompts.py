"""Where a run's prompts come from: synthetic text of controlled token lengths, a JSONL file,
or the shapes of recorded traffic (``replay``).

Synthetic prompts are made of short common English words, each one token for the simulator's
tokenizer (so lengths are exact there) and for the usual BPE vocabularies (close elsewhere;
the server's reported ``usage`` is what the metrics count). ``prefix_share`` of each prompt is
the same for every request (a shared system prompt, for prefix-cache tests); the rest is drawn
per request from a generator seeded with the run's seed and the request's index. The lengths
are those of the user text: a chat template adds a few tokens (7 on the simulator).
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

# One token each for the simulator and for common BPE vocabularies.
_WORD_LIST = (
    "the of and to in is that it for on was with as at by be this are from or have an they "
    "which one you had not but what all were when we there can more if no out so said time up "
    "use about many then them these she some her would make like him into has look two other "
    "see way could people than first been call who its now find long down day did get come made "
    "may part over new sound take only little work know place year live me back give most very "
    "after thing our just name good man think say great where help through much before line "
    "right too mean old any same tell boy follow came want show also around form three small set "
    "put end does another well large must big even such because turn here why ask went men read "
    "need land home us move try kind hand picture again change off play spell air away "
    "animal house point page letter mother answer found study still learn should world high"
)
WORDS = tuple(_WORD_LIST.split())


class PromptError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class BenchPrompt:
    text: str
    # Prompt tokens of the text, when the source knows them.
    input_tokens: int | None = None
    # Output tokens to ask for (max_tokens); None: the server decides.
    max_tokens: int | None = None
    # Replayed traffic: when it arrived (seconds after the first request) and whose it was.
    at: float | None = None
    tenant: str | None = None
    # A JSONL line may give the conversation itself (chat-shaped APIs use it as it is).
    messages: tuple[dict[str, Any], ...] | None = None


class PromptSource(Protocol):
    def prompt(self, index: int) -> BenchPrompt: ...

    def describe(self) -> dict[str, Any]: ...


# The longest prompt or answer asked for: past the longest context windows (a prompt of this
# many words is built in memory; 10^11 of them would never be).
MAX_TOKENS = 2_000_000


@dataclass(frozen=True, slots=True)
class Lengths:
    """A token length distribution: ``fixed``, ``uniform`` in [low, high], or ``normal``."""

    kind: Literal["fixed", "uniform", "normal"]
    low: int
    high: int = 0
    sd: float = 0.0

    def draw(self, rng: random.Random) -> int:
        if self.kind == "fixed":
            return self.low
        if self.kind == "uniform":
            return rng.randint(self.low, self.high)
        return min(MAX_TOKENS, max(1, round(rng.gauss(self.low, self.sd))))

    @property
    def mean(self) -> float:
        return (self.low + self.high) / 2 if self.kind == "uniform" else float(self.low)

    def describe(self) -> str:
        if self.kind == "fixed":
            return str(self.low)
        if self.kind == "uniform":
            return f"{self.low}..{self.high}"
        return f"normal:{self.low}:{self.sd:g}"


def parse_lengths(text: str) -> Lengths:
    """``512``, ``256..1024`` (uniform) or ``normal:512:64``; counts up to ``MAX_TOKENS``."""
    try:
        lengths = _lengths(text.strip().lower())
    except ValueError:
        lengths = None
    if lengths is None:
        raise PromptError(
            f"{text!r}: write a token count (512), a range (256..1024) or normal:MEAN:SD"
        )
    if max(lengths.low, lengths.high, lengths.sd) > MAX_TOKENS:
        raise PromptError(f"{text!r}: at most {MAX_TOKENS:,} tokens")
    return lengths


def _lengths(value: str) -> Lengths | None:
    if value.startswith("normal:"):
        _, mean, sd = value.split(":")
        if int(mean) >= 1 and 0 <= float(sd) < math.inf:
            return Lengths("normal", int(mean), sd=float(sd))
    elif ".." in value:
        low, high = (int(part) for part in value.split(".."))
        if 1 <= low <= high:
            return Lengths("uniform", low, high)
    elif int(value) >= 1:
        return Lengths("fixed", int(value))
    return None


def words(rng: random.Random, count: int) -> list[str]:
    return [rng.choice(WORDS) for _ in range(count)]


@dataclass(frozen=True, slots=True)
class SyntheticPrompts:
    input_lengths: Lengths
    output_lengths: Lengths | None
    prefix_share: float = 0.0
    seed: int = 0

    def __post_init__(self) -> None:
        if not 0.0 <= self.prefix_share <= 1.0:
            raise PromptError("the shared-prefix share lies between 0 and 1")

    def prompt(self, index: int) -> BenchPrompt:
        rng = random.Random(f"{self.seed}:{index}")
        length = self.input_lengths.draw(rng)
        shared = min(length, round(length * self.prefix_share))
        prefix = words(random.Random(f"{self.seed}:prefix"), shared)
        text = " ".join(prefix + words(rng, length - shared))
        output = self.output_lengths.draw(rng) if self.output_lengths else None
        return BenchPrompt(text, input_tokens=length, max_tokens=output)

    def describe(self) -> dict[str, Any]:
        return {
            "kind": "synthetic",
            "input_tokens": self.input_lengths.describe(),
            "output_tokens": self.output_lengths.describe() if self.output_lengths else None,
            "prefix_share": self.prefix_share,
            "seed": self.seed,
        }


@dataclass(frozen=True, slots=True)
class ListedPrompts:
    """Prompts taken in turn, from the start again when they run out."""

    prompts: tuple[BenchPrompt, ...]
    origin: dict[str, Any]

    def __post_init__(self) -> None:
        if not self.prompts:
            raise PromptError("no prompts")

    def prompt(self, index: int) -> BenchPrompt:
        return self.prompts[index % len(self.prompts)]

    def describe(self) -> dict[str, Any]:
        return {**self.origin, "prompts": len(self.prompts)}


def load_jsonl(path: Path, *, max_tokens: int | None = None) -> ListedPrompts:
    """One object a line: ``prompt`` (text) or ``messages`` (a chat), optionally
    ``max_tokens`` (or ``output_tokens``) and ``input_tokens``."""
    prompts: list[BenchPrompt] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PromptError(f"cannot read {path}: {exc.strerror or exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PromptError(f"{path}:{number}: not JSON ({exc.msg})") from None
        prompts.append(_jsonl_prompt(data, f"{path}:{number}", max_tokens))
    return ListedPrompts(tuple(prompts), {"kind": "jsonl", "path": str(path)})


def _jsonl_prompt(data: Any, where: str, max_tokens: int | None) -> BenchPrompt:
    if not isinstance(data, dict):
        raise PromptError(f"{where}: each line is a JSON object")
    messages = data.get("messages")
    prompt = data.get("prompt")
    if isinstance(messages, list) and messages and all(isinstance(m, dict) for m in messages):
        text = _last_user_text(messages)
        conversation: tuple[dict[str, Any], ...] | None = tuple(messages)
    elif isinstance(prompt, str) and prompt:
        text, conversation = prompt, None
    else:
        raise PromptError(f"{where}: give 'prompt' (text) or 'messages' (a list of messages)")
    limit = data.get("max_tokens", data.get("output_tokens", max_tokens))
    tokens = data.get("input_tokens")
    for name, value in (("max_tokens", limit), ("input_tokens", tokens)):
        if value is not None and (not isinstance(value, int) or value < 1):
            raise PromptError(f"{where}: {name} is a positive whole number")
    return BenchPrompt(text, input_tokens=tokens, max_tokens=limit, messages=conversation)


def _last_user_text(messages: Sequence[dict[str, Any]]) -> str:
    for message in reversed(messages):
        content = message.get("content")
        if message.get("role") == "user" and isinstance(content, str):
            return content
    return ""
