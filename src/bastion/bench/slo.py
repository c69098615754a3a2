"""Service level objectives for goodput: ``ttft=500ms,tpot=50ms,e2e=2s``.

As in vLLM's ``--goodput``: a request is *good* when every stated figure of it is at or below
its objective; TPOT counts as 0 for answers of one token. ``itl`` applies to a request's
largest gap between output chunks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

METRICS = ("ttft", "tpot", "itl", "e2e")
_ALIASES = {"e2el": "e2e"}
_VALUE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$")


class SloError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Slo:
    """Objectives in seconds; None: not constrained."""

    ttft: float | None = None
    tpot: float | None = None
    itl: float | None = None
    e2e: float | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.ttft, self.tpot, self.itl, self.e2e))

    def items(self) -> list[tuple[str, float]]:
        return [(name, v) for name in METRICS if (v := getattr(self, name)) is not None]

    def describe(self) -> str:
        return ", ".join(f"{name} <= {value * 1000:g} ms" for name, value in self.items())

    def to_json(self) -> dict[str, Any]:
        return {f"{name}_ms": value * 1000 for name, value in self.items()}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Slo:
        if not data:
            return cls()
        return cls(**{k.removesuffix("_ms"): float(v) / 1000 for k, v in data.items()})


def parse_slo(text: str | None) -> Slo:
    """``ttft=500ms,tpot=50ms`` (a bare number is milliseconds, ``s`` seconds)."""
    if not text or not text.strip():
        return Slo()
    values: dict[str, float] = {}
    for part in text.split(","):
        name, sep, raw = part.partition("=")
        key = _ALIASES.get(name.strip().lower(), name.strip().lower())
        if not sep or key not in METRICS:
            raise SloError(
                f"{part.strip()!r}: write NAME=VALUE with NAME one of {', '.join(METRICS)} "
                "(e.g. ttft=500ms,tpot=50ms)"
            )
        match = _VALUE.match(raw)
        if match is None:
            raise SloError(f"{part.strip()!r}: the value is a duration such as 500ms or 2s")
        number = float(match.group(1))
        values[key] = number if match.group(2) == "s" else number / 1000
    return Slo(**values)
