"""Context keywords: found by their shared first characters, the longest at each start, and
rare ones only in a text that holds what all of them hold."""

from __future__ import annotations

import pytest

from bastion.guardrails.scanning import Trigger


def test_the_longest_keyword_at_each_start() -> None:
    trigger = Trigger("patient", "patient id", "mrn")
    low = "patient id: 1; mrn 2; patient"
    assert trigger.hits(low) == [(0, 10), (15, 18), (22, 29)]


def test_rare_keywords_are_looked_for_only_where_their_part_occurs() -> None:
    trigger = Trigger("ssn", rare=("us-sozialversicherungsnummer",), rare_within=("sozial",))
    low = "meine us-sozialversicherungsnummer und ssn"
    assert trigger.hits(low) == [(6, 34), (39, 42)]
    assert trigger.hits("us-sozi ssn") == [(8, 11)]
    assert "us-" in trigger.prefixes  # a recognizer's hints cover the rare ones too


def test_a_rare_keyword_without_its_part_is_refused() -> None:
    with pytest.raises(ValueError, match="rare_within"):
        Trigger("ssn", rare=("seguro americano",), rare_within=("social",))
