"""respond: the upstream's answer rendered in the client's protocol, streamed chunk by chunk."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncGenerator
from functools import partial
from typing import Any

import orjson

from bastion.config.schema import OutputGuardrails
from bastion.guardrails.output import (
    MaskedBeforeTranslation,
    MaskingStream,
    block_body,
    mask_body,
    restore_body,
)
from bastion.guardrails.recognizers import scan
from bastion.guardrails.stream import Scan
from bastion.pipeline.context import Reply, RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError
from bastion.protocols.exchange import Exchange, StreamTranslator
from bastion.protocols.exchanges import exchange_for
from bastion.protocols.operations import Operation, WireProtocol
from bastion.protocols.sse import MalformedEvent, SSEParser
from bastion.protocols.upstream_errors import json_object
from bastion.protocols.usage import Usage
from bastion.providers.response import StreamInterrupted, UpstreamResponse
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

_STREAM_HEADERS = {"cache-control": "no-cache", "x-accel-buffering": "no"}
# The operation whose pass-through speaks each upstream protocol as it is: a Responses API
# answer is masked in that shape before its translation. (An answer that may be rewritten is
# never passed through from an engine's own Responses API: the route stage translates it.)
_PASSTHROUGH: dict[WireProtocol, Operation] = {
    "openai": Operation.CHAT,
    "anthropic": Operation.MESSAGES,
}
# Upstream headers worth passing on: back-off advice and the simulator's self-identification.
_FORWARDED_HEADERS = ("retry-after", "x-bastion-simulated")


class Respond(BaseStage):
    name = "respond"

    def __init__(self, metrics: GatewayMetrics, output: OutputGuardrails | None = None) -> None:
        self._metrics = metrics
        # Sensitive values in answers: masked, or the answer ended at them, as the request's
        # output policy says (the inspect stage resolves it per tenant and endpoint).
        self._scan: Scan | None = None
        self._holdback = 0
        self._default_action = "allow"
        if output is not None:
            kinds = frozenset(output.kinds) if output.kinds is not None else None
            self._scan = partial(scan, kinds=kinds)
            self._holdback = output.holdback_chars
            self._default_action = output.action

    def _output_scan(self, ctx: RequestContext) -> tuple[Scan | None, bool]:
        """The scan the answer goes through (None: none), and whether it blocks."""
        action = ctx.output_action or self._default_action
        if action == "allow" or self._scan is None:
            return None, False
        return self._scan, action == "block"

    async def on_request(self, ctx: RequestContext) -> None:
        upstream, exchange = ctx.upstream, ctx.exchange
        assert upstream is not None
        assert exchange is not None
        headers = {"x-bastion-backend": ctx.backend_name}
        for name in _FORWARDED_HEADERS:
            value = upstream.headers.get(name)
            if value is not None:
                headers[name] = value
        if upstream.status >= 400:
            await self._upstream_error(ctx, upstream, exchange, headers)
        elif ctx.stream:
            # An event stream: dispatch tried elsewhere when it was not, and primed it.
            headers.update(_STREAM_HEADERS)
            reply = Reply(200, headers=headers, media_type="text/event-stream", upstream_timed=True)
            reply.stream = self._stream(ctx, reply, upstream, exchange)
            ctx.reply = reply
        else:
            # Read and parsed by dispatch, which tries elsewhere when it is malformed or cut.
            body = upstream.answer
            assert body is not None
            ctx.usage = exchange.usage_of(body)
            translated_after = ctx.operation is Operation.RESPONSES
            if translated_after:
                # Masked in the upstream's shape first: the Response is built from the result.
                self._guard_body(ctx, body, exchange.upstream)
            answer = exchange.answer(body, ctx.model, ctx.body or {}, ctx.body_memo)
            if not translated_after:
                self._guard_body(ctx, answer, exchange.client)
            ctx.reply = Reply(200, orjson.dumps(answer), headers=headers, upstream_timed=True)

    def _guard_body(
        self, ctx: RequestContext, body: dict[str, Any], protocol: WireProtocol
    ) -> None:
        """The output policy applied to a whole answer in ``protocol``'s shape."""
        output_scan, block = self._output_scan(ctx)
        if output_scan is not None and block:
            self._count_blocked(block_body(body, protocol, output_scan))
        elif output_scan is not None:
            self._count_masked(mask_body(body, protocol, output_scan))
        if ctx.placeholders:
            restore_body(body, protocol, ctx.placeholders)

    async def _upstream_error(
        self,
        ctx: RequestContext,
        upstream: UpstreamResponse,
        exchange: Exchange,
        headers: dict[str, str],
    ) -> None:
        raw = await upstream.read()
        ctx.upstream_ended = time.perf_counter()
        upstream.release()
        status = upstream.status
        self._metrics.upstream_errors.labels(ctx.backend_name, "status").inc()
        backend = ctx.backend_name
        if status in (401, 403):
            # The gateway's own credential for the backend was refused; not the client's fault.
            error = GatewayError(
                502, f"Backend '{backend}' rejected the gateway's credentials.", code="bad_gateway"
            )
        else:
            # The request itself was refused (bad parameters, context too long): pass the status
            # and the upstream's explanation on in the client's error shape. (5xx and 429 never
            # get here: dispatch tries elsewhere and turns the last one into the client's error.)
            ctx.error = GatewayError(status, "upstream refused the request")
            ctx.outcome = "error"
            body = exchange.client_error(status, json_object(raw))
            ctx.reply = Reply(status, orjson.dumps(body), headers=headers, upstream_timed=True)
            return
        error.headers.update(headers)
        ctx.fail(error)

    async def _stream(
        self, ctx: RequestContext, reply: Reply, upstream: UpstreamResponse, exchange: Exchange
    ) -> AsyncGenerator[bytes, None]:
        """Yields the stream up to its end event; the end goes to ``reply.tail``, to be sent
        once the request's records are durable."""
        translator: StreamTranslator = exchange.answer_stream(
            ctx.model, include_usage=ctx.include_usage, request=ctx.body or {}, memo=ctx.body_memo
        )
        masking: MaskingStream | MaskedBeforeTranslation | None = None
        output_scan, block = self._output_scan(ctx)
        if (output_scan is not None or ctx.placeholders) and ctx.operation is Operation.RESPONSES:
            # Masked in the upstream's own protocol, then translated: every event built from
            # the text (deltas, done events, the final Response) carries the masked text.
            upstream_protocol = exchange.upstream
            own = exchange_for(_PASSTHROUGH[upstream_protocol], upstream_protocol)
            assert own is not None
            upstream_masking = MaskingStream(
                own.stream_translator(ctx.model, include_usage=True),
                upstream_protocol,
                output_scan,
                self._holdback,
                ctx.placeholders,
                block=block,
            )
            translator = masking = MaskedBeforeTranslation(upstream_masking, translator)
        elif output_scan is not None or ctx.placeholders:
            translator = masking = MaskingStream(
                translator,
                exchange.client,
                output_scan,
                self._holdback,
                ctx.placeholders,
                block=block,
            )
        parser = SSEParser()
        backend = ctx.backend_name
        ended = False
        content_events = 0
        errored = False  # the upstream's own error event, passed on by the translator
        failure: str | None = None
        tail: list[bytes] = []
        try:
            try:
                async for raw in upstream.chunks():
                    out: list[bytes] = []
                    for event in parser.feed(raw):
                        if exchange.is_content(event):
                            content_events += 1
                        elif exchange.is_error(event):
                            errored = True
                        if exchange.is_end(event):
                            ended = True
                        (tail if ended else out).extend(translator.feed(event))
                    if out:
                        if ctx.first_chunk_at is None:
                            ctx.first_chunk_at = time.perf_counter()
                        data = b"".join(out)
                        if ctx.stream_capture is not None:
                            ctx.stream_capture.add(data)
                        yield data
            except StreamInterrupted as exc:
                ctx.outcome = "upstream_timeout" if exc.timeout else "upstream_cut"
                kind = "timeout" if exc.timeout else "cut"
                self._metrics.upstream_errors.labels(backend, kind).inc()
                failure = f"Backend '{backend}' stream interrupted: {exc.reason}."
            except Exception as exc:
                # An event that is not JSON (a broken engine), or one the translator could not
                # make sense of (a gateway bug: with its trace): end cleanly, stop the engine.
                extra = {"request_id": ctx.request_id, "backend": backend}
                if isinstance(exc, MalformedEvent):
                    log.warning("malformed upstream stream", extra={**extra, "error": str(exc)})
                else:
                    log.exception("malformed upstream stream", extra=extra)
                upstream.abort()
                ctx.outcome = "upstream_malformed"
                self._metrics.upstream_errors.labels(backend, "malformed").inc()
                failure = f"Backend '{backend}' sent a malformed stream."
            else:
                if ended:
                    ctx.upstream_ended = time.perf_counter()
                    tail.extend(translator.finish())
                    upstream.release()
                elif errored:
                    # The engine said why it stopped (its error, passed on), then closed.
                    ctx.upstream_ended = time.perf_counter()
                    upstream.release()
                else:
                    ctx.outcome = "upstream_cut"
                    self._metrics.upstream_errors.labels(backend, "cut").inc()
                    failure = f"Backend '{backend}' closed the stream before it was complete."
                if errored:
                    # The client has the engine's error; the request failed all the same.
                    ctx.outcome = "upstream_error"
                    self._metrics.upstream_errors.labels(backend, "error_event").inc()
            if failure is not None:
                tail = translator.error_events(failure, _error_type(exchange))
            reply.tail = b"".join(tail)
            if ctx.stream_capture is not None:
                ctx.stream_capture.add(reply.tail)
        finally:
            if masking is not None:
                self._count_masked(masking.masked)
                self._count_blocked(masking.blocked)
            ctx.usage = _settled_usage(translator.usage, ended, ctx, content_events)
            if translator.finish_reason is not None:
                ctx.finish_reasons = [translator.finish_reason]

    def _count_masked(self, count: int) -> None:
        if count:
            self._metrics.guardrail_output_masked.inc(count)

    def _count_blocked(self, count: int) -> None:
        if count:
            self._metrics.guardrail_output_blocked.inc(count)


def _error_type(exchange: Exchange) -> str:
    return "api_error" if exchange.client == "anthropic" else "server_error"


def _settled_usage(
    reported: Usage | None, ended: bool, ctx: RequestContext, content_events: int
) -> Usage:
    """What the upstream reported for a complete stream; otherwise the best estimate.

    A stream that did not end has reported at most its start (Anthropic's message_start counts
    one output token), so the content events seen are the better count of what was generated.
    """
    if ended and reported is not None:
        return reported
    estimate = Usage.estimate(len(ctx.raw_body), content_events)
    if reported is None:
        return estimate
    return Usage(
        input_tokens=reported.input_tokens or estimate.input_tokens,
        output_tokens=max(reported.output_tokens, content_events),
        cached_input_tokens=reported.cached_input_tokens,
        estimated=True,
    )
