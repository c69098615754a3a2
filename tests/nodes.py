"""A gateway node as a real process: ``bastion serve --workers N`` on a port of its own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.servers import free_port

ADMIN = "bst-admin-of-the-worker-tests"


class Node:
    def __init__(self, workdir: Path, config_text: str, workers: int = 2) -> None:
        self.port = free_port()
        config = workdir / f"bastion-{self.port}.yaml"
        config.write_text(config_text)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / f"node-{self.port}.log"
        env = {
            **{k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")},
            "BASTION_ADMIN_KEY": ADMIN,
            "BASTION_LOG_LEVEL": "warning",
        }
        command = [sys.executable, "-m", "bastion", "serve", "--config", str(config)]
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [*command, "--port", str(self.port), "--workers", str(workers)],
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

    def key(self, tenant: str, limits: dict[str, int] | None = None) -> tuple[str, str]:
        """A new tenant (with ``limits``) and a key of it: (key id, key)."""
        created = self.request("POST", "/admin/tenants", json={"name": tenant, "limits": limits})
        assert created.status_code == 201, created.text
        issued = self.request("POST", "/admin/keys", json={"tenant": tenant})
        assert issued.status_code == 201, issued.text
        return issued.json()["id"], issued.json()["key"]
