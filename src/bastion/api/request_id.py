"""Gives every request an id and returns it in the ``x-request-id`` response header."""

from __future__ import annotations

import os

from starlette.types import ASGIApp, Message, Receive, Scope, Send


def new_request_id() -> str:
    return "req_" + os.urandom(12).hex()


class RequestIdMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = (b"x-request-id", new_request_id().encode())

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        await self.app(scope, receive, send_with_id)
