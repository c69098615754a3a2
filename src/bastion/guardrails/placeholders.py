"""Reversible redaction: values replaced by numbered placeholders, put back in the answer.

``[[EMAIL_1]]`` goes to the model instead of the address; the model can still refer to it, and
the client's answer shows the address again. The mapping lives only in the request's memory.
In a stream, a placeholder split across chunks is held until it is whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import orjson

from bastion.guardrails.findings import Finding

_TOKEN = re.compile(r"\[\[[A-Z_]+_\d+\]\]")
_LONGEST = 48  # longer than any placeholder: "[[" + kind + "_" + number + "]]"


class Placeholders:
    """The values of one request, by placeholder; the same value always gets the same one."""

    __slots__ = ("_by_value", "_counts", "values")

    def __init__(self, taken: Sequence[str] = ()) -> None:
        """``taken``: texts of the request that may already hold placeholders (a stored
        conversation's earlier turns, masked when they were sent): new values are numbered
        after them, so ``[[EMAIL_1]]`` never names two different addresses to the model."""
        self.values: dict[str, str] = {}
        self._by_value: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        for text in taken:
            if "[[" in text:
                for token in _TOKEN.findall(text):
                    label, _, number = token[2:-2].rpartition("_")
                    self._counts[label] = max(self._counts.get(label, 0), int(number))

    def __bool__(self) -> bool:
        return bool(self.values)

    def replace(self, text: str, findings: Sequence[Finding]) -> str:
        parts: list[str] = []
        position = 0
        for finding in findings:
            parts.append(text[position : finding.start])
            parts.append(self._token(finding.kind, text[finding.start : finding.end]))
            position = finding.end
        parts.append(text[position:])
        return "".join(parts)

    def restore(self, text: str, *, json: bool = False) -> str:
        """``text`` with its placeholders' values back; with ``json``, escaped as a JSON
        string's content (the text is JSON, such as tool call arguments)."""
        if "[[" not in text:
            return text

        def value_of(match: re.Match[str]) -> str:
            value = self.values.get(match.group(0), match.group(0))
            return _json_escaped(value) if json else value

        return _TOKEN.sub(value_of, text)

    def _token(self, kind: str, value: str) -> str:
        token = self._by_value.get(value)
        if token is None:
            label = kind.upper()
            number = self._counts[label] = self._counts.get(label, 0) + 1
            token = f"[[{label}_{number}]]"
            self._by_value[value] = token
            self.values[token] = value
        return token


def _json_escaped(value: str) -> str:
    return orjson.dumps(value).decode()[1:-1]


class StreamRestorer:
    """Puts values back into text arriving in pieces, holding a possible placeholder's start."""

    __slots__ = ("_held", "_json", "_placeholders")

    def __init__(self, placeholders: Placeholders, *, json: bool = False) -> None:
        self._placeholders = placeholders
        self._json = json
        self._held = ""

    def feed(self, piece: str) -> str:
        text = self._held + piece
        start = text.rfind("[[")
        if start != -1 and "]]" not in text[start:] and len(text) - start < _LONGEST:
            self._held = text[start:]
            text = text[:start]
        elif text.endswith("["):
            self._held = "["  # perhaps the first half of "[["
            text = text[:-1]
        else:
            self._held = ""
        return self._placeholders.restore(text, json=self._json)

    def finish(self) -> str:
        held, self._held = self._held, ""
        return self._placeholders.restore(held, json=self._json)
