"""Messages are checked before anything is sent: a role no protocol has, or content that is
neither text nor parts, is a 400 in the client's protocol; every shape current clients send
(OpenAI's SDKs and agents, Claude Code) goes through."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import ADMIN_KEY, RunningGateway

AUTH = {"Authorization": f"Bearer {ADMIN_KEY}"}
CALL = {
    "id": "call_1",
    "type": "function",
    "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
}


def chat(gateway: RunningGateway, messages: list[Any]) -> httpx.Response:
    body = {"model": "up/echo", "messages": messages}
    return httpx.post(gateway.url + "/v1/chat/completions", json=body, headers=AUTH, timeout=10)


@pytest.mark.parametrize(
    ("turns", "param"),
    [
        ([{"role": "user", "content": 42}], "messages[0].content"),
        ([{"role": "user", "content": 4.2}], "messages[0].content"),
        ([{"role": "wizard", "content": "Hi"}], "messages[0].role"),
        ([{"content": "Hi"}], "messages[0].role"),
        ([{"role": None, "content": "Hi"}], "messages[0].role"),
        ([{"role": ["user"], "content": "Hi"}], "messages[0].role"),
        ([{"role": 1, "content": "Hi"}], "messages[0].role"),
        ([{"role": "user"}], "messages[0].content"),
        ([{"role": "user", "content": None}], "messages[0].content"),
        ([{"role": "system", "content": {"text": "Be brief."}}], "messages[0].content"),
        ([{"role": "user", "content": [5]}], "messages[0].content[0]"),
        ([{"role": "user", "content": [{"text": "Hi"}]}], "messages[0].content[0].type"),
        (
            [{"role": "user", "content": [{"type": "text", "text": 5}]}],
            "messages[0].content[0].text",
        ),
        (
            [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": 7}],
            "messages[1].content",
        ),
        ([{"role": "assistant", "content": None, "tool_calls": True}], "messages[0].tool_calls"),
        ([{"role": "assistant", "tool_calls": [{"id": "c"}]}], "messages[0].tool_calls[0]"),
        ([{"role": "tool", "tool_call_id": 5, "content": "ok"}], "messages[0].tool_call_id"),
        ([{"role": "user", "content": "Hi", "name": ["bob"]}], "messages[0].name"),
    ],
)
def test_openai_messages_of_no_known_shape_are_400_and_never_sent(
    scripted_gateway: tuple[Any, RunningGateway], turns: list[Any], param: str
) -> None:
    upstream, gateway = scripted_gateway
    response = chat(gateway, turns)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert error["type"] == "invalid_request_error"
    assert error["param"] == param
    assert upstream.requests == []


@pytest.mark.parametrize(
    "turns",
    [
        [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}],
        [{"role": "developer", "content": [{"type": "text", "text": "Be brief."}]}],
        [
            {
                "role": "user",
                "name": "bob",
                "content": [
                    {"type": "text", "text": "What is this?"},
                    {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBO"}},
                    {"type": "input_audio", "input_audio": {"data": "UklG", "format": "wav"}},
                    {"type": "file", "file": {"file_id": "file-1"}},
                ],
            }
        ],
        [
            {"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "content": None, "tool_calls": [CALL]},
            {"role": "tool", "tool_call_id": "call_1", "content": "Sunny."},
            {"role": "assistant", "tool_calls": [CALL]},
            {"role": "tool", "tool_call_id": "call_1", "content": [{"type": "text", "text": "ok"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "Sunny twice."}]},
            {"role": "assistant", "content": None, "refusal": "I cannot help with that."},
            {"role": "assistant", "content": "", "tool_calls": []},
            {"role": "user", "content": "And tomorrow?"},
        ],
        [
            {"role": "user", "content": "Weather?"},
            {"role": "assistant", "content": None, "function_call": {"name": "w", "arguments": ""}},
            {"role": "function", "name": "w", "content": "Sunny."},
            {"role": "function", "name": "w", "content": None},
        ],
    ],
    ids=["system", "developer-parts", "user-parts", "tool-calls", "functions"],
)
def test_openai_messages_clients_send_go_through(
    scripted_gateway: tuple[Any, RunningGateway], turns: list[Any]
) -> None:
    upstream, gateway = scripted_gateway
    response = chat(gateway, turns)
    assert response.status_code == 200, response.text
    assert upstream.last["messages"] == turns


@pytest.mark.parametrize(
    ("turns", "extra", "fragment"),
    [
        ([{"role": "user", "content": 42}], {}, "messages[0].content"),
        ([{"role": "wizard", "content": "Hi"}], {}, "messages[0].role"),
        ([{"role": ["user"], "content": "Hi"}], {}, "messages[0].role"),
        ([{"role": {"x": 1}, "content": "Hi"}], {}, "messages[0].role"),
        ([{"role": "user", "content": [{"type": "text", "text": 5}]}], {}, "text"),
        ([{"role": "user", "content": "Hi"}], {"tool_choice": {"type": ["auto"]}}, "tool_choice"),
        # Named as the client wrote it, not as the translation to chat completions has it.
        (
            [{"role": "user", "content": "Hi"}],
            {"tools": [{"name": "f", "input_schema": "x"}]},
            "tools.0.input_schema",
        ),
    ],
)
def test_anthropic_messages_of_no_known_shape_are_400_in_anthropic_shape(
    scripted_gateway: tuple[Any, RunningGateway],
    turns: list[Any],
    extra: dict[str, Any],
    fragment: str,
) -> None:
    upstream, gateway = scripted_gateway
    for model in ("anth/claude", "up/echo"):  # passed through, and translated
        body = {"model": model, "max_tokens": 16, "messages": turns, **extra}
        response = httpx.post(gateway.url + "/v1/messages", json=body, headers=AUTH, timeout=10)
        assert response.status_code == 400, response.text
        answer = response.json()
        assert answer["type"] == "error"
        assert answer["error"]["type"] == "invalid_request_error"
        assert fragment in answer["error"]["message"]
    assert upstream.requests == []


def test_anthropic_messages_claude_code_sends_go_through(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    upstream, gateway = scripted_gateway
    turns = [
        {"role": "system", "content": "You are Claude Code."},
        {"role": "system", "content": [{"type": "text", "text": "Be careful."}]},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Read notes.txt", "cache_control": {"type": "ephemeral"}},
                {
                    "type": "image",
                    "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"},
                },
            ],
        },
        {
            "role": "assistant",
            "content": [
                {"type": "thinking", "thinking": "Read it.", "signature": "sig"},
                {"type": "tool_use", "id": "toolu_1", "name": "Read", "input": {"path": "n.txt"}},
            ],
        },
        {
            "role": "user",
            "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "hello"}],
        },
        {"role": "assistant", "content": "It says hello."},
        {"role": "user", "content": "Thanks."},
    ]
    # Translated for an OpenAI-protocol backend (the Anthropic one is external, and the
    # guardrails keep requests with personal data local).
    body = {
        "model": "up/echo",
        "max_tokens": 16,
        "messages": turns,
        "tool_choice": {"type": "auto"},
    }
    response = httpx.post(gateway.url + "/v1/messages", json=body, headers=AUTH, timeout=10)
    assert response.status_code == 200, response.text
    assert upstream.last["messages"][-1] == {"role": "user", "content": "Thanks."}
