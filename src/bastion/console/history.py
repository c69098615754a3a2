"""The overview's 90 days (the ledger's daily rollup and daily latency distributions) and top
tenants (the hourly rollup's last 24 hours), through bastion.ledger.query: bounded work
however many requests the ledger holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.console.charts import Chart, line_chart
from bastion.console.daycache import DayCache
from bastion.console.live import SHARES
from bastion.ledger.query import daily_latency, daily_totals, usage_totals
from bastion.telemetry.recent import percentile

DAYS = 90


@dataclass(frozen=True, slots=True)
class History:
    charts: tuple[Chart, ...]
    requests: int
    tokens: int
    errors: int


def hour_floor(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


async def daily_sums(
    engine: AsyncEngine,
    cache: DayCache,
    now: datetime,
    *,
    since: date,
    group_by: Sequence[str] = (),
    tenant_id: str | None = None,
) -> list[dict[str, Any]]:
    """Daily rollup sums per UTC day (and ``group_by``) from ``since`` to now: the days before
    today from ``cache``, today's (still growing) read now."""
    today = now.astimezone(UTC).date()
    groups = ["day", *group_by]
    key = ("days", since, today, tuple(group_by), tenant_id)

    async def past() -> list[dict[str, Any]]:
        if since >= today:
            return []
        return await daily_totals(
            engine, since=since, until=today, group_by=groups, tenant_id=tenant_id
        )

    earlier: list[dict[str, Any]] = await cache.get(key, past)
    current = await daily_totals(
        engine,
        since=today,
        until=today + timedelta(days=1),
        group_by=groups,
        tenant_id=tenant_id,
    )
    return [*earlier, *current]


async def daily_history(
    engine: AsyncEngine, cache: DayCache, now: datetime, tenant_id: str | None = None
) -> History:
    """Per UTC day for the last ``DAYS`` days, today included (partial)."""
    today = now.astimezone(UTC).date()
    first = today - timedelta(days=DAYS - 1)
    rows = await daily_sums(engine, cache, now, since=first, tenant_id=tenant_id)
    latency = await _latency(engine, cache, today, first, tenant_id)
    days = [first + timedelta(days=i) for i in range(DAYS)]
    sums: dict[Any, list[float]] = {day: [0, 0, 0] for day in days}
    for row in rows:
        total = sums.get(date.fromisoformat(row["day"]))
        if total is None:
            continue
        total[0] += row["requests"]
        total[1] += row["errors"]
        total[2] += row["input_tokens"] + row["output_tokens"]
    labels = [day.isoformat() for day in days]
    requests = [sums[d][0] for d in days]
    tokens = [sums[d][2] for d in days]
    errors = [sums[d][1] / sums[d][0] * 100 if sums[d][0] else None for d in days]
    charts = (
        line_chart("Requests per day", "requests", labels, [("requests", requests)], digits=0),
        line_chart("Tokens per day", "tokens", labels, [("tokens", tokens)], digits=0),
        line_chart("Error rate per day", "%", labels, [("errors %", errors)], digits=1),
        line_chart(
            "Latency per day", "ms", labels, _percentiles(latency, labels, "latency"), digits=0
        ),
        line_chart(
            "Time to first token per day",
            "ms",
            labels,
            _percentiles(latency, labels, "ttft"),
            digits=0,
        ),
    )
    return History(
        charts=charts,
        requests=int(sum(requests)),
        tokens=int(sum(tokens)),
        errors=int(sum(s[1] for s in sums.values())),
    )


async def _latency(
    engine: AsyncEngine, cache: DayCache, today: date, first: date, tenant_id: str | None
) -> dict[tuple[str, str], list[int]]:
    """Each day's latency buckets: the days before today from ``cache``, today's read now."""

    async def past() -> dict[tuple[str, str], list[int]]:
        return await daily_latency(engine, since=first, until=today, tenant_id=tenant_id)

    earlier: dict[tuple[str, str], list[int]] = await cache.get(
        ("latency", first, today, tenant_id), past
    )
    current = await daily_latency(
        engine, since=today, until=today + timedelta(days=1), tenant_id=tenant_id
    )
    return {**earlier, **current}


def _percentiles(
    counts: dict[tuple[str, str], list[int]], days: list[str], metric: str
) -> list[tuple[str, list[float | None]]]:
    """p50, p95 and p99 per day in milliseconds (a bucket's upper bound, as the live hour's)."""
    series = []
    for name, share in SHARES:
        values: list[float | None] = []
        for day in days:
            found = counts.get((day, metric))
            seconds = percentile(found, share) if found else None
            values.append(None if seconds is None else round(seconds * 1000, 1))
        series.append((name, values))
    return series


async def top_tenants(
    engine: AsyncEngine, now: datetime, names: dict[str, str], limit: int = 10
) -> list[dict[str, Any]]:
    """The tenants with the most requests in the last 24 hours."""
    rows = await usage_totals(
        engine,
        since=hour_floor(now) - timedelta(hours=23),
        until=hour_floor(now) + timedelta(hours=1),
        group_by=["tenant_id"],
    )
    rows.sort(key=lambda row: (-row["requests"], row["tenant_id"]))
    return [
        {**row, "name": names.get(row["tenant_id"]) or row["tenant_id"] or "(no tenant)"}
        for row in rows[:limit]
    ]
