"""Open-loop constant-rate HTTP load generator.

Requests are started on a fixed schedule whatever the server's latency, and each latency is
measured from the request's *scheduled* start, so a server (or generator) that falls behind shows
up as latency instead of being hidden by coordinated omission.

    python loadgen.py --url http://127.0.0.1:8811/v1/chat/completions --rate 500 --duration 10 \
        --header "Authorization: Bearer KEY" --body body.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return math.nan
    index = min(len(sorted_values) - 1, max(0, math.ceil(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


async def run(args: argparse.Namespace) -> dict[str, Any]:
    body = Path(args.body).read_bytes() if args.body else b"{}"
    headers = {"Content-Type": "application/json"}
    for header in args.header:
        name, _, value = header.partition(":")
        headers[name.strip()] = value.strip()
    connector = aiohttp.TCPConnector(limit=args.connections, keepalive_timeout=30)
    timeout = aiohttp.ClientTimeout(total=args.timeout)
    latencies: list[float] = []
    first_bytes: list[float] = []  # to the first bytes of the body: a stream's first event
    errors: dict[str, int] = {}
    total = int(args.rate * (args.warmup + args.duration))
    interval = 1.0 / args.rate
    measured_from = args.warmup
    lag_max = 0.0

    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def one(index: int, scheduled: float) -> None:
            first_byte = math.nan
            try:
                async with session.post(args.url, data=body, headers=headers) as response:
                    await response.content.readany()
                    first_byte = time.perf_counter() - scheduled
                    await response.content.read()
                    status = response.status
            except Exception as exc:
                status = -1
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
            elapsed = time.perf_counter() - scheduled
            if index * interval < measured_from:
                return
            if status == 200:
                latencies.append(elapsed)
                first_bytes.append(first_byte)
            elif status != -1:
                errors[str(status)] = errors.get(str(status), 0) + 1

        # perf_counter, not loop.time(): uvloop's clock has millisecond resolution.
        start = time.perf_counter() + 0.1
        tasks = set()
        for index in range(total):
            scheduled = start + index * interval
            delay = scheduled - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            else:
                lag_max = max(lag_max, -delay)
            task = asyncio.create_task(one(index, scheduled))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        measured_end = time.perf_counter()
        if tasks:
            await asyncio.wait(tasks, timeout=args.timeout)
    latencies.sort()
    first_bytes.sort()
    completed = len(latencies)
    window = args.duration
    return {
        "url": args.url,
        "offered_rps": args.rate,
        "duration_s": window,
        "completed": completed,
        "achieved_rps": round(completed / window, 1),
        "errors": errors,
        "generator_max_lag_ms": round(lag_max * 1000, 3),
        "send_window_s": round(measured_end - start, 3),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 3),
        "p90_ms": round(percentile(latencies, 0.90) * 1000, 3),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 3),
        "max_ms": round((latencies[-1] if latencies else math.nan) * 1000, 3),
        "first_byte_p50_ms": round(percentile(first_bytes, 0.50) * 1000, 3),
        "first_byte_p99_ms": round(percentile(first_bytes, 0.99) * 1000, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--rate", type=float, required=True, help="requests per second")
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds first")
    parser.add_argument("--connections", type=int, default=256, help="connection pool limit")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--body", help="file with the JSON request body")
    parser.add_argument("--header", action="append", default=[], help="'Name: value'")
    args = parser.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    result = asyncio.run(run(args))
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
