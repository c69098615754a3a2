"""The cost report against a real SQLite file holding ledger rows and their hourly rollup."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner
from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bastion.cli.cost import cost_group
from bastion.config import BastionConfig
from bastion.config.economics import EconomicsConfig, TcoConfig
from bastion.economics.overrides import parse_overrides
from bastion.economics.prices import PriceBook
from bastion.economics.render import report_lines
from bastion.economics.report import Report, report_from_engine
from bastion.economics.serialize import report_dict
from bastion.economics.window import Window
from bastion.ledger.rollup import busy_rows, daily_rows, rollup_rows
from bastion.store.models import (
    BackendBusyMinuteRow,
    Base,
    TenantRow,
    UsageDailyRow,
    UsageHourlyRow,
    UsageRow,
)

DAY = datetime(2026, 11, 1, tzinfo=UTC)
WINDOW = Window(DAY, DAY + timedelta(days=1))
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
ECONOMICS = EconomicsConfig(
    compare_with=["gpt-4o-mini", "house-haiku"],
    tco={
        "gpu": TcoConfig(
            gpu_hourly=Decimal("2.50"),
            engineering_fte=Decimal("0.1"),
            fte_monthly_cost=Decimal(15000),
        )
    },
)
OVERRIDES = parse_overrides(
    {"house-haiku": {"input": 0.8, "cached_input": 0.08, "output": 4, "provider": "anthropic"}},
    "prices.yaml",
)


@dataclass
class Call:
    request_id: str
    tenant: str
    endpoint: str
    start: timedelta
    seconds: float
    input: int = 0
    cached: int = 0
    output: int = 0
    backend: str = "gpu"
    location: str = "local"
    status: int = 200
    estimated: bool = False


S = timedelta(seconds=1)
H = timedelta(hours=1)
CALLS = [
    # 01:00:00-01:00:10 and 01:00:05-01:00:20 overlap: busy 01:00:00-01:00:20, 20 s.
    Call("r1", "acme", "chat.completions", H, 10, 1_000_000, 200_000, 500_000),
    Call("r2", "acme", "chat.completions", H + 5 * S, 15, 3_000_000, 1_000_000, 1_000_000),
    # A failed request still occupied the engine for 1 s.
    Call("r3", "acme", "chat.completions", 2 * H, 1, status=502),
    # Embeddings: 30 s busy, 2M tokens served, not priced as chat.
    Call("r4", "acme", "embeddings", 5 * H, 30, 2_000_000),
    # Started before the window, finished 5 s into it: 5 s busy, its tokens count.
    Call("r5", "beta", "chat.completions", -5 * S, 10, 100_000, 0, 50_000, estimated=True),
    # Started 10 s before the end, finished after: 10 s busy, its tokens belong to the next day.
    Call("r6", "acme", "chat.completions", 24 * H - 10 * S, 20, 7_000_000, 0, 7_000_000),
    # An external backend: not self-hosted, not in the local comparison.
    Call("r7", "acme", "chat.completions", 3 * H, 2, 9_000_000, 0, 9_000_000, "cloud", "external"),
]


def _ledger_row(call: Call) -> dict[str, Any]:
    started = DAY + call.start
    finished = started + timedelta(seconds=call.seconds)
    return {
        "request_id": call.request_id,
        "started_at": started,
        "finished_at": finished,
        "tenant_id": f"t-{call.tenant}",
        "tenant": call.tenant,
        "key_id": f"k-{call.tenant}",
        "endpoint": call.endpoint,
        "model": "chat",
        "backend": call.backend,
        "location": call.location,
        "upstream_model": "llama",
        "stream": False,
        "status": call.status,
        "outcome": "ok" if call.status < 400 else "upstream_error",
        "input_tokens": call.input,
        "cached_input_tokens": call.cached,
        "output_tokens": call.output,
        "usage_estimated": call.estimated,
        "queue_ms": 0.0,
        "ttft_ms": None,
        "total_ms": call.seconds * 1000,
        "cache_status": "none",
    }


def _hourly_rows(ledger: list[dict[str, Any]]) -> list[dict[str, Any]]:
    sums: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in ledger:
        hour = row["finished_at"].replace(minute=0, second=0, microsecond=0)
        key = (hour, row["tenant_id"], row["key_id"], row["endpoint"], row["model"], row["backend"])
        total = sums.setdefault(
            key,
            {
                "hour": hour,
                "tenant_id": row["tenant_id"],
                "key_id": row["key_id"],
                "endpoint": row["endpoint"],
                "model": row["model"],
                "backend": row["backend"],
                "location": row["location"],
                "requests": 0,
                "errors": 0,
                "input_tokens": 0,
                "cached_input_tokens": 0,
                "output_tokens": 0,
                "estimated_requests": 0,
                "busy_ms": 0.0,
            },
        )
        total["requests"] += 1
        total["errors"] += row["status"] >= 400
        total["input_tokens"] += row["input_tokens"]
        total["cached_input_tokens"] += row["cached_input_tokens"]
        total["output_tokens"] += row["output_tokens"]
        total["estimated_requests"] += row["usage_estimated"]
        total["busy_ms"] += row["total_ms"]
    return list(sums.values())


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "bastion.db"


@pytest.fixture
async def engine(database: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(f"sqlite+aiosqlite:///{database}")
    ledger = [_ledger_row(call) for call in CALLS]
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
        await conn.execute(
            insert(TenantRow),
            [
                {"id": "t-acme", "name": "acme", "created_at": DAY},
                {"id": "t-beta", "name": "beta", "created_at": DAY},
            ],
        )
        await conn.execute(insert(UsageRow), ledger)
        await conn.execute(insert(UsageHourlyRow), _hourly_rows(ledger))
        await conn.execute(insert(UsageDailyRow), daily_rows(_hourly_rows(ledger)))
        await conn.execute(insert(BackendBusyMinuteRow), busy_rows(ledger))
    yield engine
    await engine.dispose()


async def _report(engine: AsyncEngine) -> Report:
    return await report_from_engine(engine, ECONOMICS, WINDOW, prices=PriceBook(OVERRIDES), now=NOW)


async def test_utilisation_throughput_and_cost_of_the_local_backend(engine: AsyncEngine) -> None:
    report = await _report(engine)

    assert [b.backend for b in report.backends] == ["gpu"]
    gpu = report.backends[0]
    activity = gpu.activity
    # Finished inside the window: r1 r2 r3 r4 r5 (r6 finishes after it; r7 is another backend).
    assert (activity.requests, activity.errors, activity.estimated_requests) == (5, 1, 1)
    assert activity.tokens.input_tokens == 1_000_000 + 3_000_000 + 2_000_000 + 100_000
    assert activity.tokens.output_tokens == 500_000 + 1_000_000 + 50_000
    # Busy: 20 s (r1+r2) + 1 s (r3) + 30 s (r4) + 5 s (r5) + 10 s (r6) = 66 s of 86,400 s.
    assert activity.busy.busy_seconds == pytest.approx(66)
    assert activity.busy.utilisation == pytest.approx(66 / 86_400)
    assert activity.busy.peak_concurrency == 2
    # Monthly $3,325 (GPU $1,825 + engineering $1,500); 24 h of 730 h = $109.3151.
    assert gpu.window_cost == Decimal(3325) * 24 / 730
    # 7.65M tokens served: $109.3151 / 7.65 = $14.2896 per million.
    assert gpu.effective_per_m == pytest.approx(Decimal(3325) * 24 / 730 / Decimal("7.65"))
    # Capacity measured while busy: 7.65M tokens / 66 s, labelled as measured.
    assert gpu.capacity is not None
    assert gpu.capacity.basis == "measured"
    assert gpu.capacity.tokens_per_second == pytest.approx(7_650_000 / 66)


async def test_the_activity_read_from_the_rollup_matches_the_ledger_rows(
    engine: AsyncEngine,
) -> None:
    exact = (await _report(engine)).backends[0]
    rolled = await report_from_engine(
        engine, ECONOMICS, WINDOW, prices=PriceBook(OVERRIDES), now=NOW, from_rollup=True
    )
    gpu = rolled.backends[0]
    activity = gpu.activity
    assert (activity.requests, activity.errors, activity.estimated_requests) == (5, 1, 1)
    assert activity.tokens == exact.activity.tokens
    # Whole-second requests: the half-second samples count them exactly, clipped alike.
    assert activity.busy.busy_seconds == 66
    # The summed durations of the requests finished in the window (r5 whole, r6 not at all).
    assert activity.busy.mean_concurrency == pytest.approx((10 + 15 + 1 + 30 + 10) / 86_400)
    assert activity.busy.peak_concurrency is None
    assert gpu.capacity is not None
    assert gpu.capacity.tokens_per_second == pytest.approx(7_650_000 / 66)
    assert any("in flight" in line and "peak" not in line for line in report_lines(rolled))


async def test_the_same_traffic_priced_on_api_models(engine: AsyncEngine) -> None:
    report = await _report(engine)

    lines = {(t.tenant, t.endpoint): t for t in report.traffic}
    acme_chat = lines[("acme", "chat.completions")]
    costs = {p.model: p.cost for p in acme_chat.api}
    # acme chat r1+r2+r3: 4M input of which 1.2M cached, 1.5M output.
    # gpt-4o-mini: 2.8M x $0.15 + 1.2M x $0.075 + 1.5M x $0.60 = 0.42 + 0.09 + 0.90 = $1.41.
    # house-haiku (override): 2.8M x $0.80 + 1.2M x $0.08 + 1.5M x $4 = 2.24 + 0.096 + 6 = $8.336.
    assert costs == {"gpt-4o-mini": Decimal("1.41"), "house-haiku": Decimal("8.336")}
    assert acme_chat.errors == 1
    beta = lines[("beta", "chat.completions")]
    # beta r5: 0.1M x $0.15 + 0.05M x $0.60 = $0.045; estimated counts are flagged.
    assert {p.model: p.cost for p in beta.api}["gpt-4o-mini"] == Decimal("0.045")
    assert beta.estimated_requests == 1
    assert lines[("acme", "embeddings")].api == ()
    # The external backend's traffic is not part of the local comparison.
    totals = {p.model: p.cost for p in report.api_totals}
    assert totals == {"gpt-4o-mini": Decimal("1.455"), "house-haiku": Decimal("8.616")}
    sources = {p.model: p.sources for p in report.api_totals}
    assert sources["house-haiku"] == ("override file prices.yaml",)
    assert sources["gpt-4o-mini"][0].startswith("genai-prices 0.2.3")


async def test_break_even_from_the_measured_mix(engine: AsyncEngine) -> None:
    report = await _report(engine)

    comparison = {c.model: c for c in report.backends[0].comparisons}["gpt-4o-mini"]
    # Compared (embeddings left out): 4.1M input of which 1.2M cached, 1.55M output, 5.65M
    # in all; that day's API cost was $1.455, so the blended rate is 1.455 / 5.65 $/M.
    assert comparison.break_even.api_rate_per_m == pytest.approx(Decimal("1.455") / Decimal("5.65"))
    assert comparison.current.tokens_per_day == Decimal(5_650_000)
    # One replica at the measured throughput is far beyond 5.65M tokens a day, so the
    # break-even is $3,325 / rate / 30.4167 days with one replica.
    expected = (
        Decimal(3325) / (comparison.break_even.api_rate_per_m / 1_000_000) / (Decimal(730) / 24)
    )
    assert comparison.break_even.tokens_per_day == pytest.approx(expected)
    assert comparison.ratio == pytest.approx(Decimal(5_650_000) / expected)


async def test_text_and_json_show_inputs_and_labels(engine: AsyncEngine) -> None:
    report = await _report(engine)

    text = "\n".join(report_lines(report))
    data = orjson.loads(orjson.dumps(report_dict(report)))

    assert "window 2026-11-01 00:00 to 2026-11-02 00:00 UTC (24 h)" in text
    assert "1 with estimated counts" in text
    assert "measured while busy" in text
    assert "[OVERRIDE]" in text
    assert "gpt-4o-mini: $1.41 = input $0.42 + cached input $0.09 + output $0.90" in text
    assert "data as of 2026-11-09, 22 days old" in text
    assert data["window"]["hours"] == 24
    assert data["price_table"]["age_days"] == 22
    assert data["backends"][0]["busy"]["busy_seconds"] == 66
    assert data["backends"][0]["tco"]["monthly_usd"] == 3325
    # 2.9M uncached input x $0.15 + 1.2M cached x $0.075 + 1.55M output x $0.60.
    assert data["api_totals"][0] == {
        "model": "gpt-4o-mini",
        "cost_usd": 1.455,
        "uncached_input_usd": 0.435,
        "cached_input_usd": 0.09,
        "output_usd": 0.93,
        "cost_high_usd": 1.455,
        "rates_usd": {"input_per_m": 0.15, "cached_input_per_m": 0.075, "output_per_m": 0.6},
        "sources": [data["api_totals"][0]["sources"][0]],
    }


def test_report_command_reads_the_database_named_in_the_config(
    engine: AsyncEngine, database: Path, tmp_path: Path
) -> None:
    if "economics" not in BastionConfig.model_fields:
        pytest.skip("BastionConfig has no economics section yet")
    prices = tmp_path / "prices.yaml"
    prices.write_text("house-haiku: {input: 0.8, cached_input: 0.08, output: 4}\n")
    config = tmp_path / "bastion.yaml"
    config.write_text(
        f"database: {{url: 'sqlite+aiosqlite:///{database}'}}\n"
        "economics:\n"
        f"  price_overrides: {prices}\n"
        "  compare_with: [gpt-4o-mini, house-haiku]\n"
        "  tco:\n"
        "    gpu: {gpu_hourly: 2.5, engineering_fte: 0.1, fte_monthly_cost: 15000}\n"
    )

    result = CliRunner().invoke(
        cost_group,
        [
            "report",
            "--config",
            str(config),
            "--since",
            "2026-11-01T00:00:00",
            "--until",
            "2026-11-02T00:00:00",
            "--json",
        ],
    )

    assert result.exit_code == 0, result.output
    data = orjson.loads(result.output)
    assert data["backends"][0]["window_cost_usd"] == pytest.approx(3325 * 24 / 730)
    assert {t["model"]: t["cost_usd"] for t in data["api_totals"]} == {
        "gpt-4o-mini": 1.455,
        "house-haiku": 8.616,
    }


def test_a_simulator_backend_is_labelled_as_simulated(
    engine: AsyncEngine, database: Path, tmp_path: Path
) -> None:
    config = tmp_path / "bastion.yaml"
    config.write_text(
        f"database: {{url: 'sqlite+aiosqlite:///{database}'}}\n"
        "backends:\n"
        "  gpu: {kind: simulator, location: local}\n"
        "economics:\n"
        "  compare_with: [gpt-4o-mini]\n"
        "  tco:\n"
        "    gpu: {gpu_hourly: 2.5}\n"
    )
    window = ["--since", "2026-11-01", "--until", "2026-11-02"]
    runner = CliRunner()

    text = runner.invoke(cost_group, ["report", "--config", str(config), *window])
    data = runner.invoke(cost_group, ["report", "--config", str(config), *window, "--json"])

    assert text.exit_code == 0, text.output
    assert "Backend gpu (simulated):" in text.output
    note = (
        "simulated: gpu (kind: simulator) answered as Bastion's simulator, not an engine: the "
        "figures of a simulated backend are not a real deployment's"
    )
    assert note in text.output
    report = orjson.loads(data.output)
    assert [(b["backend"], b["simulated"]) for b in report["backends"]] == [("gpu", True)]
    assert note in report["notes"]


async def test_idle_backend_and_unknown_model_are_reported_not_hidden(
    engine: AsyncEngine,
) -> None:
    economics = EconomicsConfig(
        compare_with=["gpt-4o-mini", "no-such-model"],
        tco={"idle": TcoConfig(gpu_hourly=Decimal(2))},
    )

    report = await report_from_engine(engine, economics, WINDOW, prices=PriceBook(), now=NOW)

    backends = {b.backend: b for b in report.backends}
    # "gpu" has local traffic but no tco entry; "idle" has a tco entry but no traffic.
    assert set(backends) == {"gpu", "idle"}
    assert backends["gpu"].window_cost is None
    assert any("no economics.tco entry" in note for note in backends["gpu"].notes)
    idle = backends["idle"]
    # 2 $/h x 24 h: the window costs $48 whether or not anything ran.
    assert idle.window_cost == Decimal(48)
    assert idle.activity.requests == 0
    assert idle.effective_per_m is None
    assert idle.comparisons == ()
    assert idle.chargeback is not None
    assert idle.chargeback.prices == ()
    assert any(note.startswith("no-such-model: no price") for note in report.notes)
    text = "\n".join(report_lines(report))
    assert "no price: nothing was sold in the basis period" in text


@pytest.mark.parametrize(
    "bounds",
    [
        ["--since", "2026-11-01T00:00", "--until", "2026-11-02T00:00"],
        ["--since", "2026-11-01", "--until", "2026-11-02"],
        ["--since", "2026-11-01T01:00+01:00", "--until", "2026-11-01 23:59"],
    ],
)
def test_report_command_takes_dates_and_times_without_seconds(
    engine: AsyncEngine, database: Path, bounds: list[str]
) -> None:
    result = CliRunner().invoke(
        cost_group,
        ["report", "--database-url", f"sqlite+aiosqlite:///{database}", *bounds, "--json"],
        env={"BASTION_CONFIG": None},
    )

    assert result.exit_code == 0, result.output
    data = orjson.loads(result.output)
    assert data["window"]["start"] == "2026-11-01T00:00:00+00:00"
    assert data["window"]["end"] == "2026-11-02T00:00:00+00:00"
    assert data["window"]["partial_hour_start"] is None
    assert sum(line["requests"] for line in data["traffic"]) == 5


async def test_a_tenant_no_longer_stored_is_named_from_the_ledger(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(delete(TenantRow).where(TenantRow.id == "t-beta"))

    report = await _report(engine)

    beta = next(line for line in report.traffic if line.tenant_id == "t-beta")
    assert (beta.tenant, beta.tenant_stored) == ("beta", False)
    text = "\n".join(report_lines(report))
    assert (
        "  beta (name from the ledger; not a stored tenant) / chat.completions: 1 request" in text
    )
    assert "  acme / chat.completions: 3 requests" in text
    assert orjson.loads(orjson.dumps(report_dict(report)))["traffic"][2]["tenant_stored"] is False


async def test_small_amounts_are_written_out(engine: AsyncEngine) -> None:
    """One small request in a day: fractions of a cent and of a request in flight."""
    tiny = _ledger_row(Call("r8", "acme", "chat.completions", 49 * H, 1, 80, 0, 10))
    async with engine.begin() as conn:
        await conn.execute(insert(UsageRow), [tiny])
        await conn.execute(insert(UsageHourlyRow), _hourly_rows([tiny]))
    day = Window(DAY + 48 * H, DAY + 72 * H)

    report = await report_from_engine(engine, ECONOMICS, day, prices=PriceBook(OVERRIDES), now=NOW)

    text = "\n".join(report_lines(report))
    # 80 input tokens x $0.15/M + 10 output x $0.60/M.
    assert (
        "gpt-4o-mini: $0.000018 = input $0.000012 + cached input $0.00 + output $0.000006" in text
    )
    # 1 s in flight of 86,400 s.
    assert "mean 0.0000116, peak 1 in flight" in text
    assert not re.search(r"\de[-+]\d", text), "no exponent in the text report"


async def test_estimated_counts_and_errors_are_explained_by_the_ledgers_outcome(
    engine: AsyncEngine,
) -> None:
    """A stream cut, or left by its client, after its 200 has estimated counts and counts as an
    error, as the rollup counts it: the report says which of its errors failed and why each
    count is estimated, from each request's outcome; from the rollup, which keeps only the
    totals, it says what an error or an estimate may be."""
    ended = [
        ("ok", 200, True),  # a complete stream whose engine reported no usage
        ("upstream_cut", 200, True),
        ("client_disconnected", 200, True),
        ("error", 502, False),
        ("ok", 200, False),
    ]
    rows = []
    for index, (outcome, status, estimated) in enumerate(ended):
        call = Call(f"o{index}", "acme", "chat.completions", 49 * H + index * S, 1, 40, 0, 5)
        rows.append({**_ledger_row(call), "outcome": outcome, "status": status})
        rows[-1]["usage_estimated"] = estimated
    async with engine.begin() as conn:
        await conn.execute(insert(UsageRow), rows)
        await conn.execute(insert(UsageHourlyRow), rollup_rows(rows))
        await conn.execute(insert(UsageDailyRow), daily_rows(rollup_rows(rows)))
    day = Window(DAY + 48 * H, DAY + 72 * H)

    exact = await report_from_engine(engine, ECONOMICS, day, prices=PriceBook(OVERRIDES), now=NOW)

    text = "\n".join(report_lines(exact))
    assert "5 requests (3 errors: 1 client disconnected, 1 failed, 1 stream cut)" in text
    assert (
        "3 of 5 requests have estimated token counts (1 client disconnected, 1 engine reported "
        "none, 1 stream cut): input about 4 bytes of request body per token" in text
    )
    [gpu] = orjson.loads(orjson.dumps(report_dict(exact)))["backends"]
    assert gpu["errors_by_outcome"] == {"client_disconnected": 1, "error": 1, "upstream_cut": 1}
    assert gpu["estimated_by_outcome"] == {"client_disconnected": 1, "ok": 1, "upstream_cut": 1}
    rolled = await report_from_engine(
        engine, ECONOMICS, day, prices=PriceBook(OVERRIDES), now=NOW, from_rollup=True
    )
    text = "\n".join(report_lines(rolled))
    assert "5 requests (3 errors)" in text
    assert "or the stream was cut or the client disconnected before it did" in text
    assert "errors are requests that failed or did not end normally" in text
    [gpu] = orjson.loads(orjson.dumps(report_dict(rolled)))["backends"]
    assert gpu["errors_by_outcome"] is None
