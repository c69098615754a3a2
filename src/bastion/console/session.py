"""Console sessions: sign-in with an API key, a random session token in an HttpOnly cookie,
its SHA-256 in the database (so every worker and every gateway on the database knows it),
and a CSRF token derived from the session token.

The key itself is never put in the cookie or stored: the session names the key that signed
in, and every page checks that key again (a revoked or expired key ends its sessions).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from starlette.requests import Request
from starlette.responses import Response

from bastion.auth import KeyAuthenticator
from bastion.auth.authenticator import ENV_ADMIN_PRINCIPAL
from bastion.config.schema import ConsoleConfig
from bastion.store.console_sessions import ConsoleSessionRepository

COOKIE = "bastion_console"
# Before sign-in: a random value in a cookie that the sign-in form repeats (double submit),
# so another site cannot sign a browser in with the attacker's key.
LOGIN_COOKIE = "bastion_console_login"
PATH = "/console"
_CSRF_CONTEXT = b"bastion-console-csrf\x00"
# A session token is 32 random bytes, URL-safe base64 (43 characters).
_TOKEN_LENGTH = 43


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _env_admin_id(key: str) -> str:
    """What a session of the environment's admin key records as its key: the principal's id
    and a fingerprint of the key (never the key)."""
    fingerprint = hashlib.sha256(b"bastion-console-env-admin\0" + key.encode()).hexdigest()
    return f"{ENV_ADMIN_PRINCIPAL.key_id}:{fingerprint[:16]}"


def csrf_token(token: str) -> str:
    """The CSRF token of a session: only someone holding the session token can compute it,
    and the cookie is HttpOnly and never sent to another site (SameSite=Strict)."""
    return hmac.new(token.encode(), _CSRF_CONTEXT, hashlib.sha256).hexdigest()


def same_token(presented: str | None, expected: str) -> bool:
    return presented is not None and hmac.compare_digest(presented.encode(), expected.encode())


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is signed in."""

    tenant_id: str
    tenant_name: str
    key_id: str
    is_admin: bool
    csrf: str
    expires_at: datetime
    token_hash: str


class SessionState:
    """What a request's cookie says: signed in (``viewer``), expired, or nothing."""

    __slots__ = ("expired", "viewer")

    def __init__(self, viewer: Viewer | None = None, *, expired: bool = False) -> None:
        self.viewer = viewer
        self.expired = expired


class Sessions:
    def __init__(
        self,
        repository: ConsoleSessionRepository,
        authenticator: KeyAuthenticator,
        config: ConsoleConfig,
        *,
        env_admin_key: str | None,
    ) -> None:
        self._repository = repository
        self._auth = authenticator
        self._config = config
        # Sessions the environment's admin key signed in are stored under a fingerprint of
        # that key, so they live while that same key is configured: rotating it ends them.
        self._env_admin_id = _env_admin_id(env_admin_key) if env_admin_key else None

    async def sign_in(self, key: str) -> tuple[str, Viewer] | None:
        """A new session for ``key``: its token and viewer, or None for a key that does not
        authenticate. Raises StoreUnavailableError when the database cannot answer."""
        principal = await self._auth.authenticate(key)
        if principal is None:
            return None
        token = secrets.token_urlsafe(32)
        digest = token_hash(token)
        env_admin = principal.key_id == ENV_ADMIN_PRINCIPAL.key_id
        expires_at = await self._repository.create(
            digest,
            key_id=_env_admin_id(key) if env_admin else principal.key_id,
            tenant_id=principal.tenant_id,
            tenant_name=principal.tenant_name,
            is_admin=principal.is_admin,
            lifetime=timedelta(hours=self._config.session_hours),
        )
        viewer = Viewer(
            principal.tenant_id,
            principal.tenant_name,
            principal.key_id,
            principal.is_admin,
            csrf_token(token),
            expires_at,
            digest,
        )
        return token, viewer

    async def state(self, request: Request) -> SessionState:
        token = request.cookies.get(COOKIE)
        if not token or len(token) != _TOKEN_LENGTH:
            return SessionState()
        digest = token_hash(token)
        found = await self._repository.get(digest)
        if found is None:
            return SessionState()
        now = datetime.now(UTC)
        if found.expires_at <= now:
            return SessionState(expired=True)
        env_admin = found.key_id.startswith(ENV_ADMIN_PRINCIPAL.key_id)
        if env_admin:
            # Signed in with the environment's admin key: alive while that very key is set.
            alive = self._env_admin_id is not None and found.key_id == self._env_admin_id
        else:
            alive = found.key_active(now)
        if not alive:
            return SessionState(expired=True)
        viewer = Viewer(
            found.tenant_id,
            found.tenant_name,
            ENV_ADMIN_PRINCIPAL.key_id if env_admin else found.key_id,
            found.is_admin,
            csrf_token(token),
            found.expires_at,
            digest,
        )
        return SessionState(viewer)

    async def sign_out(self, viewer: Viewer) -> None:
        await self._repository.delete(viewer.token_hash)

    def secure(self, request: Request) -> bool:
        setting = self._config.secure_cookie
        if setting == "auto":
            return request.url.scheme == "https"
        return setting == "always"


def set_session_cookie(
    response: Response, token: str, expires_at: datetime, *, secure: bool
) -> None:
    max_age = max(0, int((expires_at - datetime.now(UTC)).total_seconds()))
    response.set_cookie(
        COOKIE, token, max_age=max_age, path=PATH, secure=secure, httponly=True, samesite="strict"
    )


def clear_session_cookie(response: Response, *, secure: bool) -> None:
    response.delete_cookie(COOKIE, path=PATH, secure=secure, httponly=True, samesite="strict")
