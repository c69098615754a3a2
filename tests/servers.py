"""Real servers on free loopback ports, run in background threads, for integration tests."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import random
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import uvicorn

# Ports handed to servers that bind them later (a child process, a thread) come from below
# Linux's ephemeral range (32768-60999), where no outgoing connection can take one between the
# check and the bind, and from a block of their own for each parallel test worker
# (PYTEST_XDIST_WORKER "gw0", "gw1", ...), so two workers never hand out the same port.
_WORKERS = max(1, int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")))
_PORT_BLOCK = 12000 // _WORKERS
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0) % _WORKERS
_FIRST_PORT = 20000 + _WORKER * _PORT_BLOCK
# A run beside another (a developer's next to CI) starts elsewhere in the block.
_next_port = itertools.count(random.randrange(_PORT_BLOCK))


def free_port() -> int:
    """A loopback port nobody listens on, for a server that binds it itself."""
    for _ in range(_PORT_BLOCK):
        port = _FIRST_PORT + next(_next_port) % _PORT_BLOCK
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError(f"no free port in {_FIRST_PORT}-{_FIRST_PORT + _PORT_BLOCK - 1}")


@dataclass
class RunningServer:
    server: uvicorn.Server
    thread: threading.Thread
    port: int
    loop: asyncio.AbstractEventLoop | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self, timeout: float = 30.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "server thread did not stop"


def start_server(
    app: Any,
    *,
    server_factory: Callable[[uvicorn.Config], uvicorn.Server] = uvicorn.Server,
    port: int | None = None,
    startup_timeout: float = 20.0,
    loop: str = "asyncio",
    **config: Any,
) -> RunningServer:
    port = port or free_port()
    uvicorn_config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_config=None,
        access_log=False,
        lifespan="on",
        loop=loop,
        **config,
    )
    server = server_factory(uvicorn_config)
    running = RunningServer(server, threading.Thread(target=server.run, daemon=True), port)
    running.thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not running.thread.is_alive():
            raise RuntimeError("server failed to start")
        if time.monotonic() > deadline:
            raise TimeoutError("server did not start in time")
        time.sleep(0.01)
    return running


def wait_for(condition: Callable[[], object], timeout: float = 15.0) -> None:
    """Polls ``condition`` until it is truthy; fails the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)


class StallingProxy:
    """A TCP proxy to ``target`` that can stop passing bytes on, as a hung server does.

    While stalled, connections are accepted (or kept) but nothing crosses in either direction:
    the client sees neither an answer nor a refusal, only its own time limit.
    """

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.stalled = False
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
                upstream = socket.create_connection(self.target)
            except OSError:
                return
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        source.settimeout(0.02)
        try:
            while not self._closed:
                if self.stalled:
                    time.sleep(0.02)
                    continue
                try:
                    data = source.recv(65536)
                except TimeoutError:
                    continue
                if not data:
                    break
                while self.stalled and not self._closed:  # read just as the stall began
                    time.sleep(0.02)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.close()

    def close(self) -> None:
        self._closed = True
        self._listener.close()
