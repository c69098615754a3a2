"""Benchmark runs in the database, and the capacities they measured.

A run is stored as its result document (JSON, see ``bastion.bench.runner``): the summary (every
level's load shape and metrics) in one column, every request's timings in another, so listing
runs never reads the timings. A *capacity* is a run recorded as what one backend can serve
(tokens a second at the SLO, per GPU); the cost reports read the newest one of each backend.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Float, Index, Integer, String, Text, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from bastion.store.db import Database
from bastion.store.models import Base, UTCDateTime
from bastion.store.text import is_storable


class BenchRunRow(Base):
    """One ``bastion bench`` run: its document without the requests, and the requests."""

    __tablename__ = "bench_runs"
    __table_args__ = (Index("ix_bench_runs_created_at", "created_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    url: Mapped[str] = mapped_column(Text)
    api: Mapped[str] = mapped_column(String(16))
    model: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)  # the document without "requests", as JSON
    requests: Mapped[str | None] = mapped_column(Text, nullable=True)  # [[record, ...], ...]


class BenchCapacityRow(Base):
    """A backend's capacity as a benchmark run measured it."""

    __tablename__ = "bench_capacity"
    __table_args__ = (Index("ix_bench_capacity_backend", "backend", "recorded_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    backend: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    run_id: Mapped[str] = mapped_column(String(40))
    # What served the run: a free label ("H100 80GB") and the GPUs of one replica.
    hardware: Mapped[str | None] = mapped_column(String(200), nullable=True)
    gpus: Mapped[int] = mapped_column(Integer)
    # Input + output tokens a second of one replica at the SLO, and per GPU.
    tokens_per_second: Mapped[float] = mapped_column(Float)
    tokens_per_second_per_gpu: Mapped[float] = mapped_column(Float)
    output_tokens_per_second: Mapped[float] = mapped_column(Float)
    detail: Mapped[str] = mapped_column(Text)  # JSON: the level, SLO, attainment, basis


@dataclass(frozen=True, slots=True)
class BenchCapacity:
    id: str
    backend: str
    recorded_at: datetime
    run_id: str
    hardware: str | None
    gpus: int
    tokens_per_second: float
    tokens_per_second_per_gpu: float
    output_tokens_per_second: float
    detail: dict[str, Any]

    def public_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "bench.capacity",
            "backend": self.backend,
            "recorded_at": self.recorded_at.isoformat(),
            "run_id": self.run_id,
            "hardware": self.hardware,
            "gpus": self.gpus,
            "tokens_per_second": self.tokens_per_second,
            "tokens_per_second_per_gpu": self.tokens_per_second_per_gpu,
            "output_tokens_per_second": self.output_tokens_per_second,
            **self.detail,
        }


def capacity_of(row: BenchCapacityRow) -> BenchCapacity:
    return BenchCapacity(
        id=row.id,
        backend=row.backend,
        recorded_at=row.recorded_at,
        run_id=row.run_id,
        hardware=row.hardware,
        gpus=row.gpus,
        tokens_per_second=row.tokens_per_second,
        tokens_per_second_per_gpu=row.tokens_per_second_per_gpu,
        output_tokens_per_second=row.output_tokens_per_second,
        detail=json.loads(row.detail),
    )


def _dump(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class BenchRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def save(self, document: dict[str, Any]) -> str:
        """Stores a run document (replacing one of the same id); returns its id."""
        levels = document.get("levels") or []
        summary = {
            **document,
            "levels": [{k: v for k, v in level.items() if k != "requests"} for level in levels],
        }
        requests = [level.get("requests") or [] for level in levels]
        target = document.get("target") or {}
        row = {
            "id": str(document["id"]),
            "created_at": _parse_time(document.get("created_at")) or datetime.now(UTC),
            "finished_at": _parse_time(document.get("finished_at")),
            "name": document.get("name"),
            "url": str(target.get("url", "")),
            "api": str(target.get("api", "")),
            "model": str(target.get("model", ""))[:200],
            "summary": _dump(summary),
            "requests": _dump(requests),
        }
        async with self._db.write() as session:
            await session.execute(delete(BenchRunRow).where(BenchRunRow.id == row["id"]))
            session.add(BenchRunRow(**row))
        return str(row["id"])

    async def get(self, run_id: str, *, requests: bool = True) -> dict[str, Any] | None:
        """The run's document; with ``requests``, every request's timings too."""
        if not is_storable(run_id):
            return None
        columns = [BenchRunRow.summary] + ([BenchRunRow.requests] if requests else [])
        query = select(*columns).where(BenchRunRow.id == run_id)
        async with self._db.read() as session:
            found = (await session.execute(query)).first()
        if found is None:
            return None
        document: dict[str, Any] = json.loads(str(found[0]))
        if requests and found[1]:
            for level, records in zip(document["levels"], json.loads(found[1]), strict=False):
                level["requests"] = records
        return document

    async def recent(self, limit: int = 50) -> list[dict[str, Any]]:
        """Newest first, summaries only."""
        query = select(BenchRunRow.summary).order_by(BenchRunRow.created_at.desc()).limit(limit)
        async with self._db.read() as session:
            rows = (await session.scalars(query)).all()
        return [json.loads(text) for text in rows]

    async def delete(self, run_id: str) -> bool:
        if not is_storable(run_id):
            return False
        async with self._db.write() as session:
            result = await session.execute(delete(BenchRunRow).where(BenchRunRow.id == run_id))
        return bool(getattr(result, "rowcount", 0))

    async def record_capacity(
        self,
        *,
        backend: str,
        run_id: str,
        gpus: int,
        hardware: str | None,
        tokens_per_second: float,
        output_tokens_per_second: float,
        detail: dict[str, Any],
        now: datetime | None = None,
    ) -> BenchCapacity:
        if gpus < 1:
            raise ValueError("a replica has at least one GPU")
        row = BenchCapacityRow(
            id="cap_" + run_id.removeprefix("bench_")[:16] + "_" + backend[:16],
            backend=backend,
            recorded_at=now or datetime.now(UTC),
            run_id=run_id,
            hardware=hardware,
            gpus=gpus,
            tokens_per_second=tokens_per_second,
            tokens_per_second_per_gpu=tokens_per_second / gpus,
            output_tokens_per_second=output_tokens_per_second,
            detail=_dump(detail),
        )
        async with self._db.write() as session:
            await session.execute(delete(BenchCapacityRow).where(BenchCapacityRow.id == row.id))
            session.add(row)
        return capacity_of(row)

    async def capacities(self, backend: str | None = None) -> list[BenchCapacity]:
        """Newest first; of one backend, or of all."""
        query = select(BenchCapacityRow).order_by(BenchCapacityRow.recorded_at.desc())
        if backend is not None:
            query = query.where(BenchCapacityRow.backend == backend)
        async with self._db.read() as session:
            rows = (await session.scalars(query)).all()
        return [capacity_of(row) for row in rows]
