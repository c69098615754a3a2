"""Load shapes and the schedule they make.

- ``synchronous``: one request at a time, the next as soon as the previous ends;
- ``concurrency:N``: N requests in flight at all times (closed loop);
- ``constant:R``: R requests a second, evenly spaced (open loop);
- ``poisson:R``: R a second on average, exponential gaps (open loop);
- ``gamma:R:B``: gaps drawn from a gamma distribution of shape B and mean 1/R, as vLLM's
  ``--burstiness`` (B < 1 bursty, B = 1 Poisson, B > 1 more regular);
- ``replay`` or ``replay:S``: recorded arrival times (prompts replayed from the ledger), S times
  faster (open loop).

A run is bounded by a number of requests and a time: the schedule ends at whichever comes first.
Open-loop shapes send at the scheduled times whatever the server does.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["synchronous", "concurrency", "constant", "poisson", "gamma", "replay"]
KINDS: tuple[Kind, ...] = ("synchronous", "concurrency", "constant", "poisson", "gamma", "replay")


class ShapeError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class LoadShape:
    kind: Kind
    rate: float | None = None  # requests per second (open-loop shapes)
    concurrency: int | None = None  # requests in flight (closed-loop shapes)
    burstiness: float = 1.0  # gamma's shape parameter
    speed: float = 1.0  # replay: how many times faster than recorded

    @property
    def open_loop(self) -> bool:
        return self.kind in ("constant", "poisson", "gamma", "replay")

    @property
    def slots(self) -> int:
        """Requests in flight of a closed-loop shape."""
        return 1 if self.kind == "synchronous" else int(self.concurrency or 1)

    def describe(self) -> str:
        if self.kind == "synchronous":
            return "synchronous"
        if self.kind == "concurrency":
            return f"concurrency {self.concurrency}"
        if self.kind == "replay":
            return "replay of recorded arrivals" + (f", {self.speed:g}x" if self.speed != 1 else "")
        text = f"{self.kind} {self.rate:g} req/s"
        return text + (f", burstiness {self.burstiness:g}" if self.kind == "gamma" else "")

    def label(self) -> str:
        if self.kind == "synchronous":
            return "sync"
        if self.kind == "concurrency":
            return f"c={self.concurrency}"
        if self.kind == "replay":
            return f"replay {self.speed:g}x"
        return f"{self.rate:g}/s"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "rate": self.rate,
            "concurrency": self.concurrency,
            "burstiness": self.burstiness,
            "speed": self.speed,
            "description": self.describe(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LoadShape:
        return cls(
            data["kind"],
            data.get("rate"),
            data.get("concurrency"),
            data.get("burstiness", 1.0),
            data.get("speed", 1.0),
        )


def parse_shape(text: str) -> LoadShape:
    """``synchronous``, ``concurrency:8``, ``constant:20``, ``poisson:20``, ``gamma:20:0.5``,
    ``replay``, ``replay:10``."""
    kind, *args = [part.strip() for part in text.strip().lower().split(":")]
    try:
        if kind == "replay" and len(args) <= 1:
            speed = float(args[0]) if args else 1.0
            if speed > 0:
                return LoadShape("replay", speed=speed)
        if kind in ("synchronous", "sync") and not args:
            return LoadShape("synchronous")
        if kind == "concurrency" and len(args) == 1:
            n = int(args[0])
            if n >= 1:
                return LoadShape("concurrency", concurrency=n)
        if kind in ("constant", "poisson") and len(args) == 1:
            rate = float(args[0])
            if rate > 0:
                return LoadShape(kind, rate=rate)  # type: ignore[arg-type]
        if kind == "gamma" and len(args) in (1, 2):
            rate = float(args[0])
            burstiness = float(args[1]) if len(args) == 2 else 1.0
            if rate > 0 and burstiness > 0:
                return LoadShape("gamma", rate=rate, burstiness=burstiness)
    except ValueError:
        pass
    raise ShapeError(
        f"{text!r}: write synchronous, concurrency:N, constant:RATE, poisson:RATE or "
        "gamma:RATE:BURSTINESS (RATE in requests/s, positive) or replay[:SPEED]"
    )


@dataclass(frozen=True, slots=True)
class Bounds:
    """Stop scheduling after ``max_requests`` or ``duration`` seconds, whichever comes first."""

    max_requests: int | None = None
    duration: float | None = None

    def __post_init__(self) -> None:
        if self.max_requests is None and self.duration is None:
            raise ShapeError("bound a run by a number of requests, a duration, or both")


def arrivals(shape: LoadShape, bounds: Bounds, seed: int = 0) -> Iterator[float]:
    """Scheduled send times (seconds from the start) of an open-loop shape."""
    if shape.kind == "replay":
        raise ShapeError("a replay's schedule is the recorded arrival times of its prompts")
    if not shape.open_loop or not shape.rate:
        raise ShapeError(f"{shape.describe()} has no schedule of its own: it is closed-loop")
    rng = random.Random(seed)
    rate = shape.rate
    limit = bounds.max_requests
    at = 0.0
    count = 0
    while limit is None or count < limit:
        if bounds.duration is not None and at >= bounds.duration:
            return
        yield at
        count += 1
        if shape.kind == "constant":
            at = count / rate
        elif shape.kind == "poisson":
            at += rng.expovariate(rate)
        else:
            at += rng.gammavariate(shape.burstiness, 1.0 / (rate * shape.burstiness))
