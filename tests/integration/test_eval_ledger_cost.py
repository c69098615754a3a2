"""The cost of a run's answers from the usage ledger, through a real gateway with the ledger
on: ``bastion eval run`` (and ``show``) reads the ledger's rows of the run's request ids and
reports the tokens the gateway metered, priced by the price/TCO model; its token totals equal
the ledger's, including for an engine whose stream carries no usage (the gateway estimates
it, the answer alone would say 0 tokens)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bastion.config import config_from_mapping
from bastion.evaluation.dataset import write_dataset
from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.eval_upstream import EvalUpstream, golden_items
from tests.servers import start_server

ITEMS = golden_items(12)
TARGETS = ("eng/right", "eng/quiet")


@pytest.fixture
def upstream() -> Iterator[str]:
    engine = EvalUpstream()
    server = start_server(engine.app)
    yield server.url
    server.stop()


def backends(url: str) -> dict[str, Any]:
    return {
        "eng": {
            "kind": "openai-compatible",
            "location": "local",
            "base_url": url + "/v1",
            "models": ["*"],
            "circuit_breaker": {"enabled": False},
        }
    }


# A self-hosted engine with a chargeback rate: $2.50/h for ~1.8M tokens a month.
TCO = {"eng": {"gpu_hourly": 2.5, "max_tokens_per_second": 1}}


@pytest.fixture
def gateway(upstream: str, start_gateway: GatewayFactory) -> RunningGateway:
    return start_gateway(
        backends(upstream),
        ledger={"enabled": True},
        guardrails={"injection": {"enabled": False}},
    )


def ledger_rows(database: Path) -> list[sqlite3.Row]:
    with sqlite3.connect(database) as db:
        db.row_factory = sqlite3.Row
        return db.execute(
            "SELECT request_id, model, backend, upstream_model, input_tokens, output_tokens, "
            "usage_estimated FROM usage_ledger WHERE purpose = 'evaluation'"
        ).fetchall()


def test_the_reports_tokens_and_cost_are_the_ledgers(
    tmp_path: Path, gateway: RunningGateway, upstream: str
) -> None:
    from bastion.admission.pricing import MICROS_PER_DOLLAR, RequestPricer
    from bastion.cli.main import _register_subcommands, cli

    if "eval" not in cli.commands:
        _register_subcommands()
    database = tmp_path / "bastion.db"  # the gateway's: its ledger and the runs
    raw = {
        "database": {"url": f"sqlite+aiosqlite:///{database}"},
        "backends": backends(upstream),
        "economics": {"tco": TCO},
    }
    config_file = tmp_path / "cli.yaml"
    config_file.write_text(json.dumps(raw))  # YAML reads JSON
    dataset = tmp_path / "golden.jsonl"
    write_dataset(ITEMS, dataset)
    env = {
        "BASTION_URL": gateway.url,
        "BASTION_API_KEY": ADMIN_KEY,
        "BASTION_EVAL_LEDGER_WAIT": "30",  # the rows come through the journal's loader
    }
    out = tmp_path / "report"
    result = CliRunner().invoke(
        cli, ["eval", "run", str(dataset), *(a for t in TARGETS for a in ("--target", t)),
              "--config", str(config_file), "--out", str(out)],
        env=env, catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    rows = ledger_rows(database)
    assert len(rows) == len(ITEMS) * len(TARGETS)
    pricer = RequestPricer(config_from_mapping(raw))
    for target in TARGETS:
        mine = [row for row in rows if row["model"] == target]
        cost = next(t for t in report["targets"] if t["target"] == target)["cost"]
        assert cost["source"].startswith(f"ledger: {len(ITEMS)} of {len(ITEMS)} answers"), cost
        assert cost["input_tokens"] == sum(row["input_tokens"] for row in mine)
        assert cost["output_tokens"] == sum(row["output_tokens"] for row in mine)
        # Priced by the price/TCO model at the recorded backend and upstream model.
        micros = sum(
            pricer.price(row["backend"], row["upstream_model"]).micros(
                row["input_tokens"], row["output_tokens"]
            )
            for row in mine
        )
        assert micros > 0
        assert cost["total_usd"] == float(round(Decimal(micros) / MICROS_PER_DOLLAR, 6))
        assert cost["priced_items"] == len(ITEMS)
    # The quiet engine's answers said nothing of their tokens; the gateway estimated them.
    quiet = [row for row in rows if row["model"] == "eng/quiet"]
    assert all(row["usage_estimated"] for row in quiet)
    assert all(row["input_tokens"] > 0 for row in quiet)
    with sqlite3.connect(database) as db:
        stored = [json.loads(text) for (text,) in db.execute(
            "SELECT result FROM eval_results WHERE target = 'eng/quiet'"
        )]  # fmt: skip
    assert {r["answer"]["input_tokens"] for r in stored} == {0}
    assert f"cost of eng/quiet: ledger: {len(ITEMS)} of {len(ITEMS)} answers" in " ".join(
        result.output.split()
    )
    # results.jsonl carries the tokens and cost the report used.
    lines = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    by_id = {row["request_id"]: row for row in rows}
    for line in lines:
        for answer in line["results"].values():
            assert answer["input_tokens"] == by_id[answer["request_id"]]["input_tokens"]

    # bastion eval show reads the ledger again, without waiting.
    run_id = report["run_id"]
    shown = CliRunner().invoke(
        cli, ["eval", "show", run_id, "--json", "--config", str(config_file)],
        env={"BASTION_EVAL_LEDGER_WAIT": "0"}, catch_exceptions=False,
    )  # fmt: skip
    assert shown.exit_code == 0, shown.output
    assert [t["cost"] for t in json.loads(shown.output)["targets"]] == [
        t["cost"] for t in report["targets"]
    ]
    # A database without the gateway's ledger: the price model, as the runner priced.
    elsewhere = tmp_path / "elsewhere.yaml"
    other = {"url": f"sqlite+aiosqlite:///{tmp_path}/other.db"}
    elsewhere.write_text(json.dumps({**raw, "database": other}))
    apart = CliRunner().invoke(
        cli, ["eval", "run", str(dataset), "--target", "eng/right", "--config", str(elsewhere)],
        env={**env, "BASTION_EVAL_LEDGER_WAIT": "0"}, catch_exceptions=False,
    )  # fmt: skip
    assert apart.exit_code == 0, apart.output
    assert "cost of eng/right: price model: " in " ".join(apart.output.split())
