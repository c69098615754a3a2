"""What every upstream adapter offers the pipeline."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING

from bastion.config import BackendConfig
from bastion.protocols.operations import Operation, WireProtocol

if TYPE_CHECKING:
    from bastion.providers.http import HttpUpstream


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


def lowercase_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Header names folded to lower case, so configured headers replace built-in ones."""
    return {name.lower(): value for name, value in headers.items()}


class Provider(ABC):
    """One configured backend's protocol: paths, credentials and headers.

    Connections belong to its replicas: each engine address gets its own ``HttpUpstream``
    (from ``upstream``), and every call names the one to use.
    """

    protocol: WireProtocol
    # Client request headers passed on to this backend (lower case), e.g. feature opt-ins.
    forwarded_headers: tuple[str, ...] = ()
    # Whether the backend serves the Responses API itself (then requests pass through to it);
    # None while that is not known yet (they are translated meanwhile).
    responses_native: bool | None = False

    def __init__(self, name: str, config: BackendConfig) -> None:
        self.name = name
        self.config = config
        # Sent with every call to every replica (content type, credentials, configured extras).
        self.headers: dict[str, str] = {}

    @property
    def location(self) -> str:
        return self.config.location

    def base_urls(self) -> list[str]:
        """The address of every replica, in configuration order."""
        return [replica.base_url for replica in self.config.replica_configs]

    def upstream(self, base_url: str) -> HttpUpstream:
        """A connection pool to one replica, carrying this backend's credentials."""
        from bastion.providers.http import HttpUpstream  # http.py imports this module

        config = self.config
        return HttpUpstream(
            self.name,
            base_url,
            headers=self.headers,
            timeouts=config.timeouts,
            max_connections=config.max_connections,
        )

    @abstractmethod
    def path_for(self, operation: Operation) -> str | None:
        """The upstream path serving an operation, or None when this backend cannot serve it."""

    @abstractmethod
    async def send(
        self,
        upstream: HttpUpstream,
        path: str,
        body: bytes,
        *,
        request_id: str,
        stream: bool,
        forwarded: Mapping[str, str] | None = None,
    ) -> UpstreamResponse:
        """Sends a request to one replica; raises GatewayError when no response was obtained."""

    @abstractmethod
    async def list_models(self, upstream: HttpUpstream) -> list[str]:
        """Model ids the upstream says it serves."""

    async def detect_responses(self, upstream: HttpUpstream) -> None:
        """Learns whether the backend serves the Responses API itself, when that is unknown."""

    @property
    def count_wait_seconds(self) -> float:
        """How long a token count may take before an estimate is answered instead."""
        return min(self.config.timeouts.first_byte, 10.0)

    async def start(self) -> None:
        """Starts what the backend itself runs (the built-in simulator); once the loop runs."""

    async def close(self) -> None:
        """Stops what ``start`` started."""
