"""Monthly total cost of ownership of a self-hosted backend, itemised line by line."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bastion.config.economics import TcoConfig
from bastion.economics.money import fmt_money, fmt_number


@dataclass(frozen=True, slots=True)
class CostLine:
    """One component of the monthly cost, with the arithmetic that produced it."""

    name: str
    monthly: Decimal
    formula: str
    # Hardware and power grow with the number of replicas; people and setup do not.
    scales_with_replicas: bool


@dataclass(frozen=True, slots=True)
class MonthlyTco:
    lines: tuple[CostLine, ...]
    replicas: int
    spare_replicas: int
    hours_per_month: Decimal

    @property
    def total(self) -> Decimal:
        return sum((line.monthly for line in self.lines), Decimal(0))

    @property
    def per_replica_monthly(self) -> Decimal:
        """What one more serving replica adds per month (hardware and power)."""
        machines = self.replicas + self.spare_replicas
        scaling = sum(
            (line.monthly for line in self.lines if line.scales_with_replicas), Decimal(0)
        )
        return scaling / machines

    def for_hours(self, hours: Decimal) -> Decimal:
        """The share of the monthly cost that falls in a window of ``hours``."""
        return self.total * hours / self.hours_per_month


def monthly_tco(config: TcoConfig, *, replicas: int | None = None) -> MonthlyTco:
    """The monthly cost with ``replicas`` serving replicas (default: as configured)."""
    serving = config.replicas if replicas is None else replicas
    machines = serving + config.spare_replicas
    hours = config.hours_per_month
    machine_note = _machines(serving, config.spare_replicas)
    lines: list[CostLine] = []
    if config.gpu_hourly is not None:
        lines.append(
            CostLine(
                "GPU rental",
                config.gpu_hourly * config.gpus * hours * machines,
                f"{fmt_money(config.gpu_hourly)}/GPU-h x {config.gpus} GPU x "
                f"{fmt_number(hours)} h x {machine_note}",
                scales_with_replicas=True,
            )
        )
    if config.purchase_price is not None:
        lines.append(
            CostLine(
                "hardware amortisation",
                config.purchase_price / config.amortisation_months * machines,
                f"{fmt_money(config.purchase_price)} / {config.amortisation_months} months x "
                f"{machine_note}",
                scales_with_replicas=True,
            )
        )
    if config.power_watts:
        kwh = Decimal(str(config.power_watts)) / 1000 * hours
        lines.append(
            CostLine(
                "power",
                kwh * config.electricity_per_kwh * config.pue * machines,
                f"{fmt_number(config.power_watts)} W x {fmt_number(hours)} h x "
                f"{fmt_money(config.electricity_per_kwh)}/kWh x PUE {fmt_number(config.pue)} x "
                f"{machine_note}",
                scales_with_replicas=True,
            )
        )
    if config.engineering_fte:
        lines.append(
            CostLine(
                "engineering",
                config.engineering_fte * config.fte_monthly_cost,
                f"{fmt_number(config.engineering_fte)} FTE x "
                f"{fmt_money(config.fte_monthly_cost)}/month",
                scales_with_replicas=False,
            )
        )
    if config.setup_cost:
        lines.append(
            CostLine(
                "setup amortisation",
                config.setup_cost / config.setup_amortisation_months,
                f"{fmt_money(config.setup_cost)} / {config.setup_amortisation_months} months",
                scales_with_replicas=False,
            )
        )
    if config.model_updates_per_year:
        lines.append(
            CostLine(
                "model updates",
                config.model_updates_per_year
                * config.engineering_days_per_update
                * config.engineering_daily_cost
                / 12,
                f"{fmt_number(config.model_updates_per_year)}/year x "
                f"{fmt_number(config.engineering_days_per_update)} days x "
                f"{fmt_money(config.engineering_daily_cost)}/day / 12",
                scales_with_replicas=False,
            )
        )
    return MonthlyTco(tuple(lines), serving, config.spare_replicas, hours)


def _machines(serving: int, spares: int) -> str:
    if spares:
        return f"({serving} serving + {spares} spare) replicas"
    return f"{serving} replica" + ("" if serving == 1 else "s")
