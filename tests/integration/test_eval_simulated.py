"""A 150-item run against two simulated backends (``kind: simulator``) with concurrency 8:
every answer arrives, is checked and stored. How long it takes is measured by
benchmarks/eval/run.py, not asserted here."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bastion.evaluation.dataset import parse_item
from bastion.evaluation.runner import EvalRunner, create_run, execute_run
from bastion.evaluation.service import gateway_pricer
from bastion.evaluation.transport import HttpTransport
from bastion.store.store import Store
from tests.conftest import ADMIN_KEY, GatewayFactory

TARGETS = ["sim-a/bastion-sim", "sim-b/bastion-sim"]


def items(count: int) -> list[Any]:
    """Two in three with checks the simulator's filler text passes, one in three an exact
    answer it cannot give."""
    made = []
    for n in range(count):
        context = " ".join(f"Fact {i}." for i in range(1 + (n * 7) % 40))
        checks = (
            [{"kind": "exact", "expected": f"answer {n}"}]
            if n % 3 == 2
            else [{"kind": "length", "min_words": 1}, {"kind": "regex", "pattern": r"\w+"}]
        )
        line = {"id": f"sim-{n:03d}", "checks": checks,
                "messages": [{"role": "user", "content": f"{context} Question {n}?"}]}  # fmt: skip
        made.append(parse_item(line))
    return made


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(f"sqlite+aiosqlite:///{tmp_path}/runs.db", listen=False)
    yield opened
    await opened.close()


@pytest.mark.slow
async def test_150_items_against_two_simulated_backends(
    start_gateway: GatewayFactory, store: Store
) -> None:
    gateway = start_gateway(
        {
            # Ten times real time: what is checked here is that every answer arrives.
            "sim-a": {
                "kind": "simulator",
                "location": "local",
                "simulator": {"seed": 1, "time_scale": 10},
            },
            "sim-b": {
                "kind": "simulator",
                "location": "local",
                "simulator": {"seed": 2, "time_scale": 10},
            },
        }
    )
    dataset = items(150)
    spec = await create_run(
        store.evals, dataset="simulated", dataset_sha256="0" * 64, items=dataset,
        targets=TARGETS, concurrency=8,
    )  # fmt: skip
    pricer = gateway_pricer(gateway.gateway.config, gateway.gateway.backends)
    runner = EvalRunner(HttpTransport(gateway.url), store.evals, key=ADMIN_KEY, pricer=pricer)
    try:
        outcome = await execute_run(runner, store.evals, spec, dataset)
    finally:
        await runner._transport.close()
    assert outcome.status == "completed"
    assert len(outcome.results) == 300
    for target in TARGETS:
        totals = outcome.totals["per_target"][target]
        assert (totals["results"], totals["passed"], totals["failed"], totals["errors"]) == (
            150, 100, 50, 0
        )  # fmt: skip
        # The simulator is priced at nothing, and says so.
        assert totals["cost_usd"] == "0"
        assert totals["simulated"] is True
    assert all(r.answer.ttft is not None and r.answer.output_tokens > 0 for r in outcome.results)


async def test_a_run_on_the_simulator_is_reported_as_simulated(
    start_gateway: GatewayFactory, store: Store
) -> None:
    from bastion.cli.eval import _simulated
    from bastion.evaluation.report import build_report, render_text

    gateway = start_gateway(
        {"sim-a": {"kind": "simulator", "location": "local",
                   "simulator": {"seed": 1, "time_scale": 100}}}
    )  # fmt: skip
    dataset = items(3)
    spec = await create_run(
        store.evals, dataset="simulated", dataset_sha256="0" * 64, items=dataset,
        targets=TARGETS[:1],
    )  # fmt: skip
    runner = EvalRunner(HttpTransport(gateway.url), store.evals, key=ADMIN_KEY)
    try:
        await execute_run(runner, store.evals, spec, dataset)
    finally:
        await runner._transport.close()
    run = await store.evals.get(spec.run_id)
    assert run is not None
    assert _simulated(run) == ["sim-a/bastion-sim"]
    report = build_report(spec, dataset, await store.evals.results(spec.run_id),
                          simulated=_simulated(run))  # fmt: skip
    assert "sim-a/bastion-sim (simulated)" in render_text(report)
