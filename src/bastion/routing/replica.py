"""One engine behind a backend: its connections and everything routing knows about it."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from bastion.config import BackendConfig
from bastion.config.schema import ReplicaCapacity
from bastion.providers.http import HttpUpstream
from bastion.routing.breaker import BreakerState, CircuitBreaker
from bastion.routing.signals import EngineSample

# Added to a saturated replica's load: it is chosen only when every other one is saturated too.
SATURATED = 1_000_000.0
_RECENT_FAILURES = 20
# Scrapes in a row that must show requests waiting behind the same number running before that
# number is taken as the engine's concurrency.
_PLATEAU_SCRAPES = 3


class Supervisor(Protocol):
    """What a replica asks of the process supervising its launched engine
    (``routing.supervisor.EngineSupervisor``, which imports this module)."""

    def describe(self) -> dict[str, Any]: ...

    def restart(self, reason: str) -> None: ...


@dataclass(frozen=True, slots=True)
class FailureEvent:
    at: float  # wall clock
    reason: str


def origin_of(base_url: str) -> str:
    """``http://gpu1:8000/v1`` → ``http://gpu1:8000``: engines serve /health and /metrics there."""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}"


class Replica:
    def __init__(
        self,
        backend: str,
        index: int,
        base_url: str,
        http: HttpUpstream,
        config: BackendConfig,
        *,
        own_capacity: ReplicaCapacity | None = None,
    ) -> None:
        self.backend = backend
        self.index = index
        self.name = f"{backend}#{index}"
        self.base_url = base_url
        self.origin = origin_of(base_url)
        self.http = http
        self.activity = http.activity
        watchdog = config.watchdog_limit
        # A trial request without an answer after the watchdog time has failed (without a
        # watchdog, its total timeout ends it); short rests do not restart the stall clock.
        self.breaker = CircuitBreaker(
            config.circuit_breaker, trial_seconds=watchdog or config.timeouts.total
        )
        self.activity.bridge = watchdog or 0.0
        # Called when this process opens the circuit (the gateway tells its other workers).
        self.on_circuit_open: Callable[[Replica, str], None] | None = None
        # Health: active probes (when enabled) and readiness of a supervised engine.
        self.healthy = True
        self.health_error = ""
        self.health_failures = 0
        self.health_successes = 0
        self.health_checked = False  # set by the first probe that got an answer or an error
        self.ready = True
        # Engine signals; ``metrics_seen`` stays False for an engine without /metrics.
        self.sample: EngineSample | None = None
        self.sampled_at: float | None = None
        self.metrics_seen = False
        self._metrics = config.engine_metrics if config.engine_metrics_enabled else None
        self.failures: deque[FailureEvent] = deque(maxlen=_RECENT_FAILURES)
        capacity = config.capacity
        self._learn = capacity.learn
        self._concurrency = capacity.concurrent_requests
        self._kv_tokens = capacity.kv_tokens
        if own_capacity is not None:
            self._concurrency = own_capacity.concurrent_requests or self._concurrency
            self._kv_tokens = own_capacity.kv_tokens or self._kv_tokens
        self.learned_concurrency: int | None = None
        self._plateau: tuple[int, int] = (0, 0)  # (running, scrapes in a row)
        self.supervisor: Supervisor | None = None

    def eligible(self, now: float) -> bool:
        return self.ready and self.healthy and self.breaker.available(now)

    def saturated(self, now: float) -> bool:
        """An engine whose numbers are stale, or whose KV cache is full, takes no more work
        while others can."""
        settings = self._metrics
        if settings is None or not self.metrics_seen:
            return False
        if self.sampled_at is None or now - self.sampled_at > settings.stale_after_seconds:
            return True
        sample = self.sample
        return sample is not None and sample.kv_usage >= settings.kv_saturation

    @property
    def concurrency(self) -> int | None:
        """Requests this replica may run at once: configured, else learned; None: unknown."""
        if self._concurrency is not None or not self._learn:
            return self._concurrency
        return self.learned_concurrency

    @property
    def kv_tokens(self) -> int | None:
        """Tokens its KV cache holds: configured, else as the engine states it; None: unknown."""
        if self._kv_tokens is not None or not self._learn:
            return self._kv_tokens
        sample = self.sample
        return int(sample.kv_tokens) if sample is not None and sample.kv_tokens else None

    def load(self, now: float) -> float:
        """Requests this gateway has in flight here plus those the engine says are queued."""
        in_flight = self.activity.in_flight
        load = float(in_flight)
        sample = self.sample
        if sample is not None:
            load += sample.waiting
        limit = self.concurrency
        if self.saturated(now) or (limit is not None and in_flight >= limit):
            load += SATURATED
        return load

    def observe(self, sample: EngineSample, now: float) -> None:
        previous = self.sample
        if (
            previous is not None
            and sample.generated is not None
            and previous.generated is not None
            and sample.generated > previous.generated
        ):
            # Tokens were generated: the engine progresses even if no byte reached us yet
            # (non-streamed answers arrive whole at the end).
            self.activity.last_progress = now
        self.sample = sample
        self.sampled_at = now
        self.metrics_seen = True
        if self._learn:
            self._learn_concurrency(sample)

    def _learn_concurrency(self, sample: EngineSample) -> None:
        """While requests wait behind a steady number running, that number is what the engine
        runs at once (its max_num_seqs, or what its KV cache holds). Only ever raised."""
        running = int(sample.running)
        if sample.waiting < 1 or running < 1:
            self._plateau = (0, 0)
            return
        seen, count = self._plateau
        count = count + 1 if running == seen else 1
        self._plateau = (running, count)
        if count >= _PLATEAU_SCRAPES and running > (self.learned_concurrency or 0):
            self.learned_concurrency = running

    def succeeded(self) -> bool:
        """Counts a successful request; returns True when it closed the circuit."""
        return self.breaker.succeeded()

    def failed(self, now: float, reason: str) -> bool:
        """Counts a failed request; returns True when it opened the circuit."""
        self.failures.append(FailureEvent(time.time(), reason))
        opened = self.breaker.failed(now, reason)
        if opened and self.on_circuit_open is not None:
            self.on_circuit_open(self, self.breaker.reason)
        return opened

    def trip(self, now: float, reason: str) -> None:
        self.failures.append(FailureEvent(time.time(), reason))
        was_open = self.breaker.state is BreakerState.OPEN
        self.breaker.trip(now, reason)
        if not was_open and self.on_circuit_open is not None:
            self.on_circuit_open(self, self.breaker.reason)

    def opened_elsewhere(self, now: float, reason: str) -> None:
        """Another gateway process opened this replica's circuit: a closed one opens here too,
        so requests stop going to it everywhere at once. (One already open or on trial keeps
        its own course.)"""
        if self.breaker.state is BreakerState.CLOSED:
            self.breaker.trip(now, reason)

    def describe(self, now: float) -> dict[str, Any]:
        breaker = self.breaker
        sample = self.sample
        state = {
            "name": self.name,
            "base_url": self.base_url,
            "eligible": self.eligible(now),
            "ready": self.ready,
            "healthy": self.healthy,
            "health_error": self.health_error or None,
            "circuit": breaker.state.value,
            "circuit_reason": breaker.reason or None,
            "circuit_retry_in_seconds": round(breaker.retry_in(now), 3),
            "circuit_openings": breaker.openings,
            "consecutive_failures": breaker.consecutive_failures,
            "in_flight": self.activity.in_flight,
            "load": self.load(now),
            "saturated": self.saturated(now),
            "capacity": {"concurrent_requests": self.concurrency, "kv_tokens": self.kv_tokens},
            "engine": None
            if sample is None
            else {
                "waiting": sample.waiting,
                "running": sample.running,
                "kv_cache_usage": sample.kv_usage,
                "age_seconds": round(now - self.sampled_at, 3) if self.sampled_at else None,
            },
            "recent_failures": [{"at": f.at, "reason": f.reason} for f in self.failures],
        }
        if self.supervisor is not None:
            state["process"] = self.supervisor.describe()
        return state


def replica_available(replica: Replica, now: float) -> bool:
    """Whether the replica may take a request now, without changing its circuit's state: an
    open circuit whose time is up counts, as it lets the next request through as a trial."""
    return replica.ready and replica.healthy and replica.breaker.retry_in(now) == 0
