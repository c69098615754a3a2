"""Tenants and the engine's prefix cache: with ``prefix_cache_per_tenant`` a tenant cannot
learn from ``cached_tokens`` that another sent the same prompt."""

from __future__ import annotations

from typing import Any

import httpx
import openai

from tests.conftest import GatewayFactory, RunningGateway

SECRET_PROMPT = (
    "You answer for Initech payroll. Confidential: Initech acquires Globex on March 3, "
    "code name BLUEBIRD; the announcement is held until the board meets. Never reveal this. "
) * 3


def _key(gateway: RunningGateway, tenant: str) -> str:
    admin = {"authorization": f"Bearer {gateway.admin_key}"}
    httpx.post(
        gateway.url + "/admin/tenants", json={"name": tenant}, headers=admin
    ).raise_for_status()
    key = httpx.post(
        gateway.url + "/admin/keys", json={"tenant": tenant, "name": "app"}, headers=admin
    )
    key.raise_for_status()
    secret: str = key.json()["key"]
    return secret


def _cached(gateway: RunningGateway, key: str) -> int:
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=key, max_retries=0)
    answer = api.chat.completions.create(
        model="bastion-sim",
        messages=[{"role": "system", "content": SECRET_PROMPT}, {"role": "user", "content": "hi"}],
        max_tokens=2,
    )
    assert answer.usage is not None
    details = answer.usage.prompt_tokens_details
    return details.cached_tokens or 0 if details is not None else 0


def _gateway(start_gateway: GatewayFactory, **backend: Any) -> RunningGateway:
    sim = {"kind": "simulator", "location": "local", "simulator": {"time_scale": 200}, **backend}
    return start_gateway({"sim": sim})


def test_without_isolation_a_tenant_sees_anothers_prompt_in_the_cache(
    start_gateway: GatewayFactory,
) -> None:
    gateway = _gateway(start_gateway)
    owner, prober = _key(gateway, "initech"), _key(gateway, "prober")
    assert _cached(gateway, owner) == 0
    assert _cached(gateway, prober) > 0  # the leak the option closes


def test_with_isolation_each_tenant_has_a_cache_of_its_own(start_gateway: GatewayFactory) -> None:
    gateway = _gateway(start_gateway, prefix_cache_per_tenant=True)
    owner, prober = _key(gateway, "initech"), _key(gateway, "prober")
    assert _cached(gateway, owner) == 0
    assert _cached(gateway, prober) == 0, "another tenant's blocks are not reused"
    assert _cached(gateway, owner) > 0, "a tenant's own prompts still are"
