"""When bought hardware pays for itself: the month in which what was spent up front plus the
running costs has cost no more than the API would have charged for the same volume.

Cash, not amortisation: the purchase (``purchase_price`` x machines) and ``setup_cost`` are
paid in month 0; then each month costs what keeps the machines running (power, rental if any)
and, *with the operator's time*, the engineering share and model updates. The API costs the
stated volume each month. Self-hosting has paid for itself after month
``m = ceil(upfront / (API monthly - running monthly))``; never when the running costs alone
reach the API's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from bastion.config.economics import TcoConfig
from bastion.economics.money import fmt_money
from bastion.economics.tco import monthly_tco

# Lines of the monthly TCO that are the operator's time.
OPERATOR_LINES = frozenset({"engineering", "model updates"})
# Lines that are the up-front payments, amortised in the TCO.
UPFRONT_LINES = frozenset({"hardware amortisation", "setup amortisation"})


@dataclass(frozen=True, slots=True)
class Payback:
    with_operator: bool
    upfront: Decimal
    running_monthly: Decimal
    api_monthly: Decimal
    # The first month by whose end self-hosting has cost no more in all; None: never.
    month: int | None
    formula: str


def payback(
    config: TcoConfig, replicas: int, api_monthly: Decimal, *, with_operator: bool
) -> Payback | None:
    """None when nothing is paid up front (rented GPUs without a setup cost)."""
    if config.purchase_price is None and not config.setup_cost:
        return None
    machines = replicas + config.spare_replicas
    upfront = (config.purchase_price or Decimal(0)) * machines + config.setup_cost
    tco = monthly_tco(config, replicas=replicas)
    running = sum(
        (
            line.monthly
            for line in tco.lines
            if line.name not in UPFRONT_LINES and (with_operator or line.name not in OPERATOR_LINES)
        ),
        Decimal(0),
    )
    saving = api_monthly - running
    month = max(1, math.ceil(upfront / saving)) if saving > 0 else None
    formula = (
        f"{fmt_money(upfront)} up front / ({fmt_money(api_monthly)} API - "
        f"{fmt_money(running)} running) a month"
    )
    return Payback(with_operator, upfront, running, api_monthly, month, formula)
