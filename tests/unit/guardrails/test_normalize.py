"""Values written escaped, in other scripts' digits or split by invisible characters are found,
and reported (so masked) where the client wrote them."""

# ruff: noqa: RUF001 (full-width forms, written as clients send them)

from __future__ import annotations

import pytest

from bastion.guardrails.normalize import normalize
from bastion.guardrails.recognizers import scan
from bastion.guardrails.redact import mask


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # JSON as Python's json.dumps writes it, every non-ASCII letter escaped.
        ('{"email": "jane.doe\\u0040example.org"}', '{"email": "[EMAIL]"}'),
        ('{"card": "\\u0034539148803436467"}', '{"card": "[CREDIT_CARD]"}'),
        ('{"name": "Jos\\u00e9 Garc\\u00eda", "n": 1}', '{"name": "[PERSON]", "n": 1}'),
        # HTML character references, a URL-encoded address.
        ("mail jane&#46;doe&#x40;example&period;org now", "mail [EMAIL] now"),
        ("see ?email=jane.doe%40example.org&x=1", "see ?email=[EMAIL]&x=1"),
        # Arabic-Indic and Devanagari digits.
        ("card ٤٥٣٩١٤٨٨٠٣٤٣٦٤٦٧ please", "card [CREDIT_CARD] please"),
        ("card ४५३९१४८८०३४३६४६७ please", "card [CREDIT_CARD] please"),
        # Full-width forms and a zero-width space, as before.
        ("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｏｒｇ", "[EMAIL]"),
        ("card 4539\u200b1488\u200b0343\u200b6467", "card [CREDIT_CARD]"),
        # Control characters inside a value (a NUL, a bell), as JSON's \u0000 delivers them.
        ("card 4539\x001488\x070343\x006467", "card [CREDIT_CARD]"),
        ("my doctor says I have type 2 dia\x00betes", "my doctor says I have [HEALTH_DATA]"),
        ("mail jane.doe\x00@example.org", "mail [EMAIL]"),
    ],
)
def test_a_value_in_another_form_is_found_and_masked_as_written(text: str, masked: str) -> None:
    assert mask(text, scan(text)) == masked


def test_text_without_escapes_or_foreign_forms_is_left_alone() -> None:
    for text in ("Fish & chips, 100% sure, a path C:\\users", "AT&T and 50%", "plain words"):
        assert normalize(text) is None or normalize(text).text == text  # type: ignore[union-attr]
        assert scan(text) == []


def test_escapes_that_are_no_character_stay_as_written() -> None:
    folded = normalize("lone \\ud800 and nul \\u0000 and a pair \\ud83d\\ude00")
    assert folded is not None
    assert folded.text == "lone \\ud800 and nul \\u0000 and a pair \U0001f600"


def test_each_character_maps_back_to_what_it_was_decoded_from() -> None:
    text = "a\\u00e9b&#64;c"
    folded = normalize(text)
    assert folded is not None and folded.text == "aéb@c"
    assert folded.span(1, 2) == (1, 7)  # é is the six characters of its escape
    assert folded.span(3, 4) == (8, 13)  # @ is &#64;
    assert folded.span(0, 5) == (0, len(text))


def test_a_card_grouped_by_dots_is_a_card_only_where_card_words_say_so() -> None:
    assert [f.kind for f in scan("card 4539.1488.0343.6467 ok")] == ["credit_card"]
    assert scan("version 4539.1488.0343.6467") == []
    assert scan("build 1.2.3.4539.1488.0343.6467") == []
