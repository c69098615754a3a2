"""The semantics of every deterministic check, with their edge cases."""

# ruff: noqa: RUF001 (fullwidth letters and digits on purpose: NFKC folds them)

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from bastion.evaluation.checks import (
    count_words,
    evaluate,
    normalise,
    parse_number,
    resolve_pointer,
    run_check,
    validate_check,
)
from bastion.evaluation.model import Answer, Check, EvalItem, ToolCall


def answer(text: str | None = "", **fields: Any) -> Answer:
    return Answer("t", 200, text=text, **fields)


def judge(kind: str, text: str | None = "", **params: Any) -> tuple[bool, str, bool]:
    check = Check(kind, params)
    validate_check(check)
    outcome, violation = run_check(check, answer(text))
    return outcome.passed, outcome.detail, violation


def passes(kind: str, text: str, **params: Any) -> bool:
    return judge(kind, text, **params)[0]


# Normalisation


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("  Paris. ", "paris"),
        ("PARIS!!", "paris"),
        ("**Paris**", "paris"),
        ("`42`.", "42"),
        ('"yes"', "yes"),
        ("\u201cyes\u201d", "yes"),
        ("New\n\tYork", "new york"),
        ("ＰＡＲＩＳ", "paris"),  # fullwidth letters, NFKC
        ("ﬁne", "fine"),  # ligature
        ("Straße", "strasse"),  # casefold
        ("東京。", "東京"),
        ("It\u2019s", "it's"),
        ("...", ""),
    ],
)
def test_normalisation(raw: str, normalised: str) -> None:
    assert normalise(raw) == normalised


def test_normalisation_can_keep_case_and_punctuation() -> None:
    assert normalise(" Paris. ", case_sensitive=True) == "Paris"
    assert normalise(" Paris. ", punctuation=False) == "paris."


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("42", Decimal(42)),
        (" -3.5 ", Decimal("-3.5")),
        ("+7", Decimal(7)),
        ("1,234.5", Decimal("1234.5")),
        ("1 234 567", Decimal(1234567)),
        ("1\u202f234,5", Decimal("1234.5")),
        ("1,5", Decimal("1.5")),  # a decimal comma
        ("1,500", Decimal(1500)),  # three digits after a comma: grouping
        ("1_000", Decimal(1000)),
        ("2.5e3", Decimal(2500)),
        ("42.", Decimal(42)),
        ("４２", Decimal(42)),
        ("forty-two", None),
        ("42 apples", None),
        ("1,23,456", None),
        ("", None),
    ],
)
def test_numbers_as_people_write_them(text: str, number: Decimal | None) -> None:
    assert parse_number(text) == number


# exact


def test_exact_strings_compare_after_normalisation() -> None:
    assert passes("exact", " paris.", expected="Paris")
    assert passes("exact", "**PARIS**", expected="Paris")
    assert not passes("exact", "Paris, France", expected="Paris")
    assert passes("exact", "Lyon", expected=["Paris", "Lyon"])
    passed, detail, violation = judge("exact", "Berlin", expected="Paris")
    assert (passed, violation) == (False, False)
    assert "expected 'Paris', got 'berlin'" in detail


def test_exact_can_be_case_sensitive() -> None:
    assert not passes("exact", "paris", expected="Paris", case_sensitive=True)
    assert passes("exact", "Paris.", expected="Paris", case_sensitive=True)


def test_exact_numbers_with_tolerances() -> None:
    assert passes("exact", "42", expected=42)
    assert passes("exact", "42.0", expected=42)
    assert passes("exact", "1,000", expected=1000)
    assert not passes("exact", "42.01", expected=42)
    assert passes("exact", "42.01", expected=42, tolerance=0.05)
    assert not passes("exact", "42.1", expected=42, tolerance=0.05)
    assert passes("exact", "101", expected=100, relative_tolerance=0.01)
    assert not passes("exact", "102", expected=100, relative_tolerance=0.01)
    # The larger of the two tolerances applies.
    assert passes("exact", "0.5", expected=0, tolerance=0.5, relative_tolerance=0.01)
    passed, detail, _ = judge("exact", "about 42", expected=42)
    assert not passed
    assert "not a number" in detail
    passed, detail, _ = judge("exact", "43", expected=42, tolerance=0.5)
    assert "expected 42 (tolerance 0.5" in detail
    assert "got 43" in detail


def test_exact_a_number_given_as_a_string_compares_as_text() -> None:
    assert passes("exact", "3.14", expected="3.14")
    assert not passes("exact", "3.140", expected="3.14")
    assert passes("exact", "3.140", expected=3.14)


# regex


def test_regex_searches_the_raw_answer() -> None:
    assert passes("regex", "The code is AB-1234.", pattern=r"[A-Z]{2}-\d{4}")
    assert not passes("regex", "the code is ab-1234", pattern=r"[A-Z]{2}-\d{4}")
    assert passes("regex", "the code is ab-1234", pattern=r"[A-Z]{2}-\d{4}", flags="i")
    assert passes("regex", "AB-1234", pattern=r"[A-Z]{2}-\d{4}", full=True)
    assert not passes("regex", "AB-1234 ok", pattern=r"[A-Z]{2}-\d{4}", full=True)
    assert passes("regex", "line1\nline2", pattern=r"^line2$", flags="m")
    passed, detail, _ = judge("regex", "no code", pattern=r"\d+")
    assert not passed
    assert "does not contain a match of" in detail


def test_regex_negated() -> None:
    assert passes("regex", "clean answer", pattern=r"(?i)as an ai", negate=True)
    passed, detail, _ = judge("regex", "As an AI, I think", pattern=r"(?i)as an ai", negate=True)
    assert not passed
    assert "which it must not" in detail


# json_schema

SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "age": {"type": "integer", "minimum": 0},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["name", "age"],
}


def test_json_parses_validates_and_compares_values() -> None:
    text = '{"name": "Ada", "age": 36, "tags": ["math", "code"], "extra": {"a/b": 1}}'
    assert passes("json_schema", text, schema=SCHEMA)
    assert passes("json_schema", text, values={"/name": "Ada", "/tags/1": "code", "/age": 36.0})
    assert passes("json_schema", text, values={"/extra/a~1b": 1})
    passed, detail, violation = judge("json_schema", text, values={"/age": 37})
    assert (passed, violation) == (False, False)
    assert "at /age: expected 37, got 36" in detail
    passed, detail, _ = judge("json_schema", text, values={"/missing": 1})
    assert "nothing at /missing" in detail
    assert passes("json_schema", '{"x": 1.0}', values={"/x": 1.05}, tolerance=0.1)
    # true is not 1, "1" is not 1.
    assert not passes("json_schema", '{"x": true}', values={"/x": 1})
    assert not passes("json_schema", '{"x": "1"}', values={"/x": 1})


def test_json_that_breaks_the_schema_is_a_format_violation() -> None:
    passed, detail, violation = judge("json_schema", '{"name": "Ada", "age": -1}', schema=SCHEMA)
    assert (passed, violation) == (False, True)
    assert "breaks the schema at /age" in detail
    passed, detail, violation = judge("json_schema", '{"name": "Ada"}', schema=SCHEMA)
    assert (passed, violation) == (False, True)
    assert "'age' is a required property" in detail


@pytest.mark.parametrize(
    "text", ["", 'Sure! {"a": 1}', "{'a': 1}", '{"a": 1', "NaN", '{"a": Infinity}']
)
def test_text_that_is_not_json_is_a_format_violation(text: str) -> None:
    passed, detail, violation = judge("json_schema", text)
    assert (passed, violation) == (False, True)
    assert "not JSON" in detail


def test_json_in_one_fenced_block_is_read_unless_fences_are_refused() -> None:
    fenced = '```json\n{"a": 1}\n```'
    assert passes("json_schema", fenced, values={"/a": 1})
    assert passes("json_schema", "```\n[1, 2]\n```", values={"/1": 2})
    passed, _, violation = judge("json_schema", fenced, allow_fence=False)
    assert (passed, violation) == (False, True)


def test_json_pointers() -> None:
    document = {"a": [{"b": 1}], "": 2, "c~d": 3}
    assert resolve_pointer(document, "") == (True, document)
    assert resolve_pointer(document, "/a/0/b") == (True, 1)
    assert resolve_pointer(document, "/") == (True, 2)
    assert resolve_pointer(document, "/c~0d") == (True, 3)
    assert resolve_pointer(document, "/a/01") == (False, None)
    assert resolve_pointer(document, "/a/1") == (False, None)
    assert resolve_pointer(document, "/a/x") == (False, None)


# contains_all


def test_contains_all_with_alternatives() -> None:
    text = "Paris is the capital of France; it lies on the Seine."
    assert passes("contains_all", text, items=["paris", "SEINE"])
    assert passes("contains_all", text, items=[["Lutetia", "Paris"], "france"])
    passed, detail, violation = judge(
        "contains_all", text, items=["Paris", ["Loire", "Rhône"], "Europe"]
    )
    assert (passed, violation) == (False, False)
    assert detail == "missing 2 of 3: 'Loire' or 'Rhône'; 'Europe'"
    assert passes("contains_all", "Ｐａｒｉｓ  is\nbig", items=["paris is big"])
    assert not passes("contains_all", text, items=["paris"], case_sensitive=True)


# label


def test_label_from_a_set() -> None:
    labels = ["positive", "negative", "neutral"]
    assert passes("label", "Positive.", labels=labels, expected="positive")
    assert passes("label", "neutral", labels=labels)
    assert passes("label", "negative", labels=labels, expected=["negative", "neutral"])
    passed, detail, violation = judge("label", "negative", labels=labels, expected="positive")
    assert (passed, violation) == (False, False)
    assert detail == "expected positive, got negative"
    passed, detail, violation = judge("label", "It is positive", labels=labels)
    assert (passed, violation) == (False, True)
    assert "not one of the labels" in detail


# tool_call


def tool_answer(*calls: tuple[str, str], text: str | None = None) -> Answer:
    return answer(text, tool_calls=tuple(ToolCall(name, args) for name, args in calls))


def tool_check(result: Answer, **params: Any) -> tuple[bool, str, bool]:
    check = Check("tool_call", params)
    validate_check(check)
    outcome, violation = run_check(check, result)
    return outcome.passed, outcome.detail, violation


def test_tool_call_name_and_arguments_as_a_subset() -> None:
    call = tool_answer(("get_weather", '{"city": "Paris", "unit": "C", "days": [1, 2]}'))
    assert tool_check(call, name="get_weather")[0]
    assert tool_check(call, name="get_weather", arguments={"city": "Paris"})[0]
    assert tool_check(call, name="get_weather", arguments={"days": [1, 2.0]})[0]
    passed, detail, violation = tool_check(call, name="get_weather", arguments={"city": "Rome"})
    assert (passed, violation) == (False, False)
    assert detail == "get_weather: city is 'Paris', expected 'Rome'"
    passed, detail, _ = tool_check(call, name="get_weather", arguments={"country": "FR"})
    assert detail == "get_weather: country is missing"
    passed, detail, _ = tool_check(call, name="get_weather", arguments={"days": [1]})
    assert not passed
    nested = tool_answer(("book", '{"trip": {"from": "PAR", "to": "ROM", "seats": 2}}'))
    assert tool_check(nested, name="book", arguments={"trip": {"to": "ROM"}})[0]
    assert tool_check(nested, name="book", arguments={"trip": {"seats": 2.2}}, tolerance=0.5)[0]
    passed, detail, _ = tool_check(nested, name="book", arguments={"trip": {"to": "MIL"}})
    assert detail == "book: trip.to is 'ROM', expected 'MIL'"


def test_any_matching_call_passes() -> None:
    calls = tool_answer(("search", '{"q": "a"}'), ("search", '{"q": "b"}'))
    assert tool_check(calls, name="search", arguments={"q": "b"})[0]
    passed, detail, _ = tool_check(calls, name="lookup")
    assert (passed, detail) == (False, "called search, search, not lookup")


def test_tool_call_format_violations() -> None:
    passed, detail, violation = tool_check(answer("It is sunny."), name="get_weather")
    assert (passed, violation) == (False, True)
    assert "no tool call" in detail
    broken = tool_answer(("get_weather", '{"city": "Par'))
    passed, detail, violation = tool_check(broken, name="get_weather", arguments={"city": "x"})
    assert (passed, violation) == (False, True)
    assert "arguments are not JSON" in detail
    listed = tool_answer(("get_weather", "[1]"))
    assert tool_check(listed, name="get_weather")[2]
    # Empty arguments are an empty object.
    assert tool_check(tool_answer(("ping", "")), name="ping", arguments={})[0]


# refusal


def test_refusal_check_both_ways() -> None:
    assert passes("refusal", "Paris is the capital.")
    passed, detail, violation = judge("refusal", "I'm sorry, but I can't help with that.")
    assert (passed, violation) == (False, False)
    assert detail.startswith("the answer refuses")
    assert passes("refusal", "I cannot help with making weapons.", expected=True)
    passed, detail, _ = judge("refusal", "Here is how to do it.", expected=True)
    assert detail.startswith("a refusal was expected")
    refused = answer("", finish_reason="refusal")
    outcome, _ = run_check(Check("refusal", {}), refused)
    assert not outcome.passed


# length


def test_length_limits() -> None:
    assert passes("length", "  hello world  ", max_chars=11, min_chars=11)
    passed, detail, _ = judge("length", "hello world", max_chars=5)
    assert (passed, detail) == (False, "11 chars, above the maximum of 5")
    assert passes("length", "one two, three!", min_words=3, max_words=3)
    passed, detail, _ = judge("length", "one two", min_words=3)
    assert detail == "2 words, below the minimum of 3"
    tokens = Check("length", {"max_tokens": 10})
    assert run_check(tokens, answer("x", output_tokens=10))[0].passed
    assert run_check(tokens, answer("x", output_tokens=11))[0].detail == (
        "11 tokens, above the maximum of 10"
    )
    assert "no output token count" in run_check(tokens, answer("x"))[0].detail


def test_words_count_cjk_characters_one_by_one() -> None:
    assert count_words("hello, world") == 2
    assert count_words("東京は大きい") == 6
    assert count_words("l'été 2024") == 3
    assert count_words("안녕하세요 세계") == 2


# Parameters refused at load time


@pytest.mark.parametrize(
    ("kind", "params", "message"),
    [
        ("nope", {}, "unknown check kind 'nope'"),
        ("exact", {}, "exact needs 'expected'"),
        ("exact", {"expected": []}, "must not be an empty list"),
        ("exact", {"expected": True}, "strings or numbers"),
        ("exact", {"expected": "a", "tolerance": -1}, "tolerance must be a number of at least 0"),
        ("exact", {"expected": "a", "typo": 1}, "unknown parameter 'typo'"),
        ("regex", {"pattern": "("}, "pattern does not compile"),
        ("regex", {"pattern": "a", "flags": "q"}, "flags is a string of"),
        ("json_schema", {"schema": {"type": "nonsense"}}, "not a valid JSON Schema"),
        ("json_schema", {"values": {"a": 1}}, "is not a JSON pointer"),
        ("contains_all", {"items": []}, "non-empty list"),
        ("contains_all", {"items": [[]]}, "non-empty list of alternative strings"),
        ("label", {"labels": []}, "non-empty list of strings"),
        ("label", {"labels": ["a"], "expected": "b"}, "'b' is not among the labels"),
        ("tool_call", {}, "tool_call needs 'name'"),
        ("tool_call", {"name": "f", "arguments": [1]}, "arguments is an object"),
        ("refusal", {"expected": "yes"}, "expected must be true or false"),
        ("length", {}, "at least one of"),
        ("length", {"max_chars": 1.5}, "whole number"),
        ("length", {"min_words": 5, "max_words": 2}, "min_words is above max_words"),
    ],
)
def test_invalid_parameters_are_named(kind: str, params: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validate_check(Check(kind, params))


# The item's result


def item(*checks: Check, **request: Any) -> EvalItem:
    body = {"messages": [{"role": "user", "content": "q"}], **request}
    return EvalItem("i1", "openai", body, checks)


def test_the_result_passes_only_when_every_check_passes() -> None:
    both = item(Check("exact", {"expected": "Paris"}), Check("length", {"max_chars": 3}))
    result = evaluate(both, answer("Paris"))
    assert result.passed is False
    assert [o.passed for o in result.checks] == [True, False]
    assert evaluate(item(Check("exact", {"expected": "Paris"})), answer("Paris")).passed is True
    unchecked = evaluate(item(), answer("Paris"))
    assert (unchecked.passed, unchecked.checks) == (None, ())


def test_an_answer_that_failed_fails_every_check_and_is_not_flagged() -> None:
    failed = Answer("t", 503, error="HTTP 503: overloaded")
    result = evaluate(item(Check("json_schema", {}), Check("refusal", {})), failed)
    assert result.passed is False
    assert {o.detail for o in result.checks} == {"no answer: HTTP 503: overloaded"}
    assert (result.format_violation, result.refusal) == (False, False)


def test_flags_are_set_from_checks_and_from_the_request() -> None:
    result = evaluate(item(Check("json_schema", {})), answer("not json"))
    assert result.format_violation
    asked = item(response_format={"type": "json_object"})
    assert evaluate(asked, answer("Sure, here it is")).format_violation
    assert not evaluate(asked, answer('{"ok": true}')).format_violation
    forced = item(tool_choice="required")
    assert evaluate(forced, answer("no tool")).format_violation
    assert not evaluate(forced, tool_answer(("f", "{}"))).format_violation
    anthropic_forced = item(tool_choice={"type": "any"})
    assert evaluate(anthropic_forced, answer("text")).format_violation
    refusal = evaluate(item(), answer("I'm sorry, but I cannot help with that request."))
    assert refusal.refusal
    assert not evaluate(item(), answer("I can't help but notice the answer is 4.")).refusal


def test_a_check_that_breaks_fails_with_the_reason() -> None:
    broken = Check("exact", {"expected": object()})
    outcome, _ = run_check(broken, answer("x"))
    assert not outcome.passed
    assert outcome.detail.startswith("the check failed")
