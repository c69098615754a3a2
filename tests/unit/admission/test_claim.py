"""A request's claim on backend capacity, moved to the backend that serves it."""

from __future__ import annotations

import asyncio
import re

import pytest

from bastion.admission.capacity import CapacityClaim
from bastion.protocols.errors import GatewayError
from tests.unit.admission.test_capacity import FakeReplica, pool, started


def claim(max_wait: float, priority: int = 4) -> CapacityClaim:
    deadline = asyncio.get_running_loop().time() + max_wait
    return CapacityClaim("acme", priority, 10, 1, deadline)


async def test_moving_gives_the_first_slot_back_and_takes_one_on_the_second() -> None:
    primary, fallback = pool(FakeReplica(concurrency=1)), pool(FakeReplica(concurrency=1))
    request = claim(5)
    await request.move_to(primary)
    assert (primary.in_flight, fallback.in_flight) == (1, 0)
    await request.move_to(primary)  # retried on the same backend: the same slot
    assert primary.in_flight == 1
    await request.move_to(fallback)
    assert (primary.in_flight, fallback.in_flight) == (0, 1)
    request.release()
    request.release()  # at seal, then at completion: once
    assert fallback.in_flight == 0


async def test_a_backend_without_capacity_holds_nothing() -> None:
    primary = pool(FakeReplica(concurrency=1))
    request = claim(5)
    await request.move_to(primary)
    await request.move_to(None)
    assert primary.in_flight == 0 and request.slot is None


async def test_the_fallback_queue_is_waited_in_until_the_same_deadline() -> None:
    primary, fallback = pool(FakeReplica(concurrency=1)), pool(FakeReplica(concurrency=1))
    busy = await fallback.acquire(None, 4, 10, 5)
    loop = asyncio.get_running_loop()
    request = claim(1.0)
    await request.move_to(primary)
    await asyncio.sleep(0.5)  # the primary failed it after a while
    began = loop.time()
    with pytest.raises(GatewayError) as shed:
        await request.move_to(fallback)
    waited = loop.time() - began
    assert 0.2 < waited < 0.75, "what was left of 1 s, not 1 s again"
    error = shed.value
    assert error.status == 503 and error.code == "overloaded"
    assert re.search(
        r"Backend 'gpu' is at capacity: no capacity freed up within the 0\.\d+s this request "
        r"may wait\. Retry in \d+s\.",
        error.message,
    ), error.message
    assert primary.in_flight == 0, "the primary's slot was given back before waiting"
    assert fallback.waiting == 0
    busy.release()


async def test_a_claim_waits_its_turn_on_the_fallback_by_its_priority() -> None:
    fallback = pool(FakeReplica(concurrency=1))
    busy = await fallback.acquire(None, 4, 10, 5)
    later = await started(fallback, None, 6, 10, 5)
    urgent = claim(5, priority=0)
    moving = asyncio.create_task(urgent.move_to(fallback))
    await asyncio.sleep(0)
    busy.release()
    await moving
    assert urgent.slot is not None and not later.done(), "priority 0 goes before priority 6"
    assert urgent.waited > 0
    urgent.release()
    (await later).release()
