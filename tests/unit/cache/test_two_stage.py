"""Coarse to fine: the static table finds candidates, the sentence encoder only confirms them.

The lookup logic runs with stand-in embedders whose vectors are chosen by the test (a coarse
one, and a fine one that records every prompt it is asked to embed), over the in-memory
backend and over Redis. The shipped static table is tested on its own.
"""

from __future__ import annotations

import math
import shutil
import socket
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import redis

from bastion.cache import (
    CachedResponse,
    CacheSettings,
    MemoryBackend,
    RedisBackend,
    ResponseCache,
    StaticEmbedder,
    TwoStageEmbedder,
    Vector,
    key_for_openai_chat,
)
from bastion.cache.backends import CacheBackend, IndexItem
from bastion.cache.embedder import MODEL_DIR, STATIC_TABLE, encode_vector
from bastion.cache.keys import CacheKey


def at(degrees: float) -> Vector:
    """A unit vector in the plane: cos(a - b) is the similarity of two of them."""
    return (math.cos(math.radians(degrees)), math.sin(math.radians(degrees)))


class Chosen:
    """An embedder whose vectors the test chooses; it records every prompt it embeds."""

    def __init__(self, name: str, vectors: dict[str, Vector]) -> None:
        self.name = name
        self.vectors = vectors
        self.calls: list[list[str]] = []

    async def embed(self, texts: Sequence[str]) -> list[Vector]:
        self.calls.append(list(texts))
        return [self.vectors[t] for t in texts]


# Coarse angles: within 60 degrees is a candidate (cos 60 = 0.5). Fine angles: within about 25
# degrees is served (cos 25 = 0.906).
COARSE = {
    "How do I reset my password?": at(0),
    "I forgot my password, how can I reset it?": at(20),
    "password reset steps please": at(30),
    "What makes a password strong?": at(25),
    "Where is the password reset page?": at(22),
    "convert 5 km to miles": at(90),
    "convert 6 km to miles": at(95),
    "Write a haiku about the sea.": at(180),
}
FINE = {
    "How do I reset my password?": at(0),
    "I forgot my password, how can I reset it?": at(10),
    "password reset steps please": at(15),
    "What makes a password strong?": at(60),  # the encoder tells it apart
    "Where is the password reset page?": at(35),
    "convert 5 km to miles": at(90),
    "convert 6 km to miles": at(90),  # a lookalike only the guards refuse
    "Write a haiku about the sea.": at(180),
}


def key(prompt: str, tenant: str = "acme", caller: str | None = None) -> CacheKey:
    body = {"model": "m", "messages": [{"role": "user", "content": prompt}]}
    found = key_for_openai_chat(tenant, "ep@1", body, caller=caller)
    assert found is not None
    return found


def answer(text: str) -> CachedResponse:
    return CachedResponse("openai_chat", "m", text, "stop", 1, 1)


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[CacheBackend]:
    if request.param == "memory":
        yield MemoryBackend()
        return
    prefix = request.getfixturevalue("prefix")
    made = RedisBackend(_redis_url(), prefix=prefix)
    yield made
    await made.close()


def _redis_url() -> str:
    from tests.conftest_redis import URL

    return URL


class Setup:
    """A cache over the stand-in embedders. A stored prompt's fine vector is made by the first
    lookup it is a candidate for (``fine_at_store`` off) unless a test asks otherwise."""

    def __init__(self, backend: CacheBackend, **settings: Any) -> None:
        self.coarse = Chosen("coarse-test", COARSE)
        self.fine = Chosen("fine-test", FINE)
        self.embedder = TwoStageEmbedder(self.coarse, self.fine, candidate_threshold=0.5)
        defaults = {
            "semantic_threshold": 0.9,
            "disabled_guards": frozenset({"content"}),
            "fine_at_store": False,
        }
        self.cache = ResponseCache(
            backend, embedder=self.embedder, settings=CacheSettings(**(defaults | settings))
        )

    def fine_prompts(self) -> list[str]:
        return [t for call in self.fine.calls for t in call]


async def test_a_store_never_runs_the_encoder(backend: CacheBackend) -> None:
    s = Setup(backend)
    for prompt in COARSE:
        assert await s.cache.store(key(prompt), answer(prompt), semantic=True)
    assert s.fine.calls == []
    assert s.cache.stats.fine_embeddings == 0
    assert len(s.coarse.calls) == len(COARSE)


async def test_a_store_returns_before_the_encoder_and_its_vector_is_made_after(
    backend: CacheBackend,
) -> None:
    s = Setup(backend, fine_at_store=True)
    stored = "How do I reset my password?"
    assert await s.cache.store(key(stored), answer("reset"), semantic=True)
    assert s.fine.calls == []  # not on the store's path
    await s.cache.settled()
    assert s.fine_prompts() == [stored]
    assert s.cache.stats.fine_embeddings_at_store == 1
    index = s.cache._index_key(key(stored))
    (kept,) = await backend.index_fine(index, [s.cache._entry_key(key(stored))])
    assert kept == encode_vector(FINE[stored])
    # The first lookup it is a candidate for embeds the query only.
    query = "I forgot my password, how can I reset it?"
    hit = await s.cache.lookup(key(query), semantic=True)
    assert hit is not None and hit.entry.text == "reset"
    assert s.fine_prompts() == [stored, query]
    assert s.cache.stats.fine_embeddings == 2


async def test_a_lookup_waits_for_a_vector_still_being_made(backend: CacheBackend) -> None:
    s = Setup(backend, fine_at_store=True)
    stored = "How do I reset my password?"
    await s.cache.store(key(stored), answer("reset"), semantic=True)
    query = "password reset steps please"
    hit = await s.cache.lookup(key(query), semantic=True)  # before the background ran
    assert hit is not None and hit.entry.text == "reset"
    assert sorted(s.fine_prompts()) == sorted([stored, query])  # each embedded once
    await s.cache.settled()
    assert len(s.fine_prompts()) == 2


async def test_a_store_after_its_lookup_makes_nothing_in_the_background(
    backend: CacheBackend,
) -> None:
    s = Setup(backend, fine_at_store=True)
    await s.cache.store(key("How do I reset my password?"), answer("reset"), semantic=True)
    asked = "What makes a password strong?"
    assert await s.cache.lookup(key(asked), semantic=True) is None  # the encoder said no
    await s.cache.store(key(asked), answer("change"), semantic=True)
    await s.cache.settled()
    assert sorted(s.fine_prompts()) == sorted(["How do I reset my password?", asked])


async def test_a_failure_in_the_background_is_counted_and_the_lookup_makes_it() -> None:
    class FailingOnce(Chosen):
        async def embed(self, texts: Sequence[str]) -> list[Vector]:
            if not self.calls:
                self.calls.append([])
                raise OSError("busy")
            return await super().embed(texts)

    fine = FailingOnce("fine-test", FINE)
    embedder = TwoStageEmbedder(Chosen("coarse-test", COARSE), fine, candidate_threshold=0.5)
    settings = CacheSettings(
        semantic_threshold=0.9, disabled_guards=frozenset({"content"}), fine_at_store=True
    )
    cache = ResponseCache(embedder=embedder, settings=settings)
    await cache.store(key("How do I reset my password?"), answer("reset"), semantic=True)
    await cache.settled()
    assert cache.stats.errors == 1 and cache.stats.fine_embeddings_at_store == 0
    assert await cache.lookup(key("password reset steps please"), semantic=True) is not None


async def test_below_the_candidate_threshold_a_lookup_misses_without_the_encoder(
    backend: CacheBackend,
) -> None:
    s = Setup(backend)
    await s.cache.store(key("How do I reset my password?"), answer("reset"), semantic=True)
    assert await s.cache.lookup(key("Write a haiku about the sea."), semantic=True) is None
    assert await s.cache.lookup(key("convert 5 km to miles"), semantic=True) is None
    assert s.fine.calls == []
    assert s.cache.stats.confirmations == 0
    assert s.cache.stats.misses == 2


async def test_a_candidate_asks_the_encoder_once_and_its_vector_is_kept(
    backend: CacheBackend,
) -> None:
    s = Setup(backend)
    stored = "How do I reset my password?"
    await s.cache.store(key(stored), answer("reset"), semantic=True)
    first = await s.cache.lookup(key("I forgot my password, how can I reset it?"), semantic=True)
    assert first is not None and first.kind == "semantic" and first.entry.text == "reset"
    assert first.similarity == pytest.approx(math.cos(math.radians(10)))  # the fine score
    assert s.fine_prompts() == ["I forgot my password, how can I reset it?", stored]
    # Another rewording: only the new query is embedded, the stored prompt's vector is kept.
    second = await s.cache.lookup(key("password reset steps please"), semantic=True)
    assert second is not None
    assert s.fine_prompts()[2:] == ["password reset steps please"]
    # The same query again: nothing is embedded at all.
    assert await s.cache.lookup(key("password reset steps please"), semantic=True) is not None
    assert len(s.fine_prompts()) == 3
    assert s.cache.stats.confirmations == 3
    assert s.cache.stats.fine_embeddings == 3
    index = s.cache._index_key(key(stored))
    (kept,) = await backend.index_fine(index, [s.cache._entry_key(key(stored))])
    assert kept == encode_vector(FINE[stored])


async def test_the_encoder_decides_between_candidates(backend: CacheBackend) -> None:
    s = Setup(backend)
    await s.cache.store(key("How do I reset my password?"), answer("reset"), semantic=True)
    # A candidate for the static table (25 degrees), 60 degrees apart for the encoder.
    assert await s.cache.lookup(key("What makes a password strong?"), semantic=True) is None
    assert s.cache.stats.confirmations == 1
    assert s.cache.stats.guard_rejections == 0
    # Of two candidates, the one the encoder scores higher is served (the static table
    # ranks the other first).
    await s.cache.store(key("Where is the password reset page?"), answer("page"), semantic=True)
    hit = await s.cache.lookup(key("I forgot my password, how can I reset it?"), semantic=True)
    assert hit is not None and hit.entry.text == "reset"


async def test_a_candidate_the_guards_refuse_never_reaches_the_encoder(
    backend: CacheBackend,
) -> None:
    s = Setup(backend)
    await s.cache.store(key("convert 5 km to miles"), answer("3.1"), semantic=True)
    assert await s.cache.lookup(key("convert 6 km to miles"), semantic=True) is None
    assert s.fine.calls == []
    assert s.cache.stats.guard_rejections == 1
    assert s.cache.stats.guard_rejections_by_guard == {"numbers": 1}


async def test_a_store_keeps_the_vector_its_lookup_made(backend: CacheBackend) -> None:
    s = Setup(backend)
    await s.cache.store(key("How do I reset my password?"), answer("reset"), semantic=True)
    asked = "What makes a password strong?"
    assert await s.cache.lookup(key(asked), semantic=True) is None  # the encoder said no
    assert s.fine_prompts() == [asked, "How do I reset my password?"]
    await s.cache.store(key(asked), answer("change"), semantic=True)
    assert len(s.fine_prompts()) == 2  # stored with the vector already made, none made now
    index = s.cache._index_key(key(asked))
    (kept,) = await backend.index_fine(index, [s.cache._entry_key(key(asked))])
    assert kept == encode_vector(FINE[asked])


async def test_kept_vectors_are_dropped_with_their_items(backend: CacheBackend) -> None:
    s = Setup(backend, index_limit=2)
    stored = "How do I reset my password?"
    await s.cache.store(key(stored), answer("reset"), semantic=True)
    assert await s.cache.lookup(key("password reset steps please"), semantic=True) is not None
    index = s.cache._index_key(key(stored))
    member = s.cache._entry_key(key(stored))
    assert await backend.index_fine(index, [member]) != [None]
    for prompt in ("Write a haiku about the sea.", "convert 5 km to miles"):
        await s.cache.store(key(prompt), answer(prompt), semantic=True)
    assert [i.member for i in await backend.index_items(index)] != [member]
    if isinstance(backend, RedisBackend):
        client = redis.Redis.from_url(_redis_url())
        fine_key = f"{backend.prefix}{index}:f"
        assert not client.hexists(fine_key, member)
        assert client.pttl(fine_key) in (-2, *range(1, 3_600_001))  # gone, or expiring
    else:
        assert await backend.index_fine(index, [member]) == [None]
    # A vector for an item no longer in the index is not kept.
    await backend.index_set_fine(index, member, encode_vector(at(0)))
    if isinstance(backend, RedisBackend):
        assert not redis.Redis.from_url(_redis_url()).hexists(f"{backend.prefix}{index}:f", member)
    else:
        assert await backend.index_fine(index, [member]) == [None]


async def test_other_users_and_tenants_never_get_a_candidate(backend: CacheBackend) -> None:
    s = Setup(backend)
    prompt = "How do I reset my password?"
    await s.cache.store(key(prompt, caller="u1"), answer("u1's"), semantic=True)
    for other in (key(prompt, caller="u2"), key(prompt, tenant="globex", caller="u1")):
        assert await s.cache.lookup(other, semantic=True) is None
    reworded = "I forgot my password, how can I reset it?"
    for other in (key(reworded, caller="u2"), key(reworded, tenant="globex", caller="u1")):
        assert await s.cache.lookup(other, semantic=True) is None
    assert s.fine.calls == []
    mine = await s.cache.lookup(key(reworded, caller="u1"), semantic=True)
    assert mine is not None and mine.entry.text == "u1's"


async def test_vectors_of_other_embedders_are_never_compared(backend: CacheBackend) -> None:
    s = Setup(backend)
    stored = "How do I reset my password?"
    await s.cache.store(key(stored), answer("reset"), semantic=True)
    settings = CacheSettings(semantic_threshold=0.5, disabled_guards=frozenset({"content"}))
    for alone in (Chosen("fine-test", FINE), Chosen("coarse-test", COARSE)):
        other = ResponseCache(backend, embedder=alone, settings=settings)
        assert other._index_key(key(stored)) != s.cache._index_key(key(stored))
        assert await other.lookup(key("password reset steps please"), semantic=True) is None


@pytest.mark.redis
async def test_a_vector_one_process_made_serves_the_others(prefix: str) -> None:
    stored = "How do I reset my password?"
    backends = [RedisBackend(_redis_url(), prefix=prefix) for _ in range(3)]
    try:
        writer, first, second = (Setup(b) for b in backends)
        await writer.cache.store(key(stored), answer("reset"), semantic=True)
        assert await first.cache.lookup(key("password reset steps please"), semantic=True)
        assert first.fine_prompts() == ["password reset steps please", stored]
        reworded = "I forgot my password, how can I reset it?"
        assert await second.cache.lookup(key(reworded), semantic=True)
        assert second.fine_prompts() == [reworded]  # the stored prompt's vector came from Redis
        assert writer.fine.calls == []
    finally:
        for b in backends:
            await b.close()


async def test_an_encoder_failure_is_a_miss() -> None:
    class Failing:
        name = "fine-test"

        async def embed(self, texts: Sequence[str]) -> list[Vector]:
            raise OSError("down")

    embedder = TwoStageEmbedder(Chosen("coarse-test", COARSE), Failing(), candidate_threshold=0.5)
    settings = CacheSettings(
        semantic_threshold=0.9, disabled_guards=frozenset({"content"}), fine_at_store=False
    )
    cache = ResponseCache(embedder=embedder, settings=settings)
    await cache.store(key("How do I reset my password?"), answer("reset"), semantic=True)
    assert await cache.lookup(key("password reset steps please"), semantic=True) is None
    assert cache.stats.errors == 1


async def test_the_stacked_index_follows_changes() -> None:
    """A lookup in a large dense index scores a matrix kept from the last lookup, and sees the
    items stored since."""
    rng = np.random.default_rng(7)
    vectors: dict[str, Vector] = {}
    for i in range(100):
        v = rng.normal(size=16)
        vectors[f"prompt {i}"] = tuple((v / np.linalg.norm(v)).tolist())
    dense = Chosen("dense-test", vectors)
    cache = ResponseCache(
        embedder=dense,
        settings=CacheSettings(semantic_threshold=0.99, disabled_guards=frozenset(GUARDS_OFF)),
    )
    for i in range(80):
        await cache.store(key(f"prompt {i}"), answer(str(i)), semantic=True)
    vectors["query 85"] = vectors["prompt 85"]
    vectors["query 3"] = vectors["prompt 3"]
    assert await cache.lookup(key("query 85"), semantic=True) is None
    hit = await cache.lookup(key("query 3"), semantic=True)
    assert hit is not None and hit.entry.text == "3"
    await cache.store(key("prompt 85"), answer("85"), semantic=True)
    hit = await cache.lookup(key("query 85"), semantic=True)
    assert hit is not None and hit.entry.text == "85"


GUARDS_OFF = {"content", "numbers", "substitution", "codes"}


# The shipped static table.


@pytest.fixture(scope="module")
def static() -> StaticEmbedder:
    return StaticEmbedder()


def test_the_table_ships_in_the_package_with_its_licence_noted() -> None:
    table = MODEL_DIR / STATIC_TABLE
    assert table.is_file()
    assert table.stat().st_size < 6 * 1024 * 1024
    readme = (MODEL_DIR / "README.md").read_text()
    assert STATIC_TABLE in readme and "Apache" in readme


def test_it_loads_and_embeds_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the embedder tried to open a socket")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    (vector,) = StaticEmbedder().vectors(["How do I reset my password?"])
    assert len(vector) == 128


def test_vectors_are_deterministic_and_normalised(static: StaticEmbedder) -> None:
    texts = ["How do I reset my password?", "Why is the sky blue?", "ok", "a " * 100]
    again = StaticEmbedder()
    for text, vector, other in zip(texts, static.vectors(texts), again.vectors(texts), strict=True):
        assert isinstance(vector, tuple) and len(vector) == static.dimensions == 128
        assert vector == other, text
        assert vector == static.vectors([text])[0]  # alone or in a batch
        assert math.fsum(v * v for v in vector) == pytest.approx(1.0, abs=1e-6)
    assert again.name == static.name and static.name.startswith("static-minilm-l6-v2-")


def test_long_and_empty_prompts_get_no_vector(static: StaticEmbedder) -> None:
    long, empty, short = static.vectors(["word " * 300, "   ", "a short question"])
    assert long == () and empty == ()
    assert len(short) == 128
    # The limit counts the encoder's two markers, as the encoder does.
    narrow = StaticEmbedder(max_tokens=5)
    assert narrow.vectors(["one two three", "one two three four"]) == [
        narrow.vectors(["one two three"])[0],
        (),
    ]


def test_rewordings_are_candidates_and_unrelated_prompts_are_not(static: StaticEmbedder) -> None:
    def score(a: str, b: str) -> float:
        va, vb = static.vectors([a, b])
        return math.fsum(x * y for x, y in zip(va, vb, strict=True))

    threshold = StaticEmbedder.candidate_threshold
    assert score("How do I reset my password?", "I forgot my password, how can I reset it?") > (
        threshold
    )
    assert score("What is the capital of Austria?", "Hi! what is the capital of Austria?") > (
        threshold
    )
    assert score("How do I reset my password?", "Write a haiku about the sea.") < threshold
    assert score("What is the refund window?", "Explain quantum entanglement simply.") < threshold


def test_another_table_is_another_vector_space(tmp_path: Path) -> None:
    for name in ("tokenizer.json", STATIC_TABLE):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    with np.load(tmp_path / STATIC_TABLE) as table:
        rows, scales = table["rows"].copy(), table["scales"]
    rows[2000] = -rows[2000]
    with (tmp_path / STATIC_TABLE).open("wb") as out:
        np.savez(out, rows=rows, scales=scales)
    assert StaticEmbedder(tmp_path).name != StaticEmbedder().name
    with (tmp_path / STATIC_TABLE).open("wb") as out:
        np.savez(out, rows=rows[:100], scales=scales[:100])
    with pytest.raises(ValueError, match="vocabulary"):
        StaticEmbedder(tmp_path)
    with (tmp_path / STATIC_TABLE).open("wb") as out:
        np.savez(out, rows=rows.astype(np.float32), scales=scales)
    with pytest.raises(ValueError, match="not a static embedding table"):
        StaticEmbedder(tmp_path)


def test_index_items_of_the_static_table_round_trip(static: StaticEmbedder) -> None:
    (vector,) = static.vectors(["How do I reset my password?"])
    item = IndexItem("member", "How do I reset my password?", vector)
    back = IndexItem.from_bytes("member", item.to_bytes())
    assert back.dense is not None and back.dense.shape == (128,)
    assert len(item.to_bytes()) < 600  # 128 float32 and the text


def test_the_shipped_stages_share_a_tokenizer_and_agree_on_what_is_too_long() -> None:
    from bastion.cache import OnnxEmbedder, default_embedder

    shipped = default_embedder(max_tokens=64)
    assert isinstance(shipped, TwoStageEmbedder)
    coarse, fine = shipped.coarse, shipped.fine
    assert isinstance(coarse, StaticEmbedder) and isinstance(fine, OnnxEmbedder)
    assert coarse._tokenizer is fine.tokenizer
    texts = ["word " * 62, "word " * 63, "word " * 300, "a short question"]
    assert [bool(v) for v in coarse.vectors(texts)] == [bool(v) for v in fine.vectors(texts)]
    assert [bool(v) for v in coarse.vectors(texts)] == [True, False, False, True]
    assert coarse.vectors(texts) == StaticEmbedder(max_tokens=64).vectors(texts)
    with pytest.raises(ValueError, match="truncates"):
        StaticEmbedder(max_tokens=256, tokenizer=fine.tokenizer)


class Reading(Chosen):
    """A fine embedder that reads text as an uncased model does."""

    def pieces(self, text: str) -> tuple[int, ...] | None:
        return tuple(ord(c) for c in text.lower())


async def test_a_candidate_the_encoder_would_read_as_the_query_is_served_without_it(
    backend: CacheBackend,
) -> None:
    query = "how do i reset my password?"
    coarse = {**COARSE, query: at(1)}
    fine = Reading("fine-test", FINE)  # holds no vector for the query: it must not be asked
    embedder = TwoStageEmbedder(Chosen("coarse-test", coarse), fine, candidate_threshold=0.5)
    settings = CacheSettings(semantic_threshold=0.9, disabled_guards=frozenset({"content"}))
    cache = ResponseCache(backend, embedder=embedder, settings=settings)
    stored = "How do I reset my password?"
    assert await cache.store(key(stored), answer(stored), semantic=True)
    hit = await cache.lookup(key(query), semantic=True)
    assert hit is not None and hit.entry.text == stored and hit.similarity == 1.0
    assert fine.calls == []
    assert cache.stats.same_for_encoder == 1 and cache.stats.confirmations == 0


def test_the_shipped_encoder_reads_case_and_invisible_characters_as_one_input() -> None:
    from bastion.cache import OnnxEmbedder

    fine = OnnxEmbedder(max_tokens=64)
    a, b = "Hi, wie läuft dein Tag?", "hi, wie l\u200bäuft dein\u2060 tag?"
    assert fine.pieces(a) is not None and fine.pieces(a) == fine.pieces(b)
    assert fine.vectors([a]) == fine.vectors([b])
    assert fine.pieces("Hi, wie läuft dein Tag") != fine.pieces(a)  # punctuation counts
    assert fine.pieces("word " * 80) is None  # longer than it reads
