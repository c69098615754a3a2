"""``GET /v1/models`` in OpenAI's shape, or Anthropic's when the client sends its version header."""

from __future__ import annotations

import time

import orjson
from starlette.requests import Request
from starlette.responses import Response

from bastion.auth import KeyAuthenticator, presented_key
from bastion.protocols.errors import error_body
from bastion.protocols.operations import WireProtocol
from bastion.routing.catalog import ListedModel, ModelCatalog
from bastion.routing.endpoints import EndpointRegistry
from bastion.store import StoreUnavailableError

SIMULATOR_OWNER = "bastion-simulator"


class ModelsEndpoint:
    def __init__(
        self,
        catalog: ModelCatalog,
        authenticator: KeyAuthenticator | None,
        endpoints: EndpointRegistry | None = None,
        locations: dict[str, str] | None = None,
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
                listed = ListedModel(name, spec.backend, location, spec.model, simulated=False)
                self._endpoints.append((listed, {"version": version.version, **version.listing()}))

    async def handle(self, request: Request) -> Response:
        anthropic = "anthropic-version" in request.headers
        protocol: WireProtocol = "anthropic" if anthropic else "openai"
        if self._authenticator is not None:
            key = presented_key(request.headers)
            try:
                principal = await self._authenticator.authenticate(key) if key else None
            except StoreUnavailableError:
                body = error_body(protocol, 503, "Key store unavailable; try again.")
                return Response(orjson.dumps(body), 503, media_type="application/json")
            if principal is None:
                body = error_body(
                    protocol, 401, "Missing or invalid API key.", code="invalid_api_key"
                )
                return Response(orjson.dumps(body), 401, media_type="application/json")
        models = [listed for listed, _ in self._endpoints] + self._catalog.listing()
        lifecycle = {listed.id: extra for listed, extra in self._endpoints}
        if anthropic:
            data = [
                {
                    "type": "model",
                    "id": m.id,
                    "display_name": m.id + (" (simulated)" if m.simulated else ""),
                    "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self._created)),
                }
                for m in models
            ]
            payload = {
                "data": data,
                "has_more": False,
                "first_id": data[0]["id"] if data else None,
                "last_id": data[-1]["id"] if data else None,
            }
        else:
            payload = {
                "object": "list",
                "data": [
                    {
                        "id": m.id,
                        "object": "model",
                        "created": self._created,
                        "owned_by": SIMULATOR_OWNER if m.simulated else m.backend,
                        "backend": m.backend,
                        "location": m.location,
                        "simulated": m.simulated,
                        **lifecycle.get(m.id, {}),
                    }
                    for m in models
                ],
            }
        return Response(orjson.dumps(payload), media_type="application/json")
