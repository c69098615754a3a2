"""Overload benchmark: 3x the engines' saturation rate, with and without admission control.

Simulated engines (``bastion sim`` processes) sit behind a gateway (``bastion serve``). Two
tenants send streamed chat requests with Poisson arrivals: "interactive" (priority 0) at a fifth
of the engines' saturation rate, "batch" (priority 8) making up the rest of the offered load.
Phases, each with fresh engines and a fresh gateway:

  saturation      closed loop straight at the engines, max_num_seqs clients each: the most
                  requests per second they complete (the reference for goodput);
  interactive     the interactive tenant alone, admission on: its latency on idle engines;
  1x              both tenants at the saturation rate, admission on: latency at full load;
  3x admission    both tenants at three times it, backend capacity = max_num_seqs per engine,
                  a bounded priority queue;
  3x none         the same load with no capacity configured: everything goes to the engines.

Reported: goodput (successful answers per second while arrivals last, after a warm-up), TTFT
and end-to-end percentiles of answered requests per tenant, shed answers (429/503) and whether
they carried Retry-After, and the gateway's resident memory over the run.

    .venv/bin/python benchmarks/overload/run.py
    .venv/bin/python benchmarks/overload/run.py --duration 30 --phases saturation,3x-admission
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from harness import Processes, free_port, percentile, start_gateway, start_sims

MODEL = "bastion-sim"
ADMIN_KEY = "bst-overload-benchmark-admin-0123456789"
TENANTS = ("interactive", "batch")
PHASES = ("saturation", "interactive", "1x", "3x-admission", "3x-none")


@dataclass
class Outcome:
    tenant: str
    arrived: float
    status: int = 0
    ttft: float | None = None
    finished: float | None = None
    retry_after: bool = False
    error: str | None = None

    @property
    def answered(self) -> bool:
        return self.status == 200 and self.finished is not None and self.error is None


@dataclass
class Run:
    phase: str
    outcomes: list[Outcome] = field(default_factory=list)
    rss_mib: list[float] = field(default_factory=list)
    started: float = 0.0


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(("alpha", "beta", "gamma", "delta", "omega", "sigma")) + str(
        rng.randrange(1000)) for _ in range(count))  # fmt: skip


def body(rng: random.Random, args: argparse.Namespace) -> dict[str, Any]:
    return {
        "model": MODEL,
        "messages": [{"role": "user", "content": words(rng, args.prompt_words)}],
        "max_tokens": args.max_tokens,
        "stream": True,
        "stream_options": {"include_usage": True},
    }


def plan(rates: dict[str, float], duration: float, seed: int) -> list[tuple[float, str]]:
    """Poisson arrivals per tenant, merged in time order."""
    rng = random.Random(seed)
    arrivals: list[tuple[float, str]] = []
    for tenant, rate in rates.items():
        if rate <= 0:
            continue
        at = rng.expovariate(rate)
        while at < duration:
            arrivals.append((at, tenant))
            at += rng.expovariate(rate)
    return sorted(arrivals)


async def one_request(
    session: aiohttp.ClientSession,
    url: str,
    payload: dict[str, Any],
    headers: dict[str, str],
    outcome: Outcome,
    timeout: float,
) -> None:
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            async with session.post(url, json=payload, headers=headers) as response:
                outcome.status = response.status
                if response.status != 200:
                    outcome.retry_after = "retry-after" in response.headers
                    await response.read()
                    return
                async for line in response.content:
                    if (
                        outcome.ttft is None
                        and b'"content":"' in line
                        and (b'"content":""' not in line)
                    ):
                        outcome.ttft = loop.time() - outcome.arrived
                outcome.finished = loop.time()
    except TimeoutError:
        outcome.error = "client timeout"
    except aiohttp.ClientError as exc:
        outcome.error = type(exc).__name__


async def saturation(args: argparse.Namespace, urls: list[str]) -> dict[str, Any]:
    """Closed loop: max_num_seqs clients per engine, each sending again as soon as answered."""
    rng = random.Random(args.seed)
    completions: list[float] = []
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        loop = asyncio.get_running_loop()
        start = loop.time()
        end = start + args.duration

        async def client(url: str) -> None:
            while loop.time() < end:
                outcome = Outcome("saturation", loop.time())
                await one_request(session, url, body(rng, args), {}, outcome, 120)
                if outcome.answered and outcome.finished is not None:
                    completions.append(outcome.finished - start)

        slots = [url + "/v1/chat/completions" for url in urls for _ in range(args.max_num_seqs)]
        await asyncio.gather(*(client(slot) for slot in slots))
    steady = [t for t in completions if args.warmup <= t <= args.duration]
    rate = len(steady) / (args.duration - args.warmup)
    return {"phase": "saturation", "completions_per_s": round(rate, 2)}


async def open_loop(
    args: argparse.Namespace,
    gateway: str,
    keys: dict[str, str],
    rates: dict[str, float],
    processes: Processes,
    phase: str,
) -> Run:
    arrivals = plan(rates, args.duration, args.seed)
    rng = random.Random(args.seed + 1)
    payloads = [body(rng, args) for _ in arrivals]
    run = Run(phase)
    url = gateway + "/v1/chat/completions"
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        loop = asyncio.get_running_loop()
        start = run.started = loop.time()
        done = asyncio.Event()

        async def sample_rss() -> None:
            while not done.is_set():
                rss = processes.rss_mib("gateway")
                if rss is not None:
                    run.rss_mib.append(rss)
                await asyncio.sleep(0.5)

        async def send(at: float, tenant: str, payload: dict[str, Any]) -> None:
            await asyncio.sleep(max(0.0, start + at - loop.time()))
            outcome = Outcome(tenant, loop.time())
            run.outcomes.append(outcome)
            headers = {"authorization": f"Bearer {keys[tenant]}"}
            await one_request(session, url, payload, headers, outcome, args.client_timeout)

        sampler = asyncio.create_task(sample_rss())
        await asyncio.gather(
            *(send(at, tenant, p) for (at, tenant), p in zip(arrivals, payloads, strict=True))
        )
        done.set()
        await sampler
    return run


def summarize(run: Run, args: argparse.Namespace, saturation_rate: float) -> dict[str, Any]:
    answered = [o for o in run.outcomes if o.answered]
    steady = [
        o for o in answered
        if o.finished is not None and args.warmup <= o.finished - run.started <= args.duration
    ]  # fmt: skip
    goodput = len(steady) / (args.duration - args.warmup)
    shed = [o for o in run.outcomes if o.status in (429, 503)]
    row: dict[str, Any] = {
        "phase": run.phase,
        "offered": len(run.outcomes),
        "offered_per_s": round(len(run.outcomes) / args.duration, 2),
        "answered": len(answered),
        "shed": len(shed),
        "shed_with_retry_after": sum(o.retry_after for o in shed),
        "timed_out_or_failed": sum(1 for o in run.outcomes if o.error is not None),
        "goodput_per_s": round(goodput, 2),
        "goodput_vs_saturation": round(goodput / saturation_rate, 3) if saturation_rate else None,
        "ttft_p90_s": _pct([o.ttft for o in answered if o.ttft is not None], 0.90),
        "rss_mib": {
            "first": round(run.rss_mib[0], 1) if run.rss_mib else None,
            "max": round(max(run.rss_mib), 1) if run.rss_mib else None,
            "last": round(run.rss_mib[-1], 1) if run.rss_mib else None,
        },
    }
    for tenant in TENANTS:
        mine = [o for o in answered if o.tenant == tenant]
        e2e = [o.finished - o.arrived for o in mine if o.finished is not None]
        row[tenant] = {
            "offered": sum(1 for o in run.outcomes if o.tenant == tenant),
            "answered": len(mine),
            "ttft_p50_s": _pct([o.ttft for o in mine if o.ttft is not None], 0.50),
            "ttft_p99_s": _pct([o.ttft for o in mine if o.ttft is not None], 0.99),
            "e2e_p50_s": _pct(e2e, 0.50),
            "e2e_p99_s": _pct(e2e, 0.99),
        }
    return row


def _pct(values: list[float], q: float) -> float | None:
    return round(percentile(sorted(values), q), 3) if values else None


def sim_settings(args: argparse.Namespace) -> dict[str, Any]:
    # Answers end by themselves after 16 to 112 tokens (64 on average), as real ones vary.
    return {
        "model": MODEL,
        "time_scale": args.time_scale,
        "max_num_seqs": args.max_num_seqs,
        "output_len_min": 16,
        "output_len_max": 112,
    }


def gateway_config(
    args: argparse.Namespace, port: int, urls: list[str], admission: bool, workdir: Path
) -> dict[str, Any]:
    backend: dict[str, Any] = {
        "kind": "openai-compatible",
        "location": "local",
        "models": [MODEL],
        "replicas": [{"base_url": url + "/v1"} for url in urls],
        "engine_metrics": {"interval_seconds": 0.5},
        "timeouts": {"first_byte": 600, "idle": 600, "total": 1800},
    }
    if admission:
        backend["capacity"] = {
            "concurrent_requests": args.max_num_seqs,
            "queue_depth": args.queue_depth,
        }
    return {
        "server": {"port": port},
        "auth": {"enabled": True, "admin_key": ADMIN_KEY},
        "database": {"url": f"sqlite+aiosqlite:///{workdir}/bastion-{port}.db"},
        "ledger": {"enabled": False},
        "audit": {"enabled": False},
        "discovery": {"enabled": False},
        "logging": {"level": "warning"},
        "admission": {
            "queue": {
                "tenants": {
                    "interactive": {"priority": 0, "max_wait_seconds": 5},
                    "batch": {"priority": 8, "max_wait_seconds": args.batch_max_wait},
                }
            }
        },
        "backends": {"pool": backend},
    }


async def create_keys(gateway: str) -> dict[str, str]:
    admin = {"authorization": f"Bearer {ADMIN_KEY}"}
    keys: dict[str, str] = {}
    async with aiohttp.ClientSession(headers=admin) as session:
        for tenant in TENANTS:
            async with session.post(gateway + "/admin/tenants", json={"name": tenant}) as r:
                r.raise_for_status()
            async with session.post(
                gateway + "/admin/keys", json={"tenant": tenant, "name": f"{tenant}-app"}
            ) as r:
                r.raise_for_status()
                keys[tenant] = (await r.json())["key"]
    return keys


async def shed_reasons(gateway: str) -> dict[str, int]:
    """The gateway's own count of requests it turned away, by reason."""
    async with aiohttp.ClientSession() as session, session.get(gateway + "/metrics") as r:
        text = await r.text()
    reasons: dict[str, int] = {}
    for line in text.splitlines():
        if line.startswith("bastion_queue_shed_total{"):
            reason = line.split('reason="', 1)[1].split('"', 1)[0]
            reasons[reason] = reasons.get(reason, 0) + int(float(line.rsplit(" ", 1)[1]))
    return reasons


async def run_phase(
    args: argparse.Namespace, phase: str, saturation_rate: float, workdir: Path
) -> dict[str, Any]:
    processes = Processes()
    try:
        urls = await start_sims(processes, sim_settings(args), args.engines, workdir, phase)
        if phase == "saturation":
            return await saturation(args, urls)
        config = gateway_config(args, free_port(), urls, phase != "3x-none", workdir)
        gateway = await start_gateway(processes, config, workdir, phase)
        keys = await create_keys(gateway)
        interactive = saturation_rate * args.interactive_share
        total = {"interactive": interactive, "1x": saturation_rate}.get(phase, 3 * saturation_rate)
        rates = {"interactive": interactive, "batch": total - interactive}
        before = processes.cpu_seconds()
        run = await open_loop(args, gateway, keys, rates, processes, phase)
        after = processes.cpu_seconds()
        row = summarize(run, args, saturation_rate)
        row["shed_reasons"] = await shed_reasons(gateway)
        row["cpu_seconds"] = {k: round(after[k] - before.get(k, 0.0), 1) for k in after}
        return row
    finally:
        processes.stop()


def render(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| phase | offered/s | answered | shed (with Retry-After) | timed out | goodput/s "
        "(vs saturation) | TTFT p90 | interactive TTFT p99 | interactive e2e p99 | "
        "batch e2e p99 | gateway RSS first/max/last |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        if row["phase"] == "saturation":
            continue
        rss = row["rss_mib"]
        ratio = row["goodput_vs_saturation"]
        lines.append(
            f"| {row['phase']} | {row['offered_per_s']} | {row['answered']} | "
            f"{row['shed']} ({row['shed_with_retry_after']}) | {row['timed_out_or_failed']} | "
            f"{row['goodput_per_s']} ({ratio:.0%}) | {_s(row['ttft_p90_s'])} | "
            f"{_s(row['interactive']['ttft_p99_s'])} | {_s(row['interactive']['e2e_p99_s'])} | "
            f"{_s(row['batch']['e2e_p99_s'])} | {rss['first']}/{rss['max']}/{rss['last']} MiB |"
        )
    return "\n".join(lines)


def _s(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phases", default=",".join(PHASES))
    parser.add_argument("--engines", type=int, default=2)
    parser.add_argument("--max-num-seqs", type=int, default=16)
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--prompt-words", type=int, default=100)
    parser.add_argument(
        "--time-scale", type=float, default=0.25,
        help="engine speed; 0.25 keeps the simulators' own CPU use low on a small machine",
    )  # fmt: skip
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of arrivals")
    parser.add_argument("--warmup", type=float, default=10.0, help="seconds left out of goodput")
    parser.add_argument("--client-timeout", type=float, default=30.0)
    parser.add_argument("--interactive-share", type=float, default=0.2)
    parser.add_argument("--batch-max-wait", type=float, default=1.5)
    parser.add_argument("--queue-depth", type=int, default=256)
    parser.add_argument(
        "--saturation-rate", type=float,
        help="skip the saturation phase and use this many requests per second",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    phases = args.phases.split(",")
    rows: list[dict[str, Any]] = []
    saturation_rate = args.saturation_rate or 0.0
    with tempfile.TemporaryDirectory(prefix="bastion-overload-") as tmp:
        for phase in phases:
            if phase == "saturation" and args.saturation_rate:
                continue
            started = time.monotonic()
            row = await run_phase(args, phase, saturation_rate, Path(tmp))
            if phase == "saturation":
                saturation_rate = row["completions_per_s"]
            row["wall_s"] = round(time.monotonic() - started, 1)
            rows.append(row)
            print(json.dumps(row), flush=True)
    print()
    print(f"{platform.node()} {platform.machine()} {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}; saturation {saturation_rate} requests/s")  # fmt: skip
    print(vars(args))
    print(render(rows))
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
