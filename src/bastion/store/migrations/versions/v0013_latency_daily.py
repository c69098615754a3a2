"""Daily latency distributions (``latency_daily``): per UTC day, tenant and metric (``latency``,
``ttft``), how many requests fell in each of the live ring's buckets, so the console draws
p50, p95 and p99 per day over 90 days without reading ledger rows.

Filled from the last 90 days of the ledger with the same bucket function the loader uses from
now on (``bastion.telemetry.recent.bucket``), reading the rows in chunks.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from alembic import op

from bastion.telemetry.recent import bucket

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | None = None
depends_on: str | None = None

_TS = sa.DateTime(timezone=True)
_BACKFILL = timedelta(days=91)


def upgrade() -> None:
    op.create_table(
        "latency_daily",
        sa.Column("day", _TS, nullable=False),
        sa.Column("tenant_id", sa.String(32), nullable=False),
        sa.Column("metric", sa.String(8), nullable=False),
        sa.Column("bucket", sa.Integer(), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", "tenant_id", "metric", "bucket", name="pk_latency_daily"),
    )
    _backfill(op.get_bind())


def _backfill(conn: sa.Connection) -> None:
    ledger = sa.table(
        "usage_ledger",
        sa.column("finished_at", _TS),
        sa.column("tenant_id", sa.String()),
        sa.column("total_ms", sa.Float()),
        sa.column("ttft_ms", sa.Float()),
    )
    since = datetime.now(UTC) - _BACKFILL
    query = sa.select(
        ledger.c.finished_at, ledger.c.tenant_id, ledger.c.total_ms, ledger.c.ttft_ms
    ).where(ledger.c.finished_at >= since)
    counts: dict[tuple[date, str, str, int], int] = {}
    for finished, tenant, total_ms, ttft_ms in conn.execute(
        query.execution_options(yield_per=10_000)
    ):
        day = (finished if finished.tzinfo else finished.replace(tzinfo=UTC)).astimezone(UTC)
        key = (day.date(), tenant or "", "latency", bucket(total_ms / 1000))
        counts[key] = counts.get(key, 0) + 1
        if ttft_ms is not None:
            key = (day.date(), tenant or "", "ttft", bucket(ttft_ms / 1000))
            counts[key] = counts.get(key, 0) + 1
    naive = conn.dialect.name == "sqlite"  # SQLite keeps naive UTC, as the models do
    rows = [
        {
            "day": datetime(d.year, d.month, d.day, tzinfo=None if naive else UTC),
            "tenant_id": tenant,
            "metric": metric,
            "bucket": index,
            "count": count,
        }
        for (d, tenant, metric, index), count in counts.items()
    ]
    table = sa.table(
        "latency_daily",
        sa.column("day", _TS),
        sa.column("tenant_id", sa.String()),
        sa.column("metric", sa.String()),
        sa.column("bucket", sa.Integer()),
        sa.column("count", sa.BigInteger()),
    )
    for start in range(0, len(rows), 10_000):
        conn.execute(table.insert(), rows[start : start + 10_000])


def downgrade() -> None:
    op.drop_table("latency_daily")
