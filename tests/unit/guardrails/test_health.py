"""Health information tied to one person is found with no identifier beside it; general
medical knowledge is not."""

from __future__ import annotations

import time

import pytest

from bastion.config.sensitive import KINDS
from bastion.guardrails.health import find_health_data
from bastion.guardrails.recognizers import document_keywords, scan
from bastion.guardrails.scanning import Text
from bastion.guardrails.stream import StreamMasker


def health(text: str) -> list[str]:
    return [text[f.start : f.end] for f in scan(text) if f.kind == "health_data"]


def test_health_data_is_phi() -> None:
    assert KINDS["health_data"] == "phi"
    assert {f.category for f in scan("Pt diagnosed with HIV.")} == {"phi"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Pt diagnosed with HIV, CD4 count 350", ["HIV", "CD4 count 350"]),
        ("my doctor says I have type 2 diabetes, what should I eat?", ["type 2 diabetes"]),
        ("54 y/o M, hx of COPD, c/o chest pain since this morning", ["COPD", "chest pain"]),
        (
            "she is on metformin 1000mg and sertraline 50 mg",
            ["metformin 1000mg", "sertraline 50 mg"],
        ),
        (
            "Ich habe seit Jahren Diabetes und nehme Metformin 500 mg.",
            ["Diabetes", "Metformin 500 mg"],
        ),
        ("Mitarbeiterin ist krankgeschrieben wegen Depression.", ["Depression"]),
        (
            "J'ai une dépression depuis 2019, mon médecin m'a prescrit de la sertraline.",
            ["dépression", "sertraline"],
        ),
        ("Mi hijo tiene asma y usa salbutamol.", ["asma", "salbutamol"]),
        ("my mom had a stroke last week", ["stroke"]),
        ("Mi hanno diagnosticato la sclerosi multipla a marzo.", ["sclerosi multipla"]),
        ("Ik ben zwanger en mijn huisarts wil bloed prikken.", ["zwanger"]),
        ("O meu pai tem doença de Parkinson.", ["doença de Parkinson"]),
        ("BP 150/95, HbA1c 8.2%", []),  # a result with nobody it is said of
        (
            "Patient: 67 F\nDiagnosis: NSTEMI\n\nStarted on clopidogrel 75 mg.",
            ["NSTEMI", "clopidogrel 75 mg"],
        ),
        # An age said of one person ties what stands near it.
        ("Befund Augenarzt (Mama, 79): Katarakt beidseits", ["Katarakt"]),
        ("Visita domiciliar: Dona Maria, 88 anos, acamada após AVC", ["AVC"]),
        ("Dad got his results today. It's cancer, he's 71.", ["cancer"]),
        ("a 45-year-old man with COPD", ["COPD"]),
        # A bed, a room, an abbreviated age or a titled initial, as handovers name people.
        (
            "Zimmer 9, Frau B.: Demenz, Risperidon 0,5 mg zur Nacht.",
            ["Demenz", "Risperidon 0,5 mg"],
        ),
        (
            "Letto 8: scompenso cardiaco, furosemide 20 mg ev",
            ["scompenso cardiaco", "furosemide 20 mg"],
        ),
        ("Übergabe: Herr K., 81 J., Pneumonie", ["Pneumonie"]),
    ],
)
def test_health_information_of_one_person_is_found(text: str, found: list[str]) -> None:
    assert health(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "What are the symptoms of type 2 diabetes?",
        "How does metformin lower blood sugar?",
        "Patients with HIV should be offered annual screening.",
        "The lecture is on diabetes and its complications.",
        "This release gave me a migraine.",
        "I have to bypass the proxy for the health check.",
        "Explain CD4 counts to a first-year student.",
        "Was sind die Nebenwirkungen von Metformin?",
        "La grippe touche chaque année des millions de personnes.",
        "my teaching aids for the biology class",
        # Figures of speech: a possessive alone does not make these someone's health.
        "My main pain is the slow CI pipeline.",
        "His stroke of genius saved the project.",
        # A duration is no age; "history of" is clinical only right before its condition.
        "Ik heb sinds 2 jaar een abonnement; voor 5 years the asthma charity got my donation.",
        "The history of Rome is full of plague, malaria and other epidemics.",
        "Population cible : adultes, 65 ans et plus, avec diabète.",
        # A possessive before a work makes the term its topic.
        "My essay on diabetes needs a stronger conclusion.",
        "Meine Hausarbeit über Depression ist fast fertig.",
        # An animal's health is no person's.
        "My cat has diabetes and the vet prescribed insulin.",
    ],
)
def test_general_medical_knowledge_is_not(text: str) -> None:
    assert health(text) == []


def test_a_stem_takes_in_its_ending_and_a_longer_word_falls_back_to_its_stem() -> None:
    assert health("El paciente presenta tumores hepáticos.") == ["tumores"]
    assert health("Diagnose: Diabetiker seit 2010") == ["Diabetiker"]


def test_capital_only_acronyms_are_not_everyday_words() -> None:
    assert health("my visual aids for the talk are new") == []
    assert health("my brother has AIDS") == ["AIDS"]


def test_a_document_heading_makes_every_term_in_it_count() -> None:
    note = "DISCHARGE SUMMARY\n" + "Ward round notes.\n" * 20 + "Pneumonia, resolved."
    assert health(note) == ["Pneumonia"]
    assert health(note.replace("DISCHARGE SUMMARY", "Weekly bulletin")) == []


def test_streams_carry_the_heading_forward() -> None:
    """The heading has long been released when the term arrives: the document's words bring
    it back into every later scan, so the term is masked all the same."""
    note = "Discharge summary\n" + "The ward was quiet overnight.\n" * 20 + "Pneumonia, resolved."
    assert "discharge summary" in document_keywords(note)
    masker = StreamMasker(scan, holdback=128, block=False)
    out = "".join(masker.feed(note[i : i + 7]) for i in range(0, len(note), 7)) + masker.finish()
    assert "Pneumonia" not in out


@pytest.mark.parametrize("unit", ["Hb 1 ", "BP 120/80 mmHg, ", "pt HIV ", "my my diabetes "])
def test_half_a_megabyte_of_results_terms_and_cues_is_read_in_linear_time(unit: str) -> None:
    # This thread's CPU time; quadratic work (each result against every other) would take
    # minutes here, linear work about a second.
    text = Text(unit * (500_000 // len(unit)))
    started = time.thread_time()
    found = list(find_health_data(text))
    assert time.thread_time() - started < 5.0
    assert found
