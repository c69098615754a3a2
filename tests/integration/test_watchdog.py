"""The watchdog and half-open trials against a wedged simulated engine, on short clocks.

A simulator with ``hang`` set accepts requests and answers a stream's headers at once, then
produces nothing; its health check stays green. Only the watchdog can tell.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx

from tests.conftest import GatewayFactory, RunningGateway

MODEL = "bastion-sim"


def backend(urls: list[str], **settings: Any) -> dict[str, Any]:
    return {
        "kind": "openai-compatible",
        "location": "local",
        "replicas": [{"base_url": url} for url in urls],
        "models": [MODEL],
        "balancing": {"affinity": "none"},
        "engine_metrics": {"interval_seconds": 0.1},
        "timeouts": {"first_byte": 20, "idle": 20},
        **settings,
    }


async def stream(client: httpx.AsyncClient, gateway: RunningGateway, index: int) -> int:
    """One streamed chat request, read to its end; its status."""
    async with client.stream(
        "POST",
        gateway.url + "/v1/chat/completions",
        headers={"authorization": f"Bearer {gateway.admin_key}"},
        json={
            "model": MODEL,
            "messages": [{"role": "user", "content": f"request {index}"}],
            "max_tokens": 8,
            "stream": True,
        },
    ) as response:
        async for _ in response.aiter_bytes():
            pass
        return response.status_code


async def test_new_streams_on_a_wedged_engine_do_not_postpone_the_watchdog(
    start_gateway: GatewayFactory, sim_backend: Callable[..., str]
) -> None:
    wedged = sim_backend(time_scale=20.0, faults={"hang": True})
    watchdog = 0.5
    gateway = start_gateway({"gpu": backend([wedged], watchdog_seconds=watchdog)})
    replica = gateway.gateway.pools["gpu"].replicas[0]
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient(timeout=30) as client:
        started = loop.time()
        calls: list[asyncio.Task[int]] = []
        opened_after: float | None = None
        # A new stream every 0.15 s, each answered with headers at once and then nothing: the
        # issue's "a stream every 6 s with watchdog_seconds 10", thirty times faster.
        while loop.time() - started < 2.5:
            calls.append(asyncio.create_task(stream(client, gateway, len(calls))))
            await asyncio.sleep(0.15)
            if replica.breaker.state != "closed":
                opened_after = loop.time() - started
                break
        statuses = await asyncio.gather(*calls)
    assert opened_after is not None, "the watchdog never fired while streams kept arriving"
    # The watchdog time, one tick (a tenth of it) and this test's 0.15 s between looks.
    assert opened_after <= watchdog * 1.1 + 0.3, opened_after
    assert "watchdog" in replica.breaker.reason
    assert all(status >= 500 for status in statuses), statuses  # interrupted, nowhere else to go


async def test_a_half_open_circuit_sends_one_trial_at_a_time_to_a_wedged_engine(
    start_gateway: GatewayFactory, sim_backend: Callable[..., str]
) -> None:
    wedged = sim_backend(time_scale=20.0, faults={"hang": True})
    healthy = sim_backend(time_scale=200.0)
    gateway = start_gateway(
        {
            "gpu": backend(
                [wedged, healthy],
                watchdog_seconds=0.4,
                # A trial may be let through every 0.1 s; each one hangs until the watchdog.
                circuit_breaker={"open_seconds": 0.1, "max_open_seconds": 0.4},
            )
        }
    )
    replica = gateway.gateway.pools["gpu"].replicas[0]
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    statuses: list[int] = []
    in_flight_while_trying: list[int] = []

    async def worker(client: httpx.AsyncClient, worker: int) -> None:
        sent = 0
        while not stop.is_set():
            statuses.append(await stream(client, gateway, worker * 1000 + sent))
            sent += 1

    async def watch() -> None:
        # From the first opening on, every request sent to the wedged engine is a trial.
        while replica.breaker.openings == 0:
            await asyncio.sleep(0.005)
        while replica.activity.in_flight:
            await asyncio.sleep(0.005)  # the requests caught by the first trip end
        while not stop.is_set():
            in_flight_while_trying.append(replica.activity.in_flight)
            await asyncio.sleep(0.005)

    async with httpx.AsyncClient(timeout=30) as client:
        started = loop.time()
        tasks = [asyncio.create_task(worker(client, n)) for n in range(6)]
        watcher = asyncio.create_task(watch())
        await asyncio.sleep(3.0)
        stop.set()
        await asyncio.gather(*tasks, watcher)
    elapsed = loop.time() - started
    assert in_flight_while_trying, "the circuit opened"
    assert max(in_flight_while_trying) == 1, "trials overlapped"
    assert any(in_flight_while_trying), "trials were sent"
    # Every trial hung until the watchdog: each failure doubled the wait, up to the cap.
    assert replica.breaker.openings >= 3, replica.breaker.openings
    assert replica.breaker.open_for == 0.4
    # The last opening is a trial's failure, or (on a loaded machine) a watchdog tick that found
    # the interrupted requests still in flight while the circuit was open: both the watchdog's.
    assert "watchdog" in replica.breaker.reason, replica.breaker.reason
    # A trial caught by the watchdog had sent nothing to its client: retried on the healthy one.
    assert statuses and all(status == 200 for status in statuses), set(statuses)
    assert elapsed < 10
