"""The exchanges serving Responses API clients: translated to chat or Anthropic, or passed."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from bastion.protocols.responses.exchange import (
    ResponsesPassthrough,
    ResponsesToAnthropic,
    ResponsesToChat,
)
from bastion.protocols.sse import SSEEvent
from bastion.protocols.translate import responses_to_anthropic, responses_to_openai_chat
from tests.unit.protocols.responses_support import assert_valid_events, check_stream, parse_events
from tests.unit.protocols.streams import JUNK, fixture_bytes, fixture_json, replay

REQUEST: dict[str, Any] = {
    "model": "alias",
    "input": "Hi",
    "instructions": "Be brief.",
    "text": {"verbosity": "low"},
    "truncation": "auto",
    "include": ["message.output_text.logprobs", "reasoning.encrypted_content"],
    "client_metadata": {"x": 1},
}


def test_to_chat() -> None:
    exchange = ResponsesToChat(max_tokens_field="max_completion_tokens")
    body, dropped = exchange.upstream_request(
        {**REQUEST, "max_output_tokens": 50}, "qwen", stream=False, local=True
    )
    assert body["messages"][0] == {"role": "system", "content": "Be brief."}
    assert body["max_completion_tokens"] == 50
    assert dropped == [
        "client_metadata",
        "truncation",
        "text.verbosity",
        "include:message.output_text.logprobs",
    ]
    answer = exchange.answer(fixture_json("openai/chat_text_vllm.json"), "alias", REQUEST)
    assert answer["instructions"] == "Be brief."
    assert answer["truncation"] == "auto"
    assert exchange.usage_of(fixture_json("openai/chat_text_vllm.json")) is not None
    translator = exchange.answer_stream("alias", include_usage=False, request=REQUEST)
    events = parse_events(
        replay(translator, fixture_bytes("openai/stream_text_openai.sse"), upstream="openai")
    )
    assert check_stream(events)["instructions"] == "Be brief."
    # A request that cannot be parsed any more still gets an answer (with default echoes).
    assert exchange.answer(fixture_json("openai/chat_text_vllm.json"), "alias", {})["tools"] == []


def test_to_anthropic() -> None:
    exchange = ResponsesToAnthropic()
    body, _ = exchange.upstream_request(REQUEST, "claude", stream=True, local=False)
    assert body["system"] == [{"type": "text", "text": "Be brief."}]
    answer = exchange.answer(fixture_json("anthropic/message_text.json"), "alias", REQUEST)
    assert answer["object"] == "response"
    translator = exchange.answer_stream("alias", include_usage=False, request=REQUEST)
    raw = replay(translator, fixture_bytes("anthropic/stream_text.sse"), upstream="anthropic")
    assert check_stream(parse_events(raw))["status"] == "completed"
    assert exchange.client_error(529, fixture_json("anthropic/error_overloaded.json"))["error"]


def native(kind: str, sequence: int, **fields: Any) -> SSEEvent:
    payload = {"type": kind, "sequence_number": sequence, **fields}
    return SSEEvent(kind, orjson.dumps(payload).decode())


def test_passthrough() -> None:
    exchange = ResponsesPassthrough()
    assert exchange.upstream_body(REQUEST, "openai/gpt-oss-20b", stream=True)["model"] == (
        "openai/gpt-oss-20b"
    )
    snapshot = {"id": "resp_1", "object": "response", "model": "openai/gpt-oss-20b"}
    usage = {"input_tokens": 9, "input_tokens_details": {"cached_tokens": 4}, "output_tokens": 2}
    translator = exchange.stream_translator("alias", include_usage=False)
    first = translator.feed(native("response.created", 0, response=snapshot))
    assert b'"model":"alias"' in first[0]
    end = native("response.completed", 1, response={**snapshot, "usage": usage})
    assert exchange.is_end(end)
    assert not exchange.is_end(native("response.output_text.delta", 1, delta="x"))
    assert exchange.is_content(native("response.output_text.delta", 1, delta="x"))
    translator.feed(end)
    assert translator.usage is not None
    assert (translator.usage.input_tokens, translator.usage.cached_input_tokens) == (9, 4)
    assert translator.finish_reason == "completed"
    assert translator.error_events("late", "server_error") == []
    cut = exchange.stream_translator("alias", include_usage=False)
    cut.feed(native("response.created", 0, response=snapshot))
    events = parse_events(b"".join(cut.error_events("Backend closed the stream.", "server_error")))
    assert_valid_events(events)
    assert events[0][1]["sequence_number"] == 1
    assert exchange.usage_of({"usage": usage}) is not None
    whole = exchange.client_body({**snapshot, "usage": usage}, "alias")
    assert whole["model"] == "alias"
    assert exchange.upstream_path == "/responses"


def test_passthrough_keeps_storage_to_the_gateway() -> None:
    """The engine is told to store nothing; the client sees ``store`` as it asked."""
    exchange = ResponsesPassthrough()
    assert exchange.upstream_body({**REQUEST, "store": True}, "m", stream=False)["store"] is False
    engine = {"id": "resp_1", "model": "m", "store": False}
    assert exchange.answer(dict(engine), "alias", {"store": True})["store"] is True
    assert exchange.answer(dict(engine), "alias", {})["store"] is True
    assert exchange.answer(dict(engine), "alias", {"store": False})["store"] is False
    for asked in (True, False):
        stream = exchange.answer_stream("alias", include_usage=False, request={"store": asked})
        (out,) = stream.feed(native("response.created", 0, response=dict(engine)))
        assert f'"store":{str(asked).lower()}'.encode() in out


@pytest.mark.parametrize("junk", JUNK)
def test_junk_upstream_never_breaks_a_stream(junk: Any) -> None:
    chat = responses_to_openai_chat.StreamTranslator("alias")
    anthropic = responses_to_anthropic.StreamTranslator("alias")
    out: list[bytes] = []
    shapes = [
        {"choices": [{"index": 0, "delta": {"content": junk, "refusal": junk,
                                            "reasoning": junk, "tool_calls": junk}}]},
        {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": junk,
                                                            "function": junk}]}}]},
        {"choices": junk, "usage": junk},
    ]  # fmt: skip
    for shape in shapes:
        out.extend(chat.feed(SSEEvent(None, orjson.dumps(shape).decode())))
    out.extend(chat.feed(SSEEvent(None, "[DONE]")))
    check_stream(parse_events(b"".join(out)))
    out = []
    for kind, shape in [
        ("message_start", {"message": junk}),
        ("content_block_start", {"index": 0, "content_block": junk}),
        ("content_block_start", {"index": 1, "content_block": {"type": "text", "text": junk}}),
        ("content_block_delta", {"index": 1, "delta": {"type": "text_delta", "text": junk}}),
        ("content_block_delta", {"index": junk, "delta": junk}),
        ("content_block_stop", {"index": junk}),
        ("message_delta", {"delta": junk, "usage": junk}),
        ("message_stop", {}),
    ]:
        out.extend(anthropic.feed(SSEEvent(kind, orjson.dumps({"type": kind, **shape}).decode())))
    check_stream(parse_events(b"".join(out)))


@pytest.mark.parametrize("junk", JUNK)
def test_junk_upstream_bodies_still_answer(junk: Any) -> None:
    chat = {"choices": [{"message": {"content": junk, "tool_calls": junk, "refusal": junk}}]}
    assert responses_to_openai_chat.translate_response(chat, "alias")["object"] == "response"
    anthropic = {"content": junk, "usage": junk, "stop_reason": junk}
    assert responses_to_anthropic.translate_response(anthropic, "alias")["object"] == "response"
    blocks = {"content": [junk, {"type": "tool_use", "input": junk, "name": junk}]}
    assert responses_to_anthropic.translate_response(blocks, "alias")["status"] == "completed"
