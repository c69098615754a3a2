"""Where a request may go, in order of preference, as decided by the route stage."""

from __future__ import annotations

from dataclasses import dataclass

from bastion.protocols.exchange import Exchange
from bastion.routing.catalog import Deployment
from bastion.routing.pool import BackendPool


@dataclass(frozen=True, slots=True)
class Target:
    pool: BackendPool
    deployment: Deployment
    exchange: Exchange


@dataclass(frozen=True, slots=True)
class RoutePlan:
    # The primary pool first, then the fallbacks the request's data may go to.
    targets: tuple[Target, ...]
    # Set when the request must stay on-premises, saying why.
    local_reason: str | None = None
    # Backends left out of the plan because they are external.
    excluded: tuple[str, ...] = ()
    rule: str | None = None
