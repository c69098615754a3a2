"""Fault injection at runtime: which requests fail, and how.

Decisions depend only on the seed and on the order requests arrive in, never on timing, so a
test that sends the same requests sees the same faults.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass

from bastion.sim.clock import SimClock
from bastion.sim.config import FaultConfig
from bastion.sim.engine import SimEngine


class SimulatedCrash(Exception):
    """The simulated process is dead: the connection must be dropped without an answer."""


@dataclass(slots=True)
class Admission:
    """What the fault layer decided for one inference request."""

    error_status: int | None = None
    extra_latency: float = 0.0


class FaultState:
    def __init__(self, config: FaultConfig, seed: int, engine: SimEngine, clock: SimClock) -> None:
        self._seed = seed
        self._engine = engine
        self._clock = clock
        self.config = config
        self._rng = random.Random(seed)
        self._requests = 0
        self._booted_at = 0.0
        self.apply(config)

    def apply(self, config: FaultConfig) -> None:
        """Replace the fault config; a new one also "restarts" a crashed or slow-starting engine."""
        self.config = config
        self._rng = random.Random(self._seed)
        self._requests = 0
        self._booted_at = self._clock.uptime()
        if config.hang:
            self._engine.pause()
        else:
            self._engine.resume()

    @property
    def starting(self) -> bool:
        slow = self.config.slow_start_seconds
        return slow > 0 and self._clock.uptime() - self._booted_at < slow

    @property
    def start_remaining(self) -> float:
        return max(0.0, self.config.slow_start_seconds - (self._clock.uptime() - self._booted_at))

    @property
    def crashed(self) -> bool:
        limit = self.config.crash_after_requests
        return limit is not None and self._requests >= limit

    def admit(self) -> Admission:
        """Count one inference request and decide its fate; raises when the process "dies"."""
        if self.crashed:
            if self.config.crash_mode == "exit":
                os._exit(1)
            raise SimulatedCrash
        self._requests += 1
        config = self.config
        admission = Admission(extra_latency=config.extra_latency_ms / 1000.0)
        if config.error_rate > 0 and self._rng.random() < config.error_rate:
            admission.error_status = config.error_status
        return admission
