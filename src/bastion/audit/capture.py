"""What an audit record says about a request, by capture mode.

``metadata`` (the default) records who asked for what, where it went and how it ended, with
SHA-256 digests of the request and response bodies: proof of content without keeping it.
``redacted`` adds the content with personal data and secrets masked; ``full`` adds it as is.
Content is capped at a configured size, and a cap that cut it says so.

A request sent to a backend has an *intent* (before dispatch) and a *completion* or an *abort*.
One answered before anything was sent anywhere — from the cache, or refused by a guardrail,
admission, the queue or routing, or invalid — has a single *outcome* record saying both who
asked for what and how the gateway answered, and why.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any, Literal

import orjson

from bastion.audit.chain import AuditEntry
from bastion.audit.redact import redact
from bastion.pipeline.context import RequestContext
from bastion.store.text import storable_json

CaptureMode = Literal["metadata", "redacted", "full"]


def intent_entry(ctx: RequestContext, max_content_bytes: int) -> AuditEntry:
    return _entry("intent", ctx, _request_fields(ctx, max_content_bytes))


def outcome_entry(ctx: RequestContext, kind: Literal["completion", "abort"]) -> AuditEntry:
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
        "model": ctx.model,
        "stream": ctx.stream,
        "key_id": principal.key_id if principal else None,
        "tenant": principal.tenant_name if principal else None,
        "backend": ctx.backend_name,
        "location": deployment.backend.location if deployment else None,
        "upstream_model": deployment.upstream_model if deployment else None,
        "request_sha256": hashlib.sha256(ctx.raw_body).hexdigest(),
        "request_bytes": len(ctx.raw_body),
        "capture": ctx.audit_mode,
    }
    _add_content(payload, "request", ctx.raw_body, ctx.audit_mode, max_content_bytes)
    return payload


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
        payload["response_sha256"] = log.digest.hexdigest()
        payload["response_bytes"] = log.size
        if log.captured is not None:
            body = b"".join(log.captured)
            text = body.decode("utf-8", "replace")
            payload["response"] = redact(text) if ctx.audit_mode == "redacted" else text
            payload["response_truncated"] = log.truncated
    if ctx.error is not None:
        payload["error"] = ctx.error.message
    return payload


def _add_content(
    payload: dict[str, Any], name: str, body: bytes, mode: str | None, limit: int
) -> None:
    if mode not in ("redacted", "full"):
        return
    text = body[:limit].decode("utf-8", "replace")
    payload[name] = redact(text) if mode == "redacted" else text
    payload[f"{name}_truncated"] = len(body) > limit


def _entry(kind: str, ctx: RequestContext, payload: dict[str, Any]) -> AuditEntry:
    principal = ctx.principal
    try:
        # JSON escapes NUL; the text column stores what it escapes.
        text = orjson.dumps(payload, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:  # a lone surrogate, which no database stores: replaced
        text = orjson.dumps(storable_json(payload), option=orjson.OPT_SORT_KEYS).decode()
    return AuditEntry(
        kind=kind,
        request_id=ctx.request_id,
        tenant_id=principal.tenant_id if principal else None,
        payload=text,
        ts=datetime.now(UTC),
    )
