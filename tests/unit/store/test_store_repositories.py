from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bastion.store.errors import ConflictError, InvalidInputError, NotFoundError
from bastion.store.invalidation import Invalidation
from bastion.store.keymaterial import hash_key
from bastion.store.store import Store


def _db_file(url: str) -> Path:
    return Path(url.removeprefix("sqlite+aiosqlite:///"))


# Tenants


async def test_tenant_lifecycle(store: Store) -> None:
    tenant = await store.tenants.create("acme")
    assert tenant.id.startswith("ten_") and len(tenant.id) == 28
    assert tenant.created_at.tzinfo is not None
    assert await store.tenants.get(tenant.id) == tenant
    assert await store.tenants.get_by_name("acme") == tenant
    assert await store.tenants.resolve("acme") == tenant
    assert await store.tenants.resolve(tenant.id) == tenant
    assert [t.name for t in await store.tenants.list()] == ["acme"]
    assert await store.tenants.delete(tenant.id) == 0
    assert await store.tenants.get(tenant.id) is None
    assert await store.tenants.list() == []


async def test_duplicate_tenant_name_conflicts(store: Store) -> None:
    await store.tenants.create("acme")
    with pytest.raises(ConflictError, match="already exists"):
        await store.tenants.create("acme")


@pytest.mark.parametrize("name", ["", "a b", "-lead", "x" * 65, "ten_abc", "key_x", "é"])
async def test_invalid_tenant_names_are_refused(store: Store, name: str) -> None:
    with pytest.raises(InvalidInputError):
        await store.tenants.create(name)


async def test_unknown_tenant(store: Store) -> None:
    assert await store.tenants.get("ten_" + "0" * 24) is None
    assert await store.tenants.resolve("nobody") is None
    with pytest.raises(NotFoundError):
        await store.tenants.delete("ten_" + "0" * 24)


async def test_deleting_a_tenant_deletes_its_keys(store: Store) -> None:
    acme = await store.tenants.create("acme")
    other = await store.tenants.create("other")
    _, first = await store.keys.create(acme.id, "one")
    await store.keys.create(acme.id, "two")
    await store.keys.revoke(first.id)
    _, kept = await store.keys.create(other.id, "one")
    assert await store.tenants.delete(acme.id) == 2
    remaining = await store.keys.list(include_revoked=True)
    assert [k.id for k in remaining] == [kept.id]
    assert await store.keys.get(first.id) is None


# Keys


async def test_key_lifecycle(store: Store) -> None:
    tenant = await store.tenants.create("acme")
    plaintext, record = await store.keys.create(tenant.id, "ci", scopes=["inference"])
    assert record.id.startswith("key_")
    assert record.tenant_id == tenant.id and record.tenant_name == "acme"
    assert record.prefix == plaintext[:8]
    assert record.scopes == frozenset({"inference"})
    assert record.key_hash == hash_key(plaintext)
    assert record.status() == "active" and not record.is_admin
    assert await store.keys.get(record.id) == record
    assert await store.keys.get_by_hash(hash_key(plaintext)) == record
    assert await store.keys.list() == [record]
    assert await store.keys.list(tenant.id) == [record]

    revoked = await store.keys.revoke(record.id)
    assert revoked.revoked_at is not None and revoked.status() == "revoked"
    assert await store.keys.list() == []
    assert await store.keys.list(include_revoked=True) == [revoked]
    # Revoking again changes nothing.
    assert await store.keys.revoke(record.id) == revoked
    # The lookup still finds it, so the authenticator can tell "revoked" from "unknown".
    assert await store.keys.get_by_hash(record.key_hash) == revoked


async def test_records_are_frozen_and_public_view_hides_the_hash(store: Store) -> None:
    tenant = await store.tenants.create("acme")
    plaintext, record = await store.keys.create(tenant.id, "ci")
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.name = "other"  # type: ignore[misc]
    public = record.public_dict()
    assert "key_hash" not in public and record.key_hash not in str(public)
    assert plaintext not in str(public)
    assert record.key_hash not in repr(record)


async def test_key_names_are_unique_among_active_keys_of_a_tenant(store: Store) -> None:
    acme = await store.tenants.create("acme")
    other = await store.tenants.create("other")
    _, first = await store.keys.create(acme.id, "ci")
    with pytest.raises(ConflictError, match="already has an active key"):
        await store.keys.create(acme.id, "ci")
    await store.keys.create(other.id, "ci")
    await store.keys.revoke(first.id)
    await store.keys.create(acme.id, "ci")


async def test_key_for_unknown_tenant(store: Store) -> None:
    with pytest.raises(NotFoundError):
        await store.keys.create("ten_" + "0" * 24, "ci")


async def test_key_input_validation(store: Store) -> None:
    tenant = await store.tenants.create("acme")
    with pytest.raises(InvalidInputError):
        await store.keys.create(tenant.id, "bad name")
    with pytest.raises(InvalidInputError):
        await store.keys.create(tenant.id, "ci", scopes=["Not A Scope"])
    with pytest.raises(InvalidInputError):
        await store.keys.create(tenant.id, "ci", expires_at=datetime(2030, 1, 1))


async def test_expiry_round_trips_as_aware_utc(store: Store) -> None:
    tenant = await store.tenants.create("acme")
    expires = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    _, record = await store.keys.create(tenant.id, "ci", expires_at=expires)
    fetched = await store.keys.get(record.id)
    assert fetched is not None and fetched.expires_at == expires
    assert fetched.status(expires + timedelta(seconds=1)) == "expired"


async def test_revoke_unknown_key(store: Store) -> None:
    with pytest.raises(NotFoundError):
        await store.keys.revoke("key_" + "0" * 24)


async def test_has_active_admin(store: Store) -> None:
    tenant = await store.tenants.create("admin")
    assert not await store.keys.has_active_admin()
    await store.keys.create(tenant.id, "user")
    assert not await store.keys.has_active_admin()
    soon = datetime.now(UTC) + timedelta(milliseconds=1)
    await store.keys.create(tenant.id, "old", scopes=["admin"], expires_at=soon)
    await asyncio.sleep(0.01)
    assert not await store.keys.has_active_admin()
    _, admin = await store.keys.create(tenant.id, "root", scopes=["admin"])
    assert admin.is_admin and await store.keys.has_active_admin()
    await store.keys.revoke(admin.id)
    assert not await store.keys.has_active_admin()


async def test_no_plaintext_anywhere_in_the_database(store: Store, sqlite_url: str) -> None:
    tenant = await store.tenants.create("acme")
    plaintexts = [(await store.keys.create(tenant.id, f"k{i}"))[0] for i in range(5)]
    await store.close()

    path = _db_file(sqlite_url)
    with sqlite3.connect(path) as raw:
        rows = raw.execute("SELECT * FROM api_keys").fetchall()
        columns = [c[1] for c in raw.execute("PRAGMA table_info(api_keys)")]
    assert len(rows) == 5
    assert "key_hash" in columns and not {"key", "plaintext", "secret"} & set(columns)
    dumped = repr(rows)
    for plaintext in plaintexts:
        assert plaintext not in dumped
        assert plaintext[8:] not in dumped  # Not even the part after the display prefix.
        assert hash_key(plaintext) in dumped
    on_disk = b"".join(p.read_bytes() for p in path.parent.iterdir() if p.is_file())
    for plaintext in plaintexts:
        assert plaintext[8:].encode() not in on_disk


async def test_invalidations_are_published_after_changes(store: Store) -> None:
    seen: list[Invalidation] = []
    unsubscribe = store.invalidations.subscribe(seen.append)
    tenant = await store.tenants.create("acme")
    _, record = await store.keys.create(tenant.id, "ci")
    assert seen == []  # Creating never invalidates anything.
    await store.keys.revoke(record.id)
    await store.tenants.delete(tenant.id)
    assert [(e.key_id, e.tenant_id) for e in seen] == [(record.id, None), (None, tenant.id)]
    unsubscribe()
    await store.tenants.create("later")
    assert len(seen) == 2
