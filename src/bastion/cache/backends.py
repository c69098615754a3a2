"""Where cache entries and semantic indexes live: in process memory, or in Redis.

Keys arrive already namespaced by the cache (``{tenant_tag}:x:{exact}`` for entries,
``{tenant_tag}:i:{index}`` for a partition's semantic index). An index holds the most recent
``limit`` items of one partition: the entry's exact key, the prompt text and its vector.
"""

from __future__ import annotations

import struct
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

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
        dense = None if sparse else np.asarray(self.vector, dtype=np.float32)
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

    async def index_add(self, index: str, item: IndexItem, limit: int, ttl_s: float) -> None: ...

    async def index_items(self, index: str) -> list[IndexItem]: ...

    async def close(self) -> None: ...


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
        self._indexes: OrderedDict[str, tuple[float, OrderedDict[str, IndexItem]]] = OrderedDict()
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

    async def index_add(self, index: str, item: IndexItem, limit: int, ttl_s: float) -> None:
        now = self._clock()
        found = self._indexes.get(index)
        if found is None or found[0] <= now:
            items: OrderedDict[str, IndexItem] = OrderedDict()
        else:
            items = found[1]
        items.pop(item.member, None)
        items[item.member] = item
        while len(items) > limit:
            items.popitem(last=False)
        self._indexes[index] = (now + ttl_s, items)
        self._indexes.move_to_end(index)
        while len(self._indexes) > self.max_indexes:
            self._indexes.popitem(last=False)

    async def index_items(self, index: str) -> list[IndexItem]:
        found = self._indexes.get(index)
        if found is None:
            return []
        if found[0] <= self._clock():
            del self._indexes[index]
            return []
        self._indexes.move_to_end(index)
        return list(found[1].values())

    async def close(self) -> None:
        self._entries.clear()
        self._indexes.clear()
        self.bytes = 0


def _as_bytes(value: bytes | str) -> bytes:
    return value.encode() if isinstance(value, str) else bytes(value)


# Adds one item to a bounded index: a list of members (newest first) and a hash of payloads.
_INDEX_ADD = """
redis.call('LREM', KEYS[1], 0, ARGV[1])
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
local limit = tonumber(ARGV[3])
local dropped = redis.call('LRANGE', KEYS[1], limit, -1)
if #dropped > 0 then
  redis.call('LTRIM', KEYS[1], 0, limit - 1)
  redis.call('HDEL', KEYS[2], unpack(dropped))
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return #dropped
"""


class RedisBackend:
    """Entries and indexes in Redis (``redis.asyncio``), all keys under ``prefix``.

    Entries expire by TTL; the total size is bounded by the server's ``maxmemory`` policy. Each
    index is a list plus a hash trimmed to ``limit`` members. Index payloads are immutable for a
    given member (the member is a content hash), so decoded items are memoised in-process.
    """

    def __init__(
        self,
        url: str,
        *,
        prefix: str = "bastion:cache:",
        decoded_items: int = 50_000,
        timeout_s: float | None = None,
    ):
        from redis.asyncio import Redis

        self.prefix = prefix
        # No retries: the cache gives up and answers a miss rather than keep a request waiting.
        self._redis = Redis.from_url(
            url,
            socket_timeout=timeout_s,
            socket_connect_timeout=timeout_s,
            retry_on_timeout=False,
            retry=None,
        )
        self._add = self._redis.register_script(_INDEX_ADD)
        self._decoded: OrderedDict[str, IndexItem] = OrderedDict()
        self._decoded_limit = decoded_items

    async def get(self, key: str) -> bytes | None:
        value = await self._redis.get(self.prefix + key)
        return _as_bytes(value) if value is not None else None

    async def set(self, key: str, value: bytes, ttl_s: float) -> None:
        await self._redis.set(self.prefix + key, value, px=max(1, int(ttl_s * 1000)))

    async def delete(self, key: str) -> None:
        await self._redis.delete(self.prefix + key)

    async def index_add(self, index: str, item: IndexItem, limit: int, ttl_s: float) -> None:
        keys = [f"{self.prefix}{index}:m", f"{self.prefix}{index}:v"]
        await self._add(
            keys=keys, args=[item.member, item.to_bytes(), limit, max(1, int(ttl_s * 1000))]
        )

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

    async def close(self) -> None:
        await self._redis.aclose()
