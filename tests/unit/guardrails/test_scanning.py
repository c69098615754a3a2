"""Context keywords and hints: every trigger's and recognizer's found in one pass over a text,
the longest keyword at each start."""

from __future__ import annotations

import re

import pytest

from bastion.guardrails.scanning import Hints, Trigger, lead_with_first_chars


def test_the_longest_keyword_at_each_start() -> None:
    trigger = Trigger("patient", "patient id", "mrn")
    low = "patient id: 1; mrn 2; patient"
    assert trigger.hits(low) == [(0, 10), (15, 18), (22, 29)]


def test_triggers_sharing_a_keyword_each_see_only_their_own() -> None:
    short = Trigger("patient")
    long = Trigger("patient id", "id")
    low = "patient id: 7"
    assert short.hits(low) == [(0, 7)]
    assert long.hits(low) == [(0, 10), (8, 10)]


def test_overlapping_and_non_ascii_keywords_are_found_where_they_start() -> None:
    trigger = Trigger("sécurité sociale", "sociale", "n.º")  # folded as scanned text is: n.o
    low = "numéro de sécurité sociale n.o 1"
    assert trigger.hits(low) == [(10, 26), (19, 26), (27, 30)]


def test_each_text_is_searched_afresh() -> None:
    trigger = Trigger("iban")
    first = "iban de00"
    second = "my iban"
    assert trigger.hits(first) == [(0, 4)]
    assert trigger.hits(second) == [(3, 7)]
    assert trigger.hits(first) == [(0, 4)]
    assert trigger.hits("nothing here") == []


def test_a_trigger_made_after_a_search_is_searched_for_too() -> None:
    low = "zzqx marker"
    assert Trigger("marker").hits(low) == [(5, 11)]
    late = Trigger("zzqx")  # the automaton is rebuilt, the remembered text forgotten
    assert late.hits(low) == [(0, 4)]
    assert Trigger("marker").hits(low) == [(5, 11)]


def test_prefixes_cover_every_keyword() -> None:
    trigger = Trigger("social security", "soc", "sozialversicherungsnummer")
    assert set(trigger.prefixes) == {"soc", "soz"}


def test_hints_are_any_substring_of_the_text_single_characters_included() -> None:
    hints = Hints("@", "(at)", "private key")
    assert hints.found_in("mail me: a@b.example")
    assert hints.found_in("a(at)b dot example")
    assert hints.found_in("-----begin rsa private key-----")
    assert not hints.found_in("a private matter, key in hand")
    assert not hints.found_in("nothing to see")
    assert not Hints()  # a recognizer without hints runs on every text


def test_hints_inside_longer_words_count_as_substrings_do() -> None:
    assert Hints("key").found_in("monkeypatch")  # like `"key" in text`


@pytest.mark.parametrize(
    ("pattern", "lookahead"),
    [
        (r"(?<![^\W\d_])(?:EIN|(?i:dossier|relatie))[\w\-]{0,12}", r"(?=[E]|(?i:[dr]))"),
        (r"(?i:\b(?:v|version)|§|[a-cX])", r"(?=(?i:[Xabcv§]))"),
        (r"a?b", r"(?=[ab])"),
        (r"(?:^|[ \t])(?:van|de)", "(?=[\t dv])"),
        (r"[\]\-^]z", r"(?=[\-\]\^])"),
        # Lookbehinds before a digit: they are then tried only where a digit is.
        (r"(?<![\w+])\d{3}", r"(?=[\d])"),
        (r"[\da]b", r"(?=[\da])"),
    ],
)
def test_a_pattern_is_led_by_the_characters_its_matches_start_with(
    pattern: str, lookahead: str
) -> None:
    assert lead_with_first_chars(re.compile(pattern)).pattern == f"{lookahead}(?:{pattern})"


def test_global_flags_stay_first_and_every_alternative_is_led() -> None:
    led = lead_with_first_chars(re.compile(r"(?i)abc|d"))
    assert led.pattern == r"(?i)(?=(?i:[ad]))(?:abc|d)"
    assert [m.group() for m in led.finditer("xDxABC")] == ["D", "ABC"]


@pytest.mark.parametrize("pattern", [r"\w+", r"x*", r"(?:a|)", r"[^a]b", r".b", r"[\sa]b"])
def test_a_pattern_without_a_small_set_of_first_characters_is_left_alone(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert lead_with_first_chars(compiled) is compiled


def test_led_patterns_find_what_they_found() -> None:
    texts = [
        "Bestellnummer 123, Tel.-Nr. 0176 1234567, EIN 12-3456789, dossier: 9",
        "KUNDENNUMMER: 1; Kelvin \u212a; Straße 5; ÉTAGE 3; n\u00ba 4; \u00a7 4.1.2",
        "v2.3.1 update to 10.0.0.1 from server; my name is Ada; #12",
    ]
    patterns = [
        r"(?<![^\W\d_])(?i:order|bestell|kunden|dossier|tel|k)[\w\-]{0,12}",
        r"(?i:stra(?:ß|ss)e|étage|n[º°o])",
        r"(?:(?<![^\W\d_])(?i:update|version|v)|\u00a7|#)[ \t]?",
        r"(?i)my name is|from",
        r"(?<![\w+])\d{2,4}(?!\d)",
    ]
    for pattern in patterns:
        plain = re.compile(pattern)
        led = lead_with_first_chars(plain)
        assert led is not plain
        for text in texts:
            for start in range(0, len(text), 7):
                expected = [m.span() for m in plain.finditer(text, start, start + 40)]
                assert [m.span() for m in led.finditer(text, start, start + 40)] == expected


def test_no_text_is_held_after_its_scan() -> None:
    from bastion.guardrails import scanning
    from bastion.guardrails.recognizers import document_keywords, scan

    assert scan("my ssn is 536-90-4399 and my passport C01X00T47")
    assert scanning._KEYWORDS._last.low == ""
    assert document_keywords("IBAN: DE89 3704 0044 0532 0130 00")
    assert scanning._KEYWORDS._last.low == ""
