"""The request path's HTTP/1.1 client against servers that answer byte by byte as scripted."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from bastion.providers import h1
from bastion.providers.h1 import H1Pool

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@contextlib.asynccontextmanager
async def serving(handler: Handler) -> AsyncIterator[tuple[str, list[int]]]:
    """A server on a free port; yields its base URL and one entry per accepted connection."""
    accepted: list[int] = []

    async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(1)
        try:
            await handler(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(on_connect, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/v1", accepted
    finally:
        server.close()


async def read_request(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return head, await reader.readexactly(length)


def answer(body: bytes, *, extra: bytes = b"") -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n" + extra
        + b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )  # fmt: skip


def pool(url: str, **overrides: object) -> H1Pool:
    settings: dict[str, object] = {
        "headers": {"Authorization": "Bearer k"},
        "limit": 8,
        "keepalive": 4.0,
        "connect_timeout": 2.0,
    }
    settings.update(overrides)
    return H1Pool(url, **settings)  # type: ignore[arg-type]


async def test_a_request_and_its_answer_on_one_kept_connection() -> None:
    heads: list[bytes] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            head, body = await read_request(reader)
            heads.append(head)
            writer.write(answer(b'{"echo": ' + body + b"}", extra=b"X-Multi: a\r\nx-multi: b\r\n"))

    async with serving(handler) as (url, accepted):
        client = pool(url)
        for n in range(3):
            response = await client.request("POST", "/chat", b"%d" % n, {"Content-Type": "j"})
            assert response.status == 200
            assert response.headers["content-type"] == "application/json"
            assert response.headers["x-multi"] == "a, b"
            assert await response.read() == b'{"echo": %d}' % n
        assert len(accepted) == 1, "the connection is kept for the next call"
        assert client.open_connections == 1 and client.idle_connections == 1
        await client.close()
    first = heads[0].decode()
    assert first.startswith("POST /v1/chat HTTP/1.1\r\n")
    assert f"host: 127.0.0.1:{url.split(':')[2].split('/')[0]}\r\n" in first
    assert "authorization: Bearer k\r\n" in first
    assert "content-type: j\r\n" in first
    assert "content-length: 1\r\n" in first


async def test_a_call_header_wins_over_the_upstream_one() -> None:
    heads: list[bytes] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head, _ = await read_request(reader)
        heads.append(head)
        writer.write(answer(b"{}"))

    async with serving(handler) as (url, _):
        client = pool(url)
        response = await client.request("POST", "/x", b"", {"authorization": "Bearer other"})
        await response.read()
        await client.close()
    assert heads[0].count(b"authorization:") == 1
    assert b"authorization: Bearer other\r\n" in heads[0]


async def test_a_header_value_with_a_line_break_is_refused_before_anything_is_sent() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raise AssertionError("nothing should connect")

    async with serving(handler) as (url, accepted):
        client = pool(url)
        with pytest.raises(ValueError, match="invalid header"):
            await client.request("POST", "/x", b"", {"x-evil": "a\r\nx-injected: 1"})
        assert not accepted
        await client.close()


async def test_a_chunked_answer_is_read_as_it_arrives() -> None:
    release = asyncio.Event()

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
            b"transfer-encoding: chunked\r\n\r\n" + b"7\r\ndata: 1\r\n"
        )
        await writer.drain()
        await release.wait()
        writer.write(b"7\r\ndata: 2\r\n0\r\n\r\n")
        await writer.drain()
        await reader.read()  # kept open: the connection goes back to the pool

    async with serving(handler) as (url, _):
        client = pool(url)
        response = await client.request("POST", "/s", b"{}", {})
        assert response.headers["content-type"] == "text/event-stream"
        assert await response.readany() == b"data: 1"
        release.set()
        assert await response.readany() == b"data: 2"
        assert await response.readany() == b""
        assert client.idle_connections == 1
        await client.close()


async def test_a_body_that_came_with_its_headers_is_taken_without_waiting() -> None:
    release = asyncio.Event()

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(answer(b'{"whole": true}'))
        await read_request(reader)
        writer.write(answer(b"0123456789")[:-4])  # the body's end comes later
        await writer.drain()
        await release.wait()
        writer.write(b"6789")
        await reader.read()

    async with serving(handler) as (url, _):
        client = pool(url)
        whole = await client.request("POST", "/x", b"", {})
        assert whole.arrived_body() == b'{"whole": true}'
        assert whole.arrived_body() == b"", "taken once"
        partial = await client.request("POST", "/x", b"", {})
        assert partial.arrived_body() is None  # still arriving: nothing is taken
        release.set()
        assert await partial.read() == b"0123456789"
        await client.close()


async def test_a_body_that_ends_with_the_connection() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\nall of it")
        await writer.drain()

    async with serving(handler) as (url, _):
        client = pool(url)
        response = await client.request("POST", "/x", b"", {})
        assert await response.read() == b"all of it"
        assert client.open_connections == 0, "not reusable: it ended with the body"
        await client.close()


async def test_interim_answers_are_skipped() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 103 Early Hints\r\nlink: </a>\r\n\r\n" + answer(b"final"))
        await reader.read()

    async with serving(handler) as (url, _):
        client = pool(url)
        response = await client.request("POST", "/x", b"", {})
        assert response.status == 200
        assert "link" not in response.headers
        assert await response.read() == b"final"
        await client.close()


async def test_a_kept_connection_closed_as_the_request_went_out_is_retried_once() -> None:
    calls = 0

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            await read_request(reader)
            writer.write(answer(b"one"))
            await writer.drain()
            await read_request(reader)  # the next request arrives: closed without a word
            return
        await read_request(reader)
        writer.write(answer(b"two"))
        await reader.read()

    async with serving(handler) as (url, accepted):
        client = pool(url)
        assert await (await client.request("POST", "/x", b"", {})).read() == b"one"
        assert await (await client.request("POST", "/x", b"", {})).read() == b"two"
        assert len(accepted) == 2
        await client.close()


async def test_a_new_connection_closed_before_the_answer_is_not_retried() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)

    async with serving(handler) as (url, accepted):
        client = pool(url)
        with pytest.raises(h1.Disconnected):
            await client.request("POST", "/x", b"", {})
        assert len(accepted) == 1
        assert client.open_connections == 0
        await client.close()


async def test_an_answer_cut_short_fails_its_reader() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\npart")
        await writer.drain()

    async with serving(handler) as (url, _):
        client = pool(url)
        response = await client.request("POST", "/x", b"", {})
        with pytest.raises(h1.BodyCut):
            await response.read()
        assert client.open_connections == 0
        await client.close()


async def test_bytes_that_are_not_http_are_a_protocol_error() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"SSH-2.0-OpenSSH_9.2\r\n\r\n")
        await reader.read()

    async with serving(handler) as (url, _):
        client = pool(url)
        with pytest.raises(h1.ProtocolError):
            await client.request("POST", "/x", b"", {})
        assert client.open_connections == 0
        await client.close()


async def test_nothing_listening_is_a_connect_failure() -> None:
    async with serving(lambda r, w: asyncio.sleep(0)) as (url, _):
        pass  # the server is gone once the block ends: its port refuses
    client = pool(url)
    with pytest.raises(h1.ConnectFailed):
        await client.request("POST", "/x", b"", {})
    assert client.open_connections == 0
    await client.close()


async def test_a_connect_that_hangs_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    loop = asyncio.get_running_loop()

    async def never(*args: object, **kwargs: object) -> None:
        await asyncio.sleep(3600)

    monkeypatch.setattr(loop, "create_connection", never)
    client = pool("http://127.0.0.1:9/v1", connect_timeout=0.05)
    with pytest.raises(h1.ConnectTimeout):
        await client.request("POST", "/x", b"", {})
    assert client.open_connections == 0
    await client.close()


async def test_beyond_the_limit_a_call_waits_for_a_connection() -> None:
    gate = asyncio.Event()

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            await read_request(reader)
            await gate.wait()
            writer.write(answer(b"ok"))
            await writer.drain()

    async with serving(handler) as (url, accepted):
        client = pool(url, limit=1)
        first = asyncio.create_task(client.request("POST", "/x", b"", {}))
        second = asyncio.create_task(client.request("POST", "/x", b"", {}))
        await asyncio.sleep(0.05)
        assert not first.done() and not second.done()
        assert client.open_connections == 1
        gate.set()
        for task in (first, second):
            assert await (await task).read() == b"ok"
        assert len(accepted) == 1, "the second call took the first one's connection"
        await client.close()


async def test_a_caller_that_gives_up_drops_the_connection_and_frees_its_slot() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            head, _ = await read_request(reader)
            if b"/slow" in head:
                await asyncio.sleep(3600)
            writer.write(answer(b"ok"))

    async with serving(handler) as (url, accepted):
        client = pool(url, limit=1)
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.05):
                await client.request("POST", "/slow", b"", {})
        assert client.open_connections == 0
        assert await (await client.request("POST", "/x", b"", {})).read() == b"ok"
        assert len(accepted) == 2, "the abandoned connection was not reused"
        await client.close()


async def test_a_reader_that_falls_behind_pauses_the_socket() -> None:
    big = b"x" * (2 * 1024 * 1024)

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n" % len(big))
        writer.write(big)
        await writer.drain()
        await reader.read()

    async with serving(handler) as (url, _):
        client = pool(url)
        response = await client.request("POST", "/x", b"", {})
        await asyncio.sleep(0.2)
        buffered = response._size
        assert response._paused and buffered < len(big), "reading stopped before the end"
        assert await response.read() == big
        await client.close()


async def test_closing_an_answer_still_arriving_drops_its_connection() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n")
        await reader.read()

    async with serving(handler) as (url, _):
        client = pool(url)
        response = await client.request("POST", "/x", b"", {})
        assert await response.readany() == b"abc"
        response.close()
        assert client.open_connections == 0
        await client.close()


def test_only_http_urls_are_taken() -> None:
    with pytest.raises(ValueError, match="not an http"):
        pool("ftp://example.com/")


async def test_a_body_beyond_the_readers_limit_drops_the_connection() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")
        for _ in range(64):  # 16 MiB, never announced
            writer.write(b"40000\r\n" + b"x" * 0x40000 + b"\r\n")
            await writer.drain()
        await reader.read()

    async with serving(handler) as (url, _):
        client = pool(url)
        response = await client.request("POST", "/x", b"", {})
        with pytest.raises(h1.BodyTooLarge):
            await response.read(limit=1024 * 1024)
        assert client.open_connections == 0
        await client.close()
