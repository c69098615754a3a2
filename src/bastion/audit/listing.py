"""Pages of recent audit records, newest first, for the console: by row id (the primary
key), so a page costs the same however long the journal is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.store.models import AuditRecordRow

# Payload fields holding captured bodies (capture modes redacted and full).
CONTENT_FIELDS = ("request", "response")


@dataclass(frozen=True, slots=True)
class ListedRecord:
    id: int
    chain: str
    seq: int
    ts: datetime
    kind: str
    request_id: str | None
    tenant_id: str | None
    payload: dict[str, Any]

    @property
    def content_kept(self) -> list[str]:
        return [name for name in CONTENT_FIELDS if name in self.payload]

    def metadata(self) -> dict[str, Any]:
        """The payload without captured bodies."""
        return {k: v for k, v in self.payload.items() if k not in CONTENT_FIELDS}


async def recent_records(
    engine: AsyncEngine, *, before: int | None = None, limit: int = 50, tenant_id: str | None = None
) -> list[ListedRecord]:
    table = AuditRecordRow.__table__
    query = select(table).order_by(table.c.id.desc()).limit(limit)
    if before is not None:
        query = query.where(table.c.id < before)
    if tenant_id is not None:
        query = query.where(table.c.tenant_id == tenant_id)
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [_listed(row) for row in rows]


async def record_by_id(engine: AsyncEngine, record_id: int) -> ListedRecord | None:
    table = AuditRecordRow.__table__
    async with engine.connect() as conn:
        row = (await conn.execute(select(table).where(table.c.id == record_id))).first()
    return None if row is None else _listed(row)


def _listed(row: Any) -> ListedRecord:
    try:
        payload = orjson.loads(row.payload)
    except orjson.JSONDecodeError:
        payload = {"unreadable": True}
    return ListedRecord(
        id=row.id,
        chain=row.chain,
        seq=row.seq,
        ts=row.ts,
        kind=row.kind,
        request_id=row.request_id,
        tenant_id=row.tenant_id,
        payload=payload if isinstance(payload, dict) else {"value": payload},
    )
