"""Copies spooled records into the database, in batches, off the request path.

Progress per spool file is committed in the same transaction as the rows it covers, so a
crash at any point neither loses nor doubles a record. At start-up, spool files left by a
process that died (their lock is free) are loaded first, then deleted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

import orjson
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.journal.rows import Rows, insert_rows, record_spool_progress
from bastion.journal.spool import is_abandoned, read_lines, spool_files
from bastion.store.models import JournalSpoolRow
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

_BATCH_BYTES = 1 << 20
_RETRY_MAX_SECONDS = 2.0


class SpoolLoader:
    def __init__(
        self,
        engine: AsyncEngine,
        directory: Path,
        metrics: GatewayMetrics,
        *,
        interval: float = 0.05,
    ) -> None:
        self._engine = engine
        self._interval = interval
        self._directory = directory
        self._metrics = metrics
        self._own: list[Path] = []  # files this process writes, oldest first; the last is live
        self._offsets: dict[str, int] = {}
        self._wakeup = asyncio.Event()
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    async def recover(self) -> int:
        """Loads and deletes the spool files of processes that are gone; returns lines loaded."""
        loaded = 0
        for path in spool_files(self._directory):
            if not is_abandoned(path):
                continue  # another live gateway's: it loads its own
            loaded += await self._load(path)
            await self._retire(path)
            log.warning("recovered spooled records", extra={"spool": path.name, "lines": loaded})
        return loaded

    def track(self, path: Path) -> None:
        self._own.append(path)

    def notify(self) -> None:
        self._wakeup.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="journal-loader")

    async def stop(self) -> None:
        """Loads everything spooled so far, then stops."""
        if self._task is not None:
            # Not cancelled: a transaction cut off mid-way would strand its connection.
            self._stopping = True
            self._wakeup.set()
            await self._task
            self._task = None
        await self.drain()

    async def drain(self) -> None:
        await self._load_own()

    async def retire_own(self) -> None:
        """Deletes this process's files once its writer is closed and they are loaded."""
        async with self._lock:
            for path in self._own:
                await self._load(path)
                await self._retire(path)
            self._own.clear()

    @property
    def pending_bytes(self) -> int:
        total = 0
        for path in self._own:
            total += max(0, _size(path) - self._offsets.get(path.name, 0))
        return total

    async def _run(self) -> None:
        delay = 0.05
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), 1.0)
            if self._stopping:
                return
            # Let records gather: one transaction per interval instead of one per wake-up
            # keeps the loader's share of the event loop small under load.
            await asyncio.sleep(self._interval)
            self._wakeup.clear()
            try:
                await self._load_own()
            except Exception as exc:
                self._metrics.journal_failures.inc()
                log.error("loading the spool failed; retrying", extra={"error": _describe(exc)})
                await asyncio.sleep(delay)
                delay = min(delay * 2, _RETRY_MAX_SECONDS)
                self._wakeup.set()
            else:
                delay = 0.05
            self._metrics.journal_spool_pending.set(self.pending_bytes)

    async def _load_own(self) -> None:
        async with self._lock:
            for path in list(self._own):
                await self._load(path)
                if path is not self._own[-1]:
                    await self._retire(path)  # rotated away from and fully loaded
                    self._own.remove(path)

    async def _load(self, path: Path) -> int:
        """Loads what is complete in ``path``; callers serialise (start-up, or under the lock)."""
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
                    self._metrics.journal_dropped.inc()
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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _describe(exc: BaseException) -> str:
    first = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {first[:200]}"
