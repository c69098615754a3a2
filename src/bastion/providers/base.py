"""What every upstream adapter offers the pipeline."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping

from bastion.config import BackendConfig
from bastion.protocols.operations import Operation, WireProtocol
from bastion.providers.http import HttpUpstream
from bastion.providers.response import UpstreamResponse


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
        config = self.config
        return HttpUpstream(
            self.name,
            base_url,
            headers=self.headers,
            timeouts=config.timeouts,
            max_connections=config.max_connections,
            max_response_bytes=config.max_response_bytes,
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
        deadline: float | None = None,
    ) -> UpstreamResponse:
        """Sends a request to one replica; raises GatewayError when no response was obtained.

        ``deadline`` (the event loop's clock) bounds the call and the reading of its answer:
        the request's total timeout, the same for every attempt (None: ``total`` from now)."""

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
