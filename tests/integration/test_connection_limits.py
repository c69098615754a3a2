"""Client connection limits over real sockets: head size and count, slow heads and bodies,
idle keep-alive, the connection cap — and that large, normal requests still pass.

A real gateway (in-process simulator backend) behind the real uvicorn server and the protocol
``bastion serve`` uses (``bastion/connections.py``), on uvloop as in production; timeouts are
short so that each test takes about a second.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.servers import wait_for

FAST = {
    "header_timeout_seconds": 0.5,
    "body_timeout_seconds": 0.5,
    "keep_alive_timeout_seconds": 0.5,
}
CHAT = b"/v1/chat/completions"


@pytest.fixture
def start(start_gateway: GatewayFactory) -> Callable[..., RunningGateway]:
    def factory(
        event_loop: str = "uvloop", sim: dict[str, Any] | None = None, **server: Any
    ) -> RunningGateway:
        backend = {"kind": "simulator", "location": "local", "simulator": sim or {"time_scale": 50}}
        return start_gateway(
            {"sim": backend}, event_loop=event_loop, server=server, guardrails={"enabled": False}
        )

    return factory


def connect(gateway: RunningGateway) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", gateway.server.port), timeout=10)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def head(
    path: bytes = CHAT, *, method: bytes = b"POST", length: int = 0, extra: bytes = b""
) -> bytes:
    return (
        method + b" " + path + b" HTTP/1.1\r\nHost: gateway\r\n"
        b"Authorization: Bearer " + ADMIN_KEY.encode() + b"\r\n"
        b"Content-Type: application/json\r\n"
        b"Content-Length: %d\r\n" % length + extra + b"\r\n"
    )


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    def json(self) -> Any:
        return json.loads(self.body)


def read_response(sock: socket.socket, timeout: float = 10, reader: Any = None) -> Response:
    """One response; ``reader`` (``sock.makefile("rb")``) when several are read in a row."""
    sock.settimeout(timeout)
    stream = reader or sock.makefile("rb")
    status_line = stream.readline()
    assert status_line, "connection closed before a response"
    headers = {}
    while (line := stream.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    body = stream.read(int(headers.get("content-length", "0")))
    return Response(int(status_line.split()[1]), headers, body)


def closed_after(sock: socket.socket, timeout: float = 10) -> float:
    """Seconds until the server closes ``sock`` (what it still sends is read and dropped)."""
    start = time.monotonic()
    sock.settimeout(timeout)
    try:
        while sock.recv(65536):
            pass
    except ConnectionResetError:
        pass
    return time.monotonic() - start


def trickle(sock: socket.socket, byte: bytes, interval: float) -> tuple[bytes, float]:
    """Sends ``byte`` every ``interval`` seconds until the server closes the connection; what
    the server sent, and the seconds it took to close."""
    started = time.monotonic()
    received = b""
    sock.settimeout(interval)
    while time.monotonic() - started < 10:
        try:
            sock.send(byte)
            chunk = sock.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            break
        if not chunk:
            break
        received += chunk
    return received, time.monotonic() - started


def limit_count(gateway: RunningGateway, reason: str) -> float:
    return gateway.metric("bastion_connection_limits_total", reason=reason)


@pytest.mark.parametrize("event_loop", ["uvloop", "asyncio"])
def test_a_16_mib_header_is_refused_without_being_buffered(
    start: Callable[..., RunningGateway], event_loop: str
) -> None:
    gateway = start(event_loop)
    with connect(gateway) as sock:
        # A complete request: the oversized header, then a body.
        sock.sendall(head(length=2, extra=b"X-Big: " + b"a" * (16 * 1024 * 1024) + b"\r\n"))
        sock.sendall(b"{}")
        response = read_response(sock)
        assert closed_after(sock) < 7  # the answer was sent, then the connection closed
    assert response.status == 431
    assert response.headers["connection"] == "close"
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == "header_too_large"
    assert error["type"] == "invalid_request_error"
    assert "65536 bytes" in error["message"]
    assert limit_count(gateway, "header_too_large") == 1
    # The gateway serves on.
    assert httpx.get(gateway.url + "/healthz").status_code == 200


def test_an_unfinished_oversized_head_is_answered_in_the_anthropic_shape(
    start: Callable[..., RunningGateway],
) -> None:
    gateway = start(max_header_bytes=4096)
    with connect(gateway) as sock:
        # Never finished: the head is cut off at the limit, not read to its end.
        sock.sendall(b"POST /v1/messages HTTP/1.1\r\nHost: gateway\r\nX-Big: " + b"a" * 8192)
        response = read_response(sock)
    assert response.status == 431
    assert response.json() == {
        "type": "error",
        "error": {
            "type": "invalid_request_error",
            "message": "Request line and headers exceed 4096 bytes.",
        },
    }


def test_a_head_just_under_the_limit_is_served(start: Callable[..., RunningGateway]) -> None:
    gateway = start(max_header_bytes=4096)
    request = b"GET /healthz HTTP/1.1\r\nHost: gateway\r\nX-Pad: "
    request += b"p" * (4096 - len(request) - 4) + b"\r\n\r\n"
    assert len(request) == 4096
    with connect(gateway) as sock:
        sock.sendall(request)
        assert read_response(sock).status == 200


def test_too_many_headers_are_refused(start: Callable[..., RunningGateway]) -> None:
    gateway = start()
    fields = b"".join(b"X-Field-%d: %d\r\n" % (i, i) for i in range(96))
    with connect(gateway) as sock:
        sock.sendall(head(method=b"GET", path=b"/healthz", extra=fields))  # 100 headers
        assert read_response(sock).status == 200
    with connect(gateway) as sock:
        sock.sendall(head(method=b"GET", path=b"/healthz", extra=fields + b"X-One-More: 1\r\n"))
        response = read_response(sock)
    assert response.status == 431
    assert response.json()["error"]["code"] == "too_many_headers"
    assert "more than 100 header fields" in response.json()["error"]["message"]


def test_an_unfinished_head_is_closed_after_the_header_timeout(
    start: Callable[..., RunningGateway],
) -> None:
    gateway = start(**FAST)
    with connect(gateway) as silent, connect(gateway) as trickling:
        trickling.sendall(b"POST /v1/messages HTTP/1.1\r\nHost: gateway\r\n")
        # A header byte every 50 ms does not extend the head's deadline.
        received, elapsed = trickle(trickling, b"x", 0.05)
        # A connection that never sent a byte is closed without an answer.
        assert silent.recv(65536) == b""
    assert 0.4 < elapsed < 3, elapsed
    status_line, _, rest = received.partition(b"\r\n")
    assert status_line == b"HTTP/1.1 408 Request Timeout"
    assert b'{"type":"error","error":{"type":"invalid_request_error"' in rest  # /v1/messages
    assert limit_count(gateway, "header_timeout") == 2


def test_a_trickled_body_is_closed_after_the_body_timeout(
    start: Callable[..., RunningGateway],
) -> None:
    gateway = start(**FAST)
    with connect(gateway) as sock:
        sock.sendall(head(length=1000) + b'{"model": "sim/bastion-sim"')
        # One byte every 50 ms (20 bytes/s, under the minimum rate of 1024), and no gap long
        # enough to be a stop: the average rate closes it.
        received, elapsed = trickle(sock, b" ", 0.05)
    assert 0.4 < elapsed < 3, elapsed
    assert received.startswith(b"HTTP/1.1 408 ")
    assert b'"code":"body_timeout"' in received
    assert limit_count(gateway, "body_timeout") == 1
    # The request's handler saw the client leave: nothing is left in flight.
    wait_for(lambda: gateway.metric("bastion_requests_in_flight") == 0)


def test_a_body_that_stops_is_closed(start: Callable[..., RunningGateway]) -> None:
    gateway = start(**{**FAST, "body_min_bytes_per_second": 0})
    with connect(gateway) as sock:
        sock.sendall(head(length=1000) + b"{" * 500)
        started = time.monotonic()
        response = read_response(sock)
        assert closed_after(sock) < 1
    assert 0.4 < time.monotonic() - started < 3
    assert response.status == 408


def test_a_steady_body_slower_than_the_timeout_is_served(
    start: Callable[..., RunningGateway],
) -> None:
    gateway = start(**FAST)
    body = json.dumps(
        {
            "model": "sim/bastion-sim",
            "max_tokens": 4,
            "messages": [{"role": "user", "content": "x" * 200_000}],
        }
    ).encode()
    with connect(gateway) as sock:
        sock.sendall(head(length=len(body)))
        # 20 pieces, 60 ms apart: 1.2 s in all, well over the 0.5 s timeout, at ~170 KB/s.
        piece = len(body) // 20 + 1
        for start_at in range(0, len(body), piece):
            sock.sendall(body[start_at : start_at + piece])
            time.sleep(0.06)
        response = read_response(sock)
    assert response.status == 200, response.body
    assert response.json()["choices"][0]["message"]["content"]


def test_an_idle_keep_alive_connection_is_closed(start: Callable[..., RunningGateway]) -> None:
    gateway = start(**FAST)
    with connect(gateway) as sock:
        for _ in range(3):  # reused while it is not idle for long
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: gateway\r\n\r\n")
            assert read_response(sock).status == 200
            time.sleep(0.2)
        assert 0.2 < closed_after(sock) < 2
    # Keep-alive expiry is normal: not counted as a limit.
    assert limit_count(gateway, "header_timeout") == 0


def test_a_later_head_is_timed_from_its_own_first_byte(
    start: Callable[..., RunningGateway],
) -> None:
    # A keep-alive wait shorter than the head's time limit does not shorten the next head's.
    gateway = start(header_timeout_seconds=1.5, keep_alive_timeout_seconds=0.5)
    with connect(gateway) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: gateway\r\n\r\n")
        assert read_response(sock).status == 200
        time.sleep(0.3)
        sock.sendall(b"GET /healthz HTTP/1.1\r\n")
        time.sleep(0.8)  # past the keep-alive deadline, within the head's
        sock.sendall(b"Host: gateway\r\n\r\n")
        assert read_response(sock).status == 200


def test_a_long_stream_outlives_every_timeout(start: Callable[..., RunningGateway]) -> None:
    gateway = start(sim={"time_scale": 1}, **FAST)
    started = time.monotonic()
    with httpx.stream(
        "POST",
        gateway.url + "/v1/chat/completions",
        headers={"Authorization": f"Bearer {ADMIN_KEY}"},
        json={
            "model": "sim/bastion-sim",
            "messages": [{"role": "user", "content": "Tell a long story"}],
            "max_tokens": 200,
            "stream": True,
            "ignore_eos": True,
            "stream_options": {"include_usage": True},
        },
        timeout=30,
    ) as response:
        lines = [line for line in response.iter_lines() if line.startswith("data: ")]
    assert response.status_code == 200
    assert lines[-1] == "data: [DONE]"
    assert json.loads(lines[-2][6:])["usage"]["completion_tokens"] == 200
    assert time.monotonic() - started > 1  # longer than any of the timeouts


def test_over_the_cap_an_idle_connection_gives_way(start: Callable[..., RunningGateway]) -> None:
    gateway = start(max_connections=3)
    idle = [connect(gateway) for _ in range(3)]
    for sock in idle:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: gateway\r\n\r\n")
        assert read_response(sock).status == 200
    with connect(gateway) as newcomer:
        newcomer.sendall(b"GET /healthz HTTP/1.1\r\nHost: gateway\r\n\r\n")
        assert read_response(newcomer).status == 200
    assert closed_after(idle[0], timeout=2) < 1  # the longest idle one was closed
    for sock in idle[1:]:  # the others still serve
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: gateway\r\n\r\n")
        assert read_response(sock).status == 200
        sock.close()
    idle[0].close()
    assert limit_count(gateway, "idle_reclaimed") == 1


def test_over_the_cap_with_no_idle_connection_requests_get_503(
    start: Callable[..., RunningGateway],
) -> None:
    gateway = start(max_connections=3)
    busy = [connect(gateway) for _ in range(3)]
    for sock in busy:  # each in the middle of a request head
        sock.sendall(b"GET /healthz HTTP/1.1\r\n")
    try:
        with connect(gateway) as refused:
            refused.sendall(b"POST /v1/messages HTTP/1.1\r\nHost: g\r\nContent-Length: 2\r\n\r\n{}")
            response = read_response(refused)
            assert closed_after(refused) < 7
        assert response.status == 503
        assert response.headers["retry-after"] == "1"
        assert response.json()["error"]["type"] == "overloaded_error"
        assert limit_count(gateway, "over_capacity") == 1
        wait_for(lambda: gateway.metric("bastion_connections_open") == 3)
        # Probes and scrapes are answered all the same: an orchestrator must not restart, nor
        # a monitor lose sight of, a gateway for being busy.
        for path in ("/healthz", "/readyz?verbose=1", "/metrics"):
            with connect(gateway) as probe:
                probe.sendall(f"GET {path} HTTP/1.1\r\nHost: g\r\n\r\n".encode())
                assert read_response(probe).status == 200, path
        assert limit_count(gateway, "over_capacity") == 1
    finally:
        busy.pop().close()
    with connect(gateway) as admitted:  # a place is free again
        admitted.sendall(b"GET /healthz HTTP/1.1\r\nHost: gateway\r\n\r\n")
        assert read_response(admitted).status == 200
    for sock in busy:  # the heads left unfinished are completed and served
        sock.sendall(b"Host: gateway\r\n\r\n")
        assert read_response(sock).status == 200
        sock.close()


def test_a_large_request_with_many_tools_passes(start: Callable[..., RunningGateway]) -> None:
    # An engine with room for the 1.3 million tokens of the 5 MB request, prefilled at once.
    engine = {"time_scale": 100_000, "max_model_len": 2_000_000, "num_kv_blocks": 200_000}
    gateway = start(sim=engine, **FAST)
    tools = [
        {
            "type": "function",
            "function": {
                "name": f"tool_{i}",
                "description": "Does one thing well. " * 20,
                "parameters": {
                    "type": "object",
                    "properties": {f"arg_{j}": {"type": "string"} for j in range(10)},
                },
            },
        }
        for i in range(60)
    ]
    history = [
        {"role": "user" if i % 2 == 0 else "assistant", "content": f"line {i} " + "z" * 50_000}
        for i in range(100)
    ]
    body = {"model": "sim/bastion-sim", "max_tokens": 8, "messages": history, "tools": tools}
    assert len(json.dumps(body)) > 5_000_000
    response = httpx.post(
        gateway.url + "/v1/chat/completions",
        headers={"Authorization": f"Bearer {ADMIN_KEY}", "X-Agent-Session": "s" * 4000},
        json=body,
        timeout=60,
    )
    assert response.status_code == 200, response.text
    assert response.json()["choices"][0]["finish_reason"] in {"stop", "length", "tool_calls"}
    assert gateway.metric("bastion_connection_limits_total") == 0


def test_pipelined_requests_are_answered_in_order(start: Callable[..., RunningGateway]) -> None:
    gateway = start(**FAST)
    with connect(gateway) as sock:
        one = b"GET /healthz HTTP/1.1\r\nHost: gateway\r\n\r\n"
        two = b"GET /v1/nothing-here HTTP/1.1\r\nHost: gateway\r\n\r\n"
        sock.sendall(one + two + one)
        reader = sock.makefile("rb")
        assert [read_response(sock, reader=reader).status for _ in range(3)] == [200, 404, 200]
        assert closed_after(sock) < 2  # then idle, then closed


def test_a_huge_chunked_trailer_is_refused(start: Callable[..., RunningGateway]) -> None:
    gateway = start(max_header_bytes=4096)
    with connect(gateway) as sock:
        sock.sendall(
            b"POST /v1/chat/completions HTTP/1.1\r\nHost: gateway\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\nX-Trailer: "
        )
        sock.sendall(b"t" * 100_000)
        response = read_response(sock)
    assert response.status == 431


def test_malformed_http_is_answered_in_json(start: Callable[..., RunningGateway]) -> None:
    gateway = start()
    with connect(gateway) as sock:
        sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nContent-Length: x\r\n\r\n")
        response = read_response(sock)
    assert response.status == 400
    assert response.json()["error"]["code"] == "invalid_http"
