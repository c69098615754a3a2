"""Replica faults: one of two engines killed under load, then one wedged (the watchdog)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from support import Gateway, Result, Soak, rounded, sim_backend, start_sims, wait_until
from traffic import Call, OpenLoop

WATCHDOG_SECONDS = 2.0


def running_at(call: Call, moment: float) -> bool:
    return call.sent <= moment <= (call.finished or float("inf"))


def failures(
    calls: list[Call], since: float, until: float, faults: dict[str, float]
) -> dict[str, Any]:
    """Client-visible failures of the calls sent in [since, until); ``faults``: when a replica
    was killed or hung (a call that failed after its start must have been running then)."""
    window = [c for c in calls if since <= c.sent < until]
    failed = [c for c in window if not c.acknowledged]
    unstarted = [c for c in failed if not c.started]
    started = [c for c in failed if c.started]
    return {
        "sent": len(window),
        "acknowledged": len(window) - len(failed),
        "failed_unstarted": len(unstarted),
        "unstarted_errors": sorted({c.error or "" for c in unstarted})[:3],
        "failed_after_start": len(started),
        **{
            f"failed_after_start_running_at_{name}": sum(1 for c in started if running_at(c, at))
            for name, at in faults.items()
        },
        "failed_after_start_running_at_no_fault": sum(
            1 for c in started if not any(running_at(c, at) for at in faults.values())
        ),
        "failed_after_start_silently": sum(1 for c in started if c.stream and not c.error_event),
    }


async def replica_faults(soak: Soak, result: Result) -> None:
    """Two replicas under open-loop traffic. Replica 1 is SIGKILLed (it holds each request half
    a second before starting it, so some requests there have not started), then restarted;
    then replica 0 hangs (accepts requests, produces nothing, health stays green). Only
    requests whose answer had started on the dying replica may fail."""
    quick = soak.options.quick
    rate = 12.0 if quick else 20.0
    settings = {"time_scale": 2, "output_len_min": 400, "output_len_max": 400}
    sims = await start_sims(soak, settings, 2)
    backend = sim_backend(
        sims,
        balancing={"affinity": "none"},
        health={"interval_seconds": 0.5, "timeout_seconds": 1.0},
        engine_metrics={"interval_seconds": 0.5},
        circuit_breaker={"open_seconds": 2},
        watchdog_seconds=WATCHDOG_SECONDS,
        timeouts={"first_byte": 20, "idle": 20},
    )
    gateway = Gateway(
        soak,
        {
            "database": {"url": f"sqlite+aiosqlite:///{soak.workdir}/g.db"},
            "ledger": {"enabled": False},
            "audit": {"enabled": False},
            "backends": {"pool": backend},
        },
    )
    await gateway.start()
    key = await gateway.tenant_key("soak")
    doomed, wedged = sims[1], sims[0]
    await doomed.set_faults(extra_latency_ms=1000)
    marks: dict[str, float] = {}
    numbers: dict[str, Any] = {}

    async def out_of_service(index: int, reason: str = "") -> bool:
        state = await gateway.replica("pool", index)
        return not state["eligible"] and reason in (state.get("circuit_reason") or "")

    async def in_service(index: int) -> bool:
        state = await gateway.replica("pool", index)
        return bool(state["eligible"]) and state["circuit"] == "closed"

    async with OpenLoop(
        gateway.url,
        key,
        rate,
        soak.options.seed,
        max_tokens=64,
        long_share=0.5,
        long_tokens=400,
    ) as load:
        marks["start"] = time.monotonic()
        await asyncio.sleep(4 if quick else 6)
        numbers["in_flight_on_killed_replica"] = (await gateway.replica("pool", 1))["in_flight"]
        doomed.kill()
        marks["kill"] = time.monotonic()
        numbers["kill_out_of_service_s"] = rounded(await wait_until(lambda: out_of_service(1), 15))
        await asyncio.sleep(3 if quick else 5)
        marks["restart"] = time.monotonic()
        numbers["restarted_engine_ready_s"] = round(await doomed.start(), 2)
        numbers["restarted_back_in_service_s"] = rounded(
            await wait_until(lambda: in_service(1), 30)
        )
        await asyncio.sleep(2)
        state = await gateway.replica("pool", 0)
        await wedged.set_faults(hang=True)
        numbers["in_flight_on_hung_replica"] = state["in_flight"]
        marks["hang"] = time.monotonic()
        numbers["hang_out_of_service_s"] = rounded(
            await wait_until(lambda: out_of_service(0, "watchdog"), 15)
        )
        hung_state = await gateway.replica("pool", 0)
        await asyncio.sleep(3 if quick else 5)
        await wedged.set_faults()
        marks["unhang"] = time.monotonic()
        numbers["unhung_back_in_service_s"] = rounded(await wait_until(lambda: in_service(0), 30))
        await asyncio.sleep(2)
        load.stop_arrivals()
        marks["end"] = time.monotonic()
    calls = load.calls
    faults = {"kill": marks["kill"], "hang": marks["hang"]}
    phases = {
        "sent_before_kill": failures(calls, marks["start"], marks["kill"], faults),
        "sent_after_kill": failures(calls, marks["kill"], marks["hang"], faults),
        "sent_after_hang": failures(calls, marks["hang"], marks["end"], faults),
    }
    total = failures(calls, 0, float("inf"), faults)
    retries = await gateway.metric("bastion_routing_retries_total")
    result.numbers.update(
        offered_rate_per_s=rate,
        sent=total["sent"],
        acknowledged=total["acknowledged"],
        failed_unstarted=total["failed_unstarted"],
        failed_after_start=total["failed_after_start"],
        failed_after_start_at_kill=total["failed_after_start_running_at_kill"],
        failed_after_start_at_hang=total["failed_after_start_running_at_hang"],
        **numbers,
        watchdog_seconds=WATCHDOG_SECONDS,
        hung_replica_health_green=bool(hung_state["healthy"]),
        gateway_retries=retries,
        phases=phases,
    )
    result.require(
        "no request that had not started fails",
        total["failed_unstarted"] == 0,
        f"{total['failed_unstarted']}: {total['unstarted_errors']}",
    )
    result.require(
        "only requests running on a replica when it died or hung fail after their start",
        total["failed_after_start_running_at_no_fault"] == 0,
        total["failed_after_start_running_at_no_fault"],
    )
    result.require(
        "streams cut after their start end with an error event, never silently",
        total["failed_after_start_silently"] == 0,
        total["failed_after_start_silently"],
    )
    result.require(
        "the killed replica is taken out of service",
        numbers["kill_out_of_service_s"] is not None,
        numbers["kill_out_of_service_s"],
    )
    result.require(
        "the restarted replica comes back into service",
        numbers["restarted_back_in_service_s"] is not None,
        numbers["restarted_back_in_service_s"],
    )
    hang = numbers["hang_out_of_service_s"]
    result.require(
        f"the hung replica is taken out by the watchdog within 1.1 x {WATCHDOG_SECONDS:g} s + 1 s",
        hang is not None and hang <= 1.1 * WATCHDOG_SECONDS + 1.0,
        hang,
    )
    result.require(
        "traffic is answered in every phase",
        all(p["acknowledged"] >= 10 for p in phases.values()),
        {name: p["acknowledged"] for name, p in phases.items()},
    )
