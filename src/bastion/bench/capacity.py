"""What a run says a backend can serve: tokens per second at the SLO.

Of the run's levels that the generator sent on schedule and the target answered, the one with
the most total (input + output) tokens a second, among those where at least ``attainment`` of
the requests met the SLO (every level, without an SLO). Per GPU, it is that figure over the
GPUs serving the target; ``bastion bench record-capacity`` stores it as the backend's measured
capacity, which ``bastion cost`` then uses.
"""

from __future__ import annotations

from typing import Any

from bastion.bench.sweep import DEFAULT_ATTAINMENT


def capacity_at_slo(
    document: dict[str, Any], attainment: float = DEFAULT_ATTAINMENT
) -> dict[str, Any] | None:
    best: tuple[float, int, dict[str, Any]] | None = None
    for index, level in enumerate(document.get("levels") or ()):
        metrics = level["metrics"]
        if not metrics["completed"] or not metrics.get("kept_schedule", True):
            continue
        met = metrics.get("slo_attainment")
        if met is not None and met < attainment:
            continue
        value = float(metrics["total_token_throughput"])
        if best is None or value > best[0]:
            best = (value, index, level)
    if best is None:
        return None
    value, index, level = best
    metrics = level["metrics"]
    slo = document.get("slo") or {}
    return {
        "level": index,
        "shape": level["shape"]["description"],
        "total_tokens_per_second": value,
        "output_tokens_per_second": float(metrics["output_throughput"]),
        "request_throughput": float(metrics["request_throughput"]),
        "slo": slo,
        "slo_attainment": metrics.get("slo_attainment"),
        "attainment_required": attainment if slo else None,
        "basis": (
            f"the level with the most tokens/s among those where at least {attainment:.0%} of "
            "requests met the SLO"
            if slo
            else "the level with the most tokens/s (no SLO given: the saturation throughput)"
        ),
    }
