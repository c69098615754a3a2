"""What a run's answers cost, from the usage ledger where it has them.

Each answer keeps the gateway's request id (``x-request-id``), the ledger's key. For the
answers the ledger has, the report uses the tokens the gateway metered for the request (what
budgets and cost reports count) and prices them with the price/TCO model as money budgets
price requests (``admission/pricing.py``: API prices for an external backend, the chargeback
rate of a self-hosted one with an ``economics.tco`` entry, nothing for the simulator or an
answer from the cache), at the backend and upstream model the ledger recorded. Answers the
ledger does not have — its rows are loaded from the journal a moment after the answer, and
a CLI may read another database than the gateway writes — keep the runner's price: the
tokens the answer's stream reported, priced by the same model. Each target's cost source
says which was used ("ledger: N of M answers" or "price model").
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.evaluation.model import ItemResult
from bastion.evaluation.runner import Pricer
from bastion.ledger.query import RequestUsage, usage_by_request

PRICE_MODEL = "the price model (admission/pricing.py) for the backend that answered"
# How often the ledger is read again while waiting for a run's rows.
POLL_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class TargetCosting:
    """How many of a target's answers were costed from the ledger."""

    target: str
    answers: int
    from_ledger: int

    @property
    def missing(self) -> int:
        return self.answers - self.from_ledger

    def source(self) -> str:
        """The report's cost source of the target."""
        n, m = self.from_ledger, self.answers
        if m and n == m:
            return (
                f"ledger: {n} of {m} answers (the tokens the gateway metered, priced by the "
                "price/TCO model)"
            )
        if n:
            return (
                f"ledger: {n} of {m} answers (the tokens the gateway metered, priced by the "
                f"price/TCO model); price model for the other {m - n}, not in the ledger yet "
                "(bastion eval show reads it again)"
            )
        return (
            f"price model: {PRICE_MODEL}, with the tokens each answer's stream reported (the "
            f"ledger has none of its {m} answers)"
        )


@dataclass(frozen=True, slots=True)
class LedgerCosting:
    """The results with the ledger's tokens and prices where it has them, and per target how
    many it had."""

    results: list[ItemResult]
    targets: dict[str, TargetCosting]

    def sources(self) -> dict[str, str]:
        return {name: costing.source() for name, costing in self.targets.items()}


def cost_from_ledger(
    results: Iterable[ItemResult],
    ledger: Mapping[str, RequestUsage],
    pricer: Pricer | None,
    targets: Sequence[str],
) -> LedgerCosting:
    """``results`` with each answer the ledger has costed from its row: the metered input and
    output tokens, priced at the recorded backend and upstream model (a cache hit costs
    nothing; an answer that failed without using a token stays without a price, as the runner
    leaves it). Answers without a row are kept as the runner priced them."""
    costed: list[ItemResult] = []
    answers = dict.fromkeys(targets, 0)
    found = dict.fromkeys(targets, 0)
    for result in results:
        answers[result.target] = answers.get(result.target, 0) + 1
        answer = result.answer
        row = ledger.get(answer.request_id) if answer.request_id else None
        if row is None:
            costed.append(result)
            continue
        found[result.target] = found.get(result.target, 0) + 1
        cost: Decimal | None
        if row.cache_status == "hit":
            cost = Decimal(0)
        elif answer.error is not None and not (row.input_tokens or row.output_tokens):
            cost = answer.cost_usd
        else:
            cost = _price(pricer, row)
        metered = replace(
            answer,
            input_tokens=row.input_tokens,
            output_tokens=row.output_tokens,
            cost_usd=cost,
        )
        costed.append(replace(result, answer=metered))
    return LedgerCosting(
        costed,
        {name: TargetCosting(name, answers[name], found[name]) for name in answers},
    )


def _price(pricer: Pricer | None, row: RequestUsage) -> Decimal | None:
    if pricer is None:
        return None
    try:
        return pricer(row.backend, row.upstream_model, row.input_tokens, row.output_tokens)
    except Exception:  # an unpriced model is a cost unknown, never a failed report
        return None


async def ledger_costing(
    engine: AsyncEngine,
    results: Sequence[ItemResult],
    targets: Sequence[str],
    pricer: Pricer | None,
    *,
    wait: float = 0.0,
) -> LedgerCosting:
    """Reads the ledger's rows of the results' requests — waiting up to ``wait`` seconds for
    rows still on their way from the journal — and costs the answers with them."""
    wanted = {r.answer.request_id for r in results if r.answer.request_id}
    rows: dict[str, RequestUsage] = {}
    deadline = time.monotonic() + wait
    while True:
        rows.update(await usage_by_request(engine, wanted - rows.keys()))
        if len(rows) >= len(wanted) or time.monotonic() >= deadline:
            break
        await asyncio.sleep(POLL_SECONDS)
    return cost_from_ledger(results, rows, pricer, targets)
