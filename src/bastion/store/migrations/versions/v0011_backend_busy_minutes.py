"""Busy seconds per backend and minute (``backend_busy_minutes``), so the economics report's
utilisation over days reads one row per minute instead of every ledger row.

A new table, filled from the last 31 days of the ledger (the longest window the console
offers is 30 days) by the same arithmetic the loader uses from now on. A gateway of the
previous version, still running against the same database, does not write it: its requests'
busy time is missing until it is upgraded.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

from bastion.store.busy import busy_minutes

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | None = None
depends_on: str | None = None

_TS = sa.DateTime(timezone=True)
_BACKFILL = timedelta(days=31)


def upgrade() -> None:
    op.create_table(
        "backend_busy_minutes",
        sa.Column("backend", sa.String(64), nullable=False),
        sa.Column("minute", _TS, nullable=False),
        sa.Column("seconds", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("backend", "minute", name="pk_backend_busy_minutes"),
    )
    _backfill(op.get_bind())


def _backfill(conn: sa.Connection) -> None:
    ledger = sa.table(
        "usage_ledger",
        sa.column("backend", sa.String()),
        sa.column("started_at", _TS),
        sa.column("finished_at", _TS),
        sa.column("purpose", sa.String()),
    )
    since = datetime.now(UTC) - _BACKFILL
    query = sa.select(ledger.c.backend, ledger.c.started_at, ledger.c.finished_at).where(
        ledger.c.purpose.is_(None), ledger.c.finished_at >= since
    )
    masks: dict[tuple[str, int], int] = {}
    for backend, started, finished in conn.execute(query.execution_options(yield_per=10_000)):
        for minute, mask in busy_minutes(_epoch(started), _epoch(finished)):
            key = (backend, minute)
            masks[key] = masks.get(key, 0) | mask
    naive = conn.dialect.name == "sqlite"  # SQLite keeps naive UTC, as the models do
    rows = [
        {
            "backend": backend,
            "minute": datetime.fromtimestamp(minute, UTC).replace(tzinfo=None if naive else UTC),
            "seconds": mask,
        }
        for (backend, minute), mask in masks.items()
    ]
    table = sa.table(
        "backend_busy_minutes",
        sa.column("backend", sa.String()),
        sa.column("minute", _TS),
        sa.column("seconds", sa.BigInteger()),
    )
    for start in range(0, len(rows), 10_000):
        conn.execute(table.insert(), rows[start : start + 10_000])


def _epoch(moment: datetime) -> float:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def downgrade() -> None:
    op.drop_table("backend_busy_minutes")
