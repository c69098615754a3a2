"""Sweeps, as GuideLLM's ``sweep`` profile: find the saturation point, then measure at fractions
of it, and name the knee.

1. ``synchronous``: one request at a time, the unloaded latency and its rate;
2. ``throughput``: many requests in flight at once (``concurrency:N``), the most the target
   completes a second: its saturation throughput;
3. open-loop constant rates at fractions of that throughput.

The **knee** is the highest measured rate at which the target still kept up: its latency did
not grow during the level (the last third's median E2E within ``growth_limit`` of the first
third's), it answered at least ``min_completed`` of the requests, and, with an SLO, at least
``attainment`` of the requests met it. Past the knee a queue builds: latency grows for as long
as the load lasts, and goodput falls.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bastion.bench.shapes import LoadShape

DEFAULT_FRACTIONS = (0.2, 0.4, 0.6, 0.8, 0.9, 1.0, 1.1)
GROWTH_LIMIT = 1.5
MIN_COMPLETED = 0.99
DEFAULT_ATTAINMENT = 0.95


@dataclass(frozen=True, slots=True)
class KneeRules:
    growth_limit: float = GROWTH_LIMIT
    min_completed: float = MIN_COMPLETED
    attainment: float = DEFAULT_ATTAINMENT

    def to_json(self) -> dict[str, Any]:
        return {
            "growth_limit": self.growth_limit,
            "min_completed": self.min_completed,
            "attainment": self.attainment,
        }


def rate_levels(saturation: float, fractions: Sequence[float]) -> list[LoadShape]:
    return [
        LoadShape("constant", rate=round(saturation * fraction, 3))
        for fraction in fractions
        if saturation * fraction > 0
    ]


def kept_up(level: dict[str, Any], rules: KneeRules) -> tuple[bool, str]:
    """Whether one level's target kept up, and why not."""
    metrics = level["metrics"]
    requests = metrics["requests"] or 1
    if metrics["completed"] / requests < rules.min_completed:
        return False, f"answered {metrics['completed']} of {metrics['requests']} requests"
    growth = metrics.get("latency_growth")
    if growth is not None and growth > rules.growth_limit:
        return False, f"latency grew {growth:.2f}x during the level (a queue built up)"
    attainment = metrics.get("slo_attainment")
    if attainment is not None and attainment < rules.attainment:
        return False, f"{attainment:.1%} of requests met the SLO (< {rules.attainment:.0%})"
    return True, "kept up"


def find_knee(levels: Sequence[dict[str, Any]], rules: KneeRules) -> dict[str, Any] | None:
    """The knee among the open-loop levels of a run (by offered rate), or None."""
    rated = sorted(
        (
            (level["shape"]["rate"], index, level)
            for index, level in enumerate(levels)
            if level["shape"]["kind"] in ("constant", "poisson", "gamma")
        ),
        key=lambda item: item[0],
    )
    knee: dict[str, Any] | None = None
    verdicts = []
    for rate, index, level in rated:
        ok, why = kept_up(level, rules)
        verdicts.append({"level": index, "rate": rate, "kept_up": ok, "why": why})
        if ok:
            metrics = level["metrics"]
            knee = {
                "level": index,
                "rate": rate,
                "request_throughput": metrics["request_throughput"],
                "total_token_throughput": metrics["total_token_throughput"],
                "output_throughput": metrics["output_throughput"],
            }
    first_failure = next((v for v in verdicts if not v["kept_up"]), None)
    if knee is None:
        return {"level": None, "reason": "no rate level kept up", "levels": verdicts}
    return {
        **knee,
        "reason": (
            f"highest rate that kept up; the next level did not: {first_failure['why']}"
            if first_failure and first_failure["rate"] > knee["rate"]
            else "highest rate measured; every level kept up"
        ),
        "levels": verdicts,
    }
