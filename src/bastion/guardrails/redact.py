"""Masking what a scan found: each value becomes its kind in brackets (``[EMAIL]``)."""

from __future__ import annotations

from collections.abc import Sequence

from bastion.guardrails.findings import Finding


def mask(text: str, findings: Sequence[Finding]) -> str:
    """``text`` with every finding (sorted, non-overlapping) replaced by ``[KIND]``."""
    if not findings:
        return text
    parts: list[str] = []
    position = 0
    for finding in findings:
        parts.append(text[position : finding.start])
        parts.append(f"[{finding.kind.upper()}]")
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)
