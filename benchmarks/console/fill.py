"""Synthetic traffic for the console's benchmark and screenshots: ledger rows spread over the
last 90 days (a few tenants much busier than the rest, chat mostly, some errors), their hourly
rollup computed by the ledger's own code, and audit records."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

ENDPOINTS = (("chat", 0.8), ("messages", 0.15), ("embeddings", 0.05))
MODELS = (("vllm", "llama-3.1-8b", "local"), ("vllm", "qwen-2.5-7b", "local"),
          ("openai", "gpt-4o-mini", "external"))  # fmt: skip


def tenants(count: int) -> list[str]:
    return [f"team-{index:02d}" for index in range(count)]


def ledger_rows(
    count: int,
    *,
    days: int,
    now: datetime,
    tenant_ids: list[tuple[str, str, list[str]]],
    seed: int = 7,
) -> Iterator[dict[str, Any]]:
    """``count`` rows, finished over the last ``days`` days, newest last. ``tenant_ids``:
    (tenant id, name, key ids)."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(tenant_ids))]  # a few busy tenants
    span = days * 86400
    start = now - timedelta(seconds=span)
    step = span / count
    endpoints = [e for e, _ in ENDPOINTS]
    endpoint_weights = [w for _, w in ENDPOINTS]
    for index in range(count):
        finished = start + timedelta(seconds=index * step + rng.random() * step)
        tenant_id, tenant, keys = rng.choices(tenant_ids, weights)[0]
        endpoint = rng.choices(endpoints, endpoint_weights)[0]
        backend, model, location = rng.choice(MODELS)
        total_ms = rng.lognormvariate(6.2, 0.6)
        status = 200 if rng.random() > 0.02 else rng.choice((429, 500, 503))
        input_tokens = int(rng.lognormvariate(6.5, 0.8))
        output_tokens = 0 if endpoint == "embeddings" else int(rng.lognormvariate(5.0, 0.7))
        yield {
            "request_id": "req_" + hashlib.sha1(f"{seed}-{index}".encode()).hexdigest()[:24],
            "started_at": finished - timedelta(milliseconds=total_ms),
            "finished_at": finished,
            "tenant_id": tenant_id,
            "tenant": tenant,
            "key_id": rng.choice(keys),
            "endpoint": endpoint,
            "model": model,
            "backend": backend,
            "location": location,
            "upstream_model": model,
            "stream": endpoint != "embeddings" and rng.random() < 0.6,
            "status": status,
            "outcome": "ok" if status == 200 else "error",
            "input_tokens": input_tokens,
            "cached_input_tokens": input_tokens // 4 if rng.random() < 0.3 else 0,
            "output_tokens": output_tokens,
            "usage_estimated": False,
            "queue_ms": 0.0,
            "ttft_ms": total_ms / 5,
            "total_ms": total_ms,
            "cache_status": "none",
            "purpose": None,
        }


def audit_rows(count: int, *, now: datetime, seed: int = 7) -> Iterator[dict[str, Any]]:
    """Chain links with metadata payloads (the benchmark reads pages of them; it does not
    verify them)."""
    rng = random.Random(seed)
    previous = "0" * 64
    for seq in range(1, count + 1):
        payload = (
            '{"endpoint": "chat", "model": "llama-3.1-8b", "status": 200, "outcome": "ok", '
            f'"tenant": "team-{rng.randrange(20):02d}", "capture": "metadata"}}'
        )
        digest = hashlib.sha256(f"{previous}{seq}".encode()).hexdigest()
        yield {
            "chain": "bench-chain",
            "seq": seq,
            "segment": seq // 10000,
            "ts": now - timedelta(seconds=(count - seq) * 2),
            "kind": "completion",
            "request_id": f"req_audit_{seq}",
            "tenant_id": None,
            "payload": payload,
            "prev_hash": previous,
            "hash": digest,
        }
        previous = digest


def utc_now() -> datetime:
    return datetime.now(UTC)
