"""Errors raised by the store, independent of the database driver underneath."""

from __future__ import annotations


class StoreError(Exception):
    """Base class for every error the store raises on purpose."""


class NotFoundError(StoreError, LookupError):
    """The tenant or key named by the caller does not exist."""


class ConflictError(StoreError):
    """A unique name is already taken, or the operation would break an invariant."""


class InvalidInputError(StoreError, ValueError):
    """A name, scope or timestamp the store refuses to persist."""


class StoreUnavailableError(StoreError):
    """The database could not be reached or failed; the request may be retried later."""
