"""The supervisor's side: one copy of the node's shared state, served to its workers.

Every call is handled to completion before the next message of any worker is read past an
``await`` that yields, and the limiter's check-and-reserve never awaits, so N workers racing for
room for one request admit exactly one, as one process would.

A worker that goes away (it exited, it was killed) has its unsettled grants settled at their
estimates: its concurrency slots free at once, its reserved tokens stay counted (what its
requests used is unknown, so the conservative figure stays).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bastion.admission.limiter import CurrentUse, Grant, MemoryLimiter
from bastion.cache.backends import IndexItem, MemoryBackend
from bastion.node.protocol import NO_REPLY, ProtocolError, encode, read_frame
from bastion.telemetry.recent import Minute, RecentTraffic

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Worker:
    writer: asyncio.StreamWriter
    index: int = -1
    pid: int = 0
    ready: bool = False
    grants: dict[int, Grant] = field(default_factory=dict)


class NodeStateServer:
    def __init__(
        self,
        path: Path,
        workers: int,
        *,
        cache: MemoryBackend | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.path = path
        self.expected = workers
        self.limiter = MemoryLimiter() if clock is None else MemoryLimiter(clock)
        self._clock = self.limiter._clock
        self.cache = cache
        # The node's last hour: every worker's per-minute deltas added up (node/recent.py).
        self.recent = RecentTraffic()
        self._workers: list[_Worker] = []
        # Worker numbers that have served at least once (a restart is not a first start).
        self.ever_ready: set[int] = set()
        self._leases = itertools.count(1)
        self._server: asyncio.Server | None = None
        self._ops: dict[str, Callable[..., Any]] = {
            "hello": self._hello,
            "ready": self._ready,
            "admit": self._admit,
            "settle": self._settle,
            "current_use": self._current_use,
            "publish": self._publish,
            "recent": self._recent,
            "recent_minutes": self._recent_minutes,
            "cache_get": self._cache_get,
            "cache_set": self._cache_set,
            "cache_delete": self._cache_delete,
            "index_add": self._index_add,
            "index_members": self._index_members,
            "index_payloads": self._index_payloads,
            "index_fine": self._index_fine,
            "index_set_fine": self._index_set_fine,
        }

    async def start(self) -> None:
        # The socket's directory is the supervisor's private one (mode 0700); the socket itself
        # is made private too, before anyone can connect.
        old_mask = os.umask(0o177)
        try:
            self._server = await asyncio.start_unix_server(self._serve, path=str(self.path))
        finally:
            os.umask(old_mask)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            for worker in list(self._workers):
                worker.writer.close()
            with contextlib.suppress(Exception):
                await self._server.wait_closed()
            self._server = None
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    @property
    def ready_workers(self) -> int:
        return sum(1 for worker in self._workers if worker.ready)

    def in_flight_grants(self) -> int:
        return sum(len(worker.grants) for worker in self._workers)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        worker = _Worker(writer)
        self._workers.append(worker)
        try:
            while True:
                call_id, op, args = await read_frame(reader)
                handler = self._ops.get(op)
                if handler is None:
                    raise ProtocolError(f"unknown call {op!r}")
                result = handler(worker, *args)
                if asyncio.iscoroutine(result):
                    result = await result
                if call_id != NO_REPLY:
                    writer.write(encode((call_id, True, result)))
                    await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass  # the worker went away
        except (ProtocolError, TypeError, ValueError) as exc:
            log.error("node state: bad message from worker %d: %s", worker.index, exc)
        finally:
            self._workers.remove(worker)
            self._forget(worker)
            writer.close()

    def _forget(self, worker: _Worker) -> None:
        now = self._clock()
        for grant in worker.grants.values():
            self.limiter.settle_at(grant, grant.tokens, now)
        if worker.grants:
            log.warning(
                "worker %d left with %d requests admitted; their slots are free again",
                worker.index,
                len(worker.grants),
            )
        worker.grants.clear()
        if worker.ready:
            worker.ready = False
            self._broadcast_workers()

    def _broadcast(self, event: str, payload: Any, *, skip: _Worker | None = None) -> None:
        frame = encode((NO_REPLY, event, payload))
        for worker in self._workers:
            if worker is not skip and not worker.writer.is_closing():
                worker.writer.write(frame)

    def _broadcast_workers(self) -> None:
        self._broadcast("workers", (self.ready_workers, self.expected))

    # Calls. Each takes the calling worker first.

    def _hello(self, worker: _Worker, index: int, pid: int) -> tuple[int, int]:
        worker.index, worker.pid = index, pid
        return self.ready_workers, self.expected

    def _ready(self, worker: _Worker) -> None:
        worker.ready = True
        self.ever_ready.add(worker.index)
        self._broadcast_workers()

    def _admit(self, worker: _Worker, checks: list[Any], tokens: int, cost: int) -> tuple[Any, ...]:
        result = self.limiter.admit_at(checks, tokens, self._clock(), cost=cost)
        if not isinstance(result, Grant):
            return ("refusal", result)
        lease = next(self._leases)
        worker.grants[lease] = result
        return ("grant", lease, result.at, result.periods, result.requests, result.token_budget)

    def _settle(
        self, worker: _Worker, lease: int, actual_tokens: int, actual_cost: int | None
    ) -> None:
        grant = worker.grants.pop(lease, None)
        if grant is not None:
            self.limiter.settle_at(grant, actual_tokens, self._clock(), actual_cost)

    def _current_use(self, worker: _Worker, scope: str) -> CurrentUse:
        return self.limiter.current_use_at(scope, self._clock())

    def _publish(self, worker: _Worker, event: str, payload: Any) -> None:
        """Tells every other worker what this one found (a revocation, an opened circuit)."""
        self._broadcast(event, payload, skip=worker)

    def _recent(self, worker: _Worker, deltas: list[Minute]) -> None:
        for delta in deltas:
            if not isinstance(delta, Minute):
                raise ProtocolError("not a minute")
            self.recent.add(delta)

    def _recent_minutes(self, worker: _Worker) -> list[Minute]:
        return self.recent.minutes()

    def _require_cache(self) -> MemoryBackend:
        if self.cache is None:
            raise ProtocolError("this node keeps no response cache")
        return self.cache

    async def _cache_get(self, worker: _Worker, key: str) -> bytes | None:
        return await self._require_cache().get(key)

    async def _cache_set(self, worker: _Worker, key: str, value: bytes, ttl_s: float) -> None:
        await self._require_cache().set(key, value, ttl_s)

    async def _cache_delete(self, worker: _Worker, key: str) -> None:
        await self._require_cache().delete(key)

    async def _index_add(  # noqa: PLR0917 (the call's arguments, as sent)
        self,
        worker: _Worker,
        index: str,
        member: str,
        payload: bytes,
        limit: int,
        ttl_s: float,
        fine: bytes | None,
    ) -> None:
        item = IndexItem.from_bytes(member, payload)
        await self._require_cache().index_add(index, item, limit, ttl_s, fine)

    async def _index_members(self, worker: _Worker, index: str) -> list[str]:
        return [item.member for item in await self._require_cache().index_items(index)]

    async def _index_payloads(
        self, worker: _Worker, index: str, members: list[str]
    ) -> list[bytes | None]:
        items = {item.member: item for item in await self._require_cache().index_items(index)}
        return [item.to_bytes() if (item := items.get(m)) is not None else None for m in members]

    async def _index_fine(
        self, worker: _Worker, index: str, members: list[str]
    ) -> list[bytes | None]:
        return await self._require_cache().index_fine(index, members)

    async def _index_set_fine(self, worker: _Worker, index: str, member: str, fine: bytes) -> None:
        await self._require_cache().index_set_fine(index, member, fine)
