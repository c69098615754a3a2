"""Nothing a client sends, and nothing in a spool directory, can stop the journal.

Client text the database cannot store (NUL, lone surrogates) is stored replaced; a record the
database still refuses is quarantined with its reason while everything else loads; an audit
record quarantined keeps its chain verifiable; spool files of another database are never
loaded into this one. On SQLite and on PostgreSQL, whose text columns refuse NUL.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import delete, select, update

from bastion.audit.chain import GENESIS_HASH, QUARANTINED, Checkpoint, new_chain_id, record_hash
from bastion.audit.verify import verify_journal
from bastion.journal import quarantine
from bastion.journal.rows import Rows
from bastion.journal.spool import QUARANTINE_DIR, SpoolFile, header_line, spool_files
from bastion.journal.writer import AuditSettings, JournalWriter, SpoolSettings
from bastion.store.engine import create_engines
from bastion.store.identity import database_id
from bastion.store.models import (
    AuditRecordRow,
    JournalQuarantineRow,
    UsageHourlyRow,
    UsageRow,
)
from bastion.store.store import Store
from bastion.telemetry.metrics import GatewayMetrics
from tests.conftest import GatewayFactory
from tests.conftest_postgres import scratch_database
from tests.integration.test_journal_durability import ADMIN_KEY, AUDIT_KEY, Gateway
from tests.unit.audit.test_journal_writer import count, entry, ledger

DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path}/bastion.db"
        return
    with scratch_database() as url:
        yield url


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    opened = await Store.open(database_url)
    yield opened
    await opened.close()


def journal(store: Store, directory: Path, **settings: Any) -> JournalWriter:
    return JournalWriter(
        store.engines.write,
        GatewayMetrics(),
        audit=AuditSettings(None, 1000, 3600.0),
        spool=SpoolSettings(directory, str(store.engines.write.url), **settings),
    )


async def spooled(store: Store, directory: Path, *lines: bytes, header: bool = True) -> Path:
    """A spool file a dead gateway of this database left with ``lines``."""
    directory.mkdir(exist_ok=True)
    path = directory / f"{new_chain_id(datetime.now(UTC))}-000001.spool"
    first = header_line(await database_id(store.engines.write)) if header else b""
    path.write_bytes(first + b"".join(lines))
    return path


async def recover(store: Store, directory: Path) -> JournalWriter:
    """Starts a gateway's journal (it loads what is left) and stops it again."""
    writer = journal(store, directory)
    await writer.start()
    await writer.stop()
    return writer


async def request_ids(store: Store) -> set[str]:
    async with store.engines.read.connect() as conn:
        return set((await conn.execute(select(UsageRow.request_id))).scalars())


async def quarantined(store: Store) -> list[Any]:
    async with store.engines.read.connect() as conn:
        table = JournalQuarantineRow.__table__
        return list((await conn.execute(select(table).order_by(table.c.id))).all())


def quarantine_metric(writer: JournalWriter, kind: str) -> float | None:
    registry = writer._metrics.registry
    return registry.get_sample_value("bastion_journal_quarantined_total", {"kind": kind})


async def test_client_text_the_database_cannot_hold_is_stored_replaced(
    store: Store, tmp_path: Path
) -> None:
    directory = tmp_path / "journal"
    path = await spooled(
        store,
        directory,
        Rows(ledger=[ledger("nul", model="gpt\x00x")]).encode(),
        Rows(ledger=[ledger("later")]).encode(),
    )
    writer = await recover(store, directory)
    assert await request_ids(store) == {"nul", "later"}
    async with store.engines.read.connect() as conn:
        models = set((await conn.execute(select(UsageRow.model))).scalars())
        hourly = set((await conn.execute(select(UsageHourlyRow.model))).scalars())
    assert models == hourly == {"gpt\ufffdx", "m"}
    assert await quarantined(store) == []
    assert not path.exists()
    # A lone surrogate cannot even be spooled as it is: it is replaced as well.
    live = journal(store, directory)
    await live.start()
    await live.write(ledger("surrogate", model="x\ud800"), [entry(request_id="surrogate")])
    await live.flushed()
    await live.stop()
    async with store.engines.read.connect() as conn:
        model = (
            await conn.execute(select(UsageRow.model).where(UsageRow.request_id == "surrogate"))
        ).scalar_one()
    assert model == "x\ufffd"
    assert quarantine_metric(writer, "ledger") is None


async def test_a_record_the_database_refuses_is_quarantined_and_the_rest_loads(
    store: Store, tmp_path: Path
) -> None:
    directory = tmp_path / "journal"
    refused = ledger("refused", input_tokens=2**63)  # out of range in both databases
    path = await spooled(
        store,
        directory,
        Rows(ledger=[ledger("a"), refused, ledger("b")]).encode(),
        Rows(ledger=[ledger("c")]).encode(),
    )
    writer = await recover(store, directory)
    assert await request_ids(store) == {"a", "b", "c"}
    [kept] = await quarantined(store)
    assert (kept.kind, kept.source) == ("ledger", path.name)
    assert orjson.loads(kept.record)["input_tokens"] == 2**63
    assert kept.reason
    assert quarantine_metric(writer, "ledger") == 1
    assert not path.exists()  # loaded, so retired
    # Loading the same lines again (a crash before the progress was kept) keeps it once.
    path = await spooled(store, directory, Rows(ledger=[refused, ledger("d")]).encode())
    await recover(store, directory)
    assert await request_ids(store) == {"a", "b", "c", "d"}
    assert len(await quarantined(store)) == 1


def _chain(payloads: list[str]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Audit rows of a whole chain, hashed here (the writer would make them storable first),
    and the checkpoint sealing them."""
    chain, ts = new_chain_id(datetime.now(UTC)), datetime.now(UTC)
    entries = [("chain_start", None, '{"follows":null}')]
    entries += [("intent", f"r{seq}", payload) for seq, payload in enumerate(payloads, 2)]
    rows, previous = [], GENESIS_HASH
    for seq, (kind, request_id, payload) in enumerate(entries, 1):
        fields = {"chain": chain, "seq": seq, "segment": 1, "ts": ts, "kind": kind}
        fields |= {"request_id": request_id, "tenant_id": "t1", "payload": payload}
        digest = record_hash(previous, **fields)
        rows.append({**fields, "prev_hash": previous, "hash": digest})
        previous = digest
    checkpoint = Checkpoint(chain, 1, 1, len(rows), previous, ts, ts, ts)
    return rows, checkpoint.row()


async def test_a_refused_audit_record_keeps_its_chain_verifiable(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store.dialect == "sqlite":
        # SQLite stores NUL; refuse it here as PostgreSQL does.
        insert_rows = quarantine.insert_rows

        async def like_postgresql(conn: Any, rows: Rows) -> None:
            if any("\x00" in row["payload"] for row in rows.audit):
                raise UnicodeEncodeError("utf-8", "\x00", 0, 1, "NUL refused")
            await insert_rows(conn, rows)

        monkeypatch.setattr(quarantine, "insert_rows", like_postgresql)
    rows, checkpoint = _chain(['{"model":"a"}', '{"model":"b\x00"}', '{"model":"c"}'])
    directory = tmp_path / "journal"
    await spooled(store, directory, Rows(audit=rows, checkpoints=[checkpoint]).encode())
    writer = await recover(store, directory)
    assert quarantine_metric(writer, "audit") == 1
    async with store.engines.read.connect() as conn:
        stand_in = (
            await conn.execute(select(AuditRecordRow.__table__).where(AuditRecordRow.seq == 3))
        ).one()
    assert (stand_in.kind, stand_in.request_id, stand_in.hash) == (
        QUARANTINED,
        "r3",
        rows[2]["hash"],
    )
    assert orjson.loads(stand_in.payload)["original"]["payload"] == '{"model":"b\x00"}'

    report = await verify_journal(store.engines.read, None)
    assert report.intact, [f.render() for f in report.findings]
    assert [(f.kind, f.seq) for f in report.findings] == [("quarantined", 3)]
    assert report.quarantined == 1

    # Without its stand-in, the record is read back from the quarantine and checked there.
    async with store.engines.write.begin() as conn:
        await conn.execute(delete(AuditRecordRow).where(AuditRecordRow.kind == QUARANTINED))
    report = await verify_journal(store.engines.read, None)
    assert report.intact, [f.render() for f in report.findings]
    assert [(f.kind, f.seq) for f in report.findings] == [("quarantined", 3)]
    # ... and a quarantined record that was altered is an edit like any other.
    kept = orjson.loads((await quarantined(store))[0].record)
    kept["payload"] = '{"model":"altered"}'
    async with store.engines.write.begin() as conn:
        await conn.execute(update(JournalQuarantineRow).values(record=orjson.dumps(kept).decode()))
    report = await verify_journal(store.engines.read, None)
    assert [(f.kind, f.seq) for f in report.findings if f.severity == "tampered"] == [("edited", 3)]


async def test_spool_files_of_another_database_are_quarantined_not_loaded(
    store: Store, tmp_path: Path
) -> None:
    directory = tmp_path / "journal"
    directory.mkdir()
    foreign = directory / "20260101T000000-aaaaaaaaaaaa-000001.spool"
    foreign.write_bytes(header_line("db_another") + Rows(ledger=[ledger("theirs")]).encode())
    # Written before spool files named their database: their audit chains tell.
    rows, _ = _chain(['{"model":"theirs"}'])
    legacy_foreign = directory / "20260101T000000-bbbbbbbbbbbb-000001.spool"
    legacy_foreign.write_bytes(Rows(ledger=[ledger("theirs-too")], audit=rows).encode())
    ours = await spooled(store, directory, Rows(ledger=[ledger("ours")]).encode())

    writer = await recover(store, directory)
    assert await request_ids(store) == {"ours"}
    assert not ours.exists()
    moved = sorted(p.name for p in (directory / QUARANTINE_DIR).iterdir())
    assert moved == [foreign.name, legacy_foreign.name]
    assert spool_files(directory) == []
    assert quarantine_metric(writer, "spool_file") == 2
    assert await count(store, AuditRecordRow) == 1  # the chain the writer opened, nothing else

    # An older file of one of this database's chains loads as before.
    live = journal(store, directory)
    await live.start()
    assert live.chain is not None
    own_chain = live.chain.chain
    await live.stop()
    rows, _ = _chain(['{"model":"ours"}'])
    for row in rows:
        row["chain"] = own_chain
        row["seq"] += 100  # after what the live journal wrote
    legacy_ours = directory / f"{own_chain}-000009.spool"
    legacy_ours.write_bytes(Rows(ledger=[ledger("ours-legacy")], audit=rows[1:]).encode())
    await recover(store, directory)
    assert "ours-legacy" in await request_ids(store)
    assert not legacy_ours.exists()


async def test_a_live_spool_file_of_another_database_is_left_alone(
    store: Store, tmp_path: Path
) -> None:
    directory = tmp_path / "journal"
    directory.mkdir()
    path = directory / "20260101T000000-cccccccccccc-000001.spool"
    theirs = SpoolFile(path, fsync=False, header=header_line("db_another"))
    theirs.append(Rows(ledger=[ledger("theirs")]).encode())
    try:
        await recover(store, directory)
        assert await request_ids(store) == set()
        assert path.exists()  # its writer is alive: neither loaded nor moved
    finally:
        theirs.close()


@pytest.fixture
def pg_database() -> Iterator[str]:
    with scratch_database() as url:
        yield url


@pytest.mark.postgres
def test_gateways_started_by_tests_spool_in_their_temporary_directory(
    pg_database: str, start_gateway: GatewayFactory, tmp_path: Path
) -> None:
    """Not in the working directory, the checkout, where a gateway started there would find
    them: with PostgreSQL, the default spool directory is bastion-data/journal there."""
    gateway = start_gateway(database={"url": pg_database})
    writer = gateway.gateway.journal
    assert writer is not None
    assert writer._spool_settings is not None
    assert writer._spool_settings.directory.is_relative_to(tmp_path)


def _ledger_models(url: str) -> dict[str, str]:
    async def read() -> dict[str, str]:
        engines = create_engines(url)
        try:
            async with engines.read.connect() as conn:
                rows = await conn.execute(select(UsageRow.request_id, UsageRow.model))
                return {str(request_id): str(model) for request_id, model in rows}
        finally:
            await engines.read.dispose()

    return asyncio.run(read())


@pytest.mark.slow
@pytest.mark.parametrize("backend", DATABASES)
def test_a_model_name_with_nul_stops_nothing(tmp_path: Path, backend: str) -> None:
    """The fault injected in issue 17: one request whose model name holds NUL."""
    if backend == "sqlite":
        _nul_model_then_traffic(tmp_path, f"sqlite+aiosqlite:///{tmp_path}/bastion.db")
    else:
        with scratch_database() as url:
            _nul_model_then_traffic(tmp_path, url)


def _nul_model_then_traffic(workdir: Path, url: str) -> None:
    headers = {"authorization": f"Bearer {ADMIN_KEY}"}
    gateway = Gateway(workdir, url)
    try:
        gateway.wait_ready()
        bad = {"model": "sim/\u0000", "messages": [{"role": "user", "content": "hi"}]}
        response = httpx.post(
            gateway.url + "/v1/chat/completions", json=bad, headers=headers, timeout=10
        )
        assert response.status_code == 404
        refused_id = response.headers["x-request-id"]
        good = {"model": "sim/bastion-sim", "messages": [{"role": "user", "content": "hi"}]}
        response = httpx.post(
            gateway.url + "/v1/chat/completions", json=good, headers=headers, timeout=10
        )
        assert response.status_code == 200
        later_id = response.headers["x-request-id"]
        deadline = time.monotonic() + 15
        while later_id not in _ledger_models(url):  # the loader goes on past the NUL
            assert time.monotonic() < deadline, "later requests never reached the ledger"
            time.sleep(0.2)
        gateway.terminate()  # exits 0, with its spool loaded
    finally:
        gateway.kill()
    assert not list((workdir / "journal").glob("*.spool"))
    assert _ledger_models(url)[refused_id] == "sim/\ufffd"

    restarted = Gateway(workdir, url)
    try:
        restarted.wait_ready()
        restarted.terminate()
    finally:
        restarted.kill()
    verified = subprocess.run(
        [sys.executable, "-m", "bastion", "audit", "verify", "--config", "bastion.yaml"],
        cwd=workdir,
        env={**os.environ, "BASTION_AUDIT_KEY": AUDIT_KEY},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "journal intact" in verified.stdout
