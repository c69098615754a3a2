"""Admin events: rare, noteworthy things the gateway tells its operators about.

An event (a usage anomaly of a tenant, for example) is logged at once as a structured WARNING
line on the ``bastion.events`` logger, kept in a bounded in-memory ring of the most recent
ones, and, when the gateway has a database, written to the ``admin_events`` table by a
background task, so emitting one never waits for I/O and ``GET /admin/events`` can show the
events of every gateway process sharing the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from bastion.tasks import stop_tasks
from bastion.telemetry.logs import describe_error

log = logging.getLogger("bastion.events")

DEFAULT_RING_SIZE = 1000
# Events waiting for the database; beyond this many (a database down for long) they are
# dropped from the table, though still logged and kept in the ring.
DEFAULT_MAX_PENDING = 1000
MAX_LIST_LIMIT = 1000
_WRITE_ATTEMPTS = 3
_RETRY_SECONDS = 2.0
_FLUSH_SECONDS = 5.0

EventSource = Literal["database", "memory"]


def process_name() -> str:
    """``host:pid``, telling apart the gateway processes that share a database."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True, slots=True)
class AdminEvent:
    kind: str  # e.g. "usage_anomaly"
    message: str
    tenant: str | None = None  # the tenant's name, when the event concerns one
    tenant_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    time: datetime = field(default_factory=lambda: datetime.now(UTC))

    def matches(self, kind: str | None, tenant: str | None) -> bool:
        """Whether the event is of ``kind`` and concerns ``tenant`` (a name or an id)."""
        if kind is not None and self.kind != kind:
            return False
        return tenant is None or tenant in (self.tenant, self.tenant_id)

    def public_dict(self) -> dict[str, Any]:
        return {
            "object": "event",
            "time": self.time.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "kind": self.kind,
            "tenant": self.tenant,
            "tenant_id": self.tenant_id,
            "message": self.message,
            "details": self.details,
        }


class EventStore(Protocol):
    """Where events are kept for every process: the ``admin_events`` table."""

    async def add(self, events: Sequence[AdminEvent]) -> None: ...

    async def recent(
        self, *, kind: str | None, tenant: str | None, limit: int
    ) -> list[AdminEvent]: ...


class EventLog:
    """Emits events (log line, ring, database) and lists the recent ones, newest first."""

    def __init__(
        self,
        store: EventStore | None = None,
        *,
        ring_size: int = DEFAULT_RING_SIZE,
        max_pending: int = DEFAULT_MAX_PENDING,
    ) -> None:
        self._store = store
        self._ring: deque[AdminEvent] = deque(maxlen=ring_size)
        self._pending: asyncio.Queue[AdminEvent] = asyncio.Queue(max_pending)
        self._writer: asyncio.Task[None] | None = None

    @property
    def persistent(self) -> bool:
        return self._store is not None

    def start(self) -> None:
        """Starts writing emitted events to the database (when there is one)."""
        if self._store is not None and self._writer is None:
            self._writer = asyncio.create_task(self._write_loop(), name="bastion-admin-events")

    async def close(self) -> None:
        """Writes what is still pending (for a few seconds at most), then stops the writer."""
        writer, self._writer = self._writer, None
        if writer is None:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._pending.join(), _FLUSH_SECONDS)
        await stop_tasks(writer)

    def emit(self, event: AdminEvent) -> None:
        """Records ``event`` without waiting: safe to call from the request path."""
        log.warning(
            event.message,
            extra={
                "event": event.kind,
                "tenant": event.tenant,
                "tenant_id": event.tenant_id,
                "details": event.details,
            },
        )
        self._ring.append(event)
        if self._writer is None:
            return
        try:
            self._pending.put_nowait(event)
        except asyncio.QueueFull:
            log.warning("admin event not stored: too many pending", extra={"event": event.kind})

    def recent_in_memory(
        self, *, kind: str | None = None, tenant: str | None = None, limit: int = 100
    ) -> list[AdminEvent]:
        """This process's most recent events, newest first."""
        found: list[AdminEvent] = []
        for event in reversed(self._ring):
            if len(found) >= limit:
                break
            if event.matches(kind, tenant):
                found.append(event)
        return found

    async def recent(
        self, *, kind: str | None = None, tenant: str | None = None, limit: int = 100
    ) -> tuple[list[AdminEvent], EventSource]:
        """The most recent events, newest first: every process's from the database when there
        is one and it answers, else this process's own."""
        if self._store is not None:
            try:
                return await self._store.recent(kind=kind, tenant=tenant, limit=limit), "database"
            except Exception as exc:
                log.warning("admin events read failed", extra={"error": describe_error(exc)})
        return self.recent_in_memory(kind=kind, tenant=tenant, limit=limit), "memory"

    async def _write_loop(self) -> None:
        assert self._store is not None
        pending = self._pending
        while True:
            batch = [await pending.get()]
            while not pending.empty():
                batch.append(pending.get_nowait())
            try:
                await self._write(batch)
            finally:
                for _ in batch:
                    pending.task_done()

    async def _write(self, batch: list[AdminEvent]) -> None:
        assert self._store is not None
        for attempt in range(1, _WRITE_ATTEMPTS + 1):
            try:
                await self._store.add(batch)
                return
            except Exception as exc:
                if attempt == _WRITE_ATTEMPTS:
                    log.error(
                        "admin events not stored",
                        extra={"events": len(batch), "error": describe_error(exc)},
                    )
                    return
                log.warning(
                    "admin events write failed; retrying",
                    extra={"events": len(batch), "error": describe_error(exc)},
                )
                await asyncio.sleep(_RETRY_SECONDS * attempt)
