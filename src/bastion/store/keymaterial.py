"""API key format and hashing.

A key is ``bst-`` followed by 43 URL-safe base64 characters (256 random bits). Only its
SHA-256 hex digest and an 8-character display prefix are stored. A slow password hash
would add nothing: with 256 bits of entropy there is nothing to brute-force.
"""

from __future__ import annotations

import hashlib
import re
import secrets

KEY_SCHEME = "bst-"
KEY_ENTROPY_BYTES = 32
DISPLAY_PREFIX_LENGTH = 8
KEY_PATTERN = re.compile(r"^bst-[A-Za-z0-9_-]{43}$")


def generate_key() -> str:
    return KEY_SCHEME + secrets.token_urlsafe(KEY_ENTROPY_BYTES)


def hash_key(presented: str) -> str:
    return hashlib.sha256(presented.encode("utf-8")).hexdigest()


def display_prefix(key: str) -> str:
    return key[:DISPLAY_PREFIX_LENGTH]


def is_well_formed(presented: str) -> bool:
    return KEY_PATTERN.fullmatch(presented) is not None
