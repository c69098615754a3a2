"""Rows bound for the database, their spool encoding, and their idempotent insertion."""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import FromClause, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bastion.ledger.rollup import upsert_rollups
from bastion.store.models import AuditCheckpointRow, AuditRecordRow, JournalSpoolRow, UsageRow
from bastion.store.text import is_storable, storable_json, storable_text
from bastion.store.upsert import dialect_insert

# Columns holding times: datetimes from the request path, ISO text from a spool line.
_TIME_COLUMNS = {
    "usage_ledger": frozenset({"started_at", "finished_at"}),
    "audit_records": frozenset({"ts"}),
    "audit_checkpoints": frozenset({"first_ts", "last_ts", "created_at"}),
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
        raw = {"l": self.ledger, "a": self.audit, "c": self.checkpoints}
        try:
            return orjson.dumps(raw) + b"\n"
        except TypeError:
            # A lone surrogate (stored replaced, as no database takes it; audit rows were made
            # storable before they were hashed) or an integer beyond 64 bits (refused when it
            # is loaded, so quarantined): never a record that cannot be spooled.
            text = json.dumps(
                storable_json(raw), ensure_ascii=False, separators=(",", ":"), default=_iso
            )
            return text.encode() + b"\n"

    def items(self) -> list[tuple[str, Mapping[str, Any]]]:
        """Every row with its kind (ledger, audit, checkpoint), in insertion order."""
        return [
            *(("ledger", row) for row in self.ledger),
            *(("audit", row) for row in self.audit),
            *(("checkpoint", row) for row in self.checkpoints),
        ]

    @classmethod
    def of(cls, items: list[tuple[str, Mapping[str, Any]]]) -> Rows:
        rows = cls()
        lists = {"ledger": rows.ledger, "audit": rows.audit, "checkpoint": rows.checkpoints}
        for kind, row in items:
            lists[kind].append(row)
        return rows

    @classmethod
    def decode(cls, line: bytes) -> Rows:
        """A spool line back into rows; times stay ISO text until the insert converts them.

        Raises ValueError (JSONDecodeError is one) for a line that is not a spool line.
        """
        raw = orjson.loads(line)
        if not isinstance(raw, dict):
            raise ValueError("a spool line is a JSON object")
        lists = [raw.get(key) or [] for key in ("l", "a", "c")]
        for rows in lists:
            if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
                raise ValueError("a spool line's rows are JSON objects")
        return cls(*lists)


async def insert_rows(conn: AsyncConnection, rows: Rows) -> None:
    """Inserts ``rows``; a row already present (a replayed spool line) is skipped, not doubled.

    Runs in the caller's transaction, straight through the driver's ``executemany``: the
    loader moves thousands of rows a second, and SQL expression compilation and per-value
    type processing would cost more event-loop time than the requests themselves. The hourly
    rollup only adds the ledger rows that were actually new.
    """
    dialect = conn.dialect.name
    if rows.ledger:
        ledger = [_storable_ledger_row(row) for row in rows.ledger]
        # Spooled by an earlier version, a row has no purpose: ordinary traffic.
        ledger = [row if "purpose" in row else {**row, "purpose": None} for row in ledger]
        present = await _present_request_ids(conn, [row["request_id"] for row in ledger])
        new = [row for row in ledger if row["request_id"] not in present]
        new = list({row["request_id"]: row for row in reversed(new)}.values())[::-1]
        if new:
            await _executemany(conn, UsageRow.__table__, new, dialect)
            await upsert_rollups(conn, new, dialect)
    if rows.audit:
        await _executemany(conn, AuditRecordRow.__table__, rows.audit, dialect, ("chain", "seq"))
    if rows.checkpoints:
        await _executemany(
            conn, AuditCheckpointRow.__table__, rows.checkpoints, dialect, ("chain", "segment")
        )


def _storable_ledger_row(row: Mapping[str, Any]) -> Mapping[str, Any]:
    """The row with NUL and lone surrogates replaced in its text (model names come from
    clients); itself when there are none, which a ``memchr`` per string tells."""
    for value in row.values():
        # Inline, not is_storable: the loader runs this for every column of every row.
        if (
            type(value) is str
            and ("\x00" in value or not value.isascii())
            and not is_storable(value)
        ):
            return {k: storable_text(v) if type(v) is str else v for k, v in row.items()}
    return row


async def _present_request_ids(conn: AsyncConnection, request_ids: list[str]) -> set[str]:
    table = UsageRow.__table__
    present: set[str] = set()
    for start in range(0, len(request_ids), 500):
        chunk = request_ids[start : start + 500]
        query = select(table.c.request_id).where(table.c.request_id.in_(chunk))
        present.update((await conn.execute(query)).scalars())
    return present


async def _executemany(
    conn: AsyncConnection,
    table: FromClause,
    rows: list[Mapping[str, Any]],
    dialect: str,
    conflict: tuple[str, ...] | None = None,
) -> None:
    columns = tuple(column.name for column in table.columns if column.name in rows[0])
    name = str(getattr(table, "name"))  # noqa: B009 (FromClause types no name; tables have one)
    sql = _insert_sql(name, columns, dialect, conflict)
    times = [index for index, column in enumerate(columns) if column in _TIME_COLUMNS[name]]
    convert = _sqlite_time if dialect == "sqlite" else _postgres_time
    values_of = operator.itemgetter(*columns)
    params = []
    for row in rows:
        values = list(values_of(row))
        for index in times:
            values[index] = convert(values[index])
        params.append(tuple(values))
    await conn.exec_driver_sql(sql, params)


@functools.cache
def _insert_sql(
    table: str, columns: tuple[str, ...], dialect: str, conflict: tuple[str, ...] | None
) -> str:
    if dialect == "sqlite":
        marks = ", ".join("?" for _ in columns)
    elif dialect == "postgresql":
        marks = ", ".join(f"${index}" for index in range(1, len(columns) + 1))
    else:
        raise ValueError(f"unsupported database dialect {dialect}")
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608 (names are ours)
    if conflict:
        sql += f" ON CONFLICT ({', '.join(conflict)}) DO NOTHING"
    return sql


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _sqlite_time(value: datetime | str | None) -> str | None:
    """The text SQLAlchemy's SQLite DateTime reads back: naive UTC with microseconds."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    # Spooled text is always UTC ("…+00:00"), with or without microseconds: reshape, no parse.
    if value.endswith("+00:00"):
        seconds = value[11:-6]
        return f"{value[:10]} {seconds if '.' in seconds else seconds + '.000000'}"
    return _sqlite_time(datetime.fromisoformat(value))


def _postgres_time(value: datetime | str | None) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


async def record_spool_progress(conn: AsyncConnection, name: str, loaded_bytes: int) -> None:
    statement = dialect_insert(conn.dialect.name, JournalSpoolRow).values(
        name=name, loaded_bytes=loaded_bytes
    )
    await conn.execute(
        statement.on_conflict_do_update(
            index_elements=["name"], set_={"loaded_bytes": loaded_bytes}
        )
    )
