"""Immutable snapshots of stored rows, safe to pass around without a database session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from bastion.config.schema import RateLimits
from bastion.store.limits import dump_limits
from bastion.store.names import ADMIN_SCOPE

KeyStatus = Literal["active", "revoked", "expired"]


def isoformat(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class TenantRecord:
    id: str
    name: str
    created_at: datetime
    # Its own rate limits (None: the config file's apply); see docs/admission.md.
    limits: RateLimits | None = None

    def public_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "tenant",
            "name": self.name,
            "created_at": isoformat(self.created_at),
            "limits": dump_limits(self.limits),
        }


@dataclass(frozen=True, slots=True)
class KeyRecord:
    id: str
    tenant_id: str
    tenant_name: str
    name: str
    prefix: str
    scopes: frozenset[str]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    # Not secret (keys carry 256 bits of entropy), but kept out of logs and reprs anyway.
    key_hash: str = field(repr=False)
    # The key's own rate limits, and its tenant's (None: the config file's apply).
    limits: RateLimits | None = None
    tenant_limits: RateLimits | None = None

    @property
    def is_admin(self) -> bool:
        return ADMIN_SCOPE in self.scopes

    def status(self, now: datetime | None = None) -> KeyStatus:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= (now or datetime.now(UTC)):
            return "expired"
        return "active"

    def is_active(self, now: datetime | None = None) -> bool:
        return self.status(now) == "active"

    def public_dict(self, now: datetime | None = None) -> dict[str, Any]:
        """What the admin API and the CLI show: never the hash, never the plaintext."""
        return {
            "id": self.id,
            "object": "api_key",
            "tenant_id": self.tenant_id,
            "tenant_name": self.tenant_name,
            "name": self.name,
            "prefix": self.prefix,
            "scopes": sorted(self.scopes),
            "status": self.status(now),
            "created_at": isoformat(self.created_at),
            "expires_at": isoformat(self.expires_at),
            "revoked_at": isoformat(self.revoked_at),
            "limits": dump_limits(self.limits),
        }
