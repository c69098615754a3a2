"""Guards that a semantic cache candidate must pass before its answer may be served.

Two prompts can be worded almost identically and still ask for different things: another number
or unit, another date, another named entity, a quoted string or an id, a negation, or the same
operands in the opposite direction. Similarity scores are blind to such differences, so a
candidate above the similarity threshold is served only when every guard here agrees.

Sentence encoders score reversed relations ("bytes in a kilobyte" / "kilobytes in a byte"),
moved negations ("not red but sweet" / "red but not sweet"), antonyms ("enable" / "disable")
and added restrictions ("… with meat substitutes") nearly as high as paraphrases: the
``relation``, ``scope``, ``antonym`` and ``qualifier`` guards tell those apart.

Each guard compares :class:`Features` extracted once per text. :func:`check` returns ``None`` when
the two texts agree, else the name of the first guard that tells them apart. The guards err on
the side of refusing: a refused candidate costs one upstream call, a wrong answer costs trust.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from bastion.cache.text import FILLER, STOP_WORDS, content_stems, expand_contractions, stem, words
from bastion.hiding import INVISIBLE

GUARD_NAMES = (
    "numbers",
    "units",
    "dates",
    "entities",
    "quoted",
    "codes",
    "negation",
    "direction",
    "content",
    "relation",
    "question",
    "scope",
    "antonym",
    "qualifier",
    "substitution",
    "hidden",
    "case",
    "symbols",
    "layout",
)

# Embedders that measure meaning rather than shared wording: with them the ``content`` guard
# (identical content words) is off, so rewordings can match; the other guards stay on.
_LEXICAL_PREFIX = "lexical"


def relaxed_for(embedder_name: str) -> frozenset[str]:
    """The guards turned off by default for an embedder: ``content`` unless it is lexical."""
    return frozenset() if embedder_name.startswith(_LEXICAL_PREFIX) else frozenset({"content"})


_NUMBER_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "billion": "1000000000",
    "dozen": "12",
    "half": "0.5",
    "twice": "2",
    "double": "2",
    "triple": "3",
}

_UNITS = {
    "km": "km",
    "kilometer": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometres": "km",
    "mile": "mi",
    "miles": "mi",
    "mi": "mi",
    "mph": "mph",
    "kmh": "kmh",
    "kph": "kmh",
    "kg": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "g": "g",
    "gram": "g",
    "grams": "g",
    "mg": "mg",
    "milligram": "mg",
    "milligrams": "mg",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
    "oz": "oz",
    "ounce": "oz",
    "ounces": "oz",
    "ton": "t",
    "tons": "t",
    "tonne": "t",
    "tonnes": "t",
    "celsius": "degc",
    "°c": "degc",
    "fahrenheit": "degf",
    "°f": "degf",
    "kelvin": "k",
    "liter": "l",
    "liters": "l",
    "litre": "l",
    "litres": "l",
    "l": "l",
    "ml": "ml",
    "milliliter": "ml",
    "milliliters": "ml",
    "gallon": "gal",
    "gallons": "gal",
    "gal": "gal",
    "cup": "cup",
    "cups": "cup",
    "meter": "m",
    "meters": "m",
    "metre": "m",
    "metres": "m",
    "m": "m",
    "cm": "cm",
    "centimeter": "cm",
    "centimeters": "cm",
    "centimetre": "cm",
    "centimetres": "cm",
    "mm": "mm",
    "millimeter": "mm",
    "millimeters": "mm",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "inch": "in",
    "inches": "in",
    "yard": "yd",
    "yards": "yd",
    "usd": "usd",
    "$": "usd",
    "dollar": "usd",
    "dollars": "usd",
    "eur": "eur",
    "€": "eur",
    "euro": "eur",
    "euros": "eur",
    "gbp": "gbp",
    "£": "gbp",
    "jpy": "jpy",
    "yen": "jpy",
    "¥": "jpy",
    "chf": "chf",
    "franc": "chf",
    "francs": "chf",
    "cny": "cny",
    "yuan": "cny",
    "%": "pct",
    "percent": "pct",
    "percentage": "pct",
    "kb": "kb",
    "mb": "mb",
    "gb": "gb",
    "tb": "tb",
    "second": "s",
    "seconds": "s",
    "sec": "s",
    "minute": "min",
    "minutes": "min",
    "min": "min",
    "hour": "h",
    "hours": "h",
    "hr": "h",
    "hrs": "h",
    "h": "h",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "kw": "kw",
    "kwh": "kwh",
    "w": "w",
    "watt": "w",
    "watts": "w",
    "calorie": "kcal",
    "calories": "kcal",
    "kcal": "kcal",
}
# Short unit spellings that are also ordinary words: units only right after a number.
_AMBIGUOUS_UNITS = frozenset(
    {
        "l",
        "m",
        "g",
        "h",
        "w",
        "min",
        "in",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "cup",
        "cups",
        "double",
        "franc",
        "pound",
        "pounds",
    }
)

_MONTHS = {
    "january": "m01",
    "jan": "m01",
    "february": "m02",
    "feb": "m02",
    "march": "m03",
    "mar": "m03",
    "april": "m04",
    "apr": "m04",
    "may": "m05",
    "june": "m06",
    "jun": "m06",
    "july": "m07",
    "jul": "m07",
    "august": "m08",
    "aug": "m08",
    "september": "m09",
    "sep": "m09",
    "sept": "m09",
    "october": "m10",
    "oct": "m10",
    "november": "m11",
    "nov": "m11",
    "december": "m12",
    "dec": "m12",
}
_WEEKDAYS = {
    "monday": "d1",
    "mon": "d1",
    "tuesday": "d2",
    "tue": "d2",
    "tues": "d2",
    "wednesday": "d3",
    "wed": "d3",
    "thursday": "d4",
    "thu": "d4",
    "thurs": "d4",
    "friday": "d5",
    "fri": "d5",
    "saturday": "d6",
    "sat": "d6",
    "sunday": "d7",
    "sun": "d7",
}
_RELATIVE_DAYS = frozenset(
    {
        "today",
        "tomorrow",
        "yesterday",
        "tonight",
        "now",
        "currently",
        "weekend",
        "morning",
        "afternoon",
        "evening",
        "recent",
        "recently",
        "latest",
        "upcoming",
    }
)
# How often or per what period: "annual plans" and "monthly plans" differ.
_FREQUENCIES = {
    "hourly": "per-hour",
    "daily": "per-day",
    "nightly": "per-day",
    "weekly": "per-week",
    "biweekly": "per-2weeks",
    "fortnightly": "per-2weeks",
    "monthly": "per-month",
    "quarterly": "per-quarter",
    "yearly": "per-year",
    "annual": "per-year",
    "annually": "per-year",
    "biannual": "per-half-year",
    "lifetime": "per-lifetime",
}
_RELATIVE_MODIFIERS = frozenset({"next", "last", "this", "previous", "coming", "past"})
_PERIODS = frozenset({"week", "month", "year", "quarter", "decade", "century", "weekend", "day"})

NEGATIONS = frozenset(
    {
        # English (contractions are expanded to "not" first)
        "not",
        "no",
        "never",
        "without",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "cannot",
        "nowhere",
        "non",
        # German, French, Spanish, Italian, Portuguese, Dutch: the common particles
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "nie",
        "niemals",
        "ohne",
        "ne",
        "n",
        "pas",
        "jamais",
        "sans",
        "aucun",
        "aucune",
        "nunca",
        "sin",
        "jamás",
        "ningún",
        "ninguna",
        "ninguno",
        "mai",
        "senza",
        "não",
        "nao",
        "sem",
        "nenhum",
        "nenhuma",
        "niet",
        "geen",
        "nooit",
        "zonder",
    }
)

DIRECTION_MARKERS = frozenset(
    {
        "to",
        "into",
        "from",
        "vs",
        "versus",
        "than",
        "towards",
        "toward",
        "onto",
        "via",
        "nach",
        "vers",
        "hacia",
        "en",
        "à",
        "a",
        "zu",
        "von",
        "de",
        "desde",
        "da",
    }
)

# Words that relate two operands: when the operands swap places around one of them in both
# prompts ("bytes in a kilobyte" / "kilobytes in a byte", "A but not B" / "B but not A"), the
# question is another. A marker stranded at the end counts too ("which teams does engineering
# report to").
RELATION_WORDS = words(
    """to into from than vs versus towards toward onto via per in of on for with without but not
    and except instead rather over under before after above below within inside outside
    nach zu von vers à a en de desde hacia da in di dal al naar van tot dan que als"""
)

# Opposites: a prompt using one side and not the other asks something else. Stems (lower
# case), plus prefixes that negate a word ("unlock", "disable", "désactiver").
_OPPOSITES = [
    ("enable", "disable"),
    ("activate", "deactivate"),
    ("increase", "decrease"),
    ("increase", "reduce"),
    ("raise", "lower"),
    ("upload", "download"),
    ("import", "export"),
    ("encrypt", "decrypt"),
    ("buy", "sell"),
    ("add", "remove"),
    ("add", "delete"),
    ("create", "delete"),
    ("install", "uninstall"),
    ("start", "stop"),
    ("open", "close"),
    ("read", "write"),
    ("show", "hide"),
    ("give", "hide"),
    ("lock", "unlock"),
    ("mute", "unmute"),
    ("follow", "unfollow"),
    ("subscribe", "unsubscribe"),
    ("compress", "extract"),
    ("compress", "decompress"),
    ("zip", "unzip"),
    ("advantage", "disadvantage"),
    ("benefit", "disadvantage"),
    ("benefit", "drawback"),
    ("pro", "con"),
    ("benefit", "con"),
    ("cheap", "expensive"),
    ("cheapest", "expensive"),
    ("cheaper", "expensive"),
    ("maximum", "minimum"),
    ("max", "min"),
    ("most", "least"),
    ("more", "less"),
    ("more", "fewer"),
    ("best", "worst"),
    ("better", "worse"),
    ("fast", "slow"),
    ("quick", "slow"),
    ("before", "after"),
    ("first", "last"),
    ("high", "low"),
    ("higher", "lower"),
    ("highest", "lowest"),
    ("big", "small"),
    ("bigger", "smaller"),
    ("long", "short"),
    ("longer", "shorter"),
    ("in", "out"),
    ("on", "off"),
    ("up", "down"),
    ("input", "output"),
    ("inbound", "outbound"),
    ("incoming", "outgoing"),
    ("send", "receive"),
    ("push", "pull"),
    ("charg", "drain"),
    ("charge", "drain"),
    ("win", "lose"),
    ("accept", "reject"),
    ("allow", "deny"),
    ("allow", "block"),
    ("approve", "reject"),
    ("include", "exclude"),
    ("login", "logout"),
    ("sign", "unsign"),
    ("connect", "disconnect"),
    ("attach", "detach"),
    ("join", "leave"),
    ("hot", "cold"),
    ("positive", "negative"),
    ("true", "false"),
    ("legal", "illegal"),
    ("safe", "unsafe"),
    ("safe", "dangerous"),
    ("healthy", "unhealthy"),
    ("pass", "fail"),
    ("succeed", "fail"),
    ("over", "under"),
    ("above", "below"),
    ("beginner", "expert"),
    ("beginner", "advanced"),
    ("novice", "expert"),
    ("child", "adult"),
    ("kid", "adult"),
    ("early", "late"),
    ("earliest", "latest"),
    ("expand", "collapse"),
    ("archive", "unarchive"),
    ("minimum", "maximum"),
    ("internal", "external"),
    ("public", "private"),
    ("online", "offline"),
    ("import", "export"),
    ("north", "south"),
    ("east", "west"),
    ("left", "right"),
    ("top", "bottom"),
    ("front", "back"),
    ("light", "dark"),
    ("wet", "dry"),
    ("old", "new"),
    ("old", "young"),
    ("oldest", "newest"),
    ("oldest", "youngest"),
    ("ascending", "descending"),
    ("asc", "desc"),
    ("upgrade", "downgrade"),
    ("upper", "lower"),
    ("uppercase", "lowercase"),
    ("forward", "backward"),
    ("plus", "minus"),
    ("add", "subtract"),
    ("multiply", "divide"),
    ("gain", "loss"),
    ("profit", "loss"),
    ("income", "expense"),
    ("debit", "credit"),
    ("borrow", "lend"),
    ("hire", "fire"),
    ("arrive", "depart"),
    ("arrival", "departure"),
    ("strong", "weak"),
    ("heavy", "light"),
    ("thick", "thin"),
    ("wide", "narrow"),
    ("rich", "poor"),
    ("love", "hate"),
    ("like", "dislike"),
    ("agree", "disagree"),
    ("make", "remove"),
    ("set", "unset"),
    ("set", "remove"),
    ("on", "disable"),
    ("off", "enable"),
    ("on", "deactivate"),
    ("off", "activate"),
    ("pin", "unpin"),
    ("merge", "split"),
    ("join", "split"),
    ("verbinde", "trenne"),
    ("verbinden", "trennen"),
    ("aan", "uit"),
    ("ein", "aus"),
    ("erhöh", "verringer"),
    ("erhöhe", "verringere"),
    ("erhöhen", "verringern"),
    ("augmenter", "diminuer"),
    ("aumentar", "disminuir"),
    ("aumentare", "diminuire"),
    ("aumentar", "diminuir"),
]
# Question words that ask for another kind of answer: a way, a person, a time, a place, a
# reason.
_QUESTION_KINDS = {
    "how": "manner",
    "who": "person",
    "whom": "person",
    "whose": "person",
    "when": "time",
    "where": "place",
    "why": "reason",
    "qui": "person",
    "quand": "time",
    "où": "place",
    "pourquoi": "reason",
    "wer": "person",
    "wann": "time",
    "wo": "place",
    "warum": "reason",
    "quién": "person",
    "cuándo": "time",
    "dónde": "place",
    "chi": "person",
    "dove": "place",
    "perché": "reason",
    "quem": "person",
    "onde": "place",
    "waar": "place",
    "wanneer": "time",
    "waarom": "reason",
}
_NEGATING_PREFIXES = ("un", "dis", "de", "dé", "des", "dés", "in", "im", "il", "ir", "non", "anti")

# Words that narrow what is asked: a content word after one of them that the other prompt lacks
# is a restriction of its own ("a recipe for lasagna" / "… with meat substitutes").
_QUALIFIERS = words(
    """with without except excluding including only besides plus mit ohne avec sans con sin
    senza com sem met zonder"""
)
# "a" is the Romance "to", but an article in English: a marker only in other languages.
_ENGLISH_HINTS = words("the is are do does how what which why i you my of an")

_LANGUAGES = words(
    """english french german spanish italian portuguese dutch japanese chinese mandarin
    cantonese korean russian arabic hindi polish swedish norwegian danish finnish greek turkish
    hebrew czech hungarian romanian ukrainian vietnamese thai indonesian latin"""
)

# Words often capitalised at the start of a request that are not names.
_COMMON_OPENERS = words(
    """explain give write convert translate list show summarise summarize describe compare find
    make create generate provide compose draft calculate compute define is are was were does do
    did can could would should will may might must what which who whom whose how why when where
    please tell help hi hello hey thanks thank in on for from to of the a an i we you it this
    that these those there here if yes no not never and or but so also best cheapest recipe
    migrate show sort read parse reverse remove format should ist est suggest recommend name
    let draft outline rewrite summarise summarize j l c d qu
    qué cuál cuáles cómo dónde cuándo quién por puedo puede es hay
    comment quel quelle quels quelles où quand qui pourquoi peux puis est
    wie was wo wann wer warum welche welcher welches kann kannst ist gibt
    come cosa quale quali dove quando chi perché posso
    como qual quais onde quando quem porque posso
    hoe wat waar wanneer wie welke waarom kan is"""
)

_CURRENCY_SYMBOLS = frozenset("$€£¥")
_SPACE = re.compile(r"\s+")
_ARROWS = re.compile(r"\s*(?:->|→|=>|⇒|⟶)\s*")
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|«([^»]+)»|„([^“”]+)[“”]|(?<!\w)'([^']+)'(?!\w)")
_ISO_DATE = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})\b")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?", re.I)
_WORD = re.compile(r"\d+(?:[.,]\d+)+|[#@]?[^\W_]+(?:[.:/-][^\W_]+)*|[$€£¥%°]", re.UNICODE)
_NUMERAL = re.compile(r"[-\u2212]?\d+(?:[.,]\d+)*")


def _num(value: str) -> str:
    """A canonical spelling of a numeral: "1,000" and "1000" agree, "5.0" and "5" agree."""
    v = value.replace("\u2212", "-")
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", v):
        v = v.replace(",", "")
    v = v.replace(",", ".")
    try:
        f = float(v)
    except ValueError:
        return v
    return str(int(f)) if f.is_integer() and abs(f) < 1e15 else repr(f)


@dataclass(frozen=True, slots=True)
class Features:
    """What the guards compare, extracted from one prompt."""

    numbers: tuple[str, ...] = ()
    quantities: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    entities: frozenset[str] = frozenset()
    stems: frozenset[str] = frozenset()
    quoted: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    negations: int = 0
    salient: tuple[tuple[str, int], ...] = ()
    markers: tuple[int, ...] = ()
    content: frozenset[str] = field(default_factory=frozenset)
    # Content words (stems, lower case) in order, and the positions of relation words in that
    # sequence: relation word at position p sits between sequence items p - 1 and p.
    sequence: tuple[str, ...] = ()
    relations: tuple[int, ...] = ()
    # The first content word after each negation: what is negated.
    negated: tuple[str, ...] = ()
    # Every word, lower case and stemmed, with accents kept: for opposites.
    vocabulary: frozenset[str] = frozenset()
    # Content words that follow a qualifier ("with", "without", "except"…).
    qualified: frozenset[str] = frozenset()
    # Every word, lower case and stemmed, in order (articles unified): for swapped spans.
    skeleton: tuple[str, ...] = ()
    # The kinds of answer question words ask for (person, time, place, reason).
    asks: frozenset[str] = frozenset()
    # Characters that render as nothing (format and control characters, tags): a model may read
    # them as an instruction, an encoder as nothing.
    hidden: tuple[str, ...] = ()
    # Words with capitals ("MB", "Mb", "HeLLo", base64) by their lower-case form, "I" aside;
    # and whether the prompt is written in one case (lower, upper or Title Case), which then
    # tells nothing ("HOW DO I", "Convert 101 Usd To Eur").
    cased: dict[str, str] = field(default_factory=dict)
    one_case: bool = True
    # Every word in lower case (for the case guard).
    lowered: frozenset[str] = frozenset()
    # Operators standing apart and one-letter flags ("5 > 3", "x == y", "ls -L"), in order.
    symbols: tuple[str, ...] = ()
    # Each non-empty line's indentation, when there are several lines: code and YAML mean by it.
    layout: tuple[int, ...] = ()


_CASED_WORD = re.compile(r"[^\W_]+")
# Operators standing apart ("5 > 3", "x == y", "7 - 2"), and one-letter flags and escapes,
# whose case is their meaning ("ls -L", "\\D").
_SYMBOLS = re.compile(
    r"(?<![^\s\d(])[<>=!+*/%^&|~\\-]+(?=[\s\d(]|$)|(?<![\w\\-])[-\\][A-Za-z](?!\w)"
)


def _case_words(text: str) -> tuple[dict[str, str], bool]:
    """The words with capitals by their lower-case form ("I" aside), and whether the text is
    written in one case: every word lower, every word upper, or every word capitalised."""
    words = [word for word in _CASED_WORD.findall(text) if not word.isdigit()]
    cased = {word.lower(): word for word in words if word != "I" and not word.islower()}
    one_case = (
        len(cased) == 0
        or all(word.isupper() or word == "I" for word in words)
        or all(word[0].isupper() or not word[0].isalpha() for word in words)
    )
    return cased, one_case


def _quoted_differ(a: Features, b: Features) -> bool:
    """Quoted text is compared as written ("'Password'" is not "'password'"), its case aside
    when a prompt is written all in one case ("TRANSLATE \"SEE YOU SOON\"")."""
    if a.one_case or b.one_case:
        return [q.lower() for q in a.quoted] != [q.lower() for q in b.quoted]
    return a.quoted != b.quoted


def _mixed(word: str) -> bool:
    """Capitals a word's case alone does not explain ("HeLLo", "iPhone", base64)."""
    return not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower()))


def _case_conflict(a: Features, b: Features) -> bool:
    """A word both prompts hold written in two ways that mean different things: "MB" and "Mb",
    "iPhone" and "iphone"; not an acronym typed in lower case ("GDP", "gdp"), nor in a prompt
    written all in one case."""
    return _written_otherwise(a, b) or _written_otherwise(b, a)


def _written_otherwise(a: Features, b: Features) -> bool:
    for low, form in a.cased.items():
        other = b.cased.get(low)
        if other == form:
            continue
        if other is None:  # in lower case in ``b``, or not there at all
            if _mixed(form) and low in b.lowered:
                return True  # "SGVsbG8" against "sgvsbg8"
            continue
        if _mixed(form) or _mixed(other) or not (a.one_case or b.one_case):
            return True
    return False


def _layout(text: str) -> tuple[int, ...]:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return ()
    return tuple(len(line) - len(line.lstrip()) for line in lines)


@lru_cache(maxsize=16384)
def extract(text: str) -> Features:
    """The guard features of ``text`` (memoised: index entries are compared many times)."""
    raw = _ARROWS.sub(" to ", text)
    quoted = tuple(
        sorted(
            _SPACE.sub(" ", next(g for g in m.groups() if g)).strip() for m in _QUOTED.finditer(raw)
        )
    )
    unquoted = _QUOTED.sub(" ", raw)
    expanded = expand_contractions(unquoted)

    dates: list[str] = []
    for m in _ISO_DATE.finditer(expanded):
        dates.append(f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}")
    for m in _NUMERIC_DATE.finditer(expanded):
        dates.append(f"{int(m[1])}/{int(m[2])}/{m[3]}")
    for m in _TIME.finditer(expanded):
        dates.append(f"t{int(m[1])}:{m[2]}{(m[4] or '').replace('.', '').lower()}")
    rest = _TIME.sub(" ", _NUMERIC_DATE.sub(" ", _ISO_DATE.sub(" ", expanded)))

    words = _WORD.findall(rest)
    lowered = [w.lower() for w in words]
    english = not _ENGLISH_HINTS.isdisjoint(lowered)
    letters = [c for c in rest if c.isalpha()]
    uniform_case = bool(letters) and (
        all(c.isupper() for c in letters) or all(c.islower() for c in letters)
    )

    numbers: list[str] = []
    quantities: list[str] = []
    units: list[str] = []
    codes: list[str] = []
    entities: set[str] = set()
    salient: list[tuple[str, int]] = []
    markers: list[int] = []
    negations = 0
    sentence_start = True
    previous_number: str | None = None
    currency: str | None = None

    for i, (word, low) in enumerate(zip(words, lowered, strict=True)):
        is_number = not word.isalpha() and _NUMERAL.fullmatch(word) is not None
        value = _num(word) if is_number else _NUMBER_WORDS.get(low)
        if value is not None:
            numbers.append(value)
            if currency is not None:
                # currency written before the amount: "$5" is five dollars
                quantities.append(f"{value}{currency}")
                currency = None
                sentence_start = False
                continue
            salient.append(("n:" + value, i))
            previous_number = value
            sentence_start = False
            continue
        unit = _UNITS.get(low)
        if word in _CURRENCY_SYMBOLS:
            currency = unit
        if unit is not None and (low not in _AMBIGUOUS_UNITS or previous_number is not None):
            units.append(unit)
            salient.append(("u:" + unit, i))
            if previous_number is not None:
                quantities.append(f"{previous_number}{unit}")
                previous_number = None
            sentence_start = False
            continue
        if previous_number is not None:
            quantities.append(previous_number)
            previous_number = None
        if low in _MONTHS and (low != "may" or word == "May") and not (low == "may" and i == 0):
            dates.append(_MONTHS[low])
            salient.append(("d:" + _MONTHS[low], i))
        elif low in _WEEKDAYS and (len(low) > 3 or word[0].isupper()):
            dates.append(_WEEKDAYS[low])
            salient.append(("d:" + _WEEKDAYS[low], i))
        elif low in _RELATIVE_DAYS:
            dates.append(low)
            salient.append(("d:" + low, i))
        elif low in _FREQUENCIES:
            dates.append(_FREQUENCIES[low])
            salient.append(("d:" + _FREQUENCIES[low], i))
        elif low in _PERIODS and i > 0 and lowered[i - 1] in _RELATIVE_MODIFIERS:
            tag = f"{lowered[i - 1]}-{low}"
            dates.append(tag)
            salient.append(("d:" + tag, i))
        if low in NEGATIONS:
            negations += 1
        if low in DIRECTION_MARKERS and not (low == "a" and english):
            markers.append(i)
        if word.isalpha():  # most words: no need to look at each character
            has_digit, has_alpha = False, True
        else:
            has_digit = any(c.isdigit() for c in word)
            has_alpha = any(c.isalpha() for c in word)
        if (has_digit and has_alpha) or word[0] in "#@":
            codes.append(low)
            salient.append(("c:" + low, i))
        elif has_alpha and word[0].isupper() and not uniform_case:
            acronym = len(word) >= 2 and word.isupper()
            named = acronym or not sentence_start or low not in _COMMON_OPENERS
            if named and low not in STOP_WORDS and low not in FILLER:
                entities.add(stem(word))
                salient.append(("e:" + stem(word), i))
        elif low in _LANGUAGES:
            salient.append(("e:" + low, i))
        sentence_start = word in {".", "!", "?"}
    if previous_number is not None:
        quantities.append(previous_number)

    # Operands right next to a direction marker are salient even in lower case.
    for idx in markers:
        for j in (idx - 1, idx + 1):
            if 0 <= j < len(words) and lowered[j] not in STOP_WORDS and words[j].isalpha():
                salient.append(("w:" + stem(words[j]), j))

    cased, one_case = _case_words(rest)
    all_stems = frozenset(stem(w) for w in words) | frozenset(lowered)
    sequence, relations, negated, qualified = _structure(lowered, english)
    return Features(
        numbers=tuple(sorted(numbers)),
        quantities=tuple(sorted(quantities)),
        units=tuple(sorted(units)),
        dates=tuple(sorted(dates)),
        entities=frozenset(entities),
        stems=all_stems,
        quoted=quoted,
        codes=tuple(sorted(codes)),
        negations=negations,
        salient=tuple(salient),
        markers=tuple(markers),
        # numbers have their own guard ("five" and "5" agree there)
        content=frozenset(
            s for s in content_stems(unquoted) if s not in _NUMBER_WORDS and not s[0].isdigit()
        ),
        sequence=sequence,
        relations=relations,
        negated=negated,
        vocabulary=all_stems,
        qualified=qualified,
        skeleton=tuple(
            _ARTICLES.get(part) or _NUMBER_WORDS.get(part) or stem(part)
            for w in lowered
            for part in ((w,) if w.isalnum() else _NON_WORD.split(w))
            if part
        ),
        asks=frozenset(_QUESTION_KINDS[w] for w in lowered if w in _QUESTION_KINDS),
        hidden=tuple(INVISIBLE.findall(text)),
        cased=cased,
        one_case=one_case,
        lowered=frozenset(lowered),
        symbols=tuple(_SYMBOLS.findall(unquoted)),
        layout=_layout(text),
    )


def _structure(
    lowered: list[str], english: bool
) -> tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...], frozenset[str]]:
    """Content words in order, where relation words sit among them, what each negation
    negates, and what qualifiers narrow."""
    sequence: list[str] = []
    relations: list[int] = []
    negated: list[str] = []
    qualified: set[str] = set()
    pending_negation = 0
    pending_qualifier = False
    for low in lowered:
        if low in NEGATIONS:
            pending_negation += 1
            relations.append(len(sequence))
            continue
        if low in RELATION_WORDS and not (low == "a" and english):
            relations.append(len(sequence))
        if low in _QUALIFIERS:
            pending_qualifier = True
            continue
        if low in STOP_WORDS or low in FILLER or low in RELATION_WORDS or not low.isalpha():
            continue
        s = stem(low)
        sequence.append(s)
        if pending_negation:
            negated.extend([s] * pending_negation)
            pending_negation = 0
        if pending_qualifier:
            qualified.add(s)
            pending_qualifier = False
    if pending_negation:
        negated.extend(["<end>"] * pending_negation)
    return tuple(sequence), tuple(relations), tuple(sorted(negated)), frozenset(qualified)


_ARTICLES = {"an": "a", "the": "a"}
_NON_WORD = re.compile(r"[\W_]+")
# Longer prompts are not searched for swapped spans (the search is cubic in their length).
_SWAP_LIMIT = 60


def _swapped(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """``b`` is ``a`` with two spans swapped around a middle that stays in place:
    "P X M Y S" / "P Y M X S" ("is a square a rectangle" / "is a rectangle a square").
    Moving one phrase ("in rust, how do I…" / "how do I … in rust") is not a swap."""
    if a == b or len(a) != len(b) or len(a) > _SWAP_LIMIT or sorted(a) != sorted(b):
        return False
    start = 0
    while a[start] == b[start]:
        start += 1
    end = len(a)
    while a[end - 1] == b[end - 1]:
        end -= 1
    x, y = a[start:end], b[start:end]
    n = len(x)
    for i in range(1, n - 1):  # the length of the first span of x
        if x[:i] != y[n - i :]:
            continue
        for j in range(1, n - i):  # the length of the last span of x
            if x[n - j :] == y[:j] and x[i : n - j] == y[j : n - i]:
                return True
    return False


def _substituted(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The prompts are the same but for one content word ("a haiku about autumn" / "… about
    spring") or two ("a junior data analyst role" / "a senior data engineer role"). Such
    minimal pairs almost always ask different things; a rewording changes more."""
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differ) == 2:
        return all(not _function_word(x) and not _function_word(y) for x, y in differ)
    if len(differ) != 1:
        return False
    x, y = differ[0]
    if x in RELATION_WORDS and y in RELATION_WORDS:
        return True  # "translate into Italian" / "translate from Italian"
    return not (_function_word(x) and _function_word(y))


def _function_word(word: str) -> bool:
    return word in STOP_WORDS or word in FILLER


# "Where can I get my invoices" and "how do I get my invoices" ask the same.
_INTERCHANGEABLE_KINDS = frozenset({"manner", "place"})


def _asks_otherwise(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both prompts name the kind of answer they want, and the kinds differ: "who wrote" /
    "when was … written", "how do I reverse" / "why does my code reverse"."""
    return bool(a) and bool(b) and not (a ^ b) <= _INTERCHANGEABLE_KINDS


def _first_positions(sequence: tuple[str, ...]) -> dict[str, int]:
    first: dict[str, int] = {}
    for i, word in enumerate(sequence):
        first.setdefault(word, i)
    return first


# Operands further apart than this (in content words) are not taken as related.
_RELATION_SPAN = 3


def _related(f: Features, lo: int, hi: int) -> bool:
    """A relation word between content positions ``lo`` < ``hi``, or stranded after both."""
    if hi - lo > _RELATION_SPAN:
        return False
    end = len(f.sequence)
    return any(lo < r <= hi or (r > hi and r == end) for r in f.relations)


def _relation_conflict(a: Features, b: Features) -> bool:
    """Two content words shared by both prompts swap places, with a relation word between them
    in each prompt: "bytes in a kilobyte" / "kilobytes in a byte"."""
    first_a, first_b = _first_positions(a.sequence), _first_positions(b.sequence)
    shared = [w for w in first_a if w in first_b]
    for i, x in enumerate(shared):
        for y in shared[i + 1 :]:
            ax, ay, bx, by = first_a[x], first_a[y], first_b[x], first_b[y]
            if (ax < ay) == (bx < by):
                continue
            if _related(a, min(ax, ay), max(ax, ay)) and _related(b, min(bx, by), max(bx, by)):
                return True
    return False


def _opposite_words() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for x, y in _OPPOSITES:
        table.setdefault(x, set()).add(y)
        table.setdefault(y, set()).add(x)
    return {k: frozenset(v) for k, v in table.items()}


_OPPOSITE = _opposite_words()


def _negated_form(word: str, vocabulary: frozenset[str]) -> bool:
    """``word`` is another word of ``vocabulary`` with a negating prefix ("unlock", "disable")."""
    for prefix in _NEGATING_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            base = word[len(prefix) :]
            if base in vocabulary or base.lstrip("s") in vocabulary:
                return True
    return False


def _antonym_conflict(a: Features, b: Features) -> bool:
    """One prompt uses a word and the other its opposite (and not the word itself)."""
    only_a = a.vocabulary - b.vocabulary
    only_b = b.vocabulary - a.vocabulary
    for mine, theirs in ((only_a, only_b), (only_b, only_a)):
        for word in mine:
            if not _OPPOSITE.get(word, frozenset()).isdisjoint(theirs):
                return True
            if _negated_form(word, theirs):
                return True
    return False


def _order_conflict(a: Features, b: Features) -> bool:
    """True when two operands shared by both texts appear in opposite orders, with a
    direction marker ("to", "from", "than", "vs", an arrow…) between them in either text."""
    first_a: dict[str, int] = {}
    for key, pos in a.salient:
        first_a.setdefault(key, pos)
    first_b: dict[str, int] = {}
    for key, pos in b.salient:
        first_b.setdefault(key, pos)
    shared = [k for k in first_a if k in first_b]
    if len(shared) < 2:
        return False
    for i, x in enumerate(shared):
        for y in shared[i + 1 :]:
            ax, ay, bx, by = first_a[x], first_a[y], first_b[x], first_b[y]
            if (ax < ay) == (bx < by):
                continue
            lo_a, hi_a = sorted((ax, ay))
            lo_b, hi_b = sorted((bx, by))
            if any(lo_a < m < hi_a for m in a.markers) or any(lo_b < m < hi_b for m in b.markers):
                return True
    return False


def check(
    a: str | Features, b: str | Features, *, disabled: frozenset[str] = frozenset()
) -> str | None:
    """``None`` when ``a`` and ``b`` agree on every enabled guard, else the failing guard's name.

    ``disabled`` names guards to skip (see :data:`GUARD_NAMES`); the default runs them all.
    """
    fa = extract(a) if isinstance(a, str) else a
    fb = extract(b) if isinstance(b, str) else b
    # Features hold numbers, quantities and codes sorted: equal tuples are equal multisets.
    if "numbers" not in disabled and (fa.numbers != fb.numbers or fa.quantities != fb.quantities):
        return "numbers"
    if "units" not in disabled and set(fa.units) != set(fb.units):
        return "units"
    if "dates" not in disabled and set(fa.dates) != set(fb.dates):
        return "dates"
    if "entities" not in disabled and (not fa.entities <= fb.stems or not fb.entities <= fa.stems):
        return "entities"
    if "quoted" not in disabled and _quoted_differ(fa, fb):
        return "quoted"
    if "codes" not in disabled and fa.codes != fb.codes:
        return "codes"
    if "negation" not in disabled and fa.negations != fb.negations:
        return "negation"
    if "direction" not in disabled and _order_conflict(fa, fb):
        return "direction"
    if "content" not in disabled and fa.content != fb.content:
        return "content"
    if "relation" not in disabled and (
        _relation_conflict(fa, fb) or _swapped(fa.skeleton, fb.skeleton)
    ):
        return "relation"
    if "question" not in disabled and _asks_otherwise(fa.asks, fb.asks):
        return "question"
    if "scope" not in disabled and fa.negated != fb.negated:
        return "scope"
    if "antonym" not in disabled and _antonym_conflict(fa, fb):
        return "antonym"
    if "qualifier" not in disabled and (
        not fa.qualified <= fb.vocabulary or not fb.qualified <= fa.vocabulary
    ):
        return "qualifier"
    if "substitution" not in disabled and _substituted(fa.skeleton, fb.skeleton):
        return "substitution"
    if "hidden" not in disabled and fa.hidden != fb.hidden:
        return "hidden"
    if "case" not in disabled and _case_conflict(fa, fb):
        return "case"
    if "symbols" not in disabled and fa.symbols != fb.symbols:
        return "symbols"
    if "layout" not in disabled and (fa.layout or fb.layout) and fa.layout != fb.layout:
        return "layout"
    return None
