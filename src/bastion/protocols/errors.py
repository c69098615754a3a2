"""Gateway errors, rendered in the error shape of the client's own protocol."""

from __future__ import annotations

from typing import Any

import orjson

from bastion.protocols.operations import WireProtocol

# Anthropic names its error types by status; OpenAI clients key on the status code itself.
_ANTHROPIC_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    405: "invalid_request_error",
    413: "request_too_large",
    415: "invalid_request_error",
    429: "rate_limit_error",
    503: "overloaded_error",
    529: "overloaded_error",
}
_OPENAI_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "invalid_request_error",
    405: "invalid_request_error",
    413: "invalid_request_error",
    415: "invalid_request_error",
    429: "rate_limit_error",
}


class GatewayError(Exception):
    """A failure that ends a request with a specific status and a message meant for the client."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        param: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.param = param
        self.headers = headers or {}

    def body(self, protocol: WireProtocol) -> dict[str, Any]:
        return error_body(protocol, self.status, self.message, code=self.code, param=self.param)

    def render(self, protocol: WireProtocol) -> bytes:
        return orjson.dumps(self.body(protocol))


def error_body(
    protocol: WireProtocol,
    status: int,
    message: str,
    *,
    code: str | None = None,
    param: str | None = None,
    error_type: str | None = None,
) -> dict[str, Any]:
    if protocol == "anthropic":
        kind = error_type or _ANTHROPIC_TYPES.get(status, "api_error")
        return {"type": "error", "error": {"type": kind, "message": message}}
    kind = error_type or _OPENAI_TYPES.get(status, "server_error" if status >= 500 else "api_error")
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


def invalid_request(message: str, param: str | None = None) -> GatewayError:
    return GatewayError(400, message, code="invalid_request", param=param)


def unauthorized(message: str) -> GatewayError:
    return GatewayError(401, message, code="invalid_api_key")


def model_not_found(model: str) -> GatewayError:
    return GatewayError(
        404,
        f"The model '{quoted_name(model)}' does not exist or you do not have access to it.",
        code="model_not_found",
        param="model",
    )


# A client's name echoed in a message is cut here, as the ledger cuts it: a body may carry a
# megabyte of one, which no answer or record should repeat.
QUOTED_NAME_CHARS = 200


def quoted_name(name: str) -> str:
    """``name`` as an error message quotes it: at most 200 characters, an ellipsis if cut."""
    return name if len(name) <= QUOTED_NAME_CHARS else name[:QUOTED_NAME_CHARS] + "\u2026"


def body_too_large(limit: int) -> GatewayError:
    return GatewayError(413, f"Request body exceeds the limit of {limit} bytes.", code="too_large")


def upstream_unavailable(backend: str, detail: str) -> GatewayError:
    return GatewayError(502, f"Backend '{backend}' is unavailable: {detail}", code="bad_gateway")


def upstream_timeout(backend: str, phase: str, seconds: float) -> GatewayError:
    return GatewayError(
        504,
        f"Backend '{backend}' did not answer in time ({phase} timeout of {seconds:g}s).",
        code="upstream_timeout",
    )


def upstream_stalled(backend: str) -> GatewayError:
    return GatewayError(
        504,
        f"Backend '{backend}' stopped making progress and was taken out of service.",
        code="upstream_stalled",
    )
