"""Pieces shared by the benchmarks that start engines and gateways as processes."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
import yaml


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile of ``values`` sorted ascending; NaN when empty."""
    if not values:
        return float("nan")
    index = min(len(values) - 1, max(0, round(q * len(values) + 0.5) - 1))
    return values[index]


class Processes:
    def __init__(self) -> None:
        self.started: list[tuple[str, subprocess.Popen[bytes]]] = []

    def start(self, name: str, argv: list[str], log: Path) -> subprocess.Popen[bytes]:
        handle = log.open("wb")
        process = subprocess.Popen(argv, stdout=handle, stderr=subprocess.STDOUT)
        self.started.append((name, process))
        return process

    def cpu_seconds(self) -> dict[str, float]:
        """User + system CPU each process used so far (Linux /proc)."""
        ticks = os.sysconf("SC_CLK_TCK")
        used: dict[str, float] = {}
        for name, process in self.started:
            try:
                fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            used[name] = (int(fields[11]) + int(fields[12])) / ticks
        return used

    def rss_mib(self, name: str) -> float | None:
        """Resident memory of the named process (Linux /proc), in MiB."""
        for started, process in self.started:
            if started != name:
                continue
            try:
                status = Path(f"/proc/{process.pid}/status").read_text()
            except OSError:
                return None
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return None

    def stop(self) -> None:
        for _, process in self.started:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for _, process in self.started:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        self.started.clear()


async def wait_ready(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            try:
                async with session.get(url, timeout=aiohttp.ClientTimeout(total=1)) as response:
                    if response.status == 200:
                        return
            except (aiohttp.ClientError, TimeoutError):
                pass
            await asyncio.sleep(0.1)
    raise TimeoutError(f"{url} not ready")


async def start_sims(
    processes: Processes, settings: dict[str, Any], count: int, workdir: Path, label: str = ""
) -> list[str]:
    """``count`` simulated engines (``bastion sim`` processes) with ``settings``, seeds 0..count-1;
    their base URLs once they answer."""
    sim_file = workdir / f"{label}sim.yaml"
    sim_file.write_text(yaml.safe_dump(settings))
    urls = []
    for index in range(count):
        port = free_port()
        processes.start(
            f"sim{index}",
            [sys.executable, "-m", "bastion", "sim", "--port", str(port), "--config",
             str(sim_file), "--seed", str(index), "--log-level", "warning"],
            workdir / f"{label}sim{index}.log",
        )  # fmt: skip
        urls.append(f"http://127.0.0.1:{port}")
    for url in urls:
        await wait_ready(url + "/health")
    return urls


async def start_gateway(
    processes: Processes, config: dict[str, Any], workdir: Path, label: str
) -> str:
    """``bastion serve`` with ``config`` (which sets server.port); its URL once it is ready."""
    config_file = workdir / f"bastion-{label}.yaml"
    config_file.write_text(yaml.safe_dump(config))
    processes.start(
        "gateway",
        [sys.executable, "-m", "bastion", "serve", "--config", str(config_file)],
        workdir / f"gateway-{label}.log",
    )
    url = f"http://127.0.0.1:{config['server']['port']}"
    await wait_ready(url + "/readyz")
    return url
