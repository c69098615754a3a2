"""Break-even: the daily token volume at which self-hosting costs what the API would.

Self-hosting is a step function of volume: a fixed part (people, setup, spare machines) plus one
replica's hardware and power for every ``capacity`` tokens a day. The API is linear: volume x
blended rate. With replica cost ``r``, fixed part ``F``, monthly capacity per replica ``K`` and API
price per token ``p``, ``n`` replicas break even once ``F + n*r <= p*n*K``, i.e. for
``n >= F / (p*K - r)``; if ``p*K <= r``, a replica costs more than the API would charge for all it
can serve, and self-hosting never breaks even. A *continuous* fleet, paying for the share of a
replica it uses, breaks even at ``V = F / (p - r/K)`` tokens a month.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from bastion.config.economics import TcoConfig
from bastion.economics.capacity import Capacity
from bastion.economics.money import MILLION
from bastion.economics.tco import monthly_tco


@dataclass(frozen=True, slots=True)
class BreakEven:
    api_rate_per_m: Decimal
    days_per_month: Decimal
    # None: never, for the reason in ``explanation``.
    tokens_per_day: Decimal | None
    replicas: int
    monthly_cost: Decimal
    capacity: Capacity | None
    explanation: str
    # A continuous fleet (paying for fractions of a replica, as with autoscaled or shared
    # GPUs): F / (p - r/K) a month; None without a capacity or when it never breaks even.
    continuous_tokens_per_day: Decimal | None = None


@dataclass(frozen=True, slots=True)
class VolumeCost:
    """Both sides at one daily volume."""

    tokens_per_day: Decimal
    replicas_needed: int
    replicas_configured: int
    self_hosted_monthly: Decimal
    api_monthly: Decimal
    capacity: Capacity | None

    @property
    def fits_configured(self) -> bool | None:
        """Whether the configured replicas serve this volume; None without a capacity figure."""
        if self.capacity is None:
            return None
        return self.replicas_needed <= self.replicas_configured


def days_per_month(config: TcoConfig) -> Decimal:
    return config.hours_per_month / 24


def break_even(config: TcoConfig, api_rate_per_m: Decimal, capacity: Capacity | None) -> BreakEven:
    days = days_per_month(config)
    base = monthly_tco(config)
    if api_rate_per_m <= 0:
        return _never(config, api_rate_per_m, capacity, "the API charges nothing for this mix")
    price_per_token = api_rate_per_m / MILLION
    if capacity is None:
        return BreakEven(
            api_rate_per_m=api_rate_per_m,
            days_per_month=days,
            tokens_per_day=base.total / price_per_token / days,
            replicas=config.replicas,
            monthly_cost=base.total,
            capacity=None,
            explanation="capacity not checked: no declared or measured throughput",
        )
    per_replica = base.per_replica_monthly
    fixed = base.total - per_replica * config.replicas
    replica_month = capacity.tokens_per_day * days
    margin = price_per_token * replica_month - per_replica
    if margin <= 0:
        return _never(
            config,
            api_rate_per_m,
            capacity,
            "never: one replica costs more per month than the API would charge for everything "
            "it can serve at the target utilisation",
        )
    # Continuous: F + r * V / K = p * V.
    continuous = fixed / (price_per_token - per_replica / replica_month) / days
    replicas = max(config.replicas, math.ceil(fixed / margin))
    cost = monthly_tco(config, replicas=replicas).total
    while cost > price_per_token * replica_month * replicas:  # guards Decimal rounding
        replicas += 1
        cost = monthly_tco(config, replicas=replicas).total
    return BreakEven(
        api_rate_per_m=api_rate_per_m,
        days_per_month=days,
        tokens_per_day=cost / price_per_token / days,
        replicas=replicas,
        monthly_cost=cost,
        capacity=capacity,
        explanation=f"needs {replicas} replica{'' if replicas == 1 else 's'} at that volume",
        continuous_tokens_per_day=continuous,
    )


def _never(
    config: TcoConfig, api_rate_per_m: Decimal, capacity: Capacity | None, why: str
) -> BreakEven:
    return BreakEven(
        api_rate_per_m=api_rate_per_m,
        days_per_month=days_per_month(config),
        tokens_per_day=None,
        replicas=config.replicas,
        monthly_cost=monthly_tco(config).total,
        capacity=capacity,
        explanation=why,
    )


def volume_cost(
    config: TcoConfig, api_rate_per_m: Decimal, capacity: Capacity | None, tokens_per_day: Decimal
) -> VolumeCost:
    days = days_per_month(config)
    needed = (
        max(config.replicas, capacity.replicas_for(tokens_per_day)) if capacity else config.replicas
    )
    return VolumeCost(
        tokens_per_day=tokens_per_day,
        replicas_needed=needed,
        replicas_configured=config.replicas,
        self_hosted_monthly=monthly_tco(config, replicas=needed).total,
        api_monthly=tokens_per_day * days * api_rate_per_m / MILLION,
        capacity=capacity,
    )
