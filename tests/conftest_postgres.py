"""Reaching the PostgreSQL test server, and throwaway databases on it.

Tests marked ``postgres`` use the server at 127.0.0.1:5432 (trust auth). Where ``CI=true``
an unreachable server fails the run; elsewhere those tests are skipped with the reason.
``BASTION_TEST_POSTGRES_USER`` picks the role; otherwise ``postgres``, ``root`` and the
current user are tried.
"""

from __future__ import annotations

import asyncio
import contextlib
import getpass
import os
import secrets
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass

import asyncpg
import pytest

HOST = os.environ.get("BASTION_TEST_POSTGRES_HOST", "127.0.0.1")
PORT = int(os.environ.get("BASTION_TEST_POSTGRES_PORT", "5432"))
MAINTENANCE_DATABASE = os.environ.get("BASTION_TEST_POSTGRES_DATABASE", "test")


@dataclass(frozen=True)
class PostgresServer:
    user: str
    # Every database created in this test session starts with this, for cleanup.
    prefix: str

    def url(self, database: str) -> str:
        return f"postgresql+asyncpg://{self.user}@{HOST}:{PORT}/{database}"

    async def connect(self, database: str = MAINTENANCE_DATABASE) -> asyncpg.Connection:
        return await asyncpg.connect(
            host=HOST, port=PORT, user=self.user, database=database, timeout=5
        )

    @asynccontextmanager
    async def fresh_database(self) -> AsyncIterator[str]:
        """A new empty database for one test; its URL is yielded and it is dropped after."""
        name = await self.create_database()
        try:
            yield self.url(name)
        finally:
            await self.drop_database(name)

    async def create_database(self) -> str:
        """A new empty database; its name."""
        name = f"{self.prefix}_{secrets.token_hex(4)}"
        await self._admin(f'CREATE DATABASE "{name}"')
        return name

    async def drop_database(self, name: str) -> None:
        await self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    async def _admin(self, statement: str) -> None:
        admin = await self.connect()
        try:
            await admin.execute(statement)
        finally:
            await admin.close()

    async def drop_leftovers(self) -> None:
        admin = await self.connect()
        try:
            names = await admin.fetch(
                "SELECT datname FROM pg_database WHERE datname LIKE $1", self.prefix + "%"
            )
            for row in names:
                await admin.execute(f'DROP DATABASE IF EXISTS "{row["datname"]}" WITH (FORCE)')
        finally:
            await admin.close()


def _candidate_users() -> list[str]:
    configured = os.environ.get("BASTION_TEST_POSTGRES_USER")
    if configured:
        return [configured]
    users = ["postgres", "root"]
    with suppress(KeyError, OSError):
        users.append(getpass.getuser())
    return list(dict.fromkeys(users))


async def _find_user() -> tuple[str | None, list[str]]:
    failures = []
    for user in _candidate_users():
        try:
            connection = await asyncpg.connect(
                host=HOST, port=PORT, user=user, database=MAINTENANCE_DATABASE, timeout=3
            )
        except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
            failures.append(f"{user}: {type(exc).__name__}: {exc}")
            continue
        await connection.close()
        return user, failures
    return None, failures


def require_postgres() -> PostgresServer:
    """The reachable server, or a skip (a failure where ``CI=true``) explaining why not."""
    user, failures = asyncio.run(_find_user())
    if user is None:
        message = (
            f"PostgreSQL at {HOST}:{PORT}/{MAINTENANCE_DATABASE} is not reachable "
            f"({'; '.join(failures)})"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " and CI=true requires the postgres tests to run")
        pytest.skip(message)
    return PostgresServer(user=user, prefix=f"bastion_test_{secrets.token_hex(3)}")


@contextlib.contextmanager
def scratch_database() -> Iterator[str]:
    """``fresh_database`` for synchronous tests."""
    server = require_postgres()
    name = asyncio.run(server.create_database())
    try:
        yield server.url(name)
    finally:
        asyncio.run(server.drop_database(name))
