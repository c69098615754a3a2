"""Run the PII evaluation set through Microsoft Presidio's analyzer, pattern-only, beside Bastion.

Presidio is not a Bastion dependency. Install it into a throwaway virtualenv and run this script
with that interpreter (it imports Bastion from src/ directly; Bastion has no extra imports here):

    python3 -m venv benchmarks/.venv-presidio
    benchmarks/.venv-presidio/bin/pip install presidio-analyzer
    benchmarks/.venv-presidio/bin/python benchmarks/guardrails/presidio_compare.py

Presidio normally loads a trained spaCy pipeline (en_core_web_lg) for tokens, lemmas and
named entities. That model is not published on the package index, so the analyzer is given a
blank English spaCy pipeline: pattern recognizers (with their checksums) work, the NER-based
recognizer finds nothing, and context words are matched on raw tokens without lemmas.

Only kinds both engines detect are compared: labeled spans of other kinds are dropped, and so
are predictions of other entity types (which are counted separately on the hard negatives).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pii_eval

# Presidio entity -> Bastion kind, where they mean the same thing.
ENTITY_MAP = {
    "EMAIL_ADDRESS": "email",
    "PHONE_NUMBER": "phone",
    "CREDIT_CARD": "credit_card",
    "IBAN_CODE": "iban",
    "US_SSN": "us_ssn",
    "IP_ADDRESS": "ip_address",
    "UK_NINO": "uk_nino",
    "ES_NIF": "es_dni",
    "ES_NIE": "es_nie",
    "IT_FISCAL_CODE": "it_codice_fiscale",
    "US_PASSPORT": "passport",
}
COMMON = frozenset(ENTITY_MAP.values())


def presidio_analyzer() -> Any:
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    class BlankSpacyEngine(SpacyNlpEngine):  # type: ignore[misc]
        """A spaCy NLP engine on a blank pipeline: tokenizer only, nothing to download."""

        def load(self) -> None:
            self.nlp = {"en": spacy.blank("en")}

    engine = BlankSpacyEngine(models=[{"lang_code": "en", "model_name": "blank"}])
    engine.load()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    # The default registry leaves UK_NINO disabled and registers the Spanish and Italian
    # identifiers for "es"/"it" text only; the evaluation set is scanned as "en", so add them.
    from presidio_analyzer.predefined_recognizers import (
        EsNieRecognizer,
        EsNifRecognizer,
        ItFiscalCodeRecognizer,
        UkNinoRecognizer,
    )

    for recognizer in (UkNinoRecognizer, EsNifRecognizer, EsNieRecognizer, ItFiscalCodeRecognizer):
        analyzer.registry.add_recognizer(recognizer(supported_language="en"))
    return analyzer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=pii_eval.DATA)
    parser.add_argument("--threshold", type=float, default=0.0, help="Presidio score threshold")
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    # tldextract (used by Presidio's URL and e-mail checks) tries to download the public
    # suffix list and, offline, logs a traceback before using its bundled snapshot.
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    samples = pii_eval.load(args.data)
    common_samples = [
        {**s, "spans": [sp for sp in s["spans"] if sp["kind"] in COMMON]} for s in samples
    ]
    analyzer = presidio_analyzer()
    unmapped: Counter[str] = Counter()
    negatives_flagged = 0

    def presidio_all(text: str) -> list[tuple[str, int, int]]:
        results = analyzer.analyze(text=text, language="en", score_threshold=args.threshold)
        return [(r.entity_type, r.start, r.end) for r in results]

    def presidio_common(text: str) -> list[tuple[str, int, int]]:
        return [(ENTITY_MAP[e], s, t) for e, s, t in presidio_all(text) if e in ENTITY_MAP]

    for sample in samples:
        if not sample["spans"]:
            found = presidio_all(sample["text"])
            negatives_flagged += bool(found)
            unmapped.update(e for e, _, _ in found if e not in ENTITY_MAP)

    bastion = pii_eval.bastion_scanner()

    def bastion_common(text: str) -> list[tuple[str, int, int]]:
        return [p for p in bastion(text) if p[0] in COMMON]

    bastion_negatives_flagged = sum(1 for s in samples if not s["spans"] and bastion(s["text"]))

    print(
        f"{len(samples)} samples; comparison on the {len(COMMON)} kinds both engines detect: "
        f"{', '.join(sorted(COMMON))}\n"
    )
    p_result = pii_eval.evaluate(common_samples, presidio_common, errors=args.errors)
    b_result = pii_eval.evaluate(common_samples, bastion_common)
    print(pii_eval.accuracy_table(p_result, "Presidio (pattern-only, blank spaCy pipeline)"))
    print()
    print(pii_eval.accuracy_table(b_result, "Bastion (same kinds)"))
    print()
    hard_negatives = sum(1 for s in samples if not s["spans"])
    print(
        f"Hard negatives with any finding (all entity types): Presidio {negatives_flagged} of "
        f"{hard_negatives}, Bastion {bastion_negatives_flagged} of {hard_negatives}"
    )
    print(f"Presidio entity types outside the comparison on hard negatives: {dict(unmapped)}")
    for line in p_result["fps"] + p_result["fns"]:
        print(line)
    print()
    print(
        pii_eval.speed_table(
            [
                (
                    "presidio (all its recognizers)",
                    pii_eval.speed(samples, presidio_all, args.repeat),
                ),
                ("bastion (all kinds)", pii_eval.speed(samples, bastion, args.repeat)),
            ]
        )
    )


if __name__ == "__main__":
    main()
