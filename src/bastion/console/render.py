"""Rendering: the templates shipped in the package (autoescaped), and the headers every
console answer carries."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from starlette.responses import HTMLResponse, Response

from bastion.console.session import Viewer
from bastion.store.text import REPLACEMENT, storable_text

# No script runs on a console page (charts are SVG drawn on the server), and nothing is
# loaded from anywhere but the gateway itself.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    # Pages show keys (once), limits and spend: never kept by a browser or a proxy.
    "Cache-Control": "no-store",
}

# What a missing figure shows (an en dash).
NONE = "\u2013"
# The longest value a cell of a list shows (the ledger's cut of a name): a stored payload may
# hold megabytes in one field, and a page of 50 rows must stay small whatever it holds.
CELL_CHARS = 200
# C0 control characters but tab, line feed and carriage return (a CRLF line end): an audit
# payload decodes ``\u0000`` to a raw NUL, which no page should carry (text tools then take
# the page for binary); shown as U+FFFD, as the ledger stores a NUL.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

NAV = (
    ("overview", "/console/", "Overview"),
    ("backends", "/console/backends", "Backends"),
    ("tenants", "/console/tenants", "Tenants and keys"),
    ("money", "/console/money", "Money"),
    ("audit", "/console/audit", "Audit"),
)


def environment() -> Environment:
    folder = resources.files("bastion.console") / "templates"
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_displayable,
    )
    env.filters["clip"] = _clip
    env.filters["num"] = _num
    env.filters["pct"] = _pct
    env.filters["ms"] = _ms
    env.filters["usd"] = _usd
    env.filters["when"] = _when
    return env


class Pages:
    def __init__(self) -> None:
        self._env = environment()

    def render(
        self,
        template: str,
        viewer: Viewer | None,
        *,
        status: int = 200,
        active: str = "",
        **context: Any,
    ) -> Response:
        page = self._env.get_template(template).render(
            viewer=viewer,
            nav=NAV if viewer is not None and viewer.is_admin else (),
            active=active,
            **context,
        )
        return HTMLResponse(page, status, headers=SECURITY_HEADERS)

    def error(self, viewer: Viewer | None, status: int, message: str) -> Response:
        return self.render("error.html", viewer, status=status, message=message, code=status)


def _displayable(value: Any) -> Any:
    """Every ``{{ … }}`` of every page, before escaping: text with control characters and
    lone surrogates (which no page can encode) replaced by U+FFFD; anything else as is.

    Markup is a macro's output, every expression of which passed through here already."""
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    if _CONTROL.search(value):
        value = _CONTROL.sub(REPLACEMENT, value)
    return storable_text(value)


def _clip(value: Any, limit: int = CELL_CHARS) -> Any:
    """``value`` as a list's cell shows it: at most ``limit`` characters, an ellipsis saying
    it was cut (the record's own page shows it whole)."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return value
    return text[: limit - 1] + "\u2026"


def _num(value: float | int | None, digits: int = 0) -> str:
    if value is None:
        return NONE
    return f"{value:,.{digits}f}"


def _pct(value: float | None) -> str:
    return NONE if value is None else f"{value * 100:.1f} %"


def _ms(seconds: float | None) -> str:
    return NONE if seconds is None else f"{seconds * 1000:,.0f} ms"


def _usd(value: float | None) -> str:
    return NONE if value is None else f"${value:,.2f}"


def _when(value: datetime | str | None) -> str:
    if value is None:
        return NONE
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    else:
        moment = value
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
