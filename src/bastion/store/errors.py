"""Errors raised by the store, independent of the database driver underneath."""

from __future__ import annotations


class StoreError(Exception):
    """Base class for every error the store raises on purpose."""


class NotFoundError(StoreError, LookupError):
    """The tenant or key named by the caller does not exist."""


class ConflictError(StoreError):
    """A unique name is already taken, or the operation would break an invariant."""


class InvalidInputError(StoreError, ValueError):
    """A name, scope, limit or timestamp the store refuses to persist."""

    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        # The offending field, e.g. "limits.requests_per_minute", where one can be named.
        self.param = param


class StoreUnavailableError(StoreError):
    """The database could not be reached or failed; the request may be retried later."""
