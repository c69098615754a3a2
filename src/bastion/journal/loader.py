"""Copies spooled records into the database, in batches, off the request path.

Progress per spool file is committed in the same transaction as the rows it covers, so a
crash at any point neither loses nor doubles a record. A file is deleted once its writer has
closed it (its lock is free) and everything in it is loaded. One loader works a directory at a
time (``DirectoryLock``): the gateway's own at start-up, then its loader process. A load takes
what a file held when the load began; lines appended meanwhile wait for the next load, so a
busy writer's records go in one transaction per interval rather than a few per transaction.

Nothing in a file can stop the loader: a record the database refuses, or a line no one can
read, is quarantined (``bastion.journal.quarantine``) and the load goes on. A file that
belongs to another database — its header names another one, or, written before files had
headers, its audit chains are unknown here — is never loaded: once its writer is gone it is
moved to ``quarantine/`` in the spool directory, with a log line saying whose it is.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import delete, select, union
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.journal.quarantine import insert_or_quarantine
from bastion.journal.rows import Rows
from bastion.journal.spool import (
    QUARANTINE_DIR,
    FileLock,
    is_abandoned,
    read_header,
    read_lines,
    spool_files,
)
from bastion.store.identity import database_id
from bastion.store.models import AuditCheckpointRow, AuditRecordRow, JournalSpoolRow
from bastion.store.text import is_storable

log = logging.getLogger(__name__)

_BATCH_BYTES = 1 << 20
LOCK_NAME = ".loader.lock"
# A spool line starts with this (the encoding's first key), and the bytes cannot occur inside
# it: a quote within a JSON string is escaped. A line that older versions glued to a torn
# write therefore still yields the record that follows the last occurrence.
_LINE_START = b'{"l":'
_NAME_WIDTH = 100  # journal_spools.name
_CHAINS_PROBE_BYTES = 1 << 20


class SpoolLoader:
    def __init__(self, engine: AsyncEngine, directory: Path) -> None:
        self._engine = engine
        self._directory = directory
        self._offsets: dict[str, int] = {}
        self._database: str | None = None
        self._ours: set[str] = set()  # files checked to belong to this database
        self._foreign: set[str] = set()  # live files of another database, left alone
        # Records quarantined since last taken, by kind ("ledger", "audit", "checkpoint",
        # "line", and "spool_file" for whole files of another database).
        self.quarantined: Counter[str] = Counter()

    def take_quarantined(self) -> Counter[str]:
        taken, self.quarantined = self.quarantined, Counter()
        return taken

    async def sweep(self) -> int:
        """Loads what is complete in every spool file; deletes the finished ones.

        Returns the number of lines with records loaded.
        """
        loaded = 0
        for path in await asyncio.to_thread(spool_files, self._directory):
            # Checked before loading: once abandoned, nothing more is appended, so what this
            # load reads is all there will ever be.
            finished = await asyncio.to_thread(is_abandoned, path)
            if not await self._belongs_here(path, finished):
                continue
            lines = await self._load(path)
            loaded += lines
            if finished:
                await self._retire(path)
                if lines:
                    log.info("spool file loaded", extra={"spool": path.name, "lines": lines})
        return loaded

    async def _load(self, path: Path) -> int:
        name = path.name
        offset = self._offsets.get(name)
        if offset is None:
            offset = await self._stored_offset(name)
        # What the writer appends while this load runs waits for the next one: chasing it
        # would commit a few lines per transaction, at many times the CPU per record.
        end = await asyncio.to_thread(_size, path)
        lines_loaded = 0
        while offset < end:
            lines, consumed = await asyncio.to_thread(read_lines, path, offset, _BATCH_BYTES)
            if not consumed:
                break
            rows = Rows()
            unreadable: list[bytes] = []
            for line in lines:
                decoded = _decode(line, unreadable)
                if decoded:
                    rows.extend(decoded)
                    lines_loaded += 1
            self.quarantined += await insert_or_quarantine(
                self._engine, rows, name, lines=unreadable, progress=(name, offset + consumed)
            )
            offset += consumed
            self._offsets[name] = offset
        return lines_loaded

    async def _stored_offset(self, name: str) -> int:
        async with self._engine.connect() as conn:
            stored = (
                await conn.execute(
                    select(JournalSpoolRow.loaded_bytes).where(JournalSpoolRow.name == name)
                )
            ).scalar()
        return int(stored or 0)

    async def _retire(self, path: Path) -> None:
        size = await asyncio.to_thread(_size, path)
        torn = size - self._offsets.get(path.name, size)
        if torn > 0:
            # Only a write cut off by a crash ends without a newline; it was never acknowledged.
            log.warning("discarded a torn spool tail", extra={"spool": path.name, "bytes": torn})
        await asyncio.to_thread(path.unlink, missing_ok=True)
        async with self._engine.begin() as conn:
            await conn.execute(delete(JournalSpoolRow).where(JournalSpoolRow.name == path.name))
        self._offsets.pop(path.name, None)
        self._ours.discard(path.name)

    async def _belongs_here(self, path: Path, abandoned: bool) -> bool:
        """True for this database's files; another's are left alone, or once their writer is
        gone, moved to the quarantine directory."""
        name = path.name
        if name in self._ours:
            return True
        if name in self._foreign and not abandoned:
            return False
        whose = await self._foreign_reason(path)
        if whose is None:
            self._ours.add(name)
            return True
        if abandoned:
            await asyncio.to_thread(self._move_to_quarantine, path, whose)
            self._foreign.discard(name)
        elif name not in self._foreign:
            self._foreign.add(name)
            log.error(
                "a live spool file in this directory is not this database's; leaving it alone "
                "(is the spool directory shared with a gateway on another database?)",
                extra={"spool": name, "reason": whose},
            )
        return False

    async def _foreign_reason(self, path: Path) -> str | None:
        """Why ``path`` is not this database's file, or None when it is."""
        name = path.name
        if len(name) > _NAME_WIDTH or not is_storable(name):
            return f"its name is not a spool file's (over {_NAME_WIDTH} characters, or NUL)"
        header = await asyncio.to_thread(read_header, path)
        if self._database is None:
            self._database = await database_id(self._engine)
        if header is not None:
            theirs = header.get("database")
            if theirs == self._database:
                return None
            return f"its records belong to database {theirs!r}; this is {self._database!r}"
        # Written before files named their database: the audit chains it continues tell.
        chains = await asyncio.to_thread(_chains_near_start, path)
        unknown = chains - await self._known_chains(chains) if chains else set()
        if unknown:
            return f"its audit chains ({', '.join(sorted(unknown))}) are not in this database"
        return None

    async def _known_chains(self, chains: set[str]) -> set[str]:
        records, checkpoints = AuditRecordRow.__table__, AuditCheckpointRow.__table__
        query = union(
            select(records.c.chain).where(records.c.chain.in_(sorted(chains))),
            select(checkpoints.c.chain).where(checkpoints.c.chain.in_(sorted(chains))),
        )
        async with self._engine.connect() as conn:
            return set((await conn.execute(query)).scalars())

    def _move_to_quarantine(self, path: Path, reason: str) -> None:
        target = self._directory / QUARANTINE_DIR / path.name
        target.parent.mkdir(exist_ok=True)
        if target.exists():
            target = target.with_name(f"{path.name}.{time.time_ns()}")
        path.rename(target)
        self.quarantined["spool_file"] += 1
        log.error(
            "spool file of another database quarantined: not loaded into this one",
            extra={"spool": path.name, "reason": reason, "moved_to": str(target)},
        )


def _decode(line: bytes, unreadable: list[bytes]) -> Rows | None:
    """The rows of a spool line; an unreadable line (or the unreadable start of a line a
    torn write was glued to) goes to ``unreadable``."""
    try:
        return Rows.decode(line)
    except ValueError:
        pass
    start = line.rfind(_LINE_START, 1)
    if start > 0:
        try:
            rows = Rows.decode(line[start:])
        except ValueError:
            pass
        else:
            unreadable.append(line[:start])
            return rows
    unreadable.append(line)
    return None


def _chains_near_start(path: Path) -> set[str]:
    """The audit chains named in a spool file's first lines that have audit records."""
    lines, _ = read_lines(path, 0, _CHAINS_PROBE_BYTES)
    for line in lines:
        try:
            rows = Rows.decode(line)
        except ValueError:
            continue
        chains = {row["chain"] for row in rows.audit if isinstance(row.get("chain"), str)}
        if chains:
            return chains
    return set()


class DirectoryLock(FileLock):
    """Exclusive right to load a spool directory, held for as long as the loader runs."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory / LOCK_NAME)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0
