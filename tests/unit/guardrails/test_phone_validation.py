"""Phone numbers without a country code: the shape pre-check gives libphonenumber's verdict."""

from __future__ import annotations

import random

import phonenumbers
import pytest

from bastion.guardrails import contact


@pytest.mark.parametrize("country_code", sorted({*contact._TRUNK_CODES, *contact._PLAIN_CODES, 1}))
def test_the_shape_check_keeps_libphonenumbers_verdict(country_code: int) -> None:
    rng = random.Random(country_code)
    for _ in range(400):
        length = rng.randint(5, 13)
        national = rng.choice("0123456789") + "".join(rng.choices("0123456789", k=length - 1))
        expected = contact._library_valid(country_code, national)
        assert contact._valid(country_code, national) is expected, national
    example = phonenumbers.example_number(phonenumbers.region_code_for_country_code(country_code))
    if example is not None:  # a real number of the region passes both
        national = phonenumbers.national_significant_number(example)
        assert contact._valid(country_code, national)
