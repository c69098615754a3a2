"""A CreateResponse request (``POST /v1/responses``), parsed into typed values and validated.

Parsing never depends on the backend: what a request asks for is judged here, once, with the
OpenAI-shaped 400s a client expects (``GatewayError``, rendered with ``error.param`` naming the
field). What a particular backend cannot do is the translators' business
(``protocols/translate/responses_to_*.py``, which raise ``TranslationError``).

Fields this gateway does not know are tolerated and listed in ``ResponsesRequest.ignored`` (so an
endpoint can report them, e.g. in a header), because agents send new fields faster than any
gateway learns them; fields that would change the answer and cannot be honoured raise.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Literal

from bastion.protocols.errors import GatewayError
from bastion.protocols.memo import BodyMemo

__all__ = [
    "FunctionCall",
    "FunctionCallOutput",
    "FunctionTool",
    "InputFile",
    "InputImage",
    "InputItem",
    "InputText",
    "ItemReference",
    "Message",
    "OutputText",
    "Reasoning",
    "Refusal",
    "ResponsesRequest",
    "TextFormat",
    "ToolChoice",
    "ToolChoiceAllowed",
    "ToolChoiceFunction",
    "TurnMemo",
    "check_call_ids",
    "hosted_tool_error",
    "parse_create_response",
    "with_history",
]

# --- typed values -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InputText:
    text: str


@dataclass(frozen=True, slots=True)
class InputImage:
    """An image by URL (``https:`` or a ``data:`` URL) or by uploaded ``file_id``."""

    image_url: str | None
    file_id: str | None = None
    detail: str = "auto"


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file inline (``file_data``, base64 or a data URL), by URL or by uploaded ``file_id``."""

    file_data: str | None
    filename: str | None = None
    file_id: str | None = None
    file_url: str | None = None


@dataclass(frozen=True, slots=True)
class OutputText:
    """Text the model wrote earlier (assistant messages handed back)."""

    text: str


@dataclass(frozen=True, slots=True)
class Refusal:
    refusal: str


ContentPart = InputText | InputImage | InputFile | OutputText | Refusal
Role = Literal["user", "assistant", "system", "developer"]


@dataclass(frozen=True, slots=True)
class Message:
    role: Role
    content: tuple[ContentPart, ...]
    id: str | None = None


@dataclass(frozen=True, slots=True)
class FunctionCall:
    call_id: str
    name: str
    arguments: str
    id: str | None = None


@dataclass(frozen=True, slots=True)
class FunctionCallOutput:
    call_id: str
    output: str | tuple[ContentPart, ...]
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Reasoning:
    """A reasoning item handed back: its visible text, and what the backend needs to resume it."""

    id: str | None
    summary: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    encrypted_content: str | None = None


@dataclass(frozen=True, slots=True)
class ItemReference:
    """An item of a stored response, by id; resolved by the gateway before translation."""

    id: str


InputItem = Message | FunctionCall | FunctionCallOutput | Reasoning | ItemReference


# A function of a namespace tool ({"type": "namespace", "name": "agents", "tools": [...]}) is
# offered to the model as one function named "agents__spawn"; its calls carry the namespace
# again when they come back (see ``split_name``).
NAMESPACE_SEPARATOR = "__"


def qualified_name(namespace: str | None, name: str) -> str:
    return f"{namespace}{NAMESPACE_SEPARATOR}{name}" if namespace else name


@dataclass(frozen=True, slots=True)
class FunctionTool:
    name: str
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None
    namespace: str | None = None  # the namespace tool it came from; ``name`` is qualified


@dataclass(frozen=True, slots=True)
class ToolChoiceFunction:
    name: str


@dataclass(frozen=True, slots=True)
class ToolChoiceAllowed:
    mode: Literal["auto", "required"]
    names: tuple[str, ...]


ToolChoice = Literal["auto", "none", "required"] | ToolChoiceFunction | ToolChoiceAllowed


@dataclass(frozen=True, slots=True)
class TextFormat:
    """``text.format``: plain text, JSON mode, or a JSON schema (structured outputs)."""

    type: Literal["text", "json_object", "json_schema"]
    name: str | None = None
    schema: dict[str, Any] | None = None
    strict: bool | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ResponsesRequest:
    model: str
    input: tuple[InputItem, ...]
    instructions: str | None = None
    tools: tuple[FunctionTool, ...] = ()
    tool_choice: ToolChoice | None = None
    parallel_tool_calls: bool | None = None
    text_format: TextFormat | None = None
    verbosity: str | None = None
    max_output_tokens: int | None = None
    # Caps calls to OpenAI's built-in tools, which no backend here runs: nothing to enforce,
    # but the Response repeats it as OpenAI's does.
    max_tool_calls: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    store: bool = True
    previous_response_id: str | None = None
    include: tuple[str, ...] = ()
    stream: bool = False
    reasoning_effort: str | None = None
    reasoning_summary: str | None = None
    user: str | None = None
    safety_identifier: str | None = None
    truncation: str | None = None
    ignored: tuple[str, ...] = ()
    # The items of the conversation before this request (``previous_response_id`` resolved by
    # the gateway: the earlier requests' input and the responses' output, in order).
    history: tuple[InputItem, ...] = ()
    body: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def conversation(self) -> tuple[InputItem, ...]:
        """What the model is to see, oldest first: the history, then this request's input."""
        return self.history + self.input

    def split_name(self, name: str) -> tuple[str | None, str]:
        """(namespace, name) of a called function, as the client declared it."""
        for tool in self.tools:
            if tool.namespace is not None and tool.name == name:
                return tool.namespace, name[len(tool.namespace) + len(NAMESPACE_SEPARATOR) :]
        return None, name

    @property
    def call_ids(self) -> set[str]:
        """The ``call_id`` of every function call of the conversation."""
        return {item.call_id for item in self.conversation if isinstance(item, FunctionCall)}


# --- vocabulary -------------------------------------------------------------------------------

# fmt: off
_KNOWN = frozenset({
    "model", "input", "instructions", "tools", "tool_choice", "parallel_tool_calls", "text",
    "max_output_tokens", "temperature", "top_p", "metadata", "store", "previous_response_id",
    "include", "stream", "stream_options", "reasoning", "user", "safety_identifier",
    "truncation", "background", "conversation", "prompt", "max_tool_calls", "top_logprobs",
    # Hints about OpenAI's own caching, billing and moderation: accepted, without effect here.
    "prompt_cache_key", "prompt_cache_retention", "prompt_cache_options", "service_tier",
})
_INCLUDE = frozenset({
    "file_search_call.results", "web_search_call.results", "web_search_call.action.sources",
    "message.input_image.image_url", "computer_call_output.output.image_url",
    "code_interpreter_call.outputs", "reasoning.encrypted_content",
    "message.output_text.logprobs",
})
# Input items produced by OpenAI's hosted tools: meaningless without the tool that made them.
_HOSTED_ITEMS = frozenset({
    "file_search_call", "web_search_call", "computer_call", "computer_call_output",
    "image_generation_call", "code_interpreter_call", "local_shell_call",
    "local_shell_call_output", "shell_call", "shell_call_output", "apply_patch_call",
    "apply_patch_call_output", "mcp_list_tools", "mcp_approval_request", "mcp_approval_response",
    "mcp_call", "custom_tool_call", "custom_tool_call_output", "tool_search_call",
    "tool_search_output", "additional_tools", "compaction", "compaction_trigger", "program",
    "program_output",
})
_EFFORTS = frozenset({"none", "minimal", "low", "medium", "high", "xhigh"})
_METADATA_KEYS, _METADATA_KEY_LEN, _METADATA_VALUE_LEN = 16, 64, 512
# fmt: on


def _bad(message: str, param: str | None, code: str = "invalid_value") -> GatewayError:
    return GatewayError(400, message, code=code, param=param)


def hosted_tool_error(kind: str, param: str) -> GatewayError:
    """The 400 for a tool OpenAI runs on its own servers (web search, code interpreter…)."""
    return _bad(
        f"The tool '{kind}' is hosted by OpenAI and this gateway cannot run it; "
        "only function tools are supported.",
        param,
        code="unsupported_tool",
    )


# --- parsing ----------------------------------------------------------------------------------


def parse_create_response(
    body: Any, *, known_call_ids: Collection[str] | None = None, history_items: int = 0
) -> ResponsesRequest:
    """``body`` (parsed JSON) as a ``ResponsesRequest``, or a 400 ``GatewayError``.

    Every ``function_call_output`` must answer a ``function_call`` earlier in ``input`` or one of
    ``known_call_ids`` (the calls of the conversation before this request, when the gateway
    resolved ``previous_response_id``). With ``previous_response_id`` set and ``known_call_ids``
    not given, outputs are not checked: the earlier calls are not known yet.

    ``history_items``: the first items of ``input`` are the stored conversation the gateway put
    in front of the client's own (see ``TurnMemo``). They become the request's ``history``, and
    errors name the client's items as the client numbered them (``input[0]`` is its first).
    """
    if not isinstance(body, dict):
        raise _bad("The request body must be a JSON object.", None, "invalid_type")
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise _bad("'model' is required.", "model", "missing_required_parameter")
    _refuse_unsupported(body)
    previous = _optional_str(body, "previous_response_id")
    parsed_items = _input(body.get("input"), history_items)
    history, items = parsed_items[:history_items], parsed_items[history_items:]
    if history:
        earlier = {item.call_id for item in history if isinstance(item, FunctionCall)}
        check_call_ids(items, earlier.union(known_call_ids or ()))
    elif previous is None or known_call_ids is not None:
        check_call_ids(items, known_call_ids or ())
    tools = _tools(body.get("tools"))
    reasoning = body.get("reasoning")
    effort = summary = None
    if reasoning is not None:
        if not isinstance(reasoning, dict):
            raise _bad("'reasoning' must be an object.", "reasoning", "invalid_type")
        effort = _optional_str(reasoning, "effort", "reasoning.effort")
        if effort is not None and effort not in _EFFORTS:
            raise _bad(f"Unknown reasoning effort '{effort}'.", "reasoning.effort")
        summary = _optional_str(reasoning, "summary", "reasoning.summary")
    text_format, verbosity = _text(body.get("text"))
    return ResponsesRequest(
        model=model,
        input=tuple(items),
        instructions=_optional_str(body, "instructions"),
        tools=tuple(tools),
        tool_choice=_tool_choice(body.get("tool_choice"), tools),
        parallel_tool_calls=_optional_bool(body, "parallel_tool_calls"),
        text_format=text_format,
        verbosity=verbosity,
        max_output_tokens=_max_output_tokens(body.get("max_output_tokens")),
        max_tool_calls=_max_tool_calls(body.get("max_tool_calls")),
        temperature=_number(body, "temperature", 0, 2),
        top_p=_number(body, "top_p", 0, 1),
        metadata=_metadata(body.get("metadata")),
        store=_optional_bool(body, "store") is not False,
        previous_response_id=previous,
        include=_include(body.get("include")),
        stream=_optional_bool(body, "stream") is True,
        reasoning_effort=effort,
        reasoning_summary=summary,
        user=_optional_str(body, "user"),
        safety_identifier=_optional_str(body, "safety_identifier"),
        truncation=_truncation(body.get("truncation")),
        ignored=tuple(key for key in body if key not in _KNOWN),
        history=tuple(history),
        body=body,
    )


class TurnMemo(BodyMemo):
    """The memo of one Responses API turn whose ``input`` starts with the ``history_items``
    items of the stored conversation it continues (the conversation stage put them there so
    that every stage sees the whole conversation). Its ``parse`` keeps them apart: the
    client's own items are the request's ``input``, numbered in errors as the client sent them.
    One ``parse`` object per memo, so every reader of the body shares one parse."""

    __slots__ = ("parse",)

    def __init__(self, history_items: int = 0) -> None:
        super().__init__()
        self.parse: Callable[[dict[str, Any]], ResponsesRequest] = partial(
            parse_create_response, history_items=history_items
        )


def with_history(request: ResponsesRequest, history: Collection[InputItem]) -> ResponsesRequest:
    """``request`` continuing a stored conversation whose items are ``history``.

    Raises the 400 for a function_call_output answering no call of the whole conversation.
    """
    earlier = tuple(history)
    check_call_ids(request.input, {i.call_id for i in earlier if isinstance(i, FunctionCall)})
    return replace(request, history=earlier)


def check_call_ids(items: Collection[InputItem], known: Collection[str] = ()) -> None:
    """Every function_call_output answers a function call made before it (or in ``known``)."""
    seen = set(known)
    for i, item in enumerate(items):
        if isinstance(item, FunctionCall):
            seen.add(item.call_id)
        elif isinstance(item, FunctionCallOutput) and item.call_id not in seen:
            raise _bad(
                f"No tool call found for function call output with call_id '{item.call_id}'.",
                f"input[{i}].call_id",
            )


def _refuse_unsupported(body: dict[str, Any]) -> None:
    if body.get("background") is True:
        raise _bad("Background responses are not supported by this gateway.", "background")
    if body.get("conversation") is not None:
        raise _bad(
            "Conversations are not supported by this gateway; use previous_response_id or "
            "send the conversation in 'input'.",
            "conversation",
        )
    if body.get("prompt") is not None:
        raise _bad(
            "Stored prompt templates ('prompt') are not supported by this gateway.", "prompt"
        )
    top_logprobs = body.get("top_logprobs")
    if top_logprobs not in (None, 0):
        raise _bad("'top_logprobs' is not supported by this gateway.", "top_logprobs")


def _optional_str(source: dict[str, Any], key: str, param: str | None = None) -> str | None:
    value = source.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _bad(f"'{param or key}' must be a string.", param or key, "invalid_type")


def _optional_bool(body: dict[str, Any], key: str) -> bool | None:
    value = body.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise _bad(f"'{key}' must be a boolean.", key, "invalid_type")


def _number(body: dict[str, Any], key: str, low: float, high: float) -> float | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool) or not low <= value <= high:
        raise _bad(f"'{key}' must be a number between {low} and {high}.", key)
    return value


def _max_output_tokens(value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise _bad("'max_output_tokens' must be a positive integer.", "max_output_tokens")
    return value


def _max_tool_calls(value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _bad("'max_tool_calls' must be a non-negative integer.", "max_tool_calls")
    return value


def _metadata(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _bad("'metadata' must be an object.", "metadata", "invalid_type")
    if len(value) > _METADATA_KEYS:
        raise _bad(f"'metadata' holds at most {_METADATA_KEYS} keys.", "metadata")
    for key, item in value.items():
        if len(key) > _METADATA_KEY_LEN:
            raise _bad(f"metadata keys are at most {_METADATA_KEY_LEN} characters.", "metadata")
        if not isinstance(item, str) or len(item) > _METADATA_VALUE_LEN:
            raise _bad(
                f"metadata values must be strings of at most {_METADATA_VALUE_LEN} characters.",
                f"metadata.{key}",
            )
    return dict(value)


def _include(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _bad("'include' must be an array.", "include", "invalid_type")
    for i, entry in enumerate(value):
        if not isinstance(entry, str) or entry not in _INCLUDE:
            raise _bad(f"Unknown include value {entry!r}.", f"include[{i}]")
    return tuple(value)


def _truncation(value: Any) -> str | None:
    if value is None:
        return None
    if value in ("auto", "disabled"):
        return str(value)
    raise _bad("'truncation' must be 'auto' or 'disabled'.", "truncation")


def _text(value: Any) -> tuple[TextFormat | None, str | None]:
    if value is None:
        return None, None
    if not isinstance(value, dict):
        raise _bad("'text' must be an object.", "text", "invalid_type")
    verbosity = _optional_str(value, "verbosity", "text.verbosity")
    fmt = value.get("format")
    if fmt is None:
        return None, verbosity
    kind = fmt.get("type") if isinstance(fmt, dict) else None
    if kind in ("text", "json_object"):
        return TextFormat(kind), verbosity
    if kind != "json_schema":
        raise _bad(f"Unsupported text.format type {kind!r}.", "text.format.type")
    assert isinstance(fmt, dict)
    name, schema = fmt.get("name"), fmt.get("schema")
    if not isinstance(name, str) or not name:
        raise _bad(
            "text.format.name is required.", "text.format.name", "missing_required_parameter"
        )
    if not isinstance(schema, dict):
        raise _bad(
            "text.format.schema must be a JSON schema object.", "text.format.schema", "invalid_type"
        )
    strict = fmt.get("strict")
    if strict is not None and not isinstance(strict, bool):
        raise _bad("text.format.strict must be a boolean.", "text.format.strict", "invalid_type")
    description = _optional_str(fmt, "description", "text.format.description")
    return TextFormat("json_schema", name, schema, strict, description), verbosity


def _tools(value: Any) -> list[FunctionTool]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _bad("'tools' must be an array.", "tools", "invalid_type")
    tools: list[FunctionTool] = []
    names: set[str] = set()
    for i, tool in enumerate(value):
        param = f"tools[{i}]"
        kind = tool.get("type") if isinstance(tool, dict) else None
        if not isinstance(kind, str):
            raise _bad("A tool needs a 'type'.", f"{param}.type", "missing_required_parameter")
        if kind == "namespace":
            assert isinstance(tool, dict)
            for tool_of_namespace in _namespace_tools(tool, param):
                if tool_of_namespace.name in names:
                    raise _bad(f"Duplicate tool name '{tool_of_namespace.name}'.", f"{param}.name")
                names.add(tool_of_namespace.name)
                tools.append(tool_of_namespace)
            continue
        if kind != "function":
            raise hosted_tool_error(kind, f"{param}.type")
        assert isinstance(tool, dict)
        name = tool.get("name")
        if not isinstance(name, str) or not name:
            raise _bad(
                "A function tool needs a name.", f"{param}.name", "missing_required_parameter"
            )
        if name in names:
            raise _bad(f"Duplicate tool name '{name}'.", f"{param}.name")
        names.add(name)
        parameters = tool.get("parameters")
        if parameters is not None and not isinstance(parameters, dict):
            raise _bad("'parameters' must be a JSON schema object.", f"{param}.parameters")
        strict = tool.get("strict")
        if strict is not None and not isinstance(strict, bool):
            raise _bad("'strict' must be a boolean.", f"{param}.strict", "invalid_type")
        description = _optional_str(tool, "description", f"{param}.description")
        tools.append(FunctionTool(name, description, parameters, strict))
    return tools


def _namespace_tools(tool: dict[str, Any], param: str) -> list[FunctionTool]:
    """The functions of a namespace tool, named ``namespace__function``."""
    namespace = tool.get("name")
    if not isinstance(namespace, str) or not namespace:
        raise _bad("A namespace tool needs a name.", f"{param}.name", "missing_required_parameter")
    inner = tool.get("tools")
    if not isinstance(inner, list):
        raise _bad("A namespace tool needs 'tools', an array.", f"{param}.tools", "invalid_type")
    functions = _tools(inner)
    return [
        FunctionTool(
            qualified_name(namespace, function.name),
            function.description,
            function.parameters,
            function.strict,
            namespace,
        )
        for function in functions
    ]


def _tool_choice(value: Any, tools: list[FunctionTool]) -> ToolChoice | None:
    if value is None:
        return None
    names = {tool.name for tool in tools}
    if value in ("auto", "none", "required"):
        if value == "required" and not tools:
            raise _bad("tool_choice 'required' needs at least one tool.", "tool_choice")
        return value  # type: ignore[no-any-return]
    kind = value.get("type") if isinstance(value, dict) else None
    if not isinstance(value, dict) or not isinstance(kind, str):
        raise _bad("Unsupported tool_choice.", "tool_choice")
    if kind == "function":
        name = value.get("name")
        if not isinstance(name, str) or name not in names:
            raise _bad(
                f"tool_choice names a function that is not in tools: {name!r}.", "tool_choice"
            )
        return ToolChoiceFunction(name)
    if kind == "allowed_tools":
        mode = value.get("mode")
        entries = value.get("tools")
        if mode not in ("auto", "required") or not isinstance(entries, list):
            raise _bad("tool_choice allowed_tools needs a mode and tools.", "tool_choice")
        allowed: list[str] = []
        for j, entry in enumerate(entries):
            entry_kind = entry.get("type") if isinstance(entry, dict) else None
            if entry_kind != "function":
                raise hosted_tool_error(str(entry_kind), f"tool_choice.tools[{j}]")
            assert isinstance(entry, dict)
            if not isinstance(entry.get("name"), str) or entry["name"] not in names:
                raise _bad(
                    f"tool_choice allows a function that is not in tools: {entry.get('name')!r}.",
                    f"tool_choice.tools[{j}]",
                )
            allowed.append(entry["name"])
        return ToolChoiceAllowed(mode, tuple(allowed))
    raise hosted_tool_error(kind, "tool_choice")


# --- input items ------------------------------------------------------------------------------


def _input(value: Any, history_items: int = 0) -> list[InputItem]:
    if isinstance(value, str):
        return [Message("user", (InputText(value),))]
    if value is None:
        raise _bad("'input' is required.", "input", "missing_required_parameter")
    if not isinstance(value, list):
        raise _bad("'input' must be a string or an array of items.", "input", "invalid_type")
    if not value:  # as OpenAI answers: there is nothing to respond to
        raise _bad(
            "Invalid 'input': empty array. Expected an array with minimum length 1.",
            "input",
            "empty_array",
        )
    stored = [_stored_item(item) for item in value[:history_items]]
    own = [_item(item, f"input[{i}]") for i, item in enumerate(value[history_items:])]
    return stored + own


def _stored_item(item: Any) -> InputItem:
    """An item of the stored conversation in front of the client's input: the client named
    it only by ``previous_response_id``, which is what an error in it names."""
    try:
        return _item(item, "previous_response_id")
    except GatewayError as error:
        raise _bad(error.message, "previous_response_id", error.code or "invalid_value") from None


def _item(item: Any, where: str) -> InputItem:
    if not isinstance(item, dict):
        raise _bad("An input item must be an object.", where, "invalid_type")
    kind = item.get("type")
    if kind is None and "role" in item:
        kind = "message"  # the short form {"role", "content"}
    if kind == "message":
        return _message(item, where)
    if kind == "function_call":
        namespace = _optional_str(item, "namespace", f"{where}.namespace")
        return FunctionCall(
            call_id=_required_str(item, "call_id", where),
            name=qualified_name(namespace, _required_str(item, "name", where)),
            arguments=_string(item, "arguments", where),
            id=_optional_str(item, "id", f"{where}.id"),
        )
    if kind == "function_call_output":
        if not item.get("call_id") and isinstance(item.get("name"), str):
            return _context_output(item, where)
        call_id = _required_str(item, "call_id", where)
        output = item.get("output")
        if isinstance(output, list):
            output = _parts(output, f"{where}.output", _TOOL_OUTPUT_PARTS)
        elif not isinstance(output, str):
            raise _bad(
                "A function_call_output needs 'output' (a string or content parts).",
                f"{where}.output",
                "missing_required_parameter",
            )
        return FunctionCallOutput(call_id, output, _optional_str(item, "id", f"{where}.id"))
    if kind == "reasoning":
        return _reasoning(item, where)
    if kind == "item_reference":
        return ItemReference(_required_str(item, "id", where))
    if isinstance(kind, str) and kind in _HOSTED_ITEMS:
        raise _bad(
            f"Input item type '{kind}' belongs to a tool this gateway cannot run.",
            f"{where}.type",
        )
    raise _bad(f"Unknown input item type {kind!r}.", f"{where}.type")


def _context_output(item: dict[str, Any], where: str) -> Message:
    """A tool output no call asked for, which a client adds as context (Codex's
    ``{"type": "function_call_output", "namespace": "agent", "name": "goal_objective",
    "output": ...}``): the model reads it as a user message naming where it came from."""
    output = item.get("output")
    if not isinstance(output, str):
        raise _bad(
            "A function_call_output without a call_id needs 'output' as a string.",
            f"{where}.output",
            "missing_required_parameter",
        )
    namespace = _optional_str(item, "namespace", f"{where}.namespace")
    source = f"{namespace}.{item['name']}" if namespace else item["name"]
    return Message("user", (InputText(f"[{source}] {output}"),))


def _required_str(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value:
        raise _bad(f"'{key}' is required.", f"{where}.{key}", "missing_required_parameter")
    return value


def _string(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str):
        raise _bad(f"'{key}' must be a string.", f"{where}.{key}", "invalid_type")
    return value


_USER_PARTS = frozenset({"input_text", "input_image", "input_file"})
_ASSISTANT_PARTS = frozenset({"output_text", "refusal", "input_text"})
_TOOL_OUTPUT_PARTS = _USER_PARTS


def _message(item: dict[str, Any], where: str) -> Message:
    role = item.get("role")
    if role not in ("user", "assistant", "system", "developer"):
        raise _bad(f"Unknown message role {role!r}.", f"{where}.role")
    content = item.get("content")
    if isinstance(content, str):
        part: ContentPart = OutputText(content) if role == "assistant" else InputText(content)
        parts: tuple[ContentPart, ...] = (part,)
    elif isinstance(content, list):
        allowed = _ASSISTANT_PARTS if role == "assistant" else _USER_PARTS
        parts = _parts(content, f"{where}.content", allowed)
    else:
        raise _bad(
            "Message content must be a string or an array of content parts.",
            f"{where}.content",
            "invalid_type",
        )
    return Message(role, parts, _optional_str(item, "id", f"{where}.id"))


def _parts(raw: list[Any], where: str, allowed: frozenset[str]) -> tuple[ContentPart, ...]:
    parts: list[ContentPart] = []
    for j, part in enumerate(raw):
        param = f"{where}[{j}]"
        kind = part.get("type") if isinstance(part, dict) else None
        if not isinstance(kind, str) or kind not in allowed:
            raise _bad(f"Content part type {kind!r} is not allowed here.", f"{param}.type")
        assert isinstance(part, dict)
        if kind == "input_text":
            parts.append(InputText(_string(part, "text", param)))
        elif kind == "output_text":
            parts.append(OutputText(_string(part, "text", param)))
        elif kind == "refusal":
            parts.append(Refusal(_string(part, "refusal", param)))
        elif kind == "input_image":
            url = _optional_str(part, "image_url", f"{param}.image_url")
            file_id = _optional_str(part, "file_id", f"{param}.file_id")
            if not url and not file_id:
                raise _bad(
                    "An input_image needs image_url or file_id.",
                    f"{param}.image_url",
                    "missing_required_parameter",
                )
            detail = part.get("detail") or "auto"
            if detail not in ("auto", "low", "high", "original"):
                raise _bad(f"Unknown image detail {detail!r}.", f"{param}.detail")
            parts.append(InputImage(url, file_id, detail))
        else:
            data = _optional_str(part, "file_data", f"{param}.file_data")
            file_id = _optional_str(part, "file_id", f"{param}.file_id")
            file_url = _optional_str(part, "file_url", f"{param}.file_url")
            if not (data or file_id or file_url):
                raise _bad(
                    "An input_file needs file_data, file_id or file_url.",
                    param,
                    "missing_required_parameter",
                )
            filename = _optional_str(part, "filename", f"{param}.filename")
            parts.append(InputFile(data, filename, file_id, file_url))
    return tuple(parts)


def _reasoning(item: dict[str, Any], where: str) -> Reasoning:
    def texts(key: str, kind: str) -> tuple[str, ...]:
        value = item.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise _bad(f"'{key}' must be an array.", f"{where}.{key}", "invalid_type")
        out = []
        for j, part in enumerate(value):
            if not isinstance(part, dict) or part.get("type") != kind:
                raise _bad(f"Expected a {kind} part.", f"{where}.{key}[{j}]")
            out.append(_string(part, "text", f"{where}.{key}[{j}]"))
        return tuple(out)

    return Reasoning(
        id=_optional_str(item, "id", f"{where}.id"),
        summary=texts("summary", "summary_text"),
        content=texts("content", "reasoning_text"),
        encrypted_content=_optional_str(item, "encrypted_content", f"{where}.encrypted_content"),
    )
