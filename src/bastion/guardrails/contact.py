"""Recognizers of contact details: e-mail addresses (plain and written out), phone numbers
(validated by libphonenumber), and US street lines and UK postcodes."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import re_util

from bastion.guardrails import validators as v
from bastion.guardrails.scanning import (
    TRAILING_PUNCT,
    Match,
    Text,
    Trigger,
    alternatives,
    before,
    keyed,
    lead_with_first_chars,
    matches_at,
)

# --- e-mail -------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"[\w%+\-](?<![\w.%+\-].)(?:[\w.%+\-]{0,62}[\w%+\-])?@((?:[\w\-]{1,63}\.){1,8}[^\W\d_]{2,24})(?![\w\-]|\.\w)"
)


def find_email(t: Text) -> Iterator[Match]:
    text = t.text
    for m in _EMAIL.finditer(text):
        labels = m.group(1).split(".")
        if any(label.startswith("-") or label.endswith("-") for label in labels):
            continue
        yield "email", m.start(), m.end()


# Written so that harvesters miss it: "jane(at)example.co.uk", "jane at example dot com",
# "jane [at] example [dot] org". A bare " at " counts only with a spelt-out dot after it, so
# "look at example.com" is not an address.
_AT = r"(?:[ \t]{0,4}(?:\(at\)|\[at\]|\{at\}|<at>)[ \t]{0,4}|[ \t]{1,4}(?:@|at)[ \t]{1,4})"
_DOT = r"(?:\.|[ \t]{0,4}(?:\(dot\)|\[dot\]|\{dot\}|<dot>)[ \t]{0,4}|[ \t]{1,4}dot[ \t]{1,4})"
_EMAIL_OBFUSCATED = re.compile(
    r"(?i)[\w%+\-](?<![\w.%+\-].)(?:[\w.%+\-]{0,62}[\w%+\-])?"
    + _AT
    + r"([\w\-]{1,63}(?:"
    + _DOT
    + r"[\w\-]{1,63}){1,4})(?![\w\-])"
)
_SPELT_DOT = re.compile(r"(?i)\(dot\)|\[dot\]|\{dot\}|<dot>|[ \t]dot[ \t]")


_DOT_SPLIT = re.compile(_DOT, re.IGNORECASE)
_AT_MARKS = Trigger(
    "(at)", "[at]", "{at}", "<at>", " @ ", "\t@\t", " at ", "\tat ", " at\t", "\tat\t"
)


def _in_local_part(ch: str) -> bool:
    return ch.isalnum() or ch in "._%+-"


def find_obfuscated_email(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    end = 0
    # From each written-out "at", back to the start of the word before it, where the pattern
    # is then anchored: it never walks the text.
    for mark_start, mark_end in _AT_MARKS.hits(low):
        at = mark_start
        if at < end:
            continue
        while at > mark_start - 4 and at > 0 and text[at - 1] in " \t":
            at -= 1  # "jane [at] …": the spacing before a bracketed at
        local = at
        while local > 0 and at - local < 64 and _in_local_part(text[local - 1]):
            local -= 1
        if local == at:
            continue
        if low[mark_start:mark_end].strip() == "at":
            # A bare "at" reads as an address only after a handle ("john.smith", "jane99") or
            # before a spelt-out dot: "look at example.com" is not one.
            handle = any(c.isdigit() or c in "._+" for c in text[local:at])
            if not handle and _SPELT_DOT.search(text, mark_end, mark_end + 80) is None:
                continue
        m = _EMAIL_OBFUSCATED.match(text, local)
        if m is None or m.end() <= at:
            continue
        tld = _DOT_SPLIT.split(m.group(1))[-1]
        if tld.isalpha() and 2 <= len(tld) <= 24:
            end = m.end()
            yield "email", m.start(), m.end()


# --- phone numbers ------------------------------------------------------------------------

_EXT = r"(?:[ \t]?(?i:extension|ext\.?|x)[ \t]?\d{1,6})?"
_PHONE_INTL = re.compile(
    r"(?:\+|0(?<![\w+\-/].)0)[1-9][\d \t.()\-]{5,24}\d" + _EXT + r"(?![\w\-]|\.\d)"
)
# The first character is matched before the lookbehind so the engine can skip ahead to
# candidates; the branches then finish "1 (555) ", "1-555-", "(555) " or "555-".
_PHONE_NA = re.compile(
    r"[1(\d](?<![\w+.\-/].)"
    r"(?:(?<=1)[ .\-]?(?:\(\d{3}\)[ .\-]?|\d{3}[ .\-])|(?<=\()\d{3}\)[ .\-]?|(?<=\d)\d{2}[ .\-])"
    r"\d{3}[ .\-]\d{4}" + _EXT + r"(?![\w\-/]|\.\d)"
)
# Phone words in English, German, French, Spanish, Italian, Dutch and Portuguese; the number
# after one may be written in any national format.
# "reachable at": "erreichbar unter", "joignable au", "bereikbaar op", "raggiungibile al".
_REACHABLE_WORDS = ("erreichbar", "joignable", "bereikbaar", "raggiungibile")
_PHONE_WORDS = (
    "tel",
    "phone",
    "mobile",
    "mob",
    "cell",
    "fax",
    "call",
    "ring",
    "contact",
    "reach",
    "whatsapp",
    "telefon",
    "handy",
    "mobil",
    "rufnummer",
    "festnetz",
    "t\u00e9l",
    "portable",
    "num\u00e9ro",
    "numero",
    "n\u00famero",
    "fixe",
    "tel\u00e9fono",
    "m\u00f3vil",
    "movil",
    "celular",
    "cellulare",
    "telefoon",
    "mobiel",
    "gsm",
    "telem\u00f3vel",
    "telemovel",
    "contacto",
    "contatto",
    "number",
    "nummer",
    "anrufen",
    "erreichen",
    *_REACHABLE_WORDS,
    "appeler",
    "appelez",
    "appelle",
    "joindre",
    "llame",
    "llamar",
    "ll\u00e1mame",
    "localizar",
    "chiami",
    "chiamare",
    "chiamami",
    "bel",
    "bellen",
    "ligue",
    "ligar",
    "liga-me",
    "cel",
    "text",
    "sms",
)
_PHONE_NATIONAL = re.compile(
    r"(?i:\b(?:" + alternatives(_PHONE_WORDS) + r")[a-z\u00e0-\u00ff]{0,8})"
    r"[^\d\n+]{0,25}?(?<![\w+\-/.])(\(?\d[\d \-./()]{5,20}\d)" + _EXT + r"(?![\w\-]|\.\d)"
)
_PHONE_TRIGGER = Trigger(*_PHONE_WORDS)
_PHONE_CONTEXT = lead_with_first_chars(re.compile(r"(?i:" + alternatives(_PHONE_WORDS) + ")"))
# A whole group of digits standing alone: not a piece of a longer run of groups (tracking
# numbers, rows of figures) on either side.
_PHONE_LOOSE = re.compile(
    r"[(\d](?<![\w+\-/.].)(?<!\d[ \-./].)(?:(?<=\()\d{1,4}\)[ ]?\d|(?<=\d))[\d \-./]{5,16}\d"
    r"(?![\w\-/]|[ \-./]?\d)"
)
# Words that make a text one about phones (then a number standing alone may be one): as words
# ("Tel.", "cell", "GSM", "Handynummer"), and the telephone's name inside compounds
# ("Diensttelefon", "teléfono"); not "tel" in "Bestellnummer" or "Hotel", nor "cell" in
# "excellent", nor "phone" in "microphone".
# Also the mobile's name in Spanish, Portuguese, Italian and Dutch ("celular", "móvil",
# "cellulare", "mobiel"), and being reachable or called at a number ("erreichbar unter",
# "call me at", "bel me op", "llámame al").
_PHONE_DOCUMENT = re.compile(
    r"t[e\u00e9]l[e\u00e9](?:f|ph)|telf\b"
    r"|(?<![^\W\d_])(?:t[e\u00e9]l|phone|smartphone|iphone|mobil|handy|portable|cell|gsm"
    r"|celular|m[o\u00f3]vil\b|mobiel|telem[o\u00f3]vel|call[ ]me|bel[ ]me|ll[a\u00e1]mame"
    r"|ligue-me|chiamami|" + "|".join(_REACHABLE_WORDS) + ")"
)
_PHONE_DOCUMENT_HINTS = (
    *("tel", "t\u00e9l", "phone", "mobil", "handy", "portable", "cell", "gsm", "celular"),
    *("m\u00f3vil", "movil", "mobiel", "call me", "bel me", "mame", "ligue-me", "chiamami"),
    *_REACHABLE_WORDS,
)
PHONE_DOCUMENT_WORD = "tel"  # what a stream carries forward to say so


def speaks_of_phones(low: str) -> bool:
    # Most texts hold none of the letters at all: a few substring tests before the search.
    return any(hint in low for hint in _PHONE_DOCUMENT_HINTS) and (
        _PHONE_DOCUMENT.search(low) is not None
    )


_LOOSE_PHONES_MAX = 12
# Where a number without a country code may be from: regions whose national numbers start with
# a trunk 0, and those whose numbers do not (Italian numbers keep their 0, so it is in both).
_TRUNK_REGIONS = ("DE", "FR", "GB", "NL", "IT", "AT", "CH", "BE", "IE", "AU", "BR", "SE", "FI")
_PLAIN_REGIONS = ("US", "ES", "IT", "PT", "BR", "MX", "DK", "NO", "PL", "IN")
_TRUNK_CODES = tuple(phonenumbers.country_code_for_region(region) for region in _TRUNK_REGIONS)
_PLAIN_CODES = tuple(phonenumbers.country_code_for_region(region) for region in _PLAIN_REGIONS)
_ITALY = phonenumbers.country_code_for_region("IT")

# libphonenumber compiles a region's patterns when a number first needs them and leaves them to
# the re module's cache of 512, which its ~1,400 patterns and the rest of the process can
# overflow: then a validation compiles again (0.1-0.6 ms a pattern). Kept for good instead.
re_util.enable_pattern_cache()
# What a validation reads of a region: the number types is_valid_number tries, and the
# leading digits that pick a region among those sharing a country code.
_VALIDATION_DESCS = (
    *("general_desc", "premium_rate", "toll_free", "shared_cost", "voip", "personal_number"),
    *("pager", "uan", "voicemail", "fixed_line", "mobile"),
)


def compile_phone_patterns() -> None:
    """Compile now the patterns that validating a number without a country code reads: every
    such number is tried in the regions of all the codes above, so a first scan would
    otherwise compile a few hundred of them (10-20 ms) while a request waits. Numbers with a
    country code from elsewhere compile their region's on first use."""
    for code in {1, *_TRUNK_CODES, *_PLAIN_CODES}:
        _general_descs(code)
        for region in phonenumbers.region_codes_for_country_code(code):
            metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
            if metadata is None:
                continue
            if metadata.leading_digits:
                re_util.re_compile(metadata.leading_digits)
            for name in _VALIDATION_DESCS:
                desc = getattr(metadata, name)
                if desc is not None and desc.national_number_pattern:
                    re_util.re_compile(desc.national_number_pattern)


# Words start where no letter precedes: "Teléfono:" ends in "no" but is no "No.".
_PHONE_NEGATIVE_CONTEXT = lead_with_first_chars(
    re.compile(
        r"(?:(?<![^\W\d_])(?i:order|invoice|tracking|sku|ref\b|reference|r[ée]f[ée]rence|refer[eê]ncia"
        r"|serial|part"
        r"|p/n|pn\b|model|isbn|ticket|case|account|acct|artikel|art\.|bestell|auftrag|rechnung"
        r"|commande|facture|pedido|factura|ordine|fattura|bestelling|factuur|encomenda"
        # "No.", "Nr.", "N°" number anything but a phone: "Tel.-Nr.", "Fax-Nr.", "Handy-Nr.".
        r"|(?<!tel[.\- ])(?<!tel\.[\- ])(?<!fon[\- ])(?<!fax[.\- ])(?<!fax\.[\- ])(?<!ndy[\- ])"
        r"(?<!bil[\- ])(?:no\.|nr\.|n[°ºo]|n\.o)|id\b"
        # Compounds and their verbs: "Bestellnummer", "het factuurnummer is", "o protocolo é".
        r"|(?:bestell|factuur|rechnung|auftrag|kunden|klant|order|invoice|claim|dossier|polis"
        r"|facture|factura|fattura|fatura|commande|pedido|ordine|encomenda"
        r"|protocol|referentie|kenmerk|sendung|tracking|refer[eê]ncia|personalnummer"
        r"|personeelsnummer|tracciamento|rastreio|seguimiento|suivi|vorgang"
        # Account words stand alone: "conta" begins "contact", "konto" begins nothing else.
        r"|(?:konto|conto|conta|cuenta|rekening|request|anfrage)(?![a-z]))[\w\-]{0,12}"
        r"(?:[ \t]{1,2}(?:number|nummer|numero|n\u00famero|num\u00e9ro|no|nr|n[°ºo])\.?"
        r"|[ \t]{1,2}[A-Z]{1,4})?"
        r"(?:[ \t]{1,2}(?:do|da|de|del|du|van|of)[ \t]{1,2}[^\W\d_]{1,14})?"
        # "is" in seven languages ("meine Bestellnummer lautet …", "mon numéro de commande est
        # le …"); a JSON or YAML key's quotes and colon ('"bestelnummer": "…').
        r"(?:[ \t]{1,2}(?:is|ist|lautet|luidt|est|es|\u00e9|\u00e8|was|war)"
        r"(?:[ \t]{1,2}(?:le|la|el|o|a))?)?)|#)[^\n\w]{0,4}$"
    )
)


# "Number" alone is a phone word ("my number is 0612…"), but not when it is the number of
# something else: a claim, a company register, a document, a policy, a customer account.
_GENERIC_NUMBER_WORDS = ("number", "nummer", "numero", "n\u00famero", "num\u00e9ro")
_OTHER_NUMBERS = (
    r"claim|kvk|document|ein|id|dossier|polic[ye]|polis|member|customer|kunden"
    r"|klant|client[e]?|account|konto|case|ticket|registration|vat|btw|tax|steuer|licen[cs]e"
    r"|passport|record|patient|card|contract|vertrag|contrato|contratto|contrat|employee"
    r"|personal|personeel|personeels|mitarbeiter|booking|reservation|buchung|reserva|boeking"
    r"|confirmation|protocol[o]?|serie|lot|batch|tracking|order|invoice|shipment|versand"
    r"|sendung|rechnung|factuur|facture|fatura|factura|fattura|bestel|pedido|ordine"
    r"|commande|encomenda|identification|social[ ]security|insurance|versicherungs|suivi"
    r"|seguimiento|rastreio|spedizione"
)
# "order number", "Kundennummer": the thing numbered comes before the number word ...
_NUMBER_OF_OTHER = lead_with_first_chars(
    re.compile(
        r"(?<![^\W\d_])(?i:" + _OTHER_NUMBERS + r")"
        r"[\w\-]{0,12}[ \t\-]{0,2}(?:de[ ]|du[ ]|do[ ]|da[ ]|del[ ]|di[ ]|van[ ]|of[ ])?$"
    )
)
# ... or after it: "numéro de commande", "número_de_pedido", "numero di spedizione" (matched
# from the number word's start).
_OTHER_AFTER_NUMBER_WORD = re.compile(
    r"[^\W\d_]*[ \t_\-]{1,2}(?i:de|du|do|da|del|di|van|of|d['\u2019]|d(?=_))[ \t_\-]{0,2}"
    r"(?:(?i:la|le|el|o|a)[ \t_]{1,2})?(?i:" + _OTHER_NUMBERS + r")"
)


# A number in a sum ("0735079671 mod 97", "12 * 0176...") is an operand, not a phone.
_ARITHMETIC_AFTER = re.compile("[ \t]{0,2}(?:mod\\b|[\u00d7*+=^\u00f7%])")
_ARITHMETIC_BEFORE = re.compile("[\u00d7*+=^\u00f7][ \t]{0,2}$")


def _in_arithmetic(text: str, start: int, end: int) -> bool:
    return (
        _ARITHMETIC_AFTER.match(text, end) is not None
        or _ARITHMETIC_BEFORE.search(text, max(0, start - 4), start) is not None
    )


def _phone_shape_ok(candidate: str, *, international: bool) -> bool:
    core = candidate
    # Drop an extension before counting digits.
    ext = re.search(r"(?i)[ \t]?(?:extension|ext\.?|x)[ \t]?\d{1,6}$", core)
    if ext:
        core = core[: ext.start()]
    if core.count("(") != core.count(")") or core.count("(") > 1:
        return False
    if re.search(r"[ .\-]{2,}|\.\s|\s\.", core):
        return False
    digits = v.digits_only(core)
    if international:
        if core.startswith("00"):
            digits = digits[2:]
        if not 8 <= len(digits) <= 15:
            return False
        # Groups of 5+ digits after the country code are product codes, not dialling plans
        # (except the subscriber part of some national plans, up to 8).
        groups = re.findall(r"\d+", core)
        return all(len(g) <= 8 for g in groups[1:])
    return 9 <= len(digits) <= 13


@functools.lru_cache(maxsize=4096)
def _valid_in_some_region(candidate: str) -> bool:
    """Whether libphonenumber takes ``candidate`` as a valid national number of one of the
    regions whose numbers look like it.

    The number is built for each region directly (its country code, the national digits
    without a trunk 0, Italy keeping its leading 0) rather than parsed once per region:
    a third of the cost, the same verdict.
    """
    digits = v.digits_only(candidate)
    if not 6 <= len(digits) <= 15:
        return False
    if digits[0] == "0":
        for code in _TRUNK_CODES:
            national = digits if code == _ITALY else digits[1:]
            if national and _valid(code, national):
                return True
        return False
    if len(digits) == 11 and digits[0] == "1" and _valid(1, digits[1:]):
        return True
    return any(_valid(code, digits) for code in _PLAIN_CODES)


def _valid(country_code: int, national: str) -> bool:
    return _shaped(country_code, national) and _library_valid(country_code, national)


def _library_valid(country_code: int, national: str) -> bool:
    """libphonenumber's verdict on ``national`` as a number of ``country_code``."""
    number = phonenumbers.PhoneNumber(
        country_code=country_code,
        national_number=int(national),
        italian_leading_zero=national.startswith("0") or None,
        number_of_leading_zeros=(len(national) - len(national.lstrip("0"))) or None,
    )
    return bool(phonenumbers.is_valid_number(number))


def _shaped(country_code: int, national: str) -> bool:
    """Whether ``national`` has the length and shape of some number of one of the regions
    that dial ``country_code``: the first thing libphonenumber's validation checks (so its
    verdict is the same), at a fraction of its cost: most candidates fail it, and a full
    validation tried them in every region of the list (up to 13, about 8 µs each)."""
    for lengths, pattern in _general_descs(country_code):
        if (not lengths or len(national) in lengths) and pattern.fullmatch(national):
            return True
    return False


@functools.cache  # the metadata of a code's regions is loaded when a number needs it
def _general_descs(country_code: int) -> tuple[tuple[frozenset[int], re.Pattern[str]], ...]:
    descs = []
    for region in phonenumbers.region_codes_for_country_code(country_code):
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        general = metadata.general_desc if metadata is not None else None
        if general is None:
            continue
        pattern = re.compile(general.national_number_pattern or "")
        descs.append((frozenset(general.possible_length or ()), pattern))
    return tuple(descs)


@functools.lru_cache(maxsize=4096)
def _valid_international(candidate: str) -> bool:
    try:
        number = phonenumbers.parse(
            "+" + candidate[2:] if candidate.startswith("00") else candidate
        )
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def _strip_extension(candidate: str) -> str:
    ext = re.search(r"(?i)[ \t]?(?:extension|ext\.?|x)[ \t]?\d{1,6}$", candidate)
    return candidate[: ext.start()] if ext else candidate


def _nanp_ok(digits: str) -> bool:
    national = digits[1:] if len(digits) == 11 and digits[0] == "1" else digits
    return len(national) == 10 and national[0] not in "01" and national[3] not in "01"


def phone_ok(value: str) -> bool:
    """Whether a number standing alone (a table cell under a phone header) is one that
    libphonenumber takes as valid, in international or some region's national format."""
    core = _strip_extension(value)
    digits = v.digits_only(core)
    if not digits:
        return False
    if core.startswith(("+", "00")):
        return _valid_international(core)
    return (digits[0] != "0" and _nanp_ok(digits)) or _valid_in_some_region(core)


def find_phone(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    for m in matches_at(_PHONE_INTL, text, t.with_chars(t.digit_word_starts(), "+")):
        # "00" as an international prefix is common in Europe but so are digit groups that
        # start with 00 (inside account numbers): it needs a phone word nearby.
        if m.group().startswith("00") and not before(text, m.start(), _PHONE_CONTEXT, 30):
            continue
        # A number valid in its country's plan, or one with a phone's shape that no part,
        # order or reference word claims.
        if before(text, m.start(), _PHONE_NEGATIVE_CONTEXT, 40):
            continue
        if _valid_international(_strip_extension(m.group())) or _phone_shape_ok(
            m.group(), international=True
        ):
            yield "phone", m.start(), m.end()
    for m in matches_at(_PHONE_NA, text, t.with_chars(t.digit_word_starts(), "(")):
        candidate = m.group()
        digits = v.digits_only(candidate.split("x")[0].split("X")[0].split("e")[0])
        national = digits[1:] if len(digits) == 11 and digits[0] == "1" else digits
        if len(national) != 10 or national[0] in "01" or national[3] in "01":
            continue
        if before(text, m.start(), _PHONE_NEGATIVE_CONTEXT, 20):
            continue
        # "250 500 1000" is as likely a list of numbers as a phone number: separated by
        # spaces alone, it needs a phone word nearby.
        spaced_only = not any(c in candidate for c in "()-.")
        if spaced_only and not before(text, m.start(), _PHONE_CONTEXT, 40):
            continue
        if _phone_shape_ok(candidate, international=False):
            yield "phone", m.start(), m.end()
    for m in keyed(text, low, _PHONE_TRIGGER, _PHONE_NATIONAL, digit_within=48):
        if low.startswith(_GENERIC_NUMBER_WORDS, m.start()) and (
            _NUMBER_OF_OTHER.search(text, max(0, m.start() - 32), m.start()) is not None
            or _OTHER_AFTER_NUMBER_WORD.match(text, m.start()) is not None
        ):
            continue
        candidate = text[m.start(1) : m.end()]
        core = _strip_extension(candidate)
        digits = v.digits_only(core)
        if not 7 <= len(digits) <= 13 or core.count("(") != core.count(")"):
            continue
        if (
            (digits[0] != "0" and _nanp_ok(digits))
            or _valid_in_some_region(core)
            or (digits[0] == "0" and _phone_shape_ok(candidate, international=False))
        ):
            yield "phone", m.start(1), m.end()
    # Numbers standing alone (a CSV column, a signature line): written with a trunk prefix or
    # an area code in brackets, or anywhere in a text that speaks of phones, they count when
    # libphonenumber takes them as valid; a bounded number of them, each costing a parse.
    about_phones = speaks_of_phones(low)
    tried = 0
    for m in matches_at(_PHONE_LOOSE, text, t.with_chars(t.digit_word_starts(), "(")):
        candidate = m.group()
        digits = v.digits_only(candidate)
        if not 9 <= len(digits) <= 12:
            continue
        trunk = candidate[0] == "(" or (
            digits[0] == "0" and digits[1] != "0" and (len(digits) <= 11 or not candidate.isdigit())
        )
        # A contact line: an e-mail address close by ("Name | 919 027 234 | name@example.pt").
        contact = "@" in text[max(0, m.start() - 80) : m.end() + 80]
        if not (trunk or about_phones or contact):
            continue
        if before(text, m.start(), _PHONE_NEGATIVE_CONTEXT, 40) or _in_arithmetic(
            text, m.start(), m.end()
        ):
            continue
        tried += 1
        if tried > _LOOSE_PHONES_MAX:
            break
        if _valid_in_some_region(candidate):
            yield "phone", m.start(), m.end()


# --- postal addresses ---------------------------------------------------------------------

_UK_POSTCODE = r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)[ ]\d[ABD-HJLNP-UW-Z]{2}"
_STREET_SUFFIX = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way"
    r"|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Trl|Close|Crescent|Gardens"
)
_US_ADDRESS = re.compile(
    r"\d(?<![\w\-.,/].)\d{0,5}[ ](?:[NSEW]\.?[ ]|(?:North|South|East|West)[ ])?"
    r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)(?:[ ][A-Z][a-z]+){0,3}"
    rf"[ ](?:{_STREET_SUFFIX})\b\.?(?:[ ](?:NE|NW|SE|SW|N|S|E|W)\b)?"
    r"(?:,?[ ](?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|\#)\.?[ ]?[A-Za-z0-9\-]{1,6}\b)?"
    r"(?:,[ ](?:[A-Z][a-z]+[ ]){0,2}[A-Z][a-z]+"
    rf"(?:,?[ ][A-Z]{{2}}(?:[ ]\d{{5}}(?:-\d{{4}})?)?(?![\w])|,?[ ]{_UK_POSTCODE}(?![\w])))?"
)
_UK_POSTCODE_RE = re.compile(rf"(?=[A-Z])(?<![\w\-])({_UK_POSTCODE})(?![\w\-])")
_STORAGE_UNITS = ("GB", "TB")


def find_address(t: Text) -> Iterator[Match]:
    text = t.text
    for m in matches_at(_US_ADDRESS, text, t.digit_word_starts()):
        end = m.end()
        while end > m.start() and text[end - 1] in TRAILING_PUNCT:
            end -= 1
        yield "postal_address", m.start(), end
    for m in matches_at(_UK_POSTCODE_RE, text, t.upper_starts()):
        if m.group(1)[-2:] in _STORAGE_UNITS:
            continue
        yield "postal_address", m.start(1), m.end(1)
