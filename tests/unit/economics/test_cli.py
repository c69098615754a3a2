"""``bastion cost estimate``, ``prices`` and ``report``, invoked through the click group."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner
from sqlalchemy import insert

from bastion.cli.cost import Moment, cost_group
from bastion.config import DEFAULT_DATABASE_URL
from bastion.store.models import UsageHourlyRow, UsageRow
from bastion.store.store import Store
from tests.unit.economics.quotes import HAIKU, SONNET
from tests.unit.economics.test_report import DAY, Call, _hourly_rows, _ledger_row

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
    (tmp_path / "empty.db").touch()
    config = tmp_path / "bastion.yaml"
    config.write_text(f"database: {{url: 'sqlite+aiosqlite:///{tmp_path}/empty.db'}}\n")

    code, output = _run("report", "--config", str(config), "--days", "1")

    assert code == 1
    assert "cannot read the usage ledger" in output


def test_report_without_a_database_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BASTION_CONFIG", raising=False)
    monkeypatch.delenv("BASTION_DATABASE_URL", raising=False)

    code, output = _run("report")

    assert code == 1
    assert "no database at bastion-data/bastion.db: the gateway creates it" in output
    assert not (tmp_path / "bastion-data").exists(), "nothing is created"


async def _gateway_database(url: str, finished: datetime) -> None:
    """What a gateway on its embedded defaults leaves: a tenant, and a request it served."""
    store = await Store.open(url)
    try:
        acme = await store.tenants.create("acme")
        row = _ledger_row(Call("r1", "acme", "chat.completions", finished - DAY, 0, 1000, 0, 500))
        row["tenant_id"] = acme.id
        async with store.engines.write.begin() as conn:
            await conn.execute(insert(UsageRow), [row])
            await conn.execute(insert(UsageHourlyRow), _hourly_rows([row]))
    finally:
        await store.close()


def test_report_without_config_reads_the_gateways_database_up_to_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``make serve`` runs the gateway without a config: the report finds its database the
    same way, and shows the request served seconds ago in the current, partial hour."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BASTION_CONFIG", raising=False)
    monkeypatch.delenv("BASTION_DATABASE_URL", raising=False)
    asyncio.run(_gateway_database(DEFAULT_DATABASE_URL, datetime.now(UTC) - timedelta(seconds=1)))

    code, output = _run("report", "--json")

    assert code == 0, output
    data = orjson.loads(output)
    end = datetime.fromisoformat(data["window"]["end"])
    assert abs(datetime.now(UTC) - end) < timedelta(minutes=1)
    hour = end.replace(minute=0, second=0)
    assert data["window"]["partial_hour_start"] == (None if end == hour else hour.isoformat())
    [traffic] = data["traffic"]
    assert (traffic["tenant"], traffic["tenant_stored"], traffic["requests"]) == ("acme", True, 1)

    code, output = _run("report", "--since", "1h")

    assert code == 0, output
    assert "acme / chat.completions: 1 request; 1K input (0 cached), 500 output" in output
    if end != hour:
        assert f"the current hour, {hour:%H}:00 to {end:%H:%M}, is partial" in output


@pytest.mark.parametrize(
    ("text", "ago"),
    [("90m", timedelta(minutes=90)), ("24h", timedelta(hours=24)), ("7d", timedelta(days=7)),
     ("2w", timedelta(weeks=2)), ("1.5h", timedelta(minutes=90))],
)  # fmt: skip
def test_times_may_be_given_as_how_long_ago(text: str, ago: timedelta) -> None:
    moment = Moment().convert(text, None, None)

    assert abs(datetime.now(UTC) - ago - moment) < timedelta(seconds=5)


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2026-12-06", datetime(2026, 12, 6, tzinfo=UTC)),
        ("2026-12-06T10:00", datetime(2026, 12, 6, 10, tzinfo=UTC)),
        ("2026-12-06 10:00:30", datetime(2026, 12, 6, 10, 0, 30, tzinfo=UTC)),
        ("2026-12-06T12:00+02:00", datetime(2026, 12, 6, 10, tzinfo=UTC)),
        ("2026-12-06T10:00Z", datetime(2026, 12, 6, 10, tzinfo=UTC)),
    ],
)
def test_times_are_iso_and_utc_unless_they_say_otherwise(text: str, moment: datetime) -> None:
    assert Moment().convert(text, None, None) == moment


def test_a_time_that_is_none_of_those_is_refused() -> None:
    code, output = _run("report", "--since", "yesterday")

    assert code == 2
    assert "'yesterday' is not a time: write 2026-12-06, 2026-12-06T10:00" in output


@pytest.mark.parametrize(
    "bounds",
    [
        ["--since", "2026-12-07", "--until", "2026-12-01"],
        ["--since", "1h", "--until", "2h"],
        ["--since", "2030-01-01"],
    ],
)
def test_an_inverted_window_is_a_usage_error(
    bounds: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BASTION_CONFIG", raising=False)
    monkeypatch.delenv("BASTION_DATABASE_URL", raising=False)
    asyncio.run(_gateway_database(DEFAULT_DATABASE_URL, datetime.now(UTC)))

    code, output = _run("report", *bounds)

    assert code == 2, output
    assert "a window must end after it starts" in output


@pytest.mark.parametrize("ago", ["99999999999d", "100000000h"])
def test_a_time_before_the_calendar_is_a_usage_error(ago: str) -> None:
    code, output = _run("report", "--since", ago)

    assert code == 2, output
    assert f"{ago!r} is further back than the calendar goes" in output


def test_a_volume_past_any_deployment_is_a_usage_error() -> None:
    code, output = _run("estimate", "--tokens-per-day", "1e400", "--api", "gpt-4o-mini", *H100)

    assert code == 2, output
    assert "'1e400': at most 1e+15 tokens a day" in output


def test_amounts_too_large_to_compute_are_a_usage_error() -> None:
    code, output = _run("estimate", "--tokens-per-day", "1M", "--api", "gpt-4o-mini",
                        "--gpu-hourly", "1e300")  # fmt: skip

    assert code == 2, output
    assert "the figures given are too large to compute with" in output
