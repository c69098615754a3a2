"""Money and small numbers in text output: plain digits, never an exponent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bastion.economics.money import fmt_money, fmt_share, fmt_significant


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("0.000012"), "$0.000012"),
        (Decimal("0.0000123456"), "$0.00001235"),
        (1.2e-5, "$0.000012"),
        (Decimal("0.00000000042"), "$0.00000000042"),
        (Decimal("-0.000012"), "-$0.000012"),
        (Decimal("0.0421"), "$0.0421"),
        (Decimal("0.5"), "$0.50"),
        (Decimal("1234.567"), "$1,234.57"),
        (0, "$0.00"),
    ],
)
def test_money_is_written_out(amount: Decimal | float, text: str) -> None:
    assert fmt_money(amount) == text


def test_small_numbers_and_shares_have_no_exponent() -> None:
    assert fmt_significant(3.71234e-05) == "0.0000371"
    assert fmt_significant(44.8) == "44.8"
    assert fmt_significant(1200.0, 2) == "1200"
    assert fmt_share(3.7e-7) == "0.000037%"
    assert fmt_share(0.0037) == "0.37%"
