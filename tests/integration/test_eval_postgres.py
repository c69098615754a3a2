"""Evaluation runs stored in a real PostgreSQL: the repository, the evaluation rollup, and a
run through a gateway whose database is PostgreSQL, interrupted and resumed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import asyncpg
import pytest

from bastion.evaluation.model import ItemResult
from bastion.evaluation.runner import EvalRunner, create_run, execute_run
from bastion.evaluation.transport import HttpTransport
from bastion.store.store import Store
from tests.conftest import ADMIN_KEY, GatewayFactory
from tests.conftest_postgres import PostgresServer, require_postgres
from tests.eval_upstream import EvalUpstream, expected_pass, golden_items
from tests.servers import start_server
from tests.unit.evaluation.test_store import (
    test_a_run_its_items_results_and_verdicts_round_trip as check_round_trip,
)
from tests.unit.evaluation.test_store import (
    test_evaluation_traffic_has_its_own_rollup_and_usage_reads_both as check_rollups,
)

pytestmark = pytest.mark.postgres

ITEMS = golden_items(24, anthropic_every=5)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = require_postgres()
    yield server
    asyncio.run(server.drop_leftovers())


@pytest.fixture
async def pg_url(postgres: PostgresServer) -> AsyncIterator[str]:
    async with postgres.fresh_database() as url:
        yield url


@pytest.fixture
async def store(pg_url: str) -> AsyncIterator[Store]:
    opened = await Store.open(pg_url, listen=False)
    yield opened
    await opened.close()


async def test_runs_results_and_verdicts(store: Store) -> None:
    await check_round_trip(store)


async def test_evaluation_rollup(store: Store) -> None:
    await check_rollups(store)


async def test_a_run_through_a_gateway_on_postgres_resumes(
    pg_url: str, store: Store, start_gateway: GatewayFactory
) -> None:
    engine = EvalUpstream()
    server = start_server(engine.app)
    try:
        gateway = start_gateway(
            {"eng": {"kind": "openai-compatible", "location": "local",
                     "base_url": server.url + "/v1", "models": ["*"],
                     "circuit_breaker": {"enabled": False}}},
            database={"url": pg_url},
            guardrails={"injection": {"enabled": False}},
        )  # fmt: skip
        targets = ["eng/right", "eng/wrong", "eng/flaky"]
        spec = await create_run(
            store.evals, dataset="golden", dataset_sha256="0" * 64, items=ITEMS,
            targets=targets, params={"temperature": 0}, concurrency=4,
        )  # fmt: skip
        seen: list[ItemResult] = []
        task: asyncio.Task[Any] | None = None

        def count(result: ItemResult) -> None:
            seen.append(result)
            if len(seen) == 20 and task is not None:
                task.cancel()

        first = EvalRunner(HttpTransport(gateway.url), store.evals, key=ADMIN_KEY, on_result=count)
        task = asyncio.create_task(execute_run(first, store.evals, spec, ITEMS))
        with pytest.raises(asyncio.CancelledError):
            await task
        await first._transport.close()
        halfway = await store.evals.get(spec.run_id)
        assert halfway is not None
        assert halfway.status == "interrupted"
        finished = await store.evals.finished_pairs(spec.run_id)
        sent = dict(engine.received)

        second = EvalRunner(HttpTransport(gateway.url), store.evals, key=ADMIN_KEY)
        outcome = await execute_run(second, store.evals, spec, await store.evals.items(spec.run_id))
        await second._transport.close()
        assert outcome.status == "completed"
        assert len(outcome.results) == len(ITEMS) * len(targets)
        for model in ("right", "wrong", "flaky"):
            passed = {r.item_id for r in outcome.results if r.target == f"eng/{model}" and r.passed}
            assert passed == expected_pass(model, ITEMS)
        by_model = {t: t.split("/")[1] for t in targets}
        for item_id, target in finished:
            key = (by_model[target], int(item_id[-3:]))
            assert engine.received[key] == sent[key]
        # The gateway's ledger, in PostgreSQL, marks the requests as evaluation traffic.
        ids = {r.answer.request_id for r in outcome.results}
        database = pg_url.rsplit("/", 1)[1]
        user = pg_url.split("//", 1)[1].split("@", 1)[0]
        deadline = asyncio.get_running_loop().time() + 15
        while True:
            connection = await asyncpg.connect(host="127.0.0.1", user=user, database=database)
            try:
                rows = await connection.fetch(
                    "SELECT request_id FROM usage_ledger WHERE purpose = 'evaluation'"
                )
            finally:
                await connection.close()
            if {row["request_id"] for row in rows} >= ids:
                break
            assert asyncio.get_running_loop().time() < deadline, "ledger rows not loaded"
            await asyncio.sleep(0.2)
    finally:
        server.stop()
