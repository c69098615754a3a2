"""Which answers are stored: a hit replays the text alone, so nothing else a client may read
(log probabilities, reasoning, annotations, citations) may be silently dropped."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from bastion.cache import CachedResponse
from bastion.cache.capture import StreamCapture

LOGPROBS = {"content": [{"token": "Paris", "logprob": -0.01, "bytes": None, "top_logprobs": []}]}


def chat(message: dict[str, Any], logprobs: Any = None) -> dict[str, Any]:
    choice = {"index": 0, "message": {"role": "assistant", **message}, "finish_reason": "stop",
              "logprobs": logprobs}  # fmt: skip
    return {"model": "m", "choices": [choice], "usage": {"prompt_tokens": 3}}


def test_plain_text_is_stored_with_the_empty_fields_engines_send() -> None:
    vllm = chat({"content": "Paris.", "reasoning_content": None, "tool_calls": []})
    openai = chat({"content": "Paris.", "refusal": None, "annotations": []})
    for body in (vllm, openai):
        entry = CachedResponse.from_openai_chat(body)
        assert entry is not None and entry.text == "Paris."


@pytest.mark.parametrize(
    "body",
    [
        chat({"content": "Paris."}, logprobs=LOGPROBS),
        chat({"content": "Paris.", "reasoning_content": "It is Paris."}),
        chat({"content": "Paris.", "reasoning": "It is Paris."}),
        chat({"content": "Paris.", "annotations": [{"type": "url_citation"}]}),
        chat({"content": None, "tool_calls": [{"id": "c", "type": "function"}]}),
    ],
    ids=["logprobs", "reasoning_content", "reasoning", "annotations", "tool_calls"],
)
def test_answers_carrying_more_than_text_are_not_stored(body: dict[str, Any]) -> None:
    assert CachedResponse.from_openai_chat(body) is None


def test_anthropic_text_with_citations_is_not_stored() -> None:
    def message(block: dict[str, Any]) -> dict[str, Any]:
        return {"model": "m", "content": [block], "stop_reason": "end_turn", "usage": {}}

    assert CachedResponse.from_anthropic_messages(message({"type": "text", "text": "Hi"}))
    plain = {"type": "text", "text": "Hi", "citations": None}
    assert CachedResponse.from_anthropic_messages(message(plain))
    cited = {"type": "text", "text": "Hi", "citations": [{"type": "char_location"}]}
    assert CachedResponse.from_anthropic_messages(message(cited)) is None


def captured(*deltas: tuple[dict[str, Any], Any]) -> dict[str, Any] | None:
    capture = StreamCapture(1 << 16)
    for delta, logprobs in (*deltas, ({}, None)):
        finish = None if delta else "stop"
        choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": logprobs}
        capture.add(b"data: " + orjson.dumps({"model": "m", "choices": [choice]}) + b"\n\n")
    capture.add(b"data: [DONE]\n\n")
    return capture.answer_of(False, None)


def test_a_stream_with_logprobs_or_reasoning_is_not_stored() -> None:
    plain = captured(({"role": "assistant", "content": ""}, None), ({"content": "Paris."}, None))
    assert plain is not None and plain["choices"][0]["message"]["content"] == "Paris."
    assert captured(({"content": "Paris.", "reasoning_content": None}, None)) is not None
    assert captured(({"content": "Paris."}, LOGPROBS)) is None
    assert captured(({"reasoning_content": "It is Paris."}, None), ({"content": "P"}, None)) is None
    assert captured(({"reasoning": "It is Paris."}, None), ({"content": "P"}, None)) is None
