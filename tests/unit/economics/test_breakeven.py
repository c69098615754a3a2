"""Break-even volumes, with and without a capacity limit per replica."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bastion.config.economics import TcoConfig
from bastion.economics.breakeven import break_even, volume_cost
from bastion.economics.capacity import Capacity

H100 = TcoConfig(
    gpu_hourly=Decimal("2.50"), engineering_fte=Decimal("0.1"), fte_monthly_cost=Decimal(15000)
)
# 75% input, no cache hits, 25% output at $0.15/M and $0.60/M.
BLENDED = Decimal("0.2625")
DAYS_PER_MONTH = Decimal(730) / 24


def test_break_even_without_a_capacity_check() -> None:
    result = break_even(H100, BLENDED, None)

    # $3,325 a month / $0.2625 per M = 12,666.67M tokens a month; / (730 h / 24) days
    # = 416,438,356 tokens a day.
    expected = Decimal(3325) / (BLENDED / 1_000_000) / DAYS_PER_MONTH
    assert result.tokens_per_day == pytest.approx(expected)
    assert round(result.tokens_per_day or 0) == 416_438_356
    assert (result.replicas, result.monthly_cost) == (1, Decimal(3325))
    assert "capacity not checked" in result.explanation


def test_break_even_adds_replicas_when_one_cannot_carry_the_volume() -> None:
    # 5,000 tokens/s x 86,400 s x 0.7 = 302.4M tokens a day per replica, 9,198M a month;
    # the API charges $0.2625/M x 9,198M = $2,414.52 for that, a replica costs $1,825:
    # $589.52 a month per replica towards the $1,500 of engineering: ceil(1500 / 589.52) = 3.
    capacity = Capacity(5000, 0.7, "declared")
    assert capacity.tokens_per_day == Decimal(302_400_000)

    result = break_even(H100, BLENDED, capacity)

    # Three replicas: $1,500 + 3 x $1,825 = $6,975 a month / $0.2625 per M / 30.4167 days.
    assert result.replicas == 3
    assert result.monthly_cost == Decimal(6975)
    expected = Decimal(6975) / (BLENDED / 1_000_000) / DAYS_PER_MONTH
    assert result.tokens_per_day == pytest.approx(expected)
    assert round(result.tokens_per_day or 0) == 873_581_213
    assert result.tokens_per_day is not None
    assert result.tokens_per_day <= 3 * capacity.tokens_per_day


def test_never_breaks_even_when_a_replica_costs_more_than_its_tokens_on_the_api() -> None:
    # 2,500 tokens/s at 70%: 151.2M a day, 4,599M a month, worth $1,207.26 on the API;
    # the GPU alone costs $1,825.
    result = break_even(H100, BLENDED, Capacity(2500, 0.7, "declared"))

    assert result.tokens_per_day is None
    assert result.explanation.startswith("never")


def test_current_volume_against_break_even() -> None:
    capacity = Capacity(5000, 0.7, "declared")

    current = volume_cost(H100, BLENDED, capacity, Decimal(500_000_000))

    # 500M a day needs ceil(500 / 302.4) = 2 replicas: $1,500 + 2 x $1,825 = $5,150; the API:
    # 500M x 30.4167 days x $0.2625/M = $3,992.19.
    assert current.replicas_needed == 2
    assert current.fits_configured is False
    assert current.self_hosted_monthly == Decimal(5150)
    assert current.api_monthly == pytest.approx(Decimal("3992.1875"))


def test_zero_api_price_never_breaks_even() -> None:
    assert break_even(H100, Decimal(0), None).tokens_per_day is None
