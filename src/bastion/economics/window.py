"""The time window a report covers, aligned to whole UTC hours like the hourly rollup.

A window that runs up to now ends inside the current hour: that last hour is partial, and says
so, rather than being left out (the report would lag by up to an hour) or counted whole (its
future minutes would count as idle time and cost).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

_HOUR = timedelta(hours=1)


class WindowError(ValueError):
    """Bounds that make no window: inverted, or past the calendar's range."""


@dataclass(frozen=True, slots=True)
class Window:
    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("window bounds must be timezone-aware")
        if self.end <= self.start:
            raise WindowError("a window must end after it starts")

    @classmethod
    def whole_hours(cls, start: datetime, end: datetime) -> Window:
        """The smallest hour-aligned window containing [start, end); WindowError when ``end``
        is not after ``start`` (widening must not turn inverted bounds into an hour)."""
        if end <= start:
            raise WindowError("a window must end after it starts")
        first = _floor_hour(start)
        last = _floor_hour(end)
        if last < end:
            last += _HOUR
        return cls(first, last)

    @classmethod
    def requested(
        cls, *, since: datetime | None, until: datetime | None, days: float, now: datetime
    ) -> Window:
        """The window asked for: ``since`` to ``until`` widened to whole hours, or ``days``
        before ``until``; without ``until`` it runs to ``now``, its current hour partial. It
        never runs past now. Every reader of the hourly rollup given bounds (the cost report,
        ``GET /admin/usage``) aligns them here, so the same bounds sum the same hours."""
        try:
            if until is None:
                if since is not None:
                    return cls.up_to_now(since, now)
                return cls.last_days(days, now)
            start = since if since is not None else until - timedelta(days=days)
            window = cls.whole_hours(start, until)
        except OverflowError:  # days past the calendar, or bounds at its very ends
            raise WindowError("the window is out of range") from None
        if window.end > now:
            return cls.up_to_now(window.start, now)
        return window

    @classmethod
    def last_days(cls, days: float, now: datetime) -> Window:
        """``days`` of whole hours before the current one, and the current hour up to ``now``."""
        return cls.up_to_now(_floor_hour(now) - timedelta(days=days), now)

    @classmethod
    def up_to_now(cls, start: datetime, now: datetime) -> Window:
        """From the hour of ``start`` to the end of ``now``'s second; the current hour is
        partial. Rounded up, not down: a request that finished earlier in this second is
        counted."""
        moment = now.astimezone(UTC)
        end = moment.replace(microsecond=0)
        if end < moment:
            end += timedelta(seconds=1)
        return cls(_floor_hour(start), end)

    @property
    def partial_hour(self) -> datetime | None:
        """The start of the last hour when the window ends inside it (it runs to now)."""
        last = _floor_hour(self.end)
        return last if last < self.end.astimezone(UTC) else None

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()

    @property
    def hours(self) -> Decimal:
        return Decimal(int(self.seconds)) / 3600

    @property
    def hours_text(self) -> str:
        """The length in hours, to two decimals at most: 24, 48.52."""
        return f"{round(self.hours, 2).normalize():f}"

    def describe(self) -> str:
        fmt = "%Y-%m-%d %H:%M"
        end = self.end.astimezone(UTC)
        text = f"{self.start.astimezone(UTC).strftime(fmt)} to {end.strftime(fmt)} UTC"
        partial = self.partial_hour
        if partial is None:
            return f"{text} ({self.hours_text} h)"
        return (
            f"{text} ({self.hours_text} h; the current hour, {partial.strftime('%H:%M')} to "
            f"{end.strftime('%H:%M')}, is partial)"
        )


def _floor_hour(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
