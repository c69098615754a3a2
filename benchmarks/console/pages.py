"""How long each console page takes with a million ledger rows.

Fills a scratch PostgreSQL database (``bastion_console_bench`` on 127.0.0.1:5432, created and
dropped by this script) with 1,000,000 ledger rows over 90 days, their hourly and daily
rollups and audit records, starts ``bastion serve`` on it (a worker per core: a session opened
on one worker is found by the others in the database; nothing is read before the gateway is
ready, so a page's first load is a cold worker's), signs in to the console and loads every
page repeatedly, one at a time: p50 / p95 / max per page, and the first load's time.

    .venv/bin/python benchmarks/console/pages.py                 # 1,000,000 rows, 30 loads
    .venv/bin/python benchmarks/console/pages.py --rows 100000 --loads 10 --keep
"""

from __future__ import annotations

import argparse
import asyncio
import re
import secrets
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fill import audit_rows, ledger_rows, tenants, utc_now
from harness import Processes, free_port, percentile, start_gateway

from bastion.ledger.rollup import busy_rows, daily_rows, rollup_rows
from bastion.store.store import Store

DATABASE = "bastion_console_bench"
ADMIN_KEY = "bst-console-bench-" + secrets.token_hex(12)
_LEDGER_COLUMNS = (
    "request_id", "started_at", "finished_at", "tenant_id", "tenant", "key_id", "endpoint",
    "model", "backend", "location", "upstream_model", "stream", "status", "outcome",
    "input_tokens", "cached_input_tokens", "output_tokens", "usage_estimated", "queue_ms",
    "ttft_ms", "total_ms", "cache_status", "purpose",
)  # fmt: skip
_ROLLUP_COLUMNS = (
    "hour", "tenant_id", "key_id", "endpoint", "model", "backend", "location", "requests",
    "errors", "input_tokens", "cached_input_tokens", "output_tokens", "estimated_requests",
    "busy_ms",
)  # fmt: skip
_DAILY_COLUMNS = (
    "day", "tenant_id", "endpoint", "model", "backend", "purpose", "location", "requests",
    "errors", "input_tokens", "cached_input_tokens", "output_tokens", "estimated_requests",
    "busy_ms",
)  # fmt: skip
_BUSY_COLUMNS = ("backend", "minute", "seconds")
_AUDIT_COLUMNS = (
    "chain", "seq", "segment", "ts", "kind", "request_id", "tenant_id", "payload", "prev_hash",
    "hash",
)  # fmt: skip


async def admin(statement: str, user: str) -> None:
    conn = await asyncpg.connect(host="127.0.0.1", port=5432, user=user, database="postgres")
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


async def fill(url: str, rows: int, audit: int, user: str) -> tuple[str, float]:
    """Migrates and fills the database; a tenant id to open, and the seconds it took."""
    began = time.perf_counter()
    store = await Store.open(url)
    owners = []
    try:
        for name in tenants(20):
            tenant = await store.tenants.create(name)
            keys = [(await store.keys.create(tenant.id, f"k{i}"))[1].id for i in range(2)]
            owners.append((tenant.id, tenant.name, keys))
    finally:
        await store.close()
    conn = await asyncpg.connect(host="127.0.0.1", port=5432, user=user, database=DATABASE)
    try:
        now = utc_now()
        batch: list[dict[str, Any]] = []
        for row in ledger_rows(rows, days=90, now=now - timedelta(minutes=1), tenant_ids=owners):
            batch.append(row)
            if len(batch) == 100_000:
                await _copy(conn, batch)
                batch = []
        if batch:
            await _copy(conn, batch)
        records = [tuple(r[c] for c in _AUDIT_COLUMNS) for r in audit_rows(audit, now=now)]
        await conn.copy_records_to_table("audit_records", records=records, columns=_AUDIT_COLUMNS)
        await conn.execute("ANALYZE")
    finally:
        await conn.close()
    return owners[0][0], time.perf_counter() - began


async def first_tenant(user: str) -> str:
    conn = await asyncpg.connect(host="127.0.0.1", port=5432, user=user, database=DATABASE)
    try:
        return str(await conn.fetchval("SELECT id FROM tenants WHERE name = 'team-00'"))
    finally:
        await conn.close()


async def _copy(conn: asyncpg.Connection, batch: list[dict[str, Any]]) -> None:
    ledger = [tuple(row[c] for c in _LEDGER_COLUMNS) for row in batch]
    await conn.copy_records_to_table("usage_ledger", records=ledger, columns=_LEDGER_COLUMNS)
    # The ledger's own rollup code, then added to the tables as the loader's upserts do.
    hourly = rollup_rows(batch)
    await _upsert(conn, "usage_hourly", hourly, _ROLLUP_COLUMNS, 6, "{t}.{c} + {e}")
    await _upsert(conn, "usage_daily", daily_rows(hourly), _DAILY_COLUMNS, 6, "{t}.{c} + {e}")
    await _upsert(conn, "backend_busy_minutes", busy_rows(batch), _BUSY_COLUMNS, 2, "{t}.{c} | {e}")


async def _upsert(
    conn: asyncpg.Connection,
    table: str,
    rows: list[dict[str, Any]],
    columns: tuple[str, ...],
    keys: int,
    merge: str,
) -> None:
    """COPY into a scratch table, then INSERT … ON CONFLICT merging the columns after the
    first ``keys`` (the table's primary key) but for ``location``, which is not a sum."""
    scratch = f"{table}_in"
    await conn.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {scratch} (LIKE {table}) ON COMMIT PRESERVE ROWS"
    )
    await conn.execute(f"TRUNCATE {scratch}")
    records = [tuple(row[c] for c in columns) for row in rows]
    await conn.copy_records_to_table(scratch, records=records, columns=columns)
    sets = ", ".join(
        f"{c} = " + merge.format(t=table, c=c, e=f"excluded.{c}")
        for c in columns[keys:]
        if c != "location"
    )
    names = ", ".join(columns)
    await conn.execute(
        f"INSERT INTO {table} ({names}) SELECT {names} FROM {scratch} ON CONFLICT "
        f"({', '.join(columns[:keys])}) DO UPDATE SET {sets}"
    )


def sign_in(client: httpx.Client) -> None:
    page = client.get("/console/login")
    nonce = re.search(r'name="nonce" value="([^"]+)"', page.text)
    assert nonce is not None
    response = client.post(
        "/console/login",
        data={"nonce": nonce.group(1), "key": ADMIN_KEY},
        headers={"Origin": str(client.base_url).rstrip("/")},
    )
    assert response.status_code == 303, response.text


def measure(client: httpx.Client, path: str, loads: int) -> dict[str, Any]:
    began = time.perf_counter()
    assert client.get(path).status_code == 200, path
    cold = (time.perf_counter() - began) * 1000
    for _ in range(3):  # warm: both workers' templates compiled, connections open, caches
        assert client.get(path).status_code == 200, path
    times = []
    size = 0
    for _ in range(loads):
        began = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        size = len(response.content)
    times.sort()
    return {
        "page": path,
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(times[-1], 1),
        "first_ms": round(cold, 1),
        "bytes": size,
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--audit", type=int, default=200_000)
    parser.add_argument("--loads", type=int, default=30)
    parser.add_argument("--user", default="postgres")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse", action="store_true", help="measure a database kept by an earlier --keep"
    )
    args = parser.parse_args()
    url = f"postgresql+asyncpg://{args.user}@127.0.0.1:5432/{DATABASE}"
    if not args.reuse:
        await admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)', args.user)
        await admin(f'CREATE DATABASE "{DATABASE}"', args.user)
    processes = Processes()
    try:
        if args.reuse:
            tenant_id = await first_tenant(args.user)
        else:
            tenant_id, seconds = await fill(url, args.rows, args.audit, args.user)
            print(
                f"filled {args.rows:,} ledger rows and {args.audit:,} audit records "
                f"in {seconds:.0f} s"
            )
        with tempfile.TemporaryDirectory(prefix="console-bench-") as folder:
            port = free_port()
            config = {
                "server": {"host": "127.0.0.1", "port": port},
                "database": {"url": url},
                "auth": {"admin_key": ADMIN_KEY},
                "journal": {"spool_dir": str(Path(folder) / "journal")},
                "logging": {"level": "warning"},
                "discovery": {"enabled": False},
                "backends": {"sim": {"kind": "simulator", "location": "local"}},
                "economics": {
                    "compare_with": ["gpt-4o-mini"],
                    "tco": {"vllm": {"gpus": 1, "gpu_hourly": 2.5}},
                },
            }
            began = time.perf_counter()
            base = await start_gateway(processes, config, Path(folder), "console")
            print(f"gateway ready in {time.perf_counter() - began:.2f} s")
            await asyncio.to_thread(run_pages, base, tenant_id, args.loads)
    finally:
        processes.stop()
        if not args.keep:
            await admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)', args.user)


def run_pages(base: str, tenant_id: str, loads: int) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        sign_in(client)
        paths = [
            "/console/",
            "/console/backends",
            "/console/tenants",
            f"/console/tenants/{tenant_id}",
            "/console/money",
            "/console/money?days=7",
            "/console/money?days=30",
            "/console/money/chargeback.csv",
            "/console/audit",
            "/console/audit?before=100000",
        ]
        results = [measure(client, path, loads) for path in paths]
    print(f"{'page':<50} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'first ms':>9} {'bytes':>9}")
    for result in results:
        print(
            f"{result['page']:<50} {result['p50_ms']:>8} {result['p95_ms']:>8} "
            f"{result['max_ms']:>8} {result['first_ms']:>9} {result['bytes']:>9}"
        )


if __name__ == "__main__":
    asyncio.run(main())
