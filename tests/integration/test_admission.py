"""Per-tenant and per-key limits through the official SDKs."""

from __future__ import annotations

import threading
from typing import Any

import anthropic
import httpx
import openai
import pytest

from tests.conftest import GatewayFactory, RunningGateway

SIM = {"sim": {"kind": "simulator", "location": "local", "simulator": {"time_scale": 50}}}


def make_key(gateway: RunningGateway, tenant: str) -> tuple[str, str]:
    """A new tenant and a key for it: (key id, secret)."""
    admin = {"authorization": f"Bearer {gateway.admin_key}"}
    created = httpx.post(gateway.url + "/admin/tenants", json={"name": tenant}, headers=admin)
    created.raise_for_status()
    key = httpx.post(
        gateway.url + "/admin/keys",
        json={"tenant": tenant, "name": f"{tenant}-app"},
        headers=admin,
    )
    key.raise_for_status()
    body: dict[str, Any] = key.json()
    return body["id"], body["key"]


def chat(gateway: RunningGateway, secret: str, max_tokens: int = 8) -> Any:
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=secret, max_retries=0)
    return api.chat.completions.with_raw_response.create(
        model="bastion-sim", messages=[{"role": "user", "content": "hi"}], max_tokens=max_tokens
    )


def test_requests_per_minute_per_tenant(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(SIM, admission={"tenants": {"acme": {"requests_per_minute": 3}}})
    _, secret = make_key(gateway, "acme")
    _, other = make_key(gateway, "globex")
    answers = [chat(gateway, secret) for _ in range(3)]
    assert [a.headers["x-ratelimit-remaining-requests"] for a in answers] == ["2", "1", "0"]
    assert answers[0].headers["x-ratelimit-limit-requests"] == "3"
    with pytest.raises(openai.RateLimitError) as caught:
        chat(gateway, secret)
    response = caught.value.response
    assert 55 <= int(response.headers["retry-after"]) <= 60
    assert response.headers["x-ratelimit-remaining-requests"] == "0"
    assert "tenant acme: 3 requests per minute" in caught.value.message
    assert "x-ratelimit-limit-requests" not in chat(gateway, other).headers, "globex is unlimited"
    refusals = gateway.metric(
        "bastion_admission_refusals_total", scope="tenant", limit="requests per minute"
    )
    assert refusals == 1

    messages = anthropic.Anthropic(base_url=gateway.url, api_key=secret, max_retries=0)
    with pytest.raises(anthropic.RateLimitError) as refused:
        messages.messages.create(
            model="bastion-sim", max_tokens=8, messages=[{"role": "user", "content": "hi"}]
        )
    assert refused.value.body["error"]["type"] == "rate_limit_error"  # type: ignore[index]


def test_concurrent_requests_per_key(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(
        {"sim": {"kind": "simulator", "location": "local", "simulator": {"time_scale": 2}}},
        admission={"key_default": {"concurrent_requests": 1}},
    )
    _, secret = make_key(gateway, "acme")
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=secret, max_retries=0)
    started = threading.Event()
    finished: list[int] = []

    def long_stream() -> None:
        stream = api.chat.completions.create(
            model="bastion-sim",
            messages=[{"role": "user", "content": "tell me a long story"}],
            max_tokens=200,
            stream=True,
        )
        for index, _ in enumerate(stream):
            if index == 0:
                started.set()
        finished.append(1)

    thread = threading.Thread(target=long_stream)
    thread.start()
    assert started.wait(20)
    with pytest.raises(openai.RateLimitError) as caught:
        chat(gateway, secret)
    assert "1 concurrent requests" in caught.value.message
    thread.join(30)
    assert finished == [1]
    assert chat(gateway, secret).http_response.status_code == 200, "the slot was given back"


def test_tokens_per_minute_are_settled_with_actual_usage(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(SIM, admission={"tenants": {"acme": {"tokens_per_minute": 4000}}})
    _, secret = make_key(gateway, "acme")
    # Each call reserves ~1,540 tokens (max_tokens 1,500 plus the prompt) and uses at most ~530
    # (the simulator stops by itself after 128-512 tokens). Without settling, the third call
    # would not fit; with it, four do.
    for _ in range(4):
        answer = chat(gateway, secret, max_tokens=1500)
        assert answer.http_response.status_code == 200
    assert int(answer.headers["x-ratelimit-remaining-tokens"]) <= 4000 - 1500
    with pytest.raises(openai.RateLimitError) as caught:
        chat(gateway, secret, max_tokens=5000)  # can never fit
    assert "4000 tokens per minute" in caught.value.message
