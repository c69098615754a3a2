# ruff: noqa: E501  (template sentences and value tables read better unwrapped)
"""Generate the labeled PII/secret evaluation set: benchmarks/guardrails/pii_eval.jsonl.

Every value is synthetic: card numbers, IBANs and national identifiers are made up from random
digits and given valid checksums by this script; e-mail domains are reserved example domains;
nothing names a real person. The seed is fixed, so the file is reproducible:

    .venv/bin/python benchmarks/guardrails/pii_dataset.py

Each line is {"text": ..., "spans": [{"kind", "start", "end"}], "group": ...}; `group` is
"positive" or "negative" (hard negatives carry no span at all).

Span conventions (what a correct detector should mark):
- phone: the whole number including "+", parentheses and an extension;
- password, aws_secret_key, bearer_token, us_ssn (context form), medical_record_number,
  passport, de_steuer_id, date_of_birth: the value only, not the key or context word;
- a bearer token that is a JWT is labeled jwt;
- connection_string: the whole URI / JDBC URL; ADO/ODBC strings from the first key to the end
  of the password value;
- private_key: from the BEGIN line through the END line;
- postal_address: the street line through city, state and ZIP (or UK postcode) when present;
  a UK postcode on its own is an address too.
"""

from __future__ import annotations

import base64
import json
import random
import string
import sys
from collections.abc import Callable
from pathlib import Path

SEED = 20261202
OUT = Path(__file__).with_name("pii_eval.jsonl")

Part = str | tuple[str, str]  # literal text, or (kind, value)

# --- synthetic value makers ---------------------------------------------------------------

FIRST = ["alex", "sam", "jordan", "taylor", "morgan", "casey", "riley", "jamie", "quinn",
         "avery", "robin", "drew", "kai", "noor", "lena", "mateo", "yuki", "ines", "omar"]  # fmt: skip
LAST = ["example", "tester", "sample", "demo", "fictive", "placeholder", "mock", "dummy",
        "synth", "fake", "specimen", "trial"]  # fmt: skip
DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com", "corp.example.co.uk",
           "example.de", "test.example.io", "sub.example.fr"]  # fmt: skip


def luhn_complete(prefix_and_body: str) -> str:
    """Append the Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(prefix_and_body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix_and_body + str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def email(rng: random.Random) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    style = rng.randrange(6)
    local = [
        f"{first}.{last}",
        f"{first}{rng.randrange(1, 99)}",
        f"{first[0]}{last}",
        f"{first}_{last}+{rng.choice(['news', 'billing', 'test'])}",
        f"{first}-{last}",
        f"{first.upper()}.{last.capitalize()}",
    ][style]
    return f"{local}@{rng.choice(DOMAINS)}"


CARD_ISSUERS = [  # (prefix options, lengths)
    (["4"], [16, 16, 16, 13, 19]),
    ([str(p) for p in range(51, 56)] + ["2221", "2500", "2720"], [16]),
    (["34", "37"], [15]),
    (["6011", "644", "649", "65"], [16]),
    (["3528", "3550", "3589"], [16]),
    (["36", "38", "300", "305"], [14]),
    (["62"], [16, 19]),
]


def card_number(rng: random.Random) -> str:
    prefixes, lengths = rng.choice(CARD_ISSUERS)
    prefix = rng.choice(prefixes)
    length = rng.choice(lengths)
    return luhn_complete(prefix + digits(rng, length - len(prefix) - 1))


def format_card(rng: random.Random, number: str) -> str:
    style = rng.randrange(3)
    if style == 0 or len(number) not in (15, 16):
        return number
    sep = " " if style == 1 else "-"
    if len(number) == 15:
        return sep.join([number[:4], number[4:10], number[10:]])
    return sep.join(number[i : i + 4] for i in range(0, 16, 4))


IBAN_SPECS = {  # country: (length, bban maker)
    "DE": (22, lambda r: digits(r, 18)),
    "FR": (27, lambda r: digits(r, 10) + rand_alnum(r, 11) + digits(r, 2)),
    "GB": (22, lambda r: rand_upper(r, 4) + digits(r, 14)),
    "ES": (24, lambda r: digits(r, 20)),
    "IT": (27, lambda r: rand_upper(r, 1) + digits(r, 10) + rand_alnum(r, 12)),
    "NL": (18, lambda r: rand_upper(r, 4) + digits(r, 10)),
    "BE": (16, lambda r: digits(r, 12)),
    "CH": (21, lambda r: digits(r, 5) + rand_alnum(r, 12)),
    "AT": (20, lambda r: digits(r, 16)),
    "PL": (28, lambda r: digits(r, 24)),
    "IE": (22, lambda r: rand_upper(r, 4) + digits(r, 14)),
    "PT": (25, lambda r: digits(r, 21)),
    "NO": (15, lambda r: digits(r, 11)),
    "SE": (24, lambda r: digits(r, 20)),
}


def rand_upper(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


def rand_alnum(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(n))


def iban_check(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return f"{98 - int(number) % 97:02d}"


def iban(rng: random.Random, *, valid: bool = True) -> str:
    country = rng.choice(list(IBAN_SPECS))
    _length, make = IBAN_SPECS[country]
    bban = make(rng)
    check = iban_check(country, bban)
    if not valid:
        check = f"{(int(check) + rng.randrange(1, 90)) % 100:02d}"
        if check == iban_check(country, bban):
            check = f"{(int(check) + 1) % 100:02d}"
    compact = country + check + bban
    if rng.random() < 0.5:
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return compact


def ssn(rng: random.Random) -> str:
    while True:
        area = rng.randrange(1, 900)
        if area != 666:
            break
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def invalid_ssn(rng: random.Random) -> str:
    choice = rng.randrange(5)
    area = [0, 666, rng.randrange(900, 1000), rng.randrange(1, 600), rng.randrange(1, 600)][choice]
    group = 0 if choice == 3 else rng.randrange(1, 100)
    serial = 0 if choice == 4 else rng.randrange(1, 10000)
    return f"{area:03d}-{group:02d}-{serial:04d}"


def nino(rng: random.Random) -> str:
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    while first + second in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
        second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    body = digits(rng, 6)
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{first}{second} {body[:2]} {body[2:4]} {body[4:]} {suffix}"
    return f"{first}{second}{body}{suffix}"


def nir(rng: random.Random) -> str:
    sex = rng.choice("12")
    yy = f"{rng.randrange(0, 100):02d}"
    mm = f"{rng.randrange(1, 13):02d}"
    dept = rng.choice(["75", "69", "13", "33", "2A", "2B", "59", "44"])
    commune = f"{rng.randrange(1, 1000):03d}"
    order = f"{rng.randrange(1, 1000):03d}"
    body = sex + yy + mm + dept + commune + order
    numeric = body.replace("2A", "19").replace("2B", "18")
    key = f"{97 - int(numeric) % 97:02d}"
    if rng.random() < 0.5:
        return f"{sex} {yy} {mm} {dept} {commune} {order} {key}"
    return body + key


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni(rng: random.Random) -> str:
    number = digits(rng, 8)
    return number + ("-" if rng.random() < 0.2 else "") + DNI_LETTERS[int(number) % 23]


def nie(rng: random.Random) -> str:
    prefix = rng.choice("XYZ")
    number = digits(rng, 7)
    return prefix + number + DNI_LETTERS[int(str("XYZ".index(prefix)) + number) % 23]


CF_ODD = dict(zip(string.digits + string.ascii_uppercase,
                  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18,
                   20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23], strict=True))  # fmt: skip


def codice_fiscale(rng: random.Random) -> str:
    body = (
        rand_upper(rng, 6)
        + f"{rng.randrange(40, 100):02d}"
        + rng.choice("ABCDEHLMPRST")
        + f"{rng.choice([rng.randrange(1, 32), rng.randrange(41, 72)]):02d}"
        + rng.choice("ABCDEFGHILMZ")
        + f"{rng.randrange(1, 1000):03d}"
    )
    total = 0
    for i, ch in enumerate(body):
        if i % 2 == 0:
            total += CF_ODD[ch]
        else:
            total += int(ch) if ch.isdigit() else ord(ch) - 65
    return body + chr(65 + total % 26)


def steuer_id(rng: random.Random) -> str:
    while True:
        pool = rng.sample("0123456789", 9)
        if pool[0] == "0":
            continue
        repeated = rng.choice(pool[1:])
        pos = rng.randrange(1, 10)
        ten = [*pool[:pos], repeated, *pool[pos:]]
        if ten[0] == "0":
            continue
        product = 10
        for ch in ten:
            s = (int(ch) + product) % 10 or 10
            product = (s * 2) % 11
        check = (11 - product) % 10
        number = "".join(ten) + str(check)
        if rng.random() < 0.3:
            return f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:]}"
        return number


def ipv4(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    if kind == 1:
        return f"192.168.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    first = rng.choice([23, 34, 52, 81, 91, 145, 185, 203, 198])
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def ipv6(rng: random.Random) -> str:
    groups = [f"{rng.randrange(65536):x}" for _ in range(8)]
    groups[0] = rng.choice(["2001", "2a02", "fe80", "2600", "fd12"])
    if groups[0] == "2001":
        groups[1] = "db8"
    style = rng.randrange(3)
    if style == 0:
        return ":".join(groups)
    if style == 1:
        return ":".join(groups[:3]) + "::" + ":".join(groups[6:])
    return ":".join(groups[:2]) + "::" + groups[7]


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]  # fmt: skip
MONATE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]  # fmt: skip


def birth_date(rng: random.Random, lang: str = "en") -> str:
    y, m, d = rng.randrange(1935, 2008), rng.randrange(1, 13), rng.randrange(1, 29)
    if lang == "fr":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {MOIS[m - 1]} {y}"])
    if lang == "de":
        return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}. {MONATE[m - 1]} {y}"])
    return rng.choice(
        [
            f"{m:02d}/{d:02d}/{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{MONTHS[m - 1]} {d}, {y}",
            f"{d} {MONTHS[m - 1]} {y}",
            f"{MONTHS[m - 1][:3]} {d}, {y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{m}/{d}/{y % 100:02d}",
        ]
    )


STREETS = ["Maple", "Oak", "Cedar", "Elm", "Pine", "Lakeview", "Hillcrest", "Washington",
           "Sunset", "Park", "Riverside", "Highland", "Meadow Brook", "Mill Creek", "Lincoln"]  # fmt: skip
SUFFIXES = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Lane", "Dr", "Drive", "Ct",
            "Way", "Pl", "Parkway", "Ter"]  # fmt: skip
CITIES = [("Springfield", "IL"), ("Portland", "OR"), ("Austin", "TX"), ("Denver", "CO"),
          ("San Jose", "CA"), ("Columbus", "OH"), ("Raleigh", "NC"), ("Salt Lake City", "UT"),
          ("Madison", "WI"), ("Boise", "ID")]  # fmt: skip
UK_TOWNS = ["London", "Leeds", "Bristol", "Manchester", "Glasgow", "Cardiff", "York"]


def uk_postcode(rng: random.Random) -> str:
    area = rng.choice(["SW", "EC", "N", "M", "LS", "BS", "G", "CF", "YO", "W", "SE", "B"])
    district = str(rng.randrange(1, 20))
    if area in ("SW", "EC", "W") and rng.random() < 0.3:
        district = str(rng.randrange(1, 10)) + rng.choice("ABCEHMNPRVWXY")
    inward = str(rng.randrange(10)) + "".join(rng.choice("ABDEFHJLNPQRSTUWXYZ") for _ in range(2))
    return f"{area}{district} {inward}"


def us_address(rng: random.Random) -> str:
    number = str(rng.randrange(1, 9999))
    street = rng.choice(STREETS)
    if rng.random() < 0.15:
        street = f"{rng.randrange(2, 99)}th"
    line = f"{number} {rng.choice(['', 'N ', 'W '])}{street} {rng.choice(SUFFIXES)}"
    if rng.random() < 0.3:
        line += f", {rng.choice(['Apt', 'Suite', 'Unit'])} {rng.randrange(1, 900)}"
    style = rng.randrange(3)
    city, state = rng.choice(CITIES)
    if style == 0:
        return line
    if style == 1:
        return f"{line}, {city}, {state} {rng.randrange(10000, 99999)}"
    return f"{line}, {city}, {state}"


def uk_address(rng: random.Random) -> str:
    line = f"{rng.randrange(1, 200)} {rng.choice(STREETS)} {rng.choice(['Road', 'Street', 'Lane', 'Close'])}"
    return f"{line}, {rng.choice(UK_TOWNS)} {uk_postcode(rng)}"


def mrn(rng: random.Random) -> str:
    return rng.choice(
        [digits(rng, 8), f"MR{digits(rng, 7)}", f"{digits(rng, 3)}-{digits(rng, 4)}",
         f"H{digits(rng, 9)}", f"PT-{digits(rng, 6)}"]
    )  # fmt: skip


def passport_no(rng: random.Random) -> str:
    return rng.choice(
        [digits(rng, 9), rand_upper(rng, 1) + digits(rng, 8), digits(rng, 2) + rand_upper(rng, 2)
         + digits(rng, 5), "C" + rand_alnum(rng, 8).replace("O", "0")]
    )  # fmt: skip


B62 = string.ascii_letters + string.digits
B64 = B62 + "+/"
B64URL = B62 + "-_"


def rand_str(rng: random.Random, alphabet: str, n: int) -> str:
    while True:
        s = "".join(rng.choice(alphabet) for _ in range(n))
        if (
            any(c.isdigit() for c in s)
            and any(c.isupper() for c in s)
            and any(c.islower() for c in s)
        ):
            return s


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(rng: random.Random) -> str:
    header = {"alg": rng.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}
    payload = {"sub": digits(rng, 8), "iat": 1700000000 + rng.randrange(10**7),
               "scope": rng.choice(["read", "admin", "write read"])}  # fmt: skip
    signature = rand_str(rng, B64URL, rng.choice([43, 86]))
    return ".".join(
        [b64url(json.dumps(header).encode()), b64url(json.dumps(payload).encode()), signature]
    )


def secret_value(rng: random.Random, kind: str) -> str:
    if kind == "aws_access_key":
        return rng.choice(["AKIA", "ASIA"]) + "".join(
            rng.choice(string.ascii_uppercase + "234567") for _ in range(16)
        )
    if kind == "aws_secret_key":
        return rand_str(rng, B64, 40)
    if kind == "github_token":
        if rng.random() < 0.2:
            return "github_pat_" + rand_str(rng, B62, 22) + "_" + rand_str(rng, B62, 59)
        return f"gh{rng.choice('pousr')}_" + rand_str(rng, B62, 36)
    if kind == "slack_token":
        return (f"xox{rng.choice('bpaors')}-{digits(rng, 12)}-{digits(rng, 13)}-"
                + rand_str(rng, B62, 24))  # fmt: skip
    if kind == "stripe_key":
        return f"{rng.choice(['sk', 'rk'])}_live_" + rand_str(rng, B62, rng.choice([24, 99]))
    if kind == "google_api_key":
        return "AIza" + rand_str(rng, B64URL, 35)
    if kind == "openai_key":
        if rng.random() < 0.4:
            return "sk-" + rand_str(rng, B62, 48)
        return "sk-proj-" + rand_str(rng, B64URL, 120)
    if kind == "anthropic_key":
        return "sk-ant-api03-" + rand_str(rng, B64URL, 93) + "AA"
    if kind == "jwt":
        return jwt(rng)
    if kind == "bearer_token":
        return rand_str(rng, B62 + "-._", rng.choice([32, 40, 64]))
    raise ValueError(kind)


def private_key(rng: random.Random) -> str:
    label = rng.choice(["RSA ", "EC ", "", "OPENSSH ", "ENCRYPTED "])
    lines = [rand_str(rng, B64, 64) for _ in range(rng.randrange(3, 8))]
    lines.append(rand_str(rng, B64, 20) + "==")
    body = "\n".join(lines)
    return f"-----BEGIN {label}PRIVATE KEY-----\n{body}\n-----END {label}PRIVATE KEY-----"


def password_value(rng: random.Random) -> str:
    words = ["Tiger", "Summer", "Blue", "Maple", "Rocket", "Falcon", "Winter", "Coffee"]
    return rng.choice(
        [
            rand_str(rng, B62, rng.randrange(10, 20)),
            f"{rng.choice(words)}{rng.randrange(10, 9999)}!",
            rand_str(rng, B62 + "!@#%^*", 16),
            f"{rng.choice(words).lower()}-{rng.choice(words).lower()}-{rng.randrange(100)}",
        ]
    )


def conn_uri(rng: random.Random) -> str:
    scheme = rng.choice(["postgres", "postgresql", "mysql", "mongodb", "mongodb+srv", "redis",
                         "amqp", "postgresql+psycopg2"])  # fmt: skip
    user = rng.choice(["app", "admin", "svc_billing", "root", "etl"])
    host = rng.choice(["db.internal", "10.2.3.4", "pg-prod.example.net", "cluster0.example.net",
                       "cache.local", "mq.example.org"])  # fmt: skip
    port = {"redis": ":6379", "amqp": ":5672", "mysql": ":3306"}.get(scheme, ":5432")
    if scheme == "mongodb+srv":
        port = ""
    pw = rand_str(rng, B62, rng.randrange(10, 24))
    path = rng.choice(
        ["/app", "/orders", "/0", "/prod?sslmode=require", "", "/admin?authSource=admin"]
    )
    return f"{scheme}://{user}:{pw}@{host}{port}{path}"


# --- sample assembly ----------------------------------------------------------------------


def assemble(parts: list[Part], group: str) -> dict[str, object]:
    text = ""
    spans = []
    for part in parts:
        if isinstance(part, tuple):
            kind, value = part
            spans.append({"kind": kind, "start": len(text), "end": len(text) + len(value)})
            text += value
        else:
            text += part
    return {"text": text, "spans": spans, "group": group}


Maker = Callable[[random.Random], list[Part]]


def pos_email(r: random.Random) -> list[Part]:
    e = email(r)
    return r.choice(
        [
            ["Please forward the invoice to ", ("email", e), " by Friday."],
            ["From: Billing Team <", ("email", e), ">\nSubject: overdue account"],
            ['{"user": {"email": "', ("email", e), '", "plan": "pro"}}'],
            ["2024-05-02T10:11:12Z INFO login ok user=", ("email", e), " ip=",
             ("ip_address", ipv4(r))],
            ["Can you rewrite this message to ", ("email", e), " in a friendlier tone?"],
            ["cc: ", ("email", e), ", ", ("email", email(r))],
            ["Contact (", ("email", e), ") for access."],
        ]
    )  # fmt: skip


def phone_value(r: random.Random) -> str:
    style = r.randrange(14)
    area = r.randrange(201, 990)
    exch = r.randrange(200, 999)
    line = r.randrange(0, 10000)
    values = [
        f"({area}) {exch}-{line:04d}",
        f"{area}-{exch}-{line:04d}",
        f"{area}.{exch}.{line:04d}",
        f"+1 {area} {exch} {line:04d}",
        f"+1-{area}-{exch}-{line:04d}",
        f"1-800-{exch}-{line:04d}",
        f"+44 20 7946 {r.randrange(1000):04d}",
        f"+44 7700 900{r.randrange(1000):03d}",
        f"+33 1 {r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)}",
        f"+49 30 {r.randrange(1000000, 99999999)}",
        f"+49 (0)89 {r.randrange(100000, 9999999)}",
        f"+34 9{r.randrange(10, 99)} {r.randrange(100, 999)} {r.randrange(100, 999)}",
        f"+81 3-{r.randrange(1000, 9999)}-{r.randrange(1000, 9999)}",
        f"+61 2 {r.randrange(1000, 9999)} {r.randrange(1000, 9999)}",
    ]
    value = values[style]
    if r.random() < 0.15:
        value += r.choice([f" ext. {r.randrange(10, 9999)}", f" x{r.randrange(10, 999)}"])
    return value


def pos_phone(r: random.Random) -> list[Part]:
    p = phone_value(r)
    national = r.choice(
        [("Tel: ", f"020 7946 {r.randrange(1000):04d}"),
         ("tél. ", f"01 {r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)}"),
         ("Telefon: ", f"030 {r.randrange(100000, 9999999)}"),
         ("mobile ", f"07700 900{r.randrange(100, 999)}")]
    )  # fmt: skip
    return r.choice(
        [
            ["Call me back at ", ("phone", p), " after 5pm."],
            ["Customer phone: ", ("phone", p), "\nIssue: cannot log in"],
            ["Our support line is ", ("phone", p), ", open weekdays."],
            ["| name | phone |\n|---|---|\n| front desk | ", ("phone", p), " |"],
            ["Reach the on-call engineer on ", ("phone", p), " or by e-mail."],
            [national[0], ("phone", national[1])],
            ['"phone_number": "', ("phone", p), '",'],
        ]
    )  # fmt: skip


def pos_card(r: random.Random) -> list[Part]:
    c = format_card(r, card_number(r))
    return r.choice(
        [
            ["My card number is ", ("credit_card", c), ", expiry 09/28."],
            ["payment failed for card=", ("credit_card", c), " reason=do_not_honor"],
            ["Please charge ", ("credit_card", c), " for the remaining balance of $420.00"],
            ['{"pan": "', ("credit_card", c), '", "cvv": "***"}'],
            ["CC: ", ("credit_card", c), "\nName on card: see file"],
        ]
    )


def pos_iban(r: random.Random) -> list[Part]:
    i = iban(r)
    return r.choice(
        [
            ["Please wire the deposit to IBAN ", ("iban", i), " before the 15th."],
            ["Bankverbindung: ", ("iban", i), ", BIC COBADEFFXXX"],
            ["refund target account ", ("iban", i)],
            ["IBAN: ", ("iban", i), "\nReference: INV-2024-0042"],
        ]
    )


def pos_ssn(r: random.Random) -> list[Part]:
    s = ssn(r)
    compact = s.replace("-", "")
    return r.choice(
        [
            ["Applicant SSN ", ("us_ssn", s), " verified."],
            ["Her social security number is ", ("us_ssn", s), "."],
            ["ssn: ", ("us_ssn", compact)],
            ["SSN#", ("us_ssn", compact), " on the W-2"],
            ["Employee record: ", ("us_ssn", s), ", hired 2019"],
            ["social security no. ", ("us_ssn", compact), " (see attached)"],
        ]
    )


def pos_national(r: random.Random) -> list[Part]:
    choice = r.randrange(6)
    if choice == 0:
        return r.choice([["National Insurance number: ", ("uk_nino", nino(r))],
                         ["NI no ", ("uk_nino", nino(r)), " for payroll"]])  # fmt: skip
    if choice == 1:
        return r.choice([["N° de sécurité sociale : ", ("fr_nir", nir(r))],
                         ["numéro INSEE ", ("fr_nir", nir(r)), " à vérifier"]])  # fmt: skip
    if choice == 2:
        return r.choice([["DNI: ", ("es_dni", dni(r))],
                         ["El cliente con DNI ", ("es_dni", dni(r)), " solicita la baja."]])  # fmt: skip
    if choice == 3:
        return r.choice([["NIE ", ("es_nie", nie(r)), " (residente)"],
                         ["Número de identidad de extranjero: ", ("es_nie", nie(r))]])  # fmt: skip
    if choice == 4:
        return r.choice([["Codice fiscale: ", ("it_codice_fiscale", codice_fiscale(r))],
                         ["CF ", ("it_codice_fiscale", codice_fiscale(r)), " del titolare"]])  # fmt: skip
    return r.choice([["Steuer-ID: ", ("de_steuer_id", steuer_id(r))],
                     ["Steueridentifikationsnummer ", ("de_steuer_id", steuer_id(r)), " liegt vor."],
                     ["tax ID ", ("de_steuer_id", steuer_id(r)), " (Germany)"]])  # fmt: skip


def pos_ip(r: random.Random) -> list[Part]:
    ip = ipv4(r) if r.random() < 0.65 else ipv6(r)
    return r.choice(
        [
            [("ip_address", ip), ' - - [02/May/2024:10:11:12 +0000] "GET /login HTTP/1.1" 200'],
            ["Blocked connection from ", ("ip_address", ip), " after 5 failed attempts."],
            ["client_ip=", ("ip_address", ip), " status=403"],
            ["The VPN assigned me ", ("ip_address", ip), ", why can't I reach the wiki?"],
            ['{"remote_addr": "', ("ip_address", ip), '"}'],
        ]
    )


def pos_dob(r: random.Random) -> list[Part]:
    lang = r.choice(["en", "en", "en", "fr", "de"])
    d = birth_date(r, lang)
    if lang == "fr":
        return [r.choice(["Patient né le ", "Elle est née le "]), ("date_of_birth", d), "."]
    if lang == "de":
        return [r.choice(["geboren am ", "Geburtsdatum: "]), ("date_of_birth", d)]
    return r.choice(
        [
            ["DOB: ", ("date_of_birth", d)],
            ["Patient date of birth ", ("date_of_birth", d), ", admitted yesterday."],
            ["He was born on ", ("date_of_birth", d), " in a small town."],
            ["birthday: ", ("date_of_birth", d)],
            ["Name: (redacted)\nD.O.B. ", ("date_of_birth", d), "\nAllergies: none"],
            ["Birth date - ", ("date_of_birth", d)],
        ]
    )  # fmt: skip


def pos_address(r: random.Random) -> list[Part]:
    if r.random() < 0.3:
        a = uk_address(r) if r.random() < 0.6 else uk_postcode(r)
    else:
        a = us_address(r)
    return r.choice(
        [
            ["Ship the replacement to ", ("postal_address", a), " please."],
            ["Address: ", ("postal_address", a)],
            ["I moved to ", ("postal_address", a), " last month; update my billing address."],
            ["Mailing address\n", ("postal_address", a), "\n"],
        ]
    )


def pos_mrn(r: random.Random) -> list[Part]:
    m = mrn(r)
    return r.choice(
        [
            ["MRN: ", ("medical_record_number", m), " — follow-up in 2 weeks"],
            ["Medical record number ", ("medical_record_number", m), " shows hypertension."],
            ["patient ID ", ("medical_record_number", m), ", ward 4B"],
            ["Summarize the chart for MRN ", ("medical_record_number", m)],
        ]
    )


def pos_passport(r: random.Random) -> list[Part]:
    p = passport_no(r)
    return r.choice(
        [
            ["Passport number: ", ("passport", p)],
            ["traveller passport no. ", ("passport", p), " expires 2031"],
            ["Her passport # ", ("passport", p), " was scanned at check-in."],
            ["passport ", ("passport", p), ", nationality: see form"],
        ]
    )


def pos_secret(r: random.Random) -> list[Part]:
    kind = r.choice(["aws_access_key", "aws_secret_key", "github_token", "slack_token",
                     "stripe_key", "google_api_key", "openai_key", "anthropic_key", "jwt",
                     "bearer_token"])  # fmt: skip
    val = secret_value(r, kind)
    if kind == "aws_access_key":
        return r.choice([["AWS_ACCESS_KEY_ID=", (kind, val)],
                         ["aws_access_key_id = ", (kind, val), "\nregion = eu-west-1"],
                         ["why does ", (kind, val), " get AccessDenied on s3:GetObject?"]])  # fmt: skip
    if kind == "aws_secret_key":
        return r.choice([["AWS_SECRET_ACCESS_KEY=", (kind, val)],
                         ["aws_secret_access_key = ", (kind, val)],
                         ['"SecretAccessKey": "', (kind, val), '"']])  # fmt: skip
    if kind == "bearer_token":
        return r.choice([["curl -H 'Authorization: Bearer ", (kind, val), "' https://api.example.com/v1"],
                         ["Authorization: Bearer ", (kind, val)]])  # fmt: skip
    if kind == "jwt" and r.random() < 0.4:
        return ["Authorization: Bearer ", (kind, val)]
    return r.choice(
        [
            ["export TOKEN=", (kind, val)],
            ["here is my key ", (kind, val), " — why do I get 401?"],
            ['{"api_key": "', (kind, val), '"}'],
            ["config:\n  token: ", (kind, val), "\n  timeout: 30"],
        ]
    )  # fmt: skip


def pos_private_key(r: random.Random) -> list[Part]:
    return r.choice(
        [
            ["Here is the deploy key, can you check its format?\n", ("private_key", private_key(r)), "\n"],
            ["ssh_key: |\n", ("private_key", private_key(r))],
        ]
    )  # fmt: skip


def pos_connection(r: random.Random) -> list[Part]:
    choice = r.randrange(4)
    if choice <= 1:
        uri = conn_uri(r)
        return r.choice([["DATABASE_URL=", ("connection_string", uri)],
                         ["engine = create_engine(\"", ("connection_string", uri), "\")"],
                         ["the app can't connect with ", ("connection_string", uri), " — timeout"]])  # fmt: skip
    pw = rand_str(r, B62, 14)
    if choice == 2:
        jdbc = (f"jdbc:{r.choice(['postgresql', 'mysql'])}://db.internal:5432/app?"
                f"user=svc&password={pw}&ssl=true")  # fmt: skip
        return ["spring.datasource.url=", ("connection_string", jdbc)]
    ado = f"Server=tcp:sql.example.net,1433;Database=crm;User Id=sa;Password={pw}"
    return ['"ConnectionStrings": {"Default": "', ("connection_string", ado), ';"}']


def pos_password(r: random.Random) -> list[Part]:
    pw = password_value(r)
    return r.choice(
        [
            ["DB_PASSWORD=", ("password", pw)],
            ["password: ", ("password", pw), "\nusername: admin"],
            ['{"username": "admin", "password": "', ("password", pw), '"}'],
            ["smtp_pass = '", ("password", pw), "'"],
            ["admin_pwd=", ("password", pw), " ; do not share"],
            ["client_secret: \"", ("password", pw), "\""],
        ]
    )  # fmt: skip


def pos_mixed(r: random.Random) -> list[Part]:
    return r.choice(
        [
            ["Customer ", ("email", email(r)), " (phone ", ("phone", phone_value(r)),
             ") disputes a charge on card ", ("credit_card", format_card(r, card_number(r))), "."],
            ["Ticket #4821: user at ", ("ip_address", ipv4(r)), " reset password for ",
             ("email", email(r)), "; SSN on file ", ("us_ssn", ssn(r)), "."],
            ["Patient MRN ", ("medical_record_number", mrn(r)), ", DOB ",
             ("date_of_birth", birth_date(r)), ", lives at ", ("postal_address", us_address(r)), "."],
            ["Refund to ", ("iban", iban(r)), " and notify ", ("email", email(r))],
        ]
    )  # fmt: skip


# --- hard negatives -----------------------------------------------------------------------


def invalid_luhn_16(r: random.Random) -> str:
    while True:
        n = r.choice(["4", "5", "37", "6011"]) + digits(r, 12)
        n = n + digits(r, 16 - len(n))
        if not luhn_valid(n):
            return n


def neg(r: random.Random) -> list[Part]:
    y, mo, d = r.randrange(2015, 2027), r.randrange(1, 13), r.randrange(1, 29)
    sha = "".join(r.choice("0123456789abcdef") for _ in range(40))
    uuid = "-".join(
        "".join(r.choice("0123456789abcdef") for _ in range(n)) for n in (8, 4, 4, 4, 12)
    )
    options: list[str] = [
        f"Order #{r.randrange(100000, 999999)}-{r.randrange(10, 99)} shipped on {y}-{mo:02d}-{d:02d}.",
        f"Your order number is ORD-{y}-{digits(r, 6)}; keep it for returns.",
        f"Invoice {digits(r, 10)} is due in 30 days.",
        f"Test card rejected: {invalid_luhn_16(r)} fails validation.",
        f"ref {' '.join(invalid_luhn_16(r)[i : i + 4] for i in range(0, 16, 4))} not found",
        f"UPS tracking 1Z{rand_alnum(r, 6)}{digits(r, 10)} is out for delivery.",
        f"USPS tracking number {' '.join(digits(r, 4) for _ in range(5))} {digits(r, 2)}",
        f"Upgraded from {r.randrange(1, 5)}.{r.randrange(20)}.{r.randrange(10)} to {r.randrange(1, 5)}.{r.randrange(20)}.{r.randrange(10)} yesterday.",
        f"Firmware v{r.randrange(1, 20)}.{r.randrange(10)}.{r.randrange(10)}.{r.randrange(100)} is available.",
        f"Running version {r.randrange(1, 12)}.{r.randrange(10)}.{r.randrange(10)}.{r.randrange(1000)} of the agent",
        f"pip install package=={r.randrange(1, 5)}.{r.randrange(30)}.{r.randrange(10)}",
        f"request_id={uuid} completed in {r.randrange(5, 900)} ms",
        f"commit {sha} fixes the flaky test",
        f"sha256: {sha}{sha[:24]}",
        f"{y}-{mo:02d}-{d:02d}T{r.randrange(24):02d}:{r.randrange(60):02d}:{r.randrange(60):02d}.{digits(r, 3)}Z GET /health 200",
        f"The meeting moved to {mo:02d}/{d:02d}/{y} at {r.randrange(1, 12)}:30 pm.",
        f"Deadline: {d}.{mo}.{y}, release {y}.{mo}",
        f"Total: ${r.randrange(1, 99)},{r.randrange(100, 999)}.{r.randrange(10, 99)} incl. VAT",
        f"ISBN 978-{r.randrange(0, 2)}-{digits(r, 3)}-{digits(r, 5)}-{r.randrange(10)}",
        f"ISBN-13: 978{digits(r, 10)}",
        f"Part no. {r.randrange(100, 999)}-{r.randrange(100, 999)}-{digits(r, 4)} is back in stock.",
        f"SKU {r.randrange(100, 999)}-{digits(r, 4)}-{r.randrange(10, 99)}, qty 3",
        f"Model XR-{digits(r, 4)}-{digits(r, 3)} ships with a 2 year warranty.",
        f"Compute {r.randrange(100, 999)} * {r.randrange(100, 999)} + {r.randrange(1000, 9999)} = ?",
        "pi is about 3.14159265358979 and e is 2.718281828",
        f"Matrix row: {' '.join(str(r.randrange(100)) for _ in range(8))}",
        f"data:image/png;base64,{base64.b64encode(bytes(r.randrange(256) for _ in range(48))).decode()}",
        f"The payload is base64: {base64.b64encode(b'hello world, this is a harmless sample text').decode()}",
        "Set OPENAI_API_KEY to your key, e.g. sk-... (never commit it).",
        "Example: export ANTHROPIC_API_KEY=sk-ant-your-key-here",
        "Use an access key like AKIA... from the IAM console.",
        "Tokens look like ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx in the docs.",
        "password: <your password here>",
        "DB_PASSWORD=${DB_PASSWORD}",
        "postgres://user:${PGPASSWORD}@localhost:5432/app",
        "Passwords must be at least 12 characters long.",
        "The password field is required.",
        "Authorization: Bearer <token>",
        "Authorization: Bearer $ACCESS_TOKEN",
        "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
        f"Build {r.randrange(1, 10)}.{r.randrange(10)}.{r.randrange(10)}.{r.randrange(10)}.{r.randrange(10)} passed.",
        f"Listening on 0.0.0.0:{r.randrange(1024, 65535)} and 127.0.0.1:{r.randrange(1024, 65535)}",
        f"Python {r.randrange(2, 4)}.{r.randrange(6, 13)}.{r.randrange(10)} on linux",
        f"Chrome/{r.randrange(90, 130)}.0.{r.randrange(1000, 9999)}.{r.randrange(10, 200)} Safari/537.36",
        f"Invalid SSN {invalid_ssn(r)} rejected by the form.",
        f"Account {digits(r, 9)} has a balance of {r.randrange(10, 999)} EUR.",
        f"IBAN {iban(r, valid=False)} failed the checksum.",
        f"ID {digits(r, 11)} appears in the batch file.",
        f"Timestamp {1700000000 + r.randrange(10**8)} (unix) and {digits(r, 13)} ms",
        f"Reference number {digits(r, 15)} for your claim.",
        f"Serial no. {rand_upper(r, 2)}{digits(r, 8)}",
        f"Temperature {r.randrange(-20, 40)}.{r.randrange(10)} C at {r.randrange(24):02d}:{r.randrange(60):02d}:{r.randrange(60):02d}",
        f"Our office is open Mon-Fri 9:00-17:00, closed on {d} {MONTHS[mo - 1]} {y}.",
        "Patient ID is required for all lab orders.",
        "The passport photo must be 35x45 mm.",
        f"Born to run: chapter {r.randrange(1, 20)}, page {r.randrange(1, 300)}",
        f"Date of the next board meeting: {mo:02d}/{d:02d}/{y}",
        f"We have {r.randrange(2, 90)} Main Streets in the country dataset.",
        f"GPU with 80GB memory and {r.randrange(2, 9)}TB disk; PS5 1TB",
        f"MAC address 00:1a:{r.randrange(16, 99)}:3c:4d:5e on eth0",
        f"std::vector<int> v; v.reserve({r.randrange(10, 999)});",
        f"Call at {r.randrange(1, 12)}:{r.randrange(10, 59)} — the 2 {r.randrange(10, 99)} {r.randrange(10, 99)} build is fine.",
        f"Color #{''.join(r.choice('0123456789abcdef') for _ in range(6))} and rgb({r.randrange(256)}, {r.randrange(256)}, {r.randrange(256)})",
        f"Coordinates {r.randrange(-90, 90)}.{digits(r, 6)}, {r.randrange(-180, 180)}.{digits(r, 6)}",
        f"Range 10.0.0.0/8 is private; see RFC 1918 section {r.randrange(1, 9)}.{r.randrange(1, 9)}",
        f"Weight {r.randrange(1, 99)}.{r.randrange(1, 9)} kg, height {r.randrange(150, 200)} cm",
        f"See https://example.com/docs/v{r.randrange(1, 5)}/guide#section-{r.randrange(1, 20)}",
        f"Error code 0x{''.join(r.choice('0123456789ABCDEF') for _ in range(8))} at offset {r.randrange(10**6)}",
        f"Lot {rand_upper(r, 3)}-{digits(r, 6)} expires {mo:02d}/{y}",
        f"The answer is {digits(r, 12)}.",
    ]
    return [r.choice(options)]


POSITIVE_MAKERS: list[tuple[Maker, int]] = [
    (pos_email, 110),
    (pos_phone, 170),
    (pos_card, 120),
    (pos_iban, 100),
    (pos_ssn, 100),
    (pos_national, 170),
    (pos_ip, 110),
    (pos_dob, 110),
    (pos_address, 120),
    (pos_mrn, 60),
    (pos_passport, 60),
    (pos_secret, 230),
    (pos_private_key, 30),
    (pos_connection, 80),
    (pos_password, 90),
    (pos_mixed, 80),
]
NEGATIVES = 900


def generate(seed: int = SEED) -> list[dict[str, object]]:
    rng = random.Random(seed)
    samples = []
    for maker, count in POSITIVE_MAKERS:
        samples.extend(assemble(maker(rng), "positive") for _ in range(count))
    samples.extend(assemble(neg(rng), "negative") for _ in range(NEGATIVES))
    rng.shuffle(samples)
    return samples


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    samples = generate()
    with out.open("w", encoding="utf-8") as fh:
        for sample in samples:
            fh.write(json.dumps(sample, ensure_ascii=False) + "\n")
    spans = sum(len(s["spans"]) for s in samples)  # type: ignore[arg-type]
    print(f"wrote {len(samples)} samples, {spans} spans to {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
