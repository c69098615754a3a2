"""The spool: durable on append, loaded exactly once, recovered after a crash, rotated."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import time
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
    url = str(store.engines.write.url)
    return JournalWriter(
        store.engines.write,
        GatewayMetrics(),
        audit=AuditSettings(None, 1000, 3600.0),
        spool=SpoolSettings(directory, url, **spool),  # type: ignore[arg-type]
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
    directory.mkdir()
    path = directory / "20260101T000000-cccccccccccc-000001.spool"
    spool = SpoolFile(path, fsync=False)
    for i in range(5):
        spool.append(Rows(ledger=[ledger(f"r{i}")]).encode())
    assert not is_abandoned(path)  # its writer still holds the lock
    spool.close()  # the process is gone: the lock is free
    assert is_abandoned(path)
    assert await count(store, UsageRow) == 0

    successor = writer(store, directory)
    await successor.start()  # loads the leftovers before it serves
    assert await count(store, UsageRow) == 5
    assert not path.exists()
    await successor.stop()


async def test_the_loader_process_follows_the_live_spool_and_is_restarted(
    store: Store, tmp_path: Path
) -> None:
    journal = writer(store, tmp_path / "journal", load_interval=0.02)
    await journal.start()
    assert journal.loader is not None
    await journal.write(ledger("before"))
    await journal.flushed()
    assert await count(store, UsageRow) == 1
    journal.loader._process.kill()  # type: ignore[union-attr]
    for i in range(3):
        await journal.write(ledger(f"meanwhile{i}"))  # durable in the spool regardless
    await journal.flushed()  # the watchdog restarts the loader, which catches up
    assert await count(store, UsageRow) == 4
    assert journal.loader.restarts == 1
    restarts = journal._metrics.registry.get_sample_value("bastion_journal_loader_restarts_total")
    assert restarts == 1
    await journal.stop()


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


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


async def test_the_loader_loads_the_rest_and_exits_when_its_gateway_dies(
    store: Store, tmp_path: Path
) -> None:
    """However the gateway ends, the end of the loader's stdin tells the loader."""
    directory = tmp_path / "journal"
    directory.mkdir()
    spool = SpoolFile(directory / "20260101T000000-cccccccccccc-000001.spool", fsync=False)
    spool.append(Rows(ledger=[ledger("left")]).encode())
    spool.close()
    gateway = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from bastion.journal.loader_process import LoaderProcess
        loader = LoaderProcess({str(store.engines.write.url)!r}, Path({str(directory)!r}), 30.0)
        loader.start()
        print(loader._process.pid, flush=True)
        time.sleep(60)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", gateway], stdout=subprocess.PIPE)
    assert parent.stdout is not None
    loader_pid = int(parent.stdout.readline())
    deadline = time.monotonic() + 20
    # The loader yields the CPU to the request path: it runs at a lower priority.
    while os.getpriority(os.PRIO_PROCESS, loader_pid) <= os.getpriority(os.PRIO_PROCESS, 0):
        assert time.monotonic() < deadline, "the loader kept the gateway's priority"
        await asyncio.sleep(0.05)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 20
    while _running(loader_pid):
        assert time.monotonic() < deadline, "the orphaned loader kept running"
        await asyncio.sleep(0.05)
    assert await count(store, UsageRow) == 1  # its final load took the spool in
    assert spool_files(directory) == []


async def test_unreadable_lines_found_at_start_up_are_counted_and_skipped(
    store: Store, tmp_path: Path
) -> None:
    directory = tmp_path / "journal"
    directory.mkdir()
    path = directory / "20260101T000000-dddddddddddd-000001.spool"
    path.write_bytes(b'{"l": [oops\n' + Rows(ledger=[ledger("good")]).encode())
    recovering = writer(store, directory)
    await recovering.start()
    await recovering.stop()
    assert await count(store, UsageRow) == 1
    dropped = recovering._metrics.registry.get_sample_value("bastion_journal_dropped_total")
    assert dropped == 1
