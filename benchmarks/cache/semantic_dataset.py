"""Writes the semantic-cache evaluation set: hard negatives and paraphrases.

Every line of ``semantic_pairs.jsonl`` is one pair ``{"id", "label", "category", "a", "b"}``.

- ``label = "different"``: a hard negative. The two prompts share almost all of their wording but
  ask for different things (another number, unit, date, named entity, quoted string or id, a
  negation, or the reverse direction). Serving the answer of ``a`` to ``b`` is a false hit.
- ``label = "same"``: a paraphrase. Same question, other wording (reordering, synonyms,
  politeness, punctuation, casing). Serving ``a``'s answer to ``b`` is the point of the cache.

These templated pairs (``split = "synthetic"``) were written together with the guards. The
hand-written pairs of ``realistic_pairs.py`` follow them, split into ``tune`` (thresholds and
guards are tuned on it) and ``heldout`` (never tuned on). The set is reproducible:

    python benchmarks/cache/semantic_dataset.py
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from realistic_pairs import rows as realistic_rows

SEED = 20261202
OUT = Path(__file__).with_name("semantic_pairs.jsonl")

COUNTRIES = [
    ("Austria", "Australia"),
    ("Iceland", "Ireland"),
    ("Niger", "Nigeria"),
    ("Guinea", "Ghana"),
    ("Sweden", "Switzerland"),
    ("Slovakia", "Slovenia"),
    ("Mali", "Malawi"),
    ("Iran", "Iraq"),
    ("Dominica", "Dominican Republic"),
    ("Colombia", "Canada"),
    ("Peru", "Portugal"),
    ("Chile", "China"),
    ("Gambia", "Zambia"),
    ("Latvia", "Lithuania"),
]
COMPANIES = ["Microsoft", "Apple", "Google", "Amazon", "Siemens", "Toyota", "Nestle", "Samsung"]
PEOPLE = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy"]
CITIES = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Lisbon", "Prague", "Dublin", "Oslo"]
LANGUAGES = ["English", "French", "German", "Spanish", "Italian", "Japanese", "Dutch"]
PROG = ["python", "java", "rust", "go", "javascript", "ruby", "kotlin", "swift"]
UNIT_PAIRS = [
    ("km", "miles"),
    ("kg", "pounds"),
    ("celsius", "fahrenheit"),
    ("liters", "gallons"),
    ("meters", "feet"),
    ("inches", "centimeters"),
    ("USD", "EUR"),
    ("GBP", "JPY"),
]
SUBSTANCES = [
    "ibuprofen",
    "aspirin",
    "paracetamol",
    "coffee",
    "green tea",
    "melatonin",
    "vitamin D",
    "garlic",
    "alcohol",
    "St John's wort",
]
CONDITIONS = ["pregnancy", "breastfeeding", "children", "dogs", "cats", "diabetics"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TASKS = [
    "sort a list",
    "read a file line by line",
    "parse JSON",
    "reverse a string",
    "remove duplicates from a list",
    "make an HTTP request",
    "format a date",
    "write a unit test",
]
TOPICS = [
    "photosynthesis",
    "inflation",
    "the French revolution",
    "black holes",
    "TCP handshakes",
    "compound interest",
    "the water cycle",
    "vaccines",
    "machine learning",
    "blockchain",
]


def hard_negatives(rng: random.Random) -> list[tuple[str, str, str]]:
    pairs: list[tuple[str, str, str]] = []
    add = pairs.append

    # numbers
    for _ in range(14):
        n, m = rng.sample(range(2, 500), 2)
        p = rng.choice([5, 10, 15, 20, 25])
        add(("number", f"What is {p}% of {n}?", f"What is {p}% of {m}?"))
    for _ in range(10):
        n, m = rng.sample(range(3, 15), 2)
        topic = rng.choice(TOPICS)
        add(("number", f"Give me {n} facts about {topic}", f"Give me {m} facts about {topic}"))
    for _ in range(8):
        a, b = rng.sample(range(100, 999), 2)
        add(("number", f"Is {a} a prime number?", f"Is {b} a prime number?"))
    for _ in range(6):
        a = rng.randint(2, 40)
        add(("number", f"Summarise this in {a} words", f"Summarise this in {a + 10} words"))

    # units (same number, other unit)
    for _ in range(14):
        (u1, u2), (u3, _) = rng.sample(UNIT_PAIRS, 2)
        n = rng.randint(2, 300)
        add(("unit", f"convert {n} {u1} to {u2}", f"convert {n} {u3} to {u2}"))
    for _ in range(8):
        n = rng.randint(2, 90)
        add(
            (
                "unit",
                f"How long does it take to walk {n} km?",
                f"How long does it take to walk {n} miles?",
            )
        )

    # dates
    for _ in range(10):
        y1, y2 = rng.sample(range(1950, 2025), 2)
        add(("date", f"Who won the World Cup in {y1}?", f"Who won the World Cup in {y2}?"))
    for _ in range(10):
        m1, m2 = rng.sample(MONTHS, 2)
        d = rng.randint(1, 28)
        add(
            (
                "date",
                f"What day of the week was {m1} {d}, 2021?",
                f"What day of the week was {m2} {d}, 2021?",
            )
        )
    for _ in range(8):
        d1 = rng.randint(1, 27)
        add(
            (
                "date",
                f"List my meetings on 2026-03-{d1:02d}",
                f"List my meetings on 2026-03-{d1 + 1:02d}",
            )
        )
    for _ in range(6):
        w1, w2 = rng.sample(WEEKDAYS, 2)
        city = rng.choice(CITIES)
        add(
            (
                "date",
                f"What's the weather in {city} on {w1}?",
                f"What's the weather in {city} on {w2}?",
            )
        )
    for w1, w2 in [
        ("today", "tomorrow"),
        ("yesterday", "today"),
        ("this week", "next week"),
        ("last year", "this year"),
    ]:
        add(("date", f"What are the top headlines {w1}?", f"What are the top headlines {w2}?"))

    # named entities (capitalised and lower-case)
    for c1, c2 in COUNTRIES:
        add(("entity", f"What is the capital of {c1}?", f"What is the capital of {c2}?"))
    for _ in range(10):
        c1, c2 = rng.sample(COMPANIES, 2)
        add(("entity", f"Who is the CEO of {c1}?", f"Who is the CEO of {c2}?"))
    for _ in range(12):
        p1, p2 = rng.sample(PROG, 2)
        task = rng.choice(TASKS)
        add(("entity", f"how do I {task} in {p1}", f"how do I {task} in {p2}"))
    for _ in range(8):
        c1, c2 = rng.sample(CITIES, 2)
        add(("entity", f"best restaurants in {c1.lower()}", f"best restaurants in {c2.lower()}"))

    # quoted strings and ids
    phrases = [
        "good morning",
        "good night",
        "thank you",
        "see you soon",
        "happy birthday",
        "where is the station",
        "I love you",
        "good luck",
    ]
    for _ in range(10):
        q1, q2 = rng.sample(phrases, 2)
        lang = rng.choice(LANGUAGES[1:])
        add(("quoted", f'Translate "{q1}" to {lang}', f'Translate "{q2}" to {lang}'))
    for _ in range(10):
        n = rng.randint(1000, 9999)
        add(
            (
                "code",
                f"What is the status of order #A{n}?",
                f"What is the status of order #A{n + 1}?",
            )
        )
    for _ in range(8):
        n = rng.randint(100, 999)
        add(("code", f"What does error code E{n} mean?", f"What does error code E{n + 7} mean?"))
    for _ in range(6):
        a, b = rng.sample(["HTTP 404", "HTTP 500", "HTTP 403", "HTTP 502", "HTTP 401"], 2)
        add(("code", f"What does {a} mean?", f"What does {b} mean?"))

    # negation
    for _ in range(12):
        s = rng.choice(SUBSTANCES)
        c = rng.choice(CONDITIONS)
        add(("negation", f"Is {s} safe during {c}?", f"Is {s} not safe during {c}?"))
    for _ in range(8):
        food = rng.choice(["pasta", "a cake", "bread", "curry", "a salad", "cookies", "soup"])
        ing = rng.choice(["nuts", "eggs", "gluten", "milk", "sugar", "onions"])
        add(("negation", f"recipe for {food} with {ing}", f"recipe for {food} without {ing}"))
    for _ in range(8):
        task = rng.choice(TASKS)
        lang = rng.choice(PROG)
        add(
            (
                "negation",
                f"Why does my code {task} in {lang}?",
                f"Why doesn't my code {task} in {lang}?",
            )
        )
    for _ in range(6):
        t = rng.choice(
            [
                "mix bleach and vinegar",
                "charge my phone overnight",
                "eat raw eggs",
                "reuse a water bottle",
                "run a marathon without training",
            ]
        )
        add(("negation", f"Should I {t}?", f"Should I never {t}?"))
    for _ in range(4):
        add(("negation", "Ist Kaffee gesund?", "Ist Kaffee nicht gesund?"))
        add(
            (
                "negation",
                "Est-ce que le café est bon pour la santé ?",
                "Est-ce que le café n'est pas bon pour la santé ?",
            )
        )
        break

    # direction
    for _ in range(14):
        u1, u2 = rng.choice(UNIT_PAIRS)
        n = rng.randint(2, 300)
        add(("direction", f"convert {n} {u1} to {u2}", f"convert {n} {u2} to {u1}"))
    for _ in range(12):
        l1, l2 = rng.sample(LANGUAGES, 2)
        add(
            (
                "direction",
                f"Translate this text from {l1} to {l2}",
                f"Translate this text from {l2} to {l1}",
            )
        )
    for _ in range(12):
        p1, p2 = rng.sample(PEOPLE, 2)
        add(
            (
                "direction",
                f"Show me all emails from {p1} to {p2}",
                f"Show me all emails from {p2} to {p1}",
            )
        )
    for _ in range(10):
        c1, c2 = rng.sample(CITIES, 2)
        add(("direction", f"cheapest train from {c1} to {c2}", f"cheapest train from {c2} to {c1}"))
    for _ in range(8):
        c1, c2 = rng.sample(COMPANIES, 2)
        add(("direction", f"Is {c1} bigger than {c2}?", f"Is {c2} bigger than {c1}?"))
    for _ in range(6):
        p1, p2 = rng.sample(PROG, 2)
        add(
            (
                "direction",
                f"migrate my project from {p1} to {p2}",
                f"migrate my project from {p2} to {p1}",
            )
        )
    return pairs


PARAPHRASE_BASES = [
    "What is the capital of {country}?",
    "How do I {task} in {prog}?",
    "Explain {topic} in simple terms",
    "Who is the CEO of {company}?",
    "What is the weather in {city} today?",
    "Give me a short summary of {topic}",
    'Translate "{phrase}" to {lang}',
    "convert {n} {u1} to {u2}",
    "What are the benefits of {topic}?",
    "Is {substance} safe for {condition}?",
    "Write a haiku about {topic}",
    "What is the population of {city}?",
]
POLITE_PREFIX = [
    "Please ",
    "Could you tell me: ",
    "Can you help me? ",
    "Hi! ",
    "Hey, ",
    "I was wondering, ",
]
POLITE_SUFFIX = [" Thanks!", " Thank you.", " please", " Thanks in advance."]
SYNONYMS = [
    ("What is", "What's"),
    ("How do I", "How can I"),
    ("How do I", "What is the way to"),
    ("Explain", "Describe"),
    ("Give me", "Provide"),
    ("short summary", "brief summary"),
    ("simple terms", "plain language"),
    ("benefits", "advantages"),
    ("Write", "Compose"),
    ("convert", "change"),
    ("Who is", "Who's"),
    ("Is", "Would you say"),
]


def fill(template: str, rng: random.Random) -> str:
    u1, u2 = rng.choice(UNIT_PAIRS)
    return template.format(
        country=rng.choice([c for pair in COUNTRIES for c in pair]),
        task=rng.choice(TASKS),
        prog=rng.choice(PROG),
        topic=rng.choice(TOPICS),
        company=rng.choice(COMPANIES),
        city=rng.choice(CITIES),
        phrase=rng.choice(["good morning", "thank you", "see you soon"]),
        lang=rng.choice(LANGUAGES[1:]),
        n=rng.randint(2, 300),
        u1=u1,
        u2=u2,
        substance=rng.choice(SUBSTANCES),
        condition=rng.choice(CONDITIONS),
    )


def reorder(text: str) -> str | None:
    """Move a trailing "in X" / "for X" / "today" phrase to the front."""
    body = text.rstrip("?.! ")
    mark = text[len(body) :]
    for sep in (" in ", " for ", " today"):
        head, found, tail = body.rpartition(sep)
        if found and head:
            lead = (found.strip() + " " + tail).strip()
            return f"{lead[0].upper()}{lead[1:]}, {head[0].lower()}{head[1:]}{mark}"
    return None


def paraphrases(rng: random.Random) -> list[tuple[str, str, str]]:
    pairs: list[tuple[str, str, str]] = []
    kinds = ["casing", "punctuation", "politeness", "synonym", "reordering", "combined"]
    while len(pairs) < 240:
        base = fill(rng.choice(PARAPHRASE_BASES), rng)
        kind = kinds[len(pairs) % len(kinds)]
        other: str | None
        if kind == "casing":
            other = rng.choice([base.lower(), base.upper(), base.title()])
        elif kind == "punctuation":
            stripped = base.rstrip("?.!")
            other = rng.choice(
                [
                    stripped,
                    stripped + "??",
                    stripped + ".",
                    stripped + " ?!",
                    stripped.replace(" ", "  ", 1),
                ]
            )
        elif kind == "politeness":
            other = rng.choice(POLITE_PREFIX) + base[0].lower() + base[1:]
            if rng.random() < 0.5:
                other += rng.choice(POLITE_SUFFIX)
        elif kind == "synonym":
            options = [(x, y) for x, y in SYNONYMS if x in base]
            if not options:
                continue
            x, y = rng.choice(options)
            other = base.replace(x, y, 1)
        elif kind == "reordering":
            other = reorder(base)
        else:
            other = rng.choice(POLITE_PREFIX) + base.lower().rstrip("?.!")
        if other is None or other == base:
            continue
        pairs.append((kind, base, other))
    return pairs


def main() -> None:
    rng = random.Random(SEED)
    negatives = list(dict.fromkeys(hard_negatives(rng)))
    positives = list(dict.fromkeys(paraphrases(rng)))
    with OUT.open("w", encoding="utf-8") as out:
        for i, (category, a, b) in enumerate(negatives):
            row = {"id": f"neg-{i:04d}", "label": "different", "category": category}
            row |= {"split": "synthetic", "a": a, "b": b}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        for i, (category, a, b) in enumerate(positives):
            row = {"id": f"par-{i:04d}", "label": "same", "category": category}
            row |= {"split": "synthetic", "a": a, "b": b}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        real = realistic_rows()
        for row in real:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(negatives)} hard negatives, {len(positives)} paraphrases (synthetic)")
    for split in ("tune", "heldout"):
        rows = [r for r in real if r["split"] == split]
        negs = sum(r["label"] == "different" for r in rows)
        print(f"{split}: {negs} hard negatives, {len(rows) - negs} paraphrases")
    print(f"-> {OUT}")


if __name__ == "__main__":
    main()
