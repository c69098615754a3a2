"""Durable, batched writes of ledger and audit records (group commit)."""

from bastion.journal.writer import JournalUnavailableError, JournalWriter

__all__ = ["JournalUnavailableError", "JournalWriter"]
