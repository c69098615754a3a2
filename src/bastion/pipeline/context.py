"""Everything the stages know about one request, as named, typed fields."""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

from bastion.auth import Principal
from bastion.protocols.errors import GatewayError
from bastion.protocols.exchange import Exchange
from bastion.protocols.operations import Operation
from bastion.protocols.usage import Usage
from bastion.providers.base import UpstreamResponse
from bastion.routing.catalog import Deployment


@dataclass(slots=True)
class Reply:
    """What goes back to the client: a whole body, or a stream of already-encoded chunks."""

    status: int
    body: bytes = b""
    stream: AsyncGenerator[bytes, None] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str = "application/json"


@dataclass(slots=True)
class RequestContext:
    # Known on arrival.
    request_id: str
    operation: Operation
    headers: dict[str, str]
    raw_body: bytes
    started: float = field(default_factory=time.perf_counter)
    # authenticate
    principal: Principal | None = None
    # parse
    body: dict[str, Any] | None = None
    model: str = ""
    stream: bool = False
    include_usage: bool = False
    # route
    deployment: Deployment | None = None
    exchange: Exchange | None = None
    # dispatch
    upstream: UpstreamResponse | None = None
    # respond
    reply: Reply | None = None
    first_chunk_at: float | None = None
    # outcome, filled as the response completes
    usage: Usage | None = None
    error: GatewayError | None = None
    outcome: str = "ok"
    finished: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def backend_name(self) -> str:
        return self.deployment.backend.name if self.deployment else "none"

    @property
    def status(self) -> int:
        return self.reply.status if self.reply else 500

    def fail(self, error: GatewayError) -> None:
        """Ends the request with ``error`` rendered in the client's protocol."""
        self.error = error
        self.outcome = "error"
        self.reply = Reply(
            status=error.status,
            body=error.render(self.operation.protocol),
            headers=dict(error.headers),
        )
