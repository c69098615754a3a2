"""Durability checks: SIGKILL under load, poison records, SIGTERM drain."""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import re
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from support import (
    MODEL,
    Gateway,
    Result,
    Soak,
    audit_kinds,
    audit_verify,
    ledger_ids,
    postgres_database,
    query,
    rounded,
    sim_backend,
    sqlite_url,
    start_sims,
    wait_until,
)
from traffic import OpenLoop, send


@contextlib.asynccontextmanager
async def database(soak: Soak, kind: str) -> AsyncIterator[str]:
    if kind == "postgres":
        async with postgres_database() as url:
            yield url
    else:
        yield sqlite_url(soak)


def journal_config(soak: Soak, url: str, **extra: Any) -> dict[str, Any]:
    return {
        "database": {"url": url},
        "audit": {"segment_records": 200, **extra.pop("audit", {})},
        "journal": {"spool_dir": str(soak.workdir / "journal")},
        **extra,
    }


def verify_summary(output: str) -> dict[str, Any]:
    found = re.search(r"(\d+) chain\(s\), (\d+) record\(s\), (\d+) checkpoint\(s\)", output)
    summary: dict[str, Any] = {"intact": "journal intact" in output}
    if found:
        summary.update(chains=int(found[1]), records=int(found[2]), checkpoints=int(found[3]))
    return summary


# --- 1. SIGKILL under load ------------------------------------------------------------------


async def sigkill(soak: Soak, result: Result, kind: str) -> None:
    """Open-loop traffic; the gateway is SIGKILLed mid-load and restarted, ``rounds`` times.
    Every request a client received whole must have its ledger row and its audit intent and
    completion once the restarted gateway has loaded what the killed one spooled."""
    options = soak.options
    rate = 30.0 if options.quick else 40.0
    rng = random.Random(options.seed)
    async with database(soak, kind) as url:
        sims = await start_sims(soak, {"time_scale": 2, "max_num_seqs": 64}, 1)
        config = journal_config(soak, url, backends={"sim": sim_backend(sims)})
        gateway = Gateway(soak, config)
        first_start = await gateway.start()
        key = await gateway.tenant_key("soak")
        acknowledged: list[str] = []
        rounds: list[dict[str, Any]] = []
        missing_ledger: set[str] = set()
        missing_audit: set[str] = set()
        for number in range(options.rounds):
            load_seconds = rng.uniform(3.0, 5.0) if options.quick else rng.uniform(5.0, 9.0)
            async with OpenLoop(gateway.url, key, rate, options.seed + number, 48) as load:
                await asyncio.sleep(load_seconds)
                in_flight = load.sent - len(load.calls)
                gateway.kill()  # SIGKILL, requests in flight
                load.stop_arrivals()
            ids = [c.request_id for c in load.acknowledged if c.request_id]
            acknowledged += ids
            restart = await gateway.start()
            wanted = set(acknowledged)

            async def loaded(wanted: set[str] = wanted) -> bool:
                return wanted <= await ledger_ids(url)

            complete_after = await wait_until(loaded, 30, 0.25)
            ledger = await ledger_ids(url)
            audit = await audit_kinds(url)
            missing_ledger = wanted - ledger
            missing_audit = {
                r for r in wanted if not {"intent", "completion"} <= audit.get(r, set())
            }
            rounds.append(
                {
                    "load_s": round(load_seconds, 1),
                    "sent": load.sent,
                    "acknowledged": len(ids),
                    "in_flight_at_kill": in_flight,
                    "not_acknowledged": load.sent - len(ids),
                    "restart_to_ready_s": round(restart, 2),
                    "ledger_complete_after_ready_s": rounded(complete_after),
                    "missing_ledger": len(missing_ledger),
                    "missing_audit": len(missing_audit),
                }
            )
        code, stop_seconds = await gateway.terminate(60)
        verified, output = await audit_verify(soak, gateway.config_file)
        summary = verify_summary(output)
    result.numbers.update(
        rounds=len(rounds),
        offered_rate_per_s=rate,
        first_start_s=round(first_start, 2),
        acknowledged_total=len(acknowledged),
        in_flight_at_kill=[r["in_flight_at_kill"] for r in rounds],
        restart_to_ready_s=[r["restart_to_ready_s"] for r in rounds],
        ledger_complete_after_ready_s=[r["ledger_complete_after_ready_s"] for r in rounds],
        missing_ledger=sum(r["missing_ledger"] for r in rounds),
        missing_audit=sum(r["missing_audit"] for r in rounds),
        sigterm_exit_s=round(stop_seconds, 2),
        audit_chains=summary.get("chains"),
        audit_records=summary.get("records"),
        per_round=rounds,
    )
    result.require(
        "load got going (>= 50 acknowledged per round)",
        all(r["acknowledged"] >= 50 for r in rounds),
        [r["acknowledged"] for r in rounds],
    )
    result.require(
        "every acknowledged request has its ledger row",
        all(r["missing_ledger"] == 0 for r in rounds),
        f"missing {[r['missing_ledger'] for r in rounds]}: {sorted(missing_ledger)[:5]}",
    )
    result.require(
        "every acknowledged request has its audit intent and completion",
        all(r["missing_audit"] == 0 for r in rounds),
        f"missing {[r['missing_audit'] for r in rounds]}: {sorted(missing_audit)[:5]}",
    )
    result.require("final SIGTERM exits 0", code == 0, f"exit code {code}")
    result.require(
        "bastion audit verify passes", verified == 0 and summary["intact"], output[-600:]
    )
    result.require(
        "one audit chain per process start",
        summary.get("chains") == options.rounds + 1,
        f"{summary.get('chains')} chains for {options.rounds + 1} starts",
    )


# --- 7. Poison records ----------------------------------------------------------------------

CHAT = "/v1/chat/completions"
HI = [{"role": "user", "content": "hi"}]
# What a client can put in a request that PostgreSQL refuses (NUL in text, the \u0000 escape
# in JSON, lone surrogates), or that does not fit a column (a 300-character model name).
POISON: list[tuple[str, str, str]] = [
    ("NUL model", CHAT, json.dumps({"model": "sim/\u0000", "messages": HI})),
    ("NUL in model name", CHAT, json.dumps({"model": "bastion-sim\u0000x", "messages": HI})),
    ("lone surrogate model", CHAT, json.dumps({"model": "bastion-\ud800sim", "messages": HI})),
    ("300-char model", CHAT, json.dumps({"model": "m" * 300, "messages": HI})),
    ("NUL model, streamed", CHAT, json.dumps({"model": "\u0000", "messages": HI, "stream": True})),
    (
        "NUL in content (full capture)",
        CHAT,
        json.dumps(
            {"model": MODEL, "max_tokens": 8, "messages": [{"role": "user", "content": "a\u0000b"}]}
        ),
    ),
    (
        "lone surrogate in content",
        CHAT,
        json.dumps(
            {
                "model": MODEL,
                "max_tokens": 8,
                "messages": [{"role": "user", "content": "a\ud83d b"}],
            }
        ),
    ),
    (
        "NUL in Messages system (full capture)",
        "/v1/messages",
        json.dumps({"model": MODEL, "max_tokens": 8, "system": "s\u0000", "messages": HI}),
    ),
    (
        "NUL in user field",
        CHAT,
        json.dumps({"model": MODEL, "max_tokens": 8, "user": "u\u0000", "messages": HI}),
    ),
    (
        "Messages NUL model",
        "/v1/messages",
        json.dumps({"model": "bastion\u0000sim", "max_tokens": 8, "messages": HI}),
    ),
    ("embeddings NUL model", "/v1/embeddings", json.dumps({"model": "\u0000", "input": "x"})),
    ("Responses NUL model", "/v1/responses", json.dumps({"model": "\u0000", "input": "x"})),
]


async def poison_records(soak: Soak, result: Result) -> None:
    """Requests of one tenant carrying what PostgreSQL refuses, amid other tenants' traffic:
    the loader must go on past them, shutdown and restart must work, the audit must verify."""
    async with postgres_database() as url:
        sims = await start_sims(soak, {"time_scale": 5}, 1)
        config = journal_config(
            soak, url, backends={"sim": sim_backend(sims)}, audit={"tenants": {"poison": "full"}}
        )
        gateway = Gateway(soak, config)
        await gateway.start()
        keys = {name: await gateway.tenant_key(name) for name in ("alpha", "beta", "poison")}
        poison: list[dict[str, Any]] = []
        async with (
            OpenLoop(gateway.url, keys["alpha"], 6, soak.options.seed, 16) as alpha,
            OpenLoop(gateway.url, keys["beta"], 6, soak.options.seed + 1, 16) as beta,
        ):
            await asyncio.sleep(2)
            headers = {
                "authorization": f"Bearer {keys['poison']}",
                "content-type": "application/json",
                "anthropic-version": "2023-06-01",
            }
            async with aiohttp.ClientSession() as session:
                for label, path, body in POISON:
                    async with session.post(
                        gateway.url + path, data=body.encode(), headers=headers
                    ) as response:
                        text = await response.text(errors="replace")
                        poison.append(
                            {
                                "what": label,
                                "status": response.status,
                                "request_id": response.headers.get("x-request-id"),
                                "answer": text[:160],
                            }
                        )
            poison_done = time.monotonic()
            await asyncio.sleep(4)
        calls = alpha.calls + beta.calls
        acknowledged = {c.request_id for c in calls if c.acknowledged and c.request_id}
        later = {
            c.request_id for c in calls if c.acknowledged and c.request_id and c.sent > poison_done
        }

        async def loaded() -> bool:
            return acknowledged <= await ledger_ids(url)

        lag = await wait_until(loaded, 30, 0.25)
        ledger = await ledger_ids(url)
        missing = acknowledged - ledger
        poison_ids = {p["request_id"] for p in poison if p["request_id"]}
        try:
            quarantined: int | str = (await query(url, "SELECT count(*) FROM journal_quarantine"))[
                0
            ][0]
        except Exception as exc:  # the table comes with the quarantine migration
            quarantined = f"n/a ({type(exc).__name__})"
        code, stop_seconds = await gateway.terminate(60)
        spool_left = sorted(p.name for p in (soak.workdir / "journal").glob("*.spool"))
        ledger = await ledger_ids(url)
        restart: float | None = None
        again_code: int | None = None
        again_in_ledger = False
        if code == 0 or not gateway.proc.alive:
            restart = await gateway.start()
            async with aiohttp.ClientSession() as session:
                again = await send(session, gateway.url, keys["alpha"], "chat", 0, 8)
            again_code, _ = await gateway.terminate(60)
            again_in_ledger = again.request_id in await ledger_ids(url)
        verified, output = await audit_verify(soak, gateway.config_file)
        summary = verify_summary(output)
    statuses = {p["what"]: p["status"] for p in poison}
    result.numbers.update(
        other_tenants_acknowledged=len(acknowledged),
        other_tenants_after_poison=len(later),
        other_tenants_missing_from_ledger=len(missing),
        ledger_caught_up_s=rounded(lag),
        poison_statuses=statuses,
        poison_answers=poison,
        poison_in_ledger=len(poison_ids & ledger),
        poison_sent=len(poison),
        quarantined_records=quarantined,
        sigterm_exit_code=code,
        sigterm_exit_s=round(stop_seconds, 2),
        spool_files_left=len(spool_left),
        restart_to_ready_s=rounded(restart),
        audit_chains=summary.get("chains"),
        audit_records=summary.get("records"),
    )
    server_errors = {p["what"]: p["answer"] for p in poison if p["status"] >= 500}
    result.require("no poison request is answered 5xx", not server_errors, server_errors)
    result.require(
        "other tenants' requests after the poison were acknowledged", len(later) >= 10, len(later)
    )
    result.require(
        "every acknowledged request of other tenants reaches the ledger",
        not missing,
        f"{len(missing)} of {len(acknowledged)} missing after 30 s",
    )
    result.require("SIGTERM exits 0", code == 0, f"exit code {code} after {stop_seconds:.1f} s")
    result.require("the spool is loaded at shutdown", not spool_left, spool_left[:3])
    result.require(
        "the gateway starts again, serves and exits 0",
        restart is not None and again_code == 0 and again_in_ledger,
        f"ready {restart}, exit {again_code}, in ledger {again_in_ledger}",
    )
    result.require(
        "bastion audit verify passes", verified == 0 and summary["intact"], output[-600:]
    )
    if not result.passed:
        result.notes.append("gateway log: " + gateway.proc.log_tail(1500))


# --- 8. SIGTERM drain -----------------------------------------------------------------------


async def sigterm_drain(soak: Soak, result: Result) -> None:
    """Streams in flight when SIGTERM arrives run to their end within the grace period; new
    connections are refused meanwhile; the process exits 0 with every stream in the ledger."""
    streams = 8 if soak.options.quick else 16
    tokens = 300
    grace = 20.0
    url = sqlite_url(soak)
    sims = await start_sims(soak, {"time_scale": 0.5}, 1)
    config = journal_config(
        soak,
        url,
        backends={"sim": sim_backend(sims)},
        server={"shutdown_grace_seconds": grace},
    )
    gateway = Gateway(soak, config)
    await gateway.start()
    key = await gateway.tenant_key("drain")
    first = [asyncio.Event() for _ in range(streams)]
    outcomes: list[dict[str, Any]] = [{} for _ in range(streams)]
    body = {
        "model": MODEL,
        "messages": [{"role": "user", "content": "Write a long story"}],
        "max_tokens": tokens,
        "stream": True,
        "stream_options": {"include_usage": True},
        "ignore_eos": True,
    }

    async def stream(session: aiohttp.ClientSession, index: int) -> None:
        outcome = outcomes[index]
        headers = {"authorization": f"Bearer {key}"}
        try:
            async with session.post(gateway.url + CHAT, json=body, headers=headers) as r:
                outcome["status"] = r.status
                outcome["request_id"] = r.headers.get("x-request-id")
                data = b""
                async for chunk in r.content.iter_any():
                    data += chunk
                    if b'"content":"' in data:
                        first[index].set()
                outcome["done"] = b"data: [DONE]" in data
                usage = re.findall(rb'"completion_tokens":(\d+)', data)
                outcome["completion_tokens"] = int(usage[-1]) if usage else None
        except aiohttp.ClientError as exc:
            outcome["error"] = f"{type(exc).__name__}: {exc}"
        finally:
            first[index].set()
            outcome["finished"] = time.monotonic()

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        tasks = [asyncio.create_task(stream(session, i)) for i in range(streams)]
        await asyncio.wait_for(asyncio.gather(*(e.wait() for e in first)), 30)
        terminated = time.monotonic()
        gateway.proc.signal(15)
        await asyncio.sleep(0.3)
        try:
            async with (
                aiohttp.ClientSession() as fresh,
                fresh.get(gateway.url + "/healthz") as response,
            ):
                new_connection = f"answered {response.status}"
        except aiohttp.ClientConnectionError:
            new_connection = "refused"
        await asyncio.wait_for(asyncio.gather(*tasks), grace + 30)
    code = await gateway.proc.wait(grace + 30)
    exited = time.monotonic() - terminated
    ledger = await ledger_ids(url)
    completed = [o for o in outcomes if o.get("done") and o.get("completion_tokens") == tokens]
    after = [o["finished"] - terminated for o in outcomes if "finished" in o]
    in_ledger = sum(1 for o in outcomes if o.get("request_id") in ledger)
    result.numbers.update(
        streams=streams,
        completed_whole=len(completed),
        stream_tokens=tokens,
        last_stream_end_after_sigterm_s=round(max(after), 2) if after else None,
        exit_after_sigterm_s=round(exited, 2),
        exit_code=code,
        grace_s=grace,
        new_connection_during_drain=new_connection,
        streams_in_ledger=in_ledger,
    )
    result.require(
        "every in-flight stream completes with [DONE] and all its tokens",
        len(completed) == streams,
        [o for o in outcomes if o not in completed][:3],
    )
    result.require(
        "exits 0 within the grace period",
        code == 0 and exited <= grace + 10,
        f"code {code} after {exited:.1f} s",
    )
    result.require(
        "new connections are refused while draining", new_connection == "refused", new_connection
    )
    result.require("every stream is in the ledger", in_ledger == streams, in_ledger)
