"""API cost of traffic: input, cached input and output priced apart."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bastion.economics.apicost import TokenCounts, TokenMix, api_cost
from bastion.economics.prices import Rates
from tests.unit.economics.quotes import quote


def test_fifty_million_tokens_a_month_on_a_small_model_costs_157_50_a_year() -> None:
    # 50M tokens/month split 75/25: 37.5M input x $0.15/M = $5.625 and
    # 12.5M output x $0.60/M = $7.50, so $13.125 a month and $157.50 a year
    # (not the ~$15,000 a year that published comparisons sometimes claim).
    monthly = api_cost(
        TokenCounts(input_tokens=37_500_000, output_tokens=12_500_000),
        quote("0.15", "0.075", "0.60"),
    )

    assert monthly.uncached_input == Decimal("5.625")
    assert monthly.output == Decimal("7.5")
    assert monthly.total == Decimal("13.125")
    assert monthly.total * 12 == Decimal("157.5")


def test_the_same_volume_all_input_or_all_output_spans_90_to_360_a_year() -> None:
    rates = quote("0.15", "0.075", "0.60")

    all_input = api_cost(TokenCounts(input_tokens=50_000_000), rates).total * 12
    all_output = api_cost(TokenCounts(output_tokens=50_000_000), rates).total * 12

    # 600M tokens a year x $0.15/M = $90; x $0.60/M = $360.
    assert (all_input, all_output) == (Decimal(90), Decimal(360))


def test_cached_input_is_priced_at_its_own_rate() -> None:
    # 10M input of which 4M cached: 6M x $1/M + 4M x $0.10/M = $6.40; 1M output x $5/M = $5.
    cost = api_cost(
        TokenCounts(
            input_tokens=10_000_000, cached_input_tokens=4_000_000, output_tokens=1_000_000
        ),
        quote("1", "0.10", "5"),
    )

    assert (cost.uncached_input, cost.cached_input, cost.output) == (
        Decimal(6),
        Decimal("0.4"),
        Decimal(5),
    )
    assert cost.total == cost.total_high == Decimal("11.4")


def test_a_tiered_model_gives_a_range() -> None:
    top = Rates(Decimal(6), Decimal("0.6"), Decimal("22.5"))
    cost = api_cost(
        TokenCounts(input_tokens=1_000_000, output_tokens=1_000_000),
        quote("3", "0.3", "15", top=top, threshold=200_000),
    )

    # Base: 1M x $3 + 1M x $15 = $18; every request in the long-prompt tier: $6 + $22.50.
    assert (cost.total, cost.total_high) == (Decimal(18), Decimal("28.5"))


def test_blended_rate_of_a_mix() -> None:
    rates = Rates(Decimal("0.15"), Decimal("0.075"), Decimal("0.60"))

    # 75% input (none cached) and 25% output: 0.75 x 0.15 + 0.25 x 0.60 = 0.2625 $/M.
    assert TokenMix(Decimal("0.75"), Decimal(0)).blended_rate(rates) == Decimal("0.2625")
    # Half of the input cached: 0.75 x (0.5 x 0.15 + 0.5 x 0.075) + 0.15 = 0.234375 $/M.
    assert TokenMix(Decimal("0.75"), Decimal("0.5")).blended_rate(rates) == Decimal("0.234375")


def test_mix_of_measured_counts() -> None:
    mix = TokenCounts(input_tokens=300, cached_input_tokens=75, output_tokens=100).mix()

    assert (mix.input_share, mix.cached_share) == (Decimal("0.75"), Decimal("0.25"))
    with pytest.raises(ValueError, match="no tokens"):
        TokenCounts().mix()
    with pytest.raises(ValueError, match="between 0 and 1"):
        TokenMix(Decimal("1.5"), Decimal(0))
