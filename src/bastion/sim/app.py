"""The simulator's ASGI application."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from bastion.sim.chat import ChatEndpoint
from bastion.sim.completions import CompletionEndpoint
from bastion.sim.config import SimConfig
from bastion.sim.control import ControlEndpoints
from bastion.sim.embeddings import EmbeddingEndpoint
from bastion.sim.serving import SimContext, SimFront


class _Inference:
    """Serves the inference paths directly (no router in the hot path); the rest goes on."""

    def __init__(self, app: ASGIApp, context: SimContext) -> None:
        self.app = app
        self.routes: dict[str, ASGIApp] = {
            "/v1/chat/completions": ChatEndpoint(context),
            "/v1/completions": CompletionEndpoint(context),
            "/v1/embeddings": EmbeddingEndpoint(context),
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            endpoint = self.routes.get(scope["path"])
            if endpoint is not None:
                await endpoint(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_sim_app(config: SimConfig) -> Starlette:
    context = SimContext(config)
    control = ControlEndpoints(context)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        context.clock.restart_uptime()
        context.faults.apply(context.faults.config)
        await context.engine.start()
        try:
            yield
        finally:
            await context.engine.stop()

    routes = [
        Route("/health", control.health, methods=["GET"]),
        Route("/metrics", control.metrics, methods=["GET"]),
        Route("/v1/models", control.models, methods=["GET"]),
        Route("/sim/faults", control.get_faults, methods=["GET"]),
        Route("/sim/faults", control.set_faults, methods=["POST"]),
        Route("/sim/state", control.state, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(SimFront, context=context), Middleware(_Inference, context=context)],
    )
    app.state.sim = context
    return app
