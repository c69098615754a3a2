"""A small real upstream whose behaviour is chosen by the requested model name.

It speaks OpenAI chat completions and Anthropic Messages, records what it received, and notices
when the gateway drops a request, so tests can check pass-through, translation and cancellation.
Under ``/native/v1`` it is an engine that also serves the Responses API itself (as vLLM does),
with its own event sequence written here from OpenAI's published description.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route


def openai_backend(url: str, location: str = "local", **settings: Any) -> dict[str, Any]:
    """The config of a backend that reaches the scripted upstream at ``url`` over OpenAI's API."""
    return {
        "kind": "openai-compatible",
        "location": location,
        "base_url": url + "/v1",
        "models": ["*"],
        **settings,
    }


def anthropic_backend(url: str, location: str = "local", **settings: Any) -> dict[str, Any]:
    """The same over Anthropic's API."""
    settings.setdefault("api_key", "sk-ant-upstream")
    return {"kind": "anthropic", "location": location, "base_url": url, "models": ["*"], **settings}


# Model "leak" streams these pieces: a card number and an email address, each split in two.
LEAK = ("Your card is 4111 1111 ", "1111 1111, mail me at bob@", "example.com please.")
# Model "slow" waits this long before its response headers (whole answers and streams alike),
# and a stream waits half as long again before its last piece.
SLOW_SECONDS = 0.2
# Model "tool-leak" calls a tool with the same values in its arguments, split the same way.
TOOL_LEAK = ('{"card": "4111 1111 ', '1111 1111", "to": "bob@', 'example.com"}')


class ScriptedUpstream:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        # The path of each request, beside it in ``requests``.
        self.paths: list[str] = []
        self.cancelled: list[str] = []
        self.app = Starlette(
            routes=[
                Route("/v1/chat/completions", self.chat, methods=["POST"]),
                Route("/v1/messages", self.messages, methods=["POST"]),
                Route("/v1/models", self.models, methods=["GET"]),
                Route("/native/v1/chat/completions", self.chat, methods=["POST"]),
                Route("/native/v1/responses", self.responses, methods=["POST"]),
                Route("/native/v1/models", self.models, methods=["GET"]),
            ]
        )

    async def _received(self, request: Request) -> dict[str, Any]:
        body: dict[str, Any] = orjson.loads(await request.body())
        self.requests.append(body)
        self.headers.append(dict(request.headers))
        self.paths.append(request.url.path)
        return body

    @property
    def last(self) -> dict[str, Any]:
        return self.requests[-1]

    async def models(self, request: Request) -> Response:
        data = [{"id": name, "object": "model"} for name in ("echo", "hang", "cut")]
        return _json({"object": "list", "data": data})

    async def chat(self, request: Request) -> Response:
        body = await self._received(request)
        model = body["model"]
        if model == "fail-500":
            return _json({"error": {"message": "CUDA out of memory", "type": "server_error"}}, 500)
        if model == "fail-400":
            error = {"message": "prompt is too long", "type": "invalid_request_error"}
            return _json({"error": error}, 400)
        if model == "overloaded":
            error = {"type": "overloaded_error", "message": "Overloaded"}
            return _json({"type": "error", "error": error}, 529, {"retry-after": "3"})
        if model == "rate-limited":
            error = {"message": "slow down", "type": "rate_limit_error"}
            return _json({"error": error}, 429, {"retry-after": "7"})
        if model == "bad-key":
            return _json({"error": {"message": "invalid api key"}}, 401)
        if model == "redirect":
            return Response(status_code=307, headers={"location": "http://127.0.0.1:9/steal"})
        if model == "slow":
            await asyncio.sleep(SLOW_SECONDS)
        if model == "json-on-stream":
            body["stream"] = False
        if model == "garbage":
            return Response(b"<html>oops</html>", 200, media_type="text/html")
        if model == "hang":
            await self._hang(request, model)
            return Response(status_code=499)
        if model == "echo-last":
            # Answers with the last message it received, in 7-character pieces when streaming.
            said = str(body["messages"][-1]["content"])
            if body.get("stream"):
                pieces = [said[i : i + 7] for i in range(0, len(said), 7)]
                return StreamingResponse(
                    self._pieces(model, pieces), media_type="text/event-stream"
                )
            content = said
        elif body.get("stream"):
            return StreamingResponse(self._chat_stream(body), media_type="text/event-stream")
        elif model == "tool-leak":
            return _json(_tool_leak_answer())
        else:
            content = orjson.dumps({k: v for k, v in body.items() if k != "messages"}).decode()
        return _json(
            {
                "id": "chatcmpl-scripted",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content},
                        "finish_reason": "stop",
                        "logprobs": None,
                    }
                ],
                "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
            }
        )

    async def _hang(self, request: Request, label: str) -> None:
        """Never answers; records when the caller drops the connection (or the server stops)."""
        try:
            while not await request.is_disconnected():
                await asyncio.sleep(0.02)
        finally:
            self.cancelled.append(label)

    async def _pieces(self, model: str, pieces: list[str]) -> AsyncIterator[bytes]:
        for piece in pieces:
            yield _chunk(model, {"content": piece}, None)
        yield _chunk(model, {}, "stop")
        yield b"data: [DONE]\n\n"

    async def _chat_stream(self, body: dict[str, Any]) -> AsyncIterator[bytes]:
        model = body["model"]
        if model == "agent":
            async for chunk in _agent_turn(body):
                yield chunk
            return
        if model == "ping-then-hang":
            # A keep-alive comment, then nothing: the engine never starts its answer.
            yield b": keep-alive\n\n"
            await asyncio.sleep(3600)
        if model == "leak":
            for piece in LEAK:
                yield _chunk(model, {"content": piece}, None)
            yield _chunk(model, {}, "stop")
            yield b"data: [DONE]\n\n"
            return
        if model == "tool-leak":
            call = {"index": 0, "id": "call_1", "type": "function"}
            yield _chunk(model, {"tool_calls": [{**call, "function": {"name": "pay"}}]}, None)
            for piece in TOOL_LEAK:
                yield _chunk(
                    model, {"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}, None
                )
            yield _chunk(model, {}, "tool_calls")
            yield b"data: [DONE]\n\n"
            return
        pieces = 200 if model in ("slow-stream", "bad-choices") else 3
        try:
            for index in range(pieces):
                if model in ("slow-stream", "bad-choices"):
                    await asyncio.sleep(0.02)
                if model == "slow" and index == pieces - 1:
                    await asyncio.sleep(SLOW_SECONDS / 2)
                if model == "stall" and index == 1:
                    await asyncio.sleep(3600)
                if model == "bad-choices" and index == 1:
                    yield _sse(
                        {
                            "id": "c",
                            "object": "chat.completion.chunk",
                            "created": 0,
                            "model": model,
                            "choices": {"x": 1},
                        }
                    )
                yield _chunk(model, {"content": f"w{index} "}, None)
                if model == "cut" and index == 1:
                    raise ConnectionResetError("simulated crash mid-stream")
            yield _chunk(model, {}, "stop")
            if model != "no-usage":
                usage = {
                    "prompt_tokens": 5,
                    "completion_tokens": pieces,
                    "total_tokens": 5 + pieces,
                }
                yield _sse(
                    {
                        "id": "c",
                        "object": "chat.completion.chunk",
                        "created": 0,
                        "model": model,
                        "choices": [],
                        "usage": usage,
                    }
                )
            yield b"data: [DONE]\n\n"
        except asyncio.CancelledError:
            self.cancelled.append(model)
            raise

    async def messages(self, request: Request) -> Response:
        body = await self._received(request)
        model = body["model"]
        if model == "anthropic-overloaded":
            error = {"type": "error", "error": {"type": "overloaded_error", "message": "busy"}}
            return _json(error, 529)
        if body.get("stream"):
            return StreamingResponse(self._messages_stream(body), media_type="text/event-stream")
        return _json(
            {
                "id": "msg_scripted",
                "type": "message",
                "role": "assistant",
                "model": model,
                "content": [{"type": "text", "text": f"echo {len(body['messages'])} messages"}],
                "stop_reason": "end_turn",
                "stop_sequence": None,
                "usage": {"input_tokens": 9, "output_tokens": 4, "cache_read_input_tokens": 2},
            }
        )

    async def _messages_stream(self, body: dict[str, Any]) -> AsyncIterator[bytes]:
        model = body["model"]
        message = {
            "id": "msg_scripted",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": {"input_tokens": 9, "output_tokens": 1},
        }
        yield _event("message_start", {"type": "message_start", "message": message})
        block = {"type": "text", "text": ""}
        yield _event(
            "content_block_start",
            {"type": "content_block_start", "index": 0, "content_block": block},
        )
        for word in LEAK if model == "leak" else ("Hello", " there"):
            delta = {"type": "text_delta", "text": word}
            yield _event(
                "content_block_delta", {"type": "content_block_delta", "index": 0, "delta": delta}
            )
        if model == "anthropic-cut":
            raise ConnectionResetError("simulated crash mid-stream")
        yield _event("content_block_stop", {"type": "content_block_stop", "index": 0})
        yield _event(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                "usage": {"output_tokens": 2},
            },
        )
        yield _event("message_stop", {"type": "message_stop"})

    async def responses(self, request: Request) -> Response:
        body = await self._received(request)
        if not isinstance(body.get("model"), str) or "input" not in body:
            error = {
                "message": "Missing required parameter: 'model'.",
                "param": "model",
                "type": "invalid_request_error",
                "code": "missing_required_parameter",
            }
            return _json({"error": error}, 400)
        response = _native_response(body)
        if body.get("stream"):
            return StreamingResponse(_native_events(response), media_type="text/event-stream")
        return _json(response)


def _native_response(body: dict[str, Any]) -> dict[str, Any]:
    """A completed Response to a Responses API request, as an engine serving it would write."""
    model = body["model"]
    items = body["input"] if isinstance(body["input"], list) else [
        {"type": "message", "role": "user", "content": body["input"]}
    ]  # fmt: skip
    said = next((_item_text(item) for item in reversed(items) if item.get("role") == "user"), "")
    offered = {tool.get("name") for tool in body.get("tools") or []}
    answered = bool(items) and items[-1].get("type") == "function_call_output"
    output: list[dict[str, Any]]
    if model == "agent" and "exec_command" in offered and not answered:
        found = re.search(r"\S+\.txt", said)
        command = {"cmd": f"cat {found.group() if found else 'notes.txt'}"}
        output = [{"type": "function_call", "id": "fc_native", "call_id": "call_native",
                   "name": "exec_command", "arguments": orjson.dumps(command).decode(),
                   "status": "completed"}]  # fmt: skip
    else:
        text = {"leak": "".join(LEAK), "echo-last": said}.get(model, "The file has been read.")
        part = {"type": "output_text", "text": text, "annotations": [], "logprobs": []}
        output = [{"type": "message", "id": "msg_native", "role": "assistant",
                   "status": "completed", "content": [part]}]  # fmt: skip
    usage = {"input_tokens": 12, "input_tokens_details": {"cached_tokens": 4},
             "output_tokens": 6, "output_tokens_details": {"reasoning_tokens": 0},
             "total_tokens": 18}  # fmt: skip
    return {
        # "same-id": an engine that hands out one id again and again.
        "id": "resp_same"
        if model == "same-id"
        else f"resp_native{len(said)}{int(time.time() * 1e6)}",
        "object": "response",
        "created_at": int(time.time()),
        "model": model,
        "status": "completed",
        "output": output,
        "usage": usage,
        "error": None,
        "incomplete_details": None,
        "instructions": body.get("instructions"),
        "metadata": body.get("metadata") or {},
        "parallel_tool_calls": body.get("parallel_tool_calls", True),
        "tool_choice": body.get("tool_choice", "auto"),
        "tools": body.get("tools") or [],
        "temperature": body.get("temperature"),
        "top_p": body.get("top_p"),
        "store": body.get("store", True),
        "text": {"format": {"type": "text"}},
    }


def _item_text(item: dict[str, Any]) -> str:
    content = item.get("content")
    if isinstance(content, str):
        return content
    return "".join(str(part.get("text", "")) for part in content or [] if isinstance(part, dict))


async def _native_events(response: dict[str, Any]) -> AsyncIterator[bytes]:
    """The Response's event sequence; message text in the pieces of ``LEAK`` when it is that."""
    sequence = iter(range(10_000))

    def event(kind: str, **fields: Any) -> bytes:
        return _event(kind, {"type": kind, "sequence_number": next(sequence), **fields})

    started = {**response, "status": "in_progress", "output": [], "usage": None}
    yield event("response.created", response=started)
    yield event("response.in_progress", response=started)
    for index, item in enumerate(response["output"]):
        ids = {"item_id": item["id"], "output_index": index}
        if item["type"] == "function_call":
            yield event("response.output_item.added", output_index=index,
                        item={**item, "arguments": "", "status": "in_progress"})  # fmt: skip
            yield event("response.function_call_arguments.delta", **ids, delta=item["arguments"])
            yield event("response.function_call_arguments.done", **ids, name=item["name"],
                        arguments=item["arguments"])  # fmt: skip
        else:
            part = item["content"][0]
            text = part["text"]
            pieces = list(LEAK) if text == "".join(LEAK) else [text[:5], text[5:]]
            yield event("response.output_item.added", output_index=index,
                        item={**item, "content": [], "status": "in_progress"})  # fmt: skip
            yield event("response.content_part.added", **ids, content_index=0,
                        part={**part, "text": ""})  # fmt: skip
            for piece in pieces:
                yield event("response.output_text.delta", **ids, content_index=0, delta=piece,
                            logprobs=[])  # fmt: skip
            yield event("response.output_text.done", **ids, content_index=0, text=text,
                        logprobs=[])  # fmt: skip
            yield event("response.content_part.done", **ids, content_index=0, part=part)
        yield event("response.output_item.done", output_index=index, item=item)
    yield event("response.completed", response=response)


def _tool_leak_answer() -> dict[str, Any]:
    call = {
        "id": "call_1",
        "type": "function",
        "function": {"name": "pay", "arguments": "".join(TOOL_LEAK)},
    }
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "tool-leak",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": None, "tool_calls": [call]},
                "finish_reason": "tool_calls",
                "logprobs": None,
            }
        ],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
    }


# Model "agent" drives a coding agent through one tool call: asked with its file-reading or
# shell tool offered, it reads the file the user's message names (Claude Code's Read with the
# absolute path, Codex's exec_command with `cat`); given the tool's result, it answers in text.
_AGENT_CALLS = {
    "Read": lambda path: {"file_path": path},
    "exec_command": lambda path: {"cmd": f"cat {path}"},
}


async def _agent_turn(body: dict[str, Any]) -> AsyncIterator[bytes]:
    model = body["model"]
    messages = body.get("messages") or []
    offered = {t.get("function", {}).get("name") for t in body.get("tools") or []}
    tool = next((name for name in _AGENT_CALLS if name in offered), None)
    if tool is None or (messages and messages[-1].get("role") == "tool"):
        yield _chunk(model, {"role": "assistant", "content": "The file has been read."}, None)
        yield _chunk(model, {}, "stop")
    else:
        said = " ".join(str(m.get("content")) for m in messages if m.get("role") == "user")
        found = re.search(r"/\S+\.txt", said)
        arguments = _AGENT_CALLS[tool](found.group() if found else "notes.txt")
        call = {
            "index": 0,
            "id": "call_agent",
            "type": "function",
            "function": {"name": tool, "arguments": orjson.dumps(arguments).decode()},
        }
        yield _chunk(model, {"role": "assistant", "tool_calls": [call]}, None)
        yield _chunk(model, {}, "tool_calls")
    usage = {"prompt_tokens": 20, "completion_tokens": 8, "total_tokens": 28}
    yield _sse({"id": "chatcmpl-scripted", "object": "chat.completion.chunk", "created": 0,
                "model": model, "choices": [], "usage": usage})  # fmt: skip
    yield b"data: [DONE]\n\n"


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(body), status, headers=headers, media_type="application/json")


def _sse(payload: dict[str, Any]) -> bytes:
    return b"data: " + orjson.dumps(payload) + b"\n\n"


def _event(name: str, payload: dict[str, Any]) -> bytes:
    return f"event: {name}\n".encode() + b"data: " + orjson.dumps(payload) + b"\n\n"


def _chunk(model: str, delta: dict[str, Any], finish: str | None) -> bytes:
    choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
    return _sse(
        {
            "id": "chatcmpl-scripted",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": model,
            "choices": [choice],
        }
    )
