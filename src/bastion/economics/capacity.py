"""How many tokens one replica can serve a day, and how many replicas a volume needs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bastion.economics.money import fmt_number, fmt_share, to_decimal

SECONDS_PER_DAY = 86_400


@dataclass(frozen=True, slots=True)
class Capacity:
    """Tokens (input + output) per second one replica sustains, and the share one plans to use."""

    tokens_per_second: float
    target_utilisation: float
    basis: Literal["declared", "measured"]

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

    def describe(self) -> str:
        source = (
            "declared max_tokens_per_second"
            if self.basis == "declared"
            else "measured while busy, at the observed load: a lower bound of what it can do"
        )
        return (
            f"{fmt_number(round(self.tokens_per_second, 1))} tokens/s per replica ({source})"
            f" x 86,400 s x "
            f"{fmt_share(self.target_utilisation)} target utilisation"
        )
