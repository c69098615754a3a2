"""Runs the gateway under uvicorn: start-up banner, graceful drain on SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import signal
import socket
import sys
import textwrap
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any, TextIO

import uvicorn

from bastion import __version__, collector
from bastion.api.app import create_app
from bastion.config import BastionConfig
from bastion.connections import connection_protocol
from bastion.gateway import Gateway
from bastion.node.role import WorkerRole
from bastion.telemetry.logs import configure_logging

log = logging.getLogger(__name__)


def serve(config: BastionConfig, *, out: TextIO = sys.stdout) -> None:
    """Serves in this process alone (``--workers 1``)."""
    configure_logging(config.logging.level, config.logging.format)
    gateway = Gateway(config)
    raise_open_files_limit(config.server.max_connections)
    server = GatewayServer(uvicorn_config(gateway), gateway, out)
    server.run()
    if not server.started:
        sys.exit(1)


def serve_worker(config: BastionConfig, listener: socket.socket, role: WorkerRole) -> None:
    """One worker of ``bastion serve --workers N``: serves on the supervisor's socket.

    Ctrl-C on a terminal reaches the whole process group; only the supervisor acts on it (it
    stops the workers with SIGTERM), so a worker's drain is not cut short by a second signal.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    configure_logging(config.logging.level, config.logging.format)
    gateway = Gateway(config, role=role)
    raise_open_files_limit(config.server.max_connections)
    server = GatewayServer(
        uvicorn_config(gateway), gateway, sys.stdout, banner=role.banner, signals=(signal.SIGTERM,)
    )
    gateway.on_node_lost = server.stop_serving
    server.run(sockets=[listener])
    if not server.started:
        sys.exit(1)


def uvicorn_config(gateway: Gateway) -> uvicorn.Config:
    config = gateway.config
    return uvicorn.Config(
        create_app(gateway),
        host=config.server.host,
        port=config.server.port,
        loop=_best_loop(),
        lifespan="on",
        log_config=None,
        access_log=False,
        server_header=False,
        # X-Forwarded-* handling is not needed by the gateway and costs time per request.
        proxy_headers=False,
        timeout_graceful_shutdown=math.ceil(config.server.shutdown_grace_seconds),
        **protocol_settings(gateway),
    )


def protocol_settings(gateway: Gateway) -> dict[str, Any]:
    """uvicorn's HTTP protocol: httptools with the limits and timeouts of ``server:``."""
    return {
        "http": connection_protocol(gateway.config.server, gateway.metrics),
        # No WebSocket route exists; an Upgrade request is served as plain HTTP.
        "ws": "none",
    }


def raise_open_files_limit(max_connections: int) -> None:
    """Raises the soft limit on open files so ``max_connections`` can be reached.

    Each client connection may hold an upstream connection too; without descriptors, accepting
    fails before the connection cap is reached (the soft limit is often 1024).
    """
    try:
        import resource
    except ImportError:  # not on POSIX
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 2 * max_connections + 1024
    if soft == resource.RLIM_INFINITY or soft >= wanted:
        return
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    if target < wanted:
        log.warning(
            "the open files limit (%d) is below what server.max_connections needs (%d): "
            "raise it (ulimit -n, systemd LimitNOFILE) or lower max_connections",
            target,
            wanted,
        )


_SHUTDOWN_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class GatewayServer(uvicorn.Server):
    def __init__(
        self,
        config: uvicorn.Config,
        gateway: Gateway,
        out: TextIO,
        *,
        banner: bool = True,
        signals: tuple[signal.Signals, ...] = _SHUTDOWN_SIGNALS,
    ) -> None:
        super().__init__(config)
        self.gateway = gateway
        self.out = out
        self.banner = banner
        self.signals = signals

    def stop_serving(self) -> None:
        """Begins the same graceful shutdown as SIGTERM."""
        self.should_exit = True

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        # Start-up may be waiting on another process (worker 0's contract check): it stops too.
        self.gateway.exit_requested = True
        super().handle_exit(sig, frame)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            # Start-up objects live for the whole process: out of the collector's reach, and
            # a young generation sized for requests in flight (collector.py).
            collector.settle()
            if self.gateway.node is not None:
                self.gateway.node.send("ready")
            if self.banner:
                self.out.write(render_banner(self.gateway, self._address()))
                self.out.flush()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # uvicorn re-raises the signal after draining, which makes a clean shutdown exit with
        # -SIGTERM; a drained gateway exits 0 instead.
        if threading.current_thread() is not threading.main_thread():
            yield  # Signals can only be handled on the main thread (embedded use, tests).
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in self.signals}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        # Load balancers polling /readyz stop sending traffic while in-flight requests drain.
        self.gateway.draining = True
        delay = self.gateway.config.server.drain_delay_seconds
        log.warning(
            "shutting down: draining in-flight requests",
            extra={
                "drain_delay_seconds": delay,
                "grace_seconds": self.config.timeout_graceful_shutdown,
            },
        )
        if delay:
            await asyncio.sleep(delay)
        await super().shutdown(sockets)

    def _address(self) -> str:
        for server in getattr(self, "servers", []):
            for sock in server.sockets:
                host, port = sock.getsockname()[:2]
                return f"http://{host}:{port}"
        return f"http://{self.config.host}:{self.config.port}"


def _best_loop() -> str:
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "asyncio"
    return "uvloop"


def _database_label(gateway: Gateway) -> str:
    from sqlalchemy.engine import make_url

    # Never the password: only the dialect and where the data lives.
    url = make_url(gateway.config.database.url)
    if url.get_backend_name() == "sqlite":
        return f"SQLite {url.database or ':memory:'}"
    return f"PostgreSQL {url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def render_banner(gateway: Gateway, address: str) -> str:
    report = gateway.report
    lines = [f"Bastion {__version__} is listening on {address}", ""]
    role = gateway.role
    if role is not None:
        lines[-1:] = [
            f"  {role.workers} worker processes share the port; their supervisor is process "
            f"{os.getppid()}",
            "",
        ]
    lines.append("Backends:")
    for info in report.backends:
        if info.models is None:
            models = f"any {info.name}/<model>"
        else:
            models = ", ".join(f"{info.name}/{m}" for m in info.models) or "no models"
        label = "SIMULATED engine, not a real model" if info.simulated else info.kind
        lines.append(f"  {info.name:<10} {info.location:<9} {label}: {models}")
        if info.replicas > 1 or info.launched:
            launched = f", {info.launched} launched and supervised" if info.launched else ""
            lines.append(f"  {'':<10} {info.replicas} replica(s){launched}")
        if info.note:
            lines.append(f"  {'':<10} {info.note}")
    endpoints = gateway.endpoints
    if len(endpoints):
        lines += ["", "Endpoints:"]
        for version in endpoints.versions:
            default = " (default)" if endpoints.defaults[version.endpoint] is version else ""
            spec = version.spec
            lines.append(f"  {version.name:<20} {spec.backend}/{spec.model}{default}")
    simulated = any(info.simulated for info in report.backends)
    if report.embedded and simulated:
        probed = ", ".join(f"{port} ({name})" for name, port in report.probed_ports.items())
        explanation = (
            f"No inference engine answered on 127.0.0.1 ports {probed or '(discovery off)'}, "
            "so the built-in simulator is serving. Its answers are generated filler text, not "
            "a model's output; every response says so (header x-bastion-simulated: true)."
        )
        lines += ["", *textwrap.wrap(explanation, width=92, break_on_hyphens=False)]
    journal = gateway.journal
    if journal is not None:
        recorded = [
            name
            for name, on in (
                ("usage ledger", gateway.config.ledger.enabled),
                ("audit journal", gateway.config.audit.enabled),
            )
            if on
        ]
        lines += ["", f"Recording: {' and '.join(recorded)} in {_database_label(gateway)}"]
        lines += [f"  note: {note}" for note in report.notes]
    if report.bootstrap_admin_key:
        lines += [
            "",
            "Admin key, shown only this once (store it now; it also works as a client key):",
            f"  {report.bootstrap_admin_key}",
        ]
    # An endpoint if there is one: that is what clients are meant to call.
    example_model = next(
        iter(gateway.endpoints.defaults),
        next(
            (m.id for m in gateway.catalog.listing() if "/" not in m.id),
            next((m.id for m in gateway.catalog.listing()), "<backend>/<model>"),
        ),
    )
    lines += [
        "",
        "Try it:",
        f"  export OPENAI_BASE_URL={address}/v1 OPENAI_API_KEY=<key>",
        f'  curl {address}/v1/chat/completions -H "Authorization: Bearer $OPENAI_API_KEY" \\',
        f'    -H \'Content-Type: application/json\' -d \'{{"model": "{example_model}", '
        '"messages": [{"role": "user", "content": "Hello"}]}\'',
    ]
    if report.embedded:
        lines += [
            "",
            "Connect a real engine: start vLLM (:8000), SGLang (:30000), llama.cpp (:8080) or",
            "Ollama (:11434) and restart, or describe your engines in bastion.yaml and run",
            "  bastion serve --config bastion.yaml      (see docs/configuration.md)",
            "Use a cloud API: set OPENAI_API_KEY or ANTHROPIC_API_KEY before starting; models are",
            "then called as openai/<model> and anthropic/<model> (their data leaves the premises).",
        ]
    return "\n".join(lines) + "\n\n"
