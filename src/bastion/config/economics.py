"""The ``economics:`` section of ``bastion.yaml``: what self-hosting costs and what to compare with.

Money is in US dollars and kept as ``Decimal`` so that worked examples add up to the cent. The
computations that use it are in ``bastion.economics``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Strict(BaseModel):
    """Unknown keys are errors, as everywhere in bastion.yaml.

    Defined here rather than imported from ``bastion.config.schema``, which imports this module.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)


NonNegativeMoney = Annotated[Decimal, Field(ge=0)]
Fraction = Annotated[float, Field(gt=0, le=1)]

# 365 days x 24 h / 12 months, the usual convention of cloud price sheets.
HOURS_PER_MONTH = Decimal(730)


class TcoConfig(Strict):
    """Monthly cost of one self-hosted backend; every field becomes one itemised line.

    Hardware is either rented (``gpu_hourly``) or bought (``purchase_price``), per replica.
    ``replicas`` serve traffic; ``spare_replicas`` stand by for failover and cost the same
    hardware and power but add no capacity.
    """

    gpus: Annotated[int, Field(ge=1)] = 1
    # What one replica runs on ("H100 80GB"): a capacity recorded by ``bastion bench`` on other
    # hardware is not used for this backend.
    hardware: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    gpu_hourly: NonNegativeMoney | None = None
    purchase_price: NonNegativeMoney | None = None
    amortisation_months: Annotated[int, Field(ge=1)] = 36
    power_watts: Annotated[float, Field(ge=0)] = 0.0
    electricity_per_kwh: NonNegativeMoney = Decimal(0)
    pue: Annotated[Decimal, Field(ge=1)] = Decimal("1.0")
    hours_per_month: Annotated[Decimal, Field(gt=0, le=744)] = HOURS_PER_MONTH
    replicas: Annotated[int, Field(ge=1)] = 1
    spare_replicas: Annotated[int, Field(ge=0)] = 0
    engineering_fte: Annotated[Decimal, Field(ge=0)] = Decimal(0)
    fte_monthly_cost: NonNegativeMoney = Decimal(0)
    setup_cost: NonNegativeMoney = Decimal(0)
    setup_amortisation_months: Annotated[int, Field(ge=1)] = 12
    model_updates_per_year: Annotated[Decimal, Field(ge=0)] = Decimal(0)
    engineering_days_per_update: Annotated[Decimal, Field(ge=0)] = Decimal(0)
    engineering_daily_cost: NonNegativeMoney = Decimal(0)
    # Declared capacity of one replica (input + output tokens per second at saturation) and
    # its concurrent request slots; measured figures are used when these are absent.
    max_tokens_per_second: Annotated[float, Field(gt=0)] | None = None
    max_concurrency: Annotated[int, Field(ge=1)] | None = None
    # The share of capacity one plans to use: nobody runs an engine at 100% without queueing.
    target_utilisation: Fraction = 0.7

    @model_validator(mode="after")
    def _one_way_to_pay_for_hardware(self) -> TcoConfig:
        if (self.gpu_hourly is None) == (self.purchase_price is None):
            raise ValueError(
                "give exactly one of gpu_hourly (rented GPUs) or purchase_price (owned hardware)"
            )
        if self.gpu_hourly is not None and self.power_watts:
            raise ValueError("rented GPUs include power; power_watts applies to purchase_price")
        if self.model_updates_per_year and not self.engineering_daily_cost:
            raise ValueError("model_updates_per_year needs engineering_daily_cost")
        return self


class ChargebackConfig(Strict):
    """How internal prices are derived from cost.

    ``markup``: price = cost x (1 + margin). ``gross_margin``: price = cost / (1 - margin), so
    that margin is the share of the price that is profit. The same number gives different prices.
    """

    margin_kind: Literal["markup", "gross_margin"] = "markup"
    margin: Annotated[Decimal, Field(ge=0)] = Decimal(0)

    @model_validator(mode="after")
    def _gross_margin_below_one(self) -> ChargebackConfig:
        if self.margin_kind == "gross_margin" and self.margin >= 1:
            raise ValueError("a gross margin must be below 1 (100% of the price)")
        return self


class EconomicsConfig(Strict):
    # YAML file of negotiated or corrected API prices, preferred to the bundled table.
    price_overrides: Path | None = None
    # API models to price measured traffic against: gpt-4o-mini, google:gemini-2.5-flash, ...
    compare_with: list[str] = Field(default_factory=list)
    tco: dict[str, TcoConfig] = Field(default_factory=dict)
    chargeback: ChargebackConfig = Field(default_factory=ChargebackConfig)
    currency: Literal["USD"] = "USD"
