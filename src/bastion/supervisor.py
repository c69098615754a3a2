"""``bastion serve --workers N``: one supervisor and N worker processes on one listening socket.

The supervisor binds the port and hands the socket to each worker (spawned, not forked, so no
worker inherits another's event loop or connections); the kernel spreads accepted connections
over the workers. Before any worker starts it does what must happen once per node: migrations,
the bootstrap admin key, loading what dead processes left in the journal's spool, and starting
the one spool loader. While they run it holds the node's shared state (``bastion.node``:
limits and budgets, the response cache, which workers are up, relayed revocations), restarts a
worker that dies, and on SIGTERM or Ctrl-C stops them all with SIGTERM, so each drains its
requests, then stops the loader after a last load.

Metrics: each worker writes its values under ``PROMETHEUS_MULTIPROC_DIR`` (a directory of the
supervisor's), and ``/metrics`` on any worker adds them up for the node.

Nothing here imports the gateway: the workers do, in their own processes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bastion.config import BastionConfig
from bastion.journal.spool import FileLock, is_abandoned

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bastion.journal.loader_process import LoaderProcess
    from bastion.journal.loader_watch import LoaderWatch
    from bastion.node.role import WorkerRole
    from bastion.node.server import NodeStateServer

log = logging.getLogger(__name__)

METRICS_ENV = "PROMETHEUS_MULTIPROC_DIR"
# A worker that dies this soon after starting is restarted after a growing pause.
_STABLE_SECONDS = 10.0
_MAX_BACKOFF_SECONDS = 30.0
# Beyond the workers' own drain: their journal, store and node connection closing.
_STOP_MARGIN_SECONDS = 15.0


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def launches_engines(config: BastionConfig) -> bool:
    return any(
        replica.launch is not None
        for backend in config.backends.values()
        for replica in backend.replica_configs
    )


_RUNTIME_PREFIX = "bastion-node-"
# A runtime directory is made under this name, locked, then renamed to the one above: a
# sweep never sees it between the lock file's creation and its lock (it would take it for a
# killed node's and remove it).
_STAGING_PREFIX = ".bastion-node-starting-"
_RUNTIME_LOCK = "supervisor.lock"


def run(config: BastionConfig, workers: int, *, out: TextIO = sys.stdout) -> int:
    """Serves with ``workers`` processes until SIGTERM or SIGINT; returns the exit status."""
    staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX))  # mode 0700
    # Held for as long as this process lives, so a later start can tell it from a killed
    # node's leftover (``sweep_runtime_dirs``).
    held = FileLock(staging / _RUNTIME_LOCK)
    if not held.acquire(timeout=0):  # a directory just made: nobody else knows it
        raise RuntimeError(f"cannot lock the node's runtime directory {staging}")
    runtime = staging.with_name(_RUNTIME_PREFIX + staging.name.removeprefix(_STAGING_PREFIX))
    staging.rename(runtime)  # the lock is on the file, which moves with it
    metrics = runtime / "metrics"
    metrics.mkdir()
    # Before the gateway's modules load prometheus_client, here and in every worker.
    os.environ[METRICS_ENV] = str(metrics)
    # Reading the configuration may have loaded it already (the simulator's module does): its
    # values would then stay in this process's memory, where no worker's /metrics sees the
    # supervisor's (the spool loader's health).
    from prometheus_client import values

    values.ValueClass = values.get_value_class()  # type: ignore[no-untyped-call]
    from bastion.telemetry.logs import configure_logging

    configure_logging(config.logging.level, config.logging.format)
    swept = sweep_runtime_dirs(runtime.parent)  # its own is locked: kept
    if swept:
        log.info("removed runtime directories of stopped nodes", extra={"count": len(swept)})
    try:
        listener = bind(config.server.host, config.server.port)
        try:
            supervisor = Supervisor(config, workers, listener, runtime)
            return asyncio.run(supervisor.run())
        finally:
            listener.close()
    finally:
        os.environ.pop(METRICS_ENV, None)
        shutil.rmtree(runtime, ignore_errors=True)
        held.release()


def sweep_runtime_dirs(parent: Path) -> list[Path]:
    """Removes the runtime directories (worker metrics, the node's socket) that nodes killed
    without a chance to clean up left in ``parent``: this user's, whose lock nobody holds.
    One without a lock file (being created, or left by a version without one) is kept."""
    removed: list[Path] = []
    uid = os.getuid()
    for path in parent.glob(_RUNTIME_PREFIX + "*"):
        try:
            stopped = (
                path.lstat().st_uid == uid
                and path.is_dir()
                and is_abandoned(path / _RUNTIME_LOCK)  # False without a lock file
            )
        except OSError:
            continue
        if stopped:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def bind(host: str, port: int) -> socket.socket:
    """The listening socket every worker accepts on."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _worker_main(config: BastionConfig, listener: socket.socket, role: WorkerRole) -> None:
    from bastion.server import serve_worker

    serve_worker(config, listener, role)


@dataclass(slots=True)
class _Slot:
    """One worker number and the process currently holding it."""

    index: int
    process: BaseProcess | None = None
    started: float = 0.0
    failures: int = 0  # consecutive early deaths
    restarts: int = 0
    restart_at: float | None = None


@dataclass(slots=True)
class _Stop:
    requested: asyncio.Event = field(default_factory=asyncio.Event)
    status: int = 0


class Supervisor:
    def __init__(
        self, config: BastionConfig, workers: int, listener: socket.socket, runtime: Path
    ) -> None:
        self.config = config
        self.workers = workers
        self.listener = listener
        self.runtime = runtime
        self.slots = [_Slot(index) for index in range(workers)]
        self.node: NodeStateServer | None = None
        self.loader: LoaderProcess | None = None
        # How the loader does, in the node's metrics (its own files in the multiprocess
        # directory, added up with the workers' on /metrics).
        self._loader_watch: LoaderWatch | None = None
        self._loader_engine: AsyncEngine | None = None
        self._context = multiprocessing.get_context("spawn")
        self._stop = _Stop()
        self._bootstrap_key: str | None = None

    async def run(self) -> int:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self._stop.requested.set)
        try:
            try:
                await self._prepare()
            except Exception as exc:  # a database that cannot be reached, a bad spool directory
                log.error("start-up failed", extra={"error": f"{type(exc).__name__}: {exc}"})
                self._stop.status = 1
                return self._stop.status
            for slot in self.slots:
                self._spawn(slot, first=True)
            log.warning(
                "supervisor started its workers",
                extra={"workers": self.workers, "pid": os.getpid()},
            )
            await self._watch()
        finally:
            await self._shutdown()
        return self._stop.status

    async def _prepare(self) -> None:
        """What happens once per node, before any worker starts."""
        from bastion.cache.backends import MemoryBackend
        from bastion.node.server import NodeStateServer

        config = self.config
        await self._prepare_store()
        cache = config.cache
        shared_cache = (
            MemoryBackend(max_entries=cache.max_entries, max_bytes=cache.max_bytes)
            if cache.enabled and cache.redis is None
            else None
        )
        self.node = NodeStateServer(self.runtime / "node.sock", self.workers, cache=shared_cache)
        await self.node.start()

    async def _prepare_store(self) -> None:
        config = self.config
        needs_store = (
            config.auth.enabled or config.ledger.enabled or config.audit.enabled or config.endpoints
        )
        if not needs_store:
            return
        from bastion.auth import ensure_bootstrap_admin
        from bastion.journal.loader_process import LoaderProcess
        from bastion.journal.loader_watch import LoaderWatch
        from bastion.journal.placement import journal_spool_settings
        from bastion.journal.writer import load_leftovers
        from bastion.store.engine import create_engines
        from bastion.store.store import Store
        from bastion.telemetry.metrics import GatewayMetrics

        store = await Store.open(config.database.url, listen=False)
        try:
            configured = config.auth.admin_key is not None or os.environ.get("BASTION_ADMIN_KEY")
            if config.auth.enabled and not configured:
                self._bootstrap_key = await ensure_bootstrap_admin(store)
            spool = None
            if config.ledger.enabled or config.audit.enabled:
                spool = journal_spool_settings(config)
            if spool is not None:
                spool.directory.mkdir(parents=True, exist_ok=True)
                await load_leftovers(store.engines.write, spool.directory)
                self.loader = LoaderProcess(
                    spool.database_url,
                    spool.directory,
                    spool.load_interval,
                    final_load_seconds=spool.final_load_seconds,
                    log_level=config.logging.level,
                )
                self.loader.start()
                self._loader_engine = create_engines(spool.database_url).write
                self._loader_watch = LoaderWatch(
                    self.loader, GatewayMetrics(), self._loader_engine, spool.directory
                )
        finally:
            await store.close()

    def _spawn(self, slot: _Slot, *, first: bool = False) -> None:
        from bastion.node.role import WorkerRole

        assert self.node is not None
        banner = first and slot.index == 0
        role = WorkerRole(
            slot.index,
            self.workers,
            self.node.path,
            banner=banner,
            bootstrap_admin_key=self._bootstrap_key if banner else None,
        )
        process = self._context.Process(
            target=_worker_main,
            args=(self.config, self.listener, role),
            name=f"bastion-worker-{slot.index}",
        )
        process.start()
        slot.process, slot.started, slot.restart_at = process, time.monotonic(), None

    async def _watch(self) -> None:
        """Until asked to stop: restarts workers that die; a worker that dies before it ever
        served stops the node (its configuration or environment is wrong, and a restart
        would only fail again)."""
        assert self.node is not None
        next_loader_tick = time.monotonic()
        while not self._stop.requested.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.requested.wait(), 0.2)
            now = time.monotonic()
            watch = self._loader_watch
            if watch is not None and not self._stopping and now >= next_loader_tick:
                next_loader_tick = now + 1.0
                await watch.tick()
            for slot in self.slots:
                process = slot.process
                if process is not None and not process.is_alive():
                    process.join()
                    self._worker_exited(slot, process, now)
                elif process is None and slot.restart_at is not None and now >= slot.restart_at:
                    slot.restarts += 1
                    self._spawn(slot)

    @property
    def _stopping(self) -> bool:
        return self._stop.requested.is_set()

    def _worker_exited(self, slot: _Slot, process: BaseProcess, now: float) -> None:
        assert self.node is not None
        slot.process = None
        _forget_metrics(process.pid)
        if self._stopping:
            return
        if slot.index not in self.node.ever_ready:
            log.error(
                "worker exited before it served; stopping",
                extra={"worker": slot.index, "exitcode": process.exitcode},
            )
            self._stop.status = 1
            self._stop.requested.set()
            return
        early = now - slot.started < _STABLE_SECONDS
        slot.failures = slot.failures + 1 if early else 0
        delay = min(_MAX_BACKOFF_SECONDS, 0.5 * 2**slot.failures) if early else 0.0
        slot.restart_at = now + delay
        log.error(
            "worker exited; restarting it",
            extra={
                "worker": slot.index,
                "pid": process.pid,
                "exitcode": process.exitcode,
                "restart_in_seconds": delay,
            },
        )

    async def _shutdown(self) -> None:
        """Stops the workers (each drains), then the node state and the loader."""
        self._stop.requested.set()
        # Only the workers' copies keep the port open now: once they close theirs (their first
        # step on SIGTERM), new connections are refused rather than left in a backlog.
        self.listener.close()
        running = [slot.process for slot in self.slots if slot.process is not None]
        for process in running:
            if process.is_alive() and process.pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGTERM)
        server = self.config.server
        await _wait_exited(
            running,
            server.shutdown_grace_seconds + server.drain_delay_seconds + _STOP_MARGIN_SECONDS,
        )
        for process in running:
            if process.is_alive():
                log.error("worker did not stop in time; killing it", extra={"pid": process.pid})
                process.kill()
            process.join(timeout=5)
            if process.exitcode not in (0, None) and self._stop.status == 0:
                log.error("worker stopped with an error", extra={"exitcode": process.exitcode})
        if self.node is not None:
            await self.node.close()
        if self.loader is not None and not await self.loader.stop():
            log.error("spool not fully loaded at shutdown; the next start loads the rest")
        if self._loader_engine is not None:
            await self._loader_engine.dispose()


async def _wait_exited(processes: list[BaseProcess], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    alive = [p for p in processes if p.is_alive()]
    while alive and (left := deadline - time.monotonic()) > 0:
        sentinels = [p.sentinel for p in alive]
        await asyncio.to_thread(multiprocessing.connection.wait, sentinels, left)
        alive = [p for p in alive if p.is_alive()]


def _forget_metrics(pid: int | None) -> None:
    """Drops a dead worker's live gauges (its counters keep counting in the node's totals)."""
    directory = os.environ.get(METRICS_ENV)
    if pid is None or not directory:
        return
    from prometheus_client import multiprocess

    with contextlib.suppress(OSError):
        multiprocess.mark_process_dead(pid, directory)  # type: ignore[no-untyped-call]
