"""Prompts shaped like the ledger's recorded traffic, and their replay schedule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert

from bastion.bench.prompts import PromptError
from bastion.bench.replay import ledger_shapes, replay_prompts
from bastion.bench.sender import _replay_plan
from bastion.bench.shapes import Bounds, parse_shape
from bastion.sim import tokenizer
from bastion.store.models import UsageRow
from bastion.store.store import Store

T0 = datetime(2026, 12, 6, 10, tzinfo=UTC)


def _row(n: int, at: float, **kw: Any) -> dict[str, Any]:
    row = {
        "request_id": f"r{n}", "started_at": T0 + timedelta(seconds=at),
        "finished_at": T0 + timedelta(seconds=at + 1), "tenant_id": "t1", "tenant": "acme",
        "key_id": "k1", "endpoint": "chat.completions", "model": "m", "backend": "gpu",
        "location": "local", "upstream_model": "m", "stream": True, "status": 200,
        "outcome": "ok", "input_tokens": 30 + n, "cached_input_tokens": 0,
        "output_tokens": 5 + n, "usage_estimated": False, "queue_ms": 0.0, "ttft_ms": 10.0,
        "total_ms": 1000.0, "cache_status": "miss", "purpose": None,
    }  # fmt: skip
    return {**row, **kw}


async def test_ledger_traffic_becomes_prompts_at_their_recorded_offsets(store: Store) -> None:
    rows = [
        _row(0, 0.0),
        _row(1, 0.5, tenant="globex"),
        _row(2, 2.0),
        _row(3, 1.0, purpose="evaluation"),
        _row(4, 1.2, cache_status="hit"),
        _row(5, 1.4, status=503),
        _row(6, 1.6, backend="other"),
        _row(7, 99.0),  # after the window
    ]
    async with store.engines.write.begin() as conn:
        await conn.execute(insert(UsageRow), rows)
    shapes = await ledger_shapes(
        store.engines.read, since=T0, until=T0 + timedelta(seconds=60), backend="gpu"
    )
    assert [(s[1], s[2], s[3]) for s in shapes] == [
        (30, 5, "acme"),
        (31, 6, "globex"),
        (32, 7, "acme"),
    ]
    source = replay_prompts(shapes, seed=1, origin={"window": "test"})
    assert source.describe()["tenants"] == ["acme", "globex"]
    first, second, third = source.prompts
    assert tokenizer.count(first.text) == 30 and first.max_tokens == 5
    assert (first.at, second.at, third.at) == (0.0, 0.5, 2.0)
    plan = _replay_plan(source, parse_shape("replay:2"), Bounds(max_requests=10))
    assert [offset for offset, _ in plan] == [0.0, 0.25, 1.0]
    assert len(_replay_plan(source, parse_shape("replay"), Bounds(duration=1.0))) == 2
    with pytest.raises(PromptError):
        replay_prompts([])
