"""Usage ledger with its hourly rollup, the audit journal, and spool loading progress.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "usage_ledger",
        sa.Column("id", _ROW_ID, autoincrement=True, nullable=False),
        sa.Column("request_id", sa.String(40), nullable=False),
        sa.Column("started_at", _TS, nullable=False),
        sa.Column("finished_at", _TS, nullable=False),
        sa.Column("tenant_id", sa.String(32), nullable=True),
        sa.Column("tenant", sa.String(64), nullable=True),
        sa.Column("key_id", sa.String(32), nullable=True),
        sa.Column("endpoint", sa.String(32), nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("backend", sa.String(64), nullable=False),
        sa.Column("location", sa.String(16), nullable=False),
        sa.Column("upstream_model", sa.String(200), nullable=False),
        sa.Column("stream", sa.Boolean(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("input_tokens", sa.Integer(), nullable=False),
        sa.Column("cached_input_tokens", sa.Integer(), nullable=False),
        sa.Column("output_tokens", sa.Integer(), nullable=False),
        sa.Column("usage_estimated", sa.Boolean(), nullable=False),
        sa.Column("queue_ms", sa.Float(), nullable=False),
        sa.Column("ttft_ms", sa.Float(), nullable=True),
        sa.Column("total_ms", sa.Float(), nullable=False),
        sa.Column("cache_status", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_usage_ledger"),
        sa.UniqueConstraint("request_id", name="uq_usage_ledger_request_id"),
    )
    op.create_index("ix_usage_ledger_finished_at", "usage_ledger", ["finished_at"])
    op.create_index("ix_usage_ledger_tenant_finished", "usage_ledger", ["tenant_id", "finished_at"])
    op.create_index("ix_usage_ledger_backend_finished", "usage_ledger", ["backend", "finished_at"])
    op.create_table(
        "usage_hourly",
        sa.Column("hour", _TS, nullable=False),
        sa.Column("tenant_id", sa.String(32), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("endpoint", sa.String(32), nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("backend", sa.String(64), nullable=False),
        sa.Column("location", sa.String(16), nullable=False),
        sa.Column("requests", sa.BigInteger(), nullable=False),
        sa.Column("errors", sa.BigInteger(), nullable=False),
        sa.Column("input_tokens", sa.BigInteger(), nullable=False),
        sa.Column("cached_input_tokens", sa.BigInteger(), nullable=False),
        sa.Column("output_tokens", sa.BigInteger(), nullable=False),
        sa.Column("estimated_requests", sa.BigInteger(), nullable=False),
        sa.Column("busy_ms", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint(
            "hour", "tenant_id", "key_id", "endpoint", "model", "backend", name="pk_usage_hourly"
        ),
    )
    op.create_table(
        "audit_records",
        sa.Column("id", _ROW_ID, autoincrement=True, nullable=False),
        sa.Column("chain", sa.String(40), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("segment", sa.Integer(), nullable=False),
        sa.Column("ts", _TS, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("request_id", sa.String(40), nullable=True),
        sa.Column("tenant_id", sa.String(32), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_records"),
        sa.UniqueConstraint("chain", "seq", name="uq_audit_records_chain_seq"),
    )
    op.create_index("ix_audit_records_ts", "audit_records", ["ts"])
    op.create_index("ix_audit_records_request_id", "audit_records", ["request_id"])
    op.create_table(
        "audit_checkpoints",
        sa.Column("chain", sa.String(40), nullable=False),
        sa.Column("segment", sa.Integer(), nullable=False),
        sa.Column("first_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.Column("first_ts", _TS, nullable=False),
        sa.Column("last_ts", _TS, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("key_id", sa.String(16), nullable=True),
        sa.Column("signature", sa.String(64), nullable=True),
        sa.Column("pruned_at", _TS, nullable=True),
        sa.PrimaryKeyConstraint("chain", "segment", name="pk_audit_checkpoints"),
    )

    op.create_table(
        "journal_spools",
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("loaded_bytes", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_journal_spools"),
    )


def downgrade() -> None:
    op.drop_table("journal_spools")
    op.drop_table("audit_checkpoints")
    op.drop_table("audit_records")
    op.drop_table("usage_hourly")
    op.drop_table("usage_ledger")
