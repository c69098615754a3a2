"""What the document sets of the injection score share: how an instruction planted in a
document is marked (⟦…⟧), hidden in the smuggled copy, and the rows written.

A set module lists its documents (``BENIGN``, ``ATTACKS`` and optionally ``CHAT``) and calls
``write_set``; rows come in this order: benign documents, chat requests, documents carrying an
instruction to the model, their smuggled copies, the benign documents with harmless noise.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import injection_smuggle as smuggle

PAYLOAD = re.compile("⟦(.*?)⟧", re.S)
Document = tuple[str, str, str]  # language, genre, text


def smuggled(payload: str, rng: random.Random, lang: str) -> tuple[str, str]:
    """The payload hidden in one way, chosen with `rng` among those that fit it."""
    kinds = ["zero_width", "bidi"]
    if lang not in ("ru", "zh", "ja"):
        kinds.append("homoglyph")
    # Tag characters carry ASCII only: half of the ASCII instructions are written in them.
    kind = "tags" if payload.isascii() and rng.random() < 0.5 else rng.choice(kinds)
    if kind == "tags":
        return kind, smuggle.tag_encode(payload)
    if kind == "zero_width":
        return kind, smuggle.zero_width(payload, rng)
    if kind == "bidi":
        return kind, smuggle.bidi(payload, rng)
    return kind, smuggle.homoglyphs(payload, rng)


def row(name: str, text: str, label: int, family: str, genre: str, lang: str) -> dict[str, object]:
    """One row of the set ``name``."""
    return {
        "text": text,
        "label": label,
        "group": "injection" if label else "benign",
        "family": family,
        "genre": genre,
        "lang": lang,
        "set": name,
    }


def typed(name: str, label: int, items: Sequence[tuple[str, str, str]]) -> list[dict[str, object]]:
    """Rows of requests typed in a chat, each ``(lang, family, text)``, all with ``label``."""
    return [row(name, text, label, family, "chat", lang) for lang, family, text in items]


def build(
    name: str,
    seed: int,
    benign: Sequence[Document],
    attacks: Sequence[Document],
    chat: Sequence[tuple[str, str]] = (),
) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []

    def add(text: str, label: int, family: str, genre: str, lang: str) -> None:
        rows.append(row(name, text, label, family, genre, lang))

    for lang, genre, text in benign:
        assert "⟦" not in text, text
        add(text, 0, "document", genre, lang)
    for lang, text in chat:
        add(text, 0, "chat", "chat", lang)
    for lang, genre, text in attacks:
        assert len(PAYLOAD.findall(text)) == 1, text
        add(PAYLOAD.sub(r"\1", text), 1, "indirect", genre, lang)
    for lang, genre, text in attacks:
        found = PAYLOAD.search(text)
        assert found is not None
        kind, hidden = smuggled(found.group(1), rng, lang)
        add(text.replace(found.group(0), hidden), 1, f"smuggle_{kind}", genre, lang)
    for lang, genre, text in benign:
        add(smuggle.benign_noise(text, rng), 0, "document_noise", genre, lang)
    return rows


def write_set(out: Path, rows: list[dict[str, object]]) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = {family: sum(1 for r in rows if r["family"] == family) for family in
              ("document", "chat", "indirect")}  # fmt: skip
    attacks = sum(1 for r in rows if r["label"])
    chat = f"{counts['chat']} chat requests, " if counts["chat"] else ""
    print(
        f"{out.name}: {len(rows)} rows, {attacks} attacks ({counts['document']} benign "
        f"documents, {chat}{counts['indirect']} with an instruction to the model, and their "
        "variants)"
    )
