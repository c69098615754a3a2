"""parse: JSON → a validated body, the requested model and the streaming mode."""

from __future__ import annotations

from typing import Any

import orjson

from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import invalid_request
from bastion.protocols.operations import Operation

# The field each operation cannot do without, and the JSON types it may take.
_REQUIRED: dict[Operation, tuple[str, tuple[type, ...], str]] = {
    Operation.CHAT: ("messages", (list,), "an array of messages"),
    Operation.COMPLETIONS: ("prompt", (str, list), "a string or an array"),
    Operation.EMBEDDINGS: ("input", (str, list), "a string or an array"),
    Operation.MESSAGES: ("messages", (list,), "an array of messages"),
}


class Parse(BaseStage):
    name = "parse"

    def __init__(self, *, counting: bool = False) -> None:
        # Counting tokens (/v1/messages/count_tokens) takes a Messages body without max_tokens.
        self._counting = counting

    async def on_request(self, ctx: RequestContext) -> None:
        try:
            body = orjson.loads(ctx.raw_body)
        except orjson.JSONDecodeError as exc:
            raise invalid_request(f"The request body is not valid JSON: {exc.msg}.") from None
        if not isinstance(body, dict):
            raise invalid_request("The request body must be a JSON object.")
        if _too_deep(ctx.raw_body, body):
            raise invalid_request(f"The request body is nested more than {MAX_DEPTH} levels deep.")
        ctx.body = body
        ctx.model = _model(body)
        _check_required(ctx.operation, body)
        ctx.stream = False if self._counting else _stream_flag(ctx.operation, body)
        options = body.get("stream_options")
        if options is not None and not isinstance(options, dict):
            raise invalid_request("'stream_options' must be an object.", param="stream_options")
        ctx.include_usage = bool(ctx.stream and options and options.get("include_usage") is True)
        if ctx.operation is Operation.MESSAGES:
            if not self._counting:
                _check_max_tokens(body)
            _check_anthropic(body)
        _check_optional_types(body)
        if ctx.operation is Operation.CHAT:
            _check_openai_messages(body["messages"])


# The JSON parser reads bodies nested up to 1,024 levels, but the gateway writes a body it
# forwards with orjson, which stops at 254: a deeper body is the client's error, refused here,
# not a failure later on.
MAX_DEPTH = 254


def _too_deep(raw: bytes, body: dict[str, Any]) -> bool:
    """Whether ``body`` nests more than ``MAX_DEPTH`` levels. Counting the brackets of the raw
    body (in C) settles nearly every request without walking it."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_DEPTH:
        return False
    stack: list[tuple[Any, int]] = [(body, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack += [(child, depth + 1) for child in children if isinstance(child, dict | list)]
    return False


def _model(body: dict[str, Any]) -> str:
    model = body.get("model")
    if not isinstance(model, str) or not model.strip():
        raise invalid_request("'model' is required and must be a non-empty string.", param="model")
    return model


def _check_required(operation: Operation, body: dict[str, Any]) -> None:
    if operation is Operation.RESPONSES:
        return  # its items are checked once its conversation is known (stages/conversation.py)
    field, types, expected = _REQUIRED[operation]
    value = body.get(field)
    if value is None:
        raise invalid_request(f"'{field}' is required.", param=field)
    if not isinstance(value, types):
        raise invalid_request(f"'{field}' must be {expected}.", param=field)
    if isinstance(value, list) and not value:
        raise invalid_request(f"'{field}' must not be empty.", param=field)
    if field == "messages" and not all(isinstance(m, dict) for m in body[field]):
        raise invalid_request("Every entry of 'messages' must be an object.", param=field)


def _stream_flag(operation: Operation, body: dict[str, Any]) -> bool:
    stream = body.get("stream")
    if stream is None:
        return False
    if not isinstance(stream, bool):
        raise invalid_request("'stream' must be a boolean.", param="stream")
    if stream and not operation.streams:
        raise invalid_request("Streaming is not supported for this endpoint.", param="stream")
    return stream


def _check_max_tokens(body: dict[str, Any]) -> None:
    value = body.get("max_tokens")
    if value is None:
        raise invalid_request("'max_tokens' is required.", param="max_tokens")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise invalid_request("'max_tokens' must be a positive integer.", param="max_tokens")


def _check_optional_types(body: dict[str, Any]) -> None:
    for field in ("max_tokens", "max_completion_tokens", "n", "best_of"):
        value = body.get(field)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise invalid_request(f"'{field}' must be an integer.", param=field)
    for field in ("temperature", "top_p"):
        value = body.get(field)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise invalid_request(f"'{field}' must be a number.", param=field)
    for field in ("n", "best_of"):
        value = body.get(field)
        if isinstance(value, int) and value < 1:
            raise invalid_request(f"'{field}' must be at least 1.", param=field)


# OpenAI chat roles: "developer" is what newer clients send for "system"; "function" is the
# deprecated function-calling API's result.
_OPENAI_ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
# Roles whose content may be null or left out: an assistant turn that only calls tools (or
# carries a refusal or audio), a function's empty result.
_OPENAI_CONTENT_OPTIONAL = frozenset({"assistant", "function"})


def _check_openai_messages(messages: list[dict[str, Any]]) -> None:
    """The shape of chat messages, checked the same for every backend.

    Roles are the ones OpenAI defines; content is a string or an array of typed parts (null
    only where a turn may have none); tool calls are an array of objects. Part types and fields
    the gateway does not know are left to the backend. A few type checks per message; the
    error's words are only put together for a request that fails.
    """
    for i, message in enumerate(messages):
        role = message.get("role")
        if not isinstance(role, str) or role not in _OPENAI_ROLES:
            raise invalid_request(
                f"'messages[{i}].role' must be one of system, developer, user, assistant, "
                f"tool, function; got {_shown(role)}.",
                param=f"messages[{i}].role",
            )
        content = message.get("content")
        if isinstance(content, str):
            pass
        elif isinstance(content, list):
            for part in content:
                if not (
                    isinstance(part, dict)
                    and isinstance(kind := part.get("type"), str)
                    and kind
                    and (kind != "text" or isinstance(part.get("text"), str))
                ):
                    j = next(j for j, other in enumerate(content) if other is part)
                    _refuse_openai_part(part, f"messages[{i}].content[{j}]")
        elif content is not None or role not in _OPENAI_CONTENT_OPTIONAL:
            raise invalid_request(
                f"'messages[{i}].content' must be a string or an array of content parts"
                f"{' (or null)' if role in _OPENAI_CONTENT_OPTIONAL else ''}; "
                f"got {_shown(content)}.",
                param=f"messages[{i}].content",
            )
        if len(message) != 2 or "content" not in message:  # most turns: role and content
            _check_openai_extras(message, i)


def _refuse_openai_part(part: Any, where: str) -> None:
    if not isinstance(part, dict):
        raise invalid_request(f"'{where}' must be an object.", param=where)
    kind = part.get("type")
    if not isinstance(kind, str) or not kind:
        raise invalid_request(f"'{where}.type' must be a non-empty string.", param=f"{where}.type")
    raise invalid_request(f"'{where}.text' must be a string.", param=f"{where}.text")


def _check_openai_extras(message: dict[str, Any], i: int) -> None:
    for field in ("name", "tool_call_id"):
        value = message.get(field)
        if value is not None and not isinstance(value, str):
            where = f"messages[{i}].{field}"
            raise invalid_request(f"'{where}' must be a string.", param=where)
    calls = message.get("tool_calls")
    if calls is None:
        return
    if not isinstance(calls, list):
        where = f"messages[{i}].tool_calls"
        raise invalid_request(f"'{where}' must be an array.", param=where)
    for k, call in enumerate(calls):
        if not (isinstance(call, dict) and isinstance(call.get("function"), dict)):
            where = f"messages[{i}].tool_calls[{k}]"
            raise invalid_request(
                f"'{where}' must be an object with a 'function' object.", param=where
            )


def _shown(value: Any) -> str:
    """A client's value in a message, cut short."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# Anthropic message roles; "system" entries among the turns are what Claude Code sends.
_ANTHROPIC_ROLES = frozenset({"user", "assistant", "system"})


def _check_anthropic(body: dict[str, Any]) -> None:
    """The shape of a Messages request, checked the same for every backend.

    Only the structure is checked (roles, content as a string or typed blocks, the types of the
    common fields); block types and fields the gateway does not know are left to the backend,
    or to the translation, which tolerates them.
    """
    _check_system(body.get("system"), "system")
    for i, message in enumerate(body["messages"]):
        where = f"messages[{i}]"
        role = message.get("role")
        if not isinstance(role, str) or role not in _ANTHROPIC_ROLES:
            raise invalid_request(
                f"'{where}.role' must be one of user, assistant, system; got {_shown(role)}.",
                param=f"{where}.role",
            )
        content = message.get("content")
        if role == "system":
            _check_system(content, f"{where}.content", required=True)
            continue
        if isinstance(content, str):
            continue
        if not isinstance(content, list):
            raise invalid_request(
                f"'{where}.content' must be a string or an array of content blocks.",
                param=f"{where}.content",
            )
        for j, block in enumerate(content):
            _check_block(block, f"{where}.content[{j}]")
    for field, kind, name in (
        ("metadata", dict, "an object"),
        ("thinking", dict, "an object"),
        ("tool_choice", dict, "an object"),
        ("tools", list, "an array"),
        ("stop_sequences", list, "an array of strings"),
    ):
        value = body.get(field)
        if value is not None and not isinstance(value, kind):
            raise invalid_request(f"'{field}' must be {name}.", param=field)
    if not all(isinstance(stop, str) for stop in body.get("stop_sequences") or ()):
        raise invalid_request("'stop_sequences' must be an array of strings.", "stop_sequences")
    for i, tool in enumerate(body.get("tools") or ()):
        if not isinstance(tool, dict):
            raise invalid_request("Every entry of 'tools' must be an object.", param="tools")
        schema = tool.get("input_schema")  # server tools ("bash_20250124") have none
        if schema is not None and not isinstance(schema, dict):
            where = f"tools.{i}.input_schema"
            raise invalid_request(f"'{where}' must be an object (a JSON Schema).", param=where)
    tool_choice = body.get("tool_choice")
    if tool_choice is not None and not isinstance(tool_choice.get("type"), str):
        raise invalid_request("'tool_choice.type' must be a string.", param="tool_choice.type")
    thinking = body.get("thinking")
    if thinking is not None:
        if not isinstance(thinking.get("type"), str):
            raise invalid_request("'thinking.type' must be a string.", param="thinking.type")
        budget = thinking.get("budget_tokens")
        if budget is not None and (isinstance(budget, bool) or not isinstance(budget, int)):
            raise invalid_request(
                "'thinking.budget_tokens' must be an integer.", param="thinking.budget_tokens"
            )
    top_k = body.get("top_k")
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int)):
        raise invalid_request("'top_k' must be an integer.", param="top_k")


def _check_system(value: Any, param: str, *, required: bool = False) -> None:
    """A system prompt: a string or an array of text blocks."""
    if value is None and not required:
        return
    if isinstance(value, str):
        return
    if not isinstance(value, list):
        raise invalid_request(
            f"'{param}' must be a string or an array of text blocks.", param=param
        )
    for j, block in enumerate(value):
        where = f"{param}[{j}]"
        if not isinstance(block, dict) or block.get("type") != "text":
            kind = block.get("type") if isinstance(block, dict) else None
            raise invalid_request(
                f"'{where}' must be a text block (system content is text only), not {kind!r}.",
                param=where,
            )
        _check_block(block, where)


def _check_block(block: Any, where: str) -> None:
    if not isinstance(block, dict):
        raise invalid_request(f"'{where}' must be an object.", param=where)
    kind = block.get("type")
    if not isinstance(kind, str) or not kind:
        raise invalid_request(f"'{where}.type' must be a non-empty string.", param=f"{where}.type")
    if kind == "text" and not isinstance(block.get("text"), str):
        raise invalid_request(f"'{where}.text' must be a string.", param=f"{where}.text")
    if kind == "tool_use" and not isinstance(block.get("name"), str):
        raise invalid_request(f"'{where}.name' must be a string.", param=f"{where}.name")
    if kind == "tool_result" and not isinstance(block.get("tool_use_id"), str):
        raise invalid_request(
            f"'{where}.tool_use_id' must be a string.", param=f"{where}.tool_use_id"
        )
