"""The journal's quarantine of refused records, and the database's identity.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

_ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "journal_quarantine",
        sa.Column("id", _ROW_ID, autoincrement=True, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("quarantined_at", _TS, nullable=False),
        sa.Column("source", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_journal_quarantine"),
        sa.UniqueConstraint("digest", name="uq_journal_quarantine_digest"),
    )
    identity = op.create_table(
        "bastion_identity",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_bastion_identity"),
    )
    now = datetime.now(UTC)
    if op.get_context().dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # stored naive UTC there, as UTCDateTime does
    op.bulk_insert(identity, [{"id": "db_" + secrets.token_hex(12), "created_at": now}])


def downgrade() -> None:
    op.drop_table("bastion_identity")
    op.drop_table("journal_quarantine")
