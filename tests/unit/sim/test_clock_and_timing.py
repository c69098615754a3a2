from __future__ import annotations

import asyncio

import pytest

from bastion.sim import SimConfig
from bastion.sim.clock import SimClock
from bastion.sim.timing import TimingModel


async def test_simulated_time_advances_by_steps_only() -> None:
    clock = SimClock(time_scale=1000.0)
    assert clock.now() == 0.0
    await asyncio.sleep(0.01)
    assert clock.now() == 0.0  # idle and between steps, simulated time stands still
    await clock.advance(2.5)
    assert clock.now() == 2.5
    await clock.advance(0.5)
    assert clock.now() == 3.0


async def test_mid_step_time_is_interpolated_and_capped() -> None:
    ticks = iter([0.0, 0.0, 0.0005, 0.1, 0.1])
    clock = SimClock(time_scale=1000.0, monotonic=lambda: next(ticks))
    seen: list[float] = []

    async def observe() -> None:
        seen.append(clock.now())  # 0.5 ms real into a 1 s step at 1000x
        seen.append(clock.now())  # long after the step's end

    step = asyncio.create_task(clock.advance(1.0))
    await asyncio.sleep(0)
    await observe()
    await step
    assert seen == [pytest.approx(0.5), 1.0]


def test_uptime_follows_the_wall_clock_scaled() -> None:
    now = [10.0]
    clock = SimClock(time_scale=50.0, monotonic=lambda: now[0])
    now[0] = 10.2
    assert clock.uptime() == pytest.approx(10.0)
    assert clock.to_real(10.0) == pytest.approx(0.2)


def test_default_curves_are_the_dynamo_mocker_polynomials() -> None:
    timing = TimingModel(SimConfig())
    t = 1000
    assert timing.prefill_seconds(t) == pytest.approx(
        (4.209989e-07 * t * t + 1.518344e-02 * t + 1.650142e01) / 1000
    )
    assert timing.decode_seconds(0.5) == pytest.approx((-25.74 * 0.25 + 54.01 * 0.5 + 5.74) / 1000)
    assert timing.prefill_seconds(0) == 0.0


def test_curves_rise_with_prompt_length_and_kv_usage() -> None:
    timing = TimingModel(SimConfig())
    prefill = [timing.prefill_seconds(n) for n in (1, 100, 1000, 8000)]
    decode = [timing.decode_seconds(u / 10) for u in range(11)]
    assert prefill == sorted(prefill)
    assert decode == sorted(decode)
    assert timing.step_seconds(100, 0, 0.5) == timing.prefill_seconds(100)
    assert timing.step_seconds(100, 3, 0.5) == pytest.approx(
        timing.prefill_seconds(100) + timing.decode_seconds(0.5)
    )


def test_decode_steps_have_a_floor() -> None:
    timing = TimingModel(SimConfig(decode_ms_coefficients=(0.0, 0.0, 0.0), min_decode_ms=2.0))
    assert timing.decode_seconds(0.0) == pytest.approx(0.002)
