"""Telling authenticators that keys stopped being valid.

Changes made through a ``Store`` are announced to that process's subscribers right after
commit. On PostgreSQL they are also sent with ``NOTIFY`` inside the committing transaction,
and every other process's ``Store`` relays them from a dedicated ``LISTEN`` connection, so
revocation is immediate across replicas. SQLite has no such channel: other processes rely on
their cache TTL.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from bastion.tasks import stop_tasks

log = logging.getLogger(__name__)

CHANNEL = "bastion_auth_invalidation"
_HEALTH_CHECK_SECONDS = 30.0
_MAX_BACKOFF_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class Invalidation:
    """Which cached credentials to drop; neither field set means all of them."""

    key_id: str | None = None
    tenant_id: str | None = None

    def to_payload(self) -> str:
        return orjson.dumps({"key_id": self.key_id, "tenant_id": self.tenant_id}).decode()

    @classmethod
    def from_payload(cls, payload: str) -> Invalidation:
        try:
            data = orjson.loads(payload)
            key_id, tenant_id = data.get("key_id"), data.get("tenant_id")
        except (orjson.JSONDecodeError, AttributeError):
            return cls()  # Unreadable: dropping everything is the safe reading.
        return cls(
            key_id=key_id if isinstance(key_id, str) else None,
            tenant_id=tenant_id if isinstance(tenant_id, str) else None,
        )


InvalidationListener = Callable[[Invalidation], None]


class InvalidationHub:
    """In-process fan-out of invalidations to subscribers (authenticators)."""

    def __init__(self) -> None:
        self._listeners: list[InvalidationListener] = []

    def subscribe(self, listener: InvalidationListener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return unsubscribe

    def publish(self, event: Invalidation) -> None:
        for listener in tuple(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("invalidation listener failed")


class PostgresInvalidationRelay:
    """Holds a LISTEN connection and republishes notifications into a hub.

    After a reconnect it publishes a full invalidation, since notifications sent while the
    connection was down are lost.
    """

    def __init__(self, hub: InvalidationHub, connect_kwargs: dict[str, Any]) -> None:
        self._hub = hub
        self._connect_kwargs = connect_kwargs
        self._task: asyncio.Task[None] | None = None
        self._listening = asyncio.Event()

    async def start(self, wait_seconds: float = 10.0) -> None:
        self._task = asyncio.create_task(self._run(), name="bastion-invalidation-relay")
        try:
            await asyncio.wait_for(self._listening.wait(), wait_seconds)
        except TimeoutError:
            log.warning("LISTEN for key invalidations not established yet; retrying in background")

    async def close(self) -> None:
        await stop_tasks(self._task)
        self._task = None

    def _on_notify(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        self._hub.publish(Invalidation.from_payload(payload))

    async def _run(self) -> None:
        import asyncpg

        backoff = 0.5
        connected_before = False
        while True:
            try:
                connection = await asyncpg.connect(**self._connect_kwargs)
            except Exception as exc:  # Whatever the cause, keep retrying: the TTL still holds.
                log.warning(
                    "cannot connect for key invalidations (%s); retry in %.1fs", exc, backoff
                )
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, _MAX_BACKOFF_SECONDS)
                continue
            backoff = 0.5
            try:
                lost = asyncio.Event()
                connection.add_termination_listener(lambda _conn, lost=lost: lost.set())
                await connection.add_listener(CHANNEL, self._on_notify)
                if connected_before:
                    self._hub.publish(Invalidation())
                connected_before = True
                self._listening.set()
                await self._watch(connection, lost)
            except Exception as exc:
                log.warning("key invalidation connection lost (%s); reconnecting", exc)
            finally:
                self._listening.clear()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(connection.close(), 5)

    @staticmethod
    async def _watch(connection: Any, lost: asyncio.Event) -> None:
        # A silently dropped TCP connection never reports termination: probe it now and then.
        while not lost.is_set():
            try:
                await asyncio.wait_for(lost.wait(), _HEALTH_CHECK_SECONDS)
            except TimeoutError:
                await asyncio.wait_for(connection.fetchval("SELECT 1"), 10)
