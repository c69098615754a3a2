"""What a request leaves on record, built from its context: its ledger row, its audit records
and what its trace span is made of.

The services that keep these records take plain values and never see a ``RequestContext``
(``ledger``, ``audit`` and ``telemetry`` do not import the pipeline): the journal gets a row
and ``AuditEntry`` records, whose content the capture mode decides (``audit.capture``), and the
tracer a ``TracedRequest``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from bastion.audit.capture import audit_entry, request_fields, response_fields
from bastion.audit.chain import AuditEntry
from bastion.guardrails.recognizers import scan
from bastion.ledger.record import purpose_of
from bastion.pipeline.context import RequestContext
from bastion.protocols.errors import QUOTED_NAME_CHARS, quoted_name
from bastion.telemetry.tracing import TracedBackend, TracedRequest

# Names a client chooses (the model it asks for, and the upstream model a wildcard backend
# passes it on as) are kept to this many characters in the ledger and the audit journal alike,
# so a record names a request's model as its ledger row does; a body may hold megabytes of one.
# The same cut as an error message quoting a name makes (protocols/errors.py).
MAX_NAME_CHARS = QUOTED_NAME_CHARS
# An error message may quote what the client sent (a model, a role, a content type): kept to
# this many characters in the audit journal, enough for any message quoting a name cut as above.
MAX_ERROR_CHARS = 1000
_CUT = "\u2026"


def ledger_row(ctx: RequestContext, finished_at: datetime) -> dict[str, Any]:
    """The request's row in the usage ledger."""
    finished = ctx.finished if ctx.finished is not None else ctx.started
    principal = ctx.principal
    deployment = ctx.deployment
    usage = ctx.usage
    return {
        "request_id": ctx.request_id,
        "started_at": datetime.fromtimestamp(ctx.arrived_at, UTC),
        "finished_at": finished_at,
        "tenant_id": principal.tenant_id if principal else None,
        "tenant": principal.tenant_name if principal else None,
        "key_id": principal.key_id if principal else None,
        "endpoint": ctx.operation.value,
        "model": ctx.model[:MAX_NAME_CHARS],
        "backend": ctx.backend_name,
        "location": deployment.backend.location if deployment else "none",
        "upstream_model": deployment.upstream_model[:MAX_NAME_CHARS] if deployment else "",
        "stream": ctx.stream,
        "status": ctx.status,
        "outcome": ctx.outcome,
        "input_tokens": usage.input_tokens if usage else 0,
        "cached_input_tokens": usage.cached_input_tokens if usage else 0,
        "output_tokens": usage.output_tokens if usage else 0,
        "usage_estimated": usage.estimated if usage else False,
        "queue_ms": round(ctx.queued_seconds * 1000, 3),
        "ttft_ms": (
            round((ctx.first_chunk_at - ctx.started) * 1000, 3)
            if ctx.first_chunk_at is not None
            else None
        ),
        "total_ms": round((finished - ctx.started) * 1000, 3),
        "cache_status": ctx.cache_status,
        # Only an admin key's requests (evaluation runs, contract checks) may leave the cost
        # reports: a tenant saying so would take its own traffic out of its chargeback.
        "purpose": purpose_of(ctx.headers)
        if principal is not None and principal.is_admin
        else None,
    }


def intent_entry(ctx: RequestContext, max_content_bytes: int) -> AuditEntry:
    """The write-ahead record of a request about to be sent to a backend."""
    return _entry("intent", ctx, _request_fields(ctx, max_content_bytes))


def outcome_entry(ctx: RequestContext, kind: Literal["completion", "abort"]) -> AuditEntry:
    """How a request that had its intent recorded ended."""
    return _entry(kind, ctx, _outcome_fields(ctx))


def answer_entry(ctx: RequestContext, max_content_bytes: int) -> AuditEntry:
    """The one record of a request answered before anything was sent to a backend: the
    intent's fields, the completion's, the stage that answered, its decision
    (``served_from_cache``, ``blocked``, ``denied``, ``refused``, ``invalid``; ``abandoned``
    when the client left first, ``failed``) and the error's code as the reason."""
    payload = _request_fields(ctx, max_content_bytes)
    payload.update(_outcome_fields(ctx))
    payload["answered_by"] = ctx.answered_by or None
    payload["cache_status"] = ctx.cache_status
    payload["decision"] = _decision(ctx)
    if ctx.error is not None:
        payload["reason"] = ctx.error.code
    return _entry("outcome", ctx, payload)


def _decision(ctx: RequestContext) -> str:
    """What the gateway decided, by the stage that answered (and, for routing, the status:
    an unknown model is an invalid request, a rule or a data class that keeps it home a
    denial)."""
    stage = ctx.answered_by
    if stage == "cache":
        return "served_from_cache"
    if stage == "inspect":
        return "blocked"
    if stage in ("admit", "queue", "audit"):
        return "refused"
    if stage == "route":
        return "invalid" if ctx.status in (400, 404) else "denied"
    if stage in ("parse", "conversation") and ctx.status < 500:
        return "invalid"
    return "abandoned" if ctx.outcome == "client_disconnected" else "failed"


def _request_fields(ctx: RequestContext, max_content_bytes: int) -> dict[str, Any]:
    principal = ctx.principal
    deployment = ctx.deployment
    payload: dict[str, Any] = {
        "endpoint": ctx.operation.value,
        "model": ctx.model[:MAX_NAME_CHARS],
        "stream": ctx.stream,
        "key_id": principal.key_id if principal else None,
        "tenant": principal.tenant_name if principal else None,
        "backend": ctx.backend_name,
        "location": deployment.backend.location if deployment else None,
        "upstream_model": deployment.upstream_model[:MAX_NAME_CHARS] if deployment else None,
    }
    payload.update(
        request_fields(ctx.raw_body, ctx.audit_mode, max_content_bytes, find=_found_by_the_scan)
    )
    return payload


def _found_by_the_scan(text: str) -> list[tuple[int, int, str]]:
    """What the guardrails' scan finds in ``text``, for the audit's ``redacted`` mode: every
    kind, whatever the request's own guardrail policy."""
    return [(finding.start, finding.end, finding.kind) for finding in scan(text)]


def _outcome_fields(ctx: RequestContext) -> dict[str, Any]:
    usage = ctx.usage
    payload: dict[str, Any] = {
        "status": ctx.status,
        "outcome": ctx.outcome,
        "usage": (
            {
                "input_tokens": usage.input_tokens,
                "cached_input_tokens": usage.cached_input_tokens,
                "output_tokens": usage.output_tokens,
                "estimated": usage.estimated,
            }
            if usage is not None
            else None
        ),
    }
    log = ctx.response_log
    if log is not None:
        digest = log.digest.hexdigest()
        payload.update(
            response_fields(
                digest,
                log.size,
                log.captured,
                log.truncated,
                ctx.audit_mode,
                find=_found_by_the_scan,
            )
        )
    if ctx.error is not None:
        payload["error"] = _bounded_error(ctx.error.message, ctx.model)
    return payload


def _bounded_error(message: str, model: str) -> str:
    """``message`` as the audit keeps it: a model name it quotes cut to the record's ``model``
    field, and the whole kept to ``MAX_ERROR_CHARS``; an ellipsis marks each cut."""
    if len(model) > MAX_NAME_CHARS and model in message:
        message = message.replace(model, quoted_name(model))
    if len(message) > MAX_ERROR_CHARS:
        message = message[: MAX_ERROR_CHARS - 1] + _CUT
    return message


def _entry(kind: str, ctx: RequestContext, payload: dict[str, Any]) -> AuditEntry:
    principal = ctx.principal
    tenant_id = principal.tenant_id if principal else None
    return audit_entry(kind, ctx.request_id, tenant_id, payload)


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
        model=ctx.model[:MAX_NAME_CHARS],
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
