"""The application factory: one Gateway, its pipeline, and the routes that reach them."""

from __future__ import annotations

import logging

import orjson
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import Receive, Scope, Send

from bastion.api.admin import admin_routes
from bastion.api.count_tokens import CountTokens
from bastion.api.health import health_endpoints
from bastion.api.inference import InferenceEndpoint
from bastion.api.models import ModelsEndpoint
from bastion.api.request_id import RequestIdMiddleware
from bastion.api.responses import StoredResponsesEndpoint
from bastion.config import ConfigError
from bastion.console.app import console_routes
from bastion.evaluation.transport import AsgiTransport
from bastion.gateway import Gateway
from bastion.pipeline import Pipeline
from bastion.pipeline.stage import Stage
from bastion.pipeline.stages.authenticate import Authenticate
from bastion.pipeline.stages.parse import Parse
from bastion.pipeline.stages.route import Route as RouteStage
from bastion.protocols.errors import error_body
from bastion.protocols.operations import Operation, WireProtocol

log = logging.getLogger(__name__)

_PATHS = {
    Operation.CHAT: "/chat/completions",
    Operation.COMPLETIONS: "/completions",
    Operation.EMBEDDINGS: "/embeddings",
    Operation.MESSAGES: "/messages",
    Operation.RESPONSES: "/responses",
}


class GatewayApp:
    """ASGI entry point: inference paths go straight to their endpoint, the rest to Starlette."""

    def __init__(self, gateway: Gateway) -> None:
        self.gateway = gateway
        self.inference: dict[str, InferenceEndpoint] = {}
        self.framework = self._framework()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = scope["path"]
            if len(path) > 1 and path.endswith("/"):
                # Served as the path without its slash, never redirected: a redirect's absolute
                # Location would be built from the client's Host header.
                scope = {**scope, "path": path.rstrip("/") or "/"}
        if scope["type"] == "http" and scope["method"] == "POST":
            endpoint = self.inference.get(scope["path"])
            if endpoint is not None:
                await endpoint(scope, receive, send)
                return
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        await self.framework(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        """Start-up and shutdown; a failed start-up is reported in one readable message."""
        await receive()  # lifespan.startup
        try:
            await self.gateway.start()
            self._mount_started(self.framework)
            # New endpoint versions with golden prompts are checked through the pipeline
            # just built (in-process), and published only when they pass.
            await self.gateway.check_contracts(AsgiTransport(self))
        except Exception as exc:
            if not isinstance(exc, ConfigError):
                log.exception("start-up failed")
            await self.gateway.stop()
            await send({"type": "lifespan.startup.failed", "message": f"\n{exc}"})
            return
        await send({"type": "lifespan.startup.complete"})
        await receive()  # lifespan.shutdown
        try:
            await self.gateway.stop()
        finally:
            await send({"type": "lifespan.shutdown.complete"})

    def _framework(self) -> Starlette:
        gateway = self.gateway
        routes: list[BaseRoute] = [
            Route(path, endpoint, methods=["GET"])  # type: ignore[arg-type]
            for path, endpoint in health_endpoints(gateway).items()
        ]
        app = Starlette(
            routes=routes,
            middleware=[Middleware(RequestIdMiddleware)],
            exception_handlers={HTTPException: _http_error},  # type: ignore[dict-item]
        )
        app.router.redirect_slashes = False  # a trailing slash is dropped in __call__ instead
        return app

    def _mount_started(self, app: Starlette) -> None:
        """Routes that need the started gateway (its store, authenticator and catalog)."""
        gateway = self.gateway
        pipeline = gateway.build_pipeline()
        limit = gateway.config.server.max_body_bytes
        for operation, path in _PATHS.items():
            endpoint = InferenceEndpoint(operation, pipeline, gateway.metrics, max_body_bytes=limit)
            # Both /v1/... and the bare path, as OpenAI-compatible servers commonly accept.
            self.inference["/v1" + path] = endpoint
            self.inference[path] = endpoint
        counting = InferenceEndpoint(
            Operation.MESSAGES,
            self._counting_pipeline(),
            gateway.metrics,
            max_body_bytes=limit,
            label="messages.count_tokens",
        )
        self.inference["/v1/messages/count_tokens"] = counting
        self.inference["/messages/count_tokens"] = counting
        models = ModelsEndpoint(
            gateway.catalog,
            gateway.authenticator,
            gateway.endpoints,
            {name: pool.location for name, pool in gateway.pools.items()},
            frozenset(
                name for name, pool in gateway.pools.items() if pool.config.kind == "simulator"
            ),
        )
        for prefix in ("/v1", ""):
            app.router.routes.append(Route(prefix + "/models", models.handle, methods=["GET"]))
            # Ids may hold a slash (backend/model).
            one = Route(prefix + "/models/{model_id:path}", models.handle_one, methods=["GET"])
            app.router.routes.append(one)
        stored = StoredResponsesEndpoint(gateway.authenticator, gateway.stored_responses)
        for prefix in ("/v1", ""):
            # OpenAI's input token count is not served: a 404, not the 405 the stored response
            # route below would answer for a POST to this path.
            app.router.routes.append(
                Route(prefix + "/responses/input_tokens", _not_found, methods=["POST"])
            )
            path = prefix + "/responses/{response_id}"
            app.router.routes.append(Route(path, stored.get, methods=["GET"]))
            app.router.routes.append(Route(path, stored.delete, methods=["DELETE"]))
            items = Route(path + "/input_items", stored.input_items, methods=["GET"])
            app.router.routes.append(items)
        # Other methods on inference paths reach the router, which answers 405 in API shape.
        for path in self.inference:
            app.router.routes.append(Route(path, _post_only, methods=["POST"]))
        if gateway.store is not None and gateway.authenticator is not None:
            admin = admin_routes(
                gateway.store,
                gateway.authenticator,
                gateway.config,
                gateway.routing_status,
                gateway.events,
                # Evaluation runs started by the admin API go through this app, in-process.
                evals=gateway.start_evaluations(AsgiTransport(self)),
            )
            app.router.routes.append(Mount("/admin", routes=admin))
            # The operator's console: pages for people, beside the admin API for programs.
            app.router.routes.extend(console_routes(gateway))

    def _counting_pipeline(self) -> Pipeline:
        """/v1/messages/count_tokens: authenticated, parsed, inspected and routed like
        /v1/messages, then counted where the request would run (see api/count_tokens.py)."""
        gateway = self.gateway
        stages: list[Stage] = [Authenticate(gateway.authenticator), Parse(counting=True)]
        if gateway.inspect is not None:
            stages.append(gateway.inspect)  # data classes decide whether it may leave
        route = RouteStage(
            gateway.catalog,
            gateway.endpoints,
            gateway.pools,
            gateway.policy,
            gateway.config.routing,
        )
        stages.append(CountTokens(route))
        return Pipeline(stages)


def create_app(gateway: Gateway) -> GatewayApp:
    return GatewayApp(gateway)


async def _post_only(request: Request) -> Response:
    raise HTTPException(405)


async def _not_found(request: Request) -> Response:
    raise HTTPException(404)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    """Unknown paths and wrong methods answered in the API's own error shape."""
    # Anthropic's paths are /v1/messages and below it (count_tokens, batches, a typo); not
    # OpenAI's /v1/threads/{id}/messages.
    path = request.url.path
    anthropic = path.startswith(("/v1/messages/", "/messages/")) or path.endswith(
        ("/messages", "/messages/count_tokens")
    )
    protocol: WireProtocol = "anthropic" if anthropic else "openai"
    message = f"{request.method} {request.url.path}: {exc.detail}"
    body = error_body(protocol, exc.status_code, message)
    return Response(orjson.dumps(body), exc.status_code, media_type="application/json")
