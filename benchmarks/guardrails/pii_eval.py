"""Evaluate bastion.guardrails.recognizers.scan on the labeled set: accuracy and speed.

    .venv/bin/python benchmarks/guardrails/pii_eval.py [--data FILE] [--errors N]

Matching: a predicted span is a true positive when a labeled span of the same kind overlaps it
(each labeled span can be matched once); "exact" additionally requires identical offsets.
Precision = TP / predicted, recall = TP / labeled, per kind and overall (micro-averaged).

Speed: every sample is scanned `--repeat` times and the best time kept (to drop scheduler
noise on a shared machine); the per-sample time is normalised to ms per KB of text and its
p50/p95 over samples are reported. Short samples are dominated by fixed per-call cost, so a
second figure concatenates samples into ~1 KB prompts and reports their p50/p95 and the
throughput in MB/s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("pii_eval.jsonl")

Span = tuple[str, int, int]
Scanner = Callable[[str], list[Span]]


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def match(gold: Sequence[Span], pred: Sequence[Span]) -> tuple[list[bool], list[bool], int]:
    """Return which predictions matched, which gold spans matched, and exact matches."""
    used = [False] * len(gold)
    pred_ok = [False] * len(pred)
    exact = 0
    for pi, (kind, start, end) in enumerate(pred):
        best = -1
        for gi, (gkind, gstart, gend) in enumerate(gold):
            if used[gi] or gkind != kind or gend <= start or end <= gstart:
                continue
            if (gstart, gend) == (start, end):
                best = gi
                break
            if best < 0:
                best = gi
        if best >= 0:
            used[best] = True
            pred_ok[pi] = True
            if (gold[best][1], gold[best][2]) == (start, end):
                exact += 1
    return pred_ok, used, exact


def evaluate(samples: list[dict[str, Any]], scanner: Scanner, *, errors: int = 0) -> dict[str, Any]:
    tp: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    fps: list[str] = []
    fns: list[str] = []
    for sample in samples:
        text = sample["text"]
        gold = [(s["kind"], s["start"], s["end"]) for s in sample["spans"]]
        pred = scanner(text)
        pred_ok, gold_ok, _ = match(gold, pred)
        for (kind, start, end), ok in zip(pred, pred_ok, strict=True):
            n_pred[kind] += 1
            if ok:
                tp[kind] += 1
                if any((g[0], g[1], g[2]) == (kind, start, end) for g in gold):
                    exact[kind] += 1
            elif len(fps) < errors:
                fps.append(f"FP {kind}: {text[start:end]!r} in {text!r}")
        for (kind, start, end), ok in zip(gold, gold_ok, strict=True):
            n_gold[kind] += 1
            if not ok and len(fns) < errors:
                fns.append(f"FN {kind}: {text[start:end]!r} in {text!r}")
    return {"tp": tp, "exact": exact, "pred": n_pred, "gold": n_gold, "fps": fps, "fns": fns}


def ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def accuracy_table(result: dict[str, Any], title: str) -> str:
    tp, exact, n_pred, n_gold = result["tp"], result["exact"], result["pred"], result["gold"]
    kinds = sorted(set(n_gold) | set(n_pred))
    lines = [
        f"#### {title}",
        "",
        "| kind | labeled | predicted | TP | precision | recall | exact-match recall |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in kinds:
        lines.append(
            f"| {kind} | {n_gold[kind]} | {n_pred[kind]} | {tp[kind]} | "
            f"{ratio(tp[kind], n_pred[kind]):.3f} | {ratio(tp[kind], n_gold[kind]):.3f} | "
            f"{ratio(exact[kind], n_gold[kind]):.3f} |"
        )
    t, p, g, e = sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()), sum(exact.values())
    lines.append(
        f"| **overall** | {g} | {p} | {t} | **{ratio(t, p):.3f}** | **{ratio(t, g):.3f}** | "
        f"{ratio(e, g):.3f} |"
    )
    return "\n".join(lines)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def speed(samples: list[dict[str, Any]], scanner: Scanner, repeat: int = 3) -> dict[str, float]:
    per_kb: list[float] = []
    for sample in samples:
        text = sample["text"]
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            scanner(text)
            best = min(best, time.perf_counter() - t0)
        per_kb.append(best * 1000 / (len(text.encode()) / 1024))
    # ~1 KB prompts made of consecutive samples.
    prompts: list[str] = []
    current: list[str] = []
    size = 0
    for sample in samples:
        current.append(sample["text"])
        size += len(sample["text"].encode()) + 1
        if size >= 1024:
            prompts.append("\n".join(current))
            current, size = [], 0
    prompt_ms: list[float] = []
    total_bytes = 0
    total_time = 0.0
    for prompt in prompts:
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            scanner(prompt)
            best = min(best, time.perf_counter() - t0)
        kb = len(prompt.encode()) / 1024
        prompt_ms.append(best * 1000 / kb)
        total_bytes += len(prompt.encode())
        total_time += best
    return {
        "sample_p50": statistics.median(per_kb),
        "sample_p95": percentile(per_kb, 95),
        "prompt_p50": statistics.median(prompt_ms),
        "prompt_p95": percentile(prompt_ms, 95),
        "prompts": len(prompts),
        "mb_per_s": total_bytes / total_time / 1e6,
    }


def speed_table(rows: list[tuple[str, dict[str, float]]]) -> str:
    lines = [
        "| engine | per sample ms/KB p50 | per sample ms/KB p95 | 1 KB prompt ms/KB p50 "
        "| 1 KB prompt ms/KB p95 | throughput |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, s in rows:
        lines.append(
            f"| {name} | {s['sample_p50']:.3f} | {s['sample_p95']:.3f} | {s['prompt_p50']:.3f} | "
            f"{s['prompt_p95']:.3f} | {s['mb_per_s']:.2f} MB/s |"
        )
    return "\n".join(lines)


def bastion_scanner() -> Scanner:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    from bastion.guardrails.recognizers import scan

    def run(text: str) -> list[Span]:
        # health_data is labelled and scored in the health sets alone (health_eval.py).
        return [(f.kind, f.start, f.end) for f in scan(text) if f.kind != "health_data"]

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", type=int, default=0, help="print up to N FPs and FNs")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    samples = load(args.data)
    scanner = bastion_scanner()
    result = evaluate(samples, scanner, errors=args.errors)
    kb = sum(len(s["text"].encode()) for s in samples) / 1024
    positives = sum(1 for s in samples if s["spans"])
    print(
        f"{len(samples)} samples ({positives} with spans, {len(samples) - positives} hard "
        f"negatives), {sum(result['gold'].values())} labeled spans, {kb:.0f} KB\n"
    )
    print(accuracy_table(result, "Bastion pattern engine"))
    for line in result["fps"] + result["fns"]:
        print(line)
    if not args.no_speed:
        print()
        print(speed_table([("bastion", speed(samples, scanner, args.repeat))]))


if __name__ == "__main__":
    main()
