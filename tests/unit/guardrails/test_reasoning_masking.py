"""What an answer carries besides its text — reasoning, thinking blocks, refusals, log
probabilities, a tool's name — is masked or cut with it: whole answers and streams."""

from __future__ import annotations

import re
from typing import Any

import orjson

from bastion.guardrails.findings import Finding
from bastion.guardrails.output import MaskingStream, block_body, mask_body
from bastion.protocols.exchanges import exchange_for
from bastion.protocols.operations import Operation
from bastion.protocols.sse import SSEEvent, SSEParser
from tests.unit.guardrails.test_tool_call_masking import masked_anthropic_block

CARD = "4111 1111 1111 1111"
_CARD = re.compile(r"\b\d{4} ?\d{4} ?\d{4} ?\d{4}\b")


def scan(text: str, kinds: object = None) -> list[Finding]:
    return [Finding("credit_card", "pii", m.start(), m.end()) for m in _CARD.finditer(text)]


def openai_answer() -> dict[str, Any]:
    return {
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "reasoning_content": f"The user's card is {CARD}.",
                    "reasoning": f"card {CARD}",
                    "content": "Done.",
                    "refusal": f"I won't store {CARD}.",
                    "tool_calls": [
                        {
                            "id": "c",
                            "type": "function",
                            "function": {"name": f"pay-{CARD}", "arguments": "{}"},
                        }
                    ],
                },
                "logprobs": {"content": [{"token": "4111", "logprob": -0.1}]},
                "finish_reason": "stop",
            }
        ]
    }


def test_a_whole_openai_answer_has_every_text_masked_and_no_log_probabilities() -> None:
    body = openai_answer()
    assert mask_body(body, "openai", scan) == 4
    message = body["choices"][0]["message"]
    assert message["reasoning_content"] == "The user's card is [CREDIT_CARD]."
    assert message["reasoning"] == "card [CREDIT_CARD]"
    assert message["refusal"] == "I won't store [CREDIT_CARD]."
    assert message["tool_calls"][0]["function"]["name"] == "pay-[CREDIT_CARD]"
    assert body["choices"][0]["logprobs"] is None
    assert "4111" not in orjson.dumps(body).decode()


def test_log_probabilities_stay_when_nothing_was_masked() -> None:
    body = {"choices": [{"message": {"content": "hi"}, "logprobs": {"content": []}}]}
    assert mask_body(body, "openai", scan) == 0
    assert body["choices"][0]["logprobs"] == {"content": []}


def test_a_value_in_the_reasoning_ends_a_blocked_answer_there() -> None:
    body = openai_answer()
    assert block_body(body, "openai", scan) == 1
    choice = body["choices"][0]
    assert choice["message"]["reasoning_content"] == "The user's card is "
    assert choice["message"]["content"] == ""
    assert "tool_calls" not in choice["message"]
    assert choice["finish_reason"] == "content_filter"
    assert choice["logprobs"] is None
    assert "4111" not in orjson.dumps(body).decode()


def test_an_anthropic_thinking_block_is_masked_or_cut() -> None:
    def answer() -> dict[str, Any]:
        return {
            "content": [
                {"type": "thinking", "thinking": f"card {CARD}", "signature": "sig"},
                {"type": "text", "text": "Done."},
            ],
            "stop_reason": "end_turn",
        }

    masked = answer()
    assert mask_body(masked, "anthropic", scan) == 1
    assert masked["content"][0]["thinking"] == "card [CREDIT_CARD]"
    blocked = answer()
    assert block_body(blocked, "anthropic", scan) == 1
    assert blocked["content"] == [{"type": "thinking", "thinking": "card ", "signature": "sig"}]
    assert blocked["stop_reason"] == "refusal"


def _openai_chunks(block: bool, deltas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    exchange = exchange_for(Operation.CHAT, "openai")
    assert exchange is not None
    stream = MaskingStream(
        exchange.stream_translator("m", include_usage=False), "openai", scan, 32, block=block
    )
    out: list[bytes] = []
    base = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    for position, delta in enumerate(deltas):
        last = position == len(deltas) - 1
        choice = {
            "index": 0,
            "delta": delta,
            "logprobs": {"content": [{"token": "x", "logprob": 0.0}]},
            "finish_reason": "stop" if last else None,
        }
        out += stream.feed(SSEEvent(None, orjson.dumps({**base, "choices": [choice]}).decode()))
    out += stream.feed(SSEEvent(None, "[DONE]"))
    events = list(SSEParser().feed(b"".join(out)))
    assert events[-1].data == "[DONE]"
    return [orjson.loads(event.data) for event in events[:-1]]


def _joined(chunks: list[dict[str, Any]], key: str) -> str:
    return "".join(
        choice["delta"].get(key) or "" for chunk in chunks for choice in chunk["choices"]
    )


def test_streamed_reasoning_split_across_chunks_is_masked() -> None:
    deltas = [
        {"role": "assistant", "reasoning_content": "card 4111 11"},
        {"reasoning_content": "11 1111 1111 is"},
        {"reasoning_content": " fine"},
        {"content": "Done."},
        {},
    ]
    chunks = _openai_chunks(False, deltas)
    assert _joined(chunks, "reasoning_content") == "card [CREDIT_CARD] is fine"
    assert _joined(chunks, "content") == "Done."
    assert all(c.get("logprobs") is None for chunk in chunks for c in chunk["choices"])


def test_a_value_in_streamed_reasoning_ends_a_blocked_answer() -> None:
    deltas = [
        {"role": "assistant", "reasoning_content": "card 4111 1111 1111 1111 and more words"},
        {"reasoning_content": " still thinking about it at some length"},
        {"content": "Done."},
        {},
    ]
    chunks = _openai_chunks(True, deltas)
    sent = orjson.dumps(chunks).decode()
    assert "4111" not in sent and "Done." not in sent
    reasons = [c["finish_reason"] for chunk in chunks for c in chunk["choices"]]
    assert [reason for reason in reasons if reason] == ["content_filter"]


def test_streamed_anthropic_thinking_is_masked() -> None:
    pieces = ["card 4111 1111", " 1111 1111 ok"]
    parsed = masked_anthropic_block(
        {"type": "thinking", "thinking": ""},
        [{"type": "thinking_delta", "thinking": piece} for piece in pieces],
        scan,
    )
    thinking = "".join(
        p["delta"].get("thinking", "") for p in parsed if p["type"] == "content_block_delta"
    )
    assert thinking == "card [CREDIT_CARD] ok"
