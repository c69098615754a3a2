"""Admission estimates reserve the output of every choice a request asks for."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from bastion.admission.estimate import MAX_ESTIMATE, choices, estimate_split, estimate_tokens
from bastion.protocols.operations import Operation

HI = [{"role": "user", "content": "hi"}]


def split(operation: Operation, body: dict[str, Any], default: int = 256) -> tuple[int, int]:
    return estimate_split(operation, body, orjson.dumps(body), default)


@pytest.mark.parametrize(
    ("operation", "body", "output"),
    [
        # The request: 40 choices of up to 100 tokens each.
        (Operation.CHAT, {"messages": HI, "n": 40, "max_tokens": 100}, 4000),
        (Operation.CHAT, {"messages": HI, "n": 3, "max_completion_tokens": 50}, 150),
        (Operation.CHAT, {"messages": HI, "n": 4}, 4 * 256),  # the default, per choice
        (Operation.CHAT, {"messages": HI, "n": 1, "max_tokens": 100}, 100),
        (Operation.CHAT, {"messages": HI, "n": None, "max_tokens": 100}, 100),
        (Operation.COMPLETIONS, {"prompt": "Hi", "n": 5, "max_tokens": 10}, 50),
        # best_of completions are generated, n of them returned: best_of is what runs.
        (Operation.COMPLETIONS, {"prompt": "Hi", "n": 2, "best_of": 6, "max_tokens": 10}, 60),
        (Operation.COMPLETIONS, {"prompt": "Hi", "best_of": 3, "max_tokens": 10}, 30),
        # A batch of prompts: every prompt gets its choices.
        (Operation.COMPLETIONS, {"prompt": ["a", "b", "c"], "n": 2, "max_tokens": 10}, 60),
        (Operation.COMPLETIONS, {"prompt": [[1, 2], [3]], "max_tokens": 10}, 20),
        (Operation.COMPLETIONS, {"prompt": [1, 2, 3], "n": 2, "max_tokens": 10}, 20),
        # Protocols without choices.
        (Operation.MESSAGES, {"messages": HI, "n": 40, "max_tokens": 100}, 100),
        (Operation.RESPONSES, {"input": "hi", "n": 40, "max_output_tokens": 100}, 100),
        (Operation.EMBEDDINGS, {"input": ["a", "b"], "n": 40}, 0),
    ],
)
def test_the_output_reserved_covers_every_choice(
    operation: Operation, body: dict[str, Any], output: int
) -> None:
    prompt, reserved = split(operation, body)
    assert reserved == output
    assert prompt == len(orjson.dumps(body)) // 4, "the prompt is read once, whatever n is"
    assert estimate_tokens(operation, body, orjson.dumps(body), 256) == prompt + output


def test_choices_are_the_sequences_an_engine_runs() -> None:
    assert choices(Operation.CHAT, {"n": 40}) == 40
    assert choices(Operation.CHAT, {"n": "40"}) == 1  # parse refuses it before
    assert choices(Operation.COMPLETIONS, {"prompt": ["a", "b"], "n": 2, "best_of": 3}) == 6
    assert choices(Operation.MESSAGES, {"n": 4}) == 1
    assert choices(Operation.CHAT, None) == 1


def test_an_absurd_request_reserves_a_bounded_whole_number() -> None:
    body = {"messages": HI, "n": 2**62, "max_tokens": 2**62}
    assert split(Operation.CHAT, body)[1] == MAX_ESTIMATE
