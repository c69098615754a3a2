"""Loading JSONL datasets: both protocols, derived ids, and every problem named by its line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bastion.evaluation.dataset import (
    DatasetError,
    load_dataset,
    parse_dataset,
    parse_item,
    write_dataset,
)
from bastion.evaluation.model import Check

CHAT = {"messages": [{"role": "user", "content": "Capital of France?"}]}


def lines(*objects: Any) -> bytes:
    return b"".join((o if isinstance(o, str) else json.dumps(o)).encode() + b"\n" for o in objects)


def problems(data: bytes) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        parse_dataset(data, "golden.jsonl")
    return [problem.render("golden.jsonl") for problem in caught.value.problems]


def test_items_in_both_protocols() -> None:
    dataset = parse_dataset(
        lines(
            {
                "id": "fr",
                "request": {**CHAT, "temperature": 0.7, "stream": True, "model": "x"},
                "checks": [{"kind": "exact", "expected": "Paris"}],
                "slices": {"task": "geo", "level": 1},
            },
            {
                "id": 7,
                "request": {
                    "system": "Be brief.",
                    "max_tokens": 50,
                    "messages": [{"role": "user", "content": "Hi"}],
                },
            },
            {"protocol": "anthropic", **CHAT},
            {**CHAT, "checks": [{"kind": "regex", "pattern": "Paris"}], "classifications": ["PII"]},
        )
    )
    first, second, third, fourth = dataset.items
    assert (first.id, first.protocol) == ("fr", "openai")
    # The runner streams and names the model itself.
    assert first.request == {**CHAT, "temperature": 0.7}
    assert first.checks == (Check("exact", {"expected": "Paris"}),)
    assert first.slices == {"task": "geo", "level": "1"}
    assert (second.id, second.protocol) == ("7", "anthropic")
    assert third.protocol == "anthropic"
    assert fourth.protocol == "openai"
    assert fourth.request == CHAT
    assert fourth.classifications == frozenset({"pii"})
    assert len(dataset.sha256) == 64


def test_derived_ids_are_stable_and_differ_by_content() -> None:
    one = parse_item(CHAT)
    again = parse_item(json.loads(json.dumps(CHAT)))
    other = parse_item({"messages": [{"role": "user", "content": "Capital of Spain?"}]})
    assert one.id == again.id
    assert one.id.startswith("sha-")
    assert one.id != other.id


def test_anthropic_content_blocks_tell_the_protocol() -> None:
    tool_result = {
        "messages": [
            {"role": "user", "content": "weather?"},
            {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "w",
                                               "input": {}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1",
                                          "content": "sunny"}]},
        ]
    }  # fmt: skip
    assert parse_item(tool_result).protocol == "anthropic"
    image = {"messages": [{"role": "user", "content": [{"type": "image", "source": {}}]}]}
    assert parse_item(image).protocol == "anthropic"
    openai_image = {
        "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}]
    }
    assert parse_item(openai_image).protocol == "openai"


def test_every_problem_is_named_with_its_line() -> None:
    data = lines(
        {"id": "a", **CHAT},
        "",
        "{not json",
        [1, 2],
        {"id": "a", **CHAT},
        {"id": "b"},
        {"id": "c", "request": CHAT, "check": []},
        {"id": "d", "request": "hello"},
        {"id": "e", **CHAT, "checks": [{"kind": "exact"}]},
        {"id": "f", **CHAT, "checks": [{"kind": "sentiment"}]},
        {"id": "g", **CHAT, "checks": {"kind": "exact"}},
        {"id": "h", "messages": [{"role": "robot", "content": "x"}]},
        {"id": "i", "protocol": "anthropic", "messages": [{"role": "system", "content": "x"}]},
        {"id": "j", "protocol": "gemini", **CHAT},
        {"id": "", **CHAT},
        {"id": "k", **CHAT, "slices": {"task": ["a"]}},
        {"id": "l", **CHAT, "classifications": "pii"},
        {"id": "m", "messages": [{"role": "user", "content": 5}]},
        {"id": True, **CHAT},
    )
    assert problems(data) == [
        "golden.jsonl:3: not JSON: Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)",
        "golden.jsonl:4: an item is a JSON object, not list",
        "golden.jsonl:5: id 'a' is used on line 1 already",
        "golden.jsonl:6: request.messages must be a non-empty list",
        "golden.jsonl:7: unknown field 'check' beside 'request' (known: id, protocol, request, "
        "checks, slices, classifications)",
        "golden.jsonl:8: request must be a JSON object (a chat or Messages request body)",
        "golden.jsonl:9: checks[0] (exact): exact needs 'expected' (a string, a number, or a "
        "list of them)",
        "golden.jsonl:10: checks[0] (sentiment): unknown check kind 'sentiment' (known: exact, "
        "regex, json_schema, contains_all, label, tool_call, refusal, length)",
        "golden.jsonl:11: checks must be a list of objects, each with a 'kind'",
        "golden.jsonl:12: request.messages[0].role is 'robot'; openai requests use assistant, "
        "developer, function, system, tool, user",
        "golden.jsonl:13: request.messages[0].role is 'system'; anthropic requests use "
        "assistant, user",
        "golden.jsonl:14: protocol must be 'openai' or 'anthropic', not 'gemini'",
        "golden.jsonl:15: id must be 1 to 200 characters of text",
        "golden.jsonl:16: slices.task must be a string or a number",
        'golden.jsonl:17: classifications must be a list of data classes (e.g. ["pii"])',
        "golden.jsonl:18: request.messages[0].content must be text or a list of parts",
        "golden.jsonl:19: id must be a string or an integer",
    ]


def test_empty_files_and_other_encodings_are_refused() -> None:
    assert problems(b"\n\n") == ["golden.jsonl:1: the dataset has no items"]
    assert problems(lines({"id": "a", **CHAT}) + b"\xff\xfe\n") == [
        "golden.jsonl:2: the file is not UTF-8"
    ]


def test_a_byte_order_mark_is_accepted() -> None:
    assert len(parse_dataset(b"\xef\xbb\xbf" + lines(CHAT)).items) == 1


def test_a_byte_order_mark_does_not_shift_the_line_of_a_problem() -> None:
    assert problems(b"\xef\xbb\xbf" + lines({"id": "a", **CHAT}) + b"\xff\n") == [
        "golden.jsonl:2: the file is not UTF-8"
    ]


def test_written_datasets_read_back_the_same(tmp_path: Path) -> None:
    original = parse_dataset(
        lines(
            {"id": "a", **CHAT, "checks": [{"kind": "label", "labels": ["x", "y"]}]},
            {"id": "b", "protocol": "anthropic", **CHAT, "slices": {"t": "u"}},
            {"id": "c", **CHAT, "classifications": ["secret", "pii"]},
        )
    )
    path = tmp_path / "copy.jsonl"
    digest = write_dataset(original.items, path)
    copy = load_dataset(path)
    assert copy.items == original.items
    assert copy.sha256 == digest
    assert copy.source == str(path)


def test_the_error_message_lists_the_problems() -> None:
    with pytest.raises(DatasetError) as caught:
        parse_dataset(lines({"id": "x"}), "d.jsonl")
    assert str(caught.value) == (
        "d.jsonl: 1 problem(s)\n  d.jsonl:1: request.messages must be a non-empty list"
    )
