"""Copies spooled records into the database, in batches, off the request path.

Progress per spool file is committed in the same transaction as the rows it covers, so a
crash at any point neither loses nor doubles a record. A file is deleted once its writer has
closed it (its lock is free) and everything in it is loaded. One loader works a directory at a
time (``DirectoryLock``): the gateway's own at start-up, then its loader process.
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
import time
from pathlib import Path
from types import TracebackType

import orjson
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.journal.rows import Rows, insert_rows, record_spool_progress
from bastion.journal.spool import is_abandoned, read_lines, spool_files
from bastion.store.models import JournalSpoolRow

log = logging.getLogger(__name__)

_BATCH_BYTES = 1 << 20
LOCK_NAME = ".loader.lock"


class SpoolLoader:
    def __init__(self, engine: AsyncEngine, directory: Path) -> None:
        self._engine = engine
        self._directory = directory
        self._offsets: dict[str, int] = {}
        self.unreadable_lines = 0

    async def sweep(self) -> int:
        """Loads what is complete in every spool file; deletes the finished ones.

        Returns the number of lines loaded.
        """
        loaded = 0
        for path in await asyncio.to_thread(spool_files, self._directory):
            # Checked before loading: once abandoned, nothing more is appended, so what this
            # load reads is all there will ever be.
            finished = await asyncio.to_thread(is_abandoned, path)
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
        lines_loaded = 0
        while True:
            lines, consumed = await asyncio.to_thread(read_lines, path, offset, _BATCH_BYTES)
            if not consumed:
                break
            rows = Rows()
            for line in lines:
                try:
                    rows.extend(Rows.decode(line))
                except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
                    self.unreadable_lines += 1
                    log.error("unreadable spool line skipped", extra={"spool": name})
            async with self._engine.begin() as conn:
                await insert_rows(conn, rows)
                await record_spool_progress(conn, name, offset + consumed)
            offset += consumed
            self._offsets[name] = offset
            lines_loaded += len(lines)
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


class DirectoryLock:
    """Exclusive right to load a spool directory, held for as long as the loader runs."""

    def __init__(self, directory: Path) -> None:
        self._path = directory / LOCK_NAME
        self._fd = -1

    def acquire(self, timeout: float) -> bool:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except OSError:
                if time.monotonic() >= deadline:
                    self.release()
                    return False
                time.sleep(0.05)

    def release(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> DirectoryLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0
