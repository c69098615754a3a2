"""How an evaluation run reaches a gateway: over HTTP (``bastion eval run``), or in-process
through the gateway's own ASGI application (``POST /admin/evals``, endpoint contracts at
start-up), which runs the same pipeline (authentication, routing, admission, ledger, audit)
as a request from outside. Both stream the reply, so timings are measured as a client sees
them.

A ``TransportError`` means no complete HTTP exchange took place (the connection was refused,
reset, or cut mid-answer); the runner retries those and only those.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp


class TransportError(Exception):
    """The gateway could not be reached, or the connection broke before the answer ended."""


@dataclass(slots=True)
class Reply:
    status: int
    headers: Mapping[str, str]  # names in lower case
    chunks: AsyncIterator[bytes]


class Transport(Protocol):
    def request(
        self,
        method: str,
        path: str,
        headers: Mapping[str, str],
        body: bytes | None = None,
        *,
        timeout: float,
    ) -> AbstractAsyncContextManager[Reply]: ...

    async def close(self) -> None: ...


class HttpTransport:
    """A running gateway at ``base_url`` (``http://127.0.0.1:8800``), over pooled connections."""

    def __init__(self, base_url: str, *, connections: int = 64) -> None:
        self.base_url = base_url.rstrip("/")
        self._connections = connections
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            connector = aiohttp.TCPConnector(limit=self._connections, force_close=False)
            self._session = aiohttp.ClientSession(connector=connector, auto_decompress=True)
        return self._session

    @asynccontextmanager
    async def request(
        self,
        method: str,
        path: str,
        headers: Mapping[str, str],
        body: bytes | None = None,
        *,
        timeout: float,  # noqa: ASYNC109 (the whole exchange; the name the judge relies on)
    ) -> AsyncIterator[Reply]:
        session = self._client()
        limits = aiohttp.ClientTimeout(total=timeout)
        try:
            async with session.request(
                method, self.base_url + path, data=body, headers=dict(headers), timeout=limits
            ) as response:
                names = {k.lower(): v for k, v in response.headers.items()}
                yield Reply(response.status, names, _chunks(response))
        except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError) as exc:
            if isinstance(exc, aiohttp.ServerTimeoutError):
                raise TimeoutError(str(exc)) from exc
            # Never repr(exc): aiohttp's errors can carry the request headers, the key included.
            raise TransportError(f"{type(exc).__name__}: {_first_line(exc)}") from None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


async def _chunks(response: aiohttp.ClientResponse) -> AsyncIterator[bytes]:
    async for chunk in response.content.iter_any():
        yield chunk


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "connection failed"


ASGIApp = Any  # (scope, receive, send) -> awaitable


class AsgiTransport:
    """The gateway's own ASGI application, called in-process: no socket, the same pipeline.

    The request body is given at once; the reply is streamed as the application sends it.
    Leaving the reply early disconnects, as a client closing its connection would (the
    pipeline then stops the upstream call and records the abort)."""

    def __init__(self, app: ASGIApp, *, client: tuple[str, int] = ("127.0.0.1", 0)) -> None:
        self._app = app
        self._client = client

    @asynccontextmanager
    async def request(
        self,
        method: str,
        path: str,
        headers: Mapping[str, str],
        body: bytes | None = None,
        *,
        timeout: float,  # noqa: ASYNC109 (the whole exchange; the name the judge relies on)
    ) -> AsyncIterator[Reply]:
        raw_path, _, query = path.partition("?")
        payload = body or b""
        header_list = [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()
        ]
        if body is not None:
            header_list.append((b"content-length", str(len(payload)).encode()))
        scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": raw_path,
            "raw_path": raw_path.encode("latin-1"),
            "query_string": query.encode("latin-1"),
            "root_path": "",
            "headers": header_list,
            "client": self._client,
            "server": ("bastion.internal", 0),
            "state": {},
        }
        sent: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        left = asyncio.Event()
        delivered = False

        async def receive() -> dict[str, Any]:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": payload, "more_body": False}
            await left.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            await sent.put(message)

        async def serve() -> None:
            try:
                await self._app(scope, receive, send)
            finally:
                await sent.put({"type": "bastion.done"})

        task = asyncio.create_task(serve())
        try:
            async with asyncio.timeout(timeout):
                start = await sent.get()
            if start["type"] != "http.response.start":
                # The application failed before answering: a 500, as a server would send.
                with contextlib.suppress(Exception):
                    await task
                failure = {"error": {"message": "the application failed before answering"}}
                yield Reply(500, {"content-type": "application/json"}, _once(failure))
                return
            names = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in start["headers"]}
            yield Reply(start["status"], names, _asgi_chunks(sent, timeout))
        finally:
            left.set()
            if not task.done():
                # Give the application its disconnect, then its completion phase, before
                # cancelling it outright.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(asyncio.shield(task), 5)
                if not task.done():
                    task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def close(self) -> None:
        return None


async def _once(payload: dict[str, Any]) -> AsyncIterator[bytes]:
    yield json.dumps(payload).encode()


async def _asgi_chunks(
    sent: asyncio.Queue[dict[str, Any]], limit_seconds: float
) -> AsyncIterator[bytes]:
    async with asyncio.timeout(limit_seconds):
        while True:
            message = await sent.get()
            if message["type"] == "bastion.done":
                raise TransportError("the answer ended before its last bytes")
            if message["type"] != "http.response.body":
                continue
            body = message.get("body", b"")
            if body:
                yield body
            if not message.get("more_body", False):
                return
