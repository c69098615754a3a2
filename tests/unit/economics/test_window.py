"""Report windows: whole UTC hours, as the hourly rollup keeps them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bastion.config import BastionConfig, config_from_mapping
from bastion.economics.service import longest_request, report_window
from bastion.economics.window import Window

NOW = datetime(2026, 12, 1, 10, 31, tzinfo=UTC)


def test_explicit_bounds_widen_to_whole_hours() -> None:
    window = Window.whole_hours(
        datetime(2026, 11, 1, 9, 15, tzinfo=UTC), datetime(2026, 11, 1, 11, 5, tzinfo=UTC)
    )

    assert (window.start.hour, window.end.hour, window.hours) == (9, 12, 3)


def test_last_days_end_at_the_last_full_hour() -> None:
    window = report_window(since=None, until=None, days=2, now=NOW)

    assert window.end == datetime(2026, 12, 1, 10, tzinfo=UTC)
    assert window.start == window.end - timedelta(days=2)
    assert window.describe() == "2026-11-29 10:00 to 2026-12-01 10:00 UTC (48 h)"


def test_default_is_thirty_days() -> None:
    window = report_window(since=None, until=None, days=None, now=NOW)

    assert window.hours == 30 * 24


def test_since_without_until_runs_to_now() -> None:
    window = report_window(since=datetime(2026, 11, 30, tzinfo=UTC), until=None, days=None, now=NOW)

    assert (window.start, window.end) == (
        datetime(2026, 11, 30, tzinfo=UTC),
        datetime(2026, 12, 1, 11, tzinfo=UTC),
    )


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
