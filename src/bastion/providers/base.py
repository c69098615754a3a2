"""What every upstream adapter offers the pipeline."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Mapping

from bastion.config import BackendConfig
from bastion.protocols.operations import Operation, WireProtocol


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
    def chunks(self) -> AsyncIterator[bytes]:
        """Body bytes as they arrive; raises StreamInterrupted on a cut or a silent upstream."""

    @abstractmethod
    def abort(self) -> None:
        """Drops the connection so the engine stops generating (client gone, or error)."""

    @abstractmethod
    def release(self) -> None:
        """Returns a fully read connection to the pool."""


def lowercase_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Header names folded to lower case, so configured headers replace built-in ones."""
    return {name.lower(): value for name, value in headers.items()}


class Provider(ABC):
    """One configured backend: an engine or a cloud API reached over HTTP."""

    protocol: WireProtocol
    # Client request headers passed on to this backend (lower case), e.g. feature opt-ins.
    forwarded_headers: tuple[str, ...] = ()

    def __init__(self, name: str, config: BackendConfig) -> None:
        self.name = name
        self.config = config

    @property
    def location(self) -> str:
        return self.config.location

    @abstractmethod
    def path_for(self, operation: Operation) -> str | None:
        """The upstream path serving an operation, or None when this backend cannot serve it."""

    @abstractmethod
    async def send(
        self,
        path: str,
        body: bytes,
        *,
        request_id: str,
        stream: bool,
        forwarded: Mapping[str, str] | None = None,
    ) -> UpstreamResponse:
        """Sends a request; raises GatewayError when no response could be obtained."""

    @abstractmethod
    async def list_models(self) -> list[str]:
        """Model ids the upstream says it serves."""

    async def start(self) -> None:
        """Opens connection pools; called once the event loop runs."""

    async def close(self) -> None:
        """Closes connection pools."""
