"""The database's identity: a random id made when the schema was created (or first asked).

Spool files carry it in their first line, so a loader can tell its own database's files from
another's (a copied directory, a test run against another database in the same checkout).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.store.models import DatabaseIdentityRow

PREFIX = "db_"


async def database_id(engine: AsyncEngine) -> str:
    """This database's identity; made now if the row is missing (the oldest one wins)."""
    query = select(DatabaseIdentityRow.id).order_by(DatabaseIdentityRow.created_at).limit(1)
    async with engine.connect() as conn:
        found = (await conn.execute(query)).scalar()
    if found is not None:
        return str(found)
    async with engine.begin() as conn:
        row = {"id": PREFIX + secrets.token_hex(12), "created_at": datetime.now(UTC)}
        await conn.execute(insert(DatabaseIdentityRow), [row])
    async with engine.connect() as conn:  # two processes may have raced: the oldest stands
        return str((await conn.execute(query)).scalar_one())
