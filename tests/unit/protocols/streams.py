"""Helpers for the translator tests: recorded fixtures, byte-level stream replay, SDK parsing."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import anthropic
import httpx2
import openai
import orjson
from anthropic.types import RawMessageStreamEvent
from openai.types.chat import ChatCompletionChunk

from bastion.protocols.sse import SSEEvent, SSEParser

FIXTURES = Path(__file__).parent / "fixtures"


class Translator(Protocol):
    def feed(self, event: SSEEvent) -> list[bytes]: ...
    def finish(self) -> list[bytes]: ...
    def error_events(self, message: str, error_type: str) -> list[bytes]: ...


def fixture_json(name: str) -> dict[str, Any]:
    body = orjson.loads((FIXTURES / name).read_bytes())
    assert isinstance(body, dict)
    return body


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def replay(
    translator: Translator,
    raw: bytes,
    *,
    upstream: str,
    size: int = 7,
    cut_at: int | None = None,
) -> bytes:
    """Feed ``raw`` through SSEParser in ``size``-byte slices, as the gateway's respond stage does.

    The stream ends with ``finish()`` when the upstream's end marker was seen, else (a cut, or
    ``cut_at`` bytes delivered) with ``error_events()``.
    """
    if cut_at is not None:
        raw = raw[:cut_at]
    parser = SSEParser()
    out: list[bytes] = []
    ended = False
    for start in range(0, len(raw), size):
        for event in parser.feed(raw[start : start + size]):
            out.extend(translator.feed(event))
            if (upstream == "anthropic" and event.event == "message_stop") or (
                upstream == "openai" and event.data == "[DONE]"
            ):
                ended = True
    if ended:
        out.extend(translator.finish())
    else:
        error_type = "server_error" if upstream == "anthropic" else "api_error"
        out.extend(translator.error_events("Backend closed the stream early.", error_type))
    return b"".join(out)


def events(raw: bytes) -> list[SSEEvent]:
    parsed = SSEParser().feed(raw)
    assert parsed, "no events"
    return parsed


def openai_payloads(raw: bytes) -> list[Any]:
    """Client-side OpenAI events: JSON objects, or the string ``[DONE]``."""
    out: list[Any] = []
    for event in events(raw):
        assert event.event is None, "OpenAI streams carry no event names"
        out.append(event.data if event.data == "[DONE]" else orjson.loads(event.data))
    return out


def anthropic_payloads(raw: bytes) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for event in events(raw):
        assert event.event is not None, "Anthropic events are named"
        payload = orjson.loads(event.data)
        assert payload["type"] == event.event
        out.append((event.event, payload))
    return out


def _response(raw: bytes) -> httpx2.Response:
    request = httpx2.Request("POST", "http://gateway.test/v1")
    headers = {"content-type": "text/event-stream"}
    return httpx2.Response(200, content=raw, headers=headers, request=request)


def openai_sdk_chunks(raw: bytes) -> list[ChatCompletionChunk]:
    """Parse a translated stream with the official openai SDK's own stream reader."""
    client = openai.OpenAI(api_key="test", base_url="http://gateway.test/v1")
    stream = openai.Stream(cast_to=ChatCompletionChunk, response=_response(raw), client=client)
    return list(stream)


def anthropic_sdk_events(raw: bytes) -> list[RawMessageStreamEvent]:
    """Parse a translated stream with the official anthropic SDK's own stream reader."""
    client = anthropic.Anthropic(api_key="test", base_url="http://gateway.test")
    stream: anthropic.Stream[RawMessageStreamEvent] = anthropic.Stream(
        cast_to=RawMessageStreamEvent,  # type: ignore[arg-type]
        response=_response(raw),
        client=client,
    )
    return list(stream)


# Wrong-typed values for robustness tests: translators must answer them with TranslationError
# (requests) or degrade quietly (upstream bodies), never crash the gateway with a 500.
JUNK: list[Any] = [
    None, 0, 1, 2.5, True, "", "x", [], {}, [1], ["x"], [None], [{}], [{"type": 1}],
    {"type": 1}, {"a": [1]}, [{"type": "text", "text": 1}], [{"type": "function", "function": 1}],
    [{"type": "image_url", "image_url": {"url": 1}}], [{"type": "image", "source": {}}],
    [{"type": "tool_use", "input": "x", "name": 1}], [{"id": "a", "function": {"arguments": 1}}],
]  # fmt: skip
