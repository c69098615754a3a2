"""Each kind of tampering is found and located; an intact or pruned journal verifies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, text, update

from bastion.audit.chain import AuditEntry, Signer, record_hash
from bastion.audit.prune import prune_before
from bastion.audit.verify import VerifyReport, verify_journal
from bastion.journal.writer import JournalWriter
from bastion.store.models import AuditCheckpointRow, AuditRecordRow
from bastion.store.store import Store
from tests.unit.audit.conftest import KEY, WriterFactory

SIGNER = Signer(KEY)


async def write_journal(writer: JournalWriter, count: int) -> None:
    for i in range(count):
        payload = f'{{"n":{i}}}'
        await writer.write(None, [AuditEntry("intent", f"r{i}", "t1", payload, datetime.now(UTC))])


async def journal(store: Store, start: WriterFactory, records: int = 12) -> str:
    """One chain: a start record and ``records`` more, in segments of five, all sealed."""
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
    await journal(store, journal_writers)
    report = await verify(store)
    assert report.intact, report.findings
    assert report.findings == []
    assert (report.chains, report.records, report.checkpoints) == (1, 13, 3)
    assert report.newest is not None
    assert report.newest.seq == 13


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
    assert kinds(await verify(store)) == [("signature", 10)]


async def test_a_rewritten_segment_fails_its_signed_checkpoint(
    store: Store, journal_writers: WriterFactory
) -> None:
    """Even a rewrite that keeps every link consistent cannot match the signed checkpoint."""
    chain = await journal(store, journal_writers)
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
            payload = '{"rewritten":true}' if row.seq >= 6 else row.payload
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
            prev = digest
    found = kinds(await verify(store))
    assert ("checkpoint", 10) in found
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
    assert (result.segments, result.records) == (2, 10)
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
