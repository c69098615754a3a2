"""``bastion bench`` commands that need no endpoint: reading result files, checking options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bastion.bench.slo import Slo
from bastion.cli.bench import bench_group
from tests.unit.bench.test_outputs import sample_document


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(bench_group, list(args))
    return result.exit_code, result.output


def test_a_result_file_is_rendered(tmp_path: Path) -> None:
    path = tmp_path / "run.json"
    path.write_text(json.dumps(sample_document(Slo(ttft=0.1))))

    code, output = _run("report", str(path), "--html", str(tmp_path / "run.html"))

    assert code == 0, output
    assert "Benchmark bench_test (unit)" in output
    assert (tmp_path / "run.html").read_text().startswith("<!DOCTYPE html>")


def test_a_file_of_another_shape_is_a_usage_error(tmp_path: Path) -> None:
    document = sample_document(Slo(ttft=0.1))
    del document["target"]
    path = tmp_path / "badrun.json"
    path.write_text(json.dumps(document))

    code, output = _run("report", str(path), "--html", str(tmp_path / "bad.html"))

    assert code == 2, output
    assert f"{path} is not a result of bastion bench run --out (no 'target')" in output
    assert not (tmp_path / "bad.html").exists()


URL = "http://127.0.0.1:9"  # nothing listens: every case is refused before a request


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--sweep", "--sweep-fractions", "0,-1"], "--sweep-fractions: 0 is not above 0"),
        (["--sweep", "--sweep-fractions", "0.5,1e9"], "--sweep-fractions: 1e+09 is not above 0"),
        (["--sweep", "--sweep-fractions", "nan"], "--sweep-fractions: nan is not above 0"),
        (["--input-tokens", "99999999999"], "'99999999999': at most 2,000,000 tokens"),
        (["--output-tokens", "1..99999999999"], "at most 2,000,000 tokens"),
    ],
)
def test_run_options_out_of_range_are_usage_errors(args: list[str], message: str) -> None:
    code, output = _run("run", URL, "--model", "m", "--requests", "1", *args)

    assert code == 2, output
    assert message in output


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "bastion.yaml"
    config.write_text(
        f"database: {{url: 'sqlite+aiosqlite:///{tmp_path}/bastion.db'}}\n"
        "backends:\n"
        "  gpu: {kind: simulator, location: local}\n"
        "economics:\n"
        "  tco:\n"
        "    big: {gpu_hourly: 4}\n"
    )
    return config


def test_capacity_is_recorded_only_for_a_configured_backend(tmp_path: Path) -> None:
    config = str(_config(tmp_path))

    code, output = _run("record-capacity", "bench_x", "--backend", "gpuu", "--config", config)
    assert code == 2, output
    assert f"'gpuu' is not a backend of {config} (configured: big, gpu)" in output
    code, output = _run("run", URL, "--model", "m", "--requests", "1", "--record-capacity", "gpuu",
                        "--config", config)  # fmt: skip
    assert code == 2, output
    assert "Invalid value for --record-capacity: 'gpuu' is not a backend" in output
    # A configured one gets as far as looking for the run.
    code, output = _run("record-capacity", "bench_x", "--backend", "big", "--config", config)
    assert "no stored benchmark run 'bench_x'" in output
