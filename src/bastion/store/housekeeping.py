"""Deleting what the store keeps past its time: Responses API answers past their retention.

Expired answers are already invisible (every read filters on ``expires_at``); this keeps them
from piling up and keeps their text no longer than configured. One process of a node runs it
(with workers, worker 0); several nodes on one database each delete the same expired rows,
which is harmless.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from bastion.store.responses import ResponseRepository
from bastion.tasks import stop_tasks
from bastion.telemetry.logs import describe_error

log = logging.getLogger(__name__)

# Often enough that an answer outlives its retention by minutes, rarely enough to cost nothing.
PURGE_SECONDS = 300.0
# The first purge soon after start-up: a gateway stopped for a while finds a backlog.
FIRST_PURGE_SECONDS = 30.0


class Housekeeping:
    def __init__(
        self,
        responses: ResponseRepository,
        *,
        every: float = PURGE_SECONDS,
        first: float = FIRST_PURGE_SECONDS,
    ) -> None:
        self._responses = responses
        self._every = every
        self._first = first
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="store-housekeeping")

    async def close(self) -> None:
        await stop_tasks(self._task)
        self._task = None

    async def purge(self) -> int:
        """Deletes the answers past their retention now; how many there were."""
        return await self._responses.purge_expired(datetime.now(UTC))

    async def _run(self) -> None:
        await asyncio.sleep(self._first)
        while True:
            try:
                deleted = await self.purge()
            except Exception as exc:  # a database that does not answer: the next round will
                log.warning("purging expired answers failed", extra={"error": describe_error(exc)})
            else:
                if deleted:
                    log.info("expired answers deleted", extra={"responses": deleted})
            await asyncio.sleep(self._every)
