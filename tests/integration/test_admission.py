"""Per-tenant and per-key limits through the official SDKs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from time import monotonic, sleep
from typing import Any

import anthropic
import httpx
import openai
import pytest

from tests.conftest import GatewayFactory, RunningGateway
from tests.conftest_postgres import scratch_database

SIM = {"sim": {"kind": "simulator", "location": "local", "simulator": {"time_scale": 50}}}


def make_key(
    gateway: RunningGateway,
    tenant: str,
    *,
    limits: dict[str, Any] | None = None,
    tenant_limits: dict[str, Any] | None = None,
) -> tuple[str, str]:
    """A new tenant and a key for it: (key id, secret); with limits stored through the API."""
    admin = {"authorization": f"Bearer {gateway.admin_key}"}
    created = httpx.post(
        gateway.url + "/admin/tenants",
        json={"name": tenant, "limits": tenant_limits},
        headers=admin,
    )
    created.raise_for_status()
    key = httpx.post(
        gateway.url + "/admin/keys",
        json={"tenant": tenant, "name": f"{tenant}-app", "limits": limits},
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


def test_a_tenant_created_again_under_a_deleted_ones_name_starts_afresh(
    start_gateway: GatewayFactory,
) -> None:
    gateway = start_gateway(SIM)
    _, secret = make_key(gateway, "reuse", tenant_limits={"requests_per_minute": 2})
    chat(gateway, secret)
    chat(gateway, secret)
    with pytest.raises(openai.RateLimitError) as caught:
        chat(gateway, secret)
    assert "tenant reuse: 2 requests per minute" in caught.value.message
    admin = {"authorization": f"Bearer {gateway.admin_key}"}
    httpx.delete(gateway.url + "/admin/tenants/reuse", headers=admin).raise_for_status()
    _, again = make_key(gateway, "reuse", tenant_limits={"requests_per_minute": 2})
    answer = chat(gateway, again)
    assert answer.headers["x-ratelimit-remaining-requests"] == "1", "counts of its own"


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
    # Half real time: the stream lasts 1.6 s or more, long beside a loaded machine's round trip
    # for the second request (at twice real time it sometimes ended first).
    gateway = start_gateway(
        {"sim": {"kind": "simulator", "location": "local", "simulator": {"time_scale": 0.5}}},
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


# Limits stored through the admin API


def admin_call(gateway: RunningGateway, method: str, path: str, **kwargs: Any) -> httpx.Response:
    headers = {"authorization": f"Bearer {gateway.admin_key}"}
    return httpx.request(method, gateway.url + "/admin" + path, headers=headers, **kwargs)


def test_key_limits_from_the_admin_api_and_a_patch_without_restart(
    start_gateway: GatewayFactory,
) -> None:
    gateway = start_gateway(SIM)  # no admission section: only stored limits apply
    key_id, secret = make_key(gateway, "acme", limits={"requests_per_minute": 2})
    answers = [chat(gateway, secret) for _ in range(2)]
    assert [a.headers["x-ratelimit-remaining-requests"] for a in answers] == ["1", "0"]
    assert answers[0].headers["x-ratelimit-limit-requests"] == "2"
    with pytest.raises(openai.RateLimitError) as caught:
        chat(gateway, secret)
    assert f"key {key_id}: 2 requests per minute" in caught.value.message
    assert 55 <= int(caught.value.response.headers["retry-after"]) <= 60

    patched = admin_call(
        gateway, "PATCH", f"/keys/{key_id}", json={"limits": {"requests_per_minute": 4}}
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["limits"] == {"requests_per_minute": 4}
    raised = chat(gateway, secret)  # the very next request, same process
    assert raised.headers["x-ratelimit-limit-requests"] == "4"
    assert raised.headers["x-ratelimit-remaining-requests"] == "1"
    chat(gateway, secret)
    with pytest.raises(openai.RateLimitError) as again:
        chat(gateway, secret)
    assert f"key {key_id}: 4 requests per minute" in again.value.message

    cleared = admin_call(gateway, "PATCH", f"/keys/{key_id}", json={"limits": None})
    assert cleared.json()["limits"] is None
    assert "x-ratelimit-limit-requests" not in chat(gateway, secret).headers, "no limit left"


def test_tenant_limits_from_the_admin_api_apply_to_all_its_keys(
    start_gateway: GatewayFactory,
) -> None:
    gateway = start_gateway(
        SIM,
        admission={"tenants": {"acme": {"requests_per_minute": 100, "tokens_per_minute": 90000}}},
    )
    _, first = make_key(gateway, "acme", tenant_limits={"requests_per_minute": 3})
    second = admin_call(gateway, "POST", "/keys", json={"tenant": "acme", "name": "second"})
    second.raise_for_status()
    assert second.json()["limits"] is None
    secrets = [first, second.json()["key"], first]
    answers = [chat(gateway, secret) for secret in secrets]
    assert [a.headers["x-ratelimit-remaining-requests"] for a in answers] == ["2", "1", "0"]
    # Field by field: the stored requests per minute, the config file's tokens per minute.
    assert answers[0].headers["x-ratelimit-limit-tokens"] == "90000"
    with pytest.raises(openai.RateLimitError) as caught:
        chat(gateway, second.json()["key"])
    assert "tenant acme: 3 requests per minute" in caught.value.message

    tenant = admin_call(gateway, "GET", "/tenants/acme").json()
    assert tenant["limits"] == {"requests_per_minute": 3}
    cleared = admin_call(gateway, "PATCH", f"/tenants/{tenant['id']}", json={"limits": None})
    assert cleared.status_code == 200 and cleared.json()["limits"] is None
    # Back to the config file's entry for acme, at once.
    assert chat(gateway, first).headers["x-ratelimit-limit-requests"] == "100"


def test_bad_limits_are_refused_with_400(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(SIM)
    key_id, secret = make_key(gateway, "acme")
    for limits in ({"requests_per_minute": 0}, {"requests_per_minute": "2"}, {"rpm_limit": 2}):
        for method, path, body in (
            ("POST", "/tenants", {"name": "globex", "limits": limits}),
            ("POST", "/keys", {"tenant": "acme", "name": "more", "limits": limits}),
            ("PATCH", "/tenants/acme", {"limits": limits}),
            ("PATCH", f"/keys/{key_id}", {"limits": limits}),
        ):
            response = admin_call(gateway, method, path, json=body)
            assert response.status_code == 400, (method, path, response.text)
            error = response.json()["error"]
            assert error["code"] == "invalid_request"
            assert error["param"].startswith("limits.")
            assert error["message"].startswith(error["param"] + ": ")
    unknown = admin_call(gateway, "PATCH", "/keys/key_" + "0" * 24, json={"limits": None})
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
    assert "x-ratelimit-limit-requests" not in chat(gateway, secret).headers, "nothing stored"


def test_token_budgets_from_the_config_file_are_enforced(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(
        SIM,
        admission={
            "tenants": {"acme": {"tokens_per_day": 300}},
            "key_default": {"tokens_per_month": 100_000},
        },
    )
    _, secret = make_key(gateway, "acme")
    key_id, other = make_key(gateway, "globex")
    with pytest.raises(openai.RateLimitError) as caught:
        chat(gateway, secret, max_tokens=1000)  # more than the day's budget at once
    assert "tenant acme: 300 tokens per day" in caught.value.message
    now = datetime.now(UTC)
    midnight = datetime.combine(now.date() + timedelta(days=1), time(), UTC)
    until_midnight = (midnight - now).total_seconds()
    assert abs(int(caught.value.response.headers["retry-after"]) - until_midnight) <= 5
    # Small requests use the budget up (their real usage is what counts).
    admitted = 0
    with pytest.raises(openai.RateLimitError) as spent:
        for _ in range(60):
            chat(gateway, secret, max_tokens=8)
            admitted += 1
    assert 3 <= admitted < 60
    assert "tenant acme: 300 tokens per day" in spent.value.message
    # The key's monthly budget, from key_default, for a tenant without a daily one.
    with pytest.raises(openai.RateLimitError) as monthly:
        chat(gateway, other, max_tokens=200_000)
    assert f"key {key_id}: 100000 tokens per month" in monthly.value.message
    assert chat(gateway, other).http_response.status_code == 200


@pytest.fixture
def pg_database() -> Iterator[str]:
    with scratch_database() as url:
        yield url


@pytest.mark.postgres
def test_a_patch_reaches_other_gateway_processes(
    pg_database: str, start_gateway: GatewayFactory
) -> None:
    """Two gateways on one PostgreSQL database: a PATCH made through one changes the limits
    the other applies, by the same NOTIFY that carries revocations."""
    first = start_gateway(SIM, database={"url": pg_database})
    second = start_gateway(SIM, database={"url": pg_database})
    key_id, secret = make_key(first, "acme", limits={"requests_per_minute": 1})
    assert chat(second, secret).headers["x-ratelimit-limit-requests"] == "1"
    with pytest.raises(openai.RateLimitError):
        chat(second, secret)
    authenticator = second.gateway.authenticator
    assert authenticator is not None and authenticator.cache_sizes()[0] == 1

    patched = admin_call(
        first, "PATCH", f"/keys/{key_id}", json={"limits": {"requests_per_minute": 3}}
    )
    assert patched.status_code == 200, patched.text
    deadline = monotonic() + 5
    while authenticator.cache_sizes()[0] != 0:  # the notification drops the cached key
        assert monotonic() < deadline, "the other gateway was not told"
        sleep(0.01)
    answer = chat(second, secret)
    assert answer.headers["x-ratelimit-limit-requests"] == "3"
    assert answer.headers["x-ratelimit-remaining-requests"] == "1"
