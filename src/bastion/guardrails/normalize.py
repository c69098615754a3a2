"""Text as recognizers should read it: escapes decoded, compatibility forms folded, invisible
characters gone.

Values are written in forms patterns do not expect: escaped (JSON's ``\\u00e9``, HTML's
``&#64;``, a URL's ``%40``), in full-width digits and at signs (NFKC folds them), in another
script's digits (Arabic-Indic, Devanagari), or split by zero-width spaces, soft hyphens, bidi
controls, Unicode tag characters or control characters such as NUL (all dropped). The normalised
text comes with a map from each of its characters back to the original, so findings are
reported, and masked, where the client wrote them. Plain ASCII text without an escape, nearly
every prompt, is returned as is after one look for a backslash, an ampersand or a percent sign.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bastion.hiding import INVISIBLE

# What is not printable ASCII (nor tab, line feed or return): folded character by character.
_NON_ASCII = re.compile("[^\t\n\r\x20-\x7e]+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Decimal digits of other scripts (Arabic-Indic, Devanagari, ...), which NFKC leaves as they are.
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
# Escapes a value is written in: JSON's \uXXXX (Python's json.dumps writes every accented
# letter so) and its other escapes, HTML's character references, and the URL-encoded at sign
# and full stop of an address in a query string.
_ESCAPE = re.compile(
    r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})|\\u([0-9a-f]{4})"
    r"|&#(\d{1,7});|&#x([0-9a-f]{1,6});|&(amp|lt|gt|quot|apos|nbsp|commat|period);|%(40|2e)"
    # JSON's other escapes, as JSON text inside a string carries them (a tool call's
    # arguments): a table written "name,diagnosis\\nJane,asthma" is read as lines.
    r'|(?-i:\\([nrt"\\/]))',
    re.IGNORECASE,
)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\", "/": "/"}
_ENTITIES = {
    "amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\u00a0",
    "commat": "@", "period": ".",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    # origin[i]: the offset in the original text where normalised character i starts, and
    # ends[i] where what it came from ends (an escape sequence is longer than its character);
    # one extra origin entry maps the end of the text.
    origin: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised characters ``start`` to ``end`` (exclusive)."""
        if end > start:
            return self.origin[start], self.ends[end - 1]
        return self.origin[end], self.origin[end]


def normalize(text: str) -> Normalized | None:
    """The text with escapes decoded, folded to NFKC, other scripts' digits as ASCII ones and
    without format characters; None if that changes nothing."""
    escaped = _has_escapes(text)
    if text.isascii() and not escaped and _CONTROL.search(text) is None:
        return None
    if (
        not escaped
        and unicodedata.is_normalized("NFKC", text)
        and INVISIBLE.search(text) is None
        and _OTHER_DIGIT.search(text) is None
    ):
        return None
    decoded = _decode_escapes(text) if escaped else None
    source = decoded.text if decoded is not None else text
    if source.isascii() and _CONTROL.search(source) is None:
        return decoded
    folded = _fold(source)
    if decoded is None:
        return folded
    # Composed: each folded character back through the decoding to the client's text.
    return Normalized(
        folded.text,
        [decoded.origin[index] for index in folded.origin],
        [decoded.ends[end - 1] for end in folded.ends],
    )


def _has_escapes(text: str) -> bool:
    return ("\\" in text or "&" in text or "%" in text) and _ESCAPE.search(text) is not None


def _decode_escapes(text: str) -> Normalized:
    parts: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    position = 0
    for match in _ESCAPE.finditer(text):
        decoded = _decoded(match)
        if decoded is None:
            continue  # a lone surrogate or no character at all: left as written
        parts.append(text[position : match.start()])
        origin.extend(range(position, match.start()))
        ends.extend(range(position + 1, match.start() + 1))
        parts.append(decoded)
        origin.extend([match.start()] * len(decoded))
        ends.extend([match.end()] * len(decoded))
        position = match.end()
    parts.append(text[position:])
    origin.extend(range(position, len(text) + 1))
    ends.extend(range(position + 1, len(text) + 1))
    return Normalized("".join(parts), origin, ends)


def _decoded(match: re.Match[str]) -> str | None:
    high, low, unit, decimal, hexadecimal, entity, percent, simple = match.groups()
    if simple is not None:
        return _SIMPLE[simple]
    if high is not None:
        code = 0x10000 + ((int(high, 16) - 0xD800) << 10) + (int(low, 16) - 0xDC00)
    elif unit is not None:
        code = int(unit, 16)
    elif decimal is not None:
        code = int(decimal)
    elif hexadecimal is not None:
        code = int(hexadecimal, 16)
    elif entity is not None:
        return _ENTITIES[entity.lower()]
    else:
        return "@" if percent == "40" else "."
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code)


def _fold(text: str) -> Normalized:
    parts: list[str] = []
    origin: list[int] = []
    position = 0
    # ASCII stretches are copied whole; only the other characters are folded one by one.
    for run in _NON_ASCII.finditer(text):
        parts.append(text[position : run.start()])
        origin.extend(range(position, run.start()))
        for index in range(run.start(), run.end()):
            ch = text[index]
            if INVISIBLE.match(ch):
                continue
            folded = unicodedata.normalize("NFKC", ch)
            if len(folded) == 1 and not folded.isascii():
                digit = unicodedata.decimal(folded, None)
                if digit is not None:
                    folded = str(digit)
            parts.append(folded)
            origin.extend([index] * len(folded))
        position = run.end()
    parts.append(text[position:])
    origin.extend(range(position, len(text) + 1))
    return Normalized("".join(parts), origin, [index + 1 for index in origin[:-1]])
