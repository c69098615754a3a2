"""Usage anomalies: a tenant suddenly using a multiple of its own baseline.

Every finished request of a tenant is counted twice: as one request and as its tokens (input
plus output). For each of the two, a tenant has

- a short-term rate: its usage over the last ``window_seconds`` (60), kept in ``SLOTS`` (12)
  slots of 5 s, so the window is 55 to 60 s long;
- a baseline: the exponentially weighted mean of its usage per window-long interval (per
  minute by default), with a time constant of ``baseline_seconds`` (an hour): each complete
  interval weighs ``1 - exp(-window / baseline)`` (1.7 %), an interval without traffic counts
  as zero, and the mean is normalised by the weight seen so far, so a young tenant's baseline
  is the mean of its short history rather than a mean pulled towards zero.

An anomaly starts when the rate exceeds ``multiple`` (5) times the baseline and the absolute
floor (``min_requests_per_minute`` 60, ``min_tokens_per_minute`` 50,000, scaled to the window)
once the tenant has ``warmup_seconds`` (15 minutes) of history: one ``usage_anomaly`` event, the
``bastion_usage_anomalies_total{what}`` counter and the active gauge. It ends once the rate has
stayed at or below that threshold for ``clear_after_seconds`` (5 minutes): one
``usage_anomaly_ended`` event; a later burst starts a new one. Checks happen on each request of
the tenant and on a periodic sweep (so a tenant that stops sending is seen to recover).

A tenant that sent nothing for ``forget_after_seconds`` (an hour, the baseline's time constant)
is forgotten and warms up again when it returns: after a longer silence its decayed baseline
would make its ordinary traffic look like a burst (an hour's silence leaves e^-1 = 37 % of it).
At most ``max_tenants`` are tracked; the one seen least recently makes room for a new one.

Recording a request is constant work on the event loop (a dictionary lookup, at most ``SLOTS``
slot updates, two comparisons) and does no I/O; an event is handed to a callback, which logs
it and queues it for the database without waiting (see bastion.events).

Each gateway process watches the requests it serves: with several processes behind a load
balancer each sees its share of a tenant's traffic, the ratios are the same, the floors apply
per process, and each process that sees a burst reports it.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bastion.config.schema import AnomalyConfig
from bastion.events import AdminEvent, process_name
from bastion.tasks import stop_tasks
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

SLOTS = 12  # per window: 5 s slots for the default minute
STARTED = "usage_anomaly"
ENDED = "usage_anomaly_ended"

What = Literal["requests", "tokens"]
WHATS: tuple[What, What] = ("requests", "tokens")
Clock = Callable[[], float]
EventSink = Callable[[AdminEvent], None]


class _Series:
    """One measure (requests or tokens) of one tenant: the window's slots and the baseline."""

    __slots__ = ("interval", "mean", "slots", "window")

    def __init__(self) -> None:
        self.slots = [0] * SLOTS
        self.window = 0  # sum of the slots
        self.interval = 0  # usage in the current baseline interval so far
        self.mean = 0.0  # weighted sum of complete intervals (divided by the weight)

    def add(self, slot: int, amount: int) -> None:
        self.slots[slot % SLOTS] += amount
        self.window += amount
        self.interval += amount

    def clear_slots(self, first: int, last: int) -> None:
        """Empties the slots from ``first`` to ``last`` (slot numbers, inclusive)."""
        if last - first + 1 >= SLOTS:
            self.slots = [0] * SLOTS
            self.window = 0
            return
        slots = self.slots
        for number in range(first, last + 1):
            index = number % SLOTS
            self.window -= slots[index]
            slots[index] = 0

    def fold(self, keep: float, empty_keep: float) -> None:
        """Folds the current interval into the mean, then ``empty`` intervals without usage
        (``empty_keep`` is ``keep`` to the power of their number)."""
        self.mean = (self.mean * keep + (1.0 - keep) * self.interval) * empty_keep
        self.interval = 0


@dataclass(slots=True)
class _Episode:
    """An anomaly in progress."""

    started: float
    peak: int
    baseline: float
    below_since: float | None = None


class _Tenant:
    __slots__ = (
        "episodes",
        "id",
        "intervals",
        "last_seen",
        "name",
        "origin",
        "series",
        "slot",
        "weight",
    )

    def __init__(self, tenant_id: str, name: str, now: float) -> None:
        self.id = tenant_id
        self.name = name
        self.origin = now  # slots and intervals are counted from the first request
        self.last_seen = now
        self.slot = 0  # number of the newest slot
        self.intervals = 0  # complete baseline intervals folded in
        self.weight = 0.0  # total weight of the folded intervals, to normalise the mean
        self.series = (_Series(), _Series())
        self.episodes: dict[What, _Episode] = {}


class AnomalyDetector:
    """Per-tenant short-term rates against their own baselines; see the module docstring."""

    def __init__(
        self,
        config: AnomalyConfig,
        metrics: GatewayMetrics,
        on_event: EventSink,
        *,
        clock: Clock = time.monotonic,
    ) -> None:
        self._config = config
        self._clock = clock
        self._on_event = on_event
        self._counter = {what: metrics.usage_anomalies.labels(what) for what in WHATS}
        self._active_gauge = metrics.usage_anomalies_active
        self._slot_seconds = config.window_seconds / SLOTS
        self._keep = math.exp(-config.window_seconds / config.baseline_seconds)
        scale = config.window_seconds / 60.0
        self._floors = (
            config.min_requests_per_minute * scale,
            config.min_tokens_per_minute * scale,
        )
        self._warm_intervals = max(1, math.ceil(config.warmup_seconds / config.window_seconds))
        self._tenants: OrderedDict[str, _Tenant] = OrderedDict()  # least recently seen first
        self._anomalous: dict[str, _Tenant] = {}
        self._sweeper: asyncio.Task[None] | None = None
        self._process = process_name()

    # The request path

    def record(self, tenant_id: str, tenant_name: str, tokens: int, requests: int = 1) -> None:
        """Counts a finished request (or ``requests`` of them) using ``tokens`` in all."""
        now = self._clock()
        tenants = self._tenants
        tenant = tenants.get(tenant_id)
        if tenant is not None and now - tenant.last_seen >= self._config.forget_after_seconds:
            del tenants[tenant_id]  # back after a long silence: its history no longer applies
            self._forget(tenant, now)
            tenant = None
        self._forget_idle(now)
        if tenant is None:
            if len(tenants) >= self._config.max_tenants:
                self._forget(tenants.popitem(last=False)[1], now)
            tenant = tenants[tenant_id] = _Tenant(tenant_id, tenant_name, now)
        else:
            tenants.move_to_end(tenant_id)
            tenant.last_seen = now
            tenant.name = tenant_name
            self._advance(tenant, now)
        requests_series, tokens_series = tenant.series
        requests_series.add(tenant.slot, requests)
        tokens_series.add(tenant.slot, tokens)
        self._check(tenant, now)

    # Background

    def start(self) -> None:
        """Starts the periodic sweep: recoveries of silent tenants, idle tenants forgotten."""
        if self._sweeper is None:
            self._sweeper = asyncio.create_task(self._sweep_loop(), name="bastion-anomaly-sweep")

    async def close(self) -> None:
        sweeper, self._sweeper = self._sweeper, None
        await stop_tasks(sweeper)

    def sweep(self) -> None:
        """Re-checks anomalous tenants (they may have stopped sending) and forgets idle ones."""
        now = self._clock()
        for tenant in list(self._anomalous.values()):
            self._advance(tenant, now)
            self._check(tenant, now)
        self._forget_idle(now)

    async def _sweep_loop(self) -> None:
        interval = min(max(self._slot_seconds, 0.05), 10.0)
        while True:
            await asyncio.sleep(interval)
            try:
                self.sweep()
            except Exception:
                log.exception("usage anomaly sweep failed")

    # Introspection (tests, status)

    @property
    def tracked(self) -> int:
        return len(self._tenants)

    @property
    def active(self) -> int:
        """Tenants with an anomaly in progress."""
        return len(self._anomalous)

    def baseline(self, tenant_id: str, what: What) -> float | None:
        """A tenant's baseline usage per window, or None while it is not tracked."""
        tenant = self._tenants.get(tenant_id)
        if tenant is None:
            return None
        return self._mean(tenant, WHATS.index(what))

    # Internals

    def _advance(self, tenant: _Tenant, now: float) -> None:
        """Moves the tenant's window and baseline interval up to ``now``."""
        slot = int((now - tenant.origin) / self._slot_seconds)
        if slot <= tenant.slot:
            return  # same slot (or a clock that did not move forward)
        previous = tenant.slot
        tenant.slot = slot
        for series in tenant.series:
            series.clear_slots(previous + 1, slot)
        passed = slot // SLOTS - previous // SLOTS  # baseline intervals completed
        if passed > 0:
            keep = self._keep
            empty_keep = keep ** (passed - 1)
            for series in tenant.series:
                series.fold(keep, empty_keep)
            tenant.weight = (tenant.weight * keep + (1.0 - keep)) * empty_keep + (1 - empty_keep)
            tenant.intervals += passed

    def _mean(self, tenant: _Tenant, index: int) -> float:
        if tenant.weight <= 0.0:
            return 0.0
        return tenant.series[index].mean / tenant.weight

    def _check(self, tenant: _Tenant, now: float) -> None:
        episodes = tenant.episodes
        if tenant.intervals < self._warm_intervals and not episodes:
            return
        for index, what in enumerate(WHATS):
            episode = episodes.get(what)
            baseline = self._mean(tenant, index)
            threshold = max(self._config.multiple * baseline, self._floors[index])
            rate = tenant.series[index].window
            if rate > threshold:
                if episode is None:
                    episode = episodes[what] = _Episode(now, rate, baseline)
                    self._counter[what].inc()
                    self._set_active(tenant)
                    self._started(tenant, what, episode, threshold)
                else:
                    episode.below_since = None
                    episode.peak = max(episode.peak, rate)
            elif episode is not None:
                if episode.below_since is None:
                    episode.below_since = now
                if now - episode.below_since >= self._config.clear_after_seconds:
                    del episodes[what]
                    self._set_active(tenant)
                    # Back down, or still high but now the tenant's normal (the baseline rose).
                    before = max(self._config.multiple * episode.baseline, self._floors[index])
                    reason = "recovered" if rate <= before else "new_baseline"
                    self._ended(tenant, what, episode, now, reason)

    def _set_active(self, tenant: _Tenant) -> None:
        anomalous = self._anomalous
        if tenant.episodes:
            anomalous[tenant.id] = tenant
        else:
            anomalous.pop(tenant.id, None)
        self._active_gauge.set(len(anomalous))

    def _forget_idle(self, now: float) -> None:
        horizon = now - self._config.forget_after_seconds
        tenants = self._tenants
        while tenants:
            tenant_id, oldest = next(iter(tenants.items()))
            if oldest.last_seen > horizon:
                return
            del tenants[tenant_id]
            self._forget(oldest, now)

    def _forget(self, tenant: _Tenant, now: float) -> None:
        if not tenant.episodes:
            return
        episodes = list(tenant.episodes.items())
        tenant.episodes.clear()
        self._set_active(tenant)
        for what, episode in episodes:
            self._ended(tenant, what, episode, now, "forgotten")

    def _started(self, tenant: _Tenant, what: What, episode: _Episode, threshold: float) -> None:
        rate, baseline = episode.peak, episode.baseline
        window = self._config.window_seconds
        per_minute = 60.0 / window
        ratio = rate / baseline if baseline > 0 else None
        times = f"{ratio:.1f}x" if ratio is not None else "far above"
        message = (
            f"tenant {tenant.name}: {_number(rate * per_minute)} {what} per minute over the last "
            f"{_number(window)}s, {times} its baseline of {_number(baseline * per_minute)}"
        )
        details: dict[str, object] = {
            "what": what,
            "window_seconds": window,
            "observed": rate,
            "baseline": round(baseline, 3),
            "ratio": round(ratio, 2) if ratio is not None else None,
            "threshold": round(threshold, 3),
            "multiple": self._config.multiple,
            "process": self._process,
        }
        self._emit(STARTED, message, tenant, details)

    def _ended(
        self, tenant: _Tenant, what: What, episode: _Episode, now: float, reason: str
    ) -> None:
        duration = now - episode.started
        if reason == "recovered":
            outcome = "back to normal"
        elif reason == "new_baseline":
            outcome = "still high, now its new baseline"
        else:
            outcome = "no longer followed (tenant forgotten)"
        message = f"tenant {tenant.name}: {what} {outcome} after {_number(duration)}s"
        details: dict[str, object] = {
            "what": what,
            "reason": reason,
            "duration_seconds": round(duration, 3),
            "peak": episode.peak,
            "baseline_at_start": round(episode.baseline, 3),
            "window_seconds": self._config.window_seconds,
            "process": self._process,
        }
        self._emit(ENDED, message, tenant, details)

    def _emit(self, kind: str, message: str, tenant: _Tenant, details: dict[str, object]) -> None:
        event = AdminEvent(kind, message, tenant.name, tenant.id, details)
        try:
            self._on_event(event)
        except Exception:
            log.exception("usage anomaly event failed", extra={"tenant": tenant.name})


def _number(value: float) -> str:
    return f"{value:.0f}" if value >= 100 or value == int(value) else f"{value:.1f}"
