"""Evaluate the shipped prompt-injection model on the held-out test set: accuracy and speed.

    .venv/bin/python benchmarks/guardrails/injection_eval.py [--data FILE] [--errors N]

The model is loaded exactly as the gateway would load it (`load_default_classifier()`) and
judged at `DEFAULT_THRESHOLD`. The test templates were never seen in training nor used to
choose the threshold (split by template, see `injection_dataset.py`). Reported:

- recall on injections, overall and per family;
- false-positive rate on general benign prompts and, separately, on security-flavoured
  ("hard") benign prompts;
- a few misclassified examples of each kind;
- latency in ms for ~1 KB prompts (test samples joined into 1,024-character texts; best of
  `--repeat` runs each, to drop scheduler noise), p50 and p95, plus a 1 MB text.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bastion.guardrails.injection import DEFAULT_THRESHOLD, load_default_classifier

DATA = Path(__file__).with_name("injection_test.jsonl")


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    clf = load_default_classifier()
    rows = load(args.data)
    threshold = DEFAULT_THRESHOLD
    for r in rows:
        r["score"] = clf.score(r["text"])
        r["flagged"] = r["score"] >= threshold

    print(f"{args.data.name}: {len(rows)} samples; threshold {threshold}")
    for group, what in (("injection", "recall"), ("benign", "FPR"), ("hard_benign", "FPR")):
        chosen = [r for r in rows if r["group"] == group]
        flagged = sum(r["flagged"] for r in chosen)
        print(f"  {group:12} {what:7} {flagged / len(chosen):.3f}  ({flagged}/{len(chosen)})")
    # Hard-benign samples are few per template and unevenly spread; the mean over templates
    # says how many kinds of hard prompts are hit, not how many filled-in variants.
    for group in ("benign", "hard_benign"):
        per_template: dict[str, list[bool]] = defaultdict(list)
        for r in rows:
            if r["group"] == group:
                per_template[r["template"]].append(r["flagged"])
        rates = [sum(f) / len(f) for f in per_template.values()]
        mean = statistics.mean(rates)
        print(f"  {group:12} FPR averaged over its {len(rates)} templates: {mean:.3f}")
    print("  per family (share flagged):")
    families: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for r in rows:
        families[(r["group"], r["family"])].append(r["flagged"])
    for (group, family), flags in sorted(families.items()):
        print(
            f"    {group:12} {family:20} {sum(flags) / len(flags):.3f}  ({sum(flags)}/{len(flags)})"
        )

    for title, wrong in (
        ("missed injections", [r for r in rows if r["label"] == 1 and not r["flagged"]]),
        ("flagged benign", [r for r in rows if r["label"] == 0 and r["flagged"]]),
    ):
        print(f"  {title} (up to {args.errors} per family):")
        shown: dict[str, int] = defaultdict(int)
        for r in sorted(wrong, key=lambda r: r["template"]):
            if shown[r["family"]] < args.errors:
                shown[r["family"]] += 1
                text = r["text"].replace("\n", " ")[:110]
                print(f"    {r['score']:.2f} [{r['family']}] {text}")

    # Latency: ~1 KB prompts from the test texts (the cache of per-token features warms up as
    # it would in a running gateway).
    joined = " ".join(r["text"] for r in rows)
    prompts = [joined[i : i + 1024] for i in range(0, len(joined) - 1024, 1024)]
    times = []
    for prompt in prompts:
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            clf.score(prompt)
            best = min(best, time.perf_counter() - start)
        times.append(best * 1000)
    print(
        f"  latency per ~1 KB prompt ({len(prompts)} prompts): p50 "
        f"{statistics.median(times):.3f} ms, p95 {pct(times, 0.95):.3f} ms"
    )
    huge = (joined * (1 + 2**20 // len(joined)))[: 2**20]
    start = time.perf_counter()
    clf.score(huge)
    elapsed = (time.perf_counter() - start) * 1000
    print(f"  1 MB text (head 12 KB + tail 4 KB scored): {elapsed:.1f} ms")


if __name__ == "__main__":
    main()
