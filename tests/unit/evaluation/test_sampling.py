"""Datasets sampled from the audit journal: consent, what content qualifies, stratification,
seeding and the data classes found."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert

from bastion.config import config_from_mapping
from bastion.evaluation.sampling import SamplingError, allocate, length_bucket, sample_traffic
from bastion.store.models import AuditRecordRow
from bastion.store.store import Store

NOW = datetime.now(UTC)
WINDOW = {"since": NOW - timedelta(days=1), "until": NOW + timedelta(minutes=1)}


def config(*tenants: str) -> Any:
    return config_from_mapping({"evaluation": {"sample_tenants": list(tenants)}})


def chat(text: str) -> str:
    return json.dumps({"model": "m", "stream": True,
                       "messages": [{"role": "user", "content": text}]})  # fmt: skip


def messages(text: str) -> str:
    return json.dumps({"model": "m", "max_tokens": 10, "system": "be brief",
                       "messages": [{"role": "user", "content": text}]})  # fmt: skip


class Journal:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.rows: list[dict[str, Any]] = []

    def add(self, tenant_id: str, request: str | None, **payload: Any) -> None:
        seq = len(self.rows)
        body = {"endpoint": "chat.completions", "request_sha256": f"sha{seq}", **payload}
        if request is not None:
            body["request"] = request
            body.setdefault("request_truncated", False)
        self.rows.append(
            {
                "chain": "c1", "seq": seq, "segment": 0, "ts": NOW - timedelta(minutes=seq),
                "kind": payload.pop("kind", None) or body.pop("kind", "intent"),
                "request_id": f"req{seq:04d}", "tenant_id": tenant_id,
                "payload": json.dumps(body), "prev_hash": "0" * 64, "hash": f"{seq:064d}",
            }
        )  # fmt: skip

    async def write(self) -> None:
        async with self.store.engines.write.begin() as conn:
            await conn.execute(insert(AuditRecordRow), self.rows)


@pytest.fixture
async def tenants(store: Store) -> dict[str, str]:
    return {name: (await store.tenants.create(name)).id for name in ("acme", "globex", "initech")}


async def test_sampling_needs_consent(store: Store, tenants: dict[str, str]) -> None:
    with pytest.raises(SamplingError, match=r"evaluation\.sample_tenants"):
        await sample_traffic(store.engines.read, config(), size=5, seed=1, **WINDOW)
    with pytest.raises(SamplingError, match="globex do not consent"):
        await sample_traffic(
            store.engines.read, config("acme"), size=5, seed=1, tenants=["globex"], **WINDOW
        )


async def test_only_kept_content_of_consenting_tenants_is_sampled(
    store: Store, tenants: dict[str, str]
) -> None:
    journal = Journal(store)
    journal.add(tenants["acme"], chat("What is 2+2?"))
    journal.add(tenants["acme"], None)  # metadata capture: no content
    journal.add(tenants["acme"], chat("cut"), request_truncated=True)
    journal.add(tenants["acme"], chat("x"), endpoint="embeddings")
    journal.add(tenants["acme"], chat("What is 2+2?"), request_sha256="sha0")  # the same again
    journal.add(tenants["acme"], chat("refused"), kind="outcome", decision="refused")
    journal.add(tenants["acme"], chat("cached"), kind="outcome", decision="served_from_cache")
    journal.add(tenants["acme"], messages("Bonjour"), endpoint="messages")
    journal.add(tenants["acme"], "{not json")
    journal.add(tenants["globex"], chat("not consenting"))
    await journal.write()
    sample = await sample_traffic(store.engines.read, config("acme"), size=10, seed=1, **WINDOW)
    texts = sorted(str(item.request["messages"][0]["content"]) for item in sample.items)
    assert texts == ["Bonjour", "What is 2+2?", "cached"]
    by_id = {item.id: item for item in sample.items}
    anthropic = by_id["traffic-req0007"]
    assert anthropic.protocol == "anthropic"
    assert anthropic.request == {"max_tokens": 10, "system": "be brief",
                                 "messages": [{"role": "user", "content": "Bonjour"}]}  # fmt: skip
    assert anthropic.slices == {"tenant": "acme", "endpoint": "messages", "length": "<=256",
                                "source": "traffic"}  # fmt: skip
    assert anthropic.checks == ()
    assert sample.passed_over == {
        "content not kept (capture mode metadata)": 1,
        "content cut at audit.max_content_bytes": 1,
        "not a chat completions or Messages request": 1,
        "the same request again": 1,
        "not answered": 1,
        "not a request a run can replay": 1,
    }


async def test_sensitive_items_carry_their_data_classes(
    store: Store, tenants: dict[str, str]
) -> None:
    journal = Journal(store)
    journal.add(tenants["acme"], chat("Mail the invoice to jane.doe@example.com please"))
    journal.add(tenants["acme"], chat("What is the capital of France?"))
    await journal.write()
    sample = await sample_traffic(store.engines.read, config("acme"), size=5, seed=1, **WINDOW)
    classes = {item.request["messages"][0]["content"][:4]: item.classifications
               for item in sample.items}  # fmt: skip
    assert classes == {"Mail": frozenset({"pii"}), "What": frozenset()}


async def test_strata_share_the_sample_and_the_seed_decides(
    store: Store, tenants: dict[str, str]
) -> None:
    journal = Journal(store)
    for i in range(60):
        journal.add(tenants["acme"], chat(f"short question {i}"))
    for i in range(20):
        journal.add(tenants["acme"], chat(f"long question {i} " + "words " * 300))
    for i in range(20):
        journal.add(tenants["initech"], messages(f"messages question {i}"), endpoint="messages")
    await journal.write()
    settings = config("acme", "initech")
    sample = await sample_traffic(store.engines.read, settings, size=10, seed=7, **WINDOW)
    assert sample.strata == {
        ("acme", "chat.completions", "<=256"): (60, 6),
        ("acme", "chat.completions", "<=1k"): (20, 2),
        ("initech", "messages", "<=256"): (20, 2),
    }
    assert len(sample.items) == 10
    again = await sample_traffic(store.engines.read, settings, size=10, seed=7, **WINDOW)
    assert [i.id for i in again.items] == [i.id for i in sample.items]
    other = await sample_traffic(store.engines.read, settings, size=10, seed=8, **WINDOW)
    assert [i.id for i in other.items] != [i.id for i in sample.items]
    only = await sample_traffic(
        store.engines.read, settings, size=10, seed=7, tenants=["initech"], **WINDOW
    )
    assert {i.slices["tenant"] for i in only.items} == {"initech"}


def test_allocation() -> None:
    a, b, c = ("t", "e", "a"), ("t", "e", "b"), ("t", "e", "c")
    assert allocate({a: 60, b: 20, c: 20}, 10) == {a: 6, b: 2, c: 2}
    assert allocate({a: 98, b: 1, c: 1}, 10) == {a: 8, b: 1, c: 1}
    assert allocate({a: 5, b: 3}, 100) == {a: 5, b: 3}
    assert allocate({a: 5, b: 3, c: 1}, 2) == {a: 1, b: 1, c: 0}
    assert sum(allocate({a: 7, b: 7, c: 7}, 10).values()) == 10


def test_length_buckets() -> None:
    assert [length_bucket(n) for n in (0, 1024, 1025, 4096, 16384, 16385)] == [
        "<=256", "<=256", "<=1k", "<=1k", "<=4k", ">4k"
    ]  # fmt: skip
