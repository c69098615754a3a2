"""Phone numbers without a country code: the shape pre-check gives libphonenumber's verdict."""

from __future__ import annotations

import random
import re

import phonenumbers
import pytest
from phonenumbers import re_util

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


def test_a_national_number_compiles_nothing_after_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    # What the scan's warm-up compiles is every pattern that validating a number without a
    # country code reads, in each region it is tried in: no request compiles one.
    nationals = []
    for code in sorted({*contact._TRUNK_CODES, *contact._PLAIN_CODES, 1}):
        for region in phonenumbers.region_codes_for_country_code(code):
            for kind in (
                phonenumbers.PhoneNumberType.FIXED_LINE,
                phonenumbers.PhoneNumberType.MOBILE,
            ):
                example = phonenumbers.example_number_for_type(region, kind)
                if example is not None:
                    nationals.append(phonenumbers.national_significant_number(example))
    assert len(nationals) > 40
    monkeypatch.setattr(re_util, "_COMPILED_PATTERNS", {})  # as a new process has it
    contact.compile_phone_patterns()
    compiled: list[str] = []
    compile_pattern = re_util.re.compile

    def counted(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return compile_pattern(pattern, flags)

    monkeypatch.setattr(re_util.re, "compile", counted)
    valid = [n for n in nationals if contact._valid_in_some_region(n)]
    assert len(valid) > 0.9 * len(nationals)
    assert compiled == []
