"""A tiny deterministic tokenizer: close enough to BPE counts, and exact for simulated output.

Text splits into pieces: a word with its leading space, a single punctuation mark, or a run of
whitespace. A word of up to ``_WHOLE_WORD`` characters is one token; longer words cost one token
per four characters, roughly what BPE vocabularies do with rare words. Token ids are a stable
hash of the piece text, so the same text always gives the same ids (prefix caching needs that).
"""

from __future__ import annotations

import re
import zlib
from types import MappingProxyType

_PIECE = re.compile(r" ?[^\W_]+| ?_+| ?[^\w\s]|\s+")
_WHOLE_WORD = 7
_CHUNK = 4
VOCAB_SIZE = 1 << 17

# Special tokens of the chat template, each one token, with ids outside the hashed range.
SPECIAL_TOKENS = ("<|im_start|>", "<|im_end|>", "<|tool_call|>", "<s>")
_SPECIAL_IDS = MappingProxyType({text: VOCAB_SIZE + i for i, text in enumerate(SPECIAL_TOKENS)})


def special_id(text: str) -> int:
    return _SPECIAL_IDS[text]


def piece_id(piece: str) -> int:
    return zlib.crc32(piece.encode()) % VOCAB_SIZE


def pieces(text: str) -> list[str]:
    """Split ``text`` into token pieces; joining them gives ``text`` back."""
    out: list[str] = []
    for match in _PIECE.finditer(text):
        piece = match.group()
        word = piece.lstrip(" ")
        if len(word) <= _WHOLE_WORD or not word[0].isalnum():
            out.append(piece)
            continue
        lead = len(piece) - len(word)
        first = lead + _CHUNK
        out.append(piece[:first])
        out.extend(piece[i : i + _CHUNK] for i in range(first, len(piece), _CHUNK))
    return out


def encode(text: str) -> list[int]:
    return [piece_id(p) for p in pieces(text)]


def count(text: str) -> int:
    return len(pieces(text))
