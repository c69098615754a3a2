"""What every admin API route shares: its error type, strict request bodies read within a size
limit, and JSON answers."""

from __future__ import annotations

from typing import Any, NoReturn, TypeVar

import orjson
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.requests import Request
from starlette.responses import Response

from bastion.protocols.errors import GatewayError

MAX_BODY_BYTES = 64 * 1024

M = TypeVar("M", bound=BaseModel)


class AdminError(GatewayError):
    """An admin API failure; the code is required so clients can tell failures apart."""

    def __init__(
        self,
        status: int,
        message: str,
        code: str,
        param: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status, message, code=code, param=param, headers=headers)


class AdminBody(BaseModel):
    """A request body: unknown fields are refused, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def json_response(data: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(data), status, media_type="application/json")


async def parse_body(request: Request, model: type[M]) -> M:
    body = await _read_body(request)
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise AdminError(400, "The request body is not valid JSON.", "invalid_json") from None
    if not isinstance(data, dict):
        raise AdminError(400, "The request body must be a JSON object.", "invalid_request")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise_validation(exc)


def raise_validation(exc: ValidationError) -> NoReturn:
    first = exc.errors()[0]
    param = ".".join(str(part) for part in first["loc"]) or None
    message = first["msg"] if param is None else f"{param}: {first['msg']}"
    raise AdminError(400, message, "invalid_request", param) from None


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise AdminError(413, "The request body is too large.", "body_too_large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise AdminError(413, "The request body is too large.", "body_too_large")
        chunks.append(chunk)
    return b"".join(chunks)
