"""API prices: the bundled genai-prices table, its age, and the operator's overrides."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import genai_prices
import pytest
from genai_prices import data_snapshot, update_prices

from bastion.economics.apicost import TokenCounts, api_cost
from bastion.economics.overrides import PriceOverrideError, load_overrides, parse_overrides
from bastion.economics.prices import PriceBook, PriceNotFoundError, Rates
from bastion.economics.snapshot import table_info
from tests.unit.economics.quotes import HAIKU, SONNET

DAY = date(2026, 11, 1)


def test_openai_model_with_cached_input() -> None:
    quote = PriceBook().quote("gpt-4o-mini", DAY)

    assert (quote.model, quote.provider, quote.source) == ("gpt-4o-mini", "openai", "genai-prices")
    assert quote.rates == Rates(Decimal("0.15"), Decimal("0.075"), Decimal("0.60"))
    assert quote.top_rates is None
    assert quote.source_detail.startswith("genai-prices 0.2.3 bundled table")


def test_anthropic_model_with_cached_input_and_a_cache_write_caveat() -> None:
    quote = PriceBook().quote(f"anthropic:{HAIKU}", DAY)

    assert (quote.model, quote.provider) == (HAIKU, "anthropic")
    assert quote.rates == Rates(Decimal(1), Decimal("0.1"), Decimal(5))
    # The gateway does not see cache writes, which Anthropic charges above the input rate.
    assert any("cache writes cost $1.25/M" in note for note in quote.notes)


@pytest.mark.parametrize(
    ("ref", "provider"),
    [("gpt-4o-mini", "openai"), (f"anthropic:{HAIKU}", "anthropic")],
)
def test_costs_agree_with_genai_prices_own_calculation(ref: str, provider: str) -> None:
    # 1,000 input of which 400 cached, 200 output: small enough to stay below any tier.
    tokens = TokenCounts(input_tokens=1000, cached_input_tokens=400, output_tokens=200)
    model = ref.partition(":")[2] or ref

    ours = api_cost(tokens, PriceBook().quote(ref, DAY)).total
    theirs = genai_prices.calc_price(
        genai_prices.Usage(input_tokens=1000, cache_read_tokens=400, output_tokens=200),
        model,
        provider_id=provider,
        genai_request_timestamp=datetime(2026, 11, 1, 12, tzinfo=UTC),
    ).total_price

    assert ours == theirs


def test_tiered_model_reports_its_long_prompt_rates() -> None:
    quote = PriceBook().quote(f"anthropic:{SONNET}", DAY)

    assert quote.rates == Rates(Decimal(3), Decimal("0.3"), Decimal(15))
    assert quote.top_rates == Rates(Decimal(6), Decimal("0.6"), Decimal("22.5"))
    assert quote.tier_threshold == 200_000


def test_prices_follow_the_date() -> None:
    book = PriceBook()

    # o3 was cut from $10/$40 to $2/$8 per M on 2025-06-10.
    before = book.quote("openai:o3", date(2025, 6, 9))
    after = book.quote("openai:o3", date(2025, 6, 10))

    assert (before.rates.input, before.rates.output) == (Decimal(10), Decimal(40))
    assert before.next_change == date(2025, 6, 10)
    assert (after.rates.input, after.rates.output) == (Decimal(2), Decimal(8))
    assert after.effective_from == date(2025, 6, 10)


def test_unknown_model() -> None:
    with pytest.raises(PriceNotFoundError, match="no-such-model"):
        PriceBook().quote("no-such-model", DAY)


def test_table_age() -> None:
    info = table_info()

    assert (info.package, info.version) == ("genai-prices", "0.2.3")
    assert info.data_date == date(2026, 11, 9)
    assert info.age_days(date(2026, 12, 1)) == 22
    # Announced changes (Google's 2027 rates) lie beyond the data's own date.
    assert info.newest_change is not None
    assert info.newest_change > info.data_date
    assert info.models > 1000


@pytest.fixture
def foreign_snapshot() -> Iterator[None]:
    """What another library's UpdatePrices would leave behind: a table without our models."""
    data_snapshot.set_custom_snapshot(
        data_snapshot.DataSnapshot(providers=[], from_auto_update=True)
    )
    yield
    data_snapshot.set_custom_snapshot(None)


@pytest.mark.usefixtures("foreign_snapshot")
def test_lookups_never_use_a_downloaded_table() -> None:
    quote = PriceBook().quote("gpt-4o-mini", DAY)

    assert quote.rates.input == Decimal("0.15")
    # And nothing here started the background updater.
    assert update_prices._shared_updater.thread is None


OVERRIDES = """
gpt-4o-mini:
  input: 0.10
  cached_input: 0.05
  output: 0.40
  provider: openai
  effective_from: 2026-10-01
house-model:
  - {input: 2, output: 8}
  - {input: 1, cached_input: 0.1, output: 4, effective_from: 2026-09-01}
"""


@pytest.fixture
def override_file(tmp_path: Path) -> Path:
    path = tmp_path / "prices.yaml"
    path.write_text(OVERRIDES, encoding="utf-8")
    return path


def test_an_override_takes_precedence_from_its_date(override_file: Path) -> None:
    book = PriceBook(load_overrides(override_file))

    overridden = book.quote("gpt-4o-mini", date(2026, 10, 1))
    before = book.quote("gpt-4o-mini", date(2026, 9, 30))

    assert overridden.source == "override"
    assert overridden.rates == Rates(Decimal("0.10"), Decimal("0.05"), Decimal("0.40"))
    assert overridden.source_detail == f"override file {override_file}, effective from 2026-10-01"
    assert before.source == "genai-prices"
    assert before.rates.input == Decimal("0.15")
    # provider:model finds an override written for the bare model id.
    assert book.quote("openai:gpt-4o-mini", DAY).source == "override"


def test_override_periods(override_file: Path) -> None:
    book = PriceBook(load_overrides(override_file))

    early = book.quote("house-model", date(2026, 1, 1))
    late = book.quote("house-model", date(2026, 9, 1))

    assert early.rates == Rates(Decimal(2), Decimal(2), Decimal(8))
    assert "cached input at the input rate" in early.notes[0]
    assert late.rates == Rates(Decimal(1), Decimal("0.1"), Decimal(4))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"m": {"input": 1}}, "output"),
        ({"m": {"input": -1, "output": 1}}, "greater than or equal to 0"),
        ({"m": {"input": 1, "output": 1, "colour": "red"}}, "Extra inputs"),
        ({"m": [{"input": 1, "output": 1}, {"input": 2, "output": 2}]}, "share one effective_from"),
        (["not", "a", "mapping"], "dictionary"),
    ],
)
def test_malformed_overrides_are_rejected(raw: object, message: str) -> None:
    with pytest.raises(PriceOverrideError, match=message):
        parse_overrides(raw, "prices.yaml")


def test_unreadable_override_file(tmp_path: Path) -> None:
    with pytest.raises(PriceOverrideError, match="cannot read"):
        load_overrides(tmp_path / "missing.yaml")
