"""A value computed from a client's request body, reused while the body stays as it was.

Stages change the body after it is first read: a stored conversation is put in front of a
Responses API turn, the inspect stage masks sensitive values in place, an endpoint version
adds its defaults. Whatever is built for the upstream must come from the body as it is then,
never from an earlier reading. So a result is handed out again only for the very object it was
computed from, and only while that object encodes to the same JSON bytes as it did then: any
change to a value, a type (``1``, ``1.0`` and ``true`` encode apart) or the keys, however it was
made, computes afresh. Encoding is a fraction of the cost of parsing and checking a body in
Python (about a tenth for a coding agent's 100 KB turn).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import orjson

__all__ = ["BodyMemo"]

T = TypeVar("T")


class BodyMemo:
    """The last result of one function of a request body (one memo per request)."""

    __slots__ = ("_body", "_compute", "_encoded", "_result")

    def __init__(self) -> None:
        self._body: dict[str, Any] | None = None
        self._encoded = b""
        self._compute: Callable[[dict[str, Any]], Any] | None = None
        self._result: Any = None

    def get(self, body: dict[str, Any], compute: Callable[[dict[str, Any]], T]) -> T:
        """``compute(body)``, or its earlier result for this unchanged body. An exception
        ``compute`` raises propagates, and nothing is kept."""
        try:
            encoded = orjson.dumps(body)
        except orjson.JSONEncodeError:  # a value JSON cannot hold: nothing to compare by
            self._compute = None
            return compute(body)
        if body is self._body and compute is self._compute and encoded == self._encoded:
            return cast(T, self._result)
        self._compute = None  # nothing valid is held while computing
        result = compute(body)
        self._body, self._encoded, self._compute, self._result = body, encoded, compute, result
        return result
