"""Publishing invalidations from inside a write transaction."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bastion.store.invalidation import CHANNEL, Invalidation


async def notify_in_transaction(session: AsyncSession, event: Invalidation) -> None:
    """On PostgreSQL, queue a NOTIFY that is delivered only if the transaction commits."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(select(func.pg_notify(CHANNEL, event.to_payload())))
