"""Masking streamed text (values split across pieces, context words, held-back private keys),
and ending answers at the first value."""

from __future__ import annotations

import re

import orjson

from bastion.guardrails.findings import Finding
from bastion.guardrails.output import MaskingStream, block_body, mask_body
from bastion.guardrails.stream import StreamMasker
from bastion.protocols.exchanges import exchange_for
from bastion.protocols.operations import Operation
from bastion.protocols.sse import SSEEvent, SSEParser

# A stand-in recognizer: 16-digit card numbers in groups of four, and "SECRET-" tokens that
# count only after the word "key".
_CARD = re.compile(r"\b\d{4}(?: \d{4}){3}\b")
_TOKEN = re.compile(r"(?<=key )SECRET-\w+")
_PEM = re.compile(r"-----BEGIN PRIVATE KEY-----.*?-----END PRIVATE KEY-----", re.S)


def fake_scan(text: str, kinds: object = None) -> list[Finding]:
    found = [Finding("credit_card", "pii", m.start(), m.end()) for m in _CARD.finditer(text)]
    found += [Finding("token", "secret", m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found += [Finding("private_key", "secret", m.start(), m.end()) for m in _PEM.finditer(text)]
    return sorted(found, key=lambda f: f.start)


def streamed(pieces: list[str], holdback: int = 32) -> str:
    masker = StreamMasker(fake_scan, holdback=holdback, context=16)
    return "".join(masker.feed(piece) for piece in pieces) + masker.finish()


def test_a_value_split_across_pieces_is_masked() -> None:
    text = "Your card 4111 1111 1111 1111 is on file. Thanks!"
    for size in (1, 3, 7, 12, 50):
        pieces = [text[i : i + size] for i in range(0, len(text), size)]
        assert streamed(pieces) == "Your card [CREDIT_CARD] is on file. Thanks!", size


def test_text_is_released_as_soon_as_it_cannot_be_part_of_a_value() -> None:
    masker = StreamMasker(fake_scan, holdback=8)
    assert masker.feed("Hello there, ") == "Hello"
    assert masker.feed("how are you today?") == " there, how are yo"
    assert masker.finish() == "u today?"


def test_a_context_word_released_earlier_still_counts() -> None:
    pieces = ["the key ", "x" * 40, " and the key ", "SECRET-abc123 done"]
    assert "SECRET" not in streamed(pieces, holdback=8)


def test_a_private_key_block_is_held_until_it_ends() -> None:
    key = "-----BEGIN PRIVATE KEY-----\n" + "A" * 600 + "\n-----END PRIVATE KEY-----"
    pieces = ["here: ", *[key[i : i + 50] for i in range(0, len(key), 50)], " bye"]
    masker = StreamMasker(fake_scan, holdback=16)
    released = [masker.feed(piece) for piece in pieces]
    assert all("AAAA" not in part for part in released)
    assert "".join(released) + masker.finish() == "here: [PRIVATE_KEY] bye"


def test_whole_answers_are_masked_in_both_protocols() -> None:
    openai = {
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "card 4111 1111 1111 1111"}}
        ]
    }
    assert mask_body(openai, "openai", fake_scan) == 1
    assert openai["choices"][0]["message"]["content"] == "card [CREDIT_CARD]"
    anthropic = {"content": [{"type": "text", "text": "4111 1111 1111 1111"}]}
    assert mask_body(anthropic, "anthropic", fake_scan) == 1
    assert anthropic["content"][0]["text"] == "[CREDIT_CARD]"


def _events(raw: list[bytes]) -> list[SSEEvent]:
    parser = SSEParser()
    return [event for chunk in raw for event in parser.feed(chunk)]


def test_an_openai_stream_is_masked_across_chunks() -> None:
    exchange = exchange_for(Operation.CHAT, "openai")
    assert exchange is not None
    stream = MaskingStream(
        exchange.stream_translator("m", include_usage=False), "openai", fake_scan, 32
    )
    pieces = ["Card: 4111 11", "11 1111 1111", " ok"]
    out: list[bytes] = []
    for index, piece in enumerate(pieces):
        finish = "stop" if index == len(pieces) - 1 else None
        chunk = {
            "id": "c1",
            "object": "chat.completion.chunk",
            "created": 1,
            "model": "m",
            "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": finish}],
        }
        out += stream.feed(SSEEvent(None, orjson.dumps(chunk).decode()))
    out += stream.feed(SSEEvent(None, "[DONE]"))
    text = "".join(
        orjson.loads(e.data)["choices"][0]["delta"]["content"]
        for e in _events(out)
        if e.data != "[DONE]"
    )
    assert text == "Card: [CREDIT_CARD] ok"
    assert stream.masked == 1


def test_an_anthropic_stream_is_masked_and_flushed_before_the_block_stops() -> None:
    exchange = exchange_for(Operation.MESSAGES, "anthropic")
    assert exchange is not None
    stream = MaskingStream(
        exchange.stream_translator("m", include_usage=False), "anthropic", fake_scan, 32
    )
    events = [
        (
            "content_block_start",
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "text", "text": ""},
            },
        ),
        (
            "content_block_delta",
            {
                "type": "content_block_delta",
                "index": 0,
                "delta": {"type": "text_delta", "text": "n 4111 1111 "},
            },
        ),
        (
            "content_block_delta",
            {
                "type": "content_block_delta",
                "index": 0,
                "delta": {"type": "text_delta", "text": "1111 1111."},
            },
        ),
        ("content_block_stop", {"type": "content_block_stop", "index": 0}),
    ]
    out: list[bytes] = []
    for name, payload in events:
        out += stream.feed(SSEEvent(name, orjson.dumps(payload).decode()))
    parsed = [orjson.loads(e.data) for e in _events(out)]
    text = "".join(p["delta"]["text"] for p in parsed if p["type"] == "content_block_delta")
    assert text == "n [CREDIT_CARD]."
    assert parsed[-1]["type"] == "content_block_stop"


def test_blocking_releases_the_text_before_the_first_value_and_nothing_after() -> None:
    text = "Your card 4111 1111 1111 1111 is on file, the other is 5500 0000 0000 0004."
    for size in (1, 5, 13, 80):
        masker = StreamMasker(fake_scan, holdback=32, block=True)
        pieces = [text[i : i + size] for i in range(0, len(text), size)]
        sent = "".join(masker.feed(piece) for piece in pieces) + masker.finish()
        assert sent == "Your card ", size
        assert masker.blocked
        assert [f.kind for f in masker.found] == ["credit_card"]
        assert masker.feed("more 4111 1111 1111 1111") == "" and masker.finish() == ""


def test_blocking_a_clean_stream_changes_nothing() -> None:
    masker = StreamMasker(fake_scan, holdback=8, block=True)
    sent = masker.feed("Nothing sensitive ") + masker.feed("in here.") + masker.finish()
    assert sent == "Nothing sensitive in here."
    assert not masker.blocked


def test_whole_answers_are_ended_at_the_first_value_in_both_protocols() -> None:
    openai = {
        "choices": [
            {
                "index": 0,
                "message": {"content": "card 4111 1111 1111 1111 ok"},
                "finish_reason": "stop",
            },
            {"index": 1, "message": {"content": "nothing here"}, "finish_reason": "stop"},
        ]
    }
    assert block_body(openai, "openai", fake_scan) == 1
    first, second = openai["choices"]
    assert first == {"index": 0, "message": {"content": "card "}, "finish_reason": "content_filter"}
    assert second["finish_reason"] == "stop" and second["message"]["content"] == "nothing here"
    anthropic = {
        "content": [
            {"type": "text", "text": "ok"},
            {"type": "text", "text": "see 4111 1111 1111 1111"},
            {"type": "tool_use", "id": "t", "name": "f", "input": {}},
        ],
        "stop_reason": "tool_use",
    }
    assert block_body(anthropic, "anthropic", fake_scan) == 1
    assert anthropic["content"] == [
        {"type": "text", "text": "ok"},
        {"type": "text", "text": "see "},
    ]
    assert anthropic["stop_reason"] == "refusal"
    clean = {"content": [{"type": "text", "text": "fine"}], "stop_reason": "end_turn"}
    assert block_body(clean, "anthropic", fake_scan) == 0 and clean["stop_reason"] == "end_turn"


def _openai_chunk(content: str | None, finish: str | None = None, **extra: object) -> SSEEvent:
    delta = {"content": content} if content is not None else {}
    chunk = {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **extra,
    }
    return SSEEvent(None, orjson.dumps(chunk).decode())


def test_a_blocked_openai_stream_finishes_with_content_filter() -> None:
    exchange = exchange_for(Operation.CHAT, "openai")
    assert exchange is not None
    stream = MaskingStream(
        exchange.stream_translator("m", include_usage=True), "openai", fake_scan, 32, block=True
    )
    out: list[bytes] = []
    for piece in ["Card: 4111 11", "11 1111 1111", " and more text", " after it"]:
        out += stream.feed(_openai_chunk(piece))
    out += stream.feed(_openai_chunk(None, "stop"))
    usage = {"prompt_tokens": 3, "completion_tokens": 9, "total_tokens": 12}
    usage_chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    out += stream.feed(
        SSEEvent(None, orjson.dumps({**usage_chunk, "choices": [], "usage": usage}).decode())
    )
    out += stream.feed(SSEEvent(None, "[DONE]"))
    events = _events(out)
    assert events[-1].data == "[DONE]"
    chunks = [orjson.loads(e.data) for e in events[:-1]]
    choices = [c for chunk in chunks for c in chunk["choices"]]
    assert "".join(c["delta"].get("content") or "" for c in choices) == "Card: "
    assert [c["finish_reason"] for c in choices if c["finish_reason"]] == ["content_filter"]
    assert chunks[-1]["usage"] == usage and chunks[-1]["choices"] == []
    assert stream.blocked == 1 and stream.finish_reason == "content_filter"
    assert b"4111" not in b"".join(out)


def test_a_blocked_anthropic_stream_stops_for_refusal() -> None:
    exchange = exchange_for(Operation.MESSAGES, "anthropic")
    assert exchange is not None
    stream = MaskingStream(
        exchange.stream_translator("m", include_usage=False), "anthropic", fake_scan, 32, block=True
    )

    def delta(index: int, text: str) -> tuple[str, dict[str, object]]:
        body = {"type": "text_delta", "text": text}
        return "content_block_delta", {"type": "content_block_delta", "index": index, "delta": body}

    text_block = {"type": "text", "text": ""}
    events = [
        (
            "content_block_start",
            {"type": "content_block_start", "index": 0, "content_block": text_block},
        ),
        delta(0, "see 4111 1111 "),
        delta(0, "1111 1111 then"),
        delta(0, " the rest"),
        ("content_block_stop", {"type": "content_block_stop", "index": 0}),
        (
            "content_block_start",
            {"type": "content_block_start", "index": 1, "content_block": text_block},
        ),
        delta(1, "second block"),
        ("content_block_stop", {"type": "content_block_stop", "index": 1}),
        (
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn"},
                "usage": {"output_tokens": 9},
            },
        ),
        ("message_stop", {"type": "message_stop"}),
    ]
    out: list[bytes] = []
    for name, payload in events:
        out += stream.feed(SSEEvent(name, orjson.dumps(payload).decode()))
    parsed = [(e.event, orjson.loads(e.data)) for e in _events(out)]
    text = "".join(p["delta"]["text"] for _, p in parsed if p["type"] == "content_block_delta")
    assert text == "see "
    assert [name for name, _ in parsed if name != "content_block_delta"] == [
        "content_block_start",
        "content_block_stop",
        "message_delta",
        "message_stop",
    ]
    message_delta = next(p for name, p in parsed if name == "message_delta")
    assert message_delta["delta"]["stop_reason"] == "refusal"
    assert message_delta["usage"] == {"output_tokens": 9}
    assert stream.finish_reason == "refusal"


def test_a_value_glued_to_the_end_of_an_overlong_token_never_leaks() -> None:
    from bastion.guardrails.recognizers import scan

    jwt = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9l"
        "IiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    )
    text = "start " + "A" * 70_000 + "." + jwt + " done"
    for block in (False, True):
        masker = StreamMasker(scan, holdback=128, block=block)
        out = "".join(masker.feed(text[i : i + 64]) for i in range(0, len(text), 64))
        out += masker.finish()
        assert "eyJ" not in out
        assert out.startswith("start ")
        if block:
            assert masker.blocked and out == "start "
        else:
            assert out == "start [REDACTED] done"


def test_a_stream_carries_forward_words_that_change_later_reading() -> None:
    from bastion.guardrails.recognizers import scan

    text = "Vul uw BSN in op het formulier. " + "Dit is gewone tekst zonder nummers. " * 8
    text += "Het juiste is 111222333 volgens de klant."
    masker = StreamMasker(scan, holdback=64)
    out = "".join(masker.feed(text[i : i + 8]) for i in range(0, len(text), 8))
    out += masker.finish()
    assert "111222333" not in out and "[NL_BSN]" in out
