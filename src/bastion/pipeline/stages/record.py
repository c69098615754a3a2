"""record: the ledger row and the audit outcome of every authenticated request.

Sealed (durable before the response's final bytes) for answers the client receives; queued
without waiting for requests the client abandoned. Unauthenticated requests are counted in
metrics and the access log only, so a flood of bad keys cannot fill the ledger.

A request that went to a backend has its intent on record already, and gets a *completion* (or
an *abort*). One answered before that — a cache hit, a guardrail block, an admission or queue
refusal, a routing denial, an invalid request — gets a single *outcome* record instead, in the
same journal write as its ledger row: no extra write, and no extra flush with ``fsync`` on.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bastion.audit.chain import AuditEntry
from bastion.journal.writer import JournalWriter
from bastion.pipeline.context import RequestContext
from bastion.pipeline.records import answer_entry, ledger_row, outcome_entry
from bastion.pipeline.runner import BaseStage


class Record(BaseStage):
    name = "record"

    def __init__(self, journal: JournalWriter, *, ledger: bool, max_content_bytes: int = 0) -> None:
        self._journal = journal
        self._ledger = ledger
        self._max_content_bytes = max_content_bytes

    async def on_seal(self, ctx: RequestContext) -> None:
        if ctx.principal is None:
            return
        row = ledger_row(ctx, datetime.now(UTC)) if self._ledger else None
        audit: list[AuditEntry] = []
        if ctx.audit_mode is not None:
            audit.append(
                outcome_entry(ctx, "completion")
                if ctx.audit_intent
                else answer_entry(ctx, self._max_content_bytes)
            )
        ctx.sealed_records = self._journal.enqueue(row, audit)
        await self._journal.wait(ctx.sealed_records)
        ctx.sealed = True

    async def on_complete(self, ctx: RequestContext) -> None:
        if ctx.sealed or ctx.principal is None:
            return
        handed_over = ctx.sealed_records
        # The seal's records were committed or are still on their way (the client left or the
        # wait timed out meanwhile): the ledger row stands; the audit notes how it ended.
        landing = handed_over is not None and not handed_over.withdrawn
        row = ledger_row(ctx, datetime.now(UTC)) if self._ledger and not landing else None
        audit: list[AuditEntry] = []
        if ctx.audit_mode is not None:
            audit.append(
                outcome_entry(ctx, "abort")
                if ctx.audit_intent or landing
                else answer_entry(ctx, self._max_content_bytes)
            )
        self._journal.submit(row, audit)
