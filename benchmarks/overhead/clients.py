"""The upstream client: CPU per request of aiohttp (what the gateway uses) against httpx, each
posting the benchmark's chat request to the nginx mock at a constant rate (open loop) from one
process on uvloop. Start the mock first (run.sh's nginx.conf, port 9200), then:

    taskset -c 1 .venv/bin/python benchmarks/overhead/clients.py [--rate 500] [--seconds 10]
        [--rounds 2]

The figure is the client process's CPU time (user + system: the sends' kernel work included)
per request, after 200 requests of warm-up on the same connections.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import time
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any

import uvloop

URL = "http://127.0.0.1:9200/v1/chat/completions"
BODY = (Path(__file__).parent / "request.json").read_bytes()
HEADERS = {"Content-Type": "application/json"}
# How to send one request, and how to close the client.
Client = tuple[Callable[[], Coroutine[Any, Any, None]], Callable[[], Awaitable[None]]]


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def aiohttp_client() -> Client:
    import aiohttp

    session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=256))

    async def send() -> None:
        async with session.post(URL, data=BODY, headers=HEADERS) as response:
            await response.read()

    return send, session.close


async def httpx_client() -> Client:
    import httpx

    client = httpx.AsyncClient(limits=httpx.Limits(max_connections=256))

    async def send() -> None:
        response = await client.post(URL, content=BODY, headers=HEADERS)
        await response.aread()

    return send, client.aclose


async def measure(name: str, rate: float, seconds: float) -> float:
    make = aiohttp_client if name == "aiohttp" else httpx_client
    send, close = await make()
    for _ in range(200):
        await send()
    count = int(rate * seconds)
    tasks: list[asyncio.Task[None]] = []
    started, cpu0 = time.perf_counter(), cpu_seconds()
    for index in range(count):
        delay = started + index / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(send()))
    await asyncio.gather(*tasks)
    used = cpu_seconds() - cpu0
    await close()
    return used / count * 1e6


async def main(args: argparse.Namespace) -> None:
    print(f"clients at {args.rate:g} req/s for {args.seconds:g} s, {args.rounds} rounds")
    for _ in range(args.rounds):
        for name in ("aiohttp", "httpx"):
            print(f"{name:8s} {await measure(name, args.rate, args.seconds):6.0f} µs CPU/request")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=500.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=2)
    uvloop.run(main(parser.parse_args()))
