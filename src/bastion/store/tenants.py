"""Tenant repository."""

from __future__ import annotations

import builtins
from datetime import UTC, datetime

from sqlalchemy import delete, func, select

from bastion.store.db import Database
from bastion.store.errors import ConflictError, NotFoundError
from bastion.store.ids import TENANT_PREFIX, looks_like_id, new_tenant_id
from bastion.store.invalidation import Invalidation, InvalidationHub
from bastion.store.limits import LimitsInput, dump_limits, load_limits, validate_limits
from bastion.store.models import ApiKeyRow, ConsoleSessionRow, StoredResponseRow, TenantRow
from bastion.store.names import validate_name
from bastion.store.notify import notify_in_transaction
from bastion.store.records import TenantRecord
from bastion.store.text import is_storable


def _record(row: TenantRow) -> TenantRecord:
    return TenantRecord(
        id=row.id, name=row.name, created_at=row.created_at, limits=load_limits(row.limits)
    )


class TenantRepository:
    def __init__(self, db: Database, hub: InvalidationHub) -> None:
        self._db = db
        self._hub = hub

    async def create(self, name: str, *, limits: LimitsInput = None) -> TenantRecord:
        """Create a tenant, optionally with rate limits of its own (see ``set_limits``)."""
        row = TenantRow(
            id=new_tenant_id(),
            name=validate_name(name, "tenant"),
            created_at=datetime.now(UTC),
            limits=dump_limits(validate_limits(limits)),
        )
        try:
            async with self._db.write() as session:
                session.add(row)
        except ConflictError:
            raise ConflictError(f"tenant {name!r} already exists") from None
        return _record(row)

    async def get(self, tenant_id: str) -> TenantRecord | None:
        if not is_storable(tenant_id):
            return None  # no stored id holds what the database cannot hold
        async with self._db.read() as session:
            row = await session.get(TenantRow, tenant_id)
            return None if row is None else _record(row)

    async def get_by_name(self, name: str) -> TenantRecord | None:
        if not is_storable(name):
            return None
        async with self._db.read() as session:
            row = await session.scalar(select(TenantRow).where(TenantRow.name == name))
            return None if row is None else _record(row)

    async def resolve(self, ref: str) -> TenantRecord | None:
        """A tenant by id or by name; names may never look like ids, so this is unambiguous."""
        if looks_like_id(ref, TENANT_PREFIX):
            return await self.get(ref)
        return await self.get_by_name(ref)

    async def list(self) -> builtins.list[TenantRecord]:
        async with self._db.read() as session:
            rows = await session.scalars(select(TenantRow).order_by(TenantRow.name))
            return [_record(row) for row in rows]

    async def set_limits(self, tenant_id: str, limits: LimitsInput) -> TenantRecord:
        """Set or replace a tenant's rate limits as a whole; None (or ``{}``) clears them.

        Like a revocation, the change reaches this process's authenticators at once and, on
        PostgreSQL, every other process's too; elsewhere within the cache TTL.
        """
        stored = dump_limits(validate_limits(limits))
        event = Invalidation(tenant_id=tenant_id)
        if not is_storable(tenant_id):
            raise NotFoundError(f"no tenant with id {tenant_id!r}")
        async with self._db.write() as session:
            row = await session.get(TenantRow, tenant_id)
            if row is None:
                raise NotFoundError(f"no tenant with id {tenant_id!r}")
            row.limits = stored
            await notify_in_transaction(session, event)
            record = _record(row)
        self._hub.publish(event)
        return record

    async def delete(self, tenant_id: str) -> int:
        """Delete a tenant together with all its keys (revoked or not), its stored Responses
        API answers and its console sessions; returns the key count. (Its ledger and audit
        records stay: they are the record of what it did.)

        Its keys stop authenticating at once in this process and, on PostgreSQL, in every
        process; elsewhere within the authenticators' cache TTL.
        """
        event = Invalidation(tenant_id=tenant_id)
        if not is_storable(tenant_id):
            raise NotFoundError(f"no tenant with id {tenant_id!r}")
        async with self._db.write() as session:
            if await session.get(TenantRow, tenant_id) is None:
                raise NotFoundError(f"no tenant with id {tenant_id!r}")
            count = await session.scalar(
                select(func.count()).select_from(ApiKeyRow).where(ApiKeyRow.tenant_id == tenant_id)
            )
            # Explicit rather than relying on ON DELETE CASCADE being enforced by the backend.
            await session.execute(delete(ApiKeyRow).where(ApiKeyRow.tenant_id == tenant_id))
            # What its users wrote, kept for their conversations: nobody can reach it now.
            await session.execute(
                delete(StoredResponseRow).where(StoredResponseRow.tenant_id == tenant_id)
            )
            await session.execute(
                delete(ConsoleSessionRow).where(ConsoleSessionRow.tenant_id == tenant_id)
            )
            await session.execute(delete(TenantRow).where(TenantRow.id == tenant_id))
            await notify_in_transaction(session, event)
        self._hub.publish(event)
        return count or 0
