from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from bastion.store.engine import create_engines
from bastion.store.errors import InvalidInputError
from bastion.store.migrate import (
    VERSION_TABLE,
    alembic_config,
    current_revision,
    head_revision,
    upgrade_to_head,
)
from bastion.store.models import Base
from bastion.store.store import Store
from bastion.telemetry.recent import bucket


def _path(url: str) -> Path:
    return Path(url.removeprefix("sqlite+aiosqlite:///"))


async def test_open_creates_the_directory_and_migrates_to_head(sqlite_url: str) -> None:
    assert not _path(sqlite_url).parent.exists()
    store = await Store.open(sqlite_url)
    await store.close()
    with sqlite3.connect(_path(sqlite_url)) as raw:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = raw.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
        journal = raw.execute("PRAGMA journal_mode").fetchone()
    assert {"tenants", "api_keys", VERSION_TABLE} <= tables
    assert version == [(head_revision(),)]
    assert journal == ("wal",)


async def test_migrations_are_idempotent(sqlite_url: str) -> None:
    first = await Store.open(sqlite_url)
    tenant = await first.tenants.create("acme")
    await first.close()
    engines = create_engines(sqlite_url)
    try:
        await upgrade_to_head(engines.write)
        await upgrade_to_head(engines.write)
        assert await current_revision(engines.read) == head_revision()
    finally:
        await engines.read.dispose()
    second = await Store.open(sqlite_url)
    assert await second.tenants.get(tenant.id) == tenant
    await second.close()


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(
        connection, opts={"version_table": VERSION_TABLE, "compare_type": True}
    )
    return list(compare_metadata(context, Base.metadata))


async def test_migrated_schema_matches_the_models(sqlite_url: str) -> None:
    store = await Store.open(sqlite_url)
    await store.close()
    engines = create_engines(sqlite_url)
    try:
        async with engines.read.connect() as connection:
            assert await connection.run_sync(_differences) == []
    finally:
        await engines.read.dispose()


async def test_concurrent_opens_in_one_process(sqlite_url: str) -> None:
    stores = await asyncio.gather(*(Store.open(sqlite_url) for _ in range(4)))
    for store in stores:
        await store.close()
    engines = create_engines(sqlite_url)
    try:
        assert await current_revision(engines.read) == head_revision()
    finally:
        await engines.read.dispose()


def test_concurrent_opens_from_several_processes(sqlite_url: str, tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import asyncio, sys, time
        from bastion.store.store import Store
        async def main():
            store = await Store.open({sqlite_url!r})
            await store.tenants.list()
            await store.close()
        deadline = float(sys.argv[1])
        while time.time() < deadline:
            time.sleep(0.001)
        asyncio.run(main())
        """
    )
    start_at = str(time.time() + 1.5)  # Let every interpreter finish importing first.
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, start_at],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
        )
        for _ in range(4)
    ]
    for process in processes:
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()
    with sqlite3.connect(_path(sqlite_url)) as raw:
        assert raw.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall() == [
            (head_revision(),)
        ]


async def test_in_memory_database_is_shared_by_the_store() -> None:
    store = await Store.open("sqlite+aiosqlite://")
    tenant = await store.tenants.create("acme")
    assert await store.tenants.get_by_name("acme") == tenant
    # Concurrent sessions queue for the one connection instead of deadlocking on it.
    await asyncio.wait_for(
        asyncio.gather(
            *(store.tenants.create(f"t{i}") for i in range(10)),
            *(store.tenants.list() for _ in range(10)),
        ),
        timeout=30,
    )
    assert len(await store.tenants.list()) == 11
    await store.close()


@pytest.mark.parametrize(
    "url",
    ["mysql+aiomysql://db/x", "sqlite:///x.db", "postgresql://u@h/db", "nonsense://", "::"],
)
async def test_unsupported_urls_are_refused(url: str) -> None:
    with pytest.raises(InvalidInputError):
        await Store.open(url)


def _upgrade_to(connection: Connection, revision: str) -> None:
    command.upgrade(alembic_config(connection=connection), revision)


async def _seeded_then_migrated(
    sqlite_url: str, revision: str, seed: Callable[[sqlite3.Connection], None]
) -> None:
    """A database migrated to ``revision``, given rows by ``seed``, then migrated to head."""
    engines = create_engines(sqlite_url)
    _path(sqlite_url).parent.mkdir(parents=True, exist_ok=True)
    try:
        async with engines.write.begin() as connection:
            await connection.run_sync(_upgrade_to, revision)
        with sqlite3.connect(_path(sqlite_url)) as raw:
            seed(raw)
        await upgrade_to_head(engines.write)
    finally:
        await engines.write.dispose()
        await engines.read.dispose()


def _ledger_row(
    raw: sqlite3.Connection,
    request_id: str,
    started: datetime,
    finished: datetime,
    total_ms: float,
    *,
    ttft_ms: float | None = None,
    purpose: str | None = None,
) -> None:
    raw.execute(
        "INSERT INTO usage_ledger (request_id, started_at, finished_at, tenant_id,"
        " tenant, key_id, endpoint, model, backend, location, upstream_model, stream,"
        " status, outcome, input_tokens, cached_input_tokens, output_tokens,"
        " usage_estimated, queue_ms, ttft_ms, total_ms, cache_status, purpose)"
        " VALUES (?, ?, ?, 't', 'acme', 'k', 'chat', 'm', 'gpu', 'local', 'm', 0,"
        " 200, 'ok', 1, 0, 1, 0, 0, ?, ?, 'none', ?)",
        (
            request_id,
            started.replace(tzinfo=None).isoformat(sep=" "),
            finished.replace(tzinfo=None).isoformat(sep=" "),
            ttft_ms,
            total_ms,
            purpose,
        ),
    )


async def test_busy_minutes_are_filled_from_the_last_month_of_the_ledger(sqlite_url: str) -> None:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    rows = [
        # (request, started, seconds, purpose): the last two are not counted.
        ("recent", now - timedelta(hours=1), 3, None),
        ("evaluation", now - timedelta(hours=1, minutes=1), 3, "evaluation"),
        ("old", now - timedelta(days=40), 3, None),
    ]

    def seed(raw: sqlite3.Connection) -> None:
        for request_id, started, seconds, purpose in rows:
            finished = started + timedelta(seconds=seconds)
            _ledger_row(raw, request_id, started, finished, seconds * 1000.0, purpose=purpose)

    await _seeded_then_migrated(sqlite_url, "0010", seed)
    with sqlite3.connect(_path(sqlite_url)) as raw:
        found = raw.execute("SELECT backend, minute, seconds FROM backend_busy_minutes").fetchall()
    minute = (now - timedelta(hours=1)).replace(tzinfo=None).isoformat(sep=" ")
    assert [(b, m[:19], s) for b, m, s in found] == [("gpu", minute, 0b111)]


async def test_the_daily_rollup_is_filled_from_both_hourly_rollups(sqlite_url: str) -> None:
    hourly = [
        # (table, hour, key, requests, busy_ms): the first two sum into one day.
        ("usage_hourly", "2026-11-03 10:00:00.000000", "k1", 2, 10.0),
        ("usage_hourly", "2026-11-03 23:00:00.000000", "k2", 3, 20.0),
        ("usage_hourly", "2026-11-04 00:00:00.000000", "k1", 5, 40.0),
        ("usage_hourly_evaluation", "2026-11-03 11:00:00.000000", "k1", 7, 80.0),
    ]

    def seed(raw: sqlite3.Connection) -> None:
        for table, hour, key, requests, busy in hourly:
            raw.execute(
                f"INSERT INTO {table} (hour, tenant_id, key_id, endpoint, model, backend,"
                " location, requests, errors, input_tokens, cached_input_tokens,"
                " output_tokens, estimated_requests, busy_ms)"
                " VALUES (?, 't', ?, 'chat', 'm', 'gpu', 'local', ?, 1, 10, 0, 5, 0, ?)",
                (hour, key, requests, busy),
            )

    await _seeded_then_migrated(sqlite_url, "0011", seed)
    with sqlite3.connect(_path(sqlite_url)) as raw:
        found = raw.execute(
            "SELECT day, purpose, location, requests, errors, input_tokens, busy_ms"
            " FROM usage_daily ORDER BY day, purpose"
        ).fetchall()
    assert found == [
        ("2026-11-03 00:00:00.000000", "", "local", 5, 2, 20, 30.0),
        ("2026-11-03 00:00:00.000000", "evaluation", "local", 7, 1, 10, 80.0),
        ("2026-11-04 00:00:00.000000", "", "local", 5, 1, 10, 40.0),
    ]


async def test_latency_counts_are_filled_from_the_last_ninety_days(sqlite_url: str) -> None:
    now = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    rows = [
        # (request, finished, total ms, ttft ms): the last is too old to fill.
        ("a", now - timedelta(days=1), 120.0, 30.0),
        ("b", now - timedelta(days=1), 120.0, None),
        ("c", now, 2500.0, None),
        ("old", now - timedelta(days=200), 120.0, None),
    ]

    def seed(raw: sqlite3.Connection) -> None:
        for request_id, finished, total_ms, ttft_ms in rows:
            _ledger_row(raw, request_id, finished, finished, total_ms, ttft_ms=ttft_ms)

    await _seeded_then_migrated(sqlite_url, "0012", seed)
    with sqlite3.connect(_path(sqlite_url)) as raw:
        found = raw.execute(
            "SELECT substr(day, 1, 10), tenant_id, metric, bucket, count FROM latency_daily"
        ).fetchall()
    yesterday, today = (now - timedelta(days=1)).date().isoformat(), now.date().isoformat()
    assert sorted(found) == sorted(
        [
            (yesterday, "t", "latency", bucket(0.12), 2),
            (yesterday, "t", "ttft", bucket(0.03), 1),
            (today, "t", "latency", bucket(2.5), 1),
        ]
    )


async def test_a_new_sqlite_database_is_readable_by_its_owner_alone(tmp_path: Path) -> None:
    """It holds prompts, audit content and key hashes; its WAL files take its permissions."""
    import stat

    from bastion.store.store import Store

    path = tmp_path / "data" / "bastion.db"
    store = await Store.open(f"sqlite+aiosqlite:///{path}")
    try:
        for file in path.parent.iterdir():
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    finally:
        await store.close()
