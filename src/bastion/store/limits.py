"""Rate limits kept with a tenant or a key, validated with the config file's ``RateLimits``.

A row's ``limits`` column holds only the fields that are set (``{"requests_per_minute": 60}``);
NULL means the tenant or key has no limits of its own and the config file's apply.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from bastion.config.schema import RateLimits
from bastion.store.errors import InvalidInputError

LimitsInput = RateLimits | Mapping[str, Any] | None

LIMIT_FIELDS = tuple(RateLimits.model_fields)
# The largest integer a JSON number carries exactly everywhere (JavaScript, Lua, orjson).
MAX_LIMIT = 2**53 - 1


def validate_limits(value: LimitsInput, param: str = "limits") -> RateLimits | None:
    """``value`` as ``RateLimits``, or None when it sets no limit at all.

    A mapping is validated strictly: only the known fields, each a JSON integer (not a string,
    a float or a boolean) of at least 1, or for the money budgets (``usd_per_day``,
    ``usd_per_month``) a positive JSON number. Raises ``InvalidInputError`` naming the field.
    """
    if value is None:
        return None
    if isinstance(value, RateLimits):
        limits = value
    elif isinstance(value, Mapping):
        try:
            limits = RateLimits.model_validate(dict(value), strict=True)
        except ValidationError as exc:
            raise _invalid(exc, param) from None
    else:
        raise InvalidInputError(f"{param} must be an object or null", param)
    dumped = dump_limits(limits)
    if dumped is None:
        return None
    for name, number in dumped.items():
        if number > MAX_LIMIT:
            raise InvalidInputError(
                f"{param}.{name}: must be at most {MAX_LIMIT}", f"{param}.{name}"
            )
    return limits


def dump_limits(limits: RateLimits | None) -> dict[str, int | float] | None:
    """What the column stores: the fields that are set, or None."""
    if limits is None:
        return None
    dumped: dict[str, int | float] = limits.model_dump(exclude_none=True)
    return dumped or None


def load_limits(stored: Mapping[str, Any] | None) -> RateLimits | None:
    """The column's value as ``RateLimits`` (it was validated when written)."""
    if not stored:
        return None
    return RateLimits.model_validate(stored)


def _invalid(exc: ValidationError, param: str) -> InvalidInputError:
    first = exc.errors()[0]
    where = ".".join([param, *(str(part) for part in first["loc"])])
    if first["type"] == "extra_forbidden":
        known = ", ".join(LIMIT_FIELDS)
        return InvalidInputError(f"{where}: unknown limit (known: {known})", where)
    if first["type"] == "greater_than" or first["type"].startswith(("int_", "float_")):
        given = json.dumps(first["input"], default=str)
        # Money budgets are dollars (25.5); every other limit is a count.
        kind = "number" if str(first["loc"][0]).startswith("usd_") else "integer"
        return InvalidInputError(f"{where}: must be a positive {kind}, not {given}", where)
    return InvalidInputError(f"{where}: {first['msg']}", where)
