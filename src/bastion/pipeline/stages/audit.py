"""audit: the write-ahead intent record, durable before anything is sent to a backend."""

from __future__ import annotations

from collections.abc import Mapping

from bastion.audit.capture import CaptureMode, intent_entry
from bastion.journal import JournalUnavailableError, JournalWriter
from bastion.pipeline.context import RequestContext, ResponseLog
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError


class AuditIntent(BaseStage):
    name = "audit"

    def __init__(
        self,
        journal: JournalWriter,
        *,
        default_mode: CaptureMode,
        tenant_modes: Mapping[str, CaptureMode],
        max_content_bytes: int,
    ) -> None:
        self._journal = journal
        self._default_mode = default_mode
        self._tenant_modes = dict(tenant_modes)
        self._max_content_bytes = max_content_bytes

    async def on_request(self, ctx: RequestContext) -> None:
        principal = ctx.principal
        tenant = principal.tenant_name if principal else ""
        mode = self._tenant_modes.get(tenant, self._default_mode)
        ctx.audit_mode = mode
        ctx.response_log = ResponseLog(self._max_content_bytes if mode != "metadata" else 0)
        try:
            await self._journal.write(None, [intent_entry(ctx, self._max_content_bytes)])
        except JournalUnavailableError:
            ctx.audit_mode = None  # no intent, so no completion either
            ctx.response_log = None
            # Fail closed: nothing reaches a backend unless its intent is on record.
            raise GatewayError(
                503,
                "The audit journal is unavailable; the request was not sent.",
                code="journal_unavailable",
                headers={"retry-after": "1"},
            ) from None
