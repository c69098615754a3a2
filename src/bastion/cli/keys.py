"""``bastion keys …`` and ``bastion tenants …``: manage tenants, API keys and their limits in the
database.

Heavy imports (SQLAlchemy, the config loader) happen inside the commands so that the rest of
the CLI starts fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
import orjson

from bastion.cli.database import run_with_store

if TYPE_CHECKING:
    from bastion.store.records import KeyRecord, TenantRecord
    from bastion.store.store import Store

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///bastion-data/bastion.db"

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


_META_KEY = "bastion.cli.keys.database"


def _database_option_decorators(*, from_env: bool) -> list[Callable[[F], F]]:
    # The environment variables are read once, by the group, so that an explicit option
    # always beats them wherever it is written: `bastion keys --database-url X list` and
    # `bastion keys list --database-url X` both work.
    return [
        click.option(
            "--database-url",
            envvar="BASTION_DATABASE_URL" if from_env else None,
            help=f"Database URL (env BASTION_DATABASE_URL) [default: {DEFAULT_DATABASE_URL}].",
        ),
        click.option(
            "--config",
            "config_path",
            type=click.Path(path_type=Path, dir_okay=False),
            envvar="BASTION_CONFIG" if from_env else None,
            help="bastion.yaml whose database.url applies when no URL is given "
            "(env BASTION_CONFIG).",
        ),
    ]


def _database_options(command: F) -> F:
    for decorate in reversed(_database_option_decorators(from_env=False)):
        command = decorate(command)
    return command


def _group_database_options(command: F) -> F:
    for decorate in reversed(_database_option_decorators(from_env=True)):
        command = decorate(command)
    return command


def _remember_group_options(database_url: str | None, config_path: Path | None) -> None:
    click.get_current_context().meta[_META_KEY] = (database_url, config_path)


_json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print JSON instead of a table."
)


def resolve_database_url(database_url: str | None, config_path: Path | None) -> str:
    """--database-url, else the config file's database.url, else the default.

    Options given to the subcommand win over those given to the group (or the environment).
    """
    context = click.get_current_context(silent=True)
    if context is not None and not database_url and config_path is None:
        database_url, config_path = context.meta.get(_META_KEY, (None, None))
    if database_url:
        return database_url
    if config_path is None:
        return DEFAULT_DATABASE_URL
    from bastion.config import ConfigError, load_config

    try:
        return load_config(config_path).database.url
    except ConfigError as error:
        problems = "; ".join(p.render(error.source) for p in error.problems)
        raise click.ClickException(f"invalid configuration: {problems}") from None


async def _tenant(store: Store, ref: str) -> TenantRecord:
    tenant = await store.tenants.resolve(ref)
    if tenant is None:
        raise click.ClickException(f"no tenant with id or name {ref!r}")
    return tenant


def _emit_json(data: Any) -> None:
    click.echo(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    for line in (headers, *rows):
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def _short_time(moment: datetime | None) -> str:
    return "-" if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


# limits

_limit_options = [
    click.option(
        "--set",
        "assignments",
        multiple=True,
        metavar="FIELD=VALUE",
        help="Set one limit, e.g. requests_per_minute=600 or usd_per_day=25 (repeatable).",
    ),
    click.option("--unset", "removals", multiple=True, metavar="FIELD", help="Remove one limit."),
    click.option("--clear", is_flag=True, help="Remove every limit: the configuration's apply."),
    click.option("--json", "as_json", is_flag=True, help="Print the limits as JSON."),
]


def _limits_options(command: F) -> F:
    for decorate in reversed(_limit_options):
        command = decorate(command)
    return command


def _changed_limits(
    current: dict[str, int | float] | None,
    assignments: Sequence[str],
    removals: Sequence[str],
    clear: bool,
) -> dict[str, int | float] | None:
    """The limits after the command's changes; None when it asks for none (show only)."""
    from bastion.store.limits import LIMIT_FIELDS

    if not (assignments or removals or clear):
        return None

    def known(name: str, option: str) -> str:
        if name not in LIMIT_FIELDS:
            raise click.BadParameter(
                f"unknown limit {name!r} (known: {', '.join(LIMIT_FIELDS)})", param_hint=option
            )
        return name

    limits = {} if clear else dict(current or {})
    for name in removals:
        limits.pop(known(name, "--unset"), None)
    for assignment in assignments:
        name, equals, text = assignment.partition("=")
        if not equals:
            raise click.BadParameter(
                f"expected FIELD=NUMBER, not {assignment!r}", param_hint="--set"
            )
        name = known(name.strip(), "--set")
        try:
            # Money budgets are dollars; every other limit is a count. The store checks ranges.
            limits[name] = float(text) if name.startswith("usd_") else int(text)
        except ValueError:
            raise click.BadParameter(
                f"expected FIELD=NUMBER, not {assignment!r}", param_hint="--set"
            ) from None
    return limits


def _show_limits(subject: str, limits: dict[str, int | float] | None, as_json: bool) -> None:
    if as_json:
        _emit_json(limits)
    elif not limits:
        click.echo(f"{subject} has no limits of its own: the configuration's apply.")
    else:
        click.echo(f"{subject}:")
        _table(("LIMIT", "VALUE"), [(name, _number(value)) for name, value in limits.items()])


# keys


@click.group("keys", context_settings={"help_option_names": ["-h", "--help"]})
@_group_database_options
def keys_group(database_url: str | None, config_path: Path | None) -> None:
    """Issue, list and revoke API keys, and set their limits."""
    _remember_group_options(database_url, config_path)


@keys_group.command("create")
@click.option("--tenant", "tenant_ref", required=True, help="Tenant name or id.")
@click.option("--name", default="default", show_default=True, help="Key name, unique per tenant.")
@click.option(
    "--expires-in-days",
    type=click.FloatRange(min=0, min_open=True),
    metavar="D",
    help="Expire after D days (fractions allowed).",
)
@click.option("--scope", "scopes", multiple=True, help="Scope to grant (repeatable).")
@click.option("--admin", is_flag=True, help="Grant the admin scope (access to the admin API).")
@click.option("--json", "as_json", is_flag=True, help="Print the new key's record as JSON.")
@_database_options
def keys_create(
    *,
    tenant_ref: str,
    name: str,
    expires_in_days: float | None,
    scopes: tuple[str, ...],
    admin: bool,
    as_json: bool,
    database_url: str | None,
    config_path: Path | None,
) -> None:
    """Issue a key. Its plaintext is printed once and cannot be recovered later."""
    from bastion.store.names import ADMIN_SCOPE

    granted = {*scopes, ADMIN_SCOPE} if admin else set(scopes)
    expires_at = None
    if expires_in_days is not None:
        expires_at = datetime.now(UTC) + timedelta(days=expires_in_days)

    async def create(store: Store) -> tuple[str, KeyRecord]:
        tenant = await _tenant(store, tenant_ref)
        return await store.keys.create(tenant.id, name, scopes=granted, expires_at=expires_at)

    plaintext, record = run_with_store(resolve_database_url(database_url, config_path), create)
    if as_json:
        _emit_json({**record.public_dict(), "key": plaintext})
        return
    expiry = "never" if record.expires_at is None else _short_time(record.expires_at) + " UTC"
    click.echo(
        f"Created {record.id} ({record.name}) for tenant {record.tenant_name}; "
        f"expires: {expiry}. Store this key now, it is not shown again:",
        err=True,
    )
    click.echo(plaintext)


@keys_group.command("list")
@click.option("--tenant", "tenant_ref", help="Only this tenant's keys (name or id).")
@click.option("--all", "include_revoked", is_flag=True, help="Include revoked keys.")
@_json_option
@_database_options
def keys_list(
    tenant_ref: str | None,
    include_revoked: bool,
    as_json: bool,
    database_url: str | None,
    config_path: Path | None,
) -> None:
    """List keys (active and expired; revoked ones with --all)."""

    async def fetch(store: Store) -> list[KeyRecord]:
        tenant_id = None if tenant_ref is None else (await _tenant(store, tenant_ref)).id
        return await store.keys.list(tenant_id, include_revoked=include_revoked)

    records = run_with_store(resolve_database_url(database_url, config_path), fetch)
    now = datetime.now(UTC)
    if as_json:
        _emit_json([r.public_dict(now) for r in records])
        return
    _table(
        ("ID", "TENANT", "NAME", "PREFIX", "SCOPES", "STATUS", "CREATED", "EXPIRES"),
        [
            (
                r.id,
                r.tenant_name,
                r.name,
                r.prefix + "…",
                ",".join(sorted(r.scopes)) or "-",
                r.status(now),
                _short_time(r.created_at),
                _short_time(r.expires_at),
            )
            for r in records
        ],
    )


@keys_group.command("revoke")
@click.argument("key_id")
@_database_options
def keys_revoke(key_id: str, database_url: str | None, config_path: Path | None) -> None:
    """Revoke KEY_ID. Running gateways stop accepting it within their cache TTL (at once on
    PostgreSQL)."""

    async def revoke(store: Store) -> KeyRecord:
        return await store.keys.revoke(key_id)

    record = run_with_store(resolve_database_url(database_url, config_path), revoke)
    click.echo(f"Revoked {record.id} ({record.name}) of tenant {record.tenant_name}.")


@keys_group.command("limits")
@click.argument("key_id")
@_limits_options
@_database_options
def keys_limits(
    *,
    key_id: str,
    assignments: tuple[str, ...],
    removals: tuple[str, ...],
    clear: bool,
    as_json: bool,
    database_url: str | None,
    config_path: Path | None,
) -> None:
    """Show KEY_ID's own limits, or change them with --set, --unset or --clear. Running
    gateways apply a change within their cache TTL (at once on PostgreSQL)."""
    from bastion.store.errors import NotFoundError
    from bastion.store.limits import dump_limits

    async def apply(store: Store) -> KeyRecord:
        record = await store.keys.get(key_id)
        if record is None:
            raise NotFoundError(f"no key with id {key_id!r}")
        changed = _changed_limits(dump_limits(record.limits), assignments, removals, clear)
        if changed is None:
            return record
        return await store.keys.set_limits(key_id, changed)

    record = run_with_store(resolve_database_url(database_url, config_path), apply)
    _show_limits(f"Key {record.id} ({record.name})", dump_limits(record.limits), as_json)


# tenants


@click.group("tenants", context_settings={"help_option_names": ["-h", "--help"]})
@_group_database_options
def tenants_group(database_url: str | None, config_path: Path | None) -> None:
    """Create, list and delete tenants, and set their limits."""
    _remember_group_options(database_url, config_path)


@tenants_group.command("create")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the new tenant's record as JSON.")
@_database_options
def tenants_create(
    name: str, as_json: bool, database_url: str | None, config_path: Path | None
) -> None:
    """Create a tenant called NAME."""

    async def create(store: Store) -> TenantRecord:
        return await store.tenants.create(name)

    tenant = run_with_store(resolve_database_url(database_url, config_path), create)
    if as_json:
        _emit_json(tenant.public_dict())
        return
    click.echo(f"Created tenant {tenant.name} ({tenant.id}).")


@tenants_group.command("list")
@_json_option
@_database_options
def tenants_list(as_json: bool, database_url: str | None, config_path: Path | None) -> None:
    """List tenants with their number of active keys."""

    async def fetch(store: Store) -> list[tuple[TenantRecord, int]]:
        tenants = await store.tenants.list()
        active: dict[str, int] = {}
        for key in await store.keys.list():
            if key.is_active():
                active[key.tenant_id] = active.get(key.tenant_id, 0) + 1
        return [(t, active.get(t.id, 0)) for t in tenants]

    rows = run_with_store(resolve_database_url(database_url, config_path), fetch)
    if as_json:
        _emit_json([{**t.public_dict(), "active_keys": n} for t, n in rows])
        return
    _table(
        ("ID", "NAME", "ACTIVE KEYS", "CREATED"),
        [(t.id, t.name, str(n), _short_time(t.created_at)) for t, n in rows],
    )


@tenants_group.command("delete")
@click.argument("tenant_ref", metavar="NAME_OR_ID")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@_database_options
def tenants_delete(
    tenant_ref: str, yes: bool, database_url: str | None, config_path: Path | None
) -> None:
    """Delete a tenant and all of its keys."""
    url = resolve_database_url(database_url, config_path)
    if not yes:
        click.confirm(
            f"Delete tenant {tenant_ref!r} and all of its keys? This cannot be undone",
            abort=True,
        )

    async def delete(store: Store) -> tuple[TenantRecord, int]:
        tenant = await _tenant(store, tenant_ref)
        return tenant, await store.tenants.delete(tenant.id)

    tenant, deleted = run_with_store(url, delete)
    click.echo(f"Deleted tenant {tenant.name} ({tenant.id}) and {deleted} key(s).")


@tenants_group.command("limits")
@click.argument("tenant_ref", metavar="NAME_OR_ID")
@_limits_options
@_database_options
def tenants_limits(
    *,
    tenant_ref: str,
    assignments: tuple[str, ...],
    removals: tuple[str, ...],
    clear: bool,
    as_json: bool,
    database_url: str | None,
    config_path: Path | None,
) -> None:
    """Show a tenant's own limits, or change them with --set, --unset or --clear. Running
    gateways apply a change within their cache TTL (at once on PostgreSQL)."""
    from bastion.store.limits import dump_limits

    async def apply(store: Store) -> TenantRecord:
        tenant = await _tenant(store, tenant_ref)
        changed = _changed_limits(dump_limits(tenant.limits), assignments, removals, clear)
        if changed is None:
            return tenant
        return await store.tenants.set_limits(tenant.id, changed)

    tenant = run_with_store(resolve_database_url(database_url, config_path), apply)
    _show_limits(f"Tenant {tenant.name}", dump_limits(tenant.limits), as_json)


def _number(value: float) -> str:
    """A limit as stored: 123456789, not 1.23457e+08."""
    return str(int(value)) if float(value).is_integer() else str(value)
