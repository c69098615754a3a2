"""``bastion serve --workers 2`` behaves as one gateway: limits, cache, revocation, metrics.

Every request here opens a new connection, so the kernel spreads them over both workers (each
test first checks that both answered); on SQLite nothing but the supervisor joins them.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.nodes import ADMIN, Node

CONFIG = """\
backends:
  sim:
    kind: simulator
    location: local
    models: [bastion-sim]
cache:
  enabled: true
"""


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Node]:
    """Started once for the module (each test uses tenants of its own)."""
    started = Node(tmp_path_factory.mktemp("node"), CONFIG)
    try:
        started.wait_ready()
        assert started.workers_answering() == {0, 1}, "the kernel gave every connection to one"
        yield started
    finally:
        started.stop()


@pytest.mark.slow
def test_a_tenant_limit_holds_for_the_node(node: Node) -> None:
    _, key = node.key("acme", {"requests_per_minute": 7})
    statuses = [node.chat(key, f"question {i}").status_code for i in range(20)]
    assert statuses.count(200) == 7, statuses
    assert statuses.count(429) == 13, statuses


@pytest.mark.slow
def test_a_revoked_key_fails_on_every_worker_at_once(node: Node) -> None:
    key_id, key = node.key("globex")
    # Both workers have the key cached as valid now.
    assert all(node.chat(key, f"warm {i}").status_code == 200 for i in range(12))
    revoked = node.request("POST", f"/admin/keys/{key_id}/revoke")
    assert revoked.status_code == 200, revoked.text
    time.sleep(0.2)  # the relay through the supervisor, well within a cache TTL of 5 s
    statuses = [node.chat(key, f"after {i}").status_code for i in range(12)]
    assert statuses == [401] * 12


@pytest.mark.slow
def test_one_cache_serves_every_worker(node: Node) -> None:
    _, key = node.key("initech")
    kinds = []
    for _ in range(12):
        response = node.chat(key, "What is the capital of France?")
        assert response.status_code == 200, response.text
        kinds.append(response.headers.get("x-bastion-cache", "miss"))
    assert kinds[0] == "miss"
    assert kinds[1:] == ["exact"] * 11, kinds


def _chat_total(node: Node) -> tuple[float, str]:
    text = node.request("GET", "/metrics").text
    found = re.search(
        r'^bastion_requests_total\{backend="sim",endpoint="chat.completions",'
        r'status="200"\} (\S+)$',
        text,
        re.MULTILINE,
    )
    return (float(found.group(1)) if found else 0.0), text


@pytest.mark.slow
def test_metrics_count_every_worker(node: Node) -> None:
    _, key = node.key("umbrella")
    before = {_chat_total(node)[0] for _ in range(4)}
    assert len(before) == 1, before  # whichever worker answers, it reports the node
    for i in range(10):
        assert node.chat(key, f"count me {i}").status_code == 200
    after = [_chat_total(node) for _ in range(4)]
    assert [total for total, _ in after] == [before.pop() + 10] * 4
    text = after[-1][1]
    # The scrape's own connection is open on one of the workers: the node counts it.
    found = re.search(r"^bastion_connections_open (\S+)$", text, re.MULTILINE)
    assert found and float(found.group(1)) >= 1, found
    assert "vllm:" not in text  # the simulator's own metrics stay on its own endpoint


def test_the_spool_loaders_health_reaches_the_nodes_metrics(node: Node) -> None:
    """The supervisor owns the loader: its restarts (and what waits in the spool) are in the
    node's /metrics as with one process, not lost."""
    loaders = subprocess.run(
        ["pgrep", "-f", "-P", str(node.process.pid), "bastion.journal"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    assert len(loaders) == 1, loaders
    subprocess.run(["kill", "-9", loaders[0]], check=True)
    deadline = time.monotonic() + 20
    while _metric(node, "bastion_journal_loader_restarts_total") < 1:
        assert time.monotonic() < deadline, "the loader's restart was not counted"
        time.sleep(0.2)
    assert "bastion_journal_spool_pending_bytes" in node.request("GET", "/metrics").text


def _metric(node: Node, name: str) -> float:
    found = re.search(rf"^{name} (\S+)$", node.request("GET", "/metrics").text, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


@pytest.mark.slow
def test_sigterm_stops_the_node_cleanly(tmp_path: Path) -> None:
    started = Node(tmp_path, CONFIG)
    started.wait_ready()
    assert started.stop() == 0
    log = started.log.read_text()
    assert "Traceback" not in log, log
    assert "worker exited" not in log, log
    assert log.count("is listening on") == 1, log  # one banner for the node


def _serve_until_exit(workdir: Path, config: Path) -> subprocess.CompletedProcess[str]:
    """``bastion serve --workers 2`` expected to end by itself (refused or failed start-up)."""
    return subprocess.run(
        [sys.executable, "-m", "bastion", "serve", "--config", str(config), "--workers", "2"],
        capture_output=True,
        text=True,
        check=False,
        cwd=workdir,
        timeout=60,
    )


def test_workers_refuse_a_configuration_that_launches_engines(tmp_path: Path) -> None:
    config = tmp_path / "bastion.yaml"
    config.write_text(
        "backends:\n  v:\n    kind: openai-compatible\n    location: local\n    models: [m]\n"
        "    replicas:\n      - base_url: http://127.0.0.1:18123/v1\n"
        "        launch: {command: 'bastion sim --port {port}'}\n"
    )
    result = _serve_until_exit(tmp_path, config)
    assert result.returncode == 2, result.stderr
    assert "launches engines" in result.stderr


def test_a_database_out_of_reach_stops_the_node_with_one_line(tmp_path: Path) -> None:
    config = tmp_path / "bastion.yaml"
    config.write_text("database:\n  url: postgresql+asyncpg://nobody@127.0.0.1:1/none\n")
    result = _serve_until_exit(tmp_path, config)
    assert result.returncode == 1
    assert "start-up failed" in result.stderr and "cannot open database" in result.stderr
    assert "Traceback" not in result.stderr


def _console_session(node: Node) -> httpx.Client:
    """A client signed in to the console with the admin key; each request on a new
    connection, so the pages land on either worker."""
    client = httpx.Client(base_url=node.url, headers={"connection": "close"}, timeout=20)
    page = client.get("/console/login")
    nonce = re.search(r'name="nonce" value="([^"]+)"', page.text)
    assert nonce is not None, page.text
    signed = client.post(
        "/console/login",
        data={"nonce": nonce.group(1), "key": ADMIN},
        headers={"Origin": node.url},
    )
    assert signed.status_code == 303, signed.text
    return client


@pytest.mark.slow
def test_the_consoles_last_hour_is_the_nodes(node: Node) -> None:
    _, key = node.key("hooli")
    assert all(node.chat(key, f"count me {i}").status_code == 200 for i in range(16))
    time.sleep(1.5)  # each worker sends its minute's counts to the supervisor every second
    console = _console_session(node)
    try:
        for _ in range(6):  # answered by either worker: the same node-wide counts
            page = console.get("/console/")
            assert page.status_code == 200
            assert "every worker of this node" in page.text
            found = re.search(r'<th scope="row">hooli</th><td>([\d,]+)</td>', page.text)
            assert found is not None, page.text
            assert found.group(1) == "16"
    finally:
        console.close()
