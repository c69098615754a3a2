"""``bastion eval run/show/list/sample`` against a real gateway and scripted engines."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bastion.cli.main import cli, main  # noqa: F401 (main registers the subcommands)
from bastion.evaluation.dataset import write_dataset
from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.eval_upstream import EvalUpstream, expected_pass, expected_verdicts, golden_items
from tests.servers import start_server, wait_for

ITEMS = golden_items(12)


@pytest.fixture(autouse=True)
def _commands() -> None:
    from bastion.cli.main import _register_subcommands

    if "eval" not in cli.commands:
        _register_subcommands()


@pytest.fixture
def gateway(start_gateway: GatewayFactory) -> Iterator[RunningGateway]:
    engine = EvalUpstream()
    server = start_server(engine.app)
    yield start_gateway(
        {
            "eng": {
                "kind": "openai-compatible",
                "location": "local",
                "base_url": server.url + "/v1",
                "models": ["*"],
                "circuit_breaker": {"enabled": False},
            }
        },
        guardrails={"injection": {"enabled": False}},
    )
    server.stop()


def invoke(tmp_path: Path, gateway: RunningGateway, *args: str) -> Any:
    env = {
        "BASTION_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/runs.db",
        "BASTION_URL": gateway.url,
        "BASTION_API_KEY": ADMIN_KEY,
        # The runs' database is not the gateway's: its ledger never has the run's requests.
        "BASTION_EVAL_LEDGER_WAIT": "0",
    }
    return CliRunner().invoke(cli, ["eval", *args], env=env, catch_exceptions=False)


def run_id_of(output: str) -> str:
    return next(word for word in output.split() if word.startswith("eval_")).rstrip(":")


def test_run_show_list_and_files(tmp_path: Path, gateway: RunningGateway) -> None:
    dataset = tmp_path / "golden.jsonl"
    write_dataset(ITEMS, dataset)
    out = tmp_path / "report"
    result = invoke(
        tmp_path, gateway, "run", str(dataset), "--target", "eng/right", "--target", "eng/wrong",
        "--param", "temperature=0", "--param", "max_tokens=64", "--concurrency", "4",
        "--out", str(out), "--fail-under", "pass_rate=0.5",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    run_id = run_id_of(result.output)
    assert "eng/right" in result.output
    assert "eng/wrong" in result.output
    report = json.loads((out / "report.json").read_text())
    assert report["status"] == "completed"
    lines = (out / "results.jsonl").read_text().splitlines()
    assert len(lines) == len(ITEMS)
    assert (out / "report.html").read_text().startswith("<!")
    passed = {json.loads(line)["item_id"] for line in lines
              if json.loads(line)["results"]["eng/wrong"]["passed"]}  # fmt: skip
    assert passed == expected_pass("wrong", ITEMS)

    listed = invoke(tmp_path, gateway, "list")
    assert listed.exit_code == 0
    assert run_id in listed.output
    assert "completed" in listed.output
    assert f"{len(ITEMS) * 2}/{len(ITEMS) * 2}" in listed.output
    as_json = json.loads(invoke(tmp_path, gateway, "list", "--json").output)
    assert as_json[0]["params"] == {"temperature": 0, "max_tokens": 64}

    shown = invoke(tmp_path, gateway, "show", run_id, "--fail-under", "pass_rate=1")
    # The candidate is wrong on a quarter of the items: below the threshold.
    assert shown.exit_code == 1
    assert f"Run {run_id} (completed)" in shown.output
    assert "FAIL eng/wrong pass_rate" in shown.output
    shown_json = invoke(tmp_path, gateway, "show", run_id, "--json")
    assert json.loads(shown_json.output)["run_id"] == run_id
    # Resuming a finished run sends nothing and reports it again.
    again = invoke(tmp_path, gateway, "run", "--resume", run_id, str(dataset))
    assert again.exit_code == 0, again.output


def test_usage_errors(tmp_path: Path, gateway: RunningGateway) -> None:
    dataset = tmp_path / "golden.jsonl"
    write_dataset(ITEMS[:2], dataset)
    missing_target = invoke(tmp_path, gateway, "run", str(dataset))
    assert missing_target.exit_code == 2
    assert "name at least one --target" in missing_target.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n{"messages": [{"role": "user", "content": "x"}], "checks": 1}\n')
    invalid = invoke(tmp_path, gateway, "run", str(bad), "--target", "eng/right")
    assert invalid.exit_code == 2
    assert f"{bad}:1: request.messages must be a non-empty list" in invalid.output
    assert f"{bad}:2: checks must be a list" in invalid.output
    unknown = invoke(tmp_path, gateway, "run", str(dataset), "--target", "nowhere/x")
    assert unknown.exit_code == 1
    assert "does not know the target 'nowhere/x'" in unknown.output
    judge = invoke(
        tmp_path, gateway, "run", str(dataset), "--target", "eng/right", "--target",
        "eng/wrong", "--judge", "nosuchjudge", "--fail-under", "win_rate=0.5",
    )  # fmt: skip
    assert judge.exit_code == 1, judge.output
    assert "does not know the judge 'nosuchjudge'" in judge.output
    assert "PASS" not in judge.output
    threshold = invoke(
        tmp_path, gateway, "run", str(dataset), "--target", "eng/right", "--fail-under", "speed=1"
    )
    assert threshold.exit_code == 2
    assert "unknown metric 'speed'" in threshold.output
    no_run = invoke(tmp_path, gateway, "show", "eval_nothing")
    assert no_run.exit_code == 1
    assert "no run 'eval_nothing'" in no_run.output
    # A changed dataset cannot resume a run begun with another.
    first = invoke(tmp_path, gateway, "run", str(dataset), "--target", "eng/right")
    run_id = run_id_of(first.output)
    dataset.write_text(dataset.read_text() + "\n")
    changed = invoke(tmp_path, gateway, "run", "--resume", run_id, str(dataset))
    assert changed.exit_code == 1
    assert "has changed since run" in changed.output


def test_sampled_traffic_makes_a_dataset(tmp_path: Path, start_gateway: GatewayFactory) -> None:
    """Traffic of a tenant whose content is captured, sampled into a dataset, replayed."""
    import httpx

    engine = EvalUpstream()
    server = start_server(engine.app)
    try:
        gateway = start_gateway(
            {"eng": {"kind": "openai-compatible", "location": "local",
                     "base_url": server.url + "/v1", "models": ["*"]}},
            audit={"capture": "full"},
            guardrails={"injection": {"enabled": False}},
        )  # fmt: skip
        admin = {"authorization": f"Bearer {ADMIN_KEY}"}
        httpx.post(gateway.url + "/admin/tenants", json={"name": "acme"}, headers=admin)
        key = httpx.post(gateway.url + "/admin/keys", json={"tenant": "acme"}, headers=admin)
        client = {"authorization": f"Bearer {key.json()['key']}"}
        for item in ITEMS[:6]:
            body = {**item.request, "model": "eng/right"}
            reply = httpx.post(
                gateway.url + "/v1/chat/completions", json=body, headers=client, timeout=10
            )
            assert reply.status_code == 200
        database = f"sqlite+aiosqlite:///{tmp_path}/bastion.db"

        def intents() -> int:
            with sqlite3.connect(tmp_path / "bastion.db") as db:
                query = "SELECT count(*) FROM audit_records WHERE kind = 'intent'"
                return int(db.execute(query).fetchone()[0])

        from tests.servers import wait_for

        wait_for(lambda: intents() >= 6, timeout=15)
        config = tmp_path / "bastion.yaml"
        config.write_text(
            f"database: {{url: '{database}'}}\nevaluation: {{sample_tenants: [acme]}}\n"
        )
        out = tmp_path / "sample.jsonl"
        sampled = CliRunner().invoke(
            cli, ["eval", "sample", "--out", str(out), "--size", "4", "--seed", "3",
                  "--config", str(config)], catch_exceptions=False,
        )  # fmt: skip
        assert sampled.exit_code == 0, sampled.output
        assert f"Wrote 4 items to {out}" in sampled.output
        lines = [json.loads(line) for line in out.read_text().splitlines()]
        assert all(line["id"].startswith("traffic-") for line in lines)
        assert all(line["slices"]["tenant"] == "acme" for line in lines)
        refused = CliRunner().invoke(
            cli, ["eval", "sample", "--out", str(out), "--tenant", "other", "--config",
                  str(config)],
        )  # fmt: skip
        assert refused.exit_code == 1
        assert "do not consent" in refused.output
        replay = invoke(tmp_path, gateway, "run", str(out), "--target", "eng/right")
        assert replay.exit_code == 0, replay.output
    finally:
        server.stop()


@pytest.mark.parametrize("judge", ["judge-first", "judge-fair"])
def test_a_judge_through_the_gateway_decides_what_the_answers_imply(
    tmp_path: Path, gateway: RunningGateway, judge: str
) -> None:
    """The baseline always right, the candidate wrong on a known subset. A judge that always
    prefers the answer shown first is asked in both orders, so every verdict flips: all ties.
    A judge that knows the right answers gives the baseline exactly the items the candidate
    gets wrong."""
    dataset = tmp_path / "golden.jsonl"
    write_dataset(ITEMS, dataset)
    out = tmp_path / "report"
    result = invoke(
        tmp_path, gateway, "run", str(dataset), "--target", "eng/right", "--target", "eng/wrong",
        "--baseline", "eng/right", "--judge", f"eng/{judge}", "--out", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (comparison,) = json.loads((out / "report.json").read_text())["comparisons"]
    judged = comparison["judged"]
    assert judged["judged"] == len(ITEMS)
    assert judged["judge_models"] == [f"eng/{judge}"]
    expected = expected_verdicts("wrong", "right", ITEMS)
    if judge == "judge-first":
        assert (judged["wins"], judged["losses"], judged["ties"]) == (0, 0, len(ITEMS))
        assert judged["order_flips"] == len(ITEMS)
    else:
        losses = sum(1 for winner in expected.values() if winner == "baseline")
        assert losses > 0
        assert (judged["wins"], judged["losses"]) == (0, losses)
        assert judged["ties"] == len(ITEMS) - losses
        assert judged["order_flips"] == 0


def _hanging_engine() -> tuple[Any, list[int]]:
    """An engine that takes its time over every answer, so a run is caught mid-way."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    asked: list[int] = []

    async def chat(request: Request) -> JSONResponse:
        asked.append(1)
        for _ in range(400):  # until the gateway gives up on it, 20 s at most
            if await request.is_disconnected():
                break
            await asyncio.sleep(0.05)
        return JSONResponse({"error": {"message": "too late"}}, 500)

    return Starlette(routes=[Route("/v1/chat/completions", chat, methods=["POST"])]), asked


def test_sigterm_stores_the_run_as_interrupted(
    tmp_path: Path, start_gateway: GatewayFactory
) -> None:
    """A service manager's SIGTERM is Ctrl-C's: the run is stored interrupted, resumable."""
    app, asked = _hanging_engine()
    server = start_server(app)
    try:
        gateway = start_gateway(
            {"slow": {"kind": "openai-compatible", "location": "local",
                      "base_url": server.url + "/v1", "models": ["*"]}},
        )  # fmt: skip
        dataset = tmp_path / "golden.jsonl"
        write_dataset(ITEMS[:2], dataset)
        database = tmp_path / "runs.db"
        env = {**os.environ, "BASTION_DATABASE_URL": f"sqlite+aiosqlite:///{database}",
               "BASTION_URL": gateway.url, "BASTION_API_KEY": ADMIN_KEY}  # fmt: skip
        process = subprocess.Popen(
            [sys.executable, "-m", "bastion", "eval", "run", str(dataset), "--target", "slow/a"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            wait_for(lambda: asked, timeout=30)
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    finally:
        server.stop()
    assert process.returncode == 143, stderr
    with sqlite3.connect(database) as db:
        [(run_id, status)] = db.execute("SELECT id, status FROM eval_runs").fetchall()
    assert status == "interrupted"
    assert f"Terminated; resume with `bastion eval run --resume {run_id}`." in stderr
