"""How the simulator answers a client that drives it: natural ends, stop strings, tool calls."""

from __future__ import annotations

import random
import statistics
from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson
import pytest

from bastion.sim import SimConfig, create_sim_app
from bastion.sim.chat import after_tool_result
from bastion.sim.textgen import TextOutput, natural_length
from tests.unit.sim.conftest import FAST, prompt

WEATHER: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string", "minLength": 2},
                "days": {"type": "integer", "minimum": 1, "maximum": 7},
                "unit": {"enum": ["C", "F"]},
            },
            "required": ["city"],
        },
    },
}
CLOCK: dict[str, Any] = {"type": "function", "function": {"name": "now"}}


class Sim:
    """The simulator's ASGI app, called in-process."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def chat(self, **body: Any) -> dict[str, Any]:
        body.setdefault("messages", [{"role": "user", "content": "What is the weather?"}])
        response = await self.client.post("/v1/chat/completions", json=body)
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    async def chat_chunks(self, **body: Any) -> list[dict[str, Any]]:
        body.setdefault("messages", [{"role": "user", "content": "What is the weather?"}])
        return await self._chunks("/v1/chat/completions", body)

    async def completion(self, **body: Any) -> dict[str, Any]:
        response = await self.client.post("/v1/completions", json=body)
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    async def completion_chunks(self, **body: Any) -> list[dict[str, Any]]:
        return await self._chunks("/v1/completions", body)

    async def _chunks(self, path: str, body: dict[str, Any]) -> list[dict[str, Any]]:
        response = await self.client.post(path, json={**body, "stream": True})
        assert response.status_code == 200, response.text
        events = response.text.split("\n\n")
        assert events[-2:] == ["data: [DONE]", ""]
        return [orjson.loads(event.removeprefix("data: ")) for event in events[:-2]]


@pytest.fixture
async def make_sim() -> AsyncIterator[Any]:
    started: list[tuple[Any, httpx.AsyncClient]] = []

    async def factory(**settings: Any) -> Sim:
        settings.setdefault("time_scale", FAST)
        app = create_sim_app(SimConfig(**settings))
        await app.state.sim.engine.start()
        transport = httpx.ASGITransport(app=app)
        client = httpx.AsyncClient(transport=transport, base_url="http://sim", timeout=30)
        started.append((app, client))
        return Sim(client)

    yield factory
    for app, client in started:
        await client.aclose()
        await app.state.sim.engine.stop()


def _user(text: str) -> list[dict[str, Any]]:
    return [{"role": "user", "content": text}]


def _streamed_text(chunks: list[dict[str, Any]]) -> str:
    return "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])


# --- natural ends ----------------------------------------------------------------------------


def test_natural_lengths_are_seeded_and_mostly_well_under_the_default_limit() -> None:
    config = SimConfig()
    lengths = [natural_length(random.Random(i), config) for i in range(4000)]
    assert lengths == [natural_length(random.Random(i), config) for i in range(4000)]
    assert all(config.output_len_min <= n <= config.output_len_max for n in lengths)
    assert 55 <= statistics.median(lengths) <= 75
    # Most answers are short; few would reach a limit of 256 tokens; none the default limit.
    assert sum(n < 128 for n in lengths) / len(lengths) > 0.85
    assert sum(n >= 256 for n in lengths) / len(lengths) < 0.02
    assert max(lengths) < config.default_max_tokens
    assert len(set(lengths)) > 100  # a spread, not a constant
    assert natural_length(random.Random(1), config, min_tokens=600) == 600


def test_the_distribution_is_a_setting_and_a_bare_range_stays_uniform() -> None:
    assert SimConfig().output_len_distribution == "lognormal"
    ranged = SimConfig(output_len_min=100, output_len_max=200)
    assert ranged.output_len_distribution == "uniform"
    lengths = [natural_length(random.Random(i), ranged) for i in range(2000)]
    assert min(lengths) == 100 and max(lengths) == 200
    assert 140 <= statistics.mean(lengths) <= 160
    narrow = SimConfig(
        output_len_distribution="lognormal", output_len_median=30, output_len_sigma=0
    )
    assert {natural_length(random.Random(i), narrow) for i in range(50)} == {30}
    with pytest.raises(ValueError, match="output_len_min"):
        SimConfig(output_len_min=50, output_len_max=10)


async def test_the_engine_ends_answers_by_themselves_unless_max_tokens_comes_first(
    make_engine: Any,
) -> None:
    engine = await make_engine()
    handles = [engine.generate(prompt(12, salt=i), 1024) for i in range(200)]
    results = [await h.result() for h in handles]
    finishes = [r.choices[0].finish_reason for r in results]
    assert finishes == ["stop"] * 200
    assert all(r.choices[0].text.endswith(".") for r in results)
    lengths = [r.completion_tokens for r in results]
    assert statistics.median(lengths) < 100
    # The same requests with a limit under their natural length end with "length".
    short = [await engine.generate(prompt(12, salt=i), 10).result() for i in range(20)]
    assert {r.choices[0].finish_reason for r in short} == {"length"}
    assert {r.completion_tokens for r in short} == {10}
    again = await engine.generate(prompt(12, salt=3), 1024).result()
    assert again.choices[0].text == results[3].choices[0].text


async def test_chat_answers_end_with_stop_and_the_same_text_streamed(make_sim: Any) -> None:
    sim = await make_sim()
    whole = await sim.chat(seed=7)
    (choice,) = whole["choices"]
    assert choice["finish_reason"] == "stop"
    assert choice["stop_reason"] is None
    assert whole["usage"]["completion_tokens"] < 256
    chunks = await sim.chat_chunks(seed=7)
    assert _streamed_text(chunks) == choice["message"]["content"]
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert (await sim.chat(seed=8))["choices"][0]["message"]["content"] != choice["message"][
        "content"
    ]
    limited = await sim.chat(seed=7, max_tokens=5)
    assert limited["choices"][0]["finish_reason"] == "length"


# --- stop strings ----------------------------------------------------------------------------


def test_the_earliest_stop_string_is_the_one_reported() -> None:
    def run(stops: list[str]) -> tuple[str, str | None]:
        output = TextOutput(random.Random(11), None, stop=stops)
        text = ""
        for _ in range(200):
            sampled = output.next_token()
            text += sampled.text
            if sampled.finish:
                return text, output.matched_stop
        return text, None

    free = TextOutput(random.Random(11), None)
    full = "".join(free.next_token().text for _ in range(200))
    early, late = full[100:106], full[400:406]
    assert full.index(early) < full.index(late)
    assert run([late, early]) == (full[: full.index(early)], early)
    # At the same position, the first one listed.
    short = early[:3]
    assert full.index(short) == full.index(early)
    assert run([early, short]) == (full[: full.index(early)], early)
    assert run([short, early]) == (full[: full.index(early)], short)
    assert run(["zzzz"])[1] is None


@pytest.mark.parametrize("stream", [False, True])
async def test_chat_stop_strings_cut_the_text_and_name_the_match(
    make_sim: Any, stream: bool
) -> None:
    sim = await make_sim()
    text = (await sim.chat(seed=3))["choices"][0]["message"]["content"]
    stop = text.split()[6]
    assert text.index(stop) > 0
    if stream:
        chunks = await sim.chat_chunks(seed=3, stop=["qqq", stop])
        got, last = _streamed_text(chunks), chunks[-1]["choices"][0]
        # Only the last chunk names the stop string.
        assert all("stop_reason" not in c["choices"][0] for c in chunks[:-1])
    else:
        last = (await sim.chat(seed=3, stop=["qqq", stop]))["choices"][0]
        got = last["message"]["content"]
    assert got == text[: text.index(stop)]
    assert stop not in got
    assert (last["finish_reason"], last["stop_reason"]) == ("stop", stop)


@pytest.mark.parametrize("stream", [False, True])
async def test_completion_stop_strings_name_the_match(make_sim: Any, stream: bool) -> None:
    sim = await make_sim()
    base = {"prompt": "Once upon a time", "max_tokens": 300, "seed": 2}
    text = (await sim.completion(**base))["choices"][0]["text"]
    stop = text.split()[5]
    if stream:
        chunks = await sim.completion_chunks(**base, stop=stop)
        got = "".join(c["choices"][0]["text"] for c in chunks)
        last = chunks[-1]["choices"][0]
    else:
        last = (await sim.completion(**base, stop=stop))["choices"][0]
        got = last["text"]
    assert got == text[: text.index(stop)]
    assert (last["finish_reason"], last["stop_reason"]) == ("stop", stop)


# --- tool calls ------------------------------------------------------------------------------


def _call(choice: dict[str, Any]) -> dict[str, Any]:
    (call,) = choice["message"]["tool_calls"]
    return call  # type: ignore[no-any-return]


def _after_call(call: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        *_user("What is the weather in Paris?"),
        {"role": "assistant", "content": None, "tool_calls": [call]},
        {"role": "tool", "tool_call_id": call["id"], "content": "Sunny."},
    ]


async def test_a_one_tool_agent_loop_gets_a_call_then_an_answer(make_sim: Any) -> None:
    sim = await make_sim()
    for i in range(20):  # every first turn gets its call, whatever the prompt
        first = await sim.chat(messages=_user(f"Weather {i}?"), tools=[WEATHER])
        (choice,) = first["choices"]
        assert choice["finish_reason"] == "tool_calls"
        assert choice["message"]["content"] is None
        call = _call(choice)
        assert call["type"] == "function" and call["id"].startswith("call_")
        assert call["function"]["name"] == "get_weather"
        arguments = orjson.loads(call["function"]["arguments"])
        assert isinstance(arguments["city"], str) and len(arguments["city"]) >= 2
    answer = await sim.chat(messages=_after_call(call), tools=[WEATHER])
    (choice,) = answer["choices"]
    assert choice["finish_reason"] == "stop"
    assert choice["message"]["content"] and "tool_calls" not in choice["message"]
    # A new user turn after the answer gets a call again.
    again = [
        *_after_call(call),
        choice["message"],
        *_user("And tomorrow?"),
    ]
    assert (await sim.chat(messages=again, tools=[WEATHER]))["choices"][0][
        "finish_reason"
    ] == "tool_calls"


async def test_tool_calls_stream_as_argument_fragments(make_sim: Any) -> None:
    sim = await make_sim()
    whole = _call((await sim.chat(tools=[WEATHER], seed=4))["choices"][0])
    chunks = await sim.chat_chunks(tools=[WEATHER], seed=4)
    deltas = [d for c in chunks for d in c["choices"][0]["delta"].get("tool_calls") or []]
    assert deltas[0]["id"] and deltas[0]["function"]["name"] == "get_weather"
    assert all(d["index"] == 0 for d in deltas)
    assert len(deltas) > 3  # the arguments arrive in pieces
    streamed = "".join(d["function"]["arguments"] for d in deltas)
    assert orjson.loads(streamed) == orjson.loads(whole["function"]["arguments"])
    assert chunks[-1]["choices"][0]["finish_reason"] == "tool_calls"


async def test_tool_choice_is_respected(make_sim: Any) -> None:
    sim = await make_sim()
    tools = [WEATHER, CLOCK]
    none = await sim.chat(tools=tools, tool_choice="none")
    assert none["choices"][0]["finish_reason"] == "stop"
    assert none["choices"][0]["message"]["content"]
    named = {"type": "function", "function": {"name": "now"}}
    for messages in (
        _user("Time?"),
        _after_call(_call((await sim.chat(tools=tools))["choices"][0])),
    ):
        # Forced calls are forced even after a tool result, as real engines do.
        forced = await sim.chat(messages=messages, tools=tools, tool_choice=named)
        assert _call(forced["choices"][0])["function"] == {"name": "now", "arguments": "{}"}
        required = await sim.chat(messages=messages, tools=tools, tool_choice="required")
        assert required["choices"][0]["finish_reason"] == "tool_calls"
        auto = await sim.chat(messages=messages, tools=tools, tool_choice="auto")
        assert auto["choices"][0]["finish_reason"] == (
            "stop" if messages[-1]["role"] == "tool" else "tool_calls"
        )
    several = await sim.chat(tools=tools, n=3)
    assert [c["finish_reason"] for c in several["choices"]] == ["tool_calls"] * 3
    bad = await sim.client.post(
        "/v1/chat/completions",
        json={
            "messages": _user("x"),
            "tools": tools,
            "tool_choice": {"type": "function", "function": {"name": "missing"}},
        },
    )
    assert bad.status_code == 400
    alone = await sim.client.post(
        "/v1/chat/completions", json={"messages": _user("x"), "tool_choice": "required"}
    )
    assert alone.status_code == 400


async def test_the_tool_call_probability_is_a_seeded_setting(make_sim: Any) -> None:
    never = await make_sim(tool_call_probability=0.0)
    reply = await never.chat(tools=[WEATHER])
    assert reply["choices"][0]["finish_reason"] == "stop"
    assert (await never.chat(tools=[WEATHER], tool_choice="required"))["choices"][0][
        "finish_reason"
    ] == "tool_calls"

    async def pattern(seed: int) -> list[str]:
        sim = await make_sim(tool_call_probability=0.5, seed=seed)
        replies = [await sim.chat(messages=_user(f"q{i}"), tools=[WEATHER]) for i in range(40)]
        return [r["choices"][0]["finish_reason"] for r in replies]

    first = await pattern(1)
    assert first == await pattern(1)
    assert first != await pattern(2)
    assert 8 < first.count("tool_calls") < 32
    assert set(first) == {"tool_calls", "stop"}


def test_tool_results_are_recognised_in_either_protocol_shape() -> None:
    call = {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
    asked = {"role": "assistant", "content": None, "tool_calls": [call]}
    result = {"role": "tool", "tool_call_id": "c1", "content": "42"}
    assert not after_tool_result(_user("hi"))
    assert after_tool_result([*_user("hi"), asked, result])
    # Tool results followed by the same turn's text, as translated Anthropic turns arrive.
    assert after_tool_result([*_user("hi"), asked, result, *_user("<reminder>")])
    answered = {"role": "assistant", "content": "It is 42."}
    assert not after_tool_result([*_user("hi"), asked, result, answered, *_user("thanks")])
    anthropic_turn = {
        "role": "user",
        "content": [{"type": "tool_result", "tool_use_id": "c1", "content": "42"}],
    }
    assert after_tool_result([*_user("hi"), {"role": "assistant", "content": "x"}, anthropic_turn])


async def test_json_output_and_tool_calls_still_end_with_their_own_reasons(make_sim: Any) -> None:
    sim = await make_sim()
    shaped = await sim.chat(response_format={"type": "json_object"})
    assert shaped["choices"][0]["finish_reason"] == "stop"
    assert isinstance(orjson.loads(shaped["choices"][0]["message"]["content"]), dict)
