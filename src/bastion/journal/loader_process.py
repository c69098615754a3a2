"""The spool loader as its own process, so database work never runs on the serving event loop.

Started by the gateway (``LoaderProcess``) as ``python -m bastion.journal``; the database URL
arrives in the environment, not on the command line where ``ps`` would show it. The gateway
holds the other end of the loader's stdin: a byte there asks for a load now (``flushed``), and
end-of-file (the gateway stopping, or dying however it dies) makes the loader load what is left
and exit. It also loads every interval. SIGINT and SIGTERM are ignored: a Ctrl-C on the
terminal, or a service manager stopping the whole process group (systemd's default), reaches
the gateway too, which keeps spooling while it drains (its final checkpoints last) and stops the
loader after that. What the loader quarantined it reports on its stdout, one
JSON line per load that quarantined something, for the gateway's metrics (``reports``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import stat
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import orjson

from bastion import collector
from bastion.journal.loader import DirectoryLock, SpoolLoader
from bastion.store.engine import create_engines
from bastion.telemetry.logs import describe_error

log = logging.getLogger(__name__)

DATABASE_URL_ENV = "BASTION_JOURNAL_DATABASE_URL"
_RETRY_MAX_SECONDS = 2.0
_LOCK_PATIENCE_SECONDS = 5.0
# What the gateway waits for the loader beyond its final load's budget (start-up, the last
# attempt's own time) before killing it.
_STOP_MARGIN_SECONDS = 5.0


class LoaderProcess:
    """The gateway's handle on its loader process."""

    def __init__(
        self,
        database_url: str,
        directory: Path,
        interval: float,
        *,
        final_load_seconds: float = 25.0,
        log_level: str = "warning",
    ) -> None:
        self._database_url = database_url
        self._directory = directory
        self._interval = interval
        self._final_load_seconds = final_load_seconds
        self._log_level = log_level
        self._process: subprocess.Popen[bytes] | None = None
        self._unread = b""  # the start of a report line not yet read whole
        self.restarts = 0

    def start(self) -> None:
        env = {
            **os.environ,
            DATABASE_URL_ENV: self._database_url,
            "BASTION_LOG_LEVEL": self._log_level,
            "BASTION_LOG_FORMAT": "json",
        }
        command = [sys.executable, "-m", "bastion.journal", str(self._directory)]
        self._process = subprocess.Popen(  # noqa: S603 (our own module, no shell)
            [*command, str(self._interval), str(self._final_load_seconds)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        # A nudge must never block the event loop; a full pipe already holds one.
        os.set_blocking(self._process.stdin.fileno(), False)
        os.set_blocking(self._process.stdout.fileno(), False)
        self._unread = b""

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def nudge(self) -> None:
        """Asks for a load now rather than at the next interval."""
        process = self._process
        if process is None or process.stdin is None or process.stdin.closed:
            return
        with contextlib.suppress(BlockingIOError, BrokenPipeError):
            os.write(process.stdin.fileno(), b"\n")

    def reports(self) -> Counter[str]:
        """What the loader reported quarantining since last asked, by kind (never blocks)."""
        counts: Counter[str] = Counter()
        process = self._process
        if process is None or process.stdout is None or process.stdout.closed:
            return counts
        data = self._unread
        with contextlib.suppress(BlockingIOError):
            while chunk := os.read(process.stdout.fileno(), 65536):
                data += chunk
        *lines, self._unread = data.split(b"\n")
        for line in lines:
            try:
                report = orjson.loads(line)
                counts.update({str(k): int(v) for k, v in report["quarantined"].items()})
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
                log.warning("unreadable report from the journal loader process")
        return counts

    def restart(self) -> None:
        if self._process is not None:
            for pipe in (self._process.stdin, self._process.stdout):
                if pipe is not None:
                    pipe.close()
        self.restarts += 1
        self.start()

    async def stop(self) -> bool:
        """Asks the loader to load what is left and exit; True if it did (it tries for the
        final load's budget; it is killed a margin after that)."""
        grace = self._final_load_seconds + _STOP_MARGIN_SECONDS
        process = self._process
        if process is None:
            return False
        if process.stdin is not None:
            process.stdin.close()
        try:
            code = await asyncio.to_thread(process.wait, grace)
        except subprocess.TimeoutExpired:
            process.kill()
            await asyncio.to_thread(process.wait)
            return False
        return code == 0


async def serve(
    database_url: str, directory: Path, interval: float, final_load_seconds: float = 25.0
) -> int:
    """The loader process's main loop; returns its exit status (0: everything loaded)."""
    stopping = asyncio.Event()
    wake = asyncio.Event()

    def stop() -> None:
        stopping.set()
        wake.set()

    collector.settle()  # its modules (the database drivers) live as long as the process
    listener = asyncio.create_task(_listen_to_gateway(wake, stop))
    lock = DirectoryLock(directory)
    try:
        # Another loader (one a killed gateway left) may still be finishing this directory.
        waited = 0.0
        while not await asyncio.to_thread(lock.acquire, 1.0):
            waited += 1.0
            if stopping.is_set() and waited >= _LOCK_PATIENCE_SECONDS:
                return 1  # the next start loads what is left
        return await _load_until_stopped(
            database_url, directory, interval, stopping, wake, final_seconds=final_load_seconds
        )
    finally:
        listener.cancel()
        lock.release()


async def _load_until_stopped(
    database_url: str,
    directory: Path,
    interval: float,
    stopping: asyncio.Event,
    wake: asyncio.Event,
    *,
    final_seconds: float,
) -> int:
    engines = create_engines(database_url)
    loader = SpoolLoader(engines.write, directory)
    if stat.S_ISFIFO(os.fstat(sys.stdout.fileno()).st_mode):
        # Reports must never stall loading: a gateway that stopped reading loses some.
        os.set_blocking(sys.stdout.fileno(), False)
    delay = interval
    try:
        while not stopping.is_set():
            wake.clear()
            try:
                await loader.sweep()
                delay = interval
            except Exception as exc:
                log.error(
                    "loading the spool failed; retrying", extra={"error": describe_error(exc)}
                )
                delay = min(max(delay * 2, 0.05), _RETRY_MAX_SECONDS)
            finally:
                _report(loader)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), delay)
        # A database down or slow at shutdown: keep trying for the budget, since a process whose
        # spool is not kept (a pod's emptyDir) has no next start to load what is left.
        loop = asyncio.get_running_loop()
        give_up = loop.time() + final_seconds
        delay = 0.2
        while True:
            try:
                await loader.sweep()
                return 0
            except Exception as exc:
                log.error("final spool load failed", extra={"error": describe_error(exc)})
            finally:
                _report(loader)
            if loop.time() + delay >= give_up:
                return 1  # what is left is loaded by the next start
            await asyncio.sleep(delay)
            delay = min(delay * 2, _RETRY_MAX_SECONDS)
    finally:
        await engines.write.dispose()


def _report(loader: SpoolLoader) -> None:
    quarantined = loader.take_quarantined()
    if not quarantined:
        return
    line = orjson.dumps({"quarantined": dict(quarantined)}) + b"\n"
    with contextlib.suppress(BlockingIOError, BrokenPipeError):
        os.write(sys.stdout.fileno(), line)


async def _listen_to_gateway(wake: asyncio.Event, stop: Callable[[], None]) -> None:
    """A line on stdin asks for a load now; end-of-file means the gateway is gone."""
    reader = asyncio.StreamReader()
    loop = asyncio.get_running_loop()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while await reader.read(4096):
        wake.set()
    stop()
