"""A migrated SQLite journal and a writer over it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from bastion.audit.chain import Signer
from bastion.journal.writer import AuditSettings, JournalWriter
from bastion.store.store import Store
from bastion.telemetry.metrics import GatewayMetrics

KEY = b"unit-test-audit-signing-key-0123456789"

WriterFactory = Callable[..., Awaitable[JournalWriter]]


@pytest.fixture
async def journal_writers(store: Store) -> AsyncIterator[WriterFactory]:
    """Starts writers (each its own chain, as separate processes would) and stops them."""
    started: list[JournalWriter] = []

    async def start(
        *, segment_records: int = 1000, signed: bool = True, **kwargs: float
    ) -> JournalWriter:
        settings = AuditSettings(Signer(KEY) if signed else None, segment_records, 3600.0)
        writer = JournalWriter(store.engines.write, GatewayMetrics(), audit=settings, **kwargs)  # type: ignore[arg-type]
        await writer.start()
        started.append(writer)
        return writer

    yield start
    for writer in started:
        await writer.stop()
