"""Masking of personal data and secrets in captured content (the audit's ``redacted`` mode).

Two finders mark what to mask: the caller's (the guardrails' scan, where the gateway records:
`bastion.pipeline.records`), and a deliberately conservative pattern set of this module for
what is cheap to recognise without context (e-mail addresses, long digit runs such as card,
phone and account numbers, IBANs, IP addresses, bearer tokens and well-known key formats). It
errs on the side of masking: a masked order number costs nothing in an audit trail.

Content is read as the client or the model wrote it, not as its encoding shows it:

- a JSON body value by value (``redact_json``): scanned as JSON text, "card\\n4111…" would
  glue the escape's letter to the number;
- a stream (``redact_stream``) as the text its events carry together: a card number streamed
  in pieces of seven characters is found in the answer, and each piece masked where it lies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import orjson

# (start, end, label) of a value to mask in a text.
Span = tuple[int, int, str]
Finder = Callable[[str], list[Span]]

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "PRIVATE_KEY",
        re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S),
    ),
    ("SECRET", re.compile(r"\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}\b")),
    ("SECRET", re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")),
    ("SECRET", re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}\b")),
    ("SECRET", re.compile(r"(?i)\bbearer\s+[A-Za-z0-9._~+/-]{16,}=*")),
    ("SECRET", re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]+:[^\s@/]+@[^\s]+")),
    ("EMAIL", re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")),
    ("IP", re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")),
    # An IBAN or another account number that starts with letters, spaced or not.
    ("IBAN", re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")),
    # A run of digits with separators; a full stop after it ends a sentence, not the number.
    ("NUMBER", re.compile(r"(?<![\w.])\+?\(?\d(?:[\d \-().]{4,}\d)(?![\w]|\.\d)")),
)
# Fewer digits than this in a run are kept: counts, years, small amounts.
_MIN_DIGITS = 6
# The fields of a stream's events that carry the text of the answer, piece by piece.
_TEXT_FIELDS = frozenset(
    {"content", "text", "delta", "partial_json", "arguments", "thinking", "refusal"}
)


def pattern_spans(text: str) -> list[Span]:
    """What this module's patterns find in ``text``."""
    spans: list[Span] = []
    for label, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if label == "NUMBER" and sum(map(str.isdigit, match.group())) < _MIN_DIGITS:
                continue
            spans.append((match.start(), match.end(), label))
    return spans


def find_nothing(_text: str) -> list[Span]:
    """A finder that finds nothing: the patterns alone mask."""
    return []


def redact(text: str, find: Finder = find_nothing) -> str:
    """``text`` with what ``find`` and the patterns find replaced by ``[LABEL]``."""
    spans = _merged(find(text) + pattern_spans(text))
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    for start, end, label in spans:
        parts += (text[position:start], f"[{label.upper()}]")
        position = end
    parts.append(text[position:])
    return "".join(parts)


def redact_json(body: bytes, find: Finder, limit: int) -> str | None:
    """``body`` (JSON) with every string value masked (``redact``); None when it is not JSON.
    Only about ``limit`` characters of strings are masked: the rest, which the capture cuts
    off anyway, become "…"."""
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    left = limit

    def walk(item: Any) -> Any:
        nonlocal left
        if isinstance(item, str):
            if left <= 0:
                return "…"
            kept = item
            if len(item) > left:
                # Only what is kept is scanned: a prompt of megabytes scanned whole held the
                # event loop for seconds. Cut at a space, so that no value is kept half.
                kept = item[:left]
                space = max(kept.rfind(" "), kept.rfind("\n"))
                kept = (kept[:space] if space > 0 else "") + "…"
            left -= len(item)
            return redact(kept, find)
        if isinstance(item, list):
            return [walk(part) for part in item]
        if isinstance(item, dict):
            return {key: walk(part) for key, part in item.items()}
        return item

    return orjson.dumps(walk(value)).decode()


def redact_stream(body: bytes, find: Finder) -> str:
    """A stream of server-sent events with its text masked as one text.

    The text fields of every event's JSON (``_TEXT_FIELDS``: OpenAI's ``delta.content``,
    Anthropic's ``delta.text``, the Responses API's ``delta``…) are joined in order, masked
    as one text, and each piece gets back its share: the label where a value starts, nothing
    for the rest of it. Other strings of the events are masked one by one; what is not JSON
    is masked as text.
    """
    text = body.decode("utf-8", "replace")
    blocks = text.split("\n\n")
    parsed: list[tuple[list[str], Any] | None] = []
    pieces: list[list[Any]] = []  # [container, key, text] of every text field, in order
    for block in blocks:
        lines = block.split("\n")
        data = [line[5:].lstrip() for line in lines if line.startswith("data:")]
        try:
            event = orjson.loads("\n".join(data)) if data else None
        except orjson.JSONDecodeError:
            event = None
        if event is None:
            parsed.append(None)
            continue
        parsed.append(([line for line in lines if not line.startswith("data:")], event))
        _collect(event, pieces, find)
    _mask_pieces(pieces, find)
    out: list[str] = []
    for block, entry in zip(blocks, parsed, strict=True):
        if entry is None:
            out.append(redact(block, find))
        else:
            others, event = entry
            out.append("\n".join([*others, "data: " + orjson.dumps(event).decode()]))
    return "\n\n".join(out)


def _collect(item: Any, pieces: list[list[Any]], find: Finder) -> None:
    """Text fields into ``pieces``; every other string masked where it stands."""
    if isinstance(item, dict):
        for key, value in item.items():
            if isinstance(value, str):
                if key in _TEXT_FIELDS:
                    pieces.append([item, key, value])
                else:
                    item[key] = redact(value, find)
            else:
                _collect(value, pieces, find)
    elif isinstance(item, list):
        for index, value in enumerate(item):
            if isinstance(value, str):
                item[index] = redact(value, find)
            else:
                _collect(value, pieces, find)


def _mask_pieces(pieces: list[list[Any]], find: Finder) -> None:
    joined = "".join(piece[2] for piece in pieces)
    spans = _merged(find(joined) + pattern_spans(joined))
    if not spans:
        return
    offset = 0
    for piece in pieces:
        container, key, value = piece
        start, end = offset, offset + len(value)
        offset = end
        parts: list[str] = []
        position = start
        for span_start, span_end, label in spans:
            if span_end <= start or span_start >= end:
                continue
            parts.append(joined[position : max(span_start, start)])
            if span_start >= start:  # the value starts in this piece: its label goes here
                parts.append(f"[{label.upper()}]")
            position = min(span_end, end)
        if position == start and not parts:
            continue
        parts.append(joined[position:end])
        container[key] = "".join(parts)


def _merged(spans: list[Span]) -> list[Span]:
    """Sorted, overlapping spans joined (the first one's label)."""
    out: list[Span] = []
    for start, end, label in sorted(spans):
        if out and start < out[-1][1]:
            last = out[-1]
            out[-1] = (last[0], max(last[1], end), last[2])
        else:
            out.append((start, end, label))
    return out
