"""Prompts shaped like recorded traffic: the usage ledger's arrival times, lengths and tenants.

The ledger keeps no prompt text, only its shape, so each recorded request becomes a synthetic
prompt of its recorded input length asking for its recorded output length, sent at its recorded
arrival offset (``replay`` load shape). Evaluation traffic and requests answered from the
cache are left out: they did not load a backend.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.bench.prompts import BenchPrompt, ListedPrompts, PromptError, words
from bastion.store.models import UsageRow

MAX_REPLAYED = 100_000


async def ledger_shapes(
    engine: AsyncEngine,
    *,
    since: datetime,
    until: datetime,
    backend: str | None = None,
    endpoint: str | None = None,
    tenants: Sequence[str] = (),
    limit: int = MAX_REPLAYED,
) -> list[tuple[datetime, int, int, str | None]]:
    """(started_at, input tokens, output tokens, tenant) of the recorded requests, in order."""
    table = UsageRow.__table__
    query = (
        select(table.c.started_at, table.c.input_tokens, table.c.output_tokens, table.c.tenant)
        .where(table.c.started_at >= since, table.c.started_at < until)
        .where(or_(table.c.purpose.is_(None), table.c.purpose != "evaluation"))
        .where(table.c.cache_status.notin_(("hit", "semantic")))
        .where(table.c.status == 200)
        .order_by(table.c.started_at)
        .limit(limit)
    )
    if backend is not None:
        query = query.where(table.c.backend == backend)
    if endpoint is not None:
        query = query.where(table.c.endpoint == endpoint)
    if tenants:
        query = query.where(table.c.tenant.in_(list(tenants)))
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [(r.started_at, int(r.input_tokens), int(r.output_tokens), r.tenant) for r in rows]


def replay_prompts(
    shapes: Sequence[tuple[datetime, int, int, str | None]],
    *,
    seed: int = 0,
    origin: dict[str, Any] | None = None,
) -> ListedPrompts:
    if not shapes:
        raise PromptError("the ledger holds no requests to replay in that window")
    first = shapes[0][0]
    prompts = []
    for index, (started, input_tokens, output_tokens, tenant) in enumerate(shapes):
        rng = random.Random(f"{seed}:replay:{index}")
        prompts.append(
            BenchPrompt(
                " ".join(words(rng, max(1, input_tokens))),
                input_tokens=max(1, input_tokens),
                max_tokens=max(1, output_tokens),
                at=(started - first).total_seconds(),
                tenant=tenant,
            )
        )
    tenants = sorted({t for *_, t in shapes if t})
    return ListedPrompts(
        tuple(prompts),
        {
            "kind": "replay",
            **(origin or {}),
            "first": first.isoformat(),
            "span_s": (shapes[-1][0] - first).total_seconds(),
            "tenants": tenants,
        },
    )
