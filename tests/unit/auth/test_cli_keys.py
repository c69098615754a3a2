from __future__ import annotations

import asyncio
from pathlib import Path

import click
import orjson
import pytest
from click.testing import CliRunner, Result

from bastion.auth import KeyAuthenticator
from bastion.cli.keys import keys_group, tenants_group
from bastion.store.store import Store


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path}/cli/bastion.db"


def run(
    group: click.Group, *args: str, env: dict[str, str] | None = None, input: str | None = None
) -> Result:
    return CliRunner().invoke(group, list(args), env=env, input=input)


def ok(group: click.Group, *args: str, env: dict[str, str] | None = None) -> Result:
    result = run(group, *args, env=env)
    assert result.exit_code == 0, result.output
    return result


def _authenticates(url: str, key: str) -> bool:
    async def check() -> bool:
        async with await Store.open(url) as store:
            return await KeyAuthenticator(store).authenticate(key) is not None

    return asyncio.run(check())


def test_tenant_and_key_lifecycle(url: str) -> None:
    db = ["--database-url", url]
    created = orjson.loads(ok(tenants_group, "create", "acme", "--json", *db).stdout)
    assert created["name"] == "acme" and created["id"].startswith("ten_")
    assert "Created tenant beta" in ok(tenants_group, "create", "beta", *db).stdout

    made = ok(keys_group, "create", "--tenant", "acme", "--name", "ci", *db)
    plaintext = made.stdout.strip()
    assert plaintext.startswith("bst-") and len(plaintext) == 47
    assert "not shown again" in made.stderr
    assert _authenticates(url, plaintext)

    admin = orjson.loads(
        ok(keys_group, "create", "--tenant", created["id"], "--admin", "--json", *db).stdout
    )
    assert admin["scopes"] == ["admin"] and admin["key"].startswith("bst-")
    assert "key_hash" not in admin

    listed = orjson.loads(ok(keys_group, "list", "--json", *db).stdout)
    assert {k["name"] for k in listed} == {"ci", "default"}
    assert all("key" not in k and "key_hash" not in k for k in listed)
    table = ok(keys_group, "list", "--tenant", "acme", *db).stdout
    assert table.splitlines()[0].split()[:3] == ["ID", "TENANT", "NAME"]
    assert plaintext[:8] + "…" in table and plaintext not in table

    ci_id = next(k["id"] for k in listed if k["name"] == "ci")
    assert "Revoked" in ok(keys_group, "revoke", ci_id, *db).stdout
    assert not _authenticates(url, plaintext)
    assert len(orjson.loads(ok(keys_group, "list", "--json", *db).stdout)) == 1
    everything = orjson.loads(ok(keys_group, "list", "--all", "--json", *db).stdout)
    assert {k["status"] for k in everything} == {"active", "revoked"}

    tenants = orjson.loads(ok(tenants_group, "list", "--json", *db).stdout)
    assert [(t["name"], t["active_keys"]) for t in tenants] == [("acme", 1), ("beta", 0)]
    assert "ACTIVE KEYS" in ok(tenants_group, "list", *db).stdout

    aborted = run(tenants_group, "delete", "acme", *db, input="n\n")
    assert aborted.exit_code == 1
    assert "Deleted tenant acme" in ok(tenants_group, "delete", "acme", "--yes", *db).stdout
    assert not _authenticates(url, admin["key"])
    assert ok(keys_group, "list", "--all", "--json", *db).stdout.strip() == "[]"


def test_expiring_key(url: str) -> None:
    ok(tenants_group, "create", "acme", "--database-url", url)
    made = orjson.loads(
        ok(
            keys_group,
            "create",
            "--tenant",
            "acme",
            "--expires-in-days",
            "2",
            "--json",
            "--database-url",
            url,
        ).stdout
    )
    assert made["expires_at"] is not None and made["status"] == "active"
    bad = run(
        keys_group, "create", "--tenant", "acme", "--expires-in-days", "0", "--database-url", url
    )
    assert bad.exit_code == 2


def test_errors_are_reported_without_tracebacks(url: str) -> None:
    db = ["--database-url", url]
    missing = run(keys_group, "create", "--tenant", "nobody", *db)
    assert missing.exit_code == 1 and "no tenant with id or name 'nobody'" in missing.output
    ok(tenants_group, "create", "acme", *db)
    duplicate = run(tenants_group, "create", "acme", *db)
    assert duplicate.exit_code == 1 and "already exists" in duplicate.output
    invalid = run(tenants_group, "create", "bad name", *db)
    assert invalid.exit_code == 1 and "invalid" in invalid.output
    unknown_key = run(keys_group, "revoke", "key_" + "0" * 24, *db)
    assert unknown_key.exit_code == 1 and "no key with id" in unknown_key.output
    bad_url = run(tenants_group, "list", "--database-url", "mysql://x/y")
    assert bad_url.exit_code == 1 and "unsupported" in bad_url.output
    for result in (missing, duplicate, invalid, unknown_key, bad_url):
        assert "Traceback" not in result.output


def _principal_limits(url: str, key: str) -> tuple[dict[str, object], dict[str, object]]:
    async def check() -> tuple[dict[str, object], dict[str, object]]:
        async with await Store.open(url) as store:
            principal = await KeyAuthenticator(store).authenticate(key)
            assert principal is not None
            tenant, own = principal.tenant_limits, principal.key_limits
            return (
                tenant.model_dump(exclude_none=True) if tenant else {},
                own.model_dump(exclude_none=True) if own else {},
            )

    return asyncio.run(check())


def test_limits_of_tenants_and_keys_are_shown_set_and_cleared(url: str) -> None:
    db = ["--database-url", url]
    ok(tenants_group, "create", "acme", *db)
    key = orjson.loads(ok(keys_group, "create", "--tenant", "acme", "--json", *db).stdout)
    assert "no limits of its own" in ok(tenants_group, "limits", "acme", *db).stdout

    shown = ok(
        tenants_group,
        "limits",
        "acme",
        "--set",
        "requests_per_minute=600",
        "--set",
        "usd_per_day=25.5",
        "--set",
        "tokens_per_month=123456789",
        *db,
    ).stdout
    assert "requests_per_minute  600" in shown and "usd_per_day          25.5" in shown
    assert "tokens_per_month     123456789" in shown  # as stored, not 1.23457e+08
    ok(tenants_group, "limits", "acme", "--unset", "tokens_per_month", *db)
    changed = ok(tenants_group, "limits", "acme", "--unset", "usd_per_day", "--json", *db)
    assert orjson.loads(changed.stdout) == {"requests_per_minute": 600}
    ok(keys_group, "limits", key["id"], "--set", "concurrent_requests=4", *db)
    # What the gateway's authenticator reads is what was set.
    assert _principal_limits(url, key["key"]) == (
        {"requests_per_minute": 600},
        {"concurrent_requests": 4},
    )
    ok(keys_group, "limits", key["id"], "--clear", *db)
    assert orjson.loads(ok(keys_group, "limits", key["id"], "--json", *db).stdout) is None

    for args, status, message in (
        (["--set", "requests_per_minute=0"], 1, "must be a positive integer"),
        (["--set", "rpm=3"], 2, "unknown limit 'rpm'"),
        (["--set", "requests_per_minute"], 2, "expected FIELD=NUMBER"),
        (["--set", "tokens_per_day=1.5"], 2, "expected FIELD=NUMBER"),
        (["--unset", "rpm"], 2, "unknown limit 'rpm'"),
    ):
        result = run(tenants_group, "limits", "acme", *args, *db)
        assert result.exit_code == status and message in result.output, args
        assert "Traceback" not in result.output
    missing = run(keys_group, "limits", "key_" + "0" * 24, *db)
    assert missing.exit_code == 1 and "no key with id" in missing.output
    # Refused changes left the stored limits alone.
    assert _principal_limits(url, key["key"]) == ({"requests_per_minute": 600}, {})


def test_url_from_environment(url: str) -> None:
    env = {"BASTION_DATABASE_URL": url}
    ok(tenants_group, "create", "acme", env=env)
    assert "acme" in ok(tenants_group, "list", "--database-url", url).stdout


def test_options_before_the_subcommand(url: str, tmp_path: Path) -> None:
    ok(tenants_group, "--database-url", url, "create", "acme")
    assert "acme" in ok(tenants_group, "list", "--database-url", url).stdout
    other = f"sqlite+aiosqlite:///{tmp_path}/other.db"
    # The subcommand's own option wins over the group's and over the environment.
    ok(tenants_group, "--database-url", url, "create", "beta", "--database-url", other)
    listed = ok(tenants_group, "list", "--json", env={"BASTION_DATABASE_URL": other})
    assert [t["name"] for t in orjson.loads(listed.stdout)] == ["beta"]
    listed = ok(
        tenants_group, "list", "--json", "--database-url", url, env={"BASTION_DATABASE_URL": other}
    )
    assert [t["name"] for t in orjson.loads(listed.stdout)] == ["acme"]


def test_url_from_config_file(tmp_path: Path) -> None:
    config = tmp_path / "bastion.yaml"
    database = tmp_path / "from-config" / "b.db"
    config.write_text(f"database:\n  url: sqlite+aiosqlite:///{database}\n")
    env = {"BASTION_DATABASE_URL": ""}
    ok(tenants_group, "create", "acme", "--config", str(config), env=env)
    assert database.exists()
    listed = ok(tenants_group, "list", "--json", env={**env, "BASTION_CONFIG": str(config)})
    assert [t["name"] for t in orjson.loads(listed.stdout)] == ["acme"]


def test_invalid_config_file_is_reported(tmp_path: Path) -> None:
    config = tmp_path / "bastion.yaml"
    config.write_text("database:\n  nope: 1\n")
    result = run(tenants_group, "list", "--config", str(config), env={"BASTION_DATABASE_URL": ""})
    assert result.exit_code == 1 and "invalid configuration" in result.output


def test_default_url_is_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BASTION_DATABASE_URL", raising=False)
    monkeypatch.delenv("BASTION_CONFIG", raising=False)
    ok(tenants_group, "create", "acme")
    assert (tmp_path / "bastion-data" / "bastion.db").exists()
