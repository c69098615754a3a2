"""Summary statistics as vLLM's benchmark_serving computes them (numpy's defaults).

``percentile`` interpolates linearly between the two nearest ranks (``numpy.percentile``'s
default method); ``std`` is the population standard deviation (``numpy.std``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

PERCENTILES = (50.0, 90.0, 95.0, 99.0)


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ascending ``sorted_values``; NaN when empty."""
    if not sorted_values:
        return math.nan
    rank = q / 100.0 * (len(sorted_values) - 1)
    low = math.floor(rank)
    high = min(low + 1, len(sorted_values) - 1)
    fraction = rank - low
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * fraction


@dataclass(frozen=True, slots=True)
class Stats:
    """Of a sample of durations in seconds."""

    count: int
    mean: float
    std: float
    minimum: float
    maximum: float
    percentiles: tuple[tuple[float, float], ...]

    @property
    def median(self) -> float:
        return self.at(50.0)

    def at(self, q: float) -> float:
        for point, value in self.percentiles:
            if point == q:
                return value
        raise KeyError(q)

    def to_json(self, scale: float = 1000.0) -> dict[str, Any]:
        """Milliseconds by default, rounded to microseconds."""
        data: dict[str, Any] = {
            "count": self.count,
            "mean": _round(self.mean * scale),
            "median": _round(self.median * scale),
            "std": _round(self.std * scale),
            "min": _round(self.minimum * scale),
            "max": _round(self.maximum * scale),
        }
        for point, value in self.percentiles:
            if point != 50.0:
                data[f"p{point:g}"] = _round(value * scale)
        return data


def _round(value: float) -> float:
    return round(value, 3)


def summarise(values: Sequence[float], points: Sequence[float] = PERCENTILES) -> Stats | None:
    """None for an empty sample."""
    if not values:
        return None
    ordered = sorted(values)
    count = len(ordered)
    mean = math.fsum(ordered) / count
    variance = math.fsum((v - mean) ** 2 for v in ordered) / count
    return Stats(
        count=count,
        mean=mean,
        std=math.sqrt(variance),
        minimum=ordered[0],
        maximum=ordered[-1],
        percentiles=tuple((float(q), percentile(ordered, q)) for q in sorted({50.0, *points})),
    )
