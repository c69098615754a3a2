"""Server-sent events: an incremental parser for upstream streams and encoders for clients."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson


@dataclass(slots=True, frozen=True)
class SSEEvent:
    event: str | None
    data: str


class MalformedEvent(ValueError):
    """An upstream event whose data is not a JSON object: the engine is broken, and the stream
    ends with an error rather than pass for an empty answer."""


def event_object(event: SSEEvent) -> dict[str, Any] | None:
    """The event's JSON object; None for an empty keep-alive; MalformedEvent otherwise."""
    if not event.data:
        return None
    try:
        payload = orjson.loads(event.data)
    except orjson.JSONDecodeError:
        raise MalformedEvent(f"an event that is not JSON: {event.data[:80]!r}") from None
    if not isinstance(payload, dict):
        raise MalformedEvent(f"an event that is not a JSON object: {event.data[:80]!r}")
    return payload


class SSEParser:
    """Turns arbitrary byte chunks into complete events (per the WHATWG event-stream rules)."""

    __slots__ = ("_buffer", "_data", "_event")

    def __init__(self) -> None:
        self._buffer = b""
        self._event: str | None = None
        self._data: list[str] = []

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        buffer = self._buffer + chunk if self._buffer else chunk
        events: list[SSEEvent] = []
        start = 0
        while True:
            newline = buffer.find(b"\n", start)
            if newline < 0:
                # One slice per feed, not per line: large chunks stay linear.
                self._buffer = buffer[start:]
                return events
            line = buffer[start:newline].rstrip(b"\r").decode("utf-8", "replace")
            start = newline + 1
            if not line:
                if self._data or self._event is not None:
                    events.append(SSEEvent(self._event, "\n".join(self._data)))
                self._event = None
                self._data = []
                continue
            if line.startswith(":"):
                continue
            field, _, value = line.partition(":")
            if value.startswith(" "):
                value = value[1:]
            if field == "data":
                self._data.append(value)
            elif field == "event":
                self._event = value

    @property
    def pending(self) -> bool:
        """True when bytes of an unfinished event are buffered (a stream cut mid-event)."""
        return bool(self._buffer.strip() or self._data)


def encode_data(payload: dict[str, Any]) -> bytes:
    """One OpenAI-style event: ``data: {json}``."""
    return b"data: " + orjson.dumps(payload) + b"\n\n"


def encode_event(event: str, payload: dict[str, Any]) -> bytes:
    """One Anthropic-style event: a named event with a JSON payload."""
    return b"event: " + event.encode() + b"\ndata: " + orjson.dumps(payload) + b"\n\n"


OPENAI_DONE = b"data: [DONE]\n\n"
