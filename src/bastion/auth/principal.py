"""Who is making a request, as established by authentication."""

from __future__ import annotations

from dataclasses import dataclass

from bastion.config.schema import RateLimits


@dataclass(frozen=True, slots=True)
class Principal:
    tenant_id: str
    tenant_name: str
    key_id: str
    key_name: str
    is_admin: bool
    scopes: frozenset[str]
    # Rate limits stored with the tenant and the key (admin API); None: the config file's apply.
    tenant_limits: RateLimits | None = None
    key_limits: RateLimits | None = None
