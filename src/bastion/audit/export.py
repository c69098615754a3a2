"""Export of audit records as JSON Lines, filtered by time and tenant."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.audit.chain import iso
from bastion.store.models import AuditRecordRow

_PAGE = 5000


async def export_lines(
    engine: AsyncEngine,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    tenant_id: str | None = None,
) -> AsyncIterator[bytes]:
    """Records in write order, one JSON object per line, with their chain links.

    Paged by row id, so an export of any size runs in bounded memory.
    """
    table = AuditRecordRow.__table__
    last_id = 0
    while True:
        query = select(table).where(table.c.id > last_id).order_by(table.c.id).limit(_PAGE)
        if since is not None:
            query = query.where(table.c.ts >= since)
        if until is not None:
            query = query.where(table.c.ts < until)
        if tenant_id is not None:
            query = query.where(table.c.tenant_id == tenant_id)
        async with engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        if not rows:
            return
        for row in rows:
            yield orjson.dumps(_line(row)) + b"\n"
        last_id = rows[-1].id


def _line(row: Any) -> dict[str, Any]:
    return {
        "chain": row.chain,
        "seq": row.seq,
        "segment": row.segment,
        "ts": iso(row.ts),
        "kind": row.kind,
        "request_id": row.request_id,
        "tenant_id": row.tenant_id,
        "payload": orjson.loads(row.payload),
        "prev_hash": row.prev_hash,
        "hash": row.hash,
    }
