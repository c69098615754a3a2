"""Admin HTTP API for tenants and keys, mounted by the app under ``/admin``.

Every route requires an admin principal. Errors use the OpenAI error shape. Key hashes are
never returned, and a key's plaintext only in the response that created it.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import orjson
from pydantic import AwareDatetime, Field, model_validator
from sqlalchemy.exc import DBAPIError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bastion.api.admin_requests import (
    AdminBody,
    AdminError,
    json_response,
    parse_body,
)
from bastion.auth import KeyAuthenticator, Principal, presented_key
from bastion.config import BastionConfig
from bastion.economics.window import Window, WindowError
from bastion.events import MAX_LIST_LIMIT, EventLog
from bastion.ledger.query import usage_totals
from bastion.protocols.errors import error_body
from bastion.store.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    StoreUnavailableError,
)
from bastion.store.keys import MAX_KEY_LIFETIME_DAYS, expiry_after
from bastion.store.records import TenantRecord
from bastion.store.store import Store

if TYPE_CHECKING:
    from bastion.evaluation.service import EvalService

_DB_ERRORS = (DBAPIError, OSError, TimeoutError)
DEFAULT_KEY_NAME = "default"
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})

Handler = Callable[[Request, Principal], Awaitable[Response]]


# Rate limits as given; the store validates them (see bastion.store.limits) and names the field.
LimitsBody = dict[str, Any] | None


class CreateTenantBody(AdminBody):
    name: str
    limits: LimitsBody = None


class UpdateLimitsBody(AdminBody):
    """The body of a PATCH: ``limits`` replaces the stored limits as a whole; null clears them."""

    limits: LimitsBody


class CreateKeyBody(AdminBody):
    tenant: str | None = Field(None, description="Tenant id or name")
    tenant_id: str | None = None
    tenant_name: str | None = None
    name: str = DEFAULT_KEY_NAME
    scopes: list[str] = Field(default_factory=list)
    expires_at: AwareDatetime | None = None
    expires_in_days: float | None = Field(None, gt=0, le=MAX_KEY_LIFETIME_DAYS)
    limits: LimitsBody = None

    @model_validator(mode="after")
    def _one_tenant_one_expiry(self) -> CreateKeyBody:
        given = [v for v in (self.tenant, self.tenant_id, self.tenant_name) if v is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'tenant', 'tenant_id' or 'tenant_name'")
        if self.expires_at is not None and self.expires_in_days is not None:
            raise ValueError("give at most one of 'expires_at' and 'expires_in_days'")
        return self

    def tenant_ref(self) -> str:
        ref = self.tenant or self.tenant_id or self.tenant_name
        assert ref is not None
        return ref

    def expiry(self, now: datetime) -> datetime | None:
        if self.expires_in_days is not None:
            return expiry_after(self.expires_in_days, now)
        return self.expires_at


def admin_routes(
    store: Store,
    authenticator: KeyAuthenticator,
    config: BastionConfig | None = None,
    status: Callable[[], dict[str, Any]] | None = None,
    events: EventLog | None = None,
    *,
    evals: EvalService | None = None,
) -> list[BaseRoute]:
    api = _AdminApi(store, authenticator, config or BastionConfig())
    guard = api.guard
    routes: list[BaseRoute] = []
    if evals is not None:
        from bastion.api.admin_evals import eval_routes

        routes.extend(eval_routes(guard, evals, api.config.evaluation.datasets_dir))
    from bastion.api.admin_bench import bench_routes

    routes.extend(bench_routes(guard, store.bench))
    event_log = events if events is not None else EventLog(store.events)

    async def list_events(request: Request, principal: Principal) -> Response:
        return await _list_events(event_log, request)

    routes.append(Route("/events", guard(list_events), methods=["GET"]))
    if status is not None:

        async def routing_status(request: Request, principal: Principal) -> Response:
            return json_response(status())

        routes.append(Route("/status", guard(routing_status), methods=["GET"]))
    return [
        *routes,
        Route("/tenants", guard(api.list_tenants), methods=["GET"]),
        Route("/tenants", guard(api.create_tenant), methods=["POST"]),
        Route("/tenants/{tenant_id}", guard(api.get_tenant), methods=["GET"]),
        Route("/tenants/{tenant_id}", guard(api.update_tenant), methods=["PATCH"]),
        Route("/tenants/{tenant_id}", guard(api.delete_tenant), methods=["DELETE"]),
        Route("/keys", guard(api.list_keys), methods=["GET"]),
        Route("/keys", guard(api.create_key), methods=["POST"]),
        Route("/keys/{key_id}", guard(api.get_key), methods=["GET"]),
        Route("/keys/{key_id}", guard(api.update_key), methods=["PATCH"]),
        Route("/keys/{key_id}", guard(api.revoke_key), methods=["DELETE"]),
        Route("/keys/{key_id}/revoke", guard(api.revoke_key), methods=["POST"]),
        Route("/usage", guard(api.usage), methods=["GET"]),
        Route("/cost/report", guard(api.cost_report), methods=["GET"]),
    ]


DEFAULT_EVENTS_LIMIT = 100


async def _list_events(events: EventLog, request: Request) -> Response:
    """Recent admin events, newest first: ``?kind=``, ``?tenant=`` (name or id), ``?limit=``.

    Every gateway process's events from the database; this process's own if it has none or
    the database does not answer (``source`` says which).
    """
    query = request.query_params
    limit = DEFAULT_EVENTS_LIMIT
    if query.get("limit"):
        try:
            limit = int(query["limit"])
        except ValueError:
            limit = 0
        if not 1 <= limit <= MAX_LIST_LIMIT:
            raise AdminError(
                400,
                f"'limit' must be a whole number from 1 to {MAX_LIST_LIMIT}.",
                "invalid_request",
                param="limit",
            )
    found, source = await events.recent(
        kind=query.get("kind") or None, tenant=query.get("tenant") or None, limit=limit
    )
    return json_response(
        {"object": "list", "source": source, "data": [event.public_dict() for event in found]}
    )


def _error_response(error: AdminError) -> Response:
    error_type = "conflict_error" if error.status == 409 else None
    body = error_body(
        "openai",
        error.status,
        error.message,
        code=error.code,
        param=error.param,
        error_type=error_type,
    )
    return Response(
        orjson.dumps(body), error.status, headers=error.headers, media_type="application/json"
    )


def _store_error(exc: Exception) -> AdminError:
    if isinstance(exc, NotFoundError):
        return AdminError(404, str(exc), "not_found")
    if isinstance(exc, ConflictError):
        return AdminError(409, str(exc), "conflict")
    if isinstance(exc, InvalidInputError):
        return AdminError(400, str(exc), "invalid_request", exc.param)
    return AdminError(503, "The key database is unavailable; retry later.", "store_unavailable")


class _AdminApi:
    def __init__(
        self, store: Store, authenticator: KeyAuthenticator, config: BastionConfig
    ) -> None:
        self._store = store
        self._auth = authenticator
        self._config = config

    @property
    def config(self) -> BastionConfig:
        return self._config

    def guard(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                principal = await self._admin(request)
                return await handler(request, principal)
            except AdminError as error:
                return _error_response(error)
            except (NotFoundError, ConflictError, InvalidInputError, StoreUnavailableError) as exc:
                return _error_response(_store_error(exc))

        return endpoint

    async def _admin(self, request: Request) -> Principal:
        key = presented_key(request.headers)
        challenge = {"WWW-Authenticate": 'Bearer realm="bastion-admin"'}
        if key is None:
            raise AdminError(
                401,
                "Missing API key: send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.",
                "invalid_api_key",
                headers=challenge,
            )
        principal = await self._auth.authenticate(key)
        if principal is None:
            raise AdminError(
                401, "Invalid, expired or revoked API key.", "invalid_api_key", headers=challenge
            )
        if not principal.is_admin:
            raise AdminError(403, "This API key is not an admin key.", "admin_required")
        return principal

    # Tenants

    async def list_tenants(self, request: Request, _principal: Principal) -> Response:
        tenants = await self._store.tenants.list()
        return json_response({"object": "list", "data": [t.public_dict() for t in tenants]})

    async def create_tenant(self, request: Request, _principal: Principal) -> Response:
        body = await parse_body(request, CreateTenantBody)
        tenant = await self._store.tenants.create(body.name, limits=body.limits)
        return json_response(tenant.public_dict(), 201)

    async def get_tenant(self, request: Request, _principal: Principal) -> Response:
        return json_response((await self._tenant(request.path_params["tenant_id"])).public_dict())

    async def update_tenant(self, request: Request, _principal: Principal) -> Response:
        tenant = await self._tenant(request.path_params["tenant_id"])
        body = await parse_body(request, UpdateLimitsBody)
        updated = await self._store.tenants.set_limits(tenant.id, body.limits)
        self._auth.invalidate(tenant_id=updated.id)
        return json_response(updated.public_dict())

    async def delete_tenant(self, request: Request, principal: Principal) -> Response:
        tenant = await self._tenant(request.path_params["tenant_id"])
        if tenant.id == principal.tenant_id:
            raise AdminError(
                409, "Refusing to delete the tenant of the key making this request.", "conflict"
            )
        deleted_keys = await self._store.tenants.delete(tenant.id)
        self._auth.invalidate(tenant_id=tenant.id)
        return json_response(
            {"id": tenant.id, "object": "tenant", "deleted": True, "deleted_keys": deleted_keys}
        )

    # Keys

    async def list_keys(self, request: Request, _principal: Principal) -> Response:
        params = request.query_params
        tenant_id = None
        if params.get("tenant_id"):
            tenant_id = (await self._tenant(params["tenant_id"], param="tenant_id")).id
        include_revoked = _flag(params.get("include_revoked", ""), "include_revoked")
        keys = await self._store.keys.list(tenant_id, include_revoked=include_revoked)
        now = datetime.now(UTC)
        return json_response({"object": "list", "data": [k.public_dict(now) for k in keys]})

    async def create_key(self, request: Request, _principal: Principal) -> Response:
        body = await parse_body(request, CreateKeyBody)
        tenant = await self._tenant(body.tenant_ref(), param="tenant")
        now = datetime.now(UTC)
        expires_at = body.expiry(now)
        if expires_at is not None and expires_at <= now:
            raise AdminError(
                400, "expires_at must be in the future.", "invalid_request", "expires_at"
            )
        if expires_at is not None and expires_at > now + timedelta(days=MAX_KEY_LIFETIME_DAYS):
            raise AdminError(
                400,
                f"expires_at must be at most {MAX_KEY_LIFETIME_DAYS} days ahead (leave it out "
                "for a key that never expires).",
                "invalid_request",
                "expires_at",
            )
        plaintext, record = await self._store.keys.create(
            tenant.id, body.name, scopes=body.scopes, expires_at=expires_at, limits=body.limits
        )
        return json_response({**record.public_dict(now), "key": plaintext}, 201)

    async def get_key(self, request: Request, _principal: Principal) -> Response:
        key_id = request.path_params["key_id"]
        record = await self._store.keys.get(key_id)
        if record is None:
            raise AdminError(404, f"No key with id {key_id!r}.", "not_found")
        return json_response(record.public_dict())

    async def update_key(self, request: Request, _principal: Principal) -> Response:
        key_id = request.path_params["key_id"]
        if await self._store.keys.get(key_id) is None:
            raise AdminError(404, f"No key with id {key_id!r}.", "not_found")
        body = await parse_body(request, UpdateLimitsBody)
        record = await self._store.keys.set_limits(key_id, body.limits)
        self._auth.invalidate(key_id=record.id)
        return json_response(record.public_dict())

    async def revoke_key(self, request: Request, _principal: Principal) -> Response:
        record = await self._store.keys.revoke(request.path_params["key_id"])
        self._auth.invalidate(key_id=record.id)
        return json_response(record.public_dict())

    # Usage

    async def usage(self, request: Request, _principal: Principal) -> Response:
        """Ledger totals over the whole UTC hours the cost report would sum for the same
        ``since``/``until`` (default: the last 24 h and the current hour), grouped as asked;
        ``since`` and ``until`` echo those hours, not the bounds asked for."""
        query = request.query_params
        window = _usage_window(query.get("since"), query.get("until"))
        group_by = [g.strip() for g in query.get("group_by", "tenant_id").split(",") if g.strip()]
        tenant_id = None
        if query.get("tenant"):
            tenant_id = (await self._tenant(query["tenant"], "tenant")).id
        try:
            rows = await usage_totals(
                self._store.engines.read,
                since=window.start,
                until=window.end,
                group_by=group_by,
                tenant_id=tenant_id,
            )
        except ValueError as exc:
            raise AdminError(400, str(exc), "invalid_request", param="group_by") from None
        except _DB_ERRORS as exc:
            raise _store_error(StoreUnavailableError(str(exc))) from None
        partial = window.partial_hour
        return json_response(
            {
                "object": "usage",
                "since": window.start.isoformat(),
                "until": window.end.isoformat(),
                # The current hour, when the window runs to now: summed as far as it has gone.
                "partial_hour_start": None if partial is None else partial.isoformat(),
                "granularity": "hour",
                "group_by": group_by,
                "data": rows,
            }
        )

    async def cost_report(self, request: Request, _principal: Principal) -> Response:
        """Self-hosting cost against API prices, from the ledger (see docs/economics.md)."""
        from bastion.economics.overrides import PriceOverrideError
        from bastion.economics.service import cost_report_json

        query = request.query_params
        days = None
        if query.get("days"):
            try:
                days = float(query["days"])
            except ValueError:
                raise AdminError(
                    400, "'days' must be a number.", "invalid_request", param="days"
                ) from None
            if not 0 < days < math.inf:  # also refuses NaN
                raise AdminError(
                    400, "'days' must be a positive number.", "invalid_request", param="days"
                )
        try:
            report = await cost_report_json(
                self._store.engines.read,
                self._config,
                since=_instant(query.get("since"), "since"),
                until=_instant(query.get("until"), "until"),
                days=days,
            )
        except PriceOverrideError as exc:
            raise AdminError(500, f"Price override file: {exc}", "configuration_error") from None
        except ValueError as exc:
            raise AdminError(400, str(exc), "invalid_request") from None
        except _DB_ERRORS as exc:
            raise _store_error(StoreUnavailableError(str(exc))) from None
        return json_response(report)

    async def _tenant(self, ref: str, param: str | None = None) -> TenantRecord:
        tenant = await self._store.tenants.resolve(ref)
        if tenant is None:
            raise AdminError(404, f"No tenant with id or name {ref!r}.", "not_found", param)
        return tenant


# The window /admin/usage sums when no ``since`` is given.
USAGE_DAYS = 1.0


def _usage_window(since_text: str | None, until_text: str | None) -> Window:
    """The hours /admin/usage sums: those the cost report sums for the same bounds (``since``
    down and ``until`` up to a whole UTC hour, never past now), so both agree and the echoed
    bounds are the hours summed. The rollup has no finer grain: an hour is summed whole."""
    since = _instant(since_text, "since")
    until = _instant(until_text, "until")
    try:
        return Window.requested(since=since, until=until, days=USAGE_DAYS, now=datetime.now(UTC))
    except WindowError as exc:  # inverted, in the future, or past the calendar's ends
        param = "since" if until is None else "until"
        raise AdminError(400, f"No hours to sum: {exc}.", "invalid_request", param=param) from None


def _instant(value: str | None, param: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise AdminError(
            400, f"'{param}' must be an ISO 8601 date or time.", "invalid_request", param=param
        ) from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        raise AdminError(400, f"'{param}' is out of range.", "invalid_request", param) from None


def _flag(value: str, param: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise AdminError(400, f"{param} must be true or false.", "invalid_request", param)
