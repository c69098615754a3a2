"""Rate limits per tenant and per key, set through the admin API.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

# JSONB on PostgreSQL, JSON (text) on SQLite; NULL: no limits of its own.
_LIMITS = sa.JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")


def upgrade() -> None:
    op.add_column("tenants", sa.Column("limits", _LIMITS, nullable=True))
    op.add_column("api_keys", sa.Column("limits", _LIMITS, nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+): a batch copy of ``tenants`` would drop the
    # table, and with foreign keys on that deletes every key through ON DELETE CASCADE.
    op.drop_column("api_keys", "limits")
    op.drop_column("tenants", "limits")
