"""Ledger retention: old request rows go, in batches; the hourly sums reports read stay."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from bastion.cli.audit import audit_group
from bastion.cli.ledger import ledger_group
from bastion.journal.rows import Rows, insert_rows
from bastion.ledger import prune
from bastion.store.models import UsageHourlyRow, UsageRow
from bastion.store.store import Store
from tests.unit.audit.test_journal_writer import count, ledger

NOW = datetime.now(UTC).replace(microsecond=0)


async def _sums(store: Store) -> tuple[int, int]:
    async with store.engines.read.connect() as conn:
        hourly = UsageHourlyRow.__table__.c
        row = (
            await conn.execute(select(func.sum(hourly.requests), func.sum(hourly.output_tokens)))
        ).one()
    return int(row[0]), int(row[1])


async def check_old_rows_go_and_hourly_sums_stay(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shared with the PostgreSQL run."""
    monkeypatch.setattr(prune, "BATCH_ROWS", 3)  # several batches, the last one short
    rows = [
        ledger(f"old{i}", finished_at=NOW - timedelta(days=40, minutes=i), output_tokens=5)
        for i in range(7)
    ]
    rows += [
        ledger(f"new{i}", finished_at=NOW - timedelta(days=2), output_tokens=5) for i in range(2)
    ]
    async with store.engines.write.begin() as conn:
        await insert_rows(conn, Rows(ledger=rows))
    before = await _sums(store)
    deleted = await prune.prune_usage_before(store.engines.write, NOW - timedelta(days=30))
    assert deleted == 7
    assert await count(store, UsageRow) == 2
    assert await _sums(store) == before == (9, 45)
    assert await prune.prune_usage_before(store.engines.write, NOW - timedelta(days=30)) == 0


async def test_old_rows_go_and_hourly_sums_stay(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    await check_old_rows_go_and_hourly_sums_stay(store, monkeypatch)


def test_the_command_prunes_and_refuses_less_than_a_day(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/data/bastion.db"

    async def seed() -> None:
        async with await Store.open(url) as store, store.engines.write.begin() as conn:
            old = ledger("old", finished_at=NOW - timedelta(days=100))
            await insert_rows(conn, Rows(ledger=[old, ledger("new", finished_at=NOW)]))

    asyncio.run(seed())
    runner = CliRunner()
    done = runner.invoke(ledger_group, ["prune", "--older-than", "90", "--database-url", url])
    assert done.exit_code == 0, done.output
    assert "pruned 1 request row(s)" in done.output
    refused = runner.invoke(ledger_group, ["prune", "--older-than", "0.5", "--database-url", url])
    assert refused.exit_code == 2 and "--older-than" in refused.output
    unreachable = runner.invoke(
        ledger_group,
        ["prune", "--older-than", "90", "--database-url", "postgresql+asyncpg://u@127.0.0.1:9/x"],
    )
    assert unreachable.exit_code == 2 and "cannot read the ledger" in unreachable.output


def test_database_commands_share_their_settings_and_errors(tmp_path: Path) -> None:
    """The audit and ledger commands read the database from --database-url or the config file
    and report a bad configuration or an unreachable database in a line, with status 2."""
    url = f"sqlite+aiosqlite:///{tmp_path}/data/bastion.db"

    async def migrate() -> None:
        async with await Store.open(url):
            pass

    asyncio.run(migrate())
    config = tmp_path / "bastion.yaml"
    config.write_text(f"database: {{url: '{url}'}}\n")
    runner = CliRunner()
    verified = runner.invoke(audit_group, ["verify", "--config", str(config)])
    assert verified.exit_code == 0 and "journal intact" in verified.output, verified.output
    pruned = runner.invoke(ledger_group, ["prune", "--older-than", "30", "--config", str(config)])
    assert pruned.exit_code == 0 and "pruned 0 request row(s)" in pruned.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("nope: 1\n")
    for group, args in ((audit_group, ["verify"]), (ledger_group, ["prune", "--older-than", "9"])):
        refused = runner.invoke(group, [*args, "--config", str(bad)])
        assert refused.exit_code == 2 and "nope: unknown key" in refused.output
    unreachable = runner.invoke(
        audit_group,
        ["prune", "--older-than", "9", "--database-url", "postgresql+asyncpg://u@127.0.0.1:9/x"],
    )
    assert unreachable.exit_code == 2 and "cannot read the audit journal" in unreachable.output
    # A mistyped path is reported, and no empty database (nor its folders) is left there.
    mistyped = tmp_path / "nowhere" / "x.db"
    for group, args in ((audit_group, ["verify"]), (ledger_group, ["prune", "--older-than", "9"])):
        missing = runner.invoke(group, [*args, "--database-url", f"sqlite+aiosqlite:///{mistyped}"])
        assert missing.exit_code == 2 and "no database at" in missing.output, missing.output
    assert not (tmp_path / "nowhere").exists()
