"""Rows bound for the database, their spool encoding, and their idempotent insertion."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from bastion.ledger.rollup import rollup_rows, rollup_statement
from bastion.store.models import AuditCheckpointRow, AuditRecordRow, JournalSpoolRow, UsageRow

# Columns holding datetimes, restored from ISO text when a spool line is read back.
_TIMES = {
    "l": ("started_at", "finished_at"),
    "a": ("ts",),
    "c": ("first_ts", "last_ts", "created_at"),
}


@dataclass(slots=True)
class Rows:
    ledger: list[Mapping[str, Any]] = field(default_factory=list)
    audit: list[Mapping[str, Any]] = field(default_factory=list)
    checkpoints: list[Mapping[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.ledger or self.audit or self.checkpoints)

    def extend(self, other: Rows) -> None:
        self.ledger.extend(other.ledger)
        self.audit.extend(other.audit)
        self.checkpoints.extend(other.checkpoints)

    def encode(self) -> bytes:
        """One spool line (JSON, newline-terminated)."""
        return orjson.dumps({"l": self.ledger, "a": self.audit, "c": self.checkpoints}) + b"\n"

    @classmethod
    def decode(cls, line: bytes) -> Rows:
        raw = orjson.loads(line)
        parts: dict[str, list[Mapping[str, Any]]] = {}
        for key, columns in _TIMES.items():
            rows = raw.get(key) or []
            for row in rows:
                for column in columns:
                    row[column] = datetime.fromisoformat(row[column])
            parts[key] = rows
        return cls(parts["l"], parts["a"], parts["c"])


async def insert_rows(conn: AsyncConnection, rows: Rows) -> None:
    """Inserts ``rows``; a row already present (a replayed spool line) is skipped, not doubled.

    The hourly rollup only adds the ledger rows that were actually new.
    """
    dialect = conn.dialect.name
    if rows.ledger:
        statement = (
            _insert(dialect, UsageRow)
            .on_conflict_do_nothing(index_elements=["request_id"])
            .returning(UsageRow.request_id)
        )
        inserted = set((await conn.execute(statement, rows.ledger)).scalars())
        new = [row for row in rows.ledger if row["request_id"] in inserted]
        if new:
            await conn.execute(rollup_statement(dialect), rollup_rows(new))
    if rows.audit:
        statement = _insert(dialect, AuditRecordRow).on_conflict_do_nothing(
            index_elements=["chain", "seq"]
        )
        await conn.execute(statement, rows.audit)
    if rows.checkpoints:
        statement = _insert(dialect, AuditCheckpointRow).on_conflict_do_nothing(
            index_elements=["chain", "segment"]
        )
        await conn.execute(statement, rows.checkpoints)


async def record_spool_progress(conn: AsyncConnection, name: str, loaded_bytes: int) -> None:
    statement = _insert(conn.dialect.name, JournalSpoolRow).values(
        name=name, loaded_bytes=loaded_bytes
    )
    await conn.execute(
        statement.on_conflict_do_update(
            index_elements=["name"], set_={"loaded_bytes": loaded_bytes}
        )
    )


def _insert(dialect: str, table: Any) -> Any:
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise ValueError(f"unsupported database dialect {dialect}")
