"""Background watch over a backend's replicas: health probes, engine metrics, the watchdog."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from bastion.routing.pool import BackendPool
from bastion.routing.replica import FailureEvent, Replica
from bastion.routing.signals import parse_engine_metrics
from bastion.tasks import stop_tasks
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

# How often an engine whose Responses API support is unknown (it was down) is asked again.
_DETECT_INTERVAL_SECONDS = 10.0


class PoolMonitor:
    def __init__(self, pool: BackendPool, metrics: GatewayMetrics) -> None:
        self.pool = pool
        self._metrics = metrics
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        config = self.pool.config
        for replica in self.pool.replicas:
            if config.health_enabled:
                self._spawn(self._probe_health, replica)
            if config.engine_metrics_enabled:
                self._spawn(self._scrape_metrics, replica)
        limit = config.watchdog_limit
        if limit is not None:
            self._tasks.append(asyncio.create_task(self._watchdog(limit)))
        if self.pool.provider.responses_native is None and self.pool.replicas:
            self._tasks.append(asyncio.create_task(self._detect_responses()))

    def _spawn(
        self, loop: Callable[[Replica], Coroutine[Any, Any, None]], replica: Replica
    ) -> None:
        self._tasks.append(
            asyncio.create_task(loop(replica), name=f"{loop.__name__} {replica.name}")
        )

    async def stop(self) -> None:
        await stop_tasks(*self._tasks)
        self._tasks.clear()

    async def _probe_health(self, replica: Replica) -> None:
        health = self.pool.config.health
        url = replica.origin + health.path
        while True:
            await asyncio.sleep(health.interval_seconds)
            if not replica.ready:
                continue  # a supervised engine still starting: its supervisor gates it
            try:
                status, _ = await replica.http.get(url, health.timeout_seconds)
                if status == 404 and not replica.health_checked:
                    # Ollama and some servers have no health path: no probes, rather than
                    # taking a working engine out. Passive detection still applies.
                    log.warning(
                        "engine has no health endpoint; active probes off",
                        extra={"replica": replica.name, "path": health.path},
                    )
                    return
                error = "" if 200 <= status < 300 else f"health check answered HTTP {status}"
            except TimeoutError:
                error = f"health check timed out after {health.timeout_seconds:g}s"
            except Exception as exc:  # connection refused, reset, DNS: all mean not healthy
                error = f"health check failed ({type(exc).__name__})"
            self.record_health(replica, error)

    async def _detect_responses(self) -> None:
        """Asks a ready replica whether the engine serves the Responses API, until it says."""
        provider = self.pool.provider
        while provider.responses_native is None:
            await asyncio.sleep(_DETECT_INTERVAL_SECONDS)
            replica = next((r for r in self.pool.replicas if r.ready), None)
            if replica is not None:
                await provider.detect_responses(replica.http)

    def record_health(self, replica: Replica, error: str) -> None:
        health = self.pool.config.health
        replica.health_checked = True
        if error:
            replica.health_failures += 1
            replica.health_successes = 0
            replica.health_error = error
            if replica.healthy and replica.health_failures >= health.unhealthy_threshold:
                replica.healthy = False
                replica.failures.append(FailureEvent(time.time(), error))
                self._metrics.replica_transitions.labels(replica.backend, "unhealthy").inc()
                log.warning("replica unhealthy", extra={"replica": replica.name, "error": error})
        else:
            replica.health_successes += 1
            replica.health_failures = 0
            if not replica.healthy and replica.health_successes >= health.healthy_threshold:
                replica.healthy = True
                replica.health_error = ""
                self._metrics.replica_transitions.labels(replica.backend, "healthy").inc()
                log.info("replica healthy again", extra={"replica": replica.name})

    async def _scrape_metrics(self, replica: Replica) -> None:
        settings = self.pool.config.engine_metrics
        url = replica.origin + settings.path
        loop = asyncio.get_running_loop()
        while True:
            try:
                status, raw = await replica.http.get(url, settings.interval_seconds * 2)
            except Exception:
                # Unreachable: the numbers go stale and the replica counts as saturated.
                status, raw = 0, b""
            if status == 200:
                sample = parse_engine_metrics(raw.decode("utf-8", "replace"))
                if sample is not None:
                    now = loop.time()
                    replica.observe(sample, now)
                    if self.pool.capacity is not None:
                        self.pool.capacity.poke(now)  # a learned figure may have grown
                elif not replica.metrics_seen:
                    log.info("engine exports no load metrics", extra={"replica": replica.name})
                    return
            elif status == 404 and not replica.metrics_seen:
                log.info("engine has no /metrics", extra={"replica": replica.name})
                return
            await asyncio.sleep(settings.interval_seconds)

    async def _watchdog(self, limit: float) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(min(1.0, limit / 10))
            now = loop.time()
            for replica in self.pool.replicas:
                stalled = replica.activity.stalled_for(now)
                if stalled < limit:
                    continue
                reason = f"no progress for {stalled:.1f}s with requests in flight (watchdog)"
                log.warning("replica wedged", extra={"replica": replica.name, "error": reason})
                replica.trip(now, reason)
                # Restart the clock so a still-wedged replica is not re-tripped on every tick.
                replica.activity.last_progress = now
                interrupted = replica.activity.interrupt(now)
                self._metrics.replica_transitions.labels(replica.backend, "wedged").inc()
                self._metrics.replica_transitions.labels(replica.backend, "opened").inc()
                log.warning(
                    "requests on a wedged replica interrupted",
                    extra={"replica": replica.name, "count": interrupted},
                )
                if replica.supervisor is not None:
                    replica.supervisor.restart("wedged: " + reason)
