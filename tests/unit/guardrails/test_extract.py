"""Where a request's text lives, per protocol, and rewriting it in place."""

from __future__ import annotations

from typing import Any

from bastion.guardrails.extract import STRUCTURE_ROLE, junctions, text_fields
from bastion.protocols.operations import Operation


def texts(operation: Operation, body: dict[str, Any]) -> list[str]:
    """The prompt's texts: what is scored for injection and may be masked."""
    return [field.text for field in text_fields(operation, body) if field.role != STRUCTURE_ROLE]


def structure(operation: Operation, body: dict[str, Any]) -> list[str]:
    """The strings that are scanned but are no prompt."""
    return [field.text for field in text_fields(operation, body) if field.role == STRUCTURE_ROLE]


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
    (field,) = [f for f in text_fields(Operation.CHAT, body) if f.role != STRUCTURE_ROLE]
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
    fields = text_fields(Operation.CHAT, body, opaque)
    assert [f.text for f in fields if f.role != STRUCTURE_ROLE] == ["look"]
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
    fields = text_fields(Operation.MESSAGES, body, opaque)
    assert [f.text for f in fields if f.role != STRUCTURE_ROLE] == ["memo", "p"]
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


def test_keys_that_name_structure_hide_nothing_beneath_them() -> None:
    """``name``, ``id`` or ``data`` mark identifiers only where the protocol puts them: a tool
    call's input and a schema's properties are anyone's words, at any depth."""
    body = {
        "messages": [
            {
                "role": "assistant",
                "content": [
                    {
                        "type": "tool_use",
                        "id": "toolu_01",
                        "name": "save",
                        "input": {
                            "data": {"ssn": "536-22-8726"},
                            "name": "Jane Doe",
                            "id": "DE89370400440532013000",
                        },
                    }
                ],
            }
        ],
        "tools": [
            {
                "name": "save",
                "input_schema": {
                    "properties": {"id": {"description": "card 4539 1488 0343 6467"}},
                },
            }
        ],
    }
    prompt = texts(Operation.MESSAGES, body)
    assert {"536-22-8726", "Jane Doe", "DE89370400440532013000"} <= set(prompt)
    assert "card 4539 1488 0343 6467" in prompt
    # The protocol's own identifiers are scanned too, as structure.
    assert {"toolu_01", "save"} <= set(structure(Operation.MESSAGES, body))


def test_fields_that_ride_along_are_scanned_and_who_asks_is_never_masked() -> None:
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": "hi", "name": "Jane_Doe"}],
        "user": "jane.doe@example.org",
        "metadata": {"user_id": "u-536-22-8726", "note": "MRN 48291733"},
        "stop": ["AKIAZ3MHQW7PLX2R4T9B"],
        "documents": [{"text": "IBAN DE89370400440532013000"}],
        "future_field": "anything",
    }
    fields = {field.text: field for field in text_fields(Operation.CHAT, body)}
    assert "m" not in fields  # the model's name is no text
    for text in ("Jane_Doe", "jane.doe@example.org", "u-536-22-8726", "MRN 48291733"):
        assert fields[text].role == STRUCTURE_ROLE
    assert {"AKIAZ3MHQW7PLX2R4T9B", "IBAN DE89370400440532013000", "anything"} <= set(fields)
    assert not fields["jane.doe@example.org"].maskable
    assert not fields["u-536-22-8726"].maskable
    assert not fields["Jane_Doe"].maskable
    assert fields["MRN 48291733"].maskable
    assert fields["IBAN DE89370400440532013000"].maskable


def test_encoded_blobs_are_skipped_but_words_in_their_place_are_read() -> None:
    blob = "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds+gPuU1ltn9DWgcNtJf"
    body = {
        "messages": [
            {
                "role": "assistant",
                "content": [
                    {"type": "thinking", "thinking": "hmm", "signature": blob},
                    {"type": "thinking", "thinking": "ok", "signature": "SSN 536-22-8726"},
                    {"type": "redacted_thinking", "data": blob},
                ],
            }
        ]
    }
    scanned = {field.text for field in text_fields(Operation.MESSAGES, body)}
    assert blob not in scanned
    assert "SSN 536-22-8726" in scanned


def test_a_search_results_source_is_read() -> None:
    opaque: list[str] = []
    body = {
        "messages": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "search_result",
                        "source": "https://intranet.example/patients?ssn=536-22-8726",
                        "title": "t",
                        "content": [{"type": "text", "text": "c"}],
                    }
                ],
            }
        ]
    }
    fields = text_fields(Operation.MESSAGES, body, opaque)
    assert "https://intranet.example/patients?ssn=536-22-8726" in {f.text for f in fields}
    assert opaque == []


def test_the_parts_of_one_message_meet_where_a_split_value_is_whole() -> None:
    body = {
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "card 4111 1111"},
                    {"type": "text", "text": "1111 1111"},
                ],
            },
            {"role": "user", "content": "another message"},
        ]
    }
    assert junctions(text_fields(Operation.CHAT, body)) == [("card 4111 1111 1111 1111", 14)]


def test_the_protocols_own_words_are_skipped_but_anything_else_in_their_place_is_read() -> None:
    body = {
        "messages": [
            {"role": "user", "content": [{"type": "text", "text": "hi"}]},
            {"role": "SSN 536-22-8726", "content": "x"},
            {"role": "user", "content": [{"type": "jane.doe@example.org", "text": "y"}]},
        ]
    }
    scanned = structure(Operation.CHAT, body)
    assert scanned == ["SSN 536-22-8726", "jane.doe@example.org"]


def test_a_structure_key_holding_an_object_is_walked() -> None:
    body = {"input": "hi", "text": {"format": {"type": "json_schema", "schema": {"x": "y z"}}}}
    assert "y z" in {f.text for f in text_fields(Operation.RESPONSES, body)}
