"""Programmatic Alembic: bring a database to the newest schema at startup.

Several processes may start at once against one database, so the upgrade runs inside a
transaction that first takes a database-wide lock: ``BEGIN IMMEDIATE`` on SQLite (the write
engine's begin), a transaction-scoped advisory lock on PostgreSQL. Whoever comes second
waits, then finds the schema already at head and does nothing. DDL is transactional on
both backends, so a crash mid-upgrade leaves the previous schema intact.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Our own name, so Bastion can share a database or schema with other Alembic users.
VERSION_TABLE = "bastion_schema_version"
# Arbitrary but fixed 63-bit key: "bastion" in ASCII.
_PG_MIGRATION_LOCK = 0x62617374696F6E


def alembic_config(*, connection: Connection | None = None, url: str | None = None) -> Config:
    """An Alembic config for the packaged migrations; pass a connection or a URL."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        # ConfigParser interpolation would choke on '%' in passwords.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


async def upgrade_to_head(write_engine: AsyncEngine) -> None:
    async with write_engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            await connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
            )
        await connection.run_sync(_upgrade)


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as connection:
        return await connection.run_sync(_current_revision)


def _upgrade(connection: Connection) -> None:
    command.upgrade(alembic_config(connection=connection), "head")


def _current_revision(connection: Connection) -> str | None:
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()
