"""The response cache on a real Redis: tenant isolation, semantic lookups, bounds and TTL,
and a Redis that hangs or goes away."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import openai
import pytest
import redis

from bastion.cache import (
    CachedResponse,
    CacheSettings,
    RedisBackend,
    ResponseCache,
    key_for_openai_chat,
)
from bastion.cache.keys import CacheKey, tenant_tag
from tests.conftest import ADMIN_KEY, GatewayFactory
from tests.conftest_redis import HOST, PORT, URL
from tests.scripted_upstream import openai_backend
from tests.servers import StallingProxy, free_port, wait_for

pytestmark = pytest.mark.redis


@pytest.fixture
async def backend(prefix: str) -> AsyncIterator[RedisBackend]:
    made = RedisBackend(URL, prefix=prefix)
    yield made
    await made.close()


def key(prompt: str, tenant: str = "acme") -> CacheKey:
    body = {"model": "m", "messages": [{"role": "user", "content": prompt}]}
    found = key_for_openai_chat(tenant, "ep@1", body)
    assert found is not None
    return found


def answer(text: str) -> CachedResponse:
    return CachedResponse("openai_chat", "m", text, "stop", 3, 4)


async def test_identical_prompts_from_two_tenants_never_share_an_entry(
    backend: RedisBackend, prefix: str
) -> None:
    cache = ResponseCache(backend)
    prompt = "Summarise our Q3 plan"
    await cache.store(key(prompt, "acme"), answer("acme's plan"), semantic=True)
    assert await cache.lookup(key(prompt, "globex")) is None
    assert await cache.lookup(key("summarise our Q3 plan!", "globex"), semantic=True) is None
    await cache.store(key(prompt, "globex"), answer("globex's plan"), semantic=True)
    acme = await cache.lookup(key(prompt, "acme"))
    globex = await cache.lookup(key("summarise our Q3 plan!", "globex"), semantic=True)
    assert acme is not None and acme.entry.text == "acme's plan"
    assert globex is not None and globex.entry.text == "globex's plan"
    assert globex.kind == "semantic"
    # every key sits under the prefix and its tenant's namespace
    keys = [k.decode() for k in redis.Redis.from_url(URL).scan_iter(match=prefix + "*")]
    tags = {tenant_tag("acme"), tenant_tag("globex")}
    assert keys and all(k.removeprefix(prefix).split(":")[0] in tags for k in keys)


async def test_semantic_hits_and_guard_rejections_across_processes(backend: RedisBackend) -> None:
    writer = ResponseCache(backend)
    await writer.store(key("convert 5 km to miles"), answer("3.11 miles"), semantic=True)
    other = RedisBackend(URL, prefix=backend.prefix)  # another gateway process
    try:
        reader = ResponseCache(other)
        hit = await reader.lookup(key("Convert 5 km to miles, please"), semantic=True)
        assert hit is not None and hit.entry.text == "3.11 miles"
        assert await reader.lookup(key("convert 5 miles to km"), semantic=True) is None
        assert reader.stats.guard_rejections == 1
    finally:
        await other.close()


async def test_index_is_bounded_and_entries_expire(backend: RedisBackend, prefix: str) -> None:
    cache = ResponseCache(backend, settings=CacheSettings(index_limit=3, ttl_s=0.5))
    for city in ("Paris", "Rome", "Oslo", "Lisbon", "Prague"):
        await cache.store(key(f"population of {city}?"), answer(city), semantic=True)
    index = cache._index_key(key("x"))
    client = redis.Redis.from_url(URL)
    assert client.llen(f"{prefix}{index}:m") == 3
    assert client.hlen(f"{prefix}{index}:v") == 3
    items = await backend.index_items(index)
    assert [i.text for i in items] == [f"population of {c}?" for c in ("Prague", "Lisbon", "Oslo")]
    await asyncio.sleep(0.7)
    assert await cache.lookup(key("population of Prague?")) is None
    assert not client.exists(f"{prefix}{index}:m")


def test_a_hung_or_gone_redis_costs_a_miss_and_caching_resumes_when_it_is_back(
    prefix: str, scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    """The gateway keeps answering through a Redis outage: each lookup waits at most the
    timeout, Redis is then left alone for the retry period, and entries are served again once
    it answers."""
    upstream, url = scripted
    proxy = StallingProxy((HOST, PORT))
    try:
        redis_config = {
            "url": f"redis://127.0.0.1:{proxy.port}/0",
            "key_prefix": prefix,
            "timeout_ms": 100,
            "retry_after_seconds": 0.5,
        }
        gateway = start_gateway(
            {"up": openai_backend(url)}, cache={"enabled": True, "redis": redis_config}
        )
        api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0)

        def ask() -> Any:
            return api.chat.completions.with_raw_response.create(
                model="up/echo", messages=[{"role": "user", "content": "Boiling point of water?"}]
            )

        ask()
        assert ask().headers["x-bastion-cache"] == "exact"
        assert len(upstream.requests) == 1

        proxy.stalled = True  # Redis hangs: no answer, no refusal
        started = time.perf_counter()
        answered = ask()
        assert "x-bastion-cache" not in answered.headers
        assert answered.http_response.status_code == 200
        assert time.perf_counter() - started < 1.5
        assert gateway.metric("bastion_cache_errors_total") >= 1
        # Within the retry period Redis is not even asked: no wait at all.
        for _ in range(3):
            assert "x-bastion-cache" not in ask().headers
        assert len(upstream.requests) == 5

        proxy.stalled = False
        time.sleep(0.6)
        wait_for(lambda: ask().headers.get("x-bastion-cache") == "exact", timeout=5)
    finally:
        proxy.close()


def test_a_refused_redis_connection_is_a_miss(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    upstream, url = scripted
    closed = {"url": f"redis://127.0.0.1:{free_port()}/0", "timeout_ms": 100}
    gateway = start_gateway({"up": openai_backend(url)}, cache={"enabled": True, "redis": closed})
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0)
    for _ in range(2):
        answer = api.chat.completions.with_raw_response.create(
            model="up/echo", messages=[{"role": "user", "content": "hello"}]
        )
        assert answer.http_response.status_code == 200
        assert "x-bastion-cache" not in answer.headers
    assert len(upstream.requests) == 2
    assert gateway.metric("bastion_cache_errors_total") >= 1


def test_the_gateway_finds_candidates_statically_and_keeps_encoder_vectors_in_redis(
    prefix: str, scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    """With the shipped encoder and Redis: a rewording is served by meaning; the store put no
    encoder vector in Redis, the lookup that confirmed the candidate did; a lookalike the
    guards refuse is not served."""
    upstream, url = scripted
    gateway = start_gateway(
        {"up": openai_backend(url)},
        cache={
            "enabled": True,
            "redis": {"url": URL, "key_prefix": prefix},
            "semantic": {"endpoints": ["up/echo"]},
        },
    )
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0)

    def ask(prompt: str) -> Any:
        return api.chat.completions.with_raw_response.create(
            model="up/echo", messages=[{"role": "user", "content": prompt}]
        )

    client = redis.Redis.from_url(URL)

    def encoder_vectors() -> int:
        return sum(client.hlen(k) for k in client.scan_iter(match=prefix + "*:f"))

    ask("How do I reset my password?")
    # The answer is stored once it has been sent: wait for the index entry.
    wait_for(lambda: bool(list(client.scan_iter(match=prefix + "*:i:*:v"))))
    assert encoder_vectors() == 0, "a store never runs the encoder"
    served = ask("I forgot my password, how can I reset it?")
    assert served.headers["x-bastion-cache"] == "semantic"
    assert encoder_vectors() == 1, "the stored prompt's encoder vector, kept for every process"
    assert "x-bastion-cache" not in ask("How do I reset my PIN?").headers
    assert len(upstream.requests) == 2
