"""Who is making a request, as established by authentication."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Principal:
    tenant_id: str
    tenant_name: str
    key_id: str
    key_name: str
    is_admin: bool
    scopes: frozenset[str]
