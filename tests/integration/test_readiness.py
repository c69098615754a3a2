"""Shutdown runs every step even when one fails; ``/readyz`` says why a gateway is not ready.

Each step of ``Gateway.stop`` is isolated: a component whose close raises is logged, and the
journal still seals and loads its spool into the database. ``/readyz`` answers 503 with its
reasons when the journal cannot make records durable or no backend has a usable replica, while
``/healthz`` (liveness) stays 200.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from bastion.api.health import NO_REPLICA
from bastion.journal.health import JournalHealth
from bastion.routing.monitor import PoolMonitor
from bastion.store.engine import create_engines
from bastion.store.models import UsageRow
from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway

SIM = {"sim": {"kind": "simulator", "location": "local", "simulator": {"time_scale": 200}}}
# The loader copies the spool every minute at most: within a test, only the final load at
# shutdown puts records into the database.
SLOW_LOADER = {"load_interval_seconds": 60}


def ask(gateway: RunningGateway) -> str:
    response = httpx.post(
        gateway.url + "/v1/chat/completions",
        headers={"authorization": f"Bearer {ADMIN_KEY}"},
        json={"model": "bastion-sim", "messages": [{"role": "user", "content": "hi"}]},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return response.headers["x-request-id"]


def readyz(gateway: RunningGateway) -> tuple[int, dict[str, Any]]:
    response = httpx.get(gateway.url + "/readyz", timeout=5)
    return response.status_code, response.json()


def healthz(gateway: RunningGateway) -> int:
    return httpx.get(gateway.url + "/healthz", timeout=5).status_code


def wait_for_readyz(gateway: RunningGateway, code: int, timeout: float = 10) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        status, body = readyz(gateway)
        if status == code:
            return body
        assert time.monotonic() < deadline, f"/readyz stayed {status}: {body}"
        time.sleep(0.05)


async def _ledger_ids(url: str) -> set[str]:
    engines = create_engines(url)
    try:
        async with engines.read.connect() as conn:
            return set((await conn.execute(select(UsageRow.request_id))).scalars())
    finally:
        await engines.read.dispose()
        await engines.write.dispose()


@pytest.fixture
def fast_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(JournalHealth, "check_seconds", 0.05)


def test_a_failing_close_does_not_skip_the_journals_final_load(
    start_gateway: GatewayFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    original = PoolMonitor.stop

    async def failing_stop(self: PoolMonitor) -> None:
        await original(self)
        raise RuntimeError("the monitor would not stop")

    monkeypatch.setattr(PoolMonitor, "stop", failing_stop)
    gateway = start_gateway(SIM, journal=SLOW_LOADER)
    served = [ask(gateway) for _ in range(3)]

    with caplog.at_level(logging.ERROR, logger="bastion.gateway"):
        gateway.server.stop()

    ledger = asyncio.run(_ledger_ids(f"sqlite+aiosqlite:///{tmp_path}/bastion.db"))
    assert set(served) <= ledger, "the journal's final load did not run"
    failed = [r for r in caplog.records if r.getMessage().startswith("shutdown step failed")]
    assert [getattr(r, "component", None) for r in failed] == ["monitor of sim"]
    assert "the monitor would not stop" in getattr(failed[0], "error", "")
    journal = gateway.gateway.journal
    assert journal is not None and journal.loader is not None
    assert not journal.loader.alive


def test_ready_lists_backends_and_their_available_replicas(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(SIM)

    status, body = readyz(gateway)

    assert status == 200
    assert body["status"] == "ready"
    assert body["reasons"] == []
    assert body["backends"] == [
        {
            "name": "sim",
            "location": "local",
            "simulated": True,
            "replicas": 1,
            "available_replicas": 1,
        }
    ]


def test_not_ready_when_no_backend_has_an_available_replica(
    start_gateway: GatewayFactory,
) -> None:
    gateway = start_gateway(SIM)
    replica = gateway.gateway.pools["sim"].replicas[0]

    replica.healthy = False
    status, body = readyz(gateway)
    assert status == 503
    assert body["status"] == "not_ready"
    assert body["reasons"] == [NO_REPLICA]
    assert body["backends"][0]["available_replicas"] == 0
    assert healthz(gateway) == 200, "liveness does not depend on backends"

    replica.healthy = True
    replica.breaker.trip(time.monotonic(), "wedged")  # open for the configured open_seconds
    status, body = readyz(gateway)
    assert (status, body["reasons"]) == (503, [NO_REPLICA])

    replica.breaker.succeeded()
    assert readyz(gateway)[0] == 200


def test_ready_through_a_shared_outage_when_asked(start_gateway: GatewayFactory) -> None:
    """server.ready_during_shared_outages (the Helm chart's setting): no backend replica is an
    outage every replica of the gateway shares, answered 503 in the client's protocol rather
    than by an empty Service; the gateway's own problems still count."""
    gateway = start_gateway(SIM, server={"ready_during_shared_outages": True})
    gateway.gateway.pools["sim"].replicas[0].healthy = False
    status, body = readyz(gateway)
    assert (status, body["reasons"]) == (200, [])
    assert body["backends"][0]["available_replicas"] == 0
    gateway.gateway.draining = True
    assert readyz(gateway)[0] == 503


@pytest.mark.usefixtures("fast_checks")
def test_not_ready_while_the_spool_directory_cannot_be_made_again(
    start_gateway: GatewayFactory, tmp_path: Path
) -> None:
    """A deleted spool directory is made again by the writer within a second; while a file
    stands in its place it cannot be, and the gateway is not ready."""
    spool = tmp_path / "spool"
    gateway = start_gateway(SIM, journal={"spool_dir": str(spool)})
    assert readyz(gateway)[0] == 200

    for _ in range(5):  # the writer may make it again between the two steps: once more
        shutil.rmtree(spool, ignore_errors=True)
        try:
            spool.write_text("in the way")
            break
        except IsADirectoryError:
            continue
    status, body = readyz(gateway)

    assert status == 503
    assert body["status"] == "not_ready"
    assert body["reasons"] == [f"journal: the spool directory {spool} is not a directory"]
    assert healthz(gateway) == 200

    spool.unlink()  # nothing else to do: the writer makes the directory again
    wait_for_readyz(gateway, 200)
    assert spool.is_dir()


@pytest.mark.usefixtures("fast_checks")
def test_not_ready_while_the_spool_loader_is_stuck(
    start_gateway: GatewayFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(JournalHealth, "stall_seconds", 0.5)
    gateway = start_gateway(SIM, journal=SLOW_LOADER)
    served: list[str] = []
    deadline = time.monotonic() + 20
    while True:
        # Records spooled after the loader's first load wait a minute for the next one.
        served.append(ask(gateway))
        status, body = readyz(gateway)
        if status == 503:
            break
        assert time.monotonic() < deadline, "the stalled loader went unnoticed"
        time.sleep(0.2)

    assert body["status"] == "not_ready"
    [reason] = body["reasons"]
    assert reason.startswith("journal: the spool loader has loaded nothing for ")
    assert "bytes of records wait in 1 spool file(s) (limit 0.5 s)" in reason
    assert healthz(gateway) == 200
    # The database behind the loader is every replica's: asked to, the gateway stays ready.
    journal_health = gateway.gateway.journal_health
    assert journal_health is not None and journal_health.problems(shared=False) == []

    gateway.server.stop()
    ledger = asyncio.run(_ledger_ids(f"sqlite+aiosqlite:///{tmp_path}/bastion.db"))
    assert set(served) <= ledger
