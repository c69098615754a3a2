"""A circuit one worker opens opens in every worker of the node.

Requests reach the workers unevenly: the one that saw an engine fail five times in a row should
not leave the others to find out with five failures of their own. Only openings travel; each
worker then runs its own half-open trial when the open time is up.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from bastion.node.client import NodeClient
from bastion.routing.pool import BackendPool
from bastion.routing.replica import Replica

EVENT = "circuit"


def relay_circuits(pools: Mapping[str, BackendPool], client: NodeClient) -> None:
    def opened(replica: Replica, reason: str) -> None:
        client.publish(EVENT, (replica.backend, replica.index, reason))

    def receive(payload: Any) -> None:
        backend, index, reason = payload
        pool = pools.get(backend)
        if pool is not None and 0 <= index < len(pool.replicas):
            now = asyncio.get_running_loop().time()
            pool.replicas[index].opened_elsewhere(now, f"opened by another worker: {reason}")

    for pool in pools.values():
        for replica in pool.replicas:
            replica.on_circuit_open = opened
    client.on(EVENT, receive)
