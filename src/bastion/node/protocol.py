"""Frames between a worker and its supervisor: a 4-byte length, then a pickled tuple.

Both ends are processes of one gateway started from the same installation, talking over a
socket in a directory only the gateway's user can open, so pickle's trust model holds; it is
also the fastest way to move the limiter's small dataclasses and the cache's bytes.

A call is ``(call_id, op, args)``; its reply ``(call_id, ok, result)``. ``call_id`` 0 asks for
no reply (settling a grant, storing a cache entry). The supervisor's own messages to a worker
(``(0, event, payload)``) tell it about the other workers and what they found.
"""

from __future__ import annotations

import asyncio
import pickle
import struct
from typing import Any

_HEADER = struct.Struct(">I")
# Far above any message (a cache entry is at most cache.max_entry_bytes): a corrupt length
# ends the connection instead of allocating gigabytes.
MAX_FRAME_BYTES = 256 * 1024 * 1024
NO_REPLY = 0


class ProtocolError(Exception):
    """The other end sent something that is not a frame."""


def encode(message: tuple[Any, ...]) -> bytes:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(payload)) + payload


async def read_frame(reader: asyncio.StreamReader) -> tuple[Any, ...]:
    """The next message; raises ``asyncio.IncompleteReadError`` at end of stream."""
    (size,) = _HEADER.unpack(await reader.readexactly(_HEADER.size))
    if size > MAX_FRAME_BYTES:
        raise ProtocolError(f"frame of {size} bytes")
    message = pickle.loads(await reader.readexactly(size))  # noqa: S301 (see the module doc)
    if not isinstance(message, tuple) or len(message) != 3:
        raise ProtocolError("not a message")
    return message
