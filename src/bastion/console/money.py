"""The money page: the economics report (bastion.economics) for a short window, what each
tenant's traffic costs at each backend's chargeback price, and 90 days of self-hosted cost
against what the same traffic would have cost on an API."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.config import BastionConfig
from bastion.console.charts import Chart, line_chart
from bastion.console.daycache import DayCache
from bastion.console.history import DAYS, daily_sums
from bastion.economics.apicost import TokenCounts, api_cost
from bastion.economics.money import MILLION
from bastion.economics.prices import PriceBook, PriceNotFoundError, PriceQuote
from bastion.economics.report import UNPRICED_ENDPOINTS, Report
from bastion.economics.service import economics_of, price_book
from bastion.economics.tco import monthly_tco

_PER_MILLION = "per million tokens"


@dataclass(frozen=True, slots=True)
class SpendLine:
    tenant_id: str
    tenant: str
    endpoint: str
    backend: str
    requests: int
    tokens: TokenCounts
    chargeback_usd: Decimal | None
    api_usd: Decimal | None


def chargeback_prices(report: Report) -> dict[str, Decimal]:
    """Each self-hosted backend's price per million tokens (the margin applied)."""
    prices = {}
    for backend in report.backends:
        if backend.chargeback is None:
            continue
        for unit in backend.chargeback.prices:
            if unit.unit == _PER_MILLION:
                prices[backend.backend] = unit.price
    return prices


def spend_lines(report: Report, config: BastionConfig, names: dict[str, str]) -> list[SpendLine]:
    """Per tenant, endpoint and backend over the report's window (the rollup rows it was made
    from): tokens, their chargeback (self-hosted backends with a price) and the first compared
    API model's price for them."""
    rows = report.rows
    prices = chargeback_prices(report)
    economics = economics_of(config)
    quotes = _Quotes(price_book(economics))
    model = economics.compare_with[0] if economics.compare_with else None
    sums: dict[tuple[str, str, str], _Sum] = {}
    for row in rows:
        entry = sums.setdefault((row.tenant_id, row.endpoint, row.backend), _Sum())
        entry.requests += row.requests
        entry.tokens += row.tokens
        api = _api_usd(quotes, model, row.day, row.tokens, row.endpoint)
        if api is None:
            entry.priced = False
        else:
            entry.api += api
    lines = []
    for (tenant_id, endpoint, backend), entry in sorted(sums.items()):
        per_m = prices.get(backend)
        lines.append(
            SpendLine(
                tenant_id=tenant_id,
                tenant=names.get(tenant_id) or tenant_id or "(no tenant)",
                endpoint=endpoint,
                backend=backend,
                requests=entry.requests,
                tokens=entry.tokens,
                chargeback_usd=None if per_m is None else per_m * entry.tokens.total / MILLION,
                api_usd=entry.api if entry.priced else None,
            )
        )
    lines.sort(key=lambda line: (-(line.chargeback_usd or 0), -line.tokens.total, line.tenant))
    return lines


@dataclass(slots=True)
class _Sum:
    requests: int = 0
    tokens: TokenCounts = field(default_factory=TokenCounts)
    api: Decimal = Decimal(0)
    priced: bool = True


class _Quotes:
    """A price book's quotes, looked up once per model and day (a lookup costs about a
    millisecond; a page prices a row per tenant, endpoint and day)."""

    def __init__(self, book: PriceBook) -> None:
        self._book = book
        self._found: dict[tuple[str, date], PriceQuote | None] = {}

    def quote(self, model: str, day: date) -> PriceQuote | None:
        key = (model, day)
        if key not in self._found:
            try:
                self._found[key] = self._book.quote(model, day)
            except PriceNotFoundError:
                self._found[key] = None
        return self._found[key]


def _api_usd(
    quotes: _Quotes, model: str | None, day: date, tokens: TokenCounts, endpoint: str
) -> Decimal | None:
    if model is None or endpoint in UNPRICED_ENDPOINTS:
        return None
    quote = quotes.quote(model, day)
    if quote is None:
        return None
    cost = api_cost(tokens, quote)
    return cost.uncached_input + cost.cached_input + cost.output


def chargeback_csv(lines: list[SpendLine], report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "window_start",
            "window_end",
            "tenant_id",
            "tenant",
            "endpoint",
            "backend",
            "requests",
            "input_tokens",
            "cached_input_tokens",
            "output_tokens",
            "chargeback_usd",
            "api_equivalent_usd",
        ]
    )
    for line in lines:
        writer.writerow(
            [
                report.window.start.isoformat(),
                report.window.end.isoformat(),
                line.tenant_id,
                _cell(line.tenant),
                line.endpoint,
                line.backend,
                line.requests,
                line.tokens.input_tokens,
                line.tokens.cached_input_tokens,
                line.tokens.output_tokens,
                "" if line.chargeback_usd is None else f"{line.chargeback_usd:.6f}",
                "" if line.api_usd is None else f"{line.api_usd:.6f}",
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """A spreadsheet would run a cell starting with = + - @ as a formula: quote it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


async def cost_over_time(
    engine: AsyncEngine, cache: DayCache, config: BastionConfig, now: datetime
) -> Chart | None:
    """Per day for 90 days: the self-hosted cost (every configured backend's TCO; the
    break-even line) against the first compared API model's price for the traffic served
    on-premises. None without a TCO or an API model to compare with."""
    economics = economics_of(config)
    if not economics.tco or not economics.compare_with:
        return None
    model = economics.compare_with[0]
    quotes = _Quotes(price_book(economics))
    today = now.astimezone(UTC).date()
    first = today - timedelta(days=DAYS - 1)
    rows = await daily_sums(
        engine, cache, now, since=first, group_by=("location", "endpoint", "purpose")
    )
    tokens: dict[date, TokenCounts] = {}
    for row in rows:
        if row["location"] != "local" or row["purpose"] or row["endpoint"] in UNPRICED_ENDPOINTS:
            continue
        day = date.fromisoformat(row["day"])
        counts = TokenCounts(row["input_tokens"], row["cached_input_tokens"], row["output_tokens"])
        tokens[day] = tokens.get(day, TokenCounts()) + counts
    daily_tco = Decimal(0)
    for tco in economics.tco.values():
        monthly = monthly_tco(tco)
        daily_tco += monthly.total * 24 / monthly.hours_per_month
    days = [first + timedelta(days=i) for i in range(DAYS)]
    api: list[float | None] = []
    for day in days:
        spent = _api_usd(quotes, model, day, tokens.get(day, TokenCounts()), "chat")
        api.append(None if spent is None else float(spent))
    return line_chart(
        "Self-hosted cost against the API, per day",
        "USD",
        [day.isoformat() for day in days],
        [
            (f"same traffic on {model}", api),
            ("self-hosted cost (break-even)", [float(daily_tco)] * len(days)),
        ],
        dashed=("self-hosted cost (break-even)",),
    )
