"""route: requested model name → a backend deployment and the exchange that reaches it."""

from __future__ import annotations

from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import invalid_request, model_not_found
from bastion.protocols.exchange import Exchange, exchange_for
from bastion.protocols.operations import Operation, WireProtocol
from bastion.routing.catalog import ModelCatalog


class Route(BaseStage):
    name = "route"

    def __init__(self, catalog: ModelCatalog) -> None:
        self._catalog = catalog
        self._exchanges: dict[tuple[Operation, WireProtocol], Exchange | None] = {}

    async def on_request(self, ctx: RequestContext) -> None:
        deployment = self._catalog.resolve(ctx.model)
        if deployment is None:
            raise model_not_found(ctx.model)
        backend = deployment.backend
        key = (ctx.operation, backend.protocol)
        if key not in self._exchanges:
            self._exchanges[key] = exchange_for(ctx.operation, backend.protocol)
        exchange = self._exchanges[key]
        if exchange is None or backend.path_for(ctx.operation) is None:
            raise invalid_request(
                f"Model '{ctx.model}' is served by backend '{backend.name}', "
                f"which does not support the {ctx.operation.value} endpoint.",
                param="model",
            )
        ctx.deployment = deployment
        ctx.exchange = exchange
