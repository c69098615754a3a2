"""Prints the overhead benchmark's results as a markdown table (added latency vs the baseline).

report.py OUT_DIR [TARGET ...]: only the targets named (default: all) are reported, so
files an earlier run left behind for other targets do not mix into this run's table.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def load(out: Path, name: str) -> tuple[int | None, dict[float, dict[str, float]]]:
    wrk = out / f"{name}-wrk.txt"
    max_rps = None
    if wrk.exists():
        match = re.search(r"Requests/sec:\s+([\d.]+)", wrk.read_text())
        max_rps = int(float(match.group(1))) if match else None
    rates: dict[float, dict[str, float]] = {}
    path = out / f"{name}-rates.jsonl"
    if path.exists():
        for line in path.read_text().splitlines():
            row = json.loads(line)
            rates[row["offered_rps"]] = row
    return max_rps, rates


TARGETS = ("floor", "bastion-bare", "bastion-noguard", "bastion-ledger", "bastion", "litellm")


def main() -> None:
    out = Path(sys.argv[1])
    measured = sys.argv[2:] or ["baseline", *TARGETS]
    baseline_max, baseline = load(out, "baseline")
    stale = "" if "baseline" in measured else " (from an earlier run: not measured in this one)"
    print(f"Baseline (direct to the mock): max {baseline_max} req/s{stale}\n")
    print(
        "| target | offered req/s | achieved | errors | p50 ms (added) | p99 ms (added) "
        "| CPU µs/request (helpers) |"
    )
    print("|---|---|---|---|---|---|---|")
    maxima = {}
    for name in (target for target in TARGETS if target in measured):
        max_rps, rates = load(out, name)
        maxima[name] = max_rps
        for rate, row in sorted(rates.items()):
            base = baseline.get(rate)
            added50 = row["p50_ms"] - base["p50_ms"] if base else float("nan")
            added99 = row["p99_ms"] - base["p99_ms"] if base else float("nan")
            errors = sum(row["errors"].values())
            cpu = row.get("cpu_us_per_request")
            helpers = row.get("helper_cpu_us_per_request") or 0
            cpu_text = (
                "—" if cpu is None else f"{cpu:.0f}" + (f" (+{helpers:.0f})" if helpers else "")
            )
            print(
                f"| {name} | {rate:g} | {row['achieved_rps']:g} | {errors} | "
                f"{row['p50_ms']:.2f} ({added50:+.2f}) | {row['p99_ms']:.2f} ({added99:+.2f}) "
                f"| {cpu_text} |"
            )
    print()
    for name, max_rps in maxima.items():
        print(f"{name}: max sustained {max_rps} req/s (wrk, 64 connections)")
    if maxima.get("bastion") and maxima.get("litellm"):
        print(f"ratio bastion/litellm: {maxima['bastion'] / maxima['litellm']:.1f}x")


if __name__ == "__main__":
    main()
