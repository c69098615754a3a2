"""Recognizers of IP addresses, told apart from version numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bastion.guardrails import validators as v
from bastion.guardrails.scanning import (
    Match,
    Text,
    before,
    lead_with_first_chars,
    matches_at,
)

# --- IP addresses -------------------------------------------------------------------------

_IPV4 = re.compile(r"\d(?<![\w.].)\d{0,2}(?:\.\d{1,3}){3}(?![\w]|\.\d)")  # octets: ip_ok
_IPV6 = re.compile(
    r"[0-9A-Fa-f:](?<![\w:.].)(?:(?<=:)|[0-9A-Fa-f]{0,3}:)(?:[0-9A-Fa-f]{0,4}:){1,6}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?"
    r"(?:%[\w.]{1,16})?(?![\w:]|\.\d)"
)
_VERSION_CONTEXT = lead_with_first_chars(
    re.compile(
        # Words, not word ends: "server: 10.0.0.5" is no "ver:", "dispatch" no "patch".
        r"(?i:\b(?:v|version|versi[oó]n|versione|versie|vers[aã]o|ver\.?|release|build|firmware"
        r"|rev\.?|revision|sdk|api|update|upgrade|patch|aktualisierung|mise[ ][aà][ ]jour"
        r"|actualizaci[oó]n|aggiornamento|atualiza[cç][aã]o|installed|installiert|instalad[oa])"
        # The numbered parts of a contract, standard or manual: "Clause 12.3.1.2", "§ 4.1.2.3".
        r"|§|\b(?:clause|cl[aá]usula|clausola|section|sect\.|sec\.|secci[oó]n|sezione|sec[cç][aã]o"
        r"|art\.|article|artikel|articolo|artigo|art[ií]culo|paragraph|para\.|chapter|chap\."
        r"|kapitel|cap[ií]tulo|capitolo|chapitre|hoofdstuk|abschnitt|ziffer|punkt|item|annex"
        r"|anhang|anexo|allegato|bijlage|appendix))"
        r"(?:[ \t]+(?:to|auf|zu|on|vers|en|a|al|alla|naar|op|para|für|for|from|von|de|desde|da"
        r"|van|dalla|depuis))?[ \t:=]{0,3}$"
    )
)


def find_ipv4(t: Text) -> Iterator[Match]:
    text = t.text
    for m in matches_at(_IPV4, text, t.digit_word_starts()):
        if before(text, m.start(), _VERSION_CONTEXT, 32):
            continue
        if text.startswith("/", m.end()) and text[m.end() + 1 : m.end() + 2].isdigit():
            continue  # a CIDR block names a network, not a host
        if _version_like(m.group()) and not _reads_as_address(text, m.start(), m.end()):
            continue
        if v.ip_ok(m.group()):
            yield "ip_address", m.start(), m.end()


def _version_like(quad: str) -> bool:
    """4.1.2.8, 7.3.0.124: a one-digit first part reads as a version number (few hosts people
    write about live in 1.0.0.0-9.255.255.255, and those come with a word saying so)."""
    return quad[1] == "."


# What says a version-like quad is an address after all: a word before it, or its place in
# a log line, an assignment, a user@host or host:port.
_ADDRESS_PLACE_BEFORE = re.compile(r"(?:^|\n|@|(?<![<>!=])=[ \t]{0,2}|:[ \t]{1,2})$")
_ADDRESS_PLACE_AFTER = re.compile(r":\d{1,5}(?!\d)|[ \t]-[ \t]-[ \t]\[|/\d{1,2}(?!\d)")


def _reads_as_address(text: str, start: int, end: int) -> bool:
    return (
        before(text, start, _IP_CONTEXT, 40)
        or _ADDRESS_PLACE_BEFORE.search(text, max(0, start - 3), start) is not None
        or _ADDRESS_PLACE_AFTER.match(text, end) is not None
    )


_IP_CONTEXT = lead_with_first_chars(
    re.compile(
        r"(?i:\bip\b|ipv4|address|adresse|direcci[oó]n|indirizzo|adres|endere[cç]o|host|server"
        r"|client|remote|from|src|dst|peer|gateway|dns|ping|connect)"
    )
)


def find_ipv6(t: Text) -> Iterator[Match]:
    text = t.text
    if "::" in text or text.count(":") >= 7:
        for m in _IPV6.finditer(text):
            candidate = m.group()
            hex_digits = sum(c in "0123456789abcdefABCDEF" for c in candidate.split("%")[0])
            if hex_digits < 4 or candidate.count(":") < 2:
                continue
            if v.ip_ok(candidate):
                yield "ip_address", m.start(), m.end()
