"""Response bodies and SSE chunks in OpenAI's exact shapes.

Stream chunks are the hot path: the part of a chunk that never changes within a stream is
serialised once, and only the choices are encoded per chunk.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from bastion.sim.handle import RequestHandle, TokenEvent

SYSTEM_FINGERPRINT = "bastion-sim"


def usage(prompt_tokens: int, completion_tokens: int, cached_tokens: int) -> dict[str, Any]:
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
        "prompt_tokens_details": {"cached_tokens": cached_tokens},
    }


def handles_usage(handles: Sequence[RequestHandle]) -> dict[str, Any]:
    """Usage of one or more engine requests answering one API request."""
    return usage(
        sum(h.prompt_tokens for h in handles),
        sum(s.num_output for h in handles for s in h.seqs),
        sum(h.cached_tokens for h in handles),
    )


def envelope(object_type: str, response_id: str, created: int, model: str) -> dict[str, Any]:
    return {
        "id": response_id,
        "object": object_type,
        "created": created,
        "model": model,
        "system_fingerprint": SYSTEM_FINGERPRINT,
    }


class ChunkEncoder:
    """``data: {...}\\n\\n`` lines for one stream, all sharing id, created and model."""

    def __init__(
        self, object_type: str, response_id: str, created: int, model: str, include_usage: bool
    ) -> None:
        head = orjson.dumps(envelope(object_type, response_id, created, model))
        self._prefix = b"data: " + head[:-1] + b',"choices":'
        # With include_usage, OpenAI sends "usage": null on every chunk but the last.
        self._suffix = b',"usage":null}\n\n' if include_usage else b"}\n\n"

    def chunk(self, choices: list[dict[str, Any]]) -> bytes:
        return self._prefix + orjson.dumps(choices) + self._suffix

    def usage_chunk(self, usage: dict[str, Any]) -> bytes:
        return self._prefix + b'[],"usage":' + orjson.dumps(usage) + b"}\n\n"


def group_events(events: list[TokenEvent]) -> dict[int, tuple[str, str | None]]:
    """Events of one batch, merged per choice: the new text and the finish reason, if any."""
    grouped: dict[int, tuple[str, str | None]] = {}
    for event in events:
        text, finish = grouped.get(event.index, ("", None))
        grouped[event.index] = (text + event.text, event.finish or finish)
    return grouped


def take_tokens(events: list[TokenEvent], budget: int | None) -> tuple[list[TokenEvent], bool]:
    """At most ``budget`` events (one event is one token); True when the budget ran out."""
    if budget is None or len(events) < budget:
        return events, False
    return events[: max(budget, 0)], True
