"""The built-in engine simulator, served in-process on a private loopback port.

It is reached over real HTTP like any other engine, so the gateway path exercised in demos and
tests is the production one.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Iterator

import uvicorn

from bastion.config import BackendConfig
from bastion.providers.openai_compatible import OpenAICompatibleProvider


class SimulatorProvider(OpenAICompatibleProvider):
    def __init__(self, name: str, config: BackendConfig) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        port = self._socket.getsockname()[1]
        super().__init__(name, config)
        self._base_url = f"http://127.0.0.1:{port}/v1"
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None

    def base_urls(self) -> list[str]:
        return [self._base_url]

    @property
    def model_name(self) -> str:
        from bastion.sim import SimConfig

        return SimConfig(**self.config.simulator).model

    async def start(self) -> None:
        from bastion.sim import SimConfig, create_sim_app
        from bastion.sim.tokenize import WithTokenize

        settings = SimConfig(**self.config.simulator)
        # POST /tokenize as vLLM serves it, so /v1/messages/count_tokens counts exactly.
        app = WithTokenize(create_sim_app(settings), settings)
        config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on")
        self._server = _EmbeddedServer(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[self._socket]))
        while not self._server.started:
            if self._task.done():
                self._task.result()
            await asyncio.sleep(0.01)

    async def close(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._socket.close()


class _EmbeddedServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # Signals belong to the gateway's own server, which shuts this one down in order.
        yield
