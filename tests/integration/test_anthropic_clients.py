"""Anthropic Messages as current clients send them (Claude Code, the anthropic SDK), driven by
the official anthropic SDK: system entries among the turns, thinking, beta opt-ins, unknown
fields, count_tokens, ids, request-id, stop sequences, models by id, and bad input."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import anthropic
import httpx
import openai
import orjson
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.servers import start_server

TOOL = {
    "name": "read_file",
    "description": "Read a file.",
    "input_schema": {"type": "object", "properties": {"path": {"type": "string"}}},
    "cache_control": {"type": "ephemeral"},
}
HISTORY: list[Any] = [
    {"role": "user", "content": "List the files."},
    {
        "role": "assistant",
        "content": [
            {"type": "thinking", "thinking": "I should look.", "signature": "c2ln"},
            {"type": "redacted_thinking", "data": "ZW5j"},
            {"type": "text", "text": "Here they are."},
        ],
    },
    {"role": "system", "content": "The user prefers short answers."},
    {"role": "user", "content": [
        {"type": "text", "text": "Thanks", "cache_control": {"type": "ephemeral"}},
    ]},
]  # fmt: skip


class Upstream:
    """A scripted engine and Anthropic API: records what it receives; answers by model name."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any], dict[str, str], str]] = []
        self.app = Starlette(
            routes=[
                Route("/v1/chat/completions", self.chat, methods=["POST"]),
                Route("/v1/messages", self.messages, methods=["POST"]),
                Route("/v1/messages/count_tokens", self.count, methods=["POST"]),
                Route("/tokenize", self.tokenize, methods=["POST"]),
                Route("/apply-template", self.apply_template, methods=["POST"]),
            ]
        )
        self.tokenizer = "none"  # "none" (404), or "llama.cpp"

    def last(self, path: str) -> tuple[dict[str, Any], dict[str, str], str]:
        for seen, body, headers, query in reversed(self.requests):
            if seen == path:
                return body, headers, query
        raise AssertionError(f"nothing reached {path}")

    async def _record(self, request: Request) -> dict[str, Any]:
        body = orjson.loads(await request.body())
        self.requests.append((request.url.path, body, dict(request.headers), request.url.query))
        return body

    async def chat(self, request: Request) -> Response:
        body = await self._record(request)
        model = body["model"]
        choice: dict[str, Any] = {"index": 0, "finish_reason": "stop"}
        if model == "stop-vllm":
            choice["stop_reason"] = "END"  # vLLM names the stop string that ended the text
        if model == "logprobs":
            top = [{"token": "Hi", "logprob": -0.1, "bytes": [72, 105]}]
            choice["logprobs"] = {"content": [{**top[0], "top_logprobs": top}], "refusal": None}
        if body.get("stream"):
            return StreamingResponse(self._stream(model, choice), media_type="text/event-stream")
        choice["message"] = {"role": "assistant", "content": "Hi"}
        usage = {"prompt_tokens": 11, "completion_tokens": 1, "total_tokens": 12}
        answer = {
            "id": "chatcmpl-abc123",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [choice],
            "usage": usage,
        }
        return _json(answer)

    async def _stream(self, model: str, choice: dict[str, Any]) -> AsyncIterator[bytes]:
        base = {"id": "chatcmpl-abc123", "object": "chat.completion.chunk", "created": 0}
        first = {"index": 0, "delta": {"role": "assistant", "content": "Hi"}, "finish_reason": None}
        if "logprobs" in choice:
            first["logprobs"] = choice["logprobs"]
        yield _sse({**base, "model": model, "choices": [first]})
        end = {**choice, "delta": {}}
        end.pop("logprobs", None)
        yield _sse({**base, "model": model, "choices": [end]})
        usage = {"prompt_tokens": 11, "completion_tokens": 1, "total_tokens": 12}
        yield _sse({**base, "model": model, "choices": [], "usage": usage})
        yield b"data: [DONE]\n\n"

    async def messages(self, request: Request) -> Response:
        body = await self._record(request)
        answer = {
            "id": "msg_0123",
            "type": "message",
            "role": "assistant",
            "model": body["model"],
            "content": [
                {"type": "thinking", "thinking": "Let me see.", "signature": "c2ln"},
                {"type": "text", "text": "Done."},
            ],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": {"input_tokens": 20, "output_tokens": 3},
        }
        return _json(answer)

    async def count(self, request: Request) -> Response:
        body = await self._record(request)
        if "max_tokens" in body:
            error = {"type": "invalid_request_error", "message": "max_tokens: Extra inputs"}
            return _json({"type": "error", "error": error}, 400)
        if body["model"] == "refuse":
            error = {"type": "invalid_request_error", "message": "messages: bad block"}
            return _json({"type": "error", "error": error}, 400)
        return _json({"input_tokens": 42})

    async def tokenize(self, request: Request) -> Response:
        body = await self._record(request)
        if self.tokenizer != "llama.cpp":
            return Response(status_code=404)
        # llama.cpp's /tokenize: text in "content"; without it, no tokens.
        content = body.get("content") or ""
        return _json({"tokens": list(range(len(content.split())))})

    async def apply_template(self, request: Request) -> Response:
        body = await self._record(request)
        if self.tokenizer != "llama.cpp":
            return Response(status_code=404)
        words = " ".join(str(m.get("content")) for m in body["messages"])
        return _json({"prompt": "<start> " + words + " <assistant>"})


def _json(body: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(body), status, media_type="application/json")


def _sse(payload: dict[str, Any]) -> bytes:
    return b"data: " + orjson.dumps(payload) + b"\n\n"


@pytest.fixture
def upstream() -> Iterator[tuple[Upstream, str]]:
    scripted = Upstream()
    server = start_server(scripted.app)
    yield scripted, server.url
    server.stop()


@pytest.fixture
def gateway(start_gateway: GatewayFactory, upstream: tuple[Upstream, str]) -> RunningGateway:
    _, url = upstream
    return start_gateway(
        {
            "local": {"kind": "openai-compatible", "location": "local", "base_url": url + "/v1",
                      "models": ["*"]},
            "cloud": {"kind": "openai-compatible", "location": "external",
                      "base_url": url + "/v1", "models": ["*"], "api_key": "sk-cloud"},
            "anth": {"kind": "anthropic", "location": "external", "base_url": url,
                     "models": ["*"], "api_key": "sk-ant-upstream"},
            "sim": {"kind": "simulator", "location": "local"},
        }
    )  # fmt: skip


def client(gateway: RunningGateway) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=gateway.url, api_key=ADMIN_KEY, max_retries=0, timeout=10)


def raw_create(gateway: RunningGateway, **fields: Any) -> Any:
    return client(gateway).messages.with_raw_response.create(**fields)


# --- system entries, thinking, unknown fields ------------------------------------------------


def test_system_entries_reach_an_openai_engine_in_place(
    gateway: RunningGateway, upstream: tuple[Upstream, str]
) -> None:
    scripted, _ = upstream
    message = client(gateway).messages.create(
        model="local/echo", max_tokens=20, system="Top.", messages=HISTORY, tools=[TOOL]
    )
    assert message.content[0].text == "Hi"  # type: ignore[union-attr]
    sent, _, _ = scripted.last("/v1/chat/completions")
    assert [(m["role"], m["content"]) for m in sent["messages"]] == [
        ("system", "Top."),
        ("user", "List the files."),
        ("assistant", "Here they are."),
        ("system", "The user prefers short answers."),
        ("user", "Thanks"),
    ]


def test_system_entries_on_the_simulator(gateway: RunningGateway) -> None:
    response = raw_create(gateway, model="sim/bastion-sim", max_tokens=8, messages=HISTORY)
    assert response.parse().type == "message"
    # The thinking blocks of the history could not be handed to the engine: named.
    dropped = response.headers["x-bastion-dropped-fields"]
    assert dropped == "messages.content.redacted_thinking, messages.content.thinking"


@pytest.mark.parametrize(
    "thinking", [{"type": "enabled", "budget_tokens": 1024}, {"type": "adaptive"}]
)
def test_thinking_to_a_cloud_openai_backend_is_dropped_and_named(
    gateway: RunningGateway, upstream: tuple[Upstream, str], thinking: dict[str, Any]
) -> None:
    scripted, _ = upstream
    response = raw_create(
        gateway,
        model="cloud/echo",
        max_tokens=20,
        messages=[{"role": "user", "content": "Hi"}],
        thinking=thinking,
    )
    assert response.status_code == 200
    assert response.headers["x-bastion-dropped-fields"] == "thinking"
    sent, _, _ = scripted.last("/v1/chat/completions")
    assert "thinking" not in sent and "chat_template_kwargs" not in sent


@pytest.mark.parametrize(
    ("thinking", "switch", "dropped"),
    [
        ({"type": "enabled", "budget_tokens": 1024}, True, "thinking.budget_tokens"),
        ({"type": "adaptive"}, True, None),
        ({"type": "disabled"}, False, None),
    ],
)
def test_thinking_to_a_local_engine_uses_its_template_switch(
    gateway: RunningGateway,
    upstream: tuple[Upstream, str],
    thinking: dict[str, Any],
    switch: bool,
    dropped: str | None,
) -> None:
    scripted, _ = upstream
    response = raw_create(
        gateway,
        model="local/echo",
        max_tokens=20,
        messages=[{"role": "user", "content": "Hi"}],
        thinking=thinking,
    )
    sent, _, _ = scripted.last("/v1/chat/completions")
    assert sent["chat_template_kwargs"] == {"enable_thinking": switch}
    assert response.headers.get("x-bastion-dropped-fields") == dropped


def test_unknown_fields_are_tolerated_and_named(
    gateway: RunningGateway, upstream: tuple[Upstream, str]
) -> None:
    scripted, _ = upstream
    response = client(gateway).messages.with_raw_response.create(
        model="local/echo",
        max_tokens=20,
        messages=[{"role": "user", "content": "Hi"}],
        extra_body={
            "future_option": {"on": True},
            "context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]},
        },
    )
    assert response.status_code == 200
    assert response.headers["x-bastion-dropped-fields"] == "future_option, context_management"
    sent, _, _ = scripted.last("/v1/chat/completions")
    assert "future_option" not in sent


def test_anthropic_backend_gets_everything_as_sent(
    gateway: RunningGateway, upstream: tuple[Upstream, str]
) -> None:
    scripted, _ = upstream
    fields: dict[str, Any] = {
        "thinking": {"type": "enabled", "budget_tokens": 2048},
        "context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]},
        "output_config": {"effort": "high"},
        "metadata": {"user_id": "u-1"},
    }
    response = client(gateway).beta.messages.with_raw_response.create(
        model="anth/claude-x",
        max_tokens=4096,
        system=[{"type": "text", "text": "Agent.", "cache_control": {"type": "ephemeral"}}],
        messages=HISTORY,
        tools=[TOOL],
        betas=["context-management-2025-06-27"],
        extra_body={"future_option": 1, **fields},
        extra_query={"beta": "true"},  # as Claude Code's SDK adds
        extra_headers={"anthropic-version": "2099-01-01"},
    )
    message = response.parse()
    assert message.id == "msg_0123"
    assert [b.type for b in message.content] == ["thinking", "text"]
    assert "x-bastion-dropped-fields" not in response.headers
    sent, headers, query = scripted.last("/v1/messages")
    for key, value in fields.items():
        assert sent[key] == value
    assert sent["future_option"] == 1
    assert sent["messages"] == HISTORY  # system entries and thinking blocks included
    assert sent["tools"] == [TOOL]
    assert sent["system"][0]["cache_control"] == {"type": "ephemeral"}
    assert query == "beta=true"
    assert headers["anthropic-beta"] == "context-management-2025-06-27"
    assert headers["anthropic-version"] == "2099-01-01"  # the client's, not the default
    assert headers["x-api-key"] == "sk-ant-upstream"


# --- ids, request-id, stop sequences ------------------------------------------------------------


def test_ids_and_request_id_whatever_the_backend(gateway: RunningGateway) -> None:
    response = raw_create(
        gateway, model="local/echo", max_tokens=5, messages=[{"role": "user", "content": "Hi"}]
    )
    message = response.parse()
    assert message.id == "msg_abc123"  # the engine's chatcmpl-abc123
    assert response.headers["request-id"] == response.headers["x-request-id"]
    assert message._request_id == response.headers["x-request-id"]
    with client(gateway).messages.stream(
        model="local/echo", max_tokens=5, messages=[{"role": "user", "content": "Hi"}]
    ) as stream:
        final = stream.get_final_message()
        assert stream.response.headers["request-id"].startswith("req_")
    assert final.id == "msg_abc123"
    sim = client(gateway).messages.create(
        model="sim/bastion-sim", max_tokens=5, messages=[{"role": "user", "content": "Hi"}]
    )
    assert sim.id.startswith("msg_")


def test_stop_sequence_whole_and_streamed(gateway: RunningGateway) -> None:
    fields: dict[str, Any] = {
        "model": "local/stop-vllm",
        "max_tokens": 50,
        "stop_sequences": ["END", "STOP"],
        "messages": [{"role": "user", "content": "Count"}],
    }
    message = client(gateway).messages.create(**fields)
    assert (message.stop_reason, message.stop_sequence) == ("stop_sequence", "END")
    with client(gateway).messages.stream(**fields) as stream:
        final = stream.get_final_message()
    assert (final.stop_reason, final.stop_sequence) == ("stop_sequence", "END")
    plain = client(gateway).messages.create(**{**fields, "model": "local/echo"})
    assert (plain.stop_reason, plain.stop_sequence) == ("end_turn", None)


def test_logprobs_pass_through_on_openai_chat(gateway: RunningGateway) -> None:
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0)
    fields: dict[str, Any] = {
        "model": "local/logprobs",
        "messages": [{"role": "user", "content": "Hi"}],
        "logprobs": True,
        "top_logprobs": 1,
    }
    completion = api.chat.completions.create(**fields)
    logprobs = completion.choices[0].logprobs
    assert logprobs is not None and logprobs.content is not None
    assert logprobs.content[0].token == "Hi"
    assert logprobs.content[0].top_logprobs[0].logprob == -0.1
    chunks = list(api.chat.completions.create(**fields, stream=True))
    streamed = chunks[0].choices[0].logprobs
    assert streamed is not None and streamed.content is not None
    assert streamed.content[0].token == "Hi"


# --- models by id ------------------------------------------------------------------------------


def test_models_by_id_in_both_shapes(gateway: RunningGateway) -> None:
    model = client(gateway).models.retrieve("sim/bastion-sim")
    assert (model.type, model.id) == ("model", "sim/bastion-sim")
    assert model.display_name == "sim/bastion-sim (simulated)"
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0)
    same = api.models.retrieve("sim/bastion-sim")
    assert (same.id, same.object, same.owned_by) == (
        "sim/bastion-sim",
        "model",
        "bastion-simulator",
    )
    wildcard = api.models.retrieve("local/any-model")  # a backend that passes names on
    assert wildcard.id == "local/any-model"
    with pytest.raises(anthropic.NotFoundError) as missing:
        client(gateway).models.retrieve("nope/nothing")
    assert missing.value.body["error"]["type"] == "not_found_error"  # type: ignore[index]
    with pytest.raises(openai.NotFoundError):
        api.models.retrieve("nope")
    anonymous = httpx.get(gateway.url + "/v1/models/sim/bastion-sim")
    assert anonymous.status_code == 401


# --- count_tokens ------------------------------------------------------------------------------


def count(gateway: RunningGateway, **fields: Any) -> Any:
    return client(gateway).messages.with_raw_response.count_tokens(**fields)


def test_count_tokens_on_the_simulator_uses_its_tokenizer(gateway: RunningGateway) -> None:
    fields: dict[str, Any] = {
        "model": "sim/bastion-sim",
        "system": "You are a coding agent.",
        "messages": HISTORY,
        "tools": [TOOL],
    }
    response = count(gateway, **fields)
    assert response.headers["x-bastion-token-count"] == "engine-tokenizer"
    assert response.headers["request-id"] == response.headers["x-request-id"]
    counted = response.parse().input_tokens
    message = client(gateway).messages.create(max_tokens=3, **fields)
    usage = message.usage
    assert counted == usage.input_tokens + (usage.cache_read_input_tokens or 0)
    # The estimate for the same request never counts less.
    from bastion.api.count_tokens import estimate_input_tokens

    assert estimate_input_tokens(fields) >= counted


def test_count_tokens_estimates_when_the_engine_cannot_count(
    gateway: RunningGateway, upstream: tuple[Upstream, str]
) -> None:
    response = count(gateway, model="local/echo", messages=[{"role": "user", "content": "Hi"}])
    assert response.headers["x-bastion-token-count"] == "estimate"
    assert "no tokenizer endpoint" in response.headers["x-bastion-token-count-reason"]
    assert response.parse().input_tokens >= 10
    # A cloud API is not asked at all.
    cloud = count(gateway, model="cloud/echo", messages=[{"role": "user", "content": "Hi"}])
    assert cloud.headers["x-bastion-token-count"] == "estimate"
    assert "offers no token counting" in cloud.headers["x-bastion-token-count-reason"]


def test_count_tokens_through_llama_cpp_templates(
    gateway: RunningGateway, upstream: tuple[Upstream, str]
) -> None:
    scripted, _ = upstream
    scripted.tokenizer = "llama.cpp"
    response = count(gateway, model="local/echo", messages=[{"role": "user", "content": "a b c"}])
    assert response.headers["x-bastion-token-count"] == "engine-tokenizer"
    assert response.parse().input_tokens == 5  # "<start> a b c <assistant>"
    sent, _, _ = scripted.last("/tokenize")
    assert sent == {
        "content": "<start> a b c <assistant>",
        "add_special": True,
        "parse_special": True,
    }


def test_count_tokens_when_the_engine_is_down(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(
        {"gpu": {"kind": "openai-compatible", "location": "local",
                 "base_url": "http://127.0.0.1:9/v1", "models": ["m"]}}
    )  # fmt: skip
    response = count(gateway, model="gpu/m", messages=[{"role": "user", "content": "Hi"}])
    assert response.status_code == 200
    assert response.headers["x-bastion-token-count"] == "estimate"
    assert response.parse().input_tokens > 0


def test_count_tokens_forwarded_to_anthropic(
    gateway: RunningGateway, upstream: tuple[Upstream, str]
) -> None:
    scripted, _ = upstream
    response = client(gateway).beta.messages.with_raw_response.count_tokens(
        model="anth/claude-x",
        messages=HISTORY,
        system="Agent.",
        tools=[TOOL],  # type: ignore[list-item]
        thinking={"type": "enabled", "budget_tokens": 2048},
        betas=["token-counting-2024-11-01"],
        extra_query={"beta": "true"},
    )
    assert response.parse().input_tokens == 42
    assert response.headers["x-bastion-token-count"] == "backend"
    sent, headers, query = scripted.last("/v1/messages/count_tokens")
    assert sent["model"] == "claude-x"
    assert sent["messages"] == HISTORY
    assert sent["thinking"] == {"type": "enabled", "budget_tokens": 2048}
    assert query == "beta=true"
    assert "token-counting-2024-11-01" in headers["anthropic-beta"]
    assert headers["x-api-key"] == "sk-ant-upstream"
    with pytest.raises(anthropic.BadRequestError, match="bad block"):
        client(gateway).messages.count_tokens(
            model="anth/refuse", messages=[{"role": "user", "content": "Hi"}]
        )


def test_count_tokens_keeps_on_premises_data_home(
    gateway: RunningGateway, upstream: tuple[Upstream, str]
) -> None:
    scripted, _ = upstream
    before = len(scripted.requests)
    response = client(gateway).messages.with_raw_response.count_tokens(
        model="anth/claude-x",
        messages=[{"role": "user", "content": "Hi"}],
        extra_headers={"x-bastion-data-classification": "confidential"},
    )
    assert response.parse().input_tokens > 0
    assert response.headers["x-bastion-token-count"] == "estimate"
    assert "on-premises" in response.headers["x-bastion-token-count-reason"]
    assert len(scripted.requests) == before  # nothing left the building


def test_count_tokens_is_authenticated(gateway: RunningGateway) -> None:
    anonymous = anthropic.Anthropic(base_url=gateway.url, api_key="sk-wrong", max_retries=0)
    with pytest.raises(anthropic.AuthenticationError):
        anonymous.messages.count_tokens(
            model="sim/bastion-sim", messages=[{"role": "user", "content": "Hi"}]
        )
    with pytest.raises(anthropic.NotFoundError):
        client(gateway).messages.count_tokens(
            model="nope", messages=[{"role": "user", "content": "Hi"}]
        )


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"messages": [{"role": "user", "content": [{"text": "no type"}]}]},
         "messages[0].content[0].type"),
        ({"messages": [{"role": "user", "content": [{"type": "text", "text": 5}]}]},
         "messages[0].content[0].text"),
        ({"messages": [{"role": "user", "content": ["loose string"]}]}, "messages[0].content[0]"),
        ({"messages": [{"role": "system", "content": [{"type": "image", "source": {
            "type": "url", "url": "https://x/y.png"}}]}]}, "messages[0].content[0]"),
        ({"messages": [{"role": "system", "content": 7}]}, "messages[0].content"),
        ({"messages": [{"role": "tool", "content": "x"}]}, "messages[0].role"),
        ({"system": [{"type": "image"}]}, "system[0]"),
        ({"max_tokens": "ten"}, "max_tokens"),
        ({"stop_sequences": "END"}, "stop_sequences"),
        ({"thinking": "on"}, "thinking"),
        ({"thinking": {"type": "enabled", "budget_tokens": "lots"}}, "thinking.budget_tokens"),
        ({"tools": {"name": "x"}}, "tools"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("model", ["local/echo", "anth/claude-x"])
def test_bad_input_is_a_clear_400_in_anthropic_shape(
    gateway: RunningGateway, fields: dict[str, Any], named: str, model: str
) -> None:
    body = {"model": model, "max_tokens": 10, "messages": [{"role": "user", "content": "Hi"}]}
    response = httpx.post(
        gateway.url + "/v1/messages",
        json={**body, **fields},
        headers={"x-api-key": ADMIN_KEY, "anthropic-version": "2023-06-01"},
    )
    assert response.status_code == 400
    error = response.json()
    assert error["type"] == "error"
    assert error["error"]["type"] == "invalid_request_error"
    assert f"'{named}'" in error["error"]["message"]
    assert response.headers["request-id"] == response.headers["x-request-id"]
