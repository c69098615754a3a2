"""Identifiers: a type prefix and 24 hex characters (96 random bits), e.g. ``ten_3f9a…``.

The prefix makes an id self-describing in logs and lets the CLI tell an id from a name.
"""

from __future__ import annotations

import re
import secrets

TENANT_PREFIX = "ten_"
KEY_PREFIX = "key_"
_ID_BYTES = 12
_ID_PATTERN = re.compile(r"^(ten|key)_[0-9a-f]{24}$")


def new_tenant_id() -> str:
    return TENANT_PREFIX + secrets.token_hex(_ID_BYTES)


def new_key_id() -> str:
    return KEY_PREFIX + secrets.token_hex(_ID_BYTES)


def looks_like_id(value: str, prefix: str) -> bool:
    return value.startswith(prefix) and _ID_PATTERN.fullmatch(value) is not None
