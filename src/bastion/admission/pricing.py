"""What a request costs in US dollars, for money budgets.

External backends are priced at their API's list (or negotiated) prices: the price overrides
first, then the bundled table, as in cost reports. A self-hosted backend is priced at its
chargeback rate: the monthly cost of its TCO entry over the tokens its declared capacity serves
in a month at the planned utilisation, with the chargeback margin. A self-hosted backend without
a TCO entry costs nothing, and so does the built-in simulator (it is simulated: nothing runs on
a GPU). A model whose price cannot be found is unpriced: money budgets refuse it rather than let
it through uncounted, with a message naming the setting that would price it.

Costs are whole micro-dollars, so budgets reserve and settle in integers (in Redis too).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from bastion.config.schema import BackendConfig, BastionConfig
from bastion.economics.chargeback import Margin
from bastion.economics.overrides import PriceOverrideError
from bastion.economics.prices import PriceBook, PriceNotFoundError
from bastion.economics.service import price_book
from bastion.economics.tco import monthly_tco

log = logging.getLogger(__name__)

MICROS_PER_DOLLAR = 1_000_000
_MILLION = Decimal(1_000_000)
# Provider ids of the price table, for backends whose kind names their API.
_PROVIDER_OF_KIND = {"anthropic": "anthropic"}


@dataclass(frozen=True, slots=True)
class TokenPrice:
    """Micro-dollars per token (dollars per million tokens, numerically)."""

    input: Decimal
    output: Decimal
    basis: str

    def micros(self, input_tokens: int, output_tokens: int) -> int:
        cost = self.input * input_tokens + self.output * output_tokens
        return int(cost.to_integral_value(rounding="ROUND_CEILING"))


FREE = TokenPrice(Decimal(0), Decimal(0), "self-hosted without a TCO entry")
SIMULATED = TokenPrice(Decimal(0), Decimal(0), "the simulator: simulated, it costs nothing")


class Unpriced(LookupError):
    """No price is known for a backend's model."""


class RequestPricer:
    def __init__(
        self,
        config: BastionConfig,
        book: PriceBook | None = None,
        *,
        backends: Mapping[str, BackendConfig] | None = None,
    ) -> None:
        self._config = config
        # The backends the gateway serves: without any configured, those it found at start-up.
        self._backends = backends or config.backends
        # Loaded on first use: a broken override file then refuses budgeted requests only.
        self._book = book
        self._margin = Margin.from_config(config.economics.chargeback)
        # (backend, model) -> (day, price or the reason it has none); prices change by day.
        self._cache: dict[tuple[str, str], tuple[date, TokenPrice | str]] = {}

    def price(self, backend: str, model: str) -> TokenPrice:
        """The price of ``model`` on ``backend`` today; raises ``Unpriced``."""
        today = datetime.now(UTC).date()
        cached = self._cache.get((backend, model))
        if cached is None or cached[0] != today:
            cached = (today, self._look_up(backend, model, today))
            self._cache[(backend, model)] = cached
        found = cached[1]
        if isinstance(found, str):
            raise Unpriced(found)
        return found

    def _look_up(self, backend: str, model: str, today: date) -> TokenPrice | str:
        settings = self._backends.get(backend)
        if settings is None:
            return f"backend '{backend}' is not configured"
        if settings.kind == "simulator" and backend not in self._config.economics.tco:
            return SIMULATED
        if settings.location == "local":
            return self._self_hosted(backend)
        provider = _PROVIDER_OF_KIND.get(settings.kind)
        ref = f"{provider}:{model}" if provider else model
        try:
            if self._book is None:
                self._book = price_book(self._config.economics)
        except PriceOverrideError as exc:
            return f"the price overrides cannot be read ({exc}; fix economics.price_overrides)"
        try:
            quote = self._book.quote(ref, today)
        except PriceNotFoundError as exc:
            log.warning("no price for a budgeted model", extra={"model": ref, "error": str(exc)})
            return (
                f"no price is known for model '{model}' of backend '{backend}' (price it in the "
                f"YAML file named by economics.price_overrides, in dollars per million tokens: "
                f"'{model}: {{input: 0.5, output: 1.5}}')"
            )
        rates = quote.rates
        return TokenPrice(rates.input, rates.output, f"{quote.model}: {quote.source_detail}")

    def _self_hosted(self, backend: str) -> TokenPrice | str:
        tco = self._config.economics.tco.get(backend)
        if tco is None:
            return FREE
        if tco.max_tokens_per_second is None:
            return (
                f"backend '{backend}' has a TCO entry without max_tokens_per_second, so its "
                f"tokens have no price (set economics.tco.{backend}.max_tokens_per_second)"
            )
        cost = monthly_tco(tco)
        served = (
            Decimal(str(tco.max_tokens_per_second))
            * Decimal(str(tco.target_utilisation))
            * tco.replicas
            * 3600
            * tco.hours_per_month
        )
        per_million = self._margin.apply(cost.total / (served / _MILLION))
        return TokenPrice(per_million, per_million, f"chargeback rate of backend '{backend}'")
