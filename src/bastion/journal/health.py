"""Whether the journal can take records, for ``/readyz``.

A gateway whose journal cannot make records durable answers every recorded request with 503,
so a load balancer should send its traffic elsewhere. The journal is not ready when:

- spool (the default): the spool directory is missing or not writable (checked on every call);
  a probe file cannot be written into it, or its file system has less than
  ``min_free_bytes`` (16 MiB) free (checked every ``check_seconds``, 5 s); or spooled records
  have waited ``stall_seconds`` (120 s) for the loader: some spool file holds bytes past what
  the database says is loaded, and that position has not moved for that long. The loader
  loads at least every 60 s (``journal.load_interval_seconds``), so a healthy one never waits
  that long; a dead database, or a loader that keeps failing, does.
- database: the database did not answer ``SELECT 1`` within ``probe_timeout`` (2 s) at the
  last check.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from pathlib import Path
from typing import ClassVar

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.journal.spool import spool_files
from bastion.store.models import JournalSpoolRow
from bastion.tasks import stop_tasks
from bastion.telemetry.logs import describe_error

log = logging.getLogger(__name__)

_MIB = 1024 * 1024


class JournalHealth:
    """Checks the journal in the background; ``problems()`` says what stops it now."""

    check_seconds: ClassVar[float] = 5.0
    stall_seconds: ClassVar[float] = 120.0
    probe_timeout: ClassVar[float] = 2.0
    min_free_bytes: ClassVar[int] = 16 * _MIB

    def __init__(self, engine: AsyncEngine, spool_dir: Path | None) -> None:
        self._engine = engine
        self._spool_dir = spool_dir
        self._problems: list[str] = []  # found by the last check
        self._stall: str | None = None  # the loader stuck (the database, shared by replicas)
        # Spool files with bytes not yet loaded: (loaded offset, since when it has not moved).
        self._waiting: dict[str, tuple[int, float]] = {}
        self._loaded: dict[str, int] = {}  # last offsets the database reported
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="journal-health")

    async def close(self) -> None:
        task, self._task = self._task, None
        await stop_tasks(task)

    def problems(self, *, shared: bool = True) -> list[str]:
        """What stops the journal from taking records; empty when nothing does. ``shared``:
        with the loader stuck, which a database every replica uses causes."""
        found: list[str] = []
        if self._spool_dir is not None:
            problem = _directory_problem(self._spool_dir)
            if problem is not None:
                found.append(problem)
        found += [p for p in self._problems if p not in found]
        if shared and self._stall is not None:
            found.append(self._stall)
        return found

    async def _run(self) -> None:
        while True:
            try:
                await self.check()
            except Exception as exc:  # a check that fails says nothing either way
                log.warning("journal health check failed", extra={"error": describe_error(exc)})
            await asyncio.sleep(self.check_seconds)

    async def check(self) -> None:
        """One check (the background task runs one every ``check_seconds``)."""
        directory = self._spool_dir
        if directory is None:
            problem = await self._database_problem()
            self._problems = [problem] if problem else []
            return
        probe = await asyncio.to_thread(_probe_directory, directory, self.min_free_bytes)
        self._problems = [probe] if probe is not None else []
        self._stall = await self._stall_problem(directory, time.monotonic())

    async def _database_problem(self) -> str | None:
        try:
            async with asyncio.timeout(self.probe_timeout):
                async with self._engine.connect() as conn:
                    await conn.execute(text("SELECT 1"))
        except Exception as exc:
            return (
                f"journal: the database does not answer ({describe_error(exc)}), so records "
                "cannot be made durable"
            )
        return None

    async def _stall_problem(self, directory: Path, now: float) -> str | None:
        sizes = await asyncio.to_thread(_sizes, directory)
        try:
            loaded = await self._loaded_offsets(list(sizes))
        except Exception:
            # The database does not say: as far as we know, nothing more was loaded.
            loaded = {name: self._loaded.get(name, 0) for name in sizes}
        self._loaded = loaded
        waiting: dict[str, tuple[int, float]] = {}
        for name, size in sizes.items():
            offset = loaded.get(name, 0)
            if size <= offset:
                continue
            previous = self._waiting.get(name)
            since = previous[1] if previous is not None and previous[0] == offset else now
            waiting[name] = (offset, since)
        self._waiting = waiting
        if not waiting:
            return None
        waited = now - min(since for _, since in waiting.values())
        if waited < self.stall_seconds:
            return None
        behind = sum(sizes[name] - offset for name, (offset, _) in waiting.items())
        return (
            f"journal: the spool loader has loaded nothing for {waited:.0f} s while "
            f"{behind:,} bytes of records wait in {len(waiting)} spool file(s) "
            f"(limit {self.stall_seconds:g} s)"
        )

    async def _loaded_offsets(self, names: list[str]) -> dict[str, int]:
        if not names:
            return {}
        async with asyncio.timeout(self.probe_timeout):
            async with self._engine.connect() as conn:
                rows = await conn.execute(
                    select(JournalSpoolRow.name, JournalSpoolRow.loaded_bytes).where(
                        JournalSpoolRow.name.in_(names)
                    )
                )
                return {name: int(done) for name, done in rows}


def _directory_problem(directory: Path) -> str | None:
    """Two system calls: cheap enough for every ``/readyz``."""
    if not directory.is_dir():
        what = "is not a directory" if directory.exists() else "is missing"
        return f"journal: the spool directory {directory} {what}"
    if not os.access(directory, os.W_OK | os.X_OK):
        return f"journal: the spool directory {directory} is not writable"
    return None


def _probe_directory(directory: Path, min_free_bytes: int) -> str | None:
    """Writes and removes a probe file (what ``os.access`` cannot tell: a read-only mount as
    root, a quota), and checks the free space."""
    problem = _directory_problem(directory)
    if problem is not None:
        return problem
    probe = directory / f".ready-probe-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"\n")
        finally:
            os.close(fd)
        probe.unlink()
        stats = os.statvfs(directory)
    except OSError as exc:
        return f"journal: cannot write in the spool directory {directory} ({exc.strerror or exc})"
    free = stats.f_bavail * stats.f_frsize
    if free < min_free_bytes:
        return (
            f"journal: the spool directory's file system has {free / _MIB:,.1f} MiB free "
            f"(below {min_free_bytes / _MIB:,.0f} MiB)"
        )
    return None


def _sizes(directory: Path) -> dict[str, int]:
    sizes = {}
    for path in spool_files(directory):
        with contextlib.suppress(FileNotFoundError):  # loaded and deleted meanwhile
            sizes[path.name] = path.stat().st_size
    return sizes
