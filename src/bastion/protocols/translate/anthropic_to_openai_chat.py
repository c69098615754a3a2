"""Anthropic Messages clients served by an OpenAI-compatible chat backend (vLLM, SGLang, Ollama…).

Requests are translated Anthropic → OpenAI chat; responses, errors and stream events OpenAI →
Anthropic. Every field decision is listed in docs/translation.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from bastion.protocols.errors import error_body
from bastion.protocols.sse import SSEEvent, encode_event
from bastion.protocols.translate import TranslationError
from bastion.protocols.translate._content import block_to_openai_part, tool_result_to_openai
from bastion.protocols.translate._shared import (
    as_list,
    error_message,
    json_object,
    load_event,
    new_id,
    obj,
    seq,
    text_of,
)
from bastion.protocols.usage import Usage

__all__ = ["StreamTranslator", "translate_error", "translate_request", "translate_response"]

# fmt: off
# Fields that only tune caching, routing, latency or server-side bookkeeping of Anthropic's own
# platform: dropping them does not change what the model is asked to do, so they go unnamed.
_DROPPED_HINTS = frozenset({
    "cache_control", "diagnostics", "inference_geo", "service_tier", "speed",
    "user_profile_id", "workspace_id",
})
_HANDLED = frozenset({
    "model", "messages", "max_tokens", "system", "metadata", "stop_sequences", "stream",
    "temperature", "top_p", "top_k", "tools", "tool_choice", "output_config", "thinking",
    "context_management",
})
# Features that run on Anthropic's servers: without them the request would mean something else.
_REFUSED = frozenset({"container", "mcp_servers"})
_TOOL_CHOICE = {"auto": "auto", "any": "required", "none": "none"}
# OpenAI's reasoning_effort stops at xhigh.
_EFFORT = {"low": "low", "medium": "medium", "high": "high", "xhigh": "xhigh", "max": "xhigh"}
_STOP = {"stop": "end_turn", "length": "max_tokens", "tool_calls": "tool_use",
         "function_call": "tool_use", "content_filter": "refusal"}
# fmt: on


def translate_request(
    body: dict[str, Any],
    upstream_model: str,
    *,
    local: bool = False,
    dropped: list[str] | None = None,
) -> dict[str, Any]:
    """``local``: the engine runs on-premises (vLLM, SGLang, llama.cpp…) and takes the chat
    template switches open models use for reasoning. Fields left out that change what the
    model is asked to do are appended to ``dropped`` (the x-bastion-dropped-fields header)."""
    left_out: list[str] = dropped if dropped is not None else []
    for key in body:
        if key in _REFUSED:
            raise TranslationError(
                f"'{key}' is not supported for this model (its backend speaks OpenAI chat).", key
            )
        if key not in _HANDLED and key not in _DROPPED_HINTS:
            # Unknown fields are tolerated: clients add new ones faster than any gateway learns
            # them. The client is told what was left out rather than refused.
            left_out.append(key)
    raw = body.get("messages")
    if not isinstance(raw, list):
        raise TranslationError("'messages' must be an array.", "messages")
    messages = _system(body.get("system"))
    thinking_blocks: set[str] = set()
    for i, msg in enumerate(raw):
        where = f"messages[{i}]"
        role = msg.get("role") if isinstance(msg, dict) else None
        if role == "user":
            messages.extend(_user_messages(msg.get("content"), where))
        elif role == "assistant":
            assistant = _assistant_message(msg.get("content"), where, thinking_blocks)
            if assistant is not None:
                messages.append(assistant)
        elif role == "system":
            # Claude Code sends system entries among the turns; they stay where they are.
            messages.extend(_system(msg.get("content"), f"{where}.content"))
        else:
            raise TranslationError(f"Unsupported message role '{role}'.", f"{where}.role")
    left_out.extend(f"messages.content.{kind}" for kind in sorted(thinking_blocks))
    out: dict[str, Any] = {"model": upstream_model, "messages": messages}
    if messages and messages[-1]["role"] == "assistant" and raw[-1].get("role") == "assistant":
        # A trailing assistant turn is a prefill the answer must continue; vLLM and SGLang do
        # that with these flags (other engines reject or ignore them).
        out["continue_final_message"] = True
        out["add_generation_prompt"] = False
    if body.get("max_tokens") is not None:
        out["max_tokens"] = body["max_tokens"]
    for key in ("temperature", "top_p", "top_k"):
        if body.get(key) is not None:
            out[key] = body[key]
    if body.get("stop_sequences"):
        out["stop"] = body["stop_sequences"]
    if body.get("stream") is True:
        out["stream"] = True
        out["stream_options"] = {"include_usage": True}
    metadata = body.get("metadata")
    user = metadata.get("user_id") if isinstance(metadata, dict) else None
    if isinstance(user, str) and user:
        out["user"] = user
    _tools(body, out)
    _output_config(body.get("output_config"), out)
    _thinking(body.get("thinking"), out, local=local, dropped=left_out)
    if "context_management" in body:
        # No server-side context editing happens: the engine sees the whole history.
        left_out.append("context_management")
    return out


def _thinking(thinking: Any, out: dict[str, Any], *, local: bool, dropped: list[str]) -> None:
    """Anthropic's extended thinking → the chat template switch of open reasoning models.

    vLLM, SGLang and llama.cpp pass ``chat_template_kwargs`` to the model's chat template;
    ``enable_thinking`` is the switch of Qwen3-style templates, and templates without it ignore
    it. Cloud APIs refuse unknown fields, so for external backends thinking is left out (and
    named). No engine takes a per-request thinking budget, so ``budget_tokens`` is named too.
    """
    if thinking is None:
        return
    kind = thinking.get("type") if isinstance(thinking, dict) else None
    if not local or kind not in ("enabled", "adaptive", "disabled"):
        dropped.append("thinking")
        return
    out["chat_template_kwargs"] = {"enable_thinking": kind != "disabled"}
    if isinstance(thinking, dict) and thinking.get("budget_tokens") is not None:
        dropped.append("thinking.budget_tokens")


def _system(system: Any, param: str = "system") -> list[dict[str, Any]]:
    if system is None or system == "":
        return []
    if isinstance(system, str):
        return [{"role": "system", "content": system}]
    if not isinstance(system, list):
        raise TranslationError(f"'{param}' must be a string or an array of text blocks.", param)
    texts = []
    for j, block in enumerate(system):
        if not isinstance(block, dict) or block.get("type") != "text":
            raise TranslationError("System content must be text blocks.", f"{param}[{j}]")
        if not isinstance(block.get("text"), str):
            raise TranslationError("A text block needs 'text'.", f"{param}[{j}]")
        texts.append(block["text"])
    # One string: the most widely supported shape across engines' chat templates.
    return [{"role": "system", "content": "\n\n".join(texts)}] if texts else []


def _user_messages(content: Any, where: str) -> list[dict[str, Any]]:
    """One Anthropic user turn → OpenAI tool messages (first, as OpenAI requires) and a user one."""
    if isinstance(content, str):
        return [{"role": "user", "content": content}]
    if not isinstance(content, list):
        raise TranslationError("Message content must be a string or an array.", f"{where}.content")
    out: list[dict[str, Any]] = []
    parts: list[dict[str, Any]] = []
    for j, block in enumerate(content):
        param = f"{where}.content[{j}]"
        kind = block.get("type") if isinstance(block, dict) else None
        if kind == "tool_result":
            text, images = tool_result_to_openai(block.get("content"), param)
            tool_call_id = block.get("tool_use_id")
            if not isinstance(tool_call_id, str) or not tool_call_id:
                raise TranslationError("A tool_result needs tool_use_id.", param)
            out.append({"role": "tool", "tool_call_id": tool_call_id, "content": text})
            # OpenAI tool messages carry text only; images travel in the next user message.
            parts.extend(images)
        else:
            parts.append(block_to_openai_part(block, kind, param))
    if len(parts) == 1 and parts[0]["type"] == "text":
        out.append({"role": "user", "content": parts[0]["text"]})
    elif parts:
        out.append({"role": "user", "content": parts})
    return out


def _assistant_message(
    content: Any, where: str, thinking_blocks: set[str]
) -> dict[str, Any] | None:
    if isinstance(content, str):
        return {"role": "assistant", "content": content}
    if not isinstance(content, list):
        raise TranslationError("Message content must be a string or an array.", f"{where}.content")
    texts: list[str] = []
    tool_calls: list[dict[str, Any]] = []
    for j, block in enumerate(content):
        kind = block.get("type") if isinstance(block, dict) else None
        if kind == "text":
            texts.append(block_to_openai_part(block, kind, f"{where}.content[{j}]")["text"])
        elif kind == "tool_use":
            arguments = orjson.dumps(block.get("input") or {}).decode()
            function = {"name": block.get("name"), "arguments": arguments}
            tool_calls.append({"id": block.get("id"), "type": "function", "function": function})
        elif kind in ("thinking", "redacted_thinking"):
            # Dropped: OpenAI chat has no way to hand reasoning back to the model.
            thinking_blocks.add(kind)
        else:
            raise TranslationError(
                f"Content block type '{kind}' is not supported for this model.",
                f"{where}.content[{j}]",
            )
    if not texts and not tool_calls:
        return None
    message: dict[str, Any] = {"role": "assistant", "content": "".join(texts) if texts else None}
    if tool_calls:
        message["tool_calls"] = tool_calls
    return message


def _tools(body: dict[str, Any], out: dict[str, Any]) -> None:
    tools = as_list(body.get("tools"), "tools")
    functions = []
    for i, tool in enumerate(tools):
        if not isinstance(tool, dict) or tool.get("type") not in (None, "custom"):
            kind = tool.get("type") if isinstance(tool, dict) else None
            raise TranslationError(
                f"Server tool '{kind}' is not supported for this model.", f"tools[{i}]"
            )
        if not isinstance(tool.get("name"), str) or not tool["name"]:
            raise TranslationError("A tool needs a name.", f"tools[{i}]")
        function: dict[str, Any] = {"name": tool["name"]}
        if tool.get("description"):
            function["description"] = tool["description"]
        function["parameters"] = tool.get("input_schema") or {"type": "object", "properties": {}}
        if tool.get("strict") is True:
            function["strict"] = True
        functions.append({"type": "function", "function": function})
    choice = body.get("tool_choice") or {}
    if not isinstance(choice, dict):
        raise TranslationError("tool_choice must be an object.", "tool_choice")
    kind = choice.get("type")
    if kind == "tool" and not isinstance(choice.get("name"), str):
        raise TranslationError("tool_choice.name is required.", "tool_choice")
    if not functions:
        if kind in ("any", "tool"):
            raise TranslationError("tool_choice requires tools.", "tool_choice")
        return
    out["tools"] = functions
    if kind in _TOOL_CHOICE:
        out["tool_choice"] = _TOOL_CHOICE[kind]
    elif kind == "tool":
        out["tool_choice"] = {"type": "function", "function": {"name": choice["name"]}}
    elif kind is not None:
        raise TranslationError(f"Unsupported tool_choice type '{kind}'.", "tool_choice")
    if choice.get("disable_parallel_tool_use") is True and kind != "none":
        out["parallel_tool_calls"] = False


def _output_config(config: Any, out: dict[str, Any]) -> None:
    if not isinstance(config, dict):
        return
    effort = config.get("effort")
    if effort is not None:
        if not isinstance(effort, str) or effort not in _EFFORT:
            raise TranslationError(f"Unknown effort '{effort}'.", "output_config.effort")
        out["reasoning_effort"] = _EFFORT[effort]
    fmt = config.get("format")
    if fmt is None:
        return
    if not isinstance(fmt, dict) or fmt.get("type") != "json_schema":
        raise TranslationError("Only json_schema output formats are supported.", "output_config")
    # Anthropic constrains decoding to the schema, which is what OpenAI calls strict mode.
    spec = {"name": "output", "schema": fmt.get("schema"), "strict": True}
    out["response_format"] = {"type": "json_schema", "json_schema": spec}


# --- responses ------------------------------------------------------------------------------


def _stop_reason(finish: Any, matched: Any, saw_tool: bool) -> tuple[str, str | None]:
    """(stop_reason, stop_sequence) for an OpenAI finish_reason and the stop string matched.

    Engines that answer ``stop`` while returning tool calls (older Ollama and vLLM) still mean
    ``tool_use``, which is what Anthropic clients key on to run tools.
    """
    if saw_tool and finish in (None, "stop", "tool_calls", "function_call"):
        return "tool_use", None
    if finish == "stop" and isinstance(matched, str) and matched:
        return "stop_sequence", matched
    return _STOP.get(finish, "end_turn") if isinstance(finish, str) else "end_turn", None


def _matched_stop(choice: dict[str, Any], text: str, stop_sequences: Sequence[str]) -> str | None:
    """The stop sequence that ended the text, when it can be known.

    vLLM reports it as ``stop_reason`` and SGLang as ``matched_stop`` (both an integer for an
    end-of-sequence token instead). Otherwise the text itself may end with one of the request's
    stop sequences, when the engine kept it in the output; engines that strip it and say nothing
    leave it unknowable, and the answer is ``end_turn``.
    """
    for key in ("stop_reason", "matched_stop"):
        value = choice.get(key)
        if isinstance(value, str) and value:
            return value
    for stop in stop_sequences:
        if stop and text.endswith(stop):
            return stop
    return None


def stop_sequences_of(request: dict[str, Any] | None) -> tuple[str, ...]:
    """The client's stop sequences, longest first (so a longer match wins over its suffix)."""
    raw = request.get("stop_sequences") if isinstance(request, dict) else None
    if not isinstance(raw, list):
        return ()
    return tuple(sorted((s for s in raw if isinstance(s, str) and s), key=len, reverse=True))


def message_id(upstream_id: Any) -> str:
    """An Anthropic message id (``msg_…``) for whatever id the engine gave its completion.

    The engine's own id is kept inside it (``chatcmpl-abc`` → ``msg_abc``), so logs correlate.
    """
    text = upstream_id if isinstance(upstream_id, str) else ""
    if text.startswith("msg_"):
        return text
    for prefix in ("chatcmpl-", "chatcmpl_", "cmpl-"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    text = "".join(c for c in text if c.isascii() and (c.isalnum() or c in "_-"))
    return "msg_" + text if text else new_id("msg_")


def _reasoning(source: dict[str, Any]) -> str | None:
    # Older vLLM and DeepSeek say reasoning_content; vLLM ≥ 0.9 and others say reasoning.
    value = source.get("reasoning_content") or source.get("reasoning")
    return value if isinstance(value, str) and value else None


def translate_response(
    body: dict[str, Any], client_model: str, *, request: dict[str, Any] | None = None
) -> dict[str, Any]:
    """``request``: the client's request, whose stop sequences tell which one ended the text."""
    choices = seq(body.get("choices"))
    choice = obj(choices[0]) if choices else {}
    message = obj(choice.get("message"))
    content: list[dict[str, Any]] = []
    reasoning = _reasoning(message)
    if reasoning:
        # No signature exists for a foreign model's reasoning; sent back, it is dropped again.
        content.append({"type": "thinking", "thinking": reasoning, "signature": ""})
    text = message.get("content")
    if isinstance(text, list):
        text = "".join(text_of(obj(part).get("text")) for part in text)
    if isinstance(text, str) and text:
        content.append({"type": "text", "text": text})
    refusal = message.get("refusal")
    if isinstance(refusal, str) and refusal:
        content.append({"type": "text", "text": refusal})
    tool_calls = [obj(call) for call in seq(message.get("tool_calls"))]
    for call in tool_calls:
        function = obj(call.get("function"))
        # Malformed arguments from the engine cannot be expressed as Anthropic's object input.
        arguments = json_object(function.get("arguments")) or {}
        content.append(
            {
                "type": "tool_use",
                "id": text_of(call.get("id")) or new_id("toolu_"),
                "name": text_of(function.get("name")),
                "input": arguments,
            }
        )
    matched = _matched_stop(
        choice, text if isinstance(text, str) else "", stop_sequences_of(request)
    )
    stop_reason, stop_sequence = _stop_reason(
        choice.get("finish_reason"), matched, bool(tool_calls)
    )
    if refusal and stop_reason == "end_turn":
        stop_reason = "refusal"
    usage = Usage.from_openai(body.get("usage")) or Usage()
    return {
        "id": message_id(body.get("id")),
        "type": "message",
        "role": "assistant",
        "model": client_model,
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": stop_sequence,
        "usage": usage.to_anthropic(),
    }


def translate_error(status: int, body: dict[str, Any] | None) -> dict[str, Any]:
    message = error_message(body) or f"upstream answered HTTP {status}"
    return error_body("anthropic", status, message)


# --- streaming ------------------------------------------------------------------------------


class StreamTranslator:
    """OpenAI ``chat.completion.chunk`` events → Anthropic Messages stream events."""

    __slots__ = (
        "_finish",
        "_ids",
        "_kind",
        "_last",
        "_model",
        "_next",
        "_open",
        "_refused",
        "_state",
        "_stop_string",
        "_stops",
        "_tail",
        "_tools",
        "_usage",
    )

    def __init__(
        self,
        client_model: str,
        *,
        include_usage: bool,
        request: dict[str, Any] | None = None,
    ) -> None:
        # Anthropic streams always report usage, so include_usage does not apply here.
        self._model = client_model
        self._stops = stop_sequences_of(request)
        self._tail = ""  # the end of the text so far, as long as the longest stop sequence
        self._usage: Usage | None = None
        self._finish: str | None = None  # the upstream's finish_reason
        self._stop_string: str | None = None
        self._refused = False  # the answer came as a refusal (OpenAI's delta.refusal)
        self._state = "new"  # "new" (no message_start yet), "open", "done" or "failed"
        self._open: int | None = None  # index of the open content block
        self._kind: str | None = None  # its kind: "text", "thinking" or "tool_use"
        self._next = 0
        self._tools: dict[int, int] = {}  # OpenAI tool_calls index → content block index
        self._ids: dict[int, str] = {}  # content block index → tool call id
        self._last = 0  # key in _tools of the most recent call

    @property
    def usage(self) -> Usage | None:
        return self._usage

    @property
    def finish_reason(self) -> str | None:
        """In the client's vocabulary: end_turn, stop_sequence, max_tokens, tool_use, refusal."""
        if self._finish is None and self._state != "done":
            return None
        return self._stop()[0]

    def _stop(self) -> tuple[str, str | None]:
        stop_reason, stop_sequence = _stop_reason(
            self._finish, self._stop_string, bool(self._tools)
        )
        if self._refused and stop_reason == "end_turn":
            return "refusal", None
        return stop_reason, stop_sequence

    def feed(self, event: SSEEvent) -> list[bytes]:
        if self._state in ("done", "failed"):
            return []
        if event.data == "[DONE]":
            return self._close()
        chunk = load_event(event)
        if chunk is None:
            return []
        if chunk.get("error") or chunk.get("object") == "error":
            return self._upstream_error(chunk)
        out: list[bytes] = []
        usage = chunk.get("usage")
        if usage:
            self._usage = Usage.from_openai(usage)
        if self._state == "new":
            out.append(self._message_start(chunk))
        for choice in seq(chunk.get("choices")):
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            delta = obj(choice.get("delta"))
            reasoning = _reasoning(delta)
            if reasoning:
                self._text(out, "thinking", reasoning)
            text = delta.get("content")
            if isinstance(text, str) and text:
                self._text(out, "text", text)
                if self._stops:
                    self._tail = (self._tail + text)[-len(self._stops[0]) :]
            refusal = delta.get("refusal")
            if isinstance(refusal, str) and refusal:
                # A text block, stopped for refusal, as a whole answer's refusal becomes.
                self._refused = True
                self._text(out, "text", refusal)
            for call in seq(delta.get("tool_calls")):
                if isinstance(call, dict):
                    self._tool(out, call)
            finish = choice.get("finish_reason")
            if finish and isinstance(finish, str):
                # Usage may still follow in its own chunk, so message_delta waits for [DONE].
                self._finish = finish
                self._stop_string = _matched_stop(choice, self._tail, self._stops)
                self._close_block(out)
        return out

    def _message_start(self, chunk: dict[str, Any]) -> bytes:
        self._state = "open"
        # Input tokens are usually unknown until the final usage chunk; message_delta has them.
        usage = self._usage.to_anthropic() if self._usage else {"input_tokens": 0}
        usage["output_tokens"] = 0
        message: dict[str, Any] = {
            "id": message_id(chunk.get("id")),
            "type": "message",
            "role": "assistant",
            "model": self._model,
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": usage,
        }
        return encode_event("message_start", {"type": "message_start", "message": message})

    def _open_block(self, out: list[bytes], kind: str, block: dict[str, Any]) -> int:
        self._close_block(out)
        index = self._next
        self._next += 1
        self._open, self._kind = index, kind
        start = {"type": "content_block_start", "index": index, "content_block": block}
        out.append(encode_event("content_block_start", start))
        return index

    def _close_block(self, out: list[bytes]) -> None:
        if self._open is not None:
            stop = {"type": "content_block_stop", "index": self._open}
            out.append(encode_event("content_block_stop", stop))
            self._open = self._kind = None

    def _text(self, out: list[bytes], kind: str, text: str) -> None:
        if self._kind != kind:
            empty = {"type": kind, kind: ""}
            if kind == "thinking":
                empty["signature"] = ""
            self._open_block(out, kind, empty)
        delta = {"type": f"{kind}_delta", kind: text}
        payload = {"type": "content_block_delta", "index": self._open, "delta": delta}
        out.append(encode_event("content_block_delta", payload))

    def _tool(self, out: list[bytes], call: dict[str, Any]) -> None:
        function = obj(call.get("function"))
        call_id = text_of(call.get("id"))
        position = call.get("index")
        if not isinstance(position, int):
            # Without an index, a fragment carrying neither id nor name continues the last call.
            fresh = call_id or function.get("name") or not self._tools
            position = -len(self._tools) - 1 if fresh else self._last
        index = self._tools.get(position)
        if index is not None and call_id and call_id != self._ids[index]:
            # Some engines number every parallel call 0: a new id still means a new call, and
            # the earlier one is kept under a key no upstream index uses.
            self._tools[-len(self._tools) - 1] = index
            index = None
        if index is None:
            block: dict[str, Any] = {
                "type": "tool_use",
                "id": call_id or new_id("toolu_"),
                "name": text_of(function.get("name")),
                "input": {},
            }
            index = self._tools[position] = self._open_block(out, "tool_use", block)
            self._ids[index] = block["id"]
            self._last = position
        # Engines stream one call after another; a late fragment for an earlier call still goes
        # to that call's index, which is how the SDKs assemble content.
        arguments = function.get("arguments")
        if arguments and isinstance(arguments, str):
            delta = {"type": "input_json_delta", "partial_json": arguments}
            payload = {"type": "content_block_delta", "index": index, "delta": delta}
            out.append(encode_event("content_block_delta", payload))

    def _close(self) -> list[bytes]:
        out: list[bytes] = []
        if self._state == "new":
            out.append(self._message_start({}))
        self._close_block(out)
        self._state = "done"
        stop_reason, stop_sequence = self._stop()
        usage = self._usage.to_anthropic() if self._usage else {"output_tokens": 0}
        delta = {
            "type": "message_delta",
            "delta": {"stop_reason": stop_reason, "stop_sequence": stop_sequence},
            "usage": usage,
        }
        out.append(encode_event("message_delta", delta))
        out.append(encode_event("message_stop", {"type": "message_stop"}))
        return out

    def _upstream_error(self, chunk: dict[str, Any]) -> list[bytes]:
        self._state = "failed"
        error = chunk.get("error")
        code = error.get("code") if isinstance(error, dict) else chunk.get("code")
        status = code if isinstance(code, int) and 400 <= code < 600 else 500
        message = error_message(chunk) or "The backend reported an error mid-stream."
        return [encode_event("error", error_body("anthropic", status, message))]

    def finish(self) -> list[bytes]:
        return self._close() if self._state in ("new", "open") else []

    def error_events(self, message: str, error_type: str) -> list[bytes]:
        if self._state in ("done", "failed"):
            return []
        self._state = "failed"
        return [encode_event("error", error_body("anthropic", 502, message, error_type=error_type))]
