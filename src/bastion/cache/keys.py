"""Cache keys: the hard partition a request belongs to and its exact key.

A *partition* is everything about a request except its last user message: the tenant, the
endpoint version (or model), the client protocol, the system prompt, every other request
parameter (temperature, top_p, max_tokens, seed, tools, response_format, stop…) and the whole
conversation before the last user turn. Two requests in different partitions never share an
entry, whatever their similarity. The *exact key* adds the last user message, byte for byte.
The semantic lookup only ever compares last user messages within one partition.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import orjson

KEY_SCHEME = "bastion-cache-v1"

# Body fields that do not change the answer's content. Everything else is partitioned on.
_TRANSPORT_FIELDS = frozenset({"stream", "stream_options"})


def _digest(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def _canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def tenant_tag(tenant: str) -> str:
    """A short, stable namespace for a tenant's keys (the raw name never reaches the store)."""
    return _digest(KEY_SCHEME.encode(), b"tenant", tenant.encode())[:16]


@dataclass(frozen=True, slots=True)
class CacheKey:
    tenant: str
    tenant_tag: str
    partition: str
    exact: str
    # The last user message as text, when it is text only; the semantic lookup's query.
    query: str | None


def make_key(
    *,
    tenant: str,
    endpoint: str,
    protocol: str,
    system: Any,
    messages: list[Any],
    params: dict[str, Any],
) -> CacheKey | None:
    """The key of a chat request, or ``None`` when it is not cacheable (no final user turn)."""
    if not messages or not isinstance(messages[-1], dict) or messages[-1].get("role") != "user":
        return None
    last = messages[-1]
    partition = _digest(
        KEY_SCHEME.encode(),
        tenant.encode(),
        endpoint.encode(),
        protocol.encode(),
        _canonical(system),
        _canonical({k: v for k, v in params.items() if k not in _TRANSPORT_FIELDS}),
        _canonical(messages[:-1]),
        _canonical({k: v for k, v in last.items() if k != "content"}),
    )
    content = last.get("content")
    exact = _digest(partition.encode(), _canonical(content))
    return CacheKey(
        tenant=tenant,
        tenant_tag=tenant_tag(tenant),
        partition=partition,
        exact=exact,
        query=_text_only(content),
    )


def _text_only(content: Any) -> str | None:
    if isinstance(content, str):
        return content
    if isinstance(content, list) and content:
        texts = []
        for part in content:
            if not isinstance(part, dict) or part.get("type") != "text":
                return None
            if set(part) - {"type", "text"}:
                return None  # e.g. cache_control: keep such requests exact-only
            texts.append(str(part.get("text", "")))
        return "\n".join(texts)
    return None


def key_for_openai_chat(tenant: str, endpoint: str, body: dict[str, Any]) -> CacheKey | None:
    """Key for an OpenAI ``/v1/chat/completions`` body. System messages stay in the message
    list (their position matters). Requests for several choices (``n`` > 1) are not cached."""
    if body.get("n") not in (None, 1):
        return None
    messages = body.get("messages")
    if not isinstance(messages, list):
        return None
    params = {k: v for k, v in body.items() if k != "messages"}
    return make_key(
        tenant=tenant,
        endpoint=endpoint,
        protocol="openai_chat",
        system=None,
        messages=messages,
        params=params,
    )


def key_for_anthropic_messages(tenant: str, endpoint: str, body: dict[str, Any]) -> CacheKey | None:
    """Key for an Anthropic ``/v1/messages`` body."""
    messages = body.get("messages")
    if not isinstance(messages, list):
        return None
    params = {k: v for k, v in body.items() if k not in ("messages", "system")}
    return make_key(
        tenant=tenant,
        endpoint=endpoint,
        protocol="anthropic_messages",
        system=body.get("system"),
        messages=messages,
        params=params,
    )
