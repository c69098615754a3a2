"""The gateway's own view of a level, when the target is Bastion: its Prometheus counters read
before and after the level (``GET /metrics``), so the table can set the gateway's figures
beside the client's.

What the gateway measured for the level's requests: how many it answered, their mean duration
and time to first token as it saw them (from the request's arrival to its last and first
bytes), and the mean time they waited in its queue for backend capacity. The client's E2E minus
the gateway's duration is the network and the client; the gateway's duration includes the
engine's time, which Bastion does not measure apart.
"""

from __future__ import annotations

from typing import Any

import aiohttp

_SERIES = {
    "bastion_request_duration_seconds": "duration",
    "bastion_time_to_first_token_seconds": "ttft",
    "bastion_queue_wait_seconds": "queue_wait",
}


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
    }
