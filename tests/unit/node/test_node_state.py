"""The node state of ``bastion serve --workers N``: one supervisor, several worker connections."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bastion.admission.limiter import Grant, LimiterUnavailableError, Limits, Refusal
from bastion.cache.backends import IndexItem, MemoryBackend
from bastion.config import BackendConfig
from bastion.console.live import last_hour_minutes
from bastion.node.cache import NodeCacheBackend
from bastion.node.circuits import relay_circuits
from bastion.node.client import NodeClient
from bastion.node.invalidations import relay_invalidations
from bastion.node.limiter import NodeLimiter
from bastion.node.protocol import encode
from bastion.node.recent import RecentRelay, node_minutes
from bastion.node.server import NodeStateServer
from bastion.protocols.errors import GatewayError
from bastion.providers.factory import build_provider
from bastion.routing.breaker import BreakerState
from bastion.routing.pool import BackendPool
from bastion.store.invalidation import Invalidation, InvalidationHub
from bastion.telemetry.recent import Minute, RecentTraffic, bucket
from tests.finished_requests import finished

Connect = Callable[[int], Awaitable[NodeClient]]


@pytest.fixture
async def node(tmp_path: Path) -> AsyncIterator[NodeStateServer]:
    server = NodeStateServer(tmp_path / "node.sock", 2, cache=MemoryBackend())
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def connect(node: NodeStateServer) -> AsyncIterator[Connect]:
    clients: list[NodeClient] = []

    async def make(index: int) -> NodeClient:
        client = NodeClient(node.path, index, 1000 + index, timeout=2.0)
        await client.connect()
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.close()


async def _settled(node: NodeStateServer, grants: int) -> None:
    for _ in range(200):
        if node.in_flight_grants() == grants:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{node.in_flight_grants()} grants held, expected {grants}")


async def test_a_limit_holds_for_the_node_not_per_worker(connect: Connect) -> None:
    limiters = [NodeLimiter(await connect(0)), NodeLimiter(await connect(1))]
    checks = [("tenant acme", Limits(requests_per_minute=5))]
    results = await asyncio.gather(
        *(limiters[i % 2].admit(checks, 10) for i in range(12)), return_exceptions=False
    )
    grants = [r for r in results if isinstance(r, Grant)]
    refusals = [r for r in results if isinstance(r, Refusal)]
    assert len(grants) == 5
    assert len(refusals) == 7
    assert {r.what for r in refusals} == {"requests per minute"}
    assert all(g.requests is not None for g in grants)


async def test_settling_frees_a_concurrency_slot_for_another_worker(
    node: NodeStateServer, connect: Connect
) -> None:
    first, second = NodeLimiter(await connect(0)), NodeLimiter(await connect(1))
    checks = [("key k1", Limits(concurrent_requests=1))]
    grant = await first.admit(checks, 10)
    assert isinstance(grant, Grant)
    refused = await second.admit(checks, 10)
    assert isinstance(refused, Refusal) and refused.what == "concurrent requests"
    await first.settle(grant, 12)
    await first.settle(grant, 12)  # settling twice changes nothing
    await _settled(node, 0)
    assert isinstance(await second.admit(checks, 10), Grant)


async def test_a_worker_that_goes_away_frees_its_slots(
    node: NodeStateServer, connect: Connect
) -> None:
    dying, living = await connect(0), await connect(1)
    checks = [("key k1", Limits(concurrent_requests=2))]
    for _ in range(2):
        assert isinstance(await NodeLimiter(dying).admit(checks, 1), Grant)
    assert isinstance(await NodeLimiter(living).admit(checks, 1), Refusal)
    await dying.close()
    await _settled(node, 0)
    assert isinstance(await NodeLimiter(living).admit(checks, 1), Grant)


async def test_budgets_count_what_every_worker_used(connect: Connect) -> None:
    first, second = NodeLimiter(await connect(0)), NodeLimiter(await connect(1))
    checks = [("tenant acme", Limits(tokens_per_day=100))]
    grant = await first.admit(checks, 40)
    assert isinstance(grant, Grant)
    await first.settle(grant, 90)  # used more than estimated
    refusal = await second.admit(checks, 20)
    assert isinstance(refusal, Refusal) and refusal.what == "tokens per day"


async def test_the_cache_is_one_for_the_node(connect: Connect) -> None:
    writer, reader = NodeCacheBackend(await connect(0)), NodeCacheBackend(await connect(1))
    await writer.set("{t1}:x:abc", b"answer", 60)
    await writer.index_add("{t1}:i:chat", IndexItem("abc", "hello there", (0.5, 0.5)), 10, 60)
    assert await reader.get("{t1}:x:abc") == b"answer"
    items = await reader.index_items("{t1}:i:chat")
    assert [(i.member, i.text) for i in items] == [("abc", "hello there")]
    await reader.index_set_fine("{t1}:i:chat", "abc", b"fine")
    assert await writer.index_fine("{t1}:i:chat", ["abc", "gone"]) == [b"fine", None]
    await reader.delete("{t1}:x:abc")
    assert await writer.get("{t1}:x:abc") is None


async def test_readiness_counts_every_worker(node: NodeStateServer, connect: Connect) -> None:
    first = await connect(0)
    second = await connect(1)
    first.send("ready")
    await asyncio.sleep(0.05)
    assert (first.workers_ready, first.all_workers_ready) == (1, False)
    second.send("ready")
    for _ in range(100):
        if first.all_workers_ready and second.all_workers_ready:
            break
        await asyncio.sleep(0.01)
    assert first.all_workers_ready and second.all_workers_ready
    assert node.ever_ready == {0, 1}
    await second.close()
    for _ in range(100):
        if not first.all_workers_ready:
            break
        await asyncio.sleep(0.01)
    assert first.workers_ready == 1


async def test_revocations_reach_the_other_workers_once(connect: Connect) -> None:
    hubs = [InvalidationHub(), InvalidationHub()]
    seen: list[list[Invalidation]] = [[], []]
    for index in (0, 1):
        client = await connect(index)
        relay_invalidations(hubs[index], client)
        hubs[index].subscribe(seen[index].append)
    hubs[0].publish(Invalidation(key_id="k1"))
    for _ in range(100):
        if seen[1]:
            break
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)  # an echo back to the first worker would have arrived by now
    assert seen[0] == [Invalidation(key_id="k1")]
    assert seen[1] == [Invalidation(key_id="k1")]


async def test_without_the_supervisor_limits_refuse_with_503(
    node: NodeStateServer, connect: Connect
) -> None:
    lost = asyncio.Event()
    client = await connect(0)
    client.on_lost = lost.set
    await node.close()
    await asyncio.wait_for(lost.wait(), 2)
    with pytest.raises(GatewayError) as raised:
        await NodeLimiter(client).admit([("key k1", Limits(requests_per_minute=1))], 1)
    assert raised.value.status == 503


async def test_a_garbled_worker_is_dropped_and_the_others_go_on(
    node: NodeStateServer, connect: Connect
) -> None:
    reader, writer = await asyncio.open_unix_connection(str(node.path))
    writer.write(encode((1, "no such call", ())))
    assert await reader.read() == b""  # the supervisor hung up on it
    writer.close()
    reader, writer = await asyncio.open_unix_connection(str(node.path))
    writer.write(b"\xff\xff\xff\xff")  # a length far past the limit
    assert await reader.read() == b""
    writer.close()
    healthy = NodeLimiter(await connect(1))
    assert isinstance(await healthy.admit([("key k", Limits(requests_per_minute=1))], 1), Grant)


async def test_the_socket_is_private(node: NodeStateServer) -> None:
    assert node.path.stat().st_mode & 0o077 == 0


def _pool() -> BackendPool:
    config = BackendConfig.model_validate(
        {
            "kind": "openai-compatible",
            "location": "local",
            "replicas": [{"base_url": f"http://10.0.0.{i}:8000/v1"} for i in range(2)],
            "circuit_breaker": {"failure_threshold": 2},
        }
    )
    return BackendPool(build_provider("gpu", config), config)


async def test_a_circuit_one_worker_opens_opens_in_the_others(connect: Connect) -> None:
    pools = [_pool(), _pool()]
    for index, pool in enumerate(pools):
        relay_circuits({"gpu": pool}, await connect(index))
    now = asyncio.get_running_loop().time()
    failing = pools[0].replicas[1]
    assert not failing.failed(now, "HTTP 502")
    assert failing.failed(now, "HTTP 502")  # the second in a row opens it
    elsewhere = pools[1].replicas[1]
    for _ in range(100):
        if elsewhere.breaker.state is BreakerState.OPEN:
            break
        await asyncio.sleep(0.01)
    assert elsewhere.breaker.state is BreakerState.OPEN
    assert "opened by another worker" in elsewhere.breaker.reason
    assert pools[1].replicas[0].breaker.state is BreakerState.CLOSED
    await asyncio.sleep(0.05)
    assert failing.breaker.openings == 1  # no echo back
    for pool in pools:
        await pool.close()


async def test_the_node_ring_adds_up_every_workers_minutes(
    node: NodeStateServer, connect: Connect
) -> None:
    rings = [RecentTraffic(), RecentTraffic()]
    relays = [RecentRelay(ring, await connect(index)) for index, ring in enumerate(rings)]
    for _ in range(3):
        rings[0].record(finished(0.1, tenant="acme"))
    rings[1].record(finished(2.0, tenant="globex", refused_by="admit"))
    for relay in relays:
        relay.flush()
    relays[0].flush()  # nothing new: nothing sent twice
    rings[1].record(finished(0.1, tenant="acme", ttft_seconds=0.05))
    relays[1].flush()
    client = await connect(2)
    for _ in range(100):  # the workers' frames and this call travel on different sockets
        last = (await node_minutes(client))[-1]
        if last.requests >= 5:
            break
        await asyncio.sleep(0.01)
    assert last.requests == 5
    assert last.tenants == {"acme": 4, "globex": 1}
    assert last.refusals == {"admit": 1}
    assert sum(last.latency) == 5
    assert last.latency[bucket(0.1)] == 4
    assert last.ttft[bucket(0.05)] == 1
    assert node.recent.minutes()[-1].requests == 5


async def test_a_minute_older_than_the_hour_is_not_added() -> None:
    ring = RecentTraffic(clock=lambda: 7200.0)
    stale = Minute(start=3600, requests=3)
    ring.add(stale)
    ring.add(Minute(start=7200, requests=2))
    assert sum(m.requests for m in ring.minutes()) == 2


async def test_without_its_supervisor_a_worker_shows_its_own_last_hour(
    node: NodeStateServer, connect: Connect
) -> None:
    ring = RecentTraffic()
    client = await connect(0)
    relay = RecentRelay(ring, client)
    ring.record(finished(0.1, tenant=None))
    minutes, whose = await last_hour_minutes(ring, client, relay, 1.0)
    assert (whose, minutes[-1].requests) == ("node", 1)
    await node.close()
    await asyncio.sleep(0.05)
    ring.record(finished(0.1, tenant=None))
    minutes, whose = await last_hour_minutes(ring, client, relay, 1.0)
    assert (whose, minutes[-1].requests) == ("worker", 2)
    # One process: its own ring, nothing asked of anyone.
    assert (await last_hour_minutes(ring, None, None, 1.0))[1] == "process"


async def test_a_worker_reads_the_nodes_current_use(
    node: NodeStateServer, connect: Connect
) -> None:
    first, second = NodeLimiter(await connect(0)), NodeLimiter(await connect(1))
    limits = Limits(requests_per_minute=100, tokens_per_day=10_000, usd_micros_per_month=10**9)
    for _ in range(3):
        assert isinstance(await first.admit([("tenant acme", limits)], 300, 2_000), Grant)
    grant = await second.admit([("tenant acme", limits)], 300, 2_000)
    assert isinstance(grant, Grant)
    await second.settle(grant, 100, 500)
    use = await second.current_use("tenant acme", group="acme")
    assert (use.requests_this_minute, use.tokens_today, use.usd_micros_this_month) == (
        4,
        1_000,
        6_500,
    )
    await node.close()
    await asyncio.sleep(0.05)
    with pytest.raises(LimiterUnavailableError):
        await first.current_use("tenant acme")
