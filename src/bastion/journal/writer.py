"""The group-commit writer behind the usage ledger and the audit journal.

Requests hand over their records and, where durability is demanded, wait for them: the writer
takes everything queued, writes it in one transaction (ledger rows, their hourly rollup, and the
audit records chained in order), commits, and wakes the waiters. While one batch commits the
next one gathers, so under load many requests share one commit and the cost per request falls.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bastion.audit.chain import AuditEntry, ChainState, Signer, new_chain_id
from bastion.ledger.rollup import rollup_rows, rollup_statement
from bastion.store.models import AuditCheckpointRow, AuditRecordRow, UsageRow
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

_RETRY_MIN_SECONDS = 0.05
_RETRY_MAX_SECONDS = 2.0


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


class JournalWriter:
    def __init__(
        self,
        engine: AsyncEngine,
        metrics: GatewayMetrics,
        *,
        audit: AuditSettings | None,
        max_batch: int = 1024,
        max_pending: int = 100_000,
        durability_timeout: float = 5.0,
    ) -> None:
        self._engine = engine
        self._metrics = metrics
        self._audit = audit
        self._max_batch = max_batch
        self._max_pending = max_pending
        self.durability_timeout = durability_timeout
        self._pending: deque[Ticket] = deque()
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self.chain: ChainState | None = None

    async def start(self) -> None:
        if self._audit is not None:
            self.chain = await self._open_chain()
        self._task = asyncio.create_task(self._run(), name="journal-writer")

    async def write(
        self, ledger: Mapping[str, Any] | None, audit: Sequence[AuditEntry] = ()
    ) -> None:
        """Returns once the records are committed; raises JournalUnavailableError otherwise."""
        await self.wait(self.enqueue(ledger, audit))

    def enqueue(self, ledger: Mapping[str, Any] | None, audit: Sequence[AuditEntry] = ()) -> Ticket:
        ticket = self._enqueue(ledger, audit, durable=True)
        assert ticket is not None
        return ticket

    async def wait(self, ticket: Ticket) -> None:
        """Waits for ``ticket``'s commit; on timeout or cancellation, withdraws it if it can."""
        done = ticket.done
        assert done is not None
        try:
            await asyncio.wait_for(asyncio.shield(done), self.durability_timeout)
        except asyncio.CancelledError:
            done.cancel()
            raise
        except TimeoutError:
            # Not yet taken into a batch: withdraw it, so no record claims an answer the
            # client never got. (Once in a batch it may still land: a record without a
            # delivered response, never a delivered response without a record.)
            done.cancel()
            raise JournalUnavailableError(
                f"records not durable within {self.durability_timeout:g} s"
            ) from None

    def submit(self, ledger: Mapping[str, Any] | None, audit: Sequence[AuditEntry] = ()) -> None:
        """Queues records without waiting: for requests nobody will acknowledge anymore."""
        try:
            self._enqueue(ledger, audit, durable=False)
        except JournalUnavailableError:
            self._metrics.journal_dropped.inc()
            log.error("journal queue full; dropped the records of an unacknowledged request")

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

    async def stop(self) -> None:
        """Writes what is queued, seals the open segment, and stops."""
        self._closing = True
        self._wakeup.set()
        if self._task is not None and not self._task.done():
            try:
                await asyncio.wait_for(self._task, self.durability_timeout * 2)
            except TimeoutError:
                log.error("journal writer did not drain in time; %d items", len(self._pending))
            self._task = None

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
                unwritten: list[Ticket] = []
                self._resolve(batch)
            except IntegrityError:
                # One bad record must not hold up everyone's: write them singly, drop the bad.
                unwritten = await self._flush_singly(batch)
            except Exception as exc:
                log.error("journal write failed; retrying", extra={"error": _describe(exc)})
                unwritten = batch
            if not unwritten:
                delay = _RETRY_MIN_SECONDS
                continue
            self._metrics.journal_failures.inc()
            self._pending.extendleft(reversed(unwritten))
            if self._closing and delay >= _RETRY_MAX_SECONDS:
                log.error("journal closed with %d records unwritten", len(self._pending))
                return
            await asyncio.sleep(delay)
            delay = min(delay * 2, _RETRY_MAX_SECONDS)

    @staticmethod
    def _resolve(batch: list[Ticket]) -> None:
        for item in batch:
            if item.done is not None and not item.done.done():
                item.done.set_result(None)

    def _take_batch(self) -> list[Ticket]:
        batch: list[Ticket] = []
        while self._pending and len(batch) < self._max_batch:
            item = self._pending.popleft()
            if item.done is not None and item.done.cancelled():
                continue  # its request gave up waiting and answered with an error
            item.taken = True
            batch.append(item)
        return batch

    async def _flush_singly(self, batch: list[Ticket]) -> list[Ticket]:
        """Writes one ticket per transaction; returns those left when the database failed."""
        for index, item in enumerate(batch):
            try:
                await self._flush([item])
            except IntegrityError as exc:
                self._metrics.journal_dropped.inc()
                log.error("journal record rejected", extra={"error": _describe(exc)})
                if item.done is not None and not item.done.done():
                    item.done.set_exception(JournalUnavailableError("record rejected"))
            except Exception as exc:
                log.error("journal write failed; retrying", extra={"error": _describe(exc)})
                return batch[index:]
            else:
                self._resolve([item])
        return []

    async def _flush(self, batch: list[Ticket]) -> None:
        started = time.perf_counter()
        ledger_rows = [item.ledger for item in batch if item.ledger is not None]
        chain = self.chain
        state = chain.copy() if chain is not None else None
        audit_rows: list[dict[str, Any]] = []
        checkpoints: list[dict[str, Any]] = []
        if state is not None and self._audit is not None:
            now = time.monotonic()
            for item in batch:
                audit_rows.extend(state.link(entry, now) for entry in item.audit)
            if state.segment_records >= self._audit.segment_records or (
                now - state.segment_opened >= self._audit.segment_seconds
            ):
                checkpoints.append(state.close_segment(_now(), self._audit.signer).row())
        async with self._engine.begin() as conn:
            if ledger_rows:
                await conn.execute(insert(UsageRow), ledger_rows)
                await conn.execute(rollup_statement(conn.dialect.name), rollup_rows(ledger_rows))
            if audit_rows:
                await conn.execute(insert(AuditRecordRow), audit_rows)
            if checkpoints:
                await conn.execute(insert(AuditCheckpointRow), checkpoints)
        if state is not None:
            self.chain = state  # only now: a failed transaction leaves the head where it was
        self._metrics.journal_batch_size.observe(len(batch))
        self._metrics.journal_commit_seconds.observe(time.perf_counter() - started)

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
            async with self._engine.begin() as conn:
                await conn.execute(insert(AuditCheckpointRow), [checkpoint.row()])
        except Exception as exc:
            self._metrics.journal_failures.inc()
            log.error("audit checkpoint failed", extra={"error": _describe(exc)})
            return
        self.chain = state

    async def _open_chain(self) -> ChainState:
        """Starts this process's chain with a record naming the newest record written before.

        Deleting a whole earlier chain, or the tail of one, then breaks that reference.
        """
        now = _now()
        state = ChainState(new_chain_id(now))
        async with self._engine.begin() as conn:
            follows = await _newest_record(conn)
            entry = AuditEntry("chain_start", None, None, _chain_start_payload(follows), now)
            await conn.execute(insert(AuditRecordRow), [state.link(entry, time.monotonic())])
        log.info("audit chain opened", extra={"chain": state.chain})
        return state


async def _newest_record(conn: AsyncConnection) -> dict[str, Any] | None:
    table = AuditRecordRow.__table__
    row = (
        await conn.execute(
            select(table.c.chain, table.c.seq, table.c.hash).order_by(table.c.id.desc()).limit(1)
        )
    ).first()
    return None if row is None else {"chain": row.chain, "seq": row.seq, "hash": row.hash}


def _chain_start_payload(follows: dict[str, Any] | None) -> str:
    return orjson.dumps({"follows": follows}, option=orjson.OPT_SORT_KEYS).decode()


def _now() -> datetime:
    return datetime.now(UTC)


def _describe(exc: BaseException) -> str:
    # Driver errors can be long and carry SQL; the type and first line are enough in a log.
    first = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {first[:200]}"
