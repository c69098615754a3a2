"""The unit of the request path."""

from __future__ import annotations

from typing import Protocol

from bastion.pipeline.context import RequestContext


class Stage(Protocol):
    """One job on the request path.

    ``on_request`` runs in pipeline order; it reads and writes named context fields, and may end
    the request early by setting ``ctx.reply`` or raising ``GatewayError``. ``on_seal`` runs in
    pipeline order once the outcome is known and before the response's final bytes are sent,
    so what it makes durable is never missing for a response the client received; if it raises,
    the response is not completed. It does not run for a client that left. ``on_complete`` runs
    for every stage, in reverse order, once the response is fully sent, failed, or abandoned by
    the client, whether or not the request reached the stage; it must not raise.
    """

    name: str

    async def on_request(self, ctx: RequestContext) -> None: ...

    async def on_seal(self, ctx: RequestContext) -> None: ...

    async def on_complete(self, ctx: RequestContext) -> None: ...
