"""Number formatting for reports: enough digits to be checkable, no false precision."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

MILLION = Decimal(1_000_000)


def to_decimal(value: float | int | Decimal) -> Decimal:
    """Floats go through their shortest repr, so 0.1 stays 0.1 and not 0.1000000000000000055."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(value))


def fmt_money(value: Decimal | float) -> str:
    """Dollars: cents above $1, four significant digits below (prices per token are small),
    written out without an exponent: $0.000012, not $1.20e-5."""
    amount = to_decimal(value)
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if amount >= 1 or amount == 0:
        return f"{sign}${amount.quantize(Decimal('0.01'), ROUND_HALF_EVEN):,}"
    digits = fmt_significant(amount, 4)
    if len(digits.partition(".")[2]) < 2:
        digits = f"{amount:.2f}"
    return f"{sign}${digits}"


def fmt_significant(value: Decimal | float, digits: int = 3) -> str:
    """``digits`` significant digits, trailing zeros dropped, never an exponent: 0.0000371."""
    number = Decimal(f"{to_decimal(value):.{digits}g}").normalize()
    return f"{number:f}"


def fmt_number(value: Decimal | float | int) -> str:
    """A plain number without trailing zeros: 730, 0.1, 1.3, 2,500."""
    number = to_decimal(value)
    if number == number.to_integral_value():
        return f"{int(number):,}"
    text = f"{number.normalize():f}"
    whole, _, fraction = text.partition(".")
    return f"{int(whole):,}.{fraction}" if whole not in ("", "-0") else text


def fmt_tokens(count: int | float | Decimal) -> str:
    """Token counts in K/M/B with three significant digits; exact counts are in the JSON output."""
    number = float(count)
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(number) >= limit:
            return f"{number / limit:.4g}{suffix}"
    return f"{number:.4g}"


def fmt_share(value: float) -> str:
    """A percentage; below 1% with two significant digits, so a quiet engine is not 0.0%."""
    if 0 < abs(value) < 0.01:
        return f"{fmt_significant(value * 100, 2)}%"
    return f"{value * 100:.1f}%"
