"""Supervised local engines: started by the gateway, gated on readiness, restarted with
backoff when they exit or wedge, drained and stopped with it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shlex
import signal
import sys
import time
from typing import Any
from urllib.parse import urlsplit

from bastion.config.schema import LaunchConfig
from bastion.routing.replica import FailureEvent, Replica
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

_READY_POLL_SECONDS = 0.25


def launch_argv(launch: LaunchConfig, base_url: str) -> list[str]:
    """The command with ``{host}`` and ``{port}`` filled from the replica's address.

    ``bastion`` as the program means this installation's own command line, so a supervised
    simulator runs from the same environment as the gateway.
    """
    parts = urlsplit(base_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    words = shlex.split(launch.command) if isinstance(launch.command, str) else launch.command
    argv = [w.replace("{host}", parts.hostname or "127.0.0.1").replace("{port}", str(port))
            for w in words]  # fmt: skip
    if argv[0] == "bastion":
        argv = [sys.executable, "-m", "bastion", *argv[1:]]
    return argv


class EngineSupervisor:
    def __init__(self, replica: Replica, launch: LaunchConfig, metrics: GatewayMetrics) -> None:
        self.replica = replica
        self.launch = launch
        self.argv = launch_argv(launch, replica.base_url)
        self._metrics = metrics
        self.state = "stopped"
        self.pid: int | None = None
        self.restarts = 0
        self.last_exit: str | None = None
        self.last_exit_at: float | None = None  # wall clock
        self.ready_at: float | None = None
        # Time from the engine going down to being ready again, for the last restart.
        self.last_gap_seconds: float | None = None
        self.next_start_in: float | None = None
        self._down_since: float | None = None
        self._process: asyncio.subprocess.Process | None = None
        self._restart = asyncio.Event()
        self._restart_reason = ""
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        replica.supervisor = self
        replica.ready = False

    def _stop_requested(self) -> bool:
        # A method, not the attribute: stop() flips it while _run awaits, and a type checker
        # narrowing the attribute across those awaits would call the later checks unreachable.
        return self._stopping

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"supervise {self.replica.name}")

    def restart(self, reason: str) -> None:
        """Asks for the engine to be stopped and started again (it wedged)."""
        if self.state == "ready":
            self._restart_reason = reason
            self._restart.set()

    async def _run(self) -> None:
        launch = self.launch
        delay = launch.restart_initial_seconds
        loop = asyncio.get_running_loop()
        while not self._stop_requested():
            spawned = loop.time()
            try:
                await self._spawn()
            except OSError as exc:
                self._exited(f"could not start: {exc}")
            else:
                await self._serve_until_down()
            if self._stop_requested():
                break
            if loop.time() - spawned >= launch.stable_seconds:
                delay = launch.restart_initial_seconds
            self.state = "backoff"
            self.next_start_in = delay
            log.warning(
                "engine down, restarting",
                extra={"replica": self.replica.name, "error": self.last_exit, "delay": delay},
            )
            await self._sleep(delay)
            self.next_start_in = None
            delay = min(delay * 2, launch.restart_max_seconds)
            if not self._stop_requested():
                self.restarts += 1
                self._metrics.replica_transitions.labels(self.replica.backend, "restarted").inc()
        self.state = "stopped"

    async def _spawn(self) -> None:
        launch = self.launch
        env = {**os.environ, **launch.env} if launch.env else None
        self.state = "starting"
        self._restart.clear()
        self._process = await asyncio.create_subprocess_exec(
            *self.argv,
            env=env,
            cwd=launch.cwd,
            stdin=asyncio.subprocess.DEVNULL,
            # Its own process group, so stopping it reaches the workers it forks too.
            start_new_session=True,
        )
        self.pid = self._process.pid
        log.info("engine started", extra={"replica": self.replica.name, "pid": self.pid})

    async def _serve_until_down(self) -> None:
        process = self._process
        assert process is not None
        exited = asyncio.ensure_future(process.wait())
        try:
            if await self._wait_ready(exited):
                self._became_ready()
                restart = asyncio.ensure_future(self._restart.wait())
                await asyncio.wait({exited, restart}, return_when=asyncio.FIRST_COMPLETED)
                restart.cancel()
            self.replica.ready = False
            if self._down_since is None:
                self._down_since = time.monotonic()
            if not exited.done():
                await self._terminate(process)
            if self._stop_requested():
                self._exited(f"stopped (exit status {process.returncode})")
            elif self._restart.is_set():
                self._exited(f"restarted: {self._restart_reason}")
            elif self.state == "starting" and process.returncode is None:
                self._exited("not ready in time")
            else:
                self._exited(_describe_exit(process.returncode))
        finally:
            exited.cancel()
            if not self._stop_requested():
                self._restart.clear()  # handled; the backoff sleep must not end at once

    async def _wait_ready(self, exited: asyncio.Future[Any]) -> bool:
        launch = self.launch
        url = self.replica.origin + launch.ready_path
        loop = asyncio.get_running_loop()
        deadline = loop.time() + launch.ready_timeout_seconds
        while not exited.done() and not self._stop_requested() and loop.time() < deadline:
            with contextlib.suppress(Exception):
                status, _ = await self.replica.http.get(url, 2.0)
                if 200 <= status < 300:
                    return True
            await asyncio.wait({exited}, timeout=_READY_POLL_SECONDS)
        if not exited.done() and not self._stop_requested():
            log.error(
                "engine not ready in time",
                extra={"replica": self.replica.name, "seconds": launch.ready_timeout_seconds},
            )
        return False

    def _became_ready(self) -> None:
        replica = self.replica
        self.state = "ready"
        self.ready_at = time.time()
        if self._down_since is not None:
            self.last_gap_seconds = round(time.monotonic() - self._down_since, 3)
            self._down_since = None
        # A fresh process: whatever its predecessor did no longer counts against it.
        replica.breaker.succeeded()
        replica.healthy = True
        replica.health_failures = 0
        replica.ready = True
        log.info(
            "engine ready",
            extra={"replica": replica.name, "pid": self.pid, "gap": self.last_gap_seconds},
        )

    def _exited(self, description: str) -> None:
        self.last_exit = description
        self.last_exit_at = time.time()
        self.pid = None
        self.replica.failures.append(FailureEvent(time.time(), description))

    async def _terminate(self, process: asyncio.subprocess.Process) -> None:
        grace = self.launch.stop_grace_seconds
        _signal_group(process.pid, signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), grace)
        except TimeoutError:
            _signal_group(process.pid, signal.SIGKILL)
            await process.wait()

    async def _sleep(self, seconds: float) -> None:
        # Interrupted by stop(): a gateway shutting down does not wait out a backoff.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._restart.wait(), seconds)

    async def stop(self) -> None:
        """Drains the engine (no new requests; those in flight get drain_seconds), stops it."""
        self._stopping = True
        replica = self.replica
        replica.ready = False
        self.state = "draining"
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.launch.drain_seconds
        # Polled: the count is a plain integer on the request path, not worth an event per change.
        while replica.activity.in_flight > 0 and loop.time() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        self._restart.set()  # wakes a backoff sleep or the serving wait
        if self._task is not None:
            await self._task

    def describe(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "pid": self.pid,
            "command": self.argv,
            "restarts": self.restarts,
            "last_exit": self.last_exit,
            "last_exit_at": self.last_exit_at,
            "ready_at": self.ready_at,
            "last_gap_seconds": self.last_gap_seconds,
            "next_start_in_seconds": self.next_start_in,
        }


def _signal_group(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "exited"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        # SIGKILL is most often the kernel's OOM killer.
        return f"killed by {name}"
    return f"exited with status {code}"
