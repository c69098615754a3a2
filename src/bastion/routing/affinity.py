"""The key that keeps a conversation on one replica: a session id, or its prompt's prefix."""

from __future__ import annotations

from typing import Any

from bastion.protocols.operations import Operation
from bastion.routing.pool import affinity_hash


def affinity_key(
    operation: Operation, body: dict[str, Any], session: str | None, prefix_chars: int
) -> int | None:
    """Requests sharing a session id, or the first ``prefix_chars`` of their prompt, share a
    key, so the replica holding that prefix in its KV cache keeps getting them."""
    if session:
        return affinity_hash("session\0" + session)
    prefix = prompt_prefix(operation, body, prefix_chars)
    return affinity_hash(prefix) if prefix else None


def prompt_prefix(operation: Operation, body: dict[str, Any], limit: int) -> str:
    parts: list[str] = []
    size = 0

    def add(text: str) -> bool:
        nonlocal size
        parts.append(text[: limit - size])
        size += len(parts[-1])
        return size >= limit

    if operation is Operation.MESSAGES and add(_text(body.get("system"))):
        return "".join(parts)
    if operation in (Operation.CHAT, Operation.MESSAGES):
        messages = body.get("messages")
        if isinstance(messages, list):
            for message in messages:
                if isinstance(message, dict) and add(_text(message.get("content"))):
                    break
    elif operation is Operation.COMPLETIONS:
        prompt = body.get("prompt")
        add(prompt if isinstance(prompt, str) else _text(prompt))
    return "".join(parts)


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = []
        for part in content:
            if isinstance(part, dict):
                text = part.get("text")
                if isinstance(text, str):
                    texts.append(text)
            elif isinstance(part, str):
                texts.append(part)
        return "".join(texts)
    return ""
