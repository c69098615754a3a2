"""Where cache entries and semantic indexes live: in process memory, or in Redis.

Keys arrive already namespaced by the cache (``{tenant_tag}:x:{exact}`` for entries,
``{tenant_tag}:i:{index}`` for a partition's semantic index). An index holds the most recent
``limit`` items of one partition: the entry's exact key, the prompt text and its vector. With a
two-stage embedder, an item may also get a *fine* vector (the confirming encoder's, encoded by
:func:`~bastion.cache.embedder.encode_vector`), made the first time a lookup needs it and kept
with the item: it is dropped, and expires, with the item.
"""

from __future__ import annotations

import struct
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from bastion.cache.embedder import Vector, decode_vector, encode_vector


@dataclass(frozen=True, slots=True)
class IndexItem:
    member: str  # the entry key the item points to
    text: str
    vector: Vector
    # A sparse vector's features, as a set: a lookup intersects them with the query's in C.
    features: frozenset[int] = field(init=False, repr=False, compare=False)
    # A dense vector as a float32 array: a lookup scores a whole index in one product.
    dense: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sparse = isinstance(self.vector, dict)
        object.__setattr__(self, "features", frozenset(self.vector) if sparse else frozenset())
        dense = None if sparse else _float32(self.vector)
        object.__setattr__(self, "dense", dense)

    def to_bytes(self) -> bytes:
        text = self.text.encode()
        return struct.pack("<I", len(text)) + text + encode_vector(self.vector)

    @classmethod
    def from_bytes(cls, member: str, data: bytes) -> IndexItem:
        (n,) = struct.unpack("<I", data[:4])
        return cls(member, data[4 : 4 + n].decode(), decode_vector(data[4 + n :]))


class CacheBackend(Protocol):
    async def get(self, key: str) -> bytes | None: ...

    async def set(self, key: str, value: bytes, ttl_s: float) -> None: ...

    async def delete(self, key: str) -> None: ...

    async def index_add(
        self, index: str, item: IndexItem, limit: int, ttl_s: float, fine: bytes | None = None
    ) -> None: ...

    async def index_items(self, index: str) -> list[IndexItem]: ...

    async def index_fine(self, index: str, members: Sequence[str]) -> list[bytes | None]: ...

    async def index_set_fine(self, index: str, member: str, fine: bytes) -> None: ...

    async def close(self) -> None: ...


@dataclass(slots=True)
class _Index:
    expires: float
    items: OrderedDict[str, IndexItem] = field(default_factory=OrderedDict)
    # Fine vectors of some of the items, by member; never more members than ``items``.
    fine: dict[str, bytes] = field(default_factory=dict)


class MemoryBackend:
    """LRU + TTL, bounded by entry count and total bytes; indexes bounded too."""

    def __init__(
        self,
        *,
        max_entries: int = 10_000,
        max_bytes: int = 64 * 1024 * 1024,
        max_indexes: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_indexes = max_indexes
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._indexes: OrderedDict[str, _Index] = OrderedDict()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    async def get(self, key: str) -> bytes | None:
        found = self._entries.get(key)
        if found is None:
            return None
        expires, value = found
        if expires <= self._clock():
            self._drop(key)
            return None
        self._entries.move_to_end(key)
        return value

    def _drop(self, key: str) -> None:
        found = self._entries.pop(key, None)
        if found is not None:
            self.bytes -= len(found[1])

    async def set(self, key: str, value: bytes, ttl_s: float) -> None:
        if len(value) > self.max_bytes:
            return
        self._drop(key)
        self._entries[key] = (self._clock() + ttl_s, value)
        self.bytes += len(value)
        while len(self._entries) > self.max_entries or self.bytes > self.max_bytes:
            oldest = next(iter(self._entries))
            self._drop(oldest)

    async def delete(self, key: str) -> None:
        self._drop(key)

    async def index_add(
        self, index: str, item: IndexItem, limit: int, ttl_s: float, fine: bytes | None = None
    ) -> None:
        now = self._clock()
        found = self._indexes.get(index)
        if found is None or found.expires <= now:
            found = _Index(now)
        items = found.items
        items.pop(item.member, None)
        items[item.member] = item
        if fine is not None:
            found.fine[item.member] = fine
        while len(items) > limit:
            dropped, _ = items.popitem(last=False)
            found.fine.pop(dropped, None)
        found.expires = now + ttl_s
        self._indexes[index] = found
        self._indexes.move_to_end(index)
        while len(self._indexes) > self.max_indexes:
            self._indexes.popitem(last=False)

    def _live(self, index: str) -> _Index | None:
        found = self._indexes.get(index)
        if found is None:
            return None
        if found.expires <= self._clock():
            del self._indexes[index]
            return None
        return found

    async def index_items(self, index: str) -> list[IndexItem]:
        found = self._live(index)
        if found is None:
            return []
        self._indexes.move_to_end(index)
        return list(found.items.values())

    async def index_fine(self, index: str, members: Sequence[str]) -> list[bytes | None]:
        found = self._live(index)
        if found is None:
            return [None] * len(members)
        return [found.fine.get(m) for m in members]

    async def index_set_fine(self, index: str, member: str, fine: bytes) -> None:
        found = self._live(index)
        if found is not None and member in found.items:  # a dropped item gets none
            found.fine[member] = fine

    async def close(self) -> None:
        self._entries.clear()
        self._indexes.clear()
        self.bytes = 0


def _as_bytes(value: bytes | str) -> bytes:
    return value.encode() if isinstance(value, str) else bytes(value)


# Adds one item to a bounded index: a list of members (newest first), a hash of payloads and a
# hash of fine vectors (ARGV[5], when not empty, is the new item's).
_INDEX_ADD = """
redis.call('LREM', KEYS[1], 0, ARGV[1])
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
if ARGV[5] ~= '' then
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[5])
end
local limit = tonumber(ARGV[3])
local dropped = redis.call('LRANGE', KEYS[1], limit, -1)
if #dropped > 0 then
  redis.call('LTRIM', KEYS[1], 0, limit - 1)
  redis.call('HDEL', KEYS[2], unpack(dropped))
  redis.call('HDEL', KEYS[3], unpack(dropped))
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return #dropped
"""

# Keeps an item's fine vector, only while the item is in the index; it expires with the index.
_SET_FINE = """
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[2], ttl)
end
return 1
"""


class RedisBackend:
    """Entries and indexes in Redis (``redis.asyncio``), all keys under ``prefix``.

    Entries expire by TTL; the total size is bounded by the server's ``maxmemory`` policy. Each
    index is a list plus a hash trimmed to ``limit`` members, and a hash of the fine vectors
    made so far (``:f``), trimmed and expiring with them, so that every process uses a vector
    once one process has made it. Index payloads and fine vectors are immutable for a given
    member (the member is a content hash, the index key names the embedders), so decoded items
    (up to ``decoded_items``) and fine vectors (up to ``fine_items``) are memoised in-process.
    """

    def __init__(
        self,
        url: str,
        *,
        prefix: str = "bastion:cache:",
        decoded_items: int = 50_000,
        fine_items: int = 10_000,
        timeout_s: float | None = None,
        max_connections: int = 256,
    ):
        from redis.asyncio import BlockingConnectionPool, Redis

        self.prefix = prefix
        # No retries: the cache gives up and answers a miss rather than keep a request waiting.
        # A waiting pool, bounded by the same timeout: a burst queues for a connection instead
        # of failing as if Redis were down (redis-py's default pool raises when it is full).
        pool = BlockingConnectionPool.from_url(
            url,
            max_connections=max_connections,
            timeout=timeout_s,
            socket_timeout=timeout_s,
            socket_connect_timeout=timeout_s,
            retry_on_timeout=False,
            retry=None,
        )
        self._redis = Redis(connection_pool=pool)
        self._add = self._redis.register_script(_INDEX_ADD)
        self._set_fine = self._redis.register_script(_SET_FINE)
        self._decoded: OrderedDict[str, IndexItem] = OrderedDict()
        self._decoded_limit = decoded_items
        self._fine: OrderedDict[str, bytes] = OrderedDict()
        self._fine_limit = fine_items

    async def get(self, key: str) -> bytes | None:
        value = await self._redis.get(self.prefix + key)
        return _as_bytes(value) if value is not None else None

    async def set(self, key: str, value: bytes, ttl_s: float) -> None:
        await self._redis.set(self.prefix + key, value, px=max(1, int(ttl_s * 1000)))

    async def delete(self, key: str) -> None:
        await self._redis.delete(self.prefix + key)

    async def index_add(
        self, index: str, item: IndexItem, limit: int, ttl_s: float, fine: bytes | None = None
    ) -> None:
        keys = [f"{self.prefix}{index}:{part}" for part in ("m", "v", "f")]
        ttl_ms = max(1, int(ttl_s * 1000))
        await self._add(keys=keys, args=[item.member, item.to_bytes(), limit, ttl_ms, fine or b""])
        if fine:
            self._remember_fine(f"{index}|{item.member}", fine)

    async def index_items(self, index: str) -> list[IndexItem]:
        raw = await self._redis.lrange(f"{self.prefix}{index}:m", 0, -1)
        members = [_as_bytes(m).decode() for m in raw]
        missing = [m for m in members if f"{index}|{m}" not in self._decoded]
        if missing:
            payloads = await self._redis.hmget(f"{self.prefix}{index}:v", missing)
            for member, payload in zip(missing, payloads, strict=True):
                if payload is not None:
                    item = IndexItem.from_bytes(member, _as_bytes(payload))
                    self._remember(f"{index}|{member}", item)
        found = (self._decoded.get(f"{index}|{m}") for m in members)
        return [item for item in found if item is not None]

    def _remember(self, key: str, item: IndexItem) -> None:
        self._decoded[key] = item
        while len(self._decoded) > self._decoded_limit:
            self._decoded.popitem(last=False)

    async def index_fine(self, index: str, members: Sequence[str]) -> list[bytes | None]:
        found: dict[str, bytes] = {}
        for member in members:
            known = self._fine.get(f"{index}|{member}")
            if known is not None:
                self._fine.move_to_end(f"{index}|{member}")
                found[member] = known
        missing = [m for m in members if m not in found]
        if missing:
            payloads = await self._redis.hmget(f"{self.prefix}{index}:f", missing)
            for member, payload in zip(missing, payloads, strict=True):
                if payload is not None:
                    found[member] = _as_bytes(payload)
                    self._remember_fine(f"{index}|{member}", found[member])
        return [found.get(m) for m in members]

    async def index_set_fine(self, index: str, member: str, fine: bytes) -> None:
        keys = [f"{self.prefix}{index}:v", f"{self.prefix}{index}:f"]
        if await self._set_fine(keys=keys, args=[member, fine]):
            self._remember_fine(f"{index}|{member}", fine)

    def _remember_fine(self, key: str, fine: bytes) -> None:
        self._fine[key] = fine
        self._fine.move_to_end(key)
        while len(self._fine) > self._fine_limit:
            self._fine.popitem(last=False)

    async def close(self) -> None:
        await self._redis.aclose(close_connection_pool=True)


def _float32(vector: Any) -> Any:
    """A dense vector as a float32 array. numpy is imported here, not with the module: a
    gateway without a semantic cache (the default) never needs it, nor its memory."""
    import numpy as np

    return np.asarray(vector, dtype=np.float32)
