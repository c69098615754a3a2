"""The gateway's own view of a level, when the target is Bastion: its Prometheus counters read
before and after the level (``GET /metrics``), so the table can set the gateway's figures
beside the client's; and each answer's ``Server-Timing`` header.

What the gateway measured for the level's requests: how many it answered, their mean duration
and time to first token as it saw them (from the request's arrival to its last and first
bytes), the mean time they waited in its queue for backend capacity, and the split of their
duration between the upstream (sending it the request to the end of its body or stream) and
the gateway itself (the rest, less the queue wait). The client's E2E minus the gateway's
duration is the network and the client.

The header tells the same split per request, up to the moment the answer's headers left: for a
whole answer, all of it; for a stream, up to the upstream's first bytes (the metrics have the
streams' whole).
"""

from __future__ import annotations

import contextlib
from typing import Any

import aiohttp

from bastion.bench.trace import RequestRecord

_SERIES = {
    "bastion_request_duration_seconds": "duration",
    "bastion_time_to_first_token_seconds": "ttft",
    "bastion_queue_wait_seconds": "queue_wait",
    "bastion_upstream_duration_seconds": "upstream",
    "bastion_gateway_overhead_seconds": "overhead",
}


def server_timing(value: str) -> dict[str, float]:
    """A ``Server-Timing`` header's metrics with a duration: name -> milliseconds."""
    durations: dict[str, float] = {}
    for entry in value.split(","):
        name, _, params = entry.strip().partition(";")
        for param in params.split(";"):
            key, _, number = param.strip().partition("=")
            if key.lower() == "dur":
                with contextlib.suppress(ValueError):
                    durations[name.strip().lower()] = float(number.strip('"'))
                break
    return durations


def read_server_timing(record: RequestRecord, value: str) -> None:
    """The upstream's and the gateway's shares from the header, when it has them."""
    durations = server_timing(value)
    upstream, gateway = durations.get("upstream"), durations.get("gateway")
    if upstream is not None and gateway is not None:
        record.upstream = upstream / 1000
        record.gateway = gateway / 1000


def parse(text: str) -> dict[str, float]:
    """Sums of the ``_sum`` and ``_count`` samples of the series above, over their labels."""
    totals: dict[str, float] = {}
    for line in text.splitlines():
        if not line.startswith("bastion_"):
            continue
        name = line.split("{", 1)[0].split(" ", 1)[0]
        for prefix, key in _SERIES.items():
            for suffix in ("_sum", "_count"):
                if name == prefix + suffix:
                    try:
                        value = float(line.rsplit(" ", 1)[1])
                    except ValueError:
                        continue
                    totals[key + suffix] = totals.get(key + suffix, 0.0) + value
    return totals


async def scrape(session: aiohttp.ClientSession, base_url: str) -> dict[str, float] | None:
    """The gateway's counters, or None when the target is not a Bastion gateway."""
    url = base_url.rstrip("/").removesuffix("/v1") + "/metrics"
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=5)) as response:
            if response.status != 200:
                return None
            text = await response.text()
    except (aiohttp.ClientError, TimeoutError, UnicodeDecodeError):
        return None
    if "bastion_request_duration_seconds" not in text:
        return None
    totals = parse(text)
    totals.setdefault("duration_count", 0.0)  # a gateway that has answered nothing yet
    return totals


def delta(before: dict[str, float], after: dict[str, float]) -> dict[str, Any]:
    def mean_ms(key: str) -> float | None:
        count = after.get(key + "_count", 0.0) - before.get(key + "_count", 0.0)
        total = after.get(key + "_sum", 0.0) - before.get(key + "_sum", 0.0)
        return round(total / count * 1000, 3) if count > 0 else None

    return {
        "requests": round(after.get("duration_count", 0.0) - before.get("duration_count", 0.0)),
        "duration_ms_mean": mean_ms("duration"),
        "ttft_ms_mean": mean_ms("ttft"),
        "queue_wait_ms_mean": mean_ms("queue_wait"),
        "upstream_ms_mean": mean_ms("upstream"),
        "overhead_ms_mean": mean_ms("overhead"),
    }


def share(view: dict[str, Any], e2e_ms_mean: float | None) -> float | None:
    """The gateway's mean overhead as a fraction of the client's mean E2E."""
    overhead = view.get("overhead_ms_mean")
    if overhead is None or not e2e_ms_mean:
        return None
    return round(float(overhead) / e2e_ms_mean, 6)
