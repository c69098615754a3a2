"""The console over plain HTTP: sign-in, sessions, CSRF, the pages, and bad input."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

import httpx
import pytest

from bastion.admission.limiter import CurrentUse, LimiterUnavailableError
from bastion.console.session import COOKIE, token_hash
from bastion.store.store import Store
from tests.conftest import ADMIN_KEY, RunningGateway
from tests.console.conftest import Browser, hidden

T = TypeVar("T")

PAGES = (
    "/console/",
    "/console/backends",
    "/console/tenants",
    "/console/money",
    "/console/audit",
)


def test_nothing_before_sign_in(browser: Browser) -> None:
    for path in (*PAGES, "/console/my", "/console/money/chargeback.csv"):
        response = browser.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"] == "/console/login"
    page = browser.get("/console/login")
    assert page.status_code == 200
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none'
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"


def test_sign_in_sets_a_strict_cookie_without_the_key(
    browser: Browser, console_gateway: RunningGateway
) -> None:
    response = browser.sign_in(ADMIN_KEY)
    assert response.status_code == 303
    assert response.headers["location"] == "/console/"
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith(COOKIE + "="))
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie
    assert "Path=/console" in cookie
    assert "Secure" not in cookie  # plain HTTP, secure_cookie: auto
    assert ADMIN_KEY not in cookie
    for path in PAGES:
        page = browser.get(path)
        assert page.status_code == 200, (path, page.text[:500])
        assert ADMIN_KEY not in page.text


def test_wrong_key_and_bad_login_forms(browser: Browser) -> None:
    page = browser.get("/console/login")
    nonce = hidden(page.text, "nonce")
    assert browser.post("/console/login", {"nonce": nonce, "key": "bst-wrong"}).status_code == 401
    assert browser.post("/console/login", {"nonce": "x", "key": ADMIN_KEY}).status_code == 403
    assert browser.post("/console/login", {"key": ADMIN_KEY}).status_code == 403
    assert browser.post("/console/login", {"nonce": nonce, "key": "a\x00b"}).status_code == 400
    huge = browser.post("/console/login", {"nonce": nonce, "key": "k" * 20000})
    assert huge.status_code == 413
    other_site = browser.post(
        "/console/login", {"nonce": nonce, "key": ADMIN_KEY}, headers={"Origin": "https://evil"}
    )
    assert other_site.status_code == 403
    json_body = browser.client.post(
        "/console/login", json={"nonce": nonce, "key": ADMIN_KEY}, headers={"Origin": browser.url}
    )
    assert json_body.status_code == 415


def test_changes_need_the_csrf_token(browser: Browser, console_gateway: RunningGateway) -> None:
    browser.sign_in(ADMIN_KEY)
    missing = browser.post("/console/tenants", {"name": "csrf-missing"})
    assert missing.status_code == 403
    wrong = browser.post("/console/tenants", {"name": "csrf-wrong", "csrf": "0" * 64})
    assert wrong.status_code == 403
    token = browser.csrf()
    made = browser.post("/console/tenants", {"name": "csrf-right", "csrf": token})
    assert made.status_code == 303
    names = [t.name for t in _run(console_gateway, lambda store: store.tenants.list())]
    assert "csrf-right" in names
    assert "csrf-missing" not in names
    assert "csrf-wrong" not in names


def test_bad_form_fields(browser: Browser) -> None:
    browser.sign_in(ADMIN_KEY)
    token = browser.csrf()
    cases = [
        {"name": "", "csrf": token},
        {"name": "nul\x00name", "csrf": token},
        {"name": "x" * 65, "csrf": token},
        {"name": "bad name!", "csrf": token},
    ]
    for data in cases:
        response = browser.post("/console/tenants", data)
        assert response.status_code == 400, data
        assert "<html" in response.text
    assert browser.post("/console/tenants", {"csrf": token, "name": "y" * 5000}).status_code == 400
    huge = browser.post("/console/tenants", {"csrf": token, "name": "y" * 40000})
    assert huge.status_code == 413
    repeated = browser.client.post(
        "/console/tenants",
        content=f"csrf={token}&name=a&name=b",
        headers={"Origin": browser.url, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert repeated.status_code == 400
    assert browser.get("/console/audit?before=abc").status_code == 400
    assert browser.get("/console/money?days=2").status_code == 400
    # Digits that are not ASCII ("²", Arabic-Indic) are refused, not a server error.
    assert browser.get("/console/money?days=²").status_code == 400
    assert browser.get("/console/audit?before=٣").status_code == 400
    assert browser.get("/console/tenants/ten_unknown").status_code == 404
    assert browser.get("/console/tenants/%00").status_code in (400, 404)
    # Past what a database row id can be: no such record, not a server error.
    for record in ("0", "9223372036854775807", "9223372036854775808", "9" * 40):
        assert browser.get(f"/console/audit/records/{record}").status_code == 404, record


def test_limits_form_refuses_bad_numbers(browser: Browser) -> None:
    browser.sign_in(ADMIN_KEY)
    token = browser.csrf()
    made = browser.post("/console/tenants", {"name": "limits-bad", "csrf": token})
    path = made.headers["location"]
    for value in ("-1", "0", "1.5", "lots", "nan", "1e400", "inf", "1_000", "\uff15", "1e3"):
        response = browser.post(path + "/limits", {"csrf": token, "requests_per_minute": value})
        assert response.status_code == 400, value


def test_expired_session_goes_back_to_sign_in(
    browser: Browser, console_gateway: RunningGateway
) -> None:
    browser.sign_in(ADMIN_KEY)
    token = browser.client.cookies[COOKIE]
    moment = datetime.now(UTC)
    _run(console_gateway, lambda store: store.console_sessions.expire(token_hash(token), moment))
    response = browser.get("/console/")
    assert response.status_code == 303
    assert response.headers["location"] == "/console/login?expired=1"
    posted = browser.post("/console/tenants", {"name": "after-expiry", "csrf": "x"})
    assert posted.status_code == 303


def test_tenant_key_sees_only_its_own_read_only_view(
    browser: Browser, console_gateway: RunningGateway
) -> None:
    tenant = _run(console_gateway, lambda store: store.tenants.create("reader"))
    plaintext, _ = _run(console_gateway, lambda store: store.keys.create(tenant.id, "k"))
    response = browser.sign_in(plaintext)
    assert response.headers["location"] == "/console/my"
    own = browser.get("/console/my")
    assert own.status_code == 200
    assert "reader" in own.text
    assert "Revoke" not in own.text
    for path in (*PAGES[1:], f"/console/tenants/{tenant.id}", "/console/audit/export.jsonl"):
        assert browser.get(path).status_code == 403, path
    assert browser.get("/console/").status_code == 303  # to its own view
    token = hidden(own.text, "csrf")
    refused = browser.post("/console/tenants", {"name": "by-tenant", "csrf": token})
    assert refused.status_code == 403
    # Signing out works for a tenant key too, and ends the session.
    assert browser.post("/console/logout", {"csrf": token}).status_code == 303
    assert browser.get("/console/my").status_code == 303


def test_a_key_expiry_past_the_calendar_is_a_form_error(
    browser: Browser, console_gateway: RunningGateway
) -> None:
    tenant = _run(console_gateway, lambda store: store.tenants.create("far-future"))
    browser.sign_in(ADMIN_KEY)
    token = browser.csrf()
    for days in ("1000000000", "3000000", "36501"):
        form = {"csrf": token, "name": f"k{days}", "expires_in_days": days}
        refused = browser.post(f"/console/tenants/{tenant.id}/keys", form)
        assert refused.status_code == 400, (days, refused.text[:200])
        assert "36500" in refused.text
    made = browser.post(
        f"/console/tenants/{tenant.id}/keys", {"csrf": token, "name": "ok", "expires_in_days": "30"}
    )
    assert made.status_code == 201


def test_revoking_the_signed_in_key_ends_its_session(
    browser: Browser, console_gateway: RunningGateway
) -> None:
    tenant = _run(console_gateway, lambda store: store.tenants.create("ops-team"))
    plaintext, record = _run(
        console_gateway, lambda store: store.keys.create(tenant.id, "op", scopes=["admin"])
    )
    browser.sign_in(plaintext)
    assert browser.get("/console/backends").status_code == 200
    _run(console_gateway, lambda store: store.keys.revoke(record.id))
    response = browser.get("/console/backends")
    assert response.status_code == 303
    assert response.headers["location"] == "/console/login?expired=1"


def test_chargeback_csv_and_audit_export(browser: Browser) -> None:
    browser.sign_in(ADMIN_KEY)
    csv = browser.get("/console/money/chargeback.csv?days=7")
    assert csv.status_code == 200
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("window_start,window_end,tenant_id")
    export = browser.get("/console/audit/export.jsonl?since=2020-01-01")
    assert export.status_code == 200
    assert browser.get("/console/audit/export.jsonl?since=yesterday").status_code == 400


def test_logout_ends_the_session_server_side(browser: Browser) -> None:
    browser.sign_in(ADMIN_KEY)
    token = browser.client.cookies[COOKIE]
    csrf = browser.csrf()
    assert browser.post("/console/logout", {"csrf": csrf}).status_code == 303
    # The old cookie, replayed, opens nothing.
    replay = httpx.get(browser.url + "/console/", cookies={COOKIE: token}, follow_redirects=False)
    assert replay.status_code == 303


def _run(gateway: RunningGateway, action: Callable[[Store], Awaitable[T]]) -> T:
    """Runs ``action`` against the gateway's database through a store of its own."""

    async def main() -> T:
        store = await Store.open(gateway.gateway.config.database.url, migrate=False, listen=False)
        try:
            return await action(store)
        finally:
            await store.close()

    return asyncio.run(main())


class _Limiter:
    """Stands for the gateway's limiter: what it counts, or that its state is out of reach."""

    def __init__(self, use: CurrentUse | None) -> None:
        self.use = use

    async def current_use(self, scope: str, *, group: str | None = None) -> CurrentUse:
        if self.use is None:
            raise LimiterUnavailableError("Redis: ConnectionError")
        # By the tenant's id, as the admit stage counts.
        assert scope == f"tenant {group}" and group is not None and group.startswith("ten_")
        return self.use


def test_a_tenants_limits_show_the_limiters_current_use_dollars_included(
    browser: Browser, console_gateway: RunningGateway
) -> None:
    browser.sign_in(ADMIN_KEY)
    token = browser.csrf()
    path = browser.post("/console/tenants", {"name": "limits-use", "csrf": token}).headers[
        "location"
    ]
    limits = {"csrf": token, "requests_per_minute": "50", "usd_per_day": "5"}
    assert browser.post(path + "/limits", limits).status_code == 303
    gateway = console_gateway.gateway
    real = gateway.limiter
    try:
        use = CurrentUse(requests_this_minute=7, usd_micros_today=1_250_000)
        gateway.limiter = _Limiter(use)  # type: ignore[assignment]
        page = browser.get(path)
        assert page.status_code == 200
        rows = {
            re.sub(r"\s+", " ", label): row
            for row in page.text.split("<tr>")
            for label in re.findall(r'<th scope="row">([^<]+)</th>', row)
        }
        assert "<td>7</td>" in rows["Requests per minute"]
        assert "<td>1.25</td>" in rows["US dollars per day"]
        assert "14.0 %" in rows["Requests per minute"] and "25.0 %" in rows["US dollars per day"]
        gateway.limiter = _Limiter(None)  # type: ignore[assignment]
        page = browser.get(path)
        assert page.status_code == 200
        assert page.text.count("<td>unavailable</td>") == 2  # the two limits in force
    finally:
        gateway.limiter = real


def test_the_overview_reloads_itself_only_when_asked(
    browser: Browser, console_gateway: RunningGateway
) -> None:
    browser.sign_in(ADMIN_KEY)
    still = browser.get("/console/")
    assert still.status_code == 200
    assert 'http-equiv="refresh"' not in still.text
    assert 'href="/console/?refresh=30"' in still.text
    live = browser.get("/console/?refresh=1")
    assert '<meta http-equiv="refresh" content="30">' in live.text
    assert "Stop reloading" in live.text


def test_a_keys_own_limits_show_what_the_limiter_counts(
    browser: Browser, console_gateway: RunningGateway
) -> None:
    """A key's limit, counted by the real limiter as the key's requests are admitted."""
    tenant = _run(console_gateway, lambda store: store.tenants.create("key-use"))
    secret, key = _run(console_gateway, lambda store: store.keys.create(tenant.id, "metered"))
    _run(
        console_gateway,
        lambda store: store.keys.set_limits(key.id, {"requests_per_minute": 5}),
    )
    body = {"model": "bastion-sim", "messages": [{"role": "user", "content": "hi"}]}
    for _ in range(2):
        answered = httpx.post(
            console_gateway.url + "/v1/chat/completions",
            json={**body, "max_tokens": 2},
            headers={"authorization": f"Bearer {secret}"},
            timeout=10,
        )
        assert answered.status_code == 200, answered.text
    browser.sign_in(ADMIN_KEY)
    page = browser.get(f"/console/tenants/{tenant.id}")
    assert page.status_code == 200
    [row] = [row for row in page.text.split("<tr>") if key.id in row]
    assert "Requests per minute: 2 / 5" in row


def test_the_money_page_lists_evaluation_and_benchmark_runs(
    browser: Browser, console_gateway: RunningGateway
) -> None:
    from bastion.evaluation.dataset import parse_item
    from bastion.evaluation.runner import create_run

    item = parse_item({"id": "q1", "messages": [{"role": "user", "content": "2+2?"}]})
    totals = {"per_target": {"sim/bastion-sim": {"results": 4, "passed": 3, "errors": 1,
                                                  "cost_usd": "0.02"}}}  # fmt: skip

    async def record_runs(store: Store) -> str:
        spec = await create_run(
            store.evals, dataset="smoke.jsonl", dataset_sha256="0" * 64, items=[item],
            targets=["sim/bastion-sim"],
        )  # fmt: skip
        await store.evals.set_status(spec.run_id, "completed", totals=totals)
        await store.bench.save(
            {
                "id": "bench_console",
                "name": "nightly sweep",
                "created_at": "2026-12-06T10:00:00+00:00",
                "target": {"url": "http://gpu-1:8000/v1", "api": "chat", "model": "llama"},
                "levels": [],
            }
        )
        return spec.run_id

    run_id = _run(console_gateway, record_runs)
    browser.sign_in(ADMIN_KEY)
    page = browser.get("/console/money")
    assert page.status_code == 200
    assert run_id in page.text
    assert "sim/bastion-sim: 3 of 4 passed, 1 errors, $0.02" in page.text
    bench = [row for row in page.text.split("<tr>") if "nightly sweep" in row]
    assert bench and "llama" in bench[0] and "http://gpu-1:8000/v1" in bench[0]
    assert "2026-12-06 10:00 UTC" in bench[0]


def test_a_database_failing_under_a_page_is_a_503_page(
    browser: Browser, console_gateway: RunningGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session was read, then the page's own query fails: the 503 page, not a 500."""
    from sqlalchemy.exc import OperationalError

    import bastion.console.app

    async def failing(*args: object, **kwargs: object) -> None:
        raise OperationalError("SELECT …", {}, ConnectionResetError("server closed"))

    browser.sign_in(ADMIN_KEY)
    monkeypatch.setattr(bastion.console.app, "daily_history", failing)
    page = browser.get("/console/")
    assert page.status_code == 503
    assert "The database is unavailable" in page.text


def test_rotating_the_environments_admin_key_ends_its_sessions(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from tests.console.conftest import start_console_gateway

    folder = tmp_path_factory.mktemp("rotation")
    first = start_console_gateway(folder)
    before = Browser(first.url)
    try:
        assert before.sign_in(ADMIN_KEY).status_code == 303
        token = before.client.cookies[COOKIE]
        assert before.get("/console/tenants").status_code == 200
    finally:
        before.close()
        first.server.stop()
    # The same key configured again: the session lives on.
    again = start_console_gateway(folder)
    same = Browser(again.url)
    try:
        same.client.cookies.set(COOKIE, token)
        assert same.get("/console/tenants").status_code == 200
    finally:
        same.close()
        again.server.stop()
    # A new key: every session the old one signed in is over.
    rotated = start_console_gateway(folder, auth={"admin_key": "bst-rotated-admin-key-0123456789"})
    after = Browser(rotated.url)
    try:
        after.client.cookies.set(COOKIE, token)
        response = after.get("/console/tenants")
        assert response.status_code == 303
        assert response.headers["location"] == "/console/login?expired=1"
    finally:
        after.close()
        rotated.server.stop()
