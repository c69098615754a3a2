"""Monthly TCO: every component itemised, checked against arithmetic done by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from bastion.config.economics import TcoConfig
from bastion.economics.tco import monthly_tco


def test_rented_h100_with_a_tenth_of_an_engineer() -> None:
    config = TcoConfig(
        gpu_hourly=Decimal("2.50"), engineering_fte=Decimal("0.1"), fte_monthly_cost=Decimal(15000)
    )

    tco = monthly_tco(config)

    # GPU: 2.50 $/h x 1 GPU x 730 h = 1,825; engineering: 0.1 x 15,000 = 1,500.
    assert [(line.name, line.monthly) for line in tco.lines] == [
        ("GPU rental", Decimal(1825)),
        ("engineering", Decimal(1500)),
    ]
    assert tco.total == Decimal(3325)
    assert tco.lines[0].formula == "$2.50/GPU-h x 1 GPU x 730 h x 1 replica"
    assert tco.lines[1].formula == "0.1 FTE x $15,000.00/month"


def test_owned_hardware_with_power_spares_setup_and_model_updates() -> None:
    config = TcoConfig(
        gpus=8,
        purchase_price=Decimal(36000),
        amortisation_months=36,
        power_watts=700,
        electricity_per_kwh=Decimal("0.15"),
        pue=Decimal("1.4"),
        replicas=2,
        spare_replicas=1,
        setup_cost=Decimal(24000),
        setup_amortisation_months=12,
        model_updates_per_year=Decimal(4),
        engineering_days_per_update=Decimal(3),
        engineering_daily_cost=Decimal(800),
    )

    tco = monthly_tco(config)

    lines = {line.name: line.monthly for line in tco.lines}
    # Hardware: 36,000 / 36 months = 1,000 per machine x (2 serving + 1 spare) = 3,000.
    assert lines["hardware amortisation"] == Decimal(3000)
    # Power: 0.7 kW x 730 h = 511 kWh x 0.15 $/kWh x PUE 1.4 = 107.31 per machine, x 3 = 321.93.
    assert lines["power"] == Decimal("321.93")
    # Setup: 24,000 / 12 months = 2,000. Updates: 4/year x 3 days x 800 $/day / 12 = 800.
    assert lines["setup amortisation"] == Decimal(2000)
    assert lines["model updates"] == Decimal(800)
    assert tco.total == Decimal("6121.93")
    # One more serving replica adds its hardware and power, not people or setup.
    assert tco.per_replica_monthly == Decimal("1107.31")
    assert monthly_tco(config, replicas=3).total == Decimal("6121.93") + Decimal("1107.31")


def test_window_share_of_the_monthly_cost() -> None:
    tco = monthly_tco(TcoConfig(gpu_hourly=Decimal(2)))

    # 2 $/h x 730 h = 1,460 a month; 73 hours are a tenth of it.
    assert tco.for_hours(Decimal(73)) == Decimal(146)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "exactly one of gpu_hourly"),
        ({"gpu_hourly": 2, "purchase_price": 30000}, "exactly one of gpu_hourly"),
        ({"gpu_hourly": 2, "power_watts": 700}, "rented GPUs include power"),
        ({"gpu_hourly": 2, "model_updates_per_year": 4}, "needs engineering_daily_cost"),
        ({"gpu_hourly": 2, "pue": 0.9}, "greater than or equal to 1"),
        ({"gpu_hourly": 2, "gpu_hourly_typo": 1}, "Extra inputs are not permitted"),
    ],
)
def test_invalid_tco_settings_are_rejected(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        TcoConfig.model_validate(fields)
