"""The text a request carries to a model, as places in its body that can be read and rewritten.

Prompts hide in several shapes: OpenAI messages (string content or a list of parts, tool call
arguments, tool results), Anthropic messages and system blocks (plain-text documents included),
legacy prompts and embedding inputs. Every string under those fields is text a model will see,
except identifiers and roles, which are left alone. Content the scan cannot read (images, audio,
files, encoded documents, token ids) is not text; it is named in ``opaque`` so the caller can
tell a request that was scanned whole from one that was not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bastion.protocols.operations import Operation

# Where a request's text lives, per operation: messages, and what else the model is given to
# read (tool descriptions and schemas, a predicted output, a response schema).
_ROOTS: dict[Operation, tuple[str, ...]] = {
    Operation.CHAT: ("messages", "tools", "functions", "prediction", "response_format"),
    Operation.MESSAGES: ("system", "messages", "tools"),
    Operation.COMPLETIONS: ("prompt", "suffix"),
    Operation.EMBEDDINGS: ("input",),
    # Responses API: items (messages, function calls and their outputs) and instructions.
    Operation.RESPONSES: ("instructions", "input", "tools", "text"),
}
# Keys whose strings are not text for the model.
_SKIPPED = frozenset(
    {"role", "type", "id", "tool_call_id", "tool_use_id", "name", "model", "cache_control",
     "media_type", "data", "url", "signature", "format", "detail", "call_id", "status",
     "encrypted_content", "file_id"}
)  # fmt: skip
# Keys whose values a model sees but the scan cannot read: images, audio, files.
_OPAQUE = frozenset({"image_url", "input_audio", "file", "audio", "file_data", "file_url"})
# Who wrote each root outside the messages: the operator's system prompt and the application's
# tool and schema definitions are scored as trusted text for prompt injection.
_ROOT_ROLES = {
    "system": "system",
    "instructions": "system",
    "text": "system",
    "tools": "system",
    "functions": "system",
    "response_format": "system",
}
# Roots that may hold token ids instead of text.
_TOKEN_ROOTS = frozenset({"prompt", "input"})


@dataclass(slots=True)
class TextField:
    """One string of a request body, where to write a rewritten one, and who wrote it
    (``system``, ``user``, ``assistant``, ``tool``...)."""

    container: dict[str, Any] | list[Any]
    key: str | int
    text: str
    role: str

    def replace(self, text: str) -> None:
        self.container[self.key] = text  # type: ignore[index]


def text_fields(
    operation: Operation, body: dict[str, Any], opaque: list[str] | None = None
) -> list[TextField]:
    """The text fields of ``body``; what the scan cannot read is appended to ``opaque``."""
    fields: list[TextField] = []
    unread = opaque if opaque is not None else []
    for root in _ROOTS[operation]:
        value = body.get(root)
        if root in ("messages", "input") and isinstance(value, list) and _items(operation, root):
            for message in value:
                if isinstance(message, dict):
                    role = _role_of(message)
                    for name in message:
                        if name in _OPAQUE:
                            if message[name]:
                                unread.append(name)
                        elif name not in _SKIPPED:
                            fields.extend(_walk(message, name, role, unread))
        elif value is not None:
            if root in _TOKEN_ROOTS and _has_token_ids(value):
                unread.append("tokens")
            fields.extend(_walk(body, root, _ROOT_ROLES.get(root, "user"), unread))
    return fields


def _items(operation: Operation, root: str) -> bool:
    """Whether ``root`` is a list of messages (or Responses API items) with roles."""
    return root == "messages" or operation is Operation.RESPONSES


# Responses API items without a role, by who wrote them.
_ITEM_ROLES = {
    "function_call": "assistant",
    "reasoning": "assistant",
    "function_call_output": "tool",
}


def _role_of(item: dict[str, Any]) -> str:
    """Who wrote a message or item; a Responses API ``developer`` message is the operator's."""
    role = item.get("role")
    if isinstance(role, str) and role:
        return "system" if role == "developer" else role
    kind = item.get("type")
    return _ITEM_ROLES.get(kind, "user") if isinstance(kind, str) else "user"


def _has_token_ids(value: Any) -> bool:
    """Token ids (``[1, 2]`` or ``[[1, 2]]``) in an embedding input or legacy prompt."""
    if isinstance(value, list):
        return any(isinstance(item, int) or _has_token_ids(item) for item in value)
    return False


def _walk(
    container: dict[str, Any] | list[Any], key: str | int, role: str, opaque: list[str]
) -> Iterator[TextField]:
    value = container[key]  # type: ignore[index]
    if isinstance(value, str):
        if value:
            yield TextField(container, key, value, role)
    elif isinstance(value, list):
        for index in range(len(value)):
            yield from _walk(value, index, role, opaque)
    elif isinstance(value, dict):
        for name in value:
            if name == "source":
                yield from _source(value, role, opaque)
            elif name in _OPAQUE:
                if value[name]:
                    opaque.append(name)
            elif name not in _SKIPPED:
                yield from _walk(value, name, role, opaque)


def _source(block: dict[str, Any], role: str, opaque: list[str]) -> Iterator[TextField]:
    """An Anthropic document or image source: plain text and text blocks are read; base64,
    URLs and file references are not."""
    source = block["source"]
    if isinstance(source, dict):
        kind = source.get("type")
        if kind == "text" and isinstance(source.get("data"), str):
            yield from _walk(source, "data", role, opaque)
            return
        if kind == "content" and "content" in source:
            yield from _walk(source, "content", role, opaque)
            return
    if source:
        opaque.append("source")
