"""Liveness, readiness and Prometheus metrics.

``/healthz`` says the process serves HTTP, nothing more: restarting it would not help with
anything else. ``/readyz`` says whether requests sent here can be served, so a load balancer
sends them elsewhere when not: 503 while starting or draining, when the journal cannot make
records durable (see ``bastion.journal.health``), or when no backend has a replica that may
take traffic (all unhealthy, not ready, or with an open circuit). The body names the reasons.
With ``server.ready_during_shared_outages``, the conditions every replica of the gateway shares
(no backend replica, the spool loader stuck on the database) leave it ready.
"""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.requests import Request
from starlette.responses import Response

from bastion.gateway import Gateway
from bastion.routing.replica import replica_available

NO_REPLICA = (
    "backends: no backend has an available replica (unhealthy, not ready or circuit open; "
    "GET /admin/status shows why)"
)


def health_endpoints(gateway: Gateway) -> dict[str, object]:
    async def healthz(request: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type="application/json")

    async def readyz(request: Request) -> Response:
        code, body = readiness(gateway)
        return Response(orjson.dumps(body), code, media_type="application/json")

    async def metrics(request: Request) -> Response:
        return Response(generate_latest(gateway.metrics.exposition), media_type=CONTENT_TYPE_LATEST)

    return {"/healthz": healthz, "/readyz": readyz, "/metrics": metrics}


def readiness(gateway: Gateway) -> tuple[int, dict[str, Any]]:
    """The status code and body of ``/readyz``."""
    now = asyncio.get_running_loop().time()
    backends = []
    available = 0
    for info in gateway.report.backends:
        pool = gateway.pools.get(info.name)
        replicas = pool.replicas if pool is not None else []
        usable = sum(1 for replica in replicas if replica_available(replica, now))
        available += usable
        backends.append(
            {
                "name": info.name,
                "location": info.location,
                "simulated": info.simulated,
                "replicas": len(replicas),
                "available_replicas": usable,
            }
        )
    reasons: list[str] = []
    if gateway.draining:
        status = "draining"
        reasons.append("shutting down: draining in-flight requests")
    elif not gateway.ready:
        status = "starting"
        reasons.append("starting up")
    else:
        # An outage every replica shares (the backends, the database behind the loader) may be
        # left to be answered in the client's protocol (server.ready_during_shared_outages).
        shared = not gateway.config.server.ready_during_shared_outages
        if gateway.journal_health is not None:
            reasons += gateway.journal_health.problems(shared=shared)
        if not available and shared:
            reasons.append(NO_REPLICA)
        node = gateway.node
        if node is not None and not node.all_workers_ready:
            reasons.append(
                f"workers: {node.workers_ready} of {node.workers_expected} are serving "
                "(the supervisor is starting or restarting the others)"
            )
        status = "not_ready" if reasons else "ready"
    body: dict[str, Any] = {"status": status, "reasons": reasons, "backends": backends}
    if gateway.node is not None:
        body["workers"] = {
            "serving": gateway.node.workers_ready,
            "expected": gateway.node.workers_expected,
            "this": gateway.node.index,
        }
    return (503 if reasons else 200), body
