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

# Format characters (category Cf) that hide inside values: soft hyphen, Arabic letter mark,
# Mongolian vowel separator, zero-width and bidi controls, word joiners, BOM, tag characters.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\U000e0000-\U000e007f]"
)


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
    for index, ch in enumerate(text):
        if ch.isascii():
            parts.append(ch)
            origin.append(index)
            continue
        if _INVISIBLE.match(ch):
            continue
        folded = unicodedata.normalize("NFKC", ch)
        parts.append(folded)
        origin.extend([index] * len(folded))
    origin.append(len(text))
    return Normalized("".join(parts), origin)
