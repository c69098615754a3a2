"""Pooled keep-alive HTTP to upstreams, with a timeout for each phase of a call."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping

import aiohttp

from bastion.config import Timeouts
from bastion.protocols.errors import (
    GatewayError,
    upstream_stalled,
    upstream_timeout,
    upstream_unavailable,
)
from bastion.protocols.sse import CompleteLines
from bastion.providers.h1 import (
    BodyTooLarge,
    ConnectFailed,
    ConnectTimeout,
    Disconnected,
    H1Pool,
    H1Response,
    UpstreamConnectionError,
)
from bastion.providers.progress import PROGRESS_GRAIN, carries_output
from bastion.providers.response import (
    ResponseTooLarge,
    StreamInterrupted,
    UpstreamResponse,
    is_event_stream,
)

log = logging.getLogger(__name__)

# Engines built on uvicorn close idle keep-alive connections after 5 s; staying below that avoids
# sending a request on a socket the server is closing.
_KEEPALIVE_SECONDS = 4.0
_READ_CHUNK = 64 * 1024
# A whole answer above this is refused rather than buffered (BackendConfig.max_response_bytes).
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# A stream's unfinished line is held until its line break; an engine's largest event (a
# Responses API ``response.completed`` repeating the whole answer) stays far below this, and
# each stream may hold this much.
MAX_EVENT_LINE_BYTES = 8 * 1024 * 1024


class Activity:
    """Requests in flight on one upstream and when it last made progress.

    The balancer reads ``in_flight``; the watchdog reads ``stalled_for`` and, on a wedge, calls
    ``interrupt`` so every call waiting on the upstream fails at once instead of at its timeout.

    Progress is output (``last_progress``): the body of a successful answer, stream events that
    carry generated content (``providers/progress.py``), or the engine's own count of generated
    tokens (``Replica.observe``); never response headers, or a request starting. The stall clock
    runs while requests are in flight. An idle gap shorter than ``bridge`` seconds (the watchdog
    time; 0: none) pauses it instead of restarting it, so requests that give up on a wedged
    engine and are replaced by new ones do not hide it.
    """

    __slots__ = (
        "bridge",
        "busy_since",
        "carried",
        "idle_since",
        "in_flight",
        "interrupted",
        "last_progress",
        "waits",
    )

    def __init__(self) -> None:
        self.in_flight = 0
        self.busy_since = 0.0
        self.last_progress = 0.0
        self.bridge = 0.0
        self.idle_since = 0.0
        self.carried = 0.0  # stalled seconds when it last went idle
        self.waits: set[asyncio.Timeout] = set()
        self.interrupted: set[asyncio.Timeout] = set()

    def begin(self, now: float) -> None:
        if self.in_flight == 0:
            carried = self.carried
            if now - self.idle_since >= self.bridge or self.last_progress > self.idle_since:
                carried = 0.0  # a long rest, or progress since: the clock starts afresh
            self.busy_since = now - carried
        self.in_flight += 1

    def end(self, now: float | None = None) -> None:
        self.in_flight -= 1
        if self.in_flight == 0:
            if now is None:
                now = asyncio.get_running_loop().time()
            self.idle_since = now
            self.carried = now - max(self.last_progress, self.busy_since)

    def stalled_for(self, now: float) -> float:
        """How long requests have been in flight without output; 0 when idle."""
        if self.in_flight <= 0:
            return 0.0
        return now - max(self.last_progress, self.busy_since)

    def interrupt(self, now: float) -> int:
        """Fails every call now waiting on the upstream; returns how many there were."""
        count = 0
        for wait in self.waits:
            try:
                wait.reschedule(now)
            except RuntimeError:
                continue  # already expiring on its own deadline
            self.interrupted.add(wait)
            count += 1
        return count

    def was_interrupted(self, wait: asyncio.Timeout) -> bool:
        if wait in self.interrupted:
            self.interrupted.discard(wait)
            return True
        return False


class HttpUpstream:
    def __init__(
        self,
        backend: str,
        base_url: str,
        *,
        headers: Mapping[str, str],
        timeouts: Timeouts,
        max_connections: int,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self.backend = backend
        self.base_url = base_url
        self.timeouts = timeouts
        self.max_response_bytes = max_response_bytes
        # No line of a stream may be larger than a whole answer may be.
        self.max_line_bytes = min(MAX_EVENT_LINE_BYTES, max_response_bytes)
        self._headers = dict(headers)
        self._max_connections = max_connections
        # Inference calls go through the lean pool; health, metrics and token counting (other
        # URLs, a few calls a minute) through aiohttp.
        self._pool: H1Pool | None = None
        self._session: aiohttp.ClientSession | None = None
        self.activity = Activity()

    def _open_pool(self) -> H1Pool:
        self._pool = H1Pool(
            self.base_url,
            headers=self._headers,
            limit=self._max_connections,
            keepalive=_KEEPALIVE_SECONDS,
            connect_timeout=self.timeouts.connect,
        )
        return self._pool

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
        if self._pool is not None:
            await self._pool.close()
            self._pool = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def get_json_bytes(self, path: str, wait_seconds: float) -> bytes:
        session = self._session or self._open()
        async with asyncio.timeout(wait_seconds):
            async with session.get(self.base_url + path, allow_redirects=False) as response:
                response.raise_for_status()
                return await response.read()

    async def get(self, url: str, wait_seconds: float) -> tuple[int, bytes]:
        """GET an absolute URL (health, metrics) without raising on the status."""
        session = self._session or self._open()
        async with asyncio.timeout(wait_seconds):
            async with session.get(url, allow_redirects=False) as response:
                return response.status, await response.read()

    async def post_small(
        self, url: str, body: bytes, *, headers: Mapping[str, str], wait_seconds: float
    ) -> tuple[int, bytes]:
        """POST a small request to an absolute URL (token counting) and read the whole answer
        within ``wait_seconds``, without raising on the status; raises GatewayError when no
        answer came."""
        session = self._session or self._open()
        try:
            async with asyncio.timeout(wait_seconds):
                async with session.post(
                    url, data=body, headers=headers, allow_redirects=False
                ) as response:
                    return response.status, await response.read()
        except TimeoutError as exc:
            raise upstream_timeout(self.backend, "total", wait_seconds) from exc
        except aiohttp.ClientError as exc:
            raise upstream_unavailable(self.backend, type(exc).__name__) from exc

    async def post(
        self,
        path: str,
        body: bytes,
        *,
        headers: Mapping[str, str],
        deadline: float | None = None,
    ) -> HttpUpstreamResponse:
        """Sends a request; returns once its answer's headers are in.

        ``deadline`` (the event loop's clock) ends the whole call, reading its answer included:
        the request's ``total`` timeout, fixed once for all of its attempts. Without one, the
        call gets the whole ``total`` from now.
        """
        pool = self._pool or self._open_pool()
        timeouts = self.timeouts
        loop = asyncio.get_running_loop()
        now = loop.time()
        if deadline is None:
            deadline = now + timeouts.total
        activity = self.activity
        activity.begin(now)
        wait = asyncio.timeout_at(min(now + timeouts.first_byte, deadline))
        activity.waits.add(wait)
        try:
            # One first-byte budget covers the retry on a stale connection too.
            async with wait:
                response = await pool.request("POST", path, body, headers)
        except ConnectTimeout as exc:
            activity.end()
            raise upstream_timeout(self.backend, "connect", timeouts.connect) from exc
        except TimeoutError as exc:
            activity.end()
            if activity.was_interrupted(wait):
                raise upstream_stalled(self.backend) from exc
            raise self.first_byte_timeout(now, deadline) from exc
        except ConnectFailed as exc:
            activity.end()
            # The address stays in the log; clients learn only that the backend is unreachable.
            log.warning("cannot connect", extra={"backend": self.backend, "error": str(exc)})
            raise upstream_unavailable(self.backend, "cannot connect") from exc
        except Disconnected as exc:
            activity.end()
            raise upstream_unavailable(self.backend, "connection closed by upstream") from exc
        except UpstreamConnectionError as exc:
            activity.end()
            raise upstream_unavailable(self.backend, type(exc).__name__) from exc
        except BaseException:
            activity.end()
            raise
        finally:
            activity.waits.discard(wait)
            activity.interrupted.discard(wait)
        # Response headers are no progress: a wedged engine may still send them at once.
        if 300 <= response.status < 400:
            # Following a redirect would carry credentials and the prompt to wherever it points.
            response.close()
            activity.end()
            raise upstream_unavailable(
                self.backend, f"answered with a redirect (HTTP {response.status}), not followed"
            )
        return HttpUpstreamResponse(response, self, deadline)

    def first_byte_timeout(self, started: float, deadline: float) -> GatewayError:
        """The error of a wait for a first byte that began at ``started`` and timed out: the
        first-byte timeout, or the request's total when that ended the wait."""
        timeouts = self.timeouts
        if deadline <= started + timeouts.first_byte:
            return upstream_timeout(self.backend, "total", timeouts.total)
        return upstream_timeout(self.backend, "first byte", timeouts.first_byte)


class HttpUpstreamResponse(UpstreamResponse):
    __slots__ = (
        "_deadline",
        "_done",
        "_events",
        "_first",
        "_ok",
        "_response",
        "_upstream",
        "answer",
        "headers",
        "status",
    )

    def __init__(self, response: H1Response, upstream: HttpUpstream, deadline: float) -> None:
        self._response = response
        self._upstream = upstream
        self._deadline = deadline
        self._done = False
        self._first: bytes | None = None
        self.status = response.status
        self.headers = response.headers
        self.answer = None
        # What counts as progress (see Activity): a successful answer's bytes, and of an event
        # stream only events carrying output.
        self._ok = 200 <= response.status < 300
        self._events = is_event_stream(self)

    def _progress(self, chunk: bytes, now: float) -> None:
        activity = self._upstream.activity
        if (
            self._ok
            and now - activity.last_progress >= PROGRESS_GRAIN
            and (not self._events or carries_output(chunk))
        ):
            activity.last_progress = now

    def _finish(self) -> None:
        if not self._done:
            self._done = True
            self._upstream.activity.end()

    async def read(self) -> bytes:
        """The whole body, within the deadline; ResponseTooLarge beyond the backend's
        ``max_response_bytes`` (the connection is dropped before more arrives)."""
        limit = self._upstream.max_response_bytes
        body = self._response.arrived_body()
        if body is None:
            body = await self._read_within_deadline(limit)
        elif len(body) > limit:  # only with a limit below the socket's buffering
            raise self._too_large()
        if self._ok:  # an error's body is no output
            self._upstream.activity.last_progress = asyncio.get_running_loop().time()
        return body

    def _too_large(self) -> ResponseTooLarge:
        self.abort()
        return ResponseTooLarge(self._upstream.backend, self._upstream.max_response_bytes)

    async def _read_within_deadline(self, limit: int) -> bytes:
        declared = self.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise self._too_large()  # refused before a byte of it is read
        timeouts = self._upstream.timeouts
        activity = self._upstream.activity
        wait = asyncio.timeout_at(self._deadline)
        activity.waits.add(wait)
        try:
            async with wait:
                body = await self._response.read(limit)
        except BodyTooLarge as exc:
            raise self._too_large() from exc
        except TimeoutError as exc:
            self.abort()
            if activity.was_interrupted(wait):
                raise upstream_stalled(self._upstream.backend) from exc
            raise upstream_timeout(self._upstream.backend, "total", timeouts.total) from exc
        except UpstreamConnectionError as exc:
            self.abort()
            raise upstream_unavailable(self._upstream.backend, "response cut short") from exc
        finally:
            activity.waits.discard(wait)
            activity.interrupted.discard(wait)
        return body

    async def first_chunk(self) -> bytes:
        """Waits for the stream's first event within the first-byte timeout (an engine sends
        its headers at once and its first event only after prefill); b"" if it ended empty.

        SSE comments before it (``: keep-alive``) are kept but not taken for the start: an
        engine that sends one and hangs has not answered (nor passed a half-open trial).

        Raises GatewayError, so the caller may still try elsewhere: nothing reached the client.
        """
        timeouts = self._upstream.timeouts
        activity = self._upstream.activity
        loop = asyncio.get_running_loop()
        started = loop.time()
        wait = asyncio.timeout_at(min(started + timeouts.first_byte, self._deadline))
        activity.waits.add(wait)
        try:
            async with wait:
                chunk = await self._response.readany()
                while chunk and only_comments(chunk):
                    more = await self._response.readany()
                    if not more:
                        break
                    if len(chunk) > _HELD_COMMENT_BYTES:
                        # Comments carry nothing: an engine sending them for the whole wait
                        # holds a bounded tail (from a line's start), not all of them.
                        chunk = chunk[chunk.rfind(b"\n") + 1 :]
                    chunk += more
        except TimeoutError as exc:
            self.abort()
            if activity.was_interrupted(wait):
                raise upstream_stalled(self._upstream.backend) from exc
            raise self._upstream.first_byte_timeout(started, self._deadline) from exc
        except UpstreamConnectionError as exc:
            self.abort()
            raise upstream_unavailable(
                self._upstream.backend, "stream cut before it began"
            ) from exc
        finally:
            activity.waits.discard(wait)
            activity.interrupted.discard(wait)
        self._progress(chunk, loop.time())
        self._first = chunk
        return chunk

    async def chunks(self) -> AsyncIterator[bytes]:
        """The stream's bytes, each piece ending at a line break (what follows the last one
        is held for the next piece, and passed on at the end): an event line that grows read
        after read is joined once, not copied again on every read; one longer than
        ``max_line_bytes`` ends the stream."""
        lines = _CompleteLines(self._upstream.max_line_bytes)
        if self._first:
            first, self._first = self._first, None
            if piece := self._complete(lines, first):
                yield piece
        loop = asyncio.get_running_loop()
        idle = self._upstream.timeouts.idle
        activity = self._upstream.activity
        response = self._response
        while True:
            # A fresh timeout per read: a timeout context must never stay open across a yield,
            # or it would cancel whatever the consumer is awaiting at that moment.
            wait = asyncio.timeout_at(min(loop.time() + idle, self._deadline))
            activity.waits.add(wait)
            try:
                async with wait:
                    chunk = await response.readany()
            except TimeoutError as exc:
                self.abort()
                if activity.was_interrupted(wait):
                    reason = "the engine stopped making progress (watchdog)"
                elif loop.time() >= self._deadline:
                    reason = "total timeout reached"
                else:
                    reason = f"no data for {idle:g}s"
                raise StreamInterrupted(reason, timeout=True) from exc
            except UpstreamConnectionError as exc:
                self.abort()
                raise StreamInterrupted(f"upstream connection lost ({type(exc).__name__})") from exc
            finally:
                activity.waits.discard(wait)
                activity.interrupted.discard(wait)
            if not chunk:
                if rest := lines.rest():
                    yield rest
                return
            self._progress(chunk, loop.time())
            if piece := self._complete(lines, chunk):
                yield piece

    def _complete(self, lines: _CompleteLines, chunk: bytes) -> bytes:
        try:
            return lines.take(chunk)
        except StreamInterrupted:
            self.abort()  # the engine stops sending it
            raise

    def abort(self) -> None:
        if not self._done:
            self._response.close()
            self._finish()

    def release(self) -> None:
        if not self._done:
            self._response.close()  # a no-op once the answer ended: its connection is back
            self._finish()


class _CompleteLines(CompleteLines):
    """``CompleteLines`` for an engine's stream: a line beyond the limit interrupts it."""

    __slots__ = ()

    def _too_long(self) -> Exception:
        return StreamInterrupted(f"an event line longer than {self._limit} bytes")


# SSE comments kept before a stream's first event (``: keep-alive`` lines are a few bytes).
_HELD_COMMENT_BYTES = 64 * 1024


def only_comments(data: bytes) -> bool:
    """Whether ``data`` holds nothing but SSE comment lines (``: ping``) and blank lines."""
    return all(not line or line.startswith(b":") for line in data.splitlines())
