"""The ledger row of a finished request."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from bastion.pipeline.context import RequestContext

# A client says why it made a request; only the purposes listed are recorded.
PURPOSE_HEADER = "x-bastion-purpose"
PURPOSES = frozenset({"evaluation"})


def purpose_of(headers: Mapping[str, str]) -> str | None:
    """The request's declared purpose (``x-bastion-purpose``), None for ordinary traffic."""
    value = headers.get(PURPOSE_HEADER)
    if value is None:
        return None
    value = value.strip().lower()
    return value if value in PURPOSES else None


def ledger_row(ctx: RequestContext, finished_at: datetime) -> dict[str, Any]:
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
        "model": ctx.model[:200],
        "backend": ctx.backend_name,
        "location": deployment.backend.location if deployment else "none",
        "upstream_model": deployment.upstream_model[:200] if deployment else "",
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
        "purpose": purpose_of(ctx.headers),
    }
