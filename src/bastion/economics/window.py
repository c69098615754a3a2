"""The time window a report covers, aligned to whole UTC hours like the hourly rollup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

_HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Window:
    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("window bounds must be timezone-aware")
        if self.end <= self.start:
            raise ValueError("a window must end after it starts")

    @classmethod
    def whole_hours(cls, start: datetime, end: datetime) -> Window:
        """The smallest hour-aligned window containing [start, end)."""
        first = _floor_hour(start)
        last = _floor_hour(end)
        if last < end:
            last += _HOUR
        return cls(first, max(last, first + _HOUR))

    @classmethod
    def last_days(cls, days: float, now: datetime) -> Window:
        """``days`` ending at the last full hour before ``now``."""
        end = _floor_hour(now)
        return cls.whole_hours(end - timedelta(days=days), end)

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()

    @property
    def hours(self) -> Decimal:
        return Decimal(int(self.seconds)) / 3600

    def describe(self) -> str:
        fmt = "%Y-%m-%d %H:%M"
        return (
            f"{self.start.astimezone(UTC).strftime(fmt)} to "
            f"{self.end.astimezone(UTC).strftime(fmt)} UTC ({self.hours.normalize():f} h)"
        )


def _floor_hour(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
