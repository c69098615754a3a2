"""``bastion serve --workers 2`` behaves as one gateway: limits, cache, revocation, metrics.

Every request here opens a new connection, so the kernel spreads them over both workers (each
test first checks that both answered); on SQLite nothing but the supervisor joins them.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.servers import free_port

ADMIN = "bst-admin-of-the-worker-tests"
CONFIG = """\
backends:
  sim:
    kind: simulator
    location: local
    models: [bastion-sim]
cache:
  enabled: true
"""


class Node:
    def __init__(self, workdir: Path, workers: int = 2) -> None:
        config = workdir / "bastion.yaml"
        config.write_text(CONFIG)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / "node.log"
        env = {
            **{k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")},
            "BASTION_ADMIN_KEY": ADMIN,
            "BASTION_LOG_LEVEL": "warning",
        }
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bastion", "serve", "--config", str(config)]
                + ["--port", str(self.port), "--workers", str(workers)],
                cwd=workdir,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"node exited: {self.log.read_text()}")
            try:
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        pytest.fail(f"node not ready: {self.log.read_text()}")

    def request(self, method: str, path: str, key: str = ADMIN, **kwargs: Any) -> httpx.Response:
        # A new connection each time: the kernel picks the worker per connection.
        headers = {"authorization": f"Bearer {key}", "connection": "close"}
        return httpx.request(method, self.url + path, headers=headers, timeout=20, **kwargs)

    def chat(self, key: str, text: str = "Hello") -> httpx.Response:
        body = {
            "model": "bastion-sim",
            "messages": [{"role": "user", "content": text}],
            "max_tokens": 4,
        }
        return self.request("POST", "/v1/chat/completions", key, json=body)

    def workers_answering(self, tries: int = 60) -> set[int]:
        seen: set[int] = set()
        for _ in range(tries):
            seen.add(self.request("GET", "/readyz").json()["workers"]["this"])
            if len(seen) == 2:
                break
        return seen

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
            pytest.fail(f"no exit 40 s after SIGTERM: {self.log.read_text()[-3000:]}")


@pytest.fixture
def node(tmp_path: Path) -> Iterator[Node]:
    started = Node(tmp_path)
    try:
        started.wait_ready()
        assert started.workers_answering() == {0, 1}, "the kernel gave every connection to one"
        yield started
    finally:
        started.stop()


def _key(node: Node, tenant: str, limits: dict[str, int] | None = None) -> tuple[str, str]:
    created = node.request("POST", "/admin/tenants", json={"name": tenant, "limits": limits})
    assert created.status_code == 201, created.text
    issued = node.request("POST", "/admin/keys", json={"tenant": tenant})
    assert issued.status_code == 201, issued.text
    return issued.json()["id"], issued.json()["key"]


@pytest.mark.slow
def test_a_tenant_limit_holds_for_the_node(node: Node) -> None:
    _, key = _key(node, "acme", {"requests_per_minute": 7})
    statuses = [node.chat(key, f"question {i}").status_code for i in range(20)]
    assert statuses.count(200) == 7, statuses
    assert statuses.count(429) == 13, statuses


@pytest.mark.slow
def test_a_revoked_key_fails_on_every_worker_at_once(node: Node) -> None:
    key_id, key = _key(node, "globex")
    # Both workers have the key cached as valid now.
    assert all(node.chat(key, f"warm {i}").status_code == 200 for i in range(12))
    revoked = node.request("POST", f"/admin/keys/{key_id}/revoke")
    assert revoked.status_code == 200, revoked.text
    time.sleep(0.2)  # the relay through the supervisor, well within a cache TTL of 5 s
    statuses = [node.chat(key, f"after {i}").status_code for i in range(12)]
    assert statuses == [401] * 12


@pytest.mark.slow
def test_one_cache_serves_every_worker(node: Node) -> None:
    _, key = _key(node, "initech")
    kinds = []
    for _ in range(12):
        response = node.chat(key, "What is the capital of France?")
        assert response.status_code == 200, response.text
        kinds.append(response.headers.get("x-bastion-cache", "miss"))
    assert kinds[0] == "miss"
    assert kinds[1:] == ["exact"] * 11, kinds


@pytest.mark.slow
def test_metrics_count_every_worker(node: Node) -> None:
    _, key = _key(node, "umbrella")
    for i in range(10):
        assert node.chat(key, f"count me {i}").status_code == 200
    totals = []
    for _ in range(4):  # whichever worker answers, it reports the node
        text = node.request("GET", "/metrics").text
        found = re.search(
            r'^bastion_requests_total\{backend="sim",endpoint="chat.completions",'
            r'status="200"\} (\S+)$',
            text,
            re.MULTILINE,
        )
        assert found, text[:2000]
        totals.append(float(found.group(1)))
    assert totals == [10.0] * 4
    assert re.search(r"^bastion_connections_open \S+$", text, re.MULTILINE)
    assert "vllm:" not in text  # the simulator's own metrics stay on its own endpoint


@pytest.mark.slow
def test_sigterm_stops_the_node_cleanly(tmp_path: Path) -> None:
    started = Node(tmp_path)
    started.wait_ready()
    assert started.stop() == 0
    log = started.log.read_text()
    assert "Traceback" not in log, log
    assert "worker exited" not in log, log
    assert log.count("is listening on") == 1, log  # one banner for the node


def test_workers_refuse_a_configuration_that_launches_engines(tmp_path: Path) -> None:
    config = tmp_path / "bastion.yaml"
    config.write_text(
        "backends:\n  v:\n    kind: openai-compatible\n    location: local\n    models: [m]\n"
        "    replicas:\n      - base_url: http://127.0.0.1:18123/v1\n"
        "        launch: {command: 'bastion sim --port {port}'}\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "bastion", "serve", "--config", str(config), "--workers", "2"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "launches engines" in result.stderr
