"""Price quotes for tests that must not depend on the bundled table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bastion.economics.prices import PriceQuote, Rates


def quote(
    input_rate: str,
    cached_rate: str,
    output_rate: str,
    *,
    top: Rates | None = None,
    threshold: int | None = None,
) -> PriceQuote:
    return PriceQuote(
        requested="test-model",
        model="test-model",
        provider="test",
        on=date(2026, 11, 1),
        rates=Rates(Decimal(input_rate), Decimal(cached_rate), Decimal(output_rate)),
        top_rates=top,
        tier_threshold=threshold,
        source="override",
        source_detail="test",
        effective_from=None,
        next_change=None,
        notes=(),
    )


def anthropic_model(suffix: str) -> str:
    """The id of the Anthropic model in the bundled price table whose id ends with ``suffix``."""
    from bastion.economics.snapshot import bundled_snapshot

    [provider] = [p for p in bundled_snapshot().providers if p.id == "anthropic"]
    [model] = [m.id for m in provider.models if m.id.endswith(suffix)]
    return model


HAIKU = anthropic_model("-haiku-4-5")
SONNET = anthropic_model("-sonnet-4-5")
