"""OpenAI Responses API clients served by an OpenAI-compatible chat backend (vLLM, SGLang…).

Requests are translated Responses → Chat Completions; responses, errors and stream events Chat
Completions → Responses. Every field decision is listed in docs/responses-api.md.

The entry points follow the other translators (``translate_request``, ``translate_response``,
``translate_error``, ``StreamTranslator``), with keyword arguments of their own: the parsed
request, whose parameters every Response repeats, and the response id the gateway chose.
"""

from __future__ import annotations

import time
from typing import Any

from bastion.protocols.errors import error_body
from bastion.protocols.responses.output import (
    CallItem,
    IncompleteReason,
    MessageItem,
    ReasoningItem,
    ResponseStream,
    ResponseWriter,
    call_item,
    content_part,
    message_item,
    new_id,
    reasoning_item,
    response_object,
    usage_object,
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
    Refusal,
    ResponsesRequest,
    ToolChoiceAllowed,
    ToolChoiceFunction,
    parse_create_response,
)
from bastion.protocols.sse import SSEEvent
from bastion.protocols.translate import TranslationError
from bastion.protocols.translate._shared import error_message, load_event, obj, seq, text_of
from bastion.protocols.usage import Usage

__all__ = [
    "StreamTranslator",
    "as_request",
    "translate_error",
    "translate_request",
    "translate_response",
]

_INCOMPLETE: dict[str, IncompleteReason] = {
    "length": "max_output_tokens",
    "content_filter": "content_filter",
}
# Chat's image detail has no "original"; "high" is the closest.
_DETAIL = {"auto": "auto", "low": "low", "high": "high", "original": "high"}


def as_request(body: dict[str, Any] | ResponsesRequest) -> ResponsesRequest:
    """A parsed request (raw bodies are parsed, raising the 400 ``GatewayError``)."""
    return body if isinstance(body, ResponsesRequest) else parse_create_response(body)


def unresolved_history(request: ResponsesRequest) -> TranslationError:
    return TranslationError(
        f"Previous response '{request.previous_response_id}' is not available; send the whole "
        "conversation in 'input' instead.",
        "previous_response_id",
    )


def unresolved_reference(item: ItemReference, where: str) -> TranslationError:
    """An item_reference left in a request: the gateway resolves those to items of the stored
    conversation before translating (stages/conversation.py); any other cannot be sent."""
    return TranslationError(
        f"Item reference '{item.id}' names no item of the conversation continued by "
        "'previous_response_id'; send the item itself.",
        where,
    )


def item_param(request: ResponsesRequest, position: int) -> str:
    """The client's name for item ``position`` of the conversation (history first)."""
    offset = position - len(request.history)
    return f"input[{offset}]" if offset >= 0 else "previous_response_id"


def translate_request(
    body: dict[str, Any] | ResponsesRequest,
    upstream_model: str,
    *,
    max_tokens_field: str = "max_tokens",
) -> dict[str, Any]:
    """A Chat Completions body for ``body``.

    ``max_tokens_field`` names where ``max_output_tokens`` goes: ``max_tokens`` (understood by
    every engine) or ``max_completion_tokens`` (what OpenAI's reasoning models require).
    """
    request = as_request(body)
    if request.previous_response_id is not None and not request.history:
        raise unresolved_history(request)
    out: dict[str, Any] = {"model": upstream_model, "messages": _messages(request)}
    if request.max_output_tokens is not None:
        out[max_tokens_field] = request.max_output_tokens
    if request.temperature is not None:
        out["temperature"] = request.temperature
    if request.top_p is not None:
        out["top_p"] = request.top_p
    user = request.user or request.safety_identifier
    if user:
        out["user"] = user
    if request.reasoning_effort is not None:
        out["reasoning_effort"] = request.reasoning_effort
    fmt = request.text_format
    if fmt is not None and fmt.type == "json_object":
        out["response_format"] = {"type": "json_object"}
    elif fmt is not None and fmt.type == "json_schema":
        spec: dict[str, Any] = {"name": fmt.name, "schema": fmt.schema}
        if fmt.strict is not None:
            spec["strict"] = fmt.strict
        if fmt.description is not None:
            spec["description"] = fmt.description
        out["response_format"] = {"type": "json_schema", "json_schema": spec}
    _tools(request, out)
    if request.stream:
        out["stream"] = True
        out["stream_options"] = {"include_usage": True}
    return out


def _tools(request: ResponsesRequest, out: dict[str, Any]) -> None:
    tools = list(request.tools)
    choice = request.tool_choice
    chat_choice: Any = choice
    if isinstance(choice, ToolChoiceFunction):
        chat_choice = {"type": "function", "function": {"name": choice.name}}
    elif isinstance(choice, ToolChoiceAllowed):
        # Offering only the allowed tools restricts the model the same way, on every engine.
        tools = [tool for tool in tools if tool.name in choice.names]
        chat_choice = choice.mode
    if not tools:
        # Engines refuse tool_choice without tools; with none to choose, nothing is lost.
        return
    functions = []
    for tool in tools:
        function: dict[str, Any] = {"name": tool.name}
        if tool.description:
            function["description"] = tool.description
        function["parameters"] = tool.parameters or {"type": "object", "properties": {}}
        if tool.strict is not None:
            function["strict"] = tool.strict
        functions.append({"type": "function", "function": function})
    out["tools"] = functions
    if chat_choice is not None:
        out["tool_choice"] = chat_choice
    if request.parallel_tool_calls is not None:
        out["parallel_tool_calls"] = request.parallel_tool_calls


def _messages(request: ResponsesRequest) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    if request.instructions:
        messages.append({"role": "system", "content": request.instructions})
    # Images returned by tools: chat tool messages carry text only, so they follow in a user
    # message once the run of tool messages ends.
    images: list[dict[str, Any]] = []

    def flush_images() -> None:
        if images:
            messages.append({"role": "user", "content": list(images)})
            images.clear()

    for position, item in enumerate(request.conversation):
        where = item_param(request, position)
        if isinstance(item, FunctionCallOutput):
            text, parts = _tool_output(item.output, f"{where}.output")
            messages.append({"role": "tool", "tool_call_id": item.call_id, "content": text})
            images.extend(parts)
            continue
        flush_images()
        if isinstance(item, Message):
            message = _message(item, where)
            if message is not None:
                messages.append(message)
        elif isinstance(item, FunctionCall):
            call = {
                "id": item.call_id,
                "type": "function",
                "function": {"name": item.name, "arguments": item.arguments},
            }
            last = messages[-1] if messages else None
            if last is not None and last["role"] == "assistant":
                # Consecutive calls (and the text just before them) are one assistant turn.
                last.setdefault("tool_calls", []).append(call)
            else:
                messages.append({"role": "assistant", "content": None, "tool_calls": [call]})
        elif isinstance(item, ItemReference):
            raise unresolved_reference(item, where)
        # Reasoning items are dropped: chat has no way to hand reasoning back to the model.
    flush_images()
    return messages


def _message(item: Message, where: str) -> dict[str, Any] | None:
    if item.role == "assistant":
        texts = [_plain(part, where) for part in item.content]
        return {"role": "assistant", "content": "".join(texts)} if any(texts) else None
    if item.role in ("system", "developer"):
        text = "\n\n".join(_plain(part, where) for part in item.content)
        # Engines' chat templates know "system"; "developer" is OpenAI's newer name for it.
        return {"role": "system", "content": text}
    parts = [_user_part(part, f"{where}.content[{j}]") for j, part in enumerate(item.content)]
    if not parts:
        return None
    if len(parts) == 1 and parts[0]["type"] == "text":
        return {"role": "user", "content": parts[0]["text"]}
    return {"role": "user", "content": parts}


def _plain(part: ContentPart, where: str) -> str:
    if isinstance(part, InputText | OutputText):
        return part.text
    if isinstance(part, Refusal):
        return part.refusal
    raise TranslationError("Only text is supported in this message.", f"{where}.content")


def _user_part(part: ContentPart, param: str) -> dict[str, Any]:
    if isinstance(part, InputText | OutputText):
        return {"type": "text", "text": part.text}
    if isinstance(part, InputImage):
        if not part.image_url:
            raise TranslationError(
                "Images by file_id are stored at OpenAI and cannot be read here; send "
                "image_url (an https or data URL).",
                param,
            )
        return {
            "type": "image_url",
            "image_url": {"url": part.image_url, "detail": _DETAIL.get(part.detail, "auto")},
        }
    if isinstance(part, InputFile):
        if not part.file_data:
            raise TranslationError(
                "Only inline files (file_data) are supported; file_id and file_url are not.",
                param,
            )
        file = {"file_data": part.file_data, "filename": part.filename or "document.pdf"}
        return {"type": "file", "file": file}
    raise TranslationError("A refusal cannot be sent as user content.", param)


def _tool_output(
    output: str | tuple[ContentPart, ...], where: str
) -> tuple[str, list[dict[str, Any]]]:
    if isinstance(output, str):
        return output, []
    texts: list[str] = []
    others: list[dict[str, Any]] = []
    for j, part in enumerate(output):
        converted = _user_part(part, f"{where}[{j}]")
        if converted["type"] == "text":
            texts.append(converted["text"])
        else:
            others.append(converted)
    return "\n".join(texts), others


# --- responses ------------------------------------------------------------------------------


def _reasoning_text(source: dict[str, Any]) -> str | None:
    # Older vLLM and DeepSeek say reasoning_content; vLLM ≥ 0.9 and others say reasoning.
    value = source.get("reasoning_content") or source.get("reasoning")
    return value if isinstance(value, str) and value else None


def _reasoning_tokens(raw: Any) -> int:
    details = obj(obj(raw).get("completion_tokens_details"))
    reasoning = details.get("reasoning_tokens")
    return reasoning if isinstance(reasoning, int) else 0


def _set_usage(writer: ResponseWriter, raw: Any) -> None:
    usage = Usage.from_openai(raw)
    if usage is not None:
        writer.usage = usage
        writer.reasoning_tokens = _reasoning_tokens(raw)


def translate_response(
    body: dict[str, Any],
    client_model: str,
    *,
    request: ResponsesRequest | None = None,
    response_id: str | None = None,
) -> dict[str, Any]:
    """A Response object for a chat completion (the first choice), built at once: its items
    in the order a stream of the same answer adds them (reasoning, message, calls)."""
    choices = seq(body.get("choices"))
    choice = obj(choices[0]) if choices else {}
    message = obj(choice.get("message"))
    finish = choice.get("finish_reason")
    reason = _INCOMPLETE.get(finish) if isinstance(finish, str) else None
    status = "incomplete" if reason else "completed"
    output: list[dict[str, Any]] = []
    reasoning = _reasoning_text(message)
    if reasoning:
        output.append(reasoning_item(new_id("rs_"), status, reasoning))
    content = message.get("content")
    if isinstance(content, list):
        content = "".join(text_of(obj(part).get("text")) for part in content)
    refusal = message.get("refusal")
    parts = []
    if isinstance(content, str) and content:
        parts.append(content_part("output_text", content))
    if isinstance(refusal, str) and refusal:
        parts.append(content_part("refusal", refusal))
    if parts:
        output.append(message_item(new_id("msg_"), status, parts))
    for call in seq(message.get("tool_calls")):
        function = obj(obj(call).get("function"))
        call_id = text_of(obj(call).get("id")) or new_id("call_")
        name = text_of(function.get("name"))
        namespace, name = request.split_name(name) if request is not None else (None, name)
        arguments = text_of(function.get("arguments"))
        output.append(
            call_item(
                new_id("fc_"),
                status,
                call_id=call_id,
                name=name,
                arguments=arguments,
                namespace=namespace,
            )
        )
    raw_usage = body.get("usage")
    usage = Usage.from_openai(raw_usage)
    usage_dict = None if usage is None else usage_object(usage, _reasoning_tokens(raw_usage), 0)
    return response_object(
        response_id or new_id("resp_"),
        client_model,
        created_at=int(time.time()),
        status=status,
        output=output,
        request=request,
        usage=usage_dict,
        reason=reason,
    )


def translate_error(status: int, body: dict[str, Any] | None) -> dict[str, Any]:
    """Any engine's error body → OpenAI's error shape (what Responses clients read too)."""
    message = error_message(body) or f"upstream answered HTTP {status}"
    error = obj(obj(body).get("error"))
    code = error.get("code")
    param = error.get("param")
    return error_body(
        "openai",
        status,
        message,
        code=str(code) if code is not None else None,
        param=param if isinstance(param, str) else None,
    )


# --- streaming ------------------------------------------------------------------------------


class StreamTranslator(ResponseStream):
    """Chat ``chat.completion.chunk`` events → Responses API stream events.

    Items follow one another as in OpenAI's own streams: each is closed (``output_item.done``)
    when the next one starts. Engines stream tool calls one after another; should one send a
    late argument fragment for a call already done, it still reaches that call in the final
    Response.
    """

    __slots__ = ("_calls", "_current", "_finish", "_last")

    def __init__(
        self,
        client_model: str,
        *,
        include_usage: bool = True,
        request: ResponsesRequest | None = None,
        response_id: str | None = None,
    ) -> None:
        # Responses streams always end with the usage, so include_usage does not apply.
        super().__init__(client_model, request, response_id)
        self._current: MessageItem | ReasoningItem | CallItem | None = None
        self._calls: dict[int, CallItem] = {}  # the engine's tool call index → item
        self._last = 0
        self._finish: str | None = None

    def feed(self, event: SSEEvent) -> list[bytes]:
        # Once per upstream chunk: the common case (an open stream, one choice with a text
        # delta) takes as few calls as it can.
        if self._state != "open":
            if self._ended:
                return []
            self._begin()
        if event.data == "[DONE]":
            return self._end()
        chunk = load_event(event)
        if chunk is None:
            return self._writer.drain()
        if chunk.get("error") or chunk.get("object") == "error":
            message = error_message(chunk) or "The backend reported an error mid-stream."
            return self._fail(message)
        usage = chunk.get("usage")
        if usage:
            _set_usage(self._writer, usage)
        choices = chunk.get("choices")
        if isinstance(choices, list):
            for choice in choices:
                if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                    continue
                delta = choice.get("delta")
                if isinstance(delta, dict) and delta:
                    self._delta(delta)
                finish = choice.get("finish_reason")
                if isinstance(finish, str) and finish:
                    # Usage may still follow in its own chunk: the response ends at [DONE].
                    self._finish = finish
        return self._writer.drain()

    def _delta(self, delta: dict[str, Any]) -> None:
        if "reasoning_content" in delta or "reasoning" in delta:
            reasoning = _reasoning_text(delta)
            if reasoning:
                self._reasoning(reasoning)
        text = delta.get("content")
        if isinstance(text, str) and text:
            self._text("output_text", text)
        refusal = delta.get("refusal")
        if isinstance(refusal, str) and refusal:
            self._text("refusal", refusal)
        calls = delta.get("tool_calls")
        if calls:
            for call in seq(calls):
                if isinstance(call, dict):
                    self._tool(call)

    def _close_current(self) -> None:
        if self._current is not None:
            self._writer.close(self._current)
            self._current = None

    def _reasoning(self, text: str) -> None:
        if not isinstance(self._current, ReasoningItem):
            self._close_current()
            self._current = self._writer.open_reasoning()
        self._writer.reasoning(self._current, text)

    def _text(self, kind: Any, text: str) -> None:
        if not isinstance(self._current, MessageItem):
            self._close_current()
            self._current = self._writer.open_message()
        self._writer.text(self._current, kind, text)

    def _tool(self, call: dict[str, Any]) -> None:
        function = obj(call.get("function"))
        call_id = text_of(call.get("id"))
        name = text_of(function.get("name"))
        position = call.get("index")
        if not isinstance(position, int):
            # Without an index, a fragment carrying neither id nor name continues the last call.
            fresh = bool(call_id or name or not self._calls)
            position = -len(self._calls) - 1 if fresh else self._last
        item = self._calls.get(position)
        if item is not None and call_id and call_id != item.call_id:
            # Some engines number every parallel call 0: a new id still means a new call.
            self._calls[-len(self._calls) - 1] = item
            item = None
        if item is None:
            self._close_current()
            item = self._writer.open_call(call_id or new_id("call_"), name)
            self._calls[position] = item
            self._current = item
            self._last = position
        elif name and not item.name:
            item.name = name
        arguments = function.get("arguments")
        if isinstance(arguments, str):
            self._writer.arguments(item, arguments)

    def _end(self) -> list[bytes]:
        self._state = "done"
        self._current = None
        finish = self._finish
        self._writer.finish(_INCOMPLETE.get(finish) if finish else None)
        return self._writer.drain()
