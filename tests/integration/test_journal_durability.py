"""SIGKILL under load loses no ledger or audit record of any response a client received.

A real ``bastion serve`` process answers a steady mix of streamed and whole, OpenAI and
Anthropic requests from several client threads; it is killed with SIGKILL mid-load. Every
response that arrived complete (body read to its end, streams with their final event) must
have its ledger row and its audit intent and completion on disk, and the journal must verify.
Records are durable once in the local spool; the restart on the same database loads what the
killed process had not yet copied, then continues with a new chain naming the old one's head.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from bastion.audit.chain import Signer
from bastion.audit.verify import VerifyReport, verify_journal
from bastion.store.engine import create_engines
from bastion.store.models import AuditRecordRow, UsageRow
from tests.conftest_postgres import scratch_database
from tests.servers import free_port

ADMIN_KEY = "bst-durability-test-admin-key-000000000000"
AUDIT_KEY = "durability-test-audit-signing-key"
CLIENTS = 12
LOAD_SECONDS = 2.0

CONFIG = """\
database:
  url: {url}
backends:
  sim:
    kind: simulator
    location: local
    simulator:
      time_scale: 20
audit:
  segment_records: 200
journal:
  spool_dir: journal
"""


class Gateway:
    def __init__(self, workdir: Path, database_url: str, workers: int = 1) -> None:
        config = workdir / "bastion.yaml"
        config.write_text(CONFIG.format(url=database_url))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **{k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")},
            "BASTION_ADMIN_KEY": ADMIN_KEY,
            "BASTION_AUDIT_KEY": AUDIT_KEY,
            "BASTION_LOG_LEVEL": "warning",
        }
        # A file, not a pipe: nobody reads a pipe here, and a full one would stall the process.
        self.log = workdir / f"gateway-{self.port}.log"
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bastion", "serve", "--config", str(config)],
                cwd=workdir,
                env={**env, "BASTION_PORT": str(self.port), "BASTION_WORKERS": str(workers)},
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gateway exited: {self.log.read_text()}")
            try:
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        pytest.fail("gateway not ready")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)

    def terminate(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(30)
        except subprocess.TimeoutExpired:
            pytest.fail(f"no exit 30 s after SIGTERM: {self.log.read_text()[-3000:]}")
        assert code == 0, self.log.read_text()[-3000:]


def _request(client: httpx.Client, url: str, n: int) -> str | None:
    """One request of the mix; the request id if its response arrived complete."""
    kind = n % 4
    stream = kind in (1, 3)
    if kind < 2:
        path = "/v1/chat/completions"
        body: dict[str, Any] = {
            "model": "sim/bastion-sim",
            "messages": [{"role": "user", "content": f"request {n}"}],
            "max_tokens": 8,
            "stream": stream,
        }
        end = b"data: [DONE]"
    else:
        path = "/v1/messages"
        body = {
            "model": "sim/bastion-sim",
            "max_tokens": 8,
            "messages": [{"role": "user", "content": f"request {n}"}],
            "stream": stream,
        }
        end = b"event: message_stop"
    headers = {"authorization": f"Bearer {ADMIN_KEY}", "anthropic-version": "2023-06-01"}
    with client.stream("POST", url + path, json=body, headers=headers) as response:
        content = response.read()  # raises if the connection dies before the body's end
        if response.status_code != 200:
            return None
        if stream and end not in content:
            return None
        return response.headers["x-request-id"]


def _load(url: str, stop: threading.Event, received: list[str], index: int) -> None:
    n = index
    with httpx.Client(timeout=10) as client:
        while not stop.is_set():
            try:
                request_id = _request(client, url, n)
            except httpx.HTTPError:
                return  # the gateway is gone
            if request_id is not None:
                received.append(request_id)
            n += CLIENTS


async def _journal_state(url: str) -> tuple[set[str], dict[str, set[str]], VerifyReport]:
    engines = create_engines(url)
    try:
        async with engines.read.connect() as conn:
            ledger = set((await conn.execute(select(UsageRow.request_id))).scalars())
            audit: dict[str, set[str]] = {}
            rows = await conn.execute(select(AuditRecordRow.request_id, AuditRecordRow.kind))
            for request_id, kind in rows:
                if request_id is not None:
                    audit.setdefault(request_id, set()).add(kind)
        report = await verify_journal(engines.read, Signer(AUDIT_KEY.encode()))
    finally:
        await engines.read.dispose()
    return ledger, audit, report


def _start_load(url: str) -> tuple[threading.Event, list[str], list[threading.Thread]]:
    stop = threading.Event()
    received: list[str] = []
    threads = [
        threading.Thread(target=_load, args=(url, stop, received, i), daemon=True)
        for i in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    return stop, received, threads


def _kill_under_load_and_check(workdir: Path, database_url: str) -> None:
    gateway = Gateway(workdir, database_url)
    try:
        gateway.wait_ready()
        stop, received, threads = _start_load(gateway.url)
        time.sleep(LOAD_SECONDS)
        gateway.kill()  # SIGKILL, with requests in flight
        stop.set()
        for thread in threads:
            thread.join(15)
    finally:
        gateway.kill()
    assert len(received) > 50, "the load did not get going"

    # A restart loads what the killed process had spooled, then opens a new chain that names
    # the old one's head.
    restarted = Gateway(workdir, database_url)
    try:
        restarted.wait_ready()
        ledger, audit, report = asyncio.run(_journal_state(database_url))
        missing_ledger = [r for r in received if r not in ledger]
        missing_audit = [r for r in received if audit.get(r) != {"intent", "completion"}]
        assert not missing_ledger, f"{len(missing_ledger)} of {len(received)}: no ledger row"
        assert not missing_audit, f"{len(missing_audit)} of {len(received)}: no intent+completion"
        assert report.intact, [f.render() for f in report.findings]
        headers = {"authorization": f"Bearer {ADMIN_KEY}"}
        body = {"model": "sim/bastion-sim", "messages": [{"role": "user", "content": "again"}]}
        response = httpx.post(
            restarted.url + "/v1/chat/completions", json=body, headers=headers, timeout=10
        )
        assert response.status_code == 200
        restarted.terminate()
    finally:
        restarted.kill()
    ledger, _, report = asyncio.run(_journal_state(database_url))
    assert response.headers["x-request-id"] in ledger
    assert report.intact, [f.render() for f in report.findings]
    assert report.chains == 2
    assert not list((workdir / "journal").glob("*.spool")), "loaded spool files are deleted"


@pytest.mark.slow
def test_sigkill_loses_no_acknowledged_record_sqlite(tmp_path: Path) -> None:
    _kill_under_load_and_check(tmp_path, f"sqlite+aiosqlite:///{tmp_path}/bastion.db")


@pytest.fixture
def pg_database() -> Iterator[str]:
    with scratch_database() as url:
        yield url


@pytest.mark.slow
@pytest.mark.postgres
def test_sigkill_loses_no_acknowledged_record_postgres(tmp_path: Path, pg_database: str) -> None:
    _kill_under_load_and_check(tmp_path, pg_database)


def _workers_of(pid: int) -> list[int]:
    """The worker processes a supervisor spawned (children running multiprocessing's spawn)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        state, parent = stat.rsplit(")", 1)[1].split()[:2]
        if int(parent) == pid and state != "Z" and b"spawn_main" in command:
            children.append(int(entry.name))
    return children


@pytest.mark.slow
def test_sigkill_of_one_worker_loses_no_acknowledged_record(tmp_path: Path) -> None:
    """With two workers, one is killed mid-load: the other keeps serving, the supervisor starts
    a new one, and every answer either of them gave has its records after a clean stop."""
    database_url = f"sqlite+aiosqlite:///{tmp_path}/bastion.db"
    gateway = Gateway(tmp_path, database_url, workers=2)
    try:
        gateway.wait_ready()
        workers = _workers_of(gateway.process.pid)
        assert len(workers) == 2, workers
        stop, received, threads = _start_load(gateway.url)
        time.sleep(LOAD_SECONDS)
        os.kill(workers[0], signal.SIGKILL)
        killed_at = len(received)
        deadline = time.monotonic() + 20
        restarted = _workers_of(gateway.process.pid)
        while time.monotonic() < deadline and (len(restarted) < 2 or workers[0] in restarted):
            time.sleep(0.1)
            restarted = _workers_of(gateway.process.pid)
        assert len(restarted) == 2 and workers[0] not in restarted, restarted
        gateway.wait_ready()
        time.sleep(1.0)
        stop.set()
        for thread in threads:
            thread.join(15)
        gateway.terminate()
    finally:
        gateway.kill()
    assert killed_at > 20 and len(received) > killed_at, (killed_at, len(received))
    ledger, audit, report = asyncio.run(_journal_state(database_url))
    missing_ledger = [r for r in received if r not in ledger]
    missing_audit = [r for r in received if audit.get(r) != {"intent", "completion"}]
    assert not missing_ledger, f"{len(missing_ledger)} of {len(received)}: no ledger row"
    assert not missing_audit, f"{len(missing_audit)} of {len(received)}: no intent+completion"
    assert report.intact, [f.render() for f in report.findings]
    assert report.chains == 3  # one per worker process that ever ran
