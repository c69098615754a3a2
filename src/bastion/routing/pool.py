"""A backend's replicas and the choice among them for each request."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from typing import Any

from bastion.config import BackendConfig
from bastion.providers.base import Provider
from bastion.routing.replica import Replica

_MASK = (1 << 64) - 1


def affinity_hash(text: str) -> int:
    """A stable 64-bit hash (the same in every gateway process, unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest())


def _rendezvous(key: int, seed: int) -> int:
    # splitmix64 finaliser of key ^ seed: a uniform score per (key, replica).
    x = (key ^ seed) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


class BackendPool:
    def __init__(self, provider: Provider, config: BackendConfig) -> None:
        self.provider = provider
        self.config = config
        self.name = provider.name
        self.replicas = [
            Replica(provider.name, index, url, provider.upstream(url), config)
            for index, url in enumerate(provider.base_urls())
        ]
        self._balancing = config.balancing
        self._next = 0

    @property
    def location(self) -> str:
        return self.config.location

    def pick(self, key: int | None, exclude: Collection[Replica], now: float) -> Replica | None:
        """The replica for a request: its affine one while loads are balanced, else the least
        loaded; None when no replica may take it."""
        replicas = self.replicas
        count = len(replicas)
        balancing = self._balancing
        # Start the scan at a rotating offset so ties spread instead of piling on replica 0.
        start = self._next
        self._next = (start + 1) % count
        if balancing.strategy == "round-robin":
            for step in range(count):
                replica = replicas[(start + step) % count]
                if replica not in exclude and replica.eligible(now):
                    return replica
            return None
        best: Replica | None = None
        best_load = 0.0
        preferred: Replica | None = None
        preferred_score = -1
        preferred_load = 0.0
        use_affinity = key is not None and balancing.affinity == "prefix"
        for step in range(count):
            replica = replicas[(start + step) % count]
            if replica in exclude or not replica.eligible(now):
                continue
            load = replica.load(now)
            if best is None or load < best_load:
                best, best_load = replica, load
            if use_affinity:
                assert key is not None
                score = _rendezvous(key, replica.seed)
                if score > preferred_score:
                    preferred, preferred_score, preferred_load = replica, score, load
        if preferred is not None and (
            preferred_load <= best_load * balancing.imbalance_ratio + balancing.imbalance_slack
        ):
            return preferred
        return best

    def retry_after(self, now: float) -> float:
        """Seconds until some replica may take traffic again, for Retry-After."""
        waits = [r.breaker.retry_in(now) for r in self.replicas if r.breaker.retry_in(now) > 0]
        return min(waits) if waits else 1.0

    def describe(self, now: float) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.config.kind,
            "location": self.location,
            "balancing": self._balancing.strategy,
            "affinity": self._balancing.affinity,
            "replicas": [replica.describe(now) for replica in self.replicas],
        }

    async def close(self) -> None:
        for replica in self.replicas:
            await replica.http.close()
