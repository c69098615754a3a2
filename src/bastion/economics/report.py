"""The cost report: measured traffic, self-hosted cost and the same traffic on API models."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bastion.config.economics import EconomicsConfig, TcoConfig
from bastion.economics.apicost import TokenCounts, api_cost
from bastion.economics.breakeven import BreakEven, VolumeCost, break_even, volume_cost
from bastion.economics.capacity import Capacity, CapacityCost, capacity_cost
from bastion.economics.chargeback import Chargeback, Margin, chargeback
from bastion.economics.measured import (
    FAILED,
    BackendActivity,
    RecordedCapacity,
    TenantNames,
    TrafficRow,
    backend_activity,
    backend_activity_from_rollup,
    recorded_capacities,
    tenant_names,
    traffic_by_day,
)
from bastion.economics.money import MILLION, fmt_tokens, to_decimal
from bastion.economics.prices import PriceBook, PriceNotFoundError, PriceQuote
from bastion.economics.snapshot import TableInfo, table_info
from bastion.economics.tco import MonthlyTco, monthly_tco
from bastion.economics.window import Window

# Embedding tokens are billed by embedding models at their own rates; pricing them as the
# prompt of a chat model would overstate what an API would have cost.
UNPRICED_ENDPOINTS = frozenset({"embeddings"})
# The longest a request may run (the default total timeout): how far past the window's end
# the ledger is read for requests that started inside it.
DEFAULT_LONGEST_REQUEST = timedelta(seconds=900)
# The ledger's outcomes in the report's words: why a request counts as an error, or why its
# token counts are estimated (``ok``: it ended normally, but the engine reported no usage).
OUTCOME_WORDS = {
    "ok": "engine reported none",
    FAILED: "failed",
    "upstream_cut": "stream cut",
    "upstream_timeout": "stream timed out",
    "upstream_malformed": "malformed stream",
    "upstream_error": "engine error",
    "client_disconnected": "client disconnected",
    "cancelled": "cancelled at shutdown",
}
# How the gateway estimates (bastion.pipeline.stages.respond, bastion.protocols.usage).
_ESTIMATE_METHOD = (
    "input about 4 bytes of request body per token, JSON included, unless the engine reported "
    "it; output one token per content event received"
)


@dataclass(frozen=True, slots=True)
class PricedTraffic:
    """Traffic priced on one API model, each day at that day's prices."""

    model: str
    quote: PriceQuote
    uncached_input: Decimal
    cached_input: Decimal
    output: Decimal
    # At the long-prompt tier's rates throughout; equal to ``cost`` for untiered models.
    cost_high: Decimal
    sources: tuple[str, ...]

    @property
    def cost(self) -> Decimal:
        return self.uncached_input + self.cached_input + self.output


@dataclass(frozen=True, slots=True)
class TrafficLine:
    tenant_id: str
    tenant: str | None
    endpoint: str
    requests: int
    errors: int
    estimated_requests: int
    tokens: TokenCounts
    api: tuple[PricedTraffic, ...]
    # False when the name comes from the ledger: the tenant is not (or no longer) in the store.
    tenant_stored: bool = True


@dataclass(frozen=True, slots=True)
class BackendComparison:
    """One local backend against one API model."""

    model: str
    api: PricedTraffic
    break_even: BreakEven
    # With the long-prompt tier's rates (a lower break-even); None for untiered models.
    break_even_high: BreakEven | None
    current: VolumeCost

    @property
    def ratio(self) -> Decimal | None:
        """Current volume / break-even volume: below 1, the API is cheaper."""
        target = self.break_even.tokens_per_day
        return None if not target else self.current.tokens_per_day / target


@dataclass(frozen=True, slots=True)
class BackendReport:
    backend: str
    activity: BackendActivity
    tco: MonthlyTco | None
    window_cost: Decimal | None
    # Traffic compared with APIs: all endpoints except the unpriced ones.
    compared_tokens: TokenCounts
    capacity: Capacity | None
    chargeback: Chargeback | None
    comparisons: tuple[BackendComparison, ...]
    notes: tuple[str, ...]
    # $/M tokens with the configured replicas busy at the capacity's target utilisation.
    at_capacity: CapacityCost | None = None
    # A ``kind: simulator`` backend: its traffic and cost are the simulator's, not an engine's.
    simulated: bool = False

    @property
    def label(self) -> str:
        return f"{self.backend} (simulated)" if self.simulated else self.backend

    @property
    def effective_per_m(self) -> Decimal | None:
        """Self-hosted dollars per million tokens served (input + output)."""
        return _per_million(self.window_cost, self.activity.tokens.total)

    @property
    def effective_per_m_output(self) -> Decimal | None:
        return _per_million(self.window_cost, self.activity.tokens.output_tokens)


@dataclass(frozen=True, slots=True)
class Report:
    window: Window
    generated_at: datetime
    table: TableInfo
    overrides: str | None
    quotes: tuple[PriceQuote, ...]
    backends: tuple[BackendReport, ...]
    traffic: tuple[TrafficLine, ...]
    api_totals: tuple[PricedTraffic, ...]
    notes: tuple[str, ...]
    # The window's rollup per day, tenant, endpoint and backend the report was made from.
    rows: tuple[TrafficRow, ...] = ()

    @property
    def self_hosted_cost(self) -> Decimal:
        return sum((b.window_cost or Decimal(0) for b in self.backends), Decimal(0))


async def report_from_engine(
    engine: AsyncEngine,
    economics: EconomicsConfig,
    window: Window,
    *,
    prices: PriceBook,
    longest_request: timedelta = DEFAULT_LONGEST_REQUEST,
    now: datetime,
    from_rollup: bool = False,
    simulated: Collection[str] = (),
) -> Report:
    async with engine.connect() as conn:
        return await build_report(
            conn,
            economics,
            window,
            prices=prices,
            longest_request=longest_request,
            now=now,
            from_rollup=from_rollup,
            simulated=simulated,
        )


async def build_report(
    conn: AsyncConnection,
    economics: EconomicsConfig,
    window: Window,
    *,
    prices: PriceBook,
    longest_request: timedelta = DEFAULT_LONGEST_REQUEST,
    now: datetime,
    from_rollup: bool = False,
    simulated: Collection[str] = (),
) -> Report:
    """``from_rollup``: each backend's activity from the rollup and its busy minutes (bounded
    work, busy time sampled every half-second, no peak) instead of its raw ledger rows, and
    the window's whole days from the daily rollup. ``simulated``: the backends that are
    Bastion's simulator, labelled as such."""
    pricer = _DailyPricer(prices, economics.compare_with)
    rows = await traffic_by_day(conn, window, daily=from_rollup)
    local_rows = [r for r in rows if r.location == "local"]
    notes: list[str] = []
    backend_names = sorted(set(economics.tco) | {r.backend for r in local_rows})
    recorded = await recorded_capacities(conn, economics.tco)
    backends = []
    for name in backend_names:
        if from_rollup:
            activity = await backend_activity_from_rollup(conn, name, window, rows)
        else:
            activity = await backend_activity(conn, name, window, longest_request)
        backends.append(
            _backend_report(
                activity,
                economics.tco.get(name),
                [r for r in rows if r.backend == name],
                window,
                pricer,
                margin=Margin.from_config(economics.chargeback),
                recorded=recorded.get(name, []),
                simulated=name in simulated,
            )
        )
    fake = [b.backend for b in backends if b.simulated]
    if fake:
        notes.append(
            f"simulated: {', '.join(fake)} (kind: simulator) answered as Bastion's simulator, "
            "not an engine: the figures of a simulated backend are not a real deployment's"
        )
    names = await tenant_names(conn, {r.tenant_id for r in local_rows})
    traffic = _traffic_lines(local_rows, names, pricer)
    priced_rows = [r for r in local_rows if r.endpoint not in UNPRICED_ENDPOINTS]
    totals = tuple(p for m in economics.compare_with if (p := pricer.price(m, priced_rows)))
    last_day = (window.end - timedelta(seconds=1)).date()
    quotes = tuple(q for m in economics.compare_with if (q := pricer.quote(m, last_day)))
    notes += [f"{model}: {error}" for model, error in sorted(pricer.missing.items())]
    if not economics.compare_with:
        notes.append("economics.compare_with is empty: no API model to compare with")
    return Report(
        window=window,
        generated_at=now,
        table=table_info(),
        overrides=prices.overrides_source,
        quotes=quotes,
        backends=tuple(backends),
        traffic=traffic,
        api_totals=totals,
        notes=tuple(notes),
        rows=tuple(rows),
    )


class _DailyPricer:
    def __init__(self, book: PriceBook, models: Sequence[str]) -> None:
        self._book = book
        self._models = list(models)
        self._quotes: dict[tuple[str, date], PriceQuote | None] = {}
        self.missing: dict[str, str] = {}

    @property
    def models(self) -> list[str]:
        return [m for m in self._models if m not in self.missing]

    def quote(self, model: str, day: date) -> PriceQuote | None:
        key = (model, day)
        if key not in self._quotes:
            try:
                self._quotes[key] = self._book.quote(model, day)
            except PriceNotFoundError as exc:
                self.missing[model] = str(exc)
                self._quotes[key] = None
        return self._quotes[key]

    def price(self, model: str, rows: Iterable[TrafficRow]) -> PricedTraffic | None:
        uncached = cached = output = high = Decimal(0)
        sources: list[str] = []
        last: PriceQuote | None = None
        for row in rows:
            quote = self.quote(model, row.day)
            if quote is None:
                return None
            priced = api_cost(row.tokens, quote)
            uncached += priced.uncached_input
            cached += priced.cached_input
            output += priced.output
            high += priced.total_high
            if quote.source_detail not in sources:
                sources.append(quote.source_detail)
            if last is None or quote.on >= last.on:
                last = quote
        if last is None:
            return None
        return PricedTraffic(model, last, uncached, cached, output, high, tuple(sources))


def _backend_report(
    activity: BackendActivity,
    tco_config: TcoConfig | None,
    rows: list[TrafficRow],
    window: Window,
    pricer: _DailyPricer,
    *,
    margin: Margin,
    recorded: Sequence[RecordedCapacity] = (),
    simulated: bool = False,
) -> BackendReport:
    notes: list[str] = []
    compared = [r for r in rows if r.endpoint not in UNPRICED_ENDPOINTS]
    compared_tokens = sum((r.tokens for r in compared), TokenCounts())
    skipped = sum((r.tokens for r in rows if r.endpoint in UNPRICED_ENDPOINTS), TokenCounts())
    if skipped.total:
        notes.append(
            f"{fmt_tokens(skipped.total)} embedding tokens are not compared with the API models "
            "(embedding models have their own prices)"
        )
    if activity.estimated_requests:
        notes.append(_estimated_note(activity))
    if activity.errors and activity.errors_by_outcome is None:
        notes.append(
            "errors are requests that failed or did not end normally (a stream cut, timed out "
            "or malformed after its 200, a client that disconnected); the rollup does not say "
            "which"
        )
    if tco_config is None:
        notes.append("no economics.tco entry for this backend: cost figures are not computed")
        return BackendReport(
            activity.backend, activity, None, None, compared_tokens, None, None, (), tuple(notes),
            simulated=simulated,
        )  # fmt: skip
    tco = monthly_tco(tco_config)
    window_cost = tco.for_hours(window.hours)
    capacity, capacity_notes = choose_capacity(tco_config, activity, recorded)
    notes += capacity_notes
    comparisons: list[BackendComparison] = []
    days = to_decimal(window.seconds) / 86_400
    current_per_day = Decimal(compared_tokens.total) / days
    if compared_tokens.total:
        mix = compared_tokens.mix()
        for model in pricer.models:
            priced = pricer.price(model, compared)
            if priced is None:
                continue
            rate = mix.blended_rate(priced.quote.rates)
            top = priced.quote.top_rates
            comparisons.append(
                BackendComparison(
                    model=model,
                    api=priced,
                    break_even=break_even(tco_config, rate, capacity),
                    break_even_high=(
                        break_even(tco_config, mix.blended_rate(top), capacity) if top else None
                    ),
                    current=volume_cost(tco_config, rate, capacity, current_per_day),
                )
            )
    return BackendReport(
        backend=activity.backend,
        activity=activity,
        tco=tco,
        window_cost=window_cost,
        compared_tokens=compared_tokens,
        capacity=capacity,
        chargeback=_chargeback(tco, tco_config, activity, window, margin, capacity=capacity),
        comparisons=tuple(comparisons),
        notes=tuple(notes),
        at_capacity=(
            capacity_cost(tco.total, tco.hours_per_month, tco.replicas, capacity)
            if capacity is not None and capacity.basis != "measured"
            else None
        ),
        simulated=simulated,
    )


def outcome_words(counts: Sequence[tuple[str, int]]) -> str:
    """``1 stream cut, 2 client disconnected``: counts by ledger outcome, in words."""
    return ", ".join(
        f"{count:,} {OUTCOME_WORDS.get(outcome, outcome)}" for outcome, count in counts
    )


def _estimated_note(activity: BackendActivity) -> str:
    """How many requests have estimated counts, why (the ledger's outcome of each, when the
    raw rows were read) and how they were estimated."""
    if activity.estimated_by_outcome is None:
        why = (
            "the engine reported none, or the stream was cut or the client disconnected before "
            "it did; the rollup does not say which"
        )
    else:
        why = outcome_words(activity.estimated_by_outcome)
    return (
        f"{activity.estimated_requests} of {activity.requests} requests have estimated token "
        f"counts ({why}): {_ESTIMATE_METHOD}"
    )


def recorded_for(
    config: TcoConfig, recorded: Sequence[RecordedCapacity]
) -> RecordedCapacity | None:
    """The newest recorded capacity on the configured hardware (any, when either side names
    none)."""
    for candidate in recorded:
        hardware = config.hardware
        if hardware and candidate.hardware and candidate.hardware.casefold() != hardware.casefold():
            continue
        return candidate
    return None


def bench_capacity(config: TcoConfig, found: RecordedCapacity) -> Capacity:
    """A recorded capacity per GPU, times the GPUs of one configured replica."""
    slo = found.detail.get("slo") or {}
    objectives = ", ".join(f"{k.removesuffix('_ms')} <= {v:g} ms" for k, v in slo.items())
    source = (
        f"bench run {found.run_id} of {found.recorded_at:%Y-%m-%d}"
        + (f" on {found.hardware}" if found.hardware else "")
        + f", {found.tokens_per_second_per_gpu:,.1f} tokens/s per GPU x {config.gpus} GPU"
        + (f" at {objectives}" if objectives else " at saturation (no SLO)")
    )
    return Capacity(
        found.tokens_per_second_per_gpu * config.gpus,
        config.target_utilisation,
        "bench",
        source,
        output_tokens_per_second=found.output_tokens_per_second / found.gpus * config.gpus,
    )


def choose_capacity(
    config: TcoConfig, activity: BackendActivity | None, recorded: Sequence[RecordedCapacity]
) -> tuple[Capacity | None, list[str]]:
    """A bench measurement on the configured hardware, else the declared figure, else what the
    window's traffic shows (a lower bound); with notes saying which and why."""
    notes: list[str] = []
    found = recorded_for(config, recorded)
    if found is not None:
        if found.gpus != config.gpus:
            notes.append(
                f"the bench run measured {found.gpus} GPU(s) a replica; the capacity is scaled "
                f"per GPU to the configured {config.gpus} (assumes throughput grows with GPUs)"
            )
        if config.hardware and not found.hardware:
            notes.append(
                f"bench run {found.run_id} names no hardware; taken to be {config.hardware}"
            )
        if config.max_tokens_per_second is not None:
            notes.append(
                f"the declared max_tokens_per_second ({config.max_tokens_per_second:,g}) is "
                f"superseded by bench run {found.run_id}"
            )
        return bench_capacity(config, found), notes
    hardware = config.hardware or f"{config.gpus} GPU{'' if config.gpus == 1 else 's'} a replica"
    elsewhere = sorted({r.hardware for r in recorded if r.hardware})
    if config.max_tokens_per_second is not None:
        capacity: Capacity | None = Capacity(
            config.max_tokens_per_second, config.target_utilisation, "declared"
        )
        fallback = "the declared max_tokens_per_second is used"
    else:
        capacity = _traffic_capacity(config, activity)
        fallback = (
            "capacity is what this window's traffic shows, a lower bound"
            if capacity is not None
            else "capacity is not checked (no max_tokens_per_second and no traffic)"
        )
    notes.append(
        f"warning: no bench measurement of this backend's hardware ({hardware})"
        + (f"; recorded ones are on {', '.join(elsewhere)}" if elsewhere else "")
        + f": {fallback}. Measure it: bastion bench run URL --record-capacity NAME"
        + (" --hardware ..." if config.hardware else "")
    )
    return capacity, notes


def _traffic_capacity(config: TcoConfig, activity: BackendActivity | None) -> Capacity | None:
    if activity is None:
        return None
    busy = activity.busy.busy_seconds
    if busy <= 0 or not activity.tokens.total:
        return None
    per_replica = activity.tokens.total / busy / config.replicas
    return Capacity(per_replica, config.target_utilisation, "measured")


def _chargeback(
    tco: MonthlyTco,
    config: TcoConfig,
    activity: BackendActivity,
    window: Window,
    margin: Margin,
    *,
    capacity: Capacity | None = None,
) -> Chargeback:
    util = config.target_utilisation
    if capacity is not None and capacity.basis == "bench":
        tps: float | None = capacity.tokens_per_second * config.replicas * util
        tps_basis = "bench-measured capacity x replicas x target utilisation"
    elif config.max_tokens_per_second is not None:
        tps = config.max_tokens_per_second * config.replicas * util
        tps_basis = "declared max_tokens_per_second x replicas x target utilisation"
    else:
        tps = activity.tokens.total / window.seconds or None
        tps_basis = "measured average tokens/s over the window"
    if config.max_concurrency is not None:
        slots: float | None = config.max_concurrency * config.replicas * util
        slot_basis = "declared max_concurrency x replicas x target utilisation"
    else:
        slots = activity.busy.mean_concurrency or None
        slot_basis = "measured mean requests in flight over the window"
    return chargeback(
        tco.total,
        tco.hours_per_month,
        margin,
        tokens_per_second=tps,
        slots=slots,
        basis=f"throughput: {tps_basis}; slots: {slot_basis}",
    )


def _traffic_lines(
    rows: list[TrafficRow], names: TenantNames, pricer: _DailyPricer
) -> tuple[TrafficLine, ...]:
    groups: dict[tuple[str, str], list[TrafficRow]] = {}
    for row in rows:
        groups.setdefault((row.tenant_id, row.endpoint), []).append(row)
    lines = []
    for (tenant_id, endpoint), group in sorted(groups.items()):
        priced: tuple[PricedTraffic, ...] = ()
        if endpoint not in UNPRICED_ENDPOINTS:
            priced = tuple(p for m in pricer.models if (p := pricer.price(m, group)))
        lines.append(
            TrafficLine(
                tenant_id=tenant_id,
                tenant=names.names.get(tenant_id),
                endpoint=endpoint,
                requests=sum(r.requests for r in group),
                errors=sum(r.errors for r in group),
                estimated_requests=sum(r.estimated_requests for r in group),
                tokens=sum((r.tokens for r in group), TokenCounts()),
                api=priced,
                tenant_stored=tenant_id in names.stored,
            )
        )
    return tuple(lines)


def _per_million(cost: Decimal | None, tokens: int) -> Decimal | None:
    if cost is None or not tokens:
        return None
    return cost / Decimal(tokens) * MILLION
