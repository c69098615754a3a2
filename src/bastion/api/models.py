"""``GET /v1/models`` and ``GET /v1/models/{id}`` in OpenAI's shape, or Anthropic's when the
client sends its version header."""

from __future__ import annotations

import time

import orjson
from starlette.requests import Request
from starlette.responses import Response

from bastion.auth import KeyAuthenticator, presented_key
from bastion.protocols.errors import error_body, quoted_name
from bastion.protocols.operations import WireProtocol
from bastion.routing.catalog import ListedModel, ModelCatalog
from bastion.routing.endpoints import EndpointRegistry
from bastion.store.errors import StoreUnavailableError

SIMULATOR_OWNER = "bastion-simulator"
# Anthropic's Models API pages 20 models at a time unless asked for 1 to 1000.
_ANTHROPIC_DEFAULT_LIMIT, _ANTHROPIC_MAX_LIMIT = 20, 1000


class ModelsEndpoint:
    def __init__(
        self,
        catalog: ModelCatalog,
        authenticator: KeyAuthenticator | None,
        endpoints: EndpointRegistry | None = None,
        locations: dict[str, str] | None = None,
        simulators: frozenset[str] = frozenset(),
    ) -> None:
        self._catalog = catalog
        self._authenticator = authenticator
        self._created = int(time.time())
        # Endpoint versions come first: they are what clients are meant to call.
        self._endpoints: list[tuple[ListedModel, dict[str, object]]] = []
        for version in endpoints.versions if endpoints is not None else []:
            spec = version.spec
            location = (locations or {}).get(spec.backend, "local")
            names = [version.name]
            if endpoints is not None and endpoints.defaults[version.endpoint] is version:
                names.insert(0, version.endpoint)
            for name in names:
                simulated = spec.backend in simulators
                listed = ListedModel(name, spec.backend, location, spec.model, simulated=simulated)
                self._endpoints.append((listed, {"version": version.version, **version.listing()}))

    async def _refused(self, request: Request, protocol: WireProtocol) -> Response | None:
        """The error answer when the request may not list models, else None."""
        if self._authenticator is None:
            return None
        key = presented_key(request.headers)
        try:
            principal = await self._authenticator.authenticate(key) if key else None
        except StoreUnavailableError:
            return _error(protocol, 503, "Key store unavailable; try again.")
        if principal is None:
            return _error(protocol, 401, "Missing or invalid API key.", code="invalid_api_key")
        return None

    def _models(self) -> tuple[list[ListedModel], dict[str, dict[str, object]]]:
        models = [listed for listed, _ in self._endpoints] + self._catalog.listing()
        return models, {listed.id: extra for listed, extra in self._endpoints}

    async def handle(self, request: Request) -> Response:
        anthropic = "anthropic-version" in request.headers
        protocol: WireProtocol = "anthropic" if anthropic else "openai"
        refused = await self._refused(request, protocol)
        if refused is not None:
            return refused
        models, lifecycle = self._models()
        if anthropic:
            page = _anthropic_page(request, [m.id for m in models])
            if isinstance(page, Response):
                return page
            start, stop, has_more = page
            data = [self._anthropic(m) for m in models[start:stop]]
            payload: dict[str, object] = {
                "data": data,
                "has_more": has_more,
                "first_id": data[0]["id"] if data else None,
                "last_id": data[-1]["id"] if data else None,
            }
        else:
            payload = {
                "object": "list",
                "data": [self._openai(m, lifecycle.get(m.id, {})) for m in models],
            }
        return Response(orjson.dumps(payload), media_type="application/json")

    async def handle_one(self, request: Request) -> Response:
        """``GET /v1/models/{id}``: one model, in the shape the models list uses."""
        anthropic = "anthropic-version" in request.headers
        protocol: WireProtocol = "anthropic" if anthropic else "openai"
        refused = await self._refused(request, protocol)
        if refused is not None:
            return refused
        model_id = request.path_params["model_id"]
        models, lifecycle = self._models()
        found = next((m for m in models if m.id == model_id), None)
        if found is None:
            # Names a wildcard backend passes on resolve without being listed.
            deployment = self._catalog.resolve(model_id)
            if deployment is not None:
                backend = deployment.backend
                found = ListedModel(
                    model_id,
                    backend.name,
                    backend.location,
                    deployment.upstream_model,
                    simulated=backend.config.kind == "simulator",
                )
        if found is None:
            message = (
                f"The model '{quoted_name(model_id)}' does not exist or you do not have access "
                "to it."
            )
            return _error(protocol, 404, message, code="model_not_found")
        if anthropic:
            payload = self._anthropic(found)
        else:
            payload = self._openai(found, lifecycle.get(found.id, {}))
        return Response(orjson.dumps(payload), media_type="application/json")

    def _anthropic(self, m: ListedModel) -> dict[str, object]:
        return {
            "type": "model",
            "id": m.id,
            "display_name": m.id + (" (simulated)" if m.simulated else ""),
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self._created)),
        }

    def _openai(self, m: ListedModel, extra: dict[str, object]) -> dict[str, object]:
        return {
            "id": m.id,
            "object": "model",
            "created": self._created,
            "owned_by": SIMULATOR_OWNER if m.simulated else m.backend,
            "backend": m.backend,
            "location": m.location,
            "simulated": m.simulated,
            **extra,
        }


def _error(protocol: WireProtocol, status: int, message: str, code: str | None = None) -> Response:
    body = error_body(protocol, status, message, code=code)
    return Response(orjson.dumps(body), status, media_type="application/json")


def _anthropic_page(request: Request, ids: list[str]) -> tuple[int, int, bool] | Response:
    """The slice of ``ids`` Anthropic's paging parameters ask for, and whether more lie in
    that direction (``has_more``), or the 400 for parameters Anthropic refuses. ``after_id``
    pages forward from a model, ``before_id`` back from one; an id no longer listed gives an
    empty page rather than the first one again, so a client paging by hand never loops."""
    params = request.query_params
    limit = _anthropic_limit(params.get("limit"))
    if isinstance(limit, Response):
        return limit
    after, before = params.get("after_id"), params.get("before_id")
    if after is not None and before is not None:
        return _error("anthropic", 400, "after_id and before_id cannot be given together.")
    if before is not None:
        stop = ids.index(before) if before in ids else 0
        start = max(0, stop - limit)
        return start, stop, start > 0
    start = _after(ids, after)
    stop = min(len(ids), start + limit)
    return start, stop, stop < len(ids)


def _after(ids: list[str], after: str | None) -> int:
    """Where a page after ``after`` starts (past the end for an id no longer listed)."""
    if after is None:
        return 0
    return ids.index(after) + 1 if after in ids else len(ids)


def _anthropic_limit(raw: str | None) -> int | Response:
    if raw is None:
        return _ANTHROPIC_DEFAULT_LIMIT
    try:
        limit = int(raw)
    except ValueError:
        limit = 0  # refused below, as out of range
    if not 1 <= limit <= _ANTHROPIC_MAX_LIMIT:
        message = f"limit: must be an integer from 1 to {_ANTHROPIC_MAX_LIMIT} (got {raw!r})."
        return _error("anthropic", 400, message)
    return limit
