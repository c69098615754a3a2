"""Checksums and structural rules that confirm a candidate span really is what its pattern says.

Every function takes the candidate as found (separators included unless said otherwise) and
returns whether it is valid. They are pure and cheap: patterns find candidates, these functions
reject the look-alikes. Identifiers that python-stdnum knows are checked by it.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import json
import re
from datetime import date

from stdnum.at import vnr as _stdnum_at_vnr
from stdnum.be import nn as _stdnum_be_nn
from stdnum.br import cpf as _stdnum_cpf
from stdnum.ch import ssn as _stdnum_ch_ssn
from stdnum.ie import pps as _stdnum_ie_pps
from stdnum.mx import curp as _stdnum_mx_curp
from stdnum.nl import bsn as _stdnum_bsn
from stdnum.pt import nif as _stdnum_nif

__all__ = [
    "IBAN_LENGTHS",
    "at_svnr_ok",
    "be_national_number_ok",
    "br_cpf_ok",
    "card_issuer_ok",
    "ch_ahv_ok",
    "de_steuer_id_ok",
    "digits_only",
    "es_dni_ok",
    "es_nie_ok",
    "fr_nir_ok",
    "gb_nhs_ok",
    "iban_ok",
    "ie_pps_ok",
    "ip_ok",
    "it_codice_fiscale_ok",
    "jwt_ok",
    "luhn_ok",
    "mx_curp_ok",
    "nl_bsn_ok",
    "plausible_date",
    "pt_nif_ok",
    "uk_driving_licence_ok",
    "uk_nino_ok",
    "us_ssn_ok",
]


def digits_only(value: str) -> str:
    """The ASCII digits of ``value`` (other scripts' digits are not kept)."""
    if value.isascii() and value.isdigit():
        return value
    return _NON_DIGITS.sub("", value)


_NON_DIGITS = re.compile(r"[^0-9]+")


# --- payment cards -------------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check over a string of ASCII digits."""
    total = 0
    for index, ch in enumerate(reversed(digits)):
        value = ord(ch) - 48
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def card_issuer_ok(digits: str) -> bool:
    """Whether the number falls in a current issuer range with a length that issuer uses."""
    n = len(digits)
    if n < 13 or n > 19:
        return False
    p1 = digits[0]
    p2 = int(digits[:2])
    p3 = int(digits[:3])
    p4 = int(digits[:4])
    if p1 == "4":  # Visa
        return n in (13, 16, 19)
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:  # Mastercard
        return n == 16
    if p2 in (34, 37):  # American Express
        return n == 15
    if p4 == 6011 or 644 <= p3 <= 649 or p2 == 65:  # Discover
        return 16 <= n <= 19
    if 3528 <= p4 <= 3589:  # JCB
        return 16 <= n <= 19
    if p2 == 36:  # Diners Club International
        return 14 <= n <= 19
    if 300 <= p3 <= 305 or p2 == 38:  # Diners Club
        return 14 <= n <= 19
    if p2 == 62:  # UnionPay
        return 16 <= n <= 19
    if p4 in (5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763):  # Maestro
        return 13 <= n <= 19
    return False


# --- IBAN ----------------------------------------------------------------------------------

# Total IBAN length per country (the national registry lengths of the IBAN standard).
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip


def iban_mod97(compact: str) -> int:
    """The ISO 7064 MOD 97-10 remainder of an IBAN without spaces (valid IBANs give 1)."""
    rearranged = compact[4:] + compact[:4]
    remainder = 0
    for ch in rearranged:
        if "0" <= ch <= "9":
            remainder = (remainder * 10 + ord(ch) - 48) % 97
        else:
            remainder = (remainder * 100 + ord(ch) - 55) % 97
    return remainder


def iban_ok(value: str) -> bool:
    compact = value.replace(" ", "").replace("-", "").replace(".", "").upper()
    expected = IBAN_LENGTHS.get(compact[:2])
    if expected is None or len(compact) != expected or not compact.isalnum():
        return False
    if not compact[2:4].isdigit():
        return False
    return iban_mod97(compact) == 1


# --- US Social Security number ------------------------------------------------------------


def us_ssn_ok(value: str) -> bool:
    """SSA rules: no area 000, 666 or 900-999; no group 00; no serial 0000."""
    digits = digits_only(value)
    if len(digits) != 9:
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area in ("000", "666") or area[0] == "9":
        return False
    if group == "00" or serial == "0000":
        return False
    # Numbers used in advertising and long known to be invalid.
    return digits not in ("078051120", "219099999", "123456789")


def us_ssn_shape_ok(value: str) -> bool:
    """The SSA's structural rules without its list of advertised numbers, for a number its
    writer calls an SSN: "123-45-6789" given as one is given as one. Areas 666 and 9xx can
    never be issued, so a number there is not taken for an SSN."""
    digits = digits_only(value)
    if len(digits) != 9 or not distinct_digits_ok(digits):
        return False
    area = digits[:3]
    return (
        area not in ("000", "666")
        and area[0] != "9"
        and digits[3:5] != "00"
        and digits[5:] != "0000"
    )


def distinct_digits_ok(value: str) -> bool:
    """Not one digit repeated throughout ("000000000" is a placeholder, not a number)."""
    return len(set(digits_only(value))) > 1


# Identifiers a number may be taken for, whatever its check digits, when its writer names it
# (a label right before it, a column or field of that name): their digit counts.
_NAMED_DIGITS = {"us_ssn": 9, "br_cpf": 11, "de_steuer_id": 11, "nl_bsn": 9, "pt_nif": 9}
NAMED_KINDS = frozenset(_NAMED_DIGITS)


def named_number_ok(kind: str, value: str) -> bool:
    """Whether ``value``, given under the name of identifier ``kind``, has that identifier's
    shape: its number of digits (a country prefix aside: "PT123456789"), not one digit
    repeated, and for an SSN no all-zero part."""
    if kind == "us_ssn":
        return us_ssn_shape_ok(value)
    digits = digits_only(value)
    return len(digits) == _NAMED_DIGITS[kind] and distinct_digits_ok(digits)


# --- national identifiers -----------------------------------------------------------------

_NINO_BAD_FIRST = set("DFIQUV")
_NINO_BAD_SECOND = set("DFIOQUV")
_NINO_BAD_PREFIXES = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}


def uk_nino_ok(value: str) -> bool:
    """UK National Insurance number: prefix letters as allocated, six digits, suffix A-D."""
    compact = value.replace(" ", "").upper()
    if len(compact) != 9:
        return False
    prefix, number, suffix = compact[:2], compact[2:8], compact[8]
    if not (prefix.isalpha() and number.isdigit() and suffix in "ABCD"):
        return False
    if prefix[0] in _NINO_BAD_FIRST or prefix[1] in _NINO_BAD_SECOND:
        return False
    return prefix not in _NINO_BAD_PREFIXES


def fr_nir_ok(value: str) -> bool:
    """French NIR (social security number): 13 characters and a key, 97 - (number mod 97).

    Corsican departments 2A and 2B count as 19 and 18 in the key computation.
    """
    compact = value.replace(" ", "").upper()
    if len(compact) != 15:
        return False
    body, key = compact[:13], compact[13:]
    if not key.isdigit():
        return False
    department = body[5:7]
    if department == "2A":
        body = body[:5] + "19" + body[7:]
    elif department == "2B":
        body = body[:5] + "18" + body[7:]
    if not body.isdigit() or body[0] not in "12":
        return False
    month = int(body[3:5])
    if not (1 <= month <= 12 or 20 <= month <= 42 or 50 <= month <= 99):
        return False
    return 97 - int(body) % 97 == int(key)


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def es_dni_ok(value: str) -> bool:
    """Spanish DNI: eight digits and the letter of their remainder mod 23."""
    compact = value.replace("-", "").replace(" ", "").replace(".", "").upper()
    if len(compact) != 9 or not compact[:8].isdigit():
        return False
    return _DNI_LETTERS[int(compact[:8]) % 23] == compact[8]


def es_nie_ok(value: str) -> bool:
    """Spanish NIE: X/Y/Z (as 0/1/2), seven digits, and the DNI control letter."""
    compact = value.replace("-", "").replace(" ", "").upper()
    if len(compact) != 9 or compact[0] not in "XYZ" or not compact[1:8].isdigit():
        return False
    number = int(str("XYZ".index(compact[0])) + compact[1:8])
    return _DNI_LETTERS[number % 23] == compact[8]


# Values of characters in odd (1st, 3rd, ...) positions of an Italian fiscal code; digits
# take the value of the letter at the same index (0 as A, 1 as B, ...).
_CF_ODD = {
    "A": 1, "B": 0, "C": 5, "D": 7, "E": 9, "F": 13, "G": 15, "H": 17, "I": 19, "J": 21,
    "K": 2, "L": 4, "M": 18, "N": 20, "O": 11, "P": 3, "Q": 6, "R": 8, "S": 12, "T": 14,
    "U": 16, "V": 10, "W": 22, "X": 25, "Y": 24, "Z": 23,
}  # fmt: skip


def _cf_odd_value(ch: str) -> int:
    if ch.isdigit():
        return _CF_ODD[chr(ord("A") + int(ch))]
    return _CF_ODD[ch]


def _cf_even_value(ch: str) -> int:
    return int(ch) if ch.isdigit() else ord(ch) - ord("A")


def it_codice_fiscale_check(first15: str) -> str:
    total = 0
    for index, ch in enumerate(first15):
        total += _cf_odd_value(ch) if index % 2 == 0 else _cf_even_value(ch)
    return chr(ord("A") + total % 26)


def it_codice_fiscale_ok(value: str) -> bool:
    """Italian codice fiscale: 16 characters whose last is the check character."""
    code = value.upper()
    if len(code) != 16 or not code.isalnum() or not code.isascii():
        return False
    if code[8] not in "ABCDEHLMPRST":  # month letter
        return False
    return it_codice_fiscale_check(code[:15]) == code[15]


def de_steuer_id_check(first10: str) -> int:
    """ISO 7064 MOD 11,10 check digit of a German tax identification number."""
    product = 10
    for ch in first10:
        total = (int(ch) + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def de_steuer_id_ok(value: str) -> bool:
    """German Steuer-ID: 11 digits, no leading zero, one digit repeated 2-3 times, check digit."""
    digits = digits_only(value)
    if len(digits) != 11 or digits[0] == "0":
        return False
    counts = [digits[:10].count(d) for d in set(digits[:10])]
    repeated = [c for c in counts if c > 1]
    if len(repeated) != 1 or repeated[0] > 3:
        return False
    return de_steuer_id_check(digits[:10]) == int(digits[10])


# --- network, tokens, dates ---------------------------------------------------------------


def ip_ok(value: str) -> bool:
    """A parseable IPv4/IPv6 address that can point at someone (not loopback/unspecified)."""
    try:
        address = ipaddress.ip_address(value.split("%", 1)[0])
    except ValueError:
        return False
    return not (address.is_loopback or address.is_unspecified)


def jwt_ok(value: str) -> bool:
    """A JSON Web Token: the header decodes to a JSON object that names its algorithm."""
    header = value.split(".", 1)[0]
    try:
        raw = base64.urlsafe_b64decode(header + "=" * (-len(header) % 4))
        decoded = json.loads(raw)
    except (binascii.Error, ValueError):
        return False
    return isinstance(decoded, dict) and "alg" in decoded


def plausible_date(year: int, month: int, day: int) -> bool:
    """A real calendar date in a range where a living person could have been born."""
    if not 1900 <= year <= 2030:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# --- identifiers checked by python-stdnum -------------------------------------------------


def nl_bsn_ok(value: str) -> bool:
    """Dutch citizen service number (BSN): nine digits passing the eleven test."""
    return bool(_stdnum_bsn.is_valid(digits_only(value)))


def pt_nif_ok(value: str) -> bool:
    """Portuguese tax number (NIF): nine digits with a mod-11 check digit."""
    return bool(_stdnum_nif.is_valid(digits_only(value)))


def br_cpf_ok(value: str) -> bool:
    """Brazilian individual taxpayer number (CPF): eleven digits, two check digits."""
    digits = digits_only(value)
    return len(set(digits)) > 1 and bool(_stdnum_cpf.is_valid(digits))


def at_svnr_ok(value: str) -> bool:
    """Austrian social insurance number: ten digits, a check digit, a birth date."""
    return bool(_stdnum_at_vnr.is_valid(digits_only(value)))


def ch_ahv_ok(value: str) -> bool:
    """Swiss AHV/AVS number: 756, nine digits, an EAN-13 check digit."""
    return bool(_stdnum_ch_ssn.is_valid(digits_only(value)))


def be_national_number_ok(value: str) -> bool:
    """Belgian national register number: a birth date, a serial, a mod 97 check."""
    return bool(_stdnum_be_nn.is_valid(digits_only(value)))


def ie_pps_ok(value: str) -> bool:
    """Irish PPS number: seven digits, a check letter (mod 23), maybe a second letter."""
    return bool(_stdnum_ie_pps.is_valid(value.replace(" ", "").upper()))


def mx_curp_ok(value: str) -> bool:
    """Mexican CURP: name letters, birth date, sex, state, consonants, a check digit."""
    return bool(_stdnum_mx_curp.is_valid(value.upper()))


def gb_nhs_ok(value: str) -> bool:
    """NHS number: ten digits, the last a mod-11 check digit."""
    digits = digits_only(value)
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    return check != 10 and (check % 11) == int(digits[9])


def uk_driving_licence_ok(value: str) -> bool:
    """A DVLA driving licence number: surname, birth date (month + 5 for women), initials."""
    month = int(value[6:8])
    return (1 <= month <= 12 or 51 <= month <= 62) and 1 <= int(value[8:10]) <= 31
