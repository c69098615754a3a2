"""The store: one object that owns the engine, the migrations and the repositories."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy.exc import DBAPIError

from bastion.store.bench import BenchRepository
from bastion.store.console_sessions import ConsoleSessionRepository
from bastion.store.db import Database
from bastion.store.engine import Engines, create_engines
from bastion.store.errors import StoreUnavailableError
from bastion.store.evals import EvalRepository
from bastion.store.events import EventRepository
from bastion.store.invalidation import InvalidationHub, PostgresInvalidationRelay
from bastion.store.keys import KeyRepository
from bastion.store.responses import ResponseRepository
from bastion.store.tenants import TenantRepository
from bastion.store.versions import VersionRepository

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///bastion-data/bastion.db"

RELAY_APPLICATION_NAME = "bastion-invalidation-relay"
# SQLAlchemy connect arguments that are its own, not asyncpg's.
_SQLALCHEMY_ONLY_ARGS = ("prepared_statement_cache_size", "prepared_statement_name_func")


class Store:
    """Tenants and keys in SQLite or PostgreSQL. Open with ``await Store.open(url)``."""

    def __init__(
        self,
        db: Database,
        hub: InvalidationHub,
        relay: PostgresInvalidationRelay | None,
    ) -> None:
        self._db = db
        self._relay = relay
        self.invalidations = hub
        self.tenants = TenantRepository(db, hub)
        self.keys = KeyRepository(db, hub)
        self.versions = VersionRepository(db)
        self.events = EventRepository(db)
        self.responses = ResponseRepository(db)
        self.evals = EvalRepository(db)
        self.bench = BenchRepository(db)
        self.console_sessions = ConsoleSessionRepository(db)

    @classmethod
    async def open(cls, url: str, *, listen: bool = True, migrate: bool = True) -> Store:
        """Connect, migrate to the newest schema, and on PostgreSQL (when ``listen``) start
        relaying other processes' revocations. Short-lived tools pass ``listen=False``; the
        workers of ``bastion serve --workers N`` pass ``migrate=False``, as their supervisor
        migrated before starting them (and Alembic then never loads: 10 MB less per worker)."""
        engines = create_engines(url)
        try:
            if migrate:
                from bastion.store.migrate import upgrade_to_head

                await upgrade_to_head(engines.write)
        except (DBAPIError, OSError, TimeoutError) as exc:
            await engines.read.dispose()
            raise StoreUnavailableError(f"cannot open database: {exc}") from exc
        except BaseException:
            await engines.read.dispose()
            raise
        hub = InvalidationHub()
        relay = None
        if listen and engines.dialect == "postgresql":
            relay = PostgresInvalidationRelay(hub, _asyncpg_connect_kwargs(engines))
            await relay.start()
        return cls(Database(engines), hub, relay)

    @property
    def dialect(self) -> str:
        return self._db.dialect

    @property
    def engines(self) -> Engines:
        return self._db.engines

    async def close(self) -> None:
        if self._relay is not None:
            await self._relay.close()
            self._relay = None
        await self._db.dispose()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


def _asyncpg_connect_kwargs(engines: Engines) -> dict[str, Any]:
    engine = engines.read.sync_engine
    _args, kwargs = engine.dialect.create_connect_args(engine.url)
    kwargs = {k: v for k, v in kwargs.items() if k not in _SQLALCHEMY_ONLY_ARGS}
    # Named so operators can tell it apart in pg_stat_activity.
    settings = dict(kwargs.get("server_settings") or {})
    settings.setdefault("application_name", RELAY_APPLICATION_NAME)
    return {**kwargs, "server_settings": settings}
