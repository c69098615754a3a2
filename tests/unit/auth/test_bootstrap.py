from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bastion.auth import (
    BOOTSTRAP_KEY_NAME,
    BOOTSTRAP_TENANT,
    KeyAuthenticator,
    ensure_bootstrap_admin,
)
from bastion.store.keymaterial import is_well_formed
from bastion.store.store import Store


async def test_first_start_creates_an_admin_key_once(store: Store) -> None:
    plaintext = await ensure_bootstrap_admin(store)
    assert plaintext is not None and is_well_formed(plaintext)
    principal = await KeyAuthenticator(store).authenticate(plaintext)
    assert principal is not None and principal.is_admin
    assert principal.tenant_name == BOOTSTRAP_TENANT and principal.key_name == BOOTSTRAP_KEY_NAME
    assert await ensure_bootstrap_admin(store) is None
    assert len(await store.keys.list()) == 1


async def test_an_existing_admin_key_anywhere_prevents_bootstrap(store: Store) -> None:
    tenant = await store.tenants.create("ops")
    await store.keys.create(tenant.id, "root", scopes=["admin"])
    assert await ensure_bootstrap_admin(store) is None
    assert await store.tenants.get_by_name(BOOTSTRAP_TENANT) is None


async def test_a_new_key_is_issued_once_every_admin_key_is_revoked(store: Store) -> None:
    first = await ensure_bootstrap_admin(store)
    assert first is not None
    (record,) = await store.keys.list()
    await store.keys.revoke(record.id)
    second = await ensure_bootstrap_admin(store)
    assert second is not None and second != first
    assert await ensure_bootstrap_admin(store) is None


async def test_an_expired_bootstrap_key_is_replaced(store: Store) -> None:
    tenant = await store.tenants.create(BOOTSTRAP_TENANT)
    soon = datetime.now(UTC) + timedelta(milliseconds=1)
    _, stale = await store.keys.create(
        tenant.id, BOOTSTRAP_KEY_NAME, scopes=["admin"], expires_at=soon
    )
    await asyncio.sleep(0.01)
    plaintext = await ensure_bootstrap_admin(store)
    assert plaintext is not None
    old = await store.keys.get(stale.id)
    assert old is not None and old.status() == "revoked"


async def test_concurrent_bootstraps_issue_exactly_one_key(sqlite_url: str) -> None:
    stores = [await Store.open(sqlite_url) for _ in range(4)]
    try:
        results = await asyncio.gather(*(ensure_bootstrap_admin(s) for s in stores))
        assert sum(r is not None for r in results) == 1
        assert len(await stores[0].keys.list()) == 1
        assert len(await stores[0].tenants.list()) == 1
    finally:
        for store in stores:
            await store.close()


def test_bootstrap_race_between_processes(sqlite_url: str, tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import asyncio, sys, time
        from bastion.auth import ensure_bootstrap_admin
        from bastion.store.store import Store
        async def main():
            store = await Store.open({sqlite_url!r})
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
