"""Tenants, keys, limits and their current use: the key store's repositories, the config
file's limits, the ledger rollup (tokens today and this month) and this process's last
minute (requests per minute)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.config import AdmissionConfig
from bastion.config.schema import RateLimits
from bastion.console.daycache import DayCache
from bastion.console.forms import Form
from bastion.console.history import daily_sums
from bastion.store import TenantRecord
from bastion.telemetry.recent import Minute

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


@dataclass(frozen=True, slots=True)
class LimitRow:
    field: str
    label: str
    stored: float | int | None
    configured: float | int | None
    used: float | int | None
    whole: bool

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
    requests_last_minute: int
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


def limit_rows(
    tenant: TenantRecord, admission: AdmissionConfig, use: TenantUse | None
) -> list[LimitRow]:
    configured = admission.tenants.get(tenant.name) or RateLimits()
    default = admission.tenant_default
    used: dict[str, int | None] = {
        "requests_per_minute": use.requests_last_minute if use else None,
        "tokens_per_day": use.tokens_today if use else None,
        "tokens_per_month": use.tokens_this_month if use else None,
    }
    rows = []
    for name, label, whole in LIMIT_FIELDS:
        stored = getattr(tenant.limits, name) if tenant.limits is not None else None
        from_config = getattr(configured, name)
        if from_config is None:
            from_config = getattr(default, name)
        rows.append(LimitRow(name, label, stored, from_config, used.get(name), whole))
    return rows


async def tenant_use(
    engine: AsyncEngine, cache: DayCache, now: datetime, tenant_id: str | None = None
) -> dict[str, TenantUse]:
    """Per tenant id: tokens and requests today and this month (UTC, from the rollup, as the
    budgets count them); the caller adds this process's last minute."""
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
            requests_last_minute=0,
            tokens_today=total[1],
            tokens_this_month=total[2],
            requests_today=total[0],
        )
        for tenant, total in sums.items()
    }


def last_minute(minutes: list[Minute], tenant_name: str) -> int:
    """A tenant's requests in the current minute, as this process counted them."""
    return sum(m.tenants.get(tenant_name, 0) for m in minutes[-1:])


def with_last_minute(use: TenantUse | None, minutes: list[Minute], name: str) -> TenantUse:
    base = use or TenantUse(0, 0, 0, 0)
    return TenantUse(
        last_minute(minutes, name), base.tokens_today, base.tokens_this_month, base.requests_today
    )
