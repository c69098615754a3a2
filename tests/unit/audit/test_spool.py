"""The spool: durable on append, loaded exactly once, recovered after a crash, rotated."""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import orjson
import pytest
from sqlalchemy import func, select

from bastion.journal import loader as loader_module
from bastion.journal.loader import SpoolLoader
from bastion.journal.loader_process import LoaderProcess
from bastion.journal.rows import Rows
from bastion.journal.spool import SpoolFile, is_abandoned, read_lines, spool_files
from bastion.journal.writer import (
    AuditSettings,
    JournalUnavailableError,
    JournalWriter,
    SpoolSettings,
)
from bastion.store.models import (
    AuditRecordRow,
    JournalQuarantineRow,
    JournalSpoolRow,
    UsageHourlyRow,
    UsageRow,
)
from bastion.store.store import Store
from bastion.telemetry.metrics import GatewayMetrics
from tests.unit.audit.test_journal_writer import count, entry, ledger


def writer(store: Store, directory: Path, **spool: float) -> JournalWriter:
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


async def test_a_load_takes_what_was_spooled_before_it_began(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines appended during a load wait for the next one, in one batch: a load chasing a busy
    writer committed a few lines per transaction, ten times the CPU per record."""
    directory = tmp_path / "journal"
    directory.mkdir()
    spool = SpoolFile(directory / "20260101T000000-dddddddddddd-000001.spool", fsync=False)
    spool.append(Rows(ledger=[ledger("first")]).encode())
    loader = SpoolLoader(store.engines.write, directory)
    assert await loader.sweep() == 1
    for i in range(3):
        spool.append(Rows(ledger=[ledger(f"early{i}")]).encode())
    reads: list[int] = []

    def read_while_the_writer_appends(
        path: Path, offset: int, limit: int
    ) -> tuple[list[bytes], int]:
        read = read_lines(path, offset, limit)
        reads.append(offset)
        spool.append(Rows(ledger=[ledger(f"late{len(reads)}")]).encode())
        return read

    monkeypatch.setattr(loader_module, "read_lines", read_while_the_writer_appends)
    assert await loader.sweep() == 3
    assert len(reads) == 1  # not a second read for the line appended meanwhile
    assert await count(store, UsageRow) == 4
    assert await loader.sweep() == 1
    assert await count(store, UsageRow) == 5
    spool.close()


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


async def test_unreadable_lines_found_at_start_up_are_quarantined_and_counted(
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
    quarantined = recovering._metrics.registry.get_sample_value(
        "bastion_journal_quarantined_total", {"kind": "line"}
    )
    assert quarantined == 1
    async with store.engines.read.connect() as conn:
        kept = (await conn.execute(select(JournalQuarantineRow.__table__))).one()
    assert (kept.kind, kept.source) == ("line", path.name)
    assert orjson.loads(kept.record) == {"line": '{"l": [oops'}


def _disk_full_half_way(monkeypatch: pytest.MonkeyPatch, spool: SpoolFile) -> None:
    """The next write to ``spool`` writes half its bytes, then finds the disk full."""
    real_write = os.write
    target = spool._fd

    def write(fd: int, data: bytes | memoryview) -> int:
        if fd != target:
            return real_write(fd, data)
        monkeypatch.setattr(os, "write", real_write)  # once
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", write)


def _request_ids(path: Path) -> list[str]:
    lines, consumed = read_lines(path, 0, 1 << 20)
    assert consumed == path.stat().st_size  # no torn bytes left behind
    return [row["request_id"] for line in lines for row in Rows.decode(line).ledger]


@pytest.mark.parametrize("fsync", [False, True])
def test_a_failed_append_leaves_nothing_the_next_record_could_be_glued_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fsync: bool
) -> None:
    path = tmp_path / "20260101T000000-eeeeeeeeeeee-000001.spool"
    spool = SpoolFile(path, fsync=fsync)
    spool.append(Rows(ledger=[ledger("first")]).encode())
    _disk_full_half_way(monkeypatch, spool)
    with pytest.raises(OSError, match="No space"):
        spool.append(Rows(ledger=[ledger("failed")]).encode())
    spool.append(Rows(ledger=[ledger("next")]).encode())
    spool.close()
    assert _request_ids(path) == ["first", "next"]


def test_a_complete_write_whose_fsync_fails_stays_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A loader may already have read it: it stays, and may land for an unanswered request."""
    path = tmp_path / "20260101T000000-eeeeeeeeeeee-000001.spool"
    spool = SpoolFile(path, fsync=True)
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        monkeypatch.setattr(os, "fsync", real_fsync)
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="Input/output"):
        spool.append(Rows(ledger=[ledger("unflushed")]).encode())
    spool.append(Rows(ledger=[ledger("next")]).encode())
    spool.close()
    assert _request_ids(path) == ["unflushed", "next"]


async def test_with_fsync_a_failed_append_is_retried_whole_on_a_new_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "journal"
    journal = writer(store, directory, fsync=True)
    await journal.start()
    await journal.write(ledger("before"), [entry(request_id="before")])
    assert journal._spool is not None
    first_file = journal._spool.path
    _disk_full_half_way(monkeypatch, journal._spool)
    # The batch fails, is retried on a new spool file, and lands: the request succeeds.
    await journal.write(ledger("retried"), [entry(request_id="retried")])
    await journal.write(ledger("after"), [entry(request_id="after")])
    await journal.flushed()
    async with store.engines.read.connect() as conn:
        ids = set((await conn.execute(select(UsageRow.request_id))).scalars())
    assert ids == {"before", "retried", "after"}
    assert journal._spool.path != first_file
    assert await count(store, AuditRecordRow) == 4  # the chain's start and three intents
    assert await count(store, JournalQuarantineRow) == 0
    await journal.stop()
    assert spool_files(directory) == []


async def test_without_fsync_a_failed_append_fails_its_request_only(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "journal"
    journal = writer(store, directory)
    await journal.start()
    await journal.write(ledger("before"))
    assert journal._spool is not None
    _disk_full_half_way(monkeypatch, journal._spool)
    with pytest.raises(JournalUnavailableError):
        await journal.write(ledger("refused"))
    await journal.write(ledger("after"))
    await journal.flushed()
    async with store.engines.read.connect() as conn:
        ids = set((await conn.execute(select(UsageRow.request_id))).scalars())
    assert ids == {"before", "after"}
    assert await count(store, JournalQuarantineRow) == 0
    await journal.stop()


async def test_a_record_glued_to_a_torn_write_by_an_older_version_is_recovered(
    store: Store, tmp_path: Path
) -> None:
    directory = tmp_path / "journal"
    directory.mkdir()
    torn = Rows(ledger=[ledger("torn")]).encode()[:-40]
    glued = torn + Rows(ledger=[ledger("glued")]).encode()
    path = directory / "20260101T000000-ffffffffffff-000001.spool"
    path.write_bytes(Rows(ledger=[ledger("whole")]).encode() + glued)
    recovering = writer(store, directory)
    await recovering.start()
    await recovering.stop()
    async with store.engines.read.connect() as conn:
        ids = set((await conn.execute(select(UsageRow.request_id))).scalars())
        kept = (await conn.execute(select(JournalQuarantineRow.__table__))).one()
    assert ids == {"whole", "glued"}
    assert kept.kind == "line"
    assert orjson.loads(kept.record) == {"line": torn.decode()}


@pytest.mark.parametrize("fsync", [False, True])
async def test_records_in_a_spool_deleted_while_in_use_are_loaded_all_the_same(
    store: Store, tmp_path: Path, fsync: bool
) -> None:
    """A cleaner removes the spool directory under a running gateway: what was appended to the
    deleted file, before and after, is written to a new one and loaded; nothing is doubled."""
    import shutil

    directory = tmp_path / "journal"
    journal = writer(store, directory, fsync=fsync)
    await journal.start()
    for i in range(5):
        await journal.write(ledger(f"before{i}"), [entry(request_id=f"before{i}")])
    await journal.flushed()  # some rows are loaded from the file before it goes
    await journal.write(ledger("unloaded"), [entry(request_id="unloaded")])
    shutil.rmtree(directory)
    await journal.write(ledger("into-the-void"), [entry(request_id="into-the-void")])
    await asyncio.sleep(1.5)  # the watch notices
    await journal.write(ledger("after"), [entry(request_id="after")])
    await journal.flushed()
    async with store.engines.read.connect() as conn:
        ids = list((await conn.execute(select(UsageRow.request_id))).scalars())
    assert sorted(ids) == sorted(
        [*(f"before{i}" for i in range(5)), "unloaded", "into-the-void", "after"]
    )
    assert directory.is_dir()
    await journal.stop()
    assert await count(store, AuditRecordRow) == 1 + 8  # the chain's start and one a request


async def test_the_loader_process_outlasts_a_sigterm_to_the_process_group(
    store: Store, tmp_path: Path
) -> None:
    """A service manager stops the whole group: the loader waits for the writer's last lines."""
    journal = writer(store, tmp_path / "journal", load_interval=30.0)
    await journal.start()
    assert journal.loader is not None and journal.loader._process is not None
    await journal.write(ledger("before the signal"))
    await journal.flushed()  # the loader is up and has loaded once
    journal.loader._process.send_signal(signal.SIGTERM)
    await journal.write(ledger("after the signal"))
    await asyncio.sleep(0.5)
    assert journal.loader.alive
    await journal.stop()
    assert await count(store, UsageRow) == 2
    assert not list((tmp_path / "journal").glob("*.spool"))


async def test_a_spool_directory_that_cannot_be_made_again_is_logged_once_a_minute(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import shutil

    directory = tmp_path / "journal"
    journal = writer(store, directory)
    await journal.start()
    await journal.write(ledger("kept"))
    shutil.rmtree(directory)
    directory.write_text("a file where the directory was")
    with caplog.at_level(logging.ERROR, logger="bastion.journal.writer"):
        await asyncio.sleep(3.5)  # the watch tries every second
    failures = [r for r in caplog.records if "cannot be replaced" in r.getMessage()]
    assert len(failures) == 1
    directory.unlink()
    await asyncio.sleep(1.5)
    assert directory.is_dir()
    await journal.stop()
    assert await count(store, UsageRow) == 1


async def test_the_final_load_waits_for_a_database_that_is_down_at_shutdown(
    tmp_path: Path,
) -> None:
    """Stopped while its database does not answer, the loader keeps trying for its budget
    (a pod's spool is deleted with it: there is no next start), not a few quick attempts."""
    directory = tmp_path / "journal"
    directory.mkdir()
    spool = SpoolFile(directory / "20260101T000000-eeeeeeeeeeee-000001.spool", fsync=False)
    spool.append(Rows(ledger=[ledger("kept")]).encode())
    spool.close()
    url = f"sqlite+aiosqlite:///{tmp_path}/not-yet/bastion.db"  # no directory: unreachable
    loader = LoaderProcess(url, directory, 30.0, final_load_seconds=20.0)
    loader.start()
    stopping = asyncio.create_task(loader.stop())
    await asyncio.sleep(4.0)  # longer than the few attempts it used to make
    assert not stopping.done()
    store = await Store.open(url)  # the database is back
    try:
        assert await stopping
        assert await count(store, UsageRow) == 1
        assert spool_files(directory) == []
    finally:
        await store.close()
