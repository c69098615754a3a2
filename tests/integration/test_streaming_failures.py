"""Streams that break: the client always learns it, and accounting always finishes."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import anthropic
import httpx
import openai
import orjson
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route

from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.servers import start_server, wait_for


def openai_client(gateway: RunningGateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0, timeout=10)


def test_cut_stream_ends_with_an_error_event(scripted_gateway: tuple[Any, RunningGateway]) -> None:
    _, gateway = scripted_gateway
    stream = openai_client(gateway).chat.completions.create(
        model="up/cut", messages=[{"role": "user", "content": "x"}], stream=True
    )
    received = []
    with pytest.raises(openai.APIError) as caught:
        for chunk in stream:
            received.append(chunk)
    assert "closed the stream" in str(caught.value) or "interrupted" in str(caught.value)
    assert received, "chunks sent before the cut reach the client"
    # Usage of a cut stream is still recorded, marked as estimated.
    wait_for(lambda: gateway.metric("bastion_tokens_total", backend="up", direction="output") > 0)


def test_cut_stream_raw_bytes_have_no_done_marker(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    body = {"model": "up/cut", "messages": [{"role": "user", "content": "x"}], "stream": True}
    response = httpx.post(
        gateway.url + "/v1/chat/completions",
        json=body,
        headers={"Authorization": f"Bearer {ADMIN_KEY}"},
    )
    assert response.status_code == 200
    assert b"[DONE]" not in response.content
    assert response.content.rstrip().endswith(b"}")
    assert b'"error"' in response.content.strip().splitlines()[-1]


def test_stalled_stream_hits_the_idle_timeout(scripted_gateway: tuple[Any, RunningGateway]) -> None:
    _, gateway = scripted_gateway
    started = time.monotonic()
    stream = openai_client(gateway).chat.completions.create(
        model="up/stall", messages=[{"role": "user", "content": "x"}], stream=True
    )
    with pytest.raises(openai.APIError, match="no data for 1s"):
        list(stream)
    assert time.monotonic() - started < 5


def test_a_keep_alive_comment_is_not_the_start_of_an_answer(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    """An engine that sends an SSE comment and hangs has not answered: the first-byte timeout
    still applies, and the client gets a gateway timeout rather than a stream that never
    moves (nor does such an engine pass a half-open circuit's trial)."""
    _, gateway = scripted_gateway
    started = time.monotonic()
    with pytest.raises(openai.APIStatusError) as caught:
        openai_client(gateway).chat.completions.create(
            model="up/ping-then-hang", messages=[{"role": "user", "content": "x"}], stream=True
        )
    assert caught.value.status_code == 504
    assert "first byte" in str(caught.value)
    assert time.monotonic() - started < 5


def test_anthropic_cut_stream_ends_with_an_error_event(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    anth = anthropic.Anthropic(base_url=gateway.url, api_key=ADMIN_KEY, max_retries=0)
    with (
        pytest.raises(anthropic.APIStatusError),
        anth.messages.stream(
            model="anth/anthropic-cut", max_tokens=20, messages=[{"role": "user", "content": "x"}]
        ) as stream,
    ):
        for _ in stream:
            pass


def test_client_disconnect_cancels_upstream_and_still_accounts(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    upstream, gateway = scripted_gateway
    body = {
        "model": "up/slow-stream",
        "messages": [{"role": "user", "content": "x"}],
        "stream": True,
    }
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    with httpx.stream(
        "POST", gateway.url + "/v1/chat/completions", json=body, headers=headers
    ) as response:
        lines = response.iter_lines()
        for _ in range(3):
            next(lines)
    # Leaving the block closed the connection mid-stream.
    wait_for(lambda: "slow-stream" in upstream.cancelled)
    wait_for(
        lambda: gateway.metric("bastion_client_disconnects_total", endpoint="chat.completions") == 1
    )
    wait_for(lambda: gateway.metric("bastion_tokens_total", backend="up", direction="output") >= 1)
    requests = gateway.metric(
        "bastion_requests_total", endpoint="chat.completions", backend="up", status="200"
    )
    assert requests == 1


def test_non_streaming_client_disconnect_cancels_upstream(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    upstream, gateway = scripted_gateway
    body = {"model": "up/hang", "messages": [{"role": "user", "content": "x"}]}
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(
            gateway.url + "/v1/chat/completions",
            json=body,
            headers={"Authorization": f"Bearer {ADMIN_KEY}"},
            timeout=0.3,
        )
    wait_for(lambda: "hang" in upstream.cancelled)
    wait_for(
        lambda: gateway.metric("bastion_client_disconnects_total", endpoint="chat.completions") == 1
    )


def test_stream_without_usage_is_metered_as_estimate(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    chunks = list(
        openai_client(gateway).chat.completions.create(
            model="up/no-usage", messages=[{"role": "user", "content": "x"}], stream=True
        )
    )
    assert chunks
    wait_for(lambda: gateway.metric("bastion_tokens_total", backend="up", direction="output") == 4)


def test_anthropic_cut_stream_is_metered_from_what_was_sent(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    anth = anthropic.Anthropic(base_url=gateway.url, api_key=ADMIN_KEY, max_retries=0)
    with (
        pytest.raises(anthropic.APIStatusError),
        anth.messages.stream(
            model="anth/anthropic-cut", max_tokens=20, messages=[{"role": "user", "content": "x"}]
        ) as stream,
    ):
        for _ in stream:
            pass
    # message_start claimed 1 output token; two text deltas had reached the client.
    wait_for(
        lambda: gateway.metric("bastion_tokens_total", backend="anth", direction="output") == 2
    )


def test_malformed_chunk_ends_the_stream_and_stops_the_engine(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    upstream, gateway = scripted_gateway
    stream = openai_client(gateway).chat.completions.create(
        model="up/bad-choices", messages=[{"role": "user", "content": "x"}], stream=True
    )
    with pytest.raises(openai.APIError, match="malformed stream"):
        list(stream)
    wait_for(lambda: "bad-choices" in upstream.cancelled)
    assert gateway.metric("bastion_upstream_errors_total", backend="up", kind="malformed") == 1


def test_json_answer_to_a_streaming_request_is_502(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    with pytest.raises(openai.APIStatusError, match="without streaming") as caught:
        openai_client(gateway).chat.completions.create(
            model="up/json-on-stream", messages=[{"role": "user", "content": "x"}], stream=True
        )
    assert caught.value.status_code == 502


# --- an upstream's own error mid-stream ------------------------------------------------------


def _sse(data: dict[str, Any], event: str | None = None) -> bytes:
    named = f"event: {event}\n".encode() if event else b""
    return named + b"data: " + orjson.dumps(data) + b"\n\n"


async def _failing_messages(request: Request) -> StreamingResponse:
    """Anthropic failing a stream: one ``error`` event, then the connection closes."""
    model = (await request.json())["model"]

    async def events() -> AsyncIterator[bytes]:
        message = {"id": "msg_01", "type": "message", "role": "assistant", "model": model,
                   "content": [], "stop_reason": None, "stop_sequence": None,
                   "usage": {"input_tokens": 5, "output_tokens": 1}}  # fmt: skip
        yield _sse({"type": "message_start", "message": message}, "message_start")
        block = {"type": "content_block_start", "index": 0,
                 "content_block": {"type": "text", "text": ""}}  # fmt: skip
        yield _sse(block, "content_block_start")
        delta = {"type": "content_block_delta", "index": 0,
                 "delta": {"type": "text_delta", "text": "Hel"}}  # fmt: skip
        yield _sse(delta, "content_block_delta")
        error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"},
                 "request_id": "req_011upstream"}  # fmt: skip
        yield _sse(error, "error")

    return StreamingResponse(events(), media_type="text/event-stream")


def _failing_chat(then_done: bool) -> Callable[[Request], Awaitable[StreamingResponse]]:
    """An engine failing a stream: a ``data: {"error": ...}`` chunk, then the close; vLLM
    sends ``[DONE]`` after it all the same (``then_done``)."""

    async def answer(request: Request) -> StreamingResponse:
        model = (await request.json())["model"]

        async def chunks() -> AsyncIterator[bytes]:
            choice = {"index": 0, "delta": {"role": "assistant", "content": "Hel"},
                      "finish_reason": None}  # fmt: skip
            yield _sse({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1,
                        "model": model, "choices": [choice]})  # fmt: skip
            yield _sse({"error": {"message": "engine died", "type": "server_error",
                                  "param": None, "code": None}})  # fmt: skip
            if then_done:
                yield b"data: [DONE]\n\n"

        return StreamingResponse(chunks(), media_type="text/event-stream")

    return answer


async def _garbled_chat(request: Request) -> StreamingResponse:
    """A broken engine: an event that is not JSON, then ``[DONE]``."""

    async def chunks() -> AsyncIterator[bytes]:
        yield b"data: {this is not json\n\n"
        yield b"data: [DONE]\n\n"

    return StreamingResponse(chunks(), media_type="text/event-stream")


async def _endless_event(request: Request) -> StreamingResponse:
    """A broken engine: one event's data lines, never closed by a blank line."""

    async def chunks() -> AsyncIterator[bytes]:
        block = b"data: " + b"x" * 1000 + b"\n"
        while True:
            yield block * 64
            await asyncio.sleep(0)

    return StreamingResponse(chunks(), media_type="text/event-stream")


@pytest.fixture
def failing_gateway(start_gateway: GatewayFactory) -> Iterator[RunningGateway]:
    app = Starlette(
        routes=[
            Route("/v1/messages", _failing_messages, methods=["POST"]),
            Route("/oa/v1/chat/completions", _failing_chat(False), methods=["POST"]),
            Route("/done/v1/chat/completions", _failing_chat(True), methods=["POST"]),
            Route("/garbled/v1/chat/completions", _garbled_chat, methods=["POST"]),
            Route("/endless/v1/chat/completions", _endless_event, methods=["POST"]),
        ]
    )
    server = start_server(app)
    try:
        anth = {"kind": "anthropic", "location": "local", "base_url": server.url,
                "api_key": "x", "models": ["*"]}  # fmt: skip
        oa = {"kind": "openai-compatible", "location": "local",
              "base_url": server.url + "/oa/v1", "models": ["*"]}  # fmt: skip
        done = {**oa, "base_url": server.url + "/done/v1"}
        garbled = {**oa, "base_url": server.url + "/garbled/v1"}
        endless = {**oa, "base_url": server.url + "/endless/v1"}
        yield start_gateway(
            {"anth": anth, "oa": oa, "done": done, "garbled": garbled, "endless": endless}
        )
    finally:
        server.stop()


def test_an_anthropic_error_event_is_passed_on_alone(failing_gateway: RunningGateway) -> None:
    body = {"model": "anth/claude-x", "max_tokens": 10, "stream": True,
            "messages": [{"role": "user", "content": "hi"}]}  # fmt: skip
    response = httpx.post(
        failing_gateway.url + "/v1/messages",
        json=body,
        headers={"x-api-key": ADMIN_KEY, "anthropic-version": "2023-06-01"},
        timeout=10,
    )
    assert response.status_code == 200
    errors = [line for line in response.text.splitlines() if line == "event: error"]
    assert len(errors) == 1, response.text
    last = orjson.loads(response.text.strip().splitlines()[-1].removeprefix("data: "))
    assert last == {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}


def test_an_engines_error_chunk_is_passed_on_alone(failing_gateway: RunningGateway) -> None:
    body = {"model": "oa/m", "stream": True, "messages": [{"role": "user", "content": "hi"}]}
    response = httpx.post(
        failing_gateway.url + "/v1/chat/completions",
        json=body,
        headers={"Authorization": f"Bearer {ADMIN_KEY}"},
        timeout=10,
    )
    assert response.status_code == 200
    payloads = [orjson.loads(line[6:]) for line in response.text.splitlines() if line]
    errors = [payload["error"] for payload in payloads if "error" in payload]
    assert [error["message"] for error in errors] == ["engine died"], response.text
    assert "error" in payloads[-1]


def _upstream_errors(gateway: RunningGateway, backend: str, kind: str) -> float:
    return gateway.metric("bastion_upstream_errors_total", backend=backend, kind=kind)


def _stream(gateway: RunningGateway, path: str, body: dict[str, Any]) -> httpx.Response:
    headers = {"Authorization": f"Bearer {ADMIN_KEY}", "anthropic-version": "2023-06-01"}
    return httpx.post(gateway.url + path, json=body, headers=headers, timeout=10)


@pytest.mark.parametrize("path", ["/v1/chat/completions", "/v1/messages", "/v1/responses"])
def test_an_engines_error_is_recorded_as_a_failure_in_every_protocol(
    failing_gateway: RunningGateway, path: str
) -> None:
    """The client has the engine's error; the request is not counted a success, and the
    replica is charged for it."""
    message = {"role": "user", "content": "hi"}
    body: dict[str, Any] = {"model": "done/m", "stream": True}
    body.update({"input": "hi"} if path.endswith("responses") else {"messages": [message]})
    if path.endswith("messages"):
        body["max_tokens"] = 10
    before = _upstream_errors(failing_gateway, "done", "error_event")
    response = _stream(failing_gateway, path, body)
    assert response.status_code == 200
    assert "engine died" in response.text
    assert "[DONE]" not in response.text and "message_stop" not in response.text
    assert "response.completed" not in response.text
    wait_for(lambda: _upstream_errors(failing_gateway, "done", "error_event") == before + 1)


@pytest.mark.parametrize("path", ["/v1/chat/completions", "/v1/messages", "/v1/responses"])
def test_an_event_that_is_not_json_ends_the_stream_with_an_error(
    failing_gateway: RunningGateway, path: str
) -> None:
    """Not an empty success: the client learns the engine is broken."""
    message = {"role": "user", "content": "hi"}
    body: dict[str, Any] = {"model": "garbled/m", "stream": True}
    body.update({"input": "hi"} if path.endswith("responses") else {"messages": [message]})
    if path.endswith("messages"):
        body["max_tokens"] = 10
    response = _stream(failing_gateway, path, body)
    assert response.status_code == 200
    assert "malformed stream" in response.text, response.text
    assert "[DONE]" not in response.text and "message_stop" not in response.text
    assert "response.completed" not in response.text
    wait_for(lambda: _upstream_errors(failing_gateway, "garbled", "malformed") >= 1)


def test_an_event_that_never_ends_is_cut_at_its_limit(failing_gateway: RunningGateway) -> None:
    """Data lines with no blank line after them are not held without bound."""
    body = {"model": "endless/m", "stream": True, "messages": [{"role": "user", "content": "x"}]}
    response = _stream(failing_gateway, "/v1/chat/completions", body)
    assert response.status_code == 200
    assert "malformed stream" in response.text, response.text[:300]
    assert "[DONE]" not in response.text
    wait_for(lambda: _upstream_errors(failing_gateway, "endless", "malformed") >= 1)
