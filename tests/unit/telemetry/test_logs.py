from __future__ import annotations

import logging

import orjson

from bastion.telemetry.logs import JsonFormatter


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
