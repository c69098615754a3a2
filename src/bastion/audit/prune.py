"""Retention: whole sealed segments are deleted; their checkpoints stay as anchors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.store.models import AuditCheckpointRow, AuditRecordRow


@dataclass(frozen=True, slots=True)
class PruneResult:
    segments: int
    records: int


async def prune_before(engine: AsyncEngine, cutoff: datetime) -> PruneResult:
    """Deletes the records of sealed segments whose newest record is older than ``cutoff``.

    Per chain, oldest first and without gaps, so verification of what remains starts at the
    last pruned segment's checkpoint. Open (unsealed) segments are never pruned.
    """
    checkpoints = AuditCheckpointRow.__table__
    records = AuditRecordRow.__table__
    segments = 0
    deleted = 0
    async with engine.begin() as conn:
        rows = (
            await conn.execute(
                select(
                    checkpoints.c.chain,
                    checkpoints.c.segment,
                    checkpoints.c.first_seq,
                    checkpoints.c.last_seq,
                    checkpoints.c.last_ts,
                    checkpoints.c.pruned_at,
                ).order_by(checkpoints.c.chain, checkpoints.c.segment)
            )
        ).all()
        blocked: set[str] = set()
        now = datetime.now(UTC)
        for row in rows:
            if row.pruned_at is not None or row.chain in blocked:
                continue
            if row.last_ts >= cutoff:
                blocked.add(row.chain)  # later segments of this chain are newer still
                continue
            result = await conn.execute(
                delete(AuditRecordRow).where(
                    # By seq range: served by the (chain, seq) unique index.
                    records.c.chain == row.chain,
                    records.c.seq.between(row.first_seq, row.last_seq),
                )
            )
            deleted += result.rowcount or 0
            await conn.execute(
                update(AuditCheckpointRow)
                .where(checkpoints.c.chain == row.chain, checkpoints.c.segment == row.segment)
                .values(pruned_at=now)
            )
            segments += 1
    return PruneResult(segments, deleted)
