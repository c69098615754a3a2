"""Durable, batched writes of ledger and audit records (group commit).

Nothing is imported here: ``python -m bastion.journal`` (the loader process) would otherwise
import the writer and all it needs, which the loader does not (import from the modules).
"""
