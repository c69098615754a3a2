"""``/admin/evals``: runs started in the gateway, in the background, through its own pipeline;
listed and read back; interrupted by a stop and resumed by another gateway process."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bastion.evaluation.dataset import item_line, write_dataset
from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.eval_upstream import EvalUpstream, expected_pass, golden_items
from tests.servers import start_server, wait_for

ADMIN = {"authorization": f"Bearer {ADMIN_KEY}"}
ITEMS = golden_items(12)


@pytest.fixture
def engine() -> Iterator[tuple[EvalUpstream, str]]:
    upstream = EvalUpstream()
    server = start_server(upstream.app)
    yield upstream, server.url
    server.stop()


def start(start_gateway: GatewayFactory, url: str, tmp_path: Path) -> RunningGateway:
    return start_gateway(
        {
            "eng": {
                "kind": "openai-compatible",
                "location": "local",
                "base_url": url + "/v1",
                "models": ["*"],
                "circuit_breaker": {"enabled": False},
            }
        },
        evaluation={"datasets_dir": str(tmp_path / "datasets")},
        guardrails={"injection": {"enabled": False}},
    )


def finished(gateway: RunningGateway, run_id: str, timeout: float = 30) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        body = httpx.get(f"{gateway.url}/admin/evals/{run_id}", headers=ADMIN, timeout=10).json()
        if body["status"] not in ("pending", "running"):
            return dict(body)
        assert time.monotonic() < deadline, body["status"]
        time.sleep(0.05)


def test_a_run_of_inline_items_in_the_background(
    engine: tuple[EvalUpstream, str], start_gateway: GatewayFactory, tmp_path: Path
) -> None:
    upstream, url = engine
    gateway = start(start_gateway, url, tmp_path)
    body = {
        "items": [item_line(item) for item in ITEMS],
        "targets": ["eng/right", "eng/wrong"],
        "params": {"temperature": 0},
        "concurrency": 4,
    }
    started = httpx.post(gateway.url + "/admin/evals", json=body, headers=ADMIN, timeout=10)
    assert started.status_code == 202, started.text
    run = started.json()
    assert run["object"] == "eval.run"
    assert run["origin"] == "admin"
    assert run["targets"] == ["eng/right", "eng/wrong"]
    assert run["dataset"] == "(inline items)"
    done = finished(gateway, run["id"])
    assert done["status"] == "completed"
    assert done["live"] is False
    results = done["results"]
    assert len(results) == len(ITEMS) * 2
    wrong = {r["item_id"] for r in results if r["target"] == "eng/wrong" and r["passed"]}
    assert wrong == expected_pass("wrong", ITEMS)
    assert done["totals"]["per_target"]["eng/right"]["passed"] == len(ITEMS)
    assert all(r["answer"]["ttft"] is not None for r in results)
    # In-process, through the pipeline: the engine saw the pinned parameter and the gateway
    # recorded evaluation traffic in its ledger.
    assert {b["temperature"] for b in upstream.bodies} == {0}
    ids = {r["answer"]["request_id"] for r in results}

    def ledgered() -> bool:
        with sqlite3.connect(tmp_path / "bastion.db") as db:
            rows = db.execute("SELECT request_id, purpose FROM usage_ledger").fetchall()
        return {row[0] for row in rows if row[1] == "evaluation"} >= ids

    wait_for(ledgered, timeout=15)
    listed = httpx.get(gateway.url + "/admin/evals", headers=ADMIN, timeout=10).json()
    assert [r["id"] for r in listed["data"]] == [run["id"]]
    bare = httpx.get(
        f"{gateway.url}/admin/evals/{run['id']}", params={"results": "false"}, headers=ADMIN
    ).json()
    assert "results" not in bare


def test_a_dataset_file_from_the_datasets_directory(
    engine: tuple[EvalUpstream, str], start_gateway: GatewayFactory, tmp_path: Path
) -> None:
    _, url = engine
    gateway = start(start_gateway, url, tmp_path)
    (tmp_path / "datasets").mkdir()
    write_dataset(ITEMS[:4], tmp_path / "datasets" / "golden.jsonl")
    body = {"dataset": "golden.jsonl", "targets": ["eng/right"]}
    started = httpx.post(gateway.url + "/admin/evals", json=body, headers=ADMIN, timeout=10)
    assert started.status_code == 202, started.text
    done = finished(gateway, started.json()["id"])
    assert (done["status"], len(done["results"]), done["dataset"]) == (
        "completed", 4, "golden.jsonl"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"dataset": "../bastion.db", "targets": ["eng/right"]}, 400, "inside evaluation"),
        ({"dataset": "/etc/passwd", "targets": ["eng/right"]}, 400, "no absolute path"),
        ({"dataset": "missing.jsonl", "targets": ["eng/right"]}, 404, "No dataset named"),
        ({"targets": ["eng/right"]}, 400, "exactly one of 'dataset'"),
        ({"items": [{"id": "a"}], "targets": ["eng/right"]}, 400, "request.messages"),
        ({"items": [{"messages": [{"role": "user", "content": "x"}]}]}, 400, "at least one"),
        ({"resume": "eval_unknown"}, 404, "No evaluation run"),
        ({"items": [], "targets": ["eng/right"], "concurrency": 0}, 400, "concurrency"),
    ],
)
def test_refusals(
    engine: tuple[EvalUpstream, str],
    start_gateway: GatewayFactory,
    tmp_path: Path,
    body: dict[str, Any],
    status: int,
    message: str,
) -> None:
    _, url = engine
    gateway = start(start_gateway, url, tmp_path)
    (tmp_path / "datasets").mkdir(exist_ok=True)
    answer = httpx.post(gateway.url + "/admin/evals", json=body, headers=ADMIN, timeout=10)
    assert answer.status_code == status, answer.text
    assert message in answer.json()["error"]["message"]


def test_only_admins(
    engine: tuple[EvalUpstream, str], start_gateway: GatewayFactory, tmp_path: Path
) -> None:
    _, url = engine
    gateway = start(start_gateway, url, tmp_path)
    httpx.post(gateway.url + "/admin/tenants", json={"name": "acme"}, headers=ADMIN)
    key = httpx.post(gateway.url + "/admin/keys", json={"tenant": "acme"}, headers=ADMIN).json()
    client = {"authorization": f"Bearer {key['key']}"}
    assert httpx.get(gateway.url + "/admin/evals", headers=client).status_code == 403
    assert httpx.get(gateway.url + "/admin/evals").status_code == 401
    body = {"items": [item_line(ITEMS[0])], "targets": ["eng/right"]}
    assert httpx.post(gateway.url + "/admin/evals", json=body, headers=client).status_code == 403


def test_a_run_stopped_with_the_gateway_is_resumed_by_another(
    engine: tuple[EvalUpstream, str], start_gateway: GatewayFactory, tmp_path: Path
) -> None:
    upstream, url = engine
    items = golden_items(40)
    first = start(start_gateway, url, tmp_path)
    body = {"items": [item_line(i) for i in items], "targets": ["eng/slow"], "concurrency": 2}
    run = httpx.post(first.url + "/admin/evals", json=body, headers=ADMIN, timeout=10).json()

    def some_done() -> bool:
        got = httpx.get(f"{first.url}/admin/evals/{run['id']}", headers=ADMIN, timeout=10)
        return len(got.json()["results"]) >= 5

    wait_for(some_done, timeout=30)
    first.server.stop()
    with sqlite3.connect(tmp_path / "bastion.db") as db:
        status, totals = db.execute(
            "SELECT status, totals FROM eval_runs WHERE id = ?", (run["id"],)
        ).fetchone()
        stored = db.execute(
            "SELECT item_id FROM eval_results WHERE run_id = ?", (run["id"],)
        ).fetchall()
    assert status == "interrupted"
    assert 5 <= len(stored) < len(items)
    assert json.loads(totals)["results"] == len(stored)
    sent_before = dict(upstream.received)

    second = start(start_gateway, url, tmp_path)
    resumed = httpx.post(
        second.url + "/admin/evals", json={"resume": run["id"]}, headers=ADMIN, timeout=10
    )
    assert resumed.status_code == 202, resumed.text
    done = finished(second, run["id"], timeout=60)
    assert done["status"] == "completed"
    assert len(done["results"]) == len(items)
    assert all(r["passed"] for r in done["results"])
    for (item_id,) in stored:
        n = int(item_id[-3:])
        assert upstream.received[("slow", n)] == sent_before[("slow", n)]
