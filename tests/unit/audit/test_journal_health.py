"""What makes the journal not ready (``/readyz``): spool directory, loader progress, database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert, update
from sqlalchemy.ext.asyncio import create_async_engine

from bastion.journal.health import JournalHealth
from bastion.store.models import JournalSpoolRow
from bastion.store.store import Store


async def test_a_database_that_answers_is_ready(store: Store) -> None:
    health = JournalHealth(store.engines.write, None)
    await health.check()
    assert health.problems() == []


async def test_a_database_that_does_not_answer_is_not_ready() -> None:
    engine = create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none")
    health = JournalHealth(engine, None)
    try:
        await health.check()
    finally:
        await engine.dispose()
    [problem] = health.problems()
    assert problem.startswith("journal: the database does not answer (")
    assert problem.endswith("so records cannot be made durable")


async def test_a_spool_directory_that_is_a_file_is_not_ready(store: Store, tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    spool.write_text("")
    health = JournalHealth(store.engines.write, spool)
    assert health.problems() == [f"journal: the spool directory {spool} is not a directory"]


async def test_a_full_file_system_is_not_ready(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    health = JournalHealth(store.engines.write, spool)
    await health.check()
    assert health.problems() == []
    assert list(spool.iterdir()) == [], "the probe file is removed"

    monkeypatch.setattr(JournalHealth, "min_free_bytes", 1 << 62)
    await health.check()
    [problem] = health.problems()
    assert "the spool directory's file system has" in problem
    assert problem.endswith("MiB free (below 4,398,046,511,104 MiB)")


async def test_the_loader_is_stuck_when_its_position_stops_moving(
    store: Store, tmp_path: Path
) -> None:
    engine = store.engines.write
    health = JournalHealth(engine, tmp_path)
    spool = tmp_path / "chain-000001.spool"
    spool.write_bytes(b"x" * 100)

    async def loaded(offset: int) -> None:
        async with engine.begin() as conn:
            if offset == 0:
                await conn.execute(insert(JournalSpoolRow).values(name=spool.name, loaded_bytes=0))
            else:
                await conn.execute(update(JournalSpoolRow).values(loaded_bytes=offset))

    assert await health._stall_problem(tmp_path, 1000.0) is None  # waiting since 1000
    assert await health._stall_problem(tmp_path, 1119.0) is None
    problem = await health._stall_problem(tmp_path, 1120.0)
    assert problem == (
        "journal: the spool loader has loaded nothing for 120 s while 100 bytes of records "
        "wait in 1 spool file(s) (limit 120 s)"
    )

    await loaded(0)
    await loaded(60)  # progress: the clock starts again
    assert await health._stall_problem(tmp_path, 1200.0) is None
    assert await health._stall_problem(tmp_path, 1319.0) is None
    assert await health._stall_problem(tmp_path, 1320.0) is not None

    await loaded(100)  # all loaded: nothing waits
    assert await health._stall_problem(tmp_path, 5000.0) is None
    spool.unlink()  # loaded and retired
    assert await health._stall_problem(tmp_path, 9000.0) is None
