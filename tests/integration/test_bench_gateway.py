"""``bastion bench`` through a Bastion gateway in front of the simulator: every API shape, the
run stored and recorded as the backend's capacity, read back through the admin API and used by
``bastion cost report`` (the measured capacity and the $/M tokens it allows)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from click.testing import CliRunner

from bastion.cli.bench import bench_group
from bastion.cli.cost import cost_group
from bastion.economics.money import fmt_money
from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway

ADMIN = {"authorization": f"Bearer {ADMIN_KEY}"}
MODEL = "gpu/bastion-sim"


@pytest.fixture
def gateway(start_gateway: GatewayFactory, sim_backend: Any) -> RunningGateway:
    return start_gateway(
        {"gpu": {"kind": "openai-compatible", "location": "local",
                 "base_url": sim_backend(time_scale=50.0)}}
    )  # fmt: skip


def _bench(*args: str) -> str:
    result = CliRunner().invoke(bench_group, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("api", ["chat", "completions", "responses", "messages", "embeddings"])
def test_every_api_shape_through_the_gateway(
    gateway: RunningGateway, api: str, tmp_path: Path
) -> None:
    out = tmp_path / "run.json"
    _bench("run", gateway.url, "--api", api, "--model", MODEL, "--api-key", ADMIN_KEY,
           "--load", "concurrency:4", "--requests", "12", "--input-tokens", "40",
           "--output-tokens", "8", "--quiet", "--out", str(out))  # fmt: skip
    document = json.loads(out.read_text())
    (level,) = document["levels"]
    metrics = level["metrics"]
    assert metrics["completed"] == 12, metrics["errors"]
    # The engine is the simulator, and every API's answers say so.
    assert document["simulated"] is True
    assert all(r["simulated"] for r in level["requests"])
    assert metrics["input_tokens"] >= 12 * 40
    # The gateway's own view of the level, from its /metrics.
    view = level["gateway"]
    assert view["requests"] == 12
    assert 0 < view["duration_ms_mean"] <= metrics["e2e_ms"]["mean"]
    # The split of that duration: the upstream's share and the gateway's own (its overhead).
    assert 0 < view["overhead_ms_mean"] < view["duration_ms_mean"]
    assert view["upstream_ms_mean"] + view["overhead_ms_mean"] == pytest.approx(
        view["duration_ms_mean"], abs=0.01
    )
    assert 0 < view["overhead_share_of_e2e"] < 1
    # And per request, from each answer's Server-Timing header.
    overhead = metrics["gateway_overhead_ms"]
    assert overhead["count"] == 12
    assert 0 < overhead["median"] <= overhead["p99"] < metrics["e2e_ms"]["p99"]
    assert 0 < metrics["gateway_share_of_e2e"] < 1
    assert metrics["upstream_ms"]["count"] == 12
    assert all(r["gateway"] > 0 and r["upstream"] > 0 for r in level["requests"])
    if api == "embeddings":
        assert metrics["ttft_ms"] is None and metrics["output_tokens"] == 0
        return
    assert metrics["output_tokens"] == 12 * 8  # from usage, in every protocol
    assert metrics["output_tokens_counted_from_chunks"] == 0
    assert metrics["ttft_ms"]["count"] == 12 and metrics["itl_ms"]["count"] > 0
    request = level["requests"][0]
    assert request["streamed"] and len(request["chunks"]) >= 2


def test_a_stored_run_its_capacity_the_admin_api_and_the_cost_report(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path}/bastion.db"  # the gateway's own
    output = _bench(
        "run", gateway.url, "--model", MODEL, "--api-key", ADMIN_KEY, "--load", "constant:20",
        "--load", "concurrency:8", "--requests", "40", "--input-tokens", "64",
        "--output-tokens", "16", "--slo", "ttft=2s,tpot=1s", "--quiet",
        "--name", "sim through bastion",
        "--html", str(tmp_path / "report.html"), "--database-url", database,
        "--record-capacity", "gpu", "--gpus", "1", "--hardware", "sim-1x",
    )  # fmt: skip
    run_id = output.rsplit("Stored as ", 1)[1].strip().rstrip(".")
    assert "Capacity of gpu:" in output and "bastion cost uses it" in output
    assert "<svg" in (tmp_path / "report.html").read_text()

    listed = httpx.get(f"{gateway.url}/admin/bench", headers=ADMIN, timeout=10).json()
    assert [run["id"] for run in listed["data"]] == [run_id]
    assert "requests" not in listed["data"][0]["levels"][0]
    one = httpx.get(f"{gateway.url}/admin/bench/{run_id}?requests=true", headers=ADMIN, timeout=10)
    assert one.status_code == 200
    assert len(one.json()["levels"][1]["requests"]) == 40
    capacity = httpx.get(f"{gateway.url}/admin/bench/capacity", headers=ADMIN, timeout=10).json()
    (recorded,) = capacity["data"]
    assert (recorded["backend"], recorded["run_id"], recorded["hardware"]) == (
        "gpu",
        run_id,
        "sim-1x",
    )
    assert (
        httpx.get(f"{gateway.url}/admin/bench/nope", headers=ADMIN, timeout=10).status_code == 404
    )
    assert httpx.get(f"{gateway.url}/admin/bench", timeout=10).status_code == 401
    shown = _bench("show", run_id, "--database-url", database)
    assert "sim through bastion" in shown and "concurrency 8" in shown
    assert "The gateway's own share" in shown and "GW p99" in shown
    assert "own share</h2>" in (tmp_path / "report.html").read_text()
    assert run_id in _bench("list", "--database-url", database)
    again = _bench("record-capacity", run_id, "--backend", "spare", "--gpus", "2",
                   "--database-url", database)  # fmt: skip
    assert "Capacity of spare:" in again and "x 2 GPU" in again
    listed_capacity = _bench("capacity", "--database-url", database)
    assert "gpu:" in listed_capacity and "spare:" in listed_capacity

    config = tmp_path / "bastion.yaml"
    config.write_text(yaml.safe_dump({
        "database": {"url": database},
        "economics": {"compare_with": ["gpt-4o-mini"], "tco": {
            "gpu": {"gpu_hourly": 2.5, "hardware": "sim-1x", "engineering_fte": 0.1,
                    "fte_monthly_cost": 15000},
            "big": {"gpu_hourly": 4.0, "gpus": 8, "hardware": "H100 80GB"},
        }},
    }))  # fmt: skip
    runner = CliRunner()
    text = runner.invoke(cost_group, ["report", "--config", str(config), "--days", "1"])
    assert text.exit_code == 0, text.output
    report = runner.invoke(cost_group, ["report", "--config", str(config), "--days", "1", "--json"])
    data = json.loads(report.output)
    gpu = next(b for b in data["backends"] if b["backend"] == "gpu")
    big = next(b for b in data["backends"] if b["backend"] == "big")
    tps = recorded["tokens_per_second_per_gpu"]
    assert gpu["capacity"]["basis"] == "bench"
    assert gpu["capacity"]["tokens_per_second_per_replica"] == pytest.approx(tps)
    assert run_id in gpu["capacity"]["source"]
    # $3,325 a month over the capacity at 70%: tokens/s x 0.7 x 730 h x 3,600 s.
    per_m = Decimal(3325) / (Decimal(repr(tps)) * Decimal("0.7") * 730 * 3600) * 1_000_000
    assert gpu["at_capacity"]["per_m_tokens_usd"] == pytest.approx(float(per_m), abs=1e-6)
    assert f"at capacity: {fmt_money(per_m)}/M tokens" in text.output
    assert f"measured by bench run {run_id}" in text.output
    assert "on sim-1x" in text.output and "at ttft <= 2000 ms, tpot <= 1000 ms" in text.output
    assert big["capacity"] is None
    assert any(n.startswith("warning: no bench measurement") and "H100 80GB" in n
               for n in big["notes"])  # fmt: skip
    assert "warning: no bench measurement of this backend's hardware (H100 80GB)" in text.output
