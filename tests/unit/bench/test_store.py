"""Benchmark runs and recorded capacities in the database (SQLite here; PostgreSQL in
tests/integration/test_bench_postgres.py runs the same checks)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bastion.bench.slo import Slo
from bastion.store.store import Store
from tests.unit.bench.test_outputs import sample_document


async def check_runs_round_trip(store: Store) -> None:
    document = sample_document(Slo(ttft=0.1))
    older = {
        **sample_document(Slo()),
        "id": "bench_older",
        "created_at": "2026-12-05T10:00:00+00:00",
    }
    assert await store.bench.save(older) == "bench_older"
    assert await store.bench.save(document) == "bench_test"
    back = await store.bench.get("bench_test")
    assert back is not None
    assert json.loads(json.dumps(document)) == back  # every request's timings included
    summary = await store.bench.get("bench_test", requests=False)
    assert summary is not None and all("requests" not in lv for lv in summary["levels"])
    assert summary["levels"][0]["metrics"] == document["levels"][0]["metrics"]
    assert [run["id"] for run in await store.bench.recent()] == ["bench_test", "bench_older"]
    assert [run["id"] for run in await store.bench.recent(1)] == ["bench_test"]
    assert await store.bench.get("bench_missing") is None
    assert await store.bench.get("bench\x00nul") is None
    # Saving again replaces.
    await store.bench.save({**document, "name": "renamed"})
    again = await store.bench.get("bench_test", requests=False)
    assert again is not None and again["name"] == "renamed"
    assert await store.bench.delete("bench_older")
    assert not await store.bench.delete("bench_older")


async def check_capacities(store: Store) -> None:
    now = datetime(2026, 12, 6, 12, tzinfo=UTC)
    first = await store.bench.record_capacity(
        backend="gpu", run_id="bench_a", gpus=2, hardware="H100 80GB",
        tokens_per_second=9000.0, output_tokens_per_second=1000.0,
        detail={"shape": "constant 30 req/s", "slo": {"ttft_ms": 500.0}}, now=now,
    )  # fmt: skip
    assert first.tokens_per_second_per_gpu == 4500.0
    await store.bench.record_capacity(
        backend="gpu", run_id="bench_b", gpus=1, hardware=None, tokens_per_second=5000.0,
        output_tokens_per_second=600.0, detail={}, now=now + timedelta(hours=1),
    )  # fmt: skip
    await store.bench.record_capacity(
        backend="other", run_id="bench_c", gpus=1, hardware=None, tokens_per_second=1.0,
        output_tokens_per_second=1.0, detail={}, now=now,
    )  # fmt: skip
    newest = await store.bench.capacities("gpu")
    assert [c.run_id for c in newest] == ["bench_b", "bench_a"]
    assert newest[1].hardware == "H100 80GB" and newest[1].gpus == 2
    assert newest[1].public_dict()["shape"] == "constant 30 req/s"
    assert len(await store.bench.capacities()) == 3


async def test_runs_round_trip(store: Store) -> None:
    await check_runs_round_trip(store)


async def test_capacities(store: Store) -> None:
    await check_capacities(store)
