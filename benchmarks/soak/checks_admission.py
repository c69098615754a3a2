"""Admission shared through Redis: one limit across three gateways, and Redis going away."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import aiohttp
from support import (
    REDIS_HOST,
    REDIS_PORT,
    Gateway,
    Result,
    Soak,
    TcpProxy,
    drop_redis_prefix,
    ms,
    percentile,
    redis_prefix,
    redis_url,
    rounded,
    sim_backend,
    start_sims,
)
from traffic import request_body

CHAT = "/v1/chat/completions"


def base_config(soak: Soak, backend: dict[str, Any], redis: dict[str, Any]) -> dict[str, Any]:
    return {
        "database": {"url": f"sqlite+aiosqlite:///{soak.workdir}/shared.db"},
        "ledger": {"enabled": False},
        "audit": {"enabled": False},
        "backends": {"sim": backend},
        "admission": {"redis": redis},
    }


async def post(
    session: aiohttp.ClientSession, url: str, key: str, index: int
) -> tuple[int, str, dict[str, str], float]:
    """One short chat request: status, error code, headers, seconds."""
    started = time.monotonic()
    headers = {"authorization": f"Bearer {key}"}
    async with session.post(url + CHAT, json=request_body("chat", index, 2), headers=headers) as r:
        payload = await r.json(content_type=None) if r.status != 200 else {}
        code = str(((payload or {}).get("error") or {}).get("code") or "")
        return r.status, code, dict(r.headers), time.monotonic() - started


# --- 3. Shared limits -----------------------------------------------------------------------


Answer = tuple[int, int, str, dict[str, str], float]  # gateway, status, code, headers, s


async def burst(
    gateways: list[Gateway], key: str, count: int, per_gateway: int | None
) -> tuple[list[Answer], float]:
    """``count`` requests spread evenly over ``gateways``: all released at once, or with at
    most ``per_gateway`` in flight at each; the answers and the seconds it took."""
    answers: list[Answer] = []
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=120)
    gates = [asyncio.Semaphore(per_gateway or count) for _ in gateways]
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        go = asyncio.Event()

        async def one(index: int) -> None:
            gateway = index % len(gateways)
            await go.wait()
            async with gates[gateway]:
                status, code, headers, seconds = await post(
                    session, gateways[gateway].url, key, index
                )
            answers.append((gateway, status, code, headers, seconds))

        tasks = [asyncio.create_task(one(i)) for i in range(count)]
        await asyncio.sleep(0.2)
        started = time.monotonic()
        go.set()
        await asyncio.gather(*tasks)
    return answers, time.monotonic() - started


def burst_numbers(answers: list[Answer], seconds: float, gateways: int) -> dict[str, Any]:
    counted: dict[str, int] = {}
    for _, status, code, _, _ in answers:
        label = f"{status} {code}".strip()
        counted[label] = counted.get(label, 0) + 1
    admitted = [a for a in answers if a[1] == 200]
    return {
        "answers": counted,
        "admitted": len(admitted),
        "admitted_per_gateway": [sum(1 for a in admitted if a[0] == g) for g in range(gateways)],
        "refused_right": sum(
            1
            for a in answers
            if a[1] == 429
            and a[2] == "rate_limit_exceeded"
            and "retry-after" in {k.lower() for k in a[3]}
        ),
        "seconds": round(seconds, 2),
        "p50_ms": ms(percentile([a[4] for a in answers], 0.5)),
        "p99_ms": ms(percentile([a[4] for a in answers], 0.99)),
    }


async def shared_limits(soak: Soak, result: Result) -> None:
    """Three gateways share a tenant's 300 requests per minute through Redis; 900 requests
    arrive at once, 300 at each gateway: exactly 300 may be admitted, the other 600 refused
    with 429. Then the same with at most 48 requests in flight per gateway (a fresh tenant),
    which tells the limit's accuracy apart from what a burst does to each gateway."""
    limit = 300
    paced = 48
    prefix = redis_prefix()
    try:
        sims = await start_sims(soak, {"time_scale": 50}, 1)
        config = base_config(soak, sim_backend(sims), {"url": redis_url(), "key_prefix": prefix})
        gateways = [Gateway(soak, config, f"gateway{i}") for i in range(3)]
        for gateway in gateways:  # one at a time: they migrate one SQLite file
            await gateway.start()
        limits = {"requests_per_minute": limit}
        phases: dict[str, dict[str, Any]] = {}
        key = await gateways[0].tenant_key("acme", limits)
        phases["at_once"] = burst_numbers(*await burst(gateways, key, 3 * limit, None), 3)
        key = await gateways[0].tenant_key("globex", limits)
        phases[f"{paced}_in_flight_per_gateway"] = burst_numbers(
            *await burst(gateways, key, 3 * limit, paced), 3
        )
    finally:
        dropped = await drop_redis_prefix(prefix)
    at_once = phases["at_once"]
    result.numbers.update(
        limit_per_minute=limit,
        sent=3 * limit,
        answers=at_once["answers"],
        admitted=at_once["admitted"],
        admitted_per_gateway=at_once["admitted_per_gateway"],
        burst_s=at_once["seconds"],
        p99_ms=at_once["p99_ms"],
        paced_answers=phases[f"{paced}_in_flight_per_gateway"]["answers"],
        phases=phases,
        redis_keys_dropped=dropped,
    )
    for name, numbers in phases.items():
        result.require(
            f"{name}: exactly {limit} admitted", numbers["admitted"] == limit, numbers["admitted"]
        )
        result.require(
            f"{name}: the other {2 * limit} refused 429 rate_limit_exceeded with Retry-After",
            numbers["refused_right"] == 2 * limit,
            numbers["answers"],
        )


# --- 4. Redis outage ------------------------------------------------------------------------


async def redis_outage(soak: Soak, result: Result) -> None:
    """A gateway reaches Redis through a proxy that the check cuts: connections refused, then
    a Redis that hangs. Limited requests must fail closed (503 admission_unavailable,
    Retry-After: 1) within the Redis timeout, and be admitted again once Redis is back."""
    timeout_s = 0.5
    prefix = redis_prefix()
    proxy = TcpProxy((REDIS_HOST, REDIS_PORT))
    await proxy.start()
    numbers: dict[str, Any] = {}
    try:
        sims = await start_sims(soak, {"time_scale": 50}, 1)
        redis = {
            "url": redis_url(proxy.port),
            "key_prefix": prefix,
            "timeout_seconds": timeout_s,
            "on_failure": "closed",
        }
        gateway = Gateway(soak, base_config(soak, sim_backend(sims), redis))
        await gateway.start()
        key = await gateway.tenant_key("acme", {"requests_per_minute": 100000})
        phases: dict[str, list[tuple[int, str, dict[str, str], float]]] = {}
        count = 10 if soak.options.quick else 30
        async with aiohttp.ClientSession() as session:

            async def phase(name: str) -> None:
                phases[name] = [await post(session, gateway.url, key, i) for i in range(count)]

            await phase("up")
            proxy.set_mode("down")
            await phase("down")
            proxy.set_mode("blackhole")
            await phase("hung")
            proxy.set_mode("up")
            restored = time.monotonic()
            first_ok: float | None = None
            while time.monotonic() - restored < 30:
                status, *_ = await post(session, gateway.url, key, 0)
                if status == 200:
                    first_ok = time.monotonic() - restored
                    break
                await asyncio.sleep(0.05)
            await phase("back")
        numbers["recovered_after_s"] = rounded(first_ok)
        numbers["state_errors_counted"] = await gateway.metric(
            "bastion_admission_state_errors_total", behaviour="closed"
        )
    finally:
        await proxy.close()
        await drop_redis_prefix(prefix)

    def closed_right(answer: tuple[int, str, dict[str, str], float]) -> bool:
        status, code, headers, _ = answer
        retry = {k.lower(): v for k, v in headers.items()}.get("retry-after")
        return status == 503 and code == "admission_unavailable" and retry == "1"

    for name, answers in phases.items():
        seconds = [a[3] for a in answers]
        numbers[name] = {
            "statuses": {
                str(s): sum(1 for a in answers if a[0] == s) for s in {a[0] for a in answers}
            },
            "p50_ms": ms(percentile(seconds, 0.5)),
            "max_ms": ms(max(seconds)),
        }
    result.numbers.update(redis_timeout_s=timeout_s, **numbers)
    result.require("served while Redis is up", all(a[0] == 200 for a in phases["up"]))
    for name in ("down", "hung"):
        wrong = [a[:2] for a in phases[name] if not closed_right(a)]
        result.require(
            f"Redis {name}: every request 503 admission_unavailable with Retry-After: 1",
            not wrong,
            wrong[:3],
        )
        slowest = max(a[3] for a in phases[name])
        result.require(
            f"Redis {name}: refused within the Redis timeout + 1 s",
            slowest <= timeout_s + 1.0,
            f"slowest {slowest:.2f} s",
        )
    result.require(
        "admitted again once Redis is back (within 5 s)",
        first_ok is not None and first_ok <= 5 and all(a[0] == 200 for a in phases["back"]),
        f"first 200 after {first_ok}",
    )
    result.require(
        "decisions without Redis are counted",
        numbers["state_errors_counted"] >= 2 * count,
        numbers["state_errors_counted"],
    )
