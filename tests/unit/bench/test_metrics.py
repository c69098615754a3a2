"""Metrics of a recorded trace against a reference computed independently from the same raw
timestamps, the way vLLM's benchmark_serving.calculate_metrics computes them (numpy)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bastion.bench.metrics import compute, latency_growth
from bastion.bench.slo import Slo, parse_slo
from bastion.bench.stats import percentile, summarise
from bastion.bench.trace import RequestRecord

TRACE = Path(__file__).parents[2] / "data" / "bench" / "trace.json"


def _levels() -> list[dict[str, Any]]:
    return json.loads(TRACE.read_text())["levels"]


def _reference(raw: list[dict[str, Any]], slo_ms: dict[str, float]) -> dict[str, Any]:
    """vLLM's definitions, written out on the raw JSON records (no bastion code)."""
    ttfts, tpots, all_tpots, itls, e2els = [], [], [], [], []
    total_input = total_output = completed = good = 0
    for r in raw:
        if r["error"] is not None:
            continue
        st = r["scheduled"]
        latency = r["end"] - st
        ttft = r["chunks"][0] - st if r["streamed"] and r["chunks"] else None
        output_len = r["output_tokens"]
        tpot = 0.0
        if ttft is not None:
            ttfts.append(ttft)
            if output_len > 1:
                tpot = (latency - ttft) / (output_len - 1)
                tpots.append(tpot)
            itls += [b - a for a, b in zip(r["chunks"], r["chunks"][1:], strict=False)]
        all_tpots.append(tpot)
        e2els.append(latency)
        total_input += r["input_tokens"]
        total_output += output_len
        completed += 1
        first = ttft if ttft is not None else latency
        checks = {"ttft": first, "tpot": tpot, "e2e": latency}
        if all(checks[k] <= v / 1000 for k, v in slo_ms.items()):
            good += 1
    duration = max(r["end"] for r in raw) - min(r["scheduled"] for r in raw)

    def stats(values: list[float]) -> dict[str, float] | None:
        if not values:
            return None
        a = np.array(values) * 1000
        return {
            "mean": float(np.mean(a)),
            "median": float(np.median(a)),
            "std": float(np.std(a)),
            "p90": float(np.percentile(a, 90)),
            "p95": float(np.percentile(a, 95)),
            "p99": float(np.percentile(a, 99)),
            "min": float(np.min(a)),
            "max": float(np.max(a)),
        }

    return {
        "completed": completed,
        "duration": duration,
        "request_throughput": completed / duration,
        "request_goodput": good / duration,
        "output_throughput": total_output / duration,
        "total_token_throughput": (total_input + total_output) / duration,
        "input_tokens": total_input,
        "output_tokens": total_output,
        "ttft": stats(ttfts),
        "tpot": stats(tpots),
        "itl": stats(itls),
        "e2e": stats(e2els),
    }


@pytest.mark.parametrize(
    ("level", "slo"),
    [(0, {"ttft": 40.0, "tpot": 12.0, "e2e": 250.0}), (1, {"ttft": 91.5, "e2e": 150.0})],
    ids=["streamed-open-loop", "whole-closed-loop"],
)
def test_metrics_match_an_independent_reference(level: int, slo: dict[str, float]) -> None:
    raw = _levels()[level]["requests"]
    records = [RequestRecord.from_json(r) for r in raw]
    text = ",".join(f"{name}={value}ms" for name, value in slo.items())
    got = compute(records, parse_slo(text)).to_json()
    want = _reference(raw, slo)
    assert got["completed"] == want["completed"]
    assert got["failed"] == len(raw) - want["completed"] > 0
    assert got["input_tokens"] == want["input_tokens"]
    assert got["output_tokens"] == want["output_tokens"]
    assert got["duration_s"] == pytest.approx(want["duration"], abs=1e-6)
    for key in ("request_throughput", "output_throughput", "total_token_throughput"):
        assert got[key] == pytest.approx(want[key], rel=1e-3), key
    assert got["request_goodput"] == pytest.approx(want["request_goodput"], rel=1e-3)
    assert 0 < got["good_requests"] < got["completed"]
    for name in ("ttft", "tpot", "itl", "e2e"):
        mine, theirs = got[f"{name}_ms"], want[name]
        if theirs is None:
            assert mine is None, name
            continue
        for stat, value in theirs.items():
            assert mine[stat] == pytest.approx(value, abs=1e-3), f"{name} {stat}"


def test_the_trace_has_what_the_reference_needs() -> None:
    streamed, whole = _levels()
    assert all(r["streamed"] for r in streamed["requests"])
    assert not any(r["streamed"] for r in whole["requests"])
    errors = {r["error"] for level in (streamed, whole) for r in level["requests"]} - {None}
    assert errors == {"http_503"}


def test_percentiles_interpolate_as_numpy_does() -> None:
    values = sorted([0.3, 0.1, 0.7, 0.2, 0.9, 0.5, 0.4])
    for q in (0, 10, 25, 50, 90, 95, 99, 100):
        assert percentile(values, q) == pytest.approx(float(np.percentile(values, q)))
    stats = summarise([1.0, 2.0, 3.0, 4.0])
    assert stats is not None
    assert stats.std == pytest.approx(float(np.std([1.0, 2.0, 3.0, 4.0])))
    assert summarise([]) is None


def test_output_tokens_are_counted_from_chunks_without_usage() -> None:
    record = RequestRecord(0, scheduled=0.0, sent=0.0, chunks=[0.1, 0.2, 0.4], end=0.5, status=200)
    metrics = compute([record]).to_json()
    assert metrics["output_tokens"] == 3
    assert metrics["output_tokens_counted_from_chunks"] == 1
    assert metrics["tpot_ms"]["mean"] == pytest.approx(200.0)  # (0.5 - 0.1) / (3 - 1)
    assert metrics["itl_ms"]["mean"] == pytest.approx(150.0)


def test_latency_counts_from_the_scheduled_time_and_lag_is_reported() -> None:
    on_time = [
        RequestRecord(i, scheduled=i * 0.01, sent=i * 0.01, chunks=[i * 0.01 + 0.05],
                      end=i * 0.01 + 0.1, status=200, output_tokens=1)
        for i in range(100)
    ]  # fmt: skip
    late = [
        RequestRecord(i, scheduled=i * 0.01, sent=i * 0.01 + 0.03, chunks=[i * 0.01 + 0.08],
                      end=i * 0.01 + 0.13, status=200, output_tokens=1)
        for i in range(100)
    ]  # fmt: skip
    kept = compute(on_time)
    behind = compute(late)
    assert kept.kept_schedule and kept.late == 0
    assert not behind.kept_schedule and behind.late == 100
    assert behind.e2e is not None and behind.e2e.median == pytest.approx(0.13)
    assert behind.ttft is not None and behind.ttft.median == pytest.approx(0.08)


def test_goodput_follows_vllm_tpot_zero_for_one_token_answers() -> None:
    one = RequestRecord(0, 0.0, 0.0, chunks=[0.05], end=0.06, status=200, output_tokens=1)
    slow = RequestRecord(1, 0.0, 0.0, chunks=[0.05, 0.5], end=0.5, status=200, output_tokens=2)
    metrics = compute([one, slow], Slo(tpot=0.1))
    assert metrics.good == 1
    assert metrics.slo_attainment == pytest.approx(0.5)


def test_latency_growth_tells_a_building_queue() -> None:
    steady = [RequestRecord(i, i * 0.1, i * 0.1, end=i * 0.1 + 0.2, status=200, streamed=False,
                            output_tokens=5) for i in range(30)]  # fmt: skip
    queued = [RequestRecord(i, i * 0.1, i * 0.1, end=i * 0.1 + 0.2 + i * 0.05, status=200,
                            streamed=False, output_tokens=5) for i in range(30)]  # fmt: skip
    assert latency_growth(steady) == pytest.approx(1.0)
    growth = latency_growth(queued)
    assert growth is not None and growth > 2
