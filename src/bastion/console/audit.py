"""The audit page's chain verification: the whole journal is read to verify it (seconds for
millions of records), so it runs as a background task an operator starts, and the page shows
the last result; never on a page load."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.audit.chain import Signer
from bastion.audit.verify import VerifyReport, verify_journal
from bastion.tasks import stop_tasks

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Verification:
    finished_at: datetime
    seconds: float
    report: VerifyReport | None
    error: str | None = None


class ChainVerifier:
    """One verification at a time, in this process."""

    def __init__(self, engine: AsyncEngine, signer: Signer | None) -> None:
        self._engine = engine
        self._signer = signer
        self._task: asyncio.Task[None] | None = None
        self.started_at: datetime | None = None
        self.last: Verification | None = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> bool:
        """Starts a verification; False when one is already running."""
        if self.running:
            return False
        self.started_at = datetime.now(UTC)
        self._task = asyncio.create_task(self._verify(), name="console audit verification")
        return True

    async def _verify(self) -> None:
        began = time.perf_counter()
        try:
            report = await verify_journal(self._engine, self._signer)
        except Exception as exc:  # a database error: shown on the page, logged
            log.warning("audit verification failed", extra={"error": type(exc).__name__})
            self.last = Verification(
                datetime.now(UTC), time.perf_counter() - began, None, type(exc).__name__
            )
            return
        self.last = Verification(datetime.now(UTC), time.perf_counter() - began, report)

    async def close(self) -> None:
        await stop_tasks(self._task)
