"""Report windows: whole UTC hours, as the hourly rollup keeps them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from bastion.config import BastionConfig, config_from_mapping
from bastion.economics.service import longest_request, report_window
from bastion.economics.window import Window, WindowError

NOW = datetime(2026, 12, 1, 10, 31, tzinfo=UTC)


def test_explicit_bounds_widen_to_whole_hours() -> None:
    window = Window.whole_hours(
        datetime(2026, 11, 1, 9, 15, tzinfo=UTC), datetime(2026, 11, 1, 11, 5, tzinfo=UTC)
    )

    assert (window.start.hour, window.end.hour, window.hours) == (9, 12, 3)


def test_last_days_run_to_now_with_the_current_hour_partial() -> None:
    window = report_window(since=None, until=None, days=2, now=NOW)

    assert window.start == datetime(2026, 11, 29, 10, tzinfo=UTC)
    assert window.end == NOW
    assert window.partial_hour == datetime(2026, 12, 1, 10, tzinfo=UTC)
    assert window.describe() == (
        "2026-11-29 10:00 to 2026-12-01 10:31 UTC "
        "(48.52 h; the current hour, 10:00 to 10:31, is partial)"
    )


def test_default_is_thirty_days_and_the_current_hour() -> None:
    window = report_window(since=None, until=None, days=None, now=NOW)

    assert window.start == datetime(2026, 11, 1, 10, tzinfo=UTC)
    assert window.hours == 30 * 24 + Decimal(31) / 60


def test_since_without_until_runs_to_now() -> None:
    window = report_window(
        since=datetime(2026, 11, 30, 9, 45, tzinfo=UTC), until=None, days=None, now=NOW
    )

    assert (window.start, window.end) == (datetime(2026, 11, 30, 9, tzinfo=UTC), NOW)


def test_a_window_of_past_hours_is_whole() -> None:
    until = datetime(2026, 11, 30, 12, 10, tzinfo=UTC)
    window = report_window(since=None, until=until, days=1, now=NOW)

    assert window.partial_hour is None
    assert window.describe() == "2026-11-29 12:00 to 2026-11-30 13:00 UTC (25 h)"


def test_a_window_never_runs_past_now() -> None:
    until = datetime(2026, 12, 2, tzinfo=UTC)
    window = report_window(since=datetime(2026, 12, 1, tzinfo=UTC), until=until, days=None, now=NOW)

    assert window.end == NOW
    assert window.partial_hour == datetime(2026, 12, 1, 10, tzinfo=UTC)


def test_now_is_taken_to_the_end_of_its_second() -> None:
    """A request that finished a moment ago, within the current second, is in the window."""
    earlier = NOW - timedelta(seconds=1)
    window = report_window(since=None, until=None, days=1, now=earlier.replace(microsecond=123456))

    assert window.end == NOW
    assert window.seconds == 86_400 + 31 * 60
    assert earlier.replace(microsecond=500_000) < window.end


def test_windows_must_be_aware_and_forward() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Window(datetime(2026, 11, 1), datetime(2026, 11, 2))
    with pytest.raises(ValueError, match="end after"):
        Window(NOW, NOW)


def test_longest_request_follows_the_backends_total_timeouts() -> None:
    config = config_from_mapping(
        {
            "backends": {
                "a": {"kind": "simulator", "location": "local"},
                "b": {"kind": "simulator", "location": "local", "timeouts": {"total": 3600}},
            }
        }
    )

    assert longest_request(config) == timedelta(hours=1)
    assert longest_request(BastionConfig()) == timedelta(seconds=900)


def test_inverted_bounds_are_not_widened_into_an_hour() -> None:
    start = datetime(2026, 12, 7, tzinfo=UTC)
    with pytest.raises(WindowError, match="must end after it starts"):
        Window.whole_hours(start, start - timedelta(days=6))
    with pytest.raises(WindowError, match="must end after it starts"):
        Window.whole_hours(start, start)
