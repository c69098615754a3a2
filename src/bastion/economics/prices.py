"""API list prices per million tokens: the operator's overrides first, then the bundled table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from bastion.economics.money import fmt_money, fmt_number
from bastion.economics.overrides import OverridePrice, PriceOverrides
from bastion.economics.snapshot import bundled_snapshot, table_info

if TYPE_CHECKING:
    from genai_prices.types import ModelInfo, TieredPrices

# Prices of a day are read at noon UTC: the table's date changes start at midnight UTC, and
# noon stays clear of the off-peak windows that some providers discount.
_PRICING_TIME = time(12, 0, tzinfo=UTC)


class PriceNotFoundError(LookupError):
    """Neither the override file nor the bundled table knows the model."""


@dataclass(frozen=True, slots=True)
class Rates:
    """US dollars per million tokens. ``input`` applies to uncached input tokens only."""

    input: Decimal
    cached_input: Decimal
    output: Decimal


@dataclass(frozen=True, slots=True)
class PriceQuote:
    requested: str
    model: str
    provider: str | None
    on: date
    rates: Rates
    # When the table prices long prompts higher: the rates once a request's input exceeds
    # ``tier_threshold`` tokens. Aggregated traffic cannot tell, so costs become a range.
    top_rates: Rates | None
    tier_threshold: int | None
    source: Literal["override", "genai-prices"]
    source_detail: str
    effective_from: date | None
    next_change: date | None
    notes: tuple[str, ...]

    @property
    def is_override(self) -> bool:
        return self.source == "override"


class PriceBook:
    def __init__(self, overrides: PriceOverrides | None = None) -> None:
        self._overrides = overrides

    @property
    def overrides_source(self) -> str | None:
        return None if self._overrides is None else self._overrides.source

    def quote(self, ref: str, on: date) -> PriceQuote:
        """The prices of ``ref`` (``model`` or ``provider:model``) in force on ``on``."""
        if self._overrides is not None:
            provider, model = _split_provider(ref)
            found = self._overrides.find(ref, on) or (
                self._overrides.find(model, on) if provider else None
            )
            if found is not None:
                return _from_override(ref, found, on, self._overrides.source)
        return _from_table(ref, on)


def _split_provider(ref: str) -> tuple[str | None, str]:
    # "google:gemini-2.5-flash"; colons also occur inside ids ("x/y:batch"), so only a
    # known provider id before the first colon counts as one.
    prefix, sep, rest = ref.partition(":")
    if sep and any(p.id == prefix.lower() for p in bundled_snapshot().providers):
        return prefix.lower(), rest
    return None, ref


def _from_override(ref: str, entry: OverridePrice, on: date, source: str) -> PriceQuote:
    notes: list[str] = []
    cached = entry.cached_input_per_m
    if cached is None:
        cached = entry.input_per_m
        notes.append("no cached_input price in the override file: cached input at the input rate")
    since = f", effective from {entry.effective_from}" if entry.effective_from else ""
    return PriceQuote(
        requested=ref,
        model=entry.model,
        provider=entry.provider,
        on=on,
        rates=Rates(entry.input_per_m, cached, entry.output_per_m),
        top_rates=None,
        tier_threshold=None,
        source="override",
        source_detail=f"override file {source}{since}",
        effective_from=entry.effective_from,
        next_change=None,
        notes=tuple(notes),
    )


def _from_table(ref: str, on: date) -> PriceQuote:
    from genai_prices import Usage

    provider_id, model_ref = _split_provider(ref)
    try:
        # A zero usage resolves provider, model and the prices in force on that day.
        calculation = bundled_snapshot().calc(
            Usage(), model_ref, provider_id, None, datetime.combine(on, _PRICING_TIME)
        )
    except LookupError as exc:
        raise PriceNotFoundError(
            f"no price for {ref!r}: not in the override file nor in genai-prices ({exc})"
        ) from None
    prices = calculation.model_price
    notes: list[str] = []
    base_input, top_input, input_threshold = _rate(prices.input_mtok)
    base_output, top_output, output_threshold = _rate(prices.output_mtok)
    if prices.cache_read_mtok is None:
        base_cached, top_cached, cached_threshold = base_input, top_input, input_threshold
        notes.append("the table lists no cached-input price: cached input at the input rate")
    else:
        base_cached, top_cached, cached_threshold = _rate(prices.cache_read_mtok)
    thresholds = [t for t in (input_threshold, output_threshold, cached_threshold) if t]
    rates = Rates(base_input, base_cached, base_output)
    top = Rates(top_input, top_cached, top_output)
    if thresholds:
        notes.append(
            f"tiered: requests with more than {fmt_number(min(thresholds))} input tokens pay "
            f"{fmt_money(top.input)}/M input and {fmt_money(top.output)}/M output"
        )
    cache_write = _flat(prices.cache_write_mtok) or _flat(prices.cache_write_5m_mtok)
    if cache_write is not None and cache_write > base_input:
        notes.append(
            f"cache writes cost {fmt_money(cache_write)}/M here and are not recorded by the "
            "gateway, so they are priced as plain input (a lower bound)"
        )
    per_request = _flat(prices.requests_kcount)
    if per_request:
        notes.append(f"a fee of {fmt_money(per_request)} per 1,000 requests is not included")
    model = calculation.model
    if _has_time_of_day_prices(model):
        notes.append("time-of-day discounts are not applied: standard daytime rates used")
    if model.deprecated:
        notes.append("the provider lists this model as deprecated")
    effective_from, next_change = _price_period(model, on)
    info = table_info()
    as_of = f"data as of {info.data_date}" if info.data_date else "data date unknown"
    return PriceQuote(
        requested=ref,
        model=model.id,
        provider=calculation.provider.id,
        on=on,
        rates=rates,
        top_rates=top if thresholds else None,
        tier_threshold=min(thresholds) if thresholds else None,
        source="genai-prices",
        source_detail=f"genai-prices {info.version} bundled table ({as_of})",
        effective_from=effective_from,
        next_change=next_change,
        notes=tuple(notes),
    )


def _rate(price: Decimal | TieredPrices | None) -> tuple[Decimal, Decimal, int | None]:
    """Base rate, highest tier's rate and the first tier's threshold."""
    from genai_prices.types import TieredPrices

    if price is None:
        return Decimal(0), Decimal(0), None
    if isinstance(price, TieredPrices):
        if not price.tiers:
            return price.base, price.base, None
        return price.base, price.tiers[-1].price, price.tiers[0].start
    return price, price, None


def _flat(price: Decimal | TieredPrices | None) -> Decimal | None:
    from genai_prices.types import TieredPrices

    return price.base if isinstance(price, TieredPrices) else price


def _has_time_of_day_prices(model: ModelInfo) -> bool:
    from genai_prices.types import TimeOfDateConstraint

    periods = model.prices if isinstance(model.prices, list) else []
    return any(isinstance(p.constraint, TimeOfDateConstraint) for p in periods)


def _price_period(model: ModelInfo, on: date) -> tuple[date | None, date | None]:
    """Since when the day's prices apply, and the table's next dated change after ``on``."""
    from genai_prices.types import StartDateConstraint

    if not isinstance(model.prices, list):
        return None, None
    starts = sorted(
        p.constraint.start_date
        for p in model.prices
        if isinstance(p.constraint, StartDateConstraint)
    )
    since = max((s for s in starts if s <= on), default=None)
    upcoming = min((s for s in starts if s > on), default=None)
    return since, upcoming
