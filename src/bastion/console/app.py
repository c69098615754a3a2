"""The console's routes, mounted by the gateway's app under ``/console``."""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime
from importlib import resources
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from bastion.audit.chain import Signer
from bastion.audit.export import export_lines
from bastion.audit.listing import recent_records, record_by_id
from bastion.auth import KeyAuthenticator
from bastion.console.audit import ChainVerifier
from bastion.console.daycache import DayCache
from bastion.console.forms import Form, FormError, read_form
from bastion.console.guard import Guard, redirect, same_origin
from bastion.console.history import daily_history, top_tenants
from bastion.console.live import last_hour_minutes, live_hour
from bastion.console.render import SECURITY_HEADERS, Pages
from bastion.console.session import (
    LOGIN_COOKIE,
    PATH,
    Sessions,
    Viewer,
    clear_session_cookie,
    same_token,
    set_session_cookie,
)
from bastion.console.tenants import (
    LIMIT_FIELDS,
    current_use,
    key_limits,
    limit_rows,
    limits_from_form,
    tenant_use,
)
from bastion.store.errors import NotFoundError
from bastion.store.keys import expiry_after
from bastion.store.records import TenantRecord
from bastion.store.store import Store
from bastion.telemetry.recent import Minute

if TYPE_CHECKING:
    from bastion.console.money import SpendLine
    from bastion.economics.report import Report
    from bastion.gateway import Gateway

log = logging.getLogger(__name__)

PAGE_SIZE = 50
# How long the overview waits for the node's last hour before it shows this worker's own.
NODE_READ_SECONDS = 1.0
# Windows the money page offers, in days.
WINDOWS = (1, 7, 30)
# The longest key the sign-in form takes (the authenticator refuses longer ones unhashed).
_MAX_KEY_CHARS = 512
# The overview reloads itself this often once the operator asks for it (?refresh=1).
_LIVE_REFRESH_SECONDS = 30


def console_routes(gateway: Gateway) -> list[BaseRoute]:
    """The console's routes, or none without a key store (there is nobody to sign in)."""
    if not gateway.config.console.enabled or gateway.store is None:
        return []
    if gateway.authenticator is None:
        return []
    console = Console(gateway, gateway.store, gateway.authenticator)
    gateway.on_stop("console", console.close)
    return console.routes()


class Console:
    def __init__(self, gateway: Gateway, store: Store, authenticator: KeyAuthenticator) -> None:
        self._gateway = gateway
        self._store = store
        self._auth = authenticator
        self._engine = store.engines.read
        self._pages = Pages()
        self._sessions = Sessions(
            store.console_sessions,
            authenticator,
            gateway.config.console,
            env_admin_key=gateway.admin_key,
        )
        self._guard = Guard(self._sessions, self._pages)
        self._verifier = ChainVerifier(self._engine, _signer(gateway))
        self._days = DayCache()
        self._reports = DayCache(ttl=60)
        css = resources.files("bastion.console") / "static" / "console.css"
        self._css = css.read_bytes()

    async def close(self) -> None:
        await self._verifier.close()
        await self._days.close()
        await self._reports.close()

    def routes(self) -> list[BaseRoute]:
        page, action = self._guard.page, self._guard.action
        return [
            Route(f"{PATH}/static/console.css", self.css, methods=["GET"]),
            Route(f"{PATH}/login", self.login_page, methods=["GET"]),
            Route(f"{PATH}/login", self.login, methods=["POST"]),
            Route(f"{PATH}/logout", action(self.logout, admin=False), methods=["POST"]),
            Route(PATH, page(self.home, admin=False), methods=["GET"]),
            Route(f"{PATH}/", page(self.home, admin=False), methods=["GET"]),
            Route(f"{PATH}/my", page(self.my_tenant, admin=False), methods=["GET"]),
            Route(f"{PATH}/backends", page(self.backends), methods=["GET"]),
            Route(f"{PATH}/tenants", page(self.tenants), methods=["GET"]),
            Route(f"{PATH}/tenants", action(self.create_tenant), methods=["POST"]),
            Route(f"{PATH}/tenants/{{tenant_id}}", page(self.tenant), methods=["GET"]),
            Route(
                f"{PATH}/tenants/{{tenant_id}}/limits", action(self.set_limits), methods=["POST"]
            ),
            Route(f"{PATH}/tenants/{{tenant_id}}/keys", action(self.create_key), methods=["POST"]),
            Route(f"{PATH}/keys/{{key_id}}/revoke", page(self.confirm_revoke), methods=["GET"]),
            Route(f"{PATH}/keys/{{key_id}}/revoke", action(self.revoke_key), methods=["POST"]),
            Route(f"{PATH}/money", page(self.money), methods=["GET"]),
            Route(f"{PATH}/money/chargeback.csv", page(self.chargeback), methods=["GET"]),
            Route(f"{PATH}/audit", page(self.audit), methods=["GET"]),
            Route(f"{PATH}/audit/records/{{record_id:int}}", page(self.record), methods=["GET"]),
            Route(f"{PATH}/audit/verify", action(self.verify), methods=["POST"]),
            Route(f"{PATH}/audit/export.jsonl", page(self.export), methods=["GET"]),
        ]

    # Sign-in and sign-out

    async def css(self, request: Request) -> Response:
        return Response(self._css, media_type="text/css", headers={"Cache-Control": "max-age=300"})

    async def login_page(self, request: Request) -> Response:
        expired = request.query_params.get("expired") == "1"
        message = "Your session has ended; sign in again." if expired else None
        return self._login_form(request, message, 200)

    def _login_form(self, request: Request, message: str | None, status: int) -> Response:
        nonce = secrets.token_urlsafe(24)
        response = self._pages.render(
            "login.html", None, status=status, message=message, nonce=nonce
        )
        response.set_cookie(
            LOGIN_COOKIE,
            nonce,
            max_age=3600,
            path=PATH,
            secure=self._sessions.secure(request),
            httponly=True,
            samesite="strict",
        )
        return response

    async def login(self, request: Request) -> Response:
        try:
            if not same_origin(request):
                return self._pages.error(None, 403, "This form came from another site.")
            form = await read_form(request)
            expected = request.cookies.get(LOGIN_COOKIE)
            if not expected or not same_token(form.get("nonce"), expected):
                return self._pages.error(
                    None,
                    403,
                    "The sign-in form's security token is missing or wrong; reload "
                    "the sign-in page and try again.",
                )
            key = form.get("key") or ""
            if not key.strip() or len(key) > _MAX_KEY_CHARS or "\x00" in key:
                return self._login_form(request, "Enter an API key.", 400)
            signed = await self._sessions.sign_in(key.strip())
        except FormError as exc:
            return self._pages.error(None, exc.status, exc.message)
        if signed is None:
            return self._login_form(request, "Invalid, expired or revoked API key.", 401)
        token, viewer = signed
        response = redirect(f"{PATH}/" if viewer.is_admin else f"{PATH}/my")
        secure = self._sessions.secure(request)
        set_session_cookie(response, token, viewer.expires_at, secure=secure)
        response.delete_cookie(LOGIN_COOKIE, path=PATH, secure=secure, httponly=True)
        return response

    async def logout(self, request: Request, viewer: Viewer, form: Form) -> Response:
        await self._sessions.sign_out(viewer)
        response = redirect(f"{PATH}/login")
        clear_session_cookie(response, secure=self._sessions.secure(request))
        return response

    # Overview

    async def home(self, request: Request, viewer: Viewer) -> Response:
        if not viewer.is_admin:
            return redirect(f"{PATH}/my")
        now = datetime.now(UTC)
        names = await self._tenant_names()
        events, _ = await self._gateway.events.recent(kind="usage_anomaly", limit=10)
        minutes, counted_by = await self._last_hour()
        # Live without a script: a reload the operator asks for (and can stop), never by default.
        refresh = _LIVE_REFRESH_SECONDS if request.query_params.get("refresh") else None
        return self._pages.render(
            "overview.html",
            viewer,
            active="overview",
            refresh=refresh,
            live_refresh=_LIVE_REFRESH_SECONDS,
            live=live_hour(minutes),
            counted_by=counted_by,
            history=await daily_history(self._engine, self._days, now),
            top=await top_tenants(self._engine, now, names),
            anomalies=events,
            workers=self._gateway.role.workers if self._gateway.role is not None else 1,
        )

    async def _last_hour(self) -> tuple[list[Minute], str]:
        gateway = self._gateway
        return await last_hour_minutes(
            gateway.recent, gateway.node, gateway.recent_relay, NODE_READ_SECONDS
        )

    # Backends

    async def backends(self, request: Request, viewer: Viewer) -> Response:
        status: dict[str, Any] = self._gateway.routing_status()
        for backend in status["backends"]:
            for replica in backend["replicas"]:
                failures = replica["recent_failures"]
                replica["watchdog_trips"] = sum("(watchdog)" in f["reason"] for f in failures)
        return self._pages.render("backends.html", viewer, active="backends", routing=status)

    # Tenants and keys

    async def tenants(self, request: Request, viewer: Viewer) -> Response:
        now = datetime.now(UTC)
        tenants = await self._store.tenants.list()
        keys = await self._store.keys.list()
        use = await tenant_use(self._engine, self._days, now)
        counts: dict[str, int] = {}
        for key in keys:
            counts[key.tenant_id] = counts.get(key.tenant_id, 0) + 1
        events, _ = await self._gateway.events.recent(kind="usage_anomaly", limit=20)
        return self._pages.render(
            "tenants.html",
            viewer,
            active="tenants",
            tenants=tenants,
            keys=counts,
            use=use,
            anomalies=events,
        )

    async def create_tenant(self, request: Request, viewer: Viewer, form: Form) -> Response:
        name = form.text("name", "Tenant name")
        tenant = await self._store.tenants.create(name)
        return redirect(f"{PATH}/tenants/{tenant.id}")

    async def tenant(self, request: Request, viewer: Viewer) -> Response:
        tenant = await self._tenant(request.path_params["tenant_id"])
        return await self._tenant_page(viewer, tenant, "tenant.html", active="tenants")

    async def my_tenant(self, request: Request, viewer: Viewer) -> Response:
        tenant = await self._store.tenants.get(viewer.tenant_id)
        if tenant is None:  # the environment's admin key has no stored tenant
            return self._pages.error(viewer, 404, "This key's tenant is not in the key store.")
        history = await daily_history(self._engine, self._days, datetime.now(UTC), tenant.id)
        return await self._tenant_page(viewer, tenant, "my.html", history=history)

    async def _tenant_page(
        self, viewer: Viewer, tenant: TenantRecord, template: str, **extra: Any
    ) -> Response:
        now = datetime.now(UTC)
        use = (await tenant_use(self._engine, self._days, now, tenant.id)).get(tenant.id)
        limiter_use = await current_use(self._gateway.limiter, tenant)
        keys = await self._store.keys.list(tenant.id, include_revoked=True)
        events, _ = await self._gateway.events.recent(
            kind="usage_anomaly", tenant=tenant.id, limit=10
        )
        return self._pages.render(
            template,
            viewer,
            tenant=tenant,
            keys=keys,
            now=now,
            limits=limit_rows(
                tenant,
                self._gateway.config.admission,
                limiter_use,
                use,
            ),
            fields=LIMIT_FIELDS,
            key_limits=await key_limits(
                self._gateway.limiter, self._gateway.config.admission, tenant, keys
            ),
            anomalies=events,
            **extra,
        )

    async def set_limits(self, request: Request, viewer: Viewer, form: Form) -> Response:
        tenant = await self._tenant(request.path_params["tenant_id"])
        limits = limits_from_form(form)
        updated = await self._store.tenants.set_limits(tenant.id, limits)
        self._auth.invalidate(tenant_id=updated.id)
        return redirect(f"{PATH}/tenants/{tenant.id}")

    async def create_key(self, request: Request, viewer: Viewer, form: Form) -> Response:
        tenant = await self._tenant(request.path_params["tenant_id"])
        name = form.text("name", "Key name")
        days = form.number("expires_in_days", "Expires in days", whole=False)
        admin = form.get("admin") == "on"
        # The longest lifetime is the store's to check (a 400 page).
        expires_at = None if days is None else expiry_after(days, datetime.now(UTC))
        plaintext, record = await self._store.keys.create(
            tenant.id, name, scopes=["admin"] if admin else [], expires_at=expires_at
        )
        return self._pages.render(
            "key_created.html",
            viewer,
            active="tenants",
            tenant=tenant,
            key=record,
            plaintext=plaintext,
            status=201,
        )

    async def confirm_revoke(self, request: Request, viewer: Viewer) -> Response:
        key = await self._store.keys.get(request.path_params["key_id"])
        if key is None:
            raise NotFoundError(f"no key with id {request.path_params['key_id']!r}")
        own = key.id == viewer.key_id
        return self._pages.render("revoke.html", viewer, active="tenants", key=key, own=own)

    async def revoke_key(self, request: Request, viewer: Viewer, form: Form) -> Response:
        if form.get("confirm") != "yes":
            raise FormError("Tick the box to confirm the revocation.")
        record = await self._store.keys.revoke(request.path_params["key_id"])
        self._auth.invalidate(key_id=record.id)
        return redirect(f"{PATH}/tenants/{record.tenant_id}")

    # Money

    async def money(self, request: Request, viewer: Viewer) -> Response:
        # Imported by the first money page: a worker that serves none never loads the money
        # report's modules nor its price table.
        from bastion.console.money import chargeback_prices, cost_over_time

        days = _window(request)
        report, lines = await self._reports.get(("money", days), lambda: self._money(days))
        return self._pages.render(
            "money.html",
            viewer,
            active="money",
            days=days,
            windows=WINDOWS,
            report=report,
            lines=lines[:PAGE_SIZE],
            more=max(0, len(lines) - PAGE_SIZE),
            prices=chargeback_prices(report),
            cost_chart=await cost_over_time(
                self._engine, self._days, self._gateway.config, datetime.now(UTC)
            ),
            evals=[run.public_dict() for run in await self._store.evals.recent(10)],
            benches=await self._store.bench.recent(10),
        )

    async def _money(self, days: int) -> tuple[Report, list[SpendLine]]:
        """A window's report and spend lines, from the rollups and the busy minutes (kept a
        minute, the page says when it was made)."""
        from bastion.console.money import spend_lines
        from bastion.economics.service import cost_report

        config = self._gateway.config
        report = await cost_report(
            self._engine, config, days=days, now=datetime.now(UTC), from_rollup=True
        )
        lines = spend_lines(report, config, await self._tenant_names())
        return report, lines

    async def chargeback(self, request: Request, viewer: Viewer) -> Response:
        from bastion.console.money import chargeback_csv

        days = _window(request)
        # The page's figures (kept a minute), so the download matches what was on screen.
        report, lines = await self._reports.get(("money", days), lambda: self._money(days))
        stamp = report.generated_at.strftime("%Y%m%dT%H%MZ")
        return Response(
            chargeback_csv(lines, report),
            media_type="text/csv; charset=utf-8",
            headers={
                **SECURITY_HEADERS,
                "Content-Disposition": f'attachment; filename="chargeback-{days}d-{stamp}.csv"',
            },
        )

    # Audit

    async def audit(self, request: Request, viewer: Viewer) -> Response:
        before = _int_param(request, "before")
        records = await recent_records(self._engine, before=before, limit=PAGE_SIZE + 1)
        more = len(records) > PAGE_SIZE
        records = records[:PAGE_SIZE]
        return self._pages.render(
            "audit.html",
            viewer,
            active="audit",
            records=records,
            next_before=records[-1].id if more and records else None,
            verifier=self._verifier,
            capture=self._gateway.config.audit.capture,
        )

    async def record(self, request: Request, viewer: Viewer) -> Response:
        record_id = request.path_params["record_id"]
        if record_id > _MAX_ROW_ID:  # no row has it, and the database would refuse to look
            raise NotFoundError("no audit record with this id")
        found = await record_by_id(self._engine, record_id)
        if found is None:
            raise NotFoundError("no audit record with this id")
        return self._pages.render("record.html", viewer, active="audit", record=found)

    async def verify(self, request: Request, viewer: Viewer, form: Form) -> Response:
        self._verifier.start()
        return redirect(f"{PATH}/audit")

    async def export(self, request: Request, viewer: Viewer) -> Response:
        since = _day_param(request, "since")
        until = _day_param(request, "until")
        lines = export_lines(self._engine, since=since, until=until)
        return StreamingResponse(
            lines,
            media_type="application/x-ndjson",
            headers={
                **SECURITY_HEADERS,
                "Content-Disposition": 'attachment; filename="audit.jsonl"',
            },
        )

    # Shared

    async def _tenant(self, ref: str) -> TenantRecord:
        tenant = await self._store.tenants.resolve(ref)
        if tenant is None:
            raise NotFoundError(f"no tenant with id or name {ref[:64]!r}")
        return tenant

    async def _tenant_names(self) -> dict[str, str]:
        return {t.id: t.name for t in await self._store.tenants.list()}


def _window(request: Request) -> int:
    raw = request.query_params.get("days", "1")
    # isdigit alone takes "²" and other digits int() refuses.
    if not (raw.isascii() and raw.isdigit()) or int(raw) not in WINDOWS:
        raise FormError(f"days must be one of {', '.join(map(str, WINDOWS))}.")
    return int(raw)


def _int_param(request: Request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        raise FormError(f"{name} must be a whole number.")
    return int(raw)


# The largest row id a database holds (a signed 64-bit integer).
_MAX_ROW_ID = 2**63 - 1


def _day_param(request: Request, name: str) -> datetime | None:
    raw = request.query_params.get(name)
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw[:40])
    except ValueError:
        raise FormError(f"{name} must be a date (YYYY-MM-DD) or an ISO 8601 time.") from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise FormError(f"{name} is out of range.") from None


def _signer(gateway: Gateway) -> Signer | None:
    """The checkpoint signer the journal uses (its key from the environment), to verify."""
    key = gateway.env.get(gateway.config.audit.signing_key_env, "")
    try:
        return Signer(key.encode()) if key else None
    except ValueError:
        return None
