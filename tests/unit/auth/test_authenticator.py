from __future__ import annotations

import asyncio
import hmac
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest

from bastion.auth import ENV_ADMIN_PRINCIPAL, KeyAuthenticator, Principal, presented_key
from bastion.config.schema import RateLimits
from bastion.store.errors import StoreUnavailableError
from bastion.store.keymaterial import generate_key, hash_key
from bastion.store.records import KeyRecord
from bastion.store.store import Store


class Clocks:
    """A monotonic and a wall clock that advance together, under the test's control."""

    def __init__(self) -> None:
        self.mono = 1_000.0
        self.wall = datetime.now(UTC)

    def monotonic(self) -> float:
        return self.mono

    def utcnow(self) -> datetime:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += timedelta(seconds=seconds)


class LookupCounter:
    """Wraps ``store.keys.get_by_hash`` to count database lookups (optionally slowed down)."""

    def __init__(
        self,
        store: Store,
        monkeypatch: pytest.MonkeyPatch,
        delay: float = 0,
        delay_after: float = 0,
    ) -> None:
        self.calls = 0
        self.delay = delay
        self.delay_after = delay_after
        self._inner: Callable[[str], Awaitable[KeyRecord | None]] = store.keys.get_by_hash
        monkeypatch.setattr(store.keys, "get_by_hash", self)

    async def __call__(self, key_hash: str) -> KeyRecord | None:
        self.calls += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        record = await self._inner(key_hash)
        if self.delay_after:
            await asyncio.sleep(self.delay_after)
        return record


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


def _authenticator(store: Store, clocks: Clocks, **kwargs: object) -> KeyAuthenticator:
    return KeyAuthenticator(
        store,
        clock=clocks.monotonic,
        utcnow=clocks.utcnow,
        **kwargs,  # type: ignore[arg-type]
    )


async def _issue(store: Store, tenant: str = "acme", **kwargs: object) -> tuple[str, KeyRecord]:
    found = await store.tenants.get_by_name(tenant)
    tenant_id = found.id if found else (await store.tenants.create(tenant)).id
    return await store.keys.create(tenant_id, "ci", **kwargs)  # type: ignore[arg-type]


async def test_valid_key_becomes_a_principal(store: Store, clocks: Clocks) -> None:
    plaintext, record = await _issue(store, scopes=["inference"])
    principal = await _authenticator(store, clocks).authenticate(plaintext)
    assert principal == Principal(
        tenant_id=record.tenant_id,
        tenant_name="acme",
        key_id=record.id,
        key_name="ci",
        is_admin=False,
        scopes=frozenset({"inference"}),
    )


async def test_admin_scope_makes_an_admin(store: Store, clocks: Clocks) -> None:
    plaintext, _ = await _issue(store, scopes=["admin"])
    principal = await _authenticator(store, clocks).authenticate(plaintext)
    assert principal is not None and principal.is_admin


async def test_cache_hit_needs_no_lookup_until_the_ttl_passes(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    plaintext, _ = await _issue(store)
    lookups = LookupCounter(store, monkeypatch)
    auth = _authenticator(store, clocks, cache_ttl=5.0)
    for _ in range(10):
        assert await auth.authenticate(plaintext) is not None
    assert lookups.calls == 1
    clocks.advance(4.9)
    assert await auth.authenticate(plaintext) is not None
    assert lookups.calls == 1
    clocks.advance(0.2)
    assert await auth.authenticate(plaintext) is not None
    assert lookups.calls == 2


async def test_zero_ttl_disables_caching(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    plaintext, _ = await _issue(store)
    lookups = LookupCounter(store, monkeypatch)
    auth = _authenticator(store, clocks, cache_ttl=0)
    for _ in range(3):
        assert await auth.authenticate(plaintext) is not None
        assert await auth.authenticate(generate_key()) is None
    assert lookups.calls == 6
    assert auth.cache_sizes() == (0, 0)


async def test_unknown_keys_are_cached_briefly(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    lookups = LookupCounter(store, monkeypatch)
    auth = _authenticator(store, clocks, cache_ttl=30.0)
    unknown = generate_key()
    assert await auth.authenticate(unknown) is None
    assert await auth.authenticate(unknown) is None
    assert lookups.calls == 1
    clocks.advance(1.01)  # Negative entries live at most a second, whatever the TTL.
    assert await auth.authenticate(unknown) is None
    assert lookups.calls == 2


@pytest.mark.parametrize("presented", ["", "secret", "bst-short", "Bearer x", "x" * 10_000])
async def test_malformed_keys_never_reach_the_database(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch, presented: str
) -> None:
    lookups = LookupCounter(store, monkeypatch)
    auth = _authenticator(store, clocks)
    assert await auth.authenticate(presented) is None
    assert lookups.calls == 0
    assert auth.cache_sizes() == (0, 0)


async def test_a_flood_of_bad_keys_is_bounded_and_keeps_good_keys_cached(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    plaintext, _ = await _issue(store)
    auth = _authenticator(store, clocks, max_entries=50)
    assert await auth.authenticate(plaintext) is not None
    lookups = LookupCounter(store, monkeypatch)
    for _ in range(300):
        assert await auth.authenticate(generate_key()) is None
    positive, negative = auth.cache_sizes()
    assert positive == 1 and negative == 50
    calls = lookups.calls
    assert await auth.authenticate(plaintext) is not None
    assert lookups.calls == calls


async def test_positive_cache_is_bounded(store: Store, clocks: Clocks) -> None:
    tenant = await store.tenants.create("many")
    keys = [(await store.keys.create(tenant.id, f"k{i}"))[0] for i in range(20)]
    auth = _authenticator(store, clocks, max_entries=8)
    for key in keys:
        assert await auth.authenticate(key) is not None
    assert auth.cache_sizes()[0] == 8


async def test_revocation_through_the_store_applies_to_the_next_request(
    store: Store, clocks: Clocks
) -> None:
    plaintext, record = await _issue(store)
    auth = _authenticator(store, clocks, cache_ttl=3600)
    assert await auth.authenticate(plaintext) is not None
    await store.keys.revoke(record.id)
    assert await auth.authenticate(plaintext) is None


async def test_tenant_deletion_applies_to_the_next_request(store: Store, clocks: Clocks) -> None:
    plaintext, record = await _issue(store)
    other, _ = await _issue(store, tenant="other")
    auth = _authenticator(store, clocks, cache_ttl=3600)
    assert await auth.authenticate(plaintext) is not None
    assert await auth.authenticate(other) is not None
    await store.tenants.delete(record.tenant_id)
    assert await auth.authenticate(plaintext) is None
    assert await auth.authenticate(other) is not None


async def test_explicit_invalidation(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, first_record = await _issue(store)
    second, _ = await _issue(store, tenant="other")
    auth = _authenticator(store, clocks, cache_ttl=3600)
    await auth.authenticate(first)
    await auth.authenticate(second)
    await auth.authenticate(generate_key())
    lookups = LookupCounter(store, monkeypatch)
    auth.invalidate(key_id=first_record.id)
    assert auth.cache_sizes() == (1, 1)
    await auth.authenticate(first)
    await auth.authenticate(second)
    assert lookups.calls == 1
    auth.invalidate()
    assert auth.cache_sizes() == (0, 0)


async def test_revocation_by_another_process_applies_within_the_ttl(
    store: Store, clocks: Clocks, sqlite_url: str
) -> None:
    plaintext, record = await _issue(store)
    auth = _authenticator(store, clocks, cache_ttl=5.0)
    assert await auth.authenticate(plaintext) is not None
    # A second Store on the same file stands for the CLI running in another process.
    other = await Store.open(sqlite_url)
    await other.keys.revoke(record.id)
    await other.close()
    assert await auth.authenticate(plaintext) is not None  # Still cached here.
    clocks.advance(5.01)
    assert await auth.authenticate(plaintext) is None


async def test_expired_keys_are_rejected(store: Store, clocks: Clocks) -> None:
    plaintext, _ = await _issue(store, expires_at=clocks.wall + timedelta(seconds=2))
    auth = _authenticator(store, clocks, cache_ttl=60.0)
    assert await auth.authenticate(plaintext) is not None
    # Cached for 60 s, yet never past the key's own expiry.
    clocks.advance(2.5)
    assert await auth.authenticate(plaintext) is None
    fresh = _authenticator(store, clocks)
    assert await fresh.authenticate(plaintext) is None


async def test_env_admin_key_needs_no_database(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    lookups = LookupCounter(store, monkeypatch)
    admin_key = "any-operator-chosen-secret-value"
    auth = _authenticator(store, clocks, admin_key=admin_key)
    assert await auth.authenticate(admin_key) == ENV_ADMIN_PRINCIPAL
    assert ENV_ADMIN_PRINCIPAL.is_admin and ENV_ADMIN_PRINCIPAL.tenant_name == "admin"
    assert await auth.authenticate(admin_key + "x") is None
    assert await auth.authenticate(admin_key[:-1]) is None
    assert lookups.calls == 0
    without = _authenticator(store, clocks)
    assert await without.authenticate(admin_key) is None


async def test_comparisons_are_constant_time(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[object, object]] = []
    real = hmac.compare_digest

    def spy(a: str, b: str) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    plaintext, record = await _issue(store)
    admin_key = generate_key()
    auth = _authenticator(store, clocks, admin_key=admin_key)
    assert await auth.authenticate(admin_key) == ENV_ADMIN_PRINCIPAL
    assert calls == [(hash_key(admin_key), hash_key(admin_key))]
    calls.clear()
    assert await auth.authenticate(plaintext) is not None
    digest = hash_key(plaintext)
    assert calls == [(digest, hash_key(admin_key)), (record.key_hash, digest)]


async def test_concurrent_misses_share_one_lookup(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    plaintext, _ = await _issue(store)
    lookups = LookupCounter(store, monkeypatch, delay=0.05)
    auth = _authenticator(store, clocks)
    results = await asyncio.gather(*(auth.authenticate(plaintext) for _ in range(20)))
    assert all(r is not None for r in results)
    assert lookups.calls == 1


async def test_a_cancelled_waiter_does_not_cancel_the_shared_lookup(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    plaintext, _ = await _issue(store)
    LookupCounter(store, monkeypatch, delay=0.05)
    auth = _authenticator(store, clocks)
    first = asyncio.create_task(auth.authenticate(plaintext))
    second = asyncio.create_task(auth.authenticate(plaintext))
    await asyncio.sleep(0.01)
    first.cancel()
    assert await second is not None


async def test_lookup_racing_with_revocation_is_not_cached(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    plaintext, record = await _issue(store)
    auth = _authenticator(store, clocks, cache_ttl=3600)
    slow = LookupCounter(store, monkeypatch, delay_after=0.2)
    in_flight = asyncio.create_task(auth.authenticate(plaintext))
    while slow.calls == 0:
        await asyncio.sleep(0.005)
    await asyncio.sleep(0.05)  # The lookup has read the key while still active ...
    slow.delay_after = 0
    await store.keys.revoke(record.id)  # ... and the revocation commits before it returns.
    # A request that starts after the revocation does not join the stale lookup.
    assert await auth.authenticate(plaintext) is None
    assert await in_flight is not None  # It began before the revocation.
    # Its stale answer was not cached.
    assert await auth.authenticate(plaintext) is None


async def test_database_failure_is_raised_not_cached(
    store: Store, clocks: Clocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    plaintext, _ = await _issue(store)
    auth = _authenticator(store, clocks)
    real = store.keys.get_by_hash

    async def failing(key_hash: str) -> KeyRecord | None:
        raise StoreUnavailableError("database is down")

    monkeypatch.setattr(store.keys, "get_by_hash", failing)
    with pytest.raises(StoreUnavailableError):
        await auth.authenticate(plaintext)
    assert auth.cache_sizes() == (0, 0)
    monkeypatch.setattr(store.keys, "get_by_hash", real)
    assert await auth.authenticate(plaintext) is not None


async def test_close_stops_following_invalidations(store: Store, clocks: Clocks) -> None:
    plaintext, record = await _issue(store)
    auth = _authenticator(store, clocks, cache_ttl=3600)
    await auth.authenticate(plaintext)
    auth.close()
    await store.keys.revoke(record.id)
    assert await auth.authenticate(plaintext) is not None  # Cached, and no longer told.


async def test_stored_limits_reach_the_principal_and_changes_apply_to_the_next_request(
    store: Store, clocks: Clocks
) -> None:
    plaintext, record = await _issue(store, limits={"requests_per_minute": 2})
    other, _ = await _issue(store, tenant="other")
    auth = _authenticator(store, clocks, cache_ttl=3600)
    principal = await auth.authenticate(plaintext)
    assert principal is not None
    assert principal.key_limits == RateLimits(requests_per_minute=2)
    assert principal.tenant_limits is None
    unrelated = await auth.authenticate(other)
    assert await auth.authenticate(plaintext) is principal  # cached

    await store.keys.set_limits(record.id, {"requests_per_minute": 5})
    changed = await auth.authenticate(plaintext)
    assert changed is not None and changed.key_limits == RateLimits(requests_per_minute=5)
    await store.tenants.set_limits(record.tenant_id, {"tokens_per_day": 1000})
    changed = await auth.authenticate(plaintext)
    assert changed is not None and changed.tenant_limits == RateLimits(tokens_per_day=1000)
    await store.keys.set_limits(record.id, None)
    changed = await auth.authenticate(plaintext)
    assert changed is not None and changed.key_limits is None
    assert await auth.authenticate(other) is unrelated, "other tenants' keys stay cached"


def test_negative_ttl_is_validated(store: Store) -> None:
    with pytest.raises(ValueError, match="cache_ttl"):
        KeyAuthenticator(store, cache_ttl=-1)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"authorization": "Bearer bst-abc"}, "bst-abc"),
        ({"authorization": "bearer   bst-abc  "}, "bst-abc"),
        ({"x-api-key": " bst-abc "}, "bst-abc"),
        ({"authorization": "Basic dXNlcg==", "x-api-key": "bst-abc"}, "bst-abc"),
        ({"authorization": "Bearer "}, None),
        ({}, None),
    ],
)
def test_presented_key(headers: dict[str, str], expected: str | None) -> None:
    assert presented_key(headers) == expected
