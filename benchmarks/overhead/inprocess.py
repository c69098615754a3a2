"""Chat completions against the Responses API, in one process (whole answers, or streams).

The gateway (configured as run.sh's ``bastion-bare``: ``bastion.yaml``, ledger and audit off;
with ``--records`` both on, as the defaults have them, the spool loader a child process whose
CPU is not counted),
a mock upstream answering the nginx mock's fixed chat completion over real loopback HTTP, and a
client calling the ASGI application directly all share one uvloop event loop. Chat and Responses
requests (``request.json``, ``request-responses.json``; with ``--stream`` the ``*-stream.json``
requests, answered by the mock's fixed stream) are sent one at a time, in alternating
rounds, so the machine's load weighs on both alike; the process's CPU time per request is
reported for each path and the Responses API's difference. ``--profile`` runs each path once
more under cProfile and prints where the time goes.

    taskset -c 1 .venv/bin/python benchmarks/overhead/inprocess.py [--requests 200]
        [--rounds 20] [--warmup 1000] [--stream] [--records] [--profile]

The figures are client, gateway and mock together, so only the difference between the paths
is the gateway's own. Medians are reported, and the median of each round's difference; pin
with ``taskset`` and note the load average, as for run.sh. ``PYTHONPATH=<a checkout's src>``
measures another version of the gateway with the same script.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import io
import pstats
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import orjson
import uvloop
import yaml

from bastion.api.app import create_app
from bastion.config import config_from_mapping
from bastion.gateway import Gateway
from bastion.telemetry.logs import configure_logging

HERE = Path(__file__).resolve().parent
KEY = "bst-benchmark-admin-key-0000000000000000"
AUDIT_KEY = "benchmark-audit-signing-key-0000"


def nginx_answer(location: str, media_type: str) -> bytes:
    """The nginx mock's answer at ``location`` (nginx.conf.template), byte for byte."""
    template = (HERE / "nginx.conf.template").read_text()
    block = template[template.index(f"location = {location} {{") :]
    body = block[block.index("return 200 '") + len("return 200 '") : block.index("';")].encode()
    return (
        b"HTTP/1.1 200 OK\r\ncontent-type: " + media_type.encode() + b"\r\ncontent-length: "
        + str(len(body)).encode() + b"\r\nconnection: keep-alive\r\n\r\n" + body
    )  # fmt: skip


ANSWERS = {
    b"/v1/chat/completions": nginx_answer("/v1/chat/completions", "application/json"),
    b"/stream/v1/chat/completions": nginx_answer(
        "/stream/v1/chat/completions", "text/event-stream"
    ),
}
# Any other path, as nginx answers it: so the gateway learns at start-up that this engine has
# no Responses API of its own and translates to chat completions.
NOT_FOUND = b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: keep-alive\r\n\r\n"


class MockUpstream(asyncio.Protocol):
    """Answers as the nginx mock does (``ANSWERS``) on keep-alive connections, else 404."""

    def __init__(self) -> None:
        self._buffer = b""
        self._transport: Any = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # uvloop's TCPTransport is no asyncio.Transport subclass

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while True:
            head_end = self._buffer.find(b"\r\n\r\n")
            if head_end < 0:
                return
            head = self._buffer[:head_end].lower()
            length = 0
            marker = head.find(b"content-length:")
            if marker >= 0:
                length = int(head[marker + 15 :].split(b"\r\n", 1)[0])
            end = head_end + 4 + length
            if len(self._buffer) < end:
                return
            path = head.split(b" ", 2)[1]
            self._buffer = self._buffer[end:]
            self._transport.write(ANSWERS.get(path, NOT_FOUND))


Call = Callable[[str, bytes], Awaitable[tuple[int, bytes]]]


def asgi_client(app: Any) -> Call:
    """One request to the ASGI app, as a connection that stays open until the reply ends."""
    headers = [
        (b"authorization", f"Bearer {KEY}".encode()),
        (b"content-type", b"application/json"),
        (b"host", b"127.0.0.1"),
    ]

    async def call(path: str, body: bytes) -> tuple[int, bytes]:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [*headers, (b"content-length", str(len(body)).encode())],
            "client": ("127.0.0.1", 40000),
            "server": ("127.0.0.1", 8811),
            "state": {},
        }
        left = asyncio.Event()
        delivered = False
        status = 0
        chunks: list[bytes] = []

        async def receive() -> dict[str, Any]:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            await left.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            else:
                chunks.append(message.get("body", b""))

        await app(scope, receive, send)
        left.set()
        return status, b"".join(chunks)

    return call


async def lifespan(app: Any) -> tuple[Callable[[], Awaitable[None]], asyncio.Task[None]]:
    """Starts the app through its ASGI lifespan; returns how to stop it."""
    inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    await inbox.put({"type": "lifespan.startup"})
    task = asyncio.create_task(app({"type": "lifespan"}, inbox.get, outbox.put))
    started = await outbox.get()
    if started["type"] != "lifespan.startup.complete":
        raise SystemExit(f"gateway did not start: {started.get('message')}")

    async def stop() -> None:
        await inbox.put({"type": "lifespan.shutdown"})
        await outbox.get()
        await task

    return stop, task


def gateway_config(upstream_port: int, workdir: Path, *, records: bool) -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load((HERE / "bastion.yaml").read_text())
    for backend in raw["backends"].values():
        backend["base_url"] = backend["base_url"].replace("9200", str(upstream_port))
    raw["database"] = {"url": f"sqlite+aiosqlite:///{workdir}/bastion.db"}
    raw["journal"] = {"spool_dir": str(workdir / "journal")}
    if not records:
        raw["ledger"] = {"enabled": False}
        raw["audit"] = {"enabled": False}
    return raw


async def run_path(call: Call, path: str, body: bytes, count: int) -> float:
    """CPU seconds per request of ``count`` requests to ``path``."""
    start = time.process_time()
    for _ in range(count):
        status, reply = await call(path, body)
        if status != 200:
            raise SystemExit(f"{path}: HTTP {status}: {reply[:300]!r}")
    return (time.process_time() - start) / count


async def main(args: argparse.Namespace) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(MockUpstream, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    chat, responses = (
        ("request-chat-stream.json", "request-responses-stream.json")
        if args.stream
        else ("request.json", "request-responses.json")
    )
    paths = {
        "chat": ("/v1/chat/completions", (HERE / chat).read_bytes()),
        "responses": ("/v1/responses", (HERE / responses).read_bytes()),
    }
    with tempfile.TemporaryDirectory() as tmp:
        config = config_from_mapping(gateway_config(port, Path(tmp), records=args.records))
        # As ``bastion serve`` logs (the greeting is scored as an injection: a warning each).
        configure_logging(config.logging.level, config.logging.format)
        env = {"BASTION_ADMIN_KEY": KEY, "BASTION_AUDIT_KEY": AUDIT_KEY}
        app = create_app(Gateway(config, env=env))
        stop, _ = await lifespan(app)
        gc.freeze()  # as ``bastion serve`` does once it has started
        call = asgi_client(app)
        try:
            for path, body in paths.values():  # warm-up: caches, lazy imports, connections
                await run_path(call, path, body, args.warmup)
            seconds: dict[str, list[float]] = {name: [] for name in paths}
            for _ in range(args.rounds):
                for name, (path, body) in paths.items():
                    seconds[name].append(await run_path(call, path, body, args.requests))
            report(seconds, args)
            if args.profile:
                for name, (path, body) in paths.items():
                    await profile(name, call, path, body, args)
        finally:
            await stop()
            server.close()


def report(seconds: dict[str, list[float]], args: argparse.Namespace) -> None:
    """Medians, which another job's bursts on a shared machine move less than means; and the
    median of each round's difference, chat and Responses having run back to back."""
    print(f"{args.rounds} rounds of {args.requests} requests per path, one at a time")
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    for name, values in seconds.items():
        rounds = " ".join(f"{value * 1e6:.0f}" for value in values)
        print(f"{name:>9}: median {medians[name] * 1e6:6.1f} µs CPU per request (rounds: {rounds})")
    chat = medians["chat"]
    pairs = zip(seconds["chat"], seconds["responses"], strict=True)
    paired = statistics.median(responses - chat for chat, responses in pairs)
    print(f"difference, median of rounds: {paired * 1e6:+.1f} µs ({paired / chat * 100:+.1f}%)")


async def profile(name: str, call: Call, path: str, body: bytes, args: argparse.Namespace) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    await run_path(call, path, body, args.requests)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(f"\n--- {name}: {args.requests} requests under cProfile ---\n{out.getvalue()}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per path per round")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=1000, help="requests per path first")
    parser.add_argument("--stream", action="store_true", help="streamed answers instead")
    parser.add_argument(
        "--records", action="store_true", help="ledger and audit on, as the defaults have them"
    )
    parser.add_argument("--profile", action="store_true", help="then profile each path")
    parser.add_argument("--sort", default="tottime", help="pstats sort key for --profile")
    parser.add_argument("--top", type=int, default=40, help="functions shown for --profile")
    return parser.parse_args()


if __name__ == "__main__":
    print(orjson.dumps({"started": time.strftime("%Y-%m-%d %H:%M:%S")}).decode())
    uvloop.run(main(parse_args()))
