"""Processes, databases, Redis and measurements shared by the soak checks.

Every check gets a ``Soak``: its own temporary directory and the processes it started there.
``Soak.close`` ends each of them by its process group (a gateway's spool loader is its child),
SIGTERM first, SIGKILL after a grace period, so nothing outlives the check.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import yaml

ADMIN_KEY = "bst-soak-admin-key-0123456789abcdefghij"
AUDIT_KEY = "soak-audit-signing-key-0123456789"
MODEL = "bastion-sim"
POSTGRES_HOST = os.environ.get("BASTION_SOAK_POSTGRES_HOST", "127.0.0.1")
POSTGRES_PORT = int(os.environ.get("BASTION_SOAK_POSTGRES_PORT", "5432"))
POSTGRES_DATABASE = os.environ.get("BASTION_SOAK_POSTGRES_DATABASE", "test")
REDIS_HOST = os.environ.get("BASTION_SOAK_REDIS_HOST", "127.0.0.1")
REDIS_PORT = int(os.environ.get("BASTION_SOAK_REDIS_PORT", "6379"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile; None when there are no values."""
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))
    return ordered[index]


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


# --- results --------------------------------------------------------------------------------


@dataclass
class Criterion:
    what: str
    ok: bool
    detail: str = ""


@dataclass
class Result:
    """One check's verdict: every criterion must hold; ``numbers`` are what was measured."""

    name: str
    criteria: list[Criterion] = field(default_factory=list)
    numbers: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None

    def require(self, what: str, ok: bool, detail: object = "") -> bool:
        self.criteria.append(Criterion(what, bool(ok), str(detail)))
        return bool(ok)

    @property
    def passed(self) -> bool:
        return self.error is None and bool(self.criteria) and all(c.ok for c in self.criteria)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "passed": self.passed,
            "seconds": round(self.seconds, 1),
            "numbers": self.numbers,
            "criteria": [{"what": c.what, "ok": c.ok, "detail": c.detail} for c in self.criteria],
            "notes": self.notes,
            "error": self.error,
        }


@dataclass(frozen=True)
class Options:
    quick: bool
    rounds: int
    seed: int


# --- processes ------------------------------------------------------------------------------


class Process:
    """A child process in its own process group, its output in a log file."""

    def __init__(
        self, name: str, argv: list[str], log: Path, cwd: Path, env: dict[str, str]
    ) -> None:
        self.name = name
        self.log = log
        with log.open("ab") as output:
            self.popen = subprocess.Popen(
                argv,
                cwd=cwd,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.pid = self.popen.pid

    @property
    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL to this process only (not its group: a gateway's loader outlives it)."""
        if self.alive:
            os.kill(self.pid, signal.SIGKILL)
        self.popen.wait(10)

    def signal(self, number: int) -> None:
        if self.alive:
            os.kill(self.pid, number)

    async def wait(self, timeout: float) -> int | None:
        """The exit code, or None if it still runs after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code = self.popen.poll()
            if code is not None:
                return code
            await asyncio.sleep(0.05)
        return self.popen.poll()

    def rss_mib(self) -> float | None:
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return None

    def log_tail(self, chars: int = 2000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def group_alive(self) -> bool:
        try:
            os.killpg(self.pid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True

    def stop_group(self, grace: float = 15.0) -> None:
        """SIGTERM to the group, SIGKILL to whatever of it is left after ``grace`` seconds."""
        if self.group_alive():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            self.popen.poll()
            if not self.group_alive():
                break
            time.sleep(0.05)
        if self.group_alive():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(10)


class Soak:
    """One check's working directory and processes."""

    def __init__(self, workdir: Path, options: Options) -> None:
        self.workdir = workdir
        self.options = options
        self.processes: list[Process] = []
        self._counter = 0

    def spawn(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> Process:
        self._counter += 1
        log = self.workdir / f"{self._counter:02d}-{name}.log"
        base = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
        base.pop("BASTION_CONFIG", None)
        process = Process(name, argv, log, self.workdir, {**base, **(env or {})})
        self.processes.append(process)
        return process

    def close(self) -> None:
        for process in reversed(self.processes):
            process.stop_group()
        self.processes.clear()


def port_taken(process: Process) -> bool:
    """Whether ``process`` exited because its port was taken meanwhile (free_port only finds
    a port that was free a moment ago; other programs on the machine pick ports too)."""
    return not process.alive and "address already in use" in process.log_tail(4000)


async def wait_http(url: str, seconds: float = 60, process: Process | None = None) -> float:
    """Polls ``url`` until it answers 200; the seconds it took."""
    started = time.monotonic()
    deadline = started + seconds
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if process is not None and not process.alive:
                raise RuntimeError(f"{process.name} exited:\n{process.log_tail()}")
            try:
                async with session.get(url, timeout=aiohttp.ClientTimeout(total=2)) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except (aiohttp.ClientError, TimeoutError):
                pass
            await asyncio.sleep(0.1)
    tail = process.log_tail() if process is not None else ""
    raise TimeoutError(f"{url} did not answer 200 within {seconds:.0f} s\n{tail}")


class Sim:
    """A simulated engine (``bastion sim``) on a fixed port, restartable on the same port."""

    def __init__(self, soak: Soak, settings: dict[str, Any], seed: int, label: str) -> None:
        self.soak = soak
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.label = label
        self.seed = seed
        self.settings_file = soak.workdir / f"{label}.yaml"
        self.settings_file.write_text(yaml.safe_dump(settings))
        self.process: Process | None = None

    @property
    def base_url(self) -> str:
        return self.origin + "/v1"

    async def start(self) -> float:
        """Starts the process (on another port if someone took this one); seconds to ready."""
        for attempt in range(3):
            argv = [sys.executable, "-m", "bastion", "sim", "--port", str(self.port)]
            argv += ["--config", str(self.settings_file), "--seed", str(self.seed)]
            self.process = self.soak.spawn(self.label, [*argv, "--log-level", "warning"])
            try:
                return await wait_http(self.origin + "/health", 60, self.process)
            except RuntimeError:
                if attempt == 2 or not port_taken(self.process):
                    raise
                self.port = free_port()
                self.origin = f"http://127.0.0.1:{self.port}"
        raise AssertionError("unreachable")

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()

    async def set_faults(self, **faults: Any) -> None:
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.origin + "/sim/faults", json=faults) as response,
        ):
            response.raise_for_status()


async def start_sims(
    soak: Soak, settings: dict[str, Any], count: int, label: str = "sim"
) -> list[Sim]:
    sims = [
        Sim(soak, {"model": MODEL, **settings}, index, f"{label}{index}") for index in range(count)
    ]
    await asyncio.gather(*(sim.start() for sim in sims))
    return sims


def sim_backend(sims: list[Sim], **settings: Any) -> dict[str, Any]:
    """An openai-compatible backend over simulator processes."""
    return {
        "kind": "openai-compatible",
        "location": "local",
        "models": [MODEL],
        "replicas": [{"base_url": sim.base_url} for sim in sims],
        **settings,
    }


class Gateway:
    """``bastion serve`` with a config written once; started, killed and restarted on one port."""

    def __init__(self, soak: Soak, config: dict[str, Any], label: str = "gateway") -> None:
        self.soak = soak
        self.label = label
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = {**config, "server": {**config.get("server", {}), "port": self.port}}
        config.setdefault("logging", {"level": "warning"})
        config.setdefault("discovery", {"enabled": False})
        self.config = config
        self.config_file = soak.workdir / f"{label}.yaml"
        self.config_file.write_text(yaml.safe_dump(config, allow_unicode=True))
        self.process: Process | None = None
        self.starts = 0

    @property
    def env(self) -> dict[str, str]:
        return {
            "BASTION_ADMIN_KEY": ADMIN_KEY,
            "BASTION_AUDIT_KEY": AUDIT_KEY,
            "BASTION_LOG_LEVEL": "warning",
        }

    def spawn(self) -> Process:
        self.starts += 1
        self.process = self.soak.spawn(
            f"{self.label}-{self.starts}",
            [sys.executable, "-m", "bastion", "serve", "--config", str(self.config_file)],
            self.env,
        )
        return self.process

    async def start(self, seconds: float = 90) -> float:
        """Starts the process (on another port if someone took this one); the seconds until
        /readyz answered 200."""
        for attempt in range(3):
            process = self.spawn()
            try:
                return await wait_http(self.url + "/readyz", seconds, process)
            except RuntimeError:
                if attempt == 2 or not port_taken(process):
                    raise
                self.move(free_port())
        raise AssertionError("unreachable")

    def move(self, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.config["server"]["port"] = port
        self.config_file.write_text(yaml.safe_dump(self.config, allow_unicode=True))

    @property
    def proc(self) -> Process:
        assert self.process is not None
        return self.process

    def kill(self) -> None:
        self.proc.kill()

    async def terminate(self, timeout: float) -> tuple[int | None, float]:
        """SIGTERM; the exit code (None: still running after ``timeout``) and seconds taken."""
        started = time.monotonic()
        self.proc.signal(signal.SIGTERM)
        code = await self.proc.wait(timeout)
        return code, time.monotonic() - started

    async def metric(self, name: str, **labels: str) -> float:
        """Sum of a metric's samples whose labels include ``labels``."""
        async with aiohttp.ClientSession() as session, session.get(self.url + "/metrics") as r:
            text = await r.text()
        total = 0.0
        for line in text.splitlines():
            if not line.startswith(name) or line.startswith("#"):
                continue
            head, _, value = line.rpartition(" ")
            if head.split("{", 1)[0] != name:
                continue
            if all(f'{key}="{wanted}"' in head for key, wanted in labels.items()):
                total += float(value)
        return total

    async def metric_by(self, name: str, label: str) -> dict[str, float]:
        async with aiohttp.ClientSession() as session, session.get(self.url + "/metrics") as r:
            text = await r.text()
        found: dict[str, float] = {}
        for line in text.splitlines():
            if line.startswith(name + "{") and f'{label}="' in line:
                key = line.split(f'{label}="', 1)[1].split('"', 1)[0]
                found[key] = found.get(key, 0.0) + float(line.rpartition(" ")[2])
        return found

    async def admin(self, method: str, path: str, body: Any = None) -> Any:
        headers = {"authorization": f"Bearer {ADMIN_KEY}"}
        async with (
            aiohttp.ClientSession(headers=headers) as session,
            session.request(method, self.url + path, json=body) as response,
        ):
            payload = await response.json(content_type=None)
            if response.status >= 400:
                raise RuntimeError(f"{method} {path}: {response.status} {payload}")
            return payload

    async def tenant_key(self, tenant: str, limits: dict[str, Any] | None = None) -> str:
        """Creates ``tenant`` (with its stored limits) and a key of it; the key's secret."""
        body: dict[str, Any] = {"name": tenant}
        if limits:
            body["limits"] = limits
        await self.admin("POST", "/admin/tenants", body)
        created = await self.admin("POST", "/admin/keys", {"tenant": tenant, "name": "soak"})
        return str(created["key"])

    async def replica(self, backend: str, index: int) -> dict[str, Any]:
        status = await self.admin("GET", "/admin/status")
        for entry in status["backends"]:
            if entry["name"] == backend:
                replica: dict[str, Any] = entry["replicas"][index]
                return replica
        raise KeyError(backend)


async def wait_until(
    condition: Callable[[], Awaitable[bool]], seconds: float, interval: float = 0.05
) -> float | None:
    """Seconds until ``condition`` held, or None if it did not within ``seconds``."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        with contextlib.suppress(aiohttp.ClientError, TimeoutError, OSError):
            if await condition():
                return time.monotonic() - started
        await asyncio.sleep(interval)
    return None


class RssSampler:
    """Samples a process's resident memory every ``interval`` seconds while running."""

    def __init__(self, process: Process, interval: float = 0.1) -> None:
        self.process = process
        self.interval = interval
        self.samples: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            rss = self.process.rss_mib()
            if rss is not None:
                self.samples.append(rss)
            await asyncio.sleep(self.interval)

    def __enter__(self) -> RssSampler:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()

    @property
    def peak(self) -> float:
        return max(self.samples) if self.samples else float("nan")


async def audit_verify(soak: Soak, config_file: Path) -> tuple[int, str]:
    """``bastion audit verify`` as an operator runs it: its exit code and output."""
    env = {**os.environ, "BASTION_AUDIT_KEY": AUDIT_KEY}
    env.pop("BASTION_CONFIG", None)
    argv = ["-m", "bastion", "audit", "verify", "--config", str(config_file)]
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *argv,
        cwd=soak.workdir,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), 180)
    return int(process.returncode or 0), output.decode(errors="replace")


# --- databases ------------------------------------------------------------------------------


def sqlite_url(soak: Soak, name: str = "bastion") -> str:
    return f"sqlite+aiosqlite:///{soak.workdir}/{name}.db"


async def _postgres_user() -> str:
    import asyncpg

    configured = os.environ.get("BASTION_SOAK_POSTGRES_USER")
    candidates = [configured] if configured else ["postgres", "root", os.environ.get("USER", "")]
    problems = []
    for user in filter(None, candidates):
        try:
            connection = await asyncpg.connect(
                host=POSTGRES_HOST,
                port=POSTGRES_PORT,
                user=user,
                database=POSTGRES_DATABASE,
                timeout=5,
            )
        except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
            problems.append(f"{user}: {exc}")
            continue
        await connection.close()
        return user
    raise RuntimeError(f"PostgreSQL at {POSTGRES_HOST}:{POSTGRES_PORT} unreachable: {problems}")


@contextlib.asynccontextmanager
async def postgres_database() -> AsyncIterator[str]:
    """A new empty PostgreSQL database for one check; dropped afterwards."""
    import asyncpg

    user = await _postgres_user()
    name = f"bastion_soak_{secrets.token_hex(4)}"

    async def admin(statement: str) -> None:
        connection = await asyncpg.connect(
            host=POSTGRES_HOST,
            port=POSTGRES_PORT,
            user=user,
            database=POSTGRES_DATABASE,
            timeout=5,
        )
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    await admin(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+asyncpg://{user}@{POSTGRES_HOST}:{POSTGRES_PORT}/{name}"
    finally:
        await admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def query(url: str, statement: str) -> list[tuple[Any, ...]]:
    """Rows of one read-only statement against the gateway's database."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            result = await connection.execute(text(statement))
            return [tuple(row) for row in result]
    finally:
        await engine.dispose()


async def ledger_ids(url: str) -> set[str]:
    return {str(row[0]) for row in await query(url, "SELECT request_id FROM usage_ledger")}


async def audit_kinds(url: str) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    rows = await query(url, "SELECT request_id, kind FROM audit_records")
    for request_id, kind in rows:
        if request_id is not None:
            kinds.setdefault(str(request_id), set()).add(str(kind))
    return kinds


# --- Redis ----------------------------------------------------------------------------------


def redis_url(port: int = REDIS_PORT) -> str:
    return f"redis://{REDIS_HOST}:{port}/0"


def redis_prefix() -> str:
    return f"bastion-soak-{secrets.token_hex(4)}:"


async def drop_redis_prefix(prefix: str) -> int:
    import redis.asyncio as aioredis

    client = aioredis.Redis.from_url(redis_url())
    dropped = 0
    try:
        async for key in client.scan_iter(match=prefix + "*", count=500):
            dropped += int(await client.delete(key))
    finally:
        await client.aclose()
    return dropped


class TcpProxy:
    """A TCP proxy to Redis (or anything) that can be cut two ways.

    ``down``: open connections are closed and new ones closed as soon as they are accepted
    (a Redis that went away); ``blackhole``: connections are kept and accepted, but nothing is
    passed on in either direction (a Redis, or a network, that hangs). ``up`` restores it.
    """

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.mode = "up"
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self.connections = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def close(self) -> None:
        self._cut()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        if mode == "down":
            self._cut()

    def _cut(self) -> None:
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        if self.mode == "down":
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        if self.mode == "down":  # cut while connecting
            writer.transport.abort()
            up_writer.transport.abort()
            return
        self._writers.update((writer, up_writer))
        try:
            await asyncio.gather(self._pump(reader, up_writer), self._pump(up_reader, writer))
        finally:
            for end in (writer, up_writer):
                self._writers.discard(end)
                end.transport.abort()

    async def _pump(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            while data := await source.read(65536):
                if self.mode == "up":
                    sink.write(data)
                    await sink.drain()
                # blackhole: read and dropped
        sink.transport.abort()
