"""Session scopes with driver errors translated into store errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bastion.store.engine import Engines
from bastion.store.errors import ConflictError, StoreUnavailableError

_UNAVAILABLE = (DBAPIError, OSError, TimeoutError)


class Database:
    def __init__(self, engines: Engines) -> None:
        self.engines = engines
        self._reader = async_sessionmaker(engines.read, expire_on_commit=False)
        self._writer = async_sessionmaker(engines.write, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engines.dialect

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        try:
            async with self._reader() as session:
                yield session
        except _UNAVAILABLE as exc:
            raise StoreUnavailableError(f"database error: {exc}") from exc

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """A transaction committed on normal exit; unique violations become ConflictError."""
        try:
            async with self._writer() as session, session.begin():
                yield session
        except IntegrityError as exc:
            raise ConflictError(str(exc.orig)) from exc
        except _UNAVAILABLE as exc:
            raise StoreUnavailableError(f"database error: {exc}") from exc

    async def dispose(self) -> None:
        await self.engines.read.dispose()
