"""How many tokens one replica can serve a day, and how many replicas a volume needs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bastion.economics.money import fmt_money, fmt_number, fmt_share, to_decimal

SECONDS_PER_DAY = 86_400


@dataclass(frozen=True, slots=True)
class Capacity:
    """Tokens (input + output) per second one replica sustains, and the share one plans to use."""

    tokens_per_second: float
    target_utilisation: float
    # declared: max_tokens_per_second; bench: a recorded ``bastion bench`` run; measured: the
    # window's own traffic while busy (a lower bound).
    basis: Literal["declared", "measured", "bench"]
    # Where a bench figure came from (run, date, SLO, GPUs).
    source: str | None = None
    # Output tokens a second of the same replica, when the measurement says (bench).
    output_tokens_per_second: float | None = None

    @property
    def tokens_per_day(self) -> Decimal:
        """Per replica: tokens/s x 86,400 s x target utilisation."""
        return (
            to_decimal(self.tokens_per_second)
            * SECONDS_PER_DAY
            * to_decimal(self.target_utilisation)
        )

    def replicas_for(self, tokens_per_day: Decimal) -> int:
        return max(1, math.ceil(tokens_per_day / self.tokens_per_day))

    def utilisation_at(self, tokens_per_day: Decimal, replicas: int) -> Decimal:
        """The share of ``replicas``' full capacity (not the target) a daily volume uses."""
        full = to_decimal(self.tokens_per_second) * SECONDS_PER_DAY * replicas
        return tokens_per_day / full

    def describe(self) -> str:
        if self.basis == "declared":
            source = "declared max_tokens_per_second"
        elif self.basis == "bench":
            source = f"measured by {self.source or 'a bench run'}"
        else:
            source = "measured while busy, at the observed load: a lower bound of what it can do"
        return (
            f"{fmt_number(round(self.tokens_per_second, 1))} tokens/s per replica ({source})"
            f" x 86,400 s x "
            f"{fmt_share(self.target_utilisation)} target utilisation"
        )


@dataclass(frozen=True, slots=True)
class CapacityCost:
    """Self-hosted dollars per million tokens with every replica busy at the capacity's target
    utilisation: the price floor the hardware allows."""

    per_m: Decimal
    per_m_output: Decimal | None
    formula: str


def capacity_cost(
    monthly: Decimal, hours_per_month: Decimal, replicas: int, capacity: Capacity
) -> CapacityCost:
    utilisation = to_decimal(capacity.target_utilisation)
    seconds = hours_per_month * 3600
    tokens = to_decimal(capacity.tokens_per_second) * utilisation * seconds * replicas
    per_m = monthly / tokens * 1_000_000
    per_m_output = None
    if capacity.output_tokens_per_second:
        output = to_decimal(capacity.output_tokens_per_second) * utilisation * seconds * replicas
        per_m_output = monthly / output * 1_000_000
    formula = (
        f"{fmt_money(monthly)}/month / ({fmt_number(round(capacity.tokens_per_second, 1))} "
        f"tokens/s x {fmt_share(capacity.target_utilisation)} x "
        f"{fmt_number(hours_per_month)} h x 3,600 s x {replicas} "
        f"replica{'' if replicas == 1 else 's'})"
    )
    return CapacityCost(per_m, per_m_output, formula)
