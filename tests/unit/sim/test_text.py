from __future__ import annotations

import random

import orjson
import pytest

from bastion.sim import tokenizer
from bastion.sim.prompt import render_chat, render_completion_prompt
from bastion.sim.schema_values import json_document
from bastion.sim.textgen import ScriptedOutput, TextOutput, request_rng


@pytest.mark.parametrize(
    "text",
    ["Hello, world!", "  two  spaces\nand\ttabs ", "snake_case_name = 42;", "naïve café", ""],
)
def test_pieces_join_back_to_the_text(text: str) -> None:
    assert "".join(tokenizer.pieces(text)) == text


def test_short_words_are_one_token_and_long_words_about_four_chars_each() -> None:
    assert tokenizer.pieces("The cat sat.") == ["The", " cat", " sat", "."]
    assert tokenizer.count(" internationalization") == 5  # 20 letters: ceil(20 / 4)
    assert tokenizer.encode("same text") == tokenizer.encode("same text")


def test_chat_prompts_count_role_overhead() -> None:
    one = render_chat([{"role": "user", "content": "Hi"}], None)
    two = render_chat(
        [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}], None
    )
    assert len(one) == 8  # 4 for the message, 1 for "Hi", 3 for the assistant turn to come
    assert len(two) == len(one) + 4 + tokenizer.count("Be brief.")
    assert two[-len(one) :] == one
    tools = [{"type": "function", "function": {"name": "lookup"}}]
    assert len(render_chat([{"role": "user", "content": "Hi"}], tools)) > len(one)
    parts = [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]
    assert render_chat(parts, None) == one


def test_completion_prompts_get_a_bos_token_unless_given_as_ids() -> None:
    assert len(render_completion_prompt("Once upon a time")) == 5
    assert render_completion_prompt([5, 6, 7]) == [5, 6, 7]


def _drain(output: TextOutput, limit: int) -> tuple[str, int, str | None]:
    text, count = "", 0
    for _ in range(limit):
        sampled = output.next_token()
        text, count = text + sampled.text, count + 1
        if sampled.finish:
            return text, count, sampled.finish
    return text + output.flush(), count, None


def test_every_generated_piece_is_exactly_one_token() -> None:
    text, count, finish = _drain(TextOutput(random.Random(3), 400), 1000)
    assert finish == "stop"
    assert count == 400
    assert tokenizer.count(text) == count
    assert text[0].isupper() and text.endswith(".")


def test_stop_strings_are_held_back_and_cut_out() -> None:
    full, _, _ = _drain(TextOutput(random.Random(5), None), 60)
    stop = full[40:47]
    output = TextOutput(random.Random(5), None, stop=[stop])
    released = ""
    while True:
        sampled = output.next_token()
        assert stop not in released + sampled.text
        released += sampled.text
        if sampled.finish:
            break
    assert sampled.finish == "stop"
    assert released == full[: full.index(stop)]


def test_json_documents_follow_the_schema() -> None:
    schema = {
        "type": "object",
        "properties": {
            "city": {"type": "string"},
            "days": {"type": "integer", "minimum": 1, "maximum": 7},
            "unit": {"enum": ["C", "F"]},
            "tags": {"type": "array", "items": {"type": "string"}},
            "nested": {"type": "object", "properties": {"ok": {"type": "boolean"}}},
        },
    }
    value = orjson.loads(json_document(random.Random(1), schema))
    assert set(value) == {"city", "days", "unit", "tags", "nested"}
    assert isinstance(value["city"], str)
    assert 1 <= value["days"] <= 7
    assert value["unit"] in {"C", "F"}
    assert isinstance(value["tags"], list)
    assert isinstance(value["nested"]["ok"], bool)
    assert isinstance(orjson.loads(json_document(random.Random(1), None)), dict)


def test_scripted_tool_calls_open_with_one_marker_token() -> None:
    pieces = tokenizer.pieces('{"q":"x"}')
    output = ScriptedOutput(pieces, "tool_calls", tool_call=True)
    sampled = [output.next_token() for _ in range(len(pieces) + 1)]
    assert sampled[0].text == ""
    assert "".join(s.text for s in sampled) == '{"q":"x"}'
    assert [s.finish for s in sampled][-2:] == [None, "tool_calls"]


def test_request_rngs_depend_on_every_input() -> None:
    def draw(*args: object) -> float:
        return request_rng(*args).random()  # type: ignore[arg-type]

    base = draw(0, None, [1, 2, 3], 0)
    assert base == draw(0, None, [1, 2, 3], 0)
    assert len({base, draw(1, None, [1, 2, 3], 0), draw(0, 7, [1, 2, 3], 0),
                draw(0, None, [1, 2, 4], 0), draw(0, None, [1, 2, 3], 1)}) == 5  # fmt: skip
