"""What a finished request leaves behind, built from its context.

The services that keep these records take plain values and never see a ``RequestContext``: the
tracer gets a ``TracedRequest``, so telemetry does not depend on the pipeline.
"""

from __future__ import annotations

from bastion.pipeline.context import RequestContext
from bastion.telemetry.tracing import TracedBackend, TracedRequest


def traced_request(ctx: RequestContext) -> TracedRequest:
    """What the trace span of a finished request is made of."""
    principal = ctx.principal
    deployment = ctx.deployment
    backend: TracedBackend | None = None
    if deployment is not None:
        provider = deployment.backend
        # The first replica's address stands for the backend's (replicas share a service).
        urls = provider.base_urls()
        url = urls[0] if urls else None
        backend = TracedBackend(provider.name, provider.location, provider.config.kind, url)
    reply = ctx.reply
    return TracedRequest(
        request_id=ctx.request_id,
        operation=ctx.operation,
        headers=ctx.headers,
        started=ctx.started,
        finished=ctx.finished,
        model=ctx.model,
        stream=ctx.stream,
        status=ctx.status,
        outcome=ctx.outcome,
        first_chunk_at=ctx.first_chunk_at,
        tenant=principal.tenant_name if principal is not None else None,
        key_id=principal.key_id if principal is not None else None,
        backend=backend,
        upstream_model=deployment.upstream_model if deployment is not None else None,
        upstream_status=ctx.upstream.status if ctx.upstream is not None else None,
        body=ctx.body,
        usage=ctx.usage,
        reply_status=reply.status if reply is not None else None,
        reply_streamed=reply is not None and reply.stream is not None,
        reply_body=reply.body if reply is not None else b"",
        finish_reasons=ctx.finish_reasons,
        error=ctx.error,
    )
