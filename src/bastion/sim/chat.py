"""``POST /v1/chat/completions``: text, tool calls and JSON output, streamed or not."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import Any

import orjson
from starlette.types import Send

from bastion.sim import tokenizer
from bastion.sim.asgi import end_stream, send_data, send_json, start_stream
from bastion.sim.errors import SimHTTPError
from bastion.sim.handle import RequestHandle
from bastion.sim.prompt import render_chat
from bastion.sim.protocol import ChatRequest, NamedToolChoice, Tool
from bastion.sim.responses import (
    ChunkEncoder,
    envelope,
    group_events,
    handles_usage,
    take_tokens,
)
from bastion.sim.schema_values import json_document, tool_arguments
from bastion.sim.serving import InferenceEndpoint, new_id
from bastion.sim.textgen import OutputSource, ScriptedOutput, request_rng


@dataclass(slots=True)
class _Choice:
    output: OutputSource
    call_id: str | None = None
    function: str | None = None


class ChatEndpoint(InferenceEndpoint[ChatRequest]):
    request_model = ChatRequest

    async def serve(self, request: ChatRequest, model: str, send: Send) -> None:
        tools = [t.model_dump(exclude_none=True, by_alias=True) for t in request.tools or ()]
        prompt = render_chat(request.messages, tools)
        limit = request.output_limit or self.engine.default_max_tokens(len(prompt))
        self.engine.check_fits(len(prompt), limit)
        choices = [self._plan(request, prompt, i) for i in range(request.n)]
        outputs = [c.output for c in choices]
        handle = self.engine.submit(prompt, outputs, limit, cache_salt=request.cache_salt)
        try:
            if request.stream:
                await self._stream(request, model, handle, choices, send)
            else:
                await self._respond(model, handle, choices, send)
        finally:
            if not handle.finished:
                handle.abort()

    def _plan(self, request: ChatRequest, prompt: list[int], index: int) -> _Choice:
        config = self.context.config
        rng = request_rng(config.seed, request.seed, prompt, index)
        tool = _chosen_tool(request, rng, config.tool_call_probability)
        if tool is not None:
            arguments = tool_arguments(rng, tool.function.parameters)
            call = ScriptedOutput(tokenizer.pieces(arguments), "tool_calls", tool_call=True)
            return _Choice(call, new_id("call_")[:29], tool.function.name)
        fmt = request.response_format
        if fmt is not None and fmt.type != "text":
            schema = fmt.json_schema.schema_ if fmt.json_schema else None
            return _Choice(ScriptedOutput(tokenizer.pieces(json_document(rng, schema)), "stop"))
        output = self.engine.text_output(
            prompt,
            index,
            seed=request.seed,
            stop=request.stop_strings,
            ignore_eos=request.ignore_eos,
            min_tokens=request.min_tokens,
        )
        return _Choice(output)

    async def _respond(
        self, model: str, handle: RequestHandle, choices: list[_Choice], send: Send
    ) -> None:
        texts = [""] * len(choices)
        while events := await handle.next_events():
            for event in events:
                texts[event.index] += event.text
        body = envelope("chat.completion", new_id("chatcmpl-"), int(time.time()), model)
        body["choices"] = [
            {
                "index": i,
                "message": _message(choice, texts[i]),
                "logprobs": None,
                "finish_reason": handle.seqs[i].finish,
                "stop_reason": choice.output.matched_stop,
            }
            for i, choice in enumerate(choices)
        ]
        if any(s.finish == "abort" for s in handle.seqs):
            raise SimHTTPError(503, "The simulated engine stopped before finishing the request.")
        body["usage"] = handles_usage([handle])
        await send_json(send, 200, orjson.dumps(body))

    async def _stream(
        self,
        request: ChatRequest,
        model: str,
        handle: RequestHandle,
        choices: list[_Choice],
        send: Send,
    ) -> None:
        response_id = new_id("chatcmpl-")
        encoder = ChunkEncoder(
            "chat.completion.chunk", response_id, int(time.time()), model, request.include_usage
        )
        faults = self.context.faults
        budget = faults.config.stream_cut_after_tokens
        opened = [False] * len(choices)
        await start_stream(send)
        while events := await handle.next_events():
            if faults.crashed:
                return  # the "process" died: leave the response unfinished
            events, cut = take_tokens(events, budget)
            if budget is not None:
                budget -= len(events)
            payload = bytearray()
            for index, (text, finish) in group_events(events).items():
                choice = choices[index]
                if not opened[index]:
                    opened[index] = True
                    payload += encoder.chunk([_delta(index, _opening(choice))])
                if text:
                    payload += encoder.chunk([_delta(index, _content(choice, text))])
                if finish is not None:
                    end = _delta(index, {}, finish)
                    end["stop_reason"] = choice.output.matched_stop
                    payload += encoder.chunk([end])
            if payload:
                await send_data(send, bytes(payload))
            if cut:
                return  # injected fault: the stream stops without [DONE]
        if request.include_usage:
            await send_data(send, encoder.usage_chunk(handles_usage([handle])))
        await end_stream(send)


def _chosen_tool(request: ChatRequest, rng: random.Random, probability: float) -> Tool | None:
    """The tool this answer calls, or None for a text answer.

    ``none`` never calls; a named tool or ``required`` always does. Otherwise (``auto`` or no
    choice given, with tools) the answer is a call with ``probability``, except after a tool
    result: an agent loop gets its call, runs it, and then gets an answer.
    """
    choice = request.tool_choice
    tools = request.tools or []
    if not tools and choice is not None and choice != "none":
        raise SimHTTPError(
            400, "When using `tool_choice`, `tools` must be set.", param="tool_choice"
        )
    if isinstance(choice, NamedToolChoice):
        for tool in tools:
            if tool.function.name == choice.function.name:
                return tool
        raise SimHTTPError(
            400,
            f"Tool '{choice.function.name}' has not been passed in `tools`.",
            param="tool_choice",
        )
    if choice == "required":
        return rng.choice(tools)
    if choice == "none" or not tools or after_tool_result(request.messages):
        return None
    # Drawn even at probability 1, so the rest of the generator's sequence stays the same.
    return rng.choice(tools) if rng.random() < probability else None


def after_tool_result(messages: list[dict[str, Any]]) -> bool:
    """True when a tool result came after the last assistant message.

    OpenAI clients send ``tool`` (or older ``function``) messages; a user message may follow
    them in the same turn (Anthropic clients' tool results come with text blocks), and a user
    message holding Anthropic ``tool_result`` blocks counts too.
    """
    for message in reversed(messages):
        role = message.get("role")
        if role in ("tool", "function"):
            return True
        if role == "assistant":
            return False
        content = message.get("content")
        if isinstance(content, list) and any(
            isinstance(part, dict) and part.get("type") == "tool_result" for part in content
        ):
            return True
    return False


def _message(choice: _Choice, text: str) -> dict[str, Any]:
    if choice.call_id is None:
        return {"role": "assistant", "content": text, "refusal": None}
    return {
        "role": "assistant",
        "content": None,
        "refusal": None,
        "tool_calls": [
            {
                "id": choice.call_id,
                "type": "function",
                "function": {"name": choice.function, "arguments": text},
            }
        ],
    }


def _opening(choice: _Choice) -> dict[str, Any]:
    if choice.call_id is None:
        return {"role": "assistant", "content": ""}
    call = {
        "index": 0,
        "id": choice.call_id,
        "type": "function",
        "function": {"name": choice.function, "arguments": ""},
    }
    return {"role": "assistant", "content": None, "tool_calls": [call]}


def _content(choice: _Choice, text: str) -> dict[str, Any]:
    if choice.call_id is None:
        return {"content": text}
    return {"tool_calls": [{"index": 0, "function": {"arguments": text}}]}


def _delta(index: int, delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {"index": index, "delta": delta, "logprobs": None, "finish_reason": finish}
