"""The semantic guards: what tells two similar prompts apart."""

from __future__ import annotations

import pytest

from bastion.cache.guards import GUARD_NAMES, check, extract


@pytest.mark.parametrize(
    ("a", "b", "guard"),
    [
        ("What is 15% of 240?", "What is 15% of 250?", "numbers"),
        ("Give me 5 facts about owls", "Give me five facts about owls", None),
        ("Give me 5 facts about owls", "Give me 6 facts about owls", "numbers"),
        ("Price of 1,000 shares", "Price of 1000 shares", None),
        ("walk 5 km", "walk 5 miles", "numbers"),
        ("convert 5 km to miles", "convert 5 miles to km", "numbers"),
        ("convert km to miles", "convert miles to km", "direction"),
        ("weight in kg or lb", "weight in kg", "units"),
        ("Who won in 1998?", "Who won in 2002?", "numbers"),
        ("meetings on 2026-03-04", "meetings on 2026-03-05", "dates"),
        ("meetings on 2026-03-04", "Meetings on 2026-03-04?", None),
        ("What happened on March 3?", "What happened on April 3?", "dates"),
        ("weather on Monday", "weather on Tuesday", "dates"),
        ("headlines today", "headlines tomorrow", "dates"),
        ("headlines this week", "headlines next week", "dates"),
        ("call at 10:30", "call at 11:30", "dates"),
        ("What is the capital of Austria?", "What is the capital of Australia?", "entities"),
        ("Who is the CEO of Apple?", "who is the ceo of apple", None),
        ("WHO IS THE CEO OF APPLE?", "Who is the CEO of Apple?", None),
        ("Is AWS cheaper?", "Is GCP cheaper?", "entities"),
        ('Translate "good morning" to French', 'Translate "good night" to French', "quoted"),
        ("status of order #A1234", "status of order #A1235", "codes"),
        ("What does error E42 mean?", "What does error E43 mean?", "codes"),
        ("Is ibuprofen safe for dogs?", "Is ibuprofen not safe for dogs?", "negation"),
        ("Is ibuprofen safe for dogs?", "Isn't ibuprofen safe for dogs?", "negation"),
        ("recipe with nuts", "recipe without nuts", "negation"),
        ("Should I do it?", "Should I never do it?", "negation"),
        ("Why does it work?", "Why doesn't it work?", "negation"),
        ("Ist Kaffee gesund?", "Ist Kaffee nicht gesund?", "negation"),
        ("Le café est bon ?", "Le café n'est pas bon ?", "negation"),
        ("emails from Alice to Bob", "emails from Bob to Alice", "direction"),
        ("translate English to French", "translate French to English", "direction"),
        ("translate english to french", "translate french to english", "direction"),
        ("train from paris to rome", "train from rome to paris", "direction"),
        ("Is Apple bigger than Google?", "Is Google bigger than Apple?", "direction"),
        ("Python vs Rust", "Rust vs Python", "direction"),
        ("km -> miles", "miles → km", "direction"),
        ("best restaurants in madrid", "best restaurants in oslo", "content"),
        ("Is this safe?", "Is this unsafe?", "content"),
        ("What is the weather in Lisbon today?", "Today, what is the weather in Lisbon?", None),
        ("How do I sort a list in rust?", "In rust, how do I sort a list?", None),
        ("Explain inflation", "Please explain inflation, thanks!", None),
        ("Explain inflation", "Describe inflation", None),
        ("What's the capital of France?", "What is the capital of France", None),
        # What a model reads and an encoder does not: hidden characters, case, operators and
        # indentation.
        ("What is the capital of France?", "What is the capital of France?\U000e0049", "hidden"),
        ("What is the capital of France?", "What is the capital\u200b of France?", "hidden"),
        ("How big is 1 Mb?", "How big is 1 MB?", "case"),
        ("What does ls -l do?", "What does ls -L do?", "symbols"),
        ("Count the capitals in HeLLo", "Count the capitals in hello", "case"),
        ("Decode this base64: SGVsbG8=", "Decode this base64: sgvsbg8=", "case"),
        ("SHA-256 of 'Password'", "SHA-256 of 'password'", "quoted"),
        ("Is 5 > 3?", "Is 5 < 3?", "symbols"),
        ("Evaluate 7 * 2", "Evaluate 7 / 2", "symbols"),
        ("Is x == y the same as x = y?", "Is x = y the same as x == y?", "symbols"),
        ("Run this:\nif x:\n    print(x)\n", "Run this:\nif x:\nprint(x)\n", "layout"),
        ("How do I reset my password?", "how do i reset my password", None),
    ],
)
def test_guard_verdicts(a: str, b: str, guard: str | None) -> None:
    assert check(a, b) == guard
    # symmetric: the order of the two prompts does not matter
    assert (check(b, a) is None) == (guard is None)


def test_disabled_guards_are_skipped() -> None:
    assert check("walk 5 km", "walk 6 km") == "numbers"
    assert check("walk 5 km", "walk 6 km", disabled=frozenset(GUARD_NAMES)) is None


def test_features_are_extracted_once_and_cached() -> None:
    assert extract("What is 2 + 2?") is extract("What is 2 + 2?")
    assert extract("convert $5 to EUR").quantities == ("5usd",)


# With an embedder that measures meaning the content guard is off (guards.relaxed_for): these
# guards must then tell lookalikes apart on their own, and let rewordings through.
RELAXED = frozenset({"content"})


@pytest.mark.parametrize(
    ("a", "b", "guard"),
    [
        # reversed relations
        ("How many bytes are in a kilobyte?", "How many kilobytes are in a byte?", "relation"),
        (
            "Which cities are in Berlin but not in Bavaria?",
            "Which cities are in Bavaria but not in Berlin?",
            "relation",
        ),
        (
            "List the plans that include SSO but not audit logs.",
            "List the plans that include audit logs but not SSO.",
            "relation",
        ),
        ("Is a square a rectangle?", "Is a rectangle a square?", "relation"),
        ("What do cats have that dogs lack?", "What do dogs have that cats lack?", "relation"),
        (
            "Which teams report to engineering?",
            "Which teams does engineering report to?",
            "relation",
        ),
        ("Wie viele Bytes hat ein Kilobyte?", "Wie viele Kilobytes hat ein Byte?", "relation"),
        (
            "Quels pays sont dans l'UE mais pas dans la zone euro ?",
            "Quels pays sont dans la zone euro mais pas dans l'UE ?",
            "relation",
        ),
        # conversions, both ways
        ("Convert Celsius to Fahrenheit", "Convert Fahrenheit to Celsius", "direction"),
        ("Convert binary to decimal", "Convert decimal to binary", "direction"),
        (
            "Map the old API fields to the new ones",
            "Map the new API fields to the old ones",
            "relation",
        ),
        ("Translate this into Italian.", "Translate this from Italian.", "substitution"),
        ("¿Cómo convierto euros a dólares?", "¿Cómo convierto dólares a euros?", "direction"),
        # negation scope
        ("Which fruits are not red but sweet?", "Which fruits are red but not sweet?", "scope"),
        ("Why is it not fast but cheap?", "Why is it fast but not cheap?", "scope"),
        # another kind of answer
        ("Who wrote Pride and Prejudice?", "When was Pride and Prejudice written?", "question"),
        (
            "how do I reverse a string in python",
            "Why does my code reverse a string in python?",
            "question",
        ),
        ("Where can I download my invoices?", "How do I get a copy of my invoices?", None),
        # opposites and negating prefixes
        (
            "How do I enable two-factor authentication?",
            "How do I disable two-factor authentication?",
            "antonym",
        ),
        ("How do I lock a cell?", "How do I unlock a cell?", "antonym"),
        ("How do I zoom in on a map?", "How do I zoom out on a map?", "antonym"),
        ("Comment activer le mode sombre ?", "Comment désactiver le mode sombre ?", "antonym"),
        ("What is the cheapest plan?", "What is the most expensive plan?", "antonym"),
        # an added restriction
        (
            "Give me a recipe for lasagna.",
            "Give me a recipe for lasagna without cheese.",
            "negation",
        ),
        ("Give me a recipe for lasagna.", "Give me a recipe for lasagna with tofu.", "qualifier"),
        # minimal pairs and periods
        ("Write a haiku about autumn.", "Write a haiku about spring.", "substitution"),
        (
            "Write a cover letter for a junior data analyst role at a bank",
            "Write a cover letter for a senior data engineer role at a bank",
            "substitution",
        ),
        ("Refund window for annual plans", "Refund window for monthly plans", "dates"),
        # rewordings that pass
        (
            "What is the refund window for annual plans?",
            "How long do I have to request a refund on a yearly plan?",
            None,
        ),
        ("How do I reset my password?", "I forgot my password, how can I reset it?", None),
        (
            "How do I turn on two-factor authentication?",
            "How can I enable two-factor authentication?",
            None,
        ),
        ("How do I sort a list in rust?", "In rust, how do I sort a list?", None),
        ("Give me 5 facts about owls", "Give me five facts about owls", None),
        ("Wie kann ich mein Abonnement kündigen?", "Wie kündige ich mein Abonnement?", None),
    ],
)
def test_relaxed_guard_verdicts(a: str, b: str, guard: str | None) -> None:
    assert check(a, b, disabled=RELAXED) == guard
    assert (check(b, a, disabled=RELAXED) is None) == (guard is None)
