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

    async def on_request(self, ctx: RequestContext) -> None:
        try:
            body = orjson.loads(ctx.raw_body)
        except orjson.JSONDecodeError as exc:
            raise invalid_request(f"The request body is not valid JSON: {exc.msg}.") from None
        if not isinstance(body, dict):
            raise invalid_request("The request body must be a JSON object.")
        ctx.body = body
        ctx.model = _model(body)
        _check_required(ctx.operation, body)
        ctx.stream = _stream_flag(ctx.operation, body)
        options = body.get("stream_options")
        if options is not None and not isinstance(options, dict):
            raise invalid_request("'stream_options' must be an object.", param="stream_options")
        ctx.include_usage = bool(ctx.stream and options and options.get("include_usage") is True)
        if ctx.operation is Operation.MESSAGES:
            _check_max_tokens(body)
        _check_optional_types(body)


def _model(body: dict[str, Any]) -> str:
    model = body.get("model")
    if not isinstance(model, str) or not model.strip():
        raise invalid_request("'model' is required and must be a non-empty string.", param="model")
    return model


def _check_required(operation: Operation, body: dict[str, Any]) -> None:
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
    for field in ("max_tokens", "max_completion_tokens", "n"):
        value = body.get(field)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise invalid_request(f"'{field}' must be an integer.", param=field)
    for field in ("temperature", "top_p"):
        value = body.get(field)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise invalid_request(f"'{field}' must be a number.", param=field)
    n = body.get("n")
    if isinstance(n, int) and n < 1:
        raise invalid_request("'n' must be at least 1.", param="n")
