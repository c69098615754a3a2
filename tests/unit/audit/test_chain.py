from __future__ import annotations

import hashlib
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta, timezone

import orjson
import pytest

from bastion.audit.chain import GENESIS_HASH, AuditEntry, ChainState, Signer, iso, record_hash
from bastion.audit.redact import redact, redact_json, redact_stream

TS = datetime(2026, 12, 1, 10, 0, 0, 123456, tzinfo=UTC)


def _entry(payload: str = "{}") -> AuditEntry:
    return AuditEntry("intent", "req-1", "ten-1", payload, TS)


def test_each_record_links_to_the_previous_hash() -> None:
    state = ChainState("c1")
    first = state.link(_entry('{"a":1}'), 0.0)
    second = state.link(_entry('{"a":2}'), 0.0)
    assert first["prev_hash"] == GENESIS_HASH
    assert second["prev_hash"] == first["hash"]
    assert (first["seq"], second["seq"]) == (1, 2)
    assert state.head_hash == second["hash"]


def test_the_hash_covers_every_field() -> None:
    fields = {
        "chain": "c1",
        "seq": 1,
        "segment": 1,
        "ts": TS,
        "kind": "intent",
        "request_id": "r",
        "tenant_id": "t",
        "payload": "{}",
    }
    base = record_hash(GENESIS_HASH, **fields)  # type: ignore[arg-type]
    changes = {
        "chain": "c2",
        "seq": 2,
        "segment": 2,
        "ts": TS.replace(microsecond=1),
        "kind": "abort",
        "request_id": "r2",
        "tenant_id": "t2",
        "payload": "{ }",
    }
    for name, value in changes.items():
        assert record_hash(GENESIS_HASH, **{**fields, name: value}) != base, name  # type: ignore[arg-type]
    assert record_hash("1" * 64, **fields) != base  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "ts",
    [
        datetime(2026, 12, 7, 5, 49, 50, 995123, tzinfo=UTC),
        datetime(2026, 12, 7, 5, 49, 50, tzinfo=UTC),  # no microseconds: still six decimals
        datetime(2026, 12, 7, 5, 49, 50, 120000, tzinfo=UTC),
        datetime(2026, 12, 7, 7, 49, 50, 1, tzinfo=timezone(timedelta(hours=2))),
    ],
)
def test_the_hash_layout_is_what_stored_records_were_hashed_with(ts: datetime) -> None:
    # Records written by every earlier version must keep verifying: the hash is SHA-256 over
    # the fields joined by 0x1F, the time in UTC with six decimals.
    fields = ["p" * 64, "c1", "7", "2", "", "completion", "r1", "", '{"é":1}']
    fields[4] = ts.astimezone(UTC).isoformat(timespec="microseconds")
    expected = hashlib.sha256(b"\x1f".join(f.encode() for f in fields)).hexdigest()
    got = record_hash(
        "p" * 64,
        chain="c1",
        seq=7,
        segment=2,
        ts=ts,
        kind="completion",
        request_id="r1",
        tenant_id=None,
        payload='{"é":1}',
    )
    assert got == expected
    assert iso(ts) == fields[4]


def test_closing_a_segment_seals_its_range_and_starts_the_next() -> None:
    state = ChainState("c1")
    for _ in range(3):
        state.link(_entry(), 0.0)
    checkpoint = state.close_segment(TS, Signer(b"k" * 32))
    assert (checkpoint.segment, checkpoint.first_seq, checkpoint.last_seq) == (1, 1, 3)
    assert checkpoint.last_hash == state.head_hash
    assert state.segment == 2
    assert state.segment_first_seq == 4
    assert state.link(_entry(), 0.0)["segment"] == 2


def test_signatures_verify_only_with_the_same_key_and_content() -> None:
    state = ChainState("c1")
    state.link(_entry(), 0.0)
    signer = Signer(b"k" * 32)
    checkpoint = state.close_segment(TS, signer)
    assert signer.verifies(checkpoint)
    assert not Signer(b"x" * 32).verifies(checkpoint)
    assert not signer.verifies(replace(checkpoint, last_hash="0" * 64))
    assert not signer.verifies(replace(checkpoint, signature=None))


def test_short_signing_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 16 bytes"):
        Signer(b"short")


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("mail me at jane.doe@example.com please", "jane.doe@example.com"),
        ("card 4111 1111 1111 1111 ok", "4111 1111 1111 1111"),
        ("call +44 20 7946 0958", "20 7946 0958"),
        ("key sk-abcdefghijklmnopqrstuvwx", "sk-abcdefghijklmnopqrstuvwx"),
        ("aws AKIAIOSFODNN7EXAMPLE here", "AKIAIOSFODNN7EXAMPLE"),
        ("Authorization: Bearer abcdefghijklmnop1234", "abcdefghijklmnop1234"),
        ("db postgresql://app:s3cret@db.internal/prod", "s3cret"),
        ("host 10.1.2.3 down", "10.1.2.3"),
        # At a sentence's end, glued to a label, spaced, in brackets, written as IBANs are.
        ("Charge card 4111111111111111.", "4111111111111111"),
        ("card number:4111111111111111.", "4111111111111111"),
        ("card 4111 1111 1111 1111.", "1111."),
        ("call (202) 555-0178.", "0178"),
        ("to IBAN DE89370400440532013000 now", "DE89370400440532013000"),
        ("or NL91ABNA0417164300", "NL91ABNA0417164300"),
        ("FR14 2004 1010 0505 0001 3M02 606", "3M02 606"),
    ],
)
def test_redaction_masks_personal_data_and_secrets(text: str, hidden: str) -> None:
    assert hidden not in redact(text)


def test_a_json_body_is_masked_value_by_value() -> None:
    body = orjson.dumps({"messages": [{"content": "card\n4111111111111111"}], "n": 1})
    seen: list[str] = []

    def find(text: str) -> list[tuple[int, int, str]]:
        seen.append(text)
        at = text.find("secret")
        return [(at, at + 6, "password")] if at >= 0 else []

    masked = redact_json(body + b" ", find, 1000)
    assert masked is not None
    assert "4111111111111111" not in masked  # read as the client wrote it, not as "n4111…"
    assert orjson.loads(masked)["n"] == 1
    assert seen == ["card\n4111111111111111"]
    assert redact_json(b"not json", find, 1000) is None
    assert orjson.loads(redact_json(b'["my secret"]', find, 1000) or "") == ["my [PASSWORD]"]
    # Strings past the limit are not masked one by one: the capture cuts them off. The string
    # that crosses it is cut at a space before it is read (a token cut in half is dropped).
    long = orjson.dumps(["a" * 50, "secret", "secret"])
    assert orjson.loads(redact_json(long, find, 40) or "") == ["…", "…", "…"]
    seen.clear()
    words = orjson.dumps(["my secret " * 10_000])
    assert orjson.loads(redact_json(words, find, 25) or "") == ["my [PASSWORD] my secret my…"]
    assert seen == ["my secret my secret my…"]  # 100 KB of prompt, only what is kept is read


def test_a_value_streamed_in_pieces_is_masked_where_each_piece_lies() -> None:
    said = "Card 4111 1111 1111 1111 and mail jane.doe@example.com, thanks."
    pieces = [said[i : i + 7] for i in range(0, len(said), 7)]
    events = [
        b"data: " + orjson.dumps({"id": "c1", "choices": [{"delta": {"content": piece}}]})
        for piece in pieces
    ]
    body = b"\n\n".join([*events, b"data: [DONE]"]) + b"\n\n"
    masked = redact_stream(body, lambda text: [])
    assert "1111" not in masked and "jane" not in masked
    texts = [
        orjson.loads(line[6:])["choices"][0]["delta"]["content"]
        for line in masked.split("\n\n")
        if line.startswith("data: {")
    ]
    assert "".join(texts) == "Card [NUMBER] and mail [EMAIL], thanks."
    assert len(texts) == len(pieces)  # every event kept, in order
    assert masked.rstrip().endswith("data: [DONE]")


def test_redaction_keeps_short_numbers() -> None:
    assert redact("3 apples in 2025 cost 12 dollars") == "3 apples in 2025 cost 12 dollars"


def test_a_copied_chain_state_carries_every_field_and_is_apart() -> None:
    state = ChainState("chain-a")
    values = {
        "next_seq": 7,
        "head_hash": "ab" * 32,
        "segment": 3,
        "segment_first_seq": 5,
        "segment_first_ts": datetime(2026, 1, 2, tzinfo=UTC),
        "segment_last_ts": datetime(2026, 1, 3, tzinfo=UTC),
        "segment_opened": 12.5,
    }
    # A field added to ChainState must be added here and to its copy().
    assert {"chain", *values} == {f.name for f in fields(ChainState)}
    for name, value in values.items():
        setattr(state, name, value)
    copied = state.copy()
    assert {f.name: getattr(copied, f.name) for f in fields(ChainState)} == {
        f.name: getattr(state, f.name) for f in fields(ChainState)
    }
    copied.next_seq = 99
    assert state.next_seq == 7
