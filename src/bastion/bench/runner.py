"""A whole benchmark: its load levels one after another, into one result document.

The document (JSON; stored by ``bastion bench`` and read back by the admin API) holds the
target, the prompts, the SLO, and for each level its load shape, its metrics and every
request's raw timings; with a sweep, the knee; and the capacity the run measured.
"""

from __future__ import annotations

import platform
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bastion import __version__
from bastion.bench import gateway
from bastion.bench.apis import ApiTarget
from bastion.bench.capacity import capacity_at_slo
from bastion.bench.metrics import DEFAULT_LAG_TOLERANCE, compute
from bastion.bench.prompts import PromptSource
from bastion.bench.sender import ProgressCallback, Sender
from bastion.bench.shapes import Bounds, LoadShape
from bastion.bench.slo import Slo
from bastion.bench.sweep import DEFAULT_FRACTIONS, KneeRules, find_knee, rate_levels

DOCUMENT_VERSION = 1
SIMULATED_NOTE = (
    "the endpoint answered as Bastion's simulator (x-bastion-simulated: true, or "
    "system_fingerprint bastion-sim): these figures are the simulator's timing model, not a "
    "measurement of an engine"
)


@dataclass(frozen=True, slots=True)
class SweepPlan:
    """Synchronous, then ``concurrency`` in flight for the saturation, then rates at
    ``fractions`` of it."""

    concurrency: int = 64
    fractions: tuple[float, ...] = DEFAULT_FRACTIONS
    rules: KneeRules = field(default_factory=KneeRules)


@dataclass(frozen=True, slots=True)
class BenchSpec:
    target: ApiTarget
    prompts: PromptSource
    bounds: Bounds
    shapes: tuple[LoadShape, ...] = ()
    sweep: SweepPlan | None = None
    slo: Slo = field(default_factory=Slo)
    seed: int = 0
    name: str | None = None
    lag_tolerance: float = DEFAULT_LAG_TOLERANCE
    connections: int = 4096
    timeout: float = 600.0


LevelCallback = Callable[[dict[str, Any]], None]


def new_run_id() -> str:
    return "bench_" + uuid.uuid4().hex[:16]


async def run_bench(
    spec: BenchSpec,
    *,
    progress: ProgressCallback | None = None,
    on_level: LevelCallback | None = None,
) -> dict[str, Any]:
    if not spec.shapes and spec.sweep is None:
        raise ValueError("give load shapes or a sweep")
    document = header(spec)
    levels: list[dict[str, Any]] = document["levels"]
    async with Sender(
        spec.target,
        spec.prompts,
        connections=spec.connections,
        timeout=spec.timeout,
        lag_tolerance=spec.lag_tolerance,
    ) as sender:

        async def level(shape: LoadShape) -> dict[str, Any]:
            started = datetime.now(UTC)
            before = await gateway.scrape(sender.session, spec.target.base_url)
            records = await sender.run(shape, spec.bounds, seed=spec.seed, progress=progress)
            after = await gateway.scrape(sender.session, spec.target.base_url) if before else None
            metrics = compute(records, spec.slo, lag_tolerance=spec.lag_tolerance)
            view = gateway.delta(before, after) if before and after else None
            if view is not None:
                e2e = metrics.e2e.mean * 1000 if metrics.e2e is not None else None
                view["overhead_share_of_e2e"] = gateway.share(view, e2e)
            result = {
                "shape": shape.to_json(),
                "started_at": started.isoformat(),
                "metrics": metrics.to_json(),
                # The gateway's own view of the level, when the target is Bastion.
                "gateway": view,
                "requests": [r.to_json() for r in records],
            }
            levels.append(result)
            if on_level is not None:
                on_level(result)
            return result

        if spec.sweep is not None:
            plan = spec.sweep
            await level(LoadShape("synchronous"))
            saturated = await level(LoadShape("concurrency", concurrency=plan.concurrency))
            saturation = float(saturated["metrics"]["request_throughput"])
            document["sweep"] = {
                "synchronous_rate": levels[0]["metrics"]["request_throughput"],
                "saturation_rate": saturation,
                "concurrency": plan.concurrency,
                "fractions": list(plan.fractions),
                "rules": plan.rules.to_json(),
            }
            for shape in rate_levels(saturation, plan.fractions):
                await level(shape)
            document["sweep"]["knee"] = find_knee(levels, plan.rules)
        for shape in spec.shapes:
            await level(shape)
    finish(document, spec.sweep.rules.attainment if spec.sweep else None)
    return document


def header(spec: BenchSpec) -> dict[str, Any]:
    return {
        "object": "bench.run",
        "version": DOCUMENT_VERSION,
        "id": new_run_id(),
        "name": spec.name,
        "created_at": datetime.now(UTC).isoformat(),
        "finished_at": None,
        "target": spec.target.describe(),
        "prompts": spec.prompts.describe(),
        "bounds": {"max_requests": spec.bounds.max_requests, "duration_s": spec.bounds.duration},
        "slo": spec.slo.to_json(),
        "seed": spec.seed,
        "generator": {
            "bastion": __version__,
            "python": platform.python_version(),
            "connections": spec.connections,
            "timeout_s": spec.timeout,
            "lag_tolerance_ms": spec.lag_tolerance * 1000,
        },
        "levels": [],
        "sweep": None,
        "capacity": None,
        "notes": [],
    }


def finish(document: dict[str, Any], attainment: float | None = None) -> None:
    document["finished_at"] = datetime.now(UTC).isoformat()
    document["capacity"] = (
        capacity_at_slo(document, attainment) if attainment else capacity_at_slo(document)
    )
    simulated = answered_by_simulator(document["levels"])
    document["simulated"] = simulated
    document["notes"] = ([SIMULATED_NOTE] if simulated else []) + notes(document["levels"])


def answered_by_simulator(levels: Sequence[dict[str, Any]]) -> bool:
    """Whether any answer said it came from Bastion's simulator."""
    return any(r.get("simulated") for level in levels for r in level.get("requests") or ())


def notes(levels: Sequence[dict[str, Any]]) -> list[str]:
    out = []
    for level in levels:
        metrics = level["metrics"]
        label = level["shape"]["description"]
        if not metrics.get("kept_schedule", True):
            lag = metrics.get("schedule_lag_ms") or {}
            out.append(
                f"{label}: the generator fell behind its own schedule: "
                f"{metrics['late_requests']} of {metrics['requests']} requests were sent more "
                f"than {metrics['lag_tolerance_ms']:g} ms late (lag p99 {lag.get('p99', 0):.1f} "
                f"ms, max {lag.get('max', 0):.1f} ms); their latencies still count from the "
                "scheduled time"
            )
        if metrics.get("output_tokens_counted_from_chunks"):
            out.append(
                f"{label}: {metrics['output_tokens_counted_from_chunks']} answers had no usage; "
                "their output tokens were counted as output chunks"
            )
    return out


def strip_requests(document: dict[str, Any]) -> dict[str, Any]:
    """The document without the per-request timings (summaries only)."""
    return {
        **document,
        "levels": [
            {k: v for k, v in level.items() if k != "requests"} for level in document["levels"]
        ],
    }
