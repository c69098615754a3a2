"""The response cache over the in-memory backend: partitions, tenants, guards, bounds, stats."""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

import pytest

from bastion.cache import (
    CachedResponse,
    CacheSettings,
    MemoryBackend,
    ResponseCache,
    key_for_anthropic_messages,
    key_for_openai_chat,
)
from bastion.cache.backends import IndexItem
from bastion.cache.core import _similar
from bastion.cache.embedder import cosine
from bastion.cache.keys import CacheKey


def chat(prompt: str, **params: Any) -> dict[str, Any]:
    history = params.pop("history", [])
    return {"model": "m", "messages": [*history, {"role": "user", "content": prompt}], **params}


def key(prompt: str, tenant: str = "acme", endpoint: str = "ep@1", **params: Any) -> CacheKey:
    found = key_for_openai_chat(tenant, endpoint, chat(prompt, **params))
    assert found is not None
    return found


def answer(text: str = "Vienna.") -> CachedResponse:
    return CachedResponse("openai_chat", "m", text, "stop", 12, 3)


async def test_exact_hit_then_miss_on_other_text() -> None:
    cache = ResponseCache()
    assert await cache.lookup(key("Capital of Austria?")) is None
    await cache.store(key("Capital of Austria?"), answer())
    hit = await cache.lookup(key("Capital of Austria?"))
    assert hit is not None
    assert hit.kind == "exact"
    assert hit.entry.text == "Vienna."
    assert await cache.lookup(key("capital of austria?")) is None  # exact means exact
    assert (cache.stats.exact_hits, cache.stats.misses) == (1, 2)


async def test_semantic_hit_for_a_paraphrase_only_when_asked() -> None:
    cache = ResponseCache()
    await cache.store(key("What is the capital of Austria?"), answer(), semantic=True)
    paraphrase = key("what's the capital of austria")
    assert await cache.lookup(paraphrase) is None
    hit = await cache.lookup(paraphrase, semantic=True)
    assert hit is not None
    assert hit.kind == "semantic"
    assert hit.matched_query == "What is the capital of Austria?"
    assert cache.stats.semantic_hits == 1


async def test_guard_rejects_a_lookalike_above_the_threshold() -> None:
    cache = ResponseCache()
    await cache.store(key("convert 5 km to miles"), answer("3.1 miles"), semantic=True)
    assert await cache.lookup(key("convert 5 miles to km"), semantic=True) is None
    assert cache.stats.guard_rejections == 1
    assert cache.stats.guard_rejections_by_guard == {"numbers": 1}
    assert cache.stats.misses == 1


async def test_pii_requests_are_neither_indexed_nor_matched_semantically() -> None:
    cache = ResponseCache()
    await cache.store(
        key("Email jane@example.com about the invoice"), answer(), semantic=True, has_pii=True
    )
    assert (
        await cache.lookup(key("email jane@example.com about the invoice"), semantic=True) is None
    )
    # the exact entry is still there
    assert await cache.lookup(key("Email jane@example.com about the invoice"), has_pii=True)
    await cache.store(key("What is the capital of Austria?"), answer(), semantic=True)
    paraphrase = key("what's the capital of austria")
    assert await cache.lookup(paraphrase, semantic=True, has_pii=True) is None
    assert await cache.lookup(paraphrase, semantic=True) is not None


@pytest.mark.parametrize(
    "variant",
    [
        {"tenant": "globex"},
        {"endpoint": "ep@2"},
        {"temperature": 0.7},
        {"top_p": 0.5},
        {"max_tokens": 10},
        {"seed": 3},
        {"stop": ["\n"]},
        {"response_format": {"type": "json_object"}},
        {"tools": [{"type": "function", "function": {"name": "f", "parameters": {}}}]},
        {"history": [{"role": "system", "content": "Answer in French."}]},
        {"history": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]},
    ],
)
async def test_partitions_never_share_entries(variant: dict[str, Any]) -> None:
    cache = ResponseCache()
    prompt = "What is the capital of Austria?"
    await cache.store(key(prompt), answer(), semantic=True)
    other = key(prompt, **variant)
    assert other.partition != key(prompt).partition
    assert await cache.lookup(other, semantic=True) is None
    assert (
        await cache.lookup(key("what's the capital of austria", **variant), semantic=True) is None
    )


async def test_two_tenants_with_identical_prompts_get_their_own_entries() -> None:
    backend = MemoryBackend()
    cache = ResponseCache(backend)
    await cache.store(key("Summarise our Q3 plan", tenant="acme"), answer("acme's plan"))
    await cache.store(key("Summarise our Q3 plan", tenant="globex"), answer("globex's plan"))
    acme = await cache.lookup(key("Summarise our Q3 plan", tenant="acme"))
    globex = await cache.lookup(key("Summarise our Q3 plan", tenant="globex"))
    assert acme is not None and acme.entry.text == "acme's plan"
    assert globex is not None and globex.entry.text == "globex's plan"
    assert len(backend) == 2
    assert await cache.lookup(key("Summarise our Q3 plan", tenant="initech"), semantic=True) is None


async def test_stream_flag_does_not_split_partitions() -> None:
    assert key("hi", stream=True).exact == key("hi").exact


def test_anthropic_keys_partition_on_system_and_not_on_openai() -> None:
    body = {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}
    a = key_for_anthropic_messages("acme", "ep@1", body)
    b = key_for_anthropic_messages("acme", "ep@1", {**body, "system": "Be terse."})
    c = key_for_openai_chat("acme", "ep@1", body)
    assert a and b and c
    assert len({a.partition, b.partition, c.partition}) == 3


def test_uncacheable_requests_have_no_key() -> None:
    assert key_for_openai_chat("t", "e", {"messages": []}) is None
    assert key_for_openai_chat("t", "e", chat("hi", n=2)) is None
    assistant_last = {"messages": [{"role": "assistant", "content": "x"}]}
    assert key_for_openai_chat("t", "e", assistant_last) is None
    image = {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}]}
    found = key_for_openai_chat("t", "e", image)
    assert found is not None and found.query is None  # exact only


async def test_ttl_expires_entries_and_indexes() -> None:
    now = [0.0]
    cache = ResponseCache(MemoryBackend(clock=lambda: now[0]), settings=CacheSettings(ttl_s=10))
    await cache.store(key("What is the capital of Austria?"), answer(), semantic=True)
    now[0] = 9.0
    assert await cache.lookup(key("What is the capital of Austria?")) is not None
    now[0] = 10.5
    assert await cache.lookup(key("What is the capital of Austria?")) is None
    assert await cache.lookup(key("what's the capital of austria"), semantic=True) is None


async def test_memory_bounds_evict_least_recently_used() -> None:
    backend = MemoryBackend(max_entries=2)
    cache = ResponseCache(backend)
    for prompt in ("one", "two"):
        await cache.store(key(prompt), answer(prompt))
    assert await cache.lookup(key("one"))  # "two" is now the least recently used
    await cache.store(key("three"), answer("three"))
    assert await cache.lookup(key("two")) is None
    assert await cache.lookup(key("one")) is not None
    size = len(answer("x" * 1000).to_bytes()) + 200
    small = MemoryBackend(max_bytes=2 * size)
    cache = ResponseCache(small)
    for i in range(5):
        await cache.store(key(f"prompt {i}"), answer("x" * 1000))
    assert small.bytes <= 2 * size
    assert len(small) == 2


async def test_large_answers_are_skipped() -> None:
    cache = ResponseCache(settings=CacheSettings(max_entry_bytes=100))
    assert not await cache.store(key("q"), answer("x" * 200))
    assert cache.stats.store_skips == 1


async def test_semantic_index_is_bounded_per_partition() -> None:
    cache = ResponseCache(settings=CacheSettings(index_limit=3))
    for city in ("Paris", "Rome", "Oslo", "Lisbon"):
        await cache.store(key(f"What is the population of {city}?"), answer(city), semantic=True)
    items = await cache.backend.index_items(cache._index_key(key("x")))
    assert [i.text for i in items] == [
        f"What is the population of {c}?" for c in ("Rome", "Oslo", "Lisbon")
    ]


async def test_an_entry_from_another_partition_is_never_served() -> None:
    backend = MemoryBackend()
    cache = ResponseCache(backend)
    stolen = key("q", tenant="globex")
    await cache.store(stolen, answer("secret"))
    # Even if a key collided, the partition stored with the entry must match.
    data = await backend.get(cache._entry_key(stolen))
    assert data is not None
    mine = key("q")
    await backend.set(cache._entry_key(mine), data, 60)
    assert await cache.lookup(mine) is None


class FailingEmbedder:
    name = "failing"

    async def embed(self, texts: Any) -> Any:
        raise OSError("down")


async def test_embedder_failure_is_a_miss_not_an_error() -> None:
    cache = ResponseCache(embedder=FailingEmbedder())
    assert not await cache.store(key("hello there"), answer(), semantic=True)
    assert await cache.lookup(key("hello there"), semantic=True) is not None  # exact was stored
    assert await cache.lookup(key("hello there!"), semantic=True) is None
    assert cache.stats.errors == 1  # the failed index add; no index means no embed on lookup


class FlakyBackend(MemoryBackend):
    """Hangs (``hang``) or fails (``fail``) on every operation while told to; counts calls."""

    def __init__(self) -> None:
        super().__init__()
        self.mode = "ok"
        self.calls = 0

    async def _trouble(self) -> None:
        self.calls += 1
        if self.mode == "hang":
            await asyncio.sleep(3600)
        if self.mode == "fail":
            raise ConnectionError("connection refused")

    async def get(self, key: str) -> bytes | None:
        await self._trouble()
        return await super().get(key)

    async def set(self, key: str, value: bytes, ttl_s: float) -> None:
        await self._trouble()
        await super().set(key, value, ttl_s)


@pytest.mark.parametrize("mode", ["hang", "fail"])
async def test_a_failing_backend_is_left_alone_for_the_retry_period(mode: str) -> None:
    backend = FlakyBackend()
    settings = CacheSettings(backend_timeout_s=0.05, backend_retry_s=0.3)
    cache = ResponseCache(backend, settings=settings)
    assert await cache.store(key("hello"), answer())
    backend.mode = mode
    started = time.perf_counter()
    assert await cache.lookup(key("hello")) is None
    assert time.perf_counter() - started < 1.0
    assert cache.stats.errors == 1 and not cache.backend_available
    calls = backend.calls
    assert await cache.lookup(key("hello")) is None
    assert not await cache.store(key("other"), answer())
    assert backend.calls == calls, "the backend is not called during the retry period"
    assert cache.stats.skipped == 2
    backend.mode = "ok"
    await asyncio.sleep(0.35)
    assert cache.backend_available
    hit = await cache.lookup(key("hello"))
    assert hit is not None and hit.entry.text == "Vienna."


def _random_unit_vector(rng: random.Random) -> dict[int, float]:
    weights = {rng.randrange(24): rng.random() ** 3 for _ in range(rng.randint(1, 12))}
    norm = sum(w * w for w in weights.values()) ** 0.5
    return {k: w / norm for k, w in weights.items()}


def test_semantic_candidates_are_exactly_those_a_full_comparison_finds() -> None:
    """Skipping items that share none of the query's heaviest features never drops a match."""
    rng = random.Random(20261202)
    vectors = [_random_unit_vector(rng) for _ in range(600)]
    items = [IndexItem(str(i), "", vector) for i, vector in enumerate(vectors)]
    matches = 0
    for query in vectors[:150]:
        for threshold in (0.3, 0.6, 0.8, 0.95):
            scores = {item.member: cosine(query, item.vector) for item in items}
            found = {item.member for _, item in _similar(query, items, threshold)}
            expected = {m for m, score in scores.items() if score >= threshold + 1e-12}
            assert expected <= found, (threshold, expected - found)
            assert all(abs(scores[m] - threshold) < 1e-9 for m in found - expected)
            matches += len(expected)
    assert matches > 1000  # real matches were compared, not empty sets


def test_a_changed_index_is_restacked_from_the_rows_it_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Items added at one end and dropped at the other (memory and Redis backends), or changed
    otherwise: the matrix always holds exactly the index's items, in order."""
    import numpy as np

    from bastion.cache import core

    reused = 0
    restacked = core._restacked

    def counting(*args: Any) -> Any:
        nonlocal reused
        reused += 1
        return restacked(*args)

    monkeypatch.setattr(core, "_restacked", counting)

    rng = random.Random(3)

    def item(n: int) -> IndexItem:
        return IndexItem(f"m{n}", f"text {n}", [rng.random() for _ in range(8)])

    stacked = core._Stacked(min_items=4)
    items = [item(n) for n in range(100)]
    made = 100
    assert stacked.get("index", list(items), items[0].vector) is not None  # stacks them all
    for step in range(60):
        change = step % 4
        if change == 0:  # the memory backend: added at the end, the oldest dropped
            items = [*items[2:], item(made), item(made + 1)]
        elif change == 1:  # Redis: added at the front, the oldest dropped from the end
            items = [item(made), item(made + 1), item(made + 2), *items[:-3]]
        elif change == 2:  # an item stored again moves to the end
            items = items[:10] + items[11:] + [items[10]]
        made += 3
        found = stacked.get("index", list(items), items[0].vector)
        assert found is not None
        same, matrix = found
        assert all(a is b for a, b in zip(same, items, strict=True))
        assert np.array_equal(matrix, np.stack([i.dense for i in items]))
    assert reused == 30  # the items added at either end; a move in the middle restacks all
