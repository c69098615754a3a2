"""The last hour of this process's traffic, per minute, in memory: what the console's live
charts draw without a Prometheus server and without touching the database.

Fed once per finished request by the account stage (constant work: a few integer additions
and two bucket lookups, no I/O, no lock: everything runs on the event loop). Latencies are
kept as counts in fixed logarithmic buckets, so percentiles of any span of minutes are sums
of counts, with a bounded relative error (one bucket is 12.5 % wide). The ledger's daily
latency distributions (``latency_daily``) use the same buckets (``bucket``), so a day's
percentiles and a minute's are read alike.
"""

from __future__ import annotations

import bisect
import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

MINUTES = 60
# Bucket upper bounds in seconds: 1 ms to 966 s (about 16 minutes; slower counts as the
# last bucket), each 12.5 % above the last. Bucket indexes are stored (latency_daily): changing
# these bounds changes what stored counts mean, so it needs a migration that moves them.
_RATIO = 1.125
BOUNDS: tuple[float, ...] = tuple(0.001 * _RATIO**i for i in range(int(math.log(1.2e6, _RATIO))))
# Tenants counted per minute; past this, the rest are summed under one name (a flood of
# tenants cannot grow memory).
MAX_TENANTS_PER_MINUTE = 200
OTHER_TENANTS = "(other tenants)"
BUCKETS = len(BOUNDS) + 1  # the last one holds everything above the largest bound


def bucket(seconds: float) -> int:
    """The index of the bucket counting ``seconds``: the first whose upper bound is at least
    that."""
    return bisect.bisect_left(BOUNDS, seconds)


@dataclass(slots=True)
class Minute:
    """One minute's sums. ``start`` is its first second (Unix time)."""

    start: int
    requests: int = 0
    errors: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cache_lookups: int = 0
    cache_hits: int = 0
    latency: list[int] = field(default_factory=lambda: [0] * BUCKETS)
    ttft: list[int] = field(default_factory=lambda: [0] * BUCKETS)
    # Refusals by the stage that refused (admit: limits and budgets; queue: no capacity).
    refusals: dict[str, int] = field(default_factory=dict)
    # Requests in which the guardrails found a data class, per class.
    findings: dict[str, int] = field(default_factory=dict)
    tenants: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finished:
    """What the account stage tells about one finished request (plain values)."""

    status: int
    ok: bool
    seconds: float
    ttft_seconds: float | None
    input_tokens: int
    output_tokens: int
    cache_status: str
    refused_by: str | None
    classes: Iterable[str]
    tenant: str | None


class RecentTraffic:
    """A ring of the last ``MINUTES`` minutes."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._ring: list[Minute | None] = [None] * MINUTES

    def record(self, done: Finished) -> None:
        minute = self._minute(int(self._clock()) // 60 * 60)
        minute.requests += 1
        minute.errors += done.status >= 400 or not done.ok
        minute.input_tokens += done.input_tokens
        minute.output_tokens += done.output_tokens
        if done.cache_status in ("hit", "miss"):
            minute.cache_lookups += 1
            minute.cache_hits += done.cache_status == "hit"
        minute.latency[bucket(done.seconds)] += 1
        if done.ttft_seconds is not None:
            minute.ttft[bucket(done.ttft_seconds)] += 1
        if done.refused_by is not None:
            minute.refusals[done.refused_by] = minute.refusals.get(done.refused_by, 0) + 1
        for data_class in done.classes:
            minute.findings[data_class] = minute.findings.get(data_class, 0) + 1
        if done.tenant is not None:
            tenants = minute.tenants
            name = done.tenant
            if name not in tenants and len(tenants) >= MAX_TENANTS_PER_MINUTE:
                name = OTHER_TENANTS
            tenants[name] = tenants.get(name, 0) + 1

    def minutes(self) -> list[Minute]:
        """The last hour, oldest first, one entry per minute (empty minutes included)."""
        now = int(self._clock()) // 60 * 60
        out = []
        for back in range(MINUTES - 1, -1, -1):
            start = now - back * 60
            slot = self._ring[(start // 60) % MINUTES]
            out.append(slot if slot is not None and slot.start == start else Minute(start))
        return out

    def add(self, delta: Minute) -> None:
        """Adds another process's counts of a minute (``delta``) to this ring's: the node's
        ring in the supervisor of ``bastion serve --workers N``. A minute older than the
        ring is dropped."""
        now = int(self._clock()) // 60 * 60
        if delta.start <= now - MINUTES * 60 or delta.start > now + 60:
            return
        add_minute(self._minute(delta.start), delta)

    def _minute(self, start: int) -> Minute:
        index = (start // 60) % MINUTES
        slot = self._ring[index]
        if slot is None or slot.start != start:
            slot = self._ring[index] = Minute(start)
        return slot


_COUNTS = ("requests", "errors", "input_tokens", "output_tokens", "cache_lookups", "cache_hits")


def add_minute(into: Minute, delta: Minute) -> None:
    """Adds ``delta``'s counts to ``into``'s (same minute); tenants stay bounded."""
    for name in _COUNTS:
        setattr(into, name, getattr(into, name) + getattr(delta, name))
    for index, count in enumerate(delta.latency):
        if count:
            into.latency[index] += count
    for index, count in enumerate(delta.ttft):
        if count:
            into.ttft[index] += count
    _add_counts(into.refusals, delta.refusals)
    _add_counts(into.findings, delta.findings)
    tenants = into.tenants
    for tenant, count in delta.tenants.items():
        name = tenant
        if name not in tenants and len(tenants) >= MAX_TENANTS_PER_MINUTE:
            name = OTHER_TENANTS
        tenants[name] = tenants.get(name, 0) + count


def minute_delta(now: Minute, before: Minute | None) -> Minute | None:
    """What ``now`` counted since ``before`` (an earlier copy of the same minute), or None
    when nothing; the first copy of a minute is all of it."""
    # Every ``record`` counts a request: an unchanged count is an unchanged minute.
    if before is None:
        return copy_minute(now) if now.requests else None
    if now.requests == before.requests:
        return None
    delta = Minute(now.start)
    for name in _COUNTS:
        setattr(delta, name, getattr(now, name) - getattr(before, name))
    delta.latency = [a - b for a, b in zip(now.latency, before.latency, strict=True)]
    delta.ttft = [a - b for a, b in zip(now.ttft, before.ttft, strict=True)]
    delta.refusals = _difference(now.refusals, before.refusals)
    delta.findings = _difference(now.findings, before.findings)
    delta.tenants = _difference(now.tenants, before.tenants)
    return delta


def copy_minute(minute: Minute) -> Minute:
    return Minute(
        minute.start,
        minute.requests,
        minute.errors,
        minute.input_tokens,
        minute.output_tokens,
        minute.cache_lookups,
        minute.cache_hits,
        list(minute.latency),
        list(minute.ttft),
        dict(minute.refusals),
        dict(minute.findings),
        dict(minute.tenants),
    )


def _add_counts(into: dict[str, int], counts: dict[str, int]) -> None:
    for name, count in counts.items():
        into[name] = into.get(name, 0) + count


def _difference(now: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    return {
        name: count - before.get(name, 0)
        for name, count in now.items()
        if count != before.get(name, 0)
    }


def percentile(counts: Sequence[int], share: float) -> float | None:
    """The ``share`` quantile (0 to 1) of bucketed seconds: the upper bound of its bucket."""
    total = sum(counts)
    if not total:
        return None
    rank = share * total
    seen = 0
    for index, count in enumerate(counts):
        seen += count
        if seen >= rank and count:
            return BOUNDS[index] if index < len(BOUNDS) else BOUNDS[-1]
    return BOUNDS[-1]


def merged(histograms: Iterable[Sequence[int]]) -> list[int]:
    total = [0] * BUCKETS
    for counts in histograms:
        for index, count in enumerate(counts):
            if count:
                total[index] += count
    return total
