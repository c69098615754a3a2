"""Verification of the audit journal: finds edited, reordered, inserted and deleted records.

Each chain is walked in sequence order. A record whose stored hash does not match its content
was edited, unless it matches the content at another position (then it was moved: reordered).
A gap in sequence numbers is a deletion; a record whose link names no predecessor it could
have had was inserted or its predecessor rewritten. Closed segments must end exactly at their
checkpoint, whose signature is checked when the key is given. Each chain's first record names
the newest record of every chain no earlier start named, so a deleted chain, or the cut tail
of one, is noticed by the chain that followed it.

Hashes need no key, so only signatures stop a consistent rewrite. A valid signature anchors its
segment and everything before it in its chain, and through that chain's start record the heads
it names, and so on back: an unsigned checkpoint (or one signed with a key verification does
not have) under such an anchor is a warning, one above every anchor a finding, since stripping
the signatures is how a rewrite would look. What no check can see: records after the last
checkpoint of chains no later chain follows yet (the newest chains); the report names each such
head so it can be compared with a copy kept elsewhere.

A record the database refused was quarantined (``bastion.journal.quarantine``): its place is
held by a stand-in whose kept original is hashed instead, or, failing that, the original is
read back from ``journal_quarantine``; a refused checkpoint is read from there too. Either way
it is checked like any other (a stand-in that does not hash to its link is an edit) and
reported as a warning, not as tampering.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bastion.audit.chain import (
    GENESIS_HASH,
    QUARANTINED,
    ChainHead,
    Checkpoint,
    Signer,
    followed_heads,
    record_hash,
    stand_in_original,
)
from bastion.store.models import (
    AuditCheckpointRow,
    AuditRecordRow,
    JournalQuarantineRow,
    UsageRow,
)

Severity = Literal["tampered", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    kind: str  # edited, reordered, inserted, deleted, checkpoint, signature, unsealed, quarantined
    chain: str
    seq: int | None
    message: str

    def render(self) -> str:
        where = f"chain {self.chain}" + (f" seq {self.seq}" if self.seq is not None else "")
        return f"{self.severity.upper()} {self.kind}: {where}: {self.message}"


@dataclass(slots=True)
class Head:
    chain: str
    seq: int
    hash: str
    ts: datetime


@dataclass(slots=True)
class VerifyReport:
    chains: int = 0
    records: int = 0
    checkpoints: int = 0
    pruned_segments: int = 0
    quarantined: int = 0  # records and checkpoints the database refused, checked from quarantine
    signatures_checked: bool = False
    findings: list[Finding] = field(default_factory=list)
    # The newest record of each chain that no later chain's start names: what to keep elsewhere.
    heads: list[Head] = field(default_factory=list)
    # Requests in the ledger, counted when the journal holds no record (emptied, or audit off).
    ledger_rows_without_journal: int = 0

    @property
    def intact(self) -> bool:
        return not any(f.severity == "tampered" for f in self.findings)

    def tampered(self, kind: str, chain: str, seq: int | None, message: str) -> None:
        self.findings.append(Finding("tampered", kind, chain, seq, message))

    def warn(self, kind: str, chain: str, seq: int | None, message: str) -> None:
        self.findings.append(Finding("warning", kind, chain, seq, message))


@dataclass(frozen=True, slots=True)
class _Record:
    id: int
    chain: str
    seq: int
    segment: int
    ts: datetime
    kind: str
    request_id: str | None
    tenant_id: str | None
    payload: str
    prev_hash: str
    hash: str
    in_quarantine: bool = False  # read back from journal_quarantine, not audit_records

    @property
    def stand_in(self) -> bool:
        return self.kind == QUARANTINED

    def content_hash(self, *, seq: int | None = None) -> str:
        kind, request_id, tenant_id, payload = (
            self.kind,
            self.request_id,
            self.tenant_id,
            self.payload,
        )
        if kind == QUARANTINED:
            # A stand-in: the original it keeps is what was hashed.
            original = stand_in_original(payload)
            if original is not None:
                kind, request_id, tenant_id, payload = original
        try:
            return record_hash(
                self.prev_hash,
                chain=self.chain,
                seq=self.seq if seq is None else seq,
                segment=self.segment,
                ts=self.ts,
                kind=kind,
                request_id=request_id,
                tenant_id=tenant_id,
                payload=payload,
            )
        except UnicodeEncodeError:
            return ""  # text that no record was ever hashed with


async def verify_journal(
    engine: AsyncEngine, signer: Signer | None, *, allow_unsigned: bool = False
) -> VerifyReport:
    """Checks every chain, link, checkpoint and signature.

    ``allow_unsigned``: checkpoints that are unsigned (or signed with another key) and that no
    valid signature anchors are warnings instead of findings, for journals written while the
    gateway ran without the key.
    """
    report = VerifyReport(signatures_checked=signer is not None)
    async with engine.connect() as conn:
        checkpoints = await _checkpoints(conn)
        refused_records, refused_checkpoints = await _quarantined(conn)
        for chain, refused in refused_checkpoints.items():
            present = {cp.checkpoint.segment for cp in checkpoints.get(chain, [])}
            for checkpoint in refused:
                if checkpoint.segment not in present:
                    checkpoints.setdefault(chain, []).append(_PrunableCheckpoint(checkpoint, False))
                    report.quarantined += 1
                    report.warn(
                        "quarantined",
                        chain,
                        checkpoint.last_seq,
                        f"segment {checkpoint.segment}'s checkpoint was refused by the database; "
                        "checked from journal_quarantine",
                    )
            checkpoints.get(chain, []).sort(key=lambda cp: cp.checkpoint.segment)
        chains = sorted(set(await _chain_ids(conn)) | set(checkpoints) | set(refused_records))
        present_hashes: dict[str, dict[int, str]] = {}  # chain -> seq -> hash, still present
        starts: list[_Record] = []
        newest: dict[str, Head] = {}
        for chain in chains:
            records = _with_quarantined(await _records(conn, chain), refused_records.get(chain))
            cps = checkpoints.get(chain, [])
            report.chains += 1
            report.records += len(records)
            report.checkpoints += len(cps)
            _verify_chain(chain, records, cps, report)
            present_hashes[chain] = {r.seq: r.hash for r in records}
            starts.extend(r for r in records if r.kind == "chain_start")
            if records:
                last = records[-1]
                newest[chain] = Head(chain, last.seq, last.hash, last.ts)
        follows: dict[str, list[ChainHead]] = {}  # chain -> the heads its start record names
        named: dict[str, int] = {}  # chain -> the highest seq a start record names
        for start in starts:
            heads = followed_heads(start.payload)
            if heads is None:
                continue  # an edited start record is already reported by its hash
            follows[start.chain] = heads
            for head in heads:
                _verify_follows(start.chain, head, present_hashes, checkpoints, report)
                named[head.chain] = max(named.get(head.chain, 0), head.seq)
        report.heads = sorted(
            (head for chain, head in newest.items() if head.seq > named.get(chain, 0)),
            key=lambda head: head.ts,
        )
        if signer is not None:
            _verify_signatures(checkpoints, follows, signer, allow_unsigned, report)
        if not chains:
            report.ledger_rows_without_journal = await _ledger_rows(conn)
    return report


def _verify_chain(
    chain: str,
    records: Sequence[_Record],
    checkpoints: Sequence[_PrunableCheckpoint],
    report: VerifyReport,
) -> None:
    by_segment = {cp.checkpoint.segment: cp for cp in checkpoints}
    report.pruned_segments += sum(1 for cp in checkpoints if cp.pruned)
    if not records:
        if any(not cp.pruned for cp in checkpoints):
            report.tampered("deleted", chain, None, "all records of sealed segments are missing")
        return
    by_hash = {r.hash: r for r in records}
    first = records[0]
    anchor = by_segment.get(first.segment - 1)
    if anchor is not None and anchor.pruned:
        expected_prev, expected_seq = anchor.checkpoint.last_hash, anchor.checkpoint.last_seq + 1
    else:
        expected_prev, expected_seq = GENESIS_HASH, 1
    previous: _Record | None = None
    for record in records:
        if previous is not None and record.seq == previous.seq:
            report.tampered("inserted", chain, record.seq, "a second record with this seq")
            continue
        gap = record.seq > expected_seq
        if gap:
            missing = f"{expected_seq}" + (
                f"-{record.seq - 1}" if record.seq - 1 > expected_seq else ""
            )
            report.tampered("deleted", chain, record.seq, f"records seq {missing} are missing")
        if record.content_hash() != record.hash:
            moved_from = None if record.stand_in else _original_seq(record)
            if moved_from is not None:
                report.tampered(
                    "reordered", chain, record.seq, f"this record was written as seq {moved_from}"
                )
            else:
                report.tampered("edited", chain, record.seq, "content does not match its hash")
        elif record.stand_in or record.in_quarantine:
            report.quarantined += 1
            where = "a stand-in holds its place" if record.stand_in else "read from quarantine"
            report.warn(
                "quarantined",
                chain,
                record.seq,
                f"refused by the database and kept in journal_quarantine ({where}); its content "
                "matches its hash",
            )
        elif not gap and record.prev_hash != expected_prev:
            owner = by_hash.get(record.prev_hash)
            if owner is not None:
                report.tampered(
                    "reordered", chain, record.seq, f"it was written after seq {owner.seq}"
                )
            elif previous is not None and previous.content_hash() == previous.hash:
                # The predecessor is self-consistent but is not the record this one followed:
                # it was rewritten with a fresh hash, or slipped in between.
                report.tampered(
                    "inserted",
                    chain,
                    previous.seq,
                    "record does not link to its successor (inserted, or edited with its "
                    "hash recomputed)",
                )
        previous = record
        expected_prev, expected_seq = record.hash, record.seq + 1
    _verify_segments(chain, records, checkpoints, report)


def _verify_segments(
    chain: str,
    records: Sequence[_Record],
    checkpoints: Sequence[_PrunableCheckpoint],
    report: VerifyReport,
) -> None:
    by_seq = {r.seq: r for r in records}
    present_segments = {r.segment for r in records}
    for cp in checkpoints:
        checkpoint = cp.checkpoint
        if cp.pruned:
            continue
        last = by_seq.get(checkpoint.last_seq)
        if last is None or last.hash != checkpoint.last_hash or last.segment != checkpoint.segment:
            report.tampered(
                "checkpoint",
                chain,
                checkpoint.last_seq,
                f"segment {checkpoint.segment} does not end at its checkpoint (records deleted "
                "at its end, or the segment rewritten)",
            )
        for seq in (checkpoint.first_seq, checkpoint.last_seq):
            record = by_seq.get(seq)
            if record is not None and record.segment != checkpoint.segment:
                report.tampered(
                    "checkpoint", chain, seq, f"record moved out of segment {checkpoint.segment}"
                )
    sealed = {cp.checkpoint.segment for cp in checkpoints}
    for segment in sorted(present_segments - sealed):
        count = sum(1 for r in records if r.segment == segment)
        if segment != max(present_segments):
            report.tampered(
                "checkpoint", chain, None, f"segment {segment} is followed by others but unsealed"
            )
        else:
            report.warn(
                "unsealed",
                chain,
                None,
                f"newest segment {segment} ({count} records) has no checkpoint yet: normal for "
                "a running gateway or one that was killed",
            )


def _verify_follows(
    follower: str,
    head: ChainHead,
    present_hashes: dict[str, dict[int, str]],
    checkpoints: dict[str, list[_PrunableCheckpoint]],
    report: VerifyReport,
) -> None:
    chain, seq = head.chain, head.seq
    present = present_hashes.get(chain, {})
    if seq in present:
        if present[seq] != head.hash:
            report.tampered(
                "edited", chain, seq, f"differs from what chain {follower} recorded at start"
            )
        return
    for cp in checkpoints.get(chain, []):
        if cp.pruned and cp.checkpoint.first_seq <= seq <= cp.checkpoint.last_seq:
            if seq == cp.checkpoint.last_seq and cp.checkpoint.last_hash != head.hash:
                report.tampered("checkpoint", chain, seq, "pruned segment's checkpoint altered")
            return
    if not present and chain not in checkpoints:
        report.tampered(
            "deleted", chain, None, f"the whole chain is missing (chain {follower} follows it)"
        )
    else:
        report.tampered(
            "deleted",
            chain,
            seq,
            f"chain {follower} started after this record, which is missing (tail cut)",
        )


def _verify_signatures(
    checkpoints: dict[str, list[_PrunableCheckpoint]],
    follows: dict[str, list[ChainHead]],
    signer: Signer,
    allow_unsigned: bool,
    report: VerifyReport,
) -> None:
    anchored: dict[str, int] = {}  # chain -> the highest seq a valid signature covers
    unverified: list[Checkpoint] = []
    for cps in checkpoints.values():
        for cp in cps:
            checkpoint = cp.checkpoint
            if checkpoint.signature is None or checkpoint.key_id != signer.key_id:
                unverified.append(checkpoint)
            elif signer.verifies(checkpoint):
                chain = checkpoint.chain
                anchored[chain] = max(anchored.get(chain, 0), checkpoint.last_seq)
            else:
                report.tampered(
                    "signature",
                    checkpoint.chain,
                    checkpoint.last_seq,
                    f"segment {checkpoint.segment}'s checkpoint signature is invalid",
                )
    # An anchored chain's start record (seq 1) carries the anchor to the heads it names.
    pending = list(anchored)
    while pending:
        for head in follows.get(pending.pop(), ()):
            if head.seq > anchored.get(head.chain, 0):
                anchored[head.chain] = head.seq
                pending.append(head.chain)
    for checkpoint in unverified:
        how = (
            "is unsigned"
            if checkpoint.signature is None
            else f"was signed with another key ({checkpoint.key_id})"
        )
        segment, chain = checkpoint.segment, checkpoint.chain
        if checkpoint.last_seq <= anchored.get(chain, 0):
            report.warn(
                "signature", chain, None, f"segment {segment} {how}; a later signature anchors it"
            )
        elif allow_unsigned:
            report.warn(
                "signature",
                chain,
                None,
                f"segment {segment} {how} and no signature anchors it (allowed: --allow-unsigned)",
            )
        else:
            report.tampered(
                "signature",
                chain,
                checkpoint.last_seq,
                f"segment {segment} {how} and no signature anchors it, as after a rewrite that "
                "stripped the signatures (written while the gateway ran without this key? "
                "verify with --allow-unsigned)",
            )


async def _ledger_rows(conn: AsyncConnection) -> int:
    count = await conn.scalar(select(func.count()).select_from(UsageRow.__table__))
    return int(count or 0)


def _with_quarantined(records: list[_Record], quarantined: list[_Record] | None) -> list[_Record]:
    """A chain's records with the refused ones that have no stand-in put back in place."""
    if not quarantined:
        return records
    present = {record.seq for record in records}
    missing = [record for record in quarantined if record.seq not in present]
    return sorted([*records, *missing], key=lambda record: (record.seq, record.id))


async def _quarantined(
    conn: AsyncConnection,
) -> tuple[dict[str, list[_Record]], dict[str, list[Checkpoint]]]:
    """The audit records and checkpoints kept in journal_quarantine, by chain."""
    table = JournalQuarantineRow.__table__
    rows = await conn.execute(
        select(table.c.kind, table.c.record)
        .where(table.c.kind.in_(("audit", "checkpoint")))
        .order_by(table.c.id)
    )
    records: dict[str, list[_Record]] = {}
    checkpoints: dict[str, list[Checkpoint]] = {}
    for kind, text in rows:
        try:
            kept = json.loads(text)
            if kind == "audit":
                record = _kept_record(kept)
                records.setdefault(record.chain, []).append(record)
            else:
                checkpoint = _kept_checkpoint(kept)
                checkpoints.setdefault(checkpoint.chain, []).append(checkpoint)
        except (ValueError, TypeError, KeyError):
            continue  # damaged beyond reading: what it held shows as missing
    return records, checkpoints


def _moment(value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError("a time is ISO text")
    return datetime.fromisoformat(value)


def _text(value: Any, *, optional: bool = False) -> Any:
    if (value is None and optional) or isinstance(value, str):
        return value
    raise TypeError("text expected")


def _number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("an integer expected")
    return value


def _kept_record(kept: dict[str, Any]) -> _Record:
    return _Record(
        id=0,
        chain=_text(kept["chain"]),
        seq=_number(kept["seq"]),
        segment=_number(kept["segment"]),
        ts=_moment(kept["ts"]),
        kind=_text(kept["kind"]),
        request_id=_text(kept.get("request_id"), optional=True),
        tenant_id=_text(kept.get("tenant_id"), optional=True),
        payload=_text(kept["payload"]),
        prev_hash=_text(kept["prev_hash"]),
        hash=_text(kept["hash"]),
        in_quarantine=True,
    )


def _kept_checkpoint(kept: dict[str, Any]) -> Checkpoint:
    return Checkpoint(
        chain=_text(kept["chain"]),
        segment=_number(kept["segment"]),
        first_seq=_number(kept["first_seq"]),
        last_seq=_number(kept["last_seq"]),
        last_hash=_text(kept["last_hash"]),
        first_ts=_moment(kept["first_ts"]),
        last_ts=_moment(kept["last_ts"]),
        created_at=_moment(kept["created_at"]),
        key_id=_text(kept.get("key_id"), optional=True),
        signature=_text(kept.get("signature"), optional=True),
    )


def _original_seq(record: _Record, window: int = 64) -> int | None:
    """The seq at which ``record`` was written, if its content was moved rather than edited.

    Searched near its current place: reordering moves records a little, not across the chain.
    """
    for candidate in range(max(1, record.seq - window), record.seq + window + 1):
        if candidate != record.seq and record.content_hash(seq=candidate) == record.hash:
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class _PrunableCheckpoint:
    checkpoint: Checkpoint
    pruned: bool


async def _checkpoints(conn: AsyncConnection) -> dict[str, list[_PrunableCheckpoint]]:
    table = AuditCheckpointRow.__table__
    result: dict[str, list[_PrunableCheckpoint]] = {}
    rows = await conn.execute(select(table).order_by(table.c.chain, table.c.segment))
    for row in rows:
        checkpoint = Checkpoint(
            chain=row.chain,
            segment=row.segment,
            first_seq=row.first_seq,
            last_seq=row.last_seq,
            last_hash=row.last_hash,
            first_ts=row.first_ts,
            last_ts=row.last_ts,
            created_at=row.created_at,
            key_id=row.key_id,
            signature=row.signature,
        )
        result.setdefault(row.chain, []).append(
            _PrunableCheckpoint(checkpoint, row.pruned_at is not None)
        )
    return result


async def _chain_ids(conn: AsyncConnection) -> list[str]:
    table = AuditRecordRow.__table__
    return list((await conn.execute(select(table.c.chain).distinct())).scalars())


async def _records(conn: AsyncConnection, chain: str) -> list[_Record]:
    table = AuditRecordRow.__table__
    rows = await conn.execute(
        select(table).where(table.c.chain == chain).order_by(table.c.seq, table.c.id)
    )
    return [
        _Record(
            id=row.id,
            chain=row.chain,
            seq=row.seq,
            segment=row.segment,
            ts=row.ts,
            kind=row.kind,
            request_id=row.request_id,
            tenant_id=row.tenant_id,
            payload=row.payload,
            prev_hash=row.prev_hash,
            hash=row.hash,
        )
        for row in rows
    ]
