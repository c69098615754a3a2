"""The non-inference endpoints: health, metrics, models, and the simulator's own controls."""

from __future__ import annotations

import orjson
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response

from bastion.sim.config import FaultConfig
from bastion.sim.errors import SimHTTPError, error_json
from bastion.sim.serving import SimContext

_PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8"


def _json(payload: object, status: int = 200) -> Response:
    return Response(orjson.dumps(payload), status, media_type="application/json")


def _error(error: SimHTTPError) -> Response:
    return Response(
        error.to_json(), error.status, headers=error.headers, media_type="application/json"
    )


class ControlEndpoints:
    def __init__(self, context: SimContext) -> None:
        self.context = context

    async def health(self, request: Request) -> Response:
        faults = self.context.faults
        if faults.starting:
            return _json({"status": "starting", "simulated": True}, 503)
        return Response(status_code=200)

    async def metrics(self, request: Request) -> Response:
        engine = self.context.engine
        engine.metrics.set_load(
            len(engine.scheduler.running), len(engine.scheduler.waiting), engine.kv.usage
        )
        return Response(engine.metrics.render(), media_type=_PROMETHEUS)

    async def models(self, request: Request) -> Response:
        config = self.context.config
        data = [
            {
                "id": name,
                "object": "model",
                "created": self.context.created,
                "owned_by": "bastion-simulator",
                "root": config.model,
                "parent": None,
                "max_model_len": config.max_model_len,
                "simulated": True,
            }
            for name in self.context.model_names
        ]
        return _json({"object": "list", "data": data})

    async def get_faults(self, request: Request) -> Response:
        return _json(self.context.faults.config.model_dump())

    async def set_faults(self, request: Request) -> Response:
        """Replace the fault config with the posted one (fields left out take their defaults)."""
        body = await request.body()
        try:
            raw = orjson.loads(body or b"{}")
        except orjson.JSONDecodeError:
            return Response(error_json(400, "The request body is not valid JSON."), 400)
        try:
            config = FaultConfig.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            return _error(
                SimHTTPError(400, f"Invalid faults: {where}: {first['msg']}", param=where)
            )
        self.context.faults.apply(config)
        return _json(config.model_dump())

    async def state(self, request: Request) -> Response:
        state = self.context.engine.state()
        faults = self.context.faults
        state["faults"] = faults.config.model_dump()
        state["starting"] = faults.starting
        state["crashed"] = faults.crashed
        state["simulated"] = True
        return _json(state)
