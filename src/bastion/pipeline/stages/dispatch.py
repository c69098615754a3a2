"""dispatch: the upstream call, with the backend's timeouts."""

from __future__ import annotations

import orjson

from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError, invalid_request
from bastion.protocols.translate import TranslationError
from bastion.telemetry.metrics import GatewayMetrics


class Dispatch(BaseStage):
    name = "dispatch"

    def __init__(self, metrics: GatewayMetrics) -> None:
        self._metrics = metrics

    async def on_request(self, ctx: RequestContext) -> None:
        deployment, exchange, body = ctx.deployment, ctx.exchange, ctx.body
        assert deployment is not None
        assert exchange is not None
        assert body is not None
        backend = deployment.backend
        try:
            upstream_body = exchange.upstream_body(
                body, deployment.upstream_model, stream=ctx.stream
            )
        except TranslationError as exc:
            raise invalid_request(str(exc), param=exc.param) from None
        path = backend.path_for(ctx.operation)
        assert path is not None, "checked by the route stage"
        forwarded = {
            name: ctx.headers[name] for name in backend.forwarded_headers if name in ctx.headers
        }
        try:
            ctx.upstream = await backend.send(
                path,
                orjson.dumps(upstream_body),
                request_id=ctx.request_id,
                stream=ctx.stream,
                forwarded=forwarded,
            )
        except GatewayError as error:
            kind = "timeout" if error.status == 504 else "connect"
            self._metrics.upstream_errors.labels(backend.name, kind).inc()
            raise
