"""Calendar periods of token budgets, in UTC."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta


@dataclass(frozen=True, slots=True)
class Period:
    kind: str  # "day" or "month"
    id: str  # "2026-12-02", "2026-12"
    seconds_left: float


def current_periods(now: datetime | None = None) -> tuple[Period, Period]:
    """Today and this month, with the seconds until each ends."""
    now = now or datetime.now(UTC)
    day_end = datetime(now.year, now.month, now.day, tzinfo=UTC) + timedelta(days=1)
    month_end = (
        datetime(now.year + 1, 1, 1, tzinfo=UTC)
        if now.month == 12
        else datetime(now.year, now.month + 1, 1, tzinfo=UTC)
    )
    return (
        Period("day", now.strftime("%Y-%m-%d"), (day_end - now).total_seconds()),
        Period("month", now.strftime("%Y-%m"), (month_end - now).total_seconds()),
    )
