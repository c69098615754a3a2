"""Daily sums of the ledger (``usage_daily``): the console's windows of days read one row per
day, tenant, endpoint, model, backend and purpose instead of one per hour and key.

Filled from both hourly rollups (they hold every loaded request), summed per UTC day in the
database. A gateway of the previous version, still running against the same database, does
not write it: its requests are missing from the daily sums until it is upgraded.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | None = None
depends_on: str | None = None

_TS = sa.DateTime(timezone=True)
_SUMS = (
    "requests",
    "errors",
    "input_tokens",
    "cached_input_tokens",
    "output_tokens",
    "estimated_requests",
    "busy_ms",
)


def upgrade() -> None:
    op.create_table(
        "usage_daily",
        sa.Column("day", _TS, nullable=False),
        sa.Column("tenant_id", sa.String(32), nullable=False),
        sa.Column("endpoint", sa.String(32), nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("backend", sa.String(64), nullable=False),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("location", sa.String(16), nullable=False),
        *(sa.Column(name, sa.BigInteger(), nullable=False) for name in _SUMS[:-1]),
        sa.Column("busy_ms", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint(
            "day", "tenant_id", "endpoint", "model", "backend", "purpose", name="pk_usage_daily"
        ),
    )
    conn = op.get_bind()
    for source, purpose in (("usage_hourly", "''"), ("usage_hourly_evaluation", "'evaluation'")):
        conn.execute(sa.text(_fill(source, purpose, conn.dialect.name)))


def _fill(source: str, purpose: str, dialect: str) -> str:
    if dialect == "postgresql":
        # Midnight UTC of the hour's UTC day, whatever the session's time zone.
        day = "date_trunc('day', hour AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"
    else:
        day = "substr(hour, 1, 10) || ' 00:00:00.000000'"  # naive UTC text, as the models
    sums = ", ".join(f"sum({name})" for name in _SUMS)
    names = ", ".join(_SUMS)
    return (
        "INSERT INTO usage_daily (day, tenant_id, endpoint, model, backend, purpose, location, "  # noqa: S608 (names are ours)
        f"{names}) SELECT {day}, tenant_id, endpoint, model, backend, {purpose}, "
        f"max(location), {sums} FROM {source} "
        f"GROUP BY {day}, tenant_id, endpoint, model, backend"
    )


def downgrade() -> None:
    op.drop_table("usage_daily")
