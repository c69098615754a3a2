"""Evaluation runs in the store (SQLite here; PostgreSQL in tests/integration/test_eval_postgres.py)
and the purpose of ledger traffic in the hourly rollups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from bastion.evaluation.model import (
    Answer,
    Check,
    CheckOutcome,
    EvalItem,
    ItemResult,
    RunSpec,
    ToolCall,
    Verdict,
)
from bastion.ledger.query import usage_totals
from bastion.ledger.rollup import upsert_rollups
from bastion.store.store import Store


def spec(run_id: str = "eval_test") -> RunSpec:
    return RunSpec(
        run_id=run_id,
        dataset="golden.jsonl",
        dataset_sha256="0" * 64,
        targets=("a", "b"),
        baseline="a",
        params={"temperature": 0},
    )


ITEMS = [
    EvalItem(
        f"q{i}",
        "openai",
        {"messages": [{"role": "user", "content": f"question {i} \x00 \ud800"}]},
        (Check("exact", {"expected": "x"}),),
        {"task": "t"},
        frozenset({"pii"}) if i == 1 else frozenset(),
    )
    for i in range(3)
]


def result(item: str, target: str, passed: bool | None = True) -> ItemResult:
    answer = Answer(
        target,
        200,
        text="an answer with NUL \x00 and a lone surrogate \udcff",
        tool_calls=(ToolCall("f", '{"a": 1}'),),
        request_id="req_1",
        output_tokens=3,
        ttft=0.1,
        cost_usd=Decimal("0.000012"),
    )
    return ItemResult(item, target, answer, (CheckOutcome("exact", bool(passed), "d"),), passed)


async def test_a_run_its_items_results_and_verdicts_round_trip(store: Store) -> None:
    run = await store.evals.create_run(spec(), ITEMS, origin="cli")
    assert run.status == "pending"
    assert await store.evals.items(run.id) == ITEMS
    assert await store.evals.put_result(run.id, result("q2", "b"))
    assert await store.evals.put_result(run.id, result("q0", "a", False))
    # A second write of the same pair changes nothing.
    assert not await store.evals.put_result(run.id, result("q0", "a", True))
    results = await store.evals.results(run.id)
    assert [(r.item_id, r.target, r.passed) for r in results] == [
        ("q0", "a", False),
        ("q2", "b", True),
    ]
    assert results[1] == result("q2", "b")
    assert await store.evals.finished_pairs(run.id) == {("q0", "a"), ("q2", "b")}
    verdict = Verdict("q0", "b", "a", "candidate", ("A", "B"), "judge", "f" * 64, "because")
    assert await store.evals.put_verdicts(run.id, [verdict]) == 1
    replaced = Verdict("q0", "b", "a", "tie", ("A", "A"), "judge", "f" * 64, scores=(3, 3))
    await store.evals.put_verdicts(run.id, [replaced])
    assert await store.evals.verdicts(run.id) == [replaced]
    now = datetime.now(UTC)
    await store.evals.set_status(run.id, "completed", finished_at=now, totals={"results": 2})
    stored = await store.evals.get(run.id)
    assert stored is not None
    assert (stored.status, stored.totals, stored.spec) == ("completed", {"results": 2}, spec())
    assert [r.id for r in await store.evals.recent()] == [run.id]
    assert await store.evals.get("nope\x00") is None
    assert await store.evals.delete(run.id)
    assert await store.evals.get(run.id) is None


def _ledger_row(purpose: str | None, finished: datetime) -> dict[str, Any]:
    return {
        "request_id": f"r-{purpose}",
        "started_at": finished,
        "finished_at": finished,
        "tenant_id": "t1",
        "tenant": "acme",
        "key_id": "k1",
        "endpoint": "chat.completions",
        "model": "m",
        "backend": "b",
        "location": "local",
        "upstream_model": "m",
        "stream": True,
        "status": 200,
        "outcome": "ok",
        "input_tokens": 10,
        "cached_input_tokens": 0,
        "output_tokens": 5,
        "usage_estimated": False,
        "queue_ms": 0.0,
        "ttft_ms": 1.0,
        "total_ms": 20.0,
        "cache_status": "none",
        "purpose": purpose,
    }


async def test_evaluation_traffic_has_its_own_rollup_and_usage_reads_both(store: Store) -> None:
    now = datetime.now(UTC)
    async with store.engines.write.begin() as conn:
        await upsert_rollups(
            conn, [_ledger_row(None, now), _ledger_row("evaluation", now)], store.dialect
        )
    window = {"since": now - timedelta(hours=1), "until": now + timedelta(hours=1)}
    [total] = await usage_totals(store.engines.read, **window)
    assert total["requests"] == 2
    by_purpose = await usage_totals(store.engines.read, group_by=["purpose"], **window)
    assert [(row["purpose"], row["requests"]) for row in by_purpose] in (
        [(None, 1), ("evaluation", 1)],
        [("evaluation", 1), (None, 1)],
    )
    async with store.engines.read.connect() as conn:
        from sqlalchemy import text

        plain = await conn.scalar(text("SELECT sum(requests) FROM usage_hourly"))
    assert plain == 1


async def test_cost_reports_leave_evaluation_traffic_out(store: Store) -> None:
    from sqlalchemy import select

    from bastion.economics.measured import backend_activity, traffic_by_day
    from bastion.economics.window import Window
    from bastion.journal.rows import Rows, insert_rows
    from bastion.store.models import UsageRow

    now = datetime.now(UTC) - timedelta(minutes=1)
    rows = Rows(ledger=[_ledger_row(None, now), _ledger_row("evaluation", now)])
    # A row spooled by an earlier version has no purpose: ordinary traffic.
    old = {k: v for k, v in _ledger_row(None, now).items() if k != "purpose"}
    rows.ledger.append({**old, "request_id": "r-old"})
    async with store.engines.write.begin() as conn:
        await insert_rows(conn, rows)
    window = Window(now - timedelta(hours=1), now + timedelta(minutes=5))
    async with store.engines.read.connect() as conn:
        activity = await backend_activity(conn, "b", window, timedelta(minutes=1))
        days = await traffic_by_day(conn, Window.whole_hours(window.start, window.end))
        stored = (await conn.execute(select(UsageRow.request_id, UsageRow.purpose))).all()
    assert activity.requests == 2
    assert activity.tokens.output_tokens == 10
    assert [day.requests for day in days] == [2]
    assert sorted(stored, key=str) == sorted(
        [("r-None", None), ("r-evaluation", "evaluation"), ("r-old", None)], key=str
    )
