"""The application factory: one Gateway, its pipeline, and the routes that reach them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import orjson
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from bastion.api.admin import admin_routes
from bastion.api.health import health_endpoints
from bastion.api.inference import InferenceEndpoint
from bastion.api.models import ModelsEndpoint
from bastion.api.request_id import RequestIdMiddleware
from bastion.gateway import Gateway
from bastion.protocols.errors import error_body
from bastion.protocols.operations import Operation, WireProtocol

_PATHS = {
    Operation.CHAT: "/chat/completions",
    Operation.COMPLETIONS: "/completions",
    Operation.EMBEDDINGS: "/embeddings",
    Operation.MESSAGES: "/messages",
}


def create_app(gateway: Gateway) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await gateway.start()
        app.router.routes.extend(_late_routes(gateway))
        try:
            yield
        finally:
            await gateway.stop()

    routes: list[BaseRoute] = [
        Route(path, endpoint, methods=["GET"])  # type: ignore[arg-type]
        for path, endpoint in health_endpoints(gateway).items()
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(RequestIdMiddleware)],
        exception_handlers={HTTPException: _http_error},  # type: ignore[dict-item]
        lifespan=lifespan,
    )


def _late_routes(gateway: Gateway) -> list[BaseRoute]:
    """Routes that need the started gateway (its store, authenticator and catalog)."""
    pipeline = gateway.build_pipeline()
    limit = gateway.config.server.max_body_bytes
    routes: list[BaseRoute] = []
    for operation, path in _PATHS.items():
        endpoint = InferenceEndpoint(operation, pipeline, gateway.metrics, max_body_bytes=limit)
        # Both /v1/... and the bare path, as OpenAI-compatible servers commonly accept.
        routes.append(Route("/v1" + path, endpoint, methods=["POST"]))
        routes.append(Route(path, endpoint, methods=["POST"]))
    models = ModelsEndpoint(gateway.catalog, gateway.authenticator)
    routes.append(Route("/v1/models", models.handle, methods=["GET"]))
    routes.append(Route("/models", models.handle, methods=["GET"]))
    if gateway.store is not None and gateway.authenticator is not None:
        routes.append(Mount("/admin", routes=admin_routes(gateway.store, gateway.authenticator)))
    return routes


async def _http_error(request: Request, exc: HTTPException) -> Response:
    """Unknown paths and wrong methods answered in the API's own error shape."""
    protocol: WireProtocol = "anthropic" if request.url.path.endswith("/messages") else "openai"
    message = f"{request.method} {request.url.path}: {exc.detail}"
    body = error_body(protocol, exc.status_code, message)
    return Response(orjson.dumps(body), exc.status_code, media_type="application/json")
