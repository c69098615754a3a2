"""What moving traffic between a self-hosted target and an API target saves a month, with the
figures of ``bastion cost``: the backend's TCO (``economics.tco``), the API model's price
quote (overrides, then the bundled table), and the volume measured in the usage ledger.

``savings_at_volume`` is pure; ``measured_savings`` reads the configuration and the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.config import BastionConfig
from bastion.economics.apicost import TokenCounts, TokenMix
from bastion.economics.breakeven import days_per_month, volume_cost
from bastion.economics.capacity import Capacity
from bastion.economics.config import TcoConfig
from bastion.economics.measured import requested_tokens
from bastion.economics.money import fmt_money, fmt_tokens, to_decimal
from bastion.economics.prices import PriceNotFoundError, PriceQuote
from bastion.economics.service import cost_report, economics_of, price_book
from bastion.economics.tco import monthly_tco
from bastion.economics.window import Window

DEFAULT_VOLUME_DAYS = 30.0


@dataclass(frozen=True, slots=True)
class TargetSite:
    """Where a target's requests go, read from the configuration.

    ``names``: the model names clients send for the same traffic (an endpoint's bare name and
    every version), whose ledger volume is the volume a move would concern."""

    target: str
    backend: str | None
    model: str | None
    location: Literal["local", "external"] | None
    kind: str | None
    names: tuple[str, ...]

    @property
    def price_ref(self) -> str | None:
        """The model's id in the price table: ``anthropic:<model>`` for Anthropic backends."""
        if self.model is None:
            return None
        return f"anthropic:{self.model}" if self.kind == "anthropic" else self.model


def locate_target(config: BastionConfig, target: str) -> TargetSite:
    """``name@version`` or ``name`` of a configured endpoint, an alias, or ``backend/model``."""
    name, _, version = target.partition("@")
    endpoint = config.endpoints.get(name)
    backend: str | None = None
    model: str | None = None
    names: tuple[str, ...] = (target,)
    if endpoint is not None:
        spec = endpoint.versions.get(version or endpoint.default_version)
        if spec is not None:
            backend, model = spec.backend, spec.model
            names = (name, *(f"{name}@{v}" for v in endpoint.versions))
    else:
        alias = next((a for a in config.models if a.name == target), None)
        route = alias.target if alias is not None else target
        head, slash, tail = route.partition("/")
        if slash and head in config.backends:
            backend, model = head, tail
    settings = config.backends.get(backend) if backend else None
    return TargetSite(
        target=target,
        backend=backend,
        model=model,
        location=settings.location if settings else None,
        kind=settings.kind if settings else None,
        names=names,
    )


@dataclass(frozen=True, slots=True)
class Savings:
    """Both sides of a move at one measured volume: what the API side would charge for it and
    what the self-hosted side costs a month (its TCO with as many replicas as the volume
    needs). ``monthly_saving`` is positive when self-hosting is cheaper."""

    self_hosted: str
    backend: str
    api: str
    api_model: str
    tokens_per_day: Decimal
    mix: TokenMix
    api_rate_per_m: Decimal
    api_monthly: Decimal
    self_hosted_monthly: Decimal
    replicas: int
    volume_basis: str
    sources: tuple[str, ...]

    @property
    def monthly_saving(self) -> Decimal:
        return self.api_monthly - self.self_hosted_monthly

    def sentence(self) -> str:
        saving = self.monthly_saving
        verb = "saves" if saving >= 0 else "costs"
        amount = fmt_money(abs(saving))
        tail = "" if saving >= 0 else " more"
        return (
            f"at the measured volume ({fmt_tokens(self.tokens_per_day)} tokens/day) "
            f"self-hosting ({self.self_hosted} on {self.backend}) {verb} {amount}/month{tail} "
            f"against {self.api} (API {fmt_money(self.api_monthly)}, self-hosted "
            f"{fmt_money(self.self_hosted_monthly)} with {self.replicas} "
            f"replica{'' if self.replicas == 1 else 's'}; see bastion cost report)"
        )


def savings_at_volume(
    *,
    self_hosted: str,
    backend: str,
    api: str,
    tco: TcoConfig,
    quote: PriceQuote,
    tokens: TokenCounts,
    days: Decimal,
    capacity: Capacity | None,
    volume_basis: str,
) -> Savings:
    """``tokens`` measured over ``days`` days, priced both ways as ``bastion cost`` does: the
    blended rate of the measured mix on the API, ``volume_cost`` on the self-hosted side."""
    if days <= 0 or not tokens.total:
        raise ValueError("a volume needs tokens and a period")
    per_day = Decimal(tokens.total) / days
    mix = tokens.mix()
    rate = mix.blended_rate(quote.rates)
    at_volume = volume_cost(tco, rate, capacity, per_day)
    tco_lines = monthly_tco(tco, replicas=at_volume.replicas_needed).lines
    sources = (
        f"volume: {volume_basis}",
        f"API price of {quote.requested}: {quote.source_detail}, prices on {quote.on}; blended "
        f"{fmt_money(rate)}/M for the measured mix",
        f"API monthly = {fmt_tokens(per_day)} tokens/day x {days_per_month(tco):.2f} days x "
        f"{fmt_money(rate)}/M",
        *(
            f"self-hosted ({backend}): {line.name} {fmt_money(line.monthly)} = {line.formula}"
            for line in tco_lines
        ),
        "capacity: "
        + (capacity.describe() if capacity else "not checked (no declared or measured figure)"),
    )
    return Savings(
        self_hosted=self_hosted,
        backend=backend,
        api=api,
        api_model=quote.requested,
        tokens_per_day=per_day,
        mix=mix,
        api_rate_per_m=rate,
        api_monthly=at_volume.api_monthly,
        self_hosted_monthly=at_volume.self_hosted_monthly,
        replicas=at_volume.replicas_needed,
        volume_basis=volume_basis,
        sources=sources,
    )


async def measured_savings(
    engine: AsyncEngine,
    config: BastionConfig,
    *,
    candidate: str,
    baseline: str,
    days: float = DEFAULT_VOLUME_DAYS,
    volume_names: tuple[str, ...] | None = None,
    now: datetime | None = None,
) -> Savings | str:
    """The savings of moving the baseline's traffic to the candidate (or of keeping it, when
    the baseline is the self-hosted one), or why they cannot be given.

    The volume is what clients requested under the baseline's names (``volume_names``, else the
    endpoint's name and versions or the target itself) over the last ``days`` days."""
    moment = now or datetime.now(UTC)
    sites = {t: locate_target(config, t) for t in (candidate, baseline)}
    local = [s for s in sites.values() if s.location == "local"]
    external = [s for s in sites.values() if s.location == "external"]
    if len(local) != 1 or len(external) != 1:
        where = ", ".join(
            f"{s.target}: {s.location or 'not in the configuration'}" for s in sites.values()
        )
        return f"no self-hosting figure: it needs one local and one external target ({where})"
    [own], [api] = local, external
    economics = economics_of(config)
    assert own.backend is not None
    tco = economics.tco.get(own.backend)
    if tco is None:
        return f"no economics.tco entry for backend {own.backend}: its monthly cost is unknown"
    if api.price_ref is None:
        return f"no model for {api.target} to price"
    try:
        quote = price_book(economics).quote(api.price_ref, moment.date())
    except PriceNotFoundError as exc:
        return str(exc)
    window = Window.last_days(days, moment)
    names = volume_names or sites[baseline].names
    async with engine.connect() as conn:
        tokens = await requested_tokens(conn, window, names)
    if not tokens.total:
        return f"no traffic to {', '.join(names)} in the ledger over {window.describe()}"
    report = await cost_report(engine, config, days=days, now=moment)
    capacity = next((b.capacity for b in report.backends if b.backend == own.backend), None)
    return savings_at_volume(
        self_hosted=own.target,
        backend=own.backend,
        api=api.target,
        tco=tco,
        quote=quote,
        tokens=tokens,
        days=to_decimal(window.seconds) / 86_400,
        capacity=capacity,
        volume_basis=(
            f"{fmt_tokens(tokens.total)} tokens requested as {', '.join(names)} over "
            f"{window.describe()} (usage ledger, hourly rollup)"
        ),
    )
