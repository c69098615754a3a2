"""record: the ledger row and the audit outcome of every authenticated request.

Sealed (durable before the response's final bytes) for answers the client receives; queued
without waiting for requests the client abandoned. Unauthenticated requests are counted in
metrics and the access log only, so a flood of bad keys cannot fill the ledger.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bastion.audit.capture import outcome_entry
from bastion.journal import JournalWriter
from bastion.ledger.record import ledger_row
from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage


class Record(BaseStage):
    name = "record"

    def __init__(self, journal: JournalWriter, *, ledger: bool) -> None:
        self._journal = journal
        self._ledger = ledger

    async def on_seal(self, ctx: RequestContext) -> None:
        if ctx.principal is None:
            return
        row = ledger_row(ctx, datetime.now(UTC)) if self._ledger else None
        audit = [outcome_entry(ctx, "completion")] if ctx.audit_mode is not None else []
        await self._journal.write(row, audit)
        ctx.sealed = True

    async def on_complete(self, ctx: RequestContext) -> None:
        if ctx.sealed or ctx.principal is None:
            return
        row = ledger_row(ctx, datetime.now(UTC)) if self._ledger else None
        audit = [outcome_entry(ctx, "abort")] if ctx.audit_mode is not None else []
        self._journal.submit(row, audit)
