"""A scripted engine for evaluation tests: answers whose correctness is known in advance.

Every prompt of ``golden_items`` says what the right answer is (``[n=7] [answer: …]``); the
requested model name decides how the engine answers item ``n``:

- ``right``: always the right answer;
- ``wrong``: a wrong answer when ``n % 4 == 0``;
- ``malformed``: broken JSON on the JSON items when ``n % 2 == 0``, right otherwise;
- ``slow``: right, each piece after ``SLOW_PIECE_SECONDS``;
- ``flaky``: HTTP 500 when ``n % 5 == 0``, right otherwise;
- ``refuser``: a refusal when ``n % 6 == 0``, right otherwise;
- ``quiet``: right, but a chat completions stream without usage (the gateway estimates it).

Asked as a judge (the prompt is a comparison of answers A and B), model ``judge-first`` always
prefers the answer shown first, and ``judge-fair`` prefers the one holding the item's right
answer (a tie when both or neither do): ``expected_verdicts`` says what it decides.

It speaks chat completions and Messages, streamed (pieces of a few characters, usage at the
end) or whole. ``expected_pass`` says which items a model passes, so tests assert pass rates
equal to what the script implies.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from bastion.evaluation.model import Check, EvalItem

MODELS = ("right", "wrong", "malformed", "slow", "flaky", "refuser", "quiet")
SLOW_PIECE_SECONDS = 0.02
_MARK = re.compile(r"\[n=(\d+)\] \[kind=(\w+)\] \[answer: (.*)\]$", re.DOTALL)
_WRONG = "I am quite sure the answer is something else entirely"


def golden_items(count: int, *, anthropic_every: int = 0) -> list[EvalItem]:
    """``count`` items cycling through text, JSON and tool-call answers (``n % 3``); with
    ``anthropic_every``, every such item is a Messages request."""
    items = []
    for n in range(count):
        kind = ("text", "json", "tool")[n % 3]
        checks: tuple[Check, ...]
        if kind == "text":
            answer = f"answer {n}"
            checks = (Check("exact", {"expected": answer}), Check("refusal", {}))
        elif kind == "json":
            answer = json.dumps({"n": n, "name": f"item {n}"})
            schema = {
                "type": "object",
                "properties": {"n": {"type": "integer"}, "name": {"type": "string"}},
                "required": ["n", "name"],
            }
            checks = (Check("json_schema", {"schema": schema, "values": {"/n": n}}),)
        else:
            answer = json.dumps({"city": f"city {n}", "days": n % 7})
            checks = (Check("tool_call", {"name": "forecast", "arguments": {"city": f"city {n}"}}),)
        prompt = f"[n={n}] [kind={kind}] [answer: {answer}]"
        anthropic = bool(anthropic_every) and n % anthropic_every == 0
        request: dict[str, Any] = {"messages": [{"role": "user", "content": prompt}]}
        if kind == "tool":
            schema = {"type": "object", "properties": {"city": {"type": "string"}}}
            if anthropic:
                request["tools"] = [{"name": "forecast", "input_schema": schema}]
            else:
                request["tools"] = [
                    {"type": "function", "function": {"name": "forecast", "parameters": schema}}
                ]
        if anthropic:
            request["max_tokens"] = 64
        items.append(
            EvalItem(
                id=f"item-{n:03d}",
                protocol="anthropic" if anthropic else "openai",
                request=request,
                checks=checks,
                slices={"kind": kind},
            )
        )
    return items


class _Judged(Exception):
    def __init__(self, verdict: str) -> None:
        self.verdict = verdict


def _judge(model: str, prompt: str) -> str:
    """A judge's whole answer to a pairwise prompt."""
    if model == "judge-first":
        return "The first answer reads better.\nVERDICT: A"
    found = re.search(r"\[answer: (.*?)\]\n", prompt, re.DOTALL)
    right = found.group(1) if found else ""
    first = _between(prompt, "[Answer A]", "[End of answer A]")
    second = _between(prompt, "[Answer B]", "[End of answer B]")
    has = (_holds(first, right), _holds(second, right))
    label = {(True, False): "A", (False, True): "B"}.get(has, "TIE")
    return f"Judged by the right answer.\nVERDICT: {label}"


def _between(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[-1].split(end, 1)[0]


def _holds(answer: str, right: str) -> bool:
    """Whether an answer as the judge sees it carries the right answer (text or tool call)."""
    if right in answer:
        return True
    try:
        city = json.loads(right).get("city")
    except (ValueError, AttributeError):
        return False
    return bool(city) and f'"city": "{city}"' in answer.replace('":"', '": "')


def expected_verdicts(candidate: str, baseline: str, items: list[EvalItem]) -> dict[str, str]:
    """What ``judge-fair`` decides per item: candidate, baseline or tie (items where either
    target gave no answer are left out: the other wins without a judge)."""
    out = {}
    for item in items:
        n, kind, _ = _parse(_prompt(item.request))
        mine, theirs = behaviour(candidate, n, kind), behaviour(baseline, n, kind)
        if "error" in (mine, theirs):
            continue
        good = (mine == "right", theirs == "right")
        out[item.id] = {(True, False): "candidate", (False, True): "baseline"}.get(good, "tie")
    return out


def _chat_answer(model: str, text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-judge",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 50, "completion_tokens": 8, "total_tokens": 58},
    }


def behaviour(model: str, n: int, kind: str) -> str:
    """How ``model`` answers item ``n``: right, wrong, malformed, error or refusal."""
    if model == "wrong" and n % 4 == 0:
        return "wrong"
    if model == "malformed" and kind == "json" and n % 2 == 0:
        return "malformed"
    if model == "flaky" and n % 5 == 0:
        return "error"
    if model == "refuser" and n % 6 == 0:
        return "refusal"
    return "right"


def expected_pass(model: str, items: list[EvalItem]) -> set[str]:
    """The ids of the items ``model`` passes."""
    passing = set()
    for item in items:
        n, kind, _ = _parse(_prompt(item.request))
        if behaviour(model, n, kind) == "right":
            passing.add(item.id)
    return passing


def _prompt(body: dict[str, Any]) -> str:
    content = body["messages"][-1]["content"]
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


def _parse(prompt: str) -> tuple[int, str, str]:
    found = _MARK.search(prompt)
    assert found is not None, f"not an evaluation prompt: {prompt!r}"
    return int(found.group(1)), found.group(2), found.group(3)


class EvalUpstream:
    def __init__(self) -> None:
        # Requests received per (model, n): a resumed run must not send finished ones again.
        self.received: Counter[tuple[str, int]] = Counter()
        self.bodies: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.app = Starlette(
            routes=[
                Route("/v1/chat/completions", self.chat, methods=["POST"]),
                Route("/v1/messages", self.messages, methods=["POST"]),
                Route("/v1/models", self.models, methods=["GET"]),
            ]
        )

    async def models(self, request: Request) -> Response:
        data = [{"id": name, "object": "model"} for name in MODELS]
        return Response(json.dumps({"object": "list", "data": data}), 200)

    async def _read(self, request: Request) -> tuple[dict[str, Any], str, int, str, str]:
        body = json.loads(await request.body())
        self.bodies.append(body)
        self.headers.append(dict(request.headers))
        model = body["model"]
        if model.startswith("judge-"):
            raise _Judged(_judge(model, _prompt(body)))
        n, kind, answer = _parse(_prompt(body))
        self.received[(model, n)] += 1
        return body, model, n, kind, answer

    async def chat(self, request: Request) -> Response:
        try:
            body, model, n, kind, answer = await self._read(request)
        except _Judged as judged:
            return Response(
                json.dumps(_chat_answer("judge", judged.verdict)), media_type="application/json"
            )
        how = behaviour(model, n, kind)
        if how == "error":
            error = {"error": {"message": "scripted failure", "type": "server_error"}}
            return Response(json.dumps(error), 500, media_type="application/json")
        text, tool = _answer(how, kind, answer)
        if body.get("stream"):
            return StreamingResponse(
                self._chat_stream(model, text, tool), media_type="text/event-stream"
            )
        message: dict[str, Any] = {"role": "assistant", "content": text}
        if tool is not None:
            message["tool_calls"] = [
                {"id": "call_1", "type": "function",
                 "function": {"name": "forecast", "arguments": tool}}
            ]  # fmt: skip
        return Response(
            json.dumps(
                {
                    "id": "chatcmpl-eval",
                    "object": "chat.completion",
                    "created": 0,
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": message,
                            "finish_reason": "tool_calls" if tool else "stop",
                        }
                    ],
                    "usage": _usage(text, tool),
                }
            ),
            media_type="application/json",
        )

    async def _chat_stream(
        self, model: str, text: str | None, tool: str | None
    ) -> AsyncIterator[bytes]:
        pieces = _pieces(text or tool or "")
        yield _sse(model, {"role": "assistant", "content": ""}, None)
        if tool is not None:
            call = {"index": 0, "id": "call_1", "type": "function",
                    "function": {"name": "forecast", "arguments": ""}}  # fmt: skip
            yield _sse(model, {"tool_calls": [call]}, None)
        for piece in pieces:
            if model == "slow":
                await asyncio.sleep(SLOW_PIECE_SECONDS)
            if tool is not None:
                delta = {"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}
            else:
                delta = {"content": piece}
            yield _sse(model, delta, None)
        yield _sse(model, {}, "tool_calls" if tool else "stop")
        if model == "quiet":
            yield b"data: [DONE]\n\n"
            return
        usage = _usage(text, tool)
        chunk = {"id": "c", "object": "chat.completion.chunk", "created": 0, "model": model,
                 "choices": [], "usage": usage}  # fmt: skip
        yield b"data: " + json.dumps(chunk).encode() + b"\n\n"
        yield b"data: [DONE]\n\n"

    async def messages(self, request: Request) -> Response:
        body, model, n, kind, answer = await self._read(request)
        how = behaviour(model, n, kind)
        if how == "error":
            error = {"type": "error", "error": {"type": "api_error", "message": "scripted"}}
            return Response(json.dumps(error), 500, media_type="application/json")
        text, tool = _answer(how, kind, answer)
        assert body.get("stream"), "evaluation runs stream"
        return StreamingResponse(
            self._messages_stream(model, text, tool), media_type="text/event-stream"
        )

    async def _messages_stream(
        self, model: str, text: str | None, tool: str | None
    ) -> AsyncIterator[bytes]:
        usage = _usage(text, tool)
        message = {
            "id": "msg_eval",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": {"input_tokens": usage["prompt_tokens"], "output_tokens": 1},
        }
        yield _event("message_start", {"type": "message_start", "message": message})
        if tool is not None:
            block = {"type": "tool_use", "id": "toolu_1", "name": "forecast", "input": {}}
            delta_type, field = "input_json_delta", "partial_json"
        else:
            block = {"type": "text", "text": ""}
            delta_type, field = "text_delta", "text"
        yield _event(
            "content_block_start",
            {"type": "content_block_start", "index": 0, "content_block": block},
        )
        for piece in _pieces(text or tool or ""):
            if model == "slow":
                await asyncio.sleep(SLOW_PIECE_SECONDS)
            delta = {"type": delta_type, field: piece}
            yield _event(
                "content_block_delta", {"type": "content_block_delta", "index": 0, "delta": delta}
            )
        yield _event("content_block_stop", {"type": "content_block_stop", "index": 0})
        stop = "tool_use" if tool is not None else "end_turn"
        yield _event(
            "message_delta",
            {"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None},
             "usage": {"output_tokens": usage["completion_tokens"]}},
        )  # fmt: skip
        yield _event("message_stop", {"type": "message_stop"})


def _answer(how: str, kind: str, answer: str) -> tuple[str | None, str | None]:
    """(text, tool call arguments) of an answer."""
    if how == "refusal":
        return "I'm sorry, but I can't help with that.", None
    if how == "wrong":
        return _WRONG, None
    if how == "malformed":
        return answer[: len(answer) // 2], None
    if kind == "tool":
        return None, answer
    return answer, None


def _pieces(text: str) -> list[str]:
    return [text[i : i + 5] for i in range(0, len(text), 5)] or [""]


def _usage(text: str | None, tool: str | None) -> dict[str, int]:
    produced = len(_pieces(text or tool or ""))
    return {"prompt_tokens": 12, "completion_tokens": produced, "total_tokens": 12 + produced}


def _sse(model: str, delta: dict[str, Any], finish: str | None) -> bytes:
    chunk = {
        "id": "chatcmpl-eval",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return b"data: " + json.dumps(chunk).encode() + b"\n\n"


def _event(name: str, payload: dict[str, Any]) -> bytes:
    return f"event: {name}\ndata: {json.dumps(payload)}\n\n".encode()
