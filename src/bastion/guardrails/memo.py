"""Scans of texts that come back request after request, kept so they are made once.

An application's system prompt, or a coding agent's (Claude Code sends some 15 KB of it, tool
descriptions included, with every turn), is the same text on every request; scanning it costs
1 to 2 ms per KB each time. A scan is a pure function of the text (and the kinds looked for, fixed
per stage), so its findings can be kept. Bounded by entries and by the characters held, least
recently used first out.
"""

from __future__ import annotations

from collections import OrderedDict

from bastion.guardrails.findings import Finding


class ScanMemo:
    __slots__ = ("_chars", "_entries", "max_chars", "max_entries")

    def __init__(self, *, max_entries: int = 1024, max_chars: int = 4_000_000) -> None:
        self.max_entries = max_entries
        self.max_chars = max_chars
        self._entries: OrderedDict[str, tuple[Finding, ...]] = OrderedDict()
        self._chars = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, text: str) -> list[Finding] | None:
        found = self._entries.get(text)
        if found is None:
            return None
        self._entries.move_to_end(text)
        return list(found)

    def put(self, text: str, findings: list[Finding]) -> None:
        if len(text) > self.max_chars // 4 or text in self._entries:
            return
        self._entries[text] = tuple(findings)
        self._chars += len(text)
        while len(self._entries) > self.max_entries or self._chars > self.max_chars:
            dropped, _ = self._entries.popitem(last=False)
            self._chars -= len(dropped)
