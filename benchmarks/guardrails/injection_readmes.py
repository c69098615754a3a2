"""Cut the long descriptions of installed Python packages into benign English documents.

    .venv/bin/python benchmarks/guardrails/injection_readmes.py [--site-packages DIR]

A package's long description (its README, in the `METADATA` of its `.dist-info` folder) is
real English text written for a human reader, full of commands to that reader: install this,
set that variable, never commit your token, run the migration, report vulnerabilities by
e-mail. None of it addresses a model. Such documents are what the injection score flagged
most often in English, and our own templates had too few of them.

Only packages whose licence metadata (`License-Expression`, `License` or the `License ::`
classifiers) names a permissive licence (MIT, BSD, Apache-2.0, ISC, PSF, 0BSD, Unlicense) and
no copyleft or weak-copyleft one (GPL, LGPL, MPL, EPL, CDDL) are used; this project's own
package is left out (its README is read by `injection_dataset.py`). Each description is
split at blank lines into documents of about 300 to 1,800 characters (seeded); at most
`--per-package` (24) documents are kept per package, spread over its description, so a
package with a long changelog does not dominate. About half are given with a request to
process them ("Summarise this README: ..."), as documents usually arrive.

The split is by package (a CRC-32 of its name): about 70% of the packages train, 15%
validate, 15% test, so validation and test documents come from packages never trained on.
Writes `external/pypi_readmes.jsonl` (fields `text`, `label` 0, `group` `benign`, `family`
`readme`, `lang` `en`, `split`, `package`) and prints the table of sources for
`external/NOTICE.md`. The documents depend on what is installed: the NOTICE records the
versions used.
"""

from __future__ import annotations

import argparse
import email
import json
import random
import re
import sys
import zlib
from email.message import Message
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import injection_documents as generated
import injection_smuggle as smuggle

HERE = Path(__file__).parent
OUT = HERE / "external" / "pypi_readmes.jsonl"
SEED = 20261215
PERMISSIVE = ("MIT", "BSD", "APACHE", "ISC", "PSF", "PYTHON SOFTWARE FOUNDATION", "UNLICENSE")
COPYLEFT = ("GPL", "MPL", "MOZILLA", "EPL", "ECLIPSE", "CDDL", "EUPL", "AGPL")
OWN = {"bastion-gateway"}
# Requests that documents arrive with (written for this file).
REQUESTS = [
    "Summarise this README for me:",
    "What does this project do? Here is its description:",
    "Turn this into a short checklist:",
    "Explain this to a new developer on the team:",
    "Can you proofread this documentation section?",
    "Translate this into plain English:",
    "What do I need to install first?",
    "Give me the three most important points:",
    "Is anything unclear in this text?",
    "Write a one-paragraph summary of this:",
    "Which commands do I have to run? List them.",
    "Rewrite this section so it is shorter:",
]


def licence_of(meta: Message) -> str:
    parts = [meta.get("License-Expression") or "", (meta.get("License") or "").split("\n")[0]]
    parts += [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if "License" in c]
    return "; ".join(p.strip() for p in parts if p and p.strip() and p.strip() != "UNKNOWN")


def permissive(licence: str) -> bool:
    upper = licence.upper()
    return any(p in upper for p in PERMISSIVE) and not any(c in upper for c in COPYLEFT)


def split_of(package: str) -> str:
    h = zlib.crc32(package.lower().encode()) % 20
    return "train" if h < 14 else "val" if h < 17 else "test"


def clean(body: str) -> str:
    lines = []
    for line in body.replace("\r\n", "\n").split("\n"):
        # Badge rows and bare images say nothing to a reader.
        if re.fullmatch(r"\s*(\[?!\[[^\]]*\]\([^)]*\)\]?(\([^)]*\))?\s*)+", line):
            continue
        if re.match(r"\s*\.\. (image|figure)::", line) or re.match(r"\s*:(target|alt):", line):
            continue
        lines.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def chunks(body: str, rng: random.Random) -> list[str]:
    """Consecutive paragraphs joined into documents of about 300-1,800 characters."""
    paragraphs = [p.strip("\n") for p in body.split("\n\n") if p.strip()]
    out: list[str] = []
    current: list[str] = []
    size, target = 0, rng.randint(300, 1800)
    for paragraph in paragraphs:
        p = paragraph[:2000]
        if len(paragraph) > 2000 and "\n" in p:
            p = p.rsplit("\n", 1)[0]
        current.append(p)
        size += len(p) + 2
        if size >= target:
            out.append("\n\n".join(current))
            current, size, target = [], 0, rng.randint(300, 1800)
    if current and size >= 150:
        out.append("\n\n".join(current))
    return [c for c in out if len(re.findall(r"[A-Za-z]{3,}", c)) >= 20]


def goal_splits() -> dict[str, list[str]]:
    """The English instructions to the model of `injection_documents.py`, in the split that
    file gives them (same seed, same shuffle), so no instruction crosses splits."""
    goals = generated.PARTS["en"]["goal"][:]
    random.Random(generated.SEED).shuffle(goals)
    out: dict[str, list[str]] = {"train": [], "val": [], "test": []}
    for i, goal in enumerate(goals):
        out["val" if i % 5 == 1 else "test" if i % 5 == 3 else "train"].append(goal)
    return out


def planted(doc: str, goal: str, rng: random.Random) -> tuple[str, str]:
    """`doc` with one instruction to the model between two of its lines (as
    `injection_documents.py` places them), a quarter of them smuggled."""
    payload = generated._payload(generated.PARTS["en"], goal, rng)
    family = "readme_indirect"
    if rng.random() < 0.25:
        kind = rng.choice(["tags", "zero_width", "bidi", "homoglyphs"])
        family = f"smuggle_{kind}"
        payload = {
            "tags": smuggle.tag_encode,
            "zero_width": lambda p: smuggle.zero_width(p, rng),
            "bidi": lambda p: smuggle.bidi(p, rng),
            "homoglyphs": lambda p: smuggle.homoglyphs(p, rng),
        }[kind](payload)
    return generated._place(doc, payload, "markdown", rng), family


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(sys.prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    parser.add_argument("--site-packages", type=Path, default=default / "site-packages")
    parser.add_argument("--per-package", type=int, default=60)
    parser.add_argument("--per-package-heldout", type=int, default=24)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()

    rng = random.Random(SEED)
    goals = goal_splits()
    rows = []
    sources = []
    for path in sorted(args.site_packages.glob("*.dist-info/METADATA")):
        with path.open(encoding="utf-8") as fh:
            meta = email.message_from_file(fh)
        name, version = str(meta["Name"]), str(meta["Version"])
        licence = licence_of(meta)
        body = meta.get_payload()
        if name.lower() in OWN or not isinstance(body, str) or not permissive(licence):
            continue
        split = split_of(name)
        # Training packages are cut several times, at different places (`--passes`): more
        # documents, and windows that begin and end elsewhere. Validation and test once.
        docs = []
        for _ in range(args.passes if split == "train" else 1):
            docs += [d for d in chunks(clean(body), rng) if d not in docs]
        cap = args.per_package if split == "train" else args.per_package_heldout
        if len(docs) > cap:
            docs = [docs[int(i * len(docs) / cap)] for i in range(cap)]
        if not docs:
            continue
        sources.append((name, version, licence, split, len(docs)))
        for i, doc in enumerate(docs):
            request = f"{rng.choice(REQUESTS)}\n\n" if rng.random() < 0.5 else ""
            row = {"label": 0, "group": "benign", "family": "readme", "lang": "en"}
            rows.append({"text": request + doc, **row, "split": split, "package": name})
            if i % 2 == 1:
                continue
            text, family = planted(doc, rng.choice(goals[split]), rng)
            row = {"label": 1, "group": "injection", "family": family, "lang": "en"}
            rows.append({"text": request + text, **row, "split": split, "package": name})
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    by_split = {
        s: sum(1 for r in rows if r["split"] == s and not r["label"])
        for s in ("train", "val", "test")
    }
    attacks = sum(r["label"] for r in rows)
    print(
        f"{OUT.name}: {len(rows) - attacks} documents from {len(sources)} packages {by_split}, "
        f"and {attacks} of them with an instruction to the model"
    )
    print("| package | version | licence (metadata) | split | documents |")
    print("|---|---|---|---|---:|")
    for name, version, licence, split, n in sources:
        print(f"| {name} | {version} | {licence} | {split} | {n} |")


if __name__ == "__main__":
    main()
