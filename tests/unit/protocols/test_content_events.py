"""Counting a cut stream's content events: roughly one per generated token."""

from __future__ import annotations

import orjson
import pytest

from bastion.protocols.exchange import OpenAIPassthrough
from bastion.protocols.operations import Operation
from bastion.protocols.sse import SSEEvent


def chunk(delta: dict[str, object]) -> SSEEvent:
    body = {"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta}]}
    return SSEEvent(None, orjson.dumps(body).decode())


@pytest.mark.parametrize(
    ("delta", "counted"),
    [
        ({"role": "assistant", "content": ""}, False),  # the opening chunk: no token yet
        ({"role": "assistant", "content": None}, False),
        ({"content": "Hello"}, True),
        ({"role": "assistant", "content": "Hi"}, True),  # some engines put the first word in it
        ({"role": "assistant", "tool_calls": [{"index": 0, "id": "c1"}]}, True),
    ],
)
def test_the_opening_role_chunk_is_no_content(delta: dict[str, object], counted: bool) -> None:
    assert OpenAIPassthrough(Operation.CHAT).is_content(chunk(delta)) is counted
    assert OpenAIPassthrough(Operation.CHAT).is_content(SSEEvent(None, "[DONE]")) is False
