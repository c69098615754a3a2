"""audit: what the audit journal records of a request, from authentication on.

``AuditScope`` runs right after authentication: it settles the tenant's capture mode and starts
the log of what is sent to the client, so every authenticated request is audited — one answered
early (from the cache, or refused on the way) gets its single *outcome* record at seal (see
``record``). ``AuditIntent`` writes the write-ahead intent record, durable before anything is
sent to a backend.
"""

from __future__ import annotations

from collections.abc import Mapping

from bastion.audit.capture import CaptureMode
from bastion.journal.writer import JournalUnavailableError, JournalWriter
from bastion.pipeline.context import RequestContext, ResponseLog
from bastion.pipeline.records import intent_entry
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError


class CapturePolicy:
    """The capture mode of each tenant, and how much content a record keeps."""

    def __init__(
        self,
        default_mode: CaptureMode,
        tenant_modes: Mapping[str, CaptureMode],
        max_content_bytes: int,
    ) -> None:
        self._default_mode = default_mode
        self._tenant_modes = dict(tenant_modes)
        self.max_content_bytes = max_content_bytes

    def mode(self, tenant: str) -> CaptureMode:
        return self._tenant_modes.get(tenant, self._default_mode)


class AuditScope(BaseStage):
    name = "audit-scope"

    def __init__(self, policy: CapturePolicy) -> None:
        self._policy = policy

    async def on_request(self, ctx: RequestContext) -> None:
        principal = ctx.principal
        if principal is None:
            return  # not authenticated: counted in metrics and the access log only
        mode = self._policy.mode(principal.tenant_name)
        ctx.audit_mode = mode
        ctx.response_log = ResponseLog(self._policy.max_content_bytes if mode != "metadata" else 0)


class AuditIntent(BaseStage):
    name = "audit"

    def __init__(self, journal: JournalWriter, policy: CapturePolicy) -> None:
        self._journal = journal
        self._max_content_bytes = policy.max_content_bytes

    async def on_request(self, ctx: RequestContext) -> None:
        if ctx.audit_mode is None:
            return  # not authenticated
        try:
            await self._journal.write(None, [intent_entry(ctx, self._max_content_bytes)])
        except JournalUnavailableError:
            # Fail closed: nothing reaches a backend unless its intent is on record. The refusal
            # itself gets an outcome record at seal, should the journal be back by then.
            raise GatewayError(
                503,
                "The audit journal is unavailable; the request was not sent.",
                code="journal_unavailable",
                headers={"retry-after": "1"},
            ) from None
        ctx.audit_intent = True
