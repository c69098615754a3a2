"""On-premises detection of PII, PHI and secrets in text: the kinds, and the scan that runs
every recognizer.

`scan(text)` folds the text (`normalize.py`), runs the recognizers of each topic module
(`contact`, `identifiers`, `network`, `dates`, `credentials`, `tables` for values under a column
or field name, plus `names` and `addresses`) and
returns typed, non-overlapping findings sorted by offset, reported where the client wrote them.
Each pattern recognizer proposes candidates with a precompiled regular expression and rejects
look-alikes with a validator (checksum, issuer range, calendar, numbering plan, context).
Recognizers whose trigger substrings are absent from the text are skipped, so a prompt without
an "@" never runs the e-mail pattern, and a prompt without a digit never runs the numeric ones.

Every pattern is written to run in linear time: runs are bounded, and each pattern that
starts with a character class refuses to start inside a run of that class (a negative
lookbehind), so a megabyte of one character is read once, not once per position.

For streams, `growing_from` says where a value may still be growing at the end of a text,
`token_end` where a token ends, and `document_keywords` which words change how the rest of a
document is read. Other person-name recognizers (an NER model) can be added with
`register_name_recognizer`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import Protocol, runtime_checkable

from bastion.config.sensitive import KINDS
from bastion.guardrails import provider_secrets
from bastion.guardrails.addresses import scan_addresses
from bastion.guardrails.checksummed import CONTEXT_WORDS, find_checksummed, language_words
from bastion.guardrails.contact import (
    PHONE_DOCUMENT_WORD,
    compile_phone_patterns,
    find_address,
    find_email,
    find_obfuscated_email,
    find_phone,
    speaks_of_phones,
)
from bastion.guardrails.credentials import (
    CLI_PASSWORD_HINTS,
    PROSE_PASSWORD_HINTS,
    find_cli_password,
    find_credentials,
    find_keyed_secrets,
    find_other_provider_keys,
    find_private_key,
    find_prose_password,
    find_provider_keys,
)
from bastion.guardrails.dates import DOB_HINTS, dates_after_names, find_dob
from bastion.guardrails.findings import Finding
from bastion.guardrails.health import KIND as HEALTH_KIND
from bastion.guardrails.health import document_words as health_document_words
from bastion.guardrails.health import find_health_data
from bastion.guardrails.id_labels import HINTS as ID_LABEL_HINTS
from bastion.guardrails.id_labels import find_labelled_ids
from bastion.guardrails.identifiers import (
    NAMED_ID_HINTS,
    NATIONAL_TRIGGERS,
    STEUER_DOCUMENT_WORDS,
    STEUER_TRIGGER,
    find_card,
    find_context_ids,
    find_iban,
    find_licence_and_national,
    find_named_ids,
    find_national_ids,
    find_passport,
    find_ssn,
    find_steuer_id,
    starts_word,
)
from bastion.guardrails.names import scan_names
from bastion.guardrails.network import find_ipv4, find_ipv6
from bastion.guardrails.normalize import normalize
from bastion.guardrails.scanning import (
    ASCII_DIGITS,
    DIGIT,
    Hints,
    Match,
    Text,
    fold,
    forget_text,
    is_word,
)
from bastion.guardrails.tables import (
    MAX_ROW,
    TABLE_KINDS,
    find_named_fields,
    find_table_cells,
    find_xml_fields,
    header_lines,
    is_header,
    sickness_words,
)

__all__ = [
    "KINDS",
    "NameRecognizer",
    "document_keywords",
    "growing_from",
    "register_name_recognizer",
    "row_reach",
    "scan",
    "token_end",
]

# On equal length, the more specific kind wins an overlap (a JWT sent as a bearer token is a
# JWT; a provider key in a password assignment is that provider's key).
_RANK: dict[str, int] = {
    "private_key": 100,
    "aws_access_key": 95,
    "github_token": 95,
    "slack_token": 95,
    "stripe_key": 95,
    "google_api_key": 95,
    "anthropic_key": 95,
    "openai_key": 94,
    "azure_key": 94,
    "api_key": 65,
    "jwt": 93,
    "aws_secret_key": 92,
    "connection_string": 90,
    "iban": 85,
    "credit_card": 85,
    "it_codice_fiscale": 84,
    "fr_nir": 84,
    "es_dni": 84,
    "es_nie": 84,
    "de_steuer_id": 84,
    "br_cpf": 84,
    "at_svnr": 84,
    "ch_ahv": 84,
    "be_national_number": 84,
    "ie_pps": 84,
    "mx_curp": 84,
    "nl_bsn": 82,
    "pt_nif": 82,
    "us_ssn": 83,
    "uk_nino": 80,
    "medical_record_number": 75,
    "passport": 75,
    # Found only right after a licence word, so on an equal span it says more than a record
    # label ("número de registro da CNH"); a Spanish licence number is its holder's DNI, and
    # stays one.
    "driver_license": 76,
    "date_of_birth": 75,
    "bearer_token": 70,
    "password": 60,
    "email": 55,
    "ip_address": 50,
    "phone": 45,
    "postal_address": 40,
    "health_data": 30,
    "person": 10,
}


# --- optional name recognition ------------------------------------------------------------


@runtime_checkable
class NameRecognizer(Protocol):
    """A statistical recognizer of person names (an NER model), plugged in where installed."""

    def scan_names(self, text: str) -> list[Finding]: ...


_name_recognizers: list[NameRecognizer] = []


def register_name_recognizer(recognizer: NameRecognizer | None) -> None:
    """Use `recognizer` for kind "person" from now on (None removes all registered ones)."""
    if recognizer is None:
        _name_recognizers.clear()
    else:
        _name_recognizers.append(recognizer)


# --- the scan -----------------------------------------------------------------------------


class _Recognizer:
    __slots__ = ("digits", "find", "hints", "kinds")

    def __init__(
        self,
        kinds: frozenset[str],
        hints: tuple[str, ...],  # lower-case substrings, one of which must occur; () = no need
        find: Callable[[Text], Iterator[Match]],
        *,
        digits: bool = False,  # its values contain a digit: skipped for texts without one
    ) -> None:
        self.kinds = kinds
        self.hints = Hints(*hints)
        self.find = find
        self.digits = digits


_SECRET_KINDS = frozenset(
    {
        "aws_access_key",
        "aws_secret_key",
        "github_token",
        "slack_token",
        "stripe_key",
        "google_api_key",
        "openai_key",
        "anthropic_key",
        "jwt",
        "bearer_token",
    }
)

_RECOGNIZERS: tuple[_Recognizer, ...] = (
    _Recognizer(frozenset({"email"}), ("@",), find_email),
    _Recognizer(
        frozenset({"email"}),
        ("(at)", "[at]", "{at}", "<at>", " @ ", " dot ", "(dot)", "[dot]", " at ", "\tat"),
        find_obfuscated_email,
    ),
    _Recognizer(frozenset({"phone"}), (), find_phone, digits=True),
    _Recognizer(frozenset({"credit_card"}), (), find_card, digits=True),
    _Recognizer(frozenset({"iban"}), (), find_iban, digits=True),
    _Recognizer(frozenset({"us_ssn"}), (), find_ssn, digits=True),
    _Recognizer(
        frozenset({"uk_nino", "fr_nir", "es_dni", "es_nie", "it_codice_fiscale"}),
        (),
        find_national_ids,
        digits=True,
    ),
    _Recognizer(
        frozenset({"de_steuer_id"}),
        (*STEUER_TRIGGER.words, *STEUER_DOCUMENT_WORDS),
        find_steuer_id,
        digits=True,
    ),
    _Recognizer(frozenset({"ip_address"}), (".",), find_ipv4, digits=True),
    # An IPv6 address may be hex letters only ("fe::ab"), but never lacks a colon.
    _Recognizer(frozenset({"ip_address"}), (":",), find_ipv6),
    _Recognizer(frozenset({"date_of_birth"}), DOB_HINTS, find_dob, digits=True),
    _Recognizer(frozenset({"postal_address"}), (), find_address, digits=True),
    _Recognizer(
        frozenset({"passport"}),
        (
            *("pass", "pasa", "pasp", "pasz", "pasu", "ausweis", "cestovn", "ppt", "travel doc"),
            *("reisedok", "reisdoc", "de voyage", "de viaje", "di viaggio", "de viagem"),
        ),
        find_passport,
    ),
    _Recognizer(
        frozenset({"medical_record_number", "driver_license"}),
        (),
        find_context_ids,
        digits=True,
    ),
    _Recognizer(
        frozenset(
            {
                "driver_license",
                "us_ssn",
                "nl_bsn",
                "pt_nif",
                "br_cpf",
                "at_svnr",
                "ch_ahv",
                "be_national_number",
                "ie_pps",
                "mx_curp",
            }
        ),
        (),
        find_licence_and_national,
        digits=True,
    ),
    _Recognizer(
        frozenset({"us_ssn", "br_cpf", "de_steuer_id", "nl_bsn", "pt_nif"}),
        NAMED_ID_HINTS,
        find_named_ids,
        digits=True,
    ),
    _Recognizer(
        frozenset({"de_steuer_id", "br_cpf", "nl_bsn", "pt_nif"}),
        ID_LABEL_HINTS,
        find_labelled_ids,
        digits=True,
    ),
    _Recognizer(
        frozenset({"de_steuer_id", "br_cpf", "nl_bsn", "pt_nif"}),
        (),
        find_checksummed,
        digits=True,
    ),
    _Recognizer(TABLE_KINDS, (",", ";", "\t", "|"), find_table_cells),
    _Recognizer(TABLE_KINDS, (":", "="), find_named_fields),
    _Recognizer(TABLE_KINDS, ("</",), find_xml_fields),
    _Recognizer(_SECRET_KINDS, (), find_provider_keys),
    _Recognizer(provider_secrets.KINDS, (), find_other_provider_keys),
    _Recognizer(
        frozenset({"azure_key", "bearer_token", "api_key"}), ("key", "token"), find_keyed_secrets
    ),
    _Recognizer(frozenset({"private_key"}), ("private key",), find_private_key),
    _Recognizer(
        frozenset({"connection_string", "password"}),
        ("://", "jdbc:", "pass", "pwd", "secret", "accountkey=", "sharedaccesskey="),
        find_credentials,
    ),
    _Recognizer(frozenset({"password"}), PROSE_PASSWORD_HINTS, find_prose_password),
    _Recognizer(frozenset({"password"}), CLI_PASSWORD_HINTS, find_cli_password),
    _Recognizer(frozenset({HEALTH_KIND}), (), find_health_data),
)


def _resolve(candidates: list[Match]) -> list[Finding]:
    """Keep the longest (then most specific) of overlapping candidates; sort by start."""
    ordered = sorted(candidates, key=lambda c: (c[1] - c[2], -_RANK.get(c[0], 0), c[1]))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Match] = []
    for kind, start, end in ordered:
        if end <= start:
            continue
        i = bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.insert(i, (kind, start, end))
    return [Finding(kind, KINDS.get(kind, "pii"), start, end) for kind, start, end in kept]


# --- values still being written (streams) -------------------------------------------------


def document_keywords(text: str) -> frozenset[str]:
    """The words in ``text`` that change how the rest of a document is read: an identifier's
    name (then its numbers count anywhere, "NIF", "Steuer-ID"; after "IBAN" a lower-case one
    may be grouped), a word about phones (then a number standing alone may be one), or a table
    header naming a sensitive column (then the cells under it are read as such). A stream
    carries them forward, one per line, since a scan of its newest text no longer sees where
    they were written."""
    low = fold(text)
    found = {word for word in STEUER_DOCUMENT_WORDS if word in low}
    if "iban" in low:
        found.add("iban")  # a lower-case IBAN may then be grouped
    if speaks_of_phones(low):
        found.add(PHONE_DOCUMENT_WORD)
    found.update(word for word in CONTEXT_WORDS if word in low)
    found.update(language_words(low))
    found.update(header_lines(text))
    found.update(sickness_words(low))
    found.update(health_document_words(low))
    for trigger in (*NATIONAL_TRIGGERS.values(), STEUER_TRIGGER):
        found.update(low[start:end] for start, end in trigger.hits(low) if starts_word(low, start))
    forget_text()
    return frozenset(found)


def row_reach(words: frozenset[str]) -> int:
    """How far back a stream's scan must see to read the current line whole (0: no need).
    Once ``words`` hold a table header, cells are told apart by their place in the row, so a
    row must be scanned from its start."""
    return MAX_ROW if any(is_header(word) for word in words) else 0


_PEM_BEGIN, _PEM_END = "-----BEGIN", "-----END"
# Values that take in whitespace and can be longer than a stream's hold-back, still open at the
# end of the text: an ODBC-style assignment list, a quoted password, a bearer token's header.
_OPEN_AT_END = re.compile(
    r"(?i:\b(?:server|data[ ]source|host|driver|provider|dsn|address)[ \t]*=[^\n\"']*\Z"
    r"|(?:password|passwd|passphrase|secret|pwd)[\w.\-]{0,20}[\"']?[ \t]*[:=][ \t]*"
    r"[\"'][^\n\"']*\Z"
    r"|\bbearer[ \t]*\Z)"
)
_OPEN_WINDOW = 1024
# No token-like value (key, JWT, e-mail, URL) contains one of these, so each ends a token; JSON
# punctuation among them lets compact tool call arguments flow between values.
_TOKEN_ENDS = (" ", "\n", "\t", "\r", '"', "'", ",", "<", ">", "(", ")", "[", "]", "{", "}")


def token_end(text: str) -> int:
    """Where the first token in ``text`` ends (the offset of a character no token-like value
    contains), or -1 if it does not end there."""
    ends = [at for at in (text.find(ch) for ch in _TOKEN_ENDS) if at >= 0]
    return min(ends) if ends else -1


def growing_from(text: str) -> int | None:
    """Where, near the end of ``text``, a value that may still be growing starts (None: none).

    A stream must not release text from there until more arrives: a token without whitespace
    or quotes (keys, JWTs, e-mail addresses, URLs with credentials) is held whole however long
    it gets;
    a private key from its BEGIN line to its END line; an assignment list or quoted password
    still open. Values with spaces that are shorter than the hold-back need nothing here.
    """
    candidates: list[int] = []
    token_start = max(text.rfind(ch) for ch in _TOKEN_ENDS) + 1
    if token_start < len(text):
        candidates.append(token_start)
    begin = text.rfind(_PEM_BEGIN)
    if begin != -1:
        end = text.find(_PEM_END, begin)
        if end == -1 or text.find("-----", end + len(_PEM_END)) == -1:
            candidates.append(begin)
    window = max(0, len(text) - _OPEN_WINDOW)
    opened = _OPEN_AT_END.search(text, window)
    if opened is not None:
        candidates.append(opened.start())
    return min(candidates) if candidates else None


def scan(text: str, kinds: frozenset[str] | None = None) -> list[Finding]:
    """Find PII, PHI and secrets in `text`: sorted by start, non-overlapping.

    `kinds` limits the scan to those kinds (None: all of KINDS); an unknown kind is an error,
    so a misspelt policy does not silently scan for nothing.
    """
    if kinds is not None:
        unknown = kinds - KINDS.keys()
        if unknown:
            raise ValueError(f"unknown PII kinds: {', '.join(sorted(unknown))}")
    if not text:
        return []
    folded = normalize(text)
    try:
        if folded is None:
            return _scan(text, kinds)
        # Found in the folded text, reported (and so masked) where the client wrote them.
        return [
            Finding(f.kind, f.category, *folded.span(f.start, f.end))
            for f in _scan(folded.text, kinds)
        ]
    finally:
        forget_text()


def warm() -> None:
    """Build now what the scan builds on first use (the name lists, the keyword automaton,
    phone metadata): at start-up, so that no request waits for it, and before a server freezes
    what start-up made (`bastion.collector`: the name lists alone are sets of some hundred
    thousand strings, which each full collection would otherwise walk)."""
    compile_phone_patterns()
    scan(
        "Dear Mr Smith, Maria Garcia (born 12/03/1985) lives at 5 High Street, London SW1A 1AA;"
        " call +44 20 7946 0958, write to ada@example.com, IBAN DE89 3704 0044 0532 0130 00."
    )


def _scan(text: str, kinds: frozenset[str] | None) -> list[Finding]:
    t = Text(text)
    low = t.low
    has_digit = any(d in text for d in ASCII_DIGITS) or (
        not text.isascii() and DIGIT.search(text) is not None
    )
    candidates: list[Match] = []
    for recognizer in _RECOGNIZERS:
        if kinds is not None and recognizer.kinds.isdisjoint(kinds):
            continue
        if recognizer.digits and not has_digit:
            continue
        if recognizer.hints and not recognizer.hints.found_in(low):
            continue
        for match in recognizer.find(t):
            if kinds is None or match[0] in kinds:
                candidates.append(match)
    if kinds is None or "person" in kinds:
        candidates.extend((f.kind, f.start, f.end) for f in scan_names(text))
    if kinds is None or "postal_address" in kinds:
        candidates.extend((f.kind, f.start, f.end) for f in scan_addresses(text))
    if _name_recognizers and (kinds is None or "person" in kinds):
        for name_recognizer in _name_recognizers:
            candidates.extend((f.kind, f.start, f.end) for f in name_recognizer.scan_names(text))
    if kinds is None or "date_of_birth" in kinds:
        candidates.extend(dates_after_names(text, candidates))
    if kinds is None or "person" in kinds:
        candidates.extend(_names_repeated(text, candidates))
    return _resolve(candidates)


def _names_repeated(text: str, candidates: list[Match]) -> Iterator[Match]:
    """A name found once is that person wherever else the text writes it, even where no cue
    announces it ("Attendees: …, Ada Byron" then "- Ada Byron sends …")."""
    names = {text[start:end] for kind, start, end in candidates if kind == "person"}
    for name in names:
        if len(name) < 4:
            continue
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not is_word(text[at - 1 : at] or " ") and not is_word(text[end : end + 1] or " "):
                yield "person", at, end
            at = text.find(name, end)
