"""Small helpers shared by both translators."""

from __future__ import annotations

import os
from typing import Any

import orjson

from bastion.protocols.sse import SSEEvent, event_object
from bastion.protocols.translate import TranslationError

# Anthropic's error types, by the HTTP status Anthropic answers them with.
ANTHROPIC_ERROR_STATUS = {
    "invalid_request_error": 400,
    "authentication_error": 401,
    "billing_error": 402,
    "permission_error": 403,
    "not_found_error": 404,
    "request_too_large": 413,
    "rate_limit_error": 429,
    "api_error": 500,
    "timeout_error": 504,
    "overloaded_error": 529,
}


def new_id(prefix: str) -> str:
    """``prefix`` and 24 random hex digits (os.urandom: a quarter of uuid4's cost)."""
    return prefix + os.urandom(12).hex()


def load_event(event: SSEEvent) -> dict[str, Any] | None:
    """The event's JSON object, or None for an empty keep-alive; an event that is not a JSON
    object raises MalformedEvent (the respond stage ends the stream with an error)."""
    return event_object(event)


def error_message(body: dict[str, Any] | None) -> str | None:
    """The human message of an error body in any of the shapes engines use.

    OpenAI and newer vLLM nest ``{"error": {"message": ...}}``; older vLLM and SGLang put
    ``message`` at the top level; Ollama sometimes answers ``{"error": "text"}``.
    """
    if not isinstance(body, dict):
        return None
    error = body.get("error")
    if isinstance(error, dict) and isinstance(error.get("message"), str):
        return str(error["message"])
    if isinstance(error, str) and error:
        return error
    for key in ("message", "detail"):
        value = body.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def json_object(text: Any) -> dict[str, Any] | None:
    """Tool-call arguments (a JSON string) as an object, or None when they are not one."""
    if not isinstance(text, str):
        return None
    if not text.strip():
        return {}
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def obj(value: Any) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one: upstream bodies are not trusted."""
    return value if isinstance(value, dict) else {}


def seq(value: Any) -> list[Any]:
    """``value`` if it is a JSON array, else an empty one."""
    return value if isinstance(value, list) else []


def text_of(value: Any) -> str:
    return value if isinstance(value, str) else ""


def as_list(value: Any, param: str) -> list[Any]:
    """An optional array field: absent or null is empty; anything else but an array raises."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise TranslationError(f"'{param}' must be an array.", param)
    return value


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
