# ruff: noqa: RUF001 (the look-alike letters themselves)
"""Characters that hide in text: ones that render as nothing, and letters of other scripts
that look like Latin ones. The guardrails fold them away before they read a text; the cache
tells prompts apart by them (a model reads what an encoder drops).
"""

from __future__ import annotations

import re

# Characters that render as nothing and so can hide inside a value: every format character
# (Unicode category Cf: soft hyphen, zero-width and bidi controls, word joiners, BOM, tag
# characters...) and the other default-ignorable ones (combining grapheme joiner, Hangul fillers,
# Mongolian variation selectors, variation selectors and their supplement).
INVISIBLE = re.compile(
    # Control characters too (a NUL inside "dia\x00betes"), but not tab, line feed and return.
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160"
    "\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)

# Cyrillic and Greek letters that look like Latin ones (after lower-casing), plus a few
# Latin/IPA look-alikes NFKC leaves alone.
CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ь": "b", "α": "a", "β": "b", "ε": "e", "ι": "i",
    "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ı": "i",
    "ɑ": "a", "ɡ": "g", "ɩ": "i", "ℓ": "l",
}  # fmt: skip
