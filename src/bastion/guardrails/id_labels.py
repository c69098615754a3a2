"""Numbers given under a generic identification label ("national ID", "ID number", "tax
number", "número de identificação", "identificatienummer"), which does not say which country's
identifier follows: the number is tried against the checksummed identifiers of its length, and
reported as the first whose check digits hold."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bastion.guardrails import validators as v
from bastion.guardrails.scanning import Match, Text, Trigger, alternatives, lead_with_first_chars

# The labels, in seven languages. Each says "an identifier of a person" without naming it.
_LABEL_WORDS = (
    "national id",
    "national identity number",
    "national identification number",
    "id number",
    "id no",
    "id #",
    "identification number",
    "identity number",
    "personal id",
    "personal number",
    "tax number",
    "taxpayer number",
    "taxpayer id",
    "tax identification number",
    "tax id",
    "tax no",
    "document",
    "doc.",
    "id-nummer",
    "id-nr",
    "identifikationsnummer",
    "pers\u00f6nliche id",
    "num\u00e9ro d'identification",
    "num\u00e9ro fiscal",
    "identifiant fiscal",
    "n\u00famero de identificaci\u00f3n",
    "n\u00famero fiscal",
    "n\u00famero de identifica\u00e7\u00e3o",
    "n\u00famero de identidade",
    "identifica\u00e7\u00e3o fiscal",
    # Brazilian forms and tickets name the CPF a person's "document" ("Documento: ...").
    "documento",
    "numero di identificazione",
    "codice identificativo",
    "identificatienummer",
    "fiscaal nummer",
)
_TRIGGER = Trigger(*_LABEL_WORDS)
# The label, a few words of the same clause ("fiscal", "of the employee", "is"; an
# abbreviation's dot, as in "ID no."), the number.
_PATTERN = re.compile(
    r"(?i:(?:" + alternatives(_LABEL_WORDS) + r")(?![a-z]))"
    r"(?:[^\d\n.;!?]|(?<=[A-Za-z])\.(?=[ :#])){0,30}?(?<![\w\-/])"
    r"(\d{3}(?P<sep>[ .\-]?)\d{3}(?P=sep)\d{3}(?:[\-/ .]?\d{2})?"
    # The Steuer-ID's printed grouping (2-3-3-3) and the BSN's 4-2-3.
    r"|\d{2}(?P<s2>[ .])\d{3}(?P=s2)\d{3}(?P=s2)\d{3}|\d{4}(?P<s3>[ .])\d{2}(?P=s3)\d{3})"
    r"(?![\w\-]|[.,/]\d)"
)
# Which identifiers a number of that many digits may be, most specific check first. Nine
# digits pass both the BSN's and the NIF's check about one time in eleven, and both at once
# about one in 121: the text's language decides between them.
_BY_LENGTH: dict[int, tuple[tuple[str, Callable[[str], bool]], ...]] = {
    11: (("de_steuer_id", v.de_steuer_id_ok), ("br_cpf", v.br_cpf_ok)),
    9: (("nl_bsn", v.nl_bsn_ok), ("pt_nif", v.pt_nif_ok)),
}
_PORTUGUESE_KINDS = frozenset({"br_cpf", "pt_nif"})
_PORTUGUESE = lead_with_first_chars(
    re.compile(r"[\u00e3\u00f5\u00e7]|\b(?:meu|minha|n\u00e3o|do|da|s\u00e3o)\b")
)

HINTS = _TRIGGER.prefixes


def find_labelled_ids(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    portuguese: bool | None = None  # looked for once, where two kinds are possible
    for start, _ in _TRIGGER.hits(low):
        if start > 0 and low[start - 1].isalnum():
            continue  # inside a longer word
        m = _PATTERN.match(text, start)
        if m is None:
            continue
        value = m.group(1)
        digits = len(v.digits_only(value))
        if digits == 9 and low.startswith("doc", start) and not low.startswith("documento", start):
            # An English "document number" of nine digits is as often a filing system's: one in
            # six would pass the BSN's or the NIF's check. Eleven digits (CPF, Steuer-ID) fail
            # by chance one time in a hundred or more.
            continue
        candidates = _BY_LENGTH.get(digits, ())
        if len(candidates) == 2:
            if portuguese is None:
                portuguese = _PORTUGUESE.search(low) is not None
            if portuguese:
                # Portuguese text: a CPF before a Steuer-ID, a NIF before a BSN.
                candidates = tuple(sorted(candidates, key=lambda c: c[0] not in _PORTUGUESE_KINDS))
        for kind, check in candidates:
            if check(value):
                yield kind, m.start(1), m.end(1)
                break
