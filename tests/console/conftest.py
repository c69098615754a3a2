"""One real gateway per test module (a simulator backend, SQLite in a temporary directory),
and a browser-like HTTP client that signs in to its console."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bastion.config import config_from_mapping
from tests.conftest import ADMIN_KEY, RunningGateway
from tests.servers import start_server

SIM = {"sim": {"kind": "simulator", "location": "local", "simulator": {"time_scale": 200}}}


def start_console_gateway(folder: Path, **sections: Any) -> RunningGateway:
    from bastion.api.app import create_app
    from bastion.gateway import Gateway
    from bastion.server import GatewayServer, protocol_settings

    raw: dict[str, Any] = {
        "database": {"url": f"sqlite+aiosqlite:///{folder}/bastion.db"},
        "auth": {"admin_key": ADMIN_KEY},
        "journal": {"spool_dir": str(folder / "journal")},
        "discovery": {"enabled": False},
        "logging": {"level": "warning"},
        "backends": SIM,
        **sections,
    }
    gateway = Gateway(config_from_mapping(raw), env={})
    server = start_server(
        create_app(gateway),
        server_factory=lambda cfg: GatewayServer(cfg, gateway, io.StringIO()),
        timeout_graceful_shutdown=5,
        **protocol_settings(gateway),
    )
    return RunningGateway(server, gateway)


@pytest.fixture(scope="module")
def console_gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningGateway]:
    running = start_console_gateway(tmp_path_factory.mktemp("console"))
    yield running
    running.server.stop()


class Browser:
    """An HTTP client that keeps cookies, like a browser, and reads CSRF tokens off pages."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client = httpx.Client(base_url=url, follow_redirects=False, timeout=10)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.get(path, **kwargs)

    def post(self, path: str, data: dict[str, str], **kwargs: Any) -> httpx.Response:
        headers = {"Origin": self.url, **kwargs.pop("headers", {})}
        return self.client.post(path, data=data, headers=headers, **kwargs)

    def sign_in(self, key: str) -> httpx.Response:
        page = self.get("/console/login")
        return self.post("/console/login", {"nonce": hidden(page.text, "nonce"), "key": key})

    def csrf(self, path: str = "/console/") -> str:
        page = self.get(path)
        assert page.status_code == 200, page.text
        return hidden(page.text, "csrf")

    def close(self) -> None:
        self.client.close()


def hidden(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', page)
    assert found is not None, f"no hidden field {name!r} on the page"
    return found.group(1)


@pytest.fixture
def browser(console_gateway: RunningGateway) -> Iterator[Browser]:
    client = Browser(console_gateway.url)
    yield client
    client.close()
