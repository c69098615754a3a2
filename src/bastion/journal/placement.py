"""Where the journal spools its records, from the configuration."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from bastion.config import BastionConfig
from bastion.journal.writer import SpoolSettings
from bastion.store.engine import sqlite_path

DEFAULT_SPOOL_DIR = Path("bastion-data/journal")


def journal_spool_settings(
    config: BastionConfig, *, own_loader: bool = True
) -> SpoolSettings | None:
    """Where the journal spools its records (None: it commits to the database instead)."""
    journal = config.journal
    if journal.durability != "spool":
        return None
    if journal.spool_dir is not None:
        directory = Path(journal.spool_dir)
    else:
        url = make_url(config.database.url)
        database = sqlite_path(url) if url.get_backend_name() == "sqlite" else None
        directory = database.parent / "journal" if database is not None else DEFAULT_SPOOL_DIR
    return SpoolSettings(
        directory,
        config.database.url,
        journal.fsync,
        journal.spool_rotate_bytes,
        journal.load_interval_seconds,
        journal.final_load_seconds,
        own_loader=own_loader,
    )
