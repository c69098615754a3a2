"""The lexical embedder, vector encoding, and the OpenAI-compatible embeddings client."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from bastion.cache import LexicalEmbedder, OpenAIEmbedder, cosine
from bastion.cache.embedder import EmbeddingError, decode_vector, encode_vector
from tests.servers import free_port


async def test_lexical_similarity_orders_paraphrases_above_unrelated() -> None:
    e = LexicalEmbedder()
    a, b, c = await e.embed(
        ["What is the capital of Austria?", "what's the capital of austria, please", "Bake bread"]
    )
    assert cosine(a, a) == pytest.approx(1.0)
    assert cosine(a, b) > 0.8
    assert cosine(a, c) < 0.2


def test_vectors_are_stable_and_round_trip() -> None:
    v = LexicalEmbedder().vector("How do I sort a list in rust?")
    assert v == LexicalEmbedder().vector("How do I sort a list in rust?")
    back = decode_vector(encode_vector(v))
    assert isinstance(back, dict)
    assert cosine(v, back) == pytest.approx(1.0, abs=1e-5)
    dense = (0.6, 0.8)
    assert decode_vector(encode_vector(dense)) == pytest.approx(dense)
    assert cosine(v, dense) == 0.0  # different vector spaces never match


@pytest.fixture
async def embeddings_server() -> AsyncIterator[tuple[str, list[dict[str, Any]]]]:
    seen: list[dict[str, Any]] = []

    async def handle(request: web.Request) -> web.Response:
        body = await request.json()
        seen.append({"body": body, "auth": request.headers.get("Authorization")})
        if body["model"] == "slow":
            await asyncio.sleep(1)
        if body["model"] == "broken":
            return web.json_response({"error": "nope"}, status=500)
        data = [{"index": i, "embedding": [3.0, 4.0 + i]} for i in range(len(body["input"]))]
        return web.json_response({"data": list(reversed(data))})

    app = web.Application()
    app.router.add_post("/v1/embeddings", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    yield f"http://127.0.0.1:{port}/v1", seen
    await runner.cleanup()


async def test_openai_embedder_calls_the_endpoint(
    embeddings_server: tuple[str, list[dict[str, Any]]],
) -> None:
    url, seen = embeddings_server
    embedder = OpenAIEmbedder(url, "e5", api_key="sk-x")
    try:
        first, second = await embedder.embed(["a", "b"])
    finally:
        await embedder.close()
    assert first == pytest.approx((0.6, 0.8))  # normalised, and put back in input order
    assert isinstance(second, tuple) and len(second) == 2
    assert seen[0]["body"] == {"model": "e5", "input": ["a", "b"]}
    assert seen[0]["auth"] == "Bearer sk-x"
    assert embedder.name == "openai:e5"


async def test_openai_embedder_errors_and_timeouts(
    embeddings_server: tuple[str, list[dict[str, Any]]],
) -> None:
    url, _ = embeddings_server
    for model, timeout in (("broken", 2.0), ("slow", 0.2)):
        embedder = OpenAIEmbedder(url, model, timeout_s=timeout)
        try:
            with pytest.raises(EmbeddingError):
                await embedder.embed(["a"])
        finally:
            await embedder.close()
