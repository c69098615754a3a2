"""Request prices for money budgets: API prices, chargeback rates, and what has none."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bastion.admission.pricing import RequestPricer, TokenPrice, Unpriced
from bastion.config import BackendConfig, config_from_mapping


def pricer(backends: dict[str, Any], economics: dict[str, Any] | None = None) -> RequestPricer:
    return RequestPricer(config_from_mapping({"backends": backends, "economics": economics or {}}))


EXTERNAL = {"kind": "openai-compatible", "location": "external",
            "base_url": "https://api.example.com/v1", "models": ["*"]}  # fmt: skip
LOCAL = {"kind": "openai-compatible", "location": "local",
         "base_url": "http://gpu1:8000/v1", "models": ["*"]}  # fmt: skip


def test_external_models_cost_their_list_price() -> None:
    price = pricer({"cloud": EXTERNAL}).price("cloud", "gpt-4o-mini")
    assert (price.input, price.output) == (Decimal("0.15"), Decimal("0.6"))
    # 1,000 input tokens at $0.15/M and 1,000 output at $0.60/M: 150 + 600 micro-dollars.
    assert price.micros(1000, 1000) == 750
    assert price.micros(1, 0) == 1, "rounded up: a request never costs less than it did"


def test_anthropic_backends_are_looked_up_as_anthropic_models(tmp_path: Path) -> None:
    overrides = tmp_path / "prices.yaml"
    overrides.write_text("anthropic:frontier-model: {input: 3, output: 15}\n")
    backends = {"anth": {"kind": "anthropic", "location": "external", "models": ["*"]}}
    price = pricer(backends, {"price_overrides": str(overrides)}).price("anth", "frontier-model")
    assert (price.input, price.output) == (Decimal(3), Decimal(15))


def test_overrides_come_first(tmp_path: Path) -> None:
    overrides = tmp_path / "prices.yaml"
    overrides.write_text("gpt-4o-mini: {input: 0.1, output: 0.4}\n")
    price = pricer({"cloud": EXTERNAL}, {"price_overrides": str(overrides)}).price(
        "cloud", "gpt-4o-mini"
    )
    assert (price.input, price.output) == (Decimal("0.1"), Decimal("0.4"))


def test_a_model_without_a_price_is_unpriced() -> None:
    with pytest.raises(Unpriced, match="no price is known for model 'in-house-7b'") as caught:
        pricer({"cloud": EXTERNAL}).price("cloud", "in-house-7b")
    # The message says which setting prices it, and how.
    assert "the YAML file named by economics.price_overrides" in str(caught.value)
    assert "'in-house-7b: {input: 0.5, output: 1.5}'" in str(caught.value)


SIMULATOR = {"kind": "simulator", "location": "local"}


def test_the_simulator_costs_nothing_and_says_so() -> None:
    price = pricer({"sim": SIMULATOR}).price("sim", "bastion-sim")
    assert price.micros(10**6, 10**6) == 0
    assert price.basis == "the simulator: simulated, it costs nothing"


def test_backends_found_at_start_up_are_priced() -> None:
    """Without configured backends the gateway serves what it found (the simulator, here)."""
    config = config_from_mapping({})
    found = {"sim": BackendConfig.model_validate(SIMULATOR)}
    with pytest.raises(Unpriced, match="backend 'sim' is not configured"):
        RequestPricer(config).price("sim", "bastion-sim")
    assert RequestPricer(config, backends=found).price("sim", "bastion-sim").micros(1, 1) == 0


def test_an_unreadable_override_file_leaves_external_models_unpriced(tmp_path: Path) -> None:
    missing = {"price_overrides": str(tmp_path / "missing.yaml")}
    with pytest.raises(Unpriced, match="price overrides cannot be read"):
        pricer({"cloud": EXTERNAL}, missing).price("cloud", "gpt-4o-mini")


def test_self_hosted_without_tco_costs_nothing() -> None:
    assert pricer({"gpu": LOCAL}).price("gpu", "any").micros(10**6, 10**6) == 0


def test_self_hosted_with_tco_costs_its_chargeback_rate() -> None:
    economics = {
        "tco": {"gpu": {"gpu_hourly": 2.0, "max_tokens_per_second": 1000,
                        "target_utilisation": 0.5, "hours_per_month": 730}},
        "chargeback": {"margin_kind": "markup", "margin": 0.25},
    }  # fmt: skip
    price = pricer({"gpu": LOCAL}, economics).price("gpu", "any")
    # $2 x 730 h = $1,460 a month over 1,000 tok/s x 0.5 x 3,600 s x 730 h = 1,314M tokens:
    # $1.1111/M, plus 25%: $1.3889/M for input and output alike.
    assert isinstance(price, TokenPrice)
    assert price.input == price.output
    assert float(price.input) == pytest.approx(1460 / 1314 * 1.25)
    assert price.micros(1_000_000, 0) == 1_388_889


def test_self_hosted_with_tco_but_no_throughput_is_unpriced() -> None:
    economics = {"tco": {"gpu": {"gpu_hourly": 2.0}}}
    with pytest.raises(Unpriced, match="without max_tokens_per_second") as caught:
        pricer({"gpu": LOCAL}, economics).price("gpu", "any")
    assert "(set economics.tco.gpu.max_tokens_per_second)" in str(caught.value)
