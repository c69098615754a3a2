"""Load shapes, prompt sources, SLO strings and the request and answer shapes of each API."""

from __future__ import annotations

import itertools
import json
import statistics
from pathlib import Path

import pytest

from bastion.bench.apis import ApiTarget, StreamReader, read_body
from bastion.bench.prompts import (
    PromptError,
    SyntheticPrompts,
    load_jsonl,
    parse_lengths,
)
from bastion.bench.shapes import Bounds, LoadShape, ShapeError, arrivals, parse_shape
from bastion.bench.slo import SloError, parse_slo
from bastion.bench.trace import RequestRecord
from bastion.protocols.sse import SSEParser
from bastion.sim import tokenizer


def test_shapes_parse_and_describe() -> None:
    assert parse_shape("synchronous") == LoadShape("synchronous")
    assert parse_shape("concurrency:8").slots == 8
    assert parse_shape("poisson:2.5").rate == 2.5
    gamma = parse_shape("gamma:20:0.5")
    assert (gamma.rate, gamma.burstiness) == (20.0, 0.5)
    assert parse_shape("replay:10").speed == 10.0
    assert LoadShape.from_json(gamma.to_json()) == gamma
    for bad in ("poisson", "poisson:0", "concurrency:0", "gamma:5:-1", "burst:3", "constant:x"):
        with pytest.raises(ShapeError):
            parse_shape(bad)
    with pytest.raises(ShapeError):
        Bounds()


def test_constant_rate_is_evenly_spaced_and_bounded() -> None:
    times = list(arrivals(parse_shape("constant:4"), Bounds(duration=2.0)))
    assert times == pytest.approx([0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75])
    assert len(list(arrivals(parse_shape("constant:4"), Bounds(max_requests=3, duration=9)))) == 3


@pytest.mark.parametrize("text", ["poisson:50", "gamma:50:0.25", "gamma:50:4"])
def test_random_arrivals_keep_the_mean_rate_and_are_seeded(text: str) -> None:
    shape = parse_shape(text)
    times = list(arrivals(shape, Bounds(max_requests=20_000), seed=3))
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert statistics.fmean(gaps) == pytest.approx(1 / 50, rel=0.05)
    # Burstiness B: gaps' coefficient of variation is 1/sqrt(B).
    cv = statistics.pstdev(gaps) / statistics.fmean(gaps)
    assert cv == pytest.approx(1 / shape.burstiness**0.5, rel=0.1)
    assert times[:50] == list(arrivals(shape, Bounds(max_requests=50), seed=3))


def test_synthetic_prompts_have_exact_lengths_and_a_shared_prefix() -> None:
    source = SyntheticPrompts(parse_lengths("200"), parse_lengths("32"), prefix_share=0.5, seed=7)
    first, second = source.prompt(0), source.prompt(1)
    assert tokenizer.count(first.text) == 200 == first.input_tokens
    assert first.max_tokens == 32
    a, b = first.text.split(), second.text.split()
    assert a[:100] == b[:100]
    assert a[100:110] != b[100:110]
    assert source.prompt(0) == first  # seeded by index
    ranged = SyntheticPrompts(parse_lengths("50..60"), None)
    assert all(50 <= tokenizer.count(ranged.prompt(i).text) <= 60 for i in range(20))
    assert parse_lengths("normal:100:10").draw(__import__("random").Random(1)) > 0
    for bad in ("0", "9..3", "x", "normal:a:b"):
        with pytest.raises(PromptError):
            parse_lengths(bad)


def test_jsonl_prompts(tmp_path: Path) -> None:
    path = tmp_path / "prompts.jsonl"
    path.write_text(
        json.dumps({"prompt": "Hello", "max_tokens": 5})
        + "\n\n"
        + json.dumps(
            {"messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "q"}]}
        )
        + "\n"
    )
    source = load_jsonl(path, max_tokens=9)
    assert source.prompt(0).max_tokens == 5
    assert source.prompt(1).text == "q" and source.prompt(1).max_tokens == 9
    assert source.prompt(2) == source.prompt(0)  # from the start again
    path.write_text('{"prompt": ""}\n')
    with pytest.raises(PromptError, match=r"prompts.jsonl:1"):
        load_jsonl(path)
    path.write_text("not json\n")
    with pytest.raises(PromptError, match="not JSON"):
        load_jsonl(path)


def test_slo_strings() -> None:
    slo = parse_slo("ttft=500ms, tpot=50, e2el=2s")
    assert (slo.ttft, slo.tpot, slo.e2e, slo.itl) == (0.5, 0.05, 2.0, None)
    assert parse_slo(None) == parse_slo("") and not parse_slo("")
    for bad in ("ttft", "speed=3ms", "ttft=fast"):
        with pytest.raises(SloError):
            parse_slo(bad)


def test_request_bodies_per_api() -> None:
    prompt = SyntheticPrompts(parse_lengths("10"), parse_lengths("7")).prompt(0)
    chat = ApiTarget("http://h:1/v1/", "chat", "m", api_key="k", ignore_eos=True)
    assert chat.url == "http://h:1/v1/chat/completions"
    assert chat.headers()["Authorization"] == "Bearer k"
    body = chat.payload(prompt)
    assert body["stream"] and body["stream_options"] == {"include_usage": True}
    assert body["max_tokens"] == 7 and body["ignore_eos"] is True
    messages = ApiTarget("http://h:1", "messages", "claude", api_key="k")
    assert messages.headers()["x-api-key"] == "k" and "Authorization" not in messages.headers()
    assert messages.payload(prompt)["max_tokens"] == 7
    responses = ApiTarget("http://h:1", "responses", "m").payload(prompt)
    assert responses["max_output_tokens"] == 7 and responses["input"] == prompt.text
    embeddings = ApiTarget("http://h:1", "embeddings", "e")
    assert not embeddings.streamed and "stream" not in embeddings.payload(prompt)
    completions = ApiTarget("http://h:1", "completions", "m", stream=False).payload(prompt)
    assert completions["prompt"] == prompt.text and "stream" not in completions


def _read(api: str, stream: bytes) -> tuple[RequestRecord, StreamReader, int]:
    record = RequestRecord(0, 0.0)
    reader = StreamReader(api, record)  # type: ignore[arg-type]
    outputs = sum(reader.event(e.event, e.data) for e in SSEParser().feed(stream))
    return record, reader, outputs


def test_chat_stream_output_chunks_usage_and_end() -> None:
    stream = (
        b'data: {"choices":[{"delta":{"role":"assistant"}}]}\n\n'
        b'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n'
        b'data: {"choices":[{"delta":{"tool_calls":[{"index":0}]}}]}\n\n'
        b'data: {"choices":[{"delta":{},"finish_reason":"stop"}]}\n\n'
        b'data: {"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,'
        b'"prompt_tokens_details":{"cached_tokens":4}}}\n\n'
        b"data: [DONE]\n\n"
    )
    record, reader, outputs = _read("chat", stream)
    assert outputs == 2 and reader.done
    assert (record.input_tokens, record.output_tokens, record.cached_tokens) == (9, 2, 4)


def test_responses_and_messages_streams() -> None:
    responses = (
        b'event: response.created\ndata: {"type":"response.created"}\n\n'
        b"event: response.output_text.delta\n"
        b'data: {"type":"response.output_text.delta","delta":"a"}\n\n'
        b'event: response.completed\ndata: {"type":"response.completed","response":'
        b'{"usage":{"input_tokens":5,"output_tokens":1}}}\n\n'
    )
    record, reader, outputs = _read("responses", responses)
    assert (outputs, reader.done, record.input_tokens, record.output_tokens) == (1, True, 5, 1)
    messages = (
        b'event: message_start\ndata: {"type":"message_start","message":{"usage":'
        b'{"input_tokens":3,"cache_read_input_tokens":7,"output_tokens":1}}}\n\n'
        b'event: content_block_delta\ndata: {"type":"content_block_delta","delta":'
        b'{"type":"text_delta","text":"x"}}\n\n'
        b'event: message_delta\ndata: {"type":"message_delta","usage":{"output_tokens":4}}\n\n'
        b'event: message_stop\ndata: {"type":"message_stop"}\n\n'
    )
    record, reader, outputs = _read("messages", messages)
    assert (outputs, reader.done) == (1, True)
    assert (record.input_tokens, record.cached_tokens, record.output_tokens) == (10, 7, 4)
    _, cut, _ = _read("completions", b'data: {"choices":[{"text":"a"}]}\n\n')
    assert not cut.done


def test_whole_answers() -> None:
    record = RequestRecord(0, 0.0, streamed=False)
    assert read_body("embeddings", record, b'{"data":[],"usage":{"prompt_tokens":12}}')
    assert (record.input_tokens, record.output_tokens) == (12, 0)
    assert not read_body("chat", RequestRecord(0, 0.0), b"<html>")
