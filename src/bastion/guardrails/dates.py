"""Recognizers of dates of birth: a real date after a birth label in seven languages, before a
verb-final "geboren", or right after a person's name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bastion.guardrails import validators as v
from bastion.guardrails.scanning import (
    Match,
    Text,
    Trigger,
    keyed,
    lead_with_first_chars,
)

# --- dates of birth -----------------------------------------------------------------------

_MONTH_NAMES: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier januar enero gennaio januari janeiro jän",
        "february feb février fevrier februar febrero febbraio februari fevereiro",
        "march mar mars märz maerz marzo maart março marco mrt",
        "april apr avril abril aprile",
        "may mai mayo maggio mei maio",
        "june jun juin juni junio giugno junho",
        "july jul juillet juli julio luglio julho",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre settembre setembro",
        "october oct octobre oktober octubre ottobre okt outubro",
        "november nov novembre noviembre novembro",
        "december dec décembre decembre dezember diciembre dicembre dez dezembro",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTH_NAMES[_name] = _number
_MONTH_RE = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))

_DATE = (
    r"(?P<iso>\d{4}(?P<isep>[-/.])\d{1,2}(?P=isep)\d{1,2})"
    r"|(?P<num>\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2}))"
    rf"|(?P<dmy>\d{{1,2}}(?:st|nd|rd|th|er|º|°|o)?\.?[ ](?:of[ ]|de[ ])?(?i:{_MONTH_RE})\.?,?"
    r"[ ](?:de[ ])?\d{4})"
    rf"|(?P<mdy>(?i:{_MONTH_RE})\.?[ ]\d{{1,2}}(?:st|nd|rd|th)?,?[ ]\d{{4}})"
    rf"|(?P<dmon>\d{{1,2}}[-/ ](?i:{_MONTH_RE})\.?[-/ ](?:\d{{4}}|\d{{2}}))"
    # Written as one number, as databases and forms export it: 19850312.
    r"|(?P<compact>(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
)
_DOB = re.compile(
    r"(?i:\b(?:d\.?o\.?b|date[ _]of[ _]birth|birth[ _\-]?date|born(?:[ ](?:on|in))?|birthday"
    r"|geburts[_\-]?datum|fecha[_ ]nac(?:imiento)?|data[_ ]nasc(?:ita|imento)?\.?|date[_ ]naissance"
    r"|n\u00e9e?[ ]le|nee[ ]le|geboren(?:[ ](?:am|op))?|geb\.(?:[ ]?am)?|geburtsdatum"
    r"|geburtstag|date[ ]de[ ]naissance|fecha[ ]de[ ]nacimiento|f\.[ ]?(?:de[ ])?nac\."
    r"|nacid[oa](?:/[ao])?|data[ ]di[ ]nascita|geboortedatum"
    r"|data[ ]de[ ]nascimento"
    r"|nascid[oa](?:/[ao])?|ddn|date[ ]de[ ]naiss\.?|naiss\.|geb\.?-?datum"
    r"|fec(?:ha)?\.[ ]?(?:de[ ])?nac\."
    r"|f\.[ ]?nacimiento|dt\.[ ]?nascita|d\.n\.|geboortedat\.?"
    # "nato a Roma il …", "né à Lyon le …": the place comes between the word and the date.
    # Written in capitals, NATO is an alliance, so only "nato"/"Nato" count.
    r"|(?-i:[Nn]at[oa])(?:/[ao])?|n\u00e9e?"
    # Any other word built on a birth stem: Birthdate, Geburts-Datum, naissance, nacimiento...
    # Verbs: "nació el", "nasci em", "nacque il"; the genealogists' "b." and a form's "DN:".
    r"|naci[\u00f3o]|nac[i\u00ed]|nasc(?:i|eu)|nacqu[ei]|(?<![\w.])b\.(?=[ ]?\d)|dn(?=[ ]?:)"
    # Any other word built on a birth stem: Birthdate, Geburts-Datum, naissance, nacimiento,
    # and in neighbouring languages (data urodzenia, datum rođenja, födelsedatum).
    r"|[a-z\u00e0-\u00ff_\-]{0,12}(?:birth|geburt|naiss|nacim|nascim|nascit|geboort|urodz"
    r"|ro\u0111en|rodjen|narozen|f\u00f6del|f\u00f8dsel|syntym)[a-z\u00e0-\u00ff_\-.]{0,12})"
    r"(?![a-z]))"
    # An ISO date may carry a time ("1985-03-12T00:00:00Z"); any other letter after it does not.
    rf"[^\n\d]{{0,30}}?(?<![\w])({_DATE})(?!(?!T\d{{2}}:)\w|[.\-/]\d)"
)


def _full_year(year: int) -> int:
    return year if year >= 100 else (1900 + year if year > 30 else 2000 + year)


def _parse_date(m: re.Match[str]) -> bool:
    if m.group("iso"):
        y, mo, d = (int(x) for x in re.split(r"[/.\-]", m.group("iso")))
        return v.plausible_date(y, mo, d)
    if m.group("dmon"):
        day, month, year = re.split(r"[-/ ]", m.group("dmon"))
        number = _MONTH_NAMES.get(month.lower().rstrip("."))
        return number is not None and v.plausible_date(_full_year(int(year)), number, int(day))
    if m.group("compact"):
        compact = m.group("compact")
        return v.plausible_date(int(compact[:4]), int(compact[4:6]), int(compact[6:]))
    if m.group("num"):
        a, b, c = (int(x) for x in re.split(r"[/.\-]", m.group("num")))
        year = _full_year(c)
        # Day-first or month-first: either reading makes it a date.
        return v.plausible_date(year, b, a) or v.plausible_date(year, a, b)
    words = re.findall(r"[^\W\d_]+|\d+", m.group("dmy") or m.group("mdy") or "")
    numbers = [int(w) for w in words if w.isdigit()]
    months = [_MONTH_NAMES[w.lower()] for w in words if w.lower() in _MONTH_NAMES]
    if len(numbers) != 2 or not months:
        return False
    day, year = (numbers[0], numbers[1]) if numbers[1] > 31 else (numbers[1], numbers[0])
    return v.plausible_date(year, months[0], day)


# Words near which a date may be a birth date; the scan runs this recognizer only where the first
# characters of one occur (DOB_HINTS).
_DOB_WORDS = (
    "nato",
    "nata",
    "nacid",
    "nascid",
    "geburt",
    "naiss",
    "nacim",
    "nascim",
    "nascit",
    "geboort",
    "dob",
    "d.o.b",
    "d.ob",
    "do.b",
    "date of birth",
    "birth",
    "born",
    "n\u00e9",
    "nee le",
    "geboren",
    "geburtsdatum",
    "date de naissance",
    "fecha de nacimiento",
    "data di nascita",
    "birth_date",
    "date_of_birth",
    "ddn",
    "geb",
    "fec.",
    "f. nac",
    "dt. nascita",
    "d.n.",
    "fecha_nac",
    "data nasc",
    "data_nasc",
    "date_naissance",
    "geburtstag",
    "nac.",
    "nacido",
    "nacida",
    "nato il",
    "nata il",
    "geboortedatum",
    "data de nascimento",
    "nascido",
    "nascida",
    "naci",
    "nac\u00ed",
    "nasci",
    "nasceu",
    "nacqu",
    "b.",
    "dn",
    "urodz",
    "ro\u0111en",
    "rodjen",
    "narozen",
    "f\u00f6del",
    "f\u00f8dsel",
    "syntym",
)
_DOB_TRIGGER = Trigger(*_DOB_WORDS)
DOB_HINTS = _DOB_TRIGGER.prefixes


# The label after the date, as German and Dutch put the verb last: "bin am 5. März 1983
# geboren", "ben op 4 mei 1979 geboren".
_DATE_THEN_BORN = re.compile(
    rf"(?<![\w])({_DATE})(?![\w]|[.\-/]\d)[ ,]{{1,3}}(?i:geboren|born|n\u00e9e?|nacid[oa]|nat[oa]"
    r"|nascid[oa])(?![a-z])"
)
_BORN_AFTER_TRIGGER = Trigger("geboren", "born", "n\u00e9", "nacid", "nato", "nata", "nascid")


# A birthday party, not a birth: "Geburtstagsfeier am 12.03.2024", "birthday party on …".
_CELEBRATION = lead_with_first_chars(
    re.compile(
        r"(?i:birthday|geburtstag|anniversaire|cumplea\u00f1os|compleanno|verjaardag"
        r"|anivers\u00e1rio|aniversario)"
    )
)


def find_dob(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in keyed(text, low, _DOB_TRIGGER, _DOB, digit_within=48, word=str.isalpha):
        if not _parse_date(m):
            continue
        if _CELEBRATION.search(text, m.start(), m.start(1)):
            year = _year_of(m.group(1))
            if year is None or year > _LATEST_BIRTH_YEAR:
                continue
        yield "date_of_birth", m.start(1), m.end(1)
    for hit, _ in _BORN_AFTER_TRIGGER.hits(low):
        before = _DATE_THEN_BORN.search(text, max(0, hit - 40), hit + 8)
        if before is not None and before.end() >= hit and _parse_date(before):
            yield "date_of_birth", before.start(1), before.end(1)


# A full date right after a person's name ("TORRES, Noa (02/11/1966)", "Jane Roe, 1985-03-12,")
# is the person's birth date in rosters, patient lists and forms.
_DATE_AFTER_NAME = re.compile(
    # "Peter Brandt, * 12.03.1980": the asterisk is how German and genealogy write "born".
    r"[ \t]{0,2}(?:[,;(\-\u2013|*][ \t]{0,2}(?:\*[ \t]{0,2})?"
    r"|[ \t](?i:born|geb\.|n\u00e9e?|nat[oa]|nacid[oa]|nascid[oa]|geboren)[ \t]{1,2})"
    r"(?:(?i:le|am|il|el|em|on|op)[ \t])?"
    rf"(?<![\w])({_DATE})(?![\w]|[.\-/]\d)"
)


def dates_after_names(text: str, candidates: list[Match]) -> Iterator[Match]:
    for kind, _, end in candidates:
        if kind != "person":
            continue
        m = _DATE_AFTER_NAME.match(text, end)
        if m is not None and _parse_date(m) and _born_in_living_memory(m.group(1)):
            yield "date_of_birth", m.start(1), m.end(1)


_DATE_ALONE = re.compile(_DATE)


def birth_date_ok(value: str) -> bool:
    """Whether ``value``, standing alone (a cell of a birth-date column), is a date someone
    living could be born on."""
    m = _DATE_ALONE.fullmatch(value)
    return m is not None and _parse_date(m) and _born_in_living_memory(value)


def _born_in_living_memory(date: str) -> bool:
    year = _year_of(date)
    return year is not None and 1900 <= year <= _LATEST_BIRTH_YEAR


def _year_of(date: str) -> int | None:
    numbers = [int(n) for n in re.findall(r"\d+", date)]
    if not numbers:
        return None
    # A year of four digits, or the first four of a compact date (19850312).
    four = [n if n < 10_000 else int(str(n)[:4]) for n in numbers if n >= 1000]
    return four[0] if four else _full_year(numbers[-1])


_LATEST_BIRTH_YEAR = 2020
