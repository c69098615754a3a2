"""The simulator over real HTTP, driven by the official openai SDK."""

from __future__ import annotations

import base64
import math
import re
import struct
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import openai
import orjson
import pytest

from bastion.sim import SimConfig, create_sim_app, tokenizer
from tests.servers import RunningServer, start_server

USER: Any = [{"role": "user", "content": "Tell me about the sea"}]
TOOLS: Any = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
            },
        },
    }
]


@dataclass
class Sim:
    server: RunningServer

    @property
    def url(self) -> str:
        return self.server.url

    def api(self, timeout: float = 10) -> openai.OpenAI:
        return openai.OpenAI(
            base_url=self.url + "/v1", api_key="unused", max_retries=0, timeout=timeout
        )

    def faults(self, **fields: Any) -> None:
        httpx.post(self.url + "/sim/faults", json=fields, timeout=5).raise_for_status()

    def state(self) -> dict[str, Any]:
        return httpx.get(self.url + "/sim/state", timeout=5).json()  # type: ignore[no-any-return]

    def wait_until(self, check: Callable[[dict[str, Any]], bool], timeout: float = 5) -> None:
        deadline = time.monotonic() + timeout
        while not check(state := self.state()):
            assert time.monotonic() < deadline, state
            time.sleep(0.02)


@pytest.fixture
def sim() -> Iterator[Callable[..., Sim]]:
    servers: list[RunningServer] = []

    def factory(**settings: Any) -> Sim:
        settings.setdefault("time_scale", 500.0)
        server = start_server(create_sim_app(SimConfig(**settings)), timeout_graceful_shutdown=2)
        servers.append(server)
        return Sim(server)

    yield factory
    for server in servers:
        server.stop()


def test_chat_non_streaming_is_marked_simulated_and_counts_tokens(sim: Callable[..., Sim]) -> None:
    response = (
        sim()
        .api()
        .chat.completions.with_raw_response.create(
            model="bastion-sim", messages=USER, max_tokens=12
        )
    )
    assert response.headers["x-bastion-simulated"] == "true"
    completion = response.parse()
    assert completion.id.startswith("chatcmpl-")
    assert completion.object == "chat.completion"
    assert completion.system_fingerprint == "bastion-sim"
    (choice,) = completion.choices
    assert choice.finish_reason == "length"
    assert choice.logprobs is None
    assert choice.message.role == "assistant"
    text = choice.message.content or ""
    assert completion.usage is not None
    assert completion.usage.completion_tokens == 12 == tokenizer.count(text)
    assert completion.usage.prompt_tokens == 4 + tokenizer.count(USER[0]["content"]) + 3
    assert completion.usage.total_tokens == completion.usage.prompt_tokens + 12


def test_streaming_matches_non_streaming_and_ends_with_usage(sim: Callable[..., Sim]) -> None:
    api = sim(time_scale=1.0).api()  # real time: each token leaves in its own chunk
    whole = api.chat.completions.create(model="bastion-sim", messages=USER, max_tokens=30)
    chunks = list(
        api.chat.completions.create(
            model="bastion-sim",
            messages=USER,
            max_tokens=30,
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    assert all(c.system_fingerprint == "bastion-sim" for c in chunks)
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert len({c.id for c in chunks}) == 1
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == whole.choices[0].message.content  # same seed, same request, same text
    assert [c.choices[0].finish_reason for c in chunks[:-1]][-1] == "length"
    assert chunks[-1].choices == []
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == 30
    # Tokens arrive one step at a time, not in one piece.
    assert sum(1 for c in chunks if c.choices and c.choices[0].delta.content) > 20


def test_raw_stream_is_server_sent_events_ending_in_done(sim: Callable[..., Sim]) -> None:
    body = {"model": "bastion-sim", "messages": USER, "max_tokens": 5, "stream": True}
    response = httpx.post(sim().url + "/v1/chat/completions", json=body, timeout=10)
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["x-bastion-simulated"] == "true"
    events = response.text.split("\n\n")
    assert events[-2:] == ["data: [DONE]", ""]
    for event in events[:-2]:
        assert event.startswith("data: ")
        assert orjson.loads(event[6:])["system_fingerprint"] == "bastion-sim"


def test_n_choices_and_stop_strings(sim: Callable[..., Sim]) -> None:
    api = sim().api()
    several = api.chat.completions.create(model="bastion-sim", messages=USER, n=3, max_tokens=8)
    assert [c.index for c in several.choices] == [0, 1, 2]
    assert len({c.message.content for c in several.choices}) == 3
    assert several.usage is not None
    assert several.usage.completion_tokens == 24
    text = several.choices[0].message.content or ""
    stop = text.split()[2]
    stopped = api.chat.completions.create(
        model="bastion-sim", messages=USER, n=3, max_tokens=8, stop=[stop]
    )
    assert stopped.choices[0].finish_reason == "stop"
    assert stopped.choices[0].message.content == text[: text.index(stop)]


def test_forced_tool_calls_non_streaming_and_streaming(sim: Callable[..., Sim]) -> None:
    api = sim().api()
    forced: Any = {"type": "function", "function": {"name": "get_weather"}}
    reply = api.chat.completions.create(
        model="bastion-sim", messages=USER, tools=TOOLS, tool_choice=forced
    )
    (choice,) = reply.choices
    assert choice.finish_reason == "tool_calls"
    assert choice.message.content is None
    (call,) = choice.message.tool_calls or []
    assert call.id.startswith("call_")
    assert call.function.name == "get_weather"  # type: ignore[union-attr]
    arguments = orjson.loads(call.function.arguments)  # type: ignore[union-attr]
    assert isinstance(arguments["city"], str)
    assert isinstance(arguments["days"], int)

    chunks = list(
        api.chat.completions.create(
            model="bastion-sim", messages=USER, tools=TOOLS, tool_choice=forced, stream=True
        )
    )
    deltas = [d for c in chunks for d in (c.choices[0].delta.tool_calls or [])]
    assert deltas[0].id and deltas[0].function and deltas[0].function.name == "get_weather"
    streamed = "".join(d.function.arguments or "" for d in deltas if d.function)
    assert orjson.loads(streamed) == arguments  # same request, same arguments
    assert chunks[-1].choices[0].finish_reason == "tool_calls"
    required = api.chat.completions.create(
        model="bastion-sim", messages=USER, tools=TOOLS, tool_choice="required"
    )
    assert required.choices[0].message.tool_calls


def test_tools_get_a_call_then_an_answer_after_the_result(sim: Callable[..., Sim]) -> None:
    api = sim().api()
    first = api.chat.completions.create(model="bastion-sim", messages=USER, tools=TOOLS)
    (choice,) = first.choices
    assert choice.finish_reason == "tool_calls"
    (call,) = choice.message.tool_calls or []
    assert call.function.name == "get_weather"  # type: ignore[union-attr]
    history: Any = [
        *USER,
        choice.message.model_dump(exclude_none=True),
        {"role": "tool", "tool_call_id": call.id, "content": "Sunny, 21 degrees."},
    ]
    second = api.chat.completions.create(model="bastion-sim", messages=history, tools=TOOLS)
    assert second.choices[0].finish_reason == "stop"
    assert second.choices[0].message.content
    assert not second.choices[0].message.tool_calls
    never = api.chat.completions.create(
        model="bastion-sim", messages=USER, tools=TOOLS, tool_choice="none"
    )
    assert never.choices[0].message.content and not never.choices[0].message.tool_calls


def test_the_sdk_helpers_get_natural_ends(sim: Callable[..., Sim]) -> None:
    # The SDK's stream and parse helpers raise on finish_reason "length".
    api = sim().api()
    with api.chat.completions.stream(model="bastion-sim", messages=USER) as stream:
        final = stream.get_final_completion()
    assert final.choices[0].finish_reason == "stop"
    assert (final.choices[0].message.content or "").endswith(".")
    with api.chat.completions.stream(model="bastion-sim", messages=USER, tools=TOOLS) as stream:
        called = stream.get_final_completion()
    (call,) = called.choices[0].message.tool_calls or []
    assert orjson.loads(call.function.arguments)  # type: ignore[union-attr]
    assert called.choices[0].finish_reason == "tool_calls"


def test_stop_strings_report_the_one_matched(sim: Callable[..., Sim]) -> None:
    url = sim().url + "/v1/chat/completions"
    body: dict[str, Any] = {"model": "bastion-sim", "messages": USER, "max_tokens": 200}
    text = httpx.post(url, json=body, timeout=10).json()["choices"][0]["message"]["content"]
    stop = text.split()[4]
    whole = httpx.post(url, json={**body, "stop": ["zzz", stop]}, timeout=10).json()
    (choice,) = whole["choices"]
    assert (choice["finish_reason"], choice["stop_reason"]) == ("stop", stop)
    assert choice["message"]["content"] == text[: text.index(stop)]
    streamed = httpx.post(url, json={**body, "stop": stop, "stream": True}, timeout=10)
    chunks = [orjson.loads(e[6:]) for e in streamed.text.split("\n\n") if e[6:7] == "{"]
    streamed_text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks)
    assert streamed_text == text[: text.index(stop)]
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert chunks[-1]["choices"][0]["stop_reason"] == stop
    plain = httpx.post(url, json=body, timeout=10).json()["choices"][0]
    assert plain["stop_reason"] is None


def test_json_response_formats(sim: Callable[..., Sim]) -> None:
    api = sim().api()
    plain = api.chat.completions.create(
        model="bastion-sim", messages=USER, response_format={"type": "json_object"}
    )
    assert isinstance(orjson.loads(plain.choices[0].message.content or ""), dict)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {"title": {"type": "string"}, "n": {"type": "number"}},
    }
    shaped = api.chat.completions.create(
        model="bastion-sim",
        messages=USER,
        response_format={"type": "json_schema", "json_schema": {"name": "x", "schema": schema}},
    )
    assert set(orjson.loads(shaped.choices[0].message.content or "")) == {"title", "n"}


def test_legacy_completions(sim: Callable[..., Sim]) -> None:
    api = sim().api()
    completion = api.completions.create(model="bastion-sim", prompt="Once upon a time")
    assert completion.object == "text_completion"
    assert completion.id.startswith("cmpl-")
    assert completion.usage is not None
    assert completion.usage.completion_tokens == 16  # the endpoint's default max_tokens
    assert completion.usage.prompt_tokens == 5
    batch = api.completions.create(model="bastion-sim", prompt=["a", "b"], n=2, max_tokens=3)
    assert [c.index for c in batch.choices] == [0, 1, 2, 3]
    chunks = list(
        api.completions.create(
            model="bastion-sim",
            prompt="Once upon a time",
            max_tokens=7,
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    assert "".join(c.choices[0].text for c in chunks if c.choices)
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == 7


def test_embeddings_are_deterministic_unit_vectors(sim: Callable[..., Sim]) -> None:
    api = sim().api()
    result = api.embeddings.create(model="bastion-sim", input=["alpha", "beta", "alpha"])
    vectors = [d.embedding for d in result.data]
    assert [d.index for d in result.data] == [0, 1, 2]
    assert len(vectors[0]) == 384
    assert math.isclose(math.fsum(v * v for v in vectors[0]), 1.0, rel_tol=1e-5)
    assert vectors[0] == vectors[2] != vectors[1]
    assert result.usage.prompt_tokens == 3
    raw = httpx.post(
        str(api.base_url.join("embeddings")),
        json={"model": "bastion-sim", "input": "alpha", "encoding_format": "base64"},
        timeout=5,
    ).json()
    packed = base64.b64decode(raw["data"][0]["embedding"])
    assert list(struct.unpack(f"<{len(packed) // 4}f", packed)) == vectors[0]
    short = api.embeddings.create(model="bastion-sim", input="alpha", dimensions=8)
    assert len(short.data[0].embedding) == 8
    # More than the model has, as engines and the OpenAI API answer: never a billion floats.
    with pytest.raises(openai.BadRequestError) as refused:
        api.embeddings.create(model="bastion-sim", input="alpha", dimensions=10**9)
    assert refused.value.body["param"] == "dimensions"  # type: ignore[index]


def test_models_say_they_are_simulated(sim: Callable[..., Sim]) -> None:
    running = sim(model="tiny", served_model_names=["tiny", "tiny-alias"])
    models = {m.id: m for m in running.api().models.list()}
    assert set(models) == {"tiny", "tiny-alias"}
    assert all(m.owned_by == "bastion-simulator" for m in models.values())
    assert all(m.model_extra and m.model_extra["simulated"] is True for m in models.values())
    reply = running.api().chat.completions.create(model="tiny-alias", messages=USER, max_tokens=2)
    assert reply.model == "tiny-alias"


def test_bad_requests_get_openai_errors(sim: Callable[..., Sim]) -> None:
    running = sim(max_model_len=64)
    api = running.api()
    with pytest.raises(openai.NotFoundError) as missing:
        api.chat.completions.create(model="gpt-9", messages=USER)
    assert missing.value.code == "model_not_found"
    malformed = httpx.post(running.url + "/v1/chat/completions", content=b"{nope", timeout=5)
    assert malformed.status_code == 400
    assert malformed.json()["error"]["type"] == "invalid_request_error"
    assert malformed.headers["x-bastion-simulated"] == "true"
    with pytest.raises(openai.BadRequestError) as too_long:
        api.chat.completions.create(model="bastion-sim", messages=USER, max_tokens=100)
    assert too_long.value.code == "context_length_exceeded"
    with pytest.raises(openai.BadRequestError):
        api.chat.completions.create(model="bastion-sim", messages=[])


def test_metrics_use_vllm_names(sim: Callable[..., Sim]) -> None:
    running = sim()
    running.api().chat.completions.create(model="bastion-sim", messages=USER, max_tokens=4)
    text = httpx.get(running.url + "/metrics", timeout=5).text
    for name in (
        "vllm:num_requests_running",
        "vllm:num_requests_waiting",
        "vllm:kv_cache_usage_perc",
        "vllm:gpu_cache_usage_perc",
        "vllm:num_preemptions_total",
        "vllm:prompt_tokens_total",
        "vllm:generation_tokens_total",
        "vllm:request_success_total",
        "vllm:time_to_first_token_seconds_bucket",
        "vllm:inter_token_latency_seconds_bucket",
        "vllm:e2e_request_latency_seconds_bucket",
    ):
        assert re.search(rf'^{re.escape(name)}{{[^}}]*model_name="bastion-sim"', text, re.M), name
    assert 'vllm:generation_tokens_total{model_name="bastion-sim"} 4.0' in text


def test_error_rate_faults(sim: Callable[..., Sim]) -> None:
    running = sim()
    api = running.api()
    running.faults(error_rate=1.0, error_status=429)
    assert httpx.get(running.url + "/sim/faults", timeout=5).json()["error_status"] == 429
    with pytest.raises(openai.RateLimitError) as limited:
        api.chat.completions.create(model="bastion-sim", messages=USER, max_tokens=2)
    assert limited.value.code == "injected_fault"
    running.faults(error_rate=1.0, error_status=503)
    with pytest.raises(openai.InternalServerError) as failed:
        api.chat.completions.create(model="bastion-sim", messages=USER, stream=True)
    assert failed.value.status_code == 503
    running.faults()
    assert api.chat.completions.create(model="bastion-sim", messages=USER, max_tokens=2).choices


def test_hang_times_out_clients_while_health_passes(sim: Callable[..., Sim]) -> None:
    running = sim()
    running.faults(hang=True)
    with pytest.raises(openai.APITimeoutError):
        running.api(timeout=0.5).chat.completions.create(
            model="bastion-sim", messages=USER, max_tokens=2
        )
    assert httpx.get(running.url + "/health", timeout=5).status_code == 200
    # The timed-out request was aborted: nothing is left queued or holding KV blocks.
    running.wait_until(lambda s: s["waiting"] == 0 and s["counters"]["requests_aborted"] == 1)
    running.faults()
    assert running.api().chat.completions.create(model="bastion-sim", messages=USER).choices


def test_stream_cut_ends_without_done(sim: Callable[..., Sim]) -> None:
    running = sim()
    running.faults(stream_cut_after_tokens=3)
    body = {"model": "bastion-sim", "messages": USER, "max_tokens": 50, "stream": True}
    received = b""
    with (
        pytest.raises(httpx.RemoteProtocolError),
        httpx.stream(
            "POST", running.url + "/v1/chat/completions", json=body, timeout=10
        ) as response,
    ):
        for part in response.iter_bytes():
            received += part
    assert b"[DONE]" not in received
    assert received.count(b'"content":"') >= 3
    with pytest.raises((openai.APIConnectionError, httpx.RemoteProtocolError)):
        list(running.api().chat.completions.create(model="bastion-sim", messages=USER, stream=True))


def test_slow_start_answers_503_until_ready(sim: Callable[..., Sim]) -> None:
    running = sim(time_scale=10.0)
    running.faults(slow_start_seconds=15.0)  # 1.5 s of real time
    assert httpx.get(running.url + "/health", timeout=5).status_code == 503
    with pytest.raises(openai.InternalServerError) as starting:
        running.api().chat.completions.create(model="bastion-sim", messages=USER, max_tokens=2)
    assert starting.value.status_code == 503
    deadline = time.monotonic() + 5
    while httpx.get(running.url + "/health", timeout=5).status_code != 200:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert running.api().chat.completions.create(model="bastion-sim", messages=USER).choices


def test_crash_drops_connections_until_reset(sim: Callable[..., Sim]) -> None:
    running = sim()
    api = running.api()
    running.faults(crash_after_requests=1)
    assert api.chat.completions.create(model="bastion-sim", messages=USER, max_tokens=2).choices
    with pytest.raises(openai.APIConnectionError):
        api.chat.completions.create(model="bastion-sim", messages=USER, max_tokens=2)
    with pytest.raises(httpx.HTTPError):
        httpx.get(running.url + "/health", timeout=5)
    assert running.state()["crashed"] is True
    running.faults()
    assert api.chat.completions.create(model="bastion-sim", messages=USER, max_tokens=2).choices


def test_client_disconnect_aborts_and_frees_kv(sim: Callable[..., Sim]) -> None:
    running = sim(time_scale=5.0)  # the 4000 tokens would take seconds
    body = {
        "model": "bastion-sim",
        "messages": USER,
        "max_tokens": 4000,
        "ignore_eos": True,
        "stream": True,
    }
    with httpx.stream("POST", running.url + "/v1/chat/completions", json=body, timeout=10) as r:
        lines = r.iter_lines()
        assert next(lines).startswith("data: ")
        assert running.state()["running"] == 1
    running.wait_until(
        lambda s: (
            s["counters"]["requests_aborted"] == 1
            and s["kv_cache"]["free_blocks"] == s["kv_cache"]["num_blocks"]
        )
    )


def test_repeated_prompts_report_cached_tokens(sim: Callable[..., Sim]) -> None:
    api = sim().api()
    history: Any = [{"role": "user", "content": "word " * 300}]
    first = api.chat.completions.create(model="bastion-sim", messages=history, max_tokens=2)
    again = api.chat.completions.create(
        model="bastion-sim",
        messages=[*history, {"role": "assistant", "content": "ok"}, *USER],
        max_tokens=2,
    )
    assert first.usage and first.usage.prompt_tokens_details
    assert first.usage.prompt_tokens_details.cached_tokens == 0
    assert again.usage and again.usage.prompt_tokens_details
    cached = again.usage.prompt_tokens_details.cached_tokens or 0
    assert 288 <= cached < again.usage.prompt_tokens
    assert cached % 16 == 0
