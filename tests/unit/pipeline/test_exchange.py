from __future__ import annotations

import orjson

from bastion.protocols.exchange import (
    AnthropicPassthrough,
    OpenAIPassthrough,
    TranslatingExchange,
)
from bastion.protocols.exchanges import exchange_for
from bastion.protocols.operations import Operation
from bastion.protocols.sse import SSEEvent


def test_exchange_matrix() -> None:
    assert isinstance(exchange_for(Operation.CHAT, "openai"), OpenAIPassthrough)
    to_anthropic = exchange_for(Operation.CHAT, "anthropic")
    assert isinstance(to_anthropic, TranslatingExchange)
    assert (to_anthropic.client, to_anthropic.upstream) == ("openai", "anthropic")
    assert isinstance(exchange_for(Operation.MESSAGES, "anthropic"), AnthropicPassthrough)
    to_openai = exchange_for(Operation.MESSAGES, "openai")
    assert isinstance(to_openai, TranslatingExchange)
    assert (to_openai.client, to_openai.upstream) == ("anthropic", "openai")
    assert exchange_for(Operation.EMBEDDINGS, "anthropic") is None
    assert exchange_for(Operation.COMPLETIONS, "anthropic") is None


def test_openai_passthrough_requests_usage_and_keeps_unknown_fields() -> None:
    exchange = OpenAIPassthrough(Operation.CHAT)
    body = {"model": "alias", "messages": [], "stream": True, "guided_json": {"a": 1}}
    sent = exchange.upstream_body(body, "llama", stream=True)
    assert sent["model"] == "llama"
    assert sent["stream_options"] == {"include_usage": True}
    assert sent["guided_json"] == {"a": 1}
    assert body["model"] == "alias", "the client's body is not mutated"


def test_openai_passthrough_stream_hides_usage_chunk_unless_asked() -> None:
    usage_chunk = {"id": "c", "model": "llama", "choices": [], "usage": {"prompt_tokens": 3,
                   "completion_tokens": 2, "total_tokens": 5}}  # fmt: skip
    content = {"id": "c", "model": "llama", "choices": [{"index": 0, "delta": {"content": "x"},
               "finish_reason": "stop"}]}  # fmt: skip
    events = [
        SSEEvent(None, orjson.dumps(content).decode()),
        SSEEvent(None, orjson.dumps(usage_chunk).decode()),
        SSEEvent(None, "[DONE]"),
    ]
    for asked in (False, True):
        translator = OpenAIPassthrough(Operation.CHAT).stream_translator(
            "alias", include_usage=asked
        )
        out = [piece for event in events for piece in translator.feed(event)]
        assert len(out) == (3 if asked else 2)
        assert orjson.loads(out[0][6:])["model"] == "alias"
        assert out[-1] == b"data: [DONE]\n\n"
        assert translator.usage is not None
        assert translator.usage.output_tokens == 2
        assert translator.finish_reason == "stop"


def test_anthropic_passthrough_stream_tracks_usage() -> None:
    translator = AnthropicPassthrough().stream_translator("alias", include_usage=False)
    start = {"type": "message_start", "message": {"model": "anth", "usage": {"input_tokens": 7,
             "output_tokens": 1, "cache_read_input_tokens": 3}}}  # fmt: skip
    delta = {"type": "message_delta", "delta": {"stop_reason": "end_turn"},
             "usage": {"output_tokens": 9}}  # fmt: skip
    out = translator.feed(SSEEvent("message_start", orjson.dumps(start).decode()))
    assert b'"model":"alias"' in out[0]
    translator.feed(SSEEvent("message_delta", orjson.dumps(delta).decode()))
    assert translator.usage is not None
    assert (translator.usage.input_tokens, translator.usage.cached_input_tokens) == (10, 3)
    assert translator.usage.output_tokens == 9
    assert translator.finish_reason == "end_turn"
