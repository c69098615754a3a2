"""The routing picture for ``bastion status`` and ``GET /admin/status``."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bastion.gateway import Gateway


def routing_status(gateway: Gateway) -> dict[str, Any]:
    now = asyncio.get_running_loop().time()
    endpoints = []
    for version in gateway.endpoints.versions:
        spec = version.spec
        endpoints.append(
            {
                "name": version.name,
                "default": gateway.endpoints.defaults[version.endpoint] is version,
                "backend": spec.backend,
                "model": spec.model,
                "fallbacks": [f"{f.backend}/{f.model}" for f in spec.fallbacks],
                **version.listing(),
            }
        )
    return {
        "endpoints": endpoints,
        "backends": [pool.describe(now) for pool in gateway.pools.values()],
        "gpu": gateway.gpu.describe(),
    }
