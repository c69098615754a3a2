"""authenticate: virtual API key → principal."""

from __future__ import annotations

from bastion.auth import KeyAuthenticator, Principal, presented_key
from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError, unauthorized
from bastion.store.errors import StoreUnavailableError

# Used when authentication is disabled in the config (a trusted single-user setup).
ANONYMOUS = Principal(
    tenant_id="anonymous",
    tenant_name="anonymous",
    key_id="none",
    key_name="none",
    is_admin=False,
    scopes=frozenset(),
)


class Authenticate(BaseStage):
    name = "authenticate"

    def __init__(self, authenticator: KeyAuthenticator | None) -> None:
        self._authenticator = authenticator

    async def on_request(self, ctx: RequestContext) -> None:
        if self._authenticator is None:
            ctx.principal = ANONYMOUS
            return
        key = presented_key(ctx.headers)
        if key is None:
            raise unauthorized(
                "Missing API key: send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'."
            )
        try:
            principal = await self._authenticator.authenticate(key)
        except StoreUnavailableError:
            # Not the client's fault: its key may be fine, so no 401.
            raise GatewayError(
                503,
                "Key store unavailable; try again.",
                code="store_unavailable",
                headers={"retry-after": "1"},
            ) from None
        if principal is None:
            raise unauthorized("Invalid, expired or revoked API key.")
        ctx.principal = principal
