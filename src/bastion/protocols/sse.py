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


class CompleteLines:
    """Cuts a stream into pieces that end at a line break, holding the unfinished line.

    A parser that keeps an unfinished line and joins it with every new read copies a long line
    once per read (quadratic: an engine sending one huge line blocks the event loop); held here
    as a list of reads, it is joined once, when its line break comes. Most reads end at a line
    break already and pass through as they are.
    """

    __slots__ = ("_held", "_held_bytes", "_limit")

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._held: list[bytes] = []
        self._held_bytes = 0

    def take(self, chunk: bytes) -> bytes:
        """What is complete once ``chunk`` arrived (b"": nothing yet); ``_too_long()`` is
        raised when the unfinished line grows beyond the limit."""
        end = chunk.rfind(b"\n") + 1
        if end == len(chunk) and not self._held:
            return chunk
        if end == 0:
            self._hold(chunk)
            return b""
        piece = chunk[:end]
        if self._held:
            piece = b"".join((*self._held, piece))
            self._held.clear()
            self._held_bytes = 0
        if end < len(chunk):
            self._hold(chunk[end:])
        return piece

    def rest(self) -> bytes:
        """The unfinished line the stream ended with (b"": none)."""
        rest = b"".join(self._held)
        self._held.clear()
        self._held_bytes = 0
        return rest

    @property
    def holds_text(self) -> bool:
        """Whether the unfinished line holds more than whitespace."""
        return any(part.strip() for part in self._held)

    def _hold(self, part: bytes) -> None:
        if not part:
            return
        self._held.append(part)
        self._held_bytes += len(part)
        if self._held_bytes > self._limit:
            raise self._too_long()

    def _too_long(self) -> Exception:
        return MalformedEvent(f"an event line longer than {self._limit} bytes")


class SSEParser:
    """Turns arbitrary byte chunks into complete events (per the WHATWG event-stream rules).

    An event whose data grows beyond ``max_event_bytes``, or a line that does, raises
    MalformedEvent."""

    __slots__ = ("_data", "_event", "_held", "_lines", "_max_event_bytes")

    def __init__(self, max_event_bytes: int = MAX_EVENT_BYTES) -> None:
        self._lines = CompleteLines(max_event_bytes)
        self._event: str | None = None
        self._data: list[str] = []
        self._held = 0
        self._max_event_bytes = max_event_bytes

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        buffer = self._lines.take(chunk)
        events: list[SSEEvent] = []
        start = 0
        while (newline := buffer.find(b"\n", start)) >= 0:
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
        return events

    @property
    def pending(self) -> bool:
        """True when bytes of an unfinished event are buffered (a stream cut mid-event)."""
        return bool(self._data or self._lines.holds_text)


def encode_data(payload: dict[str, Any]) -> bytes:
    """One OpenAI-style event: ``data: {json}``."""
    return b"data: " + orjson.dumps(payload) + b"\n\n"


def encode_event(event: str, payload: dict[str, Any]) -> bytes:
    """One Anthropic-style event: a named event with a JSON payload."""
    return b"event: " + event.encode() + b"\ndata: " + orjson.dumps(payload) + b"\n\n"


OPENAI_DONE = b"data: [DONE]\n\n"
