"""The group-commit writer behind the usage ledger and the audit journal.

Requests hand over their records and, where durability is demanded, wait for them: the writer
takes everything queued, chains the audit records in order, and makes the whole batch durable
at once, then wakes the waiters. While one batch is written the next gathers, so under load
many requests share one write.

Durable means, by configuration: appended to the local spool (the default; microseconds, and
a loader process copies it into the database in the background), or committed to the database
(no local state, but a commit per batch on the request path). Either way, a record the
database refuses is quarantined rather than retried forever (``bastion.journal.quarantine``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bastion.audit.chain import (
    AuditEntry,
    ChainHead,
    ChainState,
    Signer,
    chain_start_payload,
    followed_heads,
    new_chain_id,
)
from bastion.journal.loader import DirectoryLock, SpoolLoader
from bastion.journal.loader_process import LoaderProcess
from bastion.journal.loader_watch import LoaderWatch, count_quarantined, spool_pending_bytes
from bastion.journal.quarantine import insert_or_quarantine
from bastion.journal.rows import Rows
from bastion.journal.spool import SUFFIX, SpoolFile, header_line
from bastion.store.identity import database_id
from bastion.store.models import AuditCheckpointRow, AuditRecordRow
from bastion.tasks import stop_tasks
from bastion.telemetry.logs import describe_error
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

_RETRY_MIN_SECONDS = 0.05
_RETRY_MAX_SECONDS = 2.0
_RESPOOL_LOG_SECONDS = 60.0


class JournalUnavailableError(Exception):
    """Records could not be made durable in time; the response must not be acknowledged."""


@dataclass(slots=True)
class Ticket:
    """Records handed to the writer; says whether they can still land."""

    ledger: Mapping[str, Any] | None
    audit: Sequence[AuditEntry]
    done: asyncio.Future[None] | None
    taken: bool = False  # part of a batch: from here on they land unless the batch fails

    @property
    def withdrawn(self) -> bool:
        return self.done is not None and self.done.cancelled() and not self.taken


@dataclass(frozen=True, slots=True)
class AuditSettings:
    signer: Signer | None
    segment_records: int
    segment_seconds: float


@dataclass(frozen=True, slots=True)
class SpoolSettings:
    directory: Path
    database_url: str
    fsync: bool = False
    rotate_bytes: int = 64 * 1024 * 1024
    load_interval: float = 1.0
    final_load_seconds: float = 25.0
    # False in the workers of ``bastion serve --workers N``: their supervisor runs the one
    # loader of the directory and loads what dead processes left before any worker starts.
    own_loader: bool = True


class JournalWriter:
    def __init__(
        self,
        engine: AsyncEngine,
        metrics: GatewayMetrics,
        *,
        audit: AuditSettings | None,
        spool: SpoolSettings | None = None,
        max_batch: int = 1024,
        max_pending: int = 100_000,
        durability_timeout: float = 5.0,
    ) -> None:
        self._engine = engine
        self._metrics = metrics
        self._audit = audit
        self._spool_settings = spool
        self._max_batch = max_batch
        self._max_pending = max_pending
        self.durability_timeout = durability_timeout
        self._pending: deque[Ticket] = deque()
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self.chain: ChainState | None = None
        self.loader: LoaderProcess | None = None
        self._watch: asyncio.Task[None] | None = None
        self._spool: SpoolFile | None = None
        self._spool_name = ""
        self._spool_number = 0
        self._spool_header = b""
        self._spool_watch: asyncio.Task[None] | None = None
        self._spool_deleted = False  # found by the watch; recovered before the next append
        self._respool_logged_at = -_RESPOOL_LOG_SECONDS

    async def start(self) -> None:
        settings = self._spool_settings
        if settings is not None:
            settings.directory.mkdir(parents=True, exist_ok=True)
            self._spool_header = header_line(await database_id(self._engine))
            if settings.own_loader:
                # Before this process's chain opens, so that it follows what a dead one wrote.
                await self._recover(settings.directory)
        if self._audit is not None:
            self.chain = await self._open_chain()
        if settings is not None:
            self._spool_name = self.chain.chain if self.chain else new_chain_id(_now())
            self._open_spool_file()
            self._spool_watch = asyncio.create_task(self._watch_spool(), name="journal-spool")
        if settings is not None and settings.own_loader:
            self.loader = LoaderProcess(
                settings.database_url,
                settings.directory,
                settings.load_interval,
                final_load_seconds=settings.final_load_seconds,
                log_level=logging.getLevelName(log.getEffectiveLevel()).lower(),
            )
            self.loader.start()
            self._watch = asyncio.create_task(self._watch_loader(), name="journal-loader-watch")
        self._task = asyncio.create_task(self._run(), name="journal-writer")

    async def _watch_spool(self) -> None:
        """Notices a spool file deleted while in use (a temporary-file cleaner, a remounted
        volume, an operator tidying up): its records would never be loaded."""
        while not self._closing:
            await asyncio.sleep(1.0)
            spool = self._spool
            try:
                deleted = spool is not None and spool.deleted
            except OSError:
                continue
            if deleted:
                self._spool_deleted = True
            if self._spool_deleted and not self._fsyncs:
                # Appends run on this loop, so none is mid-write; one that fails is logged.
                with contextlib.suppress(OSError):
                    self._respool()

    @property
    def _fsyncs(self) -> bool:
        return self._spool_settings is not None and self._spool_settings.fsync

    def _respool(self) -> None:
        """Writes what the deleted spool file held into a new one (the directory made again),
        where the loader finds it; rows already loaded from the old one are skipped then."""
        old, settings = self._spool, self._spool_settings
        assert old is not None
        assert settings is not None
        try:
            records = old.records()
            settings.directory.mkdir(parents=True, exist_ok=True)
            self._open_spool_file()
            new = self._spool
            assert new is not None
            if records:
                new.append(records)
        except OSError as exc:
            # The deleted file stays open (it holds the records) and appends fail (503) until
            # a new one opens; the next append, or the watch, tries again.
            self._metrics.journal_failures.inc()
            now = time.monotonic()
            # Retried every second while the directory cannot be made: once a minute is enough.
            if now - self._respool_logged_at >= _RESPOOL_LOG_SECONDS:
                self._respool_logged_at = now
                log.error(
                    "spool file deleted and cannot be replaced",
                    extra={"error": describe_error(exc)},
                )
            if self._spool is not old and self._spool is not None:
                self._spool.close()
            self._spool = old
            raise
        old.close()
        self._spool_deleted = False
        self._respool_logged_at = -_RESPOOL_LOG_SECONDS
        self._metrics.journal_failures.inc()
        log.error(
            "spool file was deleted while in use; its records were written to a new one",
            extra={"spool": old.path.name, "bytes": len(records)},
        )

    async def _recover(self, directory: Path) -> None:
        self._count_quarantined(await load_leftovers(self._engine, directory))

    async def _watch_loader(self) -> None:
        """Restarts the loader process if it dies, and reports how it does."""
        assert self.loader is not None
        assert self._spool_settings is not None
        watch = LoaderWatch(
            self.loader, self._metrics, self._engine, self._spool_settings.directory
        )
        while not self._closing:
            await asyncio.sleep(1.0)
            if not self._closing:  # stop may have begun during the sleep
                await watch.tick()

    def _count_quarantined(self, counts: Counter[str]) -> None:
        count_quarantined(self._metrics, counts)

    async def write(
        self, ledger: Mapping[str, Any] | None, audit: Sequence[AuditEntry] = ()
    ) -> None:
        """Returns once the records are durable; raises JournalUnavailableError otherwise."""
        await self.wait(self.enqueue(ledger, audit))

    def enqueue(self, ledger: Mapping[str, Any] | None, audit: Sequence[AuditEntry] = ()) -> Ticket:
        if self._inline:
            return self._append_now(ledger, audit)
        ticket = self._enqueue(ledger, audit, durable=True)
        assert ticket is not None
        return ticket

    @property
    def _inline(self) -> bool:
        """Spooling without fsync: an append is one write into the page cache, so it is done
        at once, in order, by the caller; batching would only add event-loop round trips."""
        settings = self._spool_settings
        return self._spool is not None and settings is not None and not settings.fsync

    def _append_now(self, ledger: Mapping[str, Any] | None, audit: Sequence[AuditEntry]) -> Ticket:
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        ticket = Ticket(ledger, audit, done, taken=True)
        if self._closing:
            done.set_exception(JournalUnavailableError("journal closed"))
            return ticket
        rows = Rows(ledger=[ledger] if ledger is not None else [])
        state = self.chain.copy() if self.chain is not None and audit else None
        if state is not None and self._audit is not None:
            now = time.monotonic()
            rows.audit.extend(state.link(entry, now) for entry in audit)
            if state.segment_records >= self._audit.segment_records or (
                now - state.segment_opened >= self._audit.segment_seconds
            ):
                rows.checkpoints.append(state.close_segment(_now(), self._audit.signer).row())
        try:
            self._append(rows)
        except OSError as exc:
            self._metrics.journal_failures.inc()
            log.error("spool write failed", extra={"error": describe_error(exc)})
            done.set_exception(JournalUnavailableError(f"spool write failed: {exc}"))
            self._replace_spool_file()
            return ticket
        if state is not None:
            self.chain = state
        done.set_result(None)
        return ticket

    async def wait(self, ticket: Ticket) -> None:
        """Waits for ``ticket``'s records; on timeout or cancellation, withdraws them if it can."""
        done = ticket.done
        assert done is not None
        if done.done():  # appended inline: nothing to wait for
            done.result()
            return
        try:
            await asyncio.wait_for(asyncio.shield(done), self.durability_timeout)
        except asyncio.CancelledError:
            done.cancel()
            raise
        except TimeoutError:
            # Not yet taken into a batch: withdrawn, so no record claims an answer the client
            # never got. (Once in a batch it may still land: a record without a delivered
            # response, never a delivered response without a record.)
            done.cancel()
            raise JournalUnavailableError(
                f"records not durable within {self.durability_timeout:g} s"
            ) from None

    def submit(self, ledger: Mapping[str, Any] | None, audit: Sequence[AuditEntry] = ()) -> None:
        """Queues records without waiting: for requests nobody will acknowledge anymore."""
        if self._inline:
            ticket = self._append_now(ledger, audit)
            assert ticket.done is not None
            if ticket.done.exception() is not None:
                self._metrics.journal_dropped.inc()
            return
        try:
            self._enqueue(ledger, audit, durable=False)
        except JournalUnavailableError:
            self._metrics.journal_dropped.inc()
            log.error("journal queue full; dropped the records of an unacknowledged request")

    async def flushed(self) -> None:
        """Waits until everything queued so far is in the database (tests, reports)."""
        # Tickets are written in order, so once this empty one is through, so is all before it.
        barrier = Ticket(None, (), asyncio.get_running_loop().create_future())
        self._pending.append(barrier)
        self._wakeup.set()
        await self.wait(barrier)
        if self._spool is None or self.loader is None or self._spool_settings is None:
            return
        deadline = time.monotonic() + self.durability_timeout * 2
        while True:
            # Asked again each time: a load takes what was spooled before it began.
            self.loader.nudge()
            if await spool_pending_bytes(self._engine, self._spool_settings.directory) == 0:
                return
            if time.monotonic() > deadline:
                raise JournalUnavailableError("the spool loader did not catch up in time")
            await asyncio.sleep(0.02)

    async def stop(self) -> None:
        """Writes what is queued, seals the open segment, loads the spool, and stops."""
        self._closing = True
        self._wakeup.set()
        if self._task is not None and not self._task.done():
            try:
                await asyncio.wait_for(self._task, self.durability_timeout * 2)
            except TimeoutError:
                log.error("journal writer did not drain in time; %d items", len(self._pending))
            self._task = None
        await stop_tasks(self._watch, self._spool_watch)
        self._watch = self._spool_watch = None
        if self._spool is not None:
            self._spool.close()  # frees its lock: the loader may now finish and delete it
            self._spool = None
        if self.loader is not None:
            stopped = await self.loader.stop()
            self._count_quarantined(self.loader.reports())
            if not stopped:
                # The spool keeps them: the next start loads what is left.
                log.error("spool not fully loaded at shutdown; the next start loads the rest")

    def _enqueue(
        self, ledger: Mapping[str, Any] | None, audit: Sequence[AuditEntry], *, durable: bool
    ) -> Ticket | None:
        if self._closing or len(self._pending) >= self._max_pending:
            raise JournalUnavailableError("journal queue is full or closed")
        if self._audit is None:
            audit = ()
        done = asyncio.get_running_loop().create_future() if durable else None
        ticket = Ticket(ledger, audit, done)
        if ledger is None and not audit:
            if done is not None:
                done.set_result(None)
            return ticket
        self._pending.append(ticket)
        self._wakeup.set()
        return ticket

    async def _run(self) -> None:
        delay = _RETRY_MIN_SECONDS
        while True:
            if not self._pending:
                if self._closing:
                    await self._seal_open_segment()
                    return
                self._wakeup.clear()
                try:
                    await asyncio.wait_for(self._wakeup.wait(), self._until_segment_due())
                except TimeoutError:
                    await self._seal_open_segment()
                    continue
            batch = self._take_batch()
            if not batch:
                continue
            try:
                await self._flush(batch)
            except Exception as exc:
                self._metrics.journal_failures.inc()
                log.error("journal write failed; retrying", extra={"error": describe_error(exc)})
                self._pending.extendleft(reversed(batch))
                if self._closing and delay >= _RETRY_MAX_SECONDS:
                    log.error("journal closed with %d records unwritten", len(self._pending))
                    return
                await asyncio.sleep(delay)
                delay = min(delay * 2, _RETRY_MAX_SECONDS)
                continue
            delay = _RETRY_MIN_SECONDS
            for item in batch:
                if item.done is not None and not item.done.done():
                    item.done.set_result(None)

    def _take_batch(self) -> list[Ticket]:
        batch: list[Ticket] = []
        while self._pending and len(batch) < self._max_batch:
            item = self._pending.popleft()
            if item.withdrawn:
                continue  # its request gave up waiting and answered with an error
            # A ticket taken into a batch that failed stays in the retry, waiter or not: its
            # records may already be in the spool, and the retry must repeat them exactly.
            item.taken = True
            batch.append(item)
        return batch

    async def _flush(self, batch: list[Ticket]) -> None:
        started = time.perf_counter()
        rows = Rows(ledger=[item.ledger for item in batch if item.ledger is not None])
        state = self.chain.copy() if self.chain is not None else None
        if state is not None and self._audit is not None:
            now = time.monotonic()
            for item in batch:
                rows.audit.extend(state.link(entry, now) for entry in item.audit)
            if state.segment_records >= self._audit.segment_records or (
                now - state.segment_opened >= self._audit.segment_seconds
            ):
                rows.checkpoints.append(state.close_segment(_now(), self._audit.signer).row())
        await self._persist(rows)
        if state is not None:
            self.chain = state  # only now: a failed write leaves the head where it was
        self._metrics.journal_batch_size.observe(len(batch))
        self._metrics.journal_commit_seconds.observe(time.perf_counter() - started)

    async def _persist(self, rows: Rows) -> None:
        if not rows:
            return
        spool = self._spool
        if spool is None:
            quarantined = await insert_or_quarantine(self._engine, rows, "writer")
            self._count_quarantined(quarantined)
            return
        if self._spool_settings is not None and self._spool_settings.fsync:
            if self._spool_deleted:
                self._respool()
                spool = self._spool
                assert spool is not None
            try:
                await asyncio.to_thread(spool.append, rows.encode())
            except OSError:
                self._replace_spool_file()
                raise
            self._appended()
        else:
            self._append(rows)

    def _append(self, rows: Rows) -> None:
        """Appends to the spool from the event loop: a page-cache write of a few microseconds,
        cheaper than a thread hop (only ``fsync`` takes the spool to a thread)."""
        if self._spool_deleted:
            self._respool()
        assert self._spool is not None
        self._spool.append(rows.encode())
        self._appended()

    def _appended(self) -> None:
        spool = self._spool
        assert spool is not None
        if self._spool_settings is not None and spool.size >= self._spool_settings.rotate_bytes:
            spool.close()
            self._open_spool_file()

    def _open_spool_file(self) -> None:
        assert self._spool_settings is not None
        self._spool_number += 1
        name = f"{self._spool_name}-{self._spool_number:06d}{SUFFIX}"
        self._spool = SpoolFile(
            self._spool_settings.directory / name,
            fsync=self._spool_settings.fsync,
            header=self._spool_header,
        )

    def _replace_spool_file(self) -> None:
        """After a failed append, later records go to a new file: the failure may have left
        a tail that could not be cut, or (after a failed ``fsync``) pages the kernel dropped."""
        spool = self._spool
        if spool is None or self._spool_deleted:
            return  # a deleted file is kept open until its records are in a new one
        spool.close()
        try:
            self._open_spool_file()
        except OSError as exc:
            # Appends to the closed file fail (and answer 503) until a new file opens.
            log.error("cannot open a new spool file", extra={"error": describe_error(exc)})

    def _until_segment_due(self) -> float | None:
        chain = self.chain
        if chain is None or self._audit is None or chain.segment_records == 0:
            return None
        return max(0.0, chain.segment_opened + self._audit.segment_seconds - time.monotonic())

    async def _seal_open_segment(self) -> None:
        if self.chain is None or self._audit is None or self.chain.segment_records == 0:
            return
        state = self.chain.copy()
        checkpoint = state.close_segment(_now(), self._audit.signer)
        try:
            await self._persist(Rows(checkpoints=[checkpoint.row()]))
        except Exception as exc:
            self._metrics.journal_failures.inc()
            log.error("audit checkpoint failed", extra={"error": describe_error(exc)})
            return
        self.chain = state

    async def _open_chain(self) -> ChainState:
        """Starts this process's chain with a record naming the newest record of every chain
        that no start record names yet.

        Deleting a whole earlier chain, or the tail of one, then breaks that reference; naming
        every unnamed head (not only the newest record) keeps the chains of concurrent
        processes (workers, other nodes) in reach of a later one.
        """
        assert self._audit is not None
        now = _now()
        state = ChainState(new_chain_id(now))
        async with self._engine.begin() as conn:
            heads = await _unnamed_heads(conn)
            entry = AuditEntry("chain_start", None, None, chain_start_payload(heads), now)
            await conn.execute(insert(AuditRecordRow), [state.link(entry, time.monotonic())])
            # The start record is a segment of its own, sealed at once: its signature vouches
            # for the heads it names from the first moment, not an hour later.
            checkpoint = state.close_segment(now, self._audit.signer)
            await conn.execute(insert(AuditCheckpointRow), [checkpoint.row()])
        log.info("audit chain opened", extra={"chain": state.chain, "follows": len(heads)})
        return state


async def _unnamed_heads(conn: AsyncConnection) -> list[ChainHead]:
    """The newest record of each chain, where it is newer than any start record names.

    Chains are found by their start records (one per process start, read through a partial
    index) and by the heads those name (a chain whose start was pruned); each chain's newest
    record is one lookup in the (chain, seq) index.
    """
    table = AuditRecordRow.__table__
    named: dict[str, int] = {}
    starts = await conn.execute(
        select(table.c.chain, table.c.payload).where(table.c.kind == "chain_start")
    )
    for chain, payload in starts:
        named.setdefault(chain, 0)
        for head in followed_heads(payload) or ():
            named[head.chain] = max(named.get(head.chain, 0), head.seq)
    heads = []
    for chain in sorted(named):
        newest = (
            await conn.execute(
                select(table.c.seq, table.c.hash)
                .where(table.c.chain == chain)
                .order_by(table.c.seq.desc())
                .limit(1)
            )
        ).first()
        if newest is not None and newest.seq > named[chain]:
            heads.append(ChainHead(chain, newest.seq, newest.hash))
    return heads


def _now() -> datetime:
    return datetime.now(UTC)


async def load_leftovers(engine: AsyncEngine, directory: Path) -> Counter[str]:
    """Loads what processes that are gone left in the spool, before serving; returns what was
    quarantined, by kind."""
    lock = DirectoryLock(directory)
    # A loader still finishing a killed gateway's files holds the directory for a moment;
    # one that holds it longer (a live gateway sharing the directory) loads them itself.
    if not await asyncio.to_thread(lock.acquire, 3.0):
        log.warning("spool directory busy; its loader will load the leftovers")
        return Counter()
    loader = SpoolLoader(engine, directory)
    try:
        loaded = await loader.sweep()
    finally:
        lock.release()
    if loaded:
        log.warning("recovered spooled records", extra={"lines": loaded})
    return loader.take_quarantined()
