"""What a given amount of traffic costs on a managed API: input, cached input and output apart."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bastion.economics.money import MILLION
from bastion.economics.prices import PriceQuote, Rates


@dataclass(frozen=True, slots=True)
class TokenCounts:
    """``input_tokens`` includes the cached ones, as the ledger and OpenAI count them."""

    input_tokens: int = 0
    cached_input_tokens: int = 0
    output_tokens: int = 0

    @property
    def total(self) -> int:
        return self.input_tokens + self.output_tokens

    @property
    def uncached_input_tokens(self) -> int:
        return self.input_tokens - self.cached_input_tokens

    def __add__(self, other: TokenCounts) -> TokenCounts:
        return TokenCounts(
            self.input_tokens + other.input_tokens,
            self.cached_input_tokens + other.cached_input_tokens,
            self.output_tokens + other.output_tokens,
        )

    def mix(self) -> TokenMix:
        if not self.total:
            raise ValueError("no tokens: the mix of an empty sample is undefined")
        input_share = Decimal(self.input_tokens) / Decimal(self.total)
        cached_share = (
            Decimal(self.cached_input_tokens) / Decimal(self.input_tokens)
            if self.input_tokens
            else Decimal(0)
        )
        return TokenMix(input_share, cached_share)


@dataclass(frozen=True, slots=True)
class TokenMix:
    """Shares of a token volume: ``input_share`` of all tokens are input (cached included) and
    ``cached_share`` of the input tokens are cache hits; the rest is output."""

    input_share: Decimal
    cached_share: Decimal

    def __post_init__(self) -> None:
        if not (0 <= self.input_share <= 1 and 0 <= self.cached_share <= 1):
            raise ValueError("input_share and cached_share must lie between 0 and 1")

    def blended_rate(self, rates: Rates) -> Decimal:
        """Dollars per million tokens of this mix."""
        input_rate = (1 - self.cached_share) * rates.input + self.cached_share * rates.cached_input
        return self.input_share * input_rate + (1 - self.input_share) * rates.output


@dataclass(frozen=True, slots=True)
class ApiCost:
    quote: PriceQuote
    tokens: TokenCounts
    uncached_input: Decimal
    cached_input: Decimal
    output: Decimal
    # The same traffic if every request had crossed the long-prompt tier; equal to ``total``
    # when the model has no tiers.
    total_high: Decimal

    @property
    def total(self) -> Decimal:
        return self.uncached_input + self.cached_input + self.output


def cost_at(tokens: TokenCounts, rates: Rates) -> tuple[Decimal, Decimal, Decimal]:
    """Uncached input, cached input and output cost of ``tokens`` at ``rates``."""
    return (
        Decimal(tokens.uncached_input_tokens) * rates.input / MILLION,
        Decimal(tokens.cached_input_tokens) * rates.cached_input / MILLION,
        Decimal(tokens.output_tokens) * rates.output / MILLION,
    )


def api_cost(tokens: TokenCounts, quote: PriceQuote) -> ApiCost:
    uncached, cached, output = cost_at(tokens, quote.rates)
    high = sum(cost_at(tokens, quote.top_rates), Decimal(0)) if quote.top_rates else None
    return ApiCost(
        quote=quote,
        tokens=tokens,
        uncached_input=uncached,
        cached_input=cached,
        output=output,
        total_high=uncached + cached + output if high is None else high,
    )
