"""``GET`` and ``DELETE /v1/responses/{id}`` and ``GET /v1/responses/{id}/input_items``: the
Responses API answers a tenant let the gateway keep. Another tenant's id is a 404, exactly as
an unknown one."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from bastion.auth import KeyAuthenticator, Principal, presented_key
from bastion.pipeline.stages.authenticate import ANONYMOUS
from bastion.protocols.errors import error_body
from bastion.protocols.responses.items import listed_input_item
from bastion.store.errors import StoreUnavailableError
from bastion.store.responses import ResponseRepository

_DEFAULT_LIMIT, _MAX_LIMIT = 20, 100


class StoredResponsesEndpoint:
    def __init__(
        self, authenticator: KeyAuthenticator | None, responses: ResponseRepository | None
    ) -> None:
        self._authenticator = authenticator
        self._responses = responses

    async def _principal(self, request: Request) -> Principal | Response:
        if self._authenticator is None:
            return ANONYMOUS
        key = presented_key(request.headers)
        try:
            principal = await self._authenticator.authenticate(key) if key else None
        except StoreUnavailableError:
            return _error(503, "Key store unavailable; try again.", "store_unavailable")
        if principal is None:
            return _error(401, "Missing or invalid API key.", "invalid_api_key")
        return principal

    async def _found(self, request: Request) -> tuple[Principal, dict[str, Any], Any] | Response:
        principal = await self._principal(request)
        if isinstance(principal, Response):
            return principal
        return await self._lookup(request, principal)

    async def _lookup(
        self, request: Request, principal: Principal
    ) -> tuple[Principal, dict[str, Any], Any] | Response:
        response_id = request.path_params["response_id"]
        if self._responses is None:
            return _not_found(response_id)
        try:
            stored = await self._responses.get(
                principal.tenant_id, response_id, now=datetime.now(UTC)
            )
        except StoreUnavailableError:
            return _error(503, "Stored responses cannot be read right now.", "store_unavailable")
        if stored is None:
            return _not_found(response_id)
        return principal, stored.response, stored

    async def get(self, request: Request) -> Response:
        found = await self._found(request)
        if isinstance(found, Response):
            return found
        return _json(found[1])

    async def input_items(self, request: Request) -> Response:
        principal = await self._principal(request)
        if isinstance(principal, Response):
            return principal
        query = _page_query(request)
        if isinstance(query, Response):
            return query
        limit, ascending = query
        found = await self._lookup(request, principal)
        if isinstance(found, Response):
            return found
        stored = found[2]
        items = [
            listed_input_item(stored.id, index, item)
            for index, item in enumerate(stored.input_items)
        ]
        # Newest first by default, as the API lists them; `after` is an item id.
        if not ascending:
            items.reverse()
        after = request.query_params.get("after")
        if after:
            ids = [item["id"] for item in items]
            items = items[ids.index(after) + 1 :] if after in ids else []
        page = items[:limit]
        return _json(
            {
                "object": "list",
                "data": page,
                "first_id": page[0]["id"] if page else None,
                "last_id": page[-1]["id"] if page else None,
                "has_more": len(items) > limit,
            }
        )

    async def delete(self, request: Request) -> Response:
        principal = await self._principal(request)
        if isinstance(principal, Response):
            return principal
        response_id = request.path_params["response_id"]
        if self._responses is None:
            return _not_found(response_id)
        try:
            deleted = await self._responses.delete(principal.tenant_id, response_id)
        except StoreUnavailableError:
            return _error(503, "Stored responses cannot be changed right now.", "store_unavailable")
        if not deleted:
            return _not_found(response_id)
        return _json({"id": response_id, "object": "response.deleted", "deleted": True})


def _json(payload: dict[str, Any]) -> Response:
    return Response(orjson.dumps(payload), 200, media_type="application/json")


def _not_found(response_id: str) -> Response:
    return _error(404, f"Response with id '{response_id}' not found.", "not_found")


def _error(status: int, message: str, code: str, param: str | None = None) -> Response:
    body = error_body("openai", status, message, code=code, param=param)
    return Response(orjson.dumps(body), status, media_type="application/json")


def _page_query(request: Request) -> tuple[int, bool] | Response:
    """``limit`` and whether ``order`` is ascending, or the 400 for a value the API refuses
    (a page size outside 1..100 is an error there, not quietly clamped)."""
    params = request.query_params
    raw_limit = params.get("limit", str(_DEFAULT_LIMIT))
    try:
        limit = int(raw_limit)
    except ValueError:
        limit = 0
    if not 1 <= limit <= _MAX_LIMIT:
        message = f"Invalid 'limit': {raw_limit!r}. Expected an integer from 1 to {_MAX_LIMIT}."
        return _error(400, message, "invalid_value", "limit")
    order = params.get("order", "desc")
    if order not in ("asc", "desc"):
        message = f"Invalid 'order': {order!r}. Expected 'asc' or 'desc'."
        return _error(400, message, "invalid_value", "order")
    return limit, order == "asc"
