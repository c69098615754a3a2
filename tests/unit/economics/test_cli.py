"""``bastion cost estimate`` and ``bastion cost prices``, invoked through the click group."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from bastion.cli.cost import cost_group
from tests.unit.economics.quotes import HAIKU, SONNET

H100 = ["--gpu-hourly", "2.5", "--engineering-fte", "0.1", "--fte-monthly", "15000"]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cost_group, list(args))
    return result.exit_code, result.output


def test_estimate_json_carries_the_worked_example() -> None:
    code, output = _run(
        "estimate", "--tokens-per-day", "50M", "--api", "gpt-4o-mini", "--on", "2026-11-01",
        *H100, "--json",
    )  # fmt: skip

    assert code == 0, output
    data = orjson.loads(output)
    assert data["self_hosted"]["monthly_usd"] == 3325
    model = data["models"][0]
    assert model["blended_rate_per_m_usd"] == 0.2625
    # $3,325 / $0.2625 per M / (730 / 24) days = 416,438,356 tokens a day.
    assert model["break_even"]["tokens_per_day"] == 416_438_356
    assert model["break_even"]["capacity_checked"] is False
    scenario = data["scenarios"][0]
    # 50M a day x 30.4167 days x $0.2625/M = $399.22 a month.
    assert scenario["api"][0]["monthly_usd"] == pytest.approx(399.21875)
    assert scenario["api"][0]["annual_usd"] == pytest.approx(4790.625)
    assert scenario["self_hosted_monthly_usd"] == 3325


def test_estimate_text_states_its_inputs_and_ranges() -> None:
    code, output = _run(
        "estimate", "--tokens-per-day", "50M..500M", "--api", f"anthropic:{SONNET}",
        "--on", "2026-11-01", "--max-tokens-per-second", "5000", "--gross-margin", "0.2", *H100,
    )  # fmt: skip

    assert code == 0, output
    assert "Mix (stated): 75.0% input, of which 0.0% cached; 25.0% output" in output
    assert "$2.50/GPU-h x 1 GPU x 730 h x 1 replica" in output
    assert "declared max_tokens_per_second" in output
    assert "At 50M tokens/day" in output
    assert "At 500M tokens/day" in output
    assert "with 2 replicas" in output
    assert "long-prompt tier" in output
    assert "gross margin 20.0%: price = cost / (1 - 0.2)" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--markup", "0.1", "--gross-margin", "0.1", *H100], "not both"),
        (["--gpu-hourly", "2", "--purchase-price", "30000"], "exactly one of"),
        (["--gross-margin", "1", *H100], "below 1"),
        (["--tokens-per-day", "lots", *H100], "not a token count"),
        (["--tokens-per-day", "5M..1M", *H100], "low end is above"),
    ],
)
def test_estimate_rejects_bad_input(args: list[str], message: str) -> None:
    base = ["estimate", "--api", "gpt-4o-mini"]
    if "--tokens-per-day" not in args:
        base += ["--tokens-per-day", "1M"]

    code, output = _run(*base, *args)

    assert code == 2
    assert message in output


def test_estimate_unknown_model() -> None:
    code, output = _run("estimate", "--tokens-per-day", "1M", "--api", "no-such-model", *H100)

    assert code == 1
    assert "no price for 'no-such-model'" in output


def test_prices_show_table_age_and_overrides(tmp_path: Path) -> None:
    overrides = tmp_path / "prices.yaml"
    overrides.write_text("gpt-4o-mini: {input: 0.1, cached_input: 0.05, output: 0.4}\n")

    code, output = _run(
        "prices", "gpt-4o-mini", HAIKU, "--on", "2026-11-01",
        "--price-overrides", str(overrides),
    )  # fmt: skip

    assert code == 0, output
    assert "genai-prices 0.2.3, data as of 2026-11-09" in output
    assert "bundled, never downloaded" in output
    assert f"source: override file {overrides} [OVERRIDE]" in output
    assert "input $1.00/M, cached input $0.10/M, output $5.00/M" in output


def test_prices_json() -> None:
    code, output = _run("prices", "openai:o3", "--on", "2025-06-09", "--json")

    assert code == 0, output
    data = orjson.loads(output)
    assert data["price_table"]["data_date"] == "2026-11-09"
    assert data["prices"][0]["rates_usd"]["input_per_m"] == 10
    assert data["prices"][0]["next_change"] == "2025-06-10"


def test_report_without_ledger_tables(tmp_path: Path) -> None:
    config = tmp_path / "bastion.yaml"
    config.write_text(f"database: {{url: 'sqlite+aiosqlite:///{tmp_path}/empty.db'}}\n")

    code, output = _run("report", "--config", str(config), "--days", "1")

    assert code == 1
    assert "cannot read the usage ledger" in output
