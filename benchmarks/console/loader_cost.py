"""The loader's cost per ledger row: ``insert_rows`` (ledger rows, their hourly rollup and the
other summed tables) for 50,000 rows in batches of 500, on SQLite and on PostgreSQL.

    .venv/bin/python benchmarks/console/loader_cost.py [--rows 50000] [--batch 500]

PostgreSQL: a scratch database ``bastion_loader_bench`` on 127.0.0.1:5432, dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fill import ledger_rows, utc_now

from bastion.journal.rows import Rows, insert_rows
from bastion.store.store import Store

DATABASE = "bastion_loader_bench"


async def measure(url: str, rows: int, batch: int) -> float:
    """Microseconds per row, the rows made beforehand (only the insertion is timed)."""
    store = await Store.open(url)
    owners = [("ten_a", "a", ["key_a"]), ("ten_b", "b", ["key_b"]), ("ten_c", "c", ["key_c"])]
    now = utc_now()
    made = list(ledger_rows(rows, days=1, now=now - timedelta(minutes=1), tenant_ids=owners))
    try:
        began = time.perf_counter()
        for start in range(0, len(made), batch):
            async with store.engines.write.begin() as conn:
                await insert_rows(conn, Rows(ledger=made[start : start + batch]))
        return (time.perf_counter() - began) / rows * 1e6
    finally:
        await store.close()


async def admin(statement: str) -> None:
    conn = await asyncpg.connect(host="127.0.0.1", port=5432, user="postgres", database="postgres")
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sqlite = await measure(f"sqlite+aiosqlite:///{folder}/l.db", args.rows, args.batch)
    print(f"sqlite      {sqlite:8.1f} µs per row")
    await admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    await admin(f'CREATE DATABASE "{DATABASE}"')
    try:
        url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{DATABASE}"
        postgres = await measure(url, args.rows, args.batch)
    finally:
        await admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    print(f"postgresql  {postgres:8.1f} µs per row")


if __name__ == "__main__":
    asyncio.run(main())
