"""Scanning text that arrives in pieces (a streamed answer) without letting a value slip through.

A value can be split across pieces ("4111 1111" then " 1111 1111"), so the newest ``holdback``
characters are held until more text shows whether they belong to one; text is released only up
to a point no finding crosses, already masked. The scan of each piece also sees the last
``context`` characters released before it, so recognizers that need a context word ("SSN",
"born on") still find values whose context came earlier. The end of the stream releases the
rest.

With ``block``, the first value found ends the text instead: what came before it is released
and nothing after it ever is (``blocked`` turns true).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bastion.guardrails.findings import Finding
from bastion.guardrails.redact import mask

Scan = Callable[[str], list[Finding]]
Mask = Callable[[str, Sequence[Finding]], str]
# A private key block is longer than any hold-back: text from its first line is held until its
# last line arrives (or the stream ends).
_BLOCK_START, _BLOCK_END = "-----BEGIN", "-----END"


class StreamMasker:
    def __init__(
        self,
        scan: Scan,
        holdback: int = 128,
        context: int = 64,
        *,
        block: bool = False,
        masking: Mask = mask,
    ) -> None:
        self._scan = scan
        self._mask = masking  # called on all the text released, in order
        self._holdback = holdback
        self._context = context
        self._block = block
        self._held = ""
        self._released_tail = ""  # the end of what was released, for context
        self.found: list[Finding] = []  # every finding so far (offsets in its own scan)
        self.blocked = False

    def feed(self, piece: str) -> str:
        """What of the stream so far can be sent now, masked."""
        if self.blocked:
            return ""
        self._held += piece
        held = self._held
        cut = len(held) - self._holdback
        pem = held.rfind(_BLOCK_START)
        if pem != -1 and not _closed(held, pem):
            cut = min(cut, pem)
        if cut <= 0:
            return ""
        findings = self._findings(held)
        if findings and self._block:
            return self._end_before(findings)
        for finding in findings:
            if finding.start < cut < finding.end:
                cut = finding.start  # never release part of a value
        return self._release(cut, [f for f in findings if f.end <= cut])

    def finish(self) -> str:
        """The rest of the stream, masked."""
        held = self._held
        if not held or self.blocked:
            return ""
        findings = self._findings(held)
        if findings and self._block:
            return self._end_before(findings)
        return self._release(len(held), findings)

    def _end_before(self, findings: list[Finding]) -> str:
        """Releases the text before the first value; the rest is never sent."""
        first = min(finding.start for finding in findings)
        # Only the newest text can hold an unfinished value, and it lies after `first`.
        text = self._held[:first]
        self._held = ""
        self.found.append(min(findings, key=lambda finding: finding.start))
        self.blocked = True
        return text

    def _findings(self, held: str) -> list[Finding]:
        context = self._released_tail
        offset = len(context)
        findings = []
        for finding in self._scan(context + held):
            if finding.end <= offset:
                continue  # wholly in text already released (it was masked then)
            start = max(finding.start - offset, 0)
            findings.append(Finding(finding.kind, finding.category, start, finding.end - offset))
        return findings

    def _release(self, cut: int, findings: list[Finding]) -> str:
        released = self._held[:cut]
        self._held = self._held[cut:]
        self.found.extend(findings)
        text = self._mask(released, findings)
        self._released_tail = (self._released_tail + released)[-self._context :]
        return text


def _closed(text: str, start: int) -> bool:
    """Whether the block starting at ``start`` has its whole last line (``-----END …-----``)."""
    end = text.find(_BLOCK_END, start)
    return end != -1 and text.find("-----", end + len(_BLOCK_END)) != -1
