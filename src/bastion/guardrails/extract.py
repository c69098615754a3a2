"""The text a request carries, as places in its body that can be read and rewritten.

Every string of a request body is scanned, wherever it is, unless it is the model's name or
an encoded blob the scan cannot read: what a client sends is what leaves, so a field this
module does not know (a new API field, an engine's extension such as vLLM's ``documents``) is
scanned like the rest rather than let through unread. Fields differ in what else they are:

- the prompt — messages (string content or parts, tool calls and results), Anthropic system
  blocks and plain-text documents, legacy prompts, embedding inputs, the tools and schemas the
  model is given — is scored for prompt injection and may be masked;
- structure — roles, types, identifiers, names of tools — and what rides along with a request
  (``user``, ``metadata``, ``stop``, unknown fields) is scanned but not scored;
- identifiers and who-asks fields (``id``, ``tool_call_id``, ``user``, ``metadata.user_id``)
  cannot be masked: a masked id breaks the conversation's links, a masked user merges users'
  cache partitions. A finding there that policy says to mask leaves the request unclassified
  (local), which fails closed.

Content the scan cannot read (images, audio, files, base64 documents, token ids) is named in
``opaque`` so the caller can tell a request that was scanned whole from one that was not.
Inside free-form values — a tool call's ``input``, a function's ``parameters``, a schema,
``metadata`` — no key means anything: every string there is read as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bastion.protocols.operations import Operation

# Where the prompt lives, per operation: messages, and what else the model is given to read
# (tool descriptions and schemas, a predicted output, a response schema).
_ROOTS: dict[Operation, tuple[str, ...]] = {
    Operation.CHAT: ("messages", "tools", "functions", "prediction", "response_format"),
    Operation.MESSAGES: ("system", "messages", "tools"),
    Operation.COMPLETIONS: ("prompt", "suffix"),
    Operation.EMBEDDINGS: ("input",),
    # Responses API: items (messages, function calls and their outputs) and instructions.
    Operation.RESPONSES: ("instructions", "input", "tools", "text"),
}
# Keys whose strings are structure, not prompt: scanned, never scored, never masked.
_STRUCTURE = frozenset(
    {"role", "type", "id", "tool_call_id", "tool_use_id", "name", "cache_control",
     "media_type", "url", "format", "detail", "call_id", "status", "file_id"}
)  # fmt: skip
# Keys whose strings are encoded blobs when they look like one (thinking signatures, encrypted
# reasoning, base64 payloads): not read. Anything else under them is read as structure.
_BLOBS = frozenset({"data", "signature", "encrypted_content"})
_BLOB = re.compile(r"[A-Za-z0-9+/=_-]{64,}")
# Keys whose values a model sees but the scan cannot read: images, audio, files.
_OPAQUE = frozenset({"image_url", "input_audio", "file", "audio", "file_data", "file_url"})
# Keys under which anything goes: no key there is structure, every string is text.
_FREE_FORM = frozenset({"input", "parameters", "input_schema", "schema", "arguments", "metadata"})
# Top-level strings that are not text: the model named.
_NOT_TEXT = frozenset({"model"})
# Who asks (top-level, and Anthropic's ``metadata.user_id``): never masked, since cache
# partitions are keyed by it.
_WHO = frozenset({"user", "safety_identifier"})
_WHO_IN_METADATA = "user_id"
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
# The role of strings that are not prompt: scanned for sensitive data, not scored.
STRUCTURE_ROLE = "structure"


@dataclass(slots=True)
class TextField:
    """One string of a request body, where to write a rewritten one, who wrote it
    (``system``, ``user``, ``assistant``, ``tool``..., or ``structure`` for what is not
    prompt), and whether it may be rewritten."""

    container: dict[str, Any] | list[Any]
    key: str | int
    text: str
    role: str
    maskable: bool = True
    message: int = -1  # the index of the message (or item) it is part of; -1: none

    def replace(self, text: str) -> None:
        self.container[self.key] = text  # type: ignore[index]


def junctions(fields: list[TextField], reach: int = 48) -> list[tuple[str, int]]:
    """Where one message's consecutive prompt texts meet (its content parts, a tool result's
    blocks), as the end of one and the start of the next joined by a space, with the offset
    of the join: a value split between two parts is whole only there."""
    out: list[tuple[str, int]] = []
    previous: TextField | None = None
    for field in fields:
        if field.role == STRUCTURE_ROLE:
            continue
        if previous is not None and field.message >= 0 and field.message == previous.message:
            tail = previous.text[-reach:]
            out.append((f"{tail} {field.text[:reach]}", len(tail)))
        previous = field
    return out


def text_fields(
    operation: Operation, body: dict[str, Any], opaque: list[str] | None = None
) -> list[TextField]:
    """The text fields of ``body``; what the scan cannot read is appended to ``opaque``."""
    fields: list[TextField] = []
    unread = opaque if opaque is not None else []
    roots = _ROOTS[operation]
    for root in roots:
        value = body.get(root)
        if root in ("messages", "input") and isinstance(value, list) and _items(operation, root):
            for index, message in enumerate(value):
                if isinstance(message, dict):
                    found = _walk_dict(message, _role_of(message), unread, free=False)
                else:
                    found = _walk(value, index, "user", unread, free=False)
                for field in found:
                    field.message = index
                    fields.append(field)
        elif value is not None:
            if root in _TOKEN_ROOTS and _has_token_ids(value):
                unread.append("tokens")
            fields.extend(_walk(body, root, _ROOT_ROLES.get(root, "user"), unread, free=False))
    # What rides along: ``user``, ``metadata``, ``stop``, engines' extensions, unknown fields.
    for name, value in body.items():
        if name in roots or name in _NOT_TEXT:
            continue
        if name == "metadata" and isinstance(value, dict):
            for key in value:
                who = key == _WHO_IN_METADATA
                fields.extend(
                    _walk(value, key, STRUCTURE_ROLE, unread, free=True, maskable=not who)
                )
        else:
            who = name in _WHO
            fields.extend(_walk(body, name, STRUCTURE_ROLE, unread, free=True, maskable=not who))
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
    container: dict[str, Any] | list[Any],
    key: str | int,
    role: str,
    opaque: list[str],
    *,
    free: bool,
    maskable: bool = True,
) -> Iterator[TextField]:
    value = container[key]  # type: ignore[index]
    if isinstance(value, str):
        if value:
            yield TextField(container, key, value, role, maskable)
    elif isinstance(value, list):
        for index in range(len(value)):
            yield from _walk(value, index, role, opaque, free=free, maskable=maskable)
    elif isinstance(value, dict):
        yield from _walk_dict(value, role, opaque, free)


def _walk_dict(
    value: dict[str, Any], role: str, opaque: list[str], free: bool
) -> Iterator[TextField]:
    for name, item in value.items():
        if free:
            yield from _walk(value, name, role, opaque, free=True)
        elif name == "source":
            yield from _source(value, role, opaque)
        elif name in _OPAQUE:
            if item:
                opaque.append(name)
        elif name in _BLOBS and _is_blob(item):
            continue
        elif name in _STRUCTURE or name in _BLOBS:
            yield from _walk(value, name, STRUCTURE_ROLE, opaque, free=False, maskable=False)
        else:
            yield from _walk(value, name, role, opaque, free=name in _FREE_FORM)


def _is_blob(value: Any) -> bool:
    return isinstance(value, str) and _BLOB.fullmatch(value) is not None


def _source(block: dict[str, Any], role: str, opaque: list[str]) -> Iterator[TextField]:
    """An Anthropic document or image source: plain text and text blocks are read; base64,
    URLs and file references are not. A search result's source (a URL or a title) is text."""
    source = block["source"]
    if isinstance(source, str):
        yield from _walk(block, "source", STRUCTURE_ROLE, opaque, free=False, maskable=False)
        return
    if isinstance(source, dict):
        kind = source.get("type")
        if kind == "text" and isinstance(source.get("data"), str):
            yield from _walk(source, "data", role, opaque, free=False)
            return
        if kind == "content" and "content" in source:
            yield from _walk(source, "content", role, opaque, free=False)
            return
    if source:
        opaque.append("source")
