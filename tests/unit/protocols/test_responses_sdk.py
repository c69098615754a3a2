"""The official ``openai`` SDK reading what the Responses translators produce.

A stub transport plays the gateway: it parses the SDK's own request, translates it for the
backend (checking that works), and answers with the translation of a backend answer, whole or
streamed, exactly as ``POST /v1/responses`` will once wired.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx2
import openai
import orjson
import pytest
from openai import pydantic_function_tool
from pydantic import BaseModel

from bastion.protocols.responses import parse_create_response
from bastion.protocols.sse import encode_data, encode_event
from bastion.protocols.translate import responses_to_anthropic, responses_to_openai_chat
from tests.unit.protocols.responses_support import sdk_client
from tests.unit.protocols.streams import fixture_bytes, fixture_json, replay


class Weather(BaseModel):
    city: str
    celsius: int


class GetWeather(BaseModel):
    city: str


WEATHER_TOOL = {
    "type": "function",
    "name": "get_weather",
    "description": "Weather for a city.",
    "parameters": {
        "type": "object",
        "properties": {"location": {"type": "string"}},
        "required": ["location"],
        "additionalProperties": False,
    },
    "strict": True,
}


def gateway(
    module: ModuleType, upstream: dict[str, Any] | bytes, *, backend: str = "openai"
) -> tuple[Callable[[httpx2.Request], httpx2.Response], list[dict[str, Any]]]:
    """A handler answering ``upstream`` (a whole body or a recorded stream) through ``module``."""
    sent: list[dict[str, Any]] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        assert request.url.path == "/v1/responses"
        parsed = parse_create_response(orjson.loads(request.content))
        sent.append(module.translate_request(parsed, "upstream-model"))
        if parsed.stream:
            assert isinstance(upstream, bytes)
            translator = module.StreamTranslator(parsed.model, request=parsed)
            raw = replay(translator, upstream, upstream=backend, size=5)
            headers = {"content-type": "text/event-stream"}
            return httpx2.Response(200, content=raw, headers=headers)
        assert isinstance(upstream, dict)
        body = module.translate_response(upstream, parsed.model, request=parsed)
        return httpx2.Response(200, json=body)

    return handler, sent


def chat_stream(*deltas: dict[str, Any], finish: str = "stop") -> bytes:
    chunks = [{"index": 0, "delta": delta, "finish_reason": None} for delta in deltas]
    chunks.append({"index": 0, "delta": {}, "finish_reason": finish})
    out = [encode_data({"id": "c1", "object": "chat.completion.chunk", "choices": [c]})
           for c in chunks]  # fmt: skip
    usage = {"prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19}
    out.append(encode_data({"id": "c1", "choices": [], "usage": usage}))
    out.append(b"data: [DONE]\n\n")
    return b"".join(out)


def chat_body(content: str | None, tool_calls: list[Any] | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_calls:
        message["tool_calls"] = tool_calls
    return {
        "id": "c1",
        "object": "chat.completion",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19},
    }


# --- create, whole --------------------------------------------------------------------------


def test_create_text() -> None:
    handler, sent = gateway(responses_to_openai_chat, fixture_json("openai/chat_text_vllm.json"))
    client = sdk_client(handler)
    response = client.responses.create(model="alias", input="Hi", instructions="Be brief.")
    expected = fixture_json("openai/chat_text_vllm.json")["choices"][0]["message"]["content"]
    assert response.output_text == expected
    assert response.status == "completed"
    assert response.model == "alias"
    assert response.instructions == "Be brief."
    assert response.usage is not None
    assert response.usage.total_tokens > 0
    assert sent[0]["messages"][0] == {"role": "system", "content": "Be brief."}


def test_create_function_calls_then_send_outputs_back() -> None:
    handler, _ = gateway(responses_to_openai_chat, fixture_json("openai/chat_tool_calls.json"))
    client = sdk_client(handler)
    response = client.responses.create(
        model="alias",
        input="Weather in SF?",
        tools=[WEATHER_TOOL],  # type: ignore[list-item]
    )
    calls = [item for item in response.output if item.type == "function_call"]
    assert calls
    assert calls[0].name == "get_weather"
    orjson.loads(calls[0].arguments)
    # The next turn hands the calls and their outputs back, as agents do.
    follow_up: list[Any] = [{"role": "user", "content": "Weather in SF?"}]
    follow_up += [call.model_dump(exclude_none=True) for call in calls]
    follow_up += [
        {"type": "function_call_output", "call_id": call.call_id, "output": "18C"} for call in calls
    ]
    handler2, sent = gateway(responses_to_openai_chat, chat_body("It is 18C."))
    again = sdk_client(handler2).responses.create(model="alias", input=follow_up)
    assert again.output_text == "It is 18C."
    roles = [message["role"] for message in sent[0]["messages"]]
    assert roles == ["user", "assistant", *["tool"] * len(calls)]


def test_create_through_anthropic() -> None:
    upstream = fixture_json("anthropic/message_tool_use.json")
    handler, sent = gateway(responses_to_anthropic, upstream, backend="anthropic")
    response = sdk_client(handler).responses.create(
        model="alias",
        input="Weather?",
        tools=[WEATHER_TOOL],  # type: ignore[list-item]
        max_output_tokens=500,
    )
    assert response.output_text == "I'll check the weather in both cities."
    calls = [item for item in response.output if item.type == "function_call"]
    assert [call.call_id for call in calls] == [
        "toolu_01A09q90qw90lq917835lq9",
        "toolu_01B2c3D4e5F6g7H8i9J0kL1m",
    ]
    assert sent[0]["max_tokens"] == 500


# --- create(stream=True) and stream() -------------------------------------------------------


def test_create_stream_yields_typed_events() -> None:
    raw = fixture_bytes("openai/stream_tool_calls_openai.sse")
    handler, _ = gateway(responses_to_openai_chat, raw)
    stream = sdk_client(handler).responses.create(
        model="alias",
        input="Weather and time?",
        tools=[WEATHER_TOOL],  # type: ignore[list-item]
        stream=True,
    )
    events = list(stream)
    assert events[0].type == "response.created"
    assert events[-1].type == "response.completed"
    assert [e.sequence_number for e in events] == list(range(len(events)))
    done = [e for e in events if e.type == "response.function_call_arguments.done"]
    assert [orjson.loads(e.arguments) for e in done] == [
        {"location": "San Francisco, CA"},
        {"timezone": "America/Los_Angeles"},
    ]
    final = events[-1]
    assert final.type == "response.completed"
    assert [item.type for item in final.response.output] == ["function_call", "function_call"]


@pytest.mark.parametrize(
    ("module", "fixture", "backend"),
    [
        (responses_to_openai_chat, "openai/stream_text_openai.sse", "openai"),
        (responses_to_openai_chat, "openai/stream_reasoning_vllm.sse", "openai"),
        (responses_to_anthropic, "anthropic/stream_text.sse", "anthropic"),
        (responses_to_anthropic, "anthropic/stream_thinking.sse", "anthropic"),
    ],
)
def test_stream_helper_accumulates_text(module: ModuleType, fixture: str, backend: str) -> None:
    handler, _ = gateway(module, fixture_bytes(fixture), backend=backend)
    client = sdk_client(handler)
    with client.responses.stream(model="alias", input="Hi") as stream:
        deltas = [event.delta for event in stream if event.type == "response.output_text.delta"]
        final = stream.get_final_response()
    assert final.output_text == "".join(deltas)
    assert final.output_text
    assert final.status == "completed"


def test_stream_helper_with_function_calls_through_anthropic() -> None:
    raw = fixture_bytes("anthropic/stream_tool_use.sse")
    handler, _ = gateway(responses_to_anthropic, raw, backend="anthropic")
    client = sdk_client(handler)
    with client.responses.stream(
        model="alias",
        input="Weather and time?",
        tools=[WEATHER_TOOL],  # type: ignore[list-item]
    ) as stream:
        snapshots = [
            event.snapshot
            for event in stream
            if event.type == "response.function_call_arguments.delta"
        ]
        final = stream.get_final_response()
    calls = [item for item in final.output if item.type == "function_call"]
    assert [call.name for call in calls] == ["get_weather", "get_time"]
    assert snapshots[-1] == calls[-1].arguments
    assert orjson.loads(calls[0].arguments)


def test_failed_stream() -> None:
    handler, _ = gateway(responses_to_openai_chat, fixture_bytes("openai/stream_error_vllm.sse"))
    client = sdk_client(handler)
    events = list(client.responses.create(model="alias", input="Hi", stream=True))
    last = events[-1]
    assert last.type == "response.failed"
    assert last.response.error is not None
    assert "CUDA out of memory" in last.response.error.message
    with (
        pytest.raises(RuntimeError, match=r"response\.completed"),
        client.responses.stream(model="alias", input="Hi") as stream,
    ):
        stream.get_final_response()


# --- parse (structured outputs) -------------------------------------------------------------


def test_parse_with_a_pydantic_model() -> None:
    handler, sent = gateway(responses_to_openai_chat, chat_body('{"city": "Paris", "celsius": 18}'))
    parsed = sdk_client(handler).responses.parse(
        model="alias", input="Weather in Paris?", text_format=Weather
    )
    assert parsed.output_parsed == Weather(city="Paris", celsius=18)
    response_format = sent[0]["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["name"] == "Weather"
    assert response_format["json_schema"]["strict"] is True
    assert parsed.text is not None
    assert parsed.text.format is not None
    assert parsed.text.format.type == "json_schema"


def test_parse_through_anthropic_with_a_strict_tool() -> None:
    upstream = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "content": [{"type": "tool_use", "id": "toolu_1", "name": "GetWeather",
                     "input": {"city": "Rome"}}],
        "stop_reason": "tool_use",
        "usage": {"input_tokens": 9, "output_tokens": 4},
    }  # fmt: skip
    handler, sent = gateway(responses_to_anthropic, upstream, backend="anthropic")
    parsed = sdk_client(handler).responses.parse(
        model="alias",
        input="Weather in Rome?",
        tools=[pydantic_function_tool(GetWeather)],  # type: ignore[list-item]
    )
    [call] = parsed.output
    assert call.type == "function_call"
    assert call.parsed_arguments == GetWeather(city="Rome")
    assert sent[0]["tools"][0]["name"] == "GetWeather"


def test_parse_streamed() -> None:
    raw = chat_stream({"content": '{"city": "Os'}, {"content": 'lo", "celsius": -3}'})
    handler, _ = gateway(responses_to_openai_chat, raw)
    with sdk_client(handler).responses.stream(
        model="alias", input="Weather in Oslo?", text_format=Weather
    ) as stream:
        final = stream.get_final_response()
    assert final.output_parsed == Weather(city="Oslo", celsius=-3)


def test_gateway_errors_reach_the_sdk_as_bad_request() -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        from bastion.protocols.errors import GatewayError

        try:
            parse_create_response(orjson.loads(request.content))
        except GatewayError as error:
            return httpx2.Response(error.status, content=error.render("openai"))
        raise AssertionError("expected a refusal")

    client = sdk_client(handler)
    with pytest.raises(openai.BadRequestError) as caught:
        client.responses.create(
            model="alias",
            input="Search the web",
            tools=[{"type": "web_search"}],
        )
    assert caught.value.param == "tools[0].type"
    assert "web_search" in caught.value.message


def test_named_events_are_what_the_sdk_reads() -> None:
    # The SDK reads data lines; event names mirror ``type`` as OpenAI's own streams do.
    assert encode_event("response.created", {"type": "response.created"}).startswith(
        b"event: response.created\ndata: "
    )
