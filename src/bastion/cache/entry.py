"""A cached answer, and its replay to the client as JSON or as a server-sent event stream.

Only text answers are cached: the final text, the finish reason, the usage and the model, in the
client's protocol (the protocol is part of the partition key). That is enough to replay an
answer either as one JSON body or as a stream the official SDKs accept. An answer that carries
anything more a client may read (log probabilities, reasoning, annotations, audio) is not
stored: a hit must not be an answer with fields silently missing.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

import orjson

from bastion.protocols.sse import OPENAI_DONE, encode_data, encode_event

Protocol = Literal["openai_chat", "anthropic_messages"]

# The fields of an OpenAI message (or stream delta) a cached entry keeps. Any other field with a
# value (reasoning_content, reasoning, annotations, audio, tool_calls, refusal…) is not kept, so
# such an answer is not stored; engines send many of them empty (null, []), which is no loss.
OPENAI_KEPT_FIELDS = frozenset({"role", "content"})


def openai_extras(choice: dict[str, Any], message: dict[str, Any]) -> bool:
    """Whether a chat choice (``message``: its message or stream delta) carries a field the
    entry cannot keep: log probabilities, or a message field other than role and content."""
    if choice.get("logprobs"):
        return True
    return any(value for key, value in message.items() if key not in OPENAI_KEPT_FIELDS)


@dataclass(frozen=True, slots=True)
class CachedResponse:
    protocol: Protocol
    model: str
    text: str
    finish_reason: str  # in the protocol's own terms: "stop" / "end_turn", "length" / …
    input_tokens: int = 0
    output_tokens: int = 0
    created: float = 0.0
    partition: str = ""  # checked on read: an entry is only served to its own partition

    def to_bytes(self) -> bytes:
        return orjson.dumps(asdict(self))

    @classmethod
    def from_bytes(cls, data: bytes) -> CachedResponse:
        return cls(**orjson.loads(data))

    @classmethod
    def from_openai_chat(cls, body: dict[str, Any]) -> CachedResponse | None:
        """From a complete chat completion; ``None`` for tool calls, refusals, log
        probabilities, reasoning (any message field but role and content), several choices or
        an answer that did not end normally."""
        choices = body.get("choices")
        if not isinstance(choices, list) or len(choices) != 1:
            return None
        choice = choices[0]
        message = choice.get("message") or {}
        text = message.get("content")
        if not isinstance(text, str) or openai_extras(choice, message):
            return None
        if choice.get("finish_reason") not in ("stop", "length"):
            return None
        usage = body.get("usage") or {}
        return cls(
            protocol="openai_chat",
            model=str(body.get("model", "")),
            text=text,
            finish_reason=str(choice["finish_reason"]),
            input_tokens=int(usage.get("prompt_tokens", 0) or 0),
            output_tokens=int(usage.get("completion_tokens", 0) or 0),
            created=time.time(),
        )

    @classmethod
    def from_anthropic_messages(cls, body: dict[str, Any]) -> CachedResponse | None:
        """From a complete Anthropic message; ``None`` unless it holds only text blocks
        (thinking is not kept, nor citations) and ended normally."""
        blocks = body.get("content")
        if not isinstance(blocks, list) or not blocks:
            return None
        if any(not _plain_text_block(b) for b in blocks):
            return None
        if body.get("stop_reason") not in ("end_turn", "max_tokens", "stop_sequence"):
            return None
        if body.get("stop_reason") == "stop_sequence":
            return None  # replay would have to remember which sequence; not worth it
        usage = body.get("usage") or {}
        return cls(
            protocol="anthropic_messages",
            model=str(body.get("model", "")),
            text="".join(str(b.get("text", "")) for b in blocks),
            finish_reason=str(body["stop_reason"]),
            input_tokens=int(usage.get("input_tokens", 0) or 0),
            output_tokens=int(usage.get("output_tokens", 0) or 0),
            created=time.time(),
        )


def _plain_text_block(block: Any) -> bool:
    """A text block with nothing else a client may read (such as its citations)."""
    if not isinstance(block, dict) or block.get("type") != "text":
        return False
    return not any(value for key, value in block.items() if key not in ("type", "text"))


def _chunks(text: str, size: int) -> Iterator[str]:
    for i in range(0, len(text), size):
        yield text[i : i + size]


def render_json(entry: CachedResponse) -> dict[str, Any]:
    """The non-streaming response body for a hit, with a fresh id."""
    if entry.protocol == "openai_chat":
        return {
            "id": "chatcmpl-" + secrets.token_hex(12),
            "object": "chat.completion",
            "created": int(time.time()),
            "model": entry.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": entry.text},
                    "finish_reason": entry.finish_reason,
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": entry.input_tokens,
                "completion_tokens": entry.output_tokens,
                "total_tokens": entry.input_tokens + entry.output_tokens,
            },
        }
    return {
        "id": "msg_" + secrets.token_hex(12),
        "type": "message",
        "role": "assistant",
        "model": entry.model,
        "content": [{"type": "text", "text": entry.text}],
        "stop_reason": entry.finish_reason,
        "stop_sequence": None,
        "usage": {"input_tokens": entry.input_tokens, "output_tokens": entry.output_tokens},
    }


def replay_sse(
    entry: CachedResponse, *, include_usage: bool = False, chunk_chars: int = 64
) -> Iterator[bytes]:
    """The hit as the client's event stream, event by event.

    OpenAI: a role chunk, content chunks, a chunk with ``finish_reason``, a usage chunk when the
    request asked for ``stream_options.include_usage``, then ``[DONE]``. Anthropic:
    ``message_start``, one text block (start, deltas, stop), ``message_delta`` with the stop
    reason and usage, ``message_stop``.
    """
    if entry.protocol == "openai_chat":
        base = {
            "id": "chatcmpl-" + secrets.token_hex(12),
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": entry.model,
        }

        def chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
            choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
            payload: dict[str, Any] = {**base, "choices": [choice]}
            if include_usage:
                payload["usage"] = None
            return encode_data(payload)

        yield chunk({"role": "assistant", "content": ""})
        for piece in _chunks(entry.text, chunk_chars):
            yield chunk({"content": piece})
        yield chunk({}, entry.finish_reason)
        if include_usage:
            usage = {
                "prompt_tokens": entry.input_tokens,
                "completion_tokens": entry.output_tokens,
                "total_tokens": entry.input_tokens + entry.output_tokens,
            }
            yield encode_data({**base, "choices": [], "usage": usage})
        yield OPENAI_DONE
        return

    message: dict[str, Any] = {
        "id": "msg_" + secrets.token_hex(12),
        "type": "message",
        "role": "assistant",
        "model": entry.model,
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": entry.input_tokens, "output_tokens": 0},
    }
    yield encode_event("message_start", {"type": "message_start", "message": message})
    yield encode_event(
        "content_block_start",
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
    )
    for piece in _chunks(entry.text, chunk_chars):
        delta = {"type": "text_delta", "text": piece}
        yield encode_event(
            "content_block_delta", {"type": "content_block_delta", "index": 0, "delta": delta}
        )
    yield encode_event("content_block_stop", {"type": "content_block_stop", "index": 0})
    yield encode_event(
        "message_delta",
        {
            "type": "message_delta",
            "delta": {"stop_reason": entry.finish_reason, "stop_sequence": None},
            "usage": {"output_tokens": entry.output_tokens},
        },
    )
    yield encode_event("message_stop", {"type": "message_stop"})
