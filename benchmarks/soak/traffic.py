"""Client traffic for the soak checks: one request of a mix, and an open loop of them.

A request is *acknowledged* when the client received all of it: a 200 whose whole body was
read, and for streams the protocol's end event (``data: [DONE]``, ``event: message_stop``).
It *started* when a 200's headers reached the client — from then on the gateway can no longer
retry it elsewhere, so it may fail (with a terminating error event) if its engine dies.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from support import MODEL

KINDS = ("chat", "chat-stream", "messages", "messages-stream")


@dataclass
class Call:
    index: int
    kind: str
    sent: float
    status: int = 0
    request_id: str | None = None
    acknowledged: bool = False
    error: str | None = None
    error_event: bool = False  # a stream ended with the protocol's error event
    finished: float | None = None

    @property
    def started(self) -> bool:
        return self.status == 200

    @property
    def stream(self) -> bool:
        return self.kind.endswith("-stream")


def request_body(kind: str, index: int, max_tokens: int, model: str = MODEL) -> dict[str, Any]:
    stream = kind.endswith("-stream")
    messages = [{"role": "user", "content": f"soak request {index}: tell me about gateways"}]
    body: dict[str, Any] = {
        "model": model,
        "messages": messages,
        "max_tokens": max_tokens,
        "stream": stream,
    }
    return body


def path_of(kind: str) -> str:
    return "/v1/messages" if kind.startswith("messages") else "/v1/chat/completions"


async def send(
    session: aiohttp.ClientSession,
    base_url: str,
    key: str,
    kind: str,
    index: int,
    max_tokens: int,
    timeout: float = 60,
    extra: dict[str, Any] | None = None,
) -> Call:
    call = Call(index, kind, time.monotonic())
    body = {**request_body(kind, index, max_tokens), **(extra or {})}
    headers = {"authorization": f"Bearer {key}", "anthropic-version": "2023-06-01"}
    end = b"event: message_stop" if kind.startswith("messages") else b"data: [DONE]"
    try:
        async with asyncio.timeout(timeout):
            async with session.post(base_url + path_of(kind), json=body, headers=headers) as r:
                call.status = r.status
                call.request_id = r.headers.get("x-request-id")
                content = b""
                async for chunk in r.content.iter_any():
                    content += chunk
                if r.status != 200:
                    call.error = f"status {r.status}: {content[:200]!r}"
                elif call.stream:
                    call.error_event = b'"error"' in content and end not in content
                    call.acknowledged = end in content
                    if not call.acknowledged:
                        call.error = "stream ended without its end event" + (
                            " (error event)" if call.error_event else " (silently)"
                        )
                else:
                    call.acknowledged = True
    except TimeoutError:
        call.error = "client timeout"
    except aiohttp.ClientError as exc:
        call.error = f"{type(exc).__name__}: {exc}"[:200]
    call.finished = time.monotonic()
    return call


@dataclass
class OpenLoop:
    """Poisson arrivals of the four-kind mix until stopped; every call kept."""

    base_url: str
    key: str
    rate: float
    seed: int
    max_tokens: int = 32
    long_share: float = 0.0  # this share of streams asks for long_tokens, all of them generated
    long_tokens: int = 0
    timeout: float = 60
    calls: list[Call] = field(default_factory=list)  # finished calls, in order of finishing
    sent: int = 0
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _runner: asyncio.Task[None] | None = None
    _session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> OpenLoop:
        self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
        self._runner = asyncio.get_running_loop().create_task(self._arrivals())
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.finish()

    def stop_arrivals(self) -> None:
        self._stop.set()

    async def finish(self, seconds: float = 90) -> None:
        """Stops arrivals and waits for the calls under way (at most ``seconds``)."""
        self._stop.set()
        if self._runner is not None:
            await self._runner
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=seconds)
        for task in self._tasks:
            task.cancel()
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _arrivals(self) -> None:
        rng = random.Random(self.seed)
        index = 0
        next_at = time.monotonic()
        while not self._stop.is_set():
            next_at += rng.expovariate(self.rate)
            delay = next_at - time.monotonic()
            if delay > 0:
                try:
                    await asyncio.wait_for(self._stop.wait(), delay)
                    return
                except TimeoutError:
                    pass
            kind = KINDS[index % len(KINDS)]
            tokens = self.max_tokens
            extra: dict[str, Any] = {}
            if kind == "chat-stream" and rng.random() < self.long_share:
                tokens = self.long_tokens
                extra = {"ignore_eos": True}
            task = asyncio.get_running_loop().create_task(self._one(kind, index, tokens, extra))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            index += 1

    async def _one(self, kind: str, index: int, tokens: int, extra: dict[str, Any]) -> None:
        assert self._session is not None
        self.sent += 1
        call = await send(
            self._session, self.base_url, self.key, kind, index, tokens, self.timeout, extra
        )
        self.calls.append(call)

    @property
    def acknowledged(self) -> list[Call]:
        return [c for c in self.calls if c.acknowledged]

    def completed_since(self, moment: float) -> int:
        return sum(1 for c in self.calls if c.acknowledged and (c.finished or 0) >= moment)
