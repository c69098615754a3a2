"""Scans of texts that come back request after request, kept so they are made once.

An application's system prompt is the same text on every request, and a coding agent sends its
whole conversation with every turn: its system prompt (Claude Code's is some 15 KB), every
earlier question, answer and tool result (files of several KB each), then the new turn. Scanned
afresh each time, a session of forty turns costs over 200 ms of CPU per turn by its end, more
than the scan's time limit. A scan is a pure function of the text (and the kinds looked for,
fixed per stage), so its findings can be kept, and each turn scans only what is new. The same
goes for the prompt-injection score of each window of text the classifier reads.

Every text is kept, short ones too: a digest and a lookup cost about a microsecond, and a scan
of a short message with a number in it 100 to 150 µs. Entries are keyed by a digest of the text,
not the text, so no prompt is held after its request; and by tenant, so how fast a request is
scanned never tells one tenant what another sent. Bounded by entries (about 250 bytes each),
least recently used first out.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Generic, TypeVar

V = TypeVar("V")


MemoKey = tuple[str, bytes]


class TextMemo(Generic[V]):
    """What a pure function of a text gave for it (findings, a score), per scope (a tenant).
    Values must be immutable: callers share them. A text's key is made once (``key``) and used
    for its lookup and, when the text is new, its entry."""

    __slots__ = ("_entries", "max_entries")

    def __init__(self, *, max_entries: int = 16384) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[MemoKey, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    @staticmethod
    def key(scope: str, text: str) -> MemoKey:
        # "surrogatepass": a lone surrogate is still a text the scan was given.
        data = text.encode("utf-8", "surrogatepass")
        return scope, hashlib.blake2b(data, digest_size=16).digest()

    def get(self, key: MemoKey) -> V | None:
        """The value kept under ``key``, or None."""
        found = self._entries.get(key)
        if found is None:
            return None
        self._entries.move_to_end(key)
        return found

    def put(self, key: MemoKey, value: V) -> None:
        self._entries[key] = value
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
