"""Masking streamed text: values split across pieces, context words, held-back private keys."""

from __future__ import annotations

import re

import orjson

from bastion.guardrails.findings import Finding
from bastion.guardrails.output import MaskingStream, mask_body
from bastion.guardrails.stream import StreamMasker
from bastion.protocols.exchange import exchange_for
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
