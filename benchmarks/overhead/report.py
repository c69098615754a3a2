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


TARGETS = (
    "floor",
    "bastion-bare",
    "bastion-noguard",
    "bastion-ledger",
    "bastion",
    "bastion-workers",
    "bastion-stream",
    "bastion-chat-stream",
    "bastion-responses",
    "bastion-responses-stream",
    "litellm",
)
# Streamed targets are compared with the mock's stream, the others with its whole answer.
STREAMED = frozenset({"bastion-stream", "bastion-chat-stream", "bastion-responses-stream"})


def added(row: dict[str, float], base: dict[str, float] | None, key: str) -> float:
    return row[key] - base[key] if base and key in base and key in row else float("nan")


def main() -> None:
    out = Path(sys.argv[1])
    measured = sys.argv[2:] or ["baseline", "baseline-stream", *TARGETS]
    baselines = {kind: load(out, kind) for kind in ("baseline", "baseline-stream")}
    for kind, (base_max, _) in baselines.items():
        stale = "" if kind in measured else " (from an earlier run: not measured in this one)"
        print(f"{kind} (direct to the mock): max {base_max} req/s{stale}")
    print(
        "\n| target | offered req/s | achieved | errors | p50 ms (added) | p99 ms (added) "
        "| first byte p50 ms (added) | CPU µs/request (helpers) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    maxima = {}
    for name in (target for target in TARGETS if target in measured):
        max_rps, rates = load(out, name)
        maxima[name] = max_rps
        baseline = baselines["baseline-stream" if name in STREAMED else "baseline"][1]
        for rate, row in sorted(rates.items()):
            base = baseline.get(rate)
            errors = sum(row["errors"].values())
            cpu = row.get("cpu_us_per_request")
            helpers = row.get("helper_cpu_us_per_request") or 0
            cpu_text = (
                "—" if cpu is None else f"{cpu:.0f}" + (f" (+{helpers:.0f})" if helpers else "")
            )
            first = row.get("first_byte_p50_ms", float("nan"))
            print(
                f"| {name} | {rate:g} | {row['achieved_rps']:g} | {errors} | "
                f"{row['p50_ms']:.2f} ({added(row, base, 'p50_ms'):+.2f}) | "
                f"{row['p99_ms']:.2f} ({added(row, base, 'p99_ms'):+.2f}) | "
                f"{first:.2f} ({added(row, base, 'first_byte_p50_ms'):+.2f}) | {cpu_text} |"
            )
    print()
    for name, max_rps in maxima.items():
        cpu_file = out / f"{name}-saturation-cpu.txt"
        cpu = f", {cpu_file.read_text().strip()} µs CPU/request" if cpu_file.exists() else ""
        print(f"{name}: max sustained {max_rps} req/s (wrk, 64 connections){cpu}")
    if maxima.get("bastion") and maxima.get("litellm"):
        print(f"ratio bastion/litellm: {maxima['bastion'] / maxima['litellm']:.1f}x")


if __name__ == "__main__":
    main()
