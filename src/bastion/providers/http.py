"""Pooled keep-alive HTTP to upstreams, with a timeout for each phase of a call."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping

import aiohttp

from bastion.config import Timeouts
from bastion.protocols.errors import upstream_timeout, upstream_unavailable
from bastion.providers.base import StreamInterrupted, UpstreamResponse

log = logging.getLogger(__name__)

# Engines built on uvicorn close idle keep-alive connections after 5 s; staying below that avoids
# sending a request on a socket the server is closing.
_KEEPALIVE_SECONDS = 4.0
_READ_CHUNK = 64 * 1024


class HttpUpstream:
    def __init__(
        self,
        backend: str,
        base_url: str,
        *,
        headers: Mapping[str, str],
        timeouts: Timeouts,
        max_connections: int,
    ) -> None:
        self.backend = backend
        self.base_url = base_url
        self.timeouts = timeouts
        self._headers = dict(headers)
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            limit=self._max_connections,
            keepalive_timeout=_KEEPALIVE_SECONDS,
            ttl_dns_cache=300,
            enable_cleanup_closed=True,
        )
        # Only connect is enforced by aiohttp; first byte, idle and total are enforced per call,
        # because aiohttp's read timeout would apply the same bound to the first byte and to idle.
        timeout = aiohttp.ClientTimeout(
            total=None, connect=None, sock_connect=self.timeouts.connect, sock_read=None
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            timeout=timeout,
            headers=self._headers,
            auto_decompress=True,
            skip_auto_headers=("User-Agent",),
            # Upstream APIs are stateless; a cookie jar would only cost time per request.
            cookie_jar=aiohttp.DummyCookieJar(),
        )
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def get_json_bytes(self, path: str, wait_seconds: float) -> bytes:
        session = self._session or self._open()
        async with asyncio.timeout(wait_seconds):
            async with session.get(self.base_url + path, allow_redirects=False) as response:
                response.raise_for_status()
                return await response.read()

    async def post(
        self, path: str, body: bytes, *, headers: Mapping[str, str]
    ) -> HttpUpstreamResponse:
        session = self._session or self._open()
        timeouts = self.timeouts
        deadline = asyncio.get_running_loop().time() + timeouts.total
        try:
            # One first-byte budget covers the retry on a stale connection too.
            async with asyncio.timeout(min(timeouts.first_byte, timeouts.total)):
                response = await _post_retrying_stale(session, self.base_url + path, body, headers)
        except aiohttp.ConnectionTimeoutError as exc:  # before TimeoutError, its base class
            raise upstream_timeout(self.backend, "connect", timeouts.connect) from exc
        except TimeoutError as exc:
            raise upstream_timeout(self.backend, "first byte", timeouts.first_byte) from exc
        except aiohttp.ClientConnectorError as exc:
            # The address stays in the log; clients learn only that the backend is unreachable.
            log.warning("cannot connect", extra={"backend": self.backend, "error": str(exc)})
            raise upstream_unavailable(self.backend, "cannot connect") from exc
        except aiohttp.ServerDisconnectedError as exc:
            raise upstream_unavailable(self.backend, "connection closed by upstream") from exc
        except aiohttp.ClientError as exc:
            raise upstream_unavailable(self.backend, type(exc).__name__) from exc
        if 300 <= response.status < 400:
            # Following a redirect would carry credentials and the prompt to wherever it points.
            response.close()
            raise upstream_unavailable(
                self.backend, f"answered with a redirect (HTTP {response.status}), not followed"
            )
        return HttpUpstreamResponse(response, self, deadline)


async def _post_retrying_stale(
    session: aiohttp.ClientSession, url: str, body: bytes, headers: Mapping[str, str]
) -> aiohttp.ClientResponse:
    try:
        return await session.post(url, data=body, headers=headers, allow_redirects=False)
    except aiohttp.ServerDisconnectedError:
        # Most often a pooled connection the server closed just as it was reused, before it read
        # the request; one more try on a fresh connection is then safe.
        return await session.post(url, data=body, headers=headers, allow_redirects=False)


class HttpUpstreamResponse(UpstreamResponse):
    __slots__ = ("_deadline", "_response", "_upstream", "headers", "status")

    def __init__(
        self, response: aiohttp.ClientResponse, upstream: HttpUpstream, deadline: float
    ) -> None:
        self._response = response
        self._upstream = upstream
        self._deadline = deadline
        self.status = response.status
        self.headers = response.headers

    async def read(self) -> bytes:
        timeouts = self._upstream.timeouts
        try:
            async with asyncio.timeout_at(self._deadline):
                return await self._response.read()
        except TimeoutError as exc:
            self.abort()
            raise upstream_timeout(self._upstream.backend, "total", timeouts.total) from exc
        except aiohttp.ClientError as exc:
            self.abort()
            raise upstream_unavailable(self._upstream.backend, "response cut short") from exc

    async def chunks(self) -> AsyncIterator[bytes]:
        loop = asyncio.get_running_loop()
        idle = self._upstream.timeouts.idle
        content = self._response.content
        while True:
            # A fresh timeout per read: a timeout context must never stay open across a yield,
            # or it would cancel whatever the consumer is awaiting at that moment.
            try:
                async with asyncio.timeout_at(min(loop.time() + idle, self._deadline)):
                    chunk = await content.readany()
            except TimeoutError as exc:
                self.abort()
                total = loop.time() >= self._deadline
                reason = "total timeout reached" if total else f"no data for {idle:g}s"
                raise StreamInterrupted(reason, timeout=True) from exc
            except aiohttp.ClientError as exc:
                self.abort()
                raise StreamInterrupted(f"upstream connection lost ({type(exc).__name__})") from exc
            if not chunk:
                return
            yield chunk

    def abort(self) -> None:
        self._response.close()

    def release(self) -> None:
        self._response.release()
