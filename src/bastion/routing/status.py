"""The routing picture for ``bastion status`` and ``GET /admin/status``."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bastion.routing.endpoints import EndpointRegistry
    from bastion.routing.gpu import GpuTelemetry
    from bastion.routing.pool import BackendPool


def routing_status(
    endpoints: EndpointRegistry, pools: Mapping[str, BackendPool], gpu: GpuTelemetry
) -> dict[str, Any]:
    """The endpoint versions, each backend's pool and replicas, and the GPUs, as of now."""
    now = asyncio.get_running_loop().time()
    listed = []
    for version in endpoints.versions:
        spec = version.spec
        listed.append(
            {
                "name": version.name,
                "default": endpoints.defaults[version.endpoint] is version,
                "backend": spec.backend,
                "model": spec.model,
                "fallbacks": [f"{f.backend}/{f.model}" for f in spec.fallbacks],
                **version.listing(),
            }
        )
    return {
        "endpoints": listed,
        "backends": [pool.describe(now) for pool in pools.values()],
        "gpu": gpu.describe(),
    }
