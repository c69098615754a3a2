"""Where a request's text lives, per protocol, and rewriting it in place."""

from __future__ import annotations

from typing import Any

from bastion.guardrails.extract import text_fields
from bastion.protocols.operations import Operation


def texts(operation: Operation, body: dict[str, Any]) -> list[str]:
    return [field.text for field in text_fields(operation, body)]


def test_openai_chat_text_parts_tool_arguments_and_results() -> None:
    body = {
        "model": "m",
        "messages": [
            {"role": "system", "content": "be brief"},
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "look at this"},
                    {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
                ],
            },
            {
                "role": "assistant",
                "tool_calls": [
                    {
                        "id": "call_1",
                        "type": "function",
                        "function": {"name": "lookup", "arguments": '{"email": "a@b.example"}'},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "call_1", "content": "found it"},
        ],
    }
    assert texts(Operation.CHAT, body) == [
        "be brief",
        "look at this",
        '{"email": "a@b.example"}',
        "found it",
    ]


def test_anthropic_system_blocks_and_tool_results() -> None:
    body = {
        "system": [{"type": "text", "text": "rules", "cache_control": {"type": "ephemeral"}}],
        "messages": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "tool_result",
                        "tool_use_id": "t1",
                        "content": [{"type": "text", "text": "42"}],
                    },
                    {"type": "image", "source": {"type": "base64", "data": "AAAA"}},
                ],
            },
        ],
    }
    assert texts(Operation.MESSAGES, body) == ["rules", "42"]


def test_legacy_prompts_and_embedding_inputs() -> None:
    assert texts(Operation.COMPLETIONS, {"prompt": ["one", "two"], "suffix": "end"}) == [
        "one",
        "two",
        "end",
    ]
    assert texts(Operation.EMBEDDINGS, {"input": [[1, 2, 3]]}) == []
    assert texts(Operation.EMBEDDINGS, {"input": "hello"}) == ["hello"]


def test_a_field_is_rewritten_in_place() -> None:
    body = {"messages": [{"role": "user", "content": [{"type": "text", "text": "secret"}]}]}
    (field,) = text_fields(Operation.CHAT, body)
    field.replace("[MASKED]")
    assert body["messages"][0]["content"][0]["text"] == "[MASKED]"


def test_content_the_scan_cannot_read_is_named() -> None:
    opaque: list[str] = []
    body = {
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "look"},
                    {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
                    {"type": "input_audio", "input_audio": {"data": "UklG", "format": "wav"}},
                ],
            }
        ]
    }
    assert [f.text for f in text_fields(Operation.CHAT, body, opaque)] == ["look"]
    assert opaque == ["image_url", "input_audio"]


def test_anthropic_plain_text_documents_are_read_and_encoded_ones_are_not() -> None:
    opaque: list[str] = []
    body = {
        "messages": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "document",
                        "source": {"type": "text", "media_type": "text/plain", "data": "memo"},
                    },
                    {
                        "type": "document",
                        "source": {"type": "content", "content": [{"type": "text", "text": "p"}]},
                    },
                    {"type": "image", "source": {"type": "base64", "data": "iVBO"}},
                ],
            }
        ]
    }
    assert [f.text for f in text_fields(Operation.MESSAGES, body, opaque)] == ["memo", "p"]
    assert opaque == ["source"]


def test_token_ids_are_not_text() -> None:
    opaque: list[str] = []
    assert text_fields(Operation.EMBEDDINGS, {"input": [[1, 2, 3]]}, opaque) == []
    assert opaque == ["tokens"]
    numbers_in_tool_input: list[str] = []
    body = {
        "messages": [{"role": "assistant", "content": [{"type": "tool_use", "input": {"n": 5}}]}]
    }
    text_fields(Operation.MESSAGES, body, numbers_in_tool_input)
    assert numbers_in_tool_input == []


def test_tool_definitions_predictions_and_schemas_are_read() -> None:
    body = {
        "messages": [{"role": "user", "content": "hi"}],
        "tools": [
            {
                "type": "function",
                "function": {"name": "lookup", "description": "Find jane@example.com"},
            }
        ],
        "prediction": {"type": "content", "content": "AKIAIOSFODNN7EXAMPLE"},
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "x", "schema": {"description": "card 4111"}},
        },
    }
    fields = [(f.text, f.role) for f in text_fields(Operation.CHAT, body)]
    assert ("Find jane@example.com", "system") in fields
    assert ("AKIAIOSFODNN7EXAMPLE", "user") in fields
    assert ("card 4111", "system") in fields
