"""Light text normalisation shared by the semantic guards and the lexical embedder."""

from __future__ import annotations

import re
from functools import lru_cache

_CONTRACTIONS = [
    (re.compile(r"\b(can)'?t\b", re.I), r"\1 not"),
    (re.compile(r"\bwon'?t\b", re.I), "will not"),
    (re.compile(r"\bshan'?t\b", re.I), "shall not"),
    (re.compile(r"\b(\w+)n['\u2019]t\b", re.I), r"\1 not"),
    (re.compile(r"\b(what|who|where|when|how|why|it|that|there|here)['\u2019]s\b", re.I), r"\1 is"),
    (re.compile(r"['\u2019]re\b", re.I), " are"),
    (re.compile(r"['\u2019]ll\b", re.I), " will"),
    (re.compile(r"['\u2019]ve\b", re.I), " have"),
    (re.compile(r"\bi['\u2019]m\b", re.I), "i am"),
]

# Words (or digit tokens) in order; codes such as "A1234" or "E-42" stay whole.


def words(text: str) -> frozenset[str]:
    """A word set written as one whitespace-separated string."""
    return frozenset(text.split())


TOKEN = re.compile(r"[#@]?[^\W_]+(?:[.,:/-][^\W_]+)*", re.UNICODE)

STOP_WORDS = words(
    """a an the of to in on at for by with from into about as and or but if then so is are was
    were be been being do does did doing i me my we our you your it its this that these those
    what which who whom how why when where there here can could would should will shall may
    might must just please kindly hi hello hey thanks thank tell help wondering wonder know
    let us some any very really quite also ok okay dear again now say"""
)

# Politeness and filler that never changes what is asked.
FILLER = words(
    """please kindly hi hello hey thanks thank tell help wondering wonder know let us
    advance appreciate appreciated dear ok okay assist want like need
    would could can you me i was am be in on"""
)

# A small table of interchangeable words, mapped to one representative.
SYNONYMS: dict[str, str] = {
    "describe": "explain",
    "explanation": "explain",
    "provide": "give",
    "show": "give",
    "brief": "short",
    "concise": "short",
    "plain": "simple",
    "easy": "simple",
    "language": "term",
    "words": "term",
    "advantage": "benefit",
    "pro": "benefit",
    "compose": "write",
    "draft": "write",
    "change": "convert",
    "transform": "convert",
    "way": "how",
    "method": "how",
    "large": "big",
    "huge": "big",
    "fast": "quick",
    "rapid": "quick",
    "purchase": "buy",
    "begin": "start",
    "commence": "start",
    "repair": "fix",
    "resolve": "fix",
    "say": "is",
    "summarize": "summarise",
    "summary": "summarise",
    "color": "colour",
    "largest": "biggest",
    "smallest": "tiniest",
}


def expand_contractions(text: str) -> str:
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


def tokens(text: str) -> list[str]:
    """Tokens in order, with contractions expanded; case kept."""
    return TOKEN.findall(expand_contractions(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately light stemmer: plural and a few verb/adverb endings, then synonyms."""
    w = word.lower()
    if len(w) > 4 and not any(c.isdigit() for c in w):
        for suffix, repl in (
            ("ies", "y"),
            ("sses", "ss"),
            ("ing", ""),
            ("edly", ""),
            ("ly", ""),
            ("ed", ""),
            ("es", ""),
            ("s", ""),
        ):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                if suffix == "es" and not w.endswith(("shes", "ches", "xes", "zes", "sses")):
                    w = w[:-1]
                elif suffix == "s" and w.endswith("ss"):
                    break
                else:
                    w = w[: len(w) - len(suffix)] + repl
                break
    elif len(w) == 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return SYNONYMS.get(w, SYNONYMS.get(word.lower(), w))


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning: no stop words, no filler."""
    out = []
    for token in tokens(text):
        low = token.lower()
        if low in STOP_WORDS or low in FILLER:
            continue
        s = stem(token)
        if s in STOP_WORDS or s in FILLER:
            continue
        out.append(s)
    return out
