"""Usage totals from the hourly and daily rollups, bounded work however large the ledger
grows; and the ledger's rows of given requests, by request id (an evaluation run's, to cost
its answers with the tokens the gateway metered).

Evaluation traffic has its own rollup (``usage_hourly_evaluation``); totals include it, and
``purpose`` groups it apart (null for ordinary traffic, ``evaluation``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, String, Subquery, func, literal, null, select, union_all
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.store.models import (
    LatencyDailyRow,
    UsageDailyRow,
    UsageHourlyEvaluationRow,
    UsageHourlyRow,
    UsageRow,
)
from bastion.telemetry.recent import BUCKETS

GROUPS = (
    "tenant_id",
    "key_id",
    "endpoint",
    "model",
    "backend",
    "location",
    "hour",
    "day",
    "purpose",
)
_SUMS = (
    "requests",
    "errors",
    "input_tokens",
    "cached_input_tokens",
    "output_tokens",
    "estimated_requests",
    "busy_ms",
)


async def usage_totals(
    engine: AsyncEngine,
    *,
    since: datetime,
    until: datetime,
    group_by: Sequence[str] = ("tenant_id",),
    tenant_id: str | None = None,
) -> list[dict[str, Any]]:
    """Sums over the hours that start in [since, until), grouped by the given rollup
    dimensions. An hour is summed whole, so bounds inside an hour must be aligned first, as
    ``bastion.economics.window.Window.requested`` does: otherwise the hour holding ``since``
    is left out and the one holding ``until`` counted whole."""
    unknown = [name for name in group_by if name not in GROUPS]
    if unknown:
        raise ValueError(f"cannot group by {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    table = _rollups()
    dimensions = [_dimension(table, name, engine.dialect.name) for name in group_by]
    sums = [func.sum(table.c[name]).label(name) for name in _SUMS]
    query = (
        select(*dimensions, *sums)
        .where(table.c.hour >= since, table.c.hour < until)
        .group_by(*dimensions)
        .order_by(*dimensions)
    )
    if tenant_id is not None:
        query = query.where(table.c.tenant_id == tenant_id)
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).mappings().all()
    # Plain str keys: a column of the union is labelled by a str subclass orjson refuses.
    return [_row({str(k): v for k, v in row.items()}) for row in rows]


DAILY_GROUPS = ("tenant_id", "endpoint", "model", "backend", "location", "day", "purpose")


async def daily_totals(
    engine: AsyncEngine,
    *,
    since: date,
    until: date,
    group_by: Sequence[str] = ("day",),
    tenant_id: str | None = None,
) -> list[dict[str, Any]]:
    """Sums over the UTC days in [since, until) from the daily rollup (a day still running is
    summed up to its last loaded request), grouped by the given dimensions: a few rows per day
    however many keys and hours. ``day`` is ISO text, ``purpose`` None for ordinary traffic."""
    unknown = [name for name in group_by if name not in DAILY_GROUPS]
    if unknown:
        choices = ", ".join(DAILY_GROUPS)
        raise ValueError(f"cannot group by {', '.join(unknown)}; choose from {choices}")
    table = UsageDailyRow.__table__
    dimensions = [table.c[name] for name in group_by]
    sums = [func.sum(table.c[name]).label(name) for name in _SUMS]
    query = (
        select(*dimensions, *sums)
        .where(table.c.day >= _midnight(since), table.c.day < _midnight(until))
        .group_by(*dimensions)
        .order_by(*dimensions)
    )
    if tenant_id is not None:
        query = query.where(table.c.tenant_id == tenant_id)
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).mappings().all()
    found = []
    for raw in rows:
        row = _row({str(k): v for k, v in raw.items()})
        if "day" in row:
            row["day"] = row["day"].date().isoformat()
        if "purpose" in row:
            row["purpose"] = row["purpose"] or None
        found.append(row)
    return found


async def daily_latency(
    engine: AsyncEngine, *, since: date, until: date, tenant_id: str | None = None
) -> dict[tuple[str, str], list[int]]:
    """Per (ISO day, metric) in [since, until): the counts of each latency bucket
    (``bastion.telemetry.recent``), every tenant's summed unless ``tenant_id`` is given."""
    table = LatencyDailyRow.__table__
    query = (
        select(table.c.day, table.c.metric, table.c.bucket, func.sum(table.c["count"]))
        .where(table.c.day >= _midnight(since), table.c.day < _midnight(until))
        .group_by(table.c.day, table.c.metric, table.c.bucket)
    )
    if tenant_id is not None:
        query = query.where(table.c.tenant_id == tenant_id)
    found: dict[tuple[str, str], list[int]] = {}
    async with engine.connect() as conn:
        for day, metric, index, count in await conn.execute(query):
            counts = found.setdefault((day.date().isoformat(), metric), [0] * BUCKETS)
            counts[min(max(index, 0), BUCKETS - 1)] += int(count)
    return found


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _dimension(table: Subquery, name: str, dialect: str) -> ColumnElement[Any]:
    """A rollup column, or ``day``: the UTC day of ``hour`` (summed in the database, so a
    90-day series is 90 rows however many tenants and models the rollup holds)."""
    if name != "day":
        return table.c[name]
    if dialect == "postgresql":
        # hour is timestamptz: its UTC calendar day, whatever the session's time zone.
        return func.to_char(func.timezone("UTC", table.c.hour), "YYYY-MM-DD").label("day")
    return func.substr(table.c.hour, 1, 10).label("day")  # SQLite keeps naive UTC text


def _row(row: dict[str, Any]) -> dict[str, Any]:
    for name in _SUMS:
        value = row.get(name)
        row[name] = (float(value) if name == "busy_ms" else int(value)) if value else 0
    if isinstance(row.get("hour"), datetime):
        row["hour"] = row["hour"].isoformat()
    return row


def _rollups() -> Subquery:
    """Both hourly rollups as one, with the purpose of each row."""
    ordinary = UsageHourlyRow.__table__
    evaluation = UsageHourlyEvaluationRow.__table__
    names = [column.name for column in ordinary.columns]
    return union_all(
        select(*(ordinary.c[n] for n in names), null().cast(String(16)).label("purpose")),
        select(
            *(evaluation.c[n] for n in names), literal("evaluation", String(16)).label("purpose")
        ),
    ).subquery("usage_rollups")


@dataclass(frozen=True, slots=True)
class RequestUsage:
    """What the ledger recorded of one request: where it ran and the tokens the gateway
    metered."""

    request_id: str
    backend: str
    upstream_model: str
    input_tokens: int
    cached_input_tokens: int
    output_tokens: int
    usage_estimated: bool
    cache_status: str
    purpose: str | None


# Request ids per query (bound parameters stay well under every database's limit).
_IDS_PER_QUERY = 500


async def usage_by_request(
    engine: AsyncEngine, request_ids: Iterable[str]
) -> dict[str, RequestUsage]:
    """The ledger's rows of the given requests, by request id; requests without a row (not
    recorded, or not loaded from the journal yet) are absent."""
    wanted = sorted({r for r in request_ids if r})
    found: dict[str, RequestUsage] = {}
    table = UsageRow.__table__
    columns = [table.c[f.name] for f in fields(RequestUsage)]
    async with engine.connect() as conn:
        for start in range(0, len(wanted), _IDS_PER_QUERY):
            chunk = wanted[start : start + _IDS_PER_QUERY]
            query = select(*columns).where(table.c.request_id.in_(chunk))
            for row in (await conn.execute(query)).mappings():
                usage = RequestUsage(**{str(k): v for k, v in row.items()})
                found[usage.request_id] = usage
    return found
