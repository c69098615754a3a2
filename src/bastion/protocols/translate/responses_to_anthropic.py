"""OpenAI Responses API clients served by an Anthropic Messages backend.

Requests are translated Responses → Messages; responses, errors and stream events Messages →
Responses. Every field decision is listed in docs/responses-api.md.

Anthropic's signed thinking must be handed back unchanged for a tool-using conversation to
continue. It reaches Responses clients as a reasoning item whose ``encrypted_content`` carries
the thinking block (visible text, signature); clients that send reasoning items back, as the
Responses API asks them to, thereby return the block, which becomes a thinking block again.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

import orjson

from bastion.protocols.errors import error_body
from bastion.protocols.responses.output import (
    CallItem,
    IncompleteReason,
    MessageItem,
    ReasoningItem,
    ResponseStream,
    ResponseWriter,
    new_id,
)
from bastion.protocols.responses.request import (
    ContentPart,
    FunctionCall,
    FunctionCallOutput,
    InputFile,
    InputImage,
    InputText,
    ItemReference,
    Message,
    OutputText,
    Reasoning,
    Refusal,
    ResponsesRequest,
    ToolChoiceAllowed,
    ToolChoiceFunction,
)
from bastion.protocols.sse import SSEEvent
from bastion.protocols.translate import TranslationError
from bastion.protocols.translate._content import openai_parts_to_blocks
from bastion.protocols.translate._shared import (
    ANTHROPIC_ERROR_STATUS,
    json_object,
    load_event,
    obj,
    seq,
    text_of,
)
from bastion.protocols.translate.openai_chat_to_anthropic import DEFAULT_MAX_TOKENS
from bastion.protocols.translate.responses_to_openai_chat import (
    as_request,
    item_param,
    unresolved_history,
    unresolved_reference,
)
from bastion.protocols.usage import Usage

__all__ = [
    "DEFAULT_MAX_TOKENS",
    "StreamTranslator",
    "translate_error",
    "translate_request",
    "translate_response",
]

# fmt: off
_INCOMPLETE: dict[str, IncompleteReason] = {
    "max_tokens": "max_output_tokens", "model_context_window_exceeded": "max_output_tokens",
    "refusal": "content_filter",
}
# Anthropic's output_config.effort has no "minimal"; "none" leaves the parameter out.
_EFFORT = {"minimal": "low", "low": "low", "medium": "medium", "high": "high", "xhigh": "xhigh"}
_TOOL_CHOICE = {"auto": "auto", "none": "none", "required": "any"}
_DETAIL_FREE = {"auto", "low", "high", "original"}
# Anthropic's pattern for tool_use ids; other engines' ids ("functions.get_weather:0") are not.
_INVALID_ID_CHARS = re.compile(r"[^A-Za-z0-9_-]")
# encrypted_content of reasoning items made from Anthropic thinking blocks.
THINKING_PREFIX = "anthropic-thinking.v1:"
# fmt: on


def encode_thinking(block: dict[str, Any]) -> str:
    """A thinking or redacted_thinking block → a reasoning item's ``encrypted_content``."""
    return THINKING_PREFIX + base64.urlsafe_b64encode(orjson.dumps(block)).decode()


def decode_thinking(value: str | None) -> dict[str, Any] | None:
    """The thinking block inside ``encrypted_content``, or None when it holds something else."""
    if not value or not value.startswith(THINKING_PREFIX):
        return None
    try:
        block = orjson.loads(base64.urlsafe_b64decode(value[len(THINKING_PREFIX) :]))
    except (binascii.Error, ValueError):
        return None
    if isinstance(block, dict) and block.get("type") in ("thinking", "redacted_thinking"):
        return block
    return None


def translate_request(
    body: dict[str, Any] | ResponsesRequest, upstream_model: str
) -> dict[str, Any]:
    request = as_request(body)
    if request.previous_response_id is not None and not request.history:
        raise unresolved_history(request)
    system, messages = _messages(request)
    out: dict[str, Any] = {"model": upstream_model, "messages": messages}
    # Required by Anthropic; the Responses API has no such limit by default.
    out["max_tokens"] = request.max_output_tokens or DEFAULT_MAX_TOKENS
    if system:
        out["system"] = system
    if request.temperature is not None:
        if request.temperature > 1:
            # Anthropic samples on 0..1; rescaling OpenAI's 0..2 would silently change behaviour.
            raise TranslationError(
                "temperature must be between 0 and 1 for this model (Anthropic's range).",
                "temperature",
            )
        out["temperature"] = request.temperature
    if request.top_p is not None:
        out["top_p"] = request.top_p
    if request.stream:
        out["stream"] = True
    user = request.user or request.safety_identifier
    if user:
        out["metadata"] = {"user_id": user}
    _tools(request, out)
    config: dict[str, Any] = {}
    effort = request.reasoning_effort
    if effort is not None and effort != "none":
        config["effort"] = _EFFORT[effort]
    fmt = request.text_format
    if fmt is not None and fmt.type == "json_object":
        raise TranslationError(
            "text.format 'json_object' is not supported for this model: Anthropic has no "
            "free-form JSON mode; use 'json_schema' instead.",
            "text.format",
        )
    if fmt is not None and fmt.type == "json_schema":
        # Anthropic's structured outputs constrain decoding to the schema (strict mode).
        config["format"] = {"type": "json_schema", "schema": fmt.schema}
    if config:
        out["output_config"] = config
    return out


def _tools(request: ResponsesRequest, out: dict[str, Any]) -> None:
    tools = list(request.tools)
    choice = request.tool_choice
    anthropic_choice: dict[str, Any] | None = None
    if isinstance(choice, str):
        anthropic_choice = {"type": _TOOL_CHOICE[choice]}
    elif isinstance(choice, ToolChoiceFunction):
        anthropic_choice = {"type": "tool", "name": choice.name}
    elif isinstance(choice, ToolChoiceAllowed):
        tools = [tool for tool in tools if tool.name in choice.names]
        anthropic_choice = {"type": "any" if choice.mode == "required" else "auto"}
    if not tools:
        return
    converted = []
    for tool in tools:
        schema = tool.parameters or {"type": "object", "properties": {}}
        entry: dict[str, Any] = {"name": tool.name, "input_schema": schema}
        if tool.description:
            entry["description"] = tool.description
        if tool.strict is True:
            entry["strict"] = True
        converted.append(entry)
    out["tools"] = converted
    if request.parallel_tool_calls is False:
        anthropic_choice = anthropic_choice or {"type": "auto"}
        if anthropic_choice["type"] != "none":
            anthropic_choice["disable_parallel_tool_use"] = True
    if anthropic_choice is not None:
        out["tool_choice"] = anthropic_choice


def _tool_id(value: str) -> str:
    # Rewritten the same way on both sides of the request, so calls and results still pair up.
    return _INVALID_ID_CHARS.sub("_", value)


def _messages(request: ResponsesRequest) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The conversation → (Anthropic system blocks, Anthropic turns).

    Instructions, then system and developer messages wherever they appear, go to ``system``;
    function calls become ``tool_use`` blocks of an assistant turn and their outputs
    ``tool_result`` blocks of a user turn; consecutive same-role turns are merged.
    """
    system: list[dict[str, Any]] = []
    if request.instructions:
        system.append({"type": "text", "text": request.instructions})
    turns: list[dict[str, Any]] = []
    for position, item in enumerate(request.conversation):
        where = item_param(request, position)
        if isinstance(item, Message) and item.role in ("system", "developer"):
            system.extend(_blocks(item.content, where, images=False))
            continue
        role = "assistant"
        if isinstance(item, Message):
            role = "assistant" if item.role == "assistant" else "user"
            blocks = _blocks(item.content, where, images=role == "user")
        elif isinstance(item, FunctionCall):
            arguments = json_object(item.arguments)
            if arguments is None:
                raise TranslationError(
                    "Function call arguments must be a JSON object.", f"{where}.arguments"
                )
            call = {"id": _tool_id(item.call_id), "name": item.name, "input": arguments}
            blocks = [{"type": "tool_use", **call}]
        elif isinstance(item, FunctionCallOutput):
            role = "user"
            result: dict[str, Any] = {"type": "tool_result", "tool_use_id": _tool_id(item.call_id)}
            if isinstance(item.output, str):
                if item.output:
                    result["content"] = item.output
            else:
                content = _blocks(item.output, f"{where}.output", images=True)
                if content:
                    result["content"] = content
            blocks = [result]
        elif isinstance(item, Reasoning):
            block = decode_thinking(item.encrypted_content)
            # Reasoning without Anthropic's signature cannot be handed back; it is dropped.
            blocks = [block] if block is not None else []
        else:
            assert isinstance(item, ItemReference)
            raise unresolved_reference(item, where)
        if not blocks:
            continue
        if turns and turns[-1]["role"] == role:
            turns[-1]["content"].extend(blocks)
        else:
            turns.append({"role": role, "content": blocks})
    for turn in turns:
        # Anthropic wants a user turn's tool results before any other content.
        if turn["role"] == "user" and len(turn["content"]) > 1:
            turn["content"].sort(key=lambda block: block["type"] != "tool_result")
    return system, turns


def _blocks(parts: tuple[ContentPart, ...], where: str, *, images: bool) -> list[dict[str, Any]]:
    """Responses content parts → Anthropic blocks, through chat's part shapes."""
    chat_parts: list[dict[str, Any]] = []
    for j, part in enumerate(parts):
        param = f"{where}.content[{j}]"
        if isinstance(part, InputText | OutputText):
            chat_parts.append({"type": "text", "text": part.text})
        elif isinstance(part, Refusal):
            chat_parts.append({"type": "text", "text": part.refusal})
        elif isinstance(part, InputImage) and images:
            if not part.image_url:
                raise TranslationError(
                    "Images by file_id are stored at OpenAI and cannot be read here; send "
                    "image_url (an https or data URL).",
                    param,
                )
            chat_parts.append({"type": "image_url", "image_url": {"url": part.image_url}})
        elif isinstance(part, InputFile) and images:
            if not part.file_data:
                raise TranslationError(
                    "Only inline files (file_data) are supported; file_id and file_url are not.",
                    param,
                )
            chat_parts.append({"type": "file", "file": {"file_data": part.file_data}})
        else:
            raise TranslationError("Only text is supported in this message.", param)
    return openai_parts_to_blocks(chat_parts, where, images=images)


# --- responses ------------------------------------------------------------------------------


def _set_usage(writer: ResponseWriter, raw: dict[str, Any]) -> None:
    usage = Usage.from_anthropic(raw)
    if usage is not None:
        writer.usage = usage
        writes = raw.get("cache_creation_input_tokens")
        writer.cache_write_tokens = writes if isinstance(writes, int) else 0


def _reason(stop_reason: Any) -> IncompleteReason | None:
    return _INCOMPLETE.get(stop_reason) if isinstance(stop_reason, str) else None


def translate_response(
    body: dict[str, Any],
    client_model: str,
    *,
    request: ResponsesRequest | None = None,
    response_id: str | None = None,
) -> dict[str, Any]:
    """A Response object for an Anthropic message.

    Consecutive text blocks are the parts of one message item; thinking blocks become reasoning
    items and tool_use blocks function calls, in the order the model produced them.
    """
    writer = ResponseWriter(client_model, request, response_id=response_id)
    message: MessageItem | None = None
    for block in seq(body.get("content")):
        kind = obj(block).get("type")
        if kind == "text":
            if message is None:
                message = writer.open_message()
            writer.text(message, "output_text", text_of(block.get("text")))
            writer.close_part(message)
            continue
        message = None
        if kind == "thinking":
            item = writer.open_reasoning()
            writer.reasoning(item, text_of(block.get("thinking")))
            item.encrypted_content = encode_thinking(block)
        elif kind == "redacted_thinking":
            writer.open_reasoning(text=False).encrypted_content = encode_thinking(block)
        elif kind == "tool_use":
            call = writer.open_call(text_of(block.get("id")) or new_id("toolu_"), "")
            call.name = text_of(block.get("name"))
            writer.arguments(call, orjson.dumps(obj(block.get("input"))).decode())
        # Citations and server-tool blocks only follow features this direction never requests.
    _set_usage(writer, obj(body.get("usage")))
    return writer.finish(_reason(body.get("stop_reason")))


def translate_error(status: int, body: dict[str, Any] | None) -> dict[str, Any]:
    """An Anthropic error body → OpenAI's error shape, as Responses clients read it."""
    error = obj(obj(body).get("error"))
    message = error.get("message")
    if not isinstance(message, str) or not message:
        message = f"upstream answered HTTP {status}"
    kind = error.get("type")
    code = kind if isinstance(kind, str) else None
    if message.startswith("prompt is too long"):
        code = "context_length_exceeded"
    return error_body("openai", status, message, code=code)


# --- streaming ------------------------------------------------------------------------------


def _index(payload: dict[str, Any]) -> int:
    """A content block event's index (-1, which no block has, when it is not a number)."""
    index = payload.get("index")
    return index if isinstance(index, int) and index >= 0 else -1


class StreamTranslator(ResponseStream):
    """Anthropic Messages stream events → Responses API stream events."""

    __slots__ = ("_blocks", "_message", "_raw_usage", "_stop_reason")

    def __init__(
        self,
        client_model: str,
        *,
        include_usage: bool = True,
        request: ResponsesRequest | None = None,
        response_id: str | None = None,
    ) -> None:
        super().__init__(client_model, request, response_id)
        self._message: MessageItem | None = None  # the message item consecutive text joins
        # Anthropic block index → (the item it feeds, the block as it accumulates).
        self._blocks: dict[int, tuple[MessageItem | ReasoningItem | CallItem, dict[str, Any]]] = {}
        self._raw_usage: dict[str, Any] = {}
        self._stop_reason: str | None = None

    def feed(self, event: SSEEvent) -> list[bytes]:
        if self._ended:
            return []
        payload = load_event(event)
        if payload is None:
            return []
        self._begin()
        kind = event.event or payload.get("type")
        if kind == "message_start":
            self._merge_usage(obj(payload.get("message")).get("usage"))
        elif kind == "content_block_start":
            self._block_start(payload)
        elif kind == "content_block_delta":
            self._delta(payload)
        elif kind == "content_block_stop":
            self._block_stop(payload)
        elif kind == "message_delta":
            self._merge_usage(payload.get("usage"))
            stop_reason = obj(payload.get("delta")).get("stop_reason")
            if isinstance(stop_reason, str):
                self._stop_reason = stop_reason
        elif kind == "message_stop":
            return self._end()
        elif kind == "error":
            error = obj(payload.get("error"))
            message = text_of(error.get("message")) or "The backend reported an error mid-stream."
            status = ANTHROPIC_ERROR_STATUS.get(str(error.get("type")), 500)
            code = "rate_limit_exceeded" if status == 429 else "server_error"
            return self._fail(message, code)
        # ping and unknown events carry nothing for Responses clients.
        return self._writer.drain()

    def _merge_usage(self, usage: Any) -> None:
        if isinstance(usage, dict):
            # message_delta carries cumulative counts; absent or null fields keep earlier values.
            self._raw_usage.update((k, v) for k, v in usage.items() if v is not None)
            _set_usage(self._writer, self._raw_usage)

    def _leave_message(self) -> None:
        if self._message is not None:
            self._writer.close(self._message)
            self._message = None

    def _block_start(self, payload: dict[str, Any]) -> None:
        block = dict(obj(payload.get("content_block")))
        index = _index(payload)
        if index < 0:
            return
        kind = block.get("type")
        writer = self._writer
        if kind == "text":
            if self._message is None:
                self._message = writer.open_message()
            writer.text(self._message, "output_text", text_of(block.get("text")))
            self._blocks[index] = (self._message, block)
            return
        self._leave_message()
        if kind == "thinking":
            item = writer.open_reasoning()
            writer.reasoning(item, text_of(block.get("thinking")))
            self._blocks[index] = (item, block)
        elif kind == "redacted_thinking":
            redacted = writer.open_reasoning(text=False)
            redacted.encrypted_content = encode_thinking(block)
            writer.close(redacted)
        elif kind == "tool_use":
            call_id = text_of(block.get("id")) or new_id("toolu_")
            call = writer.open_call(call_id, text_of(block.get("name")))
            if block.get("input"):
                writer.arguments(call, orjson.dumps(block["input"]).decode())
            self._blocks[index] = (call, block)

    def _delta(self, payload: dict[str, Any]) -> None:
        entry = self._blocks.get(_index(payload))
        if entry is None:
            return
        item, block = entry
        delta = obj(payload.get("delta"))
        kind = delta.get("type")
        if kind == "text_delta" and isinstance(item, MessageItem):
            self._writer.text(item, "output_text", text_of(delta.get("text")))
        elif kind == "thinking_delta" and isinstance(item, ReasoningItem):
            text = text_of(delta.get("thinking"))
            block["thinking"] = text_of(block.get("thinking")) + text
            self._writer.reasoning(item, text)
        elif kind == "signature_delta":
            block["signature"] = text_of(block.get("signature")) + text_of(delta.get("signature"))
        elif kind == "input_json_delta" and isinstance(item, CallItem):
            self._writer.arguments(item, text_of(delta.get("partial_json")))
        # citations_delta has no Responses counterpart.

    def _block_stop(self, payload: dict[str, Any]) -> None:
        entry = self._blocks.pop(_index(payload), None)
        if entry is None:
            return
        item, block = entry
        if isinstance(item, MessageItem):
            self._writer.close_part(item)
            return
        if isinstance(item, ReasoningItem):
            item.encrypted_content = encode_thinking(block)
        elif not item.arguments:
            self._writer.arguments(item, "{}")  # a call without parameters
        self._writer.close(item)

    def _end(self) -> list[bytes]:
        self._state = "done"
        self._writer.finish(_reason(self._stop_reason))
        return self._writer.drain()
