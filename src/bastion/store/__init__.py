"""Persistence of tenants and API keys (SQLite or PostgreSQL, migrated with Alembic).

Nothing is imported here: the journal's loader process uses the tables and text rules alone,
and starts faster without the key and tenant repositories (import from the modules).
"""
