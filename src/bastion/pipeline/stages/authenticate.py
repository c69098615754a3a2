"""authenticate: virtual API key → principal."""

from __future__ import annotations

from bastion.auth import KeyAuthenticator, Principal
from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import unauthorized

# Used when authentication is disabled in the config (a trusted single-user setup).
ANONYMOUS = Principal(
    tenant_id="anonymous",
    tenant_name="anonymous",
    key_id="none",
    key_name="none",
    is_admin=False,
    scopes=frozenset(),
)


def presented_key(headers: dict[str, str]) -> str | None:
    """The key from ``Authorization: Bearer …`` (OpenAI) or ``x-api-key`` (Anthropic)."""
    authorization = headers.get("authorization")
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
    key = headers.get("x-api-key")
    return key.strip() if key and key.strip() else None


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
        principal = await self._authenticator.authenticate(key)
        if principal is None:
            raise unauthorized("Invalid, expired or revoked API key.")
        ctx.principal = principal
