from __future__ import annotations

from bastion.protocols.sse import SSEEvent, SSEParser, encode_data, encode_event


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
