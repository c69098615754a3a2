"""Masking values inside JSON text (tool call arguments) so that the text stays valid JSON.

A recognizer reads the JSON as it is written, escapes included, and may report a span that is
not a whole string: ``"password": "hunter2"`` with its key, a card number written as a JSON
number, or a value ending inside an escape sequence. Replacing such a span with ``[KIND]`` would
break the arguments a client is about to parse. ``JsonMask`` masks what lies inside strings
(``[KIND]`` needs no escaping), keeps quotes and structure, masks whole escape sequences only,
and replaces the digits of a value written as a number with 9s, which keeps any valid number
valid. Text arrives in order, possibly in pieces (a stream), so the lexer state is carried from
one call to the next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bastion.guardrails.findings import Finding

_OUTSIDE, _INSIDE, _QUOTE = 0, 1, 2
# The two escapes of a character beyond the BMP (an emoji as "\ud83d\ude00"): JSON parsers
# refuse either alone, so a mask takes both or neither.
_HIGH_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}")
_LOW_SURROGATE = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")


class JsonMask:
    """A ``mask`` for JSON text handed over in order: each call masks the next part."""

    __slots__ = ("_escape_left", "_in_string")

    def __init__(self) -> None:
        self._in_string = False
        self._escape_left = 0  # characters of the current escape sequence still to come

    def __call__(self, text: str, findings: Sequence[Finding]) -> str:
        roles, groups = self._lex(text)
        if not findings:
            return text
        masked = list(text)
        for finding in findings:
            start, end = _whole_groups(text, groups, finding.start, finding.end)
            label = f"[{finding.kind.upper()}]"
            position = start
            while position < end:
                role = roles[position]
                if role == _INSIDE:
                    run_end = position
                    while run_end < end and roles[run_end] == _INSIDE:
                        masked[run_end] = ""
                        run_end += 1
                    masked[position] = label
                    position = run_end
                    continue
                if role == _OUTSIDE and text[position].isdigit():
                    masked[position] = "9"
                position += 1
        return "".join(masked)

    def _lex(self, text: str) -> tuple[list[int], list[int]]:
        """Each character's role, and the start of the escape sequence (or character) it is
        part of, so a mask covers whole sequences."""
        roles: list[int] = []
        groups: list[int] = []
        in_string, escape_left = self._in_string, self._escape_left
        group = 0
        for position, char in enumerate(text):
            if escape_left:
                roles.append(_INSIDE)
                groups.append(group)
                if escape_left == -1:  # the character after the backslash
                    escape_left = 4 if char == "u" else 0
                else:
                    escape_left -= 1
                continue
            group = position
            groups.append(position)
            if not in_string:
                roles.append(_QUOTE if char == '"' else _OUTSIDE)
                in_string = char == '"'
            elif char == '"':
                roles.append(_QUOTE)
                in_string = False
            else:
                roles.append(_INSIDE)
                if char == "\\":
                    escape_left = -1
        self._in_string, self._escape_left = in_string, escape_left
        return roles, groups


def _whole_groups(text: str, groups: list[int], start: int, end: int) -> tuple[int, int]:
    """``start``-``end`` widened to whole escape sequences, and to both halves of a surrogate
    pair; narrowed instead where the other half lies outside the text (already sent, or still
    to come), which leaves the pair whole."""
    start = groups[start] if start < len(groups) else start
    while end < len(groups) and groups[end] < end:
        end += 1
    if _escape_at(text, groups, start, _LOW_SURROGATE):
        start += -6 if _escape_at(text, groups, start - 6, _HIGH_SURROGATE) else 6
    if _escape_at(text, groups, end - 6, _HIGH_SURROGATE):
        if _escape_at(text, groups, end, _LOW_SURROGATE):
            end += 6
        elif end == len(text):
            end -= 6
    return start, end


def _escape_at(text: str, groups: list[int], position: int, pattern: re.Pattern[str]) -> bool:
    """Whether an escape sequence matching ``pattern`` starts at ``position`` (a backslash that
    begins an escape, not the second half of an escaped backslash)."""
    return (
        0 <= position < len(text) - 1
        and groups[position] == position
        and groups[position + 1] == position
        and pattern.match(text, position) is not None
    )
