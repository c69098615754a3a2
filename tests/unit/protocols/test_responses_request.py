"""Parsing and validation of CreateResponse requests (POST /v1/responses)."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

from bastion.protocols.errors import GatewayError
from bastion.protocols.responses import parse_create_response, with_history
from bastion.protocols.responses.request import (
    FunctionCall,
    FunctionCallOutput,
    FunctionTool,
    InputFile,
    InputImage,
    InputText,
    ItemReference,
    Message,
    OutputText,
    Reasoning,
    Refusal,
    TextFormat,
    ToolChoiceAllowed,
    ToolChoiceFunction,
)
from bastion.protocols.translate import (
    TranslationError,
    responses_to_anthropic,
    responses_to_openai_chat,
)
from tests.unit.protocols.streams import JUNK

WEATHER = {
    "type": "function",
    "name": "get_weather",
    "description": "Weather for a city.",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    "strict": True,
}


def body(**fields: Any) -> dict[str, Any]:
    return {"model": "m", "input": "Hi", **fields}


def refused(**fields: Any) -> GatewayError:
    with pytest.raises(GatewayError) as caught:
        parse_create_response(body(**fields))
    error = caught.value
    assert error.status == 400
    shaped = error.body("openai")["error"]
    assert shaped["message"] == error.message
    assert shaped["type"] == "invalid_request_error"
    assert shaped["param"] == error.param
    return error


def test_string_input_is_one_user_message() -> None:
    request = parse_create_response(body())
    assert request.input == (Message("user", (InputText("Hi"),)),)
    assert request.store is True
    assert request.stream is False
    assert request.tools == ()


def test_every_supported_item_and_part() -> None:
    items = [
        {"role": "developer", "content": "Be terse."},
        {
            "type": "message",
            "role": "user",
            "content": [
                {"type": "input_text", "text": "What is this?"},
                {"type": "input_image", "image_url": "https://x.test/a.png", "detail": "low"},
                {"type": "input_file", "file_data": "data:application/pdf;base64,AA==",
                 "filename": "a.pdf"},
            ],
        },
        {"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": "s"}],
         "content": [{"type": "reasoning_text", "text": "r"}], "encrypted_content": "e"},
        {"type": "message", "role": "assistant", "id": "msg_1",
         "content": [{"type": "output_text", "text": "A chart.", "annotations": []},
                     {"type": "refusal", "refusal": "No."}]},
        {"type": "function_call", "id": "fc_1", "call_id": "c1", "name": "f", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "c1", "output": "42"},
        {"type": "function_call_output", "call_id": "c1",
         "output": [{"type": "input_text", "text": "more"}]},
        {"type": "item_reference", "id": "msg_0"},
    ]  # fmt: skip
    request = parse_create_response(body(input=items))
    assert request.input == (
        Message("developer", (InputText("Be terse."),)),
        Message(
            "user",
            (
                InputText("What is this?"),
                InputImage("https://x.test/a.png", None, "low"),
                InputFile("data:application/pdf;base64,AA==", "a.pdf"),
            ),
        ),
        Reasoning("rs_1", ("s",), ("r",), "e"),
        Message("assistant", (OutputText("A chart."), Refusal("No.")), "msg_1"),
        FunctionCall("c1", "f", "{}", "fc_1"),
        FunctionCallOutput("c1", "42"),
        FunctionCallOutput("c1", (InputText("more"),)),
        ItemReference("msg_0"),
    )
    assert request.call_ids == {"c1"}


def test_parameters() -> None:
    request = parse_create_response(
        body(
            instructions="Be kind.",
            tools=[WEATHER],
            tool_choice={"type": "function", "name": "get_weather"},
            parallel_tool_calls=False,
            text={"format": {"type": "json_schema", "name": "out", "schema": {"type": "object"},
                             "strict": True}, "verbosity": "low"},
            max_output_tokens=256,
            temperature=0.2,
            top_p=0.9,
            metadata={"team": "a"},
            store=False,
            include=["reasoning.encrypted_content"],
            stream=True,
            reasoning={"effort": "low", "summary": "auto"},
            prompt_cache_key="k",
            some_new_field=1,
        )
    )  # fmt: skip
    assert request.instructions == "Be kind."
    assert request.tools == (
        FunctionTool("get_weather", "Weather for a city.", WEATHER["parameters"], True),
    )
    assert request.tool_choice == ToolChoiceFunction("get_weather")
    assert request.parallel_tool_calls is False
    assert request.text_format == TextFormat("json_schema", "out", {"type": "object"}, True)
    assert request.verbosity == "low"
    assert (request.max_output_tokens, request.temperature, request.top_p) == (256, 0.2, 0.9)
    assert request.metadata == {"team": "a"}
    assert request.store is False
    assert request.include == ("reasoning.encrypted_content",)
    assert request.stream is True
    assert (request.reasoning_effort, request.reasoning_summary) == ("low", "auto")
    assert request.ignored == ("some_new_field",)


def test_allowed_tools_and_json_object() -> None:
    request = parse_create_response(
        body(
            tools=[WEATHER, {"type": "function", "name": "t"}],
            tool_choice={"type": "allowed_tools", "mode": "required",
                         "tools": [{"type": "function", "name": "t"}]},
            text={"format": {"type": "json_object"}},
        )
    )  # fmt: skip
    assert request.tool_choice == ToolChoiceAllowed("required", ("t",))
    assert request.text_format == TextFormat("json_object")


@pytest.mark.parametrize(
    "tool",
    [
        "web_search", "web_search_preview", "web_search_preview_2025_03_11", "file_search",
        "code_interpreter", "computer_use_preview", "computer", "image_generation", "mcp",
        "local_shell", "shell", "custom",
    ],
)  # fmt: skip
def test_hosted_tools_are_refused_by_name(tool: str) -> None:
    error = refused(tools=[WEATHER, {"type": tool}])
    assert f"'{tool}'" in error.message
    assert error.param == "tools[1].type"
    assert error.code == "unsupported_tool"


def test_hosted_tool_choice_is_refused() -> None:
    error = refused(tools=[WEATHER], tool_choice={"type": "web_search_preview"})
    assert "'web_search_preview'" in error.message
    assert error.param == "tool_choice"


def test_output_for_an_unknown_call_is_refused() -> None:
    items = [
        {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "c1", "output": "ok"},
        {"type": "function_call_output", "call_id": "c2", "output": "ok"},
    ]
    error = refused(input=items)
    assert "'c2'" in error.message
    assert error.param == "input[2].call_id"


def test_output_before_its_call_is_refused() -> None:
    items = [
        {"type": "function_call_output", "call_id": "c1", "output": "ok"},
        {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}"},
    ]
    assert refused(input=items).param == "input[0].call_id"


def test_outputs_with_a_previous_response_are_checked_against_its_calls() -> None:
    items = [{"type": "function_call_output", "call_id": "c9", "output": "ok"}]
    # Unknown until the gateway resolved the previous response…
    request = parse_create_response(body(input=items, previous_response_id="resp_1"))
    # …then checked against the whole conversation.
    history = [FunctionCall("c9", "f", "{}")]
    assert with_history(request, history).conversation == (*history, *request.input)
    with pytest.raises(GatewayError) as caught:
        with_history(request, [FunctionCall("c8", "f", "{}")])
    assert caught.value.param == "input[0].call_id"
    known = parse_create_response(
        body(input=items, previous_response_id="resp_1"), known_call_ids={"c9"}
    )
    assert known.input == (FunctionCallOutput("c9", "ok"),)
    with pytest.raises(GatewayError):
        parse_create_response(body(input=items, previous_response_id="r"), known_call_ids=set())


@pytest.mark.parametrize(
    ("fields", "param"),
    [
        ({"input": [{"type": "frobnicate"}]}, "input[0].type"),
        ({"input": [{"type": "web_search_call", "id": "ws_1"}]}, "input[0].type"),
        ({"input": [{"type": "computer_call_output", "call_id": "c"}]}, "input[0].type"),
        ({"input": [1]}, "input[0]"),
        ({"input": [{"role": "robot", "content": "x"}]}, "input[0].role"),
        ({"input": [{"role": "user", "content": 3}]}, "input[0].content"),
        ({"input": [{"role": "user", "content": [{"type": "output_text", "text": "x"}]}]},
         "input[0].content[0].type"),
        ({"input": [{"role": "assistant", "content": [{"type": "input_image",
                                                       "image_url": "https://x"}]}]},
         "input[0].content[0].type"),
        ({"input": [{"role": "user", "content": [{"type": "input_text"}]}]},
         "input[0].content[0].text"),
        ({"input": [{"role": "user", "content": [{"type": "input_image"}]}]},
         "input[0].content[0].image_url"),
        ({"input": [{"type": "function_call", "name": "f", "arguments": "{}"}]},
         "input[0].call_id"),
        ({"input": [{"type": "function_call", "call_id": "c", "arguments": "{}"}]},
         "input[0].name"),
        ({"input": [{"type": "function_call", "call_id": "c", "name": "f", "arguments": {}}]},
         "input[0].arguments"),
        ({"input": [{"type": "function_call_output", "call_id": "c"}]}, "input[0].output"),
        ({"input": [{"type": "reasoning", "summary": [{"type": "x"}]}]},
         "input[0].summary[0]"),
        ({"input": None}, "input"),
        ({"input": {"role": "user"}}, "input"),
        ({"model": ""}, "model"),
        ({"tools": {}}, "tools"),
        ({"tools": [{"name": "f"}]}, "tools[0].type"),
        ({"tools": [{"type": "function"}]}, "tools[0].name"),
        ({"tools": [WEATHER, WEATHER]}, "tools[1].name"),
        ({"tools": [{**WEATHER, "parameters": []}]}, "tools[0].parameters"),
        ({"tool_choice": "required"}, "tool_choice"),
        ({"tools": [WEATHER], "tool_choice": "sometimes"}, "tool_choice"),
        ({"tools": [WEATHER], "tool_choice": {"type": "function", "name": "x"}}, "tool_choice"),
        ({"text": {"format": {"type": "yaml"}}}, "text.format.type"),
        ({"text": {"format": {"type": "json_schema", "schema": {}}}}, "text.format.name"),
        ({"text": {"format": {"type": "json_schema", "name": "n"}}}, "text.format.schema"),
        ({"max_output_tokens": 0}, "max_output_tokens"),
        ({"max_output_tokens": "10"}, "max_output_tokens"),
        ({"temperature": 3}, "temperature"),
        ({"top_p": -1}, "top_p"),
        ({"metadata": {"k": 1}}, "metadata.k"),
        ({"metadata": {str(i): "v" for i in range(17)}}, "metadata"),
        ({"include": ["everything"]}, "include[0]"),
        ({"stream": "yes"}, "stream"),
        ({"store": 1}, "store"),
        ({"instructions": ["x"]}, "instructions"),
        ({"previous_response_id": 5}, "previous_response_id"),
        ({"reasoning": {"effort": "extreme"}}, "reasoning.effort"),
        ({"truncation": "sometimes"}, "truncation"),
        ({"background": True}, "background"),
        ({"conversation": "conv_1"}, "conversation"),
        ({"prompt": {"id": "pmpt_1"}}, "prompt"),
        ({"top_logprobs": 5}, "top_logprobs"),
    ],
)  # fmt: skip
def test_malformed_requests_name_the_field(fields: dict[str, Any], param: str) -> None:
    assert refused(**fields).param == param


def test_body_must_be_an_object() -> None:
    with pytest.raises(GatewayError):
        parse_create_response([])


FIELDS = [
    "input", "instructions", "tools", "tool_choice", "parallel_tool_calls", "text",
    "max_output_tokens", "temperature", "top_p", "metadata", "store", "previous_response_id",
    "include", "stream", "reasoning", "truncation", "user",
]  # fmt: skip


@pytest.mark.parametrize("junk", JUNK)
@pytest.mark.parametrize("field", FIELDS)
def test_junk_is_a_400_or_a_request_never_a_crash(field: str, junk: Any) -> None:
    refusals: list[int] = []
    for candidate in (
        body(**{field: junk}),
        body(input=[{"role": "user", "content": junk}]),
        body(input=[junk]),
        body(input=[{"type": "function_call_output", "call_id": "c", "output": junk}]),
        body(tools=[{"type": "function", "name": "f", "parameters": junk}], tool_choice=junk),
        body(text={"format": junk}),
    ):
        try:
            request = parse_create_response(candidate)
        except GatewayError as error:
            refusals.append(error.status)
            continue
        for module in (responses_to_openai_chat, responses_to_anthropic):
            with contextlib.suppress(TranslationError):
                module.translate_request(request, "up")
    assert set(refusals) <= {400}


def test_an_empty_input_array_is_refused_as_openai_refuses_it() -> None:
    error = refused(input=[])
    assert error.param == "input"
    assert error.code == "empty_array"


def test_a_stored_conversation_in_front_of_input_is_kept_apart() -> None:
    """The conversation stage puts the stored items first; errors still count the client's
    own items from 0, and the stored ones are the request's history."""
    stored = [
        {"type": "message", "role": "user", "content": "Weather?"},
        {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}"},
    ]
    own = [{"type": "function_call_output", "call_id": "c1", "output": "18 C"}]
    request = parse_create_response(body(input=[*stored, *own]), history_items=2)
    assert request.history == (
        Message("user", (InputText("Weather?"),)),
        FunctionCall("c1", "f", "{}"),
    )
    assert request.input == (FunctionCallOutput("c1", "18 C"),)
    for bad, param in [
        ({"role": "user", "content": [{"type": "input_text"}]}, "input[1].content[0].text"),
        ({"type": "function_call_output", "call_id": "c9", "output": "x"}, "input[1].call_id"),
    ]:
        with pytest.raises(GatewayError) as caught:
            parse_create_response(body(input=[*stored, *own, bad]), history_items=2)
        assert caught.value.param == param
    with pytest.raises(GatewayError) as caught:
        parse_create_response(body(input=[{"type": "banana"}, *own]), history_items=1)
    assert caught.value.param == "previous_response_id"


def test_a_translation_error_names_the_clients_own_item() -> None:
    stored = [{"type": "message", "role": "user", "content": "Hello"}]
    image = {"role": "user", "content": [{"type": "input_image", "file_id": "file-abc"}]}
    request = parse_create_response(body(input=[*stored, image]), history_items=1)
    for translator in (responses_to_openai_chat, responses_to_anthropic):
        with pytest.raises(TranslationError) as caught:
            translator.translate_request(request, "up")
        assert caught.value.param == "input[0].content[0]"


def test_max_tool_calls_is_kept_for_the_response_to_repeat() -> None:
    assert parse_create_response(body(max_tool_calls=3)).max_tool_calls == 3
    assert parse_create_response(body()).max_tool_calls is None
    for bad in (-1, "3", True, 1.5):
        assert refused(max_tool_calls=bad).param == "max_tool_calls"
