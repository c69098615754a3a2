"""Sliding one-minute windows: one counted in one-second slots, one an exact log.

Neither admits a limit plus a refill, as a token bucket starting full would. The slotted window
keeps 60 integers per key but lets a slot's amounts leave up to a second early (tokens); the log
keeps one time per counted request and is exact (requests).
"""

from __future__ import annotations

from collections import deque

WINDOW_SECONDS = 60


class SlidingWindow:
    __slots__ = ("_second", "_slots", "_total")

    def __init__(self) -> None:
        self._slots = [0] * WINDOW_SECONDS
        self._second = 0
        self._total = 0

    def _advance(self, now: float) -> int:
        second = int(now)
        if second != self._second:
            steps = min(second - self._second, WINDOW_SECONDS)
            for offset in range(1, steps + 1):
                slot = (self._second + offset) % WINDOW_SECONDS
                self._total -= self._slots[slot]
                self._slots[slot] = 0
            self._second = second
        return second % WINDOW_SECONDS

    def used(self, now: float) -> int:
        self._advance(now)
        return self._total

    def add(self, now: float, amount: int) -> None:
        slot = self._advance(now)
        self._slots[slot] += amount
        self._total += amount

    def adjust(self, at: float, now: float, amount: int) -> None:
        """Corrects an earlier addition made at ``at`` (if still in the window) by ``amount``."""
        self._advance(now)
        if now - at >= WINDOW_SECONDS:
            return
        slot = int(at) % WINDOW_SECONDS
        change = max(amount, -self._slots[slot])
        self._slots[slot] += change
        self._total += change

    def wait_for(self, now: float, needed: int, limit: int) -> float:
        """Seconds until ``needed`` more fits under ``limit`` as old slots leave the window."""
        self._advance(now)
        excess = self._total + needed - limit
        if excess <= 0:
            return 0.0
        if needed > limit:
            return float(WINDOW_SECONDS)
        freed = 0
        for age in range(WINDOW_SECONDS - 1, -1, -1):  # oldest slot first
            second = self._second - age
            freed += self._slots[second % WINDOW_SECONDS]
            if freed >= excess:
                # That slot leaves the window when the clock passes second + 60.
                return max(0.0, second + WINDOW_SECONDS - now)
        return float(WINDOW_SECONDS)


class SlidingLog:
    """Request times of the last minute, exactly: no 60-second span holds more than the limit.

    Slots of a second would let the first slot's requests leave the window up to a second early
    (59 s after they were admitted), admitting up to 1.7 % too many per minute; a log does not,
    at the cost of one float per counted request (at most the limit).
    """

    __slots__ = ("_times",)

    def __init__(self) -> None:
        self._times: deque[float] = deque()

    def used(self, now: float) -> int:
        times = self._times
        while times and times[0] <= now - WINDOW_SECONDS:
            times.popleft()
        return len(times)

    def add(self, now: float) -> None:
        self._times.append(now)

    def wait_for(self, now: float, limit: int) -> float:
        """Seconds until one more request fits under ``limit``."""
        if self.used(now) < limit:
            return 0.0
        return self._times[len(self._times) - limit] + WINDOW_SECONDS - now

    def empty_in(self, now: float) -> float:
        """Seconds until the window holds nothing again."""
        self.used(now)
        return self._times[-1] + WINDOW_SECONDS - now if self._times else 0.0
