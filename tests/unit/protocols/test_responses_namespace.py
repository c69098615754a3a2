"""Namespace tools (as Codex sends them) offered as qualified functions, their calls given
back within their namespace."""

from __future__ import annotations

from typing import Any

from bastion.protocols.responses.output import ResponseWriter
from bastion.protocols.responses.request import parse_create_response
from bastion.protocols.translate import responses_to_openai_chat

NAMESPACE: dict[str, Any] = {
    "type": "namespace",
    "name": "agents",
    "description": "Sub-agents.",
    "tools": [
        {
            "type": "function",
            "name": "spawn",
            "parameters": {"type": "object", "properties": {"task": {"type": "string"}}},
        }
    ],
}


def test_namespace_functions_reach_the_engine_qualified() -> None:
    request = parse_create_response({"model": "m", "input": "hi", "tools": [NAMESPACE]})
    chat = responses_to_openai_chat.translate_request(request, "engine")
    assert [tool["function"]["name"] for tool in chat["tools"]] == ["agents__spawn"]


def test_a_call_comes_back_with_its_namespace() -> None:
    request = parse_create_response({"model": "m", "input": "hi", "tools": [NAMESPACE]})
    writer = ResponseWriter("m", request)
    item = writer.open_call("call_1", "agents__spawn")
    assert item.to_dict()["name"] == "spawn"
    assert item.to_dict()["namespace"] == "agents"
    plain = writer.open_call("call_2", "other")
    assert "namespace" not in plain.to_dict()


def test_a_namespaced_call_in_history_is_sent_qualified() -> None:
    body = {
        "model": "m",
        "tools": [NAMESPACE],
        "input": [
            {"type": "message", "role": "user", "content": "go"},
            {
                "type": "function_call",
                "call_id": "c1",
                "namespace": "agents",
                "name": "spawn",
                "arguments": "{}",
            },
            {"type": "function_call_output", "call_id": "c1", "output": "done"},
        ],
    }
    chat = responses_to_openai_chat.translate_request(parse_create_response(body), "engine")
    calls = [m for m in chat["messages"] if m.get("tool_calls")]
    assert calls[0]["tool_calls"][0]["function"]["name"] == "agents__spawn"


def test_a_tool_output_no_call_asked_for_is_read_as_context() -> None:
    """Codex adds its goal as a function_call_output with a name and no call_id."""
    body = {
        "model": "m",
        "input": [
            {"type": "message", "role": "user", "content": "hi"},
            {
                "type": "function_call_output",
                "id": "fco_1",
                "namespace": "agent",
                "name": "goal_objective",
                "output": "ship the release",
            },
        ],
    }
    chat = responses_to_openai_chat.translate_request(parse_create_response(body), "engine")
    assert chat["messages"][-1] == {
        "role": "user",
        "content": "[agent.goal_objective] ship the release",
    }
