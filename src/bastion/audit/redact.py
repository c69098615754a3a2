"""Masking of obvious personal data and secrets in captured content.

A deliberately conservative pattern set for the audit's ``redacted`` capture mode: it masks
what is cheap to recognise without context (e-mail addresses, long digit runs such as card,
phone and account numbers, IP addresses, bearer tokens and well-known key formats). It errs
on the side of masking: a masked order number costs nothing in an audit trail.
"""

from __future__ import annotations

import re

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
    ("NUMBER", re.compile(r"(?<![\w.])\+?\d(?:[\d \-().]{4,}\d)(?![\w.])")),
)


def redact(text: str) -> str:
    for label, pattern in _PATTERNS:
        if label == "NUMBER":
            text = pattern.sub(_mask_long_number, text)
        else:
            text = pattern.sub(f"[{label}]", text)
    return text


def _mask_long_number(match: re.Match[str]) -> str:
    # Fewer than six digits are kept: counts, years, small amounts.
    value = match.group(0)
    return "[NUMBER]" if sum(c.isdigit() for c in value) >= 6 else value
