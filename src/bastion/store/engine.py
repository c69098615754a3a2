"""Engine construction: one place that knows the quirks of each supported backend."""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import AsyncAdaptedQueuePool, ConnectionPoolEntry

from bastion.store.errors import InvalidInputError

SQLITE_BUSY_TIMEOUT_MS = 30_000
# Marks connections of the write engine so that SQLite takes its write lock up front.
_WRITE_OPTION = "bastion_write"


@dataclass(frozen=True, slots=True)
class Engines:
    """Two views over one connection pool: plain transactions and write transactions."""

    read: AsyncEngine
    write: AsyncEngine

    @property
    def dialect(self) -> str:
        return self.read.dialect.name


def create_engines(url: str) -> Engines:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InvalidInputError("the database URL cannot be parsed") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        engine = _sqlite_engine(parsed)
    elif backend == "postgresql":
        if parsed.get_driver_name() != "asyncpg":
            raise InvalidInputError(
                "PostgreSQL URLs must use the asyncpg driver: postgresql+asyncpg://"
            )
        engine = create_async_engine(parsed, pool_pre_ping=True)
    else:
        raise InvalidInputError(f"unsupported database URL scheme {parsed.drivername!r}")
    return Engines(read=engine, write=engine.execution_options(**{_WRITE_OPTION: True}))


def is_memory_sqlite(url: URL) -> bool:
    database = url.database or ""
    return database in ("", ":memory:") or "mode=memory" in database


def sqlite_path(url: URL) -> Path | None:
    """The database file of a SQLite URL, or None for in-memory and URI-style databases."""
    if is_memory_sqlite(url) or (url.database or "").startswith("file:"):
        return None
    return Path(url.database or "").expanduser()


def _create_private(path: Path) -> None:
    """Creates the database file readable by its owner alone (it holds prompts, audit content
    and key hashes); SQLite gives its -wal and -shm files the same permissions. An existing
    file keeps its own."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _sqlite_engine(url: URL) -> AsyncEngine:
    if url.get_driver_name() != "aiosqlite":
        raise InvalidInputError("SQLite URLs must use the aiosqlite driver: sqlite+aiosqlite://")
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _create_private(path)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}}
    if is_memory_sqlite(url):
        # Every connection to :memory: is a new empty database, so keep exactly one, and let
        # concurrent sessions queue for it rather than interleave transactions on it.
        kwargs.update(poolclass=AsyncAdaptedQueuePool, pool_size=1, max_overflow=0)
    engine = create_async_engine(url, **kwargs)
    in_memory = is_memory_sqlite(url)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Take transaction control away from the driver so BEGIN is ours (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not in_memory:
                _use_wal(cursor)
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A deferred transaction that later writes can fail with SQLITE_BUSY without waiting
        # when another process wrote in between; IMMEDIATE waits for the lock at BEGIN instead.
        if connection.get_execution_options().get(_WRITE_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")

    return engine


def _use_wal(cursor: Any) -> None:
    """Switches a database file to WAL (a persistent setting) unless it already is.

    Switching needs a moment of exclusive access, which SQLite refuses at once, without
    waiting out the busy timeout, while another connection holds the database; reading the
    mode can be refused the same way while another connection switches. Several connections
    opening a new database together then try again a few milliseconds later, until one has
    switched it (all but the first find WAL already set).
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode")
            if str(cursor.fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.01)  # at a new database's first connections only
