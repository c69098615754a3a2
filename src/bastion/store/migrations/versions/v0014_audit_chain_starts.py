"""An index of the audit journal's chain start records.

A new chain names the newest record of every chain that no start record names yet, so it
reads all start records (one per process start) when it opens; the partial index keeps that
read from scanning the whole journal.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | None = None
depends_on: str | None = None

_CHAIN_START = sa.text("kind = 'chain_start'")


def upgrade() -> None:
    op.create_index(
        "ix_audit_records_chain_starts",
        "audit_records",
        ["chain"],
        sqlite_where=_CHAIN_START,
        postgresql_where=_CHAIN_START,
    )


def downgrade() -> None:
    op.drop_index("ix_audit_records_chain_starts", table_name="audit_records")
