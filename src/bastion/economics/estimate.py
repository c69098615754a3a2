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
from bastion.economics.payback import Payback, payback
from bastion.economics.prices import PriceBook, PriceQuote, Rates
from bastion.economics.tco import MonthlyTco, monthly_tco


@dataclass(frozen=True, slots=True)
class ModelEstimate:
    quote: PriceQuote
    rate_per_m: Decimal
    # Blended rate if every request paid the long-prompt tier; None for untiered models.
    rate_per_m_high: Decimal | None
    break_even: BreakEven
    break_even_high: BreakEven | None
    # The tier a stated prompt size falls in ("base" or "long-prompt"); None: not stated or
    # an untiered price.
    tier: str | None = None


@dataclass(frozen=True, slots=True)
class ApiMonthly:
    model: str
    monthly: Decimal
    monthly_high: Decimal
    # Volume / break-even volume; None when self-hosting never breaks even.
    ratio: Decimal | None
    # Months after which bought hardware has cost no more than this API, with and without
    # the operator's time; None when nothing was paid up front.
    payback_with_operator: Payback | None = None
    payback_without_operator: Payback | None = None


@dataclass(frozen=True, slots=True)
class Scenario:
    tokens_per_day: Decimal
    tokens_per_month: Decimal
    replicas_needed: int
    self_hosted_monthly: Decimal
    api: tuple[ApiMonthly, ...]
    chargeback: Chargeback
    output_share: Decimal = Decimal(0)
    # The share of the needed replicas' full capacity this volume uses; None without capacity.
    utilisation: Decimal | None = None

    @property
    def self_hosted_per_m(self) -> Decimal | None:
        if not self.tokens_per_month:
            return None
        return self.self_hosted_monthly / self.tokens_per_month * MILLION

    @property
    def output_tokens_per_month(self) -> Decimal:
        return self.tokens_per_month * self.output_share

    @property
    def self_hosted_per_m_output(self) -> Decimal | None:
        """Self-hosted dollars per million *output* tokens (the input rides along)."""
        if not self.output_tokens_per_month:
            return None
        return self.self_hosted_monthly / self.output_tokens_per_month * MILLION

    def api_per_m_output(self, api: ApiMonthly) -> Decimal | None:
        if not self.output_tokens_per_month:
            return None
        return api.monthly / self.output_tokens_per_month * MILLION


@dataclass(frozen=True, slots=True)
class Estimate:
    on: date
    mix: TokenMix
    tco: MonthlyTco
    capacity: Capacity | None
    models: tuple[ModelEstimate, ...]
    scenarios: tuple[Scenario, ...]
    prompt_tokens: int | None = None


def estimate(
    *,
    volumes: Sequence[Decimal],
    mix: TokenMix,
    models: Sequence[str],
    tco_config: TcoConfig,
    margin: Margin,
    prices: PriceBook,
    on: date,
    prompt_tokens: int | None = None,
    capacity: Capacity | None = None,
) -> Estimate:
    """``volumes`` holds one daily token volume, or the two ends of a range. ``prompt_tokens``
    (a request's input) picks the tier of prices that have tiers by prompt length, instead of
    a range; ``capacity`` (a bench measurement) comes before the declared throughput."""
    if capacity is None and tco_config.max_tokens_per_second is not None:
        capacity = Capacity(
            tco_config.max_tokens_per_second, tco_config.target_utilisation, "declared"
        )
    model_estimates = []
    for model in models:
        quote = prices.quote(model, on)
        rates, tier = _tier(quote, prompt_tokens)
        rate = mix.blended_rate(rates)
        rate_high = mix.blended_rate(quote.top_rates) if quote.top_rates and not tier else None
        model_estimates.append(
            ModelEstimate(
                quote=quote,
                rate_per_m=rate,
                rate_per_m_high=rate_high,
                break_even=break_even(tco_config, rate, capacity),
                break_even_high=(
                    break_even(tco_config, rate_high, capacity) if rate_high is not None else None
                ),
                tier=tier,
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
        api = tuple(_api_monthly(tco_config, m, volume, days, replicas) for m in model_estimates)
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
                output_share=1 - mix.input_share,
                utilisation=capacity.utilisation_at(volume, replicas) if capacity else None,
            )
        )
    return Estimate(
        on=on,
        mix=mix,
        tco=monthly_tco(tco_config),
        capacity=capacity,
        models=tuple(model_estimates),
        scenarios=tuple(scenarios),
        prompt_tokens=prompt_tokens,
    )


def _tier(quote: PriceQuote, prompt_tokens: int | None) -> tuple[Rates, str | None]:
    """The rates a request of ``prompt_tokens`` input pays, and which tier that is."""
    if prompt_tokens is None or quote.top_rates is None or quote.tier_threshold is None:
        return quote.rates, None
    if prompt_tokens > quote.tier_threshold:
        return quote.top_rates, "long-prompt"
    return quote.rates, "base"


def _api_monthly(
    config: TcoConfig, model: ModelEstimate, volume: Decimal, days: Decimal, replicas: int
) -> ApiMonthly:
    monthly = volume * days * model.rate_per_m / MILLION
    return ApiMonthly(
        model=model.quote.requested,
        monthly=monthly,
        monthly_high=volume * days * (model.rate_per_m_high or model.rate_per_m) / MILLION,
        ratio=(
            volume / model.break_even.tokens_per_day if model.break_even.tokens_per_day else None
        ),
        payback_with_operator=payback(config, replicas, monthly, with_operator=True),
        payback_without_operator=payback(config, replicas, monthly, with_operator=False),
    )
