"""Responses API clients served by a chat completions backend: requests, responses, streams.

Every Response body and stream event is validated against the published OpenAI API description
(tests/data/openai-openapi) and the streams against the lifecycle rules the SDKs rely on.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from openai.types.chat import ChatCompletionMessageParam
from openai.types.responses import Response
from pydantic import TypeAdapter

from bastion.protocols.errors import GatewayError
from bastion.protocols.responses import parse_create_response, with_history
from bastion.protocols.responses.request import FunctionCall, Message, OutputText
from bastion.protocols.sse import SSEEvent
from bastion.protocols.translate import TranslationError
from bastion.protocols.translate.responses_to_openai_chat import (
    StreamTranslator,
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

MESSAGES = TypeAdapter(list[ChatCompletionMessageParam])
WEATHER = {
    "type": "function",
    "name": "get_weather",
    "description": "Weather for a city.",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    "strict": True,
}


def translated(**fields: Any) -> dict[str, Any]:
    body = {"model": "alias", "input": "Hi", **fields}
    out = translate_request(body, "qwen3")
    MESSAGES.validate_python(out["messages"])
    return out


# --- requests -------------------------------------------------------------------------------


def test_minimal_request() -> None:
    assert translated() == {"model": "qwen3", "messages": [{"role": "user", "content": "Hi"}]}


def test_conversation_with_calls_and_outputs() -> None:
    items = [
        {"role": "system", "content": "Use metric units."},
        {"role": "user", "content": [{"type": "input_text", "text": "Weather in Paris and Rome?"}]},
        {"type": "reasoning", "id": "rs_1", "summary": []},
        {"type": "message", "role": "assistant",
         "content": [{"type": "output_text", "text": "Checking.", "annotations": []}]},
        {"type": "function_call", "call_id": "c1", "name": "get_weather",
         "arguments": '{"city":"Paris"}'},
        {"type": "function_call", "call_id": "c2", "name": "get_weather",
         "arguments": '{"city":"Rome"}'},
        {"type": "function_call_output", "call_id": "c1", "output": "18C"},
        {"type": "function_call_output", "call_id": "c2",
         "output": [{"type": "input_text", "text": "21C"},
                    {"type": "input_image", "image_url": "https://x.test/rome.png"}]},
        {"role": "user", "content": "Thanks"},
    ]  # fmt: skip
    out = translated(instructions="Be brief.", input=items, tools=[WEATHER])
    assert out["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "system", "content": "Use metric units."},
        {"role": "user", "content": "Weather in Paris and Rome?"},
        {
            "role": "assistant",
            "content": "Checking.",
            "tool_calls": [
                {"id": "c1", "type": "function",
                 "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'}},
                {"id": "c2", "type": "function",
                 "function": {"name": "get_weather", "arguments": '{"city":"Rome"}'}},
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "content": "18C"},
        {"role": "tool", "tool_call_id": "c2", "content": "21C"},
        {"role": "user", "content": [
            {"type": "image_url", "image_url": {"url": "https://x.test/rome.png", "detail": "auto"}}
        ]},
        {"role": "user", "content": "Thanks"},
    ]  # fmt: skip


def test_function_calls_without_text_open_an_assistant_message() -> None:
    items = [
        {"role": "user", "content": "Go"},
        {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "c1", "output": "ok"},
        {"type": "function_call", "call_id": "c2", "name": "f", "arguments": "{}"},
    ]
    messages = translated(input=items)["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant", "tool", "assistant"]
    assert messages[1]["content"] is None
    assert [c["id"] for c in messages[3]["tool_calls"]] == ["c2"]


def test_user_parts() -> None:
    parts = [
        {"type": "input_text", "text": "Compare"},
        {"type": "input_image", "image_url": "data:image/png;base64,AA==", "detail": "original"},
        {
            "type": "input_file",
            "file_data": "data:application/pdf;base64,AA==",
            "filename": "a.pdf",
        },
    ]
    out = translated(input=[{"role": "user", "content": parts}])
    assert out["messages"][0]["content"] == [
        {"type": "text", "text": "Compare"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AA==", "detail": "high"}},
        {"type": "file", "file": {"file_data": "data:application/pdf;base64,AA==",
                                  "filename": "a.pdf"}},
    ]  # fmt: skip


def test_parameters() -> None:
    out = translated(
        max_output_tokens=300,
        temperature=0.3,
        top_p=0.8,
        user="u1",
        reasoning={"effort": "high"},
        metadata={"a": "b"},
        store=False,
        include=["reasoning.encrypted_content"],
        text={"format": {"type": "json_schema", "name": "answer", "strict": True,
                         "schema": {"type": "object"}, "description": "d"}},
        stream=True,
    )  # fmt: skip
    assert out == {
        "model": "qwen3",
        "messages": [{"role": "user", "content": "Hi"}],
        "max_tokens": 300,
        "temperature": 0.3,
        "top_p": 0.8,
        "user": "u1",
        "reasoning_effort": "high",
        "response_format": {
            "type": "json_schema",
            "json_schema": {
                "name": "answer",
                "schema": {"type": "object"},
                "strict": True,
                "description": "d",
            },
        },
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    body = {"model": "a", "input": "x", "max_output_tokens": 9}
    assert translate_request(body, "o", max_tokens_field="max_completion_tokens") == {
        "model": "o",
        "messages": [{"role": "user", "content": "x"}],
        "max_completion_tokens": 9,
    }
    assert translated(text={"format": {"type": "json_object"}})["response_format"] == {
        "type": "json_object"
    }
    assert "response_format" not in translated(text={"format": {"type": "text"}})


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("auto", "auto"),
        ("none", "none"),
        ("required", "required"),
        ({"type": "function", "name": "get_weather"},
         {"type": "function", "function": {"name": "get_weather"}}),
    ],
)  # fmt: skip
def test_tools_and_tool_choice(choice: Any, expected: Any) -> None:
    out = translated(tools=[WEATHER], tool_choice=choice, parallel_tool_calls=False)
    assert out["tools"] == [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "Weather for a city.",
                "parameters": WEATHER["parameters"],
                "strict": True,
            },
        }
    ]
    assert out["tool_choice"] == expected
    assert out["parallel_tool_calls"] is False


def test_allowed_tools_offer_only_those() -> None:
    other = {"type": "function", "name": "get_time"}
    choice = {
        "type": "allowed_tools",
        "mode": "required",
        "tools": [{"type": "function", "name": "get_time"}],
    }
    out = translated(tools=[WEATHER, other], tool_choice=choice)
    assert [t["function"]["name"] for t in out["tools"]] == ["get_time"]
    assert out["tools"][0]["function"]["parameters"] == {"type": "object", "properties": {}}
    assert out["tool_choice"] == "required"


def test_history_of_a_previous_response() -> None:
    body = {
        "model": "m",
        "previous_response_id": "resp_1",
        "input": [{"type": "function_call_output", "call_id": "c1", "output": "ok"}],
    }
    with pytest.raises(TranslationError) as caught:
        translate_request(body, "up")
    assert caught.value.param == "previous_response_id"
    history = [Message("assistant", (OutputText("Let me see."),)), FunctionCall("c1", "f", "{}")]
    request = with_history(parse_create_response(body), history)
    assert translate_request(request, "up")["messages"] == [
        {"role": "assistant", "content": "Let me see.", "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "ok"},
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("items", "param"),
    [
        ([{"type": "item_reference", "id": "msg_1"}], "input[0]"),
        ([{"role": "user", "content": [{"type": "input_image", "file_id": "file-1"}]}],
         "input[0].content[0]"),
        ([{"role": "user", "content": [{"type": "input_file", "file_url": "https://x/a.pdf"}]}],
         "input[0].content[0]"),
        ([{"role": "system", "content": [{"type": "input_image", "image_url": "https://x"}]}],
         "input[0].content"),
    ],
)  # fmt: skip
def test_untranslatable_input(items: list[Any], param: str) -> None:
    with pytest.raises(TranslationError) as caught:
        translated(input=items)
    assert caught.value.param == param


def test_invalid_requests_raise_the_gateway_400() -> None:
    with pytest.raises(GatewayError) as caught:
        translated(tools=[{"type": "web_search"}])
    assert caught.value.status == 400
    assert "'web_search'" in caught.value.message


# --- responses ------------------------------------------------------------------------------


def whole(name: str, **fields: Any) -> dict[str, Any]:
    request = parse_create_response({"model": "alias", "input": "Hi", **fields})
    body = translate_response(fixture_json(name), "alias", request=request)
    assert_valid("Response", body)
    Response.model_validate(body)
    return body


def test_text_response() -> None:
    body = whole("openai/chat_text_vllm.json", instructions="Be brief.", temperature=0.5)
    assert body["id"].startswith("resp_")
    assert body["object"] == "response"
    assert body["status"] == "completed"
    assert body["model"] == "alias"
    assert body["instructions"] == "Be brief."
    assert body["temperature"] == 0.5
    [message] = body["output"]
    assert message["id"].startswith("msg_")
    assert message["status"] == "completed"
    assert message["content"][0]["type"] == "output_text"
    upstream = fixture_json("openai/chat_text_vllm.json")
    assert message["content"][0]["text"] == upstream["choices"][0]["message"]["content"]
    usage = upstream["usage"]
    assert body["usage"]["input_tokens"] == usage["prompt_tokens"]
    assert body["usage"]["output_tokens"] == usage["completion_tokens"]
    assert body["usage"]["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
    assert Response.model_validate(body).output_text == message["content"][0]["text"]


def test_tool_call_response() -> None:
    body = whole("openai/chat_tool_calls.json", tools=[WEATHER])
    upstream = fixture_json("openai/chat_tool_calls.json")["choices"][0]["message"]["tool_calls"]
    calls = [item for item in body["output"] if item["type"] == "function_call"]
    assert [(c["call_id"], c["name"], c["arguments"]) for c in calls] == [
        (u["id"], u["function"]["name"], u["function"]["arguments"]) for u in upstream
    ]
    assert all(c["id"].startswith("fc_") and c["status"] == "completed" for c in calls)
    assert body["tools"][0]["name"] == "get_weather"
    usage = fixture_json("openai/chat_tool_calls.json")["usage"]
    cached = usage.get("prompt_tokens_details", {}).get("cached_tokens", 0)
    assert body["usage"]["input_tokens_details"]["cached_tokens"] == cached


def test_the_response_repeats_strict_as_applied_and_max_tool_calls() -> None:
    """An omitted strict is not strict here (unlike OpenAI's Responses API, see
    docs/responses-api.md): repeated as false, never null; sent values as sent."""
    loose = {key: value for key, value in WEATHER.items() if key != "strict"}
    relaxed = {**loose, "name": "get_time", "strict": False}
    body = whole(
        "openai/chat_tool_calls.json", tools=[WEATHER, loose | {"name": "x"}, relaxed],
        max_tool_calls=2,
    )  # fmt: skip
    assert [tool["strict"] for tool in body["tools"]] == [True, False, False]
    assert body["max_tool_calls"] == 2
    sent = translated(tools=[loose])["tools"][0]["function"]
    assert "strict" not in sent, "the engine's own (chat) default: not strict"


def test_length_is_incomplete() -> None:
    body = whole("openai/chat_length.json", max_output_tokens=16)
    assert body["status"] == "incomplete"
    assert body["incomplete_details"] == {"reason": "max_output_tokens"}
    assert body["output"][0]["status"] == "incomplete"
    assert body["completed_at"] is None
    assert body["max_output_tokens"] == 16


def test_reasoning_becomes_a_reasoning_item() -> None:
    body = whole("openai/chat_reasoning_vllm.json")
    reasoning, message = body["output"]
    assert reasoning["type"] == "reasoning"
    assert reasoning["id"].startswith("rs_")
    assert reasoning["content"][0]["text"].startswith("27 * 453")
    assert message["content"][0]["text"] == "27 \N{MULTIPLICATION SIGN} 453 = 12,231"


def test_refusal_and_content_filter() -> None:
    upstream = {
        "id": "x",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": None, "refusal": "I can't."},
                "finish_reason": "content_filter",
            }
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5,
                  "completion_tokens_details": {"reasoning_tokens": 1}},
    }  # fmt: skip
    body = translate_response(upstream, "alias")
    assert_valid("Response", body)
    assert body["status"] == "incomplete"
    assert body["incomplete_details"] == {"reason": "content_filter"}
    assert body["output"][0]["content"] == [{"type": "refusal", "refusal": "I can't."}]
    assert body["usage"]["output_tokens_details"] == {"reasoning_tokens": 1}


@pytest.mark.parametrize("junk", [{}, {"choices": 1}, {"choices": [None]}, {"usage": "x"}])
def test_junk_upstream_bodies_degrade(junk: dict[str, Any]) -> None:
    body = translate_response(junk, "alias")
    assert_valid("Response", body)
    assert body["output"] == []


def test_errors() -> None:
    error = translate_error(500, fixture_json("openai/error_vllm.json"))
    assert error["error"]["type"] == "server_error"
    assert isinstance(error["error"]["message"], str)
    assert translate_error(502, None)["error"]["message"] == "upstream answered HTTP 502"
    context = translate_error(400, fixture_json("openai/error_openai_context.json"))
    assert context["error"]["code"] == "context_length_exceeded"


# --- streams --------------------------------------------------------------------------------


def streamed(name: str, size: int = 7, **fields: Any) -> tuple[list[Event], StreamTranslator]:
    request = parse_create_response({"model": "alias", "input": "Hi", "stream": True, **fields})
    translator = StreamTranslator("alias", include_usage=False, request=request)
    events = parse_events(replay(translator, fixture_bytes(name), upstream="openai", size=size))
    assert_valid_events(events)
    return events, translator


STREAMS = [
    "openai/stream_text_openai.sse",
    "openai/stream_tool_calls_openai.sse",
    "openai/stream_tool_calls_vllm.sse",
    "openai/stream_tool_call_ollama.sse",
    "openai/stream_reasoning_vllm.sse",
    "openai/stream_stop_sequence_vllm.sse",
]


@pytest.mark.parametrize("name", STREAMS)
@pytest.mark.parametrize("size", [1, 64])
def test_streams_keep_the_lifecycle(name: str, size: int) -> None:
    events, translator = streamed(name, size)
    final = check_stream(events)
    assert final["status"] == "completed"
    Response.model_validate(final)
    assert translator.usage is not None
    assert final["usage"]["input_tokens"] == translator.usage.input_tokens


def test_text_stream_event_by_event() -> None:
    events, translator = streamed("openai/stream_text_openai.sse")
    kinds = [kind for kind, _ in events]
    deltas = kinds.count("response.output_text.delta")
    assert kinds == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        *["response.output_text.delta"] * deltas,
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.completed",
    ]
    created = events[0][1]["response"]
    assert created["status"] == "in_progress"
    assert created["output"] == []
    item = events[2][1]["item"]
    assert (item["type"], item["status"], item["content"]) == ("message", "in_progress", [])
    assert events[3][1]["part"] == {
        "type": "output_text",
        "text": "",
        "annotations": [],
        "logprobs": [],
    }
    text = "".join(p["delta"] for k, p in events if k == "response.output_text.delta")
    assert text == "Hello! How can I help you today? ☀️"
    for _, payload in events[3:-2]:
        assert (payload["output_index"], payload.get("content_index", 0)) == (0, 0)
    assert events[-4][1]["text"] == text
    assert events[-2][1]["item"]["content"][0]["text"] == text
    final = events[-1][1]["response"]
    assert final["output"] == [events[-2][1]["item"]]
    assert final["usage"]["output_tokens"] > 0
    assert translator.finish_reason == "completed"


def test_tool_call_stream_event_by_event() -> None:
    events, translator = streamed("openai/stream_tool_calls_openai.sse", tools=[WEATHER])
    kinds = [kind for kind, _ in events]
    assert kinds == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.function_call_arguments.delta",
        "response.function_call_arguments.delta",
        "response.function_call_arguments.done",
        "response.output_item.done",
        "response.output_item.added",
        "response.function_call_arguments.delta",
        "response.function_call_arguments.done",
        "response.output_item.done",
        "response.completed",
    ]
    first, second = events[2][1]["item"], events[7][1]["item"]
    assert (first["call_id"], first["name"], first["arguments"]) == (
        "call_Kq3vX7mYb2Nw8Pz1Lr5Tj9Hc",
        "get_weather",
        "",
    )
    assert events[5][1] == {
        "type": "response.function_call_arguments.done",
        "sequence_number": 5,
        "item_id": first["id"],
        "output_index": 0,
        "name": "get_weather",
        "arguments": '{"location": "San Francisco, CA"}',
    }
    assert second["name"] == "get_time"
    assert events[9][1]["output_index"] == 1
    final = events[-1][1]["response"]
    assert [item["arguments"] for item in final["output"]] == [
        '{"location": "San Francisco, CA"}',
        '{"timezone": "America/Los_Angeles"}',
    ]
    assert final["usage"]["input_tokens_details"]["cached_tokens"] == 1920
    assert translator.finish_reason == "completed"


def test_reasoning_stream() -> None:
    events, _ = streamed("openai/stream_reasoning_vllm.sse")
    kinds = [kind for kind, _ in events]
    assert "response.reasoning_text.delta" in kinds
    final = check_stream(events)
    assert [item["type"] for item in final["output"]] == ["reasoning", "message"]
    reasoning = "".join(p["delta"] for k, p in events if k == "response.reasoning_text.delta")
    assert final["output"][0]["content"] == [{"type": "reasoning_text", "text": reasoning}]


def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> SSEEvent:
    choice = {"index": 0, "delta": delta, "finish_reason": finish}
    return SSEEvent(None, orjson.dumps({"id": "c", "choices": [choice], **extra}).decode())


def run(*chunks: SSEEvent, done: bool = True) -> list[Event]:
    translator = StreamTranslator("alias")
    out: list[bytes] = []
    for event in chunks:
        out.extend(translator.feed(event))
    if done:
        out.extend(translator.feed(SSEEvent(None, "[DONE]")))
        out.extend(translator.finish())
    else:
        out.extend(translator.error_events("Backend closed the stream early.", "api_error"))
        assert translator.feed(SSEEvent(None, "[DONE]")) == []
    events = parse_events(b"".join(out))
    assert_valid_events(events)
    check_stream(events)
    return events


def test_length_stream_is_incomplete() -> None:
    events = run(chunk({"content": "Once upon"}), chunk({}, "length"))
    kind, payload = events[-1]
    assert kind == "response.incomplete"
    assert payload["response"]["incomplete_details"] == {"reason": "max_output_tokens"}
    assert payload["response"]["output"][0]["status"] == "incomplete"


def test_text_then_calls_then_refusal_items_follow_one_another() -> None:
    call = {"index": 0, "id": "call_1", "function": {"name": "f", "arguments": '{"a":'}}
    events = run(
        chunk({"content": "Let me check."}),
        chunk({"tool_calls": [call]}),
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": "1}"}}]}),
        chunk({"refusal": "No more."}),
        chunk({}, "tool_calls"),
    )
    final = events[-1][1]["response"]
    assert [item["type"] for item in final["output"]] == ["message", "function_call", "message"]
    assert final["output"][1]["arguments"] == '{"a":1}'
    assert final["output"][2]["content"] == [{"type": "refusal", "refusal": "No more."}]
    assert "response.refusal.done" in [kind for kind, _ in events]


def test_parallel_calls_numbered_alike_are_told_apart_by_id() -> None:
    first = {"index": 0, "id": "a", "function": {"name": "f", "arguments": "{}"}}
    second = {"index": 0, "id": "b", "function": {"name": "g", "arguments": "{}"}}
    events = run(chunk({"tool_calls": [first]}), chunk({"tool_calls": [second]}))
    final = events[-1][1]["response"]
    assert [(i["call_id"], i["name"]) for i in final["output"]] == [("a", "f"), ("b", "g")]


def test_cut_stream_fails() -> None:
    events = run(chunk({"content": "Hel"}), done=False)
    kind, payload = events[-1]
    assert kind == "response.failed"
    assert payload["response"]["status"] == "failed"
    assert payload["response"]["error"] == {
        "code": "server_error",
        "message": "Backend closed the stream early.",
    }
    assert payload["response"]["output"][0]["status"] == "incomplete"


def test_upstream_error_fails_once() -> None:
    events, translator = streamed("openai/stream_error_vllm.sse")
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "response.failed"
    assert kinds.count("response.failed") == 1
    assert "CUDA out of memory" in events[-1][1]["response"]["error"]["message"]
    assert translator.finish_reason == "failed"
    assert translator.error_events("again", "api_error") == []


def test_empty_stream_still_completes() -> None:
    events = run()
    assert [kind for kind, _ in events] == [
        "response.created",
        "response.in_progress",
        "response.completed",
    ]


def test_events_validate_against_the_stream_event_union() -> None:
    events, _ = streamed("openai/stream_tool_calls_openai.sse", tools=[WEATHER])
    text_events, _ = streamed("openai/stream_reasoning_vllm.sse")
    # One event of each type: the union is slow to check.
    for payload in dict(events + text_events).values():
        assert_valid("ResponseStreamEvent", payload)


def test_no_tools_no_tool_choice_and_empty_messages_skipped() -> None:
    out = translated(tool_choice="none", input=[{"role": "user", "content": []},
                                                {"role": "user", "content": "Hi"}])  # fmt: skip
    assert out == {"model": "qwen3", "messages": [{"role": "user", "content": "Hi"}]}
