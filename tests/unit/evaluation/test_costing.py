"""Answers costed from the usage ledger's rows of their requests (the tokens the gateway
metered, priced by the price model), the runner's price for answers the ledger does not have,
and each target's cost source saying which was used."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bastion.evaluation import costing
from bastion.evaluation.costing import cost_from_ledger, ledger_costing
from bastion.evaluation.model import Answer, ItemResult, RunSpec
from bastion.evaluation.report import build_report, report_dict
from bastion.ledger.query import RequestUsage, usage_by_request
from bastion.store.models import Base, UsageRow

NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)
SPEC = RunSpec("eval_c", "d", "0" * 64, ("base", "cand"), "base")


def pricer(backend: str, model: str, input_tokens: int, output_tokens: int) -> Decimal | None:
    """$1 per input token, $2 per output token on ``api``; ``local`` is free; others unpriced."""
    if backend == "api":
        return Decimal(input_tokens + 2 * output_tokens)
    if backend == "local":
        return Decimal(0)
    raise LookupError(f"no price for {model} on {backend}")


def result(n: int, target: str, *, error: str | None = None) -> ItemResult:
    """As the runner stored it: 10 input and 5 output tokens from the stream, priced $99."""
    answer = Answer(
        target, 500 if error else 200, text=None if error else "ok", error=error,
        request_id=f"req_{target}_{n}", input_tokens=10, output_tokens=5,
        cost_usd=None if error else Decimal(99),
    )  # fmt: skip
    return ItemResult(f"i{n}", target, answer, passed=error is None)


def usage(request_id: str, backend: str = "api", **fields: Any) -> RequestUsage:
    values: dict[str, Any] = {
        "request_id": request_id, "backend": backend, "upstream_model": "m",
        "input_tokens": 100, "cached_input_tokens": 0, "output_tokens": 7,
        "usage_estimated": False, "cache_status": "miss", "purpose": "evaluation",
    }  # fmt: skip
    values.update(fields)
    return RequestUsage(**values)


RESULTS = [result(n, t) for n in range(4) for t in ("base", "cand")]


def test_answers_the_ledger_has_are_costed_from_its_tokens() -> None:
    ledger = {f"req_base_{n}": usage(f"req_base_{n}") for n in range(4)}
    ledger["req_cand_0"] = usage("req_cand_0", "local", output_tokens=3)
    costed = cost_from_ledger(RESULTS, ledger, pricer, SPEC.targets)
    by_id = {r.answer.request_id: r.answer for r in costed.results}
    assert (by_id["req_base_0"].input_tokens, by_id["req_base_0"].output_tokens) == (100, 7)
    assert by_id["req_base_0"].cost_usd == Decimal(114)  # 100 x $1 + 7 x $2
    assert (by_id["req_cand_0"].output_tokens, by_id["req_cand_0"].cost_usd) == (3, 0)
    # Not in the ledger: as the runner priced it.
    assert (by_id["req_cand_1"].input_tokens, by_id["req_cand_1"].cost_usd) == (10, 99)
    assert (costed.targets["base"].from_ledger, costed.targets["cand"].from_ledger) == (4, 1)
    sources = costed.sources()
    assert sources["base"].startswith("ledger: 4 of 4 answers (the tokens the gateway metered")
    assert sources["cand"].startswith("ledger: 1 of 4 answers")
    assert "price model for the other 3, not in the ledger yet" in sources["cand"]
    none = cost_from_ledger(RESULTS, {}, pricer, SPEC.targets)
    assert none.sources()["cand"].startswith("price model: ")
    assert "the ledger has none of its 4 answers" in none.sources()["cand"]
    # The report's token totals are the ledger's where it has the answers.
    report = report_dict(build_report(SPEC, [], costed.results, cost_sources=sources))
    base = next(t for t in report["targets"] if t["target"] == "base")["cost"]
    assert (base["input_tokens"], base["output_tokens"], base["total_usd"]) == (400, 28, 456.0)
    assert base["source"] == sources["base"]


def test_cache_hits_failures_and_unpriced_models() -> None:
    failed = result(9, "cand", error="HTTP 500: upstream failed")
    cut = result(8, "cand", error="the stream ended before the answer was complete")
    unpriced = result(7, "cand")
    hit = result(6, "cand")
    ledger = {
        "req_cand_9": usage("req_cand_9", input_tokens=0, output_tokens=0),
        "req_cand_8": usage("req_cand_8", output_tokens=40),
        "req_cand_7": usage("req_cand_7", "elsewhere"),
        "req_cand_6": usage("req_cand_6", "cache", cache_status="hit"),
    }
    costed = cost_from_ledger([failed, cut, unpriced, hit], ledger, pricer, ["cand"])
    answers = {r.item_id: r.answer for r in costed.results}
    assert answers["i9"].cost_usd is None  # failed without using a token: no price
    assert answers["i8"].cost_usd == Decimal(180)  # tokens were spent before the cut
    assert answers["i7"].cost_usd is None  # the price model does not know the model
    assert answers["i6"].cost_usd == 0  # from the cache
    assert cost_from_ledger([hit], ledger, None, ["cand"]).results[0].answer.cost_usd == 0


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'ledger.db'}")
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield engine
    await engine.dispose()


def ledger_row(request_id: str, input_tokens: int, output_tokens: int) -> dict[str, Any]:
    return {
        "request_id": request_id, "started_at": NOW, "finished_at": NOW, "tenant_id": "t",
        "tenant": "acme", "key_id": "k", "endpoint": "chat_completions", "model": "base",
        "backend": "api", "location": "external", "upstream_model": "m", "stream": True,
        "status": 200, "outcome": "ok", "input_tokens": input_tokens, "cached_input_tokens": 0,
        "output_tokens": output_tokens, "usage_estimated": False, "queue_ms": 0.0,
        "ttft_ms": 1.0, "total_ms": 2.0, "cache_status": "bypass", "purpose": "evaluation",
    }  # fmt: skip


async def test_the_ledger_is_read_by_request_id_and_waited_for(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with engine.begin() as conn:
        await conn.execute(insert(UsageRow), [ledger_row("req_base_0", 50, 4)])
    found = await usage_by_request(engine, ["req_base_0", "req_other", ""])
    assert list(found) == ["req_base_0"]
    assert (found["req_base_0"].input_tokens, found["req_base_0"].backend) == (50, "api")
    assert await usage_by_request(engine, []) == {}
    # Many ids are read in several queries.
    monkeypatch.setattr("bastion.ledger.query._IDS_PER_QUERY", 2)
    assert list(await usage_by_request(engine, [f"x{n}" for n in range(5)] + ["req_base_0"]))
    # Rows that land while the report waits are used; without waiting, only those there.
    monkeypatch.setattr(costing, "POLL_SECONDS", 0.02)
    base_only = [r for r in RESULTS if r.target == "base"]
    now = await ledger_costing(engine, base_only, ["base"], pricer)
    assert now.targets["base"].from_ledger == 1

    async def land() -> None:
        await asyncio.sleep(0.1)
        async with engine.begin() as conn:
            rows = [ledger_row(f"req_base_{n}", 50, 4) for n in range(1, 4)]
            await conn.execute(insert(UsageRow), rows)

    landing = asyncio.create_task(land())
    waited = await ledger_costing(engine, base_only, ["base"], pricer, wait=5)
    await landing
    assert waited.targets["base"].from_ledger == 4
    assert sum(r.answer.input_tokens for r in waited.results) == 200
