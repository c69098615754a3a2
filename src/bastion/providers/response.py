"""An upstream's answer as every provider returns it, whatever carries it.

Shared by ``base`` (what a provider's ``send`` returns) and ``http`` (which implements it over
pooled connections), so neither imports the other's module for these types.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Mapping


class StreamInterrupted(Exception):
    """The upstream stream ended abnormally after the response had started."""

    def __init__(self, reason: str, *, timeout: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.timeout = timeout


class UpstreamResponse(ABC):
    status: int
    headers: Mapping[str, str]

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
