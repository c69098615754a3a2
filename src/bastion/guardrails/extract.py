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
# Keys whose values are the protocol's own words (``user``, ``text``, ``completed``,
# ``image/png``): skipped when they look like one, read as structure otherwise.
_ENUMS = frozenset({"role", "type", "status", "detail", "format", "media_type"})
_WORD = re.compile(r"[a-z][a-z0-9_./+-]{0,39}")
_COMMON_WORDS = frozenset({"user", "assistant", "system", "tool", "developer", "text"})
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
    walk = _Walk(opaque if opaque is not None else [])
    roots = _ROOTS[operation]
    for root in roots:
        value = body.get(root)
        if root in ("messages", "input") and isinstance(value, list) and _items(operation, root):
            for index, message in enumerate(value):
                walk.message = index
                if isinstance(message, dict):
                    walk.mapping(message, _role_of(message), free=False)
                else:
                    walk.value(value, index, message, "user", free=False)
            walk.message = -1
        elif value is not None:
            if root in _TOKEN_ROOTS and _has_token_ids(value):
                walk.opaque.append("tokens")
            walk.value(body, root, value, _ROOT_ROLES.get(root, "user"), free=False)
    # What rides along: ``user``, ``metadata``, ``stop``, engines' extensions, unknown fields.
    for name, value in body.items():
        if name in roots or name in _NOT_TEXT or not isinstance(value, str | list | dict):
            continue
        if name == "metadata" and isinstance(value, dict):
            for key, item in value.items():
                who = key == _WHO_IN_METADATA
                walk.value(value, key, item, STRUCTURE_ROLE, free=True, maskable=not who)
        else:
            walk.value(body, name, value, STRUCTURE_ROLE, free=True, maskable=name not in _WHO)
    return walk.fields


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


# A place still to walk: container, key, value, role, free-form, maskable.
_Task = tuple[dict[str, Any] | list[Any], str | int, Any, str, bool, bool]


class _Walk:
    """Collects a body's strings as it goes through it, in document order, with a stack of its
    own rather than recursion (a body may be nested as deep as the JSON parser allows), and
    appends, no generators: it runs on every request."""

    __slots__ = ("fields", "message", "opaque")

    def __init__(self, opaque: list[str]) -> None:
        self.fields: list[TextField] = []
        self.opaque = opaque
        self.message = -1

    def value(
        self,
        container: dict[str, Any] | list[Any],
        key: str | int,
        value: Any,
        role: str,
        *,
        free: bool,
        maskable: bool = True,
    ) -> None:
        self._run([(container, key, value, role, free, maskable)])

    def mapping(self, value: dict[str, Any], role: str, *, free: bool) -> None:
        tasks = self._children(value, role, free)
        tasks.reverse()
        self._run(tasks)

    def _run(self, stack: list[_Task]) -> None:
        """Walks the places on ``stack`` (the next one last) and everything inside them."""
        fields = self.fields
        message = self.message
        while stack:
            container, key, value, role, free, maskable = stack.pop()
            if isinstance(value, str):
                if value:
                    fields.append(TextField(container, key, value, role, maskable, message))
            elif isinstance(value, list):
                for index in range(len(value) - 1, -1, -1):
                    stack.append((value, index, value[index], role, free, maskable))
            elif isinstance(value, dict):
                children = self._children(value, role, free)
                children.reverse()
                stack += children

    def _children(self, value: dict[str, Any], role: str, free: bool) -> list[_Task]:
        """The places inside a mapping to walk, in order."""
        out: list[_Task] = []
        for name, item in value.items():
            if free:
                out.append((value, name, item, role, True, True))
            elif name == "source":
                out += self._source(value, role)
            elif name in _OPAQUE:
                if item:
                    self.opaque.append(name)
            elif name in _ENUMS and _is_word(item):
                continue  # the protocol's own words: a role, a part's type, a status
            elif name in _BLOBS and _is_blob(item):
                continue
            elif name in _STRUCTURE or name in _BLOBS:
                out.append((value, name, item, STRUCTURE_ROLE, False, False))
            else:
                out.append((value, name, item, role, name in _FREE_FORM, True))
        return out

    def _source(self, block: dict[str, Any], role: str) -> list[_Task]:
        """An Anthropic document or image source: plain text and text blocks are read; base64,
        URLs and file references are not. A search result's source (a URL or a title) is
        text."""
        source = block["source"]
        if isinstance(source, str):
            return [(block, "source", source, STRUCTURE_ROLE, False, False)]
        if isinstance(source, dict):
            kind = source.get("type")
            data = source.get("data")
            if kind == "text" and isinstance(data, str):
                return [(source, "data", data, role, False, True)]
            if kind == "content" and "content" in source:
                return [(source, "content", source["content"], role, False, True)]
        if source:
            self.opaque.append("source")
        return []


def _is_word(value: Any) -> bool:
    return isinstance(value, str) and (value in _COMMON_WORDS or _WORD.fullmatch(value) is not None)


def _is_blob(value: Any) -> bool:
    return isinstance(value, str) and _BLOB.fullmatch(value) is not None
