"""Engines run in-process with time accelerated a millionfold: a test's simulated minutes take
milliseconds, and every assertion compares simulated times, never wall-clock ones."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from bastion.sim import SimConfig, SimEngine

FAST = 1e6


def prompt(length: int, salt: int = 0) -> list[int]:
    """``length`` distinct token ids; a different ``salt`` shares no prefix with this one."""
    return [salt * 1_000_003 + i for i in range(length)]


EngineFactory = Callable[..., SimEngine]


@pytest.fixture
async def make_engine() -> AsyncIterator[Callable[..., Any]]:
    engines: list[SimEngine] = []

    async def factory(**settings: Any) -> SimEngine:
        settings.setdefault("time_scale", FAST)
        engine = SimEngine(SimConfig(**settings))
        await engine.start()
        engines.append(engine)
        return engine

    yield factory
    for engine in engines:
        await engine.stop()
