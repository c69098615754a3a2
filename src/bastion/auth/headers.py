"""Where clients put their API key in an HTTP request."""

from __future__ import annotations

from collections.abc import Mapping


def presented_key(headers: Mapping[str, str]) -> str | None:
    """The key from ``Authorization: Bearer …`` (OpenAI style) or ``x-api-key`` (Anthropic).

    ``headers`` must have lowercase names, as ASGI and Starlette's ``Headers`` provide.
    """
    authorization = headers.get("authorization")
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
    key = headers.get("x-api-key")
    return key.strip() if key and key.strip() else None
