"""Early stopping through a real gateway and the scripted engine: a run stops taking items at
the check point where every candidate's interval is narrow enough, sending fewer requests than
the dataset has (counted by the engine), lets the requests in flight finish, ends
``stopped_early`` and stays stopped when resumed; a run without a rule sends everything. The
same through ``bastion eval run`` and ``POST /admin/evals``."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from bastion.evaluation.dataset import item_line, write_dataset
from bastion.evaluation.model import Answer, EarlyStopRule, EvalItem, ItemResult, RunSpec
from bastion.evaluation.runner import EvalRunner, RunOutcome, create_run, execute_run
from bastion.evaluation.stats import early_stop, paired_difference
from bastion.evaluation.transport import HttpTransport
from bastion.store.store import Store
from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.eval_upstream import EvalUpstream, expected_pass, golden_items
from tests.servers import start_server

ITEMS = golden_items(300)
CONCURRENCY = 4
ADMIN = {"authorization": f"Bearer {ADMIN_KEY}"}


@pytest.fixture
def upstream() -> Iterator[tuple[EvalUpstream, str]]:
    engine = EvalUpstream()
    server = start_server(engine.app)
    yield engine, server.url
    server.stop()


def engines(url: str) -> dict[str, Any]:
    """The scripted engine twice: ``eng/right`` and ``cloud/right`` answer identically."""
    return {
        name: {
            "kind": "openai-compatible",
            "location": location,
            "base_url": url + "/v1",
            "models": ["*"],
            "circuit_breaker": {"enabled": False},
        }
        for name, location in (("eng", "local"), ("cloud", "external"))
    }


@pytest.fixture
def gateway(
    upstream: tuple[EvalUpstream, str], start_gateway: GatewayFactory, tmp_path: Path
) -> RunningGateway:
    return start_gateway(
        engines(upstream[1]),
        evaluation={"datasets_dir": str(tmp_path / "datasets")},
        guardrails={"injection": {"enabled": False}},
    )


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(f"sqlite+aiosqlite:///{tmp_path}/eval.db", listen=False)
    yield opened
    await opened.close()


async def run(
    gateway: RunningGateway,
    store: Store,
    spec: RunSpec,
    items: list[EvalItem] = ITEMS,
) -> RunOutcome:
    going = EvalRunner(HttpTransport(gateway.url), store.evals, key=ADMIN_KEY, retry_delay=0.01)
    try:
        return await execute_run(going, store.evals, spec, items)
    finally:
        await going._transport.close()


async def new_run(store: Store, targets: list[str], rule: EarlyStopRule | None) -> RunSpec:
    return await create_run(
        store.evals, dataset="golden", dataset_sha256="0" * 64, items=ITEMS, targets=targets,
        concurrency=CONCURRENCY, early_stop=rule,
    )  # fmt: skip


def sent(engine: EvalUpstream) -> int:
    return sum(engine.received.values())


def answered_items(results: list[ItemResult]) -> dict[str, set[str]]:
    by_item: dict[str, set[str]] = {}
    for r in results:
        by_item.setdefault(r.item_id, set()).add(r.target)
    return by_item


async def test_an_identical_candidate_stops_at_a_check_point_and_stays_stopped(
    gateway: RunningGateway, store: Store, upstream: tuple[EvalUpstream, str]
) -> None:
    engine, _ = upstream
    targets = ["eng/right", "cloud/right"]
    rule = EarlyStopRule(max_width=0.1, check_every=25, min_items=30)
    spec = await new_run(store, targets, rule)
    outcome = await run(gateway, store, spec)
    assert outcome.status == "stopped_early"
    assert outcome.stopped is not None
    # 25 paired items are fewer than 30; at the check after 50 the interval is [0, 0].
    assert outcome.stopped.at_items == 50
    assert "the interval's width 0.0000 is within 0.1" in outcome.stopped.reasons["cloud/right"]
    # The engine received fewer requests than the dataset has: the first 50 items, and those
    # started while they finished (in flight at the stop), each answered by both targets.
    requests = sent(engine)
    by_item = answered_items(outcome.results)
    assert requests == len(outcome.results) == 2 * len(by_item)
    assert all(answered == set(targets) for answered in by_item.values())
    assert {item.id for item in ITEMS[:50]} <= set(by_item)
    # No item is started more than the concurrency past a check point before it is taken.
    assert len(by_item) <= 50 + CONCURRENCY
    assert requests < 2 * len(ITEMS)
    stored = await store.evals.get(spec.run_id)
    assert stored is not None
    assert (stored.status, stored.error) == ("stopped_early", None)
    assert stored.finished_at is not None
    recorded = stored.totals["stopped_early"]
    assert recorded["at_items"] == 50
    assert recorded["not_sent"] == 2 * len(ITEMS) - requests
    assert stored.public_dict()["early_stop"] == {
        "max_width": 0.1, "margin": None, "check_every": 25, "min_items": 30
    }  # fmt: skip

    # Resumed, it stays stopped and sends nothing.
    again = await run(gateway, store, spec, await store.evals.items(spec.run_id))
    assert (again.status, sent(engine)) == ("stopped_early", requests)
    assert again.stopped == outcome.stopped
    # Even when its status was lost (killed after the stop), the stored answers decide the
    # same stop at the same check point.
    await store.evals.set_status(spec.run_id, "interrupted", error="interrupted")
    rederived = await run(gateway, store, spec)
    assert (rederived.status, sent(engine)) == ("stopped_early", requests)
    assert rederived.stopped is not None
    assert rederived.stopped.reasons == outcome.stopped.reasons
    stored = await store.evals.get(spec.run_id)
    assert stored is not None
    assert (stored.status, stored.totals["stopped_early"]["at_items"]) == ("stopped_early", 50)


def first_stop(baseline: str, candidate: str, rule: EarlyStopRule) -> int:
    """The check point at which the scripted answers imply a stop."""
    passes = {t: expected_pass(t, ITEMS) for t in (baseline, candidate)}
    for count in range(rule.check_every, len(ITEMS), rule.check_every):
        results = [
            ItemResult(item.id, target, Answer(target, 200), passed=item.id in passes[target])
            for item in ITEMS[:count]
            for target in (baseline, candidate)
        ]
        difference = paired_difference(results, candidate, baseline)
        if early_stop(difference, max_width=rule.max_width, min_items=rule.min_items).stop:
            return count
    raise AssertionError("the script implies no stop")


async def test_a_differing_candidate_stops_once_its_interval_is_narrow_enough(
    gateway: RunningGateway, store: Store, upstream: tuple[EvalUpstream, str]
) -> None:
    """The refuser fails one item in six: the interval narrows as items come in, and the run
    stops at the first check point where it is at most 0.1 wide — not before, not between."""
    engine, _ = upstream
    rule = EarlyStopRule(max_width=0.1, check_every=25)
    expected = first_stop("right", "refuser", rule)
    assert 100 < expected < len(ITEMS)
    spec = await new_run(store, ["eng/right", "eng/refuser"], rule)
    outcome = await run(gateway, store, spec)
    assert outcome.status == "stopped_early"
    assert outcome.stopped is not None
    assert outcome.stopped.at_items == expected
    assert outcome.stopped.paired == {"eng/refuser": expected}
    by_item = answered_items(outcome.results)
    assert {item.id for item in ITEMS[:expected]} <= set(by_item)
    assert len(by_item) <= expected + CONCURRENCY
    assert sent(engine) == len(outcome.results) == 2 * len(by_item) < 2 * len(ITEMS)


async def test_a_run_without_early_stopping_sends_everything(
    gateway: RunningGateway, store: Store, upstream: tuple[EvalUpstream, str]
) -> None:
    engine, _ = upstream
    spec = await new_run(store, ["eng/right", "cloud/right"], None)
    outcome = await run(gateway, store, spec)
    assert (outcome.status, outcome.stopped) == ("completed", None)
    assert sent(engine) == len(outcome.results) == 2 * len(ITEMS)
    stored = await store.evals.get(spec.run_id)
    assert stored is not None
    assert "stopped_early" not in stored.totals
    assert stored.public_dict()["early_stop"] is None


def test_the_command_stops_early_and_reports_why(
    tmp_path: Path, gateway: RunningGateway, upstream: tuple[EvalUpstream, str]
) -> None:
    from bastion.cli.main import _register_subcommands, cli

    if "eval" not in cli.commands:
        _register_subcommands()
    engine, _ = upstream
    items = ITEMS[:120]
    dataset = tmp_path / "golden.jsonl"
    write_dataset(items, dataset)
    env = {
        "BASTION_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/runs.db",
        "BASTION_URL": gateway.url,
        "BASTION_API_KEY": ADMIN_KEY,
        "BASTION_EVAL_LEDGER_WAIT": "0",  # the runs' database is not the gateway's
    }

    def invoke(*args: str) -> Any:
        return CliRunner().invoke(cli, ["eval", *args], env=env, catch_exceptions=False)

    out = tmp_path / "report"
    result = invoke(
        "run", str(dataset), "--target", "eng/right", "--target", "cloud/right",
        "--concurrency", str(CONCURRENCY), "--stop-when-width", "10%", "--check-every", "25",
        "--out", str(out), "--fail-under", "diff=-2%",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    run_id = next(w for w in result.output.split() if w.startswith("eval_")).rstrip(":")
    assert f"Run {run_id} (stopped_early)" in result.output
    assert "Note: the run stopped early at the check after 50 items (checks every 25)" in (
        " ".join(result.output.split())
    )
    report = json.loads((out / "report.json").read_text())
    assert report["status"] == "stopped_early"
    assert report["stopped_early"]["at_items"] == 50
    requests = sent(engine)
    assert requests < 2 * len(items)
    # Resumed: nothing more is sent, the report is the same run's.
    again = invoke("run", "--resume", run_id)
    assert again.exit_code == 0, again.output
    assert f"Run {run_id} (stopped_early)" in again.output
    assert sent(engine) == requests
    listed = invoke("list")
    assert "stopped_early" in listed.output
    # The options are checked before anything is sent.
    lone = invoke("run", str(dataset), "--target", "eng/right", "--check-every", "10")
    assert lone.exit_code == 2
    assert "apply with --stop-when-width or --stop-margin" in lone.output
    single = invoke("run", str(dataset), "--target", "eng/right", "--stop-margin", "-2%")
    assert single.exit_code == 2
    assert "name two targets or more" in single.output
    resumed_with = invoke("run", "--resume", run_id, "--stop-when-width", "0.2")
    assert resumed_with.exit_code == 2
    assert sent(engine) == requests


def test_the_admin_api_stops_early(
    gateway: RunningGateway, upstream: tuple[EvalUpstream, str]
) -> None:
    engine, _ = upstream
    items = ITEMS[:120]
    body = {
        "items": [item_line(item) for item in items],
        "targets": ["eng/right", "cloud/right"],
        "concurrency": CONCURRENCY,
        "stop_when_width": 0.1,
        "check_every": 25,
    }
    started = httpx.post(gateway.url + "/admin/evals", json=body, headers=ADMIN, timeout=10)
    assert started.status_code == 202, started.text
    assert started.json()["early_stop"] == {
        "max_width": 0.1, "margin": None, "check_every": 25, "min_items": 30
    }  # fmt: skip
    run_id = started.json()["id"]
    deadline = time.monotonic() + 60
    while True:
        done = httpx.get(f"{gateway.url}/admin/evals/{run_id}", headers=ADMIN, timeout=10).json()
        if done["status"] not in ("pending", "running"):
            break
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert done["status"] == "stopped_early"
    assert done["totals"]["stopped_early"]["at_items"] == 50
    assert sent(engine) == len(done["results"]) < 2 * len(items)
    lone = httpx.post(
        gateway.url + "/admin/evals", json={**body, "stop_when_width": None}, headers=ADMIN,
        timeout=10,
    )  # fmt: skip
    assert lone.status_code == 400
    assert "apply with 'stop_when_width' or 'stop_margin'" in lone.text
