"""Sums of whole past days, kept in memory a few minutes.

A past day's rollup rows no longer change (but for a dead process's spool loaded late), and
summing 90 days of them is most of a page's database work with a large ledger. So each series
is split: its past days come from here, today's hours are read on every load. An entry older
than ``ttl`` is still served while one background task reads it again; a missing one (a new
process, a new day) is read at once, and a page asking for one already being read (the
start-up's warm-up, another page) waits for that read instead of starting its own. Bounded: the
oldest entry goes first.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from bastion.tasks import stop_tasks

log = logging.getLogger(__name__)

DEFAULT_TTL = 300.0
MAX_ENTRIES = 256


class DayCache:
    def __init__(self, ttl: float = DEFAULT_TTL, max_entries: int = MAX_ENTRIES) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._refreshing: dict[Hashable, asyncio.Task[None]] = {}
        self._reading: dict[Hashable, asyncio.Task[Any]] = {}

    async def get(self, key: Hashable, read: Callable[[], Awaitable[Any]]) -> Any:
        found = self._entries.get(key)
        now = time.monotonic()
        if found is None:
            first = self._reading.get(key)
            if first is None:
                first = self._reading[key] = asyncio.create_task(self._first_read(key, read))
            # Shielded: a page that goes away does not cancel the read others wait for.
            return await asyncio.shield(first)
        stored_at, value = found
        if now - stored_at > self._ttl and key not in self._refreshing:
            task = asyncio.create_task(self._refresh(key, read))
            self._refreshing[key] = task
        return value

    def _put(self, key: Hashable, value: Any) -> None:
        self._entries[key] = (time.monotonic(), value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)

    async def _first_read(self, key: Hashable, read: Callable[[], Awaitable[Any]]) -> Any:
        try:
            value = await read()
            self._put(key, value)
            return value
        finally:
            self._reading.pop(key, None)

    async def _refresh(self, key: Hashable, read: Callable[[], Awaitable[Any]]) -> None:
        try:
            self._put(key, await read())
        except Exception as exc:  # the stale value stays; the next load tries again
            log.warning("console series refresh failed", extra={"error": type(exc).__name__})
        finally:
            self._refreshing.pop(key, None)

    async def close(self) -> None:
        tasks: list[asyncio.Task[Any]] = [*self._refreshing.values(), *self._reading.values()]
        await stop_tasks(*tasks)
