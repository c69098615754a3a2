"""Client connections that misbehave: slow heads and bodies, idle keep-alive, huge heads."""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from typing import Any

import aiohttp
from support import (
    Gateway,
    Result,
    RssSampler,
    Soak,
    ms,
    percentile,
    rounded,
    sim_backend,
    start_sims,
)
from traffic import Call, send

HEADER_TIMEOUT = 2.0
BODY_TIMEOUT = 2.0
KEEP_ALIVE = 3.0
# Allowed beyond a connection's own deadline before the check calls it late: the deadline
# timer's granularity plus a loaded two-core machine.
SLACK = 2.0


def connection_config(soak: Soak, backend: dict[str, Any], **server: Any) -> dict[str, Any]:
    return {
        "database": {"url": f"sqlite+aiosqlite:///{soak.workdir}/g.db"},
        "ledger": {"enabled": False},
        "audit": {"enabled": False},
        "backends": {"sim": backend},
        "server": server,
    }


def post_head(key: str, length: int) -> bytes:
    return (
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: soak\r\n"
        b"Authorization: Bearer " + key.encode() + b"\r\n"
        b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % length
    )


@dataclass
class Slow:
    kind: str
    deadline: float  # seconds after ``since`` by which the server must have closed it
    closed_after: float | None = None  # seconds after ``since``; None: still open at the end
    answer: bytes = b""
    since: float = 0.0


async def slow_connection(port: int, key: str, kind: str, give_up: float) -> Slow:
    """One misbehaving connection; when the server closed it, and what it answered."""
    deadlines = {
        "silent": HEADER_TIMEOUT,
        "slow-head": HEADER_TIMEOUT,
        "slow-body": BODY_TIMEOUT,
        "dribbling-body": BODY_TIMEOUT + 1.0,
        "idle-keep-alive": KEEP_ALIVE,
    }
    slow = Slow(kind, deadlines[kind])
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    slow.since = time.monotonic()
    received = bytearray()
    response_seen = asyncio.Event()

    async def read() -> None:
        with contextlib.suppress(OSError):
            while chunk := await reader.read(65536):
                received.extend(chunk)
                if b"\r\n\r\n" in received:
                    response_seen.set()

    reading = asyncio.create_task(read())
    try:
        trickle = b""
        interval = 3.0
        if kind == "slow-head":
            trickle = post_head(key, 2)
        elif kind in ("slow-body", "dribbling-body"):
            writer.write(post_head(key, 4096))
            slow.since = time.monotonic()
            trickle = b"{" + b" " * 4000
            interval = 3.0 if kind == "slow-body" else 0.5
        elif kind == "idle-keep-alive":
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: soak\r\n\r\n")
            await asyncio.wait_for(response_seen.wait(), 10)
            slow.since = time.monotonic()
            slow.answer = bytes(received)
            received.clear()
        for byte in trickle:
            with contextlib.suppress(OSError):
                writer.write(bytes([byte]))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(reading), interval)
            if reading.done():
                break
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(reading), max(0.0, give_up - slow.since))
        if reading.done():
            slow.closed_after = time.monotonic() - slow.since
        if kind != "idle-keep-alive":
            slow.answer = bytes(received)
        else:
            slow.answer += b" / after idle: " + bytes(received)
    finally:
        reading.cancel()
        writer.transport.abort()
    return slow


async def normal_traffic(
    url: str, key: str, stop: asyncio.Event, calls: list[Call], every: float = 0.1
) -> None:
    """A request every ``every`` seconds (whole and streamed in turn) until ``stop``."""
    async with aiohttp.ClientSession() as session:
        index = 0
        pending: set[asyncio.Task[Call]] = set()
        while not stop.is_set():
            kind = "chat" if index % 2 else "chat-stream"
            task = asyncio.create_task(send(session, url, key, kind, index, 8, 30))
            pending.add(task)
            task.add_done_callback(pending.discard)
            task.add_done_callback(lambda done: calls.append(done.result()))
            index += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
        if pending:
            await asyncio.wait(pending, timeout=40)


def latency_numbers(calls: list[Call]) -> dict[str, Any]:
    seconds = [c.finished - c.sent for c in calls if c.acknowledged and c.finished]
    return {
        "sent": len(calls),
        "failed": sum(1 for c in calls if not c.acknowledged),
        "p50_ms": ms(percentile(seconds, 0.5)),
        "p99_ms": ms(percentile(seconds, 0.99)),
    }


# --- 5. Slow clients ------------------------------------------------------------------------


async def slow_clients(soak: Soak, result: Result) -> None:
    """Waves of half-sent heads, bodies trickling a byte every few seconds (or under the
    minimum rate), silent and idle keep-alive connections, while normal requests go on. Every
    slow connection must be closed by the server's deadlines; memory must not grow per wave."""
    quick = soak.options.quick
    per_kind = 25 if quick else 100
    waves = 1 if quick else 3
    kinds = ("silent", "slow-head", "slow-body", "dribbling-body", "idle-keep-alive")
    sims = await start_sims(soak, {"time_scale": 20}, 1)
    config = connection_config(
        soak,
        sim_backend(sims),
        header_timeout_seconds=HEADER_TIMEOUT,
        body_timeout_seconds=BODY_TIMEOUT,
        body_min_bytes_per_second=1024,
        keep_alive_timeout_seconds=KEEP_ALIVE,
    )
    gateway = Gateway(soak, config)
    await gateway.start()
    key = await gateway.tenant_key("soak")
    baseline: list[Call] = []
    stop = asyncio.Event()
    baseline_task = asyncio.create_task(normal_traffic(gateway.url, key, stop, baseline))
    await asyncio.sleep(3)
    stop.set()
    await baseline_task
    during: list[Call] = []
    stop = asyncio.Event()
    rss_before = gateway.proc.rss_mib() or 0.0
    rss_after_wave: list[float] = []
    outcomes: list[Slow] = []
    with RssSampler(gateway.proc) as rss:
        traffic = asyncio.create_task(normal_traffic(gateway.url, key, stop, during))
        for _ in range(waves):
            give_up = time.monotonic() + 25
            wave = [
                slow_connection(gateway.port, key, kind, give_up)
                for kind in kinds
                for _ in range(per_kind)
            ]
            outcomes += await asyncio.gather(*wave)
            await asyncio.sleep(1)
            rss_after_wave.append(gateway.proc.rss_mib() or 0.0)
        stop.set()
        await traffic
    limits = await gateway.metric_by("bastion_connection_limits_total", "reason")
    open_now = await gateway.metric("bastion_connections_open")
    per_kind_numbers: dict[str, Any] = {}
    late: list[str] = []
    for kind in kinds:
        mine = [o for o in outcomes if o.kind == kind]
        closed = [o.closed_after for o in mine if o.closed_after is not None]
        per_kind_numbers[kind] = {
            "connections": len(mine),
            "closed_by_server": len(closed),
            "closed_after_s_p50": rounded(percentile(closed, 0.5)),
            "closed_after_s_max": rounded(max(closed) if closed else None),
            "answered_408": sum(1 for o in mine if o.answer.startswith(b"HTTP/1.1 408")),
        }
        late += [
            f"{kind}: {o.closed_after}"
            for o in mine
            if o.closed_after is None or o.closed_after > o.deadline + SLACK
        ]
    growth = max(rss.peak - rss_before, 0.0)
    drift = rss_after_wave[-1] - rss_after_wave[0] if rss_after_wave else 0.0
    result.numbers.update(
        connections_per_wave=per_kind * len(kinds),
        waves=waves,
        timeouts_s={"header": HEADER_TIMEOUT, "body": BODY_TIMEOUT, "keep_alive": KEEP_ALIVE},
        per_kind=per_kind_numbers,
        rss_before_mib=round(rss_before, 1),
        rss_peak_mib=round(rss.peak, 1),
        rss_after_each_wave_mib=[round(r, 1) for r in rss_after_wave],
        normal_before=latency_numbers(baseline),
        normal_during=latency_numbers(during),
        connection_limits=limits,
        connections_open_at_end=open_now,
    )
    result.require(
        f"every slow connection closed by the server within its deadline + {SLACK:g} s",
        not late,
        f"{len(late)} late or open: {late[:4]}",
    )
    expected_408 = sum(
        per_kind_numbers[k]["connections"] for k in ("slow-head", "slow-body", "dribbling-body")
    )
    got_408 = sum(
        per_kind_numbers[k]["answered_408"] for k in ("slow-head", "slow-body", "dribbling-body")
    )
    result.require(
        "half-sent heads and bodies are answered 408",
        got_408 == expected_408,
        f"{got_408} of {expected_408}",
    )
    result.require(
        "normal requests are all served meanwhile",
        latency_numbers(during)["failed"] == 0 and len(during) > 20,
        latency_numbers(during),
    )
    result.require("RSS growth under 64 MiB", growth < 64, f"{growth:.1f} MiB")
    result.require(
        "no RSS growth from wave to wave (under 8 MiB from the first to the last)",
        drift < 8,
        f"{drift:.1f} MiB",
    )


# --- 6. Oversized headers -------------------------------------------------------------------


async def huge_head(port: int, size: int, finish: bool, give_up: float) -> dict[str, Any]:
    """Sends a head with one ``size``-byte header (then ends the request if ``finish``),
    all of it, whatever the server answers meanwhile, as a hostile client does; how the server
    answered (431, or closed without an answer), how much it took and when it closed."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    started = time.monotonic()
    received = bytearray()
    answered_at: float | None = None

    async def read() -> None:
        nonlocal answered_at
        with contextlib.suppress(OSError):
            while chunk := await reader.read(65536):
                received.extend(chunk)
                if answered_at is None:
                    answered_at = time.monotonic() - started

    reading = asyncio.create_task(read())
    sent = 0
    chunk = b"a" * (256 * 1024)
    try:
        writer.write(b"POST /v1/chat/completions HTTP/1.1\r\nHost: soak\r\nX-Big: ")
        with contextlib.suppress(OSError):
            while sent < size:
                writer.write(chunk[: size - sent])
                await writer.drain()
                sent += min(len(chunk), size - sent)
            if finish:
                writer.write(b"\r\nContent-Length: 2\r\n\r\n{}")
                await writer.drain()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(reading), max(0.1, give_up - time.monotonic()))
    finally:
        reading.cancel()
        writer.transport.abort()
    closed_after = time.monotonic() - started if reading.done() else None
    status = bytes(received[:12])
    outcome = "431" if status == b"HTTP/1.1 431" else ("closed" if reading.done() else "open")
    if received and outcome != "431":
        outcome = status.decode(errors="replace")
    return {
        "outcome": outcome,
        "sent_mib": round(sent / 2**20, 2),
        "answered_after_s": rounded(answered_at),
        "closed_after_s": rounded(closed_after),
    }


async def oversized_headers(soak: Soak, result: Result) -> None:
    """Eight connections each sending 32 MiB of a head that never ends, then one complete
    request with a 16 MiB header: each refused (431, or closed) without being buffered."""
    sims = await start_sims(soak, {"time_scale": 20}, 1)
    gateway = Gateway(soak, connection_config(soak, sim_backend(sims)))
    await gateway.start()
    key = await gateway.tenant_key("soak")
    rss_before = gateway.proc.rss_mib() or 0.0
    with RssSampler(gateway.proc, 0.05) as rss:
        give_up = time.monotonic() + 60
        unfinished = await asyncio.gather(
            *(huge_head(gateway.port, 32 * 2**20, False, give_up) for _ in range(8))
        )
        complete = await huge_head(gateway.port, 16 * 2**20, True, time.monotonic() + 60)
        await asyncio.sleep(0.5)
    rss_after = gateway.proc.rss_mib() or 0.0
    async with aiohttp.ClientSession() as session:
        after = await send(session, gateway.url, key, "chat", 0, 8)
    growth = max(rss.peak - rss_before, 0.0)
    result.numbers.update(
        unfinished_32mib=[u["outcome"] for u in unfinished],
        unfinished_sent_mib_max=max(u["sent_mib"] for u in unfinished),
        unfinished_answered_after_s_max=max(u["answered_after_s"] or 0 for u in unfinished),
        unfinished_closed_after_s_max=max(u["closed_after_s"] or 0 for u in unfinished),
        complete_16mib=complete["outcome"],
        complete_sent_mib=complete["sent_mib"],
        complete_closed_after_s=complete["closed_after_s"],
        rss_before_mib=round(rss_before, 1),
        rss_peak_mib=round(rss.peak, 1),
        rss_after_mib=round(rss_after, 1),
        connection_limits=await gateway.metric_by("bastion_connection_limits_total", "reason"),
    )
    refused = [u for u in [*unfinished, complete] if u["outcome"] in ("431", "closed")]
    result.require(
        "all nine heads refused (431 or closed)",
        len(refused) == 9,
        [u["outcome"] for u in [*unfinished, complete]],
    )
    result.require(
        "the complete 16 MiB head is answered 431", complete["outcome"] == "431", complete
    )
    result.require("RSS growth under 16 MiB", growth < 16, f"{growth:.1f} MiB")
    result.require("the gateway serves on", after.acknowledged, after.error)
