"""Benchmark runs (``bastion bench``) and the capacities they measured for backends.

Only new tables: a gateway of the previous version, still running against the same database,
is not affected.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "bench_runs",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("finished_at", _TS, nullable=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("api", sa.String(16), nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("requests", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_bench_runs"),
    )
    op.create_index("ix_bench_runs_created_at", "bench_runs", ["created_at"])
    op.create_table(
        "bench_capacity",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("backend", sa.String(64), nullable=False),
        sa.Column("recorded_at", _TS, nullable=False),
        sa.Column("run_id", sa.String(40), nullable=False),
        sa.Column("hardware", sa.String(200), nullable=True),
        sa.Column("gpus", sa.Integer(), nullable=False),
        sa.Column("tokens_per_second", sa.Float(), nullable=False),
        sa.Column("tokens_per_second_per_gpu", sa.Float(), nullable=False),
        sa.Column("output_tokens_per_second", sa.Float(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_bench_capacity"),
    )
    op.create_index("ix_bench_capacity_backend", "bench_capacity", ["backend", "recorded_at"])


def downgrade() -> None:
    op.drop_index("ix_bench_capacity_backend", table_name="bench_capacity")
    op.drop_table("bench_capacity")
    op.drop_index("ix_bench_runs_created_at", table_name="bench_runs")
    op.drop_table("bench_runs")
