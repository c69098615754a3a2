"""Internal resale prices: cost per unit sold, then a margin stated as markup or gross margin."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bastion.config.economics import ChargebackConfig
from bastion.economics.money import (
    MILLION,
    fmt_money,
    fmt_number,
    fmt_share,
    fmt_significant,
    to_decimal,
)

MarginKind = Literal["markup", "gross_margin"]


@dataclass(frozen=True, slots=True)
class Margin:
    kind: MarginKind
    value: Decimal

    @classmethod
    def from_config(cls, config: ChargebackConfig) -> Margin:
        return cls(config.margin_kind, config.margin)

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("a margin cannot be negative")
        if self.kind == "gross_margin" and self.value >= 1:
            raise ValueError("a gross margin must be below 1 (100% of the price)")

    def apply(self, cost: Decimal) -> Decimal:
        if self.kind == "markup":
            return cost * (1 + self.value)
        return cost / (1 - self.value)

    def describe(self) -> str:
        share = fmt_share(float(self.value))
        if self.kind == "markup":
            return f"markup {share}: price = cost x (1 + {fmt_number(self.value)})"
        return f"gross margin {share}: price = cost / (1 - {fmt_number(self.value)})"


@dataclass(frozen=True, slots=True)
class UnitPrice:
    unit: str
    cost: Decimal
    price: Decimal
    basis: str


@dataclass(frozen=True, slots=True)
class Chargeback:
    margin: Margin
    # What is sold on average: throughput and concurrent slots, and where the figures came from.
    tokens_per_second: float | None
    slots: float | None
    basis: str
    prices: tuple[UnitPrice, ...]


def chargeback(
    monthly_cost: Decimal,
    hours_per_month: Decimal,
    margin: Margin,
    *,
    tokens_per_second: float | None,
    slots: float | None,
    basis: str,
) -> Chargeback:
    """Prices that recover ``monthly_cost`` from the throughput and slots sold on average."""
    prices: list[UnitPrice] = []
    cost_text = f"{fmt_money(monthly_cost)}/month"
    if tokens_per_second:
        tps = to_decimal(tokens_per_second)
        per_month = tps * 3600 * hours_per_month
        per_m = monthly_cost / (per_month / MILLION)
        prices.append(
            UnitPrice(
                "per million tokens",
                per_m,
                margin.apply(per_m),
                f"{cost_text} / ({_tps(tokens_per_second)} tokens/s x 3,600 s x "
                f"{fmt_number(hours_per_month)} h)",
            )
        )
        per_kilo = monthly_cost / (tps / 1000 * hours_per_month)
        prices.append(
            UnitPrice(
                "per 1,000 tokens/s for one hour",
                per_kilo,
                margin.apply(per_kilo),
                f"{cost_text} / ({_tps(tokens_per_second)} / 1,000 x "
                f"{fmt_number(hours_per_month)} h)",
            )
        )
    if slots:
        per_slot = monthly_cost / (to_decimal(slots) * hours_per_month)
        prices.append(
            UnitPrice(
                "per concurrent-request slot for one hour",
                per_slot,
                margin.apply(per_slot),
                f"{cost_text} / ({fmt_significant(slots)} slots x {fmt_number(hours_per_month)} h)",
            )
        )
    return Chargeback(margin, tokens_per_second, slots, basis, tuple(prices))


def _tps(value: float) -> str:
    return fmt_number(round(value, 1))
