"""``/admin/bench``: stored benchmark runs (``bastion bench run --store``) and the capacities
recorded from them, read through the admin API.

- ``GET /admin/bench`` lists recent runs, summaries only (``?limit=``, 1 to 200, default 20);
- ``GET /admin/bench/capacity`` lists recorded capacities, newest first (``?backend=``);
- ``GET /admin/bench/{id}`` is one run's document; ``?requests=true`` adds every request's
  timings.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bastion.api.admin_requests import AdminError, json_response
from bastion.auth import Principal
from bastion.store.bench import BenchRepository

Handler = Callable[[Request, Principal], Awaitable[Response]]
Guard = Callable[[Handler], Callable[[Request], Awaitable[Response]]]
MAX_LIST = 200
DEFAULT_LIST = 20


def bench_routes(guard: Guard, runs: BenchRepository) -> list[BaseRoute]:
    async def list_runs(request: Request, _principal: Principal) -> Response:
        limit = _limit(request.query_params.get("limit"))
        found = await runs.recent(limit)
        return json_response({"object": "list", "data": found})

    async def list_capacity(request: Request, _principal: Principal) -> Response:
        backend = request.query_params.get("backend") or None
        found = await runs.capacities(backend)
        return json_response({"object": "list", "data": [c.public_dict() for c in found]})

    async def get_run(request: Request, _principal: Principal) -> Response:
        run_id = request.path_params["run_id"]
        flag = (request.query_params.get("requests") or "false").lower()
        if flag not in ("true", "false", "1", "0"):
            raise AdminError(
                400, "'requests' must be true or false.", "invalid_request", param="requests"
            )
        document = await runs.get(run_id, requests=flag in ("true", "1"))
        if document is None:
            raise AdminError(404, f"No benchmark run with id {run_id!r}.", "not_found")
        return json_response(document)

    return [
        Route("/bench", guard(list_runs), methods=["GET"]),
        Route("/bench/capacity", guard(list_capacity), methods=["GET"]),
        Route("/bench/{run_id}", guard(get_run), methods=["GET"]),
    ]


def _limit(raw: str | None) -> int:
    if not raw:
        return DEFAULT_LIST
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_LIST:
        raise AdminError(
            400,
            f"'limit' must be a whole number from 1 to {MAX_LIST}.",
            "invalid_request",
            param="limit",
        )
    return value
