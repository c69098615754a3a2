"""Score the person-name and postal-address recognizers per language: accuracy and speed.

    .venv/bin/python benchmarks/guardrails/names_eval.py [--data FILE] [--errors N] [--lang xx]

Scores `bastion.guardrails.names.scan_names` and `bastion.guardrails.addresses.scan_addresses`
on the labeled spans of kinds "person" and "postal_address" only (other kinds in the file are
ignored). Matching is pii_eval's: a prediction is a true positive when it overlaps an unused
labeled span of the same kind. As in `scan()`, a person finding that overlaps an address
finding is dropped (an address outranks a name).

Reported per language (the samples' "lang" field) and overall: precision and recall per kind,
and the share of clean samples (no labeled person or address) with any finding. Speed is
ms per KB of text for both scanners together, p50/p95 over samples (best of `--repeat`), and
over ~1 KB prompts made by joining samples, as in pii_eval.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from pii_eval import load, match, ratio, speed_table
from pii_eval import speed as measure

from bastion.guardrails.addresses import scan_addresses
from bastion.guardrails.names import scan_names

DATA = Path(__file__).with_name("pii_real_dev.jsonl")
KINDS = ("person", "postal_address")
Span = tuple[str, int, int]


def predict(text: str) -> list[Span]:
    addresses = [(f.kind, f.start, f.end) for f in scan_addresses(text)]
    names = [
        (f.kind, f.start, f.end)
        for f in scan_names(text)
        if not any(s < f.end and f.start < e for _, s, e in addresses)
    ]
    return sorted(addresses + names, key=lambda s: s[1])


def evaluate(samples: list[dict[str, Any]], errors: int, errors_kind: str | None) -> None:
    tp: dict[str, Counter[str]] = defaultdict(Counter)
    n_pred: dict[str, Counter[str]] = defaultdict(Counter)
    n_gold: dict[str, Counter[str]] = defaultdict(Counter)
    clean: Counter[str] = Counter()
    clean_flagged: Counter[str] = Counter()
    shown = 0
    for sample in samples:
        text = sample["text"]
        lang = sample.get("lang", "?")
        gold = [(s["kind"], s["start"], s["end"]) for s in sample["spans"] if s["kind"] in KINDS]
        pred = predict(text)
        pred_ok, gold_ok, _ = match(gold, pred)
        for group in (lang, "all"):
            if not gold:
                clean[group] += 1
                clean_flagged[group] += bool(pred)
            for (kind, _, _), ok in zip(pred, pred_ok, strict=True):
                n_pred[group][kind] += 1
                tp[group][kind] += ok
            for kind, _, _ in gold:
                n_gold[group][kind] += 1
        if shown < errors:
            for (kind, start, end), ok in zip(pred, pred_ok, strict=True):
                if not ok and errors_kind in (None, kind) and shown < errors:
                    shown += 1
                    print(f"FP {lang} {kind}: {text[start:end]!r} in {text[:300]!r}")
            for (kind, start, end), ok in zip(gold, gold_ok, strict=True):
                if not ok and errors_kind in (None, kind) and shown < errors:
                    shown += 1
                    print(f"FN {lang} {kind}: {text[start:end]!r} in {text[:300]!r}")
    print()
    print("| lang | kind | labeled | predicted | TP | precision | recall |")
    print("|---|---|---:|---:|---:|---:|---:|")
    groups = [*sorted(g for g in n_gold if g != "all"), "all"]
    for group in groups:
        for kind in KINDS:
            g, p, t = n_gold[group][kind], n_pred[group][kind], tp[group][kind]
            if g or p:
                print(
                    f"| {group} | {kind} | {g} | {p} | {t} | {ratio(t, p):.3f} | "
                    f"{ratio(t, g):.3f} |"
                )
    print()
    print("| lang | clean samples | falsely flagged | share |")
    print("|---|---:|---:|---:|")
    for group in groups:
        if clean[group]:
            print(
                f"| {group} | {clean[group]} | {clean_flagged[group]} | "
                f"{ratio(clean_flagged[group], clean[group]):.3f} |"
            )


def speed(samples: list[dict[str, Any]], repeat: int) -> None:
    rows = [
        (name, measure(samples, scanner, repeat))
        for name, scanner in (
            ("names", scan_names),
            ("addresses", scan_addresses),
            ("both", predict),
        )
    ]
    print()
    print(speed_table(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", type=int, default=0, help="print up to N FPs and FNs")
    parser.add_argument("--kind", choices=KINDS, help="print errors of this kind only")
    parser.add_argument("--lang", help="only samples in this language")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    samples = load(args.data)
    if args.lang:
        samples = [s for s in samples if s.get("lang") == args.lang]
    scan_names("warm up")
    kb = sum(len(s["text"].encode()) for s in samples) / 1024
    print(f"{args.data.name}: {len(samples)} samples, {kb:.0f} KB")
    evaluate(samples, args.errors, args.kind)
    if not args.no_speed:
        speed(samples, args.repeat)


if __name__ == "__main__":
    main()
