"""Validation of tenant names, key names and scopes before they reach the database."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bastion.store.errors import InvalidInputError
from bastion.store.ids import KEY_PREFIX, TENANT_PREFIX

NAME_MAX_LENGTH = 64
_NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_SCOPE_PATTERN = re.compile(r"^[a-z][a-z0-9_.:-]{0,63}$")
ADMIN_SCOPE = "admin"


def validate_name(value: str, what: str) -> str:
    if not _NAME_PATTERN.fullmatch(value):
        raise InvalidInputError(
            f"{what} name {value!r} is invalid: use 1-{NAME_MAX_LENGTH} letters, digits, "
            "'.', '_' or '-', starting with a letter or digit"
        )
    # Names that look like ids would make "name or id" arguments ambiguous.
    if value.startswith((TENANT_PREFIX, KEY_PREFIX)):
        raise InvalidInputError(f"{what} name {value!r} must not start with an id prefix")
    return value


def normalize_scopes(scopes: Iterable[str]) -> frozenset[str]:
    result = frozenset(scopes)
    for scope in result:
        if not _SCOPE_PATTERN.fullmatch(scope):
            raise InvalidInputError(
                f"scope {scope!r} is invalid: use lowercase letters, digits, '_', '.', ':' or '-'"
            )
    return result


def encode_scopes(scopes: frozenset[str]) -> str:
    return " ".join(sorted(scopes))


def decode_scopes(stored: str) -> frozenset[str]:
    return frozenset(stored.split())
