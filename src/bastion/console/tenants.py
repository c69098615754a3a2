"""Tenants, keys, limits and their current use: the key store's repositories, the config
file's limits, the limiter's windows (what each limit counts now, as the limiter counts it:
in this process, in Redis or in the node's supervisor) and the ledger's daily rollup (tokens
today and this month, as recorded)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.admission.limiter import CurrentUse, Limiter, LimiterUnavailableError, tenant_scope
from bastion.config import AdmissionConfig
from bastion.config.schema import RateLimits
from bastion.console.daycache import DayCache
from bastion.console.forms import Form
from bastion.console.history import daily_sums
from bastion.store.records import KeyRecord, TenantRecord

# The limits a console form edits: (field, label, whole number).
LIMIT_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("requests_per_minute", "Requests per minute", True),
    ("tokens_per_minute", "Tokens per minute", True),
    ("concurrent_requests", "Concurrent requests", True),
    ("tokens_per_day", "Tokens per day", True),
    ("tokens_per_month", "Tokens per month", True),
    ("usd_per_day", "US dollars per day", False),
    ("usd_per_month", "US dollars per month", False),
)


# Each limit's field and what the limiter's window for it counts; dollars are counted in
# micro-dollars.
_USED_BY: dict[str, tuple[str, float]] = {
    "requests_per_minute": ("requests_this_minute", 1),
    "tokens_per_minute": ("tokens_this_minute", 1),
    "concurrent_requests": ("concurrent_requests", 1),
    "tokens_per_day": ("tokens_today", 1),
    "tokens_per_month": ("tokens_this_month", 1),
    "usd_per_day": ("usd_micros_today", 1e-6),
    "usd_per_month": ("usd_micros_this_month", 1e-6),
}


def _used(use: CurrentUse | None, field: str) -> float | int | None:
    """What the limiter's window for limit ``field`` counts (dollars, not micro-dollars);
    None when the limiter could not be read."""
    if use is None:
        return None
    counter, scale = _USED_BY[field]
    count: int = getattr(use, counter)
    return count if scale == 1 else count * scale


# The longest a page waits for the limiter's shared state before it says "unavailable".
USE_READ_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class LimitRow:
    field: str
    label: str
    stored: float | int | None
    configured: float | int | None
    # What the limiter counts now (None: the limit is not in force, so nothing is counted).
    used: float | int | None
    whole: bool
    # The limiter's state could not be read (Redis down, the supervisor gone).
    unavailable: bool = False
    # Tokens the ledger recorded in the budget's period (the daily rollup), for the budgets.
    recorded: int | None = None

    @property
    def effective(self) -> float | int | None:
        return self.stored if self.stored is not None else self.configured

    @property
    def share(self) -> float | None:
        limit = self.effective
        if self.used is None or not limit:
            return None
        return self.used / limit


@dataclass(frozen=True, slots=True)
class TenantUse:
    tokens_today: int
    tokens_this_month: int
    requests_today: int


def limits_from_form(form: Form) -> dict[str, int | float] | None:
    """The limits a form sets (empty fields: none); None when it sets none."""
    limits: dict[str, int | float] = {}
    for name, label, whole in LIMIT_FIELDS:
        value = form.number(name, label, whole=whole)
        if value is not None:
            limits[name] = value
    return limits or None


async def current_use(
    limiter: Limiter, tenant: TenantRecord, key_id: str | None = None
) -> CurrentUse | None:
    """The tenant's (or one of its keys') windows as the limiter counts them; None when its
    shared state does not answer within ``USE_READ_SECONDS`` (the page says so and answers)."""
    scope = f"key {key_id}" if key_id is not None else tenant_scope(tenant.id)
    try:
        async with asyncio.timeout(USE_READ_SECONDS):
            # The admit stage counts a key's windows in its tenant's group, as here.
            return await limiter.current_use(scope, group=tenant.id)
    except (LimiterUnavailableError, TimeoutError):
        return None


@dataclass(frozen=True, slots=True)
class KeyLimit:
    """One limit in force on a key and what its window counts now (None: unavailable)."""

    label: str
    limit: float | int
    used: float | int | None
    whole: bool


async def key_limits(
    limiter: Limiter, admission: AdmissionConfig, tenant: TenantRecord, keys: list[KeyRecord]
) -> dict[str, list[KeyLimit]]:
    """Per active key with limits in force (its own, else the config file's entry for it, else
    the key default, field by field, as the admit stage takes them): each limit and its use."""
    shown: dict[str, list[KeyLimit]] = {}
    for key in keys:
        if key.status() != "active":
            continue
        entry = admission.keys.get(key.id) or RateLimits()
        in_force: list[tuple[str, str, bool, float | int]] = []
        for name, label, whole in LIMIT_FIELDS:
            value = getattr(key.limits, name) if key.limits is not None else None
            if value is None:
                value = getattr(entry, name)
            if value is None:
                value = getattr(admission.key_default, name)
            if value is not None:
                in_force.append((name, label, whole, value))
        if not in_force:
            continue
        use = await current_use(limiter, tenant, key.id)
        rows = []
        for name, label, whole, value in in_force:
            rows.append(KeyLimit(label, value, _used(use, name), whole))
        shown[key.id] = rows
    return shown


def limit_rows(
    tenant: TenantRecord,
    admission: AdmissionConfig,
    limiter_use: CurrentUse | None,
    recorded: TenantUse | None,
) -> list[LimitRow]:
    configured = admission.tenants.get(tenant.name) or RateLimits()
    default = admission.tenant_default
    in_ledger: dict[str, int] = {
        "tokens_per_day": recorded.tokens_today if recorded else 0,
        "tokens_per_month": recorded.tokens_this_month if recorded else 0,
    }
    rows = []
    for name, label, whole in LIMIT_FIELDS:
        stored = getattr(tenant.limits, name) if tenant.limits is not None else None
        from_config = getattr(configured, name)
        if from_config is None:
            from_config = getattr(default, name)
        in_force = stored is not None or from_config is not None
        used = _used(limiter_use, name) if in_force else None
        rows.append(
            LimitRow(
                name,
                label,
                stored,
                from_config,
                used,
                whole,
                unavailable=in_force and limiter_use is None,
                recorded=in_ledger.get(name),
            )
        )
    return rows


async def tenant_use(
    engine: AsyncEngine, cache: DayCache, now: datetime, tenant_id: str | None = None
) -> dict[str, TenantUse]:
    """Per tenant id: tokens and requests today and this month (UTC, from the daily rollup)."""
    today = now.astimezone(UTC).date()
    rows = await daily_sums(
        engine,
        cache,
        now,
        since=today.replace(day=1),
        group_by=("tenant_id",),
        tenant_id=tenant_id,
    )
    sums: dict[str, list[int]] = {}
    for row in rows:
        total = sums.setdefault(row["tenant_id"], [0, 0, 0])
        tokens = row["input_tokens"] + row["output_tokens"]
        total[2] += tokens
        if row["day"] == today.isoformat():
            total[0] += row["requests"]
            total[1] += tokens
    return {
        tenant: TenantUse(
            tokens_today=total[1], tokens_this_month=total[2], requests_today=total[0]
        )
        for tenant, total in sums.items()
    }
