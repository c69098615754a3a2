"""A circuit breaker per replica: consecutive failures open it, one trial request closes it."""

from __future__ import annotations

import math
from enum import StrEnum

from bastion.config.schema import CircuitBreakerConfig


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class CircuitBreaker:
    """Closed: traffic flows. Open: none, for a time that doubles with each re-opening.
    Half-open: one trial request at a time; its success closes the circuit, its failure
    re-opens it.

    A trial counts until its outcome is known (``succeeded``, ``failed``) or it ends without
    one (``abandoned``: its client left, the engine shed it); no second trial is sent while one
    is in flight. A trial still without an outcome after ``trial_seconds`` (the watchdog time)
    has failed.
    """

    __slots__ = (
        "_config",
        "_trial_seconds",
        "consecutive_failures",
        "open_for",
        "opened_at",
        "openings",
        "reason",
        "state",
        "trial",
        "trial_started",
    )

    def __init__(self, config: CircuitBreakerConfig, trial_seconds: float = math.inf) -> None:
        self._config = config
        self._trial_seconds = trial_seconds
        self.state = BreakerState.CLOSED
        self.consecutive_failures = 0
        self.opened_at = 0.0
        self.open_for = config.open_seconds
        self.openings = 0
        self.reason = ""
        self.trial = 0  # number of the latest trial
        self.trial_started: float | None = None  # while a trial is in flight

    def available(self, now: float) -> bool:
        """Whether a request may be sent now (moves an expired open circuit to half-open)."""
        state = self.state
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.OPEN:
            if now < self.opened_at + self.open_for:
                return False
            self.state = BreakerState.HALF_OPEN
            self.trial_started = None
        started = self.trial_started
        if started is None:
            return True
        if now - started >= self._trial_seconds:
            self._reopen(now, f"trial got no answer within {self._trial_seconds:g}s")
        return False

    def attempt(self, now: float) -> int:
        """A request is being sent; in half-open state it is the trial, and its number (not
        0) is returned, for ``abandoned``."""
        if self.state is not BreakerState.HALF_OPEN:
            return 0
        self.trial += 1
        self.trial_started = now
        return self.trial

    def abandoned(self, trial: int) -> None:
        """Trial ``trial`` ended without an outcome: the next request is the trial."""
        if trial == self.trial and self.state is BreakerState.HALF_OPEN:
            self.trial_started = None

    def succeeded(self) -> bool:
        """Counts a success; returns True when it closed the circuit."""
        self.consecutive_failures = 0
        if self.state is BreakerState.CLOSED:
            return False
        self.state = BreakerState.CLOSED
        self.open_for = self._config.open_seconds
        self.trial_started = None
        self.reason = ""
        return True

    def failed(self, now: float, reason: str) -> bool:
        """Counts a failure; returns True when it opened the circuit."""
        self.consecutive_failures += 1
        if not self._config.enabled:
            return False
        if self.state is BreakerState.HALF_OPEN:
            self._reopen(now, reason)
            return True
        if (
            self.state is BreakerState.CLOSED
            and self.consecutive_failures >= self._config.failure_threshold
        ):
            self._open(now, f"{self.consecutive_failures} consecutive failures, last: {reason}")
            return True
        return False

    def trip(self, now: float, reason: str) -> None:
        """Opens the circuit at once (a wedged engine), whatever the failure count; in
        half-open state the trial has failed."""
        state = self.state
        if state is BreakerState.OPEN:
            self.opened_at = now
            self.reason = reason
        elif state is BreakerState.HALF_OPEN:
            self._reopen(now, reason)
        else:
            self._open(now, reason)

    def _reopen(self, now: float, reason: str) -> None:
        """The trial failed: open again, for twice as long as last time (up to the cap)."""
        self.open_for = min(self.open_for * 2, self._config.max_open_seconds)
        self._open(now, f"trial failed: {reason}")

    def _open(self, now: float, reason: str) -> None:
        self.state = BreakerState.OPEN
        self.opened_at = now
        self.openings += 1
        self.trial_started = None
        self.reason = reason

    def retry_in(self, now: float) -> float:
        """Seconds until an open circuit lets a trial through (0 when not open)."""
        if self.state is not BreakerState.OPEN:
            return 0.0
        return max(0.0, self.opened_at + self.open_for - now)
