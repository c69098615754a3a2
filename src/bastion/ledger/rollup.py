"""Hourly and daily sums of ledger rows, upserted in the same transaction as the rows
themselves.

Ordinary traffic is summed in ``usage_hourly``; requests made for a purpose (an evaluation
run's, ``x-bastion-purpose: evaluation``) in ``usage_hourly_evaluation``, so cost reports,
which read the first, measure ordinary traffic only. ``usage_daily`` sums both per UTC day
(without the key; the purpose is a column), for windows of days. Each backend's busy seconds
of ordinary traffic are OR-ed into ``backend_busy_minutes`` (``bastion.store.busy``):
utilisation over days without reading ledger rows. Each day's latencies and times to first
token are counted per tenant in ``latency_daily``, in the buckets of the console's live
ring."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Insert
from sqlalchemy.ext.asyncio import AsyncConnection

from bastion.store.busy import busy_minutes
from bastion.store.models import (
    BackendBusyMinuteRow,
    UsageDailyRow,
    UsageHourlyEvaluationRow,
    UsageHourlyRow,
)
from bastion.store.upsert import dialect_insert
from bastion.telemetry.recent import bucket

_KEY = ("hour", "tenant_id", "key_id", "endpoint", "model", "backend")
_DAILY_KEY = ("day", "tenant_id", "endpoint", "model", "backend", "purpose")
_LATENCY_SQL = {
    dialect: "INSERT INTO latency_daily (day, tenant_id, metric, bucket, count) "  # noqa: S608 (no input in it)
    f"VALUES ({marks}) ON CONFLICT (day, tenant_id, metric, bucket) "
    "DO UPDATE SET count = latency_daily.count + excluded.count"
    for dialect, marks in (("sqlite", "?, ?, ?, ?, ?"), ("postgresql", "$1, $2, $3, $4, $5"))
}
_SUMS = (
    "requests",
    "errors",
    "input_tokens",
    "cached_input_tokens",
    "output_tokens",
    "estimated_requests",
    "busy_ms",
)


def rollup_rows(ledger_rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per hour and dimension, summed over the batch (fewer upserts than requests)."""
    sums: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in ledger_rows:
        finished = row["finished_at"]
        if isinstance(finished, str):  # read back from the spool
            finished = datetime.fromisoformat(finished)
        hour = finished.replace(minute=0, second=0, microsecond=0)
        key = (
            hour,
            row["tenant_id"] or "",
            row["key_id"] or "",
            row["endpoint"],
            row["model"],
            row["backend"],
        )
        total = sums.get(key)
        if total is None:
            total = dict(zip(_KEY, key, strict=True))
            total["location"] = row["location"]
            total.update(dict.fromkeys(_SUMS, 0))
            sums[key] = total
        total["requests"] += 1
        total["errors"] += row["status"] >= 400 or row["outcome"] != "ok"
        total["input_tokens"] += row["input_tokens"]
        total["cached_input_tokens"] += row["cached_input_tokens"]
        total["output_tokens"] += row["output_tokens"]
        total["estimated_requests"] += row["usage_estimated"]
        total["busy_ms"] += row["total_ms"]
    return list(sums.values())


def daily_rows(hourly: Sequence[Mapping[str, Any]], purpose: str = "") -> list[dict[str, Any]]:
    """The batch's hourly sums (``rollup_rows``) summed again per UTC day, without the key:
    a second pass over a few sums, not over the ledger rows."""
    sums: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in hourly:
        day = row["hour"].replace(hour=0)
        key = (day, row["tenant_id"], row["endpoint"], row["model"], row["backend"], purpose)
        total = sums.get(key)
        if total is None:
            total = dict(zip(_DAILY_KEY, key, strict=True))
            total["location"] = row["location"]
            total.update(dict.fromkeys(_SUMS, 0))
            sums[key] = total
        for name in _SUMS:
            total[name] += row[name]
    return list(sums.values())


async def upsert_rollups(
    conn: AsyncConnection, ledger_rows: Sequence[Mapping[str, Any]], dialect: str
) -> None:
    """Adds ``ledger_rows`` to the hourly sums: ordinary traffic to ``usage_hourly``, requests
    made for a purpose (evaluation) to ``usage_hourly_evaluation``."""
    ordinary = [row for row in ledger_rows if not row.get("purpose")]
    purposed = [row for row in ledger_rows if row.get("purpose")]
    daily: list[dict[str, Any]] = []
    if ordinary:
        hourly = rollup_rows(ordinary)
        await conn.execute(rollup_statement(dialect), hourly)
        daily += daily_rows(hourly)
        busy = busy_rows(ordinary)
        if busy:  # requests shorter than half a second may cover no second's midpoint
            await conn.execute(busy_statement(dialect), busy)
    if purposed:
        for purpose in sorted({str(row["purpose"]) for row in purposed}):
            hourly = rollup_rows([row for row in purposed if row["purpose"] == purpose])
            await conn.execute(rollup_statement(dialect, UsageHourlyEvaluationRow), hourly)
            daily += daily_rows(hourly, purpose)
    await conn.execute(rollup_statement(dialect, UsageDailyRow, _DAILY_KEY), daily)
    await upsert_latency(conn, ledger_rows, dialect)


def latency_rows(ledger_rows: Sequence[Mapping[str, Any]], dialect: str) -> list[tuple[Any, ...]]:
    """The batch's requests counted per UTC day, tenant, metric and latency bucket, as the
    driver's parameters (day, tenant, metric, bucket, count)."""
    counts: dict[tuple[str, str, str, int], int] = {}
    for row in ledger_rows:
        finished = row["finished_at"]
        # The day as ISO text: spooled rows have it in their first ten characters already.
        day = finished[:10] if isinstance(finished, str) else finished.date().isoformat()
        tenant = row["tenant_id"] or ""
        key = (day, tenant, "latency", bucket(row["total_ms"] / 1000))
        counts[key] = counts.get(key, 0) + 1
        ttft = row.get("ttft_ms")
        if ttft is not None:
            key = (day, tenant, "ttft", bucket(ttft / 1000))
            counts[key] = counts.get(key, 0) + 1
    # SQLite keeps naive UTC text, as its DateTime columns read it back; PostgreSQL takes a
    # timestamptz.
    days: dict[str, str | datetime]
    if dialect == "sqlite":
        days = {day: f"{day} 00:00:00.000000" for day, *_ in counts}
    else:
        days = {day: datetime.fromisoformat(day).replace(tzinfo=UTC) for day, *_ in counts}
    return [
        (days[day], tenant, metric, index, count)
        for (day, tenant, metric, index), count in counts.items()
    ]


async def upsert_latency(
    conn: AsyncConnection, ledger_rows: Sequence[Mapping[str, Any]], dialect: str
) -> None:
    """Adds the batch's latency counts to the days' (``latency_daily``). Straight through the
    driver's ``executemany``, as the ledger rows are: a batch adds a few hundred counts, and
    SQL expression overhead per row would cost more than the counting."""
    await conn.exec_driver_sql(_LATENCY_SQL[dialect], latency_rows(ledger_rows, dialect))


def busy_rows(ledger_rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per backend and minute in which the batch's requests ran: its busy seconds."""
    masks: dict[tuple[str, int], int] = {}
    for row in ledger_rows:
        started, finished = row["started_at"], row["finished_at"]
        if isinstance(started, str):  # read back from the spool
            started = datetime.fromisoformat(started)
        if isinstance(finished, str):
            finished = datetime.fromisoformat(finished)
        backend = row["backend"]
        for minute, mask in busy_minutes(started.timestamp(), finished.timestamp()):
            key = (backend, minute)
            masks[key] = masks.get(key, 0) | mask
    return [
        {"backend": backend, "minute": datetime.fromtimestamp(minute, UTC), "seconds": mask}
        for (backend, minute), mask in masks.items()
    ]


@functools.cache
def busy_statement(dialect: str) -> Insert:
    """INSERT … ON CONFLICT DO UPDATE OR-ing the batch's busy seconds into the minute's."""
    statement: Any = dialect_insert(dialect, BackendBusyMinuteRow)
    table = BackendBusyMinuteRow.__table__
    merged = table.c.seconds.op("|")(statement.excluded.seconds)
    result: Insert = statement.on_conflict_do_update(
        index_elements=["backend", "minute"], set_={"seconds": merged}
    )
    return result


@functools.cache
def rollup_statement(
    dialect: str, model: Any = UsageHourlyRow, key: tuple[str, ...] = _KEY
) -> Insert:
    """INSERT … ON CONFLICT DO UPDATE adding to the existing sums (SQLite and PostgreSQL).

    Built once per dialect and table: the loader runs it for every batch."""
    table = model.__table__
    statement: Any = dialect_insert(dialect, model)
    excluded = statement.excluded
    update = {name: table.c[name] + excluded[name] for name in _SUMS}
    result: Insert = statement.on_conflict_do_update(index_elements=list(key), set_=update)
    return result
