"""How often the semantic cache's encoder runs on a stream of distinct prompts, and what a
lookup costs on average there.

The evaluation set (``semantic_eval.py``) holds only rewordings and look-alikes, so nearly
every lookup there has a candidate for the encoder to confirm. Traffic is mostly prompts with
nothing similar stored. This sends a stream of distinct prompts written for the project's other
evaluation sets (requests, documents to process, clinical notes, records, CSV and JSON
exports, in seven languages and more; exact repeats removed), in a fixed shuffled order, through
one partition of the cache with the shipped two-stage embedder: each prompt is looked up, then
stored with its own answer, as a gateway does on a miss. Reported: how many lookups found a
candidate that a guard refused, how many asked the encoder, how many were served (each served
prompt is printed with the prompt whose answer it got, to judge by eye), and the CPU time of a
lookup and of a store (process time, one core: the encoder's thread included).

    taskset -c 1 .venv/bin/python benchmarks/cache/traffic_mix.py [--prompts 3000] [--seed 7]
        [--min-bytes 8] [--max-bytes 8000] [--fill 0]

``--min-bytes 700 --max-bytes 1400 --fill 1000`` measures prompts of about 1 KB looked up in
a partition already full of other traffic.

(Prompts longer than 2,000 characters are left out: the cache looks those up exactly only.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import statistics
import time
from pathlib import Path
from typing import Any

from bastion.cache import (
    CachedResponse,
    CacheSettings,
    CacheStats,
    OnnxEmbedder,
    ResponseCache,
    StaticEmbedder,
    TwoStageEmbedder,
    key_for_openai_chat,
)

GUARDRAILS = Path(__file__).resolve().parents[1] / "guardrails"
SOURCES = (
    "injection_val.jsonl",
    "injection_test.jsonl",
    "injection_docs_holdout.jsonl",
    "health_dev.jsonl",
    "health_dev2.jsonl",
    "pii_real_dev.jsonl",
    "pii_real_dev2.jsonl",
)


def prompts(seed: int) -> list[str]:
    """Distinct prompts of the sources (benign ones only where a set labels attacks), in a
    fixed shuffled order."""
    seen: dict[str, None] = {}
    for name in SOURCES:
        for line in (GUARDRAILS / name).read_text().splitlines():
            row = json.loads(line)
            if row.get("label") == 1:
                continue
            text = row.get("text", "").strip()
            if 8 <= len(text) <= 2000:
                seen.setdefault(text, None)
    texts = list(seen)
    random.Random(seed).shuffle(texts)
    return texts


def body(prompt: str) -> dict[str, Any]:
    return {"model": "m", "temperature": 0, "messages": [{"role": "user", "content": prompt}]}


def percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return (
        f"mean {statistics.fmean(ordered):.3f}, p50 {statistics.median(ordered):.3f}, "
        f"p95 {p95:.3f}, max {ordered[-1]:.3f} ms"
    )


async def main(args: argparse.Namespace) -> None:
    pool = prompts(args.seed)
    texts = [t for t in pool if args.min_bytes <= len(t.encode()) <= args.max_bytes]
    texts = texts[: args.prompts]
    measured = set(texts)
    fill = [t for t in pool if t not in measured][: args.fill]
    embedder = TwoStageEmbedder(StaticEmbedder(), OnnxEmbedder())
    cache = ResponseCache(embedder=embedder, settings=CacheSettings())
    await embedder.embed(["warm-up"])  # loads the encoder before anything is timed
    for index, text in enumerate(fill):  # other traffic before, not measured
        key = key_for_openai_chat("tenant", "ep@1", body(text))
        assert key is not None
        if await cache.lookup(key, semantic=True) is None:
            entry = CachedResponse("openai_chat", "m", f"fill {index}", "stop", 10, 5)
            await cache.store(key, entry, semantic=True)
    cache.stats = CacheStats()
    lookups: list[float] = []
    stores: list[float] = []
    served: list[tuple[str, str, float]] = []
    stored_by_answer: dict[str, str] = {}
    sizes = [len(text.encode()) for text in texts]
    for index, text in enumerate(texts):
        key = key_for_openai_chat("tenant", "ep@1", body(text))
        assert key is not None
        started = time.process_time()
        hit = await cache.lookup(key, semantic=True)
        lookups.append((time.process_time() - started) * 1000)
        if hit is not None:
            served.append((text, stored_by_answer[hit.entry.text], hit.similarity))
            continue
        answer = f"answer {index}"
        stored_by_answer[answer] = text
        started = time.process_time()
        await cache.store(
            key, CachedResponse("openai_chat", "m", answer, "stop", 10, 5), semantic=True
        )
        stores.append((time.process_time() - started) * 1000)
    await cache.settled()
    stats = cache.stats
    limit = cache.settings.index_limit
    print(f"{len(fill)} other prompts stored first; {len(texts)} distinct prompts measured, "
          f"median {statistics.median(sizes)} bytes, mean {statistics.fmean(sizes):.0f}; "
          f"index limit {limit}")  # fmt: skip
    print(f"lookups with a candidate a guard refused: {stats.guard_rejections}")
    asked = stats.confirmations
    print(f"lookups that asked the encoder: {asked} ({asked / len(texts):.2%}); "
          f"prompts it embedded: {stats.fine_embeddings}")  # fmt: skip
    print(f"served without it, the same input to it: {stats.same_for_encoder}")
    print(f"served from the cache: {len(served)}")
    print(f"lookup CPU: {percentiles(lookups)}")
    print(f"store CPU: {percentiles(stores)}")
    print(f"lookup and store CPU per prompt: {(sum(lookups) + sum(stores)) / len(texts):.3f} ms")
    for text, stored, similarity in served:
        print(
            f"\n--- served ({similarity:.3f})\n  asked:  {text[:160]!r}\n  stored: {stored[:160]!r}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prompts", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-bytes", type=int, default=8)
    parser.add_argument("--max-bytes", type=int, default=8000)
    parser.add_argument("--fill", type=int, default=0, help="other prompts stored first")
    asyncio.run(main(parser.parse_args()))
