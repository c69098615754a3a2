"""Evaluation runs through a real gateway against scripted engines whose answers are known:
pass rates, format violations, refusals and errors are what the script implies; timings are
measured; the ledger marks the traffic as evaluation; an interrupted run resumes without
sending finished items again and ends with the results of an uninterrupted run."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bastion.evaluation.model import ItemResult
from bastion.evaluation.runner import EvalError, EvalRunner, create_run, execute_run
from bastion.evaluation.transport import HttpTransport
from bastion.store.store import Store
from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.eval_upstream import EvalUpstream, expected_pass, golden_items
from tests.servers import start_server, wait_for

ITEMS = golden_items(36, anthropic_every=4)


@pytest.fixture
def upstream() -> Iterator[tuple[EvalUpstream, str]]:
    engine = EvalUpstream()
    server = start_server(engine.app)
    yield engine, server.url
    server.stop()


@pytest.fixture
def gateway(upstream: tuple[EvalUpstream, str], start_gateway: GatewayFactory) -> RunningGateway:
    _, url = upstream
    return start_gateway(
        {
            "eng": {
                "kind": "openai-compatible",
                "location": "local",
                "base_url": url + "/v1",
                "models": ["*"],
                # Scripted failures must not open the circuit for the other models.
                "circuit_breaker": {"enabled": False},
            },
            "cloud": {
                "kind": "openai-compatible",
                "location": "external",
                "base_url": url + "/v1",
                "api_key": "sk-upstream",
                "models": ["*"],
            },
        },
        # The scripted prompts (markers in brackets) read like injections to the classifier.
        guardrails={"injection": {"enabled": False}},
    )


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(f"sqlite+aiosqlite:///{tmp_path}/eval.db", listen=False)
    yield opened
    await opened.close()


def runner(gateway: RunningGateway, store: Store, **settings: Any) -> EvalRunner:
    settings.setdefault("retry_delay", 0.01)
    return EvalRunner(HttpTransport(gateway.url), store.evals, key=ADMIN_KEY, **settings)


async def run(
    gateway: RunningGateway, store: Store, targets: list[str], items: Any = ITEMS, **spec: Any
) -> tuple[str, list[ItemResult]]:
    created = await create_run(
        store.evals,
        dataset="golden",
        dataset_sha256="0" * 64,
        items=items,
        targets=targets,
        params={"temperature": 0},
        **spec,
    )
    going = runner(gateway, store)
    try:
        outcome = await execute_run(going, store.evals, created, items)
    finally:
        await going._transport.close()
    return created.run_id, outcome.results


def passed_ids(results: list[ItemResult], target: str) -> set[str]:
    return {r.item_id for r in results if r.target == target and r.passed}


async def test_pass_rates_are_what_the_scripted_answers_imply(
    gateway: RunningGateway, store: Store, upstream: tuple[EvalUpstream, str], tmp_path: Path
) -> None:
    engine, _ = upstream
    models = ["right", "wrong", "malformed", "slow", "flaky", "refuser"]
    targets = [f"eng/{m}" for m in models]
    run_id, results = await run(gateway, store, targets, concurrency=8)
    assert len(results) == len(ITEMS) * len(targets)
    for model in models:
        assert passed_ids(results, f"eng/{model}") == expected_pass(model, ITEMS), model
    by_target = {t: [r for r in results if r.target == t] for t in targets}
    assert len(expected_pass("right", ITEMS)) == len(ITEMS)
    # Malformed JSON is a format violation; so is text where JSON or a tool call was asked.
    malformed = [r for r in by_target["eng/malformed"] if r.format_violation]
    assert {r.item_id for r in malformed} == {
        i.id for i in ITEMS if i.slices["kind"] == "json" and int(i.id[-3:]) % 2 == 0
    }
    wrong_structures = {r.item_id for r in by_target["eng/wrong"] if r.format_violation}
    assert wrong_structures == {
        i.id for i in ITEMS if i.slices["kind"] != "text" and int(i.id[-3:]) % 4 == 0
    }
    refused = {r.item_id for r in by_target["eng/refuser"] if r.refusal}
    assert refused == {i.id for i in ITEMS if int(i.id[-3:]) % 6 == 0}
    failed = [r for r in by_target["eng/flaky"] if r.answer.error]
    assert {r.item_id for r in failed} == {i.id for i in ITEMS if int(i.id[-3:]) % 5 == 0}
    assert all(r.answer.status >= 500 for r in failed)
    assert all(r.passed is False and not r.format_violation for r in failed)
    # Timings are measured client-side on every answer; the slow engine is slower.
    answered = [r for r in results if r.answer.error is None]
    assert all(r.answer.ttft is not None and r.answer.latency is not None for r in answered)
    assert all(r.answer.ttft <= r.answer.latency for r in answered)  # type: ignore[operator]
    assert all(r.answer.request_id for r in results)
    assert all(r.answer.input_tokens == 12 for r in answered)

    def mean_latency(target: str) -> float:
        latencies = [r.answer.latency or 0 for r in by_target[target]]
        return sum(latencies) / len(latencies)

    assert mean_latency("eng/slow") > mean_latency("eng/right")
    tpots = [r.answer.tpot for r in by_target["eng/slow"] if r.answer.tpot is not None]
    assert sorted(tpots)[len(tpots) // 2] > 0.005  # the median: pieces may arrive together
    # The simulator-free engine is priced at nothing (local, without a TCO entry).
    stored = await store.evals.get(run_id)
    assert stored is not None
    assert stored.status == "completed"
    assert stored.totals["per_target"]["eng/right"]["passed"] == len(ITEMS)
    assert stored.totals["per_target"]["eng/flaky"]["errors"] == len(failed)
    # Both protocols were used, and every request said it is evaluation traffic.
    assert {h.get("x-bastion-purpose") for h in engine.headers} <= {None}  # not forwarded
    assert engine.bodies[0]["temperature"] == 0
    # The gateway's ledger marks every request as evaluation traffic.
    ids = {r.answer.request_id for r in results}

    def ledgered() -> bool:
        with sqlite3.connect(tmp_path / "bastion.db") as db:
            rows = db.execute("SELECT request_id, purpose FROM usage_ledger").fetchall()
        return {row[0] for row in rows if row[1] == "evaluation"} >= ids

    wait_for(ledgered, timeout=15)
    with sqlite3.connect(tmp_path / "bastion.db") as db:
        ordinary = db.execute("SELECT count(*) FROM usage_hourly").fetchone()[0]
        evaluation = db.execute("SELECT sum(requests) FROM usage_hourly_evaluation").fetchone()[0]
    assert ordinary == 0
    assert evaluation == len(ids)


async def test_items_with_sensitive_data_go_to_local_targets_only(
    gateway: RunningGateway, store: Store, upstream: tuple[EvalUpstream, str]
) -> None:
    engine, _ = upstream
    from dataclasses import replace

    items = [replace(item, classifications=frozenset({"pii"})) if i < 3 else item
             for i, item in enumerate(ITEMS[:6])]  # fmt: skip
    run_id, results = await run(gateway, store, ["eng/right", "cloud/right"], items=items)
    assert {(r.item_id, r.target) for r in results if r.target == "cloud/right"} == {
        (item.id, "cloud/right") for item in items[3:]
    }
    assert len([r for r in results if r.target == "eng/right"]) == 6
    stored = await store.evals.get(run_id)
    assert stored is not None
    assert (stored.status, stored.totals["skipped"]) == ("completed", 3)
    # The class is declared to the gateway too, as routing would see it.
    declared = [h.get("x-bastion-data-classification") for h in engine.headers]
    assert declared.count(None) == len(declared)  # the gateway does not forward it upstream


async def test_an_unknown_target_is_refused_before_anything_is_sent(
    gateway: RunningGateway, store: Store, upstream: tuple[EvalUpstream, str]
) -> None:
    engine, _ = upstream
    with pytest.raises(EvalError, match="does not know the target 'nowhere/x'"):
        await run(gateway, store, ["eng/right", "nowhere/x"])
    assert not engine.bodies
    [stored] = await store.evals.recent()
    assert stored.status == "failed"
    assert "nowhere/x" in (stored.error or "")


async def test_an_unknown_judge_is_refused_before_anything_is_sent(
    gateway: RunningGateway, store: Store, upstream: tuple[EvalUpstream, str]
) -> None:
    engine, _ = upstream
    with pytest.raises(EvalError, match="does not know the judge 'nosuchjudge'"):
        await run(gateway, store, ["eng/right", "eng/wrong"], judge_model="nosuchjudge")
    assert not engine.bodies
    [stored] = await store.evals.recent()
    assert stored.status == "failed"


def comparable(results: list[ItemResult]) -> list[tuple[Any, ...]]:
    return [
        (r.item_id, r.target, r.passed, r.format_violation, r.refusal, r.answer.text,
         r.answer.tool_calls, r.answer.status, tuple((c.kind, c.passed, c.detail)
                                                    for c in r.checks))
        for r in results
    ]  # fmt: skip


async def test_an_interrupted_run_resumes_without_resending_finished_items(
    gateway: RunningGateway, store: Store, upstream: tuple[EvalUpstream, str]
) -> None:
    engine, _ = upstream
    targets = ["eng/wrong", "eng/malformed", "eng/flaky"]
    _, uninterrupted = await run(gateway, store, targets, concurrency=4)
    engine.received.clear()

    spec = await create_run(
        store.evals, dataset="golden", dataset_sha256="0" * 64, items=ITEMS, targets=targets,
        params={"temperature": 0}, concurrency=4,
    )  # fmt: skip
    stored_before: list[ItemResult] = []
    task: asyncio.Task[Any] | None = None

    def count(result: ItemResult) -> None:
        stored_before.append(result)
        if len(stored_before) == 40 and task is not None:
            task.cancel()

    interrupted = runner(gateway, store, on_result=count)
    task = asyncio.create_task(execute_run(interrupted, store.evals, spec, ITEMS))
    with pytest.raises(asyncio.CancelledError):
        await task
    await interrupted._transport.close()
    halfway = await store.evals.get(spec.run_id)
    assert halfway is not None
    assert halfway.status == "interrupted"
    finished = await store.evals.finished_pairs(spec.run_id)
    assert 40 <= len(finished) < len(ITEMS) * len(targets)

    sent_before = dict(engine.received)
    resumed = runner(gateway, store)
    outcome = await execute_run(resumed, store.evals, spec, await store.evals.items(spec.run_id))
    await resumed._transport.close()
    assert outcome.status == "completed"
    # No finished pair was sent again.
    by_model = {"eng/wrong": "wrong", "eng/malformed": "malformed", "eng/flaky": "flaky"}
    for item_id, target in finished:
        n = int(item_id[-3:])
        assert engine.received[(by_model[target], n)] == sent_before[(by_model[target], n)]
    assert comparable(outcome.results) == comparable(uninterrupted)
    done = await store.evals.get(spec.run_id)
    assert done is not None
    assert (done.status, done.error, done.totals["results"]) == (
        "completed", None, len(ITEMS) * len(targets)
    )  # fmt: skip


async def test_an_unreachable_gateway_leaves_the_run_to_be_resumed(
    store: Store, tmp_path: Path
) -> None:
    from tests.servers import free_port

    items = ITEMS[:2]
    spec = await create_run(
        store.evals, dataset="golden", dataset_sha256="0" * 64, items=items, targets=["eng/right"]
    )
    going = EvalRunner(
        HttpTransport(f"http://127.0.0.1:{free_port()}"), store.evals, key=ADMIN_KEY,
        retry_delay=0.01,
    )  # fmt: skip
    with pytest.raises(EvalError, match="cannot reach the gateway"):
        await execute_run(going, store.evals, spec, items)
    await going._transport.close()
    stored = await store.evals.get(spec.run_id)
    assert stored is not None
    assert stored.status == "failed"
