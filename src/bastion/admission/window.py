"""A sliding one-minute window counted in one-second slots.

The sum over the last 60 slots never exceeds the limit, so a limit of 600 per minute admits at
most 600 in any minute — not 600 plus a refill, as a token bucket starting full would — while
memory stays at 60 integers per counted key.
"""

from __future__ import annotations

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
