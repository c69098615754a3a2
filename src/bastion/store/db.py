"""Session scopes with driver errors translated into store errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bastion.store.engine import Engines
from bastion.store.errors import ConflictError, InvalidInputError, StoreUnavailableError

_UNAVAILABLE = (DBAPIError, OSError, TimeoutError)
# SQLSTATE classes that refuse the values sent rather than the request or the connection:
# data exception (a NUL or an invalid byte, a value too long or out of range), integrity
# constraint violation, program limit exceeded (e.g. an index row too large).
_REFUSAL_CLASSES = frozenset({"22", "23", "54"})
# Raised by the drivers themselves before anything is sent (a lone surrogate cannot be encoded,
# an integer does not fit SQLite's 64 bits).
_REFUSED_BY_DRIVER = (UnicodeError, OverflowError)


def is_refusal(exc: BaseException) -> bool:
    """True when the database (or its driver) refused the values, not the connection.

    Such an error recurs however often the same values are sent again; an unavailable
    database (connection refused, timeout, server shutting down) is not a refusal.
    """
    if isinstance(exc, (*_REFUSED_BY_DRIVER, DataError, IntegrityError)):
        return True
    orig = getattr(exc, "orig", None)
    if isinstance(orig, _REFUSED_BY_DRIVER):
        return True
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return isinstance(code, str) and code[:2] in _REFUSAL_CLASSES


def _refused() -> InvalidInputError:
    return InvalidInputError(
        "a value given holds characters (such as NUL) or a length the database refuses"
    )


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
        """A session; values the database refuses become InvalidInputError (the caller's
        mistake, a 400), an unreachable or failing database StoreUnavailableError (a 503)."""
        try:
            async with self._reader() as session:
                yield session
        except (*_UNAVAILABLE, *_REFUSED_BY_DRIVER) as exc:
            if is_refusal(exc):
                raise _refused() from exc
            raise StoreUnavailableError(f"database error: {exc}") from exc

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """A transaction committed on normal exit; unique violations become ConflictError,
        values the database refuses InvalidInputError."""
        try:
            async with self._writer() as session, session.begin():
                yield session
        except IntegrityError as exc:
            raise ConflictError(str(exc.orig)) from exc
        except (*_UNAVAILABLE, *_REFUSED_BY_DRIVER) as exc:
            if is_refusal(exc):
                raise _refused() from exc
            raise StoreUnavailableError(f"database error: {exc}") from exc

    async def dispose(self) -> None:
        await self.engines.read.dispose()
