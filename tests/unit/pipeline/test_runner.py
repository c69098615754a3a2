from __future__ import annotations

from bastion.pipeline import Pipeline, Reply, RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError
from bastion.protocols.operations import Operation


class Recorder(BaseStage):
    def __init__(self, name: str, log: list[str], action: str = "") -> None:
        self.name = name
        self.log = log
        self.action = action

    async def on_request(self, ctx: RequestContext) -> None:
        self.log.append(f"request:{self.name}")
        if self.action == "reply":
            ctx.reply = Reply(200, b"cached")
        elif self.action == "raise":
            raise GatewayError(429, "slow down", headers={"retry-after": "3"})
        elif self.action == "crash":
            raise RuntimeError("bug")

    async def on_complete(self, ctx: RequestContext) -> None:
        self.log.append(f"complete:{self.name}")


class RequestOnly(BaseStage):
    name = "request-only"


def context(operation: Operation = Operation.CHAT) -> RequestContext:
    return RequestContext("req_1", operation, {}, b"{}")


async def test_stages_run_in_order_and_complete_in_reverse() -> None:
    log: list[str] = []
    pipeline = Pipeline([Recorder("a", log), RequestOnly(), Recorder("b", log, "reply")])
    ctx = context()
    await pipeline.run(ctx)
    await pipeline.complete(ctx)
    assert log == ["request:a", "request:b", "complete:b", "complete:a"]
    assert pipeline.names == ["a", "request-only", "b"]
    assert ctx.finished is not None


async def test_early_reply_stops_the_request_phase() -> None:
    log: list[str] = []
    pipeline = Pipeline([Recorder("cache", log, "reply"), Recorder("dispatch", log)])
    ctx = context()
    await pipeline.run(ctx)
    assert ctx.reply is not None
    assert ctx.reply.body == b"cached"
    assert log == ["request:cache"]


async def test_gateway_error_renders_in_the_client_protocol() -> None:
    pipeline = Pipeline([Recorder("admit", [], "raise")])
    ctx = context(Operation.MESSAGES)
    await pipeline.run(ctx)
    assert ctx.reply is not None
    assert ctx.reply.status == 429
    assert ctx.reply.headers == {"retry-after": "3"}
    assert ctx.reply.body == (
        b'{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}'
    )
    assert ctx.outcome == "error"


async def test_unexpected_exception_is_a_500_not_a_crash() -> None:
    pipeline = Pipeline([Recorder("buggy", [], "crash")])
    ctx = context()
    await pipeline.run(ctx)
    assert ctx.reply is not None
    assert ctx.reply.status == 500
    assert b"internal_error" in ctx.reply.body
