"""The gateway's OpenAI-protocol responses, checked against the published OpenAI API description.

Bodies are taken raw (httpx, or the openai SDK's ``with_raw_response``) so that what is checked is
exactly what went over the wire, not what an SDK model chose to keep. Extra fields the schema does
not forbid are allowed, as they are for OpenAI's own clients. Each test runs its cases against one
gateway and reports every failing case at once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import openai
import orjson
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from tests import openapi_schema
from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.servers import free_port, start_server

AUTH = {"Authorization": f"Bearer {ADMIN_KEY}"}
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather in a city",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
            "required": ["city"],
        },
    },
}
NAMED_CHOICE = {"type": "function", "function": {"name": "get_weather"}}


class Checker:
    """Collects schema violations of several bodies; ``verify()`` fails with all of them."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def __call__(self, component: str, body: Any, where: str) -> None:
        errors = openapi_schema.schema_errors(component, body)
        if errors:
            lines = "\n    ".join(errors)
            self.failures.append(f"{where}: {component} violated by {body!r}\n    {lines}")

    def expect(self, condition: object, where: str, what: str) -> None:
        if not condition:
            self.failures.append(f"{where}: {what}")

    def verify(self) -> None:
        assert not self.failures, "\n".join(self.failures)


@pytest.fixture(scope="session")
def openai_spec() -> None:
    """Parses the description once; skips without it, or fails when CI=true."""
    reason = openapi_schema.missing_spec_reason()
    if reason is not None:
        if openapi_schema.in_ci():
            pytest.fail(f"{reason}; it is required when CI=true")
        pytest.skip(reason)
    openapi_schema.load_document()


@pytest.fixture
def check(openai_spec: None) -> Checker:
    """A fresh ``Checker``; a test calls ``check.verify()`` once its cases have run."""
    return Checker()


@pytest.fixture
def sim_gateway(start_gateway: GatewayFactory, sim_backend: Any) -> RunningGateway:
    return start_gateway(
        {"gpu": {"kind": "openai-compatible", "location": "local", "base_url": sim_backend()}},
        models=[{"name": "fast", "target": "gpu/bastion-sim"}],
    )


def client(gateway: RunningGateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0, timeout=10)


def post(gateway: RunningGateway, path: str, **kwargs: Any) -> httpx.Response:
    headers = {**AUTH, **kwargs.pop("headers", {})}
    return httpx.post(gateway.url + path, headers=headers, timeout=10, **kwargs)


def sse_payloads(raw: bytes) -> list[dict[str, Any]]:
    """The JSON payload of every ``data:`` line of an SSE body, ``[DONE]`` excepted."""
    payloads: list[dict[str, Any]] = []
    for line in raw.splitlines():
        if line.startswith(b"data:") and line[5:].strip() != b"[DONE]":
            payloads.append(orjson.loads(line[5:]))
    return payloads


def check_stream(check: Checker, response: httpx.Response, where: str) -> list[dict[str, Any]]:
    """Every chunk of a complete chat stream against ``CreateChatCompletionStreamResponse``."""
    check.expect(response.status_code == 200, where, f"status {response.status_code}")
    check.expect(
        response.content.rstrip().endswith(b"data: [DONE]"), where, "no final data: [DONE]"
    )
    chunks = sse_payloads(response.content)
    check.expect(chunks, where, "no chunks")
    for number, chunk in enumerate(chunks):
        check("CreateChatCompletionStreamResponse", chunk, f"{where}, chunk {number}")
    return chunks


def test_the_description_is_enforced(openai_spec: None) -> None:
    """The validators are not vacuous: nullable values pass, wrong shapes do not."""
    choice = {"index": 0, "delta": {"content": "x"}, "logprobs": None, "finish_reason": None}
    chunk = {"id": "c", "object": "chat.completion.chunk", "created": 0, "model": "m",
             "choices": [choice], "usage": None}  # fmt: skip
    errors = openapi_schema.schema_errors
    assert errors("CreateChatCompletionStreamResponse", chunk) == []
    unfinished = {**choice, "finish_reason": "abort"}
    assert errors("CreateChatCompletionStreamResponse", {**chunk, "choices": [unfinished]})
    assert errors("CreateChatCompletionStreamResponse", {**chunk, "usage": {"prompt_tokens": 1}})
    usage = {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
    message = {"role": "assistant", "content": "x"}  # "refusal" is required, null or not
    answer = {"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}
    completion = {**chunk, "object": "chat.completion", "choices": [answer], "usage": usage}
    assert errors("CreateChatCompletionResponse", completion) == [
        "choices/0/message: 'refusal' is a required property"
    ]
    assert errors("ErrorResponse", {"error": {"message": "m", "type": "t", "param": None}})
    assert errors("ListModelsResponse", {"object": "list", "data": [{"id": "m"}]})


# --- chat completions -----------------------------------------------------------------------

CHAT_CASES: dict[str, dict[str, Any]] = {
    "text": {"max_tokens": 12},
    "n-2": {"max_tokens": 6, "n": 2},
    "stop": {"max_tokens": 30, "stop": ["e"]},
    "tools-auto": {"tools": [WEATHER_TOOL], "max_tokens": 10},
    "tool-named": {"tools": [WEATHER_TOOL], "tool_choice": NAMED_CHOICE},
    "tool-required": {"tools": [WEATHER_TOOL], "tool_choice": "required"},
    "json-object": {"response_format": {"type": "json_object"}, "max_tokens": 40},
}


def test_chat_completions_from_an_openai_engine(
    sim_gateway: RunningGateway, check: Checker
) -> None:
    api = client(sim_gateway)
    for case, extra in CHAT_CASES.items():
        raw = api.chat.completions.with_raw_response.create(
            model="fast",
            messages=[
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "Hi"},
            ],
            **extra,
        )
        body = orjson.loads(raw.content)
        check("CreateChatCompletionResponse", body, case)
        check.expect(len(body["choices"]) == extra.get("n", 1), case, "wrong number of choices")
        if "tool_choice" in extra:
            choice = body["choices"][0]
            check.expect(choice["message"].get("tool_calls"), case, "no tool call")
            check.expect(choice["finish_reason"] == "tool_calls", case, "finish_reason")
    check.verify()


STREAM_CASES: dict[str, dict[str, Any]] = {
    "usage": {"max_tokens": 8, "stream_options": {"include_usage": True}},
    "no-usage": {"max_tokens": 8},
    "n-2-usage": {"max_tokens": 4, "n": 2, "stream_options": {"include_usage": True}},
    "tool-named-usage": {
        "tools": [WEATHER_TOOL],
        "tool_choice": NAMED_CHOICE,
        "stream_options": {"include_usage": True},
    },
}


def test_chat_stream_chunks_from_an_openai_engine(
    sim_gateway: RunningGateway, check: Checker
) -> None:
    for case, extra in STREAM_CASES.items():
        body = {"model": "fast", "messages": [{"role": "user", "content": "Hi"}], "stream": True}
        chunks = check_stream(
            check, post(sim_gateway, "/v1/chat/completions", json=body | extra), case
        )
        if "stream_options" in extra:
            usage = chunks[-1].get("usage") or {}
            check.expect(chunks[-1]["choices"] == [], case, "last chunk has choices")
            check.expect(usage.get("completion_tokens"), case, "no usage in the last chunk")
        else:
            check.expect(all(c.get("usage") is None for c in chunks), case, "usage not asked for")
    check.verify()


def test_chat_completion_from_an_anthropic_backend(
    scripted_gateway: tuple[Any, RunningGateway], check: Checker
) -> None:
    _, gateway = scripted_gateway
    raw = client(gateway).chat.completions.with_raw_response.create(
        model="anth/anthropic-x",
        messages=[{"role": "system", "content": "Be kind."}, {"role": "user", "content": "Hi"}],
    )
    body = orjson.loads(raw.content)
    check("CreateChatCompletionResponse", body, "translated")
    assert body["choices"][0]["message"]["content"] == "echo 1 messages"
    assert body["usage"]["prompt_tokens_details"] == {"cached_tokens": 2}
    check.verify()


def test_chat_stream_chunks_from_an_anthropic_backend(
    scripted_gateway: tuple[Any, RunningGateway], check: Checker
) -> None:
    _, gateway = scripted_gateway
    body = {"model": "anth/anthropic-x", "messages": [{"role": "user", "content": "Hi"}]}
    for case, extra in {
        "usage": {"stream_options": {"include_usage": True}},
        "no-usage": {},
    }.items():
        response = post(gateway, "/v1/chat/completions", json=body | {"stream": True} | extra)
        chunks = check_stream(check, response, case)
        text = "".join(
            c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"]
        )
        check.expect(text == "Hello there", case, f"text {text!r}")
        if extra:
            check.expect(chunks[-1]["choices"] == [], case, "last chunk has choices")
            check.expect(chunks[-1].get("usage"), case, "no usage in the last chunk")
            # OpenAI: "All other chunks will also include a usage field, but with a null value".
            check.expect(
                all("usage" in c and c["usage"] is None for c in chunks[:-1]),
                case,
                "a chunk before the last without usage: null",
            )
            details = chunks[-1]["usage"].get("prompt_tokens_details")
            check.expect(details == {"cached_tokens": 0}, case, f"prompt details {details!r}")
    check.verify()


def test_cut_stream_chunks_and_its_error_event(
    scripted_gateway: tuple[Any, RunningGateway], check: Checker
) -> None:
    _, gateway = scripted_gateway
    body = {"model": "up/cut", "messages": [{"role": "user", "content": "x"}], "stream": True}
    response = post(gateway, "/v1/chat/completions", json=body)
    assert response.status_code == 200
    *chunks, error = sse_payloads(response.content)
    assert chunks
    for number, chunk in enumerate(chunks):
        check("CreateChatCompletionStreamResponse", chunk, f"chunk {number}")
    check("ErrorResponse", error, "error event")
    check.verify()


# --- legacy completions, embeddings, models -------------------------------------------------


def test_completions_embeddings_and_models(sim_gateway: RunningGateway, check: Checker) -> None:
    api = client(sim_gateway)
    for n in (1, 2):
        raw = api.completions.with_raw_response.create(
            model="fast", prompt="Once upon a time", max_tokens=6, n=n
        )
        body = orjson.loads(raw.content)
        check("CreateCompletionResponse", body, f"completion n={n}")
        check.expect(len(body["choices"]) == n, f"completion n={n}", "wrong number of choices")
    # Floats only: the description has no shape for base64 vectors (which the openai SDK asks
    # for by default), so embeddings go over plain HTTP.
    embedding_cases: dict[str, dict[str, Any]] = {
        "one-float": {"input": "one", "encoding_format": "float"},
        "two-default": {"input": ["a", "b"]},
        "tokens-dimensions": {"input": [[1, 2, 3]], "dimensions": 8},
    }
    for case, extra in embedding_cases.items():
        response = post(sim_gateway, "/v1/embeddings", json={"model": "fast", **extra})
        check.expect(response.status_code == 200, case, f"status {response.status_code}")
        check("CreateEmbeddingResponse", response.json(), f"embeddings {case}")
    raw_models = api.models.with_raw_response.list()
    models = orjson.loads(raw_models.content)
    check("ListModelsResponse", models, "models")
    assert {"gpu/bastion-sim", "fast"} <= {m["id"] for m in models["data"]}
    check.verify()


# --- errors ---------------------------------------------------------------------------------


@pytest.fixture
def error_gateway(scripted: tuple[Any, str], start_gateway: GatewayFactory) -> RunningGateway:
    """The scripted backends, a backend nothing listens on, and a 1 KiB body limit."""
    _, url = scripted
    return start_gateway(
        {
            "up": {
                "kind": "openai-compatible",
                "location": "local",
                "base_url": url + "/v1",
                "models": ["*"],
            },
            "anth": {
                "kind": "anthropic",
                "location": "external",
                "base_url": url,
                "api_key": "sk-ant-upstream-secret",
                "models": ["*"],
            },
            "dead": {
                "kind": "openai-compatible",
                "location": "local",
                "base_url": f"http://127.0.0.1:{free_port()}/v1",
                "models": ["m"],
            },
        },
        server={"max_body_bytes": 1024},
    )


def _chat(model: str) -> bytes:
    return orjson.dumps({"model": model, "messages": [{"role": "user", "content": "x"}]})


BAD_KEY = {"Authorization": "Bearer bst-not-a-real-key"}
POST_CHAT = ("POST", "/v1/chat/completions")
# name: (method, path, body, headers, expected status)
ERROR_CASES: dict[str, tuple[str, str, bytes | None, dict[str, str], int]] = {
    "400 malformed JSON": (*POST_CHAT, b"{not json", AUTH, 400),
    "400 invalid field": (*POST_CHAT, b'{"model": "up/echo", "messages": []}', AUTH, 400),
    "401 bad key": (*POST_CHAT, _chat("up/echo"), BAD_KEY, 401),
    "401 no key": (*POST_CHAT, _chat("up/echo"), {}, 401),
    "401 models": ("GET", "/v1/models", None, BAD_KEY, 401),
    "404 unknown model": (*POST_CHAT, _chat("gpt-17"), AUTH, 404),
    "404 unknown path": ("POST", "/v1/nothing", b"{}", AUTH, 404),
    "405 wrong method": ("GET", "/v1/chat/completions", None, AUTH, 405),
    "413 body too large": (*POST_CHAT, _chat("up/echo" + "x" * 2048), AUTH, 413),
    "502 upstream 500": (*POST_CHAT, _chat("up/fail-500"), AUTH, 502),
    "502 upstream refused": (*POST_CHAT, _chat("dead/m"), AUTH, 502),
    "502 upstream garbage": (*POST_CHAT, _chat("up/garbage"), AUTH, 502),
    "502 upstream rejects credentials": (*POST_CHAT, _chat("up/bad-key"), AUTH, 502),
    "503 anthropic overloaded": (*POST_CHAT, _chat("anth/anthropic-overloaded"), AUTH, 503),
    "400 upstream passthrough": (*POST_CHAT, _chat("up/fail-400"), AUTH, 400),
    "429 upstream passthrough": (*POST_CHAT, _chat("up/rate-limited"), AUTH, 429),
    "400 embeddings on anthropic": (
        "POST", "/v1/embeddings", b'{"model": "anth/anthropic-x", "input": "x"}', AUTH, 400
    ),
}  # fmt: skip


def test_error_bodies(error_gateway: RunningGateway, check: Checker) -> None:
    for case, (method, path, content, headers, status) in ERROR_CASES.items():
        response = httpx.request(
            method,
            error_gateway.url + path,
            content=content,
            headers={"content-type": "application/json", **headers},
            timeout=10,
        )
        check.expect(response.status_code == status, case, f"status {response.status_code}")
        check.expect(
            response.headers["content-type"].startswith("application/json"), case, "not JSON"
        )
        check("ErrorResponse", response.json(), case)
    check.verify()


def test_engine_errors_passed_through(sim_gateway: RunningGateway, check: Checker) -> None:
    """Errors the simulator answers with (in vLLM's places, with OpenAI's field types)."""
    cases = {
        "400 unknown tool": {
            "messages": [{"role": "user", "content": "x"}],
            "tools": [WEATHER_TOOL],
            "tool_choice": {"type": "function", "function": {"name": "nope"}},
        },
        "400 context length": {
            "messages": [{"role": "user", "content": "x"}],
            "max_tokens": 1_000_000,
        },
    }
    for case, extra in cases.items():
        response = post(sim_gateway, "/v1/chat/completions", json={"model": "fast", **extra})
        check.expect(response.status_code == 400, case, f"status {response.status_code}")
        check("ErrorResponse", response.json(), case)
    check.verify()


# --- an engine answering errors exactly as vLLM does ----------------------------------------

# vLLM's ErrorInfo types ``code`` as an int and fills in the HTTP status.
VLLM_ERROR = {"message": "max_tokens is too large", "type": "BadRequestError", "param": None,
              "code": 400}  # fmt: skip


class VllmShapedEngine:
    """Answers chat requests with vLLM's error body, or streams a chunk and vLLM's error event."""

    def __init__(self) -> None:
        self.app = Starlette(routes=[Route("/v1/chat/completions", self.chat, methods=["POST"])])

    async def chat(self, request: Request) -> Response:
        body = orjson.loads(await request.body())
        if body.get("stream"):
            return StreamingResponse(self._stream(), media_type="text/event-stream")
        return Response(orjson.dumps({"error": VLLM_ERROR}), 400, media_type="application/json")

    async def _stream(self) -> AsyncIterator[bytes]:
        choice = {"index": 0, "delta": {"role": "assistant", "content": "Hi"},
                  "logprobs": None, "finish_reason": None}  # fmt: skip
        chunk = {"id": "chatcmpl-v", "object": "chat.completion.chunk", "created": 0,
                 "model": "m", "choices": [choice]}  # fmt: skip
        yield b"data: " + orjson.dumps(chunk) + b"\n\n"
        error = {**VLLM_ERROR, "type": "InternalServerError", "code": 500}
        yield b"data: " + orjson.dumps({"error": error}) + b"\n\n"
        yield b"data: [DONE]\n\n"


@pytest.fixture
def vllm_gateway(start_gateway: GatewayFactory) -> Iterator[RunningGateway]:
    server = start_server(VllmShapedEngine().app)
    try:
        yield start_gateway(
            {
                "vllm": {
                    "kind": "openai-compatible",
                    "location": "local",
                    "base_url": server.url + "/v1",
                    "models": ["m"],
                }
            }
        )
    finally:
        server.stop()


def test_vllm_error_passed_through(vllm_gateway: RunningGateway, check: Checker) -> None:
    response = post(vllm_gateway, "/v1/chat/completions", content=_chat("vllm/m"))
    assert response.status_code == 400
    assert response.json()["error"]["message"] == VLLM_ERROR["message"]
    check("ErrorResponse", response.json(), "engine 400")
    check.verify()


def test_vllm_stream_error_event_passed_through(
    vllm_gateway: RunningGateway, check: Checker
) -> None:
    body = {"model": "vllm/m", "messages": [{"role": "user", "content": "x"}], "stream": True}
    response = post(vllm_gateway, "/v1/chat/completions", json=body)
    assert response.status_code == 200
    chunk, error = sse_payloads(response.content)
    check("CreateChatCompletionStreamResponse", chunk, "chunk")
    assert "error" in error
    # The error ends the stream: not the [DONE] the engine sent after it.
    assert b"[DONE]" not in response.content
    check("ErrorResponse", error, "error event")
    check.verify()
