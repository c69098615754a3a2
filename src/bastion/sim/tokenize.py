"""``POST /tokenize`` the way vLLM answers it, so token counting can use the simulator.

A chat request (``messages``, optional ``tools``) is rendered by the same chat template the
chat endpoint uses, so its count equals that endpoint's ``usage.prompt_tokens``; a ``prompt``
is counted like a legacy completion prompt. Answers ``{"count", "max_model_len", "tokens"}``.
"""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import ValidationError
from starlette.types import ASGIApp, Receive, Scope, Send

from bastion.sim.config import SimConfig
from bastion.sim.prompt import render_chat, render_completion_prompt
from bastion.sim.protocol import Tool


class WithTokenize:
    """Serves ``POST /tokenize`` and passes everything else to the simulator's app."""

    def __init__(self, app: ASGIApp, config: SimConfig) -> None:
        self.app = app
        self.max_model_len = config.max_model_len

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] == "/tokenize":
            await self._tokenize(receive, send)
            return
        await self.app(scope, receive, send)

    async def _tokenize(self, receive: Receive, send: Send) -> None:
        raw = b""
        more = True
        while more:
            message = await receive()
            raw += message.get("body", b"")
            more = message.get("more_body", False)
        try:
            ids = _render(orjson.loads(raw))
        except (orjson.JSONDecodeError, ValidationError, ValueError, TypeError) as exc:
            await _answer(send, 400, {"error": {"message": str(exc), "code": 400}})
            return
        await _answer(
            send, 200, {"count": len(ids), "max_model_len": self.max_model_len, "tokens": ids}
        )


def _render(body: Any) -> list[int]:
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    if isinstance(body.get("messages"), list):
        tools = [
            Tool.model_validate(tool).model_dump(exclude_none=True, by_alias=True)
            for tool in body.get("tools") or ()
        ]
        messages = [m for m in body["messages"] if isinstance(m, dict)]
        return render_chat(messages, tools)
    prompt = body.get("prompt")
    if isinstance(prompt, str):
        return render_completion_prompt(prompt)
    raise ValueError("give 'messages' or 'prompt'")


async def _answer(send: Send, status: int, body: dict[str, Any]) -> None:
    data = orjson.dumps(body)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
