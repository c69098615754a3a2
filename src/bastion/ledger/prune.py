"""Retention of the usage ledger: raw rows older than a cutoff are deleted, hourly sums stay.

The hourly rollup (``usage_hourly``) is what usage and cost reports read, so it is kept whole;
the raw rows are a request-level record that grows with traffic. Deleting them in batches keeps
each transaction short, so the journal's loader, writing to the same table, waits at most for
one batch.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.store.models import UsageRow

BATCH_ROWS = 5000


async def prune_usage_before(engine: AsyncEngine, cutoff: datetime) -> int:
    """Deletes the ledger rows of requests that finished before ``cutoff``; returns how many."""
    ledger = UsageRow.__table__.c
    deleted = 0
    while True:
        oldest = (
            select(ledger.id)
            .where(ledger.finished_at < cutoff)
            .order_by(ledger.id)
            .limit(BATCH_ROWS)
        )
        async with engine.begin() as conn:
            result = await conn.execute(delete(UsageRow).where(ledger.id.in_(oldest)))
        count = result.rowcount or 0
        deleted += count
        if count < BATCH_ROWS:
            return deleted
