"""A request for several choices reserves the output of every one of them: token and money
budgets, and the backend capacity it holds while it runs."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx
import openai
import pytest

from tests.conftest import GatewayFactory, RunningGateway
from tests.integration.test_admission import make_key
from tests.integration.test_money_budgets import cloud
from tests.servers import wait_for

SIM = {"sim": {"kind": "simulator", "location": "local", "simulator": {"time_scale": 50}}}


def post(gateway: RunningGateway, secret: str, path: str, body: dict[str, Any]) -> httpx.Response:
    headers = {"authorization": f"Bearer {secret}"}
    return httpx.post(gateway.url + path, json=body, headers=headers, timeout=30)


def test_a_daily_token_budget_covers_every_choice(start_gateway: GatewayFactory) -> None:
    # The case: 2,000 tokens a day, and 40 choices of up to 100 tokens each.
    gateway = start_gateway(SIM, admission={"tenants": {"acme": {"tokens_per_day": 2000}}})
    _, secret = make_key(gateway, "acme")
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=secret, max_retries=0)
    hello: Any = [{"role": "user", "content": "hi"}]
    with pytest.raises(openai.RateLimitError) as refused:
        api.chat.completions.create(model="bastion-sim", messages=hello, n=40, max_tokens=100)
    assert refused.value.code == "budget_exceeded"
    assert "2000 tokens per day" in refused.value.message
    # Without max_tokens, the default output (256) is reserved per choice too.
    with pytest.raises(openai.RateLimitError):
        api.chat.completions.create(model="bastion-sim", messages=hello, n=8)
    answer = api.chat.completions.create(model="bastion-sim", messages=hello, n=4, max_tokens=100)
    assert len(answer.choices) == 4
    assert answer.usage is not None
    assert answer.usage.total_tokens <= 2000


@pytest.mark.parametrize(
    ("body", "admitted"),
    [
        ({"prompt": "hi", "n": 12, "max_tokens": 100}, False),
        ({"prompt": "hi", "best_of": 12, "max_tokens": 100}, False),
        ({"prompt": ["hi", "ho", "ha"], "n": 4, "max_tokens": 100}, False),
        ({"prompt": ["hi", "ho", "ha"], "max_tokens": 100}, True),
        ({"prompt": "hi", "n": 2, "best_of": 3, "max_tokens": 100}, True),
    ],
)
def test_legacy_completions_reserve_every_choice_of_every_prompt(
    start_gateway: GatewayFactory, body: dict[str, Any], admitted: bool
) -> None:
    gateway = start_gateway(SIM, admission={"tenants": {"acme": {"tokens_per_day": 1000}}})
    _, secret = make_key(gateway, "acme")
    response = post(gateway, secret, "/v1/completions", {"model": "bastion-sim", **body})
    if admitted:
        assert response.status_code == 200, response.text
    else:
        assert response.status_code == 429, response.text
        assert response.json()["error"]["code"] == "budget_exceeded"


def test_a_budget_in_dollars_covers_every_choice(
    start_gateway: GatewayFactory, sim_backend: Callable[..., str]
) -> None:
    url = sim_backend(model="gpt-4o-mini", output_len_min=100, output_len_max=100)
    # gpt-4o-mini: $0.60/M output tokens. 40 choices of 100 tokens: $0.0024, over $0.001.
    gateway = start_gateway(
        {"cloud": cloud(url, "gpt-4o-mini")},
        admission={"tenants": {"acme": {"usd_per_day": 0.001}}},
    )
    _, secret = make_key(gateway, "acme")
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=secret, max_retries=0)
    hello: Any = [{"role": "user", "content": "hi"}]
    with pytest.raises(openai.RateLimitError) as refused:
        api.chat.completions.create(model="gpt-4o-mini", messages=hello, n=40, max_tokens=100)
    assert "US dollars per day" in refused.value.message
    answer = api.chat.completions.create(model="gpt-4o-mini", messages=hello, max_tokens=100)
    assert len(answer.choices) == 1


def test_backend_capacity_holds_a_sequence_per_choice(start_gateway: GatewayFactory) -> None:
    # Real time: three 60-token choices take about 0.4 s, long enough to look.
    gateway = start_gateway(
        {
            "sim": {
                "kind": "simulator",
                "location": "local",
                "simulator": {"time_scale": 1},
                "capacity": {"concurrent_requests": 4},
            }
        }
    )
    _, secret = make_key(gateway, "acme")
    body = {"model": "bastion-sim", "messages": [{"role": "user", "content": "hi"}]}
    done: list[httpx.Response] = []
    wide = threading.Thread(
        target=lambda: done.append(
            post(gateway, secret, "/v1/chat/completions", {**body, "n": 3, "max_tokens": 60})
        )
    )
    wide.start()
    wait_for(lambda: gateway.metric("bastion_capacity_in_use", backend="sim") == 3)
    # Two more sequences do not fit beside three in four; this one may not wait.
    refused = httpx.post(
        gateway.url + "/v1/chat/completions",
        json={**body, "n": 2, "max_tokens": 5},
        headers={"authorization": f"Bearer {secret}", "x-bastion-queue-timeout": "0"},
        timeout=30,
    )
    assert refused.status_code == 503, refused.text
    assert refused.json()["error"]["code"] == "overloaded"
    wide.join(30)
    assert done[0].status_code == 200
    assert len(done[0].json()["choices"]) == 3
    wait_for(lambda: gateway.metric("bastion_capacity_in_use", backend="sim") == 0)
