"""Hash chaining and checkpoint signing of audit records.

Each gateway process writes its own chain. A record's hash covers the previous record's hash
and every stored field, so an edit, a deletion, an insertion or a reordering breaks a link.
Chains are cut into segments; closing a segment writes a checkpoint naming its last record's
hash, signed with HMAC-SHA256 when a key is configured. Checkpoints outlive pruned segments,
so what remains after pruning still verifies from a signed anchor.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64
_SEP = b"\x1f"
_CHECKPOINT_DOMAIN = b"bastion-audit-checkpoint-v1"


def iso(ts: datetime) -> str:
    return ts.astimezone(UTC).isoformat(timespec="microseconds")


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
    return hashlib.sha256(_SEP.join(f.encode() for f in fields)).hexdigest()


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
        return replace(self)

    @property
    def segment_records(self) -> int:
        return self.next_seq - self.segment_first_seq

    def link(self, entry: AuditEntry, opened_at: float) -> dict[str, Any]:
        """Chains ``entry`` onto the head and returns the row to insert."""
        seq = self.next_seq
        digest = record_hash(
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
