"""The admin API mounted in a bare Starlette app, driven in-process over ASGI."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.routing import Mount

from bastion.api.admin import admin_routes
from bastion.auth import KeyAuthenticator, ensure_bootstrap_admin
from bastion.store.errors import StoreUnavailableError
from bastion.store.keymaterial import hash_key
from bastion.store.store import Store

try:
    import httpx2 as httpx
except ImportError:  # pragma: no cover - older SDKs ship the original package name
    import httpx  # type: ignore[no-redef]

ENV_ADMIN_KEY = "operator-chosen-admin-secret-1234"


class Admin:
    """A client for the admin API that remembers every response body it saw."""

    def __init__(self, client: httpx.AsyncClient, store: Store, bootstrap_key: str) -> None:
        self.client = client
        self.store = store
        self.bootstrap_key = bootstrap_key
        self.bodies: list[str] = []

    async def call(
        self, method: str, path: str, *, key: str | None = ENV_ADMIN_KEY, **kwargs: Any
    ) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if key is not None:
            headers["Authorization"] = f"Bearer {key}"
        response = await self.client.request(method, "/admin" + path, headers=headers, **kwargs)
        self.bodies.append(response.text)
        return response


@pytest.fixture
async def admin(tmp_path: Path) -> AsyncIterator[Admin]:
    store = await Store.open(f"sqlite+aiosqlite:///{tmp_path}/admin.db")
    bootstrap_key = await ensure_bootstrap_admin(store)
    assert bootstrap_key is not None
    authenticator = KeyAuthenticator(store, cache_ttl=60, admin_key=ENV_ADMIN_KEY)
    app = Starlette(routes=[Mount("/admin", routes=admin_routes(store, authenticator))])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bastion") as client:
        yield Admin(client, store, bootstrap_key)
    await store.close()


def assert_error(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"message", "type", "param", "code"}
    assert body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code
    return dict(body["error"])


# Guard


async def test_missing_and_invalid_keys_are_401(admin: Admin) -> None:
    missing = await admin.call("GET", "/tenants", key=None)
    error = assert_error(missing, 401, "invalid_api_key")
    assert error["type"] == "authentication_error"
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert_error(await admin.call("GET", "/tenants", key="bst-" + "x" * 43), 401)
    assert_error(await admin.call("GET", "/tenants", key="nonsense"), 401)
    assert_error(
        await admin.call("GET", "/tenants", key=None, headers={"Authorization": "Basic abc"}), 401
    )


async def test_non_admin_key_is_403(admin: Admin) -> None:
    tenant = await admin.store.tenants.create("acme")
    plaintext, _ = await admin.store.keys.create(tenant.id, "ci")
    error = assert_error(await admin.call("GET", "/tenants", key=plaintext), 403, "admin_required")
    assert error["type"] == "permission_error"


async def test_admin_keys_from_the_database_and_x_api_key_work(admin: Admin) -> None:
    assert (await admin.call("GET", "/tenants", key=admin.bootstrap_key)).status_code == 200
    response = await admin.call(
        "GET", "/keys", key=None, headers={"x-api-key": admin.bootstrap_key}
    )
    assert response.status_code == 200


# Tenants


async def test_tenant_crud(admin: Admin) -> None:
    created = await admin.call("POST", "/tenants", json={"name": "acme"})
    assert created.status_code == 201
    tenant = created.json()
    assert tenant["object"] == "tenant" and tenant["name"] == "acme"
    assert tenant["id"].startswith("ten_") and tenant["created_at"].endswith("Z")

    listed = (await admin.call("GET", "/tenants")).json()
    assert listed["object"] == "list"
    assert [t["name"] for t in listed["data"]] == ["acme", "admin"]
    assert (await admin.call("GET", f"/tenants/{tenant['id']}")).json() == tenant
    assert (await admin.call("GET", "/tenants/acme")).json() == tenant

    await admin.call("POST", "/keys", json={"tenant": "acme", "name": "a"})
    deleted = await admin.call("DELETE", f"/tenants/{tenant['id']}")
    assert deleted.status_code == 200
    assert deleted.json() == {
        "id": tenant["id"],
        "object": "tenant",
        "deleted": True,
        "deleted_keys": 1,
    }
    assert_error(await admin.call("GET", f"/tenants/{tenant['id']}"), 404, "not_found")
    assert_error(await admin.call("DELETE", f"/tenants/{tenant['id']}"), 404)


async def test_tenant_validation(admin: Admin) -> None:
    await admin.call("POST", "/tenants", json={"name": "acme"})
    error = assert_error(await admin.call("POST", "/tenants", json={"name": "acme"}), 409)
    assert error["type"] == "conflict_error"
    assert_error(await admin.call("POST", "/tenants", json={"name": "no spaces"}), 400)
    assert assert_error(await admin.call("POST", "/tenants", json={}), 400)["param"] == "name"
    assert_error(await admin.call("POST", "/tenants", json={"name": "x", "extra": 1}), 400)
    assert_error(await admin.call("POST", "/tenants", json={"name": 5}), 400)
    assert_error(await admin.call("POST", "/tenants", content=b"{not json"), 400, "invalid_json")
    assert_error(await admin.call("POST", "/tenants", content=b""), 400, "invalid_json")
    assert_error(await admin.call("POST", "/tenants", json=["acme"]), 400, "invalid_request")
    too_big = b'{"name": "' + b"x" * 70_000 + b'"}'
    assert_error(await admin.call("POST", "/tenants", content=too_big), 413, "body_too_large")


async def test_the_callers_own_tenant_cannot_be_deleted(admin: Admin) -> None:
    tenant = await admin.store.tenants.get_by_name("admin")
    assert tenant is not None
    response = await admin.call("DELETE", f"/tenants/{tenant.id}", key=admin.bootstrap_key)
    assert_error(response, 409)
    # The operator's environment key belongs to no stored tenant, so it may.
    assert (await admin.call("DELETE", f"/tenants/{tenant.id}")).status_code == 200


# Keys


async def test_key_creation_returns_the_plaintext_once(admin: Admin) -> None:
    await admin.call("POST", "/tenants", json={"name": "acme"})
    created = await admin.call(
        "POST", "/keys", json={"tenant": "acme", "name": "ci", "scopes": ["inference"]}
    )
    assert created.status_code == 201
    body = created.json()
    plaintext = body["key"]
    assert plaintext.startswith("bst-") and body["prefix"] == plaintext[:8]
    assert body["object"] == "api_key" and body["status"] == "active"
    assert body["tenant_name"] == "acme" and body["scopes"] == ["inference"]
    assert "key_hash" not in body

    fetched = (await admin.call("GET", f"/keys/{body['id']}")).json()
    assert "key" not in fetched and fetched == {k: v for k, v in body.items() if k != "key"}
    listed = (await admin.call("GET", "/keys")).json()["data"]
    assert {k["name"] for k in listed} == {"ci", "bootstrap"}
    assert all("key" not in k for k in listed)
    assert sum(plaintext in text for text in admin.bodies) == 1  # Only the creation response.
    hashes = [hash_key(plaintext), hash_key(admin.bootstrap_key)]
    assert not any(h in text for h in hashes for text in admin.bodies)


async def test_key_creation_by_tenant_id_with_expiry(admin: Admin) -> None:
    tenant = (await admin.call("POST", "/tenants", json={"name": "acme"})).json()
    expires = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    body = (
        await admin.call(
            "POST",
            "/keys",
            json={"tenant_id": tenant["id"], "name": "a", "expires_at": expires.isoformat()},
        )
    ).json()
    assert body["expires_at"] == expires.isoformat().replace("+00:00", "Z")
    in_days = (
        await admin.call(
            "POST", "/keys", json={"tenant_name": "acme", "name": "b", "expires_in_days": 0.5}
        )
    ).json()
    assert in_days["expires_at"] is not None


async def test_key_creation_validation(admin: Admin) -> None:
    await admin.call("POST", "/tenants", json={"name": "acme"})
    await admin.call("POST", "/keys", json={"tenant": "acme"})
    duplicate = await admin.call("POST", "/keys", json={"tenant": "acme"})
    assert "already has an active key named 'default'" in assert_error(duplicate, 409)["message"]
    assert_error(await admin.call("POST", "/keys", json={"tenant": "nobody"}), 404)
    assert_error(await admin.call("POST", "/keys", json={"name": "x"}), 400)
    assert_error(
        await admin.call("POST", "/keys", json={"tenant": "acme", "tenant_id": "ten_x"}), 400
    )
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    error = assert_error(
        await admin.call("POST", "/keys", json={"tenant": "acme", "name": "p", "expires_at": past}),
        400,
    )
    assert error["param"] == "expires_at"
    naive = await admin.call(
        "POST", "/keys", json={"tenant": "acme", "name": "n", "expires_at": "2030-01-01T00:00:00"}
    )
    assert assert_error(naive, 400)["param"] == "expires_at"
    assert_error(
        await admin.call("POST", "/keys", json={"tenant": "acme", "scopes": ["Bad Scope"]}), 400
    )
    assert_error(
        await admin.call("POST", "/keys", json={"tenant": "acme", "expires_in_days": -1}), 400
    )
    # Past any calendar: a clear 400 naming the field, never a 500.
    for days in (1e9, 3e6, 36_501):
        huge = await admin.call(
            "POST", "/keys", json={"tenant": "acme", "name": "h", "expires_in_days": days}
        )
        assert assert_error(huge, 400)["param"] == "expires_in_days"
    last = await admin.call(
        "POST",
        "/keys",
        json={"tenant": "acme", "name": "l", "expires_at": "9999-12-31T23:59:59-05:00"},
    )
    assert assert_error(last, 400)["param"] == "expires_at"
    # As far ahead as expires_in_days allows, and no further.
    beyond = await admin.call(
        "POST",
        "/keys",
        json={"tenant": "acme", "name": "b", "expires_at": "9999-12-31T23:59:59+00:00"},
    )
    assert assert_error(beyond, 400)["param"] == "expires_at"


async def test_listing_filters(admin: Admin) -> None:
    await admin.call("POST", "/tenants", json={"name": "acme"})
    key = (await admin.call("POST", "/keys", json={"tenant": "acme", "name": "a"})).json()
    await admin.call("POST", "/keys", json={"tenant": "acme", "name": "b"})
    await admin.call("POST", f"/keys/{key['id']}/revoke")

    def names(response: httpx.Response) -> set[str]:
        return {k["name"] for k in response.json()["data"]}

    assert names(await admin.call("GET", "/keys?tenant_id=acme")) == {"b"}
    assert names(await admin.call("GET", "/keys", params={"tenant_id": key["tenant_id"]})) == {"b"}
    revoked_too = await admin.call("GET", "/keys?tenant_id=acme&include_revoked=true")
    assert names(revoked_too) == {"a", "b"}
    assert names(await admin.call("GET", "/keys?include_revoked=1")) == {"a", "b", "bootstrap"}
    assert names(await admin.call("GET", "/keys?include_revoked=false")) == {"b", "bootstrap"}
    assert_error(await admin.call("GET", "/keys?include_revoked=maybe"), 400)
    assert_error(await admin.call("GET", "/keys?tenant_id=nobody"), 404)


async def test_revocation_takes_effect_on_the_next_request(admin: Admin) -> None:
    await admin.call("POST", "/tenants", json={"name": "ops"})
    created = await admin.call(
        "POST", "/keys", json={"tenant": "ops", "name": "root", "scopes": ["admin"]}
    )
    body = created.json()
    # Authenticated and now cached (60 s TTL) ...
    assert (await admin.call("GET", "/tenants", key=body["key"])).status_code == 200
    revoked = await admin.call("POST", f"/keys/{body['id']}/revoke")
    assert revoked.status_code == 200
    assert revoked.json()["status"] == "revoked" and revoked.json()["revoked_at"]
    # ... yet rejected on the very next request.
    assert_error(await admin.call("GET", "/tenants", key=body["key"]), 401)
    # Revoking again is harmless.
    assert (await admin.call("POST", f"/keys/{body['id']}/revoke")).status_code == 200


async def test_delete_revokes(admin: Admin) -> None:
    await admin.call("POST", "/tenants", json={"name": "acme"})
    body = (await admin.call("POST", "/keys", json={"tenant": "acme"})).json()
    deleted = await admin.call("DELETE", f"/keys/{body['id']}")
    assert deleted.status_code == 200 and deleted.json()["status"] == "revoked"
    # The key stays visible as revoked.
    assert (await admin.call("GET", f"/keys/{body['id']}")).json()["status"] == "revoked"


async def test_unknown_keys_are_404(admin: Admin) -> None:
    unknown = "key_" + "0" * 24
    for method, path in (
        ("GET", f"/keys/{unknown}"),
        ("DELETE", f"/keys/{unknown}"),
        ("POST", f"/keys/{unknown}/revoke"),
    ):
        assert_error(await admin.call(method, path), 404, "not_found")


# Limits


async def test_limits_on_creation_patch_and_get(admin: Admin) -> None:
    created = await admin.call(
        "POST", "/tenants", json={"name": "acme", "limits": {"requests_per_minute": 600}}
    )
    assert created.status_code == 201, created.text
    tenant = created.json()
    assert tenant["limits"] == {"requests_per_minute": 600}
    assert (await admin.call("GET", "/tenants/acme")).json() == tenant
    plain = (await admin.call("POST", "/tenants", json={"name": "plain"})).json()
    assert plain["limits"] is None

    key = (
        await admin.call(
            "POST",
            "/keys",
            json={"tenant": "acme", "limits": {"tokens_per_day": 10_000, "concurrent_requests": 2}},
        )
    ).json()
    assert key["limits"] == {"tokens_per_day": 10_000, "concurrent_requests": 2}
    assert (await admin.call("GET", f"/keys/{key['id']}")).json()["limits"] == key["limits"]

    # PATCH replaces the whole object (by tenant id or name); null clears.
    patched = await admin.call(
        "PATCH", "/tenants/acme", json={"limits": {"tokens_per_minute": 90_000}}
    )
    assert patched.status_code == 200
    assert patched.json() == {**tenant, "limits": {"tokens_per_minute": 90_000}}
    listed = (await admin.call("GET", "/tenants")).json()["data"]
    assert {t["name"]: t["limits"] for t in listed}["acme"] == {"tokens_per_minute": 90_000}
    cleared = await admin.call("PATCH", f"/tenants/{tenant['id']}", json={"limits": None})
    assert cleared.json()["limits"] is None

    raised = await admin.call("PATCH", f"/keys/{key['id']}", json={"limits": {"tokens_per_day": 1}})
    assert raised.status_code == 200
    body = raised.json()
    assert body["limits"] == {"tokens_per_day": 1} and "key" not in body
    listed = (await admin.call("GET", "/keys?tenant_id=acme")).json()["data"]
    assert [k["limits"] for k in listed] == [{"tokens_per_day": 1}]
    assert (await admin.call("PATCH", f"/keys/{key['id']}", json={"limits": {}})).json()[
        "limits"
    ] is None


async def test_bad_limits_are_400(admin: Admin) -> None:
    await admin.call("POST", "/tenants", json={"name": "acme"})
    key = (await admin.call("POST", "/keys", json={"tenant": "acme"})).json()
    cases: list[tuple[object, str]] = [
        ({"requests_per_minute": 0}, "limits.requests_per_minute"),
        ({"requests_per_minute": -1}, "limits.requests_per_minute"),
        ({"requests_per_minute": "60"}, "limits.requests_per_minute"),
        ({"requests_per_minute": 1.5}, "limits.requests_per_minute"),
        ({"requests_per_minute": True}, "limits.requests_per_minute"),
        ({"rpm_limit": 60}, "limits.rpm_limit"),
        ([60], "limits"),
        (60, "limits"),
    ]
    for limits, param in cases:
        for method, path, body in (
            ("POST", "/tenants", {"name": "globex", "limits": limits}),
            ("POST", "/keys", {"tenant": "acme", "name": "other", "limits": limits}),
            ("PATCH", "/tenants/acme", {"limits": limits}),
            ("PATCH", f"/keys/{key['id']}", {"limits": limits}),
        ):
            error = assert_error(await admin.call(method, path, json=body), 400, "invalid_request")
            assert error["param"] == param, (method, path, limits, error)
            assert error["message"].startswith(param), error
    unknown = assert_error(
        await admin.call("PATCH", "/tenants/acme", json={"limits": {"rpm": 1}}), 400
    )
    assert "unknown limit" in unknown["message"] and "requests_per_minute" in unknown["message"]
    zero = assert_error(
        await admin.call("PATCH", "/tenants/acme", json={"limits": {"tokens_per_day": 0}}), 400
    )
    assert zero["message"] == "limits.tokens_per_day: must be a positive integer, not 0"
    # The body must say what to set: limits is required, and nothing else is taken.
    assert assert_error(await admin.call("PATCH", "/tenants/acme", json={}), 400)["param"] == (
        "limits"
    )
    assert_error(
        await admin.call("PATCH", "/tenants/acme", json={"limits": None, "name": "x"}), 400
    )
    assert_error(await admin.call("PATCH", "/tenants/acme", content=b"{nope"), 400, "invalid_json")
    # Nothing was created or changed.
    assert [t["name"] for t in (await admin.call("GET", "/tenants")).json()["data"]] == [
        "acme",
        "admin",
    ]
    assert (await admin.call("GET", "/tenants/acme")).json()["limits"] is None
    assert (await admin.call("GET", f"/keys/{key['id']}")).json()["limits"] is None


async def test_patching_unknown_tenants_and_keys_is_404(admin: Admin) -> None:
    body = {"limits": {"requests_per_minute": 1}}
    for path in ("/tenants/nobody", "/tenants/ten_" + "0" * 24, "/keys/key_" + "0" * 24):
        assert_error(await admin.call("PATCH", path, json=body), 404, "not_found")
    assert_error(await admin.call("PATCH", "/tenants/nobody", key=None, json=body), 401)


async def test_unauthenticated_requests_learn_nothing(admin: Admin) -> None:
    unknown = "key_" + "0" * 24
    assert_error(await admin.call("GET", f"/keys/{unknown}", key=None), 401)
    assert_error(await admin.call("POST", "/tenants", key=None, content=b"{bad"), 401)


async def test_database_outage_is_503(admin: Admin, monkeypatch: pytest.MonkeyPatch) -> None:
    async def down() -> list[object]:
        raise StoreUnavailableError("connection refused")

    monkeypatch.setattr(admin.store.tenants, "list", down)
    assert_error(await admin.call("GET", "/tenants"), 503, "store_unavailable")


async def test_wrong_method_is_405(admin: Admin) -> None:
    assert (await admin.call("PUT", "/tenants")).status_code == 405
