"""The response cache of a node, kept in the supervisor's memory (see ``server``)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from bastion.cache.backends import IndexItem
from bastion.node.client import NodeClient


class NodeCacheBackend:
    """A ``CacheBackend`` whose entries and indexes every worker of the node shares.

    Index items never change for a given member (the member is a content hash), so decoded
    items are memoised here, as the Redis backend does; a lookup moves only the members' names
    and the items this worker has not seen.
    """

    def __init__(self, client: NodeClient, *, decoded_items: int = 50_000) -> None:
        self._client = client
        self._decoded: OrderedDict[str, IndexItem] = OrderedDict()
        self._decoded_limit = decoded_items

    async def get(self, key: str) -> bytes | None:
        value: bytes | None = await self._client.call("cache_get", key)
        return value

    async def set(self, key: str, value: bytes, ttl_s: float) -> None:
        self._client.send("cache_set", key, value, ttl_s)

    async def delete(self, key: str) -> None:
        self._client.send("cache_delete", key)

    async def index_add(
        self, index: str, item: IndexItem, limit: int, ttl_s: float, fine: bytes | None = None
    ) -> None:
        self._remember(f"{index}|{item.member}", item)
        self._client.send("index_add", index, item.member, item.to_bytes(), limit, ttl_s, fine)

    async def index_items(self, index: str) -> list[IndexItem]:
        members: list[str] = await self._client.call("index_members", index)
        missing = [m for m in members if f"{index}|{m}" not in self._decoded]
        if missing:
            payloads = await self._client.call("index_payloads", index, missing)
            for member, payload in zip(missing, payloads, strict=True):
                if payload is not None:
                    self._remember(f"{index}|{member}", IndexItem.from_bytes(member, payload))
        found = (self._decoded.get(f"{index}|{m}") for m in members)
        return [item for item in found if item is not None]

    async def index_fine(self, index: str, members: Sequence[str]) -> list[bytes | None]:
        found: list[bytes | None] = await self._client.call("index_fine", index, list(members))
        return found

    async def index_set_fine(self, index: str, member: str, fine: bytes) -> None:
        self._client.send("index_set_fine", index, member, fine)

    async def close(self) -> None:
        self._decoded.clear()

    def _remember(self, key: str, item: IndexItem) -> None:
        self._decoded[key] = item
        self._decoded.move_to_end(key)
        while len(self._decoded) > self._decoded_limit:
            self._decoded.popitem(last=False)
