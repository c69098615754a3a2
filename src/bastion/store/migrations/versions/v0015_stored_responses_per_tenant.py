"""Stored Responses API answers keyed by tenant and id.

The id alone was the key: an engine that passes its own Responses API ids through could give
two tenants the same id, and the second tenant's answer was then delivered unstored. Each
tenant now has its own id space; lookups already named the tenant.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # Batch mode: SQLite cannot alter a primary key in place (the table is copied there).
    with op.batch_alter_table("stored_responses") as batch:
        batch.drop_constraint("pk_stored_responses", type_="primary")
        batch.create_primary_key("pk_stored_responses", ["tenant_id", "id"])


def downgrade() -> None:
    with op.batch_alter_table("stored_responses") as batch:
        batch.drop_constraint("pk_stored_responses", type_="primary")
        batch.create_primary_key("pk_stored_responses", ["id"])
