"""Client connections: uvicorn's httptools protocol with limits on slow and oversized requests.

uvicorn (0.55, httptools) bounds neither the request head nor the time a client takes: a header
of any size is buffered whole, a connection that sends nothing (or one byte now and then) is
kept forever, and the keep-alive timer only starts after a first response. This subclass keeps
uvicorn's request handling and adds, per connection:

- a limit on the size of the request head (request line and headers, in bytes received) and on
  the number of header fields; bytes are counted before the parser sees them, so an oversized
  head is refused after ``max_header_bytes``, never buffered whole (431); a chunked body's
  trailer fields, which the parser buffers like headers, are held to the same size;
- a deadline per phase of the connection, one timer for all of them:

  ======  ===========================  ===============================================
  phase   what the connection does     closed when
  ======  ===========================  ===============================================
  IDLE    waits for a request          ``keep_alive_timeout_seconds`` after the last
                                       response; for a new connection the head must be
                                       complete ``header_timeout_seconds`` after connect
  HEAD    receives a request head      ``header_timeout_seconds`` after its first byte
                                       (408 in the client's protocol, then closed)
  BODY    receives the request body    no byte for ``body_timeout_seconds``, or fewer
                                       than ``body_min_bytes_per_second`` on average
                                       once ``body_timeout_seconds`` have passed
  BUSY    the application answers      never here (the upstream timeouts apply)
  ======  ===========================  ===============================================

- a cap on open connections: over ``max_connections``, the connection that has waited longest
  for a request is closed to make room; when none waits, the new connection's request is
  answered 503 (``Retry-After: 1``) without reaching the application.

Refusals are answered in the client's protocol (JSON error shapes of ``protocols/errors.py``,
Anthropic's for ``/messages`` paths) with ``Connection: close``; the connection then reads and
drops what the client still sends for up to ``_LINGER_SECONDS``, so a client still sending its
oversized head sees the answer rather than a reset. A request that cannot be answered any more
(a pipelined request behind a response in progress, a body that stopped after the application
began) is closed.

The request path pays for this with a few attribute updates per read and per phase: phase
changes only move a deadline, and the one timer re-arms itself lazily when it fires early.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, ClassVar, cast

import httptools
import orjson
from uvicorn.protocols.http.httptools_impl import (
    STATUS_LINE,
    HttpToolsProtocol,
    RequestResponseCycle,
)

from bastion.config.schema import ServerConfig
from bastion.protocols.errors import error_body
from bastion.protocols.operations import WireProtocol
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

# How long a refused connection keeps reading (and dropping) what its client still sends.
_LINGER_SECONDS = 5.0


class Phase(Enum):
    IDLE = "idle"
    HEAD = "head"
    BODY = "body"
    BUSY = "busy"
    CLOSING = "closing"


_IDLE, _HEAD, _BODY, _BUSY, _CLOSING = Phase
# Probes and scrapes are answered over the connection cap: an orchestrator that restarts a
# gateway for failing its liveness probe when it is busiest, or a scrape missing exactly then,
# would make the load worse or invisible. They cost a few bytes and no upstream call.
_NEVER_SHED = frozenset({b"/healthz", b"/readyz", b"/metrics"})


class _Refusal(Exception):
    """Raised from a parser callback to stop parsing and answer with ``status``."""

    def __init__(self, status: int, reason: str, message: str, anthropic_type: str) -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason  # the error's code, and the label of the limits metric
        self.message = message
        self.anthropic_type = anthropic_type


@dataclass
class _Shared:
    """State shared by one server's connections."""

    on_limit: Callable[[str], None]
    # Told +1 and -1 as connections open and close: a gauge each worker writes, which the
    # node's metrics add up (a gauge read by callback is never written in multiprocess mode).
    on_count: Callable[[int], None] = lambda _delta: None
    # Connections waiting for a request, longest waiting first (insertion order).
    idle: dict[LimitedHttpProtocol, None] = field(default_factory=dict)
    open: int = 0


class LimitedHttpProtocol(HttpToolsProtocol):
    """Subclassed per server by :func:`connection_protocol`, which sets the limits."""

    max_connections: ClassVar[int]
    max_header_bytes: ClassVar[int]
    max_headers: ClassVar[int]
    header_timeout: ClassVar[float]
    body_timeout: ClassVar[float]
    body_min_rate: ClassVar[float]
    keep_alive_timeout: ClassVar[float]
    shared: ClassVar[_Shared]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.url = b""
        self._phase = _IDLE
        self._deadline = 0.0  # of the IDLE and HEAD phases, in loop time
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = 0.0
        self._head_bytes = 0  # bytes of the request head received so far
        self._body_start = 0.0
        self._body_bytes = 0  # bytes received since the head, framing included
        self._last_read = 0.0
        self._body_seen = False  # the parser delivered body bytes from the last read
        self._framing = 0  # bytes received in a row that held no body: chunk sizes, trailers
        self._over_capacity = False

    # --- connection -----------------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        shared = self.shared
        shared.open += 1
        shared.on_count(1)
        if len(self.connections) > self.max_connections:
            self._make_room()
        # The first request's head is due this long after connect.
        self._deadline = self.loop.time() + self.header_timeout
        shared.idle[self] = None
        self._arm(self._deadline)

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        self.shared.open -= 1
        self.shared.on_count(-1)
        self.shared.idle.pop(self, None)
        self._phase = _CLOSING
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _make_room(self) -> None:
        idle = self.shared.idle
        if idle:
            # As nginx does: a connection waiting for a request gives way to a new one.
            oldest = next(iter(idle))
            del idle[oldest]
            self.connections.discard(oldest)
            oldest._phase = _CLOSING
            oldest.transport.close()
            self.shared.on_limit("idle_reclaimed")
        else:
            self._over_capacity = True

    # --- reading ----------------------------------------------------------------------------

    def data_received(self, data: bytes) -> None:
        phase = self._phase
        if phase is _BODY:
            self._body_bytes += len(data)
            self._last_read = self.loop.time()
            self._body_seen = False
            self._feed(data)
            if self._body_seen or self._phase is not _BODY:
                # A pipelined head that began in this read is counted from the next read on.
                self._framing = 0
                return
            # A chunked body's trailer fields are buffered by the parser like headers.
            self._framing += len(data)
            if self._framing > self.max_header_bytes:
                self._refuse(self._head_too_large())
            return
        if phase is _CLOSING:
            return  # lingering after a refusal: what the client still sends is dropped
        # Head bytes (also in IDLE and BUSY: what comes next is a request head).
        room = self.max_header_bytes - self._head_bytes
        if len(data) <= room:
            self._head_bytes += len(data)
            self._feed(data)
            return
        # Feed no more than the limit allows: if the head is not complete by then, it is over.
        self._head_bytes = self.max_header_bytes
        self._feed(data[:room])
        if self._phase is _CLOSING:
            return
        if self._head_bytes == self.max_header_bytes:  # on_headers_complete resets it
            self._refuse(self._head_too_large())
            return
        self.data_received(data[room:])

    def _feed(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            # As uvicorn does; the gateway serves no WebSocket (ws="none"), so this only warns.
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
        except httptools.HttpParserError as exc:
            refusal = exc.__context__
            if not isinstance(refusal, _Refusal):
                refusal = _Refusal(
                    400, "invalid_http", "Invalid HTTP request.", "invalid_request_error"
                )
            self._refuse(refusal)

    # --- parser callbacks -------------------------------------------------------------------

    def on_message_begin(self) -> None:
        super().on_message_begin()
        served: RequestResponseCycle | None = self.cycle
        if self._phase is _IDLE:
            self.shared.idle.pop(self, None)
        # A new connection's first head stays due at connect + header_timeout; a later one
        # (after a keep-alive wait, or pipelined) is due that long after its first byte.
        if served is not None:
            self._deadline = self.loop.time() + self.header_timeout
        self._phase = _HEAD
        self._arm(self._deadline)

    def on_headers_complete(self) -> None:
        # Counted once the head is in (cheaper than per field); its size bounds it meanwhile.
        if len(self.headers) > self.max_headers:
            raise _Refusal(
                431,
                "too_many_headers",
                f"Request has more than {self.max_headers} header fields.",
                "invalid_request_error",
            )
        if (
            self._over_capacity
            and len(self.connections) > self.max_connections
            and self.url.partition(b"?")[0] not in _NEVER_SHED
        ):
            raise _Refusal(
                503,
                "over_capacity",
                f"The gateway has more than {self.max_connections} open connections; "
                "retry shortly.",
                "overloaded_error",
            )
        self._over_capacity = False
        super().on_headers_complete()
        # The cycle writes, closes and asks is_closing(); the view does all three.
        self.cycle.transport = cast(asyncio.Transport, _HeadJoinsBody(self.transport, self.loop))
        self._phase = _BODY
        self._head_bytes = 0
        self._framing = 0
        self._body_bytes = 0
        now = self._body_start = self._last_read = self.loop.time()
        self._arm(now + self.body_timeout)

    def on_body(self, body: bytes) -> None:
        self._body_seen = True
        super().on_body(body)

    def on_message_complete(self) -> None:
        super().on_message_complete()
        if self.cycle.response_complete and not self.pipeline:
            self._enter_idle()  # answered before the body was in: waits for the next request
        else:
            self._phase = _BUSY

    def on_response_complete(self) -> None:
        # uvicorn's, with this protocol's idle deadline instead of its keep-alive timer.
        self.server_state.total_requests += 1
        if self.transport.is_closing():
            return
        self.flow.resume_reading()
        if self.pipeline:
            cycle, app = self.pipeline.pop()
            self._start_asgi_task(cycle, app)
        elif self._phase is _BUSY:
            self._enter_idle()

    def _enter_idle(self) -> None:
        self._phase = _IDLE
        self._deadline = self.loop.time() + self.keep_alive_timeout
        self.shared.idle[self] = None
        self._arm(self._deadline)

    # --- deadlines --------------------------------------------------------------------------

    def _arm(self, when: float) -> None:
        """Makes the timer fire no later than ``when`` (it re-arms itself if that is early)."""
        timer = self._timer
        if timer is not None:
            if self._timer_at <= when:
                return
            timer.cancel()
        self._timer = self.loop.call_at(when, self._expire)
        self._timer_at = when

    def _expire(self) -> None:
        self._timer = None
        phase = self._phase
        if phase is _BUSY or self.transport.is_closing():
            return
        now = self.loop.time()
        if phase is _BODY:
            if self.flow.read_paused:
                # Not reading is the application's doing (its buffer is full), not the client's.
                self._body_start = self._last_read = now
                self._body_bytes = 0
            due = self._last_read + self.body_timeout
            if self.body_min_rate:
                earned = self._body_bytes / self.body_min_rate
                due = min(due, self._body_start + self.body_timeout + earned)
        else:
            due = self._deadline
        if now < due:
            self._arm(due)
            return
        if phase is _IDLE:
            served: RequestResponseCycle | None = self.cycle
            if served is None:  # connected, never sent a byte
                self.shared.on_limit("header_timeout")
            self.shared.idle.pop(self, None)
            self._phase = _CLOSING
            self.transport.close()
        elif phase is _HEAD:
            seconds = f"{self.header_timeout:g}"
            self._refuse(
                _Refusal(
                    408,
                    "header_timeout",
                    f"The request head was not received within {seconds} seconds.",
                    "invalid_request_error",
                ),
                linger=False,
            )
        elif phase is _BODY:
            seconds = f"{self.body_timeout:g}"
            self._refuse(
                _Refusal(
                    408,
                    "body_timeout",
                    f"The request body arrived too slowly (no byte for {seconds} seconds, or "
                    f"under {self.body_min_rate:g} bytes per second after {seconds} seconds).",
                    "invalid_request_error",
                ),
                linger=False,
            )
        else:  # lingering after a refusal
            self.transport.close()

    # --- refusals ---------------------------------------------------------------------------

    def _head_too_large(self) -> _Refusal:
        return _Refusal(
            431,
            "header_too_large",
            f"Request line and headers exceed {self.max_header_bytes} bytes.",
            "invalid_request_error",
        )

    def _refuse(self, refusal: _Refusal, *, linger: bool = True) -> None:
        """Answers ``refusal`` if the connection can still take an answer, then closes it."""
        if self._phase is _CLOSING:
            return
        self.shared.on_limit(refusal.reason)
        self.shared.idle.pop(self, None)
        log.debug("connection from %s refused: %s", self.client, refusal.reason)
        # Nothing may be answered in the middle of another response: a request still being
        # received can be answered if the application has not begun its own answer, and a
        # head if no earlier response is still in progress.
        cycle: RequestResponseCycle | None = self.cycle
        if self._phase is _BODY:
            assert cycle is not None
            answerable = not cycle.response_started and not self.pipeline
        else:
            answerable = (cycle is None or cycle.response_complete) and not self.pipeline
        self._phase = _CLOSING
        transport = self.transport
        if not answerable:
            transport.close()
            return
        if cycle is not None and not cycle.response_complete:
            # The application, waiting for the rest of the body, sees the client gone.
            cycle.disconnected = True
            cycle.message_event.set()
        transport.write(_answer(refusal, self.url))
        if not linger or not transport.can_write_eof():
            transport.close()
            return
        transport.write_eof()
        self.flow.resume_reading()
        self._arm(self.loop.time() + _LINGER_SECONDS)


class _HeadJoinsBody:
    """The connection's transport as one response writes to it: the response's first write
    (uvicorn writes the head alone) is held until its next write or the end of this turn of
    the event loop, so a whole answer's head and body leave in one send. Two sends cost the
    gateway a second system call and loopback delivery (and the client a second read) on
    every response; a stream's head still leaves before the loop waits for anything."""

    __slots__ = ("_first", "_held", "_loop", "_transport")

    _JOIN_MAX = 65536  # a larger body is sent after the head rather than copied onto it

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: bytes | None = None
        self._first = True

    def write(self, data: bytes) -> None:
        held = self._held
        if held is not None:
            self._held = None
            if len(data) <= self._JOIN_MAX:
                self._transport.write(held + data)
                return
            self._transport.write(held)
        elif self._first:
            self._first = False
            self._held = data
            self._loop.call_soon(self.flush)
            return
        self._transport.write(data)

    def flush(self) -> None:
        held = self._held
        if held is not None:
            self._held = None
            if not self._transport.is_closing():
                self._transport.write(held)

    def is_closing(self) -> bool:
        return self._transport.is_closing()

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)  # what else a transport offers, unchanged


def _answer(refusal: _Refusal, url: bytes) -> bytes:
    """The HTTP response for ``refusal``, in the error shape of the protocol ``url`` speaks."""
    anthropic = url.split(b"?", 1)[0].endswith((b"/messages", b"/messages/count_tokens"))
    protocol: WireProtocol = "anthropic" if anthropic else "openai"
    if protocol == "anthropic":
        error_type: str | None = refusal.anthropic_type
    else:
        error_type = "invalid_request_error" if refusal.status < 500 else None
    body = orjson.dumps(
        error_body(
            protocol, refusal.status, refusal.message, code=refusal.reason, error_type=error_type
        )
    )
    head = [
        STATUS_LINE[refusal.status],
        b"content-type: application/json\r\n",
        b"content-length: %d\r\n" % len(body),
        b"connection: close\r\n",
    ]
    if refusal.status == 503:
        head.append(b"retry-after: 1\r\n")
    return b"".join(head) + b"\r\n" + body


def connection_protocol(
    server: ServerConfig, metrics: GatewayMetrics | None = None
) -> type[LimitedHttpProtocol]:
    """The protocol class to give uvicorn (``http=``) for ``server``'s limits.

    With ``metrics``, each connection closed or request refused by a limit counts in
    ``bastion_connection_limits_total`` by reason, and open connections are a gauge.
    """
    if metrics is None:
        shared = _Shared(lambda reason: None)
    else:
        counter = metrics.connection_limits
        gauge = metrics.connections_open
        shared = _Shared(lambda reason: counter.labels(reason).inc(), gauge.inc)

    class ServerHttpProtocol(LimitedHttpProtocol):
        pass

    ServerHttpProtocol.max_connections = server.max_connections
    ServerHttpProtocol.max_header_bytes = server.max_header_bytes
    ServerHttpProtocol.max_headers = server.max_headers
    ServerHttpProtocol.header_timeout = server.header_timeout_seconds
    ServerHttpProtocol.body_timeout = server.body_timeout_seconds
    ServerHttpProtocol.body_min_rate = server.body_min_bytes_per_second
    ServerHttpProtocol.keep_alive_timeout = server.keep_alive_timeout_seconds
    ServerHttpProtocol.shared = shared
    return ServerHttpProtocol
