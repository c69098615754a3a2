"""Ways of hiding text from a reader (or a filter) that a model still reads.

Used by `injection_dataset.py` (training templates) and `injection_holdout.py` (held-out set)
to make smuggled variants of attacks, and benign texts that carry the same characters for
ordinary reasons (flags, emoji sequences, soft hyphens, copy-pasted zero-width spaces).
"""

# ruff: noqa: RUF001 (look-alike letters are the point of this module)

from __future__ import annotations

import random

# Latin letters and a Cyrillic or Greek letter drawn like them.
HOMOGLYPHS = {
    "a": "аα",
    "c": "с",
    "e": "е",
    "i": "іι",
    "o": "оο",
    "p": "рρ",
    "s": "ѕ",
    "x": "х",
    "y": "у",
    "j": "ј",
    "h": "һ",
    "k": "κ",
    "v": "ν",
}
ZERO_WIDTH = ["\u200b", "\u2060", "\ufeff", "\u200b\u200b"]


def tag_encode(text: str) -> str:
    """ASCII text written in Unicode tag characters (invisible in most renderers)."""
    return "".join(chr(0xE0000 + ord(c)) for c in text if 0x20 <= ord(c) < 0x7F)


def tags(visible: str, hidden: str, rng: random.Random) -> str:
    """A visible, harmless text with `hidden` written in tag characters inside or after it."""
    encoded = tag_encode(hidden)
    if rng.random() < 0.5:
        return visible + " " + encoded
    cut = rng.randint(0, len(visible))
    return visible[:cut] + encoded + visible[cut:]


def zero_width(text: str, rng: random.Random, rate: float = 0.5) -> str:
    """Zero-width characters inside words (breaking up every keyword)."""
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if ch.isalpha() and i + 1 < len(text) and text[i + 1].isalpha() and rng.random() < rate:
            out.append(rng.choice(ZERO_WIDTH))
    return "".join(out)


def bidi(text: str, rng: random.Random) -> str:
    """Bidi controls: the logical text is unchanged, its display is scrambled."""
    words = text.split(" ")
    kind = rng.randrange(3)
    if kind == 0:  # right-to-left override over the whole text
        return "\u202e" + text + "\u202c"
    if kind == 1:  # isolates around every few words
        return " ".join("\u2067" + w + "\u2069" if rng.random() < 0.4 else w for w in words)
    return "\u202d" + " ".join(words) + "\u202c\u200f"


def homoglyphs(text: str, rng: random.Random, rate: float = 0.4) -> str:
    """Latin letters swapped for Cyrillic/Greek look-alikes."""
    out = []
    for ch in text:
        options = HOMOGLYPHS.get(ch)
        out.append(rng.choice(options) if options and rng.random() < rate else ch)
    return "".join(out)


def variation_selectors(visible: str, hidden: str) -> str:
    """`hidden` as UTF-8 bytes in variation selectors after the first character of `visible`."""
    data = hidden.encode()
    selectors = "".join(chr(0xFE00 + b) if b < 16 else chr(0xE0100 + b - 16) for b in data)
    return visible[:1] + selectors + visible[1:]


def benign_noise(text: str, rng: random.Random) -> str:
    """Characters benign texts carry: a subdivision flag, emoji with joiners and variation
    selectors, soft hyphens, a stray copy-pasted zero-width space or bidi mark."""
    kind = rng.randrange(5)
    if kind == 0:
        flag = "\U0001f3f4" + tag_encode(rng.choice(["gbeng", "gbsct", "gbwls"])) + "\U000e007f"
        return f"{text} {flag}"
    if kind == 1:
        return text + " \U0001f468\u200d\U0001f469\u200d\U0001f467 \u2764\ufe0f"
    if kind == 2:
        return " ".join(w[:3] + "\u00ad" + w[3:] if len(w) > 7 else w for w in text.split(" "))
    if kind == 3:
        return text.replace(" ", " \u200b", 2)
    return "\u200e" + text + "\u200f"
