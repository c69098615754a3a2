"""Simulated engines as real processes (``bastion sim``), for fault-injection tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

import httpx

from tests.servers import free_port


class SimProcess:
    def __init__(self, *args: str) -> None:
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.url = self.origin + "/v1"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bastion", "sim", "--port", str(self.port), *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "bastion sim exited"
            try:
                if httpx.get(self.origin + "/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise TimeoutError("bastion sim did not become ready")

    def set_faults(self, **faults: Any) -> None:
        response = httpx.post(self.origin + "/sim/faults", json=faults, timeout=5)
        response.raise_for_status()

    def served_requests(self) -> float:
        """Finished requests according to the engine's own vLLM-style counter."""
        return self._metric("vllm:request_success_total")

    def running_requests(self) -> float:
        """Requests the engine is answering now (its vLLM-style gauge)."""
        return self._metric("vllm:num_requests_running")

    def _metric(self, name: str) -> float:
        """The sum of the engine's samples of ``name`` (every label set)."""
        text = httpx.get(self.origin + "/metrics", timeout=5).text
        return sum(
            float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(name)
        )

    def kill(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def start_sims(count: int, *args: str) -> list[SimProcess]:
    sims = [SimProcess(*args, "--seed", str(index)) for index in range(count)]
    for sim in sims:
        sim.wait_ready()
    return sims
