"""The INSERT of the database's own dialect: the one that has ``on_conflict_do_nothing`` and
``on_conflict_do_update`` (upserts), which SQLAlchemy's generic insert does not."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite


def dialect_insert(dialect: str, table: Any) -> Any:
    """``table``'s (or mapped class's) INSERT for ``dialect`` (``postgresql`` or ``sqlite``)."""
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise ValueError(f"unsupported database dialect {dialect}")
