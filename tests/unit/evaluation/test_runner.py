"""The runner's request bodies and headers, its reading of both protocols' streams, and the
in-process transport, without a gateway."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from bastion.evaluation.dataset import parse_item
from bastion.evaluation.model import EvalItem, RunSpec
from bastion.evaluation.runner import (
    DEFAULT_MESSAGES_MAX_TOKENS,
    EvalRunner,
    TargetInfo,
    build_request,
    request_headers,
)
from bastion.evaluation.transport import AsgiTransport, Reply, TransportError

SPEC = RunSpec("eval_x", "d", "0" * 64, ("t",), "t", params={"temperature": 0})
CHAT = parse_item({"id": "c", "messages": [{"role": "user", "content": "hi"}],
                   "temperature": 0.9, "seed": 3})  # fmt: skip
MESSAGES = parse_item(
    {"id": "m", "protocol": "anthropic", "messages": [{"role": "user", "content": "hi"}]}
)


def test_pinned_parameters_win_and_every_request_streams() -> None:
    params = {"temperature": 0, "stop": ["\n"], "seed": 7, "max_completion_tokens": 5}
    body = build_request(CHAT, "a/b", params)
    assert body["temperature"] == 0
    assert body["seed"] == 7
    assert body["stop"] == ["\n"]
    assert (body["model"], body["stream"]) == ("a/b", True)
    assert body["stream_options"] == {"include_usage": True}
    assert CHAT.request["temperature"] == 0.9  # the item is not changed
    anthropic = build_request(MESSAGES, "a/b", params)
    assert anthropic["stop_sequences"] == ["\n"]
    assert anthropic["max_tokens"] == 5
    assert "seed" not in anthropic
    assert "stream_options" not in anthropic
    assert build_request(MESSAGES, "a/b", {})["max_tokens"] == DEFAULT_MESSAGES_MAX_TOKENS


def test_headers_mark_evaluation_traffic_and_declare_data_classes() -> None:
    classes = frozenset({"pii", "phi"})
    sensitive = EvalItem("s", "anthropic", MESSAGES.request, classifications=classes)
    headers = request_headers(SPEC, sensitive, "bst_key")
    assert headers["x-bastion-purpose"] == "evaluation"
    assert headers["x-bastion-eval-run"] == "eval_x"
    assert headers["authorization"] == "Bearer bst_key"
    assert headers["anthropic-version"] == "2023-06-01"
    assert headers["x-bastion-data-classification"] == "phi,pii"
    assert "authorization" not in request_headers(SPEC, CHAT, None)


def sse(*events: Any) -> bytes:
    return b"".join(
        (f"event: {e[0]}\n".encode() if isinstance(e, tuple) else b"")
        + b"data: " + (json.dumps(e[1] if isinstance(e, tuple) else e).encode()
                       if not (isinstance(e, str)) else e.encode()) + b"\n\n"
        for e in events
    )  # fmt: skip


def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {"model": "up-model", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


STREAMS: dict[str, bytes] = {
    "text": sse(chunk({"content": "Hel"}), chunk({"content": "lo"}), chunk({}, "stop"),
                {"choices": [], "usage": {"prompt_tokens": 4, "completion_tokens": 2}}, "[DONE]"),
    "tool": sse(chunk({"tool_calls": [{"index": 0, "function": {"name": "f", "arguments": ""}}]}),
                chunk({"tool_calls": [{"index": 0, "function": {"arguments": '{"a":'}}]}),
                chunk({"tool_calls": [{"index": 0, "function": {"arguments": " 1}"}}]}),
                chunk({}, "tool_calls"), "[DONE]"),
    "refusal": sse(chunk({"refusal": "I can't."}), chunk({}, "stop"), "[DONE]"),
    "cut": sse(chunk({"content": "Hel"})),
    "error-event": sse(chunk({"content": "Hel"}), {"error": {"message": "engine died"}}),
    "garbage": b"data: {not json\n\n",
    "messages": sse(
        ("message_start", {"type": "message_start", "message": {"model": "claude",
                                                                 "usage": {"input_tokens": 9}}}),
        ("content_block_start", {"type": "content_block_start", "index": 0,
                                 "content_block": {"type": "text", "text": ""}}),
        ("content_block_delta", {"type": "content_block_delta", "index": 0,
                                 "delta": {"type": "text_delta", "text": "Bonjour"}}),
        ("content_block_start", {"type": "content_block_start", "index": 1,
                                 "content_block": {"type": "tool_use", "name": "g", "input": {}}}),
        ("content_block_delta", {"type": "content_block_delta", "index": 1,
                                 "delta": {"type": "input_json_delta", "partial_json": "{}"}}),
        ("message_delta", {"type": "message_delta", "delta": {"stop_reason": "tool_use"},
                           "usage": {"output_tokens": 6}}),
        ("message_stop", {"type": "message_stop"}),
    ),
}  # fmt: skip


def app() -> Starlette:
    async def chat(request: Request) -> Response:
        body = json.loads(await request.body())
        kind = body["messages"][0]["content"]
        if kind == "http-error":
            return JSONResponse({"error": {"message": "overloaded"}}, 503,
                                headers={"x-request-id": "req_503"})  # fmt: skip
        if kind == "whole":
            choice = {"message": {"content": "all at once"}, "finish_reason": "stop"}
            usage = {"prompt_tokens": 1, "completion_tokens": 3}
            return JSONResponse({"model": "m", "choices": [choice], "usage": usage})
        if kind == "crash":
            raise RuntimeError("the application broke")

        async def stream() -> Any:
            for line in STREAMS[kind].split(b"\n\n"):
                if line:
                    yield line + b"\n\n"
                    await asyncio.sleep(0.001)

        headers = {"x-request-id": f"req_{kind}", "x-bastion-backend": "up"}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

    return Starlette(routes=[Route("/v1/chat/completions", chat, methods=["POST"]),
                             Route("/v1/messages", chat, methods=["POST"])])  # fmt: skip


async def ask(kind: str, protocol: str = "openai") -> Any:
    runner = EvalRunner(
        AsgiTransport(app()), None, key="k",
        pricer=lambda backend, model, i, o: None if model == "claude" else __import__(
            "decimal").Decimal(i + o),
    )  # fmt: skip
    item = EvalItem("i", protocol, {"messages": [{"role": "user", "content": kind}]})  # type: ignore[arg-type]
    return await runner.ask(SPEC, item, "t")


async def test_a_streamed_answer_with_its_timings_and_cost() -> None:
    answer = await ask("text")
    assert (answer.text, answer.finish_reason, answer.error) == ("Hello", "stop", None)
    assert (answer.input_tokens, answer.output_tokens) == (4, 2)
    assert answer.request_id == "req_text"
    assert answer.ttft is not None and answer.latency is not None
    assert 0 < answer.ttft <= answer.latency
    assert answer.tpot is not None and answer.tpot > 0
    assert answer.cost_usd == 6  # the pricer saw backend "up", model "up-model", 4 + 2 tokens


async def test_tool_calls_refusals_and_messages_streams() -> None:
    tool = await ask("tool")
    assert [(c.name, c.arguments) for c in tool.tool_calls] == [("f", '{"a": 1}')]
    refused = await ask("refusal")
    assert (refused.text, refused.finish_reason) == ("I can't.", "refusal")
    messages = await ask("messages", "anthropic")
    assert (messages.text, messages.finish_reason) == ("Bonjour", "tool_use")
    assert [(c.name, c.arguments) for c in messages.tool_calls] == [("g", "{}")]
    assert (messages.input_tokens, messages.output_tokens) == (9, 6)
    assert messages.cost_usd is None  # unpriced


@pytest.mark.parametrize(
    ("kind", "status", "error"),
    [
        ("cut", 200, "the stream ended before the answer was complete"),
        ("error-event", 200, "engine died"),
        ("garbage", 200, "a malformed stream event"),
        ("http-error", 503, "HTTP 503: overloaded"),
    ],
)
async def test_answers_that_are_not_usable(kind: str, status: int, error: str) -> None:
    answer = await ask(kind)
    assert answer.status == status
    assert answer.error is not None
    assert error in answer.error
    assert answer.text is None


async def test_a_whole_answer_where_a_stream_was_asked() -> None:
    answer = await ask("whole")
    assert (answer.text, answer.output_tokens, answer.error) == ("all at once", 3, None)


async def test_an_application_that_fails_answers_500_as_a_server_would() -> None:
    answer = await ask("crash")
    assert (answer.status, answer.text) == (500, None)
    assert answer.error is not None

    async def broken(scope: Any, receive: Any, send: Any) -> None:
        raise RuntimeError("broken before answering")

    runner = EvalRunner(AsgiTransport(broken), None, key=None)
    failed = await runner.ask(SPEC, CHAT, "t")
    assert failed.status == 500
    assert failed.error == "HTTP 500: the application failed before answering"


class _Refused:
    async def __aenter__(self) -> Reply:
        raise TransportError("ClientConnectorError: connection refused")

    async def __aexit__(self, *exc: object) -> None:
        return None


class GoingDown:
    """The scripted app, until ``answers`` requests were answered: then the gateway is gone."""

    def __init__(self, answers: int) -> None:
        self._inner = AsgiTransport(app())
        self._answers = answers
        self.attempts = 0

    def request(
        self,
        method: str,
        path: str,
        headers: Mapping[str, str],
        body: bytes | None = None,
        *,
        timeout: float,
    ) -> AbstractAsyncContextManager[Reply]:
        self.attempts += 1
        if self.attempts > self._answers:
            return self._refused()
        return self._inner.request(method, path, headers, body, timeout=timeout)

    def _refused(self) -> AbstractAsyncContextManager[Reply]:
        return _Refused()

    async def close(self) -> None:
        await self._inner.close()


async def test_a_gateway_that_went_down_stops_the_run_after_a_streak_of_failures(
    caplog: pytest.LogCaptureFixture,
) -> None:
    items = [EvalItem(f"i{n:02}", "openai", {"messages": [{"role": "user", "content": "text"}]})
             for n in range(40)]  # fmt: skip
    spec = RunSpec("eval_x", "d", "0" * 64, ("t",), "t", concurrency=1)
    transport = GoingDown(answers=5)
    runner = EvalRunner(transport, None, key=None, retries=2, retry_delay=0, max_unreachable=10)
    with caplog.at_level(logging.WARNING, logger="bastion.evaluation.runner"):
        outcome = await runner.run(spec, items, {"t": TargetInfo("t", "local")})
    assert outcome.status == "interrupted"
    assert len(outcome.results) == 5
    # Ten pairs of three attempts each, then nothing more is sent.
    assert transport.attempts == 5 + 10 * 3
    assert outcome.gave_up == (
        "stopped after 10 requests in a row failed to reach the gateway (the last, item i14 "
        "to t: ClientConnectorError: connection refused)"
    )
    messages = [r.getMessage() for r in caplog.records]
    assert messages[0] == (
        "evaluation request for item i05 to t failed to reach the gateway: "
        "ClientConnectorError: connection refused"
    )


async def test_a_failure_between_answers_does_not_stop_the_run() -> None:
    class Flaky(GoingDown):
        def request(self, *args: Any, **kwargs: Any) -> AbstractAsyncContextManager[Reply]:
            self.attempts += 1
            if self.attempts % 4 == 0:  # every fourth request is refused
                return self._refused()
            return self._inner.request(*args, **kwargs)

    items = [EvalItem(f"i{n:02}", "openai", {"messages": [{"role": "user", "content": "text"}]})
             for n in range(20)]  # fmt: skip
    spec = RunSpec("eval_x", "d", "0" * 64, ("t",), "t", concurrency=1)
    runner = EvalRunner(Flaky(0), None, key=None, retries=0, max_unreachable=2)
    outcome = await runner.run(spec, items, {"t": TargetInfo("t", "local")})
    assert outcome.gave_up is None
    assert len(outcome.results) == 15  # every fourth pair is missing: resumable, not given up
