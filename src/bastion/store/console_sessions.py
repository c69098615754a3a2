"""Console sessions in ``console_sessions``: created at sign-in, read on every console page
(one query, joined with the key that signed in), deleted at sign-out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select

from bastion.store.db import Database
from bastion.store.models import ApiKeyRow, ConsoleSessionRow


@dataclass(frozen=True, slots=True)
class ConsoleSession:
    token_hash: str
    created_at: datetime
    expires_at: datetime
    key_id: str
    tenant_id: str
    tenant_name: str
    is_admin: bool
    # The key as it is now: None when no stored key has this id (the environment's admin key,
    # or a key deleted with its tenant).
    key_revoked_at: datetime | None
    key_expires_at: datetime | None
    key_stored: bool

    def key_active(self, now: datetime) -> bool:
        if not self.key_stored:
            return False
        expired = self.key_expires_at is not None and self.key_expires_at <= now
        return self.key_revoked_at is None and not expired


class ConsoleSessionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(
        self,
        token_hash: str,
        *,
        key_id: str,
        tenant_id: str,
        tenant_name: str,
        is_admin: bool,
        lifetime: timedelta,
    ) -> datetime:
        """Stores a session; its expiry. Sessions already expired are deleted on the way (at
        sign-in, so the table holds live sessions and a few stale ones, never a history)."""
        now = datetime.now(UTC)
        expires_at = now + lifetime
        async with self._db.write() as session:
            await session.execute(
                delete(ConsoleSessionRow).where(ConsoleSessionRow.expires_at <= now)
            )
            session.add(
                ConsoleSessionRow(
                    token_hash=token_hash,
                    created_at=now,
                    expires_at=expires_at,
                    key_id=key_id,
                    tenant_id=tenant_id,
                    tenant_name=tenant_name,
                    is_admin=is_admin,
                )
            )
        return expires_at

    async def get(self, token_hash: str) -> ConsoleSession | None:
        """The session (expired ones included: the caller tells them apart)."""
        query = (
            select(ConsoleSessionRow, ApiKeyRow.id, ApiKeyRow.revoked_at, ApiKeyRow.expires_at)
            .outerjoin(ApiKeyRow, ApiKeyRow.id == ConsoleSessionRow.key_id)
            .where(ConsoleSessionRow.token_hash == token_hash)
        )
        async with self._db.read() as session:
            found = (await session.execute(query)).first()
        if found is None:
            return None
        row, stored_id, revoked_at, expires_at = found
        return ConsoleSession(
            token_hash=row.token_hash,
            created_at=row.created_at,
            expires_at=row.expires_at,
            key_id=row.key_id,
            tenant_id=row.tenant_id,
            tenant_name=row.tenant_name,
            is_admin=row.is_admin,
            key_revoked_at=revoked_at,
            key_expires_at=expires_at,
            key_stored=stored_id is not None,
        )

    async def delete(self, token_hash: str) -> None:
        async with self._db.write() as session:
            await session.execute(
                delete(ConsoleSessionRow).where(ConsoleSessionRow.token_hash == token_hash)
            )

    async def expire(self, token_hash: str, at: datetime) -> None:
        """Moves a session's end (tests of expiry; an operator ending a session early)."""
        async with self._db.write() as session:
            row = await session.get(ConsoleSessionRow, token_hash)
            if row is not None:
                row.expires_at = at
