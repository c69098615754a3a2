"""Runs the ordered stages over a request context."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from bastion.pipeline.context import RequestContext
from bastion.pipeline.stage import Stage
from bastion.protocols.errors import GatewayError

log = logging.getLogger(__name__)


class Pipeline:
    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = tuple(stages)
        # Stages whose completion phase does something, so no-op awaits are skipped per request.
        self._sealing = tuple(s for s in self.stages if _overrides(s, "on_seal"))
        self._completing = tuple(s for s in reversed(self.stages) if _overrides(s, "on_complete"))

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    async def run(self, ctx: RequestContext) -> None:
        """Runs the request phase until a stage produces a reply; notes which one did."""
        stage: Stage | None = None
        try:
            for stage in self.stages:
                await stage.on_request(ctx)
                if ctx.reply is not None:
                    ctx.answered_by = stage.name
                    return
        except GatewayError as error:
            ctx.fail(error)
            ctx.answered_by = stage.name if stage is not None else ""
        except Exception:
            log.exception(
                "unexpected error on the request path", extra={"request_id": ctx.request_id}
            )
            ctx.fail(GatewayError(500, "Internal gateway error.", code="internal_error"))
            ctx.answered_by = stage.name if stage is not None else ""
        if ctx.reply is None:
            ctx.fail(GatewayError(500, "No stage produced a response.", code="internal_error"))

    async def seal(self, ctx: RequestContext) -> None:
        """Runs the seal phase before the response's final bytes; its errors propagate."""
        ctx.finished = time.perf_counter()
        for stage in self._sealing:
            await stage.on_seal(ctx)

    async def complete(self, ctx: RequestContext) -> None:
        """Runs the completion phase; called exactly once, however the response ended."""
        if ctx.finished is None:
            ctx.finished = time.perf_counter()
        for stage in self._completing:
            try:
                await stage.on_complete(ctx)
            except Exception:
                log.exception(
                    "completion stage failed",
                    extra={"stage": stage.name, "request_id": ctx.request_id},
                )


class BaseStage:
    """Default no-op phases, so a stage implements only what it needs."""

    name = "stage"

    async def on_request(self, ctx: RequestContext) -> None:
        return None

    async def on_seal(self, ctx: RequestContext) -> None:
        return None

    async def on_complete(self, ctx: RequestContext) -> None:
        return None


def _overrides(stage: Stage, phase: str) -> bool:
    method = getattr(type(stage), phase, None)
    return method is not None and method is not getattr(BaseStage, phase)


def _ids(ctx: RequestContext) -> dict[str, str]:
    return {"request_id": ctx.request_id}
