"""A backend's replicas and the choice among them for each request."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from bastion.config import BackendConfig
from bastion.providers.base import Provider
from bastion.routing.replica import Replica

if TYPE_CHECKING:
    from bastion.admission.capacity import PoolCapacity


def affinity_hash(text: str) -> int:
    """A stable 64-bit hash (the same in every gateway process, unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest())


_MASK = (1 << 64) - 1


def _mix(value: int) -> int:
    """A 64-bit finalizer (splitmix64's): every bit of the input moves every bit of the output,
    so one replica's scores for different keys are independent."""
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & _MASK
    return value ^ (value >> 31)


class BackendPool:
    def __init__(self, provider: Provider, config: BackendConfig) -> None:
        self.provider = provider
        self.config = config
        self.name = provider.name
        own = [replica.capacity for replica in config.replica_configs]
        self.replicas = [
            Replica(
                provider.name,
                index,
                url,
                provider.upstream(url),
                config,
                own_capacity=own[index] if index < len(own) else None,
            )
            for index, url in enumerate(provider.base_urls())
        ]
        self._balancing = config.balancing
        self._next = 0
        self._affinity = config.balancing.affinity == "prefix"
        # Each replica's part in its keys' scores: its address, the same in every gateway.
        self._seeds = [affinity_hash(replica.base_url) for replica in self.replicas]
        # What it may run at once and its queue, when a capacity is configured or learned.
        self.capacity: PoolCapacity | None = None

    @property
    def affine(self) -> bool:
        """Whether the choice depends on an affinity key (prefix affinity, several replicas)."""
        return self._affinity and len(self.replicas) > 1

    @property
    def location(self) -> str:
        return self.config.location

    def pick(self, key: int | None, exclude: Collection[Replica], now: float) -> Replica | None:
        """The replica for a request, or None when no replica may take it.

        With affinity, a key goes to its home replica, which holds the prefix in its KV cache,
        unless the home is busier than the least loaded replica by both ``imbalance_slack``
        requests and ``imbalance_ratio`` times; then the least loaded one takes this request
        (an overflow does not move the home, so the cached prefix stays useful). The home is
        the replica in service whose score for the key is highest (rendezvous hashing): every
        gateway process and node with the same replicas agrees on it without sharing a table,
        a replica out of service moves only its own keys, each to its next choice, and they
        come back when it does.
        """
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
        for step in range(count):
            replica = replicas[(start + step) % count]
            if replica in exclude or not replica.eligible(now):
                continue
            load = replica.load(now)
            if best is None or load < best_load:
                best, best_load = replica, load
        if best is None or key is None or not self._affinity:
            return best
        home = self._home(key, now)
        if home is None or home is best or home in exclude:
            return best
        load = home.load(now)
        if (
            load > best_load + balancing.imbalance_slack
            and load > best_load * balancing.imbalance_ratio
        ):
            return best  # overflow; the home keeps the key
        return home

    def _home(self, key: int, now: float) -> Replica | None:
        home: Replica | None = None
        top = -1
        for replica, seed in zip(self.replicas, self._seeds, strict=True):
            if replica.eligible(now):
                score = _mix(key ^ seed)
                if score > top:
                    home, top = replica, score
        return home

    def retry_after(self, now: float) -> float:
        """Seconds until some replica may take traffic again, for Retry-After."""
        waits = [wait for r in self.replicas if (wait := r.breaker.retry_in(now)) > 0]
        return min(waits) if waits else 1.0

    def describe(self, now: float) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.config.kind,
            "location": self.location,
            "balancing": self._balancing.strategy,
            "affinity": self._balancing.affinity,
            "replicas": [replica.describe(now) for replica in self.replicas],
            "capacity": None if self.capacity is None else self.capacity.describe(now),
        }

    async def close(self) -> None:
        for replica in self.replicas:
            await replica.http.close()
