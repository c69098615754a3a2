"""What an audit record says about a request, by capture mode.

``metadata`` (the default) records who asked for what, where it went and how it ended, with
SHA-256 digests of the request and response bodies: proof of content without keeping it.
``redacted`` adds the content with personal data and secrets masked; ``full`` adds it as is.
Content is capped at a configured size, and a cap that cut it says so.

A request sent to a backend has an *intent* (before dispatch) and a *completion* or an *abort*.
One answered before anything was sent anywhere — from the cache, or refused by a guardrail,
admission, the queue or routing, or invalid — has a single *outcome* record saying both who
asked for what and how the gateway answered, and why.

The pipeline gathers what a record says of a request (``bastion.pipeline.records``); this
module decides what of its bodies a record keeps, and makes the record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Literal

import orjson

from bastion.audit.chain import AuditEntry
from bastion.audit.redact import Finder, find_nothing, redact, redact_json, redact_stream
from bastion.store.text import storable_json

CaptureMode = Literal["metadata", "redacted", "full"]


def request_fields(
    body: bytes, mode: str | None, max_content_bytes: int, *, find: Finder = find_nothing
) -> dict[str, Any]:
    """The request body's digest and size, the capture mode, and the content it keeps."""
    payload: dict[str, Any] = {
        "request_sha256": hashlib.sha256(body).hexdigest(),
        "request_bytes": len(body),
        "capture": mode,
    }
    _add_content(payload, "request", body, mode, max_content_bytes, find=find)
    return payload


def response_fields(
    digest: str,
    size: int,
    captured: Sequence[bytes] | None,
    truncated: bool,
    mode: str | None,
    *,
    find: Finder = find_nothing,
) -> dict[str, Any]:
    """What was sent to the client: its digest and size, and the bytes captured, if any
    (masked in ``redacted`` mode), with whether the cap cut them."""
    payload: dict[str, Any] = {"response_sha256": digest, "response_bytes": size}
    if captured is not None:
        body = b"".join(captured)
        if mode == "redacted":
            # A whole answer is JSON; a stream is events whose text is masked as one text.
            masked = redact_json(body, find, len(body))
            text = masked if masked is not None else redact_stream(body, find)
        else:
            text = _text(body)
        payload["response"] = text
        payload["response_truncated"] = truncated
    return payload


def _text(body: bytes) -> str:
    return body.decode("utf-8", "replace")


def audit_entry(
    kind: str, request_id: str, tenant_id: str | None, payload: dict[str, Any]
) -> AuditEntry:
    """The record of ``kind`` (intent, completion, abort, outcome) with ``payload`` as JSON."""
    try:
        # JSON escapes NUL; the text column stores what it escapes.
        text = orjson.dumps(payload, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:  # a lone surrogate, which no database stores: replaced
        text = orjson.dumps(storable_json(payload), option=orjson.OPT_SORT_KEYS).decode()
    return AuditEntry(
        kind=kind,
        request_id=request_id,
        tenant_id=tenant_id,
        payload=text,
        ts=datetime.now(UTC),
    )


def _add_content(
    payload: dict[str, Any], name: str, body: bytes, mode: str | None, limit: int, *, find: Finder
) -> None:
    if mode == "full":
        payload[name] = _text(body[:limit])
        payload[f"{name}_truncated"] = len(body) > limit
    elif mode == "redacted":
        masked = redact_json(body, find, limit)
        text = masked if masked is not None else redact(_text(body[:limit]), find)
        payload[name] = text[:limit]
        payload[f"{name}_truncated"] = len(body) > limit or len(text) > limit
