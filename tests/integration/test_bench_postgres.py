"""Benchmark runs and recorded capacities stored in a real PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest

from bastion.store.store import Store
from tests.conftest_postgres import PostgresServer, require_postgres
from tests.unit.bench.test_store import check_capacities, check_runs_round_trip

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = require_postgres()
    yield server
    asyncio.run(server.drop_leftovers())


@pytest.fixture
async def store(postgres: PostgresServer) -> AsyncIterator[Store]:
    async with postgres.fresh_database() as url:
        opened = await Store.open(url, listen=False)
        try:
            yield opened
        finally:
            await opened.close()


async def test_runs_round_trip(store: Store) -> None:
    await check_runs_round_trip(store)


async def test_capacities(store: Store) -> None:
    await check_capacities(store)
