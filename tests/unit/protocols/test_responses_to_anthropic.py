"""Responses API clients served by an Anthropic Messages backend: requests, responses, streams.

Every Response body and stream event is validated against the published OpenAI API description
(tests/data/openai-openapi) and the streams against the lifecycle rules the SDKs rely on.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from anthropic.types.message_create_params import MessageCreateParamsNonStreaming
from openai.types.responses import Response
from pydantic import TypeAdapter

from bastion.protocols.responses import parse_create_response
from bastion.protocols.sse import SSEEvent
from bastion.protocols.translate import TranslationError
from bastion.protocols.translate.responses_to_anthropic import (
    DEFAULT_MAX_TOKENS,
    StreamTranslator,
    decode_thinking,
    encode_thinking,
    translate_error,
    translate_request,
    translate_response,
)
from tests.unit.protocols.responses_support import (
    Event,
    assert_valid,
    assert_valid_events,
    check_stream,
    parse_events,
)
from tests.unit.protocols.streams import fixture_bytes, fixture_json, replay

ANTHROPIC_PARAMS = TypeAdapter(MessageCreateParamsNonStreaming)
WEATHER = {
    "type": "function",
    "name": "get_weather",
    "description": "Weather for a city.",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    "strict": True,
}
THINKING = {"type": "thinking", "thinking": "Paris first.", "signature": "sig=="}


def translated(**fields: Any) -> dict[str, Any]:
    out = translate_request({"model": "alias", "input": "Hi", **fields}, "claude")
    ANTHROPIC_PARAMS.validate_python({k: v for k, v in out.items() if k != "stream"})
    return out


# --- requests -------------------------------------------------------------------------------


def test_minimal_request_has_the_default_max_tokens() -> None:
    assert translated() == {
        "model": "claude",
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}],
        "max_tokens": DEFAULT_MAX_TOKENS,
    }
    assert translated(max_output_tokens=64)["max_tokens"] == 64


def test_conversation_with_thinking_calls_and_results() -> None:
    items = [
        {"role": "developer", "content": "Use metric units."},
        {"role": "user", "content": "Weather in Paris and Rome?"},
        {"type": "reasoning", "id": "rs_1", "summary": [],
         "encrypted_content": encode_thinking(THINKING)},
        {"type": "reasoning", "id": "rs_2", "summary": [], "encrypted_content": "gAAAA-foreign"},
        {"type": "message", "role": "assistant",
         "content": [{"type": "output_text", "text": "Checking.", "annotations": []}]},
        {"type": "function_call", "call_id": "functions.get_weather:0", "name": "get_weather",
         "arguments": '{"city":"Paris"}'},
        {"type": "function_call", "call_id": "c2", "name": "get_weather", "arguments": ""},
        {"type": "function_call_output", "call_id": "functions.get_weather:0", "output": "18C"},
        {"type": "function_call_output", "call_id": "c2",
         "output": [{"type": "input_text", "text": "21C"}]},
        {"role": "user", "content": "Thanks"},
    ]  # fmt: skip
    out = translated(instructions="Be brief.", input=items, tools=[WEATHER])
    assert out["system"] == [
        {"type": "text", "text": "Be brief."},
        {"type": "text", "text": "Use metric units."},
    ]
    assert out["messages"] == [
        {"role": "user", "content": [{"type": "text", "text": "Weather in Paris and Rome?"}]},
        {"role": "assistant", "content": [
            THINKING,
            {"type": "text", "text": "Checking."},
            {"type": "tool_use", "id": "functions_get_weather_0", "name": "get_weather",
             "input": {"city": "Paris"}},
            {"type": "tool_use", "id": "c2", "name": "get_weather", "input": {}},
        ]},
        {"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": "functions_get_weather_0", "content": "18C"},
            {"type": "tool_result", "tool_use_id": "c2",
             "content": [{"type": "text", "text": "21C"}]},
            {"type": "text", "text": "Thanks"},
        ]},
    ]  # fmt: skip
    assert out["tools"] == [
        {
            "name": "get_weather",
            "input_schema": WEATHER["parameters"],
            "description": "Weather for a city.",
            "strict": True,
        }
    ]


def test_images_and_files() -> None:
    parts = [
        {"type": "input_image", "image_url": "data:image/png;base64,AA=="},
        {"type": "input_image", "image_url": "https://x.test/a.jpg"},
        {"type": "input_file", "file_data": "data:application/pdf;base64,AA==", "filename": "a"},
    ]
    content = translated(input=[{"role": "user", "content": parts}])["messages"][0]["content"]
    assert content == [
        {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "AA=="}},
        {"type": "image", "source": {"type": "url", "url": "https://x.test/a.jpg"}},
        {"type": "document", "source": {"type": "base64", "media_type": "application/pdf",
                                        "data": "AA=="}},
    ]  # fmt: skip


def test_parameters() -> None:
    out = translated(
        temperature=0.5,
        top_p=0.9,
        safety_identifier="u1",
        reasoning={"effort": "minimal"},
        text={"format": {"type": "json_schema", "name": "a", "schema": {"type": "object"}}},
        stream=True,
        metadata={"k": "v"},
        store=False,
    )
    assert out["temperature"] == 0.5
    assert out["top_p"] == 0.9
    assert out["metadata"] == {"user_id": "u1"}
    assert out["output_config"] == {
        "effort": "low",
        "format": {"type": "json_schema", "schema": {"type": "object"}},
    }
    assert out["stream"] is True


@pytest.mark.parametrize(
    ("choice", "parallel", "expected"),
    [
        ("auto", None, {"type": "auto"}),
        ("none", False, {"type": "none"}),
        ("required", False, {"type": "any", "disable_parallel_tool_use": True}),
        ({"type": "function", "name": "get_weather"}, None,
         {"type": "tool", "name": "get_weather"}),
        (None, False, {"type": "auto", "disable_parallel_tool_use": True}),
        ({"type": "allowed_tools", "mode": "required",
          "tools": [{"type": "function", "name": "get_weather"}]}, None, {"type": "any"}),
    ],
)  # fmt: skip
def test_tool_choice(choice: Any, parallel: Any, expected: Any) -> None:
    fields: dict[str, Any] = {"tools": [WEATHER]}
    if choice is not None:
        fields["tool_choice"] = choice
    if parallel is not None:
        fields["parallel_tool_calls"] = parallel
    assert translated(**fields)["tool_choice"] == expected


@pytest.mark.parametrize(
    ("fields", "param"),
    [
        ({"temperature": 1.5}, "temperature"),
        ({"text": {"format": {"type": "json_object"}}}, "text.format"),
        ({"previous_response_id": "resp_1"}, "previous_response_id"),
        ({"input": [{"type": "item_reference", "id": "msg_1"}]}, "input[0]"),
        ({"input": [{"type": "function_call", "call_id": "c", "name": "f", "arguments": "[1]"}]},
         "input[0].arguments"),
        ({"input": [{"role": "user", "content": [{"type": "input_image", "file_id": "f"}]}]},
         "input[0].content[0]"),
        ({"input": [{"role": "user", "content": [{"type": "input_image",
                                                  "image_url": "data:image/bmp;base64,AA=="}]}]},
         "input[0].content[0]"),
    ],
)  # fmt: skip
def test_untranslatable_requests(fields: dict[str, Any], param: str) -> None:
    with pytest.raises(TranslationError) as caught:
        translated(**fields)
    assert caught.value.param == param


def test_thinking_envelope() -> None:
    assert decode_thinking(encode_thinking(THINKING)) == THINKING
    redacted = {"type": "redacted_thinking", "data": "xyz"}
    assert decode_thinking(encode_thinking(redacted)) == redacted
    for other in (None, "", "gAAAA", "anthropic-thinking.v1:!!", "anthropic-thinking.v1:e30="):
        assert decode_thinking(other) is None


# --- responses ------------------------------------------------------------------------------


def whole(name: str, **fields: Any) -> dict[str, Any]:
    request = parse_create_response({"model": "alias", "input": "Hi", **fields})
    body = translate_response(fixture_json(name), "alias", request=request)
    assert_valid("Response", body)
    Response.model_validate(body)
    return body


def test_text_response() -> None:
    body = whole("anthropic/message_text.json")
    [message] = body["output"]
    text = fixture_json("anthropic/message_text.json")["content"][0]["text"]
    assert message["content"] == [
        {"type": "output_text", "text": text, "annotations": [], "logprobs": []}
    ]
    assert body["status"] == "completed"
    assert Response.model_validate(body).output_text == text


def test_tool_use_response() -> None:
    body = whole("anthropic/message_tool_use.json", tools=[WEATHER])
    kinds = [item["type"] for item in body["output"]]
    assert kinds == ["message", "function_call", "function_call"]
    call = body["output"][1]
    assert call["call_id"] == "toolu_01A09q90qw90lq917835lq9"
    assert orjson.loads(call["arguments"]) == {"location": "San Francisco, CA", "unit": "celsius"}
    assert body["usage"] == {
        "input_tokens": 472,
        "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
        "output_tokens": 121,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": 593,
    }


def test_thinking_response_hands_the_block_back() -> None:
    body = whole("anthropic/message_thinking.json")
    reasoning, message = body["output"]
    block = fixture_json("anthropic/message_thinking.json")["content"][0]
    assert reasoning["content"] == [{"type": "reasoning_text", "text": block["thinking"]}]
    assert decode_thinking(reasoning["encrypted_content"]) == block
    assert message["type"] == "message"
    # The reasoning item, sent back as input, becomes the same signed block.
    again = translated(input=[{"role": "user", "content": "Hi"}, reasoning])
    assert again["messages"][1] == {"role": "assistant", "content": [block]}


def test_max_tokens_is_incomplete() -> None:
    body = whole("anthropic/message_max_tokens.json")
    assert body["status"] == "incomplete"
    assert body["incomplete_details"] == {"reason": "max_output_tokens"}


def test_refusal_is_incomplete_with_content_filter() -> None:
    upstream = {"content": [{"type": "text", "text": "I can't."}], "stop_reason": "refusal"}
    body = translate_response(upstream, "alias")
    assert_valid("Response", body)
    assert body["incomplete_details"] == {"reason": "content_filter"}


def test_cache_usage() -> None:
    upstream = {
        "content": [],
        "stop_reason": "end_turn",
        "usage": {"input_tokens": 10, "cache_read_input_tokens": 100,
                  "cache_creation_input_tokens": 20, "output_tokens": 5},
    }  # fmt: skip
    usage = translate_response(upstream, "alias")["usage"]
    assert usage["input_tokens"] == 130
    assert usage["input_tokens_details"] == {"cached_tokens": 100, "cache_write_tokens": 20}
    assert usage["total_tokens"] == 135


def test_errors() -> None:
    overloaded = translate_error(529, fixture_json("anthropic/error_overloaded.json"))
    assert overloaded["error"]["code"] == "overloaded_error"
    too_long = translate_error(400, fixture_json("anthropic/error_prompt_too_long.json"))
    assert too_long["error"]["code"] == "context_length_exceeded"
    assert too_long["error"]["type"] == "invalid_request_error"


# --- streams --------------------------------------------------------------------------------


def streamed(name: str, size: int = 7, **fields: Any) -> tuple[list[Event], StreamTranslator]:
    request = parse_create_response({"model": "alias", "input": "Hi", "stream": True, **fields})
    translator = StreamTranslator("alias", include_usage=False, request=request)
    raw = replay(translator, fixture_bytes(name), upstream="anthropic", size=size)
    events = parse_events(raw)
    assert_valid_events(events)
    return events, translator


@pytest.mark.parametrize(
    "name",
    [
        "anthropic/stream_text.sse",
        "anthropic/stream_thinking.sse",
        "anthropic/stream_tool_use.sse",
        "anthropic/stream_stop_sequence.sse",
    ],
)
@pytest.mark.parametrize("size", [1, 64])
def test_streams_keep_the_lifecycle(name: str, size: int) -> None:
    events, translator = streamed(name, size)
    final = check_stream(events)
    Response.model_validate(final)
    assert translator.usage is not None
    assert final["usage"]["output_tokens"] == translator.usage.output_tokens


def test_tool_use_stream_event_by_event() -> None:
    events, translator = streamed("anthropic/stream_tool_use.sse", tools=[WEATHER])
    kinds = [kind for kind, _ in events]
    text_deltas = kinds.count("response.output_text.delta")
    call_deltas = [p for k, p in events if k == "response.function_call_arguments.delta"]
    first_call = kinds.index("response.output_item.added", 3)
    assert kinds[:first_call] == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        *["response.output_text.delta"] * text_deltas,
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
    ]
    assert kinds[-1] == "response.completed"
    final = events[-1][1]["response"]
    assert [item["type"] for item in final["output"]] == [
        "message",
        "function_call",
        "function_call",
    ]
    for index, item in enumerate(final["output"][1:], start=1):
        fragments = "".join(p["delta"] for p in call_deltas if p["output_index"] == index)
        assert fragments == item["arguments"]
        orjson.loads(item["arguments"])
    assert final["output"][1]["name"] == "get_weather"
    assert final["output"][2]["name"] == "get_time"
    assert translator.finish_reason == "completed"


def test_thinking_stream() -> None:
    events, _ = streamed("anthropic/stream_thinking.sse")
    final = check_stream(events)
    reasoning, message = final["output"]
    assert reasoning["content"][0]["text"] == "27 * 453 = 10800 + 1431 = 12231."
    block = decode_thinking(reasoning["encrypted_content"])
    assert block is not None
    assert block["signature"].startswith("EqQB")
    assert message["content"][0]["text"].endswith("12,231")
    kinds = [kind for kind, _ in events]
    assert kinds.count("response.reasoning_text.delta") == 2
    assert "response.reasoning_text.done" in kinds


def test_overloaded_stream_fails() -> None:
    events, translator = streamed("anthropic/stream_overloaded.sse")
    kind, payload = events[-1]
    assert kind == "response.failed"
    assert payload["response"]["error"]["code"] == "server_error"
    assert translator.finish() == []


def sse(kind: str, payload: dict[str, Any]) -> SSEEvent:
    return SSEEvent(kind, orjson.dumps({"type": kind, **payload}).decode())


def test_calls_without_arguments_and_redacted_thinking() -> None:
    translator = StreamTranslator("alias")
    upstream = [
        sse("message_start", {"message": {"usage": {"input_tokens": 5}}}),
        sse("content_block_start", {"index": 0, "content_block": {"type": "redacted_thinking",
                                                                  "data": "abc"}}),
        sse("content_block_stop", {"index": 0}),
        sse("content_block_start", {"index": 1, "content_block": {"type": "tool_use", "id": "t1",
                                                                  "name": "now", "input": {}}}),
        sse("content_block_stop", {"index": 1}),
        sse("message_delta", {"delta": {"stop_reason": "max_tokens"},
                              "usage": {"output_tokens": 3}}),
        sse("message_stop", {}),
    ]  # fmt: skip
    out: list[bytes] = []
    for event in upstream:
        out.extend(translator.feed(event))
    out.extend(translator.finish())
    events = parse_events(b"".join(out))
    assert_valid_events(events)
    final = check_stream(events)
    assert events[-1][0] == "response.incomplete"
    assert translator.finish_reason == "max_output_tokens"
    redacted, call = final["output"]
    assert decode_thinking(redacted["encrypted_content"]) == {
        "type": "redacted_thinking",
        "data": "abc",
    }
    assert "content" not in redacted
    assert call["arguments"] == "{}"
    assert final["usage"]["output_tokens"] == 3


def test_cut_stream_fails() -> None:
    raw = fixture_bytes("anthropic/stream_text.sse")
    translator = StreamTranslator("alias")
    cut = parse_events(replay(translator, raw, upstream="anthropic", cut_at=len(raw) // 2))
    assert_valid_events(cut)
    check_stream(cut)
    assert cut[-1][0] == "response.failed"
    assert translator.error_events("again", "api_error") == []
