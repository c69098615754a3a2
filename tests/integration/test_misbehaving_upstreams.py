"""Engines that answer, but badly: a 200 that is not what the protocol requires, answers that
never end or never stop growing, clients that leave first.

The engines here are raw asyncio servers (a framework would not send a cut body or a line
without end), one per replica, each told how to answer by its ``mode``; ``script`` overrides
the modes for the next requests, whichever replica receives them.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.integration.test_ledger_and_audit import ledger_row
from tests.servers import wait_for

AUTH = {"authorization": f"Bearer {ADMIN_KEY}"}
CHUNK = orjson.dumps(
    {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "m",
        "choices": [{"index": 0, "delta": {"content": "tok "}, "finish_reason": None}],
    }
)
LAST = orjson.dumps(
    {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "m",
        "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
    }
)
ANSWER = orjson.dumps(
    {
        "id": "c1",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "fine"},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4},
    }
)
# What the engines "huge" and "hugeline" send at most (the gateway should stop them long before).
ENDLESS = 256 * 1024 * 1024
PIECE = 256 * 1024


class RawUpstreams:
    """Engines on one event loop in a background thread; ``add`` starts one (a replica)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.modes: dict[int, str] = {}
        self.requests: dict[int, int] = {}
        self.script: deque[str] = deque()
        self.sent = 0  # body bytes the endless answers got out before the gateway stopped them
        self._servers: list[asyncio.Server] = []

    def add(self, mode: str) -> int:
        """Starts an engine answering in ``mode``; returns its port."""

        async def start() -> asyncio.Server:
            return await asyncio.start_server(self._connection, "127.0.0.1", 0)

        server = asyncio.run_coroutine_threadsafe(start(), self.loop).result(10)
        self._servers.append(server)
        port = int(server.sockets[0].getsockname()[1])
        self.modes[port] = mode
        self.requests[port] = 0
        return port

    def close(self) -> None:
        for server in self._servers:
            self.loop.call_soon_threadsafe(server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        port = int(writer.get_extra_info("sockname")[1])
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                body = orjson.loads(await reader.readexactly(length)) if length else {}
                if not head.startswith(b"POST /v1/chat/completions "):
                    writer.write(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n")
                    continue
                self.requests[port] += 1
                mode = self.script.popleft() if self.script else self.modes[port]
                if not await self._answer(mode, bool(body.get("stream")), reader, writer):
                    return
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def _answer(
        self, mode: str, stream: bool, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        """Answers one request; False when the connection is to close."""
        if mode == "ok" and stream:
            events = b"".join(b"data: " + event + b"\n\n" for event in (CHUNK, CHUNK, LAST))
            writer.write(_head("text/event-stream") + events + b"data: [DONE]\n\n")
            return False
        if mode == "ok":
            writer.write(_whole(ANSWER))
        elif mode == "html":
            writer.write(_whole(b"<html><body>502 Bad Gateway</body></html>", "text/html"))
        elif mode == "malformed":
            writer.write(_whole(ANSWER[:40]))
        elif mode == "bodycut":
            writer.write(_head("application/json", b"content-length: 200\r\n") + ANSWER[:25])
            return False
        elif mode == "s500":
            writer.write(_whole(b'{"error": {"message": "engine failed"}}', status=b"500 Oops"))
        elif mode == "never":
            await reader.read()  # until the gateway gives up on it
            return False
        elif mode == "slowstream":
            writer.write(_head("text/event-stream"))
            for _ in range(300):
                writer.write(b"data: " + CHUNK + b"\n\n")
                await writer.drain()
                await asyncio.sleep(0.1)
            return False
        elif mode in ("huge", "hugeline"):
            # Valid JSON (chunked, so no length announces it) or an event line, without end.
            if mode == "huge":
                writer.write(_head("application/json", b"transfer-encoding: chunked\r\n"))
                piece = b"%x\r\n%s\r\n" % (PIECE, b" " * PIECE)
            else:
                writer.write(_head("text/event-stream") + b"data: ")
                piece = b"x" * PIECE
            while self.sent < ENDLESS:
                writer.write(piece)
                await writer.drain()
                self.sent += PIECE
            return False
        else:
            raise AssertionError(f"unknown mode {mode}")
        return True


def _head(content_type: str, extra: bytes = b"", status: bytes = b"200 OK") -> bytes:
    return b"HTTP/1.1 %s\r\ncontent-type: %s\r\n%s\r\n" % (status, content_type.encode(), extra)


def _whole(body: bytes, content_type: str = "application/json", status: bytes = b"200 OK") -> bytes:
    length = b"content-length: %d\r\n" % len(body)
    return _head(content_type, length, status) + body


@pytest.fixture
def engines() -> Iterator[RawUpstreams]:
    upstreams = RawUpstreams()
    yield upstreams
    upstreams.close()


def backend(ports: list[int], **settings: Any) -> dict[str, Any]:
    return {
        "kind": "openai-compatible",
        "location": "local",
        "replicas": [{"base_url": f"http://127.0.0.1:{port}/v1"} for port in ports],
        "models": ["*"],
        "responses_api": "translate",
        # Turn by turn, so the broken replica gets every other first attempt.
        "balancing": {"strategy": "round-robin", "affinity": "none"},
        "health": {"enabled": False},
        "engine_metrics": {"enabled": False},
        "watchdog_seconds": 0,
        "timeouts": {"first_byte": 5, "idle": 5, "total": 30},
        **settings,
    }


def chat(gateway: RunningGateway, *, stream: bool = False, timeout: float = 30) -> httpx.Response:
    body = {"model": "up/m", "messages": [{"role": "user", "content": "hi"}], "stream": stream}
    return httpx.post(
        gateway.url + "/v1/chat/completions", json=body, headers=AUTH, timeout=timeout
    )


# F1: a 200 that is not what the protocol requires fails like a 502.


@pytest.mark.parametrize(
    ("mode", "stream", "kind"),
    [
        ("html", False, "malformed"),
        ("malformed", False, "malformed"),
        ("bodycut", False, "cut"),
        ("html", True, "malformed"),  # no event stream for a streaming request
        ("ok", True, None),  # (control: the healthy replica streams)
    ],
)
def test_a_bad_200_is_retried_elsewhere_and_opens_the_circuit(
    start_gateway: GatewayFactory, engines: RawUpstreams, mode: str, stream: bool, kind: str | None
) -> None:
    bad, good = engines.add(mode if kind else "ok"), engines.add("ok")
    gateway = start_gateway(
        {"up": backend([bad, good], circuit_breaker={"failure_threshold": 2, "open_seconds": 60})}
    )
    for _ in range(6):
        response = chat(gateway, stream=stream)
        assert response.status_code == 200, response.text
        if stream:
            assert response.text.rstrip().endswith("data: [DONE]")
        else:
            assert response.json()["choices"][0]["message"]["content"] == "fine"
    if kind is None:
        return
    replica = gateway.gateway.pools["up"].replicas[0]
    assert replica.breaker.state == "open"
    assert engines.requests[bad] == 2  # then out of service
    assert engines.requests[good] == 6
    assert gateway.metric("bastion_upstream_errors_total", backend="up", kind=kind) == 2
    assert gateway.metric("bastion_routing_retries_total", backend="up") == 2


def test_a_garbage_200_fails_a_half_open_trial(
    start_gateway: GatewayFactory, engines: RawUpstreams
) -> None:
    only = engines.add("s500")
    breaker = {"failure_threshold": 1, "open_seconds": 0.3, "max_open_seconds": 60}
    gateway = start_gateway({"up": backend([only], circuit_breaker=breaker)})
    replica = gateway.gateway.pools["up"].replicas[0]
    assert chat(gateway).status_code == 502
    assert replica.breaker.state == "open"
    engines.modes[only] = "html"
    time.sleep(0.4)  # past open_seconds: the next request is the trial
    trial = chat(gateway)
    assert trial.status_code == 502
    assert trial.json()["error"]["message"] == "Backend 'up' returned a malformed body."
    assert replica.breaker.state == "open"  # not closed by headers that said 200
    assert replica.breaker.open_for == 0.6  # a failed trial: open twice as long
    assert gateway.metric("bastion_replica_transitions_total", transition="closed") == 0


def test_when_every_replica_answers_garbage_the_client_gets_a_502_in_its_protocol(
    start_gateway: GatewayFactory, engines: RawUpstreams
) -> None:
    ports = [engines.add("malformed"), engines.add("html")]
    gateway = start_gateway({"up": backend(ports)})
    response = httpx.post(
        gateway.url + "/v1/messages",
        json={"model": "up/m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]},
        headers={**AUTH, "anthropic-version": "2023-06-01"},
        timeout=30,
    )
    assert response.status_code == 502
    assert response.json()["type"] == "error"
    assert "malformed body" in response.json()["error"]["message"]
    assert sorted(engines.requests.values()) == [1, 1]


# F4: the total timeout covers every attempt.


def test_the_total_timeout_bounds_the_request_across_retries(
    start_gateway: GatewayFactory, engines: RawUpstreams
) -> None:
    ports = [engines.add("never"), engines.add("never")]
    timeouts = {"first_byte": 2.5, "idle": 5, "total": 3.0}
    gateway = start_gateway({"up": backend(ports, timeouts=timeouts)})
    started = time.monotonic()
    response = chat(gateway)
    elapsed = time.monotonic() - started
    assert response.status_code == 504
    # The second attempt had half a second left of the request's 3 s, not a first byte's 2.5.
    message = response.json()["error"]["message"]
    assert message == "Backend 'up' did not answer in time (total timeout of 3s)."
    assert elapsed < 4.5  # two first-byte timeouts would be 5 s
    assert sorted(engines.requests.values()) == [1, 1]


def test_a_stream_on_a_retry_is_cut_at_the_request_s_total_timeout(
    start_gateway: GatewayFactory, engines: RawUpstreams
) -> None:
    ports = [engines.add("slowstream"), engines.add("slowstream")]
    engines.script.append("never")  # the first attempt, wherever it goes, never answers
    timeouts = {"first_byte": 2.5, "idle": 5, "total": 3.0}
    gateway = start_gateway({"up": backend(ports, timeouts=timeouts)})
    started = time.monotonic()
    response = chat(gateway, stream=True)
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    last = response.text.strip().splitlines()[-1]
    assert "total timeout reached" in last
    assert elapsed < 4.5  # the retry's own total would have run to 5.5 s


# F7: answers larger than any engine should send.


def test_a_whole_answer_beyond_the_limit_is_refused_without_being_buffered(
    start_gateway: GatewayFactory, engines: RawUpstreams
) -> None:
    huge, other = engines.add("huge"), engines.add("huge")
    limit = 1024 * 1024
    gateway = start_gateway({"up": backend([huge, other], max_response_bytes=limit)})
    response = chat(gateway)
    assert response.status_code == 502
    assert "more than 1048576 bytes" in response.json()["error"]["message"]
    # Dropped at the limit (plus what socket buffers held), not read to its end.
    assert engines.sent < 32 * 1024 * 1024
    # The request asked for it: no other replica generates it again, none is charged.
    assert sum(engines.requests.values()) == 1
    assert all(r.breaker.consecutive_failures == 0 for r in gateway.gateway.pools["up"].replicas)
    assert gateway.metric("bastion_upstream_errors_total", backend="up", kind="too_large") == 1


def test_a_stream_line_without_end_ends_the_stream(
    start_gateway: GatewayFactory, engines: RawUpstreams, tmp_path: Path
) -> None:
    port = engines.add("hugeline")
    limit = 1024 * 1024
    gateway = start_gateway({"up": backend([port], max_response_bytes=limit)})
    response = chat(gateway, stream=True)
    assert response.status_code == 200
    last = response.text.strip().splitlines()[-1]
    assert "an event line longer than 1048576 bytes" in last
    assert b"[DONE]" not in response.content
    assert engines.sent < 32 * 1024 * 1024
    row = ledger_row(tmp_path, response.headers["x-request-id"])
    assert row["outcome"] == "upstream_cut"


# F5: a client that leaves before the headers is 499, not a server error.


def test_a_client_that_leaves_before_the_headers_is_recorded_as_499(
    start_gateway: GatewayFactory,
    engines: RawUpstreams,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    port = engines.add("never")
    gateway = start_gateway({"up": backend([port])})
    with caplog.at_level("INFO", logger="bastion.access"):
        with pytest.raises(httpx.ReadTimeout):
            chat(gateway, timeout=0.5)
        wait_for(lambda: any(r.name == "bastion.access" for r in caplog.records))
    assert gateway.metric("bastion_client_disconnects_total") == 1
    assert gateway.metric("bastion_requests_total", status="499") == 1
    assert gateway.metric("bastion_requests_total", status="500") == 0
    access = next(r for r in caplog.records if r.name == "bastion.access")
    assert access.status == 499  # type: ignore[attr-defined]
    assert access.outcome == "client_disconnected"  # type: ignore[attr-defined]
    row = ledger_row(tmp_path, access.request_id)  # type: ignore[attr-defined]
    assert (row["status"], row["outcome"]) == (499, "client_disconnected")


def test_a_client_that_leaves_while_sending_its_body_is_a_disconnect_too(
    start_gateway: GatewayFactory, engines: RawUpstreams
) -> None:
    port = engines.add("ok")
    gateway = start_gateway({"up": backend([port])})
    with socket.create_connection(("127.0.0.1", gateway.server.port)) as sock:
        sock.sendall(
            b"POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
            b"authorization: Bearer " + ADMIN_KEY.encode() + b"\r\ncontent-length: 100\r\n\r\n{"
        )
        time.sleep(0.2)
    wait_for(lambda: gateway.metric("bastion_client_disconnects_total") == 1)
    assert gateway.metric("bastion_requests_total", status="499") == 1
    assert engines.requests[port] == 0


def test_a_client_that_leaves_mid_stream_keeps_the_status_it_got(
    start_gateway: GatewayFactory, engines: RawUpstreams
) -> None:
    port = engines.add("slowstream")
    gateway = start_gateway({"up": backend([port])})
    body = {"model": "up/m", "messages": [{"role": "user", "content": "hi"}], "stream": True}
    with httpx.stream(
        "POST", gateway.url + "/v1/chat/completions", json=body, headers=AUTH, timeout=30
    ) as response:
        lines = response.iter_lines()
        next(lines)
    wait_for(lambda: gateway.metric("bastion_client_disconnects_total") == 1)
    assert gateway.metric("bastion_requests_total", status="200") == 1
    assert gateway.metric("bastion_requests_total", status="499") == 0


# F6: time in the capacity queue counts, however the wait ended.


def test_the_queue_wait_of_shed_and_departed_requests_is_recorded(
    start_gateway: GatewayFactory, engines: RawUpstreams, tmp_path: Path
) -> None:
    port = engines.add("never")
    gateway = start_gateway(
        {"up": backend([port], capacity={"concurrent_requests": 1})},
        admission={"queue": {"max_wait_seconds": 0.6}},
    )
    # Holds the only slot until its client gives up, after the two others are done waiting.
    holder = threading.Thread(target=lambda: _quietly(lambda: chat(gateway, timeout=2.5)))
    holder.start()
    wait_for(lambda: engines.requests[port] == 1)
    shed = chat(gateway)
    assert shed.status_code == 503
    assert shed.json()["error"]["code"] == "overloaded"
    with pytest.raises(httpx.ReadTimeout):
        chat(gateway, timeout=0.4)  # leaves while queued
    holder.join()
    shed_row = ledger_row(tmp_path, shed.headers["x-request-id"])
    assert shed_row["queue_ms"] >= 500
    # Three requests: one did not wait; the two others waited 0.6 s and 0.4 s.
    wait_for(lambda: gateway.metric("bastion_queue_wait_seconds_count") == 3)
    assert gateway.metric("bastion_queue_wait_seconds_sum") >= 0.9


def _quietly(call: Any) -> None:
    with contextlib.suppress(httpx.HTTPError):
        call()
