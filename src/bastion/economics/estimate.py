"""The what-if calculator: a stated daily volume and mix, priced both ways. No database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from bastion.config.economics import TcoConfig
from bastion.economics.apicost import TokenMix
from bastion.economics.breakeven import BreakEven, break_even, days_per_month
from bastion.economics.capacity import Capacity
from bastion.economics.chargeback import Chargeback, Margin, chargeback
from bastion.economics.money import MILLION
from bastion.economics.prices import PriceBook, PriceQuote
from bastion.economics.tco import MonthlyTco, monthly_tco


@dataclass(frozen=True, slots=True)
class ModelEstimate:
    quote: PriceQuote
    rate_per_m: Decimal
    # Blended rate if every request paid the long-prompt tier; None for untiered models.
    rate_per_m_high: Decimal | None
    break_even: BreakEven
    break_even_high: BreakEven | None


@dataclass(frozen=True, slots=True)
class ApiMonthly:
    model: str
    monthly: Decimal
    monthly_high: Decimal
    # Volume / break-even volume; None when self-hosting never breaks even.
    ratio: Decimal | None


@dataclass(frozen=True, slots=True)
class Scenario:
    tokens_per_day: Decimal
    tokens_per_month: Decimal
    replicas_needed: int
    self_hosted_monthly: Decimal
    api: tuple[ApiMonthly, ...]
    chargeback: Chargeback

    @property
    def self_hosted_per_m(self) -> Decimal | None:
        if not self.tokens_per_month:
            return None
        return self.self_hosted_monthly / self.tokens_per_month * MILLION


@dataclass(frozen=True, slots=True)
class Estimate:
    on: date
    mix: TokenMix
    tco: MonthlyTco
    capacity: Capacity | None
    models: tuple[ModelEstimate, ...]
    scenarios: tuple[Scenario, ...]


def estimate(
    *,
    volumes: Sequence[Decimal],
    mix: TokenMix,
    models: Sequence[str],
    tco_config: TcoConfig,
    margin: Margin,
    prices: PriceBook,
    on: date,
) -> Estimate:
    """``volumes`` holds one daily token volume, or the two ends of a range."""
    capacity = (
        Capacity(tco_config.max_tokens_per_second, tco_config.target_utilisation, "declared")
        if tco_config.max_tokens_per_second is not None
        else None
    )
    model_estimates = []
    for model in models:
        quote = prices.quote(model, on)
        rate = mix.blended_rate(quote.rates)
        rate_high = mix.blended_rate(quote.top_rates) if quote.top_rates else None
        model_estimates.append(
            ModelEstimate(
                quote=quote,
                rate_per_m=rate,
                rate_per_m_high=rate_high,
                break_even=break_even(tco_config, rate, capacity),
                break_even_high=(
                    break_even(tco_config, rate_high, capacity) if rate_high is not None else None
                ),
            )
        )
    days = days_per_month(tco_config)
    scenarios = []
    for volume in volumes:
        replicas = (
            max(tco_config.replicas, capacity.replicas_for(volume))
            if capacity
            else tco_config.replicas
        )
        self_hosted = monthly_tco(tco_config, replicas=replicas)
        api = tuple(
            ApiMonthly(
                model=m.quote.requested,
                monthly=volume * days * m.rate_per_m / MILLION,
                monthly_high=volume * days * (m.rate_per_m_high or m.rate_per_m) / MILLION,
                ratio=(
                    volume / m.break_even.tokens_per_day if m.break_even.tokens_per_day else None
                ),
            )
            for m in model_estimates
        )
        slots = (
            tco_config.max_concurrency * replicas * tco_config.target_utilisation
            if tco_config.max_concurrency
            else None
        )
        scenarios.append(
            Scenario(
                tokens_per_day=volume,
                tokens_per_month=volume * days,
                replicas_needed=replicas,
                self_hosted_monthly=self_hosted.total,
                api=api,
                chargeback=chargeback(
                    self_hosted.total,
                    tco_config.hours_per_month,
                    margin,
                    tokens_per_second=float(volume / 86_400) or None,
                    slots=slots,
                    basis="throughput: the stated daily volume / 86,400 s; slots: "
                    + (
                        "declared max_concurrency x replicas x target utilisation"
                        if slots
                        else "not priced (no --max-concurrency)"
                    ),
                ),
            )
        )
    return Estimate(
        on=on,
        mix=mix,
        tco=monthly_tco(tco_config),
        capacity=capacity,
        models=tuple(model_estimates),
        scenarios=tuple(scenarios),
    )
