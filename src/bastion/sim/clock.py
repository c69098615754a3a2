"""Simulated time: the one place where real time and simulated time meet.

Simulated time advances only by engine steps. Between steps it stands still, so the Python
work of the simulator itself never shows up in reported latencies, however fast ``time_scale``
runs; within a step it follows real time (scaled) up to the step's end, so a request arriving
mid-step is stamped fairly. Real pacing keeps a running deadline, so overhead between steps is
absorbed instead of stretching the real run.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

# Behind by more than this (real seconds), the pacer stops trying to catch up.
_MAX_LAG = 0.05


class SimClock:
    def __init__(self, time_scale: float, monotonic: Callable[[], float] = time.monotonic) -> None:
        if time_scale <= 0:
            raise ValueError("time_scale must be positive")
        self.time_scale = time_scale
        self._monotonic = monotonic
        self._sim = 0.0
        self._step_end: float | None = None
        self._step_real_start = 0.0
        self._deadline: float | None = None
        self._started = monotonic()

    def now(self) -> float:
        """Current simulated time, in seconds since the clock was made."""
        if self._step_end is None:
            return self._sim
        elapsed = (self._monotonic() - self._step_real_start) * self.time_scale
        return min(self._sim + elapsed, self._step_end)

    def uptime(self) -> float:
        """Simulated seconds since start as the wall clock sees them (idle time included)."""
        return (self._monotonic() - self._started) * self.time_scale

    def restart_uptime(self) -> None:
        self._started = self._monotonic()

    def to_real(self, seconds: float) -> float:
        return seconds / self.time_scale

    async def advance(self, seconds: float) -> None:
        """Run one engine step of ``seconds`` simulated seconds. Only the engine loop calls this."""
        real_now = self._monotonic()
        if self._deadline is None or self._deadline < real_now - _MAX_LAG:
            self._deadline = real_now
        self._step_real_start = self._deadline
        self._deadline += seconds / self.time_scale
        self._step_end = self._sim + seconds
        try:
            # sleep(0) still yields, so request handlers run between steps at any speed.
            await asyncio.sleep(max(0.0, self._deadline - real_now))
        finally:
            self._sim = self._step_end
            self._step_end = None

    def idle(self) -> None:
        """The engine has no work: the next step starts pacing afresh instead of catching up."""
        self._deadline = None

    async def sleep(self, seconds: float) -> None:
        """A plain wait of ``seconds`` simulated seconds outside the engine (faults, embeddings)."""
        await asyncio.sleep(seconds / self.time_scale)
