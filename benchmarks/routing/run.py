"""Routing benchmark: round robin vs least loaded vs prefix-aware + load-aware balancing.

For every (workload, strategy) pair it starts fresh simulated engines (``bastion sim``, real time,
a KV cache that holds about a third of the tenants' prompts), a gateway (``bastion serve``) that
balances across them, and replays the same open-loop workload through it, streaming. It reports
output tokens per second (all output tokens over the time until the last answer) and TTFT
percentiles as the client saw them.

    .venv/bin/python benchmarks/routing/run.py                 # both workloads, all strategies
    .venv/bin/python benchmarks/routing/run.py --workloads shared --rates shared=6 --duration 30
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
from harness import Processes, free_port, percentile, start_gateway, start_sims
from workload import PlannedRequest, chat_body, generate

MODEL = "bastion-sim"
STRATEGIES: dict[str, dict[str, str]] = {
    "round-robin": {"strategy": "round-robin", "affinity": "none"},
    "least-loaded": {"strategy": "least-outstanding", "affinity": "none"},
    "prefix+load": {"strategy": "least-outstanding", "affinity": "prefix"},
}


@dataclass
class Outcome:
    arrived: float
    ttft: float | None = None
    finished: float | None = None
    output_tokens: int = 0
    error: str | None = None


@dataclass
class RunResult:
    workload: str
    strategy: str
    outcomes: list[Outcome] = field(default_factory=list)
    started: float = 0.0
    cpu_seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        done = [o for o in self.outcomes if o.error is None and o.finished is not None]
        ttfts = sorted(o.ttft for o in self.outcomes if o.ttft is not None)
        # A request that never got a token counts as slower than any that did.
        missing = len(self.outcomes) - len(ttfts)
        ttfts_all = ttfts + [float("inf")] * missing
        last = max((o.finished for o in done if o.finished is not None), default=self.started)
        tokens = sum(o.output_tokens for o in done)
        return {
            "workload": self.workload,
            "strategy": self.strategy,
            "requests": len(self.outcomes),
            "errors": len(self.outcomes) - len(done),
            "output_tokens_per_s": tokens / (last - self.started) if last > self.started else 0.0,
            "ttft_p50_s": percentile(ttfts_all, 0.50),
            "ttft_p90_s": percentile(ttfts_all, 0.90),
            "ttft_p99_s": percentile(ttfts_all, 0.99),
            "makespan_s": last - self.started,
            "cpu_seconds": self.cpu_seconds,
        }


async def replay(url: str, planned: list[PlannedRequest], deadline: float) -> RunResult:
    result = RunResult("", "")
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        loop = asyncio.get_running_loop()
        start = loop.time()
        result.started = start

        async def one(request: PlannedRequest) -> None:
            await asyncio.sleep(max(0.0, start + request.at - loop.time()))
            outcome = Outcome(arrived=loop.time())
            result.outcomes.append(outcome)
            try:
                async with asyncio.timeout_at(start + deadline):
                    await _stream(session, url, request, outcome, loop)
            except TimeoutError:
                outcome.error = "not finished before the deadline"
            except aiohttp.ClientError as exc:
                outcome.error = type(exc).__name__

        await asyncio.gather(*(one(request) for request in planned))
    return result


async def _stream(
    session: aiohttp.ClientSession,
    url: str,
    request: PlannedRequest,
    outcome: Outcome,
    loop: asyncio.AbstractEventLoop,
) -> None:
    async with session.post(url, json=chat_body(request, MODEL)) as response:
        if response.status != 200:
            outcome.error = f"HTTP {response.status}"
            await response.read()
            return
        async for line in response.content:
            if not line.startswith(b"data: {"):
                continue
            if outcome.ttft is None and b'"content":"' in line and b'"content":""' not in line:
                outcome.ttft = loop.time() - outcome.arrived
            if b'"usage":{' in line:
                usage = json.loads(line[6:]).get("usage") or {}
                outcome.output_tokens = int(usage.get("completion_tokens") or 0)
        outcome.finished = loop.time()


def sim_settings(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "model": MODEL,
        "time_scale": args.time_scale,
        "max_num_seqs": args.max_num_seqs,
        "num_kv_blocks": args.kv_blocks,
        "max_model_len": 16384,
        "output_len_min": args.max_tokens,
        "output_len_max": args.max_tokens,
    }


def gateway_config(port: int, replica_urls: list[str], balancing: dict[str, str]) -> dict[str, Any]:
    return {
        "server": {"port": port},
        "auth": {"enabled": False},
        "ledger": {"enabled": False},
        "audit": {"enabled": False},
        "discovery": {"enabled": False},
        "logging": {"level": "warning"},
        "backends": {
            "pool": {
                "kind": "openai-compatible",
                "location": "local",
                "models": [MODEL],
                "replicas": [{"base_url": url} for url in replica_urls],
                "balancing": balancing,
                "engine_metrics": {"interval_seconds": 0.5},
                "timeouts": {"first_byte": 600, "idle": 600, "total": 1800},
            }
        },
    }


async def run_one(
    args: argparse.Namespace, workload: str, strategy: str, planned: list[PlannedRequest],
    workdir: Path,
) -> dict[str, Any]:  # fmt: skip
    processes = Processes()
    try:
        urls = await start_sims(processes, sim_settings(args), args.replicas, workdir)
        gateway_port = free_port()
        config = gateway_config(gateway_port, [u + "/v1" for u in urls], STRATEGIES[strategy])
        await start_gateway(processes, config, workdir, strategy)
        before = processes.cpu_seconds()
        result = await replay(
            f"http://127.0.0.1:{gateway_port}/v1/chat/completions",
            planned,
            args.duration + args.drain,
        )
        after = processes.cpu_seconds()
        result.workload, result.strategy = workload, strategy
        result.cpu_seconds = {k: round(after[k] - before.get(k, 0.0), 1) for k in after}
        return result.summary()
    finally:
        processes.stop()


def render(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| workload | strategy | requests | errors | output tok/s | TTFT p50 | TTFT p90 | "
        "TTFT p99 | makespan |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['workload']} | {row['strategy']} | {row['requests']} | {row['errors']} | "
            f"{row['output_tokens_per_s']:.0f} | {_s(row['ttft_p50_s'])} | "
            f"{_s(row['ttft_p90_s'])} | {_s(row['ttft_p99_s'])} | {row['makespan_s']:.1f} s |"
        )
    return "\n".join(lines)


def _s(seconds: float) -> str:
    if seconds == float("inf"):
        return "none"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workloads", default="shared,unique")
    parser.add_argument("--strategies", default=",".join(STRATEGIES))
    parser.add_argument("--replicas", type=int, default=3)
    parser.add_argument("--tenants", type=int, default=12)
    parser.add_argument("--prefix-tokens", type=int, default=8000)
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument(
        "--rates",
        default="shared=6,unique=1.2",
        help="requests per second for each workload (the unique one needs a full prefill for "
        "every request, so the same engines sustain a lower rate)",
    )
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of arrivals")
    parser.add_argument("--drain", type=float, default=120.0, help="seconds allowed after that")
    parser.add_argument(
        "--kv-blocks",
        type=int,
        default=3200,
        help="KV cache per engine, in 16-token blocks: room for 6 of the 12 tenants' prompts",
    )
    parser.add_argument("--max-num-seqs", type=int, default=64)
    parser.add_argument(
        "--time-scale",
        type=float,
        default=0.25,
        help="engine speed (0.25: a GPU four times slower than the simulator's default model, "
        "which keeps the simulators' own CPU use far from this machine's limits)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    rates = {name: float(rate) for name, rate in (p.split("=") for p in args.rates.split(","))}
    rows = []
    with tempfile.TemporaryDirectory(prefix="bastion-routing-") as tmp:
        for workload in args.workloads.split(","):
            planned = generate(
                workload,
                rate=rates[workload],
                duration=args.duration,
                tenants=args.tenants,
                prefix_tokens=args.prefix_tokens,
                max_tokens=args.max_tokens,
                seed=args.seed,
            )
            for strategy in args.strategies.split(","):
                row = await run_one(args, workload, strategy, planned, Path(tmp))
                rows.append(row)
                print(json.dumps(row), flush=True)
    print()
    print(f"{platform.node()} {platform.machine()} {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}; {vars(args)}")  # fmt: skip
    print(render(rows))
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
