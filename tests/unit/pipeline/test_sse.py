from __future__ import annotations

import pytest

from bastion.protocols.sse import MalformedEvent, SSEEvent, SSEParser, encode_data, encode_event


def test_events_split_at_any_byte_boundary() -> None:
    stream = (
        b'data: {"a": 1}\n\n'
        b": keep-alive comment\n\n"
        b'event: message_start\r\ndata: {"b":\r\ndata: 2}\r\n\r\n'
        b"data: [DONE]\n\n"
    )
    for size in (1, 2, 3, 7, 64):
        parser = SSEParser()
        events: list[SSEEvent] = []
        for start in range(0, len(stream), size):
            events.extend(parser.feed(stream[start : start + size]))
        assert events == [
            SSEEvent(None, '{"a": 1}'),
            SSEEvent("message_start", '{"b":\n2}'),
            SSEEvent(None, "[DONE]"),
        ]
        assert not parser.pending


def test_pending_reports_a_cut_mid_event() -> None:
    parser = SSEParser()
    assert parser.feed(b'data: {"a": ') == []
    assert parser.pending


def test_encoders() -> None:
    assert encode_data({"x": 1}) == b'data: {"x":1}\n\n'
    assert encode_event("ping", {"type": "ping"}) == b'event: ping\ndata: {"type":"ping"}\n\n'


def test_a_long_line_arriving_a_byte_at_a_time_is_one_event() -> None:
    payload = b'{"text": "' + b"y" * 20_000 + b'"}'
    parser = SSEParser()
    events: list[SSEEvent] = []
    for byte in b"data: " + payload + b"\n\n":
        events.extend(parser.feed(bytes([byte])))
    assert events == [SSEEvent(None, payload.decode())]
    assert not parser.pending


def test_an_event_whose_data_lines_never_end_is_malformed() -> None:
    parser = SSEParser(max_event_bytes=1000)
    assert parser.feed(b"data: " + b"x" * 400 + b"\n") == []
    assert parser.feed(b"data: " + b"x" * 400 + b"\n") == []
    with pytest.raises(MalformedEvent, match="more than 1000 bytes"):
        parser.feed(b"data: " + b"x" * 400 + b"\n")


def test_the_limit_counts_each_event_apart() -> None:
    parser = SSEParser(max_event_bytes=1000)
    for _ in range(10):
        assert parser.feed(b"data: " + b"x" * 900 + b"\n\n") == [SSEEvent(None, "x" * 900)]


def test_a_line_that_never_ends_is_malformed() -> None:
    parser = SSEParser(max_event_bytes=1000)
    parser.feed(b"data: " + b"x" * 600)
    with pytest.raises(MalformedEvent, match="longer than 1000 bytes"):
        parser.feed(b"x" * 600)
