"""OpenAI Chat Completions clients served by an Anthropic Messages backend.

Requests are translated OpenAI → Anthropic; responses, errors and stream events Anthropic →
OpenAI. Every field decision is listed in docs/translation.md.
"""

from __future__ import annotations

import re
import time
from typing import Any

import orjson

from bastion.protocols.errors import error_body
from bastion.protocols.sse import OPENAI_DONE, SSEEvent, encode_data
from bastion.protocols.translate import TranslationError
from bastion.protocols.translate._content import openai_parts_to_blocks
from bastion.protocols.translate._shared import (
    ANTHROPIC_ERROR_STATUS,
    as_list,
    is_number,
    json_object,
    load_event,
    new_id,
    obj,
    seq,
    text_of,
)
from bastion.protocols.usage import Usage

__all__ = ["StreamTranslator", "translate_error", "translate_request", "translate_response"]

DEFAULT_MAX_TOKENS = 4096

# fmt: off
# Fields that only tune storage, caching, latency or reproducibility: Anthropic has no equivalent
# and dropping them does not change what the model is asked to do.
_DROPPED_HINTS = frozenset({
    "metadata", "prediction", "prompt_cache_key", "prompt_cache_options", "prompt_cache_retention",
    "seed", "service_tier", "store", "stream_options", "verbosity",
})
_HANDLED = frozenset({
    "model", "messages", "max_tokens", "max_completion_tokens", "temperature", "top_p", "top_k",
    "stop", "stream", "tools", "tool_choice", "parallel_tool_calls", "response_format",
    "reasoning_effort", "thinking", "user", "safety_identifier",
    # Accepted only at their neutral values (absent, null, 1, false, 0, empty); others raise.
    "n", "logprobs", "top_logprobs", "frequency_penalty", "presence_penalty", "logit_bias",
    "modalities", "audio", "functions", "function_call", "web_search_options", "moderation",
})
# Anthropic's output_config.effort has no "minimal"; "none" means the parameter is left out.
_EFFORT = {"minimal": "low", "low": "low", "medium": "medium", "high": "high", "xhigh": "xhigh",
           "max": "max"}
_FINISH = {"end_turn": "stop", "stop_sequence": "stop", "pause_turn": "stop",
           "max_tokens": "length", "model_context_window_exceeded": "length",
           "tool_use": "tool_calls", "refusal": "content_filter"}
_TOOL_CHOICE = {"auto": "auto", "none": "none", "required": "any"}
# Anthropic's pattern for tool_use ids; other engines' ids ("functions.get_weather:0") are not.
_INVALID_ID_CHARS = re.compile(r"[^A-Za-z0-9_-]")
# fmt: on


def translate_request(body: dict[str, Any], upstream_model: str) -> dict[str, Any]:
    for key in body:
        if key not in _HANDLED and key not in _DROPPED_HINTS:
            raise TranslationError(
                f"'{key}' is not supported for this model (its backend speaks Anthropic Messages).",
                key,
            )
    _reject_unsupported(body)
    if not isinstance(body.get("messages"), list):
        raise TranslationError("'messages' must be an array.", "messages")
    system, messages = _messages(body["messages"])
    out: dict[str, Any] = {"model": upstream_model, "messages": messages}
    out["max_tokens"] = _max_tokens(body)
    if system:
        out["system"] = system
    temperature = body.get("temperature")
    if temperature is not None:
        # Anthropic samples on 0..1; rescaling OpenAI's 0..2 would silently change behaviour.
        if not is_number(temperature) or not 0 <= temperature <= 1:
            raise TranslationError(
                "temperature must be between 0 and 1 for this model (Anthropic's range).",
                "temperature",
            )
        out["temperature"] = temperature
    for key in ("top_p", "top_k", "thinking"):
        if body.get(key) is not None:
            out[key] = body[key]
    stop = body.get("stop")
    if isinstance(stop, str) and stop:
        out["stop_sequences"] = [stop]
    elif isinstance(stop, list) and stop:
        out["stop_sequences"] = stop
    if body.get("stream") is True:
        out["stream"] = True
    user = body.get("user") or body.get("safety_identifier")
    if isinstance(user, str) and user:
        out["metadata"] = {"user_id": user}
    _tools(body, out)
    output_config = _output_config(body)
    if output_config:
        out["output_config"] = output_config
    return out


def _reject_unsupported(body: dict[str, Any]) -> None:
    def refuse(param: str, why: str) -> None:
        raise TranslationError(f"'{param}' {why} (this model's backend speaks Anthropic).", param)

    if body.get("n") not in (None, 1):
        refuse("n", "must be 1: Anthropic returns one choice per request")
    if body.get("logprobs") or body.get("top_logprobs"):
        refuse("logprobs", "is not available: Anthropic does not return log probabilities")
    for key in ("frequency_penalty", "presence_penalty"):
        if body.get(key):
            refuse(key, "is not supported: Anthropic has no repetition penalties")
    if body.get("logit_bias"):
        refuse("logit_bias", "is not supported")
    modalities = body.get("modalities")
    if (modalities and modalities != ["text"]) or body.get("audio") is not None:
        refuse("modalities", "must be text only: audio output is not supported")
    if body.get("functions") is not None or body.get("function_call") is not None:
        refuse("functions", "(the deprecated function-calling API) is not supported; use tools")
    for key in ("web_search_options", "moderation"):
        if body.get(key) is not None:
            refuse(key, "is not supported")


def _max_tokens(body: dict[str, Any]) -> Any:
    for key in ("max_completion_tokens", "max_tokens"):
        if body.get(key) is not None:
            return body[key]
    return DEFAULT_MAX_TOKENS


def _output_config(body: dict[str, Any]) -> dict[str, Any]:
    config: dict[str, Any] = {}
    effort = body.get("reasoning_effort")
    if effort is not None and effort != "none":
        if not isinstance(effort, str) or effort not in _EFFORT:
            raise TranslationError(f"Unknown reasoning_effort '{effort}'.", "reasoning_effort")
        config["effort"] = _EFFORT[effort]
    fmt = body.get("response_format")
    kind = fmt.get("type") if isinstance(fmt, dict) else fmt
    if kind is None or kind == "text":
        return config
    if kind == "json_schema":
        spec = fmt.get("json_schema") if isinstance(fmt, dict) else None
        schema = spec.get("schema") if isinstance(spec, dict) else None
        if not isinstance(schema, dict):
            raise TranslationError(
                "response_format.json_schema.schema is required.", "response_format"
            )
        # Anthropic's structured outputs: generation constrained to the schema, like strict mode.
        config["format"] = {"type": "json_schema", "schema": schema}
        return config
    raise TranslationError(
        f"response_format '{kind}' is not supported for this model: Anthropic has no free-form "
        "JSON mode; use response_format json_schema instead.",
        "response_format",
    )


def _tools(body: dict[str, Any], out: dict[str, Any]) -> None:
    choice = body.get("tool_choice")
    tools = as_list(body.get("tools"), "tools")
    converted = [_tool(tool, f"tools[{i}]") for i, tool in enumerate(tools)]
    anthropic_choice: dict[str, Any] | None = None
    if isinstance(choice, str) and choice in _TOOL_CHOICE:
        anthropic_choice = {"type": _TOOL_CHOICE[choice]}
    elif isinstance(choice, dict) and choice.get("type") == "function":
        function = choice.get("function")
        name = function.get("name") if isinstance(function, dict) else None
        if not isinstance(name, str) or not name:
            raise TranslationError("tool_choice.function.name is required.", "tool_choice")
        anthropic_choice = {"type": "tool", "name": name}
    elif isinstance(choice, dict) and choice.get("type") == "allowed_tools":
        # Restricting the callable set is expressed by offering only those tools.
        allowed = choice.get("allowed_tools")
        if not isinstance(allowed, dict):
            raise TranslationError("tool_choice.allowed_tools must be an object.", "tool_choice")
        names = {
            entry["function"].get("name")
            for entry in as_list(allowed.get("tools"), "tool_choice")
            if isinstance(entry, dict) and isinstance(entry.get("function"), dict)
        }
        converted = [tool for tool in converted if tool["name"] in names]
        anthropic_choice = {"type": "any" if allowed.get("mode") == "required" else "auto"}
    elif choice is not None:
        raise TranslationError("Unsupported tool_choice.", "tool_choice")
    if not converted:
        if anthropic_choice is not None and anthropic_choice["type"] not in ("auto", "none"):
            raise TranslationError("tool_choice requires tools.", "tool_choice")
        return
    if body.get("parallel_tool_calls") is False:
        anthropic_choice = anthropic_choice or {"type": "auto"}
        if anthropic_choice["type"] != "none":
            anthropic_choice["disable_parallel_tool_use"] = True
    out["tools"] = converted
    if anthropic_choice is not None:
        out["tool_choice"] = anthropic_choice


def _tool(tool: Any, param: str) -> dict[str, Any]:
    if not isinstance(tool, dict) or tool.get("type") != "function":
        raise TranslationError("Only tools of type 'function' are supported.", param)
    function = tool.get("function")
    if not isinstance(function, dict) or not isinstance(function.get("name"), str):
        raise TranslationError("A function tool needs function.name.", param)
    schema = function.get("parameters")
    if not isinstance(schema, dict) or not schema:
        schema = {"type": "object", "properties": {}}
    out: dict[str, Any] = {"name": function["name"], "input_schema": schema}
    if function.get("description"):
        out["description"] = function["description"]
    if function.get("strict") is True:
        out["strict"] = True
    if isinstance(tool.get("cache_control"), dict):
        out["cache_control"] = tool["cache_control"]
    return out


def _messages(raw: list[Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """OpenAI messages → (Anthropic system blocks, Anthropic messages).

    System and developer messages are hoisted into ``system`` in order; tool results become
    ``tool_result`` blocks of a user turn; consecutive same-role turns are merged.
    """
    system: list[dict[str, Any]] = []
    turns: list[dict[str, Any]] = []
    for i, msg in enumerate(raw):
        where = f"messages[{i}]"
        role = msg.get("role") if isinstance(msg, dict) else None
        if role in ("system", "developer"):
            system.extend(openai_parts_to_blocks(msg.get("content"), where, images=False))
            continue
        if role == "user":
            blocks = openai_parts_to_blocks(msg.get("content"), where, images=True)
            turn_role = "user"
        elif role == "assistant":
            turn_role, blocks = "assistant", _assistant_blocks(msg, where)
        elif role == "tool":
            turn_role, blocks = "user", [_tool_result(msg, where)]
        else:
            raise TranslationError(f"Unsupported message role '{role}'.", f"{where}.role")
        if not blocks:
            continue
        if turns and turns[-1]["role"] == turn_role:
            turns[-1]["content"].extend(blocks)
        else:
            turns.append({"role": turn_role, "content": blocks})
    for turn in turns:
        # Anthropic wants a user turn's tool results before any other content.
        if turn["role"] == "user" and len(turn["content"]) > 1:
            turn["content"].sort(key=lambda block: block["type"] != "tool_result")
    return system, turns


def _assistant_blocks(msg: dict[str, Any], where: str) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    # Signed thinking blocks handed back by clients that kept them (see translate_response);
    # bare reasoning_content has no signature and Anthropic would refuse it, so it is dropped.
    for block in as_list(msg.get("thinking_blocks"), f"{where}.thinking_blocks"):
        if isinstance(block, dict) and block.get("type") in ("thinking", "redacted_thinking"):
            blocks.append(block)
    blocks.extend(openai_parts_to_blocks(msg.get("content"), where, images=False))
    if msg.get("function_call") is not None:
        raise TranslationError("function_call is not supported; use tool_calls.", where)
    for j, call in enumerate(as_list(msg.get("tool_calls"), f"{where}.tool_calls")):
        param = f"{where}.tool_calls[{j}]"
        function = call.get("function") if isinstance(call, dict) else None
        if not isinstance(function, dict) or not isinstance(call.get("id"), str):
            raise TranslationError("A tool call needs an id and a function.", param)
        arguments = json_object(function.get("arguments"))
        if arguments is None:
            raise TranslationError(
                "Tool call arguments must be a JSON object.", f"{param}.function.arguments"
            )
        call_id, name = _tool_id(call["id"]), function.get("name")
        blocks.append({"type": "tool_use", "id": call_id, "name": name, "input": arguments})
    return blocks


def _tool_id(value: str) -> str:
    # Rewritten the same way on both sides of the request, so calls and results still pair up.
    return _INVALID_ID_CHARS.sub("_", value) if _INVALID_ID_CHARS.search(value) else value


def _tool_result(msg: dict[str, Any], where: str) -> dict[str, Any]:
    tool_call_id = msg.get("tool_call_id")
    if not isinstance(tool_call_id, str) or not tool_call_id:
        raise TranslationError("A tool message needs tool_call_id.", f"{where}.tool_call_id")
    block: dict[str, Any] = {"type": "tool_result", "tool_use_id": _tool_id(tool_call_id)}
    content = msg.get("content")
    if isinstance(content, str):
        if content:
            block["content"] = content
    elif content is not None:
        parts = openai_parts_to_blocks(content, where, images=True)
        if parts:
            block["content"] = parts
    return block


# --- responses ------------------------------------------------------------------------------


def _finish_reason(stop_reason: Any) -> str:
    return _FINISH.get(stop_reason, "stop") if isinstance(stop_reason, str) else "stop"


def translate_response(body: dict[str, Any], client_model: str) -> dict[str, Any]:
    texts: list[str] = []
    reasoning: list[str] = []
    thinking_blocks: list[dict[str, Any]] = []
    tool_calls: list[dict[str, Any]] = []
    for block in seq(body.get("content")):
        kind = block.get("type") if isinstance(block, dict) else None
        if kind == "text":
            texts.append(text_of(block.get("text")))
        elif kind == "tool_use":
            arguments = orjson.dumps(obj(block.get("input"))).decode()
            function = {"name": text_of(block.get("name")), "arguments": arguments}
            call_id = text_of(block.get("id")) or new_id("call_")
            tool_calls.append({"id": call_id, "type": "function", "function": function})
        elif kind == "thinking":
            reasoning.append(text_of(block.get("thinking")))
            thinking_blocks.append(block)
        elif kind == "redacted_thinking":
            thinking_blocks.append(block)
    message: dict[str, Any] = {"role": "assistant", "content": "".join(texts), "refusal": None}
    if tool_calls:
        message["tool_calls"] = tool_calls
        if not texts:
            message["content"] = None
    if reasoning:
        message["reasoning_content"] = "".join(reasoning)
    if thinking_blocks:
        message["thinking_blocks"] = thinking_blocks
    choice = {
        "index": 0,
        "message": message,
        "logprobs": None,
        "finish_reason": _finish_reason(body.get("stop_reason")),
    }
    out: dict[str, Any] = {
        "id": text_of(body.get("id")) or new_id("chatcmpl-"),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": client_model,
        "choices": [choice],
    }
    usage = Usage.from_anthropic(body.get("usage"))
    if usage is not None:
        out["usage"] = usage.to_openai()
    return out


def translate_error(status: int, body: dict[str, Any] | None) -> dict[str, Any]:
    error = body.get("error") if isinstance(body, dict) else None
    kind = error.get("type") if isinstance(error, dict) else None
    message = error.get("message") if isinstance(error, dict) else None
    if not isinstance(message, str) or not message:
        message = f"upstream answered HTTP {status}"
    code = kind if isinstance(kind, str) else None
    if message.startswith("prompt is too long"):
        # The code OpenAI clients key on to trim or summarise the conversation.
        code = "context_length_exceeded"
    return error_body("openai", status, message, code=code)


# --- streaming ------------------------------------------------------------------------------


class StreamTranslator:
    """Anthropic Messages stream events → OpenAI ``chat.completion.chunk`` events."""

    __slots__ = (
        "_argued",
        "_base",
        "_finish_reason",
        "_finished",
        "_include_usage",
        "_raw_usage",
        "_started",
        "_state",
        "_tools",
        "_usage",
    )  # fmt: skip

    def __init__(self, client_model: str, *, include_usage: bool) -> None:
        self._include_usage = include_usage
        # Fields every chunk repeats; the id becomes the upstream message id once known.
        self._base: dict[str, Any] = {
            "id": new_id("chatcmpl-"),
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": client_model,
        }
        self._raw_usage: dict[str, Any] = {}
        self._usage: Usage | None = None
        self._finish_reason: str | None = None
        self._started = False
        self._finished = False  # the chunk carrying finish_reason was sent
        self._state = "open"  # "open", "done" or "failed"
        self._tools: dict[int, int] = {}  # Anthropic block index → OpenAI tool_calls index
        self._argued: set[int] = set()  # tool blocks whose arguments were sent, some of them

    @property
    def usage(self) -> Usage | None:
        return self._usage

    @property
    def finish_reason(self) -> str | None:
        """In the client's vocabulary: stop, length, tool_calls or content_filter."""
        return self._finish_reason

    def _chunk(self, delta: dict[str, Any], finish_reason: str | None = None) -> bytes:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
        chunk = {**self._base, "choices": [choice]}
        if self._include_usage:
            # As OpenAI streams with include_usage: every chunk has the key, null until the
            # last one, so clients may tell the usage chunk by its value or by the key.
            chunk["usage"] = None
        return encode_data(chunk)

    def _start(self, out: list[bytes]) -> None:
        if not self._started:
            self._started = True
            out.append(self._chunk({"role": "assistant", "content": ""}))

    def feed(self, event: SSEEvent) -> list[bytes]:
        if self._state != "open":
            return []
        payload = load_event(event)
        if payload is None:
            return []
        kind = event.event or payload.get("type")
        out: list[bytes] = []
        if kind == "content_block_delta":
            self._start(out)
            self._delta(payload, out)
        elif kind == "content_block_start":
            self._start(out)
            self._block_start(payload, out)
        elif kind == "message_start":
            message = obj(payload.get("message"))
            if isinstance(message.get("id"), str):
                self._base["id"] = message["id"]
            self._merge_usage(message.get("usage"))
            self._start(out)
        elif kind == "message_delta":
            self._start(out)
            self._merge_usage(payload.get("usage"))
            stop_reason = obj(payload.get("delta")).get("stop_reason")
            if stop_reason and not self._finished:
                self._finish_reason = _finish_reason(stop_reason)
                self._finished = True
                out.append(self._chunk({}, self._finish_reason))
        elif kind == "content_block_stop":
            self._block_stop(payload, out)
        elif kind == "message_stop":
            out.extend(self._close())
        elif kind == "error":
            self._state = "failed"
            error = obj(payload.get("error"))
            error_type = str(error.get("type") or "api_error")
            text = text_of(error.get("message")) or "The backend reported an error mid-stream."
            status = ANTHROPIC_ERROR_STATUS.get(error_type, 500)
            out.append(encode_data(error_body("openai", status, text, code=error_type)))
        # ping and unknown events carry nothing for OpenAI clients.
        return out

    def _block_start(self, payload: dict[str, Any], out: list[bytes]) -> None:
        block = obj(payload.get("content_block"))
        kind = block.get("type")
        if kind == "text" and block.get("text"):
            out.append(self._chunk({"content": block["text"]}))
        elif kind == "tool_use":
            position = len(self._tools)
            self._tools[payload.get("index", position)] = position
            call = {
                "index": position,
                "id": block.get("id") or new_id("call_"),
                "type": "function",
                "function": {"name": block.get("name") or "", "arguments": ""},
            }
            out.append(self._chunk({"tool_calls": [call]}))
            if block.get("input"):
                self._argued.add(payload.get("index", position))
                arguments = orjson.dumps(block["input"]).decode()
                call = {"index": position, "function": {"arguments": arguments}}
                out.append(self._chunk({"tool_calls": [call]}))

    def _delta(self, payload: dict[str, Any], out: list[bytes]) -> None:
        delta = obj(payload.get("delta"))
        kind = delta.get("type")
        if kind == "text_delta":
            if delta.get("text"):
                out.append(self._chunk({"content": delta["text"]}))
        elif kind == "input_json_delta":
            position = self._tools.get(payload.get("index", -1))
            if position is not None and delta.get("partial_json"):
                self._argued.add(payload.get("index", -1))
                call = {"index": position, "function": {"arguments": delta["partial_json"]}}
                out.append(self._chunk({"tool_calls": [call]}))
        elif kind == "thinking_delta" and delta.get("thinking"):
            out.append(self._chunk({"reasoning_content": delta["thinking"]}))
        # signature_delta and citations_delta have no OpenAI counterpart.

    def _block_stop(self, payload: dict[str, Any], out: list[bytes]) -> None:
        """A tool that takes no input streams no JSON (or only ``""``): its arguments are
        ``{}``, as in a whole answer, so that the client can parse them."""
        index = payload.get("index", -1)
        position = self._tools.get(index)
        if position is not None and index not in self._argued:
            self._argued.add(index)
            out.append(
                self._chunk({"tool_calls": [{"index": position, "function": {"arguments": "{}"}}]})
            )

    def _merge_usage(self, usage: Any) -> None:
        if isinstance(usage, dict):
            # message_delta carries cumulative counts; absent or null fields keep earlier values.
            self._raw_usage.update((k, v) for k, v in usage.items() if v is not None)
            self._usage = Usage.from_anthropic(self._raw_usage)

    def _close(self) -> list[bytes]:
        out: list[bytes] = []
        self._start(out)
        if not self._finished:
            self._finished = True
            self._finish_reason = self._finish_reason or "stop"
            out.append(self._chunk({}, self._finish_reason))
        if self._include_usage and self._usage is not None:
            out.append(encode_data({**self._base, "choices": [], "usage": self._usage.to_openai()}))
        out.append(OPENAI_DONE)
        self._state = "done"
        return out

    def finish(self) -> list[bytes]:
        return self._close() if self._state == "open" else []

    def error_events(self, message: str, error_type: str) -> list[bytes]:
        if self._state != "open":
            return []
        self._state = "failed"
        # The openai SDK raises APIError on a data event carrying "error"; no [DONE] follows.
        return [encode_data(error_body("openai", 502, message, error_type=error_type))]
