"""Turning a presented API key into a Principal, with an in-memory cache in front of the DB."""

from __future__ import annotations

import asyncio
import hmac
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial

from bastion.auth.cache import BoundedTTLCache
from bastion.auth.principal import Principal
from bastion.store.invalidation import Invalidation
from bastion.store.keymaterial import hash_key, is_well_formed
from bastion.store.names import ADMIN_SCOPE
from bastion.store.store import Store

DEFAULT_MAX_ENTRIES = 4096
# Negative entries only spare the DB from clients retrying a bad key; keep them brief.
MAX_NEGATIVE_TTL = 1.0
# Longer than any key we issue or any sane admin key; anything bigger is rejected unhashed.
_MAX_PRESENTED_LENGTH = 512

ENV_ADMIN_PRINCIPAL = Principal(
    tenant_id="admin",
    tenant_name="admin",
    key_id="env-admin",
    key_name="BASTION_ADMIN_KEY",
    is_admin=True,
    scopes=frozenset({ADMIN_SCOPE}),
)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class KeyAuthenticator:
    """Validates keys against the store.

    Results are cached for ``cache_ttl`` seconds (failures for at most one second), in two
    bounded caches so a flood of bad keys can neither grow memory nor push out good keys.
    Malformed keys are rejected without a lookup, and concurrent misses on the same key share
    one query. Revocations and changed limits made through this process's ``Store`` (or
    ``invalidate``) apply to the next request; on PostgreSQL those of other processes do too,
    via LISTEN/NOTIFY; on SQLite other processes' changes show within the TTL.
    """

    def __init__(
        self,
        store: Store,
        *,
        cache_ttl: float = 5.0,
        admin_key: str | None = None,
        negative_ttl: float | None = None,
        max_entries: int = DEFAULT_MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
        utcnow: Callable[[], datetime] = _utcnow,
    ) -> None:
        if cache_ttl < 0:
            raise ValueError("cache_ttl must not be negative")
        self._store = store
        self._ttl = cache_ttl
        self._negative_ttl = (
            min(cache_ttl, MAX_NEGATIVE_TTL) if negative_ttl is None else negative_ttl
        )
        self._positive: BoundedTTLCache[Principal] = BoundedTTLCache(max_entries)
        self._negative: BoundedTTLCache[bool] = BoundedTTLCache(max_entries)
        self._inflight: dict[str, asyncio.Future[Principal | None]] = {}
        # Bumped by every invalidation so that a lookup racing with it does not cache.
        self._generation = 0
        self._clock = clock
        self._utcnow = utcnow
        self._admin_hash = hash_key(admin_key) if admin_key else None
        self._unsubscribe = store.invalidations.subscribe(self._on_invalidation)

    async def authenticate(self, presented: str) -> Principal | None:
        """The principal for a presented key, or None if it is unknown, revoked or expired.

        Raises ``bastion.store.StoreUnavailableError`` when the database cannot answer, so
        that callers can answer 503 rather than wrongly telling a client its key is bad.
        """
        if not presented or len(presented) > _MAX_PRESENTED_LENGTH:
            return None
        digest = hash_key(presented)
        if self._admin_hash is not None and hmac.compare_digest(digest, self._admin_hash):
            return ENV_ADMIN_PRINCIPAL
        now = self._clock()
        principal = self._positive.get(digest, now)
        if principal is not None:
            return principal
        if self._negative.get(digest, now) or not is_well_formed(presented):
            return None
        return await self._shared_lookup(digest)

    def invalidate(self, *, key_id: str | None = None, tenant_id: str | None = None) -> None:
        """Forget cached results for one key, one tenant's keys, or (no argument) everything."""
        self._generation += 1
        self._inflight.clear()
        if key_id is None and tenant_id is None:
            self._positive.clear()
            self._negative.clear()
            return
        self._positive.discard_where(lambda p: p.key_id == key_id or p.tenant_id == tenant_id)

    def cache_sizes(self) -> tuple[int, int]:
        """Entries in the positive and negative caches (for metrics and tests)."""
        return len(self._positive), len(self._negative)

    def close(self) -> None:
        """Stop following the store's invalidations."""
        self._unsubscribe()

    def _on_invalidation(self, event: Invalidation) -> None:
        self.invalidate(key_id=event.key_id, tenant_id=event.tenant_id)

    async def _shared_lookup(self, digest: str) -> Principal | None:
        task = self._inflight.get(digest)
        if task is None:
            task = asyncio.ensure_future(self._lookup(digest, self._generation))
            self._inflight[digest] = task
            task.add_done_callback(partial(self._lookup_done, digest))
        # Shielded: one caller giving up must not cancel the lookup others are waiting on.
        return await asyncio.shield(task)

    def _lookup_done(self, digest: str, task: asyncio.Future[Principal | None]) -> None:
        if self._inflight.get(digest) is task:
            del self._inflight[digest]
        if not task.cancelled():
            task.exception()  # Mark as retrieved even if every waiter went away.

    async def _lookup(self, digest: str, generation: int) -> Principal | None:
        record = await self._store.keys.get_by_hash(digest)
        now = self._utcnow()
        # The index lookup already matched; the constant-time check guards against a
        # backend whose collation would match a differently-cased hash.
        if (
            record is None
            or not hmac.compare_digest(record.key_hash, digest)
            or not record.is_active(now)
        ):
            if generation == self._generation and self._negative_ttl > 0:
                self._negative.put(digest, True, self._clock() + self._negative_ttl)
            return None
        principal = Principal(
            tenant_id=record.tenant_id,
            tenant_name=record.tenant_name,
            key_id=record.id,
            key_name=record.name,
            is_admin=record.is_admin,
            scopes=record.scopes,
            tenant_limits=record.tenant_limits,
            key_limits=record.limits,
        )
        lifetime = self._ttl
        if record.expires_at is not None:
            # Never serve a key from cache past its expiry.
            lifetime = min(lifetime, (record.expires_at - now).total_seconds())
        if generation == self._generation and lifetime > 0:
            self._positive.put(digest, principal, self._clock() + lifetime)
        return principal
