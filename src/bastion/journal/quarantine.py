"""Records the database refuses: found, kept aside with the reason, never in the way.

Text from clients is made storable before it reaches the database (``bastion.store.text``),
so a refusal is rare: a value too long or out of range, a line damaged on disk. It must never
stop the journal, though: a refused batch retried forever would keep every later record of
every tenant out of the database. So when the database refuses a batch (``is_refusal``: the
values, not the connection), the batch is split in halves until each refused record stands
alone; a record alone is tried once more (a row another load inserted meanwhile then passes),
then kept in ``journal_quarantine`` with the database's reason, logged and counted. All other
records land as usual. A crash at any point replays the batch: rows already in are skipped and
a quarantined record, keyed by its digest, is kept once.

A quarantined audit record keeps its place in its chain through a stand-in row (see
``bastion.audit.chain.quarantine_stand_in``), so the chain still verifies. A quarantined
ledger row is missing from the ledger and its hourly sums; the quarantine holds it whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bastion.audit.chain import quarantine_stand_in
from bastion.journal.rows import Rows, insert_rows, record_spool_progress
from bastion.store.db import is_refusal
from bastion.store.models import JournalQuarantineRow
from bastion.store.text import storable_text
from bastion.store.upsert import dialect_insert
from bastion.telemetry.logs import describe_error

log = logging.getLogger(__name__)

# What a quarantined spool line is called (records are "ledger", "audit" or "checkpoint").
LINE = "line"
_SOURCE_WIDTH = 100
# Errors raised while the values of a malformed record are turned into parameters.
_MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError)

Item = tuple[str, Mapping[str, Any]]


def is_refused_record(exc: BaseException) -> bool:
    """The database refused the values, or they could not even be sent (a damaged record);
    not a connection that failed, which is retried instead."""
    return is_refusal(exc) or isinstance(exc, _MALFORMED)


async def insert_or_quarantine(
    engine: AsyncEngine,
    rows: Rows,
    source: str,
    *,
    lines: Sequence[bytes] = (),
    progress: tuple[str, int] | None = None,
) -> Counter[str]:
    """Inserts ``rows``, quarantines the unreadable spool ``lines`` and records the spool's
    ``progress`` (file name, bytes loaded), all in one transaction when the database takes
    every row; otherwise finds and quarantines the rows it refuses first.

    Returns how many records were quarantined, by kind. Raises what is not a refusal (the
    database is down): nothing was lost, and the caller tries again later.
    """
    try:
        async with engine.begin() as conn:
            await insert_rows(conn, rows)
            kept = await _finish(conn, source, lines, progress)
    except Exception as exc:
        if not is_refused_record(exc):
            raise
        log.warning(
            "the database refused a batch; looking for the records it refuses",
            extra={"source": source, "error": describe_error(exc)},
        )
    else:
        return _counted(source, kept)
    refused = await _insert_apart(engine, rows.items(), source)
    async with engine.begin() as conn:
        kept = await _finish(conn, source, lines, progress)
    return _counted(source, kept) + refused


async def _finish(
    conn: AsyncConnection,
    source: str,
    lines: Sequence[bytes],
    progress: tuple[str, int] | None,
) -> list[tuple[str, str]]:
    kept = []
    for line in lines:
        reason = "the line is not a spool line (damaged or cut)"
        await _keep(conn, source, LINE, {"line": line.decode("utf-8", "backslashreplace")}, reason)
        kept.append((LINE, reason))
    if progress is not None:
        await record_spool_progress(conn, *progress)
    return kept


def _counted(source: str, kept: list[tuple[str, str]]) -> Counter[str]:
    """Logs what was committed to the quarantine (only once it is) and counts it."""
    for _, reason in kept:
        log.error("unreadable spool line quarantined", extra={"source": source, "reason": reason})
    return Counter(kind for kind, _ in kept)


async def _insert_apart(engine: AsyncEngine, items: list[Item], source: str) -> Counter[str]:
    """Inserts ``items`` in parts, halving every part the database refuses, in order."""
    refused: Counter[str] = Counter()
    parts = [items]
    while parts:
        part = parts.pop()
        error = await _try_insert(engine, part)
        if error is None:
            continue
        if len(part) > 1:
            half = len(part) // 2
            parts.extend((part[half:], part[:half]))  # the first half next: order is kept
            continue
        # Alone, once more: a ledger row another load inserted meanwhile passes now.
        error = await _try_insert(engine, part)
        if error is None:
            continue
        kind, row = part[0]
        if await _quarantine(engine, source, kind, row, error):
            refused[kind] += 1
    return refused


async def _try_insert(engine: AsyncEngine, items: list[Item]) -> BaseException | None:
    try:
        async with engine.begin() as conn:
            await insert_rows(conn, Rows.of(items))
    except Exception as exc:
        if not is_refused_record(exc):
            raise
        return exc
    return None


async def _quarantine(
    engine: AsyncEngine, source: str, kind: str, row: Mapping[str, Any], error: BaseException
) -> bool:
    """Keeps one refused record (and, for an audit record, its stand-in); True if kept."""
    reason = storable_text(describe_error(error))
    where = _where(kind, row)
    stand_in = None
    if kind == "audit":
        # Without even the chain fields, the quarantine alone keeps it.
        with contextlib.suppress(KeyError, TypeError):
            stand_in = quarantine_stand_in(row, reason)
    attempts = [stand_in, None] if stand_in is not None else [None]
    for attempt in attempts:
        try:
            async with engine.begin() as conn:
                await _keep(conn, source, kind, row, reason)
                if attempt is not None:
                    await insert_rows(conn, Rows(audit=[attempt]))
        except Exception as exc:
            if not is_refused_record(exc):
                raise
            log.error(
                "quarantining a refused record failed",
                extra={"kind": kind, **where, "error": describe_error(exc)},
            )
            continue
        log.error(
            "journal record refused by the database; quarantined",
            extra={
                "kind": kind,
                "source": source,
                "reason": reason,
                "stand_in": attempt is not None,
                **where,
            },
        )
        return True
    return False


async def _keep(
    conn: AsyncConnection, source: str, kind: str, record: Mapping[str, Any], reason: str
) -> None:
    text = json.dumps(record, ensure_ascii=True, sort_keys=True, default=str)
    digest = hashlib.sha256(f"{kind}\n{text}".encode()).hexdigest()
    entry = {
        "digest": digest,
        "quarantined_at": datetime.now(UTC),
        "source": storable_text(source)[:_SOURCE_WIDTH],
        "kind": kind,
        "reason": reason,
        "record": text,
    }
    statement = dialect_insert(conn.dialect.name, JournalQuarantineRow).values(entry)
    await conn.execute(statement.on_conflict_do_nothing(index_elements=["digest"]))


_NAMED_BY = {
    "ledger": ("request_id",),
    "audit": ("chain", "seq"),
    "checkpoint": ("chain", "segment"),
}


def _where(kind: str, row: Mapping[str, Any]) -> dict[str, str]:
    """What names the record in a log line (never its content)."""
    return {name: storable_text(str(row.get(name)))[:100] for name in _NAMED_BY[kind]}
