"""Soak: the fault-injection checks of issue 17 against real processes, in one command.

Each check starts its own ``bastion serve`` and ``bastion sim`` processes on free ports, in a
temporary directory of its own (PostgreSQL checks in a database of their own, Redis checks
under a key prefix of their own), breaks something the way production breaks it, measures
what clients and the gateway saw, and cleans up. Checks:

  sigkill-sqlite     open-loop traffic; SIGKILL the gateway mid-load, restart it; no
  sigkill-postgres   acknowledged request missing from the ledger or audit; audit verifies
  replica-faults     two engine replicas: one SIGKILLed under load, then one hung; only
                     requests already started on the dying replica may fail; watchdog time
  shared-limits      three gateways share 300 requests/minute through Redis; 900 at once
  redis-outage       Redis cut (refused, then hanging) behind a proxy: fail closed, recover
  slow-clients       slow heads and bodies, idle keep-alive: closed by the deadlines,
                     memory bounded, normal requests served meanwhile
  oversized-headers  8 x 32 MiB unfinished heads and a 16 MiB header: refused, memory flat
  poison-records     request text PostgreSQL refuses: the journal goes on, restart, verify
  sigterm-drain      streams in flight at SIGTERM complete within the grace period

    .venv/bin/python benchmarks/soak/run.py                  # everything, about 6 minutes
    .venv/bin/python benchmarks/soak/run.py --quick          # shorter, one SIGKILL round
    .venv/bin/python benchmarks/soak/run.py --only sigkill   # checks whose name starts so
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checks_admission import redis_outage, shared_limits
from checks_connections import oversized_headers, slow_clients
from checks_durability import poison_records, sigkill, sigterm_drain
from checks_routing import replica_faults
from support import Options, Result, Soak

Check = Callable[[Soak, Result], Awaitable[None]]


async def _sigkill_sqlite(soak: Soak, result: Result) -> None:
    await sigkill(soak, result, "sqlite")


async def _sigkill_postgres(soak: Soak, result: Result) -> None:
    await sigkill(soak, result, "postgres")


CHECKS: dict[str, Check] = {
    "sigkill-sqlite": _sigkill_sqlite,
    "sigkill-postgres": _sigkill_postgres,
    "replica-faults": replica_faults,
    "shared-limits": shared_limits,
    "redis-outage": redis_outage,
    "slow-clients": slow_clients,
    "oversized-headers": oversized_headers,
    "poison-records": poison_records,
    "sigterm-drain": sigterm_drain,
}

# What the table shows of each check's numbers (all of them are in the JSON).
HEADLINE: dict[str, list[str]] = {
    "sigkill-sqlite": [
        "rounds",
        "acknowledged_total",
        "in_flight_at_kill",
        "missing_ledger",
        "missing_audit",
        "restart_to_ready_s",
        "ledger_complete_after_ready_s",
        "audit_chains",
    ],
    "sigkill-postgres": [
        "rounds",
        "acknowledged_total",
        "in_flight_at_kill",
        "missing_ledger",
        "missing_audit",
        "restart_to_ready_s",
        "ledger_complete_after_ready_s",
        "audit_chains",
    ],
    "replica-faults": [
        "sent",
        "acknowledged",
        "failed_unstarted",
        "failed_after_start_at_kill",
        "failed_after_start_at_hang",
        "in_flight_on_killed_replica",
        "in_flight_on_hung_replica",
        "kill_out_of_service_s",
        "restarted_back_in_service_s",
        "hang_out_of_service_s",
        "unhung_back_in_service_s",
        "gateway_retries",
    ],
    "shared-limits": [
        "sent",
        "answers",
        "admitted_per_gateway",
        "burst_s",
        "p99_ms",
        "paced_answers",
    ],
    "redis-outage": ["up", "down", "hung", "back", "recovered_after_s"],
    "slow-clients": [
        "connections_per_wave",
        "waves",
        "rss_before_mib",
        "rss_peak_mib",
        "rss_after_each_wave_mib",
        "normal_before",
        "normal_during",
    ],
    "oversized-headers": [
        "unfinished_32mib",
        "unfinished_sent_mib_max",
        "unfinished_answered_after_s_max",
        "unfinished_closed_after_s_max",
        "complete_16mib",
        "rss_before_mib",
        "rss_peak_mib",
        "rss_after_mib",
    ],
    "poison-records": [
        "poison_statuses",
        "poison_in_ledger",
        "quarantined_records",
        "other_tenants_after_poison",
        "other_tenants_missing_from_ledger",
        "ledger_caught_up_s",
        "sigterm_exit_code",
        "spool_files_left",
        "audit_chains",
    ],
    "sigterm-drain": [
        "streams",
        "completed_whole",
        "last_stream_end_after_sigterm_s",
        "exit_after_sigterm_s",
        "exit_code",
        "new_connection_during_drain",
        "streams_in_ledger",
    ],
}


def select(only: list[str] | None) -> list[str]:
    if not only:
        return list(CHECKS)
    chosen: list[str] = []
    for wanted in only:
        matches = [name for name in CHECKS if name == wanted or name.startswith(wanted)]
        if not matches:
            raise SystemExit(f"no check named {wanted!r}; checks: {', '.join(CHECKS)}")
        chosen += [m for m in matches if m not in chosen]
    return chosen


async def run_check(name: str, options: Options, root: Path, keep: bool) -> Result:
    result = Result(name)
    workdir = root / name
    workdir.mkdir()
    soak = Soak(workdir, options)
    started = time.monotonic()
    try:
        await asyncio.wait_for(CHECKS[name](soak, result), 600)
    except Exception as exc:
        result.error = f"{type(exc).__name__}: {exc}"[:2000]
        result.notes.append(traceback.format_exc()[-3000:])
    finally:
        await asyncio.to_thread(soak.close)
        result.seconds = time.monotonic() - started
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return result


def compact(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {compact(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(compact(v) for v in value) + "]"
    return str(value)


def render(results: list[Result]) -> str:
    lines = ["| check | result | time | measured |", "|---|---|---:|---|"]
    for result in results:
        shown = HEADLINE.get(result.name, list(result.numbers))
        measured = "; ".join(
            f"{k} {compact(result.numbers[k])}" for k in shown if k in result.numbers
        )
        verdict = "PASS" if result.passed else "FAIL"
        lines.append(f"| {result.name} | {verdict} | {result.seconds:.0f} s | {measured} |")
    failed = [r for r in results if not r.passed]
    for result in failed:
        lines.append("")
        lines.append(f"{result.name} FAILED:")
        if result.error:
            lines.append(f"  error: {result.error}")
        for criterion in result.criteria:
            if not criterion.ok:
                lines.append(f"  - {criterion.what}: {criterion.detail[:600]}")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        names = [
            line
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0].split(":", 1)[1].strip() if names else ""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent,
        ).stdout.strip()
        dirty = (
            subprocess.run(
                ["git", "status", "--porcelain", "--untracked-files=no"],
                capture_output=True,
                text=True,
                check=False,
                cwd=Path(__file__).resolve().parent,
            ).stdout.strip()
            != ""
        )
    except OSError:
        commit, dirty = "", False
    return {
        "host": platform.node(),
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "commit": commit + ("+uncommitted changes" if dirty else ""),
        # The code the gateways run: this checkout's src/, or whatever PYTHONPATH puts first.
        "bastion_source": subprocess.run(
            [sys.executable, "-c", "import bastion; print(bastion.__file__)"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter loads, one SIGKILL round")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run this check (or those starting so); repeatable",
    )
    parser.add_argument("--rounds", type=int, help="SIGKILL rounds per database (3; quick 1)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--json", type=Path, help="results file (default: in the temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep each check's directory")
    parser.add_argument("--list", action="store_true", help="list the checks and exit")
    args = parser.parse_args()
    if args.list:
        print("\n".join(CHECKS))
        return 0
    names = select(args.only)
    options = Options(args.quick, args.rounds or (1 if args.quick else 3), args.seed)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    json_path = args.json or Path(tempfile.gettempdir()) / f"bastion-soak-{stamp}.json"
    about = machine()
    started_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    print(
        f"soak: {', '.join(names)} ({'quick' if args.quick else 'full'}, "
        f"{options.rounds} SIGKILL round(s)) on {about['host']}, {about['cpus']} CPUs "
        f"{about['cpu']}, Python {about['python']}, commit {about['commit']}",
        flush=True,
    )
    results: list[Result] = []
    started = time.monotonic()
    root = Path(tempfile.mkdtemp(prefix="bastion-soak-"))
    try:
        for name in names:
            print(f"-- {name} ...", flush=True)
            result = await run_check(name, options, root, args.keep)
            results.append(result)
            print(
                f"   {'PASS' if result.passed else 'FAIL'} in {result.seconds:.0f} s: "
                f"{json.dumps(result.numbers, default=str)[:400]}",
                flush=True,
            )
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    total = time.monotonic() - started
    about["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    report = {
        "started_at": started_at,
        "seconds": round(total, 1),
        "mode": "quick" if args.quick else "full",
        "options": {"rounds": options.rounds, "seed": options.seed},
        "machine": about,
        "passed": all(r.passed for r in results),
        "checks": [r.to_json() for r in results],
    }
    json_path.write_text(json.dumps(report, indent=2, default=str))
    print()
    print(f"{started_at}, {total:.0f} s in all; machine: {json.dumps(about)}")
    print(render(results))
    print(f"\nresults: {json_path}" + (f"; directories kept in {root}" if args.keep else ""))
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
