"""Busy time of an engine from request intervals: the union of [started, finished) in a window.

Intervals must arrive sorted by start, so that a month of requests is merged in one pass with
constant memory apart from the requests in flight at one moment (for the peak).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Busy:
    window_seconds: float
    busy_seconds: float
    # Sum of request durations inside the window / window length (Little's law: mean in flight).
    mean_concurrency: float
    # None when read from the rollup, which keeps busy seconds, not requests in flight.
    peak_concurrency: int | None

    @property
    def utilisation(self) -> float:
        """The fraction of wall time with at least one request in flight."""
        return self.busy_seconds / self.window_seconds


@dataclass(slots=True)
class BusyTracker:
    window_start: float
    window_end: float
    _busy: float = 0.0
    _occupied: float = 0.0
    _run_start: float | None = None
    _run_end: float = 0.0
    _last_start: float = float("-inf")
    _in_flight: list[float] = field(default_factory=list)
    _peak: int = 0

    def add(self, started: float, finished: float) -> None:
        """One request, in seconds since the epoch; starts must not decrease between calls."""
        if started < self._last_start:
            raise ValueError("intervals must be added in order of their start")
        self._last_start = started
        start = max(started, self.window_start)
        end = min(max(finished, started), self.window_end)
        if end <= start:
            return
        self._occupied += end - start
        while self._in_flight and self._in_flight[0] <= start:
            heapq.heappop(self._in_flight)
        heapq.heappush(self._in_flight, end)
        self._peak = max(self._peak, len(self._in_flight))
        if self._run_start is None or start > self._run_end:
            self._close_run()
            self._run_start, self._run_end = start, end
        else:
            self._run_end = max(self._run_end, end)

    def result(self) -> Busy:
        self._close_run()
        seconds = self.window_end - self.window_start
        return Busy(seconds, self._busy, self._occupied / seconds, self._peak)

    def _close_run(self) -> None:
        if self._run_start is not None:
            self._busy += self._run_end - self._run_start
            self._run_start = None


def busy_time(intervals: list[tuple[float, float]], window_start: float, window_end: float) -> Busy:
    """Convenience for small, unsorted samples."""
    tracker = BusyTracker(window_start, window_end)
    for started, finished in sorted(intervals):
        tracker.add(started, finished)
    return tracker.result()
