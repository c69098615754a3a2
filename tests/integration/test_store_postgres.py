"""The store, migrations, bootstrap, cross-process revocation and ledger pruning on a real
PostgreSQL."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from bastion.auth import KeyAuthenticator, ensure_bootstrap_admin
from bastion.config.schema import RateLimits
from bastion.store.engine import create_engines
from bastion.store.errors import ConflictError
from bastion.store.keymaterial import hash_key
from bastion.store.migrate import VERSION_TABLE, current_revision, head_revision, upgrade_to_head
from bastion.store.models import Base
from bastion.store.store import RELAY_APPLICATION_NAME, Store
from tests.conftest_postgres import PostgresServer, require_postgres
from tests.unit.ledger.test_prune import check_old_rows_go_and_hourly_sums_stay
from tests.unit.store.test_store_limits import check_limit_rules

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = require_postgres()
    yield server
    asyncio.run(server.drop_leftovers())


@pytest.fixture
async def pg_url(postgres: PostgresServer) -> AsyncIterator[str]:
    async with postgres.fresh_database() as url:
        yield url


@pytest.fixture
async def store(pg_url: str) -> AsyncIterator[Store]:
    opened = await Store.open(pg_url)
    yield opened
    await opened.close()


async def _eventually(check: object, timeout: float = 5.0) -> None:
    """Waits for a NOTIFY to arrive: delivery is asynchronous, though fast."""
    deadline = time.monotonic() + timeout
    while True:
        if await check():  # type: ignore[operator]
            return
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.01)


async def test_repository_round_trip(store: Store) -> None:
    assert store.dialect == "postgresql"
    tenant = await store.tenants.create("acme")
    with pytest.raises(ConflictError):
        await store.tenants.create("acme")
    plaintext, record = await store.keys.create(tenant.id, "ci", scopes=["admin", "inference"])
    assert record.created_at.tzinfo is not None
    assert await store.keys.get_by_hash(hash_key(plaintext)) == record
    with pytest.raises(ConflictError):
        await store.keys.create(tenant.id, "ci")
    revoked = await store.keys.revoke(record.id)
    assert revoked.status() == "revoked"
    await store.keys.create(tenant.id, "ci")  # The name is free again.
    assert await store.keys.has_active_admin() is False
    assert await store.tenants.delete(tenant.id) == 2
    assert await store.keys.list(include_revoked=True) == []


async def test_no_plaintext_in_the_table(store: Store, postgres: PostgresServer) -> None:
    tenant = await store.tenants.create("acme")
    plaintext, _ = await store.keys.create(tenant.id, "ci")
    database = store._db.engines.read.url.database
    assert database is not None
    raw = await postgres.connect(database)
    try:
        rows = await raw.fetch("SELECT * FROM api_keys")
    finally:
        await raw.close()
    dumped = repr([dict(r) for r in rows])
    assert plaintext[8:] not in dumped and hash_key(plaintext) in dumped


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(
        connection, opts={"version_table": VERSION_TABLE, "compare_type": True}
    )
    return list(compare_metadata(context, Base.metadata))


async def test_migrations_reach_head_idempotently_and_match_the_models(pg_url: str) -> None:
    engines = create_engines(pg_url)
    try:
        assert await current_revision(engines.read) is None
        await upgrade_to_head(engines.write)
        await upgrade_to_head(engines.write)
        assert await current_revision(engines.read) == head_revision()
        async with engines.read.connect() as connection:
            assert await connection.run_sync(_differences) == []
    finally:
        await engines.read.dispose()


async def test_concurrent_opens_are_serialised(pg_url: str) -> None:
    stores = await asyncio.gather(*(Store.open(pg_url, listen=False) for _ in range(4)))
    for store in stores:
        await store.close()
    engines = create_engines(pg_url)
    try:
        assert await current_revision(engines.read) == head_revision()
    finally:
        await engines.read.dispose()


def test_concurrent_opens_from_several_processes(pg_url: str, tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import asyncio, sys, time
        from bastion.auth import ensure_bootstrap_admin
        from bastion.store.store import Store
        async def main():
            store = await Store.open({pg_url!r})
            try:
                print(await ensure_bootstrap_admin(store) or "")
            finally:
                await store.close()
        deadline = float(sys.argv[1])
        while time.time() < deadline:
            time.sleep(0.001)
        asyncio.run(main())
        """
    )
    start_at = str(time.time() + 1.5)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, start_at],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
        )
        for _ in range(3)
    ]
    printed = []
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()
        printed.append(out.decode().strip())
    assert sum(bool(p) for p in printed) == 1


async def test_bootstrap_race_in_one_process(pg_url: str) -> None:
    stores = [await Store.open(pg_url, listen=False) for _ in range(4)]
    try:
        results = await asyncio.gather(*(ensure_bootstrap_admin(s) for s in stores))
        assert sum(r is not None for r in results) == 1
        assert len(await stores[0].keys.list()) == 1
    finally:
        for store in stores:
            await store.close()


async def test_revocation_in_another_process_is_immediate(store: Store, pg_url: str) -> None:
    tenant = await store.tenants.create("acme")
    plaintext, record = await store.keys.create(tenant.id, "ci")
    other_plaintext, _ = await store.keys.create(tenant.id, "other")
    auth = KeyAuthenticator(store, cache_ttl=3600)
    assert await auth.authenticate(plaintext) is not None
    assert await auth.authenticate(other_plaintext) is not None

    # Another process, e.g. the CLI, which opens without a LISTEN connection of its own.
    cli = await Store.open(pg_url, listen=False)
    try:
        await cli.keys.revoke(record.id)

        async def rejected() -> bool:
            return await auth.authenticate(plaintext) is None

        await _eventually(rejected)
        assert await auth.authenticate(other_plaintext) is not None
        await cli.tenants.delete(tenant.id)

        async def tenant_gone() -> bool:
            return await auth.authenticate(other_plaintext) is None

        await _eventually(tenant_gone)
    finally:
        await cli.close()


async def test_relay_recovers_from_a_lost_connection(
    store: Store, pg_url: str, postgres: PostgresServer
) -> None:
    tenant = await store.tenants.create("acme")
    plaintext, record = await store.keys.create(tenant.id, "ci")
    auth = KeyAuthenticator(store, cache_ttl=3600)
    assert await auth.authenticate(plaintext) is not None

    database = pg_url.rsplit("/", 1)[1]
    admin = await postgres.connect()
    try:
        killed = await admin.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = $1 AND application_name = $2",
            database,
            RELAY_APPLICATION_NAME,
        )
    finally:
        await admin.close()
    assert killed == 1
    # After reconnecting the relay drops everything, since notifications may have been missed.

    async def flushed() -> bool:
        return auth.cache_sizes() == (0, 0)

    await _eventually(flushed, timeout=10)
    assert await auth.authenticate(plaintext) is not None
    cli = await Store.open(pg_url, listen=False)
    try:
        await cli.keys.revoke(record.id)
    finally:
        await cli.close()

    async def rejected() -> bool:
        return await auth.authenticate(plaintext) is None

    await _eventually(rejected)


async def test_limits_round_trip_as_jsonb(store: Store, postgres: PostgresServer) -> None:
    await check_limit_rules(store)
    tenant = await store.tenants.create("jsonb", limits={"requests_per_minute": 7})
    await store.keys.create(tenant.id, "app")
    database = store._db.engines.read.url.database
    assert database is not None
    raw = await postgres.connect(database)
    try:
        types = await raw.fetch(
            "SELECT table_name, data_type FROM information_schema.columns "
            "WHERE column_name = 'limits' ORDER BY table_name"
        )
        stored = await raw.fetch(
            "SELECT t.limits AS tenant, k.limits AS key FROM tenants t "
            "JOIN api_keys k ON k.tenant_id = t.id WHERE t.name = 'jsonb'"
        )
    finally:
        await raw.close()
    assert [tuple(r) for r in types] == [("api_keys", "jsonb"), ("tenants", "jsonb")]
    # A key without limits is SQL NULL, not JSON null.
    assert [tuple(r) for r in stored] == [('{"requests_per_minute": 7}', None)]


async def test_limit_changes_in_another_process_are_immediate(store: Store, pg_url: str) -> None:
    tenant = await store.tenants.create("acme")
    plaintext, record = await store.keys.create(tenant.id, "ci", limits={"requests_per_minute": 2})
    other_tenant = await store.tenants.create("other")
    other_plaintext, _ = await store.keys.create(other_tenant.id, "ci")
    auth = KeyAuthenticator(store, cache_ttl=3600)
    principal = await auth.authenticate(plaintext)
    assert principal is not None and principal.key_limits == RateLimits(requests_per_minute=2)
    unrelated = await auth.authenticate(other_plaintext)

    # Another process, e.g. a second gateway, which sends NOTIFY in its transaction.
    cli = await Store.open(pg_url, listen=False)
    try:
        await cli.keys.set_limits(record.id, {"requests_per_minute": 50})

        async def key_raised() -> bool:
            found = await auth.authenticate(plaintext)
            return found is not None and found.key_limits == RateLimits(requests_per_minute=50)

        await _eventually(key_raised)
        await cli.tenants.set_limits(tenant.id, {"tokens_per_day": 1000})

        async def tenant_limited() -> bool:
            found = await auth.authenticate(plaintext)
            return found is not None and found.tenant_limits == RateLimits(tokens_per_day=1000)

        await _eventually(tenant_limited)
        assert await auth.authenticate(other_plaintext) is unrelated
    finally:
        await cli.close()


async def test_endpoint_version_publication(store: Store) -> None:
    from tests.unit.routing.test_publication import check_publication_rules

    await check_publication_rules(store)


async def test_ledger_pruning(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    await check_old_rows_go_and_hourly_sums_stay(store, monkeypatch)


async def test_stored_responses_chain_and_nul_strings_on_postgres(store: Store) -> None:
    from tests.unit.store.test_stored_responses import NOW, stored

    await store.responses.put(stored("resp_1", text="nul \x00 inside"))
    await store.responses.put(stored("resp_2", previous="resp_1", text="two"))
    items = await store.responses.conversation("ten_a", "resp_2", now=NOW)
    assert items is not None and items[0]["content"] == "nul \x00 inside"
    assert len(items) == 4
    assert await store.responses.conversation("ten_b", "resp_2", now=NOW) is None
