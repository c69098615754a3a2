"""Backend capacity: slots, the priority queue, reservations, KV room and shedding."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pytest

from bastion.admission.capacity import (
    BUSY,
    DEADLINE,
    EVICTED,
    FULL,
    PREDICTED,
    DrainRate,
    Overloaded,
    PoolCapacity,
    Slot,
)
from bastion.config.schema import BackendConfig, CapacityConfig
from bastion.providers.factory import build_provider
from bastion.routing.pool import BackendPool
from bastion.routing.signals import EngineSample
from bastion.telemetry.metrics import GatewayMetrics


@dataclass
class FakeReplica:
    concurrency: int | None = 2
    kv_tokens: int | None = None
    up: bool = True

    def eligible(self, now: float) -> bool:
        return self.up


def pool(
    *replicas: FakeReplica, metrics: GatewayMetrics | None = None, **config: object
) -> PoolCapacity:
    return PoolCapacity(
        "gpu",
        list(replicas),
        CapacityConfig.model_validate(config),
        metrics or GatewayMetrics(),
    )


async def started(capacity: PoolCapacity, *args: object) -> asyncio.Task[Slot]:
    """A waiting acquire, given a turn of the loop to join the queue."""
    task = asyncio.create_task(capacity.acquire(*args))  # type: ignore[arg-type]
    await asyncio.sleep(0)
    return task


async def test_runs_up_to_capacity_then_serves_waiters_by_priority_then_arrival() -> None:
    capacity = pool(FakeReplica(concurrency=2))
    first = await capacity.acquire("a", 4, 10, 5)
    second = await capacity.acquire("a", 4, 10, 5)
    assert capacity.in_flight == 2
    batch_early = await started(capacity, "b", 8, 10, 5)
    interactive = await started(capacity, "c", 0, 10, 5)
    batch_late = await started(capacity, "b", 8, 10, 5)
    assert capacity.waiting == 3
    first.release()
    await asyncio.sleep(0)
    assert interactive.done() and not batch_early.done()
    second.release()
    await asyncio.sleep(0)
    assert batch_early.done() and not batch_late.done()
    interactive.result().release()
    assert (await batch_late).waited >= 0
    assert capacity.in_flight == 2
    assert capacity.waiting == 0


async def test_a_waiter_past_its_deadline_gets_overloaded_and_leaves_the_queue() -> None:
    metrics = GatewayMetrics()
    capacity = pool(FakeReplica(concurrency=1), metrics=metrics)
    await capacity.acquire(None, 4, 1, 5)
    with pytest.raises(Overloaded) as refused:
        await capacity.acquire(None, 4, 1, 0.05)
    assert refused.value.reason == DEADLINE
    assert refused.value.retry_after >= 1
    assert capacity.waiting == 0
    shed = metrics.registry.get_sample_value(
        "bastion_queue_shed_total", {"backend": "gpu", "reason": DEADLINE}
    )
    assert shed == 1


async def test_no_wait_allowed_means_an_immediate_refusal_when_full() -> None:
    capacity = pool(FakeReplica(concurrency=1))
    await capacity.acquire(None, 4, 1, 5)
    with pytest.raises(Overloaded) as refused:
        await capacity.acquire(None, 4, 1, 0)
    assert refused.value.reason == BUSY


async def test_a_full_queue_refuses_the_less_urgent_and_evicts_for_the_more_urgent() -> None:
    capacity = pool(FakeReplica(concurrency=1), queue_depth=2)
    running = await capacity.acquire(None, 4, 1, 5)
    older = await started(capacity, None, 8, 1, 5)
    newer = await started(capacity, None, 8, 1, 5)
    with pytest.raises(Overloaded) as refused:
        await capacity.acquire(None, 8, 1, 5)  # as urgent as the waiters: no room
    assert refused.value.reason == FULL
    urgent = await started(capacity, None, 0, 1, 5)
    with pytest.raises(Overloaded) as evicted:
        await newer  # the newest of the least urgent gives way
    assert evicted.value.reason == EVICTED
    assert capacity.waiting == 2
    running.release()
    await asyncio.sleep(0)
    assert urgent.done() and not older.done()
    urgent.result().release()
    (await older).release()
    assert capacity.in_flight == 0


async def test_reserved_concurrency_is_held_for_its_tenant() -> None:
    capacity = pool(FakeReplica(concurrency=4), reserved={"acme": 2})
    others = [await capacity.acquire("globex", 4, 1, 5) for _ in range(2)]
    blocked = await started(capacity, "globex", 0, 1, 5)
    assert not blocked.done(), "the other two slots are acme's"
    mine = [await capacity.acquire("acme", 9, 1, 5) for _ in range(2)]
    assert all(not slot.reserved for slot in others)
    assert all(slot.reserved for slot in mine)
    # acme's third request competes for shared capacity, behind globex's waiter.
    third = await started(capacity, "acme", 9, 1, 5)
    others[0].release()
    await asyncio.sleep(0)
    assert blocked.done() and not third.done()
    mine[0].release()
    await asyncio.sleep(0)
    assert third.done() and third.result().reserved, "acme's freed reserved slot goes to acme"
    for slot in [others[1], mine[1], blocked.result(), third.result()]:
        slot.release()
    assert capacity.in_flight == 0


async def test_a_reservation_is_divided_among_processes_and_never_takes_every_slot() -> None:
    """4 slots and a reservation of 2 across 4 gateway processes: each process has one slot,
    holds half a reservation rounded up, and still lets others use its slot while the
    reserving tenant does not."""
    config = CapacityConfig.model_validate({"reserved": {"gold": 2}})
    capacity = PoolCapacity("gpu", [FakeReplica(concurrency=4)], config, GatewayMetrics(), 0.25)
    other = await capacity.acquire("bulk", 0, 1, 0)
    assert not other.reserved
    gold = await started(capacity, "gold", 0, 1, 5)
    assert not gold.done(), "one slot in this process: never two requests in flight"
    other.release()
    await asyncio.sleep(0)
    assert gold.done() and gold.result().reserved
    gold.result().release()
    # 40 slots and 4 reserved across 4 processes: 10 here, 1 of them gold's.
    wide = PoolCapacity("gpu", [FakeReplica(concurrency=40)], config, GatewayMetrics(), 0.25)
    bulk = [await wide.acquire("bulk", 0, 1, 0) for _ in range(9)]
    blocked = await started(wide, "bulk", 0, 1, 0.05)
    await asyncio.sleep(0.1)
    assert blocked.done() and blocked.exception() is not None, "the tenth slot is gold's"
    assert (await wide.acquire("gold", 0, 1, 0)).reserved
    for slot in bulk:
        slot.release()


async def test_kv_tokens_bound_what_runs_together_but_a_huge_request_runs_alone() -> None:
    capacity = pool(FakeReplica(concurrency=None, kv_tokens=1000))
    first = await capacity.acquire(None, 4, 600, 5)
    second = await started(capacity, None, 4, 600, 5)
    assert not second.done()
    first.release()
    await asyncio.sleep(0)
    assert second.done()
    second.result().release()
    huge = await capacity.acquire(None, 4, 5000, 5)
    assert capacity.kv_in_use == 5000
    huge.release()


async def test_a_client_that_leaves_while_waiting_leaves_the_queue() -> None:
    capacity = pool(FakeReplica(concurrency=1))
    running = await capacity.acquire(None, 4, 1, 5)
    waiting = await started(capacity, None, 4, 1, 5)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert capacity.waiting == 0
    running.release()
    assert capacity.in_flight == 0


async def test_a_slot_granted_to_a_client_that_left_is_given_back() -> None:
    capacity = pool(FakeReplica(concurrency=1))
    running = await capacity.acquire(None, 4, 1, 5)
    waiting = await started(capacity, None, 4, 1, 5)
    running.release()  # grants the waiter, which has not run yet...
    waiting.cancel()  # ...and is cancelled before it does
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert capacity.in_flight == 0


async def test_a_request_that_could_not_start_in_time_is_shed_at_once() -> None:
    capacity = pool(FakeReplica(concurrency=1))
    capacity.drain.rate = 2.0  # two completions per second
    capacity.drain._second = int(asyncio.get_running_loop().time())
    await capacity.acquire(None, 4, 1, 5)
    waiters = [await started(capacity, None, 4, 1, 5) for _ in range(4)]
    with pytest.raises(Overloaded) as refused:
        await capacity.acquire(None, 4, 1, 1.0)  # five ahead at 2/s: 3 s > 1 s
    assert refused.value.reason == PREDICTED
    assert refused.value.retry_after == pytest.approx(2.5)
    urgent = await started(capacity, None, 0, 1, 1.0)  # nobody ahead at priority 0
    assert capacity.waiting == 5
    for task in [*waiters, urgent]:
        task.cancel()


async def test_capacity_counts_only_replicas_in_service() -> None:
    up, down = FakeReplica(concurrency=2), FakeReplica(concurrency=3, up=False)
    capacity = pool(up, down)
    assert capacity.limits(0.0) == (2, None)
    down.up = True
    assert capacity.limits(0.0) == (5, None)
    up.concurrency = None
    assert capacity.limits(0.0) == (None, None), "one unknown replica: not limited"
    up.up = down.up = False
    assert capacity.limits(0.0) == (None, None), "none in service: dispatch answers at once"


async def test_a_waiting_queue_lets_requests_in_when_capacity_grows() -> None:
    replica = FakeReplica(concurrency=1)
    capacity = pool(replica)
    await capacity.acquire(None, 4, 1, 5)
    waiting = await started(capacity, None, 4, 1, 5)
    replica.concurrency = 2
    capacity.poke(0.0)
    await asyncio.sleep(0)
    assert waiting.done()


async def test_memory_stays_bounded_when_waiters_time_out_behind_a_blocked_head() -> None:
    capacity = pool(FakeReplica(concurrency=1), queue_depth=10)
    await capacity.acquire(None, 4, 1, 5)
    head = await started(capacity, None, 4, 1, 60)
    for _ in range(20):
        batch = [await started(capacity, None, 4, 1, 0.001) for _ in range(9)]
        await asyncio.gather(*batch, return_exceptions=True)
    lane = capacity._queue._lanes[4]
    assert len(lane) <= 2 * capacity.waiting + 32
    assert capacity.waiting == 1
    head.cancel()


def test_drain_rate_follows_completions_while_requests_wait() -> None:
    rate = DrainRate()
    for second in range(100, 130):
        for _ in range(10):
            rate.tick(second + 0.5, queued=True)
    assert rate.current(130.0) == pytest.approx(10, rel=0.05)
    # Quiet seconds and completions nobody waited for say nothing of what the backend can do.
    rate.tick(150.5, queued=False)
    assert rate.current(160.0) == pytest.approx(10, rel=0.05)
    for second in range(200, 230):
        for _ in range(2):
            rate.tick(second + 0.5, queued=True)
    assert rate.current(230.0) == pytest.approx(2, rel=0.05)


def test_a_second_counts_only_if_requests_waited_all_through_it() -> None:
    # A backend that finishes ten requests a second. A queue that forms late in second 100
    # sees one of them: as the first measurement it would have set the rate at 1/s, and a
    # request five places back with a second to wait would have been shed for a predicted
    # six seconds.
    rate = DrainRate()
    rate.tick(100.95, queued=True)
    assert rate.current(101.0) == 0.0  # not measured: the queue stood for a tenth of it
    for k in range(10):
        rate.tick(101.05 + k / 10, queued=True)
    assert rate.current(102.0) == pytest.approx(10)
    # A second in which the queue ran dry does not count: it measures what was asked.
    rate.tick(102.1, queued=True)
    rate.tick(102.2, queued=False)
    assert rate.current(103.0) == pytest.approx(10)
    # Nor does the next one, which began without a queue, however many it finished.
    for k in range(3):
        rate.tick(103.05 + k / 10, queued=True)
    assert rate.current(104.0) == pytest.approx(10)
    # A second of its own after a gap begins without a known queue.
    for k in range(5):
        rate.tick(110.05 + k / 10, queued=True)
    assert rate.current(111.0) == pytest.approx(10)
    for k in range(5):
        rate.tick(111.05 + k / 10, queued=True)
    assert rate.current(112.0) == pytest.approx(10 + 0.2 * (5 - 10))


def test_completions_without_a_queue_do_not_set_a_drain_rate() -> None:
    rate = DrainRate()
    rate.tick(100.5, queued=False)  # one request a while ago, nobody waiting
    assert rate.current(103.0) == 0.0


async def test_a_burst_after_a_quiet_spell_waits_instead_of_being_shed() -> None:
    capacity = pool(FakeReplica(concurrency=1))
    loop = asyncio.get_running_loop()
    (await capacity.acquire(None, 4, 1, 5)).release()  # one answer, nobody waiting
    await asyncio.sleep(1.05 - loop.time() % 1)  # into the next second: the rate is read
    running = await capacity.acquire(None, 4, 1, 5)
    waiters = [await started(capacity, None, 4, 1, 5) for _ in range(3)]
    assert capacity.waiting == 3, "none shed for a wait predicted from a quiet spell"
    running.release()
    for task in waiters:
        (await task).release()


def test_a_replica_learns_its_concurrency_from_a_steady_queue() -> None:
    config = BackendConfig.model_validate(
        {"kind": "openai-compatible", "location": "local", "base_url": "http://e:8000/v1",
         "capacity": {"learn": True}}
    )  # fmt: skip
    replica = BackendPool(build_provider("gpu", config), config).replicas[0]
    assert replica.learned_concurrency is None
    replica.observe(EngineSample(running=3, waiting=1), 0.0)  # a transient blip
    replica.observe(EngineSample(running=8, waiting=0), 1.0)
    assert replica.learned_concurrency is None
    for t in range(3):
        replica.observe(EngineSample(running=16, waiting=4, kv_tokens=32768), 2.0 + t)
    assert replica.concurrency == 16
    assert replica.kv_tokens == 32768
    replica.observe(EngineSample(running=4, waiting=9), 9.0)
    assert replica.concurrency == 16, "never lowered"


def test_a_replica_at_its_capacity_is_avoided_by_affinity() -> None:
    config = BackendConfig.model_validate(
        {"kind": "openai-compatible", "location": "local",
         "replicas": [{"base_url": "http://a:8000/v1"}, {"base_url": "http://b:8000/v1"}],
         "capacity": {"concurrent_requests": 2}}
    )  # fmt: skip
    backends = BackendPool(build_provider("gpu", config), config)
    home = backends.pick(7, (), 0.0)
    assert home is not None
    home.activity.in_flight = 2  # full, though within the imbalance slack
    assert backends.pick(7, (), 0.0) is not home


def test_a_replica_s_own_figures_override_the_backend_s() -> None:
    config = BackendConfig.model_validate(
        {"kind": "openai-compatible", "location": "local",
         "replicas": [{"base_url": "http://a100:8000/v1"},
                      {"base_url": "http://h100:8000/v1",
                       "capacity": {"concurrent_requests": 64}}],
         "capacity": {"concurrent_requests": 16, "kv_tokens": 100_000}}
    )  # fmt: skip
    small, large = BackendPool(build_provider("gpu", config), config).replicas
    assert (small.concurrency, small.kv_tokens) == (16, 100_000)
    assert (large.concurrency, large.kv_tokens) == (64, 100_000)


async def test_a_request_for_several_choices_holds_a_sequence_for_each() -> None:
    capacity = pool(FakeReplica(concurrency=4))
    three = await capacity.acquire(None, 4, 10, 5, 3)
    assert capacity.in_flight == 3
    two = await started(capacity, None, 4, 10, 5, 2)
    assert not two.done(), "3 + 2 sequences do not fit in 4"
    three.release()
    await asyncio.sleep(0)
    assert two.done() and capacity.in_flight == 2
    two.result().release()
    assert capacity.in_flight == 0


async def test_more_choices_than_the_whole_capacity_run_alone() -> None:
    capacity = pool(FakeReplica(concurrency=4))
    huge = await capacity.acquire(None, 4, 10, 5, 40)
    assert capacity.in_flight == 40
    small = await started(capacity, None, 4, 10, 5)
    assert not small.done()
    huge.release()
    await asyncio.sleep(0)
    assert small.done()
    small.result().release()
    assert capacity.in_flight == 0


async def test_a_reservation_holds_a_request_only_if_all_its_choices_fit() -> None:
    capacity = pool(FakeReplica(concurrency=8), reserved={"acme": 2})
    wide = await capacity.acquire("acme", 4, 10, 5, 3)
    assert not wide.reserved, "3 sequences do not fit a reservation of 2: the shared part"
    narrow = await capacity.acquire("acme", 4, 10, 5, 2)
    assert narrow.reserved
    for slot in (wide, narrow):
        slot.release()
    assert capacity.in_flight == 0
