"""A small bounded cache of authentication results.

Eviction is by insertion order rather than recency: every entry dies within the TTL anyway,
and skipping LRU bookkeeping keeps a hit down to one dict lookup and one comparison.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class BoundedTTLCache(Generic[V]):
    def __init__(self, max_entries: int) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self._max_entries = max_entries
        self._entries: dict[str, tuple[V, float]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str, now: float) -> V | None:
        """The value of a live entry; a dead one is dropped on the way."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[1] > now:
            return entry[0]
        del self._entries[key]
        return None

    def put(self, key: str, value: V, deadline: float) -> None:
        entries = self._entries
        entries.pop(key, None)
        if len(entries) >= self._max_entries:
            del entries[next(iter(entries))]
        entries[key] = (value, deadline)

    def discard_where(self, predicate: Callable[[V], bool]) -> int:
        doomed = [key for key, (value, _) in self._entries.items() if predicate(value)]
        for key in doomed:
            del self._entries[key]
        return len(doomed)

    def clear(self) -> None:
        self._entries.clear()
