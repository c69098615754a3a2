from __future__ import annotations

import asyncio
import contextlib
import io
import logging

import orjson

from bastion.telemetry.logs import JsonFormatter, TextFormatter, configure_logging


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


def _uvicorn_line(level: int, msg: str, args: tuple[object, ...], exc: BaseException | None) -> str:
    """What uvicorn's logger writes once the gateway's logging is configured (JSON lines)."""
    logger = logging.getLogger("uvicorn.error")
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, logger.level, logger.filters[:])
    stream = io.StringIO()
    try:
        with contextlib.redirect_stderr(stream):
            configure_logging("info", "json")
        exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
        logger.log(level, msg, *args, exc_info=exc_info)
    finally:
        root.handlers[:], root.level = saved[0], saved[1]
        logger.setLevel(saved[2])
        logger.filters[:] = saved[3]
    return stream.getvalue()


def test_requests_cancelled_at_the_end_of_the_grace_period_are_one_warning_line_each() -> None:
    try:
        raise asyncio.CancelledError("Task cancelled, timeout graceful shutdown exceeded")
    except asyncio.CancelledError as exc:
        cancelled = exc
    output = _uvicorn_line(logging.ERROR, "Exception in ASGI application\n", (), cancelled)
    entry = orjson.loads(output)
    assert entry["level"] == "warning"
    assert entry["msg"] == (
        "request cancelled (Task cancelled, timeout graceful shutdown exceeded)"
    )
    assert "exc" not in entry and output.count("\n") == 1
    summary = _uvicorn_line(
        logging.ERROR, "Cancel %s running task(s), timeout graceful shutdown exceeded", (3,), None
    )
    assert orjson.loads(summary)["level"] == "warning"
    assert "Cancel 3 running task(s)" in summary


def test_other_errors_of_the_server_keep_their_level_and_traceback() -> None:
    try:
        raise RuntimeError("a real bug")
    except RuntimeError as exc:
        failed = exc
    output = _uvicorn_line(logging.ERROR, "Exception in ASGI application\n", (), failed)
    entry = orjson.loads(output)
    assert entry["level"] == "error"
    assert "RuntimeError: a real bug" in entry["exc"]
