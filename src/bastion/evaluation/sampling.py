"""Datasets sampled from recorded traffic: the request bodies the audit journal kept.

Only tenants that consent (``evaluation.sample_tenants`` in the configuration) are sampled,
and only requests whose content their audit capture mode kept (``redacted`` or ``full``, not
cut by ``audit.max_content_bytes``): the intent record of a request sent to a backend, or the
outcome record of one served from the cache. Chat completions and Messages requests only.

The sample is stratified by tenant, endpoint (chat completions, Messages) and prompt length
(estimated tokens: up to 256, 1k, 4k, more), each stratum getting its share of ``size`` in
proportion to its traffic (largest remainders; every stratum at least one item when ``size``
allows), drawn at random within it with ``seed``: the same journal and seed give the same
sample. Identical requests count once. Each item's content is scanned with the guardrails'
recognizers; the data classes found are kept on the item, so a run sends it to local targets
only. Sampled items have no checks: their answers are compared by the judge.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.config import BastionConfig
from bastion.evaluation.dataset import parse_item
from bastion.evaluation.model import EvalItem
from bastion.store.models import AuditRecordRow, TenantRow

_ENDPOINTS = {"chat.completions": "openai", "messages": "anthropic"}
# Upper bounds of the prompt-length buckets, in estimated tokens (four characters a token).
LENGTH_BUCKETS = ((256, "<=256"), (1024, "<=1k"), (4096, "<=4k"))
_LONGEST = ">4k"


class SamplingError(Exception):
    """Sampling is not allowed (no consenting tenant) or asked of tenants that do not consent."""


@dataclass(slots=True)
class Sample:
    items: list[EvalItem]
    # Candidates per stratum (tenant, endpoint, length) and how many were drawn from each.
    strata: dict[tuple[str, str, str], tuple[int, int]] = field(default_factory=dict)
    considered: int = 0
    # Records passed over, by reason (no content kept, cut, not a chat or Messages request…).
    passed_over: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def length_bucket(chars: int) -> str:
    tokens = chars / 4
    for bound, name in LENGTH_BUCKETS:
        if tokens <= bound:
            return name
    return _LONGEST


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key not in ("type", "role", "id", "tool_call_id", "tool_use_id", "media_type"):
                yield from _texts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _texts(inner)


def prompt_text(request: dict[str, Any]) -> str:
    """The text a model would read: the system prompt and every message's text."""
    return "\n".join(_texts([request.get("system"), request.get("messages")]))


def data_classes(text: str) -> frozenset[str]:
    """The data classes the guardrails' recognizers find in ``text``."""
    from bastion.guardrails.recognizers import scan

    return frozenset(str(finding.category) for finding in scan(text))


def allocate(sizes: dict[tuple[str, str, str], int], total: int) -> dict[tuple[str, str, str], int]:
    """``total`` shared among strata in proportion to their sizes (largest remainders), each
    stratum at least one when ``total`` allows it, never more than a stratum holds."""
    if total >= sum(sizes.values()):
        return dict(sizes)
    keys = sorted(sizes)
    if total < len(keys):
        # Fewer items than strata: the largest strata get one each.
        chosen = set(sorted(keys, key=lambda k: (-sizes[k], k))[:total])
        return {k: int(k in chosen) for k in keys}
    available = sum(sizes.values())
    exact = {k: total * sizes[k] / available for k in keys}
    shares = {k: max(1, int(exact[k])) for k in keys}
    while sum(shares.values()) > total:
        # The minimum of one took from the others: the most over its quota gives one back.
        over = max((k for k in keys if shares[k] > 1), key=lambda k: (shares[k] - exact[k], k))
        shares[over] -= 1
    remaining = total - sum(shares.values())
    while remaining > 0:
        open_ = [k for k in keys if shares[k] < sizes[k]]
        for k in sorted(open_, key=lambda k: (-(exact[k] - shares[k]), k))[:remaining]:
            shares[k] += 1
            remaining -= 1
    return shares


def consenting(config: BastionConfig, wanted: Sequence[str] | None) -> list[str]:
    allowed = list(dict.fromkeys(config.evaluation.sample_tenants))
    if not allowed:
        raise SamplingError(
            "no tenant consents to having its traffic sampled: name the tenants in "
            "evaluation.sample_tenants"
        )
    if not wanted:
        return allowed
    refused = [name for name in wanted if name not in allowed]
    if refused:
        raise SamplingError(
            f"tenant(s) {', '.join(refused)} do not consent to sampling "
            f"(evaluation.sample_tenants: {', '.join(allowed)})"
        )
    return list(dict.fromkeys(wanted))


async def sample_traffic(
    engine: AsyncEngine,
    config: BastionConfig,
    *,
    size: int,
    seed: int,
    since: datetime,
    until: datetime,
    tenants: Sequence[str] | None = None,
) -> Sample:
    """A stratified, seeded sample of ``size`` recorded requests (see the module's text)."""
    if size < 1:
        raise SamplingError("the sample size is at least 1")
    names = consenting(config, tenants)
    sample = Sample(items=[])
    async with engine.connect() as conn:
        rows = await conn.execute(
            select(TenantRow.__table__.c.id, TenantRow.__table__.c.name).where(
                TenantRow.__table__.c.name.in_(names)
            )
        )
        ids = {row.id: row.name for row in rows}
        missing = sorted(set(names) - set(ids.values()))
        if missing:
            sample.notes.append(f"no stored tenant named {', '.join(missing)}")
        if not ids:
            return sample
        audit = AuditRecordRow.__table__.c
        query = (
            select(audit.request_id, audit.tenant_id, audit.kind, audit.payload)
            .where(
                audit.tenant_id.in_(sorted(ids)),
                audit.kind.in_(("intent", "outcome")),
                audit.ts >= since,
                audit.ts < until,
            )
            .order_by(audit.id)
        )
        rng = random.Random(seed)
        reservoirs: dict[tuple[str, str, str], list[EvalItem]] = {}
        seen_per_stratum: dict[tuple[str, str, str], int] = {}
        seen_bodies: set[str] = set()
        result = await conn.stream(query)
        async for row in result:
            sample.considered += 1
            candidate = _candidate(row, ids, seen_bodies, sample.passed_over)
            if candidate is None:
                continue
            stratum, item = candidate
            count = seen_per_stratum.get(stratum, 0) + 1
            seen_per_stratum[stratum] = count
            reservoir = reservoirs.setdefault(stratum, [])
            if len(reservoir) < size:
                reservoir.append(item)
            else:
                slot = rng.randrange(count)
                if slot < size:
                    reservoir[slot] = item
    shares = allocate(seen_per_stratum, size)
    for stratum in sorted(reservoirs):
        reservoir = reservoirs[stratum]
        rng.shuffle(reservoir)
        chosen = reservoir[: shares.get(stratum, 0)]
        sample.strata[stratum] = (seen_per_stratum[stratum], len(chosen))
        sample.items.extend(
            EvalItem(
                id=item.id,
                protocol=item.protocol,
                request=item.request,
                slices=item.slices,
                classifications=data_classes(prompt_text(item.request)),
            )
            for item in chosen
        )
    return sample


def _candidate(
    row: Any,
    tenants: dict[str, str],
    seen_bodies: set[str],
    passed_over: dict[str, int],
) -> tuple[tuple[str, str, str], EvalItem] | None:
    def skip(reason: str) -> None:
        passed_over[reason] = passed_over.get(reason, 0) + 1

    try:
        payload = json.loads(row.payload)
    except ValueError:
        skip("unreadable record")
        return None
    if row.kind == "outcome" and payload.get("decision") != "served_from_cache":
        skip("not answered")
        return None
    endpoint = payload.get("endpoint")
    protocol = _ENDPOINTS.get(endpoint or "")
    if protocol is None:
        skip("not a chat completions or Messages request")
        return None
    content = payload.get("request")
    if not isinstance(content, str):
        skip("content not kept (capture mode metadata)")
        return None
    if payload.get("request_truncated"):
        skip("content cut at audit.max_content_bytes")
        return None
    digest = payload.get("request_sha256") or content
    if digest in seen_bodies:
        skip("the same request again")
        return None
    try:
        body = json.loads(content)
        item = parse_item({"id": f"traffic-{row.request_id}", "protocol": protocol,
                           "request": body})  # fmt: skip
    except ValueError:
        skip("not a request a run can replay")
        return None
    seen_bodies.add(digest)
    tenant = tenants.get(row.tenant_id, row.tenant_id)
    bucket = length_bucket(len(prompt_text(item.request)))
    slices = {"tenant": tenant, "endpoint": str(endpoint), "length": bucket, "source": "traffic"}
    stratum = (tenant, str(endpoint), bucket)
    return stratum, EvalItem(item.id, item.protocol, item.request, slices=slices)
