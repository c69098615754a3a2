"""Evaluation benchmark: how long a run of N items against two simulated backends takes.

It starts ``bastion serve`` (a process) with two ``kind: simulator`` backends in real time
(the simulator's default step timings and natural answer lengths: a median of 64 tokens),
writes a dataset of N chat items with deterministic checks, and runs ``bastion eval run``
(a process, as a user would) against both targets with the given concurrency. It reports the
wall time of the run command, the results stored, and TTFT / end-to-end percentiles per target
read back from the stored run.

    .venv/bin/python benchmarks/eval/run.py                     # 150 items, concurrency 8
    .venv/bin/python benchmarks/eval/run.py --items 300 --concurrency 16
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from harness import Processes, free_port, percentile, start_gateway

ADMIN_KEY = "bst-bench-admin-0123456789abcdef"
TARGETS = ("sim-a/bastion-sim", "sim-b/bastion-sim")
TOPICS = ("billing", "shipping", "returns", "accounts", "security", "privacy")


def dataset_lines(count: int) -> list[dict[str, Any]]:
    """Items of varied prompt lengths; two in three have checks the simulator's filler text
    passes (it answers in words), one in three one it fails (an exact answer)."""
    lines = []
    for n in range(count):
        topic = TOPICS[n % len(TOPICS)]
        context = " ".join(f"Fact {i} about {topic}." for i in range(1 + (n * 7) % 40))
        prompt = f"{context}\nQuestion {n}: summarise what matters about {topic}."
        if n % 3 == 2:
            checks = [{"kind": "exact", "expected": f"answer {n}"}]
        else:
            checks = [{"kind": "length", "min_words": 1}, {"kind": "regex", "pattern": r"\w+"}]
        lines.append(
            {
                "id": f"bench-{n:04d}",
                "request": {"messages": [{"role": "user", "content": prompt}]},
                "checks": checks,
                "slices": {"topic": topic},
            }
        )
    return lines


def gateway_config(port: int, workdir: Path) -> dict[str, Any]:
    return {
        "server": {"port": port},
        "auth": {"admin_key": ADMIN_KEY},
        "database": {"url": f"sqlite+aiosqlite:///{workdir}/bastion.db"},
        "journal": {"spool_dir": str(workdir / "journal")},
        "discovery": {"enabled": False},
        "logging": {"level": "warning"},
        "backends": {
            "sim-a": {"kind": "simulator", "location": "local", "simulator": {"seed": 1}},
            "sim-b": {"kind": "simulator", "location": "local", "simulator": {"seed": 2}},
        },
    }


def read_run(database: str, workdir: Path) -> dict[str, Any]:
    listed = subprocess.run(
        [sys.executable, "-m", "bastion", "eval", "list", "--json", "--database-url", database],
        capture_output=True, text=True, check=True, cwd=workdir,
    )  # fmt: skip
    return dict(json.loads(listed.stdout)[0])


async def results(database: str, run_id: str) -> list[Any]:
    from bastion.store.store import Store

    store = await Store.open(database, listen=False)
    try:
        return await store.evals.results(run_id)
    finally:
        await store.close()


async def main(items: int, concurrency: int) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="bastion-eval-bench-"))
    processes = Processes()
    try:
        port = free_port()
        url = await start_gateway(processes, gateway_config(port, workdir), workdir, "eval")
        dataset = workdir / "bench.jsonl"
        dataset.write_text("".join(json.dumps(line) + "\n" for line in dataset_lines(items)))
        database = f"sqlite+aiosqlite:///{workdir}/runs.db"
        argv = [sys.executable, "-m", "bastion", "eval", "run", str(dataset),
                "--concurrency", str(concurrency), "--gateway", url, "--key", ADMIN_KEY,
                "--database-url", database, "--out", str(workdir / "report")]  # fmt: skip
        for target in TARGETS:
            argv += ["--target", target]
        started = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, cwd=workdir, check=False)
        wall = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"eval run failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        run = read_run(database, workdir)
        stored = await results(database, run["id"])
        per_target = {}
        for target in TARGETS:
            mine = [r for r in stored if r.target == target]
            ttft = sorted(r.answer.ttft for r in mine if r.answer.ttft is not None)
            e2e = sorted(r.answer.latency for r in mine if r.answer.latency is not None)
            per_target[target] = {
                "results": len(mine),
                "passed": sum(r.passed is True for r in mine),
                "errors": sum(r.answer.error is not None for r in mine),
                "ttft_p50_s": round(percentile(ttft, 0.5), 3),
                "ttft_p95_s": round(percentile(ttft, 0.95), 3),
                "e2e_p50_s": round(percentile(e2e, 0.5), 3),
                "e2e_p95_s": round(percentile(e2e, 0.95), 3),
                "output_tokens": sum(r.answer.output_tokens for r in mine),
            }
        started_at = run["started_at"]
        finished_at = run["finished_at"]
        from datetime import datetime

        run_seconds = (
            datetime.fromisoformat(finished_at) - datetime.fromisoformat(started_at)
        ).total_seconds()
        cpu = processes.cpu_seconds()
        return {
            "items": items,
            "targets": list(TARGETS),
            "concurrency": concurrency,
            "status": run["status"],
            "results": len(stored),
            "wall_seconds_eval_run_command": round(wall, 2),
            "run_seconds_stored": round(run_seconds, 2),
            "per_target": per_target,
            "gateway_cpu_seconds": round(cpu.get("gateway", 0.0), 2),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python "
            f"{platform.python_version()}",
        }
    finally:
        processes.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=150)
    parser.add_argument("--concurrency", type=int, default=8)
    arguments = parser.parse_args()
    print(json.dumps(asyncio.run(main(arguments.items, arguments.concurrency)), indent=2))
