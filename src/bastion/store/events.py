"""Admin events in the ``admin_events`` table (see bastion.events)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, or_, select

from bastion.events import AdminEvent
from bastion.store.db import Database
from bastion.store.models import AdminEventRow
from bastion.store.text import is_storable, storable_json, storable_text


class EventRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, events: Sequence[AdminEvent]) -> None:
        if not events:
            return
        # Events name tenants and quote what was seen: text the database refuses (NUL, also
        # as the JSONB escape \u0000) is replaced rather than losing the batch.
        rows = [
            {
                "ts": event.time,
                "kind": storable_text(event.kind),
                "tenant_id": event.tenant_id,
                "tenant": storable_text(event.tenant) if event.tenant is not None else None,
                "message": storable_text(event.message),
                "details": storable_json(event.details),
            }
            for event in events
        ]
        async with self._db.write() as session:
            await session.execute(insert(AdminEventRow), rows)

    async def recent(
        self, *, kind: str | None = None, tenant: str | None = None, limit: int = 100
    ) -> list[AdminEvent]:
        """Newest first; ``tenant`` is a tenant's name or id."""
        if any(value is not None and not is_storable(value) for value in (kind, tenant)):
            return []  # nothing stored holds what the database cannot hold
        query = select(AdminEventRow)
        if kind is not None:
            query = query.where(AdminEventRow.kind == kind)
        if tenant is not None:
            query = query.where(
                or_(AdminEventRow.tenant == tenant, AdminEventRow.tenant_id == tenant)
            )
        query = query.order_by(AdminEventRow.ts.desc(), AdminEventRow.id.desc()).limit(limit)
        async with self._db.read() as session:
            rows = (await session.scalars(query)).all()
        return [
            AdminEvent(
                kind=row.kind,
                message=row.message,
                tenant=row.tenant,
                tenant_id=row.tenant_id,
                details=dict(row.details or {}),
                time=row.ts,
            )
            for row in rows
        ]
