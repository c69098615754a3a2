"""A retry budget: retries may add only a bounded share to the recent request rate.

Without one, a failing fleet receives a multiple of its normal load just when it can least
take it (the retry storm); with one, retries stop once they exceed ``ratio`` of recent
requests plus a small floor, and requests fail fast instead.
"""

from __future__ import annotations

_WINDOW_SECONDS = 10


class RetryBudget:
    __slots__ = ("_floor", "_ratio", "_requests", "_retries", "_second")

    def __init__(self, ratio: float, min_per_second: float) -> None:
        self._ratio = ratio
        self._floor = min_per_second * _WINDOW_SECONDS
        # One slot per second of the window, as a ring.
        self._requests = [0] * _WINDOW_SECONDS
        self._retries = [0] * _WINDOW_SECONDS
        self._second = 0

    def _advance(self, now: float) -> int:
        second = int(now)
        if second != self._second:
            steps = min(second - self._second, _WINDOW_SECONDS)
            for offset in range(1, steps + 1):
                slot = (self._second + offset) % _WINDOW_SECONDS
                self._requests[slot] = 0
                self._retries[slot] = 0
            self._second = second
        return second % _WINDOW_SECONDS

    def request(self, now: float) -> None:
        self._requests[self._advance(now)] += 1

    def try_retry(self, now: float) -> bool:
        """Spends one retry if the budget allows it."""
        slot = self._advance(now)
        if sum(self._retries) >= self._ratio * sum(self._requests) + self._floor:
            return False
        self._retries[slot] += 1
        return True
