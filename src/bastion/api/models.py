"""``GET /v1/models`` in OpenAI's shape, or Anthropic's when the client sends its version header."""

from __future__ import annotations

import time

import orjson
from starlette.requests import Request
from starlette.responses import Response

from bastion.auth import KeyAuthenticator, presented_key
from bastion.protocols.errors import error_body
from bastion.protocols.operations import WireProtocol
from bastion.routing.catalog import ModelCatalog
from bastion.store import StoreUnavailableError

SIMULATOR_OWNER = "bastion-simulator"


class ModelsEndpoint:
    def __init__(self, catalog: ModelCatalog, authenticator: KeyAuthenticator | None) -> None:
        self._catalog = catalog
        self._authenticator = authenticator
        self._created = int(time.time())

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
        models = self._catalog.listing()
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
                    }
                    for m in models
                ],
            }
        return Response(orjson.dumps(payload), media_type="application/json")
