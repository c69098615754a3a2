"""Scanning text that arrives in pieces (a streamed answer) without letting a value slip through.

A value can be split across pieces ("4111 1111" then " 1111 1111"), so the newest ``holdback``
characters are held until more text shows whether they belong to one; text is released only up
to a point no finding crosses, already masked. Values longer than the hold-back are held from
where the recognizers say one may still be growing (``growing``: a token without whitespace
such as a JWT or a key, a private key block, an open quoted password), so no value the scan of
the whole text would find is ever released in part, whatever the size of the pieces. The scan
of each piece also sees the last ``context`` characters released before it, so recognizers that
need a context word ("SSN", "born on") still find values whose context came earlier; words that
change how a whole document is read ("NIF", "phone", a table header) are carried forward before
it (after a table header, the context reaches back to the start of the row), and values
masked once are masked again where they come back, as in the whole-text scan. A token longer
than any value (``MAX_HELD``) is dropped rather than released in part. The end of the stream
releases the rest.

With ``block``, the first value found ends the text instead: what came before it is released
and nothing after it ever is (``blocked`` turns true).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bastion.guardrails.findings import Finding
from bastion.guardrails.recognizers import document_keywords, growing_from, row_reach, token_end
from bastion.guardrails.redact import mask

Scan = Callable[[str], list[Finding]]
Mask = Callable[[str, Sequence[Finding]], str]
Growing = Callable[[str], "int | None"]
Keywords = Callable[[str], frozenset[str]]
RowReach = Callable[[frozenset[str]], int]
# A token without spaces longer than this is longer than any value a recognizer knows, and it
# cannot be held whole: it is dropped (fails closed), since a value may be glued to its end.
MAX_HELD = 65536
DROPPED = "[REDACTED]"
# Values masked once are remembered (at most this many, of at least this many characters).
_MAX_REMEMBERED = 256
_MIN_REMEMBERED = 4


class StreamMasker:
    def __init__(
        self,
        scan: Scan,
        holdback: int = 128,
        # Enough for a health term's cue up to 100 characters before it (guardrails/health.py).
        context: int = 160,
        *,
        block: bool = False,
        masking: Mask = mask,
        growing: Growing = growing_from,
        keywords: Keywords = document_keywords,
        rows: RowReach = row_reach,
    ) -> None:
        self._scan = scan
        self._growing = growing
        self._keywords = keywords
        # Words released earlier that change how later text is read ("NIF", "phone"), put
        # before each scan's context as the document would have them.
        self._document_words: frozenset[str] = frozenset()
        self._preamble = ""
        self._rows = rows
        # Once a table header is carried, the context reaches back to the start of the line
        # (at most this far), so a row's cells are counted from its first.
        self._row_reach = 0
        self._mask = masking  # called on all the text released, in order
        self._holdback = holdback
        self._context = context
        self._block = block
        # Text is released in steps of at least this much, so a stream fed a character or a
        # token at a time is scanned once per step rather than once per piece.
        self._step = max(1, holdback // 4)
        self._held = ""
        self._released_tail = ""  # the end of what was released, for context
        self.found: list[Finding] = []  # every finding so far (offsets in its own scan)
        self._seen: dict[str, Finding] = {}  # values masked so far, masked again where repeated
        self.blocked = False
        self._dropping = False  # inside an over-long token, until it ends

    def feed(self, piece: str) -> str:
        """What of the stream so far can be sent now, masked."""
        if self.blocked:
            return ""
        if self._dropping:
            end = token_end(piece)
            if end < 0:
                return ""
            self._dropping = False
            piece = piece[end:]
        self._held += piece
        held = self._held
        cut = len(held) - self._holdback
        if cut < self._step:
            return ""  # nothing to release yet, however the held text ends
        start = self._growing(held)
        if start is not None:
            if len(held) - start > MAX_HELD:
                return self._drop_token(start)
            cut = min(cut, start)
            if cut < self._step:
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

    def _drop_token(self, start: int) -> str:
        """Releases the text before an over-long token, then drops the token: replaced by a
        marker, or, when blocking, ending the text there."""
        token = Finding("long_token", "secret", start, len(self._held))
        self._held = self._held[:start]
        text = self.finish()
        self._held = ""
        if self.blocked:
            return text
        self.found.append(token)
        if self._block:
            self.blocked = True
            return text
        self._dropping = True
        return text + DROPPED

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
        context = self._preamble + self._released_tail
        offset = len(context)
        findings = []
        for finding in self._scan(context + held):
            if finding.end <= offset:
                continue  # wholly in text already released (it was masked then)
            start = max(finding.start - offset, 0)
            findings.append(Finding(finding.kind, finding.category, start, finding.end - offset))
        if self._seen:
            findings = self._with_seen_values(held, findings)
        return findings

    def _with_seen_values(self, held: str, findings: list[Finding]) -> list[Finding]:
        """``findings`` plus every other place ``held`` repeats a value masked earlier: a name
        the scan found after its cue is still that person where it comes back without one."""
        taken = [(f.start, f.end) for f in findings]
        extra: list[Finding] = []
        for value, found in self._seen.items():
            at = held.find(value)
            while at >= 0:
                end = at + len(value)
                bounded = not held[at - 1 : at].isalnum() and not held[end : end + 1].isalnum()
                if bounded and all(end <= s or e <= at for s, e in taken):
                    extra.append(Finding(found.kind, found.category, at, end))
                    taken.append((at, end))
                at = held.find(value, end)
        return sorted(findings + extra, key=lambda f: f.start) if extra else findings

    def _release(self, cut: int, findings: list[Finding]) -> str:
        released = self._held[:cut]
        self._held = self._held[cut:]
        self.found.extend(findings)
        for finding in findings:
            value = released[finding.start : finding.end]
            if len(value) >= _MIN_REMEMBERED and len(self._seen) < _MAX_REMEMBERED:
                self._seen.setdefault(value, finding)
        text = self._mask(released, findings)
        tail = self._released_tail + released
        words = self._keywords(tail)
        if not words <= self._document_words:
            self._document_words |= words
            self._preamble = "\n".join(sorted(self._document_words)) + "\n"
            self._row_reach = self._rows(self._document_words)
        start = max(0, len(tail) - self._context)
        if self._row_reach:
            line_start = tail.rfind("\n", max(0, start - self._row_reach), start) + 1
            start = line_start if line_start > 0 else max(0, start - self._row_reach)
        self._released_tail = tail[start:]
        return text
