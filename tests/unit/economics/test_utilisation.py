"""Busy time from overlapping request intervals, clipped to the window."""

from __future__ import annotations

import pytest

from bastion.economics.utilisation import BusyTracker, busy_time


def test_overlapping_intervals_merge_and_clip() -> None:
    # Window [0, 100). [10, 30) and [20, 40) merge into [10, 40) = 30 s; [50, 60) = 10 s;
    # [95, 120) counts up to 100 = 5 s; [-10, 5) from 0 = 5 s. Busy 50 s of 100 s.
    busy = busy_time([(20, 40), (10, 30), (50, 60), (95, 120), (-10, 5)], 0, 100)

    assert busy.busy_seconds == 50
    assert busy.utilisation == 0.5
    # Durations inside the window: 20 + 20 + 10 + 5 + 5 = 60 s over 100 s.
    assert busy.mean_concurrency == pytest.approx(0.6)
    assert busy.peak_concurrency == 2


def test_nested_and_touching_intervals() -> None:
    # [0, 50) contains [10, 20); [50, 60) touches it: one busy run [0, 60).
    busy = busy_time([(0, 50), (10, 20), (50, 60)], 0, 100)

    assert busy.busy_seconds == 60
    assert busy.peak_concurrency == 2


def test_intervals_outside_the_window_do_not_count() -> None:
    busy = busy_time([(-50, -10), (100, 150)], 0, 100)

    assert (busy.busy_seconds, busy.mean_concurrency, busy.peak_concurrency) == (0, 0, 0)


def test_out_of_order_starts_are_refused() -> None:
    tracker = BusyTracker(0, 100)
    tracker.add(10, 20)
    with pytest.raises(ValueError, match="order of their start"):
        tracker.add(5, 30)
