"""The client-facing inference endpoints as raw ASGI apps, each running the pipeline.

Raw ASGI rather than framework handlers because the request must end in a precise way: the body
is read against a size limit, a client that leaves mid-request cancels the upstream call, and the
completion phase (accounting) runs exactly once however the response ended. They are dispatched
before the framework's router and middleware, which the hot path does not need.
"""

from __future__ import annotations

import asyncio
import logging
import time
from urllib.parse import parse_qs

from starlette.types import Receive, Scope, Send

from bastion.api.request_id import new_request_id
from bastion.journal.writer import JournalUnavailableError
from bastion.pipeline import Pipeline, RequestContext
from bastion.pipeline.context import Reply
from bastion.protocols.errors import GatewayError, body_too_large, invalid_request
from bastion.protocols.operations import Operation
from bastion.protocols.usage import Usage
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

# nginx's "client closed request": the status of a request whose client left before the
# response's headers. Not a 5xx: impatient clients are not the gateway failing.
CLIENT_CLOSED = 499


class _Delivery:
    """Whether the response's headers went to the client (after that its status stands)."""

    __slots__ = ("started",)

    def __init__(self) -> None:
        self.started = False


class InferenceEndpoint:
    def __init__(
        self,
        operation: Operation,
        pipeline: Pipeline,
        metrics: GatewayMetrics,
        *,
        max_body_bytes: int,
        label: str | None = None,
    ) -> None:
        self.operation = operation
        self.pipeline = pipeline
        self.max_body_bytes = max_body_bytes
        # ``label``: the endpoint's name in metrics when it is not the operation's own.
        self._in_flight = metrics.in_flight.labels(label or operation.value)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        ctx = RequestContext(new_request_id(), self.operation, headers, b"")
        if self.operation.protocol == "anthropic" and wants_beta(scope):
            ctx.anthropic_beta = True
        self._in_flight.inc()
        try:
            try:
                ctx.raw_body = await _read_body(receive, headers, self.max_body_bytes)
            except GatewayError as error:
                ctx.fail(error)
                if error.status == CLIENT_CLOSED:
                    ctx.outcome = "client_disconnected"  # as when it leaves any later
                assert ctx.reply is not None
                # The rest of an oversized body is not worth reading; close the connection.
                ctx.reply.headers["connection"] = "close"
                await self._send_reply(ctx, send)
                return
            await self._serve_unless_client_leaves(ctx, receive, send)
        finally:
            self._in_flight.dec()
            await self.pipeline.complete(ctx)

    async def _send_reply(
        self, ctx: RequestContext, send: Send, delivery: _Delivery | None = None
    ) -> None:
        """Sends the reply; its final bytes go once the seal phase made its records durable.
        ``delivery`` notes when the headers go."""
        reply = ctx.reply
        assert reply is not None, "the pipeline always produces a reply"
        response_log = ctx.response_log
        if reply.stream is None:
            if response_log is not None:
                response_log.sent(reply.body)
            try:
                await self.pipeline.seal(ctx)
            except JournalUnavailableError as exc:
                log.error("response withheld: %s", exc, extra={"request_id": ctx.request_id})
                ctx.fail(_unrecordable())
                reply = ctx.reply
                assert reply is not None
            headers = self._headers(ctx, reply)
            headers.append((b"content-length", str(len(reply.body)).encode()))
            if delivery is not None:
                delivery.started = True
            await send({"type": "http.response.start", "status": reply.status, "headers": headers})
            await send({"type": "http.response.body", "body": reply.body})
            return
        headers = self._headers(ctx, reply)
        if delivery is not None:
            delivery.started = True
        await send({"type": "http.response.start", "status": reply.status, "headers": headers})
        stream = reply.stream
        try:
            async for chunk in stream:
                if response_log is not None:
                    response_log.sent(chunk)
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        finally:
            await stream.aclose()
        if response_log is not None:
            response_log.sent(reply.tail)
        # Raising here leaves the stream without its end: the client sees it incomplete.
        await self.pipeline.seal(ctx)
        await send({"type": "http.response.body", "body": reply.tail})

    @staticmethod
    def _headers(ctx: RequestContext, reply: Reply) -> list[tuple[bytes, bytes]]:
        request_id = ctx.request_id.encode()
        headers = [
            (b"content-type", reply.media_type.encode()),
            (b"x-request-id", request_id),
        ]
        if ctx.operation.protocol == "anthropic":
            # Anthropic's SDKs read the id from their own header (``message._request_id``).
            headers.append((b"request-id", request_id))
        headers.extend((k.encode(), v.encode()) for k, v in reply.headers.items())
        if ctx.response_headers:
            headers.extend((k.encode(), v.encode()) for k, v in ctx.response_headers.items())
        if reply.upstream_timed:
            timing = ctx.server_timing(time.perf_counter(), reply.stream is not None)
            headers.append((b"server-timing", timing.encode()))
        return headers

    async def _serve_unless_client_leaves(
        self, ctx: RequestContext, receive: Receive, send: Send
    ) -> None:
        """Runs the request; if the client disconnects first, cancels it and the upstream call."""
        task = asyncio.current_task()
        assert task is not None
        watching = True
        cancelled_here = False
        delivery = _Delivery()

        def client_left(watcher: asyncio.Future[None]) -> None:
            nonlocal cancelled_here
            if watcher.cancelled():
                return
            if watcher.exception() is not None:
                log.warning("disconnect watcher failed", exc_info=watcher.exception())
            # Only while the request runs: a late callback must not cancel the completion phase.
            if watching:
                cancelled_here = True
                task.cancel()

        watcher = asyncio.ensure_future(_disconnected(receive))
        watcher.add_done_callback(client_left)
        try:
            await self.pipeline.run(ctx)
            await self._send_reply(ctx, send, delivery)
        except BaseException as exc:
            # However the request failed, the engine must stop generating for it.
            if ctx.upstream is not None:
                ctx.upstream.abort()
            if not (cancelled_here and isinstance(exc, asyncio.CancelledError)):
                if isinstance(exc, asyncio.CancelledError):
                    ctx.outcome = "cancelled"  # the server's shutdown grace period ran out
                raise
            task.uncancel()
            ctx.outcome = "client_disconnected"
            if not delivery.started:
                # No status reached the client: the one recorded says it left first (whatever
                # the gateway had ready to send), not 500 for a missing reply.
                ctx.reply = Reply(CLIENT_CLOSED)
            if ctx.usage is None:
                # Left before any usage was known: the prompt was still processed upstream.
                ctx.usage = Usage.estimate(len(ctx.raw_body), 0)
        finally:
            watching = False
            watcher.cancel()


def wants_beta(scope: Scope) -> bool:
    """``?beta=true`` on the URL, which Anthropic's SDKs add for beta endpoints."""
    query = (scope.get("query_string") or b"").decode("latin-1")
    return "true" in parse_qs(query).get("beta", ())


async def _read_body(receive: Receive, headers: dict[str, str], limit: int) -> bytes:
    encoding = headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise GatewayError(
            415,
            f"Content-Encoding '{encoding[:40]}' is not supported; send the body uncompressed.",
            code="unsupported_content_encoding",
        )
    declared = headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise invalid_request("Invalid Content-Length header.")
        if int(declared) > limit:
            raise body_too_large(limit)
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise GatewayError(499, "Client closed the request.", code="client_closed")
        chunk = message.get("body", b"")
        if chunk:
            size += len(chunk)
            if size > limit:
                raise body_too_large(limit)
            chunks.append(chunk)
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


async def _disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


def _unrecordable() -> GatewayError:
    return GatewayError(
        503,
        "The answer could not be recorded durably, so it is withheld; try again.",
        code="journal_unavailable",
        headers={"retry-after": "1"},
    )
