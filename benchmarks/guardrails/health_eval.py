"""Score the health-information recognizer (kind ``health_data``) on the health sets.

    .venv/bin/python benchmarks/guardrails/health_eval.py [--split dev|dev2|dev3|heldout]
        [--errors N] [--json]

The sets (``health_dev.jsonl`` and ``health_heldout.jsonl`` written by ``health_dataset.py``,
``health_dev2.jsonl`` by ``health_dev2_dataset.py``, ``health_dev3.jsonl`` by
``health_dev3_dataset.py``, all from real-world formats, apart from
the recognizer; the held-out split is scored, never read) label health information tied to one
person in clinical notes, patient messages, sick notes and the like, and hold hard negatives:
general medical knowledge, guidelines, leaflets, statistics, figurative speech, animals.
Only ``health_data`` findings are scored (other kinds are not labelled there). A span is found
when a finding overlaps it (``pii_eval.match``).

Reported: span precision / recall / F2 per language, format and group; positive documents
with no finding at all (with ``route``, one finding keeps the whole request home, so these
are the ones that would leave); negative documents with any finding (falsely kept home);
and findings on the clean documents of the PII sets (``pii_real_*.jsonl``, group negative),
which were written for other kinds and never read while the recognizer was written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from pii_eval import Span, load, match, ratio

from bastion.guardrails.recognizers import scan

HERE = Path(__file__).resolve().parent
KIND = "health_data"

CLEAN_SETS = ("pii_real_dev.jsonl", "pii_real_dev2.jsonl")


def health_spans(text: str) -> list[Span]:
    return [(f.kind, f.start, f.end) for f in scan(text) if f.kind == KIND]


def f2(p: float, r: float) -> float:
    return 5 * p * r / (4 * p + r) if p == p and r == r and (p or r) else 0.0


def score(samples: list[dict[str, Any]], errors: int) -> dict[str, Any]:
    tables: dict[str, dict[str, Counter[str]]] = {
        "lang": defaultdict(Counter),
        "format": defaultdict(Counter),
        "group": defaultdict(Counter),
    }
    shown: list[str] = []
    for sample in samples:
        text = sample["text"]
        gold: list[Span] = [
            (KIND, s["start"], s["end"]) for s in sample["spans"] if s["kind"] == KIND
        ]
        pred = health_spans(text)
        pred_ok, gold_ok, _ = match(gold, pred)
        for axis, table in tables.items():
            row = table[sample[axis]]
            row["docs"] += 1
            row["gold"] += len(gold)
            row["pred"] += len(pred)
            row["tp"] += sum(pred_ok)
            row["found"] += sum(gold_ok)
            if sample["group"] == "negative":
                row["negative"] += 1
                row["negative_flagged"] += bool(pred)
            else:
                row["positive"] += 1
                row["positive_missed"] += not pred
        if len(shown) < errors:
            for (_, start, end), ok in zip(pred, pred_ok, strict=True):
                if not ok:
                    shown.append(
                        f"FP [{sample['lang']} {sample['format']}] {text[start:end]!r}"
                        f" in {text[max(0, start - 80) : end + 40]!r}"
                    )
            for (_, start, end), ok in zip(gold, gold_ok, strict=True):
                if not ok:
                    shown.append(
                        f"FN [{sample['lang']} {sample['format']}] {text[start:end]!r}"
                        f" in {text[max(0, start - 80) : end + 40]!r}"
                    )
    return {"tables": tables, "errors": shown[:errors]}


def clean_findings() -> dict[str, int]:
    docs = flagged = 0
    for name in CLEAN_SETS:
        for sample in load(HERE / name):
            if sample["group"] != "negative":
                continue
            docs += 1
            flagged += bool(health_spans(sample["text"]))
    return {"docs": docs, "flagged": flagged}


def table(rows: dict[str, Counter[str]], title: str) -> str:
    lines = [
        f"#### {title}",
        "",
        "| | docs | labelled | precision | recall | F2 | positives with no finding "
        "| negatives flagged |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    total: Counter[str] = Counter()
    for key in sorted(rows):
        total.update(rows[key])
    for key, row in [*sorted(rows.items()), ("**all**", total)]:
        p, r = ratio(row["tp"], row["pred"]), ratio(row["found"], row["gold"])
        lines.append(
            f"| {key} | {row['docs']} | {row['gold']} | {p:.3f} | {r:.3f} | {f2(p, r):.3f} | "
            f"{row['positive_missed']}/{row['positive']} | "
            f"{row['negative_flagged']}/{row['negative']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "dev2", "dev3", "heldout"), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print up to N FPs and FNs")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    samples = load(HERE / f"health_{args.split}.jsonl")
    result = score(samples, args.errors)
    clean = clean_findings()
    if args.json:
        print(json.dumps({"tables": result["tables"], "clean": clean}, sort_keys=True))
        return
    print(f"### health_data on health_{args.split}.jsonl ({len(samples)} texts)\n")
    for axis in ("group", "lang", "format"):
        print(table(result["tables"][axis], f"by {axis}") + "\n")
    print(
        f"clean documents of the PII sets with a health_data finding: "
        f"{clean['flagged']}/{clean['docs']}"
    )
    for line in result["errors"]:
        print(line)


if __name__ == "__main__":
    main()
