from __future__ import annotations

import logging

import orjson

from bastion.telemetry.logs import JsonFormatter, TextFormatter


def test_json_lines_carry_extra_fields() -> None:
    record = logging.LogRecord("bastion.access", logging.INFO, __file__, 1, "request", None, None)
    record.request_id = "req_abc"
    record.status = 200
    line = JsonFormatter().format(record)
    entry = orjson.loads(line)
    assert entry["msg"] == "request"
    assert entry["level"] == "info"
    assert entry["logger"] == "bastion.access"
    assert entry["request_id"] == "req_abc"
    assert entry["status"] == 200
    assert entry["ts"].endswith("Z")
    assert "\n" not in line


def test_exceptions_are_one_line_of_json() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "bastion", logging.ERROR, __file__, 1, "failed", None, sys.exc_info()
        )
    entry = orjson.loads(JsonFormatter().format(record))
    assert "ValueError: boom" in entry["exc"]


def test_a_text_line_cannot_be_split_by_what_a_client_sent() -> None:
    """A model name or id with a line break would start a forged line: written as escapes."""
    forged = "nosuch\r\n2026-12-07 17:05:00,000 WARNING bastion.auth: FORGED"
    record = logging.LogRecord("bastion.access", logging.INFO, "x", 1, "model %s", (forged,), None)
    record.model = forged
    line = TextFormatter().format(record)
    assert "\n" not in line and "\r" not in line
    assert "model nosuch\\r\\n2026-12-07" in line
    assert "model=nosuch\\r\\n2026" in line
