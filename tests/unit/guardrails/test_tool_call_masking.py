"""Sensitive values in tool call arguments: masked so the arguments stay valid JSON, or the
answer ended at them, in whole answers and streams of both protocols."""

from __future__ import annotations

import json
import random
import re
from typing import Any

import orjson

from bastion.guardrails import recognizers
from bastion.guardrails.findings import Finding
from bastion.guardrails.json_text import JsonMask
from bastion.guardrails.output import MaskingStream, block_body, mask_body, restore_body
from bastion.guardrails.placeholders import Placeholders
from bastion.guardrails.stream import Scan, StreamMasker
from bastion.protocols.exchanges import exchange_for
from bastion.protocols.operations import Operation
from bastion.protocols.sse import SSEEvent, SSEParser

_CARD = re.compile(r"\b\d{4} ?\d{4} ?\d{4} ?\d{4}\b")
_PASSWORD = re.compile(r'password": "\w+')


def scan(text: str, kinds: object = None) -> list[Finding]:
    found = [Finding("credit_card", "pii", m.start(), m.end()) for m in _CARD.finditer(text)]
    found += [Finding("password", "secret", m.start(), m.end()) for m in _PASSWORD.finditer(text)]
    return sorted(found, key=lambda f: f.start)


def masked(text: str) -> str:
    return JsonMask()(text, scan(text))


def test_a_value_in_a_string_becomes_a_label_inside_it() -> None:
    arguments = '{"to": "ops", "note": "card 4111 1111 1111 1111, thanks"}'
    assert orjson.loads(masked(arguments)) == {"to": "ops", "note": "card [CREDIT_CARD], thanks"}


def test_a_value_written_as_a_number_keeps_the_json_valid() -> None:
    assert orjson.loads(masked('{"card": 4111111111111111, "n": 2}')) == {
        "card": 9999999999999999,
        "n": 2,
    }


def test_a_span_across_structure_masks_only_inside_strings() -> None:
    # The recognizer reports the key with the value: the quotes and the colon stay.
    assert orjson.loads(masked('{"password": "hunter2", "user": "kim"}')) == {
        "[PASSWORD]": "[PASSWORD]",
        "user": "kim",
    }


def test_escape_sequences_are_masked_whole() -> None:
    text = '{"a": "x\\u00e9y"}'
    start = text.index("u00e9")  # a span starting inside the escape sequence
    out = JsonMask()(text, [Finding("credit_card", "pii", start, start + 3)])
    assert orjson.loads(out) == {"a": "x[CREDIT_CARD]y"}


def test_a_private_key_with_escaped_line_breaks_is_masked_whole() -> None:
    key = "\n".join(
        ["-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA" * 5, "-----END RSA PRIVATE KEY-----"]
    )
    arguments = orjson.dumps({"deploy_key": key, "host": "build-7"}).decode()
    masker = StreamMasker(recognizers.scan, holdback=16, masking=JsonMask())
    streamed = "".join(masker.feed(arguments[i : i + 10]) for i in range(0, len(arguments), 10))
    streamed += masker.finish()
    assert orjson.loads(streamed) == {"deploy_key": "[PRIVATE_KEY]", "host": "build-7"}


def test_a_surrogate_pair_is_masked_whole_or_not_at_all() -> None:
    text = '{"a": "x\\ud83d\\ude00y"}'
    high = text.index("\\ud83d")
    # A span ending after the first half takes the second too.
    out = JsonMask()(text, [Finding("credit_card", "pii", high - 1, high + 6)])
    assert orjson.loads(out) == {"a": "[CREDIT_CARD]y"}
    # A span starting at the second half takes the first too.
    out = JsonMask()(text, [Finding("credit_card", "pii", high + 6, high + 13)])
    assert orjson.loads(out) == {"a": "x[CREDIT_CARD]"}
    # In a stream whose pieces split the pair, the half whose partner is elsewhere stays.
    masking = JsonMask()
    first, second = text[: high + 6], text[high + 6 :]
    sent = masking(first, [Finding("credit_card", "pii", high - 1, high + 6)])
    sent += masking(second, [])
    assert orjson.loads(sent) == {"a": "[CREDIT_CARD]\U0001f600y"}


def _random_json(rng: random.Random) -> str:
    """Arguments with strings that need escapes, card numbers in strings and as numbers."""

    def value(depth: int) -> Any:
        roll = rng.random()
        if depth > 2 or roll < 0.4:
            pieces = ["4111 1111 1111 1111", 'say "hi"', "back\\slash", "é\n\t", "x", "€ 12", "😀"]
            return " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
        if roll < 0.55:
            return rng.choice([4111111111111111, -12.5e3, 0, True, None])
        if roll < 0.75:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        return {f'k{i} "q"': value(depth + 1) for i in range(rng.randint(0, 3))}

    arguments = {"args": value(0)}
    # Some engines escape non-ASCII text (\u00e9), others do not; both must survive.
    return json.dumps(arguments) if rng.random() < 0.3 else orjson.dumps(arguments).decode()


def test_arbitrary_spans_in_arbitrary_pieces_never_break_the_json() -> None:
    """Whatever span a recognizer reports and wherever a stream cuts the text, the masked
    arguments parse."""
    rng = random.Random(7)
    for _ in range(400):
        text = _random_json(rng)
        # In one piece, with spans that may overlap structure or escapes.
        findings = []
        last = 0
        for start in sorted(rng.randrange(len(text)) for _ in range(rng.randint(1, 3))):
            if start >= last:
                last = min(len(text), start + rng.randint(1, 12))
                findings.append(Finding("credit_card", "pii", start, last))
        orjson.loads(JsonMask()(text, findings))
        # In a stream, with the stand-in recognizer and random pieces.
        masker = StreamMasker(scan, holdback=24, masking=JsonMask())
        out = []
        position = 0
        while position < len(text):
            size = rng.randint(1, 9)
            out.append(masker.feed(text[position : position + size]))
            position += size
        streamed = "".join(out) + masker.finish()
        orjson.loads(streamed)
        assert "4111" not in streamed


def test_whole_answers_have_tool_call_arguments_masked_in_both_protocols() -> None:
    openai = {
        "choices": [
            {
                "index": 0,
                "message": {
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "c1",
                            "type": "function",
                            "function": {
                                "name": "pay",
                                "arguments": '{"card": "4111 1111 1111 1111"}',
                            },
                        }
                    ],
                },
                "finish_reason": "tool_calls",
            }
        ]
    }
    assert mask_body(openai, "openai", scan) == 1
    call = openai["choices"][0]["message"]["tool_calls"][0]  # type: ignore[index]
    assert orjson.loads(call["function"]["arguments"]) == {"card": "[CREDIT_CARD]"}
    anthropic = {
        "content": [
            {"type": "text", "text": "Paying."},
            {"type": "tool_use", "id": "t", "name": "pay", "input": {"card": 4111111111111111}},
        ],
        "stop_reason": "tool_use",
    }
    assert mask_body(anthropic, "anthropic", scan) == 1
    assert anthropic["content"][1]["input"] == {"card": 9999999999999999}  # type: ignore[index]


def test_whole_answers_drop_a_tool_call_holding_a_value_when_blocking() -> None:
    clean = {"id": "c0", "type": "function", "function": {"name": "f", "arguments": "{}"}}
    leaking = {
        "id": "c1",
        "type": "function",
        "function": {"name": "pay", "arguments": '{"card": "4111 1111 1111 1111"}'},
    }
    later = {"id": "c2", "type": "function", "function": {"name": "g", "arguments": "{}"}}
    openai = {
        "choices": [
            {
                "index": 0,
                "message": {"content": "Calling.", "tool_calls": [clean, leaking, later]},
                "finish_reason": "tool_calls",
            }
        ]
    }
    assert block_body(openai, "openai", scan) == 1
    choice = openai["choices"][0]
    assert choice["message"] == {"content": "Calling.", "tool_calls": [clean]}
    assert choice["finish_reason"] == "content_filter"
    anthropic = {
        "content": [
            {"type": "text", "text": "Paying."},
            {"type": "tool_use", "id": "t", "name": "pay", "input": {"card": "4111111111111111"}},
        ],
        "stop_reason": "tool_use",
    }
    assert block_body(anthropic, "anthropic", scan) == 1
    assert anthropic["content"] == [{"type": "text", "text": "Paying."}]
    assert anthropic["stop_reason"] == "refusal"


def test_placeholders_come_back_into_arguments_escaped_as_json() -> None:
    values = Placeholders()
    token = values.replace('pw "x" 1', [Finding("password", "secret", 3, 6)])[3:]
    token = token[: token.index("]]") + 2]
    body = {
        "choices": [
            {
                "index": 0,
                "message": {
                    "content": f"Your password {token}",
                    "tool_calls": [
                        {"function": {"name": "login", "arguments": f'{{"pw": "{token}"}}'}}
                    ],
                },
            }
        ]
    }
    restore_body(body, "openai", values)
    message = body["choices"][0]["message"]
    assert message["content"] == 'Your password "x"'
    assert orjson.loads(message["tool_calls"][0]["function"]["arguments"]) == {"pw": '"x"'}


def _openai_tool_chunk(arguments: str, finish: str | None = None) -> SSEEvent:
    call = {"index": 0, "function": {"arguments": arguments}}
    chunk = {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "delta": {"tool_calls": [call]}, "finish_reason": finish}],
    }
    return SSEEvent(None, orjson.dumps(chunk).decode())


_PIECES = ['{"card": "4111 11', '11 1111 1111", ', '"amount": 12}']


def _openai_stream(
    block: bool, pieces: list[str] = _PIECES
) -> tuple[MaskingStream, list[dict[str, Any]]]:
    exchange = exchange_for(Operation.CHAT, "openai")
    assert exchange is not None
    stream = MaskingStream(
        exchange.stream_translator("m", include_usage=False), "openai", scan, 32, block=block
    )
    start = {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "delta": {
                    "role": "assistant",
                    "tool_calls": [
                        {
                            "index": 0,
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": "pay", "arguments": ""},
                        }
                    ],
                },
                "finish_reason": None,
            }
        ],
    }
    out = stream.feed(SSEEvent(None, orjson.dumps(start).decode()))
    for piece in pieces:
        out += stream.feed(_openai_tool_chunk(piece))
    finish = {**start, "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}
    out += stream.feed(SSEEvent(None, orjson.dumps(finish).decode()))
    out += stream.feed(SSEEvent(None, "[DONE]"))
    events = list(SSEParser().feed(b"".join(out)))
    assert events[-1].data == "[DONE]"
    return stream, [orjson.loads(event.data) for event in events[:-1]]


def test_an_openai_stream_masks_arguments_split_across_chunks() -> None:
    stream, chunks = _openai_stream(block=False)
    arguments = "".join(
        call["function"].get("arguments", "")
        for chunk in chunks
        for choice in chunk["choices"]
        for call in choice["delta"].get("tool_calls", [])
    )
    assert orjson.loads(arguments) == {"card": "[CREDIT_CARD]", "amount": 12}
    assert chunks[-1]["choices"][0]["finish_reason"] == "tool_calls"
    assert stream.masked == 1


def test_a_blocked_openai_stream_ends_the_arguments_before_the_value() -> None:
    stream, chunks = _openai_stream(block=True)
    sent = orjson.dumps(chunks).decode()
    assert "4111" not in sent and "amount" not in sent
    reasons = [c["finish_reason"] for chunk in chunks for c in chunk["choices"]]
    assert [reason for reason in reasons if reason] == ["content_filter"]
    assert stream.blocked == 1


def test_a_value_still_held_when_the_choice_finishes_is_blocked_too() -> None:
    # Shorter than the hold-back: nothing is scanned until the finishing chunk flushes it.
    stream, chunks = _openai_stream(block=True, pieces=['{"c": "4111 1111', ' 1111 1111"}'])
    assert "4111" not in orjson.dumps(chunks).decode()
    reasons = [c["finish_reason"] for chunk in chunks for c in chunk["choices"]]
    assert [reason for reason in reasons if reason] == ["content_filter"]
    assert stream.blocked == 1


def masked_anthropic_block(
    block: dict[str, Any], deltas: list[dict[str, Any]], finder: Scan | None = None
) -> list[dict[str, Any]]:
    """One content block streamed to an Anthropic client through the masker (``finder``, else
    this module's ``scan``): its start, each delta, its stop; the events the client gets."""
    exchange = exchange_for(Operation.MESSAGES, "anthropic")
    assert exchange is not None
    stream = MaskingStream(
        exchange.stream_translator("m", include_usage=False), "anthropic", finder or scan, 32
    )
    events: list[tuple[str, dict[str, Any]]] = [
        ("content_block_start", {"type": "content_block_start", "index": 0, "content_block": block})
    ]
    for delta in deltas:
        events.append(
            ("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": delta})
        )
    events.append(("content_block_stop", {"type": "content_block_stop", "index": 0}))
    out: list[bytes] = []
    for name, payload in events:
        out += stream.feed(SSEEvent(name, orjson.dumps(payload).decode()))
    return [orjson.loads(event.data) for event in SSEParser().feed(b"".join(out))]


def test_an_anthropic_stream_masks_partial_json() -> None:
    tool = {"type": "tool_use", "id": "t", "name": "pay", "input": {}}
    pieces = ['{"card": "4111 1111', ' 1111 1111"}']
    parsed = masked_anthropic_block(
        tool, [{"type": "input_json_delta", "partial_json": piece} for piece in pieces]
    )
    partial = "".join(
        p["delta"]["partial_json"] for p in parsed if p["type"] == "content_block_delta"
    )
    assert orjson.loads(partial) == {"card": "[CREDIT_CARD]"}
    assert parsed[-1]["type"] == "content_block_stop"
