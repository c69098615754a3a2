"""Cached answers replayed to the official SDKs, streamed and not."""

from __future__ import annotations

import anthropic
import httpx
import httpx2
import openai
import orjson

from bastion.cache import CachedResponse, render_json, replay_sse

TEXT = "Vienna is the capital of Austria. " * 5


def anthropic_client(body: bytes, stream: bool) -> httpx2.Client:
    """The anthropic SDK here is built on httpx2, which has the same MockTransport."""
    headers = {"content-type": "text/event-stream" if stream else "application/json"}
    return httpx2.Client(
        transport=httpx2.MockTransport(
            lambda request: httpx2.Response(200, headers=headers, content=body)
        )
    )


def transport(body: bytes, stream: bool) -> httpx.Client:
    headers = {"content-type": "text/event-stream" if stream else "application/json"}
    return httpx.Client(
        transport=httpx.MockTransport(
            lambda request: httpx.Response(200, headers=headers, content=body)
        )
    )


def test_openai_sdk_reads_a_replayed_stream_with_usage() -> None:
    entry = CachedResponse("openai_chat", "m", TEXT, "stop", 11, 9)
    body = b"".join(replay_sse(entry, include_usage=True, chunk_chars=16))
    client = openai.OpenAI(
        base_url="http://cache/v1", api_key="k", http_client=transport(body, True)
    )
    stream = client.chat.completions.create(
        model="m",
        messages=[{"role": "user", "content": "q"}],
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == TEXT
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == 9


def test_openai_sdk_reads_a_replayed_json_body() -> None:
    entry = CachedResponse("openai_chat", "m", TEXT, "length", 11, 9)
    body = orjson.dumps(render_json(entry))
    client = openai.OpenAI(
        base_url="http://cache/v1", api_key="k", http_client=transport(body, False)
    )
    completion = client.chat.completions.create(
        model="m", messages=[{"role": "user", "content": "q"}]
    )
    assert completion.choices[0].message.content == TEXT
    assert completion.choices[0].finish_reason == "length"
    assert completion.usage is not None and completion.usage.total_tokens == 20


def test_anthropic_sdk_reads_a_replayed_stream() -> None:
    entry = CachedResponse("anthropic_messages", "model-x", TEXT, "end_turn", 11, 9)
    body = b"".join(replay_sse(entry, chunk_chars=7))
    client = anthropic.Anthropic(
        base_url="http://cache", api_key="k", http_client=anthropic_client(body, True)
    )
    with client.messages.stream(
        model="model-x", max_tokens=50, messages=[{"role": "user", "content": "q"}]
    ) as stream:
        streamed = "".join(stream.text_stream)
        final = stream.get_final_message()
    assert streamed == TEXT
    assert final.stop_reason == "end_turn"
    assert final.usage.output_tokens == 9 and final.usage.input_tokens == 11


def test_anthropic_sdk_reads_a_replayed_json_body() -> None:
    entry = CachedResponse("anthropic_messages", "model-x", TEXT, "max_tokens", 11, 9)
    body = orjson.dumps(render_json(entry))
    client = anthropic.Anthropic(
        base_url="http://cache", api_key="k", http_client=anthropic_client(body, False)
    )
    message = client.messages.create(
        model="model-x", max_tokens=50, messages=[{"role": "user", "content": "q"}]
    )
    assert message.content[0].type == "text" and message.content[0].text == TEXT
    assert message.stop_reason == "max_tokens"


def test_only_plain_text_answers_are_cacheable() -> None:
    ok = {
        "model": "m",
        "choices": [{"message": {"content": "hi"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 2},
    }
    entry = CachedResponse.from_openai_chat(ok)
    assert entry is not None and entry.output_tokens == 2
    tools = {
        "choices": [
            {"message": {"content": None, "tool_calls": [{}]}, "finish_reason": "tool_calls"}
        ]
    }
    assert CachedResponse.from_openai_chat(tools) is None
    assert CachedResponse.from_openai_chat({"choices": [ok["choices"][0]] * 2}) is None
    text = {
        "model": "c",
        "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}],
        "stop_reason": "end_turn",
        "usage": {"input_tokens": 1, "output_tokens": 2},
    }
    parsed = CachedResponse.from_anthropic_messages(text)
    assert parsed is not None and parsed.text == "ab"
    assert CachedResponse.from_bytes(parsed.to_bytes()) == parsed
    tool_use = {**text, "content": [{"type": "tool_use"}], "stop_reason": "tool_use"}
    assert CachedResponse.from_anthropic_messages(tool_use) is None
