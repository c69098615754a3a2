"""Endpoint contracts: a new version is published only when its golden prompts pass; one that
fails stops ``bastion serve`` with a clear error and stays unpublished."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bastion.evaluation.dataset import write_dataset
from tests.conftest import GatewayFactory
from tests.eval_upstream import EvalUpstream, golden_items
from tests.integration.test_serve_process import ServeProcess
from tests.servers import free_port, start_server

ITEMS = golden_items(12)


@pytest.fixture
def engine_url() -> Iterator[str]:
    engine = EvalUpstream()
    server = start_server(engine.app)
    yield server.url
    server.stop()


def backend(url: str) -> dict[str, Any]:
    return {
        "kind": "openai-compatible",
        "location": "local",
        "base_url": url + "/v1",
        "models": ["*"],
        "circuit_breaker": {"enabled": False},
    }


def published(database: Path) -> set[str]:
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT endpoint, version FROM published_versions").fetchall()
    return {f"{endpoint}@{version}" for endpoint, version in rows}


def test_versions_whose_contracts_are_met_are_published(
    tmp_path: Path, engine_url: str, start_gateway: GatewayFactory
) -> None:
    dataset = tmp_path / "golden.jsonl"
    write_dataset(ITEMS, dataset)
    gateway = start_gateway(
        {"eng": backend(engine_url)},
        # No configured admin key: the checks use a short-lived key, revoked after them.
        auth={"admin_key": None},
        guardrails={"injection": {"enabled": False}},
        endpoints={
            "support": {
                "default": "1",
                "versions": {
                    "1": {"backend": "eng", "model": "right",
                          "contract": {"dataset": str(dataset), "params": {"temperature": 0}}},
                    # Wrong on a quarter of the items, above the 70 % it needs.
                    "2": {"backend": "eng", "model": "wrong",
                          "contract": {"dataset": str(dataset), "min_pass_rate": 0.7}},
                    "3": {"backend": "eng", "model": "right"},
                },
            }
        },
    )  # fmt: skip
    assert published(tmp_path / "bastion.db") == {"support@1", "support@2", "support@3"}
    notes = gateway.gateway.report.notes
    assert "support@1: contract met (12/12 golden prompts), published" in notes
    assert "support@2: contract met (9/12 golden prompts), published" in notes
    with sqlite3.connect(tmp_path / "bastion.db") as db:
        runs = db.execute("SELECT origin, status FROM eval_runs").fetchall()
        keys = db.execute(
            "SELECT revoked_at FROM api_keys WHERE name LIKE 'contract-check-%'"
        ).fetchall()
    assert sorted(runs) == [("contract", "completed"), ("contract", "completed")]
    assert len(keys) == 1
    assert keys[0][0] is not None


def _config(tmp_path: Path, engine_url: str, contract: dict[str, Any]) -> Path:
    config = {
        "database": {"url": f"sqlite+aiosqlite:///{tmp_path}/bastion.db"},
        "auth": {"admin_key": "bst-admin-0123456789abcdef"},
        "discovery": {"enabled": False},
        "guardrails": {"injection": {"enabled": False}},
        "backends": {"eng": backend(engine_url)},
        "endpoints": {
            "support": {
                "versions": {
                    "1": {"backend": "eng", "model": "right"},
                    "2": {"backend": "eng", "model": "wrong", "contract": contract},
                }
            }
        },
    }
    path = tmp_path / "bastion.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


def test_a_failing_contract_stops_bastion_serve(tmp_path: Path, engine_url: str) -> None:
    write_dataset(ITEMS, tmp_path / "golden.jsonl")
    # Relative to the directory bastion serve runs in.
    path = _config(tmp_path, engine_url, {"dataset": "golden.jsonl"})
    served = subprocess.run(
        [sys.executable, "-m", "bastion", "serve", "--config", str(path),
         "--port", str(free_port())],
        cwd=tmp_path, capture_output=True, text=True, timeout=90, check=False,
    )  # fmt: skip
    assert served.returncode != 0
    output = served.stdout + served.stderr
    assert "endpoints.support.versions.2.contract" in output
    assert "support@2 passed 9 of 12 golden prompts (75.0%), below min_pass_rate 100.0%" in output
    assert "item-000: exact" in output
    assert published(tmp_path / "bastion.db") == {"support@1"}

    # Lowering the bar (the contract is not part of the version's digest) lets it start.
    path = _config(tmp_path, engine_url, {"dataset": "golden.jsonl", "min_pass_rate": 0.75})
    with sqlite3.connect(tmp_path / "bastion.db") as db:
        before = db.execute("SELECT count(*) FROM eval_runs").fetchone()[0]
    process = ServeProcess(tmp_path, "--config", str(path), "--workers", "2")
    try:
        process.wait_ready(timeout=60)
    finally:
        process.stop()
    assert published(tmp_path / "bastion.db") == {"support@1", "support@2"}
    with sqlite3.connect(tmp_path / "bastion.db") as db:
        after = db.execute("SELECT count(*) FROM eval_runs").fetchone()[0]
    assert after - before == 1, "worker 0 checks the contract; the other waits for it"


def test_a_contract_whose_dataset_is_missing_is_a_configuration_error(
    tmp_path: Path, engine_url: str
) -> None:
    path = _config(tmp_path, engine_url, {"dataset": "missing.jsonl"})
    served = subprocess.run(
        [sys.executable, "-m", "bastion", "serve", "--config", str(path),
         "--port", str(free_port())],
        cwd=tmp_path, capture_output=True, text=True, timeout=90, check=False,
    )  # fmt: skip
    assert served.returncode != 0
    output = served.stdout + served.stderr
    assert "endpoints.support.versions.2.contract.dataset" in output
    assert "cannot read missing.jsonl" in output
