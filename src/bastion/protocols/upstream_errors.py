"""Errors for upstream answers the gateway will not pass through as they are."""

from __future__ import annotations

from typing import Any

import orjson

from bastion.protocols.errors import GatewayError


def json_object(raw: bytes) -> dict[str, Any] | None:
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    return body if isinstance(body, dict) else None


def upstream_message(body: dict[str, Any] | None) -> str | None:
    """The human-readable explanation in an upstream's error body, whatever its shape."""
    if body is None:
        return None
    error = body.get("error")
    if isinstance(error, dict):
        message = error.get("message")
        return str(message) if message else None
    if isinstance(error, str):
        return error
    message = body.get("message") or body.get("detail")
    return str(message) if message else None


# An engine saying it cannot take the request now (vLLM's 503 while loading or overloaded,
# Anthropic's 529): the client gets 503 with the engine's Retry-After, which clients back off
# on, rather than 502, which says the gateway found the answer broken.
_UNAVAILABLE = frozenset({503, 529})


def upstream_failed(
    backend: str, status: int, raw: bytes, retry_after: str | None = None
) -> GatewayError:
    """A 5xx from the backend, as the client sees it: 503 for an engine that is unavailable or
    overloaded, 502 otherwise."""
    detail = upstream_message(json_object(raw)) or f"HTTP {status}"
    if status in _UNAVAILABLE:
        return GatewayError(
            503,
            f"Backend '{backend}' is unavailable: {detail}",
            code="upstream_unavailable",
            headers={"retry-after": retry_after if retry_after and retry_after.isdigit() else "1"},
        )
    return GatewayError(502, f"Backend '{backend}' failed: {detail}", code="bad_gateway")


def upstream_overloaded(backend: str, raw: bytes, retry_after: str | None) -> GatewayError:
    """A 429 from the backend itself (an engine shedding load), passed on as a 429."""
    detail = upstream_message(json_object(raw)) or "too many requests"
    return GatewayError(
        429,
        f"Backend '{backend}' is overloaded: {detail}",
        code="upstream_overloaded",
        headers={"retry-after": retry_after or "1"},
    )
