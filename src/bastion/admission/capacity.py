"""Backend capacity: which requests run now, which wait, and which are turned away.

A backend whose replicas have a known capacity (concurrent requests and KV tokens, configured or
learned from the engines) runs requests up to it; the rest wait in a bounded queue, most urgent
priority first and first come first served within one. A tenant's reserved concurrency is used
by no one else. A waiting request leaves the queue when capacity frees up for it, when its
deadline passes, when a more urgent request takes its place in a full queue, or at once when the
rate at which the queue drains (measured while requests waited) says it could not start before
its deadline. Work never piles
onto the engines, and the queue's memory is bounded by its depth.
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bastion.config.schema import CapacityConfig
from bastion.protocols.errors import GatewayError

if TYPE_CHECKING:
    from bastion.telemetry.metrics import GatewayMetrics

# Shed reasons, as they appear in metrics and messages.
BUSY, FULL, EVICTED = "busy", "queue_full", "evicted"
DEADLINE, PREDICTED = "deadline", "predicted_wait"


class Overloaded(Exception):
    """The request cannot get capacity in time; ``retry_after`` is when it likely could."""

    def __init__(self, reason: str, retry_after: float) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


@dataclass(slots=True, eq=False)
class Slot:
    """Capacity held by one running request until it is released: ``seqs`` of the engines'
    concurrent sequences (one per choice it asked for) and ``tokens`` of their KV cache."""

    pool: PoolCapacity
    tenant: str | None
    tokens: int
    reserved: bool
    waited: float
    released: bool = False
    seqs: int = 1

    def release(self) -> None:
        self.pool.release(self)


class CapacityClaim:
    """One request's claim on backend capacity: what it runs (sequences, KV tokens), its
    tenant and priority, the deadline of its wait, and the slot it holds on the backend that
    serves it.

    The queue stage takes capacity on the first target of the route. When dispatch falls back to
    another backend the claim moves with it (``move_to``): the slot it no longer uses is given
    back first, then one is taken on the fallback under the same priority, waiting at most until
    the same deadline.
    """

    __slots__ = ("deadline", "priority", "seqs", "slot", "tenant", "tokens", "waited")

    def __init__(
        self, tenant: str | None, priority: int, tokens: int, seqs: int, deadline: float
    ) -> None:
        self.tenant = tenant
        self.priority = priority
        self.tokens = tokens
        self.seqs = seqs
        self.deadline = deadline
        self.slot: Slot | None = None
        self.waited = 0.0  # seconds spent waiting in queues, over every backend tried

    async def move_to(self, capacity: PoolCapacity | None) -> None:
        """Holds capacity of ``capacity`` (None: a backend without limits) instead of what it
        held; raises a 503 ``overloaded`` GatewayError when none frees up by the deadline."""
        slot = self.slot
        if slot is not None:
            if slot.pool is capacity:
                return
            self.slot = None
            slot.release()
        if capacity is None:
            return
        wait = max(0.0, self.deadline - asyncio.get_running_loop().time())
        try:
            slot = await capacity.acquire(self.tenant, self.priority, self.tokens, wait, self.seqs)
        except Overloaded as refused:
            raise _shed(capacity.backend, refused, wait) from None
        self.slot = slot
        self.waited += slot.waited

    def release(self) -> None:
        slot = self.slot
        if slot is not None:
            slot.release()


_REASONS = {
    BUSY: "no capacity is free and this request may not wait",
    FULL: "its queue is full",
    EVICTED: "a more urgent request took this one's place in its queue",
    DEADLINE: "no capacity freed up within the {wait:g}s this request may wait",
}


def _shed(backend: str, refused: Overloaded, wait: float) -> GatewayError:
    wait = round(wait, 3)  # what is left of a deadline, measured a moment after it was set
    retry_after = min(60, max(1, math.ceil(refused.retry_after)))
    if refused.reason in _REASONS:
        why = _REASONS[refused.reason].format(wait=wait)
    else:
        why = (
            f"at its current pace this request would wait about "
            f"{refused.retry_after:.0f}s, longer than the {wait:g}s it may wait"
        )
    return GatewayError(
        503,
        f"Backend '{backend}' is at capacity: {why}. Retry in {retry_after}s.",
        code="overloaded",
        headers={"retry-after": str(retry_after)},
    )


class _Waiter:
    __slots__ = (
        "done", "enqueued", "evicted", "future", "priority", "seqs", "slot", "tenant", "tokens",
    )  # fmt: skip

    def __init__(
        self, tenant: str | None, priority: int, tokens: int, now: float, seqs: int = 1
    ) -> None:
        self.enqueued = now
        self.tenant = tenant
        self.priority = priority
        self.tokens = tokens
        self.seqs = seqs
        self.future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.slot: Slot | None = None
        self.done = False
        self.evicted = False


class _Lanes:
    """Waiters by priority, in arrival order within one. Leaving is lazy: a waiter that is
    done stays in its deque until it reaches an end, or until the deque is compacted."""

    __slots__ = ("_lanes", "_live", "size")

    def __init__(self) -> None:
        self._lanes: dict[int, deque[_Waiter]] = {}
        self._live: dict[int, int] = {}
        self.size = 0

    def push(self, waiter: _Waiter) -> None:
        lane = self._lanes.get(waiter.priority)
        if lane is None:
            lane = self._lanes[waiter.priority] = deque()
            self._lanes = dict(sorted(self._lanes.items()))
            self._live[waiter.priority] = 0
        lane.append(waiter)
        self._live[waiter.priority] += 1
        self.size += 1

    def left(self, waiter: _Waiter) -> None:
        """Counts out a waiter that is done; called once per lane set it was pushed to."""
        priority = waiter.priority
        live = self._live[priority] = self._live[priority] - 1
        self.size -= 1
        lane = self._lanes[priority]
        if len(lane) > 2 * live + 32:
            self._lanes[priority] = deque(w for w in lane if not w.done)

    def first(self) -> _Waiter | None:
        """The most urgent, longest waiting one."""
        for lane in self._lanes.values():
            while lane and lane[0].done:
                lane.popleft()
            if lane:
                return lane[0]
        return None

    def last(self) -> _Waiter | None:
        """The least urgent, most recent one: the first to give way."""
        for priority in reversed(self._lanes):
            lane = self._lanes[priority]
            while lane and lane[-1].done:
                lane.pop()
            if lane:
                return lane[-1]
        return None

    def ahead_of(self, priority: int) -> int:
        """Waiters that a new one of ``priority`` would queue behind."""
        return sum(live for p, live in self._live.items() if p <= priority)


class DrainRate:
    """How fast the queue drains: completions per second in the seconds when requests waited
    throughout, an exponentially weighted mean over one-second buckets.

    Only completions while a queue stands measure what the backend gets through; with nobody
    waiting they measure how much was asked. A quiet backend that answered one request a
    minute ago would otherwise "drain" at a fraction of a request per second, and the first
    burst after it would be shed for a wait that never comes. For the same reason a second
    counts only if the queue stood all through it: the second before ended with one, and no
    completion in it found the queue empty. A queue that formed late in a second saw a few of
    that second's completions, and as the first measurement would have set the rate at a
    fraction of the backend's pace. Seconds that do not count leave the rate as it was (it is
    only read when a queue stands); until one does, nothing is predicted and requests wait.
    """

    __slots__ = ("_count", "_emptied", "_last_queued", "_second", "_was_queued", "rate")

    _WEIGHT = 0.2  # about the last five seconds with a queue

    def __init__(self) -> None:
        self._second = 0
        self._count = 0  # completions with a queue, in the current second
        self._emptied = False  # a completion in the current second found no queue
        self._last_queued = False  # the current second's last completion found a queue
        self._was_queued = False  # the current second began with a queue standing
        self.rate = 0.0

    def tick(self, now: float, *, queued: bool) -> None:
        """A completion at ``now``; ``queued``: requests were waiting for its capacity."""
        self._roll(now)
        self._last_queued = queued
        if queued:
            self._count += 1
        else:
            self._emptied = True

    def current(self, now: float) -> float:
        self._roll(now)
        return self.rate

    def _roll(self, now: float) -> None:
        second = int(now)
        if second == self._second:
            return
        if self._was_queued and self._count > 0 and not self._emptied:
            count = float(self._count)
            self.rate = count if self.rate == 0 else self.rate + self._WEIGHT * (count - self.rate)
        # A second without completions says nothing of whether the queue stood to its end.
        self._was_queued = self._count > 0 and self._last_queued and second == self._second + 1
        self._second = second
        self._count = 0
        self._emptied = False


class ReplicaLimits(Protocol):
    """What a backend's capacity reads of each of its replicas (``routing.replica.Replica``)."""

    def eligible(self, now: float) -> bool:
        """Whether it takes requests now (ready, healthy, circuit not open)."""

    @property
    def concurrency(self) -> int | None:
        """Concurrent requests it runs, configured or learned; None: not known."""

    @property
    def kv_tokens(self) -> int | None:
        """KV cache tokens it holds, configured or reported; None: not known."""


class PoolCapacity:
    """The capacity of one backend and its queue, in this gateway process.

    ``share`` divides the replicas' capacity when several gateway processes send to the same
    engines (each takes its part).
    """

    def __init__(
        self,
        backend: str,
        replicas: Sequence[ReplicaLimits],
        config: CapacityConfig,
        metrics: GatewayMetrics,
        share: float = 1.0,
    ) -> None:
        self.backend = backend
        self._replicas = replicas
        self._share = share
        # A reservation is the whole backend's: each process holds its share, rounded up so a
        # tenant's reservation never vanishes in the division (``_shared_room`` keeps a slot
        # for the others whenever the configuration leaves them any).
        self._configured_reserved = sum(config.reserved.values())
        self._reserved = {
            tenant: math.ceil(slots * share - 1e-9) for tenant, slots in config.reserved.items()
        }
        self._reserved_total = sum(self._reserved.values())
        self._reserved_used = dict.fromkeys(self._reserved, 0)
        self._depth = config.queue_depth
        self.in_flight = 0
        self.kv_in_use = 0
        self._shared_used = 0
        self._queue = _Lanes()
        self._reserved_queues = {tenant: _Lanes() for tenant in self._reserved}
        self.drain = DrainRate()
        self._depth_gauge = metrics.queue_depth.labels(backend)
        self._in_use_gauge = metrics.capacity_in_use.labels(backend)
        self._limit_gauge = metrics.capacity_limit.labels(backend)
        self._shed = {
            reason: metrics.queue_shed.labels(backend, reason)
            for reason in (BUSY, FULL, EVICTED, DEADLINE, PREDICTED)
        }

    @property
    def waiting(self) -> int:
        return self._queue.size

    def limits(self, now: float) -> tuple[int | None, int | None]:
        """Concurrent requests and KV tokens of the replicas in service; None: not limited."""
        concurrency: int | None = 0
        kv_tokens: int | None = 0
        serving = False
        for replica in self._replicas:
            if not replica.eligible(now):
                continue
            serving = True
            slots, tokens = replica.concurrency, replica.kv_tokens
            concurrency = None if slots is None or concurrency is None else concurrency + slots
            kv_tokens = None if tokens is None or kv_tokens is None else kv_tokens + tokens
        if not serving:
            # Nothing to wait for: dispatch answers at once that no replica is available.
            return None, None
        if concurrency is not None:
            concurrency = max(1, math.floor(concurrency * self._share))
            self._limit_gauge.set(concurrency)
        if kv_tokens is not None:
            kv_tokens = max(1, math.floor(kv_tokens * self._share))
        return concurrency, kv_tokens

    async def acquire(
        self, tenant: str | None, priority: int, tokens: int, max_wait: float, seqs: int = 1
    ) -> Slot:
        """Capacity for one request of ``seqs`` sequences (its choices) and ``tokens`` of KV
        cache, once it is free; raises ``Overloaded`` instead of waiting past ``max_wait``
        seconds."""
        loop = asyncio.get_running_loop()
        now = loop.time()
        limits = self.limits(now)
        queue = self._queue
        reserved_room = self._reserved_room(tenant, limits[0], seqs)
        if self._kv_fits(tokens, limits[1]) and (
            reserved_room or (self._shared_room(limits[0], seqs) and queue.ahead_of(priority) == 0)
        ):
            return self._take(tenant, tokens, reserved_room, 0.0, seqs)
        if max_wait <= 0:
            raise self._refuse(BUSY, now)
        rate = self.drain.current(now)
        if rate > 0:
            expected = (queue.ahead_of(priority) + 1) / rate
            if expected > max_wait:
                self._shed[PREDICTED].inc()
                raise Overloaded(PREDICTED, expected)
        if queue.size >= self._depth:
            worst = queue.last()
            if worst is None or worst.priority <= priority:
                raise self._refuse(FULL, now)
            self._evict(worst)
        waiter = _Waiter(tenant, priority, tokens, now, seqs)
        queue.push(waiter)
        lanes = self._reserved_queues.get(tenant) if tenant is not None else None
        if lanes is not None:
            lanes.push(waiter)
        self._depth_gauge.set(queue.size)
        try:
            async with asyncio.timeout(max_wait):
                await waiter.future
        except TimeoutError:
            pass
        except asyncio.CancelledError:
            self._leave(waiter)  # the client went away
            if waiter.slot is not None:
                self.release(waiter.slot)
            raise
        if waiter.slot is not None:
            return waiter.slot  # granted, possibly just as the deadline passed
        if waiter.evicted:
            raise self._refuse(EVICTED, loop.time(), counted=True)
        self._leave(waiter)
        raise self._refuse(DEADLINE, loop.time())

    def release(self, slot: Slot) -> None:
        if slot.released:
            return
        slot.released = True
        self.in_flight -= slot.seqs
        self.kv_in_use -= slot.tokens
        if slot.reserved:
            assert slot.tenant is not None
            self._reserved_used[slot.tenant] -= slot.seqs
        else:
            self._shared_used -= slot.seqs
        now = asyncio.get_running_loop().time()
        self.drain.tick(now, queued=self._queue.size > 0)
        if self._queue.size:
            self._admit_waiting(now)
        self._in_use_gauge.set(self.in_flight)

    def poke(self, now: float) -> None:
        """Lets waiters in after capacity grew (a replica back in service, a learned figure)."""
        if self._queue.size:
            self._admit_waiting(now)

    def _admit_waiting(self, now: float) -> None:
        concurrency, kv_tokens = self.limits(now)
        for tenant, lanes in self._reserved_queues.items():
            while lanes.size:
                waiter = lanes.first()
                assert waiter is not None
                if not self._reserved_room(tenant, concurrency, waiter.seqs):
                    break
                if not self._kv_fits(waiter.tokens, kv_tokens):
                    break
                self._grant(waiter, reserved=True, now=now)
        queue = self._queue
        while queue.size:
            waiter = queue.first()
            assert waiter is not None
            reserved = self._reserved_room(waiter.tenant, concurrency, waiter.seqs)
            if not (reserved or self._shared_room(concurrency, waiter.seqs)):
                break
            if not self._kv_fits(waiter.tokens, kv_tokens):
                break  # the head waits for room rather than being overtaken forever
            self._grant(waiter, reserved=reserved, now=now)
        self._depth_gauge.set(queue.size)

    def _grant(self, waiter: _Waiter, *, reserved: bool, now: float) -> None:
        self._leave(waiter)
        if waiter.future.done():
            return  # its deadline fired in this same turn of the loop; it is leaving
        waiter.slot = self._take(
            waiter.tenant, waiter.tokens, reserved, now - waiter.enqueued, waiter.seqs
        )
        waiter.future.set_result(None)

    def _take(
        self, tenant: str | None, tokens: int, reserved: bool, waited: float, seqs: int = 1
    ) -> Slot:
        self.in_flight += seqs
        self.kv_in_use += tokens
        if reserved:
            assert tenant is not None
            self._reserved_used[tenant] += seqs
        else:
            self._shared_used += seqs
        self._in_use_gauge.set(self.in_flight)
        return Slot(self, tenant, tokens, reserved, waited, seqs=seqs)

    def _leave(self, waiter: _Waiter) -> None:
        if waiter.done:
            return
        waiter.done = True
        self._queue.left(waiter)
        lanes = self._reserved_queues.get(waiter.tenant) if waiter.tenant is not None else None
        if lanes is not None:
            lanes.left(waiter)
        self._depth_gauge.set(self._queue.size)

    def _evict(self, waiter: _Waiter) -> None:
        """Makes room in a full queue for a more urgent request."""
        self._leave(waiter)
        waiter.evicted = True
        self._shed[EVICTED].inc()
        if not waiter.future.done():
            waiter.future.set_result(None)

    def _reserved_room(self, tenant: str | None, concurrency: int | None, seqs: int = 1) -> bool:
        if tenant is None or tenant not in self._reserved:
            return False
        if concurrency is not None and self.in_flight + seqs > concurrency:
            return False  # a reservation is a share of what runs, never more than that
        return self._reserved_used[tenant] + seqs <= self._reserved[tenant]

    def _shared_room(self, concurrency: int | None, seqs: int = 1) -> bool:
        if concurrency is None:
            return True
        shared = concurrency - self._reserved_total
        if shared < 1 and self._configured_reserved < concurrency / self._share:
            # The reservations' shares, rounded up, took this process's every slot while the
            # backend as configured leaves others some: one stays theirs, within the limit.
            if self.in_flight + seqs > concurrency and self.in_flight > 0:
                return False
            shared = 1
        # A request of more sequences than the shared part holds still runs, alone in it.
        return self._shared_used + seqs <= shared or (self._shared_used == 0 < shared)

    def _kv_fits(self, tokens: int, kv_tokens: int | None) -> bool:
        # A request larger than the whole cache still runs, alone.
        return kv_tokens is None or self.kv_in_use == 0 or self.kv_in_use + tokens <= kv_tokens

    def _refuse(self, reason: str, now: float, *, counted: bool = False) -> Overloaded:
        if not counted:
            self._shed[reason].inc()
        rate = self.drain.current(now)
        retry_after = (self._queue.size + 1) / rate if rate > 0 else 1.0
        return Overloaded(reason, retry_after)

    def describe(self, now: float) -> dict[str, object]:
        concurrency, kv_tokens = self.limits(now)
        return {
            "concurrent_requests": concurrency,
            "kv_tokens": kv_tokens,
            "in_flight": self.in_flight,
            "kv_tokens_in_use": self.kv_in_use,
            "reserved": {
                tenant: {"slots": slots, "in_use": self._reserved_used[tenant]}
                for tenant, slots in self._reserved.items()
            },
            "waiting": self._queue.size,
            "queue_depth": self._depth,
            "completions_per_second": round(self.drain.current(now), 2),
        }
