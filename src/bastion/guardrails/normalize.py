"""Text as recognizers should read it: compatibility forms folded, invisible characters gone.

Values are written in forms patterns do not expect: full-width digits and at signs (NFKC folds
them), or split by zero-width spaces, soft hyphens, bidi controls and Unicode tag characters
(format characters, which are dropped). The normalised text comes with a map from each of its
characters back to the original, so findings are reported, and masked, where the client wrote
them. Plain ASCII text, nearly every prompt, is returned as is without any work.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters that render as nothing and so can hide inside a value: every format character
# (Unicode category Cf: soft hyphen, zero-width and bidi controls, word joiners, BOM, tag
# characters...) and the other default-ignorable ones (combining grapheme joiner, Hangul fillers,
# Mongolian variation selectors, variation selectors and their supplement).
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160"
    "\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


_NON_ASCII = re.compile("[^\x00-\x7f]+")


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    # origin[i]: the offset in the original text of normalised character i; one extra entry
    # maps the end of the text.
    origin: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised characters ``start`` to ``end`` (exclusive)."""
        return self.origin[start], self.origin[end - 1] + 1 if end > start else self.origin[end]


def normalize(text: str) -> Normalized | None:
    """The text folded to NFKC without format characters; None if that changes nothing."""
    if text.isascii():
        return None
    if unicodedata.is_normalized("NFKC", text) and _INVISIBLE.search(text) is None:
        return None
    parts: list[str] = []
    origin: list[int] = []
    position = 0
    # ASCII stretches are copied whole; only the other characters are folded one by one.
    for run in _NON_ASCII.finditer(text):
        parts.append(text[position : run.start()])
        origin.extend(range(position, run.start()))
        for index in range(run.start(), run.end()):
            ch = text[index]
            if _INVISIBLE.match(ch):
                continue
            folded = unicodedata.normalize("NFKC", ch)
            parts.append(folded)
            origin.extend([index] * len(folded))
        position = run.end()
    parts.append(text[position:])
    origin.extend(range(position, len(text) + 1))
    return Normalized("".join(parts), origin)
