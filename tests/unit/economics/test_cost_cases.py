"""Figures `bastion cost estimate` gives beyond the first worked cases, each to the cent: the
break-even of a continuous fleet, the month bought hardware pays for itself (with and without
the operator's time), utilisation at the stated volume, cost per output token, API cost at a
stated prompt size for tiered prices; and capacity measured by ``bastion bench``."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from click.testing import CliRunner

from bastion.cli.cost import cost_group
from bastion.config.economics import TcoConfig
from bastion.economics.apicost import TokenMix
from bastion.economics.breakeven import break_even
from bastion.economics.capacity import Capacity, capacity_cost
from bastion.economics.chargeback import Margin
from bastion.economics.estimate import estimate
from bastion.economics.measured import RecordedCapacity
from bastion.economics.payback import payback
from bastion.economics.prices import PriceBook
from bastion.economics.report import choose_capacity

H100 = TcoConfig(
    gpu_hourly=Decimal("2.50"), engineering_fte=Decimal("0.1"), fte_monthly_cost=Decimal(15000)
)
OWNED = TcoConfig(
    purchase_price=Decimal(38000),
    setup_cost=Decimal(24000),
    power_watts=1100,
    electricity_per_kwh=Decimal("0.14"),
    pue=Decimal("1.4"),
    engineering_fte=Decimal("0.1"),
    fte_monthly_cost=Decimal(15000),
)
BLENDED = Decimal("0.2625")  # 75/25 at $0.15 and $0.60
DAYS = Decimal(730) / 24
MIX = TokenMix(Decimal("0.75"), Decimal(0))
ON = date(2026, 12, 1)


def test_continuous_fleet_break_even() -> None:
    # Whole replicas: 3 at 873.6M tokens/day (docs/economics.md). Paying for the share of a
    # replica used: $1,500 / ($0.2625/M - $1,825 / 9,198M tokens) = 23,406M tokens a month.
    capacity = Capacity(5000, 0.7, "declared")
    result = break_even(H100, BLENDED, capacity)
    per_token = BLENDED / 1_000_000
    replica_month = Decimal(302_400_000) * DAYS
    expected = Decimal(1500) / (per_token - Decimal(1825) / replica_month) / DAYS
    assert result.continuous_tokens_per_day == expected
    assert round(result.continuous_tokens_per_day or 0) == 769_498_282
    assert result.tokens_per_day is not None
    assert result.continuous_tokens_per_day < result.tokens_per_day
    assert break_even(H100, BLENDED, None).continuous_tokens_per_day is None
    never = break_even(H100, BLENDED, Capacity(2500, 0.7, "declared"))
    assert never.tokens_per_day is None and never.continuous_tokens_per_day is None


def test_the_month_bought_hardware_pays_for_itself() -> None:
    # Up front: $38,000 + $24,000 setup. Running: power 1.1 kW x 730 h x $0.14 x 1.4
    # = $157.388; with the operator, + $1,500 engineering = $1,657.388.
    api = Decimal("8554.6875")  # 50M tokens/day at $5.625/M (gemini-2.5-pro's top tier)
    with_operator = payback(OWNED, 1, api, with_operator=True)
    without = payback(OWNED, 1, api, with_operator=False)
    assert with_operator is not None and without is not None
    assert with_operator.upfront == without.upfront == Decimal(62000)
    assert without.running_monthly == Decimal("157.388")
    assert with_operator.running_monthly == Decimal("1657.388")
    # 62,000 / (8,554.6875 - 1,657.388) = 8.99 -> month 9; / (... - 157.388) = 7.38 -> month 8.
    assert (with_operator.month, without.month) == (9, 8)
    cheap = payback(OWNED, 1, Decimal(1000), with_operator=True)
    assert cheap is not None and cheap.month is None
    assert payback(H100, 1, api, with_operator=True) is None  # nothing paid up front
    # Spares are bought too.
    spare = payback(OWNED.model_copy(update={"spare_replicas": 1}), 1, api, with_operator=False)
    assert spare is not None and spare.upfront == Decimal(100000)


def _estimate(config: TcoConfig, **kw: object) -> object:
    return estimate(
        volumes=(Decimal(50_000_000),),
        mix=MIX,
        models=kw.pop("models", ("gpt-4o-mini",)),  # type: ignore[arg-type]
        tco_config=config,
        margin=Margin("markup", Decimal(0)),
        prices=PriceBook(),
        on=ON,
        **kw,  # type: ignore[arg-type]
    )


def test_utilisation_and_cost_per_output_token_at_the_stated_volume() -> None:
    result = _estimate(H100.model_copy(update={"max_tokens_per_second": 5000}))
    scenario = result.scenarios[0]  # type: ignore[attr-defined]
    # 50M tokens a day of 5,000 tokens/s x 86,400 s = 432M: 11.57%.
    assert scenario.utilisation == Decimal(50_000_000) / Decimal(432_000_000)
    # $3,325 over 50M x 30.4167 days x 25% output = 380.2M output tokens: $8.745/M.
    output = Decimal(50_000_000) * DAYS * Decimal("0.25")
    assert scenario.self_hosted_per_m_output == Decimal(3325) / output * 1_000_000
    assert round(scenario.self_hosted_per_m_output, 2) == Decimal("8.75")
    assert round(scenario.self_hosted_per_m, 4) == Decimal("2.1863")
    api = scenario.api[0]
    # gpt-4o-mini: $399.22 a month for 380.2M output tokens: $1.05 per million output tokens.
    assert round(scenario.api_per_m_output(api), 4) == Decimal("1.0500")


@pytest.mark.parametrize(
    ("prompt_tokens", "tier", "input_rate", "output_rate"),
    [(None, None, None, None), (1000, "base", "1.25", "10"), (250_000, "long-prompt", "2.5", "15")],
)
def test_api_cost_at_a_stated_prompt_size(
    prompt_tokens: int | None, tier: str | None, input_rate: str | None, output_rate: str | None
) -> None:
    result = _estimate(H100, models=("gemini-2.5-pro",), prompt_tokens=prompt_tokens)
    model = result.models[0]  # type: ignore[attr-defined]
    api = result.scenarios[0].api[0]  # type: ignore[attr-defined]
    assert model.tier == tier
    if tier is None:
        assert api.monthly < api.monthly_high  # a range, base to top tier
        return
    rate = Decimal("0.75") * Decimal(input_rate) + Decimal("0.25") * Decimal(output_rate)
    assert model.rate_per_m == rate and model.rate_per_m_high is None
    assert api.monthly == api.monthly_high == Decimal(50_000_000) * DAYS * rate / 1_000_000


def _recorded(hardware: str | None, gpus: int = 2, per_gpu: float = 2500.0) -> RecordedCapacity:
    return RecordedCapacity(
        backend="gpu", run_id="bench_1", recorded_at=datetime(2026, 12, 6, tzinfo=UTC),
        hardware=hardware, gpus=gpus, tokens_per_second=per_gpu * gpus,
        tokens_per_second_per_gpu=per_gpu, output_tokens_per_second=400.0 * gpus,
        detail={"slo": {"ttft_ms": 500.0}},
    )  # fmt: skip


def test_a_bench_measurement_on_the_configured_hardware_comes_first() -> None:
    config = H100.model_copy(update={"hardware": "H100 80GB", "max_tokens_per_second": 9000})
    capacity, notes = choose_capacity(config, None, [_recorded("h100 80gb")])
    assert capacity is not None and capacity.basis == "bench"
    assert capacity.tokens_per_second == 2500.0  # per GPU x 1 configured GPU
    assert capacity.output_tokens_per_second == 400.0
    assert "bench run bench_1 of 2026-12-06 on h100 80gb" in (capacity.source or "")
    assert "ttft <= 500 ms" in (capacity.source or "")
    assert any("scaled per GPU" in n for n in notes)
    assert any("superseded by bench run bench_1" in n for n in notes)
    # The $/M tokens that capacity allows: $3,325 / (2,500 x 0.7 x 730 h x 3,600 s).
    cost = capacity_cost(Decimal(3325), Decimal(730), 1, capacity)
    assert cost.per_m == Decimal(3325) / (Decimal(2500) * Decimal("0.7") * 730 * 3600) * 10**6
    assert round(cost.per_m, 4) == Decimal("0.7230")


def test_no_measurement_of_the_configured_hardware_is_a_warning() -> None:
    config = H100.model_copy(update={"hardware": "H100 80GB", "max_tokens_per_second": 9000})
    capacity, notes = choose_capacity(config, None, [_recorded("A100 40GB")])
    assert capacity is not None and capacity.basis == "declared"
    (warning,) = notes
    assert warning.startswith("warning: no bench measurement of this backend's hardware")
    assert "H100 80GB" in warning and "recorded ones are on A100 40GB" in warning
    none, notes = choose_capacity(H100, None, [])
    assert none is None
    assert "capacity is not checked" in notes[0]


def test_estimate_takes_a_bench_result_file(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "bench.json"
    path.write_text(
        '{"id": "bench_x", "capacity": {"total_tokens_per_second": 5000.0, '
        '"output_tokens_per_second": 1000.0, "shape": "constant 30 req/s"}}'
    )
    result = CliRunner().invoke(
        cost_group,
        ["estimate", "--tokens-per-day", "50M", "--api", "gpt-4o-mini", "--gpu-hourly", "2.5",
         "--engineering-fte", "0.1", "--fte-monthly", "15000", "--bench-result", str(path),
         "--on", "2026-12-01"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "measured by bench run bench_x (bench.json) at constant 30 req/s" in result.output
    # Same capacity as the declared 5,000 tokens/s example: the same break-even.
    assert "break-even: 873.6M tokens/day" in result.output
    assert "a continuous fleet (paying for the share of a replica it uses) breaks even at " \
        "769.5M tokens/day" in result.output  # fmt: skip
    assert "utilisation at this volume: 11.6% of the full capacity of 1 replica" in result.output
    assert "$2.19/M tokens, $8.75/M output tokens" in result.output
