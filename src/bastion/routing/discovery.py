"""Finds inference engines listening on their default loopback ports."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import aiohttp
import orjson

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DiscoveredEngine:
    name: str
    base_url: str
    models: list[str]


async def discover_engines(ports: dict[str, int], wait_seconds: float) -> list[DiscoveredEngine]:
    """Asks each ``http://127.0.0.1:<port>/v1/models``; engines that answer are returned."""
    client_timeout = aiohttp.ClientTimeout(total=wait_seconds)
    async with aiohttp.ClientSession(timeout=client_timeout) as session:
        probes = [_probe(session, name, port) for name, port in ports.items()]
        found = await asyncio.gather(*probes)
    return [engine for engine in found if engine is not None]


async def _probe(session: aiohttp.ClientSession, name: str, port: int) -> DiscoveredEngine | None:
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        async with session.get(f"{base_url}/models") as response:
            if response.status != 200:
                return None
            body = orjson.loads(await response.read())
    except (aiohttp.ClientError, TimeoutError, orjson.JSONDecodeError):
        return None
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list):
        return None
    models = [str(m["id"]) for m in data if isinstance(m, dict) and "id" in m]
    log.info("discovered engine", extra={"engine": name, "base_url": base_url, "models": models})
    return DiscoveredEngine(name, base_url, models)
