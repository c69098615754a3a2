"""Agent loops against the simulator through the gateway, driven by the official SDKs.

The simulator answers tool-bearing turns with a call, a turn after a tool result with text that
ends by itself, and honours stop sequences; the gateway carries all of it to Anthropic clients.
"""

from __future__ import annotations

from typing import Any

import anthropic
import jsonschema
import openai
import orjson
import pytest

from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway

MODEL = "gpu/bastion-sim"
LOOKUP: Any = {
    "name": "lookup",
    "description": "Look a word up",
    "input_schema": {
        "type": "object",
        "properties": {
            "word": {"type": "string", "minLength": 1},
            "limit": {"type": "integer", "minimum": 1, "maximum": 5},
            "lang": {"enum": ["en", "fr"]},
        },
        "required": ["word", "lang"],
        "additionalProperties": False,
    },
}
WEATHER: Any = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "days": {"type": "integer", "minimum": 1}},
            "required": ["city"],
        },
    },
}


@pytest.fixture
def gateway(start_gateway: GatewayFactory, sim_backend: Any) -> RunningGateway:
    return start_gateway(
        {"gpu": {"kind": "openai-compatible", "location": "local", "base_url": sim_backend()}}
    )


def claude(gateway: RunningGateway) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=gateway.url, api_key=ADMIN_KEY, max_retries=0, timeout=20)


def gpt(gateway: RunningGateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0, timeout=20)


def test_an_anthropic_agent_loop_gets_a_tool_call_then_an_answer(gateway: RunningGateway) -> None:
    api = claude(gateway)
    messages: list[Any] = [{"role": "user", "content": "What does 'sea' mean?"}]
    first = api.messages.create(model=MODEL, max_tokens=1024, tools=[LOOKUP], messages=messages)
    assert first.stop_reason == "tool_use"
    (use,) = [b for b in first.content if b.type == "tool_use"]
    assert use.name == "lookup"
    jsonschema.validate(use.input, LOOKUP["input_schema"])
    messages += [
        {"role": "assistant", "content": first.content},
        {
            "role": "user",
            "content": [
                {"type": "tool_result", "tool_use_id": use.id, "content": "A body of water."},
                # Coding agents add text of their own to the turn carrying the results.
                {"type": "text", "text": "<reminder>Be brief.</reminder>"},
            ],
        },
    ]
    second = api.messages.create(model=MODEL, max_tokens=1024, tools=[LOOKUP], messages=messages)
    assert second.stop_reason == "end_turn"
    assert [b.type for b in second.content] == ["text"]
    assert second.content[0].text.endswith(".")  # type: ignore[union-attr]
    assert second.usage.output_tokens < 1024


def test_anthropic_tool_use_streams_input_json(gateway: RunningGateway) -> None:
    messages: Any = [{"role": "user", "content": "Look up 'river'."}]
    with claude(gateway).messages.stream(
        model=MODEL, max_tokens=1024, tools=[LOOKUP], messages=messages
    ) as stream:
        events = list(stream)
        final = stream.get_final_message()
    deltas = [e for e in events if e.type == "content_block_delta"]
    assert deltas and all(e.delta.type == "input_json_delta" for e in deltas)  # type: ignore[union-attr]
    assert final.stop_reason == "tool_use"
    (use,) = [b for b in final.content if b.type == "tool_use"]
    jsonschema.validate(use.input, LOOKUP["input_schema"])


def test_anthropic_tool_choice(gateway: RunningGateway) -> None:
    api = claude(gateway)
    request: Any = {
        "model": MODEL,
        "max_tokens": 1024,
        "tools": [LOOKUP],
        "messages": [{"role": "user", "content": "Hello"}],
    }
    never = api.messages.create(**request, tool_choice={"type": "none"})
    assert never.stop_reason == "end_turn"
    assert [b.type for b in never.content] == ["text"]
    forced = api.messages.create(**request, tool_choice={"type": "any"})
    assert forced.stop_reason == "tool_use"


def test_anthropic_answers_end_naturally_streamed(gateway: RunningGateway) -> None:
    messages: Any = [{"role": "user", "content": "Tell me about the sea"}]
    with claude(gateway).messages.stream(model=MODEL, max_tokens=4096, messages=messages) as stream:
        text = stream.get_final_text()
        final = stream.get_final_message()
    assert final.stop_reason == "end_turn"
    assert final.stop_sequence is None
    assert text.endswith(".")
    assert final.usage.output_tokens < 600


def test_anthropic_stop_sequences_whole_and_streamed(gateway: RunningGateway) -> None:
    api = claude(gateway)
    messages: Any = [{"role": "user", "content": "Tell me about the river"}]
    free = api.messages.create(model=MODEL, max_tokens=1024, messages=messages)
    text = free.content[0].text  # type: ignore[union-attr]
    stop = text.split()[5]
    cut = text[: text.index(stop)]
    whole = api.messages.create(
        model=MODEL, max_tokens=1024, messages=messages, stop_sequences=["qqq", stop]
    )
    assert (whole.stop_reason, whole.stop_sequence) == ("stop_sequence", stop)
    assert whole.content[0].text == cut  # type: ignore[union-attr]
    with api.messages.stream(
        model=MODEL, max_tokens=1024, messages=messages, stop_sequences=[stop]
    ) as stream:
        streamed = stream.get_final_text()
        final = stream.get_final_message()
    assert streamed == cut
    assert (final.stop_reason, final.stop_sequence) == ("stop_sequence", stop)


def test_an_openai_agent_loop_with_the_stream_helper(gateway: RunningGateway) -> None:
    api = gpt(gateway)
    messages: Any = [{"role": "user", "content": "Weather in Lyon?"}]
    with api.chat.completions.stream(model=MODEL, messages=messages, tools=[WEATHER]) as stream:
        first = stream.get_final_completion()
    (choice,) = first.choices
    assert choice.finish_reason == "tool_calls"
    (call,) = choice.message.tool_calls or []
    assert call.function.name == "get_weather"  # type: ignore[union-attr]
    arguments = orjson.loads(call.function.arguments)  # type: ignore[union-attr]
    jsonschema.validate(arguments, WEATHER["function"]["parameters"])
    messages += [
        choice.message.model_dump(exclude_none=True, exclude={"parsed"}),
        {"role": "tool", "tool_call_id": call.id, "content": "Sunny."},
    ]
    with api.chat.completions.stream(model=MODEL, messages=messages, tools=[WEATHER]) as stream:
        second = stream.get_final_completion()
    assert second.choices[0].finish_reason == "stop"
    assert second.choices[0].message.content
    stopped = api.chat.completions.create(
        model=MODEL, messages=messages, tools=[WEATHER], stop=["e"]
    )
    assert stopped.choices[0].finish_reason == "stop"
    assert "e" not in (stopped.choices[0].message.content or "")
