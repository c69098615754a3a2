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
    """An upstream event whose data is not a JSON object, or is larger than an event may be:
    the engine is broken, and the stream ends with an error rather than pass for an answer."""


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


# An event's data beyond this is a broken or hostile engine: data lines that never end in the
# blank line closing an event would otherwise be held without bound (the stream's own limit
# is per line). As large as one line may be (providers.http.MAX_EVENT_LINE_BYTES).
MAX_EVENT_BYTES = 8 * 1024 * 1024


class SSEParser:
    """Turns arbitrary byte chunks into complete events (per the WHATWG event-stream rules).

    An event whose data grows beyond ``max_event_bytes`` raises MalformedEvent."""

    __slots__ = ("_data", "_event", "_held", "_max_event_bytes", "_unfinished", "_unfinished_bytes")

    def __init__(self, max_event_bytes: int = MAX_EVENT_BYTES) -> None:
        # The unfinished line's pieces, joined once its line break comes: joining them on
        # every feed would copy a long line again with each chunk (quadratic).
        self._unfinished: list[bytes] = []
        self._unfinished_bytes = 0
        self._event: str | None = None
        self._data: list[str] = []
        self._held = 0
        self._max_event_bytes = max_event_bytes

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        if b"\n" not in chunk:
            self._hold(chunk)
            return []
        if self._unfinished:
            buffer = b"".join((*self._unfinished, chunk))
            self._unfinished.clear()
            self._unfinished_bytes = 0
        else:
            buffer = chunk
        events: list[SSEEvent] = []
        start = 0
        while True:
            newline = buffer.find(b"\n", start)
            if newline < 0:
                if start < len(buffer):
                    self._hold(buffer[start:])
                return events
            line_bytes = newline + 1 - start
            line = buffer[start:newline].rstrip(b"\r").decode("utf-8", "replace")
            start = newline + 1
            if not line:
                if self._data or self._event is not None:
                    events.append(SSEEvent(self._event, "\n".join(self._data)))
                self._event = None
                self._data = []
                self._held = 0
                continue
            if line.startswith(":"):
                continue
            field, _, value = line.partition(":")
            if value.startswith(" "):
                value = value[1:]
            if field == "data":
                self._held += line_bytes
                if self._held > self._max_event_bytes:
                    raise MalformedEvent(
                        f"an event with more than {self._max_event_bytes} bytes of data"
                    )
                self._data.append(value)
            elif field == "event":
                self._event = value

    def _hold(self, piece: bytes) -> None:
        if not piece:
            return
        self._unfinished.append(piece)
        self._unfinished_bytes += len(piece)
        if self._unfinished_bytes > self._max_event_bytes:
            raise MalformedEvent(f"a line longer than {self._max_event_bytes} bytes")

    @property
    def pending(self) -> bool:
        """True when bytes of an unfinished event are buffered (a stream cut mid-event)."""
        return bool(self._data or any(piece.strip() for piece in self._unfinished))


def encode_data(payload: dict[str, Any]) -> bytes:
    """One OpenAI-style event: ``data: {json}``."""
    return b"data: " + orjson.dumps(payload) + b"\n\n"


def encode_event(event: str, payload: dict[str, Any]) -> bytes:
    """One Anthropic-style event: a named event with a JSON payload."""
    return b"event: " + event.encode() + b"\ndata: " + orjson.dumps(payload) + b"\n\n"


OPENAI_DONE = b"data: [DONE]\n\n"
