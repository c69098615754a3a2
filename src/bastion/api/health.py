"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

import orjson
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.requests import Request
from starlette.responses import Response

from bastion.gateway import Gateway


def health_endpoints(gateway: Gateway) -> dict[str, object]:
    async def healthz(request: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type="application/json")

    async def readyz(request: Request) -> Response:
        if gateway.draining:
            status, code = "draining", 503
        elif not gateway.ready:
            status, code = "starting", 503
        else:
            status, code = "ready", 200
        body = {
            "status": status,
            "backends": [
                {"name": b.name, "location": b.location, "simulated": b.simulated}
                for b in gateway.report.backends
            ],
        }
        return Response(orjson.dumps(body), code, media_type="application/json")

    async def metrics(request: Request) -> Response:
        return Response(generate_latest(gateway.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return {"/healthz": healthz, "/readyz": readyz, "/metrics": metrics}
