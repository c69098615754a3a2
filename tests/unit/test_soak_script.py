"""The soak script's own machinery (benchmarks/soak): check selection, and the TCP proxy its
Redis outage check cuts — passing bytes when up, closing when down, swallowing when hung."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

SOAK = Path(__file__).resolve().parents[2] / "benchmarks" / "soak"
sys.path.insert(0, str(SOAK))

from run import CHECKS, select  # noqa: E402
from support import TcpProxy  # noqa: E402

sys.path.remove(str(SOAK))


def test_checks_are_chosen_by_name_or_prefix() -> None:
    assert len(CHECKS) == 9
    assert select(None) == list(CHECKS)
    assert select(["sigkill"]) == ["sigkill-sqlite", "sigkill-postgres"]
    assert select(["redis-outage", "sigkill-postgres", "redis"]) == [
        "redis-outage",
        "sigkill-postgres",
    ]
    with pytest.raises(SystemExit, match="no check named 'nothing'"):
        select(["nothing"])


def test_list_prints_every_check() -> None:
    listed = subprocess.run(
        [sys.executable, str(SOAK / "run.py"), "--list"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split()
    assert listed == list(CHECKS)


@contextlib.asynccontextmanager
async def echo_behind_proxy() -> AsyncIterator[TcpProxy]:
    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError):
            while data := await reader.read(1024):
                writer.write(data)
                await writer.drain()
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    proxy = TcpProxy(("127.0.0.1", int(server.sockets[0].getsockname()[1])))
    await proxy.start()
    try:
        yield proxy
    finally:
        await proxy.close()
        server.close()
        await server.wait_closed()


async def closed_or_read(reader: asyncio.StreamReader, timeout: float) -> bytes:
    """What the proxy sends back; b"" when it closed the connection (or reset it)."""
    try:
        return await asyncio.wait_for(reader.read(4), timeout)
    except ConnectionResetError:
        return b""


async def round_trip(port: int, timeout: float = 1.0) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(b"ping")
        return await closed_or_read(reader, timeout)
    finally:
        writer.transport.abort()


async def test_the_proxy_passes_closes_and_swallows() -> None:
    async with echo_behind_proxy() as proxy:
        assert await round_trip(proxy.port) == b"ping"
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        proxy.set_mode("down")
        assert await closed_or_read(reader, 1) == b""  # open connections are closed
        writer.transport.abort()
        assert await round_trip(proxy.port) == b""  # and new ones closed at once
        proxy.set_mode("blackhole")
        with pytest.raises(TimeoutError):
            await round_trip(proxy.port, timeout=0.3)  # accepted, never answered
        proxy.set_mode("up")
        assert await round_trip(proxy.port) == b"ping"
