"""Alembic environment and revisions for Bastion's schema (run by ``bastion.store.migrate``)."""
