"""The pattern engine: each kind's positives and look-alikes, offsets, overlaps, and speed."""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path

import pytest

from bastion.guardrails import recognizers, scanning
from bastion.guardrails.findings import Finding
from bastion.guardrails.recognizers import KINDS, register_name_recognizer, scan
from bastion.guardrails.validators import (
    de_steuer_id_ok,
    es_dni_ok,
    fr_nir_ok,
    iban_ok,
    it_codice_fiscale_ok,
    luhn_ok,
    us_ssn_ok,
)

JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)


def found(text: str, kinds: frozenset[str] | None = None) -> list[tuple[str, str]]:
    """(kind, matched text) pairs, checking that every offset slices out the value."""
    findings = scan(text, kinds)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.category == KINDS[f.kind]
    return [(f.kind, f.text(text)) for f in findings]


POSITIVES: list[tuple[str, str, str]] = [
    # (kind, text, the exact value expected)
    ("email", "write to jane.q+billing@mail.example.com today", "jane.q+billing@mail.example.com"),
    ("email", "<ops@example.co.uk>", "ops@example.co.uk"),
    ("phone", "call +44 20 7946 0958 ext. 12 please", "+44 20 7946 0958 ext. 12"),
    ("phone", "office (415) 555-2671, ask for billing", "(415) 555-2671"),
    ("phone", "cell 415.555.2671 x204", "415.555.2671 x204"),
    ("phone", "toll free 1-800-555-0199.", "1-800-555-0199"),
    ("phone", "Berlin: +49 (0)30 1234567", "+49 (0)30 1234567"),
    ("phone", "Tel: 020 7946 0958", "020 7946 0958"),
    ("credit_card", "card 4111 1111 1111 1111 exp 09/28", "4111 1111 1111 1111"),
    ("credit_card", "amex 3782-822463-10005", "3782-822463-10005"),
    ("credit_card", "mc 2221000000000009", "2221000000000009"),
    ("iban", "IBAN DE89 3704 0044 0532 0130 00 EUR", "DE89 3704 0044 0532 0130 00"),
    ("iban", "to GB82WEST12345698765432.", "GB82WEST12345698765432"),
    ("us_ssn", "SSN 078-05-1121 on file", "078-05-1121"),
    ("us_ssn", "social security number: 234567890", "234567890"),
    ("uk_nino", "NI number QQ 12 34 56 C is not allocated; AB 12 34 56 C is", "AB 12 34 56 C"),
    ("fr_nir", "NIR 2 55 08 14 168 025 38", "2 55 08 14 168 025 38"),
    ("es_dni", "DNI 12345678Z", "12345678Z"),
    ("es_nie", "NIE X1234567L", "X1234567L"),
    ("it_codice_fiscale", "CF RSSMRA85T10A562S", "RSSMRA85T10A562S"),
    ("de_steuer_id", "Steuer-ID: 65929970489", "65929970489"),
    ("ip_address", "from 203.0.113.7:443 ok", "203.0.113.7"),
    ("ip_address", "addr 2001:db8::8a2e:370:7334 up", "2001:db8::8a2e:370:7334"),
    ("date_of_birth", "DOB: 03/14/1985", "03/14/1985"),
    ("date_of_birth", "he was born on March 3, 1985 in Ohio", "March 3, 1985"),
    ("date_of_birth", "née le 4 juillet 1972", "4 juillet 1972"),
    ("date_of_birth", "geboren am 12.05.1990", "12.05.1990"),
    (
        "postal_address",
        "ship to 1600 Pennsylvania Ave NW, Washington, DC 20500 now",
        "1600 Pennsylvania Ave NW, Washington, DC 20500",
    ),
    ("postal_address", "London SW1A 2AA", "SW1A 2AA"),
    ("medical_record_number", "MRN: 00482913, bed 4", "00482913"),
    ("passport", "passport no. X1234567 expires", "X1234567"),
    ("aws_access_key", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
    (
        "aws_secret_key",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ),
    (
        "github_token",
        "token ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A end",
        "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A",
    ),
    (
        "slack_token",
        "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
        "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
    ),
    ("stripe_key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
    (
        "google_api_key",
        "key=AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW",
        "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW",
    ),
    (
        "openai_key",
        "OPENAI_API_KEY=sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78",
        "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78",
    ),
    (
        "anthropic_key",
        "sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa9876543210AA",
        "sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa9876543210AA",
    ),
    ("jwt", f"token={JWT}", JWT),
    (
        "bearer_token",
        "Authorization: Bearer 9f8A7b6C5d4E3f2G1h0IjKlMnOp",
        "9f8A7b6C5d4E3f2G1h0IjKlMnOp",
    ),
    (
        "connection_string",
        "DATABASE_URL=postgres://app:Sup3rS3cret@db.internal:5432/app.",
        "postgres://app:Sup3rS3cret@db.internal:5432/app",
    ),
    (
        "connection_string",
        "mongodb+srv://etl:Pa55w0rdX@cluster0.example.net/db",
        "mongodb+srv://etl:Pa55w0rdX@cluster0.example.net/db",
    ),
    (
        "connection_string",
        "Server=tcp:sql.example.net,1433;Database=crm;User Id=sa;Password=Qw3rty!9;",
        "Server=tcp:sql.example.net,1433;Database=crm;User Id=sa;Password=Qw3rty!9",
    ),
    ("password", 'DB_PASSWORD="hunter2hunter2"', "hunter2hunter2"),
    ("password", "password: Tr0ub4dor&3\n", "Tr0ub4dor&3"),
]


@pytest.mark.parametrize(("kind", "text", "value"), POSITIVES, ids=[p[0] for p in POSITIVES])
def test_positive(kind: str, text: str, value: str) -> None:
    assert (kind, value) in found(text)


def test_private_key_block() -> None:
    body = "\n".join(["MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"] * 4)
    key = f"-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----"
    assert found(f"deploy key:\n{key}\nthanks") == [("private_key", key)]
    # Truncated paste: the key runs as far as its base64 lines.
    truncated = f"-----BEGIN PRIVATE KEY-----\n{body}"
    assert found(truncated + "\n\nwhat is this?") == [("private_key", truncated)]


NEGATIVES = [
    "Order #558812-44 shipped on 2024-03-14.",
    "Your order number is ORD-2024-558812.",
    "Part no. 648-828-2953 is back in stock.",
    "Test card 4111 1111 1111 1112 fails validation.",  # Luhn
    "ref 4903 0780 3598 8331 not found",
    "Matrix row: 24 68 56 67 95 69 61 61",  # Luhn-valid but not grouped like a card
    "IBAN DE88 3704 0044 0532 0130 00 failed the checksum.",
    "SSN 000-12-3456 and 666-12-3456 and 912-34-5678 and 123-00-4567 and 123-45-0000",
    "Account 234567890 has a balance of 12 EUR.",  # nine digits, no context
    "upgraded 1.2.3 to 1.2.4; firmware v10.0.0.1; build 10.0.0.1.2; version 4.3.2.1",
    "Listening on 0.0.0.0:8080 and 127.0.0.1:9090, ::1 too",
    "Range 10.0.0.0/8 is private",
    "request_id=3f2b8c1e-9a7d-4e2f-b1c3-5d6e7f8a9b0c",
    "commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904 fixes it",
    "The meeting moved to 03/14/2024 at 2:30 pm; date of the board meeting: 2024-05-01.",
    "Total: $1,234.56 incl. VAT; ISBN 978-3-16-148410-0",
    "UPS tracking 1Z999AA10123456784 is out for delivery.",
    "MAC 00:1a:2b:3c:4d:5e; std::vector<int> v; Foo::Bar",
    "Set OPENAI_API_KEY to your key, e.g. sk-... or sk-your-key-here",
    "Tokens look like ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx in the docs; use AKIA... keys",
    "password: <your password here>\nDB_PASSWORD=${DB_PASSWORD}\nPasswords must be long.",
    "postgres://user:${PGPASSWORD}@localhost:5432/app",
    "Authorization: Bearer <token>\nAuthorization: Bearer $ACCESS_TOKEN",
    "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
    "The payload is base64: aGVsbG8gd29ybGQsIHRoaXMgaXMgYSBoYXJtbGVzcyBzYW1wbGUgdGV4dA==",
    "Patient ID is required. The passport photo must be 35x45 mm. Born to run.",
    "GPU with 80GB memory; PS5 1TB",
    "Je ne le sais pas depuis le 12/03/2020.",
    "pi is about 3.14159265358979 and e is 2.718281828",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_hard_negative(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("check", "good", "bad"),
    [
        (luhn_ok, "4111111111111111", "4111111111111112"),
        (iban_ok, "DE89370400440532013000", "DE88370400440532013000"),
        (iban_ok, "GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 3"),  # length
        (us_ssn_ok, "234-56-7890", "000-56-7890"),
        (us_ssn_ok, "234-56-7890", "666-56-7890"),
        (us_ssn_ok, "234-56-7890", "934-56-7890"),
        (us_ssn_ok, "234-56-7890", "234-00-7890"),
        (us_ssn_ok, "234-56-7890", "234-56-0000"),
        (es_dni_ok, "12345678Z", "12345678A"),
        (it_codice_fiscale_ok, "RSSMRA85T10A562S", "RSSMRA85T10A562T"),
        (de_steuer_id_ok, "65929970489", "65929970488"),
        (fr_nir_ok, "255081416802538", "255081416802539"),
    ],
)
def test_checksums(check: object, good: str, bad: str) -> None:
    assert callable(check)
    assert check(good) is True
    assert check(bad) is False


def test_ssn_unformatted_needs_context() -> None:
    assert found("ref 234567890") == []
    assert found("SSN: 234567890") == [("us_ssn", "234567890")]


def test_dates_need_birth_context() -> None:
    assert found("invoice dated 03/14/1985") == []
    assert found("DOB 31/02/1985") == []  # not a calendar date


def test_overlap_keeps_longer_and_more_specific() -> None:
    # The e-mail-like "pw@host" inside a connection string is part of the longer finding.
    text = "url mysql://root:pw123456@db.example.com:3306/x"
    assert found(text) == [("connection_string", "mysql://root:pw123456@db.example.com:3306/x")]
    # A JWT sent as a bearer token is reported once, as a JWT.
    assert found(f"Authorization: Bearer {JWT}") == [("jwt", JWT)]
    # A provider key in a password assignment is that provider's key.
    key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
    assert found(f'secret = "{key}"') == [("stripe_key", key)]


def test_findings_sorted_and_disjoint() -> None:
    text = (
        "Customer jane@example.com (phone +1 415 555 2671) paid with 4111-1111-1111-1111 "
        "from 198.51.100.23; SSN 234-56-7890, IBAN GB82 WEST 1234 5698 7654 32."
    )
    findings = scan(text)
    assert [f.kind for f in findings] == [
        "email",
        "phone",
        "credit_card",
        "ip_address",
        "us_ssn",
        "iban",
    ]
    for a, b in itertools.pairwise(findings):
        assert a.end <= b.start


def test_kinds_restricts_and_rejects_unknown() -> None:
    text = "jane@example.com 4111 1111 1111 1111"
    assert found(text, frozenset({"credit_card"})) == [("credit_card", "4111 1111 1111 1111")]
    assert found(text, frozenset()) == []
    with pytest.raises(ValueError, match="emial"):
        scan(text, frozenset({"emial"}))


def test_empty_and_unicode() -> None:
    assert scan("") == []
    text = "Привет 👋 — écrivez à zoë.müller@example.de, İstanbul ofisi: +90 212 555 01 23"
    assert found(text) == [
        ("email", "zoë.müller@example.de"),
        ("phone", "+90 212 555 01 23"),
    ]
    # Characters whose lower case is longer (İ) must not shift offsets of keyed recognizers.
    text = "İİİİ DOB: 1985-03-14, SSN: 234567890"
    assert found(text) == [("date_of_birth", "1985-03-14"), ("us_ssn", "234567890")]


def test_every_kind_is_categorised() -> None:
    assert set(KINDS.values()) <= {"pii", "secret", "phi"}
    assert KINDS["medical_record_number"] == "phi"
    assert KINDS["jwt"] == "secret"


def test_name_recognizer_extension_point() -> None:
    # A registered recognizer adds names the shipped one does not know (here, a droid's).
    class Names:
        def scan_names(self, text: str) -> list[Finding]:
            start = text.find("R2-D2")
            return [Finding("person", "pii", start, start + 5)] if start >= 0 else []

    assert found("R2-D2 wrote to ada@example.com") == [("email", "ada@example.com")]
    register_name_recognizer(Names())
    try:
        assert found("R2-D2 wrote to ada@example.com") == [
            ("person", "R2-D2"),
            ("email", "ada@example.com"),
        ]
        assert found("R2-D2", frozenset({"email"})) == []
    finally:
        register_name_recognizer(None)


PATHOLOGICAL = [
    "a" * 1_000_000,
    "1" * 1_000_000,
    "1 " * 500_000,
    "a." * 500_000 + "@",
    "a@" * 500_000,
    ":" * 1_000_000,
    "1:" * 500_000,
    "1." * 500_000,
    "-----BEGIN PRIVATE KEY-----" * 37_000,
    "password=" * 110_000,
    "eyJ" * 330_000,
    "DOB " * 250_000,
    "+1 (" * 250_000,
    "A1 " * 330_000,
    # Health terms and the cues that tie them to someone, as dense as they come.
    "diabetes my " * 83_000,
    "pt diabetes " * 83_000,
    "my my my my my diabetes " * 42_000,
    "metformin 500 mg " * 59_000,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: repr(t[:12]))
def test_pathological_input_is_linear(text: str) -> None:
    # This thread's CPU time, which other work on a loaded machine does not stretch; a
    # backtracking pattern would take minutes on a megabyte.
    started = time.thread_time()
    scan(text)
    assert time.thread_time() - started < 5.0


def test_one_megabyte_of_mixed_text_is_fast() -> None:
    chunk = (
        "Hi, I'm writing about order #558812-44 (v1.2.3). Contact jane@example.com or "
        "+44 20 7946 0958; card 4111 1111 1111 1111; key AKIAIOSFODNN7EXAMPLE.\n"
    )
    text = chunk * (1_000_000 // len(chunk))
    started = time.thread_time()
    findings = scan(text)
    elapsed = time.thread_time() - started
    assert len(findings) == 4 * (1_000_000 // len(chunk))
    assert elapsed < 10.0  # ~1 s on a 2-vCPU VM; generous for loaded CI machines


PROSE = (
    "Our support team received the attached customer message about a delayed delivery. "
    "Please draft a polite reply that apologises for the delay and offers a discount code. "
)


def test_anchored_matching_finds_what_a_full_search_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In prose with few digits, patterns are tried only at candidate offsets; the findings
    must be exactly those of searching every offset, for every labelled sample."""
    dataset = Path(recognizers.__file__).parents[3] / "benchmarks" / "guardrails"
    samples = [
        json.loads(line)["text"]
        for line in (dataset / "pii_eval.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    texts = [f"{PROSE * 8}{sample} {PROSE * 4}" for sample in samples]
    anchored = [scan(text) for text in texts]
    tried = sum(scanning.Text(text).digit_word_starts() is not None for text in texts)
    assert tried > len(texts) * 0.9  # the anchored path is what this test exercises
    monkeypatch.setattr(scanning, "_ANCHORS_PER_KB", -(10**6))  # always search
    assert scanning.Text(texts[0]).digit_word_starts() is None
    for text, expected in zip(texts, anchored, strict=True):
        assert scan(text) == expected, text
