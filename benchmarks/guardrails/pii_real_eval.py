"""Score a PII scanner on the independent set (pii_real_dev.jsonl / pii_real_heldout.jsonl).

    .venv/bin/python benchmarks/guardrails/pii_real_eval.py [--split dev|heldout] [--lenient]
        [--errors N] [--json] [--scanner MODULE:FUNCTION]

The scanner defaults to bastion.guardrails.recognizers.scan; any function taking a string and
returning objects with kind/start/end (or (kind, start, end) tuples) can be named instead.

Matching is pii_eval.match: a prediction is a true positive when it overlaps an unmatched gold
span of the same kind. With --lenient, a prediction whose kind is in the same family as an
overlapping gold span (e.g. jwt for bearer_token, es_nie for es_dni, passport for
driver_license) is counted as that gold kind. Default is strict.

Reported: per kind, per language and per format figures, micro precision / recall / F2, the
share of clean (negative) documents with any unmatched finding, and the share of positive
documents in which at least one labelled value was not found ("documents that would leave").
Public figures (group public_figure) are reported apart and left out of the other figures.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pii_eval import Scanner, Span, accuracy_table, bastion_scanner, evaluate, load, match, ratio

HERE = Path(__file__).resolve().parent

FAMILIES: dict[str, tuple[str, ...]] = {
    "contact": ("email", "phone"),
    "financial": ("credit_card", "iban"),
    "national_id": (
        "us_ssn", "uk_nino", "fr_nir", "es_dni", "es_nie", "it_codice_fiscale",
        "de_steuer_id", "nl_bsn", "pt_nif", "br_cpf",
    ),
    "identity_document": ("passport", "driver_license"),
    "secret": (
        "aws_access_key", "aws_secret_key", "azure_key", "github_token", "slack_token",
        "stripe_key", "google_api_key", "openai_key", "anthropic_key", "jwt", "bearer_token",
        "private_key", "connection_string", "password",
    ),
}  # fmt: skip
FAMILY = {kind: fam for fam, kinds in FAMILIES.items() for kind in kinds}


def family(kind: str) -> str:
    return FAMILY.get(kind, kind)


def load_scanner(spec: str | None) -> Scanner:
    if not spec:
        return bastion_scanner()
    module, _, func = spec.partition(":")
    fn: Callable[[str], Any] = getattr(importlib.import_module(module), func or "scan")

    def run(text: str) -> list[Span]:
        out: list[Span] = []
        for f in fn(text):
            out.append(tuple(f) if isinstance(f, tuple) else (f.kind, f.start, f.end))  # type: ignore[arg-type]
        return out

    return run


def relabel(gold: list[Span], pred: list[Span]) -> list[Span]:
    """Lenient mode: a prediction overlapping a gold span of the same family takes its kind."""
    out: list[Span] = []
    for pkind, start, end in pred:
        kind = pkind
        overlapping = [g for g in gold if g[1] < end and start < g[2]]
        if overlapping and not any(g[0] == pkind for g in overlapping):
            same = [g for g in overlapping if family(g[0]) == family(pkind)]
            if same:
                kind = same[0][0]
        out.append((kind, start, end))
    return out


def f_beta(p: float, r: float, beta: float = 2.0) -> float:
    if not p or not r or p != p or r != r:
        return 0.0
    return (1 + beta**2) * p * r / (beta**2 * p + r)


def run(
    samples: list[dict[str, Any]], scanner: Scanner, lenient: bool, errors: int
) -> dict[str, Any]:
    gold_of = {s["text"]: [(x["kind"], x["start"], x["end"]) for x in s["spans"]] for s in samples}
    cache: dict[str, list[Span]] = {}

    def scan(text: str) -> list[Span]:
        if text not in cache:
            pred = list(scanner(text))
            cache[text] = relabel(gold_of[text], pred) if lenient else pred
        return cache[text]

    main = [s for s in samples if s["group"] != "public_figure"]
    public = [s for s in samples if s["group"] == "public_figure"]
    per_kind = evaluate(main, scan, errors=errors)

    by_lang: dict[str, Counter[str]] = defaultdict(Counter)
    by_format: dict[str, Counter[str]] = defaultdict(Counter)
    docs: Counter[str] = Counter()
    leaks: Counter[str] = Counter()  # kind -> positive documents where a value of that kind leaked
    for s in main:
        text, gold = s["text"], gold_of[s["text"]]
        pred = scan(text)
        pred_ok, gold_ok, _ = match(gold, pred)
        for key, table in ((s["lang"], by_lang), (s["format"], by_format)):
            table[key]["tp"] += sum(pred_ok)
            table[key]["pred"] += len(pred)
            table[key]["gold"] += len(gold)
            table[key]["found"] += sum(gold_ok)
        if s["group"] == "negative":
            docs["negative"] += 1
            docs["negative_flagged"] += any(not ok for ok in pred_ok)
            docs["negative_any_finding"] += bool(pred)
        else:
            docs["positive"] += 1
            missed = {g[0] for g, ok in zip(gold, gold_ok, strict=True) if not ok}
            docs["positive_leaving"] += bool(missed)
            docs["positive_leaving_without_person"] += bool(missed - {"person"})
            for kind in missed:
                leaks[kind] += 1
    pub_found = pub_gold = pub_pred = 0
    for s in public:
        gold = gold_of[s["text"]]
        pred = scan(s["text"])
        _, gold_ok, _ = match(gold, pred)
        pub_found += sum(gold_ok)
        pub_gold += len(gold)
        pub_pred += len(pred)

    tp, n_pred, n_gold = (sum(per_kind[k].values()) for k in ("tp", "pred", "gold"))
    p, r = ratio(tp, n_pred), ratio(tp, n_gold)
    return {
        "per_kind": per_kind,
        "by_lang": by_lang,
        "by_format": by_format,
        "docs": docs,
        "leaks": leaks,
        "public": {"gold": pub_gold, "found": pub_found, "pred": pub_pred},
        "micro": {
            "precision": p,
            "recall": r,
            "f2": f_beta(p, r),
            "tp": tp,
            "pred": n_pred,
            "gold": n_gold,
        },
    }


def report(res: dict[str, Any], title: str) -> str:
    lines = [accuracy_table(res["per_kind"], title), ""]
    m = res["micro"]
    lines.append(
        f"micro precision {m['precision']:.3f}, recall {m['recall']:.3f}, F2 {m['f2']:.3f} "
        f"({m['tp']} TP of {m['pred']} predicted, {m['gold']} labelled)\n"
    )
    lines += [
        "| language | labelled | predicted | precision | recall |",
        "|---|---:|---:|---:|---:|",
    ]
    for lang, c in sorted(res["by_lang"].items()):
        lines.append(
            f"| {lang} | {c['gold']} | {c['pred']} | {ratio(c['tp'], c['pred']):.3f} | "
            f"{ratio(c['found'], c['gold']):.3f} |"
        )
    lines += ["", "| format | labelled | recall |", "|---|---:|---:|"]
    for fmt, c in sorted(res["by_format"].items()):
        lines.append(f"| {fmt} | {c['gold']} | {ratio(c['found'], c['gold']):.3f} |")
    d, pub = res["docs"], res["public"]
    lines += [
        "",
        f"clean documents falsely flagged: {d['negative_flagged']}/{d['negative']} "
        f"= {ratio(d['negative_flagged'], d['negative']):.3f} "
        f"(any finding at all: {ratio(d['negative_any_finding'], d['negative']):.3f})",
        f"documents that would leave: {d['positive_leaving']}/{d['positive']} "
        f"= {ratio(d['positive_leaving'], d['positive']):.3f} "
        "(not counting person names: "
        f"{ratio(d['positive_leaving_without_person'], d['positive']):.3f})",
        f"public figures found: {pub['found']}/{pub['gold']} "
        f"= {ratio(pub['found'], pub['gold']):.3f}",
        "leaked kinds (positive documents with a missed value of that kind): "
        + ", ".join(f"{k} {v}" for k, v in res["leaks"].most_common()),
    ]
    return "\n".join(lines)


def as_json(res: dict[str, Any], split: str, lenient: bool) -> dict[str, Any]:
    pk = res["per_kind"]
    kinds = sorted(set(pk["gold"]) | set(pk["pred"]))
    d = res["docs"]
    return {
        "split": split,
        "matching": "lenient" if lenient else "strict",
        "micro": res["micro"],
        "per_kind": {
            k: {
                "labelled": pk["gold"][k],
                "predicted": pk["pred"][k],
                "tp": pk["tp"][k],
                "precision": ratio(pk["tp"][k], pk["pred"][k]),
                "recall": ratio(pk["tp"][k], pk["gold"][k]),
                "exact_recall": ratio(pk["exact"][k], pk["gold"][k]),
            }
            for k in kinds
        },
        "per_language": {
            lang: {
                "precision": ratio(c["tp"], c["pred"]),
                "recall": ratio(c["found"], c["gold"]),
                "labelled": c["gold"],
            }
            for lang, c in sorted(res["by_lang"].items())
        },
        "per_format_recall": {
            f: ratio(c["found"], c["gold"]) for f, c in sorted(res["by_format"].items())
        },
        "clean_documents_flagged": ratio(d["negative_flagged"], d["negative"]),
        "clean_documents_any_finding": ratio(d["negative_any_finding"], d["negative"]),
        "documents_that_would_leave": ratio(d["positive_leaving"], d["positive"]),
        "documents_that_would_leave_without_person": ratio(
            d["positive_leaving_without_person"], d["positive"]
        ),
        "leaked_kinds": dict(res["leaks"].most_common()),
        "public_figures_recall": ratio(res["public"]["found"], res["public"]["gold"]),
        "documents": dict(d),
    }


def no_nan(value: Any) -> Any:
    """JSON has no NaN: undefined ratios (nothing predicted or labelled) become null."""
    if isinstance(value, dict):
        return {k: no_nan(v) for k, v in value.items()}
    if isinstance(value, float) and value != value:
        return None
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--data", type=Path, help="a JSONL file instead of a split")
    parser.add_argument(
        "--scanner", help="MODULE:FUNCTION (default bastion.guardrails.recognizers:scan)"
    )
    parser.add_argument("--lenient", action="store_true", help="count same-family kinds as matches")
    parser.add_argument("--errors", type=int, default=0, help="print up to N FPs and FNs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    path = args.data or HERE / f"pii_real_{args.split}.jsonl"
    samples = load(path)
    res = run(samples, load_scanner(args.scanner), args.lenient, args.errors)
    if args.json:
        print(json.dumps(no_nan(as_json(res, args.split, args.lenient)), indent=2))
        return
    groups = Counter(s["group"] for s in samples)
    print(
        f"{path.name}: {len(samples)} documents ({groups['positive']} positive, "
        f"{groups['negative']} negative, {groups['public_figure']} public figure), "
        f"matching {'lenient' if args.lenient else 'strict'}\n"
    )
    print(report(res, f"{path.stem} ({'lenient' if args.lenient else 'strict'})"))
    for line in res["per_kind"]["fps"] + res["per_kind"]["fns"]:
        print(line)


if __name__ == "__main__":
    main()
