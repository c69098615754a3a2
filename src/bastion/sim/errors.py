"""Errors in OpenAI's shape: ``{"error": {"message", "type", "param", "code"}}``."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import orjson

from bastion.protocols.errors import GatewayError

_TYPES = MappingProxyType(
    {
        400: "invalid_request_error",
        404: "invalid_request_error",
        429: "rate_limit_error",
        500: "server_error",
        503: "service_unavailable_error",
    }
)


class SimHTTPError(GatewayError):
    """An error the simulator answers with, in OpenAI's shape as vLLM does."""

    def to_json(self) -> bytes:
        return error_json(self.status, self.message, code=self.code, param=self.param)


def error_json(
    status: int, message: str, *, code: str | None = None, param: str | None = None
) -> bytes:
    error: dict[str, Any] = {
        "message": message,
        "type": _TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error"),
        "param": param,
        "code": code,
    }
    return orjson.dumps({"error": error})


def model_not_found(name: str) -> SimHTTPError:
    return SimHTTPError(
        404, f"The model `{name}` does not exist.", code="model_not_found", param="model"
    )
