"""Text that every database column takes, from strings that clients control.

PostgreSQL refuses NUL in ``text`` and ``varchar`` columns and the ``\\u0000`` escape in
JSONB; no UTF-8 column (nor the drivers of either database) takes a lone surrogate. Strings
that reach a row from a request — model names, identifiers, messages — may hold either, so
what is stored has them replaced by U+FFFD, and a lookup by such a string finds nothing
without asking the database.

The checks are cheap enough for the request path: one ``in`` (a ``memchr``) for NUL, and a
surrogate check only for strings that are not pure ASCII.
"""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def is_storable(value: str) -> bool:
    """True when ``value`` holds neither NUL nor a lone surrogate."""
    if "\x00" in value:
        return False
    if value.isascii():
        return True
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return True


def storable_text(value: str) -> str:
    """``value`` with NUL and lone surrogates replaced by U+FFFD (itself when it has none)."""
    if "\x00" in value:
        value = value.replace("\x00", REPLACEMENT)
    if value.isascii():
        return value
    try:
        value.encode()
    except UnicodeEncodeError:
        return _SURROGATE.sub(REPLACEMENT, value)
    return value


def storable_json(value: Any) -> Any:
    """A JSON-like value whose strings (object keys included) are all ``storable_text``."""
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, dict):
        return {
            (storable_text(k) if isinstance(k, str) else k): storable_json(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [storable_json(item) for item in value]
    return value
