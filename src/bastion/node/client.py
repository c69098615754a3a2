"""A worker's connection to its supervisor's node state.

Calls are pipelined on one Unix socket (each waits for its own reply); a call that gets no
answer within ``timeout`` fails rather than holding a request. Losing the connection means the
supervisor is gone: ``on_lost`` runs once, and the worker shuts down (it must not go on serving
with limits nobody else sees).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bastion.node.protocol import NO_REPLY, ProtocolError, encode, read_frame
from bastion.tasks import stop_tasks

log = logging.getLogger(__name__)

EventHandler = Callable[[Any], None]


class NodeUnavailableError(Exception):
    """The supervisor did not answer: its state cannot be read or changed now."""


class NodeClient:
    def __init__(
        self,
        path: Path,
        index: int,
        pid: int,
        *,
        timeout: float = 5.0,
        on_lost: Callable[[], None] | None = None,
    ) -> None:
        self.path = path
        self.index = index
        self.pid = pid
        self.timeout = timeout
        self.on_lost = on_lost
        self.workers_ready = 0
        self.workers_expected = 1
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._pending: dict[int, asyncio.Future[Any]] = {}
        self._ids = itertools.count(1)
        self._handlers: dict[str, list[EventHandler]] = {"workers": [self._on_workers]}
        self._task: asyncio.Task[None] | None = None
        self._closing = False

    async def connect(self) -> None:
        self._reader, self._writer = await asyncio.open_unix_connection(str(self.path))
        self._task = asyncio.create_task(self._read(), name="node-state-reader")
        ready, expected = await self.call("hello", self.index, self.pid)
        self.workers_ready, self.workers_expected = ready, expected

    async def close(self) -> None:
        self._closing = True
        if self._writer is not None:
            self._writer.close()
        await stop_tasks(self._task)

    @property
    def all_workers_ready(self) -> bool:
        return self.workers_ready >= self.workers_expected

    def on(self, event: str, handler: EventHandler) -> None:
        """Runs ``handler(payload)`` for each ``event`` the supervisor relays."""
        self._handlers.setdefault(event, []).append(handler)

    async def call(self, op: str, *args: Any) -> Any:
        writer = self._writer
        if writer is None or writer.is_closing():
            raise NodeUnavailableError("not connected to the supervisor")
        call_id = next(self._ids)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[call_id] = future
        writer.write(encode((call_id, op, args)))
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            raise NodeUnavailableError(f"the supervisor did not answer {op!r} in time") from None
        finally:
            self._pending.pop(call_id, None)

    def send(self, op: str, *args: Any) -> None:
        """A call whose answer nobody waits for; dropped when the supervisor is gone."""
        writer = self._writer
        if writer is not None and not writer.is_closing():
            writer.write(encode((NO_REPLY, op, args)))

    def publish(self, event: str, payload: Any) -> None:
        """Relays ``event`` to every other worker of the node."""
        self.send("publish", event, payload)

    async def _read(self) -> None:
        assert self._reader is not None
        try:
            while True:
                call_id, first, payload = await read_frame(self._reader)
                if call_id == NO_REPLY:
                    self._dispatch(first, payload)
                    continue
                future = self._pending.get(call_id)
                if future is not None and not future.done():
                    future.set_result(payload)
        except (asyncio.IncompleteReadError, ConnectionError, ProtocolError):
            pass
        finally:
            error = NodeUnavailableError("the supervisor closed the connection")
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(error)
            if not self._closing:
                log.error("lost the connection to the supervisor; stopping this worker")
                if self.on_lost is not None:
                    self.on_lost()

    def _dispatch(self, event: str, payload: Any) -> None:
        for handler in self._handlers.get(event, ()):
            try:
                handler(payload)
            except Exception:
                log.exception("node event handler failed", extra={"event": event})

    def _on_workers(self, payload: tuple[int, int]) -> None:
        self.workers_ready, self.workers_expected = payload
