"""The console's report reads a window's whole days from the daily rollup and only its partial
edges from the hourly one: the same traffic either way."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bastion.economics.measured import traffic_by_day
from bastion.economics.window import Window
from bastion.journal.rows import Rows, insert_rows
from bastion.store.models import Base

# A moment inside an hour: a window that runs up to it ends in a partial hour.
NOW = datetime(2026, 11, 10, 15, 20, 7, tzinfo=UTC)


def _row(index: int, finished: datetime, **extra: Any) -> dict[str, Any]:
    return {
        "request_id": f"r{index}",
        "started_at": finished - timedelta(seconds=2),
        "finished_at": finished,
        "tenant_id": f"t{index % 3}",
        "tenant": f"team{index % 3}",
        "key_id": f"k{index % 2}",
        "endpoint": "chat" if index % 4 else "embeddings",
        "model": "m" if index % 5 else "n",
        "backend": "gpu" if index % 2 else "api",
        "location": "local" if index % 2 else "external",
        "upstream_model": "m",
        "stream": False,
        "status": 200 if index % 7 else 500,
        "outcome": "ok" if index % 7 else "upstream_error",
        "input_tokens": 100 + index,
        "cached_input_tokens": index % 10,
        "output_tokens": 10 + index,
        "usage_estimated": index % 11 == 0,
        "queue_ms": 0.0,
        "ttft_ms": None,
        "total_ms": 2000.0,
        "cache_status": "none",
        "purpose": "evaluation" if index % 13 == 0 else None,
        **extra,
    }


@pytest.fixture
async def engine() -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine("sqlite+aiosqlite://")
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    # Every 37 minutes over the ten days before NOW, none after it (nothing is loaded from
    # the future).
    rows = []
    moment, index = NOW - timedelta(days=10), 0
    while moment < NOW:
        rows.append(_row(index, moment))
        moment += timedelta(minutes=37)
        index += 1
    async with engine.begin() as conn:
        await insert_rows(conn, Rows(ledger=rows))
    yield engine
    await engine.dispose()


@pytest.mark.parametrize(
    "window",
    [
        Window.last_days(1, NOW),
        Window.last_days(7, NOW),
        Window.last_days(30, NOW),
        # Ends on an hour (not up to now): its last day partial, read from the hourly rollup.
        Window(
            NOW - timedelta(days=5, hours=3, minutes=20, seconds=7), NOW.replace(minute=0, second=0)
        ),
        # Inside one day.
        Window(NOW.replace(hour=2, minute=0, second=0), NOW.replace(hour=9, minute=0, second=0)),
    ],
)
async def test_whole_days_from_the_daily_rollup_match_the_hourly_sums(
    engine: AsyncEngine, window: Window
) -> None:
    async with engine.connect() as conn:
        hourly = await traffic_by_day(conn, window)
        daily = await traffic_by_day(conn, window, daily=True)
    assert hourly
    assert daily == hourly
