from __future__ import annotations

import orjson

from bastion.protocols.exchange import (
    AnthropicPassthrough,
    OpenAIPassthrough,
    StreamTranslator,
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


def _fed(translator: StreamTranslator, events: list[SSEEvent]) -> list[bytes]:
    return [piece for event in events for piece in translator.feed(event)]


def test_openai_passthrough_stream_ends_at_the_engines_own_error() -> None:
    """The engine's error is the last thing the client gets: not the [DONE] vLLM sends after
    it, nor the gateway's own error for the close that follows (one error, its real cause)."""
    content = {"id": "c", "model": "llama", "choices": [{"index": 0, "delta": {"content": "x"},
               "finish_reason": None}]}  # fmt: skip
    error = {"error": {"message": "engine died", "type": "server_error", "code": 500}}
    translator = OpenAIPassthrough(Operation.CHAT).stream_translator("alias", include_usage=False)
    out = _fed(
        translator,
        [
            SSEEvent(None, orjson.dumps(content).decode()),
            SSEEvent(None, orjson.dumps(error).decode()),
            SSEEvent(None, "[DONE]"),
        ],
    )
    assert len(out) == 2
    assert orjson.loads(out[1][6:])["error"]["message"] == "engine died"
    assert translator.error_events("Backend 'up' closed the stream.", "server_error") == []
    assert translator.finish() == []


def test_openai_passthrough_stream_cut_without_an_error_gets_one() -> None:
    translator = OpenAIPassthrough(Operation.CHAT).stream_translator("alias", include_usage=False)
    content = {"id": "c", "choices": [{"index": 0, "delta": {"content": "x"}}]}
    translator.feed(SSEEvent(None, orjson.dumps(content).decode()))
    (error,) = translator.error_events("Backend 'up' closed the stream.", "server_error")
    assert orjson.loads(error[6:])["error"]["message"] == "Backend 'up' closed the stream."
    assert translator.error_events("again", "server_error") == []


def test_anthropic_passthrough_stream_ends_at_anthropics_own_error() -> None:
    translator = AnthropicPassthrough().stream_translator("alias", include_usage=False)
    start = {"type": "message_start", "message": {"id": "msg_1", "model": "anth",
             "usage": {"input_tokens": 5, "output_tokens": 1}}}  # fmt: skip
    error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"},
             "request_id": "req_011upstream"}  # fmt: skip
    out = _fed(
        translator,
        [
            SSEEvent("message_start", orjson.dumps(start).decode()),
            SSEEvent("error", orjson.dumps(error).decode()),
            SSEEvent("ping", '{"type": "ping"}'),
        ],
    )
    assert len(out) == 2
    assert out[1].startswith(b"event: error\n")
    payload = orjson.loads(out[1].split(b"data: ", 1)[1])
    assert payload == {"type": "error", "error": {"type": "overloaded_error",
                       "message": "Overloaded"}}  # fmt: skip
    assert translator.error_events("Backend 'anth' closed the stream.", "api_error") == []


def test_anthropic_passthrough_cut_stream_gets_one_error() -> None:
    translator = AnthropicPassthrough().stream_translator("alias", include_usage=False)
    (error,) = translator.error_events("Backend 'anth' closed the stream.", "api_error")
    assert b'"type":"api_error"' in error
    assert translator.error_events("again", "api_error") == []


def test_anthropic_passthrough_error_drops_anthropics_request_id() -> None:
    """The client's request id is the gateway's (its request-id header); Anthropic's own id in
    the body would name another request."""
    body = {"type": "error", "error": {"type": "invalid_request_error", "message": "bad"},
            "request_id": "req_011upstream"}  # fmt: skip
    assert AnthropicPassthrough().client_error(400, body) == {
        "type": "error",
        "error": {"type": "invalid_request_error", "message": "bad"},
    }
