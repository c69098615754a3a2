"""``bastion cost report`` reading a PostgreSQL ledger written as the gateway writes it.

Rows go through the journal's own insertion (ledger rows and their hourly rollup); the command
gets the database from ``--database-url`` or the configuration, names tenants from the store
(or, for a tenant deleted since, as the ledger recorded it), and runs up to now, the current
hour partial.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from bastion.cli.cost import cost_group
from bastion.journal.rows import Rows, insert_rows
from bastion.store.store import Store
from tests.conftest_postgres import scratch_database
from tests.unit.economics.test_report import DAY, Call, H, _ledger_row

pytestmark = pytest.mark.postgres


async def _ledger(url: str, now: datetime) -> None:
    store = await Store.open(url)
    try:
        acme = await store.tenants.create("acme")
        beta = await store.tenants.create("beta")
        gone = await store.tenants.create("gone")
        recent = now - DAY - timedelta(seconds=3)  # served seconds ago: the current hour
        calls = [
            (acme.id, Call("r1", "acme", "chat.completions", 1 * H, 10, 4000, 1000, 500)),
            (gone.id, Call("r2", "gone", "chat.completions", 2 * H, 5, 2000, 0, 200)),
            (beta.id, Call("r3", "beta", "chat.completions", recent, 1, 300, 0, 30)),
        ]
        rows: list[Mapping[str, Any]] = []
        for tenant_id, call in calls:
            row = _ledger_row(call)
            row["tenant_id"] = tenant_id
            rows.append(row)
        async with store.engines.write.begin() as conn:
            await insert_rows(conn, Rows(ledger=rows))
        await store.tenants.delete(gone.id)
    finally:
        await store.close()


def test_report_reads_a_postgres_ledger_up_to_now(tmp_path: Path) -> None:
    with scratch_database() as url:
        asyncio.run(_ledger(url, datetime.now(UTC)))
        runner = CliRunner(env={"BASTION_CONFIG": None, "BASTION_DATABASE_URL": None})

        result = runner.invoke(
            cost_group, ["report", "--database-url", url, "--since", "2026-11-01", "--json"]
        )

        assert result.exit_code == 0, result.output
        data = orjson.loads(result.output)
        end = datetime.fromisoformat(data["window"]["end"])
        assert abs(datetime.now(UTC) - end) < timedelta(minutes=1)
        hour = end.replace(minute=0, second=0)
        assert data["window"]["partial_hour_start"] == (None if end == hour else hour.isoformat())
        traffic = {
            line["tenant"]: (line["tenant_stored"], line["requests"], line["tokens"]["total"])
            for line in data["traffic"]
        }
        assert traffic == {
            "acme": (True, 1, 4500),
            "beta": (True, 1, 330),  # served seconds ago, in the current hour
            "gone": (False, 1, 2200),  # its tenant was deleted; the ledger kept its name
        }

        config = tmp_path / "bastion.yaml"
        config.write_text(f"database: {{url: '{url}'}}\n")
        result = runner.invoke(cost_group, ["report", "--config", str(config), "--since", "2h"])

        assert result.exit_code == 0, result.output
        assert (
            "beta / chat.completions: 1 request; 300 input (0 cached), 30 output" in result.output
        )
        assert "acme" not in result.output
        if end != hour:
            assert "the current hour" in result.output and "is partial" in result.output
