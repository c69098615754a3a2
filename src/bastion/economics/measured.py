"""Every database read of the economics reports: usage ledger, hourly and daily rollups,
tenant names, and the capacities ``bastion bench`` recorded.

Reads only; the tables belong to the ledger. Long windows use the hourly rollup (the console's
pages: the daily one for whole days); the utilisation of local backends is read either exactly
from raw rows, through the (backend, finished_at) index (the CLI and the admin API), or from
each minute's busy seconds (``backend_busy_minutes``: one row per minute however many
requests, for the console's pages).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.dialects.postgresql import BIT
from sqlalchemy.ext.asyncio import AsyncConnection

from bastion.economics.apicost import TokenCounts
from bastion.economics.utilisation import Busy, BusyTracker
from bastion.economics.window import Window
from bastion.store.bench import BenchCapacityRow
from bastion.store.models import (
    BackendBusyMinuteRow,
    TenantRow,
    UsageDailyRow,
    UsageHourlyRow,
    UsageRow,
)

_LEDGER = UsageRow.__table__
BIT64 = BIT(64)
_HOURLY = UsageHourlyRow.__table__
_DAILY = UsageDailyRow.__table__
_DAY = timedelta(days=1)
_BUSY = BackendBusyMinuteRow.__table__
_TENANTS = TenantRow.__table__
_CAPACITY = BenchCapacityRow.__table__


# The outcome an error is counted under when the ledger says "ok" but the status is an error.
FAILED = "error"


@dataclass(frozen=True, slots=True)
class BackendActivity:
    """What one backend did in a window, from the raw rows of requests finished in it.

    ``errors`` counts as the rollup does: an error status, or any outcome but ``ok`` (a stream
    cut, timed out or malformed after its 200, a client that left). The ``…_by_outcome`` pairs
    say which, by the ledger's outcome, sorted by outcome; None when only the rollup was read,
    which keeps totals."""

    backend: str
    requests: int
    errors: int
    estimated_requests: int
    tokens: TokenCounts
    busy: Busy
    errors_by_outcome: tuple[tuple[str, int], ...] | None = None
    estimated_by_outcome: tuple[tuple[str, int], ...] | None = None


@dataclass(frozen=True, slots=True)
class TrafficRow:
    """A day's rollup of one (tenant, endpoint, backend)."""

    day: date
    tenant_id: str
    endpoint: str
    backend: str
    location: str
    requests: int
    errors: int
    estimated_requests: int
    tokens: TokenCounts
    # Summed durations of the requests (the rollup's busy_ms).
    busy_ms: float = 0.0


async def backend_activity(
    conn: AsyncConnection, backend: str, window: Window, longest_request: timedelta
) -> BackendActivity:
    """Busy time, requests and tokens of ``backend`` in ``window``.

    Requests are stored when they finish, so one that started inside the window may finish up
    to ``longest_request`` after it; those are read too and clipped to the window. Tokens and
    counts are those of requests that finished inside the window, as in the rollup.
    """
    ledger = _LEDGER.c
    query = (
        select(
            ledger.started_at,
            ledger.finished_at,
            ledger.status,
            ledger.outcome,
            ledger.usage_estimated,
            ledger.input_tokens,
            ledger.cached_input_tokens,
            ledger.output_tokens,
        )
        .where(
            ledger.backend == backend,
            # Evaluation runs' requests are not the traffic being measured (they have their
            # own hourly rollup too, which the reports below do not read).
            ledger.purpose.is_(None),
            ledger.finished_at >= window.start,
            ledger.finished_at < window.end + longest_request,
            ledger.started_at < window.end,
        )
        .order_by(ledger.started_at)
    )
    tracker = BusyTracker(window.start.timestamp(), window.end.timestamp())
    requests = input_tokens = cached = output = 0
    errors: dict[str, int] = {}
    estimated: dict[str, int] = {}
    result = await conn.stream(query)
    async for row in result:
        tracker.add(row.started_at.timestamp(), row.finished_at.timestamp())
        if row.finished_at >= window.end:
            continue
        requests += 1
        # Counted as the rollup counts them, under the outcome that made each one.
        if row.status >= 400 or row.outcome != "ok":
            outcome = FAILED if row.outcome == "ok" else row.outcome
            errors[outcome] = errors.get(outcome, 0) + 1
        if row.usage_estimated:
            estimated[row.outcome] = estimated.get(row.outcome, 0) + 1
        input_tokens += row.input_tokens
        cached += row.cached_input_tokens
        output += row.output_tokens
    return BackendActivity(
        backend=backend,
        requests=requests,
        errors=sum(errors.values()),
        estimated_requests=sum(estimated.values()),
        tokens=TokenCounts(input_tokens, cached, output),
        busy=tracker.result(),
        errors_by_outcome=tuple(sorted(errors.items())),
        estimated_by_outcome=tuple(sorted(estimated.items())),
    )


async def backend_activity_from_rollup(
    conn: AsyncConnection, backend: str, window: Window, rows: Iterable[TrafficRow]
) -> BackendActivity:
    """``backend_activity`` from the window's rollup (``rows``, from ``traffic_by_day``) and
    the backend's busy minutes: bounded work for any window. Busy time is sampled at every
    half-second; the mean in flight is the summed durations of requests finished in the
    window (not clipped to it); the peak is not known (None)."""
    requests = errors = estimated = 0
    tokens = TokenCounts()
    busy_ms = 0.0
    for row in rows:
        if row.backend != backend:
            continue
        requests += row.requests
        errors += row.errors
        estimated += row.estimated_requests
        tokens += row.tokens
        busy_ms += row.busy_ms
    seconds = window.seconds
    busy = await _busy_seconds(conn, backend, window)
    return BackendActivity(
        backend=backend,
        requests=requests,
        errors=errors,
        estimated_requests=estimated,
        tokens=tokens,
        busy=Busy(seconds, float(busy), busy_ms / 1000 / seconds, None),
    )


async def _busy_seconds(conn: AsyncConnection, backend: str, window: Window) -> int:
    busy = _BUSY.c
    where = (busy.backend == backend, busy.minute >= window.start, busy.minute < window.end)
    if conn.dialect.name == "postgresql":
        # Counted in the database: a month is 43,200 rows per backend.
        count = func.bit_count(func.cast(busy.seconds, BIT64))
        return int(await conn.scalar(select(func.sum(count)).where(*where)) or 0)
    masks = await conn.scalars(select(busy.seconds).where(*where))
    return sum(int(mask).bit_count() for mask in masks)


async def traffic_by_day(
    conn: AsyncConnection, window: Window, *, daily: bool = False
) -> list[TrafficRow]:
    """The rollup of ``window``, summed per UTC day, tenant, endpoint and backend in the
    database (a month of a busy rollup is hundreds of thousands of hourly rows; its days are
    a few thousand).

    ``daily``: the window's whole days from the daily rollup, and its last day too when the
    window runs up to now (that day's sums are up to its last loaded request); only the
    partial days at its edges from the hourly rollup."""
    if not daily:
        rows = await _hourly_traffic(conn, window.start, window.end)
    else:
        first = _day_ceil(window.start)
        last = _day_floor(window.end)
        if window.partial_hour is not None:  # runs to now: nothing after it is loaded yet
            last += _DAY
        if first >= last:
            rows = await _hourly_traffic(conn, window.start, window.end)
        else:
            rows = await _daily_traffic(conn, first, last)
            if window.start < first:
                rows += await _hourly_traffic(conn, window.start, first)
            if last < window.end:
                rows += await _hourly_traffic(conn, last, window.end)
    rows.sort(key=lambda r: (r.day, r.tenant_id, r.endpoint, r.backend, r.location))
    return rows


def _day_floor(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def _day_ceil(moment: datetime) -> datetime:
    floor = _day_floor(moment)
    return floor if floor == moment else floor + _DAY


async def _hourly_traffic(
    conn: AsyncConnection, since: datetime, until: datetime
) -> list[TrafficRow]:
    hourly = _HOURLY.c
    day = _utc_day(hourly.hour, conn.dialect.name)
    query = (
        select(
            day,
            hourly.tenant_id,
            hourly.endpoint,
            hourly.backend,
            hourly.location,
            *_traffic_sums(_HOURLY),
        )
        .where(hourly.hour >= since, hourly.hour < until)
        .group_by(day, hourly.tenant_id, hourly.endpoint, hourly.backend, hourly.location)
    )
    return [_traffic_row(row, date.fromisoformat(row.day)) for row in await conn.execute(query)]


async def _daily_traffic(
    conn: AsyncConnection, since: datetime, until: datetime
) -> list[TrafficRow]:
    """Ordinary traffic (as in ``usage_hourly``) of the days in [since, until)."""
    daily = _DAILY.c
    dimensions = (daily.day, daily.tenant_id, daily.endpoint, daily.backend, daily.location)
    query = (
        select(*dimensions, *_traffic_sums(_DAILY))
        .where(daily.day >= since, daily.day < until, daily.purpose == "")
        .group_by(*dimensions)
    )
    return [_traffic_row(row, _utc_date(row.day)) for row in await conn.execute(query)]


def _utc_date(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def _traffic_sums(table: Any) -> list[Any]:
    return [
        func.sum(table.c[name]).label(name)
        for name in (
            "requests",
            "errors",
            "estimated_requests",
            "input_tokens",
            "cached_input_tokens",
            "output_tokens",
            "busy_ms",
        )
    ]


def _traffic_row(row: Any, day: date) -> TrafficRow:
    return TrafficRow(
        day=day,
        tenant_id=row.tenant_id,
        endpoint=row.endpoint,
        backend=row.backend,
        location=row.location,
        requests=int(row.requests or 0),
        errors=int(row.errors or 0),
        estimated_requests=int(row.estimated_requests or 0),
        tokens=TokenCounts(
            int(row.input_tokens or 0),
            int(row.cached_input_tokens or 0),
            int(row.output_tokens or 0),
        ),
        busy_ms=float(row.busy_ms or 0),
    )


def _utc_day(hour: Any, dialect: str) -> Any:
    """The UTC calendar day of an hour column, as YYYY-MM-DD text."""
    if dialect == "postgresql":
        # timestamptz: its UTC day, whatever the session's time zone.
        return func.to_char(func.timezone("UTC", hour), "YYYY-MM-DD").label("day")
    return func.substr(hour, 1, 10).label("day")  # SQLite keeps naive UTC text


async def requested_tokens(
    conn: AsyncConnection, window: Window, models: Iterable[str]
) -> TokenCounts:
    """Tokens of the requests in ``window`` that asked for one of ``models``, the names clients
    sent (``support``, ``support@2``, ``openai/gpt-4o-mini``), from the hourly rollup."""
    names = sorted({m[:200] for m in models if m})
    if not names:
        return TokenCounts()
    hourly = _HOURLY.c
    row = (
        await conn.execute(
            select(
                func.sum(hourly.input_tokens),
                func.sum(hourly.cached_input_tokens),
                func.sum(hourly.output_tokens),
            ).where(
                hourly.hour >= window.start,
                hourly.hour < window.end,
                hourly.model.in_(names),
            )
        )
    ).one()
    return TokenCounts(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))


@dataclass(frozen=True, slots=True)
class TenantNames:
    """Tenant names by id: from the store, else as the ledger recorded them (a tenant deleted
    since, or the configured admin key's ``admin``, which is not a stored tenant)."""

    names: dict[str, str]
    stored: frozenset[str]


async def tenant_names(conn: AsyncConnection, ids: Iterable[str]) -> TenantNames:
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return TenantNames({}, frozenset())
    rows = await conn.execute(
        select(_TENANTS.c.id, _TENANTS.c.name).where(_TENANTS.c.id.in_(wanted))
    )
    names = {row.id: row.name for row in rows}
    stored = frozenset(names)
    ledger = _LEDGER.c
    for missing in (i for i in wanted if i not in stored):
        # The newest name the ledger holds for it, through the (tenant_id, finished_at) index.
        recorded = await conn.scalar(
            select(ledger.tenant)
            .where(ledger.tenant_id == missing, ledger.tenant.is_not(None))
            .order_by(ledger.finished_at.desc())
            .limit(1)
        )
        if recorded:
            names[missing] = recorded
    return TenantNames(names, stored)


@dataclass(frozen=True, slots=True)
class RecordedCapacity:
    """The newest capacity ``bastion bench`` recorded for a backend."""

    backend: str
    run_id: str
    recorded_at: datetime
    hardware: str | None
    gpus: int
    tokens_per_second: float
    tokens_per_second_per_gpu: float
    output_tokens_per_second: float
    detail: dict[str, Any]


async def recorded_capacities(
    conn: AsyncConnection, backends: Iterable[str]
) -> dict[str, list[RecordedCapacity]]:
    """Each backend's recorded capacities, newest first; empty when the database predates
    benchmark runs (its schema is older than the gateway's)."""
    names = sorted(set(backends))
    if not names:
        return {}
    table = BenchCapacityRow.__tablename__
    has_table = await conn.run_sync(lambda sync: inspect(sync).has_table(table))
    if not has_table:
        return {}
    query = (
        select(_CAPACITY)
        .where(_CAPACITY.c.backend.in_(names))
        .order_by(_CAPACITY.c.recorded_at.desc())
    )
    found: dict[str, list[RecordedCapacity]] = {}
    for row in (await conn.execute(query)).all():
        found.setdefault(row.backend, []).append(
            RecordedCapacity(
                backend=row.backend,
                run_id=row.run_id,
                recorded_at=row.recorded_at,
                hardware=row.hardware,
                gpus=row.gpus,
                tokens_per_second=row.tokens_per_second,
                tokens_per_second_per_gpu=row.tokens_per_second_per_gpu,
                output_tokens_per_second=row.output_tokens_per_second,
                detail=json.loads(row.detail),
            )
        )
    return found
