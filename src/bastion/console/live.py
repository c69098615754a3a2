"""The overview's last hour: this process's per-minute ring (bastion.telemetry.recent), or with
``bastion serve --workers N`` the node's, merged by the supervisor (bastion.node.recent)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime

from bastion.console.charts import Chart, line_chart
from bastion.node.client import NodeClient, NodeUnavailableError
from bastion.node.recent import RecentRelay, node_minutes
from bastion.telemetry.recent import Minute, RecentTraffic, merged, percentile

SHARES = (("p50", 0.5), ("p95", 0.95), ("p99", 0.99))


@dataclass(frozen=True, slots=True)
class LiveHour:
    charts: tuple[Chart, ...]
    requests: int
    errors: int
    error_rate: float | None
    cache_hit_rate: float | None
    cache_lookups: int
    latency: dict[str, float | None]
    ttft: dict[str, float | None]
    findings: list[tuple[str, int]]
    refusals: list[tuple[str, int]]
    tenants: list[tuple[str, int]]


async def last_hour_minutes(
    own: RecentTraffic,
    node: NodeClient | None,
    relay: RecentRelay | None,
    wait_seconds: float,
) -> tuple[list[Minute], str]:
    """The last hour's minutes and whose they are: ``process`` (one gateway process),
    ``node`` (every worker's, merged by the supervisor) or ``worker`` (the supervisor did not
    answer within ``wait_seconds``: this worker's own)."""
    if node is None or relay is None:
        return own.minutes(), "process"
    relay.flush()  # this worker's last second, ahead of the read on the same socket
    try:
        async with asyncio.timeout(wait_seconds):
            return await node_minutes(node), "node"
    except (NodeUnavailableError, TimeoutError):
        return own.minutes(), "worker"


def live_hour(minutes: list[Minute]) -> LiveHour:
    labels = [datetime.fromtimestamp(m.start, UTC).strftime("%H:%M") for m in minutes]
    rps = [m.requests / 60 for m in minutes]
    tps = [(m.input_tokens + m.output_tokens) / 60 for m in minutes]
    error_rate = [m.errors / m.requests * 100 if m.requests else None for m in minutes]
    latency = [
        (name, [_ms(percentile(m.latency, share)) for m in minutes]) for name, share in SHARES
    ]
    ttft = [(name, [_ms(percentile(m.ttft, share)) for m in minutes]) for name, share in SHARES]
    charts = (
        line_chart("Requests per second", "req/s", labels, [("requests/s", rps)]),
        line_chart("Tokens per second", "tokens/s", labels, [("tokens/s", tps)], digits=0),
        line_chart("Error rate", "%", labels, [("errors %", error_rate)], digits=1),
        line_chart("Latency", "ms", labels, latency, digits=0),
        line_chart("Time to first token", "ms", labels, ttft, digits=0),
    )
    requests = sum(m.requests for m in minutes)
    errors = sum(m.errors for m in minutes)
    lookups = sum(m.cache_lookups for m in minutes)
    hits = sum(m.cache_hits for m in minutes)
    all_latency = merged(m.latency for m in minutes)
    all_ttft = merged(m.ttft for m in minutes)
    return LiveHour(
        charts=charts,
        requests=requests,
        errors=errors,
        error_rate=errors / requests if requests else None,
        cache_hit_rate=hits / lookups if lookups else None,
        cache_lookups=lookups,
        latency={name: percentile(all_latency, share) for name, share in SHARES},
        ttft={name: percentile(all_ttft, share) for name, share in SHARES},
        findings=_ranked(m.findings for m in minutes),
        refusals=_ranked(m.refusals for m in minutes),
        tenants=_ranked(m.tenants for m in minutes)[:10],
    )


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000


def _ranked(counts: object) -> list[tuple[str, int]]:
    total: dict[str, int] = {}
    for mapping in counts:  # type: ignore[attr-defined]
        for name, count in mapping.items():
            total[name] = total.get(name, 0) + count
    return sorted(total.items(), key=lambda item: (-item[1], item[0]))
