"""Chargeback prices: one cost, two margin conventions, different exact prices."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from bastion.economics.chargeback import Margin, chargeback

# $3,650 a month over 730 h is $5 an hour.
MONTHLY = Decimal(3650)
HOURS = Decimal(730)


def _prices(margin: Margin) -> dict[str, tuple[Decimal, Decimal]]:
    result = chargeback(MONTHLY, HOURS, margin, tokens_per_second=1000, slots=10, basis="test")
    return {p.unit: (p.cost, p.price) for p in result.prices}


def test_markup_and_gross_margin_of_twenty_percent_differ() -> None:
    markup = _prices(Margin("markup", Decimal("0.2")))
    gross = _prices(Margin("gross_margin", Decimal("0.2")))

    # 1,000 tokens/s for an hour costs $5: markup 20% -> $5 x 1.2 = $6.00,
    # gross margin 20% -> $5 / 0.8 = $6.25 (20% of $6.25 is the $1.25 profit).
    assert markup["per 1,000 tokens/s for one hour"] == (Decimal(5), Decimal(6))
    assert gross["per 1,000 tokens/s for one hour"] == (Decimal(5), Decimal("6.25"))
    # 10 slots: $3,650 / (10 x 730 h) = $0.50 per slot-hour -> $0.60 or $0.625.
    assert markup["per concurrent-request slot for one hour"] == (Decimal("0.5"), Decimal("0.6"))
    assert gross["per concurrent-request slot for one hour"] == (Decimal("0.5"), Decimal("0.625"))
    # 1,000 tokens/s x 3,600 s x 730 h = 2,628M tokens: $3,650 / 2,628 = $25/18 per M;
    # x 1.2 = $5/3, / 0.8 = $125/72.
    cost, price = markup["per million tokens"]
    assert cost == pytest.approx(Decimal(25) / 18)
    assert Fraction(price).limit_denominator(1000) == Fraction(5, 3)
    assert Fraction(gross["per million tokens"][1]).limit_denominator(1000) == Fraction(125, 72)


def test_margin_is_stated_with_its_rule() -> None:
    assert Margin("markup", Decimal("0.2")).describe() == ("markup 20.0%: price = cost x (1 + 0.2)")
    assert Margin("gross_margin", Decimal("0.2")).describe() == (
        "gross margin 20.0%: price = cost / (1 - 0.2)"
    )


def test_a_gross_margin_of_one_hundred_percent_is_impossible() -> None:
    with pytest.raises(ValueError, match="below 1"):
        Margin("gross_margin", Decimal(1))


def test_nothing_sold_gives_no_price() -> None:
    result = chargeback(
        MONTHLY, HOURS, Margin("markup", Decimal(0)), tokens_per_second=None, slots=None, basis="-"
    )
    assert result.prices == ()
