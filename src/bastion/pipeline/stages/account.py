"""account: metrics, the access log and usage anomalies, after the response has finished
however it ended."""

from __future__ import annotations

import logging

from bastion.admission.anomaly import AnomalyDetector
from bastion.pipeline.context import RequestContext
from bastion.pipeline.records import MAX_NAME_CHARS, traced_request
from bastion.pipeline.runner import BaseStage
from bastion.telemetry.metrics import GatewayMetrics
from bastion.telemetry.recent import Finished, RecentTraffic
from bastion.telemetry.tracing import RequestTracer

log = logging.getLogger("bastion.access")


class Account(BaseStage):
    name = "account"

    def __init__(
        self,
        metrics: GatewayMetrics,
        tracer: RequestTracer | None = None,
        anomalies: AnomalyDetector | None = None,
        recent: RecentTraffic | None = None,
    ) -> None:
        self._metrics = metrics
        self._tracer = tracer
        self._anomalies = anomalies
        self._recent = recent

    async def on_complete(self, ctx: RequestContext) -> None:
        route = self._metrics.route(ctx.operation.value, ctx.backend_name)
        finished = ctx.finished or ctx.started
        route.count(ctx.status)
        route.duration.observe(finished - ctx.started)
        route.queue_wait.observe(ctx.queued_seconds)
        reply = ctx.reply
        if reply is not None and reply.upstream_timed and ctx.upstream_ended is not None:
            # A proxied answer whose upstream finished: its time, and what the gateway added.
            upstream = ctx.upstream_seconds(ctx.upstream_ended)
            route.upstream_duration.observe(upstream)
            route.gateway_overhead.observe(ctx.gateway_seconds(upstream, finished))
        usage = ctx.usage
        if ctx.first_chunk_at is not None:
            route.time_to_first_token.observe(ctx.first_chunk_at - ctx.started)
            if usage is not None and usage.output_tokens > 1:
                gap = (finished - ctx.first_chunk_at) / (usage.output_tokens - 1)
                route.inter_token_latency.observe(gap)
        if usage is not None:
            route.input_tokens.inc(usage.input_tokens)
            route.output_tokens.inc(usage.output_tokens)
            if usage.cached_input_tokens:
                route.cached_input_tokens.inc(usage.cached_input_tokens)
        if ctx.outcome == "client_disconnected":
            self._metrics.client_disconnects.labels(ctx.operation.value).inc()
        principal = ctx.principal
        if self._anomalies is not None and principal is not None:
            # Every request of the tenant counts, refused ones included (with no tokens).
            tokens = usage.input_tokens + usage.output_tokens if usage is not None else 0
            self._anomalies.record(principal.tenant_id, principal.tenant_name, tokens)
        if self._recent is not None:
            self._recent.record(_finished(ctx, finished))
        if log.isEnabledFor(logging.INFO):
            log.info("request", extra=_access_fields(ctx, finished))
        if self._tracer is not None:
            self._tracer.record(traced_request(ctx))


# The stages whose refusals the console counts: limits and budgets, and backend capacity.
_REFUSING_STAGES = frozenset({"admit", "queue"})


def _finished(ctx: RequestContext, finished: float) -> Finished:
    """The request as the console's live view counts it (bastion.telemetry.recent)."""
    usage = ctx.usage
    principal = ctx.principal
    refused = ctx.answered_by in _REFUSING_STAGES and ctx.status >= 400
    return Finished(
        status=ctx.status,
        ok=ctx.outcome == "ok",
        seconds=finished - ctx.started,
        ttft_seconds=None if ctx.first_chunk_at is None else ctx.first_chunk_at - ctx.started,
        input_tokens=usage.input_tokens if usage is not None else 0,
        output_tokens=usage.output_tokens if usage is not None else 0,
        cache_status=ctx.cache_status,
        refused_by=ctx.answered_by if refused else None,
        classes=ctx.classifications if ctx.sensitive_found else (),
        tenant=principal.tenant_name if principal is not None else None,
    )


def _access_fields(ctx: RequestContext, finished: float) -> dict[str, object]:
    principal = ctx.principal
    usage = ctx.usage
    fields: dict[str, object] = {
        "request_id": ctx.request_id,
        "endpoint": ctx.operation.value,
        "model": ctx.model[:MAX_NAME_CHARS],  # a body may carry megabytes of one
        "backend": ctx.backend_name,
        "status": ctx.status,
        "outcome": ctx.outcome,
        "stream": ctx.stream,
        "duration_ms": round((finished - ctx.started) * 1000, 2),
        "tenant": principal.tenant_name if principal else None,
        "key_id": principal.key_id if principal else None,
    }
    if ctx.upstream_ended is not None:
        upstream = ctx.upstream_seconds(ctx.upstream_ended)
        fields["upstream_ms"] = round(upstream * 1000, 2)
        fields["gateway_ms"] = round(ctx.gateway_seconds(upstream, finished) * 1000, 2)
    if ctx.first_chunk_at is not None:
        fields["ttft_ms"] = round((ctx.first_chunk_at - ctx.started) * 1000, 2)
    if usage is not None:
        fields["input_tokens"] = usage.input_tokens
        fields["output_tokens"] = usage.output_tokens
        fields["cached_input_tokens"] = usage.cached_input_tokens
        fields["usage_estimated"] = usage.estimated
    if ctx.injection_score is not None:
        fields["injection_score"] = ctx.injection_score
    if ctx.error is not None:
        fields["error"] = ctx.error.message
    return fields
