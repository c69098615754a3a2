"""A stored response's input items as the Responses API lists them (``ItemResource``).

Clients write items in short forms (``{"role": "user", "content": "hi"}``, no ``status``, no
``id``); the gateway keeps them as they were sent upstream. Listed, every item is a full
resource: a message has ``type: "message"``, a ``status`` and content parts (an assistant's as
``output_text`` with its ``annotations``), calls and their outputs a ``status``, and every item an
``id``: the client's own when it gave one, else one derived from the response's id and the
item's position, so the same item has the same id in every listing, and an ``item_reference``
can name it (see pipeline/stages/conversation.py).
"""

from __future__ import annotations

from typing import Any

__all__ = ["input_item_id", "listed_input_item"]

# OpenAI's prefixes for these item types; ids of other items say only that they are items.
_PREFIXES = {
    "message": "msg_",
    "function_call": "fc_",
    "function_call_output": "fco_",
    "reasoning": "rs_",
}
_RESPONSE_PREFIX = "resp_"


def _kind(item: dict[str, Any]) -> str:
    kind = item.get("type")
    if kind is None and "role" in item:
        return "message"  # the short form {"role", "content"}
    return str(kind)


def input_item_id(response_id: str, position: int, item: dict[str, Any]) -> str:
    """The id of the input item at ``position`` of stored response ``response_id``."""
    own = item.get("id")
    if isinstance(own, str) and own:
        return own
    prefix = _PREFIXES.get(_kind(item), "item_")
    return f"{prefix}{response_id.removeprefix(_RESPONSE_PREFIX)}_{position}"


def listed_input_item(response_id: str, position: int, item: dict[str, Any]) -> dict[str, Any]:
    """The input item at ``position`` of stored response ``response_id``, as a resource."""
    listed: dict[str, Any] = {"id": input_item_id(response_id, position, item)}
    listed.update((key, value) for key, value in item.items() if key != "id")
    kind = _kind(item)
    if kind == "message":
        _as_message(listed)
    elif kind in ("function_call", "function_call_output"):
        # What was sent was complete; the API lists such items as completed.
        listed["status"] = listed.get("status") or "completed"
    elif kind == "reasoning":
        listed.setdefault("summary", [])
    return listed


def _as_message(listed: dict[str, Any]) -> None:
    assistant = listed.get("role") == "assistant"
    listed["type"] = "message"
    listed["status"] = listed.get("status") or "completed"
    content = listed.get("content")
    if isinstance(content, str):
        content = [{"type": "input_text", "text": content}]
    if isinstance(content, list):
        listed["content"] = [_part(part, assistant) for part in content]


def _part(part: Any, assistant: bool) -> Any:
    """A content part as a resource has it: an assistant's text is ``output_text`` (what the
    model wrote, even when handed back as ``input_text``), an image names its ``detail``."""
    if not isinstance(part, dict):
        return part
    kind = part.get("type")
    if assistant and kind in ("input_text", "output_text"):
        return {
            "type": "output_text",
            "text": part.get("text", ""),
            "annotations": part.get("annotations") or [],
            "logprobs": part.get("logprobs") or [],
        }
    if kind == "input_image" and "detail" not in part:
        return {**part, "detail": "auto"}
    return part
