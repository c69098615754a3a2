"""``bastion bench`` against the simulator with known timing parameters: the measured
saturation throughput and latencies agree with what the simulator's timing model predicts
(within 10%), and a sweep finds the knee.

The simulator runs as its own process in real time (time_scale 1). Its timing is set so that
its model has a closed form: prefill costs ``c1`` per new prompt token (no constant term),
a decode step ``d0`` whatever the KV cache holds, answers are exactly ``O`` tokens
(``ignore_eos`` with ``max_tokens``) and prompts exactly ``P`` tokens. Then:

- one request alone: TTFT = prefill(P) (its first step prefills only), TPOT = d0,
  E2E = prefill(P) + (O - 1) d0;
- saturated (more requests waiting than ``max_num_seqs`` = S): every step decodes S
  sequences and admits S/O new ones on average, so a step lasts d0 + c1 P S/O and the engine
  finishes (S/O) / (d0 + c1 P S/O) requests a second. A sequence's own admission step counts
  in its TTFT, not its TPOT, so its TPOT lies between d0 (admissions in step together) and
  d0 + c1 P S/O (admissions spread over every step).

These are checked against the simulator's own TimingModel with the same settings; the bounds
are the issue's 10%, generous for a model this simple, and no other timing is asserted.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from bastion.bench.apis import ApiTarget
from bastion.bench.prompts import SyntheticPrompts, parse_lengths
from bastion.bench.runner import BenchSpec, SweepPlan, run_bench
from bastion.bench.shapes import Bounds, parse_shape
from bastion.sim.config import SimConfig
from bastion.sim.timing import TimingModel
from tests.sim_processes import SimProcess

pytestmark = pytest.mark.slow

S = 8  # max_num_seqs
O = 16  # output tokens  # noqa: E741
CONTENT = 100  # prompt tokens of the user text
P = CONTENT + 7  # the simulator's chat template: 4 tokens a message, 3 for the answer
SETTINGS = {
    "max_num_seqs": S,
    "prefill_ms_coefficients": [0.0, 0.3, 0.0],
    "decode_ms_coefficients": [12.0, 0.0, 0.0],
    "min_decode_ms": 1.0,
    "enable_prefix_caching": False,
}


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimProcess]:
    config: Path = tmp_path_factory.mktemp("bench") / "sim.yaml"
    config.write_text(yaml.safe_dump(SETTINGS))
    process = SimProcess("--config", str(config), "--log-level", "warning")
    try:
        process.wait_ready()
        yield process
    finally:
        process.stop()


def _model() -> TimingModel:
    return TimingModel(SimConfig(**SETTINGS))


def _spec(sim: SimProcess, shapes: str, bounds: Bounds, **kw: object) -> BenchSpec:
    return BenchSpec(
        target=ApiTarget(sim.origin, "chat", "bastion-sim", ignore_eos=True),
        prompts=SyntheticPrompts(parse_lengths(str(CONTENT)), parse_lengths(str(O))),
        bounds=bounds,
        shapes=tuple(parse_shape(s) for s in shapes.split()),
        **kw,  # type: ignore[arg-type]
    )


async def _round_trip(sim: SimProcess, count: int = 20) -> float:
    """The median time of a request that does no work (the engine's health check), in s."""
    times = []
    async with httpx.AsyncClient() as client:
        for _ in range(count):
            started = time.perf_counter()
            (await client.get(sim.origin + "/health")).raise_for_status()
            times.append(time.perf_counter() - started)
    return statistics.median(times)


async def test_latency_and_saturation_agree_with_the_simulators_model(sim: SimProcess) -> None:
    model = _model()
    prefill = model.prefill_seconds(P)
    decode = model.decode_seconds(0.0)
    step = decode + model.prefill_seconds(P * S) / O  # linear prefill: S/O admissions a step
    predicted = {
        "ttft": prefill,
        "tpot": decode,
        "e2e": prefill + (O - 1) * decode,
        "saturation": (S / O) / step,
    }
    round_trip = await _round_trip(sim)
    document = await run_bench(
        _spec(sim, f"synchronous concurrency:{2 * S}", Bounds(max_requests=240, duration=8.0))
    )
    round_trip = max(round_trip, await _round_trip(sim))
    alone, saturated = (level["metrics"] for level in document["levels"])
    assert alone["failed"] == saturated["failed"] == 0
    assert alone["input_tokens"] == P * alone["completed"]
    assert alone["output_tokens"] == O * alone["completed"]
    measured = {
        "ttft": alone["ttft_ms"]["min"] / 1000,
        "tpot": alone["tpot_ms"]["median"] / 1000,
        "e2e": alone["e2e_ms"]["median"] / 1000,
        "saturation": saturated["request_throughput"],
    }
    # TTFT alone is one prefill step (32 ms) plus an HTTP round trip. A machine running the
    # suite in parallel only ever adds to it (a late wake-up of either process: the median of
    # one run was 5 ms over), so the check reads the fastest of the level's requests, the one
    # the load left alone, and allows the round trip measured around the run and 2 ms on top
    # of the 10%. A wrong model (a second step, a missing prefill) still moves the fastest.
    allowed = round_trip + 0.002
    assert measured["ttft"] == pytest.approx(predicted["ttft"], rel=0.10, abs=allowed)
    for name in ("tpot", "e2e", "saturation"):
        assert measured[name] == pytest.approx(predicted[name], rel=0.10), (name, measured)
    saturated_tpot = saturated["tpot_ms"]["median"] / 1000
    assert 0.9 * decode <= saturated_tpot <= 1.1 * step, (saturated_tpot, decode, step)
    assert document["capacity"]["shape"] == f"concurrency {2 * S}"


async def test_a_sweep_finds_the_knee(sim: SimProcess) -> None:
    plan = SweepPlan(concurrency=2 * S, fractions=(0.5, 0.8, 1.4))
    document = await run_bench(_spec(sim, "", Bounds(max_requests=150, duration=3.0), sweep=plan))
    sweep = document["sweep"]
    shapes = [level["shape"]["description"] for level in document["levels"]]
    assert shapes[:2] == ["synchronous", f"concurrency {2 * S}"]
    saturation = sweep["saturation_rate"]
    knee = sweep["knee"]
    verdicts = {round(v["rate"] / saturation, 1): v["kept_up"] for v in knee["levels"]}
    assert verdicts == {0.5: True, 0.8: True, 1.4: False}, knee
    assert knee["rate"] == pytest.approx(0.8 * saturation, rel=0.01)
    overloaded = document["levels"][-1]["metrics"]
    assert overloaded["latency_growth"] > 1.5
    # Every request's lag against the schedule is measured (how much is the machine's business).
    assert overloaded["schedule_lag_ms"]["count"] == overloaded["requests"]
