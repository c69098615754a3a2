"""Anthropic Messages clients served by an OpenAI-compatible backend."""

from __future__ import annotations

import contextlib
import copy
from typing import Any

import anthropic
import orjson
import pytest
from anthropic.lib.streaming._messages import accumulate_event
from anthropic.types import ErrorResponse, Message, RawMessageStreamEvent
from openai.types.chat.completion_create_params import CompletionCreateParamsStreaming
from pydantic import TypeAdapter

from bastion.protocols.sse import MalformedEvent, SSEEvent
from bastion.protocols.translate import TranslationError
from bastion.protocols.translate.anthropic_to_openai_chat import (
    StreamTranslator,
    translate_error,
    translate_request,
    translate_response,
)
from bastion.protocols.usage import Usage
from tests.unit.protocols.streams import (
    JUNK,
    anthropic_payloads,
    anthropic_sdk_events,
    fixture_bytes,
    fixture_json,
    replay,
)

OPENAI_PARAMS: TypeAdapter[Any] = TypeAdapter(CompletionCreateParamsStreaming)
STREAM_EVENT: TypeAdapter[Any] = TypeAdapter(RawMessageStreamEvent)
ANSWER = "27 \N{MULTIPLICATION SIGN} 453 = 12,231"
PNG_URL = "data:image/png;base64,iVBORw0KGgo="
PDF_DATA = "JVBERi0="
PDF_URL = f"data:application/pdf;base64,{PDF_DATA}"
FIRST_BLOCK = "messages[0].content[0]"
WEATHER_TOOL = {
    "name": "get_weather",
    "description": "Current weather for a city.",
    "input_schema": {
        "type": "object",
        "properties": {"location": {"type": "string"}},
        "required": ["location"],
    },
    "cache_control": {"type": "ephemeral"},
}


def request(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "model": "anthropic-alias",
        "max_tokens": 1024,
        "messages": [{"role": "user", "content": "Hi"}],
    }
    body.update(fields)
    return body


def translated(**fields: Any) -> dict[str, Any]:
    out = translate_request(request(**fields), "Qwen/Qwen3-8B")
    OPENAI_PARAMS.validate_python({**out, "stream": True})
    return out


def text(value: str) -> dict[str, Any]:
    return {"type": "text", "text": value}


def tool_use(call_id: str, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    return {"type": "tool_use", "id": call_id, "name": name, "input": arguments}


def tool_call(call_id: str, name: str, arguments: str) -> dict[str, Any]:
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


# --- requests -------------------------------------------------------------------------------


def test_plain_streaming_request_asks_for_usage() -> None:
    out = translated(system="You are terse.", stream=True)
    assert out == {
        "model": "Qwen/Qwen3-8B",
        "messages": [
            {"role": "system", "content": "You are terse."},
            {"role": "user", "content": "Hi"},
        ],
        "max_tokens": 1024,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    assert "stream_options" not in translated(stream=False)


def test_system_blocks_are_joined_and_cache_hints_dropped() -> None:
    system = [
        text("You are a coding agent."),
        {**text("Project rules."), "cache_control": {"type": "ephemeral"}},
    ]
    out = translated(system=system, cache_control={"type": "ephemeral"})
    assert out["messages"][0] == {
        "role": "system",
        "content": "You are a coding agent.\n\nProject rules.",
    }
    assert "cache_control" not in out


def test_multi_turn_with_content_blocks() -> None:
    messages = [
        {"role": "user", "content": [text("Capital of Italy?")]},
        {"role": "assistant", "content": [text("Rome.")]},
        {"role": "user", "content": [text("And"), text(" Spain?")]},
    ]
    assert translated(messages=messages)["messages"] == [
        {"role": "user", "content": "Capital of Italy?"},
        {"role": "assistant", "content": "Rome."},
        {"role": "user", "content": [text("And"), text(" Spain?")]},
    ]


def test_sampling_stop_and_user() -> None:
    out = translated(
        temperature=0.3,
        top_p=0.9,
        top_k=20,
        stop_sequences=["END", "\n\nHuman:"],
        metadata={"user_id": "user-42"},
    )
    assert (out["temperature"], out["top_p"], out["top_k"]) == (0.3, 0.9, 20)
    assert out["stop"] == ["END", "\n\nHuman:"]
    assert out["user"] == "user-42"


def test_hints_are_dropped() -> None:
    dropped: list[str] = []
    out = translate_request(
        request(
            thinking={"type": "enabled", "budget_tokens": 2048},
            service_tier="auto",
            context_management={"edits": []},
            inference_geo="us",
            speed="fast",
        ),
        "m",
        dropped=dropped,
    )
    assert set(out) == {"model", "messages", "max_tokens"}
    # Pure hints go unnamed; what changes the request is named to the client.
    assert dropped == ["thinking", "context_management"]


@pytest.mark.parametrize(
    ("thinking", "switch", "named"),
    [
        ({"type": "enabled", "budget_tokens": 2048}, True, ["thinking.budget_tokens"]),
        ({"type": "adaptive"}, True, []),
        ({"type": "disabled"}, False, []),
        ({"type": "someday"}, None, ["thinking"]),
    ],
)
def test_thinking_on_local_engines_uses_the_chat_template_switch(
    thinking: dict[str, Any], switch: bool | None, named: list[str]
) -> None:
    dropped: list[str] = []
    out = translate_request(request(thinking=thinking), "m", local=True, dropped=dropped)
    if switch is None:
        assert "chat_template_kwargs" not in out
    else:
        assert out["chat_template_kwargs"] == {"enable_thinking": switch}
    assert dropped == named
    # Cloud APIs refuse unknown fields: there, thinking is left out and named.
    dropped = []
    assert "chat_template_kwargs" not in translate_request(
        request(thinking=thinking), "m", dropped=dropped
    )
    assert dropped == ["thinking"]


def test_system_entries_among_messages_stay_in_place() -> None:
    messages = [
        {"role": "user", "content": "Hi"},
        {
            "role": "system",
            "content": [text("Rule one."), {**text("Rule two."), "cache_control": {}}],
        },
        {"role": "assistant", "content": "Hello"},
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Bye"},
    ]
    out = translated(system="Top.", messages=messages)
    assert out["messages"] == [
        {"role": "system", "content": "Top."},
        {"role": "user", "content": "Hi"},
        {"role": "system", "content": "Rule one.\n\nRule two."},
        {"role": "assistant", "content": "Hello"},
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Bye"},
    ]


def test_unknown_fields_and_thinking_history_are_dropped_and_named() -> None:
    messages = [
        {"role": "user", "content": "Hi"},
        {
            "role": "assistant",
            "content": [
                {"type": "thinking", "thinking": "hmm", "signature": "sig"},
                {"type": "redacted_thinking", "data": "xyz"},
                text("Hello"),
            ],
        },
        {"role": "user", "content": "More"},
    ]
    dropped: list[str] = []
    out = translate_request(
        request(messages=messages, brand_new_option={"x": 1}), "m", dropped=dropped
    )
    assert out["messages"][1] == {"role": "assistant", "content": "Hello"}
    assert "brand_new_option" not in out
    assert dropped == [
        "brand_new_option",
        "messages.content.redacted_thinking",
        "messages.content.thinking",
    ]


def test_request_is_not_mutated() -> None:
    body = request(tools=[WEATHER_TOOL], tool_choice={"type": "any"}, system=[text("x")])
    before = copy.deepcopy(body)
    translate_request(body, "m")
    assert body == before


@pytest.mark.parametrize(
    ("tool_choice", "expected_choice", "parallel"),
    [
        (None, None, None),
        ({"type": "auto"}, "auto", None),
        ({"type": "any"}, "required", None),
        ({"type": "none"}, "none", None),
        (
            {"type": "tool", "name": "get_weather"},
            {"type": "function", "function": {"name": "get_weather"}},
            None,
        ),
        ({"type": "auto", "disable_parallel_tool_use": True}, "auto", False),
        ({"type": "any", "disable_parallel_tool_use": True}, "required", False),
        ({"type": "auto", "disable_parallel_tool_use": False}, "auto", None),
    ],
)
def test_tools_and_tool_choice(
    tool_choice: dict[str, Any] | None, expected_choice: Any, parallel: bool | None
) -> None:
    fields: dict[str, Any] = {"tools": [WEATHER_TOOL, {"name": "get_time", "input_schema": {}}]}
    if tool_choice is not None:
        fields["tool_choice"] = tool_choice
    out = translated(**fields)
    assert out["tools"] == [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "Current weather for a city.",
                "parameters": WEATHER_TOOL["input_schema"],
            },
        },
        {
            "type": "function",
            "function": {"name": "get_time", "parameters": {"type": "object", "properties": {}}},
        },
    ]
    assert out.get("tool_choice") == expected_choice
    assert out.get("parallel_tool_calls") == parallel


def test_strict_tool() -> None:
    strict = {**WEATHER_TOOL, "type": "custom", "strict": True}
    assert translated(tools=[strict])["tools"][0]["function"]["strict"] is True


def test_tool_use_and_results_round_trip() -> None:
    messages = [
        {"role": "user", "content": "Weather in SF and Paris?"},
        {
            "role": "assistant",
            "content": [
                {"type": "thinking", "thinking": "Two calls.", "signature": "sig"},
                text("Checking."),
                tool_use("toolu_1", "get_weather", {"location": "SF"}),
                tool_use("toolu_2", "get_weather", {"location": "Paris"}),
            ],
        },
        {
            "role": "user",
            "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": "18C"},
                {"type": "tool_result", "tool_use_id": "toolu_2", "is_error": True,
                 "content": [text("Paris:"), text("unavailable")]},
                text("Which is warmer?"),
            ],
        },
    ]  # fmt: skip
    out = translated(messages=messages, tools=[WEATHER_TOOL])
    assert out["messages"] == [
        {"role": "user", "content": "Weather in SF and Paris?"},
        {
            "role": "assistant",
            "content": "Checking.",
            "tool_calls": [
                tool_call("toolu_1", "get_weather", '{"location":"SF"}'),
                tool_call("toolu_2", "get_weather", '{"location":"Paris"}'),
            ],
        },
        {"role": "tool", "tool_call_id": "toolu_1", "content": "18C"},
        {"role": "tool", "tool_call_id": "toolu_2", "content": "Paris:\nunavailable"},
        {"role": "user", "content": "Which is warmer?"},
    ]


def test_tool_only_assistant_turn_has_null_content() -> None:
    messages = [
        {"role": "user", "content": "Time?"},
        {"role": "assistant", "content": [tool_use("t1", "now", {})]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1"}]},
    ]  # fmt: skip
    out = translated(messages=messages)["messages"]
    assert out[1] == {
        "role": "assistant",
        "content": None,
        "tool_calls": [tool_call("t1", "now", "{}")],
    }
    assert out[2] == {"role": "tool", "tool_call_id": "t1", "content": ""}


def test_images_documents_and_tool_result_images() -> None:
    png = {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}
    screenshot = {"type": "image", "source": png}
    content = [
        text("Compare."),
        screenshot,
        {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.jpg"}},
        {"type": "document", "title": "spec.pdf",
         "source": {"type": "base64", "media_type": "application/pdf", "data": PDF_DATA}},
        {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "N"}},
    ]  # fmt: skip
    out = translated(messages=[{"role": "user", "content": content}])["messages"]
    assert out[0]["content"] == [
        text("Compare."),
        {"type": "image_url", "image_url": {"url": PNG_URL}},
        {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}},
        {"type": "file", "file": {"file_data": PDF_URL, "filename": "spec.pdf"}},
        text("N"),
    ]  # fmt: skip
    result = {"type": "tool_result", "tool_use_id": "t1", "content": [text("Done."), screenshot]}
    out = translated(messages=[{"role": "user", "content": [result]}])["messages"]
    assert out == [
        {"role": "tool", "tool_call_id": "t1", "content": "Done."},
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": PNG_URL}}]},
    ]  # fmt: skip


def test_prefill_continues_the_final_assistant_message() -> None:
    messages = [{"role": "user", "content": "JSON please"}, {"role": "assistant", "content": "{"}]
    out = translated(messages=messages)
    assert out["messages"][-1] == {"role": "assistant", "content": "{"}
    assert out["continue_final_message"] is True
    assert out["add_generation_prompt"] is False
    # A trailing turn that held only thinking is dropped, so nothing is left to continue.
    thinking = {"type": "thinking", "thinking": "hmm", "signature": "s"}
    only_thinking = [
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": [thinking]},
    ]
    assert "continue_final_message" not in translated(messages=only_thinking)


def test_output_config() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]}
    out = translated(
        output_config={"effort": "max", "format": {"type": "json_schema", "schema": schema}}
    )
    assert out["reasoning_effort"] == "xhigh"
    assert out["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "output", "schema": schema, "strict": True},
    }


@pytest.mark.parametrize(
    ("fields", "param"),
    [
        ({"container": "container_1"}, "container"),
        ({"mcp_servers": [{"type": "url", "url": "https://mcp", "name": "x"}]}, "mcp_servers"),
        ({"tools": [{"type": "web_search_20250305", "name": "web_search"}]}, "tools[0]"),
        ({"tools": [{"input_schema": {"type": "object"}}]}, "tools[0]"),
        ({"tool_choice": {"type": "any"}}, "tool_choice"),
        ({"tools": [WEATHER_TOOL], "tool_choice": {"type": "tool"}}, "tool_choice"),
        ({"tools": [WEATHER_TOOL], "tool_choice": {"type": "maybe"}}, "tool_choice"),
        ({"output_config": {"effort": "extreme"}}, "output_config.effort"),
        ({"output_config": {"format": {"type": "regex"}}}, "output_config"),
        ({"system": [{"type": "image"}]}, "system[0]"),
        ({"messages": [{"role": "developer", "content": "x"}]}, "messages[0].role"),
        ({"messages": [{"role": "system", "content": [{"type": "image"}]}]},
         "messages[0].content[0]"),
        ({"messages": [{"role": "user", "content": [{"type": "search_result"}]}]}, FIRST_BLOCK),
        ({"messages": [{"role": "user", "content": [{"type": "image",
          "source": {"type": "file", "file_id": "file_1"}}]}]}, "messages[0].content[0]"),
        ({"messages": [{"role": "assistant", "content": [{"type": "server_tool_use"}]}]},
         "messages[0].content[0]"),
        ({"messages": [{"role": "user", "content": [{"type": "tool_result"}]}]}, FIRST_BLOCK),
        ({"messages": [{"role": "user", "content": 42}]}, "messages[0].content"),
    ],
)  # fmt: skip
def test_untranslatable_requests_raise(fields: dict[str, Any], param: str) -> None:
    with pytest.raises(TranslationError) as raised:
        translate_request(request(**fields), "m")
    assert raised.value.param == param


# --- responses ------------------------------------------------------------------------------


def message(name: str) -> dict[str, Any]:
    out = translate_response(fixture_json(f"openai/{name}.json"), "anthropic-alias")
    Message.model_validate(out)
    assert out["model"] == "anthropic-alias"
    assert (out["type"], out["role"]) == ("message", "assistant")
    return out


def test_text_response() -> None:
    out = message("chat_text_vllm")
    assert out["id"] == "msg_3b1f6a5e2c8d4f0e9a7b6c5d4e3f2a1b"
    assert out["content"] == [text("The capital of France is Paris.")]
    assert (out["stop_reason"], out["stop_sequence"]) == ("end_turn", None)
    assert out["usage"] == {
        "input_tokens": 25,
        "output_tokens": 8,
        "cache_read_input_tokens": 0,
        "cache_creation_input_tokens": 0,
    }


def test_stop_sequence_reported_by_vllm() -> None:
    out = message("chat_stop_sequence_vllm")
    assert (out["stop_reason"], out["stop_sequence"]) == ("stop_sequence", "3.")


def test_length_response() -> None:
    assert message("chat_length")["stop_reason"] == "max_tokens"


def test_parallel_tool_calls_with_cached_usage() -> None:
    out = message("chat_tool_calls")
    assert out["stop_reason"] == "tool_use"
    assert out["content"] == [
        {"type": "tool_use", "id": "call_Kq3vX7mYb2Nw8Pz1Lr5Tj9Hc", "name": "get_weather",
         "input": {"location": "San Francisco, CA", "unit": "celsius"}},
        {"type": "tool_use", "id": "call_Rt6yU2iO9pA4sD7fG1hJ3kL5", "name": "get_weather",
         "input": {"location": "Paris, France", "unit": "celsius"}},
    ]  # fmt: skip
    # OpenAI's prompt_tokens include cached ones; Anthropic reports them apart.
    assert out["usage"]["input_tokens"] == 2082 - 1920
    assert out["usage"]["cache_read_input_tokens"] == 1920


def test_tool_calls_with_finish_reason_stop_still_mean_tool_use() -> None:
    out = message("chat_tool_calls_ollama")
    assert out["stop_reason"] == "tool_use"
    assert out["content"] == [tool_use("call_w2h1yl3e", "get_weather", {"location": "Paris"})]


def test_reasoning_becomes_a_thinking_block_first() -> None:
    out = message("chat_reasoning_vllm")
    assert [block["type"] for block in out["content"]] == ["thinking", "text"]
    assert out["content"][0]["thinking"].endswith("= 12231.")
    assert out["content"][1]["text"] == ANSWER
    assert out["usage"]["cache_read_input_tokens"] == 32


@pytest.mark.parametrize(
    ("message_fields", "finish", "expected_content", "stop"),
    [
        ({"content": None, "refusal": "I can't help with that."}, "stop",
         [text("I can't help with that.")], "refusal"),
        ({"content": "x"}, "content_filter", [text("x")], "refusal"),
        ({"content": None, "tool_calls": [tool_call("c1", "f", "{oops")]}, "tool_calls",
         [{"type": "tool_use", "id": "c1", "name": "f", "input": {}}], "tool_use"),
        ({"content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}, None,
         [text("ab")], "end_turn"),
    ],
)  # fmt: skip
def test_edge_responses(
    message_fields: dict[str, Any], finish: str | None, expected_content: Any, stop: str
) -> None:
    body = {"id": "c", "choices": [{"index": 0, "message": {"role": "assistant", **message_fields},
            "finish_reason": finish}]}  # fmt: skip
    out = translate_response(body, "m")
    Message.model_validate(out)
    assert out["content"] == expected_content
    assert out["stop_reason"] == stop


def test_empty_response_is_still_a_valid_message() -> None:
    out = translate_response({}, "m")
    Message.model_validate(out)
    assert out["id"].startswith("msg_")
    assert (out["content"], out["stop_reason"]) == ([], "end_turn")


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "name", "kind"),
    [
        (400, "error_openai_context", "invalid_request_error"),
        (400, "error_vllm", "invalid_request_error"),
        (404, "error_vllm_legacy", "not_found_error"),
        (404, "error_ollama", "not_found_error"),
        (429, "error_openai_context", "rate_limit_error"),
        (413, "error_vllm", "request_too_large"),
        (503, "error_vllm", "overloaded_error"),
    ],
)
def test_errors(status: int, name: str, kind: str) -> None:
    upstream = fixture_json(f"openai/{name}.json")
    out = translate_error(status, upstream)
    if kind != "request_too_large":  # documented by Anthropic, but not in the SDK's error union
        ErrorResponse.model_validate(out)
    expected = upstream["error"]["message"] if "error" in upstream else upstream["message"]
    assert out == {"type": "error", "error": {"type": kind, "message": expected}}


def test_error_shapes_without_a_message() -> None:
    assert translate_error(422, {"error": "bad input"})["error"]["message"] == "bad input"
    assert (
        translate_error(422, {"detail": "field required"})["error"]["message"] == "field required"
    )
    out = translate_error(500, None)
    assert out["error"] == {"type": "api_error", "message": "upstream answered HTTP 500"}


# --- streams --------------------------------------------------------------------------------


def stream(name: str, **kwargs: Any) -> tuple[StreamTranslator, list[tuple[str, dict[str, Any]]]]:
    translator = StreamTranslator("anthropic-alias", include_usage=True)
    raw = replay(translator, fixture_bytes(f"openai/{name}.sse"), upstream="openai", **kwargs)
    payloads = anthropic_payloads(raw)
    for name_, payload in payloads:
        if name_ not in ("ping", "error"):
            STREAM_EVENT.validate_python(payload)
    return translator, payloads


def accumulate(payloads: list[tuple[str, dict[str, Any]]]) -> Any:
    snapshot = None
    json_bufs: dict[int, bytes] = {}
    for _, payload in payloads:
        event = STREAM_EVENT.validate_python(payload)
        snapshot = accumulate_event(event=event, current_snapshot=snapshot, json_bufs=json_bufs)
    return snapshot


@pytest.mark.parametrize("size", [1, 7, 64, 100_000])
def test_text_stream(size: int) -> None:
    translator, payloads = stream("stream_text_openai", size=size)
    assert [name for name, _ in payloads] == [
        "message_start",
        "content_block_start",
        "content_block_delta",
        "content_block_delta",
        "content_block_delta",
        "content_block_stop",
        "message_delta",
        "message_stop",
    ]
    start = payloads[0][1]["message"]
    assert start["id"] == "msg_CqZ6b1Mc2Nd3Oe4Pf5Qg6Rh7Si8"
    assert start["model"] == "anthropic-alias"
    assert start["usage"] == {"input_tokens": 0, "output_tokens": 0}
    assert payloads[1][1] == {"type": "content_block_start", "index": 0, "content_block": text("")}
    assert payloads[-2][1] == {
        "type": "message_delta",
        "delta": {"stop_reason": "end_turn", "stop_sequence": None},
        "usage": {
            "input_tokens": 12,
            "output_tokens": 15,
            "cache_read_input_tokens": 1536,
            "cache_creation_input_tokens": 0,
        },
    }
    final = accumulate(payloads)
    assert final.content[0].text == "Hello! How can I help you today? \N{BLACK SUN WITH RAYS}\ufe0f"
    assert final.usage.output_tokens == 15
    assert translator.usage == Usage(input_tokens=1548, output_tokens=15, cached_input_tokens=1536)
    assert translator.finish_reason == "end_turn"


def test_a_streamed_refusal_is_a_text_block_stopped_for_refusal() -> None:
    """As a whole answer's refusal is: a text block, and ``stop_reason: refusal``."""
    base = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    deltas = [{"role": "assistant", "refusal": ""}, {"refusal": "I can't "}, {"refusal": "help."}]
    chunks = [
        {**base, "choices": [{"index": 0, "delta": d, "finish_reason": None}]} for d in deltas
    ]
    chunks.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    raw = b"".join(b"data: " + orjson.dumps(chunk) + b"\n\n" for chunk in chunks)
    raw += b"data: [DONE]\n\n"
    translator = StreamTranslator("anthropic-alias", include_usage=True)
    final = accumulate(anthropic_payloads(replay(translator, raw, upstream="openai")))
    assert [block.text for block in final.content] == ["I can't help."]
    assert final.stop_reason == "refusal"
    assert translator.finish_reason == "refusal"


def test_parallel_tool_calls_stream() -> None:
    translator, payloads = stream("stream_tool_calls_openai")
    starts = [p for name, p in payloads if name == "content_block_start"]
    assert [(p["index"], p["content_block"]["id"]) for p in starts] == [
        (0, "call_Kq3vX7mYb2Nw8Pz1Lr5Tj9Hc"),
        (1, "call_Rt6yU2iO9pA4sD7fG1hJ3kL5"),
    ]
    # Each block is closed before the next one opens, as Anthropic streams do.
    order = [(name, p.get("index")) for name, p in payloads if name.startswith("content_block_s")]
    assert order == [("content_block_start", 0), ("content_block_stop", 0),
                     ("content_block_start", 1), ("content_block_stop", 1)]  # fmt: skip
    final = accumulate(payloads)
    assert [block.input for block in final.content] == [
        {"location": "San Francisco, CA"},
        {"timezone": "America/Los_Angeles"},
    ]
    assert final.stop_reason == "tool_use"
    assert translator.finish_reason == "tool_use"


def test_text_then_tool_call_stream_from_vllm() -> None:
    _, payloads = stream("stream_tool_calls_vllm")
    final = accumulate(payloads)
    assert [block.type for block in final.content] == ["text", "tool_use"]
    assert final.content[0].text == "Checking now."
    assert final.content[1].id == "chatcmpl-tool-5b7e2f0c9a1d4e3b8c6f"
    assert final.content[1].input == {"location": "Paris"}
    assert final.usage.input_tokens == 310


def test_reasoning_stream_becomes_thinking_then_text() -> None:
    _, payloads = stream("stream_reasoning_vllm")
    final = accumulate(payloads)
    assert [block.type for block in final.content] == ["thinking", "text"]
    assert final.content[0].thinking == "27 * 453 = 10800 + 1431 = 12231."
    assert final.content[1].text == ANSWER


def test_stop_sequence_known_from_sglang_or_from_the_text() -> None:
    def answer(choice: dict[str, Any], stops: list[str]) -> tuple[str, str | None]:
        body = {
            "id": "x",
            "choices": [{"index": 0, "message": {"role": "assistant"}, **choice}],
        }
        out = translate_response(body, "m", request=request(stop_sequences=stops))
        Message.model_validate(out)
        return out["stop_reason"], out["stop_sequence"]

    # SGLang reports the matched string as matched_stop (an integer for an EOS token).
    assert answer({"finish_reason": "stop", "matched_stop": "END"}, ["END"]) == (
        "stop_sequence",
        "END",
    )
    assert answer({"finish_reason": "stop", "matched_stop": 2}, ["END"]) == ("end_turn", None)
    # An engine that kept the stop string in the text: the longest matching one is named.
    kept = {"finish_reason": "stop", "message": {"role": "assistant", "content": "a b END"}}
    assert answer(kept, ["D", "END"]) == ("stop_sequence", "END")
    # Stripped and unreported: unknowable.
    gone = {"finish_reason": "stop", "message": {"role": "assistant", "content": "a b"}}
    assert answer(gone, ["END"]) == ("end_turn", None)
    assert answer({**kept, "finish_reason": "length"}, ["END"]) == ("max_tokens", None)


def test_stop_sequence_stream_from_the_text() -> None:
    translator = StreamTranslator("m", include_usage=True, request=request(stop_sequences=["##"]))
    out: list[bytes] = []
    for piece in ("Hello #", "#"):
        chunk = {"id": "chatcmpl-1", "choices": [{"index": 0, "delta": {"content": piece}}]}
        out += translator.feed(SSEEvent(None, orjson.dumps(chunk).decode()))
    end = {"id": "chatcmpl-1", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
    out += translator.feed(SSEEvent(None, orjson.dumps(end).decode()))
    out += translator.feed(SSEEvent(None, "[DONE]"))
    assert b'"stop_sequence":"##"' in b"".join(out)
    assert b'"id":"msg_1"' in b"".join(out)
    assert translator.finish_reason == "stop_sequence"


def test_stop_sequence_stream() -> None:
    translator, payloads = stream("stream_stop_sequence_vllm")
    delta = payloads[-2][1]["delta"]
    assert delta == {"stop_reason": "stop_sequence", "stop_sequence": "3."}
    assert translator.finish_reason == "stop_sequence"


def test_ollama_tool_call_with_finish_reason_stop() -> None:
    translator, payloads = stream("stream_tool_call_ollama")
    final = accumulate(payloads)
    assert final.content[0].input == {"location": "Paris"}
    assert final.stop_reason == "tool_use"
    assert translator.finish_reason == "tool_use"


def test_length_stream() -> None:
    raw = fixture_bytes("openai/stream_text_openai.sse").replace(b'"stop"', b'"length"')
    translator = StreamTranslator("m", include_usage=True)
    payloads = anthropic_payloads(replay(translator, raw, upstream="openai"))
    assert payloads[-2][1]["delta"]["stop_reason"] == "max_tokens"


def test_usage_in_the_finish_chunk_and_no_usage_at_all() -> None:
    choice = {"index": 0, "delta": {"content": "hi"}, "finish_reason": "stop"}
    usage = {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6}
    chunk = {"id": "c", "choices": [choice], "usage": usage}
    translator = StreamTranslator("m", include_usage=True)
    out = translator.feed(SSEEvent(None, orjson.dumps(chunk).decode()))
    out += translator.feed(SSEEvent(None, "[DONE]"))
    payloads = anthropic_payloads(b"".join(out))
    assert payloads[0][1]["message"]["usage"]["input_tokens"] == 5
    assert payloads[-2][1]["usage"]["output_tokens"] == 1
    assert translator.finish() == []

    translator = StreamTranslator("m", include_usage=True)
    payloads = anthropic_payloads(b"".join(translator.feed(SSEEvent(None, "[DONE]"))))
    assert [name for name, _ in payloads] == ["message_start", "message_delta", "message_stop"]
    assert payloads[1][1]["usage"] == {"output_tokens": 0}
    assert translator.usage is None


def test_upstream_error_chunk_ends_the_stream_with_an_error_event() -> None:
    translator, payloads = stream("stream_error_vllm")
    names = [name for name, _ in payloads]
    assert names[-1] == "error"
    assert "message_stop" not in names
    assert payloads[-1][1] == {
        "type": "error",
        "error": {
            "type": "api_error",
            "message": "The engine encountered an unrecoverable error: CUDA out of memory.",
        },
    }
    assert translator.finish() == []
    assert translator.error_events("again", "api_error") == []


def test_cut_stream_ends_with_an_error_the_sdk_raises() -> None:
    raw = fixture_bytes("openai/stream_tool_calls_openai.sse")
    translator = StreamTranslator("anthropic-alias", include_usage=True)
    out = replay(
        translator, raw, upstream="openai", cut_at=raw.index(b'"finish_reason":"tool_calls"')
    )
    payloads = anthropic_payloads(out)
    assert payloads[-1][1]["error"] == {
        "type": "api_error",
        "message": "Backend closed the stream early.",
    }
    assert translator.finish_reason is None
    with pytest.raises(anthropic.APIStatusError, match="closed the stream early"):
        anthropic_sdk_events(out)


def test_the_anthropic_sdk_reads_the_translated_stream() -> None:
    translator = StreamTranslator("anthropic-alias", include_usage=True)
    out = replay(translator, fixture_bytes("openai/stream_reasoning_vllm.sse"), upstream="openai")
    sdk_events = anthropic_sdk_events(out)
    assert sdk_events[0].type == "message_start"
    assert sdk_events[-1].type == "message_stop"


def test_garbage_is_refused_and_other_choices_are_ignored() -> None:
    """An event that is not a JSON object is a broken engine (the respond stage ends the
    stream with an error); an empty one is a keep-alive."""
    translator = StreamTranslator("m", include_usage=True)
    for garbage in ("{not json", "[1, 2]"):
        with pytest.raises(MalformedEvent):
            translator.feed(SSEEvent(None, garbage))
    assert translator.feed(SSEEvent(None, "")) == []
    other = {"id": "c", "choices": [{"index": 1, "delta": {"content": "x"}, "finish_reason": None}]}
    out = translator.feed(SSEEvent(None, orjson.dumps(other).decode()))
    assert [name for name, _ in anthropic_payloads(b"".join(out))] == ["message_start"]


# --- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize("junk", JUNK)
def test_malformed_requests_raise_only_translation_errors(junk: Any) -> None:
    fields = ["messages", "system", "tools", "tool_choice", "output_config", "metadata",
              "stop_sequences", "max_tokens"]  # fmt: skip
    bodies = [request(**{field: junk}) for field in fields]
    for role in ("user", "assistant", "system"):
        bodies.append(request(messages=[{"role": role, "content": junk}]))
        bodies.append(request(messages=[{"role": role, "content": [{"type": "tool_result",
                      "tool_use_id": "t", "content": junk}]}]))  # fmt: skip
    for body in bodies:
        with contextlib.suppress(TranslationError):
            translate_request(body, "m")


@pytest.mark.parametrize("junk", JUNK)
def test_malformed_upstream_bodies_and_chunks_do_not_raise(junk: Any) -> None:
    message_fields = {"content": junk, "tool_calls": junk, "reasoning": junk, "refusal": junk}
    bodies = [{"choices": junk}, {"choices": [junk]}, {"choices": [{"message": junk}]},
              {"choices": [{"message": message_fields, "finish_reason": junk}]},
              {"usage": junk, "id": junk}, {"error": junk}]  # fmt: skip
    for body in bodies:
        Message.model_validate(translate_response(body, "m"))
        translate_error(500, body)
    deltas = [junk, {"tool_calls": junk, "content": junk, "reasoning": junk},
              {"tool_calls": [{"index": junk, "function": junk}]}]  # fmt: skip
    chunks = [*bodies, *({"choices": [{"delta": delta}]} for delta in deltas)]
    for chunk in chunks:
        translator = StreamTranslator("m", include_usage=True)
        out = translator.feed(SSEEvent(None, orjson.dumps(chunk).decode())) + translator.finish()
        for name, payload in anthropic_payloads(b"".join(out)):
            if name != "error":
                STREAM_EVENT.validate_python(payload)


def tool_chunks(*calls: dict[str, Any]) -> list[SSEEvent]:
    chunks = [
        {"id": "c", "choices": [{"index": 0, "delta": {"tool_calls": [call]}}]} for call in calls
    ]
    chunks.append(
        {"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}
    )
    return [
        *(SSEEvent(None, orjson.dumps(chunk).decode()) for chunk in chunks),
        SSEEvent(None, "[DONE]"),
    ]


@pytest.mark.parametrize(
    "calls",
    [
        # Every parallel call numbered 0, told apart by id; fragments carry no id.
        [{"index": 0, "id": "a", "function": {"name": "f", "arguments": '{"x":'}},
         {"index": 0, "function": {"arguments": "1}"}},
         {"index": 0, "id": "b", "function": {"name": "g", "arguments": ""}},
         {"index": 0, "function": {"arguments": '{"y": 2}'}}],
        # No index at all: whole calls, or a call followed by bare fragments.
        [{"id": "a", "function": {"name": "f", "arguments": '{"x": 1}'}},
         {"id": "b", "function": {"name": "g", "arguments": '{"y":'}},
         {"function": {"arguments": " 2}"}}],
    ],
)  # fmt: skip
def test_engines_that_number_tool_calls_oddly(calls: list[dict[str, Any]]) -> None:
    translator = StreamTranslator("m", include_usage=True)
    out = b"".join(piece for event in tool_chunks(*calls) for piece in translator.feed(event))
    final = accumulate(anthropic_payloads(out))
    assert [(block.id, block.name, block.input) for block in final.content] == [
        ("a", "f", {"x": 1}),
        ("b", "g", {"y": 2}),
    ]


def test_a_tool_search_result_reaches_an_openai_engine_as_text() -> None:
    """Claude Code's ToolSearch answers with tool_reference blocks."""
    from bastion.protocols.translate._content import tool_result_to_openai

    text, images = tool_result_to_openai(
        [{"type": "tool_reference", "tool_name": "WebFetch"}, {"type": "text", "text": "ok"}],
        "messages[1].content[0]",
    )
    assert text == "Tool available: WebFetch\nok"
    assert images == []
