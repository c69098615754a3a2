"""Shared fixtures: real gateways and upstreams on free loopback ports."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bastion.config import config_from_mapping
from tests.servers import RunningServer, start_server

if TYPE_CHECKING:
    from bastion.gateway import Gateway

ADMIN_KEY = "bst-test-admin-key-0123456789"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: a worker per core and one more. About a third of the suite's time is spent
    waiting (on child processes starting, engines answering at simulated speed, timeouts), which
    the extra worker fills."""
    return len(os.sched_getaffinity(0)) + 1


class RunningGateway:
    def __init__(self, server: RunningServer, gateway: Gateway) -> None:
        self.server = server
        self.gateway = gateway
        self.url = server.url
        self.admin_key = ADMIN_KEY

    def metric(self, name: str, **labels: str) -> float:
        """The sum of the samples named ``name`` whose labels include ``labels``."""
        total = 0.0
        for family in self.gateway.metrics.registry.collect():
            for sample in family.samples:
                if sample.name == name and labels.items() <= sample.labels.items():
                    total += sample.value
        return total


GatewayFactory = Callable[..., RunningGateway]


@pytest.fixture
def start_gateway(tmp_path: Path) -> Iterator[GatewayFactory]:
    """Starts a gateway with the given ``backends`` (and other config sections)."""
    from bastion.api.app import create_app
    from bastion.gateway import Gateway
    from bastion.server import GatewayServer, protocol_settings

    running: list[RunningServer] = []

    def factory(
        backends: dict[str, Any] | None = None, *, event_loop: str = "asyncio", **sections: Any
    ) -> RunningGateway:
        raw: dict[str, Any] = {
            "database": {"url": f"sqlite+aiosqlite:///{tmp_path}/bastion.db"},
            "auth": {"admin_key": ADMIN_KEY, **sections.pop("auth", {})},
            # Never the default directory in the working directory (the checkout), whatever
            # the database: a test's spool files stay in its temporary directory.
            "journal": {"spool_dir": str(tmp_path / "journal"), **sections.pop("journal", {})},
            "discovery": {"enabled": False},
            "logging": {"level": "warning"},
            "backends": backends or {},
            **sections,
        }
        config = config_from_mapping(raw)
        gateway = Gateway(config, env={})
        server = start_server(
            create_app(gateway),
            server_factory=lambda cfg: GatewayServer(cfg, gateway, io.StringIO()),
            timeout_graceful_shutdown=5,
            loop=event_loop,
            # The HTTP protocol of ``bastion serve``, with the limits of ``server:``.
            **protocol_settings(gateway),
        )
        running.append(server)
        return RunningGateway(server, gateway)

    yield factory
    for server in running:
        server.stop()


@pytest.fixture
def sim_backend() -> Iterator[Callable[..., str]]:
    """Starts a standalone simulator and returns its OpenAI base URL (``…/v1``)."""
    from bastion.sim import SimConfig, create_sim_app

    running: list[RunningServer] = []

    def factory(**settings: Any) -> str:
        settings.setdefault("time_scale", 200.0)
        server = start_server(create_sim_app(SimConfig(**settings)))
        running.append(server)
        return server.url + "/v1"

    yield factory
    for server in running:
        server.stop()


@pytest.fixture
def sim_processes() -> Iterator[Callable[..., list[Any]]]:
    """Starts ``count`` simulated engines as real processes (see tests/sim_processes.py)."""
    from tests.sim_processes import SimProcess, start_sims

    started: list[SimProcess] = []

    def factory(count: int, *args: str) -> list[SimProcess]:
        sims = start_sims(count, *args)
        started.extend(sims)
        return sims

    yield factory
    for sim in started:
        sim.stop()


@pytest.fixture
def prefix() -> Iterator[str]:
    """A Redis key prefix of this test's own (Redis required; see conftest_redis), dropped after."""
    from tests.conftest_redis import drop_prefix, require_redis

    chosen = require_redis()
    yield chosen
    drop_prefix(chosen)


@pytest.fixture
def scripted() -> Iterator[tuple[Any, str]]:
    """A scripted upstream (see tests/scripted_upstream.py) and its base URL."""
    from tests.scripted_upstream import ScriptedUpstream

    upstream = ScriptedUpstream()
    server = start_server(upstream.app)
    yield upstream, server.url
    server.stop()


@pytest.fixture
def scripted_gateway(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> tuple[Any, RunningGateway]:
    """A gateway whose backend ``up`` (OpenAI protocol) and ``anth`` (Anthropic) are scripted."""
    from tests.scripted_upstream import anthropic_backend, openai_backend

    upstream, url = scripted
    gateway = start_gateway(
        {
            "up": openai_backend(url, timeouts={"first_byte": 1.0, "idle": 1.0}),
            "anth": anthropic_backend(url, "external", api_key="sk-ant-upstream-secret"),
        }
    )
    return upstream, gateway
