"""A streamed answer as the client received it, turned back into a whole answer to cache.

The respond stage hands the client's event-stream bytes to a ``StreamCapture`` (bounded: past
its limit it keeps nothing); once the request is complete, ``answer_of`` rebuilds the body a
non-streamed request would have received — text, finish reason, usage — in the client's
protocol, or None when the stream held anything a replay could not reproduce (tool calls,
log probabilities, reasoning, several choices, an error).
"""

from __future__ import annotations

from typing import Any

import orjson

from bastion.cache.entry import openai_extras
from bastion.protocols.sse import SSEParser
from bastion.protocols.usage import Usage


class StreamCapture:
    __slots__ = ("_chunks", "_limit", "_size", "overflow")

    def __init__(self, limit: int) -> None:
        self._chunks: list[bytes] = []
        self._limit = limit
        self._size = 0
        self.overflow = False

    def add(self, data: bytes) -> None:
        if self.overflow:
            return
        self._size += len(data)
        if self._size > self._limit:
            self.overflow = True
            self._chunks.clear()
            return
        self._chunks.append(data)

    def answer_of(self, anthropic: bool, usage: Usage | None) -> dict[str, Any] | None:
        if self.overflow:
            return None
        events = SSEParser().feed(b"".join(self._chunks))
        payloads = []
        for event in events:
            if event.data == "[DONE]":
                continue
            try:
                payload = orjson.loads(event.data)
            except orjson.JSONDecodeError:
                return None
            if not isinstance(payload, dict) or "error" in payload:
                return None
            payloads.append(payload)
        return _anthropic(payloads, usage) if anthropic else _openai(payloads, usage)


def _openai(chunks: list[dict[str, Any]], usage: Usage | None) -> dict[str, Any] | None:
    text: list[str] = []
    finish: str | None = None
    model = ""
    reported: dict[str, Any] | None = None
    for chunk in chunks:
        model = str(chunk.get("model") or model)
        if chunk.get("usage"):
            reported = chunk["usage"]
        for choice in chunk.get("choices") or []:
            if choice.get("index", 0) != 0:
                return None
            delta = choice.get("delta") or {}
            if openai_extras(choice, delta):
                return None  # tool calls, refusals, log probabilities, reasoning
            if isinstance(delta.get("content"), str):
                text.append(delta["content"])
            finish = choice.get("finish_reason") or finish
    if finish is None:
        return None
    if reported is None and usage is not None:
        reported = {"prompt_tokens": usage.input_tokens, "completion_tokens": usage.output_tokens}
    message = {"role": "assistant", "content": "".join(text)}
    return {
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": reported or {},
    }


def _anthropic(events: list[dict[str, Any]], usage: Usage | None) -> dict[str, Any] | None:
    text: list[str] = []
    stop: str | None = None
    model = ""
    for event in events:
        kind = event.get("type")
        if kind == "message_start":
            model = str((event.get("message") or {}).get("model") or "")
        elif kind == "content_block_start":
            if (event.get("content_block") or {}).get("type") != "text":
                return None
        elif kind == "content_block_delta":
            delta = event.get("delta") or {}
            if delta.get("type") != "text_delta":
                return None
            text.append(str(delta.get("text", "")))
        elif kind == "message_delta":
            stop = (event.get("delta") or {}).get("stop_reason") or stop
    if stop is None:
        return None
    counts = {
        "input_tokens": usage.input_tokens if usage is not None else 0,
        "output_tokens": usage.output_tokens if usage is not None else 0,
    }
    return {
        "model": model,
        "content": [{"type": "text", "text": "".join(text)}],
        "stop_reason": stop,
        "usage": counts,
    }
