"""Evaluation runs in the database: the run (its pinned specification, status and totals),
its items as run, each target's result as soon as it is known, and the judge's verdicts.

A result is written once per (run, item, target); writing it again changes nothing, so a
resumed run that races an earlier process never doubles a result. Text from datasets and
answers is stored as JSON (control characters escaped), so any answer is storable.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from bastion.evaluation.codec import (
    item_json,
    item_of,
    result_json,
    result_of,
    spec_json,
    spec_of,
    verdict_json,
    verdict_of,
)
from bastion.evaluation.model import EvalItem, ItemResult, RunSpec, Verdict
from bastion.store.db import Database
from bastion.store.errors import NotFoundError
from bastion.store.models import EvalItemRow, EvalResultRow, EvalRunRow, EvalVerdictRow
from bastion.store.text import is_storable
from bastion.store.upsert import dialect_insert

RUN_STATUSES = ("pending", "running", "completed", "stopped_early", "interrupted", "failed")
# Rows per INSERT when a run's items are stored.
_BATCH = 500


@dataclass(frozen=True, slots=True)
class EvalRun:
    id: str
    status: str
    origin: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    spec: RunSpec
    totals: dict[str, Any]
    error: str | None = None

    def public_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "eval.run",
            "status": self.status,
            "origin": self.origin,
            "created_at": self.created_at.isoformat(),
            "started_at": self.started_at.isoformat() if self.started_at else None,
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "dataset": self.spec.dataset,
            "dataset_sha256": self.spec.dataset_sha256,
            "targets": list(self.spec.targets),
            "baseline": self.spec.baseline,
            "params": self.spec.params,
            "concurrency": self.spec.concurrency,
            "early_stop": (
                dataclasses.asdict(self.spec.early_stop) if self.spec.early_stop else None
            ),
            "totals": self.totals,
            "error": self.error,
        }


def _dump(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode()
    except UnicodeEncodeError:  # a lone surrogate (JSON can spell one): stored escaped
        text = json.dumps(value, separators=(",", ":"))
    return text


class EvalRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def create_run(
        self, spec: RunSpec, items: Sequence[EvalItem], *, origin: str, now: datetime | None = None
    ) -> EvalRun:
        """Stores a new run (status pending) with its items, in one transaction."""
        created = now or datetime.now(UTC)
        row = {
            "id": spec.run_id,
            "created_at": created,
            "started_at": None,
            "finished_at": None,
            "status": "pending",
            "origin": origin,
            "dataset": spec.dataset,
            "dataset_sha256": spec.dataset_sha256,
            "spec": _dump(spec_json(spec)),
            "totals": None,
            "error": None,
        }
        item_rows = [
            {
                "run_id": spec.run_id,
                "item_id": item.id,
                "position": position,
                "item": _dump(item_json(item)),
            }
            for position, item in enumerate(items)
        ]
        async with self._db.write() as session:
            await session.execute(insert(EvalRunRow), [row])
            for start in range(0, len(item_rows), _BATCH):
                await session.execute(insert(EvalItemRow), item_rows[start : start + _BATCH])
        return EvalRun(spec.run_id, "pending", origin, created, None, None, spec, {})

    async def get(self, run_id: str) -> EvalRun | None:
        if not is_storable(run_id):
            return None
        async with self._db.read() as session:
            row = await session.get(EvalRunRow, run_id)
        return _run(row) if row is not None else None

    async def recent(self, limit: int = 50) -> list[EvalRun]:
        query = select(EvalRunRow).order_by(EvalRunRow.created_at.desc()).limit(limit)
        async with self._db.read() as session:
            rows = (await session.scalars(query)).all()
        return [_run(row) for row in rows]

    async def set_status(
        self,
        run_id: str,
        status: str,
        *,
        started_at: datetime | None = None,
        finished_at: datetime | None = None,
        totals: dict[str, Any] | None = None,
        error: str | None = None,
        clear_finish: bool = False,
    ) -> None:
        if status not in RUN_STATUSES:
            raise ValueError(f"unknown run status {status!r}")
        values: dict[str, Any] = {"status": status, "error": error}
        if started_at is not None:
            values["started_at"] = started_at
        if finished_at is not None:
            values["finished_at"] = finished_at
        elif clear_finish:
            values["finished_at"] = None
        if totals is not None:
            values["totals"] = _dump(totals)
        async with self._db.write() as session:
            result = await session.execute(
                update(EvalRunRow).where(EvalRunRow.id == run_id).values(**values)
            )
        if not getattr(result, "rowcount", 1):
            raise NotFoundError(f"No evaluation run with id {run_id!r}.")

    async def delete(self, run_id: str) -> bool:
        if not is_storable(run_id):
            return False
        async with self._db.write() as session:
            for table in (EvalVerdictRow, EvalResultRow, EvalItemRow):
                await session.execute(delete(table).where(table.run_id == run_id))
            result = await session.execute(delete(EvalRunRow).where(EvalRunRow.id == run_id))
        return bool(getattr(result, "rowcount", 0))

    async def items(self, run_id: str) -> list[EvalItem]:
        query = (
            select(EvalItemRow.item)
            .where(EvalItemRow.run_id == run_id)
            .order_by(EvalItemRow.position)
        )
        async with self._db.read() as session:
            texts = (await session.scalars(query)).all()
        return [item_of(json.loads(text)) for text in texts]

    async def put_result(self, run_id: str, result: ItemResult) -> bool:
        """Stores ``result``; False (and nothing changed) when the pair already has one."""
        row = {
            "run_id": run_id,
            "item_id": result.item_id,
            "target": result.target,
            "created_at": datetime.now(UTC),
            "status": result.answer.status,
            "passed": result.passed,
            "format_violation": result.format_violation,
            "refusal": result.refusal,
            "result": _dump(result_json(result)),
        }
        statement = dialect_insert(self._db.dialect, EvalResultRow).values(row)
        statement = statement.on_conflict_do_nothing(index_elements=["run_id", "item_id", "target"])
        async with self._db.write() as session:
            outcome = await session.execute(statement)
        return bool(getattr(outcome, "rowcount", 1))

    async def results(self, run_id: str) -> list[ItemResult]:
        """The run's results in the order of its items, then of its targets."""
        query = (
            select(EvalResultRow.result, EvalResultRow.target)
            .join(
                EvalItemRow,
                (EvalItemRow.run_id == EvalResultRow.run_id)
                & (EvalItemRow.item_id == EvalResultRow.item_id),
            )
            .where(EvalResultRow.run_id == run_id)
            .order_by(EvalItemRow.position, EvalResultRow.target)
        )
        async with self._db.read() as session:
            rows = (await session.execute(query)).all()
        return [result_of(json.loads(row.result)) for row in rows]

    async def finished_pairs(self, run_id: str) -> set[tuple[str, str]]:
        query = select(EvalResultRow.item_id, EvalResultRow.target).where(
            EvalResultRow.run_id == run_id
        )
        async with self._db.read() as session:
            rows = (await session.execute(query)).all()
        return {(row.item_id, row.target) for row in rows}

    async def count_results(self, run_id: str) -> int:
        query = select(func.count()).where(EvalResultRow.run_id == run_id)
        async with self._db.read() as session:
            return int(await session.scalar(query) or 0)

    async def put_verdicts(self, run_id: str, verdicts: Iterable[Verdict]) -> int:
        """Stores verdicts, replacing an earlier verdict on the same item and pair."""
        now = datetime.now(UTC)
        rows = [
            {
                "run_id": run_id,
                "item_id": v.item_id,
                "candidate": v.candidate,
                "baseline": v.baseline,
                "created_at": now,
                "winner": v.winner,
                "verdict": _dump(verdict_json(v)),
            }
            for v in verdicts
        ]
        if not rows:
            return 0
        statement = dialect_insert(self._db.dialect, EvalVerdictRow)
        statement = statement.on_conflict_do_update(
            index_elements=["run_id", "item_id", "candidate", "baseline"],
            set_={
                "created_at": statement.excluded.created_at,
                "winner": statement.excluded.winner,
                "verdict": statement.excluded.verdict,
            },
        )
        async with self._db.write() as session:
            for start in range(0, len(rows), _BATCH):
                await session.execute(statement, rows[start : start + _BATCH])
        return len(rows)

    async def verdicts(self, run_id: str) -> list[Verdict]:
        query = (
            select(EvalVerdictRow.verdict)
            .where(EvalVerdictRow.run_id == run_id)
            .order_by(EvalVerdictRow.item_id, EvalVerdictRow.candidate)
        )
        async with self._db.read() as session:
            texts = (await session.scalars(query)).all()
        return [verdict_of(json.loads(text)) for text in texts]


def _run(row: EvalRunRow) -> EvalRun:
    return EvalRun(
        id=row.id,
        status=row.status,
        origin=row.origin,
        created_at=row.created_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        spec=spec_of(json.loads(row.spec)),
        totals=json.loads(row.totals) if row.totals else {},
        error=row.error,
    )
