"""Hash chaining and checkpoint signing of audit records.

Each gateway process writes its own chain. A record's hash covers the previous record's hash
and every stored field, so an edit, a deletion, an insertion or a reordering breaks a link.
Chains are cut into segments; closing a segment writes a checkpoint naming its last record's
hash, signed with HMAC-SHA256 when a key is configured. Checkpoints outlive pruned segments,
so what remains after pruning still verifies from a signed anchor.

Text is made storable (no NUL, no lone surrogate; see bastion.store.text) before it is
hashed, so what is stored is what was hashed. Should the database still refuse a record, its
place in the chain is taken by a *stand-in* (``quarantine_stand_in``): same chain, seq,
segment, time and hashes, kind ``quarantined``, and the original kind, request id, tenant id
and payload kept as ASCII JSON, from which the verifier recomputes the original hash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import orjson

from bastion.store.text import storable_text

GENESIS_HASH = "0" * 64
# The kind of a stand-in for a record the database refused (see quarantine_stand_in).
QUARANTINED = "quarantined"
_SEP = b"\x1f"
_TEXT_SEP = _SEP.decode()
_CHECKPOINT_DOMAIN = b"bastion-audit-checkpoint-v1"


def iso(ts: datetime) -> str:
    """``ts`` in UTC as ISO 8601 with six decimals, as every record's hash has it."""
    utc = ts.astimezone(UTC)
    if utc.microsecond:  # orjson writes the same text, several times faster (twice a request)
        return orjson.dumps(utc)[1:-1].decode()
    return utc.isoformat(timespec="microseconds")  # orjson would leave the decimals out


def new_chain_id(now: datetime) -> str:
    """Sortable by start time, unique across processes."""
    return f"{now.astimezone(UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(6)}"


def record_hash(
    prev_hash: str,
    *,
    chain: str,
    seq: int,
    segment: int,
    ts: datetime,
    kind: str,
    request_id: str | None,
    tenant_id: str | None,
    payload: str,
) -> str:
    fields = (
        prev_hash,
        chain,
        str(seq),
        str(segment),
        iso(ts),
        kind,
        request_id or "",
        tenant_id or "",
        payload,
    )
    # One encode of the joined text: the same bytes as joining each field's encoding (the
    # separator is ASCII), and a lone surrogate raises UnicodeEncodeError all the same.
    return hashlib.sha256(_TEXT_SEP.join(fields).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainHead:
    """A chain's record as a later chain's start record names it."""

    chain: str
    seq: int
    hash: str


def chain_start_payload(heads: Sequence[ChainHead]) -> str:
    """A start record's payload: the heads of every chain no earlier start named yet."""
    follows = [{"chain": h.chain, "seq": h.seq, "hash": h.hash} for h in heads]
    return orjson.dumps({"follows": follows}, option=orjson.OPT_SORT_KEYS).decode()


def followed_heads(payload: str) -> list[ChainHead] | None:
    """The heads a start record names; None when its payload cannot be read (edited).

    Earlier versions named one head, as an object (or null for the first chain).
    """
    try:
        follows = orjson.loads(payload).get("follows")
    except (orjson.JSONDecodeError, AttributeError):
        return None
    links = [follows] if isinstance(follows, dict) else follows if follows is not None else []
    if not isinstance(links, list):
        return None
    heads = []
    for link in links:
        if not isinstance(link, dict):
            return None
        chain, seq, digest = link.get("chain"), link.get("seq"), link.get("hash")
        if not isinstance(chain, str) or not isinstance(seq, int) or not isinstance(digest, str):
            return None
        heads.append(ChainHead(chain, seq, digest))
    return heads


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """What the request path hands to the journal; the writer chains it."""

    kind: str
    request_id: str | None
    tenant_id: str | None
    payload: str  # JSON text, hashed exactly as stored
    ts: datetime


@dataclass(frozen=True, slots=True)
class Checkpoint:
    chain: str
    segment: int
    first_seq: int
    last_seq: int
    last_hash: str
    first_ts: datetime
    last_ts: datetime
    created_at: datetime
    key_id: str | None = None
    signature: str | None = None

    def message(self) -> bytes:
        fields = (
            self.chain,
            str(self.segment),
            str(self.first_seq),
            str(self.last_seq),
            self.last_hash,
            iso(self.first_ts),
            iso(self.last_ts),
            iso(self.created_at),
        )
        return _SEP.join((_CHECKPOINT_DOMAIN, *(f.encode() for f in fields)))

    def row(self) -> dict[str, Any]:
        return {
            "chain": self.chain,
            "segment": self.segment,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "last_hash": self.last_hash,
            "first_ts": self.first_ts,
            "last_ts": self.last_ts,
            "created_at": self.created_at,
            "key_id": self.key_id,
            "signature": self.signature,
        }


class Signer:
    """HMAC-SHA256 over a checkpoint; the key comes from the environment, never the database."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("the audit signing key must be at least 16 bytes")
        self._key = key
        self.key_id = hashlib.sha256(key).hexdigest()[:16]

    def sign(self, checkpoint: Checkpoint) -> Checkpoint:
        signature = hmac.new(self._key, checkpoint.message(), hashlib.sha256).hexdigest()
        return replace(checkpoint, key_id=self.key_id, signature=signature)

    def verifies(self, checkpoint: Checkpoint) -> bool:
        if checkpoint.signature is None:
            return False
        expected = hmac.new(self._key, checkpoint.message(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, checkpoint.signature)


@dataclass(slots=True)
class ChainState:
    """The head of this process's chain and its open segment; owned by the journal writer."""

    chain: str
    next_seq: int = 1
    head_hash: str = GENESIS_HASH
    segment: int = 1
    segment_first_seq: int = 1
    segment_first_ts: datetime | None = None
    segment_last_ts: datetime | None = None
    segment_opened: float = 0.0  # monotonic time of the segment's first record

    def copy(self) -> ChainState:
        # Every append copies the state (twice a request); dataclasses.replace costs seven times
        # this. A test checks that every field is carried over.
        return ChainState(
            self.chain,
            self.next_seq,
            self.head_hash,
            self.segment,
            self.segment_first_seq,
            self.segment_first_ts,
            self.segment_last_ts,
            self.segment_opened,
        )

    @property
    def segment_records(self) -> int:
        return self.next_seq - self.segment_first_seq

    def link(self, entry: AuditEntry, opened_at: float) -> dict[str, Any]:
        """Chains ``entry`` onto the head and returns the row to insert."""
        seq = self.next_seq
        entry = _storable(entry)
        try:
            digest = self._hash(entry, seq)
        except UnicodeEncodeError:  # a lone surrogate: no database would store it either
            entry = _storable(entry, surrogates=True)
            digest = self._hash(entry, seq)
        row = {
            "chain": self.chain,
            "seq": seq,
            "segment": self.segment,
            "ts": entry.ts,
            "kind": entry.kind,
            "request_id": entry.request_id,
            "tenant_id": entry.tenant_id,
            "payload": entry.payload,
            "prev_hash": self.head_hash,
            "hash": digest,
        }
        if self.segment_records == 0:
            self.segment_first_ts = entry.ts
            self.segment_opened = opened_at
        self.segment_last_ts = entry.ts
        self.head_hash = digest
        self.next_seq = seq + 1
        return row

    def _hash(self, entry: AuditEntry, seq: int) -> str:
        return record_hash(
            self.head_hash,
            chain=self.chain,
            seq=seq,
            segment=self.segment,
            ts=entry.ts,
            kind=entry.kind,
            request_id=entry.request_id,
            tenant_id=entry.tenant_id,
            payload=entry.payload,
        )

    def close_segment(self, now: datetime, signer: Signer | None) -> Checkpoint:
        assert self.segment_first_ts is not None
        assert self.segment_last_ts is not None
        checkpoint = Checkpoint(
            chain=self.chain,
            segment=self.segment,
            first_seq=self.segment_first_seq,
            last_seq=self.next_seq - 1,
            last_hash=self.head_hash,
            first_ts=self.segment_first_ts,
            last_ts=self.segment_last_ts,
            created_at=now,
        )
        self.segment += 1
        self.segment_first_seq = self.next_seq
        self.segment_first_ts = None
        self.segment_last_ts = None
        return signer.sign(checkpoint) if signer is not None else checkpoint


def _storable(entry: AuditEntry, *, surrogates: bool = False) -> AuditEntry:
    """``entry`` with NUL (and, when asked, lone surrogates) replaced in its text.

    A ``memchr`` per field: the payload is JSON, in which NUL only appears escaped, and the
    other fields are the gateway's own; only a caller's mistake makes this replace anything.
    Surrogates are looked for only when hashing found one.
    """
    request_id, tenant_id = entry.request_id, entry.tenant_id
    if not (
        surrogates
        or "\x00" in entry.payload
        or "\x00" in entry.kind
        or (request_id is not None and "\x00" in request_id)
        or (tenant_id is not None and "\x00" in tenant_id)
    ):
        return entry
    return replace(
        entry,
        kind=storable_text(entry.kind),
        request_id=None if entry.request_id is None else storable_text(entry.request_id),
        tenant_id=None if entry.tenant_id is None else storable_text(entry.tenant_id),
        payload=storable_text(entry.payload),
    )


_ORIGINAL_FIELDS = ("kind", "request_id", "tenant_id", "payload")


def quarantine_stand_in(row: Mapping[str, Any], reason: str) -> dict[str, Any]:
    """The row that holds a refused record's place in its chain.

    Chain, seq, segment, time and both hashes are the original's, so the links before and
    after it and its segment's checkpoint still verify; the original kind, request id, tenant
    id and payload are kept as ASCII JSON (which any text column stores), so the verifier can
    recompute the original hash and tell a stand-in from an edit.
    """
    original = {name: row.get(name) for name in _ORIGINAL_FIELDS}
    payload = json.dumps(
        {"original": original, "reason": reason}, ensure_ascii=True, sort_keys=True
    )
    return {
        "chain": row["chain"],
        "seq": row["seq"],
        "segment": row["segment"],
        "ts": row["ts"],
        "kind": QUARANTINED,
        "request_id": _fitting(row.get("request_id"), 40),
        "tenant_id": _fitting(row.get("tenant_id"), 32),
        "payload": payload,
        "prev_hash": row["prev_hash"],
        "hash": row["hash"],
    }


def stand_in_original(payload: str) -> tuple[str, str | None, str | None, str] | None:
    """The original (kind, request id, tenant id, payload) a stand-in keeps, if it is one."""
    try:
        original = json.loads(payload)["original"]
        kind, request_id, tenant_id, text = (original[name] for name in _ORIGINAL_FIELDS)
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(kind, str) or not isinstance(text, str):
        return None
    if not all(v is None or isinstance(v, str) for v in (request_id, tenant_id)):
        return None
    return kind, request_id, tenant_id, text


def _fitting(value: Any, width: int) -> str | None:
    if not isinstance(value, str) or len(value) > width or value != storable_text(value):
        return None
    return value
