"""What the owner of a loader process reports of it: its restarts, the records it quarantined,
and how far behind it is. The owner is the gateway process, or with ``--workers N`` the node's
supervisor, whose metrics reach ``/metrics`` through the multiprocess directory like a
worker's."""

from __future__ import annotations

import contextlib
import logging
from collections import Counter
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.journal.loader_process import LoaderProcess
from bastion.journal.spool import spool_files
from bastion.store.models import JournalSpoolRow
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

# Pending bytes cost a directory listing and a query: every few ticks is enough for a gauge.
_PENDING_EVERY_TICKS = 5


class LoaderWatch:
    def __init__(
        self, loader: LoaderProcess, metrics: GatewayMetrics, engine: AsyncEngine, directory: Path
    ) -> None:
        self._loader = loader
        self._metrics = metrics
        self._engine = engine
        self._directory = directory
        self._ticks = 0

    async def tick(self) -> None:
        """Once a second: counts what the loader quarantined, restarts it if it died, and now
        and then measures what waits in the spool."""
        loader = self._loader
        count_quarantined(self._metrics, loader.reports())
        if not loader.alive:
            self._metrics.journal_loader_restarts.inc()
            log.error("journal loader process exited; restarting it")
            loader.restart()
        self._ticks += 1
        if self._ticks % _PENDING_EVERY_TICKS == 0:
            with contextlib.suppress(Exception):  # a database down: the gauge keeps its value
                pending = await spool_pending_bytes(self._engine, self._directory)
                self._metrics.journal_spool_pending.set(pending)


def count_quarantined(metrics: GatewayMetrics, counts: Counter[str]) -> None:
    for kind, count in counts.items():
        metrics.journal_quarantined.labels(kind).inc(count)


async def spool_pending_bytes(engine: AsyncEngine, directory: Path) -> int:
    """Bytes of spool files past what the database says was loaded from them."""
    sizes = {p.name: p.stat().st_size for p in spool_files(directory)}
    if not sizes:
        return 0
    async with engine.connect() as conn:
        rows = await conn.execute(
            select(JournalSpoolRow.name, JournalSpoolRow.loaded_bytes).where(
                JournalSpoolRow.name.in_(list(sizes))
            )
        )
        loaded = {name: int(done) for name, done in rows}
    return sum(max(0, size - loaded.get(name, 0)) for name, size in sizes.items())
