"""OpenAI chat clients served by an Anthropic backend: requests, responses, errors, streams."""

from __future__ import annotations

import contextlib
import copy
from typing import Any

import openai
import orjson
import pytest
from anthropic.types.message_create_params import MessageCreateParamsNonStreaming
from openai.lib.streaming.chat import ChatCompletionStreamState
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from pydantic import TypeAdapter

from bastion.protocols.sse import MalformedEvent, SSEEvent
from bastion.protocols.translate import TranslationError
from bastion.protocols.translate.openai_chat_to_anthropic import (
    DEFAULT_MAX_TOKENS,
    StreamTranslator,
    translate_error,
    translate_request,
    translate_response,
)
from bastion.protocols.usage import Usage
from tests.unit.protocols.streams import (
    JUNK,
    fixture_bytes,
    fixture_json,
    openai_payloads,
    openai_sdk_chunks,
    replay,
)

ANTHROPIC_PARAMS = TypeAdapter(MessageCreateParamsNonStreaming)
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather for a city.",
        "parameters": {
            "type": "object",
            "properties": {"location": {"type": "string"}},
            "required": ["location"],
        },
    },
}
TIME_TOOL = {"type": "function", "function": {"name": "get_time"}}
EPHEMERAL = {"type": "ephemeral"}
ANSWER = "27 \N{MULTIPLICATION SIGN} 453 = 12,231"


def text(value: str) -> dict[str, Any]:
    return {"type": "text", "text": value}


def tool_use(call_id: str, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    return {"type": "tool_use", "id": call_id, "name": name, "input": arguments}


def tool_call(call_id: str, name: str, arguments: str) -> dict[str, Any]:
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


def base64_source(media_type: str, data: str) -> dict[str, Any]:
    return {"type": "base64", "media_type": media_type, "data": data}


def request(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"model": "gpt-alias", "messages": [{"role": "user", "content": "Hi"}]}
    body.update(fields)
    return body


def translated(**fields: Any) -> dict[str, Any]:
    out = translate_request(request(**fields), "anthropic-sonnet-4-5")
    ANTHROPIC_PARAMS.validate_python({k: v for k, v in out.items() if k != "stream"})
    return out


# --- requests -------------------------------------------------------------------------------


def test_plain_request_gets_model_and_default_max_tokens() -> None:
    out = translated(stream=True)
    assert out == {
        "model": "anthropic-sonnet-4-5",
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}],
        "max_tokens": DEFAULT_MAX_TOKENS,
        "stream": True,
    }


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"max_tokens": 100}, 100),
        ({"max_completion_tokens": 200}, 200),
        ({"max_completion_tokens": 200, "max_tokens": 100}, 200),
        ({"max_tokens": None}, DEFAULT_MAX_TOKENS),
    ],
)
def test_max_tokens(fields: dict[str, Any], expected: int) -> None:
    assert translated(**fields)["max_tokens"] == expected


def test_system_and_developer_messages_are_hoisted_in_order() -> None:
    messages = [
        {"role": "system", "content": "You are terse."},
        {"role": "developer", "content": [{"type": "text", "text": "Answer in French."}]},
        {"role": "user", "content": "Capital of Italy?"},
        {"role": "assistant", "content": "Rome."},
        {"role": "system", "content": [{**text("Be kind."), "cache_control": EPHEMERAL}]},
        {"role": "user", "content": "And Spain?"},
    ]  # fmt: skip
    out = translated(messages=messages)
    assert out["system"] == [
        {"type": "text", "text": "You are terse."},
        {"type": "text", "text": "Answer in French."},
        {**text("Be kind."), "cache_control": EPHEMERAL},
    ]
    assert [m["role"] for m in out["messages"]] == ["user", "assistant", "user"]


def test_multi_turn_merges_consecutive_roles_and_skips_empty_messages() -> None:
    messages = [
        {"role": "user", "content": "First."},
        {"role": "user", "content": [{"type": "text", "text": "Second."}]},
        {"role": "assistant", "content": ""},
        {"role": "assistant", "content": "Answer.", "name": "bot"},
        {"role": "assistant", "content": [{"type": "text", "text": "More."}]},
        {"role": "user", "content": "Thanks", "name": "alice"},
    ]
    out = translated(messages=messages)
    assert out["messages"] == [
        {"role": "user", "content": [text("First."), text("Second.")]},
        {"role": "assistant", "content": [text("Answer."), text("More.")]},
        {"role": "user", "content": [text("Thanks")]},
    ]


def test_sampling_stop_and_user() -> None:
    out = translated(temperature=0.2, top_p=0.9, top_k=40, stop="END", user="user-123")
    assert (out["temperature"], out["top_p"], out["top_k"]) == (0.2, 0.9, 40)
    assert out["stop_sequences"] == ["END"]
    assert out["metadata"] == {"user_id": "user-123"}
    out = translated(stop=["a", "b"], safety_identifier="hash-1")
    assert out["stop_sequences"] == ["a", "b"]
    assert out["metadata"] == {"user_id": "hash-1"}
    assert "stop_sequences" not in translated(stop=None)


def test_hints_and_neutral_values_are_dropped() -> None:
    out = translated(
        n=1,
        logprobs=False,
        presence_penalty=0,
        frequency_penalty=0.0,
        logit_bias={},
        modalities=["text"],
        seed=7,
        store=True,
        metadata={"tag": "x"},
        service_tier="auto",
        prompt_cache_key="k",
        stream_options={"include_usage": True},
        verbosity="low",
        reasoning_effort="none",
        response_format={"type": "text"},
    )
    assert set(out) == {"model", "messages", "max_tokens"}


def test_request_is_not_mutated() -> None:
    body = request(tools=[WEATHER_TOOL], tool_choice="required", parallel_tool_calls=False)
    before = copy.deepcopy(body)
    translate_request(body, "anth")
    assert body == before


@pytest.mark.parametrize(
    ("tool_choice", "parallel", "expected"),
    [
        (None, None, None),
        ("auto", None, {"type": "auto"}),
        ("none", None, {"type": "none"}),
        ("required", None, {"type": "any"}),
        ({"type": "function", "function": {"name": "get_weather"}}, None,
         {"type": "tool", "name": "get_weather"}),
        (None, False, {"type": "auto", "disable_parallel_tool_use": True}),
        ("required", False, {"type": "any", "disable_parallel_tool_use": True}),
        ("none", False, {"type": "none"}),
        ("auto", True, {"type": "auto"}),
    ],
)  # fmt: skip
def test_tool_choice(tool_choice: Any, parallel: bool | None, expected: Any) -> None:
    fields: dict[str, Any] = {"tools": [WEATHER_TOOL, TIME_TOOL]}
    if tool_choice is not None:
        fields["tool_choice"] = tool_choice
    if parallel is not None:
        fields["parallel_tool_calls"] = parallel
    out = translated(**fields)
    assert out.get("tool_choice") == expected
    assert out["tools"] == [
        {
            "name": "get_weather",
            "description": "Current weather for a city.",
            "input_schema": WEATHER_TOOL["function"]["parameters"],  # type: ignore[index]
        },
        {"name": "get_time", "input_schema": {"type": "object", "properties": {}}},
    ]


def test_allowed_tools_choice_offers_only_those_tools() -> None:
    choice = {
        "type": "allowed_tools",
        "allowed_tools": {
            "mode": "required",
            "tools": [{"type": "function", "function": {"name": "get_time"}}],
        },
    }
    out = translated(tools=[WEATHER_TOOL, TIME_TOOL], tool_choice=choice)
    assert [tool["name"] for tool in out["tools"]] == ["get_time"]
    assert out["tool_choice"] == {"type": "any"}


def test_strict_tools_and_no_tools_with_auto_choice() -> None:
    strict = {"type": "function", "function": {**WEATHER_TOOL["function"], "strict": True}}  # type: ignore[dict-item]
    assert translated(tools=[strict])["tools"][0]["strict"] is True
    out = translated(tool_choice="none")
    assert "tools" not in out
    assert "tool_choice" not in out


def test_tool_calls_and_results_round_trip() -> None:
    messages = [
        {"role": "system", "content": "Use tools."},
        {"role": "user", "content": "Weather in SF and Paris?"},
        {
            "role": "assistant",
            "content": "Checking.",
            "tool_calls": [
                {"id": "toolu_1", "type": "function",
                 "function": {"name": "get_weather", "arguments": '{"location": "SF"}'}},
                {"id": "toolu_2", "type": "function",
                 "function": {"name": "get_weather", "arguments": '{"location": "Paris"}'}},
            ],
        },
        {"role": "tool", "tool_call_id": "toolu_1", "content": "18C"},
        {"role": "tool", "tool_call_id": "toolu_2", "content": [{"type": "text", "text": "21C"}]},
        {"role": "user", "content": "Which is warmer?"},
        {"role": "assistant", "content": None,
         "tool_calls": [{"id": "toolu_3", "type": "function",
                         "function": {"name": "get_time", "arguments": ""}}]},
        {"role": "tool", "tool_call_id": "toolu_3", "content": ""},
    ]  # fmt: skip
    out = translated(messages=messages, tools=[WEATHER_TOOL, TIME_TOOL])
    assert out["messages"] == [
        {"role": "user", "content": [text("Weather in SF and Paris?")]},
        {
            "role": "assistant",
            "content": [
                text("Checking."),
                tool_use("toolu_1", "get_weather", {"location": "SF"}),
                tool_use("toolu_2", "get_weather", {"location": "Paris"}),
            ],
        },
        {
            "role": "user",
            "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": "18C"},
                {"type": "tool_result", "tool_use_id": "toolu_2", "content": [text("21C")]},
                text("Which is warmer?"),
            ],
        },
        {"role": "assistant", "content": [tool_use("toolu_3", "get_time", {})]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_3"}]},
    ]


def test_tool_results_come_first_in_a_merged_user_turn() -> None:
    messages = [
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "t1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
        {"role": "user", "content": "Note first."},
        {"role": "tool", "tool_call_id": "t1", "content": "ok"},
    ]  # fmt: skip
    user_turn = translated(messages=messages)["messages"][1]["content"]
    assert [block["type"] for block in user_turn] == ["tool_result", "text"]


def test_images_and_pdfs() -> None:
    png = {"url": "data:image/png;base64,iVBORw0KGgo=", "detail": "high"}
    pdf = {"file_data": "data:application/pdf;base64,JVBERi0xLjQ=", "filename": "a.pdf"}
    content = [
        text("Compare these."),
        {"type": "image_url", "image_url": png},
        {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}},
        {"type": "file", "file": pdf},
    ]
    blocks = translated(messages=[{"role": "user", "content": content}])["messages"][0]["content"]
    assert blocks[1:] == [
        {"type": "image", "source": base64_source("image/png", "iVBORw0KGgo=")},
        {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.jpg"}},
        {"type": "document", "source": base64_source("application/pdf", "JVBERi0xLjQ=")},
    ]


def test_structured_output_and_reasoning_effort() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"],
              "additionalProperties": False}  # fmt: skip
    fmt = {
        "type": "json_schema",
        "json_schema": {"name": "answer", "schema": schema, "strict": True},
    }
    out = translated(response_format=fmt, reasoning_effort="minimal")
    assert out["output_config"] == {
        "effort": "low",
        "format": {"type": "json_schema", "schema": schema},
    }
    assert translated(reasoning_effort="high")["output_config"] == {"effort": "high"}
    thinking = {"type": "enabled", "budget_tokens": 2048}
    assert translated(thinking=thinking)["thinking"] == thinking


@pytest.mark.parametrize(
    ("fields", "param"),
    [
        ({"n": 2}, "n"),
        ({"logprobs": True}, "logprobs"),
        ({"top_logprobs": 3}, "logprobs"),
        ({"frequency_penalty": 0.5}, "frequency_penalty"),
        ({"presence_penalty": -1}, "presence_penalty"),
        ({"logit_bias": {"50256": -100}}, "logit_bias"),
        ({"modalities": ["text", "audio"]}, "modalities"),
        ({"audio": {"voice": "alloy", "format": "wav"}}, "modalities"),
        ({"functions": [{"name": "f"}]}, "functions"),
        ({"web_search_options": {}}, "web_search_options"),
        ({"min_p": 0.1}, "min_p"),
        ({"temperature": 1.5}, "temperature"),
        ({"response_format": {"type": "json_object"}}, "response_format"),
        ({"response_format": {"type": "json_schema", "json_schema": {}}}, "response_format"),
        ({"reasoning_effort": "extreme"}, "reasoning_effort"),
        ({"tools": [{"type": "custom", "custom": {"name": "grammar"}}]}, "tools[0]"),
        ({"tool_choice": "required"}, "tool_choice"),
        ({"tools": [WEATHER_TOOL], "tool_choice": {"type": "function"}}, "tool_choice"),
        ({"messages": [{"role": "function", "name": "f", "content": "x"}]}, "messages[0].role"),
        ({"messages": [{"role": "user", "content": [{"type": "input_audio",
          "input_audio": {"data": "AAA", "format": "wav"}}]}]}, "messages[0].content[0]"),
        ({"messages": [{"role": "user", "content": [{"type": "image_url",
          "image_url": {"url": "data:image/png,notbase64"}}]}]}, "messages[0].content[0]"),
        ({"messages": [{"role": "user", "content": [{"type": "image_url",
          "image_url": {"url": "data:image/bmp;base64,Qk0="}}]}]}, "messages[0].content[0]"),
        ({"messages": [{"role": "user", "content": [{"type": "file",
          "file": {"file_data": "data:text/plain;base64,aGk="}}]}]}, "messages[0].content[0]"),
        ({"messages": [{"role": "user", "content": [{"type": "file",
          "file": {"file_id": "file-abc"}}]}]}, "messages[0].content[0]"),
        ({"messages": [{"role": "system", "content": [{"type": "image_url",
          "image_url": {"url": "https://x/y.png"}}]}]}, "messages[0].content[0]"),
        ({"messages": [{"role": "assistant", "tool_calls": [{"id": "t", "type": "function",
          "function": {"name": "f", "arguments": "{not json"}}]}]},
         "messages[0].tool_calls[0].function.arguments"),
        ({"messages": [{"role": "tool", "content": "x"}]}, "messages[0].tool_call_id"),
    ],
)  # fmt: skip
def test_untranslatable_requests_raise(fields: dict[str, Any], param: str) -> None:
    with pytest.raises(TranslationError) as raised:
        translate_request(request(**fields), "anth")
    assert raised.value.param == param
    assert raised.value.message == str(raised.value)


# --- responses ------------------------------------------------------------------------------


def completion(name: str) -> dict[str, Any]:
    out = translate_response(fixture_json(f"anthropic/{name}.json"), "gpt-alias")
    ChatCompletion.model_validate(out)
    assert out["model"] == "gpt-alias"
    assert out["object"] == "chat.completion"
    return out


def test_text_response_with_cache_usage() -> None:
    out = completion("message_text")
    assert out["id"] == "msg_01XFDUDYJgAACzvnptvVoYEL"
    choice = out["choices"][0]
    assert choice["message"] == {
        "role": "assistant",
        "content": "The capital of France is Paris.",
        "refusal": None,
    }
    assert choice["finish_reason"] == "stop"
    # Anthropic's input excludes cache reads and writes; OpenAI's prompt_tokens includes them.
    assert out["usage"] == {
        "prompt_tokens": 21 + 1024 + 2048,
        "completion_tokens": 10,
        "total_tokens": 21 + 1024 + 2048 + 10,
        "prompt_tokens_details": {"cached_tokens": 2048},
    }


def test_parallel_tool_use_response() -> None:
    out = completion("message_tool_use")
    message = out["choices"][0]["message"]
    assert out["choices"][0]["finish_reason"] == "tool_calls"
    assert message["content"] == "I'll check the weather in both cities."
    calls = message["tool_calls"]
    assert [call["id"] for call in calls] == [
        "toolu_01A09q90qw90lq917835lq9",
        "toolu_01B2c3D4e5F6g7H8i9J0kL1m",
    ]
    assert orjson.loads(calls[1]["function"]["arguments"]) == {
        "location": "Paris, France",
        "unit": "celsius",
    }
    parsed = ChatCompletion.model_validate(out).choices[0].message.tool_calls
    assert parsed is not None
    assert parsed[0].type == "function"


@pytest.mark.parametrize(
    ("name", "finish"),
    [("message_max_tokens", "length"), ("message_stop_sequence", "stop")],
)
def test_stop_reasons(name: str, finish: str) -> None:
    assert completion(name)["choices"][0]["finish_reason"] == finish


@pytest.mark.parametrize(
    ("stop_reason", "finish"),
    [("refusal", "content_filter"), ("pause_turn", "stop"),
     ("model_context_window_exceeded", "length"), (None, "stop"), ("future_reason", "stop")],
)  # fmt: skip
def test_stop_reason_table(stop_reason: str | None, finish: str) -> None:
    body = {**fixture_json("anthropic/message_text.json"), "stop_reason": stop_reason}
    assert translate_response(body, "m")["choices"][0]["finish_reason"] == finish


def test_thinking_is_reported_and_can_be_handed_back() -> None:
    out = completion("message_thinking")
    message = out["choices"][0]["message"]
    assert message["content"] == ANSWER
    assert message["reasoning_content"].endswith("= 12231.")
    assert message["thinking_blocks"][0]["signature"].startswith("EqQB")
    # A client that keeps the message and sends it back gives Anthropic the signed block again.
    follow_up = [
        {"role": "user", "content": "27*453?"},
        message,
        {"role": "user", "content": "Sure?"},
    ]
    assistant = translated(messages=follow_up)["messages"][1]["content"]
    assert [block["type"] for block in assistant] == ["thinking", "text"]


def test_missing_id_and_usage() -> None:
    out = translate_response({"content": [], "stop_reason": "end_turn"}, "m")
    assert out["id"].startswith("chatcmpl-")
    assert out["choices"][0]["message"]["content"] == ""
    assert "usage" not in out
    ChatCompletion.model_validate(out)


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "name", "kind", "code"),
    [
        (529, "error_overloaded", "server_error", "overloaded_error"),
        (400, "error_prompt_too_long", "invalid_request_error", "context_length_exceeded"),
        (429, "error_rate_limit", "rate_limit_error", "rate_limit_error"),
    ],
)
def test_errors(status: int, name: str, kind: str, code: str) -> None:
    upstream = fixture_json(f"anthropic/{name}.json")
    out = translate_error(status, upstream)
    assert out == {
        "error": {
            "message": upstream["error"]["message"],
            "type": kind,
            "param": None,
            "code": code,
        }
    }


def test_error_without_a_body() -> None:
    out = translate_error(502, None)
    assert out["error"]["message"] == "upstream answered HTTP 502"
    assert out["error"]["type"] == "server_error"


# --- streams --------------------------------------------------------------------------------


def stream(
    name: str, *, include_usage: bool = True, **kwargs: Any
) -> tuple[StreamTranslator, list[Any]]:
    translator = StreamTranslator("gpt-alias", include_usage=include_usage)
    raw = replay(translator, fixture_bytes(f"anthropic/{name}.sse"), upstream="anthropic", **kwargs)
    payloads = openai_payloads(raw)
    for payload in payloads:
        if isinstance(payload, dict) and "error" not in payload:
            chunk = ChatCompletionChunk.model_validate(payload)
            assert chunk.model == "gpt-alias"
            assert chunk.object == "chat.completion.chunk"
    return translator, payloads


def accumulate(payloads: list[Any]) -> Any:
    state: ChatCompletionStreamState[None] = ChatCompletionStreamState()
    for payload in payloads:
        if isinstance(payload, dict):
            state.handle_chunk(ChatCompletionChunk.model_validate(payload))
    return state.get_final_completion()


@pytest.mark.parametrize("size", [1, 7, 64, 100_000])
def test_text_stream(size: int) -> None:
    translator, payloads = stream("stream_text", size=size)
    assert payloads[-1] == "[DONE]"
    chunks = payloads[:-1]
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert len({chunk["id"] for chunk in chunks}) == 1
    assert chunks[0]["id"] == "msg_01LZN8eNJ2gNxQW9mq6bK3pT"
    assert chunks[-2]["choices"][0] == {
        "index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}  # fmt: skip
    assert chunks[-1]["choices"] == []
    assert chunks[-1]["usage"] == {
        "prompt_tokens": 12 + 1536,
        "completion_tokens": 15,
        "total_tokens": 12 + 1536 + 15,
        "prompt_tokens_details": {"cached_tokens": 1536},
    }
    final = accumulate(payloads)
    assert final.choices[0].message.content == "Hello! How can I help you today? ☀️"
    assert final.choices[0].finish_reason == "stop"
    assert translator.usage == Usage(input_tokens=1548, output_tokens=15, cached_input_tokens=1536)
    assert translator.finish_reason == "stop"


def test_text_stream_without_include_usage_has_no_usage_chunk() -> None:
    translator, payloads = stream("stream_text", include_usage=False)
    assert all(chunk["choices"] for chunk in payloads[:-1])
    assert all("usage" not in chunk for chunk in payloads[:-1])
    assert translator.usage is not None, "usage is still metered"


def test_with_include_usage_every_chunk_but_the_last_has_null_usage() -> None:
    """As OpenAI streams it: a client may tell the usage chunk by its key or by its value."""
    _, payloads = stream("stream_tool_use")
    *chunks, last, done = payloads
    assert done == "[DONE]"
    assert chunks
    assert all("usage" in chunk and chunk["usage"] is None for chunk in chunks)
    assert last["usage"]["prompt_tokens_details"] == {"cached_tokens": 0}
    assert "completion_tokens_details" not in last["usage"], "Anthropic does not count them"


def test_parallel_tool_use_stream() -> None:
    translator, payloads = stream("stream_tool_use")
    tool_deltas = [
        call
        for chunk in payloads[:-1]
        for choice in chunk["choices"]
        for call in choice["delta"].get("tool_calls", [])
    ]
    assert tool_deltas[0] == {
        "index": 0,
        "id": "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
        "type": "function",
        "function": {"name": "get_weather", "arguments": ""},
    }
    assert tool_deltas[-2]["id"] == "toolu_01Ab2Cd3Ef4Gh5Ij6Kl7Mn8O"
    assert all(set(delta) == {"index", "function"} for delta in tool_deltas[1:-2])
    final = accumulate(payloads)
    message = final.choices[0].message
    assert message.content == "I'll check both cities."
    assert message.tool_calls is not None
    assert [orjson.loads(call.function.arguments) for call in message.tool_calls] == [
        {"location": "San Francisco, CA", "unit": "celsius"},
        {"timezone": "America/Los_Angeles"},
    ]
    assert final.choices[0].finish_reason == "tool_calls"
    assert translator.finish_reason == "tool_calls"


def test_a_streamed_tool_without_input_has_empty_object_arguments() -> None:
    """Anthropic streams a tool that takes no input as ``input: {}`` and an empty (or no)
    ``input_json_delta``: the client's arguments must parse, as ``{}``."""
    events = [
        ("message_start", {"type": "message_start", "message": {"id": "msg_1", "usage": {}}}),
        ("content_block_start", {"type": "content_block_start", "index": 0,
                                 "content_block": {"type": "tool_use", "id": "toolu_1",
                                                   "name": "now", "input": {}}}),
        ("content_block_delta", {"type": "content_block_delta", "index": 0,
                                 "delta": {"type": "input_json_delta", "partial_json": ""}}),
        ("content_block_stop", {"type": "content_block_stop", "index": 0}),
        ("message_delta", {"type": "message_delta", "delta": {"stop_reason": "tool_use"},
                           "usage": {"output_tokens": 5}}),
        ("message_stop", {"type": "message_stop"}),
    ]  # fmt: skip
    raw = b"".join(
        f"event: {name}\ndata: {orjson.dumps(body).decode()}\n\n".encode() for name, body in events
    )
    translator = StreamTranslator("m", include_usage=False)
    payloads = openai_payloads(replay(translator, raw, upstream="anthropic"))
    message = accumulate(payloads).choices[0].message
    assert message.tool_calls is not None
    assert [call.function.arguments for call in message.tool_calls] == ["{}"]


def test_thinking_stream_reports_reasoning_content() -> None:
    _, payloads = stream("stream_thinking")
    reasoning = "".join(
        chunk["choices"][0]["delta"].get("reasoning_content", "")
        for chunk in payloads[:-1]
        if chunk["choices"]
    )
    assert reasoning == "27 * 453 = 10800 + 1431 = 12231."
    assert accumulate(payloads).choices[0].message.content == ANSWER


def test_stop_sequence_stream() -> None:
    translator, payloads = stream("stream_stop_sequence")
    assert accumulate(payloads).choices[0].finish_reason == "stop"
    assert translator.finish_reason == "stop"


def test_max_tokens_stream() -> None:
    raw = fixture_bytes("anthropic/stream_text.sse").replace(b'"end_turn"', b'"max_tokens"')
    translator = StreamTranslator("m", include_usage=False)
    payloads = openai_payloads(replay(translator, raw, upstream="anthropic"))
    assert payloads[-2]["choices"][0]["finish_reason"] == "length"


def test_upstream_error_event_ends_the_stream_with_an_error() -> None:
    translator, payloads = stream("stream_overloaded")
    assert "[DONE]" not in payloads
    assert payloads[-1]["error"] == {
        "message": "Overloaded",
        "type": "server_error",
        "param": None,
        "code": "overloaded_error",
    }
    assert translator.finish() == []
    assert translator.error_events("again", "server_error") == []
    assert translator.usage is not None
    assert translator.usage.input_tokens == 30


def test_cut_stream_ends_with_an_error_the_sdk_raises() -> None:
    raw = fixture_bytes("anthropic/stream_text.sse")
    translator = StreamTranslator("gpt-alias", include_usage=True)
    out = replay(
        translator, raw, upstream="anthropic", cut_at=raw.index(b"event: content_block_stop")
    )
    payloads = openai_payloads(out)
    assert payloads[-1]["error"] == {
        "message": "Backend closed the stream early.",
        "type": "server_error",
        "param": None,
        "code": None,
    }
    assert "[DONE]" not in payloads
    assert translator.finish_reason is None
    with pytest.raises(openai.APIError, match="closed the stream early"):
        openai_sdk_chunks(out)


def test_the_openai_sdk_reads_the_translated_stream() -> None:
    translator = StreamTranslator("gpt-alias", include_usage=True)
    out = replay(translator, fixture_bytes("anthropic/stream_tool_use.sse"), upstream="anthropic")
    chunks = openai_sdk_chunks(out)
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == 89
    assert chunks[-2].choices[0].finish_reason == "tool_calls"


def test_finish_without_message_stop_closes_the_stream() -> None:
    translator = StreamTranslator("m", include_usage=False)
    out = translator.finish()
    payloads = openai_payloads(b"".join(out))
    assert payloads[0]["choices"][0]["delta"]["role"] == "assistant"
    assert payloads[1]["choices"][0]["finish_reason"] == "stop"
    assert payloads[-1] == "[DONE]"
    assert translator.finish() == []


def test_unknown_events_are_ignored_and_garbage_refused() -> None:
    translator = StreamTranslator("m", include_usage=False)
    assert translator.feed(SSEEvent("ping", '{"type": "ping"}')) == []
    assert translator.feed(SSEEvent("future_event", '{"type": "future_event"}')) == []
    with pytest.raises(MalformedEvent):  # a broken engine: the stream ends with an error
        translator.feed(SSEEvent("content_block_delta", "{not json"))
    assert translator.usage is None


def test_foreign_tool_call_ids_are_rewritten_consistently() -> None:
    messages = [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [tool_call("functions.f:0", "f", "{}")],
        },
        {"role": "tool", "tool_call_id": "functions.f:0", "content": "ok"},
    ]
    out = translated(messages=messages)["messages"]
    assert out[0]["content"][0]["id"] == "functions_f_0"
    assert out[1]["content"][0]["tool_use_id"] == "functions_f_0"


# --- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize("junk", JUNK)
def test_malformed_requests_raise_only_translation_errors(junk: Any) -> None:
    fields = ["messages", "tools", "tool_choice", "response_format", "reasoning_effort",
              "stop", "n", "logprobs", "modalities", "user", "parallel_tool_calls"]  # fmt: skip
    bodies = [request(**{field: junk}) for field in fields]
    for role in ("system", "developer", "user", "assistant", "tool"):
        for key in ("content", "tool_calls", "tool_call_id", "thinking_blocks", "function_call"):
            message = {"role": role, "content": "hi", "tool_call_id": "t", key: junk}
            bodies.append(request(messages=[message]))
    for body in bodies:
        with contextlib.suppress(TranslationError):
            translate_request(body, "anth")


@pytest.mark.parametrize("junk", JUNK)
def test_malformed_upstream_bodies_and_events_do_not_raise(junk: Any) -> None:
    bodies = [{"content": junk}, {"content": [junk]}, {"usage": junk, "stop_reason": junk},
              {"error": junk}, {"type": "error", "error": {"message": junk}}]  # fmt: skip
    for body in bodies:
        ChatCompletion.model_validate(translate_response(body, "m"))
        translate_error(500, body)
    for name in ("message_start", "content_block_start", "content_block_delta", "message_delta",
                 "error", "message_stop"):  # fmt: skip
        payload = {"type": name, "message": junk, "content_block": junk, "delta": junk,
                   "usage": junk, "index": junk, "error": junk}  # fmt: skip
        translator = StreamTranslator("m", include_usage=True)
        out = translator.feed(SSEEvent(name, orjson.dumps(payload).decode())) + translator.finish()
        for chunk in openai_payloads(b"".join(out)):
            if isinstance(chunk, dict) and "error" not in chunk:
                ChatCompletionChunk.model_validate(chunk)
