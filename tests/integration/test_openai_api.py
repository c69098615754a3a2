"""The OpenAI API through the gateway, driven by the official openai SDK."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import openai
import orjson
import pytest

from bastion.telemetry.logs import JsonFormatter
from tests.conftest import GatewayFactory, RunningGateway
from tests.servers import wait_for


def client(gateway: RunningGateway, key: str | None = None) -> openai.OpenAI:
    return openai.OpenAI(
        base_url=gateway.url + "/v1", api_key=key or gateway.admin_key, max_retries=0, timeout=10
    )


@pytest.fixture
def sim_gateway(start_gateway: GatewayFactory, sim_backend: Any) -> RunningGateway:
    return start_gateway(
        {"gpu": {"kind": "openai-compatible", "location": "local", "base_url": sim_backend()}},
        models=[{"name": "fast", "target": "gpu/bastion-sim"}],
    )


def test_chat_non_streaming_with_usage(sim_gateway: RunningGateway) -> None:
    response = client(sim_gateway).chat.completions.with_raw_response.create(
        model="gpu/bastion-sim",
        messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}],
        max_tokens=12,
    )
    completion = response.parse()
    assert completion.model == "gpu/bastion-sim"
    assert completion.choices[0].message.content
    assert completion.usage is not None
    assert completion.usage.completion_tokens <= 12
    assert completion.usage.prompt_tokens > 0
    assert response.headers["x-request-id"].startswith("req_")
    assert response.headers["x-bastion-simulated"] == "true"
    assert response.headers["x-bastion-backend"] == "gpu"
    # The completion phase runs just after the last byte is sent.
    wait_for(
        lambda: (
            sim_gateway.metric("bastion_tokens_total", backend="gpu", direction="output")
            == completion.usage.completion_tokens
        )
    )


def test_chat_streaming_passes_chunks_and_usage(sim_gateway: RunningGateway) -> None:
    stream = client(sim_gateway).chat.completions.create(
        model="fast",
        messages=[{"role": "user", "content": "Tell me a story"}],
        max_tokens=20,
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text
    assert all(c.model == "fast" for c in chunks)
    assert chunks[-1].choices == []
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == 20


def test_stream_without_include_usage_hides_the_usage_chunk(sim_gateway: RunningGateway) -> None:
    stream = client(sim_gateway).chat.completions.create(
        model="fast", messages=[{"role": "user", "content": "Hi"}], max_tokens=5, stream=True
    )
    chunks = list(stream)
    assert all(c.choices for c in chunks)
    # The gateway still metered the stream from the usage it asked the engine for.
    wait_for(
        lambda: sim_gateway.metric("bastion_tokens_total", backend="gpu", direction="output") == 5
    )


def test_n_stop_tools_and_response_format(sim_gateway: RunningGateway) -> None:
    api = client(sim_gateway)
    several = api.chat.completions.create(
        model="fast", messages=[{"role": "user", "content": "Hi"}], n=2, max_tokens=5
    )
    assert [c.index for c in several.choices] == [0, 1]
    tools = [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
            },
        }
    ]
    called = api.chat.completions.create(
        model="fast",
        messages=[{"role": "user", "content": "Weather in Paris?"}],
        tools=tools,  # type: ignore[arg-type]
        tool_choice={"type": "function", "function": {"name": "get_weather"}},
    )
    call = called.choices[0].message.tool_calls
    assert call and call[0].function.name == "get_weather"  # type: ignore[union-attr]
    orjson.loads(call[0].function.arguments)  # type: ignore[union-attr]
    as_json = api.chat.completions.create(
        model="fast",
        messages=[{"role": "user", "content": "JSON please"}],
        response_format={"type": "json_object"},
        max_tokens=50,
    )
    assert isinstance(orjson.loads(as_json.choices[0].message.content or ""), dict)


def test_completions_embeddings_and_models(sim_gateway: RunningGateway) -> None:
    api = client(sim_gateway)
    legacy = api.completions.create(model="fast", prompt="Once upon a time", max_tokens=6)
    assert legacy.choices[0].text
    vectors = api.embeddings.create(model="fast", input=["a", "b"])
    assert len(vectors.data) == 2
    assert len(vectors.data[0].embedding) > 0
    listed = {m.id: m for m in api.models.list()}
    assert {"gpu/bastion-sim", "bastion-sim", "fast"} <= set(listed)
    assert listed["fast"].owned_by == "gpu"


def test_unknown_fields_pass_through_and_model_is_rewritten(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    upstream, gateway = scripted_gateway
    client(gateway).chat.completions.create(
        model="up/echo",
        messages=[{"role": "user", "content": "hi"}],
        extra_body={"chat_template_kwargs": {"enable_thinking": False}, "top_k": 5},
    )
    sent = upstream.last
    assert sent["model"] == "echo"
    assert sent["chat_template_kwargs"] == {"enable_thinking": False}
    assert sent["top_k"] == 5
    # The client's gateway key never reaches the engine.
    assert gateway.admin_key not in str(upstream.headers[-1])


def test_request_id_on_every_response(sim_gateway: RunningGateway) -> None:
    for path in ("/healthz", "/readyz", "/metrics", "/v1/nope"):
        response = httpx.get(sim_gateway.url + path)
        assert response.headers["x-request-id"].startswith("req_"), path


def test_access_log_has_request_id_usage_and_no_secrets(
    scripted_gateway: tuple[Any, RunningGateway], caplog: pytest.LogCaptureFixture
) -> None:
    _, gateway = scripted_gateway
    with caplog.at_level(logging.INFO, logger="bastion.access"):
        response = client(gateway).chat.completions.with_raw_response.create(
            model="up/echo", messages=[{"role": "user", "content": "my secret prompt"}]
        )
        wait_for(lambda: any(r.name == "bastion.access" for r in caplog.records))
    record = next(r for r in caplog.records if r.name == "bastion.access")
    assert record.request_id == response.headers["x-request-id"]  # type: ignore[attr-defined]
    assert record.input_tokens == 11  # type: ignore[attr-defined]
    assert record.tenant == "admin"  # type: ignore[attr-defined]
    assert 0 <= record.injection_score <= 1  # type: ignore[attr-defined]
    rendered = JsonFormatter().format(record)
    assert gateway.admin_key not in rendered
    assert "my secret prompt" not in rendered


def test_engines_answering_on_loopback_are_discovered(
    start_gateway: GatewayFactory, sim_backend: Any
) -> None:
    port = int(sim_backend().rsplit(":", 1)[1].split("/")[0])
    gateway = start_gateway(discovery={"enabled": True, "ports": {"vllm": port}})
    info = gateway.gateway.report.backends
    assert [(b.name, b.location, b.simulated) for b in info] == [("vllm", "local", False)]
    reply = client(gateway).chat.completions.create(
        model="vllm/bastion-sim", messages=[{"role": "user", "content": "Hi"}], max_tokens=3
    )
    assert reply.choices[0].message.content


def test_a_trailing_slash_is_served_as_the_path_without_it_never_redirected(
    sim_gateway: RunningGateway,
) -> None:
    """A redirect would carry an absolute Location built from the client's Host header."""
    headers = {"authorization": f"Bearer {sim_gateway.admin_key}", "host": "attacker.example"}
    models = httpx.get(sim_gateway.url + "/v1/models/", headers=headers)
    assert models.status_code == 200
    assert "location" not in models.headers
    assert models.json()["data"]
    assert httpx.get(sim_gateway.url + "/healthz/", headers=headers).status_code == 200
    model = models.json()["data"][0]["id"]
    chat = httpx.post(
        sim_gateway.url + "/v1/chat/completions/",
        headers=headers,
        json={"model": model, "messages": [{"role": "user", "content": "hello"}]},
        timeout=30,
    )
    assert chat.status_code == 200, chat.text
    assert chat.json()["choices"][0]["message"]["content"]
