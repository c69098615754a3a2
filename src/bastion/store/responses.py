"""Responses API answers in the ``stored_responses`` table: per tenant, until they expire.

A stored response keeps the input items its request gave and the Response object it answered
with. A request that continues from it (``previous_response_id``) follows the whole chain:
every earlier response's input and output items, oldest first, read in one recursive query.
Another tenant's response, an expired one, or a chain with such a link is not found, so ids
never leak across tenants and nothing half-expired is replayed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, literal, select

from bastion.store.db import Database
from bastion.store.models import StoredResponseRow
from bastion.store.text import is_storable

# The longest chain a request may continue: beyond it the conversation is refused, not cut.
MAX_CHAIN = 1000


@dataclass(frozen=True, slots=True)
class StoredResponse:
    id: str
    tenant_id: str
    previous_id: str | None
    created_at: datetime
    expires_at: datetime
    input_items: list[dict[str, Any]]
    response: dict[str, Any]


class ChainTooLongError(Exception):
    """The conversation has more than MAX_CHAIN stored responses."""


def _dump(value: Any) -> str:
    # JSON escapes every control character (NUL included): any text a client sent is storable.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class ResponseRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def put(self, stored: StoredResponse) -> None:
        row = {
            "id": stored.id,
            "tenant_id": stored.tenant_id,
            "previous_id": stored.previous_id,
            "created_at": stored.created_at,
            "expires_at": stored.expires_at,
            "input_items": _dump(stored.input_items),
            "response": _dump(stored.response),
        }
        async with self._db.write() as session:
            await session.execute(insert(StoredResponseRow), [row])

    async def get(
        self, tenant_id: str, response_id: str, *, now: datetime
    ) -> StoredResponse | None:
        if not is_storable(response_id):
            return None  # a client's id with a NUL names nothing stored
        query = select(StoredResponseRow).where(
            StoredResponseRow.id == response_id,
            StoredResponseRow.tenant_id == tenant_id,
            StoredResponseRow.expires_at > now,
        )
        async with self._db.read() as session:
            row = (await session.scalars(query)).first()
        return _record(row) if row is not None else None

    async def delete(self, tenant_id: str, response_id: str) -> bool:
        if not is_storable(response_id):
            return False
        query = delete(StoredResponseRow).where(
            StoredResponseRow.id == response_id, StoredResponseRow.tenant_id == tenant_id
        )
        async with self._db.write() as session:
            result = await session.execute(query)
        return bool(getattr(result, "rowcount", 0))

    async def conversation(
        self, tenant_id: str, response_id: str, *, now: datetime
    ) -> list[dict[str, Any]] | None:
        """The items a request continuing from ``response_id`` follows, oldest first: each
        stored response's input items, then its output items. None when a link is unknown,
        another tenant's or expired."""
        if not is_storable(response_id):
            return None
        table = StoredResponseRow
        columns = (table.id, table.previous_id, table.input_items, table.response)
        chain = (
            select(*columns, literal(0).label("depth"))
            .where(table.id == response_id, table.tenant_id == tenant_id, table.expires_at > now)
            .cte("chain", recursive=True)
        )
        earlier = (
            select(*columns, (chain.c.depth + 1).label("depth"))
            .join(chain, table.id == chain.c.previous_id)
            .where(table.tenant_id == tenant_id, table.expires_at > now, chain.c.depth <= MAX_CHAIN)
        )
        chain = chain.union_all(earlier)
        query = select(chain.c.previous_id, chain.c.input_items, chain.c.response).order_by(
            chain.c.depth
        )
        async with self._db.read() as session:
            rows = (await session.execute(query)).all()
        if not rows:
            return None
        if len(rows) > MAX_CHAIN:
            raise ChainTooLongError(f"the conversation has more than {MAX_CHAIN} responses")
        if rows[-1].previous_id is not None:
            return None  # the chain breaks: an earlier link expired or was deleted
        items: list[dict[str, Any]] = []
        for row in reversed(rows):
            items.extend(json.loads(row.input_items))
            items.extend(json.loads(row.response).get("output") or [])
        return items

    async def purge_expired(self, now: datetime) -> int:
        async with self._db.write() as session:
            result = await session.execute(
                delete(StoredResponseRow).where(StoredResponseRow.expires_at <= now)
            )
        return int(getattr(result, "rowcount", 0) or 0)


def _record(row: StoredResponseRow) -> StoredResponse:
    return StoredResponse(
        id=row.id,
        tenant_id=row.tenant_id,
        previous_id=row.previous_id,
        created_at=row.created_at,
        expires_at=row.expires_at,
        input_items=json.loads(row.input_items),
        response=json.loads(row.response),
    )
