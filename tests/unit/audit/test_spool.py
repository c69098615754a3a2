"""The spool: durable on append, loaded exactly once, recovered after a crash, rotated."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bastion.journal.rows import Rows
from bastion.journal.spool import SpoolFile, is_abandoned, read_lines, spool_files
from bastion.journal.writer import AuditSettings, JournalWriter, SpoolSettings
from bastion.store import Store
from bastion.store.models import AuditRecordRow, JournalSpoolRow, UsageHourlyRow, UsageRow
from bastion.telemetry.metrics import GatewayMetrics
from tests.unit.audit.test_journal_writer import count, entry, ledger


def writer(store: Store, directory: Path, **spool: int) -> JournalWriter:
    return JournalWriter(
        store.engines.write,
        GatewayMetrics(),
        audit=AuditSettings(None, 1000, 3600.0),
        spool=SpoolSettings(directory, **spool),  # type: ignore[arg-type]
    )


async def test_records_reach_the_database_and_the_spool_is_removed_at_stop(
    store: Store, tmp_path: Path
) -> None:
    journal = writer(store, tmp_path / "journal")
    await journal.start()
    for i in range(20):
        await journal.write(ledger(f"r{i}"), [entry(request_id=f"r{i}")])
    await journal.flushed()
    assert await count(store, UsageRow) == 20
    await journal.stop()
    assert spool_files(tmp_path / "journal") == []
    assert await count(store, JournalSpoolRow) == 0


async def test_a_dead_writers_spool_is_loaded_at_the_next_start(
    store: Store, tmp_path: Path
) -> None:
    directory = tmp_path / "journal"
    dead = writer(store, directory)
    await dead.start()
    assert dead.loader is not None
    await dead.loader.stop()  # the loader "dies" first: what follows stays in the spool only
    for i in range(5):
        await dead.write(ledger(f"r{i}"), [entry(request_id=f"r{i}")])
    assert await count(store, UsageRow) == 0
    [path] = spool_files(directory)
    assert not is_abandoned(path)  # its writer still holds the lock
    dead._task.cancel()  # type: ignore[union-attr]
    dead._spool.close()  # type: ignore[union-attr]  # the process is gone: the lock is free
    assert is_abandoned(path)

    successor = writer(store, directory)
    await successor.start()
    assert await count(store, UsageRow) == 5
    assert not path.exists()
    await successor.stop()


async def test_replaying_loaded_lines_neither_loses_nor_doubles(
    store: Store, tmp_path: Path
) -> None:
    """A crash between loading and recording progress replays lines: they must not double."""
    directory = tmp_path / "journal"
    directory.mkdir()
    path = directory / "20260101T000000-aaaaaaaaaaaa-000001.spool"
    spool = SpoolFile(path, fsync=False)
    spool.append(Rows(ledger=[ledger("a"), ledger("b")]).encode())
    spool.close()
    replayer = writer(store, directory)
    await replayer.start()
    await replayer.stop()
    # The same lines again, as if progress had never been recorded.
    spool = SpoolFile(path, fsync=False)
    spool.append(Rows(ledger=[ledger("a"), ledger("b"), ledger("c")]).encode())
    spool.close()
    again = writer(store, directory)
    await again.start()
    await again.stop()
    assert await count(store, UsageRow) == 3
    async with store.engines.read.connect() as conn:
        rolled_up = (await conn.execute(select(func.sum(UsageHourlyRow.requests)))).scalar()
    assert rolled_up == 3  # the hourly sums count each request once too


async def test_a_torn_last_line_is_ignored(store: Store, tmp_path: Path) -> None:
    directory = tmp_path / "journal"
    directory.mkdir()
    path = directory / "20260101T000000-bbbbbbbbbbbb-000001.spool"
    whole = Rows(ledger=[ledger("whole")]).encode()
    torn = Rows(ledger=[ledger("torn")]).encode()[:-20]
    path.write_bytes(whole + torn)
    lines, consumed = read_lines(path, 0, 1 << 20)
    assert (len(lines), consumed) == (1, len(whole))
    recovering = writer(store, directory)
    await recovering.start()
    await recovering.stop()
    async with store.engines.read.connect() as conn:
        ids = set((await conn.execute(select(UsageRow.request_id))).scalars())
    assert ids == {"whole"}


async def test_full_spool_files_rotate_and_are_removed_once_loaded(
    store: Store, tmp_path: Path
) -> None:
    directory = tmp_path / "journal"
    journal = writer(store, directory, rotate_bytes=4096)
    await journal.start()
    for i in range(40):
        await journal.write(ledger(f"r{i}"), [entry(request_id=f"r{i}")])
    await journal.flushed()
    assert await count(store, UsageRow) == 40
    assert await count(store, AuditRecordRow) == 41
    assert len(spool_files(directory)) == 1  # older files were loaded and removed
    await journal.stop()
