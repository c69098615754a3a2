from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest
from sqlalchemy import func, select

from bastion.audit.chain import AuditEntry
from bastion.journal.writer import JournalUnavailableError
from bastion.store.models import (
    AuditCheckpointRow,
    AuditRecordRow,
    JournalQuarantineRow,
    UsageHourlyRow,
    UsageRow,
)
from bastion.store.store import Store
from tests.unit.audit.conftest import WriterFactory

FINISHED = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)


def ledger(request_id: str, **overrides: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "request_id": request_id,
        "started_at": FINISHED,
        "finished_at": FINISHED,
        "tenant_id": "t1",
        "tenant": "acme",
        "key_id": "k1",
        "endpoint": "chat.completions",
        "model": "m",
        "backend": "gpu",
        "location": "local",
        "upstream_model": "m",
        "stream": False,
        "status": 200,
        "outcome": "ok",
        "input_tokens": 10,
        "cached_input_tokens": 2,
        "output_tokens": 5,
        "usage_estimated": False,
        "queue_ms": 0.0,
        "ttft_ms": None,
        "total_ms": 100.0,
        "cache_status": "none",
    }
    row.update(overrides)
    return row


def entry(kind: str = "intent", request_id: str = "r") -> AuditEntry:
    return AuditEntry(kind, request_id, "t1", "{}", datetime.now(UTC))


async def count(store: Store, table: Any) -> int:
    async with store.engines.read.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(table))).scalar_one())


async def test_records_are_committed_before_write_returns(
    store: Store, journal_writers: WriterFactory
) -> None:
    writer = await journal_writers()
    await writer.write(ledger("r1"), [entry("completion", "r1")])
    assert await count(store, UsageRow) == 1
    # The chain's start record plus this one.
    assert await count(store, AuditRecordRow) == 2


async def test_concurrent_writes_share_commits(
    store: Store, journal_writers: WriterFactory
) -> None:
    writer = await journal_writers()
    metrics = writer._metrics
    await asyncio.gather(*(writer.write(ledger(f"r{i}"), [entry()]) for i in range(200)))
    assert await count(store, UsageRow) == 200
    commits = metrics.registry.get_sample_value("bastion_journal_batch_records_count")
    assert commits is not None
    assert commits < 200  # many requests per commit: that is the point of group commit


async def test_the_hourly_rollup_sums_the_rows(
    store: Store, journal_writers: WriterFactory
) -> None:
    writer = await journal_writers()
    await asyncio.gather(
        writer.write(ledger("a")),
        writer.write(ledger("b", status=502, outcome="error", usage_estimated=True)),
    )
    await writer.write(ledger("c", output_tokens=7))
    async with store.engines.read.connect() as conn:
        rows = (await conn.execute(select(UsageHourlyRow.__table__))).all()
    assert len(rows) == 1
    row = rows[0]
    assert row.hour == FINISHED.replace(minute=0)
    assert (row.requests, row.errors, row.estimated_requests) == (3, 1, 1)
    assert (row.input_tokens, row.cached_input_tokens, row.output_tokens) == (30, 6, 17)
    assert row.busy_ms == pytest.approx(300.0)


async def test_a_full_segment_gets_a_signed_checkpoint(
    store: Store, journal_writers: WriterFactory
) -> None:
    writer = await journal_writers(segment_records=4)
    for i in range(4):
        await writer.write(None, [entry(request_id=f"r{i}")])
    async with store.engines.read.connect() as conn:
        checkpoints = (
            await conn.execute(
                select(AuditCheckpointRow.__table__).order_by(AuditCheckpointRow.segment)
            )
        ).all()
    # The start record is sealed on its own at once; then segments of four.
    assert [(c.first_seq, c.last_seq) for c in checkpoints] == [(1, 1), (2, 5)]
    assert all(c.signature is not None for c in checkpoints)


async def test_stopping_seals_the_open_segment(
    store: Store, journal_writers: WriterFactory
) -> None:
    writer = await journal_writers()
    await writer.write(None, [entry()])
    await writer.stop()
    assert await count(store, AuditCheckpointRow) == 2  # the start record's and the open one


async def test_a_write_that_cannot_commit_in_time_fails_and_is_withdrawn(
    store: Store, journal_writers: WriterFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = await journal_writers(durability_timeout=0.3)
    release = asyncio.Event()
    flush = writer._flush

    async def stuck(batch: list[Any]) -> None:
        await release.wait()
        await flush(batch)

    monkeypatch.setattr(writer, "_flush", stuck)
    blocker = asyncio.create_task(writer.write(ledger("in-flight")))
    await asyncio.sleep(0.05)  # the first write is now inside the stuck flush
    with pytest.raises(JournalUnavailableError):
        await writer.write(ledger("queued"))
    release.set()
    with pytest.raises(JournalUnavailableError):
        await blocker  # its waiter timed out too, though its batch may still land
    await writer.write(ledger("after"))
    async with store.engines.read.connect() as conn:
        ids = set((await conn.execute(select(UsageRow.request_id))).scalars())
    assert "queued" not in ids  # withdrawn: no record claims an answer nobody received
    assert "after" in ids


async def test_failed_batches_are_retried_until_the_database_answers(
    store: Store, journal_writers: WriterFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = await journal_writers()
    flush = writer._flush
    failures = [RuntimeError("database is down"), RuntimeError("still down")]

    async def flaky(batch: list[Any]) -> None:
        if failures:
            raise failures.pop(0)
        await flush(batch)

    monkeypatch.setattr(writer, "_flush", flaky)
    await writer.write(ledger("r1"), [entry()])
    assert await count(store, UsageRow) == 1
    assert writer._metrics.registry.get_sample_value("bastion_journal_write_failures_total") == 2


async def test_a_repeated_request_id_is_kept_once_and_blocks_nothing(
    store: Store, journal_writers: WriterFactory
) -> None:
    writer = await journal_writers()
    await writer.write(ledger("dup"))
    await asyncio.gather(writer.write(ledger("dup", output_tokens=99)), writer.write(ledger("ok")))
    assert await count(store, UsageRow) == 2
    async with store.engines.read.connect() as conn:
        tokens = (
            await conn.execute(select(UsageRow.output_tokens).where(UsageRow.request_id == "dup"))
        ).scalar_one()
    assert tokens == 5  # the first record stands
    await writer.write(ledger("later"))
    assert await count(store, UsageRow) == 3


async def test_a_record_the_database_refuses_is_quarantined_not_retried_forever(
    store: Store, journal_writers: WriterFactory
) -> None:
    """Committing to the database directly: the refused row is kept aside, nothing waits."""
    writer = await journal_writers(durability_timeout=2.0)
    # Out of range for SQLite's 64-bit integers and PostgreSQL's 32-bit ones alike.
    await writer.write(ledger("refused", input_tokens=2**70), [entry(request_id="refused")])
    await writer.write(ledger("after"), [entry(request_id="after")])
    async with store.engines.read.connect() as conn:
        ids = set((await conn.execute(select(UsageRow.request_id))).scalars())
        kept = (await conn.execute(select(JournalQuarantineRow.__table__))).one()
    assert ids == {"after"}
    assert (kept.kind, kept.source) == ("ledger", "writer")
    assert orjson.loads(kept.record)["request_id"] == "refused"
    assert "Overflow" in kept.reason
    assert await count(store, AuditRecordRow) == 3  # its audit record was not refused
    registry = writer._metrics.registry
    assert registry.get_sample_value("bastion_journal_quarantined_total", {"kind": "ledger"}) == 1
