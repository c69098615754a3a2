"""API key repository: issuing, listing, looking up and revoking keys."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from bastion.store.db import Database
from bastion.store.errors import ConflictError, InvalidInputError, NotFoundError
from bastion.store.ids import new_key_id
from bastion.store.invalidation import Invalidation, InvalidationHub
from bastion.store.keymaterial import display_prefix, generate_key, hash_key
from bastion.store.limits import LimitsInput, dump_limits, load_limits, validate_limits
from bastion.store.models import ApiKeyRow, TenantRow
from bastion.store.names import (
    ADMIN_SCOPE,
    decode_scopes,
    encode_scopes,
    normalize_scopes,
    validate_name,
)
from bastion.store.notify import notify_in_transaction
from bastion.store.records import KeyRecord
from bastion.store.text import is_storable


def _record(row: ApiKeyRow, tenant_name: str, tenant_limits: Mapping[str, Any] | None) -> KeyRecord:
    return KeyRecord(
        id=row.id,
        tenant_id=row.tenant_id,
        tenant_name=tenant_name,
        name=row.name,
        prefix=row.prefix,
        scopes=decode_scopes(row.scopes),
        created_at=row.created_at,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
        key_hash=row.key_hash,
        limits=load_limits(row.limits),
        tenant_limits=load_limits(tenant_limits),
    )


def _with_tenant() -> Select[ApiKeyRow, str, dict[str, int | float] | None]:
    return select(ApiKeyRow, TenantRow.name, TenantRow.limits).join(
        TenantRow, TenantRow.id == ApiKeyRow.tenant_id
    )


async def _with_tenant_by_id(
    session: AsyncSession, key_id: str
) -> tuple[ApiKeyRow, str, dict[str, int | float] | None]:
    """A key's row with its tenant's name and limits; NotFoundError when there is none."""
    if not is_storable(key_id):
        raise NotFoundError(f"no key with id {key_id!r}")
    found = (await session.execute(_with_tenant().where(ApiKeyRow.id == key_id))).first()
    if found is None:
        raise NotFoundError(f"no key with id {key_id!r}")
    row, tenant_name, tenant_limits = found
    return row, tenant_name, tenant_limits


# A century: a key meant to outlive that is a key that never expires (no expiry at all).
MAX_KEY_LIFETIME_DAYS = 36_500


def expiry_after(days: float, now: datetime) -> datetime:
    """The expiry of a key that lives ``days`` from ``now``."""
    if not 0 < days <= MAX_KEY_LIFETIME_DAYS:  # also refuses NaN
        raise InvalidInputError(
            f"expires_in_days must be above 0 and at most {MAX_KEY_LIFETIME_DAYS} "
            "(leave it out for a key that never expires)",
            "expires_in_days",
        )
    return now + timedelta(days=days)


def _utc_expiry(expires_at: datetime) -> datetime:
    if expires_at.tzinfo is None:
        raise InvalidInputError("expires_at must be timezone-aware", "expires_at")
    try:
        return expires_at.astimezone(UTC)
    except OverflowError:  # 9999-12-31T23:00-05:00 is past the last date Python has
        raise InvalidInputError("expires_at is out of range", "expires_at") from None


class KeyRepository:
    def __init__(self, db: Database, hub: InvalidationHub) -> None:
        self._db = db
        self._hub = hub

    async def create(
        self,
        tenant_id: str,
        name: str,
        *,
        scopes: Iterable[str] = (),
        expires_at: datetime | None = None,
        limits: LimitsInput = None,
    ) -> tuple[str, KeyRecord]:
        """Issue a key. The plaintext is returned here and never again: only its hash is kept."""
        validate_name(name, "key")
        stored = dump_limits(validate_limits(limits))
        scope_set = normalize_scopes(scopes)
        if expires_at is not None:
            expires_at = _utc_expiry(expires_at)
        plaintext = generate_key()
        row = ApiKeyRow(
            id=new_key_id(),
            tenant_id=tenant_id,
            name=name,
            key_hash=hash_key(plaintext),
            prefix=display_prefix(plaintext),
            scopes=encode_scopes(scope_set),
            is_admin=ADMIN_SCOPE in scope_set,
            created_at=datetime.now(UTC),
            expires_at=expires_at,
            revoked_at=None,
            limits=stored,
        )
        try:
            async with self._db.write() as session:
                tenant = await session.get(TenantRow, tenant_id)
                if tenant is None:
                    raise NotFoundError(f"no tenant with id {tenant_id!r}")
                tenant_name, tenant_limits = tenant.name, tenant.limits
                session.add(row)
        except ConflictError:
            raise ConflictError(
                f"tenant {tenant_id!r} already has an active key named {name!r}"
            ) from None
        return plaintext, _record(row, tenant_name, tenant_limits)

    async def get(self, key_id: str) -> KeyRecord | None:
        if not is_storable(key_id):
            return None  # no stored id holds what the database cannot hold
        async with self._db.read() as session:
            found = (await session.execute(_with_tenant().where(ApiKeyRow.id == key_id))).first()
            return None if found is None else _record(*found)

    async def get_by_hash(self, key_hash: str) -> KeyRecord | None:
        """The key (revoked and expired included) whose SHA-256 hex digest is ``key_hash``."""
        async with self._db.read() as session:
            query = _with_tenant().where(ApiKeyRow.key_hash == key_hash)
            found = (await session.execute(query)).first()
            return None if found is None else _record(*found)

    async def list(
        self, tenant_id: str | None = None, include_revoked: bool = False
    ) -> builtins.list[KeyRecord]:
        query = _with_tenant().order_by(TenantRow.name, ApiKeyRow.created_at, ApiKeyRow.id)
        if tenant_id is not None:
            query = query.where(ApiKeyRow.tenant_id == tenant_id)
        if not include_revoked:
            query = query.where(ApiKeyRow.revoked_at.is_(None))
        async with self._db.read() as session:
            return [_record(*found) for found in await session.execute(query)]

    async def revoke(self, key_id: str) -> KeyRecord:
        """Revoke a key (idempotent). The row stays, so its history remains listable."""
        event = Invalidation(key_id=key_id)
        async with self._db.write() as session:
            row, tenant_name, tenant_limits = await _with_tenant_by_id(session, key_id)
            if row.revoked_at is None:
                row.revoked_at = datetime.now(UTC)
                await notify_in_transaction(session, event)
            record = _record(row, tenant_name, tenant_limits)
        self._hub.publish(event)
        return record

    async def set_limits(self, key_id: str, limits: LimitsInput) -> KeyRecord:
        """Set or replace a key's rate limits as a whole; None (or ``{}``) clears them.

        Like a revocation, the change reaches this process's authenticators at once and, on
        PostgreSQL, every other process's too; elsewhere within the cache TTL.
        """
        stored = dump_limits(validate_limits(limits))
        event = Invalidation(key_id=key_id)
        async with self._db.write() as session:
            row, tenant_name, tenant_limits = await _with_tenant_by_id(session, key_id)
            row.limits = stored
            await notify_in_transaction(session, event)
            record = _record(row, tenant_name, tenant_limits)
        self._hub.publish(event)
        return record

    async def has_active_admin(self) -> bool:
        now = datetime.now(UTC)
        query = select(ApiKeyRow.id).where(
            ApiKeyRow.is_admin.is_(True),
            ApiKeyRow.revoked_at.is_(None),
            (ApiKeyRow.expires_at.is_(None)) | (ApiKeyRow.expires_at > now),
        )
        async with self._db.read() as session:
            return (await session.scalar(query.limit(1))) is not None
