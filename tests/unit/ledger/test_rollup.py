"""The loader's summed tables: busy seconds per backend and minute, merged across batches; the
daily rollup, summed once per new ledger row."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bastion.journal.rows import Rows, insert_rows
from bastion.ledger.query import daily_totals, usage_totals
from bastion.store.busy import busy_minutes
from bastion.store.models import BackendBusyMinuteRow, Base, LatencyDailyRow, UsageDailyRow
from bastion.telemetry.recent import bucket

T0 = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)


def test_a_second_is_busy_when_a_request_runs_at_its_midpoint() -> None:
    minute = int(T0.timestamp())
    # 0.2 s to 2.7 s covers the midpoints of seconds 0, 1 and 2.
    assert list(busy_minutes(minute + 0.2, minute + 2.7)) == [(minute, 0b111)]
    # 0.6 s to 1.4 s covers no midpoint (it ends before 1.5); to 1.6 s it covers one.
    assert list(busy_minutes(minute + 0.6, minute + 1.4)) == []
    assert list(busy_minutes(minute + 0.6, minute + 1.6)) == [(minute, 0b10)]


def test_a_request_across_minutes_marks_each() -> None:
    minute = int(T0.timestamp())
    spans = list(busy_minutes(minute + 58, minute + 125))
    assert spans == [
        (minute, 0b11 << 58),
        (minute + 60, (1 << 60) - 1),
        (minute + 120, 0b11111),
    ]
    assert sum(mask.bit_count() for _, mask in spans) == 67


def _row(request_id: str, start: float, seconds: float, **extra: Any) -> dict[str, Any]:
    started = T0 + timedelta(seconds=start)
    return {
        "request_id": request_id,
        "started_at": started,
        "finished_at": started + timedelta(seconds=seconds),
        "tenant_id": "t1",
        "tenant": "acme",
        "key_id": "k1",
        "endpoint": "chat",
        "model": "m",
        "backend": "gpu",
        "location": "local",
        "upstream_model": "m",
        "stream": False,
        "status": 200,
        "outcome": "ok",
        "input_tokens": 10,
        "cached_input_tokens": 0,
        "output_tokens": 5,
        "usage_estimated": False,
        "queue_ms": 0.0,
        "ttft_ms": None,
        "total_ms": seconds * 1000,
        "cache_status": "none",
        "purpose": None,
        **extra,
    }


@pytest.fixture
async def engine() -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine("sqlite+aiosqlite://")
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield engine
    await engine.dispose()


async def _busy(engine: AsyncEngine) -> dict[datetime, int]:
    table = BackendBusyMinuteRow.__table__
    async with engine.connect() as conn:
        rows = await conn.execute(select(table.c.minute, table.c.seconds))
        return {row.minute: row.seconds for row in rows}


async def test_batches_merge_their_busy_seconds(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await insert_rows(conn, Rows(ledger=[_row("a", 0, 10)]))
    async with engine.begin() as conn:
        # Overlaps the first (seconds 5-14), and a spooled copy of the first: not doubled.
        spooled = Rows.decode(Rows(ledger=[_row("a", 0, 10)]).encode()).ledger
        await insert_rows(conn, Rows(ledger=[_row("b", 5, 10), *spooled]))
    async with engine.begin() as conn:
        # Evaluation traffic is not the traffic being costed.
        await insert_rows(conn, Rows(ledger=[_row("c", 30, 10, purpose="evaluation")]))
    assert await _busy(engine) == {T0: (1 << 15) - 1}


async def _daily(engine: AsyncEngine) -> dict[tuple[str, str, str], tuple[int, int, int]]:
    table = UsageDailyRow.__table__
    async with engine.connect() as conn:
        rows = await conn.execute(select(table))
        return {
            (row.day.date().isoformat(), row.tenant_id, row.purpose): (
                row.requests,
                row.errors,
                row.input_tokens + row.output_tokens,
            )
            for row in rows
        }


async def test_the_daily_rollup_sums_each_utc_day_once(engine: AsyncEngine) -> None:
    late = 13.5 * 3600  # T0 is 10:00 UTC: 23:30 the same day
    async with engine.begin() as conn:
        await insert_rows(
            conn,
            Rows(
                ledger=[
                    _row("a", 0, 1),
                    _row("b", 3600, 1, key_id="k2", status=500, outcome="error"),
                    _row("c", late + 3600, 1),  # 00:30 the next day
                    _row("d", 60, 1, purpose="evaluation"),
                ]
            ),
        )
    async with engine.begin() as conn:
        # A replayed spool line adds nothing; a new row on the first day adds to it.
        spooled = Rows.decode(Rows(ledger=[_row("a", 0, 1)]).encode()).ledger
        await insert_rows(conn, Rows(ledger=[*spooled, _row("e", late, 1)]))
    assert await _daily(engine) == {
        ("2026-11-03", "t1", ""): (3, 1, 45),
        ("2026-11-03", "t1", "evaluation"): (1, 0, 15),
        ("2026-11-04", "t1", ""): (1, 0, 15),
    }


async def test_daily_totals_match_the_hourly_ones(engine: AsyncEngine) -> None:
    rows = [_row(f"r{i}", i * 5400, 1, tenant_id=f"t{i % 3}") for i in range(40)]
    rows.append(_row("eval", 7200, 1, purpose="evaluation"))
    async with engine.begin() as conn:
        await insert_rows(conn, Rows(ledger=rows))
    since, until = T0.date(), T0.date() + timedelta(days=4)
    groups = ["day", "tenant_id", "purpose"]
    daily = await daily_totals(engine, since=since, until=until, group_by=groups)
    hourly = await usage_totals(
        engine,
        since=datetime(since.year, since.month, since.day, tzinfo=UTC),
        until=datetime(until.year, until.month, until.day, tzinfo=UTC),
        group_by=groups,
    )
    assert len(daily) > 6
    assert daily == hourly
    with pytest.raises(ValueError, match="cannot group by key_id"):
        await daily_totals(engine, since=since, until=until, group_by=["key_id"])


async def test_latency_counts_are_added_once_per_new_row(engine: AsyncEngine) -> None:
    late = 13.99 * 3600  # 23:59:24 on T0's day
    async with engine.begin() as conn:
        await insert_rows(conn, Rows(ledger=[_row("a", 0, 0.2), _row("b", late, 1, ttft_ms=80.0)]))
    async with engine.begin() as conn:
        # A replayed spool line (its times are text) adds nothing; a new spooled row counts.
        spooled = Rows.decode(
            Rows(ledger=[_row("a", 0, 0.2), _row("c", late + 60, 0.2)]).encode()
        ).ledger
        await insert_rows(conn, Rows(ledger=spooled))
    table = LatencyDailyRow.__table__
    async with engine.connect() as conn:
        found = {
            (row.day.date().isoformat(), row.metric, row.bucket): row.count
            for row in await conn.execute(select(table))
        }
    assert found == {
        ("2026-11-03", "latency", bucket(0.2)): 1,
        ("2026-11-03", "latency", bucket(1.0)): 1,
        ("2026-11-03", "ttft", bucket(0.08)): 1,
        ("2026-11-04", "latency", bucket(0.2)): 1,
    }
