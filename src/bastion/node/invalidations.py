"""Key revocations of one worker reach the others through the supervisor.

Only where the database has no channel of its own: on PostgreSQL every process already hears
every revocation through LISTEN/NOTIFY, and relaying them again would only repeat them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bastion.node.client import NodeClient
from bastion.store.invalidation import Invalidation, InvalidationHub

EVENT = "invalidation"


def relay_invalidations(hub: InvalidationHub, client: NodeClient) -> Callable[[], None]:
    """Forwards this worker's invalidations to the others and theirs into ``hub``; returns
    what stops forwarding."""
    relaying = False

    def forward(event: Invalidation) -> None:
        if not relaying:  # one that came from another worker goes no further
            client.publish(EVENT, (event.key_id, event.tenant_id))

    def receive(payload: Any) -> None:
        nonlocal relaying
        key_id, tenant_id = payload
        relaying = True
        try:
            hub.publish(Invalidation(key_id=key_id, tenant_id=tenant_id))
        finally:
            relaying = False

    client.on(EVENT, receive)
    return hub.subscribe(forward)
