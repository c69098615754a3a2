"""Backend capacity and the priority queue, through the official SDKs."""

from __future__ import annotations

import threading
from typing import Any

import anthropic
import httpx
import openai
import pytest

from tests.conftest import GatewayFactory, RunningGateway
from tests.integration.test_admission import make_key

# Real time: a 60-token answer takes about 0.4 s, long enough to hold the only slot.
SIM = {
    "sim": {
        "kind": "simulator",
        "location": "local",
        "simulator": {"time_scale": 1},
        "capacity": {"concurrent_requests": 1},
    }
}


def client(gateway: RunningGateway, secret: str, **headers: str) -> openai.OpenAI:
    return openai.OpenAI(
        base_url=gateway.url + "/v1", api_key=secret, max_retries=0, default_headers=headers
    )


def chat(
    gateway: RunningGateway,
    secret: str,
    api: openai.OpenAI | None = None,
    max_tokens: int = 60,
    headers: dict[str, str] | None = None,
) -> Any:
    api = api or client(gateway, secret, **(headers or {}))
    # ignore_eos (as vLLM's benchmarks send it): the simulator generates all max_tokens instead
    # of ending at a sampled natural length, so a request holds its slot for a known time.
    return api.chat.completions.create(
        model="bastion-sim",
        messages=[{"role": "user", "content": "hi"}],
        max_tokens=max_tokens,
        extra_body={"ignore_eos": True},
    )


def in_background(call: Any) -> tuple[threading.Thread, list[Any]]:
    results: list[Any] = []

    def run() -> None:
        try:
            results.append(call())
        except Exception as exc:
            results.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, results


def test_requests_beyond_capacity_wait_their_turn(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(SIM)
    _, secret = make_key(gateway, "acme")
    # Clients are built first and released together, so the three calls overlap however
    # slowly the threads start; each answer takes about a second.
    together = threading.Barrier(3)
    apis = [client(gateway, secret) for _ in range(3)]

    def call(api: openai.OpenAI) -> Any:
        together.wait(30)
        return chat(gateway, secret, api, max_tokens=150)

    started = [in_background(lambda api=api: call(api)) for api in apis]
    for thread, _ in started:
        thread.join(30)
    assert all(not isinstance(r[0], Exception) for _, r in started)
    # Counted once each answer is complete, which may be just after the client has it.
    _wait_until(lambda: gateway.metric("bastion_queue_wait_seconds_count") == 3)
    promptly = gateway.metric("bastion_queue_wait_seconds_bucket", le="0.005")
    assert promptly == 1, "two of the three waited for the one slot"
    assert gateway.metric("bastion_capacity_in_use", backend="sim") == 0
    assert gateway.metric("bastion_queue_depth", backend="sim") == 0


def test_a_request_that_may_not_wait_is_shed_in_its_protocol(
    start_gateway: GatewayFactory,
) -> None:
    gateway = start_gateway(SIM)
    _, secret = make_key(gateway, "acme")

    def hold_the_slot() -> threading.Thread:
        # About 2 s, so a slow machine still refuses while the slot is taken.
        thread, _ = in_background(lambda: chat(gateway, secret, max_tokens=300))
        _wait_until(lambda: gateway.metric("bastion_capacity_in_use", backend="sim") == 1)
        return thread

    thread = hold_the_slot()
    with pytest.raises(openai.InternalServerError) as refused:
        chat(gateway, secret, headers={"x-bastion-queue-timeout": "0"})
    response = refused.value.response
    assert response.status_code == 503
    assert int(response.headers["retry-after"]) >= 1
    body = response.json()["error"]
    assert body["code"] == "overloaded"
    assert (
        "Backend 'sim' is at capacity: no capacity is free and this request may not wait"
        in (body["message"])
    )
    thread.join(30)

    thread = hold_the_slot()
    messages = anthropic.Anthropic(
        base_url=gateway.url,
        api_key=secret,
        max_retries=0,
        default_headers={"x-bastion-queue-timeout": "0"},
    )
    with pytest.raises(anthropic.APIStatusError) as overloaded:
        messages.messages.create(
            model="bastion-sim", max_tokens=8, messages=[{"role": "user", "content": "hi"}]
        )
    assert overloaded.value.status_code == 503
    assert overloaded.value.body["error"]["type"] == "overloaded_error"  # type: ignore[index]
    thread.join(30)
    assert gateway.metric("bastion_queue_shed_total", backend="sim", reason="busy") == 2


def test_queue_headers_are_checked(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(SIM)
    _, secret = make_key(gateway, "acme")
    for header, value in [
        ("x-bastion-priority", "urgent"),
        ("x-bastion-priority", "12"),
        ("x-bastion-queue-timeout", "-1"),
        ("x-bastion-queue-timeout", "nan"),
    ]:
        with pytest.raises(openai.BadRequestError) as caught:
            chat(gateway, secret, headers={header: value})
        assert header in caught.value.message


def test_status_shows_capacity_and_the_queue(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(
        {"sim": {**SIM["sim"], "capacity": {"concurrent_requests": 3, "reserved": {"acme": 1}}}}
    )
    status = httpx.get(
        gateway.url + "/admin/status",
        headers={"authorization": f"Bearer {gateway.admin_key}"},
    ).json()
    (backend,) = [b for b in status["backends"] if b["name"] == "sim"]
    capacity = backend["capacity"]
    assert capacity["concurrent_requests"] == 3
    assert capacity["reserved"] == {"acme": {"slots": 1, "in_use": 0}}
    assert capacity["waiting"] == 0


def _wait_until(condition: Any, timeout: float = 10.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def test_capacity_is_learned_from_the_engine(
    start_gateway: GatewayFactory, sim_backend: Any
) -> None:
    url = sim_backend(time_scale=1, max_num_seqs=2, num_kv_blocks=1024)
    gateway = start_gateway(
        {
            "gpu": {
                "kind": "openai-compatible",
                "location": "local",
                "base_url": url,
                "models": ["bastion-sim"],
                "engine_metrics": {"interval_seconds": 0.1},
                "capacity": {"learn": True},
            }
        }
    )
    _, secret = make_key(gateway, "acme")

    def capacity() -> dict[str, Any]:
        status = httpx.get(
            gateway.url + "/admin/status",
            headers={"authorization": f"Bearer {gateway.admin_key}"},
        ).json()
        (backend,) = [b for b in status["backends"] if b["name"] == "gpu"]
        return backend["capacity"]  # type: ignore[no-any-return]

    # The KV size is stated by the engine; its concurrency shows once requests queue there.
    _wait_until(lambda: capacity()["kv_tokens"] == 1024 * 16)
    assert capacity()["concurrent_requests"] is None
    burst = [in_background(lambda: chat(gateway, secret)) for _ in range(8)]
    for thread, _ in burst:
        thread.join(30)
    assert all(not isinstance(r[0], Exception) for _, r in burst)
    assert capacity()["concurrent_requests"] == 2
