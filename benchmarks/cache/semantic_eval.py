"""Evaluates the semantic cache on ``semantic_pairs.jsonl`` (written by semantic_dataset.py).

For each pair, prompt ``a`` is stored and prompt ``b`` looked up in the same partition:

- false-hit rate: hard negatives whose ``b`` was served ``a``'s answer (target <= 1%),
- hit rate: paraphrases whose ``b`` was served ``a``'s answer (target >= 50%),

for each split of the set on its own (``synthetic``: the templated pairs; ``tune``: the
hand-written pairs thresholds were tuned on; ``heldout``: hand-written pairs never tuned on),
once per pair in its own partition, and once with every ``a`` in one shared partition (where
``b`` may also match the wrong stored prompt). Then isolation: every prompt stored by one user
is looked up by another user of the tenant and by another tenant (target: no hit), and on an
endpoint whose answers are shared, first-person prompts by another user (no hit either).
Then embedding cost (a 1 KB prompt, one core) and lookup latency in a partition holding 1,000
entries. Ablations show what the guards contribute.

Embedders (``--embedder``, repeatable; by default the first two, so that they can be compared):

- ``two-stage``: what the gateway runs, the static table finds candidates (at its candidate
  threshold), the guards check them, and the encoder confirms (at the encoder's threshold).
  Reported besides: how many lookups asked the encoder, how many prompts it embedded at
  lookup and at store time (none), and the cost of a 1 KB lookup that finds no candidate, one
  whose candidate a guard refuses, and one whose candidate the encoder confirms (the stored
  prompt's vector made then, or already kept), with the mix on the evaluation set;
- ``minilm-l6-v2``: the encoder alone, the same guards;
- ``lexical``: the dependency-free embedder;
- ``static``: the static table alone as the deciding score (not shipped: it shows why the
  encoder confirms), at ``--threshold`` (0.80 by default).

``--tune`` instead finds the candidate threshold from the tuning split alone: the static
similarity of every tuning pair the encoder alone serves, and how many unrelated pairs of the
split each threshold would make candidates. ``--splits`` limits the run to some splits (the
held-out one is scored once, after the thresholds are fixed). ``--rss`` measures the memory of a
process that loads each embedder.

    python benchmarks/cache/semantic_eval.py [--embedder two-stage|minilm-l6-v2|lexical|static]...
        [--threshold 0.82] [--candidate-threshold 0.60] [--splits synthetic,tune,heldout]
        [--tune] [--rss] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bastion.cache import (
    CachedResponse,
    CacheSettings,
    Embedder,
    LexicalEmbedder,
    OnnxEmbedder,
    ResponseCache,
    StaticEmbedder,
    TwoStageEmbedder,
    Vector,
    key_for_openai_chat,
)
from bastion.cache.embedder import default_threshold
from bastion.cache.guards import GUARD_NAMES, relaxed_for
from bastion.cache.keys import first_person

sys.path.insert(0, str(Path(__file__).parent))
from semantic_dataset import PARAPHRASE_BASES, fill

PAIRS = Path(__file__).with_name("semantic_pairs.jsonl")


def body(prompt: str) -> dict[str, Any]:
    return {"model": "m", "temperature": 0, "messages": [{"role": "user", "content": prompt}]}


def answer(text: str) -> CachedResponse:
    return CachedResponse("openai_chat", "m", text, "stop", 10, 5)


class Counting:
    """An embedder that counts the prompts it embeds (the encoder, to see when it runs)."""

    def __init__(self, inner: OnnxEmbedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.threshold = default_threshold(inner)
        self.prompts = 0

    async def embed(self, texts: Sequence[str]) -> list[Vector]:
        self.prompts += len(texts)
        return await self.inner.embed(texts)

    def pieces(self, text: str) -> tuple[int, ...] | None:
        return self.inner.pieces(text)


EMBEDDER: Embedder = LexicalEmbedder()
ENCODER: Counting | None = None  # the encoder, counted, in the two-stage and encoder runs


def new_cache(settings: CacheSettings) -> ResponseCache:
    return ResponseCache(embedder=EMBEDDER, settings=settings)


def encoder_prompts() -> int:
    return ENCODER.prompts if ENCODER is not None else 0


def _ms(timings: list[float]) -> dict[str, float]:
    timings = sorted(timings)
    return {
        "mean_ms": round(statistics.fmean(timings), 3),
        "p50_ms": round(statistics.median(timings), 3),
        "p95_ms": round(timings[max(0, math.ceil(0.95 * len(timings)) - 1)], 3),
    }


async def per_pair(rows: list[dict[str, Any]], settings: CacheSettings) -> dict[str, Any]:
    hits: Counter[tuple[str, str]] = Counter()
    totals: Counter[tuple[str, str]] = Counter()
    rejections: Counter[str] = Counter()
    false_hits = []
    at_store = at_lookup = asked = 0
    timings = []
    for row in rows:
        cache = new_cache(settings)
        key_a = key_for_openai_chat("tenant", "ep@1", body(row["a"]))
        key_b = key_for_openai_chat("tenant", "ep@1", body(row["b"]))
        assert key_a
        assert key_b
        before = encoder_prompts()
        await cache.store(key_a, answer(row["a"]), semantic=True)
        await cache.settled()  # stored a while before the lookup
        at_store += encoder_prompts() - before
        before = encoder_prompts()
        started = time.perf_counter()
        hit = await cache.lookup(key_b, semantic=True)
        timings.append((time.perf_counter() - started) * 1000)
        at_lookup += encoder_prompts() - before
        asked += cache.stats.confirmations
        group = (row["label"], row["category"])
        totals[group] += 1
        if hit is not None:
            hits[group] += 1
            if row["label"] == "different":
                false_hits.append(row)
        rejections.update(cache.stats.guard_rejections_by_guard)
    return summarise(hits, totals) | {
        "guard_rejections": dict(rejections),
        "false_hit_examples": [(r["a"], r["b"]) for r in false_hits[:10]],
        "lookups": len(rows),
        "lookups_asking_the_encoder": asked,
        "encoder_prompts_at_lookup": at_lookup,
        "encoder_prompts_at_store": at_store,
        "lookup": _ms(timings),
    }


def summarise(hits: Counter[tuple[str, str]], totals: Counter[tuple[str, str]]) -> dict[str, Any]:
    def rate(label: str) -> tuple[int, int]:
        n = sum(v for (lab, _), v in totals.items() if lab == label)
        h = sum(v for (lab, _), v in hits.items() if lab == label)
        return h, n

    fh, nn = rate("different")
    ph, pn = rate("same")
    return {
        "false_hit_rate": fh / nn,
        "false_hits": fh,
        "hard_negatives": nn,
        "paraphrase_hit_rate": ph / pn,
        "paraphrase_hits": ph,
        "paraphrases": pn,
        "by_category": {
            f"{lab}/{cat}": f"{hits[(lab, cat)]}/{n}" for (lab, cat), n in sorted(totals.items())
        },
    }


def _normal(text: str) -> str:
    return " ".join("".join(c for c in text.casefold() if c.isalnum() or c.isspace()).split())


def equivalence_classes(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Prompts that mean the same: joined by paraphrase pairs, and prompts that differ only in
    casing, punctuation or spacing (which the set itself labels paraphrases)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in rows:
        for text in (row["a"], row["b"]):
            parent[find(text)] = find(_normal(text))
        if row["label"] == "same":
            parent[find(row["a"])] = find(row["b"])
    return {text: find(text) for text in list(parent)}


async def shared_partition(rows: list[dict[str, Any]], settings: CacheSettings) -> dict[str, Any]:
    """All ``a`` prompts in one partition, then every ``b`` looked up. A served answer is wrong
    when the stored prompt it belongs to does not mean the same as ``b``."""
    cache = new_cache(CacheSettings(**{**_fields(settings), "index_limit": 5000}))
    classes = equivalence_classes(rows)
    before = encoder_prompts()
    for row in rows:
        key = key_for_openai_chat("tenant", "ep@1", body(row["a"]))
        assert key
        await cache.store(key, answer(row["a"]), semantic=True)
        await cache.settled()
    at_store = encoder_prompts() - before
    wrong: list[tuple[str, str]] = []
    right = pos = 0
    before = encoder_prompts()
    for row in rows:
        key = key_for_openai_chat("tenant", "ep@1", body(row["b"]))
        assert key
        hit = await cache.lookup(key, semantic=True)
        served = hit.entry.text if hit else None
        if served is not None and classes[served] != classes[row["b"]]:
            wrong.append((row["b"], served))
        if row["label"] == "same":
            pos += 1
            right += served is not None and classes[served] == classes[row["b"]]
    return {
        "stored": len(rows),
        "lookups": len(rows),
        "wrong_answers_served": len(wrong),
        "wrong_examples": wrong[:10],
        "paraphrase_hits": right,
        "paraphrases": pos,
        "lookups_asking_the_encoder": cache.stats.confirmations,
        "encoder_prompts_at_lookup": encoder_prompts() - before,
        "encoder_prompts_at_store": at_store,
    }


def _fields(settings: CacheSettings) -> dict[str, Any]:
    return {name: getattr(settings, name) for name in settings.__dataclass_fields__}


async def latency(settings: CacheSettings, rows: list[dict[str, Any]]) -> dict[str, Any]:
    cache = new_cache(CacheSettings(**{**_fields(settings), "index_limit": 1000}))
    prompts = _unrelated_prompts(1000)  # in order: the same 200 lowercased below in every run
    for p in prompts:
        key = key_for_openai_chat("tenant", "ep@1", body(p))
        assert key
        await cache.store(key, answer(p), semantic=True)
        await cache.settled()
    queries = [r["b"] for r in rows] + [p.lower() for p in prompts[:200]]
    timings = []
    before = encoder_prompts()
    for q in queries:
        key = key_for_openai_chat("tenant", "ep@1", body(q))
        assert key
        cache._vectors.clear()  # time the embedding too
        cache._fine_vectors.clear()
        start = time.perf_counter()
        await cache.lookup(key, semantic=True)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "entries": 1000,
        "lookups": len(timings),
        "p50_ms": round(statistics.median(timings), 3),
        "p95_ms": round(timings[int(0.95 * len(timings)) - 1], 3),
        "max_ms": round(timings[-1], 3),
        "semantic_hits": cache.stats.semantic_hits,
        "lookups_asking_the_encoder": cache.stats.confirmations,
        "encoder_prompts_at_lookup": encoder_prompts() - before,
    }


async def isolation(rows: list[dict[str, Any]], settings: CacheSettings) -> dict[str, Any]:
    """Every ``a`` stored by user ``u1`` of tenant ``t1``; every ``a`` and ``b`` looked up by
    user ``u2`` of ``t1`` and by ``u1`` of tenant ``t2``. On a shared endpoint, the first-person
    prompts only, looked up by ``u2``. Any hit is a leak."""
    cache = new_cache(CacheSettings(**{**_fields(settings), "index_limit": 5000}))
    for row in rows:
        for shared in (False, True):
            key = key_for_openai_chat("t1", "ep@1", body(row["a"]), caller="u1", shared=shared)
            assert key
            await cache.store(key, answer(row["a"]), semantic=True)
    prompts = sorted({p for row in rows for p in (row["a"], row["b"])})
    cross_user = cross_tenant = first_person_leaks = personal = 0
    for prompt in prompts:
        for tenant, caller, counter in (("t1", "u2", "user"), ("t2", "u1", "tenant")):
            key = key_for_openai_chat(tenant, "ep@1", body(prompt), caller=caller)
            assert key
            if await cache.lookup(key, semantic=True) is not None:
                if counter == "user":
                    cross_user += 1
                else:
                    cross_tenant += 1
        if first_person(prompt):
            personal += 1
            key = key_for_openai_chat("t1", "ep@1", body(prompt), caller="u2", shared=True)
            assert key
            first_person_leaks += await cache.lookup(key, semantic=True) is not None
    return {
        "lookups_per_check": len(prompts),
        "cross_user_hits": cross_user,
        "cross_tenant_hits": cross_tenant,
        "first_person_prompts": personal,
        "first_person_hits_on_shared_endpoint": first_person_leaks,
    }


BASE_1KB = (
    "Our customer on the annual plan asked whether they can still get their money back "
    "after upgrading in the middle of the cycle, and what the policy says about prorated "
    "refunds for the months that remain. "
)
PROMPT_1KB = (BASE_1KB * 8)[:1024]


def embedding_cost(embedder: Embedder) -> dict[str, Any]:
    """Embedding one prompt of 1 KB (English prose, about 200 word pieces), one at a time."""
    stages: dict[str, Any] = {}
    if isinstance(embedder, TwoStageEmbedder):
        assert isinstance(embedder.coarse, StaticEmbedder)
        stages["static"] = embedder.coarse.vectors
        fine = embedder.fine
        assert isinstance(fine, Counting)
        stages["encoder"] = fine.inner.vectors
    elif isinstance(embedder, Counting):
        stages["encoder"] = embedder.inner.vectors  # in this thread: the model's cost
    elif isinstance(embedder, StaticEmbedder):
        stages["static"] = embedder.vectors
    else:
        assert isinstance(embedder, LexicalEmbedder)
        lexical = embedder

        def vectors(texts: list[str]) -> list[Any]:
            return [lexical.vector(t) for t in texts]

        stages["lexical"] = vectors

    result: dict[str, Any] = {}
    for stage, vectors in stages.items():
        for name, text in (("1kb", PROMPT_1KB), ("question", "How do I reset my password?")):
            for _ in range(10):
                vectors([text])
            timings = []
            for _ in range(200):
                start = time.perf_counter()
                vectors([text])
                timings.append((time.perf_counter() - start) * 1000)
            timings.sort()
            result[f"{stage}_{name}"] = {
                "chars": len(text),
                "p50_ms": round(statistics.median(timings), 3),
                "p95_ms": round(timings[int(0.95 * len(timings)) - 1], 3),
            }
    return result


def _unrelated_prompts(n: int) -> list[str]:
    """``n`` distinct prompts from the templates (seed 7), sorted."""
    rng = random.Random(7)
    prompts: set[str] = set()
    while len(prompts) < n:
        prompts.add(fill(rng.choice(PARAPHRASE_BASES), rng) + f" (case {rng.randint(1, 99)})")
    return sorted(prompts)


async def lookup_cost_1kb(settings: CacheSettings, runs: int = 40) -> dict[str, Any]:
    """Whole lookups of a 1 KB prompt (the query's vectors not memoised) in a partition that
    holds 1,000 short prompts and one 1 KB prompt: a lookup that finds no candidate, one whose
    candidate a guard refuses, and one whose candidate the encoder confirms, the stored
    prompt's vector made by that lookup ("first": ``fine_at_store`` off) or made after its
    store, in the background ("kept", the default). With the encoder alone every lookup embeds
    the query, and the store embeds the stored prompt."""
    unrelated = (
        "A maintenance window is planned for the database cluster next weekend; list which "
        "services depend on it, who owns each of them, and how their teams should be told. "
    )
    queries = {
        "no_candidate": (unrelated * 8)[:1024],
        "refused_by_a_guard": PROMPT_1KB.replace("can still get", "cannot get"),
        "confirmed": "Hello, quick question. " + PROMPT_1KB[: 1024 - 23],
    }

    async def filled(fine_at_store: bool = True) -> ResponseCache:
        changed = {"index_limit": 2000, "fine_at_store": fine_at_store}
        cache = new_cache(CacheSettings(**(_fields(settings) | changed)))
        for p in [*_unrelated_prompts(1000), PROMPT_1KB]:
            key = key_for_openai_chat("tenant", "ep@1", body(p))
            assert key
            await cache.store(key, answer(p), semantic=True)
            await cache.settled()
        return cache

    cache = await filled()
    stored = cache
    result: dict[str, Any] = {}
    for name, query in queries.items():
        key = key_for_openai_chat("tenant", "ep@1", body(query))
        assert key
        two_stage = isinstance(EMBEDDER, TwoStageEmbedder)
        kinds = ["first", "kept"] if name == "confirmed" and two_stage else [""]
        for kind in kinds:
            timings = []
            outcome: set[str] = set()
            embedded = 0
            for _ in range(runs):
                if kind == "first":
                    cache = await filled(False)  # the stored 1 KB prompt has no fine vector yet
                else:
                    cache = stored
                cache._vectors.clear()
                cache._fine_vectors.clear()
                before = (cache.stats.confirmations, cache.stats.guard_rejections)
                prompts = encoder_prompts()
                started = time.perf_counter()
                hit = await cache.lookup(key, semantic=True)
                timings.append((time.perf_counter() - started) * 1000)
                embedded = encoder_prompts() - prompts
                asked = cache.stats.confirmations > before[0]
                refused = cache.stats.guard_rejections > before[1]
                outcome.add(
                    f"{'hit' if hit else 'miss'}, encoder embedded {embedded}"
                    + (", asked" if asked else "")
                    + (", refused by a guard" if refused else "")
                )
            result[f"{name}_{kind}".rstrip("_")] = _ms(timings) | {
                "outcome": sorted(outcome),
                "encoder_prompts": embedded,
            }
    return result


def mixed_cost(report: dict[str, Any], two_stage: bool) -> dict[str, Any]:
    """The evaluation set's mix (per-pair lookups of every split run), priced as if every
    prompt were 1 KB: a lookup costs a 1 KB lookup without a candidate (less the encoder run
    in it, for the encoder alone), plus one encoder run (1 KB) per prompt the encoder embedded
    at lookup and, for the encoder alone, at store time. With the two stages, the stored
    prompts' vectors are made in the background after the store: counted apart, as CPU off
    the request path."""
    lookups = at_lookup = at_store = asked = 0
    for split in ("synthetic", "tune", "heldout"):
        if split in report:
            part = report[split]["per_pair"]
            lookups += part["lookups"]
            at_lookup += part["encoder_prompts_at_lookup"]
            at_store += part["encoder_prompts_at_store"]
            asked += part["lookups_asking_the_encoder"]
    miss = report["lookup_cost_1kb"]["no_candidate"]
    encoder = report["embedding"]["encoder_1kb"]["p50_ms"]
    base = miss["p50_ms"] - miss["encoder_prompts"] * encoder
    on_path = (at_lookup + (0 if two_stage else at_store)) / lookups
    background = at_store / lookups if two_stage else 0.0
    return {
        "lookups": lookups,
        "lookups_asking_the_encoder": asked,
        "encoder_prompts_per_lookup_and_store": round(on_path, 3),
        "estimated_ms_per_1kb_lookup_and_store": round(base + on_path * encoder, 2),
        "encoder_prompts_per_store_in_the_background": round(background, 3),
        "estimated_background_ms_per_1kb_store": round(background * encoder, 2),
    }


def rss(indexed: int = 2000) -> dict[str, Any]:
    """Resident memory of a fresh process (MiB, from /proc/self/status): after the imports,
    after loading each embedder, after embedding a 1 KB prompt, and after storing ``indexed``
    short prompts in one partition of an in-memory cache (their vectors indexed)."""
    script = """
import asyncio, json, sys
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
import numpy
from bastion.cache import (
    CachedResponse, OnnxEmbedder, ResponseCache, StaticEmbedder, default_embedder,
    key_for_openai_chat,
)
out = {"imports": rss()}
which, text = sys.argv[1], sys.argv[2]
prompts = json.load(sys.stdin)
if which == "static":
    e = StaticEmbedder()
elif which == "encoder":
    e = default_embedder(two_stage=False)
else:
    e = default_embedder()
out["loaded"] = rss()
for stage in (getattr(e, "coarse", e), getattr(e, "fine", e)):
    stage.vectors([text])
out["after_embedding_1kb"] = rss()
async def fill():
    cache = ResponseCache(embedder=e)
    cache.settings = type(cache.settings)(index_limit=len(prompts))
    for p in prompts:
        body = {"model": "m", "messages": [{"role": "user", "content": p}]}
        key = key_for_openai_chat("tenant", "ep@1", body)
        await cache.store(key, CachedResponse("openai_chat", "m", "x", "stop", 1, 1), semantic=True)
    return cache
kept = asyncio.run(fill())
out[f"after_indexing_{len(prompts)}"] = rss()
print(json.dumps(out))
"""
    prompts = json.dumps(_unrelated_prompts(indexed))
    result = {}
    for which in ("static", "encoder", "two-stage"):
        done = subprocess.run(
            [sys.executable, "-c", script, which, PROMPT_1KB],
            input=prompts,
            check=True,
            capture_output=True,
            text=True,
        )
        result[which] = {k: round(v, 1) for k, v in json.loads(done.stdout).items()}
    return result


async def tune(rows: list[dict[str, Any]], threshold: float) -> dict[str, Any]:
    """The candidate threshold, from the tuning split alone: the static similarity of each
    tuning pair the encoder alone serves (with the guards); the threshold proposed is at least
    0.03 below the lowest of them, on a 0.05 grid. For a few thresholds: the share of those
    pairs kept as candidates, and of unrelated pairs of the split (every ``a`` with every
    other pair's ``b``) made candidates."""
    global EMBEDDER  # noqa: PLW0603 - one embedder at a time
    tune_rows = [r for r in rows if r["split"] == "tune"]
    EMBEDDER = Counting(OnnxEmbedder())
    settings = CacheSettings(semantic_threshold=threshold, disabled_guards=relaxed_for("minilm"))
    served = []
    for row in tune_rows:
        cache = new_cache(settings)
        key_a = key_for_openai_chat("tenant", "ep@1", body(row["a"]))
        key_b = key_for_openai_chat("tenant", "ep@1", body(row["b"]))
        assert key_a
        assert key_b
        await cache.store(key_a, answer(row["a"]), semantic=True)
        if await cache.lookup(key_b, semantic=True) is not None:
            served.append(row)
    static = StaticEmbedder()

    def vector(text: str) -> np.ndarray:
        (v,) = static.vectors([text])
        return np.asarray(v, dtype=np.float32)

    scores = sorted(
        (float(vector(r["a"]) @ vector(r["b"])), r["a"], r["b"], r["label"]) for r in served
    )
    lowest = scores[0][0]
    proposed = math.floor(round((lowest - 0.03) / 0.05, 6)) * 0.05
    a = np.stack([vector(r["a"]) for r in tune_rows])
    b = np.stack([vector(r["b"]) for r in tune_rows])
    unrelated = (a @ b.T)[~np.eye(len(tune_rows), dtype=bool)]
    grid = {}
    for t in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
        kept = sum(score >= t for score, *_ in scores)
        grid[f"{t:.2f}"] = {
            "served_pairs_kept": f"{kept}/{len(scores)}",
            "unrelated_pairs_candidates": f"{100 * float((unrelated >= t).mean()):.2f}%",
        }
    return {
        "split": "tune",
        "served_by_the_encoder_alone": len(served),
        "lowest_static_similarity": [
            {"static": round(score, 3), "a": a_, "b": b_, "label": label}
            for score, a_, b_, label in scores[:5]
        ],
        "proposed_candidate_threshold": round(proposed, 2),
        "shipped_candidate_threshold": StaticEmbedder.candidate_threshold,
        "by_threshold": grid,
    }


def make_embedder(name: str, encoder: Counting | None) -> Embedder:
    if name == "lexical":
        return LexicalEmbedder()
    if name == "static":
        return StaticEmbedder()
    assert encoder is not None
    if name == "minilm-l6-v2":
        return encoder
    return TwoStageEmbedder(StaticEmbedder(), encoder)


async def evaluate(
    name: str, rows: list[dict[str, Any]], splits: list[str], args: argparse.Namespace
) -> dict[str, Any]:
    embedder = EMBEDDER
    threshold = args.threshold if args.threshold is not None else default_threshold(embedder)
    relaxed = relaxed_for(embedder.name)
    settings = CacheSettings(
        semantic_threshold=threshold,
        disabled_guards=relaxed,
        candidate_threshold=args.candidate_threshold,
    )
    report: dict[str, Any] = {
        "embedder": embedder.name,
        "threshold": threshold,
        "guards_off": sorted(relaxed),
    }
    if isinstance(embedder, TwoStageEmbedder):
        report["candidate_threshold"] = (
            args.candidate_threshold
            if args.candidate_threshold is not None
            else embedder.candidate_threshold
        )
    for split in splits:
        part = [r for r in rows if r["split"] == split]
        report[split] = {
            "per_pair": await per_pair(part, settings),
            "shared_partition": await shared_partition(part, settings),
        }
    real = [r for r in rows if r["split"] in splits and r["split"] != "synthetic"]
    ablations = {
        "with_content_guard": frozenset(),
        "without_relation_question_scope_antonym_qualifier": relaxed
        | {"relation", "question", "scope", "antonym", "qualifier"},
        "no_guards": frozenset(GUARD_NAMES),
    }
    report["ablations_hand_written"] = {}
    for ablation, disabled in ablations.items():
        ablated = CacheSettings(
            semantic_threshold=threshold,
            disabled_guards=disabled,
            candidate_threshold=args.candidate_threshold,
        )
        result = await per_pair(real, ablated)
        report["ablations_hand_written"][ablation] = {
            k: result[k] for k in ("false_hit_rate", "false_hits", "paraphrase_hit_rate")
        }
    report["isolation"] = await isolation([r for r in rows if r["split"] in splits], settings)
    report["embedding"] = embedding_cost(embedder)
    report["latency"] = await latency(settings, [r for r in rows if r["split"] in splits])
    if name not in ("lexical", "static"):
        report["lookup_cost_1kb"] = await lookup_cost_1kb(settings)
        report["mix_on_the_evaluation_set"] = mixed_cost(
            report, isinstance(embedder, TwoStageEmbedder)
        )
    return report


async def main() -> None:
    global EMBEDDER, ENCODER  # noqa: PLW0603 - one embedder for each run
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--embedder",
        action="append",
        choices=["two-stage", "minilm-l6-v2", "lexical", "static"],
    )
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--candidate-threshold", type=float)
    parser.add_argument("--splits", default="synthetic,tune,heldout")
    parser.add_argument("--tune", action="store_true")
    parser.add_argument("--rss", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows = [json.loads(line) for line in PAIRS.read_text().splitlines() if line.strip()]
    report: dict[str, Any]
    if args.tune:
        threshold = args.threshold if args.threshold is not None else OnnxEmbedder.threshold
        report = await tune(rows, threshold)
    else:
        splits = [s for s in args.splits.split(",") if s]
        names = args.embedder or ["two-stage", "minilm-l6-v2"]
        report = {}
        for name in names:
            ENCODER = Counting(OnnxEmbedder()) if name not in ("lexical", "static") else None
            EMBEDDER = make_embedder(name, ENCODER)
            report[name] = await evaluate(name, rows, splits, args)
        if args.rss:
            report["rss_mib"] = rss()
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    asyncio.run(main())
