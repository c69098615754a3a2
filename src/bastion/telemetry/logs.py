"""Structured logging: one JSON object per line, or plain text for a terminal."""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from typing import Any

import orjson

# Attributes every LogRecord has; anything else was passed through ``extra=`` and is emitted.
# uvicorn adds color_message, a duplicate of the message with terminal colour codes.
_STANDARD_ATTRS = frozenset(logging.makeLogRecord({}).__dict__) | {
    "message",
    "asctime",
    "color_message",
}


def _extras(record: logging.LogRecord) -> dict[str, Any]:
    return {
        key: value
        for key, value in record.__dict__.items()
        if key not in _STANDARD_ATTRS and not key.startswith("_")
    }


class TextFormatter(logging.Formatter):
    """One readable line; the structured fields follow as key=value."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s: %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = escaped(record.message)
        return super().formatMessage(record)

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        fields = " ".join(f"{key}={escaped(str(value))}" for key, value in _extras(record).items())
        return f"{line} {fields}" if fields else line


# Line breaks and other control characters in what clients send (a model name, an id) would
# start a forged log line: written as escapes instead. A traceback keeps its lines.
_ESCAPES = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F, 0x85)} | {
    0x0A: "\\n",
    0x0D: "\\r",
    0x09: "\\t",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def escaped(text: str) -> str:
    """``text`` on one line: control characters written as escapes."""
    return text.translate(_ESCAPES) if not text.isprintable() else text


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update(_extras(record))
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


class ShutdownCancellations(logging.Filter):
    """uvicorn's lines about the requests it cancels when the shutdown grace period ends, as
    one WARNING line each instead of an ERROR with a ``CancelledError`` traceback.

    Cancelling what outlives the grace period is the documented end of a drain (the access log
    records those requests as ``cancelled``), not a fault: at ERROR it would trip error alerts
    on every rolling deploy.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, asyncio.CancelledError):
            # "Exception in ASGI application": a request task cancelled. uvicorn says why in
            # the cancellation's message ("... timeout graceful shutdown exceeded").
            why = str(exc) or "no reason given"
            _downgrade(record, f"request cancelled ({why})")
        elif record.levelno == logging.ERROR and str(record.msg).startswith("Cancel %s running"):
            _downgrade(record, record.getMessage())  # the count of the lines above
        return True


def _downgrade(record: logging.LogRecord, message: str) -> None:
    record.levelno = logging.WARNING
    record.levelname = logging.getLevelName(logging.WARNING)
    record.msg = message
    record.args = None
    record.exc_info = None
    record.exc_text = None


def describe_error(exc: BaseException) -> str:
    """The exception's type and first line: driver errors can be long and carry SQL."""
    text = str(exc)
    first = text.splitlines()[0] if text else ""
    return f"{type(exc).__name__}: {first[:200]}"


def configure_logging(level: str, fmt: str) -> None:
    """``fmt`` is "json", "text", or "auto": text on a terminal, JSON when collected."""
    if fmt == "auto":
        fmt = "text" if sys.stderr.isatty() else "json"
    handler = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Access logging is done by the account stage with the request id; uvicorn's is redundant,
    # and its start-up chatter (and that of migrations) is replaced by the gateway's banner.
    logging.getLogger("uvicorn.access").disabled = True
    for chatty in ("uvicorn.error", "alembic"):
        logging.getLogger(chatty).setLevel(max(logging.WARNING, root.level))
    uvicorn = logging.getLogger("uvicorn.error")
    if not any(isinstance(known, ShutdownCancellations) for known in uvicorn.filters):
        uvicorn.addFilter(ShutdownCancellations())


class LogThrottle:
    """At most one line per ``interval`` for a message that may repeat on every request (a
    flood of flagged requests must not become a flood of log writes on the request path);
    each line says how many were left out since the last (the counters have them all)."""

    __slots__ = ("_interval", "_next", "_skipped")

    def __init__(self, interval: float = 1.0) -> None:
        self._interval = interval
        self._next = 0.0
        self._skipped = 0

    def allow(self, now: float) -> int | None:
        """None: leave this one out. Otherwise log it, with the number returned."""
        if now < self._next:
            self._skipped += 1
            return None
        skipped, self._skipped = self._skipped, 0
        self._next = now + self._interval
        return skipped
