"""Each kind of tampering is found and located; an intact or pruned journal verifies."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select, text, update

from bastion.audit.chain import AuditEntry, Signer, record_hash
from bastion.audit.prune import prune_before
from bastion.audit.verify import VerifyReport, verify_journal
from bastion.journal.writer import JournalWriter
from bastion.store.models import AuditCheckpointRow, AuditRecordRow
from bastion.store.store import Store
from tests.unit.audit.conftest import KEY, WriterFactory
from tests.unit.audit.test_journal_writer import ledger

SIGNER = Signer(KEY)


async def write_journal(writer: JournalWriter, count: int) -> None:
    for i in range(count):
        payload = f'{{"n":{i}}}'
        await writer.write(None, [AuditEntry("intent", f"r{i}", "t1", payload, datetime.now(UTC))])


async def journal(store: Store, start: WriterFactory, records: int = 12) -> str:
    """One chain: a start record (sealed on its own) and ``records`` more, in segments of five,
    all sealed: with 12, segments end at seq 1, 6, 11 and 13."""
    writer = await start(segment_records=5)
    await write_journal(writer, records)
    await writer.stop()
    assert writer.chain is not None
    return writer.chain.chain


async def verify(store: Store) -> VerifyReport:
    return await verify_journal(store.engines.read, SIGNER)


def kinds(report: VerifyReport) -> list[tuple[str, int | None]]:
    return [(f.kind, f.seq) for f in report.findings if f.severity == "tampered"]


async def execute(store: Store, statement: object) -> None:
    async with store.engines.write.begin() as conn:
        await conn.execute(statement)  # type: ignore[call-overload]


async def test_an_intact_journal_verifies(store: Store, journal_writers: WriterFactory) -> None:
    chain = await journal(store, journal_writers)
    report = await verify(store)
    assert report.intact, report.findings
    assert report.findings == []
    assert (report.chains, report.records, report.checkpoints) == (1, 13, 4)
    assert [(head.chain, head.seq) for head in report.heads] == [(chain, 13)]


async def test_an_edited_record_is_pinpointed(store: Store, journal_writers: WriterFactory) -> None:
    chain = await journal(store, journal_writers)
    await execute(
        store,
        update(AuditRecordRow)
        .where(AuditRecordRow.chain == chain, AuditRecordRow.seq == 7)
        .values(payload='{"n":999}'),
    )
    assert kinds(await verify(store)) == [("edited", 7)]


async def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(
    store: Store, journal_writers: WriterFactory
) -> None:
    chain = await journal(store, journal_writers)
    async with store.engines.read.connect() as conn:
        row = (
            await conn.execute(
                select(AuditRecordRow.__table__).where(
                    AuditRecordRow.chain == chain, AuditRecordRow.seq == 7
                )
            )
        ).one()
    forged = record_hash(
        row.prev_hash,
        chain=chain,
        seq=7,
        segment=row.segment,
        ts=row.ts,
        kind=row.kind,
        request_id=row.request_id,
        tenant_id=row.tenant_id,
        payload='{"n":999}',
    )
    await execute(
        store,
        update(AuditRecordRow)
        .where(AuditRecordRow.chain == chain, AuditRecordRow.seq == 7)
        .values(payload='{"n":999}', hash=forged),
    )
    assert kinds(await verify(store)) == [("inserted", 7)]


async def test_reordered_records_are_named(store: Store, journal_writers: WriterFactory) -> None:
    chain = await journal(store, journal_writers)
    # Swap the positions of seq 3 and 4 (through a free seq, for the unique constraint).
    for old, new in ((3, -1), (4, 3), (-1, 4)):
        await execute(
            store,
            update(AuditRecordRow)
            .where(AuditRecordRow.chain == chain, AuditRecordRow.seq == old)
            .values(seq=new),
        )
    found = kinds(await verify(store))
    assert ("reordered", 3) in found
    assert ("reordered", 4) in found


async def test_a_deleted_record_is_located(store: Store, journal_writers: WriterFactory) -> None:
    chain = await journal(store, journal_writers)
    await execute(
        store,
        delete(AuditRecordRow).where(AuditRecordRow.chain == chain, AuditRecordRow.seq == 8),
    )
    assert kinds(await verify(store)) == [("deleted", 9)]


async def test_records_deleted_at_the_end_of_a_segment_fail_its_checkpoint(
    store: Store, journal_writers: WriterFactory
) -> None:
    chain = await journal(store, journal_writers)
    await execute(
        store,
        delete(AuditRecordRow).where(AuditRecordRow.chain == chain, AuditRecordRow.seq == 13),
    )
    assert kinds(await verify(store)) == [("checkpoint", 13)]


async def test_an_inserted_record_is_found(store: Store, journal_writers: WriterFactory) -> None:
    chain = await journal(store, journal_writers)
    # A forged record appended after seq 13 claims to follow seq 12: its link is wrong.
    async with store.engines.read.connect() as conn:
        twelve = (
            await conn.execute(
                select(AuditRecordRow.hash).where(
                    AuditRecordRow.chain == chain, AuditRecordRow.seq == 12
                )
            )
        ).scalar_one()
    ts = datetime.now(UTC)
    fields = {
        "chain": chain,
        "seq": 14,
        "segment": 3,
        "ts": ts,
        "kind": "intent",
        "request_id": "forged",
        "tenant_id": "t1",
        "payload": "{}",
    }
    forged_hash = record_hash(twelve, **fields)  # type: ignore[arg-type]
    async with store.engines.write.begin() as conn:
        await conn.execute(
            AuditRecordRow.__table__.insert(),
            [{**fields, "prev_hash": twelve, "hash": forged_hash}],
        )
    found = kinds(await verify(store))
    assert ("reordered", 14) in found or ("inserted", 13) in found


async def test_a_forged_checkpoint_signature_is_rejected(
    store: Store, journal_writers: WriterFactory
) -> None:
    chain = await journal(store, journal_writers)
    await execute(
        store,
        update(AuditCheckpointRow)
        .where(AuditCheckpointRow.chain == chain, AuditCheckpointRow.segment == 2)
        .values(signature="0" * 64),
    )
    assert kinds(await verify(store)) == [("signature", 6)]


async def test_a_rewritten_segment_fails_its_signed_checkpoint(
    store: Store, journal_writers: WriterFactory
) -> None:
    """Even a rewrite that keeps every link consistent cannot match the signed checkpoint."""
    chain = await journal(store, journal_writers)
    await _rewrite(store, chain, from_seq=6, checkpoints=False)
    found = kinds(await verify(store))
    assert ("checkpoint", 11) in found
    assert ("checkpoint", 13) in found


async def test_a_deleted_chain_is_noticed_by_the_next(
    store: Store, journal_writers: WriterFactory
) -> None:
    first = await journal(store, journal_writers)
    await journal(store, journal_writers)
    for table in (AuditRecordRow, AuditCheckpointRow):
        await execute(store, delete(table).where(table.chain == first))
    assert kinds(await verify(store)) == [("deleted", None)]


async def test_a_cut_tail_of_an_earlier_unsealed_chain_is_noticed(
    store: Store, journal_writers: WriterFactory
) -> None:
    """A killed gateway leaves its newest segment unsealed; the next chain remembers its head."""
    killed = await journal_writers(segment_records=100)
    await write_journal(killed, 4)
    killed._task.cancel()  # type: ignore[union-attr]  # dies without sealing
    assert killed.chain is not None
    await journal(store, journal_writers)
    intact = await verify(store)
    assert intact.intact, intact.findings
    assert [f.kind for f in intact.findings] == ["unsealed"]
    await execute(
        store,
        delete(AuditRecordRow).where(
            AuditRecordRow.chain == killed.chain.chain, AuditRecordRow.seq == 5
        ),
    )
    assert kinds(await verify(store)) == [("deleted", 5)]


async def test_pruning_whole_segments_keeps_the_rest_verifiable(
    store: Store, journal_writers: WriterFactory
) -> None:
    chain = await journal(store, journal_writers)
    await journal(store, journal_writers)
    # Age the first chain's first two segments.
    old = datetime.now(UTC) - timedelta(days=400)
    await execute(
        store,
        update(AuditCheckpointRow)
        .where(AuditCheckpointRow.chain == chain, AuditCheckpointRow.segment <= 2)
        .values(last_ts=old),
    )
    # Signatures cover last_ts: re-sign the aged checkpoints as the writer would have.
    async with store.engines.read.connect() as conn:
        rows = (await conn.execute(select(AuditCheckpointRow.__table__))).all()
    from bastion.audit.chain import Checkpoint

    for row in rows:
        checkpoint = SIGNER.sign(
            Checkpoint(
                row.chain,
                row.segment,
                row.first_seq,
                row.last_seq,
                row.last_hash,
                row.first_ts,
                row.last_ts,
                row.created_at,
            )
        )
        await execute(
            store,
            update(AuditCheckpointRow)
            .where(AuditCheckpointRow.chain == row.chain, AuditCheckpointRow.segment == row.segment)
            .values(signature=checkpoint.signature),
        )
    result = await prune_before(store.engines.write, datetime.now(UTC) - timedelta(days=365))
    assert (result.segments, result.records) == (2, 6)
    report = await verify(store)
    assert report.intact, report.findings
    assert report.pruned_segments == 2
    # Tampering with what remains is still found.
    await execute(
        store,
        text("UPDATE audit_records SET payload = '{}' WHERE chain = :c AND seq = 12").bindparams(
            c=chain
        ),
    )
    assert kinds(await verify(store)) == [("edited", 12)]


async def _rewrite(store: Store, chain: str, from_seq: int, *, checkpoints: bool = True) -> None:
    """Rewrites ``chain`` from ``from_seq`` on with every link consistent, as someone with write
    access to the database but not the signing key could; with ``checkpoints``, the checkpoints
    too (their hashes made to match, their signatures stripped)."""
    async with store.engines.read.connect() as conn:
        rows = (
            await conn.execute(
                select(AuditRecordRow.__table__)
                .where(AuditRecordRow.chain == chain)
                .order_by(AuditRecordRow.seq)
            )
        ).all()
    prev = rows[0].prev_hash
    async with store.engines.write.begin() as conn:
        for row in rows:
            payload = '{"rewritten":true}' if row.seq >= from_seq else row.payload
            digest = record_hash(
                prev,
                chain=chain,
                seq=row.seq,
                segment=row.segment,
                ts=row.ts,
                kind=row.kind,
                request_id=row.request_id,
                tenant_id=row.tenant_id,
                payload=payload,
            )
            await conn.execute(
                update(AuditRecordRow)
                .where(AuditRecordRow.id == row.id)
                .values(payload=payload, prev_hash=prev, hash=digest)
            )
            if checkpoints:
                await conn.execute(
                    update(AuditCheckpointRow)
                    .where(
                        AuditCheckpointRow.chain == chain, AuditCheckpointRow.last_seq == row.seq
                    )
                    .values(last_hash=digest, signature=None, key_id=None)
                )
            prev = digest


async def test_a_consistent_rewrite_with_its_signatures_stripped_is_found(
    store: Store, journal_writers: WriterFactory
) -> None:
    chain = await journal(store, journal_writers)
    await _rewrite(store, chain, from_seq=3)
    found = kinds(await verify(store))
    assert found == [("signature", 1), ("signature", 6), ("signature", 11), ("signature", 13)]
    lenient = await verify_journal(store.engines.read, SIGNER, allow_unsigned=True)
    assert lenient.intact
    assert {f.kind for f in lenient.findings} == {"signature"}


async def test_a_checkpoint_claiming_another_key_is_not_taken_on_its_word(
    store: Store, journal_writers: WriterFactory
) -> None:
    chain = await journal(store, journal_writers)
    await execute(
        store,
        update(AuditCheckpointRow)
        .where(AuditCheckpointRow.chain == chain, AuditCheckpointRow.segment == 4)
        .values(key_id="ffffffffffffffff", signature="0" * 64),
    )
    assert kinds(await verify(store)) == [("signature", 13)]


async def test_unsigned_segments_a_later_signature_anchors_are_only_warned_about(
    store: Store, journal_writers: WriterFactory
) -> None:
    """A gateway that ran without the key, then with it: the signed chain vouches for the old."""
    unsigned = await journal_writers(segment_records=5, signed=False)
    await write_journal(unsigned, 7)
    await unsigned.stop()
    await journal(store, journal_writers)
    report = await verify(store)
    assert report.intact, report.findings
    assert [(f.kind, f.severity) for f in report.findings] == [("signature", "warning")] * 3
    # Rewriting the unsigned chain now breaks what the signed chain's start record names.
    assert unsigned.chain is not None
    await _rewrite(store, unsigned.chain.chain, from_seq=2)
    assert ("edited", 8) in kinds(await verify(store))


async def test_every_concurrent_chain_is_followed_by_the_next_start(
    store: Store, journal_writers: WriterFactory
) -> None:
    """Workers write chains side by side; the next start names each of their heads."""
    first = await journal_writers(segment_records=5)
    second = await journal_writers(segment_records=5)
    await write_journal(first, 6)
    await write_journal(second, 3)
    await first.stop()
    await second.stop()
    assert first.chain is not None and second.chain is not None
    before = await verify(store)
    assert {head.chain for head in before.heads} == {first.chain.chain, second.chain.chain}
    later = await journal(store, journal_writers)
    after = await verify(store)
    assert after.intact, after.findings
    assert [head.chain for head in after.heads] == [later]
    for chain in (first.chain.chain, second.chain.chain):
        for table in (AuditRecordRow, AuditCheckpointRow):
            await execute(store, delete(table).where(table.chain == chain))
    assert kinds(await verify(store)) == [("deleted", None), ("deleted", None)]


async def test_a_head_named_before_is_named_again_once_its_chain_grew(
    store: Store, journal_writers: WriterFactory
) -> None:
    """A chain still writing when another started: its later records need the next start."""
    long_lived = await journal_writers(segment_records=5)
    await write_journal(long_lived, 2)
    await journal(store, journal_writers, records=1)  # names seq 3
    await write_journal(long_lived, 4)
    await long_lived.stop()  # seq 7, sealed
    await journal(store, journal_writers, records=1)  # names seq 7
    assert long_lived.chain is not None
    await execute(
        store,
        delete(AuditRecordRow).where(
            AuditRecordRow.chain == long_lived.chain.chain, AuditRecordRow.seq >= 6
        ),
    )
    await execute(
        store,
        delete(AuditCheckpointRow).where(
            AuditCheckpointRow.chain == long_lived.chain.chain, AuditCheckpointRow.segment == 2
        ),
    )
    assert ("deleted", 7) in kinds(await verify(store))


async def test_start_records_of_earlier_versions_still_verify(
    store: Store, journal_writers: WriterFactory
) -> None:
    """Before this version a start record named one head as an object (null for the first)."""
    from bastion.audit.chain import followed_heads

    assert followed_heads('{"follows":null}') == []
    heads = followed_heads('{"follows":{"chain":"c","hash":"h","seq":4}}')
    assert heads is not None and [(h.chain, h.seq, h.hash) for h in heads] == [("c", 4, "h")]
    assert followed_heads('{"follows":[{"chain":"c"}]}') is None
    assert followed_heads("not json") is None


async def test_an_emptied_journal_beside_a_ledger_is_pointed_out(
    store: Store, journal_writers: WriterFactory
) -> None:
    assert (await verify(store)).ledger_rows_without_journal == 0
    writer = await journal_writers(segment_records=5)
    await writer.write(ledger("r1"), [AuditEntry("intent", "r1", "t1", "{}", datetime.now(UTC))])
    await writer.stop()
    for table in (AuditRecordRow, AuditCheckpointRow):
        await execute(store, delete(table))
    report = await verify(store)
    assert report.chains == 0 and report.ledger_rows_without_journal == 1


async def test_the_command_prints_every_open_head_and_can_allow_unsigned_segments(
    store: Store, journal_writers: WriterFactory, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from bastion.cli.audit import audit_group

    first = await journal_writers(segment_records=5, signed=False)
    second = await journal_writers(segment_records=5, signed=False)
    await write_journal(first, 6)
    await first.stop()
    await second.stop()
    monkeypatch.setenv("BASTION_AUDIT_KEY", KEY.decode())
    args = ["verify", "--database-url", sqlite_url]
    strict = await asyncio.to_thread(CliRunner().invoke, audit_group, args)
    assert strict.exit_code == 1, strict.output
    assert "TAMPERED signature" in strict.output and "--allow-unsigned" in strict.output
    lenient = await asyncio.to_thread(CliRunner().invoke, audit_group, [*args, "--allow-unsigned"])
    assert lenient.exit_code == 0 and "journal intact" in lenient.output, lenient.output
    assert lenient.output.count("head: chain ") == 2
