"""Admin events: the log line, the in-memory ring and the admin_events table."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from bastion.events import AdminEvent, EventLog
from bastion.store.store import Store

T0 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def event(index: int, kind: str = "usage_anomaly", tenant: str | None = "acme") -> AdminEvent:
    return AdminEvent(
        kind,
        f"event {index}",
        tenant,
        f"ten_{tenant}" if tenant else None,
        {"index": index, "what": "requests"},
        T0 + timedelta(seconds=index),
    )


def test_an_event_is_a_structured_warning(caplog: pytest.LogCaptureFixture) -> None:
    log = EventLog()
    with caplog.at_level(logging.WARNING, logger="bastion.events"):
        log.emit(event(1))
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert record.getMessage() == "event 1"
    assert record.__dict__["event"] == "usage_anomaly"
    assert record.__dict__["tenant"] == "acme"
    assert record.__dict__["details"] == {"index": 1, "what": "requests"}


def test_the_ring_keeps_the_most_recent_newest_first() -> None:
    log = EventLog(ring_size=5)
    for index in range(8):
        log.emit(event(index, tenant="acme" if index % 2 else "globex"))
    assert [e.details["index"] for e in log.recent_in_memory()] == [7, 6, 5, 4, 3]
    assert [e.details["index"] for e in log.recent_in_memory(tenant="acme")] == [7, 5, 3]
    assert [e.details["index"] for e in log.recent_in_memory(tenant="ten_globex")] == [6, 4]
    assert [e.details["index"] for e in log.recent_in_memory(limit=2)] == [7, 6]
    assert log.recent_in_memory(kind="other") == []


async def test_events_reach_the_database_off_the_request_path(store: Store) -> None:
    log = EventLog(store.events)
    log.start()
    for index in range(6):
        log.emit(event(index, kind="usage_anomaly" if index < 4 else "usage_anomaly_ended"))
    log.emit(event(6, tenant=None))
    await log.close()  # writes what is pending

    other_process = EventLog(store.events)
    found, source = await other_process.recent()
    assert source == "database"
    assert [e.details["index"] for e in found] == [6, 5, 4, 3, 2, 1, 0]
    assert found[-1] == event(0)
    found, _ = await other_process.recent(kind="usage_anomaly_ended")
    assert [e.details["index"] for e in found] == [5, 4]
    found, _ = await other_process.recent(tenant="ten_acme", limit=3)
    assert [e.details["index"] for e in found] == [5, 4, 3]
    found, _ = await other_process.recent(tenant="acme", kind="usage_anomaly", limit=10)
    assert [e.details["index"] for e in found] == [3, 2, 1, 0]


class BrokenStore:
    def __init__(self) -> None:
        self.calls = 0

    async def add(self, events: Sequence[AdminEvent]) -> None:
        self.calls += 1
        raise OSError("database down")

    async def recent(self, *, kind: str | None, tenant: str | None, limit: int) -> list[AdminEvent]:
        raise OSError("database down")


async def test_without_the_database_this_process_s_events_are_listed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("bastion.events._RETRY_SECONDS", 0.0)
    broken = BrokenStore()
    log = EventLog(broken)
    log.start()
    log.emit(event(1))
    log.emit(event(2, tenant="globex"))
    await log.close()
    assert broken.calls == 3  # tried, retried, then given up
    found, source = await log.recent(tenant="acme")
    assert source == "memory"
    assert [e.details["index"] for e in found] == [1]
