"""Rate limits stored with tenants and keys (SQLite here; PostgreSQL in the integration tests)."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bastion.config.schema import RateLimits
from bastion.store.errors import InvalidInputError, NotFoundError
from bastion.store.invalidation import Invalidation
from bastion.store.store import Store

UNKNOWN_TENANT = "ten_" + "0" * 24
UNKNOWN_KEY = "key_" + "0" * 24


async def check_limit_rules(store: Store) -> None:
    """Create, read, replace and clear limits; shared by the SQLite and PostgreSQL tests."""
    seen: list[Invalidation] = []
    unsubscribe = store.invalidations.subscribe(seen.append)
    try:
        tenant = await store.tenants.create("acme", limits={"requests_per_minute": 100})
        assert tenant.limits == RateLimits(requests_per_minute=100)
        assert tenant.public_dict()["limits"] == {"requests_per_minute": 100}
        assert await store.tenants.get(tenant.id) == tenant
        assert await store.tenants.resolve("acme") == tenant
        assert [t.limits for t in await store.tenants.list()] == [tenant.limits]
        plain = await store.tenants.create("plain")
        assert plain.limits is None and plain.public_dict()["limits"] is None

        plaintext, key = await store.keys.create(
            tenant.id, "app", limits=RateLimits(tokens_per_day=5000, concurrent_requests=2)
        )
        assert key.limits == RateLimits(tokens_per_day=5000, concurrent_requests=2)
        assert key.tenant_limits == tenant.limits
        assert key.public_dict()["limits"] == {"concurrent_requests": 2, "tokens_per_day": 5000}
        assert await store.keys.get(key.id) == key
        assert await store.keys.get_by_hash(key.key_hash) == key
        assert [k.limits for k in await store.keys.list(tenant.id)] == [key.limits]
        assert seen == []  # Creating invalidates nothing.

        # Replacing is whole: fields not given are gone.
        tenant = await store.tenants.set_limits(tenant.id, {"tokens_per_month": 10**9})
        assert tenant.limits == RateLimits(tokens_per_month=10**9)
        assert (await store.keys.get(key.id)).tenant_limits == tenant.limits  # type: ignore[union-attr]
        key = await store.keys.set_limits(key.id, {"requests_per_minute": 2})
        assert key.limits == RateLimits(requests_per_minute=2)
        assert key.tenant_limits == tenant.limits
        assert await store.keys.get_by_hash(key.key_hash) == key
        # (On PostgreSQL this process's own NOTIFY may come back too.)
        assert {(e.key_id, e.tenant_id) for e in seen} == {(None, tenant.id), (key.id, None)}

        # None and {} both clear.
        assert (await store.tenants.set_limits(tenant.id, None)).limits is None
        assert (await store.keys.set_limits(key.id, {})).limits is None
        assert (await store.tenants.get(tenant.id)).limits is None  # type: ignore[union-attr]
        cleared = await store.keys.get(key.id)
        assert cleared is not None and cleared.limits is None and cleared.tenant_limits is None

        with pytest.raises(NotFoundError):
            await store.tenants.set_limits(UNKNOWN_TENANT, {"requests_per_minute": 1})
        with pytest.raises(NotFoundError):
            await store.keys.set_limits(UNKNOWN_KEY, {"requests_per_minute": 1})
        # A revoked key keeps its limits for the record and may still have them changed.
        await store.keys.revoke(key.id)
        assert (await store.keys.set_limits(key.id, {"tokens_per_minute": 7})).limits == (
            RateLimits(tokens_per_minute=7)
        )
        assert plaintext  # issued once, never stored
    finally:
        unsubscribe()


async def test_limit_rules(store: Store) -> None:
    await check_limit_rules(store)


@pytest.mark.parametrize(
    ("limits", "param", "message"),
    [
        ({"requests_per_minute": 0}, "limits.requests_per_minute", "must be a positive integer"),
        ({"tokens_per_day": -5}, "limits.tokens_per_day", "must be a positive integer, not -5"),
        ({"requests_per_minute": "2"}, "limits.requests_per_minute", 'not "2"'),
        ({"requests_per_minute": True}, "limits.requests_per_minute", "not true"),
        ({"requests_per_minute": 2.5}, "limits.requests_per_minute", "not 2.5"),
        ({"rpm": 2}, "limits.rpm", "unknown limit (known: requests_per_minute,"),
        ({"tokens_per_month": 2**60}, "limits.tokens_per_month", "must be at most"),
        ([1, 2], "limits", "must be an object or null"),
    ],
)
async def test_invalid_limits_are_refused(
    store: Store, limits: Any, param: str, message: str
) -> None:
    tenant = await store.tenants.create("acme")
    _, key = await store.keys.create(tenant.id, "app")
    attempts: list[Callable[[], Awaitable[object]]] = [
        lambda: store.tenants.create("other", limits=limits),
        lambda: store.keys.create(tenant.id, "other", limits=limits),
        lambda: store.tenants.set_limits(tenant.id, limits),
        lambda: store.keys.set_limits(key.id, limits),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidInputError, match="^" + param.replace(".", r"\.")) as caught:
            await attempt()
        assert caught.value.param == param
        assert message in str(caught.value)
    assert [t.name for t in await store.tenants.list()] == ["acme"]
    assert [k.name for k in await store.keys.list()] == ["app"]
    assert (await store.tenants.get(tenant.id)).limits is None  # type: ignore[union-attr]


async def test_cleared_limits_are_sql_null(store: Store, sqlite_url: str) -> None:
    tenant = await store.tenants.create("acme", limits={"requests_per_minute": 5})
    await store.keys.create(tenant.id, "app", limits={"tokens_per_day": 9})
    await store.tenants.set_limits(tenant.id, None)
    await store.close()
    with sqlite3.connect(Path(sqlite_url.removeprefix("sqlite+aiosqlite:///"))) as raw:
        tenants = raw.execute("SELECT limits FROM tenants").fetchall()
        keys = raw.execute("SELECT limits FROM api_keys").fetchall()
    assert tenants == [(None,)]
    assert keys == [('{"tokens_per_day": 9}',)]
