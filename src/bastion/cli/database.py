"""What the commands that read or write the database share: where it is (``--database-url`` or
the configuration's), and running one piece of async work against it — on a bare engine
(``bastion audit``, ``ledger``) or through the store with its migrations (``keys``,
``tenants``, ``bench``) — with errors reported in a line."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bastion.config import BastionConfig
    from bastion.store.store import Store

T = TypeVar("T")

database_url_option = click.option(
    "--database-url",
    envvar="BASTION_DATABASE_URL",
    help="Database URL (env BASTION_DATABASE_URL); default: the config's database.url.",
)
config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="BASTION_CONFIG",
    help="bastion.yaml (env BASTION_CONFIG); default: the embedded defaults.",
)


@dataclass(frozen=True, slots=True)
class Settings:
    url: str
    config: BastionConfig


def settings(config_path: Path | None, database_url: str | None) -> Settings:
    """The configuration (a problem in it ends the command with status 2) and the database URL:
    ``--database-url``, else the configuration's."""
    from bastion.config import BastionConfig, ConfigError, load_config

    try:
        config = load_config(config_path) if config_path is not None else BastionConfig()
    except ConfigError as error:
        click.echo(f"Invalid configuration ({len(error.problems)} problem(s)):", err=True)
        for problem in error.problems:
            click.echo("  " + problem.render(error.source), err=True)
        raise SystemExit(2) from None
    return Settings(database_url or config.database.url, config)


def run_with_engine(url: str, work: Callable[[AsyncEngine], Awaitable[T]], what: str) -> T:
    """Runs ``work`` with an engine on ``url``; a database error ends the command with status 2
    and one line saying it cannot reach ``what``. A SQLite file that does not exist is such an
    error: these commands read and prune, and must not leave an empty database (or its
    directories) at a mistyped path."""
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError, DBAPIError

    from bastion.store.engine import create_engines, sqlite_path

    try:
        parsed = make_url(url)
    except ArgumentError:
        click.echo(f"cannot read {what}: not a database URL: {url!r}", err=True)
        raise SystemExit(2) from None
    database = sqlite_path(parsed) if parsed.get_backend_name() == "sqlite" else None
    if database is not None and not database.exists():
        click.echo(f"cannot read {what}: no database at {database}", err=True)
        raise SystemExit(2)

    async def main() -> T:
        engines = create_engines(url)
        try:
            return await work(engines.write)
        finally:
            await engines.read.dispose()

    try:
        return asyncio.run(main())
    except (DBAPIError, OSError) as exc:
        click.echo(f"cannot read {what}: {str(exc).splitlines()[0]}", err=True)
        raise SystemExit(2) from None


def run_with_store(url: str, action: Callable[[Store], Awaitable[T]]) -> T:
    """Runs ``action`` with the store on ``url``; a store error (unreachable, a conflict, an
    invalid or unknown name) ends the command with its message."""
    from bastion.store.errors import (
        ConflictError,
        InvalidInputError,
        NotFoundError,
        StoreUnavailableError,
    )
    from bastion.store.store import Store

    async def run() -> T:
        # No LISTEN connection: this process only reads and writes, and NOTIFY needs none.
        async with await Store.open(url, listen=False) as store:
            return await action(store)

    try:
        return asyncio.run(run())
    except (ConflictError, InvalidInputError, NotFoundError, StoreUnavailableError) as exc:
        raise click.ClickException(str(exc)) from None
