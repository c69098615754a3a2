"""The shipped sentence encoder: loads offline from the package, scores meaning, falls back."""

from __future__ import annotations

import logging
import socket
from pathlib import Path
from typing import Any

import pytest

from bastion.cache import (
    CachedResponse,
    CacheSettings,
    LexicalEmbedder,
    OnnxEmbedder,
    ResponseCache,
    StaticEmbedder,
    TwoStageEmbedder,
    cosine,
    default_embedder,
    key_for_openai_chat,
)
from bastion.cache import embedder as embedder_module
from bastion.cache.embedder import MODEL_DIR, default_threshold
from bastion.cache.guards import relaxed_for


@pytest.fixture(scope="module")
def encoder() -> OnnxEmbedder:
    return OnnxEmbedder()


def test_the_model_ships_in_the_package_with_its_licence() -> None:
    for name in ("model.int8.onnx", "tokenizer.json", "LICENSE", "README.md"):
        assert (MODEL_DIR / name).is_file(), name
    assert "Apache License" in (MODEL_DIR / "LICENSE").read_text()
    assert (MODEL_DIR / "model.int8.onnx").stat().st_size < 30 * 1024 * 1024


def test_it_loads_and_embeds_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the embedder tried to open a socket")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    e = OnnxEmbedder()
    (vector,) = e.vectors(["How do I reset my password?"])
    assert isinstance(vector, tuple)
    assert len(vector) == 384
    assert cosine(vector, vector) == pytest.approx(1.0, abs=1e-4)


def test_paraphrases_score_high_and_unrelated_prompts_low(encoder: OnnxEmbedder) -> None:
    refund, yearly, unrelated, password, forgot = encoder.vectors(
        [
            "What is the refund window for annual plans?",
            "How long do I have to request a refund on a yearly plan?",
            "Write a haiku about the sea.",
            "How do I reset my password?",
            "I forgot my password, how can I reset it?",
        ]
    )
    assert cosine(refund, yearly) > 0.7
    assert cosine(password, forgot) > 0.85
    assert cosine(refund, unrelated) < 0.3
    assert cosine(password, unrelated) < 0.3
    # ... while the lexical embedder sees little in common in the first pair
    lexical = LexicalEmbedder()
    assert cosine(
        lexical.vector("What is the refund window for annual plans?"),
        lexical.vector("How long do I have to request a refund on a yearly plan?"),
    ) < cosine(refund, yearly)


async def test_a_prompt_gets_the_same_vector_alone_or_in_a_batch(encoder: OnnxEmbedder) -> None:
    texts = ["Why is the sky blue?", "What makes the sky look blue on a clear afternoon?"]
    batch = await encoder.embed(texts)
    for text, vector in zip(texts, batch, strict=True):
        (alone,) = await encoder.embed([text])
        assert vector == alone


def test_prompts_longer_than_the_model_reads_get_no_vector(encoder: OnnxEmbedder) -> None:
    long, short = encoder.vectors(["word " * 400, "a short question"])
    assert long == ()
    assert len(short) == 384


async def test_a_long_prompt_is_cached_exactly_only(encoder: OnnxEmbedder) -> None:
    cache = ResponseCache(embedder=encoder)
    long = "Explain this log line by line. " * 60
    key = key_for_openai_chat("acme", "ep@1", {"messages": [{"role": "user", "content": long}]})
    assert key is not None
    answer = CachedResponse("openai_chat", "m", "ok", "stop", 1, 1)
    assert await cache.store(key, answer, semantic=True)
    assert await cache.lookup(key, semantic=True) is not None  # exact
    other = key_for_openai_chat(
        "acme", "ep@1", {"messages": [{"role": "user", "content": long + "Thanks."}]}
    )
    assert other is not None
    assert await cache.lookup(other, semantic=True) is None


def test_default_embedder_falls_back_to_lexical_with_a_log_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    monkeypatch.setattr(embedder_module, "MODEL_DIR", tmp_path / "missing")
    with caplog.at_level(logging.WARNING, logger="bastion.cache.embedder"):
        fallback = default_embedder()
    assert isinstance(fallback, LexicalEmbedder)
    assert "could not be loaded" in caplog.text
    assert "lexical embedder" in caplog.text
    monkeypatch.undo()
    shipped = default_embedder()
    assert isinstance(shipped, TwoStageEmbedder)
    assert isinstance(shipped.fine, OnnxEmbedder)
    assert isinstance(default_embedder(two_stage=False), OnnxEmbedder)


def test_without_the_static_table_the_encoder_embeds_alone(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(embedder_module, "STATIC_TABLE", "missing.npz")
    with caplog.at_level(logging.WARNING, logger="bastion.cache.embedder"):
        alone = default_embedder()
    assert isinstance(alone, OnnxEmbedder)
    assert "static embedding table could not be loaded" in caplog.text


def test_thresholds_and_guards_follow_the_embedder(encoder: OnnxEmbedder) -> None:
    assert default_threshold(encoder) == pytest.approx(0.82)
    assert default_threshold(LexicalEmbedder()) == pytest.approx(0.80)
    assert relaxed_for(encoder.name) == frozenset({"content"})
    assert relaxed_for(LexicalEmbedder().name) == frozenset()
    # Two stages: the encoder decides, so its threshold and its guards apply.
    two_stage = TwoStageEmbedder(StaticEmbedder(), encoder)
    assert default_threshold(two_stage) == pytest.approx(0.82)
    assert relaxed_for(two_stage.name) == frozenset({"content"})
    assert two_stage.candidate_threshold == StaticEmbedder.candidate_threshold


def _key(prompt: str) -> Any:
    found = key_for_openai_chat("acme", "ep@1", {"messages": [{"role": "user", "content": prompt}]})
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("stored", "asked", "served"),
    [
        (
            "What is the refund window for annual plans?",
            "How long do I have to request a refund on a yearly plan?",
            False,  # 0.76: below the threshold, a miss rather than a guess
        ),
        ("How do I reset my password?", "I forgot my password, how can I reset it?", True),
        ("Who wrote Pride and Prejudice?", "Who is the author of Pride and Prejudice?", True),
        ("How many bytes are in a kilobyte?", "How many kilobytes are in a byte?", False),
        (
            "Which cities are in Berlin but not in Bavaria?",
            "Which cities are in Bavaria but not in Berlin?",
            False,
        ),
        ("Convert Celsius to Fahrenheit", "Convert Fahrenheit to Celsius", False),
        ("Which fruits are not red but sweet?", "Which fruits are red but not sweet?", False),
        ("How do I enable two-factor authentication?", "How do I disable it?", False),
        (
            "How do I enable two-factor authentication?",
            "How do I disable two-factor authentication?",
            False,
        ),
        ("Write a haiku about autumn.", "Write a haiku about spring.", False),
    ],
)
@pytest.mark.parametrize("stages", ["encoder", "two-stage"])
async def test_the_cache_with_the_encoder_serves_rewordings_not_lookalikes(
    encoder: OnnxEmbedder, stored: str, asked: str, served: bool, stages: str
) -> None:
    embedder: Any = encoder if stages == "encoder" else TwoStageEmbedder(StaticEmbedder(), encoder)
    settings = CacheSettings(
        semantic_threshold=default_threshold(embedder), disabled_guards=relaxed_for(embedder.name)
    )
    cache = ResponseCache(embedder=embedder, settings=settings)
    answer = CachedResponse("openai_chat", "m", "stored answer", "stop", 1, 1)
    await cache.store(_key(stored), answer, semantic=True)
    hit = await cache.lookup(_key(asked), semantic=True)
    assert (hit is not None) == served


def test_dense_index_items_round_trip_for_the_redis_backend(encoder: OnnxEmbedder) -> None:
    from bastion.cache.backends import IndexItem

    (vector,) = encoder.vectors(["How do I reset my password?"])
    item = IndexItem("member", "How do I reset my password?", vector)
    back = IndexItem.from_bytes("member", item.to_bytes())
    assert back.text == item.text
    assert back.dense is not None and back.dense.shape == (384,)
    assert cosine(back.vector, vector) == pytest.approx(1.0, abs=1e-5)


def test_the_gateway_builds_the_encoder_with_its_settings() -> None:
    from bastion.config.schema import CacheConfig
    from bastion.pipeline.stages.cache import build_cache

    semantic = build_cache(CacheConfig(semantic={"endpoints": ["faq"], "max_tokens": 64}))
    assert isinstance(semantic.embedder, TwoStageEmbedder)
    assert isinstance(semantic.embedder.fine, OnnxEmbedder)
    assert isinstance(semantic.embedder.coarse, StaticEmbedder)
    assert semantic.embedder.fine.max_tokens == 64
    assert semantic.embedder.coarse.max_tokens == 64
    assert semantic.settings.semantic_threshold == pytest.approx(0.82)
    assert semantic.settings.candidate_threshold is None  # the static table's own
    assert semantic.settings.disabled_guards == frozenset({"content"})
    assert not semantic.settings.fine_at_store
    at_store = build_cache(CacheConfig(semantic={"endpoints": ["faq"], "encode_at_store": True}))
    assert at_store.settings.fine_at_store
    lexical = build_cache(CacheConfig(semantic={"endpoints": ["faq"], "embedder": "lexical"}))
    assert isinstance(lexical.embedder, LexicalEmbedder)
    assert lexical.settings.semantic_threshold == pytest.approx(0.80)
    assert lexical.settings.disabled_guards == frozenset()
    chosen = build_cache(CacheConfig(semantic={"endpoints": ["faq"], "threshold": 0.9}))
    assert chosen.settings.semantic_threshold == pytest.approx(0.9)
    # no semantic endpoint: no model is loaded
    assert isinstance(build_cache(CacheConfig()).embedder, LexicalEmbedder)
    alone = build_cache(CacheConfig(semantic={"endpoints": ["faq"], "two_stage": False}))
    assert isinstance(alone.embedder, OnnxEmbedder)
    tuned = build_cache(CacheConfig(semantic={"endpoints": ["faq"], "candidate_threshold": 0.7}))
    assert tuned.settings.candidate_threshold == pytest.approx(0.7)
