"""A response's head and body leave the gateway in one send; a stream's head does not wait."""

from __future__ import annotations

import asyncio
from typing import Any

from bastion.connections import _HeadJoinsBody


class RecordingTransport:
    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(data)

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return ("127.0.0.1", 1) if name == "peername" else default


async def test_a_whole_answer_is_one_write() -> None:
    transport = RecordingTransport()
    view = _HeadJoinsBody(transport, asyncio.get_running_loop())  # type: ignore[arg-type]
    view.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n")
    view.write(b"{}")
    assert transport.writes == [b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}"]
    await asyncio.sleep(0)
    assert len(transport.writes) == 1  # nothing left to flush


async def test_a_streams_head_leaves_at_the_end_of_the_loops_turn() -> None:
    transport = RecordingTransport()
    view = _HeadJoinsBody(transport, asyncio.get_running_loop())  # type: ignore[arg-type]
    view.write(b"HTTP/1.1 200 OK\r\n\r\n")
    assert transport.writes == []
    await asyncio.sleep(0)
    assert transport.writes == [b"HTTP/1.1 200 OK\r\n\r\n"]
    view.write(b"data: 1\n\n")
    view.write(b"data: 2\n\n")
    assert transport.writes[1:] == [b"data: 1\n\n", b"data: 2\n\n"]


async def test_a_large_body_is_sent_after_the_head_not_copied_onto_it() -> None:
    transport = RecordingTransport()
    view = _HeadJoinsBody(transport, asyncio.get_running_loop())  # type: ignore[arg-type]
    body = b"x" * (1 << 20)
    view.write(b"HTTP/1.1 200 OK\r\n\r\n")
    view.write(body)
    assert transport.writes == [b"HTTP/1.1 200 OK\r\n\r\n", body]


async def test_closing_sends_what_is_held_first() -> None:
    transport = RecordingTransport()
    view = _HeadJoinsBody(transport, asyncio.get_running_loop())  # type: ignore[arg-type]
    view.write(b"HTTP/1.1 500 Internal Server Error\r\n\r\n")
    view.close()
    assert transport.writes == [b"HTTP/1.1 500 Internal Server Error\r\n\r\n"]
    assert transport.closed and view.is_closing()
    await asyncio.sleep(0)
    assert len(transport.writes) == 1


async def test_a_head_held_when_the_connection_closed_is_dropped() -> None:
    transport = RecordingTransport()
    view = _HeadJoinsBody(transport, asyncio.get_running_loop())  # type: ignore[arg-type]
    view.write(b"HTTP/1.1 200 OK\r\n\r\n")
    transport.closed = True  # the client went away
    await asyncio.sleep(0)
    assert transport.writes == []


async def test_the_rest_of_the_transport_is_reached_through_it() -> None:
    view = _HeadJoinsBody(RecordingTransport(), asyncio.get_running_loop())  # type: ignore[arg-type]
    assert view.get_extra_info("peername") == ("127.0.0.1", 1)
