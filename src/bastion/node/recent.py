"""The node's last hour with ``bastion serve --workers N``: each worker's per-minute ring
(``bastion.telemetry.recent``) sent to the supervisor as deltas, about once a second, and
merged there into one ring the console reads.

Off the request path: requests only count into their worker's own ring, as with one process;
a background task compares the ring's last two minutes with what it sent before and sends
what changed in one frame that nobody waits for (a supervisor that is gone drops it). Deltas,
not totals, so a restarted worker adds to what the node counted before it, instead of
replacing it.
"""

from __future__ import annotations

import asyncio
import logging

from bastion.node.client import NodeClient
from bastion.tasks import stop_tasks
from bastion.telemetry.recent import Minute, RecentTraffic, copy_minute, minute_delta

log = logging.getLogger(__name__)

INTERVAL_SECONDS = 1.0
# Requests are counted into the minute they finish in: only the current minute changes, and
# the one before until its last delta is sent.
_CHANGING_MINUTES = 2


class RecentRelay:
    def __init__(
        self, recent: RecentTraffic, client: NodeClient, interval: float = INTERVAL_SECONDS
    ) -> None:
        self._recent = recent
        self._client = client
        self._interval = interval
        self._sent: dict[int, Minute] = {}
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="recent-relay")

    async def close(self) -> None:
        await stop_tasks(self._task)
        self.flush()  # the last second's requests, when the supervisor is still there

    def flush(self) -> None:
        """Sends what changed since the last send (the console calls it before it reads the
        node's ring, so the page includes this worker's last second)."""
        minutes = self._recent.minutes()[-_CHANGING_MINUTES:]
        deltas = []
        for minute in minutes:
            delta = minute_delta(minute, self._sent.get(minute.start))
            if delta is not None:
                deltas.append(delta)
                self._sent[minute.start] = copy_minute(minute)
        oldest = minutes[0].start
        for start in [start for start in self._sent if start < oldest]:
            del self._sent[start]
        if deltas:
            self._client.send("recent", deltas)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                self.flush()
            except Exception:  # never let the relay stop for one bad tick
                log.exception("sending the last minute's counts to the supervisor failed")


async def node_minutes(client: NodeClient) -> list[Minute]:
    """The node's ring, oldest first; raises NodeUnavailableError when the supervisor does not
    answer (the caller bounds the wait)."""
    minutes: list[Minute] = await client.call("recent_minutes")
    return minutes
