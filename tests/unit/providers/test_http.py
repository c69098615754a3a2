"""Limits of an upstream call: its answer's size, its event lines, the request's deadline."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from bastion.config import Timeouts
from bastion.protocols.errors import GatewayError
from bastion.providers.http import HttpUpstream, _CompleteLines
from bastion.providers.response import ResponseTooLarge, StreamInterrupted
from tests.unit.providers.test_h1 import Handler, read_request, serving

MIB = 1024 * 1024


@contextlib.asynccontextmanager
async def upstream_for(
    handler: Handler, *, limit: int = MIB, timeouts: Timeouts | None = None
) -> AsyncIterator[tuple[HttpUpstream, list[int]]]:
    async with serving(handler) as (url, accepted):
        upstream = HttpUpstream(
            "gpu",
            url,
            headers={},
            timeouts=timeouts or Timeouts(),
            max_connections=4,
            max_response_bytes=limit,
        )
        try:
            yield upstream, accepted
        finally:
            await upstream.close()


def test_stream_pieces_end_at_line_breaks_and_the_rest_comes_at_the_end() -> None:
    lines = _CompleteLines(limit=100)
    assert lines.take(b"data: 1\n\n") == b"data: 1\n\n"  # the usual read: passed as it is
    assert lines.take(b"data: 2") == b""
    assert lines.take(b"2\n\nda") == b"data: 22\n\n"
    assert lines.take(b"ta: ") == b""
    assert lines.take(b"3") == b""
    assert lines.take(b"\n") == b"data: 3\n"
    assert lines.take(b"data: 4") == b""
    assert lines.rest() == b"data: 4"
    assert lines.rest() == b""


def test_an_unfinished_line_beyond_the_limit_ends_the_stream() -> None:
    lines = _CompleteLines(limit=10)
    assert lines.take(b"data: 12") == b""
    assert lines.take(b"\ndata: 1234") == b"data: 12\n"  # the held line starts afresh
    with pytest.raises(StreamInterrupted, match="an event line longer than 10 bytes"):
        lines.take(b"5")


async def test_an_announced_answer_beyond_the_limit_is_refused_before_it_is_read() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n{" % (10 * MIB))
        await reader.read()  # the rest never comes: only the length can tell

    async with upstream_for(handler) as (upstream, _):
        response = await upstream.post("/chat/completions", b"{}", headers={})
        with pytest.raises(ResponseTooLarge) as refused:
            await asyncio.wait_for(response.read(), 5)
        assert refused.value.status == 502
        assert "more than 1048576 bytes" in refused.value.message
        assert upstream.activity.in_flight == 0


async def test_an_unannounced_answer_beyond_the_limit_is_dropped_at_the_limit() -> None:
    written = 0

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal written
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")
        while written < 256 * MIB:
            writer.write(b"40000\r\n" + b" " * 0x40000 + b"\r\n")
            await writer.drain()
            written += 0x40000

    async with upstream_for(handler) as (upstream, _):
        response = await upstream.post("/chat/completions", b"{}", headers={})
        with pytest.raises(ResponseTooLarge):
            await response.read()
        assert upstream.activity.in_flight == 0
    assert written < 32 * MIB  # socket buffers aside, no more was taken


async def test_a_stream_line_without_end_is_cut_at_the_limit() -> None:
    written = 0

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal written
        await read_request(reader)
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
            b"transfer-encoding: chunked\r\n\r\n"
        )
        opening = b'data: {"ok": true}\n\ndata: '
        writer.write(b"%x\r\n%s\r\n" % (len(opening), opening))
        while written < 256 * MIB:
            writer.write(b"10000\r\n" + b"x" * 0x10000 + b"\r\n")
            await writer.drain()
            written += 0x10000

    async with upstream_for(handler) as (upstream, _):
        response = await upstream.post("/chat/completions", b"{}", headers={})
        assert await response.first_chunk()
        received = []
        with pytest.raises(StreamInterrupted, match="an event line longer than 1048576 bytes"):
            async for piece in response.chunks():
                received.append(piece)
        assert received == [b'data: {"ok": true}\n\n']  # the complete event, then nothing
        assert upstream.activity.in_flight == 0
    assert written < 32 * MIB


async def test_the_deadline_ends_a_wait_for_the_first_byte_as_the_total_timeout() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        await reader.read()  # never answers

    timeouts = Timeouts(first_byte=30, total=60)
    async with upstream_for(handler, timeouts=timeouts) as (upstream, _):
        loop = asyncio.get_running_loop()
        # What is left of the request's total after earlier attempts: a fraction of a second.
        deadline = loop.time() + 0.2
        with pytest.raises(GatewayError) as timed_out:
            await upstream.post("/chat/completions", b"{}", headers={}, deadline=deadline)
        assert timed_out.value.status == 504
        assert timed_out.value.message == (
            "Backend 'gpu' did not answer in time (total timeout of 60s)."
        )
        assert loop.time() - deadline < 10  # not the first byte's 30 s


async def test_comments_before_the_first_event_are_held_within_a_bound() -> None:
    """An engine that sends keep-alive comments for its whole prefill: a bounded tail of them
    is held, and the first event arrives whole."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
            b"transfer-encoding: chunked\r\n\r\n"
        )
        comments = b": keep-alive\n" * 2000
        for _ in range(400):  # about 10 MB of comments
            writer.write(b"%x\r\n%s\r\n" % (len(comments), comments))
            await writer.drain()
        event = b'data: {"ok": true}\n\n'
        writer.write(b"%x\r\n%s\r\n0\r\n\r\n" % (len(event), event))
        await writer.drain()

    async with upstream_for(handler) as (upstream, _):
        response = await upstream.post("/chat/completions", b"{}", headers={})
        first = await response.first_chunk()
        assert len(first) < 256 * 1024
        assert first.startswith(b": keep-alive\n")
        pieces = [piece async for piece in response.chunks()]
        assert b"".join(pieces).endswith(b'data: {"ok": true}\n\n')
