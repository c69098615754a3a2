"""Client strings the database cannot hold (NUL, lone surrogates) are the client's mistake.

A lookup by one is a 404 and a name with one a 400, never a 503 ``store_unavailable``, on
SQLite and on PostgreSQL (whose text columns refuse NUL, and JSONB the ``\\u0000`` escape).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from bastion.events import AdminEvent
from bastion.store.errors import InvalidInputError
from bastion.store.models import TenantRow
from bastion.store.store import Store
from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.conftest_postgres import scratch_database

DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
SIM = {"sim": {"kind": "simulator", "location": "local", "simulator": {"time_scale": 50}}}
HEADERS = {"authorization": f"Bearer {ADMIN_KEY}"}


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path}/bastion.db"
        return
    with scratch_database() as url:
        yield url


@pytest.fixture
def gateway(database_url: str, start_gateway: GatewayFactory) -> RunningGateway:
    return start_gateway(SIM, database={"url": database_url})


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    opened = await Store.open(database_url)
    yield opened
    await opened.close()


def call(gateway: RunningGateway, method: str, path: str, body: Any = None) -> httpx.Response:
    return httpx.request(method, gateway.url + path, json=body, headers=HEADERS, timeout=10)


def test_admin_api_ids_and_names_with_nul_are_404_or_400(gateway: RunningGateway) -> None:
    assert call(gateway, "POST", "/admin/tenants", {"name": "acme"}).status_code == 201
    expected = [
        ("GET", "/admin/tenants/%00", None, 404),
        ("GET", "/admin/tenants/acme%00", None, 404),
        ("PATCH", "/admin/tenants/%00", {"limits": None}, 404),
        ("DELETE", "/admin/tenants/%00", None, 404),
        ("GET", "/admin/keys/%00", None, 404),
        ("PATCH", "/admin/keys/%00", {"limits": None}, 404),
        ("DELETE", "/admin/keys/%00", None, 404),
        ("POST", "/admin/keys/%00/revoke", None, 404),
        ("GET", "/admin/keys?tenant_id=%00", None, 404),
        ("GET", "/admin/usage?tenant=%00", None, 404),
        ("POST", "/admin/keys", {"tenant": "\u0000"}, 404),
        ("POST", "/admin/tenants", {"name": "a\u0000"}, 400),
        ("POST", "/admin/keys", {"tenant": "acme", "name": "k\u0000"}, 400),
        ("POST", "/admin/keys", {"tenant": "acme", "scopes": ["a\u0000"]}, 400),
        ("GET", "/v1/responses/%00", None, 404),
        ("DELETE", "/v1/responses/%00", None, 404),
    ]
    answered = [
        (method, path, call(gateway, method, path, body).status_code)
        for method, path, body, _ in expected
    ]
    assert answered == [(method, path, status) for method, path, _, status in expected]
    events = call(gateway, "GET", "/admin/events?tenant=%00&kind=%00")
    assert events.status_code == 200
    assert (events.json()["source"], events.json()["data"]) == ("database", [])
    # The store is as healthy as before.
    assert call(gateway, "GET", "/admin/tenants/acme").status_code == 200


async def test_repositories_find_nothing_by_text_the_database_cannot_hold(store: Store) -> None:
    tenant = await store.tenants.create("acme")
    for text in ("\x00", "acme\x00", "\ud800"):
        assert await store.tenants.resolve(text) is None
        assert await store.tenants.get(text) is None
        assert await store.keys.get(text) is None
        now = datetime.now(UTC)
        assert await store.responses.get(tenant.id, text, now=now) is None
        assert await store.responses.conversation(tenant.id, text, now=now) is None
        assert await store.responses.delete(tenant.id, text) is False
        assert await store.events.recent(tenant=text) == []
        assert await store.events.recent(kind=text) == []
    # Whatever still reaches the database with such text is the caller's mistake (a 400), not
    # an unavailable database (a 503).
    with pytest.raises(InvalidInputError):
        async with store._db.read() as session:
            await session.execute(select(TenantRow).where(TenantRow.name == "\ud800"))


async def test_admin_events_quoting_what_the_database_cannot_hold_are_stored(
    store: Store,
) -> None:
    event = AdminEvent(
        kind="usage_anomaly",
        message="model 'gpt\x00' at 40 times its baseline",
        tenant="acme",
        tenant_id=None,
        details={"model\x00": "gpt\x00", "nested": ["\ud800", 3]},
    )
    await store.events.add([event])
    [stored] = await store.events.recent()
    assert stored.message == "model 'gpt\ufffd' at 40 times its baseline"
    assert stored.details == {"model\ufffd": "gpt\ufffd", "nested": ["\ufffd", 3]}


async def test_endpoint_versions_too_long_to_store_are_refused_clearly(store: Store) -> None:
    with pytest.raises(InvalidInputError, match="at most 100 characters"):
        await store.versions.publish([("e" * 101, "1", "0" * 64, "{}")])
    await store.versions.publish([("support", "1", "0" * 64, "{}")])
    assert set(await store.versions.all()) == {("support", "1")}
