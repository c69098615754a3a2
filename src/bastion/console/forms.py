"""Console forms: URL-encoded bodies read within a size limit, and fields checked before any
of them reaches a repository (a NUL, a huge or a missing value is the user's mistake, a 400
page, never a database error)."""

from __future__ import annotations

import math
import re
from urllib.parse import parse_qsl

from starlette.requests import Request

MAX_FORM_BYTES = 16 * 1024
MAX_FIELDS = 32
MAX_FIELD_CHARS = 512


# What a number field takes (below 10**18, as the size check after it bounds anyway).
_WHOLE = re.compile(r"[0-9]{1,18}")
_DECIMAL = re.compile(r"[0-9]{1,18}(?:\.[0-9]{1,12})?|\.[0-9]{1,12}")


class FormError(Exception):
    """A form the console refuses; the message is shown to the user."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class Form:
    def __init__(self, fields: dict[str, str]) -> None:
        self._fields = fields

    def get(self, name: str) -> str | None:
        return self._fields.get(name)

    def text(self, name: str, label: str, *, required: bool = True, max_chars: int = 64) -> str:
        value = (self._fields.get(name) or "").strip()
        if not value:
            if required:
                raise FormError(f"{label} is required.")
            return ""
        if len(value) > max_chars:
            raise FormError(f"{label} is longer than {max_chars} characters.")
        if any(ord(c) < 32 or ord(c) == 127 for c in value):
            raise FormError(f"{label} holds control characters.")
        return value

    def number(self, name: str, label: str, *, whole: bool) -> int | float | None:
        """A positive number, or None for an empty field."""
        raw = (self._fields.get(name) or "").strip()
        if not raw:
            return None
        kind = "a whole number" if whole else "a number"
        # Written as people write numbers: ASCII digits and a decimal point, as the page's
        # fields ask ("1_000", full-width digits, "1e3" and "inf" are what Python reads, not
        # what a form means).
        if (_WHOLE if whole else _DECIMAL).fullmatch(raw) is None:
            raise FormError(f"{label} must be {kind}, written in digits.")
        value: int | float = int(raw) if whole else float(raw)
        if not math.isfinite(value) or not value > 0:
            raise FormError(f"{label} must be above zero.")
        if value > 10**15:
            raise FormError(f"{label} is too large.")
        return value


async def read_form(request: Request) -> Form:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise FormError("Expected a form (application/x-www-form-urlencoded).", 415)
    declared = request.headers.get("content-length")
    if (
        declared is not None
        and declared.isascii()
        and declared.isdigit()
        and int(declared) > MAX_FORM_BYTES
    ):
        raise FormError("The form is too large.", 413)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise FormError("The form is too large.", 413)
    try:
        text = body.decode("ascii")  # URL-encoded: anything else is not a form a browser sent
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            strict_parsing=False,
            max_num_fields=MAX_FIELDS,
            errors="strict",
        )
    except (UnicodeDecodeError, ValueError):
        raise FormError("The form could not be read.") from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields:
            raise FormError(f"The field {name[:32]!r} was sent twice.")
        if "\x00" in name or "\x00" in value:
            raise FormError("The form holds a NUL character.")
        if len(value) > MAX_FIELD_CHARS:
            raise FormError("A field of the form is too long.")
        fields[name] = value
    return Form(fields)
