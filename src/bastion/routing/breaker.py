"""A circuit breaker per replica: consecutive failures open it, one trial request closes it."""

from __future__ import annotations

from enum import StrEnum

from bastion.config.schema import CircuitBreakerConfig


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class CircuitBreaker:
    """Closed: traffic flows. Open: none, for a time that doubles with each re-opening.
    Half-open: one trial request at a time; its success closes the circuit, its failure
    re-opens it."""

    __slots__ = (
        "_config",
        "consecutive_failures",
        "open_for",
        "opened_at",
        "openings",
        "reason",
        "state",
        "trial_started",
    )

    def __init__(self, config: CircuitBreakerConfig) -> None:
        self._config = config
        self.state = BreakerState.CLOSED
        self.consecutive_failures = 0
        self.opened_at = 0.0
        self.open_for = config.open_seconds
        self.openings = 0
        self.reason = ""
        self.trial_started: float | None = None

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
        # A trial whose outcome never came back (its client left) expires.
        trial = self.trial_started
        return trial is None or now - trial > self._config.open_seconds

    def attempt(self, now: float) -> None:
        """A request is being sent; in half-open state it is the trial."""
        if self.state is BreakerState.HALF_OPEN:
            self.trial_started = now

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
            self.open_for = min(self.open_for * 2, self._config.max_open_seconds)
            self._open(now, f"trial failed: {reason}")
            return True
        if (
            self.state is BreakerState.CLOSED
            and self.consecutive_failures >= self._config.failure_threshold
        ):
            self._open(now, f"{self.consecutive_failures} consecutive failures, last: {reason}")
            return True
        return False

    def trip(self, now: float, reason: str) -> None:
        """Opens the circuit at once (a wedged engine), whatever the failure count."""
        if self.state is BreakerState.OPEN:
            self.opened_at = now
            self.reason = reason
            return
        self._open(now, reason)

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
