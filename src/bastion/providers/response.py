"""An upstream's answer as every provider returns it, whatever carries it.

Shared by ``base`` (what a provider's ``send`` returns) and ``http`` (which implements it over
pooled connections), so neither imports the other's module for these types.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Mapping
from typing import Any

from bastion.protocols.errors import GatewayError


class StreamInterrupted(Exception):
    """The upstream stream ended abnormally after the response had started."""

    def __init__(self, reason: str, *, timeout: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.timeout = timeout


class ResponseTooLarge(GatewayError):
    """A whole answer larger than the backend's ``max_response_bytes``, refused (502) before it
    was buffered. The request asked for it, so no other replica is tried (nor is the replica
    charged): the next one would generate the same."""

    def __init__(self, backend: str, limit: int) -> None:
        super().__init__(
            502,
            f"Backend '{backend}' answered with more than {limit} bytes "
            "(max_response_bytes); the answer was dropped.",
            code="bad_gateway",
        )


class UpstreamResponse(ABC):
    status: int
    headers: Mapping[str, str]
    # A whole (non-streamed) successful answer, read and checked by dispatch before it takes
    # the replica's answer: a malformed body is a failure tried elsewhere, not the client's 502.
    answer: dict[str, Any] | None = None

    @abstractmethod
    async def read(self) -> bytes:
        """The whole body, within the total deadline."""

    @abstractmethod
    async def first_chunk(self) -> bytes:
        """Waits for a stream's first bytes (kept for ``chunks``); b"" if it ended empty."""

    @abstractmethod
    def chunks(self) -> AsyncIterator[bytes]:
        """Body bytes as they arrive; raises StreamInterrupted on a cut or a silent upstream."""

    @abstractmethod
    def abort(self) -> None:
        """Drops the connection so the engine stops generating (client gone, or error)."""

    @abstractmethod
    def release(self) -> None:
        """Returns a fully read connection to the pool."""


def is_event_stream(upstream: UpstreamResponse) -> bool:
    return upstream.headers.get("content-type", "").lower().startswith("text/event-stream")
