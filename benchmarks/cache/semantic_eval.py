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

    python benchmarks/cache/semantic_eval.py [--embedder minilm-l6-v2|lexical]
        [--threshold 0.82] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bastion.cache import (
    CachedResponse,
    CacheSettings,
    Embedder,
    LexicalEmbedder,
    OnnxEmbedder,
    ResponseCache,
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


EMBEDDER: Embedder = LexicalEmbedder()


def new_cache(settings: CacheSettings) -> ResponseCache:
    return ResponseCache(embedder=EMBEDDER, settings=settings)


async def per_pair(rows: list[dict[str, Any]], settings: CacheSettings) -> dict[str, Any]:
    hits: Counter[tuple[str, str]] = Counter()
    totals: Counter[tuple[str, str]] = Counter()
    rejections: Counter[str] = Counter()
    false_hits = []
    for row in rows:
        cache = new_cache(settings)
        key_a = key_for_openai_chat("tenant", "ep@1", body(row["a"]))
        key_b = key_for_openai_chat("tenant", "ep@1", body(row["b"]))
        assert key_a
        assert key_b
        await cache.store(key_a, answer(row["a"]), semantic=True)
        hit = await cache.lookup(key_b, semantic=True)
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
    for row in rows:
        key = key_for_openai_chat("tenant", "ep@1", body(row["a"]))
        assert key
        await cache.store(key, answer(row["a"]), semantic=True)
    wrong: list[tuple[str, str]] = []
    right = pos = 0
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
    }


def _fields(settings: CacheSettings) -> dict[str, Any]:
    return {name: getattr(settings, name) for name in settings.__dataclass_fields__}


async def latency(settings: CacheSettings, rows: list[dict[str, Any]]) -> dict[str, Any]:
    rng = random.Random(7)
    cache = new_cache(CacheSettings(**{**_fields(settings), "index_limit": 1000}))
    prompts: set[str] = set()
    while len(prompts) < 1000:
        prompts.add(fill(rng.choice(PARAPHRASE_BASES), rng) + f" (case {rng.randint(1, 99)})")
    for p in prompts:
        key = key_for_openai_chat("tenant", "ep@1", body(p))
        assert key
        await cache.store(key, answer(p), semantic=True)
    queries = [r["b"] for r in rows] + [p.lower() for p in list(prompts)[:200]]
    timings = []
    for q in queries:
        key = key_for_openai_chat("tenant", "ep@1", body(q))
        assert key
        cache._vectors.clear()  # time the embedding too
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


def embedding_cost() -> dict[str, Any]:
    """Embedding one prompt of 1 KB (English prose, about 200 word pieces), one at a time."""
    base = (
        "Our customer on the annual plan asked whether they can still get their money back "
        "after upgrading in the middle of the cycle, and what the policy says about prorated "
        "refunds for the months that remain. "
    )
    prompt = (base * 8)[:1024]
    embedder = EMBEDDER
    if isinstance(embedder, OnnxEmbedder):
        vectors = embedder.vectors  # in this thread: the model's cost, not the hand-off's
    else:
        assert isinstance(embedder, LexicalEmbedder)
        lexical = embedder

        def vectors(texts: list[str]) -> list[Any]:
            return [lexical.vector(t) for t in texts]

    result: dict[str, Any] = {}
    for name, text in (("1kb", prompt), ("question", "How do I reset my password?")):
        for _ in range(10):
            vectors([text])
        timings = []
        for _ in range(200):
            start = time.perf_counter()
            vectors([text])
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        result[name] = {
            "chars": len(text),
            "p50_ms": round(statistics.median(timings), 3),
            "p95_ms": round(timings[int(0.95 * len(timings)) - 1], 3),
        }
    return result


async def main() -> None:
    global EMBEDDER  # noqa: PLW0603 - one embedder for the whole run
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedder", choices=["minilm-l6-v2", "lexical"], default="minilm-l6-v2")
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    EMBEDDER = OnnxEmbedder() if args.embedder == "minilm-l6-v2" else LexicalEmbedder()
    threshold = args.threshold if args.threshold is not None else default_threshold(EMBEDDER)
    relaxed = relaxed_for(EMBEDDER.name)
    rows = [json.loads(line) for line in PAIRS.read_text().splitlines() if line.strip()]
    settings = CacheSettings(semantic_threshold=threshold, disabled_guards=relaxed)
    report: dict[str, Any] = {
        "embedder": EMBEDDER.name,
        "threshold": threshold,
        "guards_off": sorted(relaxed),
    }
    for split in ("synthetic", "tune", "heldout"):
        part = [r for r in rows if r["split"] == split]
        report[split] = {
            "per_pair": await per_pair(part, settings),
            "shared_partition": await shared_partition(part, settings),
        }
    real = [r for r in rows if r["split"] != "synthetic"]
    ablations = {
        "with_content_guard": frozenset(),
        "without_relation_question_scope_antonym_qualifier": relaxed
        | {"relation", "question", "scope", "antonym", "qualifier"},
        "no_guards": frozenset(GUARD_NAMES),
    }
    report["ablations_hand_written"] = {}
    for name, disabled in ablations.items():
        ablated = CacheSettings(semantic_threshold=threshold, disabled_guards=disabled)
        result = await per_pair(real, ablated)
        report["ablations_hand_written"][name] = {
            k: result[k] for k in ("false_hit_rate", "false_hits", "paraphrase_hit_rate")
        }
    report["isolation"] = await isolation(rows, settings)
    report["embedding"] = embedding_cost()
    report["latency"] = await latency(settings, rows)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    asyncio.run(main())
