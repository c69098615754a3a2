"""The result document and its renderings: JSON, the table, the HTML report; the knee and the
capacity a run measured."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bastion.bench.capacity import capacity_at_slo
from bastion.bench.html import render_html
from bastion.bench.metrics import compute
from bastion.bench.runner import finish, strip_requests
from bastion.bench.shapes import LoadShape
from bastion.bench.slo import Slo
from bastion.bench.svg import ticks
from bastion.bench.sweep import KneeRules, find_knee, rate_levels
from bastion.bench.table import document_lines
from bastion.bench.trace import RequestRecord

TRACE = Path(__file__).parents[2] / "data" / "bench" / "trace.json"


def _level(shape: LoadShape, rate: float, e2e: float, growth: float, slo: Slo) -> dict[str, Any]:
    """A level of 60 requests at ``rate`` a second, E2E ``e2e`` growing by ``growth`` per
    request (a queue), 10 output tokens each."""
    step = (e2e - 0.02) / 9
    records = [
        RequestRecord(i, scheduled=i / rate, sent=i / rate,
                      chunks=[i / rate + 0.02 + k * step + i * growth for k in range(10)],
                      end=i / rate + e2e + i * growth, status=200, input_tokens=100,
                      output_tokens=10)
        for i in range(60)
    ]  # fmt: skip
    return {
        "shape": shape.to_json(),
        "started_at": "2026-12-06T10:00:00+00:00",
        "metrics": compute(records, slo).to_json(),
        "requests": [r.to_json() for r in records],
    }


def sample_document(slo: Slo) -> dict[str, Any]:
    levels = [
        _level(LoadShape("synchronous"), 4.0, 0.25, 0.0, slo),
        _level(LoadShape("concurrency", concurrency=32), 40.0, 0.6, 0.0, slo),
        *(
            _level(shape, shape.rate or 1, 0.3,
                   0.0 if shape.rate and shape.rate <= 32 else 0.02, slo)
            for shape in rate_levels(40.0, (0.4, 0.8, 1.0))
        ),
    ]  # fmt: skip
    document: dict[str, Any] = {
        "object": "bench.run",
        "version": 1,
        "id": "bench_test",
        "name": "unit",
        "created_at": "2026-12-06T10:00:00+00:00",
        "target": {"url": "http://x/v1/chat/completions", "api": "chat", "model": "m",
                   "stream": True},
        "prompts": {"kind": "synthetic", "input_tokens": "100", "output_tokens": "10",
                    "prefix_share": 0.0},
        "slo": slo.to_json(),
        "levels": levels,
        "sweep": {"synchronous_rate": 4.0, "saturation_rate": 40.0, "concurrency": 32},
    }  # fmt: skip
    document["sweep"]["knee"] = find_knee(levels, KneeRules())
    finish(document)
    return document


def test_the_knee_is_the_last_rate_that_kept_up() -> None:
    document = sample_document(Slo())
    knee = document["sweep"]["knee"]
    assert knee["rate"] == 32.0
    assert "latency grew" in knee["reason"]
    verdicts = {v["rate"]: v["kept_up"] for v in knee["levels"]}
    assert verdicts == {16.0: True, 32.0: True, 40.0: False}


def test_capacity_is_the_best_level_within_the_slo() -> None:
    loose = sample_document(Slo())
    best = max(level["metrics"]["total_token_throughput"] for level in loose["levels"])
    assert loose["capacity"]["total_tokens_per_second"] == best
    tight = sample_document(Slo(e2e=0.35))
    capacity = capacity_at_slo(tight)
    assert capacity is not None
    assert capacity["shape"] == "constant 32 req/s"
    assert "95%" in capacity["basis"]
    assert capacity_at_slo({"levels": []}) is None


def test_json_round_trip_and_summary() -> None:
    document = sample_document(Slo(ttft=0.1))
    text = json.dumps(document)
    back = json.loads(text)
    assert back["levels"][0]["requests"][0]["chunks"]
    record = RequestRecord.from_json(back["levels"][0]["requests"][3])
    assert record.to_json() == back["levels"][0]["requests"][3]
    summary = strip_requests(document)
    assert all("requests" not in level for level in summary["levels"])


def test_table_lines() -> None:
    lines = document_lines(sample_document(Slo(ttft=0.1, tpot=0.05)))
    text = "\n".join(lines)
    assert "SLO: ttft <= 100 ms, tpot <= 50 ms" in text
    assert "knee: 32 req/s offered" in text
    header = next(line for line in lines if line.startswith("load"))
    assert "TTFT p50" in header and "goodput" in header


def test_html_report_stands_alone() -> None:
    html = render_html(sample_document(Slo(ttft=0.1)))
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<svg") == 5
    assert "<script" not in html.lower()
    assert re.findall(r"(?:src|href)=\"([^\"]+)\"", html) == []
    assert set(re.findall(r"https?://[^\"<\s]+", html)) <= {
        "http://www.w3.org/2000/svg",
        "http://x/v1/chat/completions",
    }
    assert "Time to first token against load" in html


def test_html_of_a_recorded_trace() -> None:
    levels = json.loads(TRACE.read_text())["levels"]
    document = sample_document(Slo())
    for level in levels:
        records = [RequestRecord.from_json(r) for r in level["requests"]]
        level["metrics"] = compute(records).to_json()
    document["levels"] = levels
    html = render_html(document)
    assert "http_503" in html


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1.0]), (0, 730, [0, 200, 400, 600, 800])],
)
def test_ticks(low: float, high: float, expected: list[float]) -> None:
    assert ticks(low, high) == pytest.approx(expected)


def test_the_gateways_view_from_its_metrics() -> None:
    from bastion.bench.gateway import delta, parse

    before = parse(
        'bastion_request_duration_seconds_sum{endpoint="chat",backend="a"} 1.5\n'
        'bastion_request_duration_seconds_count{endpoint="chat",backend="a"} 3\n'
        'bastion_request_duration_seconds_bucket{endpoint="chat",backend="a",le="1"} 3\n'
        "# HELP other\nvllm:x 9\n"
    )
    after = parse(
        'bastion_request_duration_seconds_sum{endpoint="chat",backend="a"} 2.5\n'
        'bastion_request_duration_seconds_count{endpoint="chat",backend="a"} 5\n'
        'bastion_request_duration_seconds_sum{endpoint="embeddings",backend="a"} 0.5\n'
        'bastion_request_duration_seconds_count{endpoint="embeddings",backend="a"} 5\n'
        'bastion_queue_wait_seconds_sum{endpoint="chat"} 0.07\n'
        'bastion_queue_wait_seconds_count{endpoint="chat"} 7\n'
    )
    view = delta(before, after)
    assert view["requests"] == 7
    assert view["duration_ms_mean"] == pytest.approx(1500 / 7, abs=1e-3)
    assert view["queue_wait_ms_mean"] == pytest.approx(10.0)
    assert view["ttft_ms_mean"] is None


def test_server_timing_is_read_into_the_record() -> None:
    from bastion.bench.gateway import read_server_timing, server_timing

    assert server_timing('upstream;dur=123.4;desc="first bytes", gateway;dur=2.1, cache') == {
        "upstream": 123.4,
        "gateway": 2.1,
    }
    assert server_timing('db;desc=x;dur="5", bad;dur=fast, , x;dur') == {"db": 5.0}
    record = RequestRecord(0, 0.0)
    read_server_timing(record, "upstream;dur=250.5, gateway;dur=0.75, queue;dur=3")
    assert (record.upstream, record.gateway) == (pytest.approx(0.2505), pytest.approx(0.00075))
    assert RequestRecord.from_json(record.to_json()) == record
    other = RequestRecord(1, 0.0)
    read_server_timing(other, "edge;dur=1")  # someone else's timing: not the gateway's split
    assert other.upstream is None and other.gateway is None


def test_the_gateways_own_share_per_level() -> None:
    from bastion.bench.gateway import delta, parse, share

    records = [
        RequestRecord(i, scheduled=i * 0.1, sent=i * 0.1, end=i * 0.1 + 0.2, status=200,
                      streamed=False, output_tokens=5, upstream=0.19, gateway=0.001 * (i + 1))
        for i in range(10)
    ]  # fmt: skip
    records.append(RequestRecord(10, 1.0, 1.0, end=1.2, status=200, streamed=False))  # untimed
    metrics = compute(records).to_json()
    overhead = metrics["gateway_overhead_ms"]
    assert overhead["count"] == 10
    assert overhead["mean"] == pytest.approx(5.5)
    assert overhead["median"] == pytest.approx(5.5) and overhead["p99"] == pytest.approx(9.91)
    assert metrics["upstream_ms"]["median"] == pytest.approx(190.0)
    assert metrics["gateway_share_of_e2e"] == pytest.approx(0.0055 / 0.2, abs=1e-6)
    assert compute(records[10:]).to_json()["gateway_overhead_ms"] is None

    text = (
        'bastion_request_duration_seconds_sum{endpoint="chat",backend="a"} 2.0\n'
        'bastion_request_duration_seconds_count{endpoint="chat",backend="a"} 10\n'
        'bastion_upstream_duration_seconds_sum{endpoint="chat",backend="a"} 1.9\n'
        'bastion_upstream_duration_seconds_count{endpoint="chat",backend="a"} 10\n'
        'bastion_gateway_overhead_seconds_sum{endpoint="chat",backend="a"} 0.1\n'
        'bastion_gateway_overhead_seconds_count{endpoint="chat",backend="a"} 10\n'
    )
    view = delta({}, parse(text))
    assert view["upstream_ms_mean"] == pytest.approx(190.0)
    assert view["overhead_ms_mean"] == pytest.approx(10.0)
    view["overhead_share_of_e2e"] = share(view, 200.0)
    assert view["overhead_share_of_e2e"] == pytest.approx(0.05)
    assert share(view, None) is None

    document = sample_document(Slo())
    level = document["levels"][0]
    level["metrics"] = metrics
    level["gateway"] = view
    lines = document_lines(document)
    start = lines.index(next(line for line in lines if line.startswith("The gateway's own share")))
    head, _, row = lines[start + 1 : start + 4]
    assert head.split()[:5] == ["load", "timed", "GW", "mean", "GW"]
    assert row.split()[1:6] == ["10", "5.5", "5.5", "9.9", "2.75%"]
    assert row.split()[-2:] == ["10.0", "5.00%"]
    assert any("upstream 190.0, gateway's own 10.0" in line for line in lines)
    page = render_html(document)
    assert "The gateway's own share</h2>" in page and "<td>2.75%</td>" in page
    # Levels without the header or the metrics have no such section.
    assert not any("own share" in line for line in document_lines(sample_document(Slo())))


def test_a_simulated_run_says_so_in_every_format() -> None:
    from bastion.bench.runner import SIMULATED_NOTE

    engine = sample_document(Slo(ttft=0.1))
    assert engine["simulated"] is False
    assert "(simulated)" not in "\n".join(document_lines(engine))
    document = sample_document(Slo(ttft=0.1))
    document["levels"][0]["requests"][0]["simulated"] = True
    finish(document)
    assert document["simulated"] is True
    assert document["notes"][0] == SIMULATED_NOTE
    lines = document_lines(document)
    assert lines[1].endswith("(simulated)")
    assert f"Note: {SIMULATED_NOTE}" in lines
    html = render_html(document)
    assert "<title>Benchmark bench_test — unit (simulated)</title>" in html
    assert SIMULATED_NOTE.replace("'", "&#x27;") in html
    assert strip_requests(document)["simulated"] is True  # kept in the stored summary


def test_the_simulators_fingerprint_marks_an_answer() -> None:
    from bastion.bench.apis import StreamReader, read_body

    streamed = RequestRecord(0, 0.0)
    reader = StreamReader("chat", streamed)
    reader.event(None, json.dumps({"system_fingerprint": "bastion-sim", "choices": []}))
    whole = RequestRecord(1, 0.0)
    assert read_body("chat", whole, b'{"system_fingerprint": "bastion-sim", "choices": []}')
    engine = RequestRecord(2, 0.0)
    assert read_body("chat", engine, b'{"system_fingerprint": "fp_1", "choices": []}')
    assert (streamed.simulated, whole.simulated, engine.simulated) == (True, True, False)
    assert RequestRecord.from_json(streamed.to_json()).simulated
    assert "simulated" not in engine.to_json()
