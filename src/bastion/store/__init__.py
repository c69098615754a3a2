"""Persistence of tenants and API keys (SQLite or PostgreSQL, migrated with Alembic)."""

from bastion.store.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    StoreError,
    StoreUnavailableError,
)
from bastion.store.invalidation import Invalidation, InvalidationHub
from bastion.store.keymaterial import display_prefix, generate_key, hash_key, is_well_formed
from bastion.store.keys import KeyRepository
from bastion.store.names import ADMIN_SCOPE
from bastion.store.records import KeyRecord, KeyStatus, TenantRecord
from bastion.store.store import DEFAULT_DATABASE_URL, Store
from bastion.store.tenants import TenantRepository

__all__ = [
    "ADMIN_SCOPE",
    "DEFAULT_DATABASE_URL",
    "ConflictError",
    "InvalidInputError",
    "Invalidation",
    "InvalidationHub",
    "KeyRecord",
    "KeyRepository",
    "KeyStatus",
    "NotFoundError",
    "Store",
    "StoreError",
    "StoreUnavailableError",
    "TenantRecord",
    "TenantRepository",
    "display_prefix",
    "generate_key",
    "hash_key",
    "is_well_formed",
]
