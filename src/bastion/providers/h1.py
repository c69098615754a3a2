"""HTTP/1.1 to one upstream over pooled keep-alive connections: the client of the request path.

An upstream call needs little of what a general client does: no redirects (the caller refuses
them), cookies, proxies, compression or multipart; one request written at once, one answer read
as it comes. aiohttp's client costs about 180 µs of CPU per call on top of the socket work (a
POST and its answer on loopback: 205 to 218 µs through aiohttp, 29 to 31 µs on a bare protocol; see
benchmarks/RESULTS.md), a third of what the gateway spends on a whole request. This client
writes the request in one write, parses the answer with httptools (llhttp, the parser uvicorn
uses too) and keeps idle connections for the next call; TLS is the event loop's own transport.

Errors are this module's own (``UpstreamConnectionError`` and its subclasses); the caller turns
them into the gateway's. A connection is never reused unless its last answer ended cleanly and
the server allowed it; an answer cut short, a protocol error or a caller that gives up closes it.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections import deque
from collections.abc import Mapping
from urllib.parse import urlsplit

import httptools

# Body bytes buffered for a reader before the socket stops being read (TCP then slows the sender).
_HIGH_WATER = 512 * 1024


class UpstreamConnectionError(Exception):
    """The exchange failed below HTTP: no connection, a closed one, or bytes that are not HTTP."""


class ConnectFailed(UpstreamConnectionError):
    """No connection could be opened (refused, unreachable, DNS, TLS handshake)."""


class ConnectTimeout(UpstreamConnectionError):
    """No connection within the connect timeout."""


class Disconnected(UpstreamConnectionError):
    """The server closed the connection before the answer's headers."""


class BodyCut(UpstreamConnectionError):
    """The server closed the connection before the answer's body ended."""


class ProtocolError(UpstreamConnectionError):
    """The server's bytes are not a valid HTTP/1.1 answer."""


class BodyTooLarge(Exception):
    """A body read whole went past the reader's limit (its connection is dropped)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"body larger than {limit} bytes")
        self.limit = limit


class H1Response:
    """An answer whose headers have arrived; its body is read with ``readany`` or ``read``.

    Once the body has ended cleanly the connection is back in the pool already (what is left to
    read is buffered here); ``close`` drops the connection of an answer still arriving."""

    __slots__ = (
        "_chunks",
        "_connection",
        "_done",
        "_error",
        "_paused",
        "_size",
        "_waiter",
        "headers",
        "status",
    )

    def __init__(self, connection: _Connection, status: int, headers: dict[str, str]) -> None:
        self._connection: _Connection | None = connection
        self.status = status
        self.headers: Mapping[str, str] = headers
        self._chunks: deque[bytes] = deque()
        self._size = 0
        self._done = False
        self._error: UpstreamConnectionError | None = None
        self._waiter: asyncio.Future[None] | None = None
        self._paused = False

    # The connection's side.

    def _feed(self, data: bytes) -> None:
        self._chunks.append(data)
        self._size += len(data)
        if self._size > _HIGH_WATER and not self._paused and self._connection is not None:
            self._paused = True
            self._connection.pause()
        self._wake()

    def _end(self) -> None:
        self._done = True
        self._connection = None
        self._wake()

    def _fail(self, error: UpstreamConnectionError) -> None:
        self._error = error
        self._connection = None
        self._wake()

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.done():
                waiter.set_result(None)

    # The reader's side.

    async def readany(self) -> bytes:
        """The body bytes that have arrived (waiting for some if none have); b"" at its end."""
        while not self._chunks:
            if self._error is not None:
                raise self._error
            if self._done:
                return b""
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            except BaseException:
                self._waiter = None
                raise
        data = self._take()
        if self._paused and self._connection is not None:
            self._paused = False
            self._connection.resume()
        return data

    def arrived_body(self) -> bytes | None:
        """The whole body if it has already arrived, taken without waiting; else None (a short
        answer usually comes in the packet that carried its headers)."""
        if not self._done or self._error is not None:
            return None
        return self._take()

    def _take(self) -> bytes:
        """Everything buffered, as one piece."""
        chunks = self._chunks
        data = chunks.popleft() if len(chunks) == 1 else b"".join(chunks)
        chunks.clear()
        self._size = 0
        return data

    async def read(self, limit: int | None = None) -> bytes:
        """The whole body; beyond ``limit`` bytes, BodyTooLarge (and the connection is dropped,
        so the server stops sending and no more than the limit is ever held)."""
        parts = []
        size = 0
        while chunk := await self.readany():
            size += len(chunk)
            if limit is not None and size > limit:
                self.close()
                raise BodyTooLarge(limit)
            parts.append(chunk)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def close(self) -> None:
        """Drops the connection if the answer is still arriving (the server stops sending)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.abort()
        self._chunks.clear()
        self._size = 0


class _Connection(asyncio.Protocol):
    """One keep-alive connection: one exchange at a time, answers parsed as they arrive."""

    def __init__(self, pool: H1Pool) -> None:
        self._pool = pool
        self._parser = httptools.HttpResponseParser(self)
        self._transport: asyncio.Transport | None = None
        self._raw_headers: list[tuple[bytes, bytes]] = []
        # The exchange in progress: waiting for headers, then the answer reading its body.
        self._headers_waiter: asyncio.Future[H1Response] | None = None
        self._response: H1Response | None = None
        self._body_until_close = False
        self.received = False  # any byte of the current exchange
        self.closed = False
        self.reused = False
        self.idle_since = 0.0
        self.forgotten = False  # its pool no longer counts it

    # asyncio.Protocol

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.received = True
        if self._headers_waiter is None and self._response is None:
            self.abort()  # bytes nobody asked for: this connection cannot be trusted again
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._lose(ProtocolError(f"invalid HTTP answer ({exc})"))
            self.abort()

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._pool._forget(self)
        if self._response is not None and self._body_until_close and exc is None:
            self._finish_message(keep_alive=False)  # a body delimited by the end of the stream
        elif self._headers_waiter is not None:
            self._lose(Disconnected("connection closed by upstream before its answer"))
        elif self._response is not None:
            self._lose(BodyCut("connection closed by upstream during its answer"))

    # httptools callbacks

    def on_header(self, name: bytes, value: bytes) -> None:
        self._raw_headers.append((name, value))

    def on_headers_complete(self) -> None:
        status = self._parser.get_status_code()
        raw, self._raw_headers = self._raw_headers, []
        if 100 <= status < 200:
            return  # an interim answer (100 Continue, 103 Early Hints): the real one follows
        headers: dict[str, str] = {}
        for name, value in raw:
            key = name.decode("latin-1").lower()
            text = value.decode("latin-1")
            headers[key] = f"{headers[key]}, {text}" if key in headers else text
        self._body_until_close = (
            "content-length" not in headers
            and "chunked" not in headers.get("transfer-encoding", "").lower()
            and status not in (204, 304)
        )
        waiter, self._headers_waiter = self._headers_waiter, None
        response = H1Response(self, status, headers)
        self._response = response
        if waiter is not None and not waiter.done():
            waiter.set_result(response)

    def on_body(self, body: bytes) -> None:
        if self._response is not None:
            self._response._feed(body)

    def on_message_complete(self) -> None:
        if self._response is None:
            return  # the end of an interim answer
        self._finish_message(keep_alive=self._parser.should_keep_alive())

    # The pool's side.

    def send(self, data: bytes) -> asyncio.Future[H1Response]:
        assert self._transport is not None
        waiter: asyncio.Future[H1Response] = asyncio.get_running_loop().create_future()
        self._headers_waiter = waiter
        self.received = False
        self._transport.write(data)
        return waiter

    def pause(self) -> None:
        if self._transport is not None and not self.closed:
            self._transport.pause_reading()

    def resume(self) -> None:
        if self._transport is not None and not self.closed:
            self._transport.resume_reading()

    def abort(self) -> None:
        """Closes at once, whatever is in flight (the exchange in progress fails)."""
        self._headers_waiter = None
        self._response = None
        if self._transport is not None and not self.closed:
            self.closed = True
            self._transport.abort()
        self._pool._forget(self)

    def _finish_message(self, *, keep_alive: bool) -> None:
        response, self._response = self._response, None
        assert response is not None
        response._end()
        if keep_alive and not self.closed:
            self._pool._put_back(self)
        else:
            self.abort()

    def _lose(self, error: UpstreamConnectionError) -> None:
        waiter, self._headers_waiter = self._headers_waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(error)
        response, self._response = self._response, None
        if response is not None:
            response._fail(error)


class H1Pool:
    """Keep-alive connections to one upstream (scheme, host and port of ``base_url``).

    At most ``limit`` connections are open, busy or idle; a call waits for one beyond that. An
    idle connection is reused while younger than ``keepalive`` seconds (servers close theirs
    after a few seconds: a request must not race that), the most recently used first.
    """

    def __init__(
        self,
        base_url: str,
        *,
        headers: Mapping[str, str],
        limit: int,
        keepalive: float,
        connect_timeout: float,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {base_url!r}")
        self._tls = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port or (443 if self._tls else 80)
        self._ssl: ssl.SSLContext | None = ssl.create_default_context() if self._tls else None
        default_port = self._port == (443 if self._tls else 80)
        host = f"[{self._host}]" if ":" in self._host else self._host
        authority = host if default_port else f"{host}:{self._port}"
        self._prefix = parts.path.rstrip("/")
        self._fixed_headers = {"host": authority, **{k.lower(): v for k, v in headers.items()}}
        self._fixed = _header_block(self._fixed_headers)
        self.limit = max(1, limit)
        self.keepalive = keepalive
        self.connect_timeout = connect_timeout
        self._idle: list[_Connection] = []
        self._open = 0
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._closed = False

    @property
    def open_connections(self) -> int:
        return self._open

    @property
    def idle_connections(self) -> int:
        return len(self._idle)

    async def request(
        self, method: str, path: str, body: bytes, headers: Mapping[str, str]
    ) -> H1Response:
        """Sends the request and returns once the answer's headers are in.

        A reused connection the server closed before answering is the race keep-alive allows
        (it closed an idle connection as the request went out): one more try on a new one."""
        # A call's own headers win over the upstream's (as they would in aiohttp's session).
        extra = {k.lower(): v for k, v in headers.items()}
        extra.pop("content-length", None)  # written below, from the body
        fixed = self._fixed
        if not extra.keys().isdisjoint(self._fixed_headers):
            fixed, extra = _header_block({**self._fixed_headers, **extra}), {}
        head = (
            f"{method} {self._prefix}{path} HTTP/1.1\r\n".encode()
            + fixed
            + _header_block(extra)
            + b"content-length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
        )
        data = head + body
        connection = await self._acquire()
        try:
            return await self._exchange(connection, data)
        except Disconnected:
            if not connection.reused or connection.received:
                raise
        return await self._exchange(await self._acquire(fresh=True), data)

    async def _exchange(self, connection: _Connection, data: bytes) -> H1Response:
        try:
            return await connection.send(data)
        except BaseException:
            connection.abort()  # cancelled or failed half way: nothing else may read its bytes
            raise

    async def close(self) -> None:
        self._closed = True
        for connection in list(self._idle):
            connection.abort()
        self._idle.clear()
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_exception(ConnectFailed("connection pool closed"))
        self._waiters.clear()

    async def _acquire(self, *, fresh: bool = False) -> _Connection:
        if self._closed:
            raise ConnectFailed("connection pool closed")
        idle = None if fresh else self._take_idle()
        if idle is not None:
            return idle
        while self._open >= self.limit:
            if self._idle:  # at the limit with idle connections: make room with the oldest
                self._idle[0].abort()
                continue
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            except BaseException:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
                elif waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                    self._wake_one()  # handed a free slot it will not use: pass it on
                raise
            idle = None if fresh else self._take_idle()
            if idle is not None:
                return idle
        self._open += 1
        try:
            return await self._connect()
        except BaseException:
            self._open -= 1
            self._wake_one()
            raise

    def _take_idle(self) -> _Connection | None:
        """The most recently used idle connection still young enough; older ones are closed."""
        now = time.monotonic()
        while self._idle:
            connection = self._idle.pop()
            if not connection.closed and now - connection.idle_since < self.keepalive:
                connection.reused = True
                return connection
            connection.abort()
        return None

    async def _connect(self) -> _Connection:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(self.connect_timeout):
                _, connection = await loop.create_connection(
                    lambda: _Connection(self),
                    self._host,
                    self._port,
                    ssl=self._ssl,
                    server_hostname=self._host if self._tls else None,
                )
        except TimeoutError as exc:
            raise ConnectTimeout(f"no connection within {self.connect_timeout:g} s") from exc
        except OSError as exc:  # refused, unreachable, DNS (socket.gaierror), TLS (SSLError)
            raise ConnectFailed(str(exc) or type(exc).__name__) from exc
        return connection

    def _put_back(self, connection: _Connection) -> None:
        if self._closed:
            connection.abort()
            return
        connection.idle_since = time.monotonic()
        self._idle.append(connection)
        self._wake_one()

    def _forget(self, connection: _Connection) -> None:
        """A connection closed: its slot is free."""
        if connection.forgotten:
            return
        connection.forgotten = True
        if connection in self._idle:
            self._idle.remove(connection)
        self._open -= 1
        self._wake_one()

    def _wake_one(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return


def _header_block(headers: Mapping[str, str]) -> bytes:
    lines = []
    for name, value in headers.items():
        if any(c in name or c in value for c in "\r\n\0") or not name or ":" in name:
            raise ValueError(f"invalid header {name!r}")
        lines.append(f"{name}: {value}\r\n")
    return "".join(lines).encode()
