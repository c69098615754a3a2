"""The shape of the simulated engine's behaviour: latency, batching, memory pressure, caching."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from bastion.sim import SimConfig, SimEngine
from bastion.sim.engine import ContextLengthError
from bastion.sim.handle import RequestResult
from tests.unit.sim.conftest import FAST, prompt


async def run_all(
    engine: SimEngine, prompts: list[list[int]], max_tokens: int
) -> list[RequestResult]:
    handles = [engine.generate(p, max_tokens, ignore_eos=True) for p in prompts]
    return list(await asyncio.gather(*(h.result() for h in handles)))


def throughput(results: list[RequestResult]) -> float:
    start = min(r.arrival for r in results)
    end = max(r.finished_at for r in results)
    return sum(r.completion_tokens for r in results) / (end - start)


async def test_ttft_grows_with_prompt_length_superlinearly(make_engine: Any) -> None:
    ttfts = {}
    for length in (64, 512, 2048, 6000):
        engine = await make_engine(enable_prefix_caching=False)
        (result,) = await run_all(engine, [prompt(length)], 4)
        ttfts[length] = result.ttft
    assert ttfts[64] < ttfts[512] < ttfts[2048] < ttfts[6000]
    # Attention makes prefill quadratic: each extra token costs more in a long prompt.
    assert (ttfts[6000] - ttfts[2048]) / 3952 > (ttfts[512] - ttfts[64]) / 448


async def test_long_prompts_are_prefilled_in_chunks_of_the_token_budget(make_engine: Any) -> None:
    engine = await make_engine(max_num_batched_tokens=1024)
    (result,) = await run_all(engine, [prompt(3000)], 2)
    timing = engine.timing
    expected = sum(timing.prefill_seconds(n) for n in (1024, 1024, 952))
    assert result.ttft == pytest.approx(expected)


async def test_inter_token_latency_grows_as_the_kv_cache_fills(make_engine: Any) -> None:
    itls = []
    for length in (100, 2000, 4000, 7000):
        engine = await make_engine(num_kv_blocks=512, enable_prefix_caching=False)
        (result,) = await run_all(engine, [prompt(length)], 64)
        itls.append(result.mean_itl)
    assert itls == sorted(itls)
    assert itls[-1] > 2 * itls[0]


async def test_kv_exhaustion_preempts_and_every_request_still_completes(make_engine: Any) -> None:
    # 16 requests that each grow to ~19 blocks share a 64-block cache.
    engine = await make_engine(num_kv_blocks=64, max_num_seqs=32, enable_prefix_caching=False)
    results = await run_all(engine, [prompt(100, salt=i) for i in range(16)], 200)
    assert engine.counters.preemptions > 0
    sample = engine.metrics.registry.get_sample_value(
        "vllm:num_preemptions_total", {"model_name": "bastion-sim"}
    )
    assert sample == engine.counters.preemptions
    assert all(r.completion_tokens == 200 for r in results)
    assert all(c.finish_reason == "length" for r in results for c in r.choices)
    assert sum(r.preemptions for r in results) == engine.counters.preemptions
    assert engine.kv.num_free == engine.kv.num_blocks


async def test_preempted_requests_recompute_and_keep_their_output(make_engine: Any) -> None:
    calm = await make_engine(num_kv_blocks=4096)
    pressed = await make_engine(num_kv_blocks=64, enable_prefix_caching=False)
    prompts = [prompt(100, salt=i) for i in range(12)]
    relaxed = await run_all(calm, prompts, 150)
    squeezed = await run_all(pressed, prompts, 150)
    assert pressed.counters.preemptions > 0
    assert [r.choices[0].text for r in squeezed] == [r.choices[0].text for r in relaxed]
    # Recomputation costs time: the squeezed run finishes later.
    assert max(r.finished_at for r in squeezed) - min(r.arrival for r in squeezed) > max(
        r.finished_at for r in relaxed
    ) - min(r.arrival for r in relaxed)


async def test_throughput_saturates_beyond_max_num_seqs(make_engine: Any) -> None:
    rates = {}
    for concurrency in (1, 2, 4, 8, 16, 32):
        engine = await make_engine(max_num_seqs=8, enable_prefix_caching=False)
        prompts = [prompt(32, salt=i) for i in range(concurrency)]
        rates[concurrency] = throughput(await run_all(engine, prompts, 64))
    assert rates[2] > 1.8 * rates[1]
    assert rates[8] > 5 * rates[1]
    for concurrency in (16, 32):
        assert rates[concurrency] == pytest.approx(rates[8], rel=0.15)


async def test_running_batch_never_exceeds_max_num_seqs(make_engine: Any) -> None:
    engine = await make_engine(max_num_seqs=4)
    handles = [engine.generate(prompt(16, salt=i), 20, ignore_eos=True) for i in range(10)]
    peak = 0
    while not all(h.finished for h in handles):
        peak = max(peak, len(engine.scheduler.running))
        await asyncio.sleep(0)
    assert peak == 4


async def test_prefix_cache_hits_cut_ttft_and_are_reported(make_engine: Any) -> None:
    engine = await make_engine()
    shared = prompt(6000)
    (first,) = await run_all(engine, [shared], 4)
    (second,) = await run_all(engine, [[*shared, 7, 8, 9]], 4)
    assert first.cached_tokens == 0
    assert second.cached_tokens == 6000  # all 375 full blocks of the shared prefix
    # Only the fixed per-step cost and the few new tokens remain.
    assert second.ttft < first.ttft / 4
    hits = engine.metrics.registry.get_sample_value(
        "vllm:prefix_cache_hits_total", {"model_name": "bastion-sim"}
    )
    assert hits == 6000


async def test_without_prefix_caching_nothing_is_reused(make_engine: Any) -> None:
    engine = await make_engine(enable_prefix_caching=False)
    (first,) = await run_all(engine, [prompt(1000)], 4)
    (second,) = await run_all(engine, [prompt(1000)], 4)
    assert second.cached_tokens == 0
    assert second.ttft == pytest.approx(first.ttft)


async def test_same_seed_same_output_and_different_seed_different_output(make_engine: Any) -> None:
    async def texts(seed: int, request_seed: int | None = None) -> list[str]:
        engine = await make_engine(seed=seed)
        handle = engine.generate(prompt(20), 40, n=2, seed=request_seed)
        return [c.text for c in (await handle.result()).choices]

    base = await texts(1)
    assert base == await texts(1)
    assert base[0] != base[1]
    assert base != await texts(2)
    assert base != await texts(1, request_seed=5)


async def test_natural_stops_and_stop_strings(make_engine: Any) -> None:
    engine = await make_engine(output_len_min=10, output_len_max=20)
    free = await engine.generate(prompt(8), 100).result()
    (choice,) = free.choices
    assert choice.finish_reason == "stop"
    assert 10 <= choice.completion_tokens <= 20
    assert choice.text.endswith(".")
    word = choice.text.split()[3]
    stopped = await engine.generate(prompt(8), 100, stop=[word]).result()
    assert stopped.choices[0].finish_reason == "stop"
    assert stopped.choices[0].text == choice.text[: choice.text.index(word)]


async def test_simulated_times_do_not_depend_on_the_time_scale() -> None:
    results = []
    for scale in (200.0, FAST):
        engine = SimEngine(SimConfig(time_scale=scale))
        await engine.start()
        started = time.monotonic()
        (result,) = await run_all(engine, [prompt(500)], 20)
        elapsed = time.monotonic() - started
        await engine.stop()
        results.append(result)
        # Simulated seconds are slept for real, divided by the scale (a lower bound only).
        assert elapsed >= 0.9 * result.e2e / scale
    assert results[0].ttft == pytest.approx(results[1].ttft)
    assert results[0].e2e == pytest.approx(results[1].e2e)


async def test_abort_frees_blocks_immediately(make_engine: Any) -> None:
    engine = await make_engine(time_scale=100.0)
    handle = engine.generate(prompt(500), 1000, ignore_eos=True)
    assert await handle.next_events()
    assert engine.kv.num_free < engine.kv.num_blocks
    handle.abort()
    assert engine.kv.num_free == engine.kv.num_blocks
    assert engine.counters.requests_aborted == 1
    assert handle.finished


async def test_requests_too_long_for_the_context_or_the_cache_are_refused(make_engine: Any) -> None:
    engine = await make_engine(max_model_len=1000)
    with pytest.raises(ContextLengthError, match="maximum context length is 1000"):
        engine.generate(prompt(900), 200)
    small = await make_engine(num_kv_blocks=8)  # 128 tokens, whatever max_model_len says
    with pytest.raises(ContextLengthError, match="maximum context length is 128"):
        small.generate(prompt(100), 100)


async def test_a_hung_engine_queues_but_produces_nothing(make_engine: Any) -> None:
    engine = await make_engine()
    engine.pause()
    handle = engine.generate(prompt(10), 5)
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(handle.next_events(), 0.05)
    engine.resume()
    assert (await handle.result()).completion_tokens == 5
