"""The text a request carries to a model, as places in its body that can be read and rewritten.

Prompts hide in several shapes: OpenAI messages (string content or a list of parts, tool call
arguments, tool results), Anthropic messages and system blocks, legacy prompts and embedding
inputs. Every string under those fields is text a model will see, except identifiers, roles and
encoded media, which are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bastion.protocols.operations import Operation

# Where a request's text lives, per operation.
_ROOTS: dict[Operation, tuple[str, ...]] = {
    Operation.CHAT: ("messages",),
    Operation.MESSAGES: ("system", "messages"),
    Operation.COMPLETIONS: ("prompt", "suffix"),
    Operation.EMBEDDINGS: ("input",),
}
# Keys whose strings are not text for the model (or are encoded media).
_SKIPPED = frozenset(
    {"role", "type", "id", "tool_call_id", "tool_use_id", "name", "model", "cache_control",
     "media_type", "data", "url", "image_url", "source", "signature", "format", "detail"}
)  # fmt: skip


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


def text_fields(operation: Operation, body: dict[str, Any]) -> list[TextField]:
    fields: list[TextField] = []
    for root in _ROOTS[operation]:
        value = body.get(root)
        if root == "messages" and isinstance(value, list):
            for message in value:
                if isinstance(message, dict):
                    role = message.get("role")
                    for name in message:
                        if name not in _SKIPPED:
                            fields.extend(_walk(message, name, str(role or "user")))
        elif value is not None:
            fields.extend(_walk(body, root, "system" if root == "system" else "user"))
    return fields


def _walk(container: dict[str, Any] | list[Any], key: str | int, role: str) -> Iterator[TextField]:
    value = container[key]  # type: ignore[index]
    if isinstance(value, str):
        if value:
            yield TextField(container, key, value, role)
    elif isinstance(value, list):
        for index in range(len(value)):
            yield from _walk(value, index, role)
    elif isinstance(value, dict):
        for name in value:
            if name not in _SKIPPED:
                yield from _walk(value, name, role)
