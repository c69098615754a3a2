"""JSON-ready dictionaries of prices, costs and reports (for ``--json`` and the admin API).

Money is a number of US dollars rounded to 6 decimals; token counts are exact integers.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from bastion.economics.apicost import TokenCounts
from bastion.economics.breakeven import BreakEven, VolumeCost
from bastion.economics.capacity import Capacity, CapacityCost
from bastion.economics.chargeback import Chargeback
from bastion.economics.estimate import Estimate
from bastion.economics.payback import Payback
from bastion.economics.prices import PriceQuote, Rates
from bastion.economics.report import BackendReport, PricedTraffic, Report, TrafficLine
from bastion.economics.snapshot import TableInfo
from bastion.economics.tco import MonthlyTco
from bastion.economics.utilisation import Busy
from bastion.economics.window import Window

JSON = dict[str, Any]


def usd(value: Decimal | None) -> float | None:
    return None if value is None else float(round(value, 6))


def table_dict(info: TableInfo, today: date) -> JSON:
    return {
        "package": info.package,
        "version": info.version,
        "data_date": info.data_date.isoformat() if info.data_date else None,
        "data_date_basis": info.data_date_basis,
        "age_days": info.age_days(today),
        "newest_dated_change": info.newest_change.isoformat() if info.newest_change else None,
        "providers": info.providers,
        "models": info.models,
        "downloads": "never: the bundled data is used as shipped",
    }


def rates_dict(rates: Rates) -> JSON:
    return {
        "input_per_m": usd(rates.input),
        "cached_input_per_m": usd(rates.cached_input),
        "output_per_m": usd(rates.output),
    }


def quote_dict(quote: PriceQuote) -> JSON:
    return {
        "requested": quote.requested,
        "model": quote.model,
        "provider": quote.provider,
        "on": quote.on.isoformat(),
        "rates_usd": rates_dict(quote.rates),
        "tier_threshold_input_tokens": quote.tier_threshold,
        "top_tier_rates_usd": rates_dict(quote.top_rates) if quote.top_rates else None,
        "source": quote.source,
        "source_detail": quote.source_detail,
        "effective_from": quote.effective_from.isoformat() if quote.effective_from else None,
        "next_change": quote.next_change.isoformat() if quote.next_change else None,
        "notes": list(quote.notes),
    }


def tokens_dict(tokens: TokenCounts) -> JSON:
    return {
        "input": tokens.input_tokens,
        "cached_input": tokens.cached_input_tokens,
        "output": tokens.output_tokens,
        "total": tokens.total,
    }


def tco_dict(tco: MonthlyTco) -> JSON:
    return {
        "monthly_usd": usd(tco.total),
        "replicas": tco.replicas,
        "spare_replicas": tco.spare_replicas,
        "hours_per_month": float(tco.hours_per_month),
        "lines": [
            {
                "name": line.name,
                "monthly_usd": usd(line.monthly),
                "formula": line.formula,
                "scales_with_replicas": line.scales_with_replicas,
            }
            for line in tco.lines
        ],
    }


def capacity_dict(capacity: Capacity | None) -> JSON | None:
    if capacity is None:
        return None
    return {
        "tokens_per_second_per_replica": capacity.tokens_per_second,
        "target_utilisation": capacity.target_utilisation,
        "basis": capacity.basis,
        "source": capacity.source,
        "output_tokens_per_second_per_replica": capacity.output_tokens_per_second,
        "tokens_per_day_per_replica": float(capacity.tokens_per_day),
        "formula": capacity.describe(),
    }


def capacity_cost_dict(cost: CapacityCost | None) -> JSON | None:
    if cost is None:
        return None
    return {
        "per_m_tokens_usd": usd(cost.per_m),
        "per_m_output_tokens_usd": usd(cost.per_m_output),
        "formula": cost.formula,
    }


def payback_dict(result: Payback | None) -> JSON | None:
    if result is None:
        return None
    return {
        "with_operator_time": result.with_operator,
        "upfront_usd": usd(result.upfront),
        "running_monthly_usd": usd(result.running_monthly),
        "api_monthly_usd": usd(result.api_monthly),
        "month": result.month,
        "formula": result.formula,
    }


def break_even_dict(result: BreakEven | None) -> JSON | None:
    if result is None:
        return None
    per_day = result.tokens_per_day
    return {
        "api_rate_per_m_usd": usd(result.api_rate_per_m),
        "tokens_per_day": None if per_day is None else round(float(per_day)),
        "tokens_per_month": None
        if per_day is None
        else round(float(per_day * result.days_per_month)),
        "days_per_month": float(result.days_per_month),
        "replicas": result.replicas,
        "monthly_cost_usd": usd(result.monthly_cost),
        "capacity_checked": result.capacity is not None,
        "explanation": result.explanation,
        "continuous_fleet_tokens_per_day": None
        if result.continuous_tokens_per_day is None
        else round(float(result.continuous_tokens_per_day)),
    }


def volume_dict(volume: VolumeCost) -> JSON:
    return {
        "tokens_per_day": round(float(volume.tokens_per_day)),
        "replicas_needed": volume.replicas_needed,
        "replicas_configured": volume.replicas_configured,
        "fits_configured_replicas": volume.fits_configured,
        "self_hosted_monthly_usd": usd(volume.self_hosted_monthly),
        "api_monthly_usd": usd(volume.api_monthly),
    }


def chargeback_dict(result: Chargeback | None) -> JSON | None:
    if result is None:
        return None
    return {
        "margin_kind": result.margin.kind,
        "margin": float(result.margin.value),
        "margin_rule": result.margin.describe(),
        "tokens_per_second_sold": result.tokens_per_second,
        "slots_sold": result.slots,
        "basis": result.basis,
        "prices": [
            {
                "unit": p.unit,
                "cost_usd": usd(p.cost),
                "price_usd": usd(p.price),
                "cost_formula": p.basis,
            }
            for p in result.prices
        ],
    }


def busy_dict(busy: Busy) -> JSON:
    return {
        "window_seconds": busy.window_seconds,
        "busy_seconds": round(busy.busy_seconds, 3),
        "utilisation": round(busy.utilisation, 6),
        "mean_concurrency": round(busy.mean_concurrency, 6),
        "peak_concurrency": busy.peak_concurrency,
    }


def report_dict(report: Report) -> JSON:
    """The whole report; every figure next to the inputs it came from."""
    today = report.generated_at.date()
    return {
        "currency": "USD",
        "generated_at": report.generated_at.isoformat(),
        "window": _window_dict(report.window),
        "price_table": table_dict(report.table, today),
        "price_overrides": report.overrides,
        "prices": [quote_dict(q) for q in report.quotes],
        "self_hosted_cost_usd": usd(report.self_hosted_cost),
        "api_totals": [_priced_dict(p) for p in report.api_totals],
        "backends": [_backend_dict(b) for b in report.backends],
        "traffic": [_traffic_dict(t) for t in report.traffic],
        "notes": list(report.notes),
    }


def _window_dict(window: Window) -> JSON:
    partial = window.partial_hour
    return {
        "start": window.start.isoformat(),
        "end": window.end.isoformat(),
        "hours": float(window.hours),
        # The current hour, when the window runs to now: counted as far as it has gone.
        "partial_hour_start": None if partial is None else partial.isoformat(),
        "note": "starts on a whole UTC hour, as the hourly rollup does; a window that runs to "
        "now ends with the current hour, partial",
    }


def _priced_dict(priced: PricedTraffic) -> JSON:
    return {
        "model": priced.model,
        "cost_usd": usd(priced.cost),
        "uncached_input_usd": usd(priced.uncached_input),
        "cached_input_usd": usd(priced.cached_input),
        "output_usd": usd(priced.output),
        "cost_high_usd": usd(priced.cost_high),
        "rates_usd": rates_dict(priced.quote.rates),
        "sources": list(priced.sources),
    }


def _backend_dict(backend: BackendReport) -> JSON:
    activity = backend.activity
    busy = activity.busy
    tokens = activity.tokens
    return {
        "backend": backend.backend,
        "simulated": backend.simulated,
        "requests": activity.requests,
        "errors": activity.errors,
        "estimated_requests": activity.estimated_requests,
        # By the ledger's outcome (``error``: failed); null when read from the rollup.
        "errors_by_outcome": _by_outcome(activity.errors_by_outcome),
        "estimated_by_outcome": _by_outcome(activity.estimated_by_outcome),
        "tokens": tokens_dict(tokens),
        "busy": busy_dict(busy),
        "throughput": {
            "output_tokens_per_second_busy": _rate(tokens.output_tokens, busy.busy_seconds),
            "total_tokens_per_second_busy": _rate(tokens.total, busy.busy_seconds),
            "output_tokens_per_second_window": _rate(tokens.output_tokens, busy.window_seconds),
            "total_tokens_per_second_window": _rate(tokens.total, busy.window_seconds),
        },
        "tco": tco_dict(backend.tco) if backend.tco else None,
        "window_cost_usd": usd(backend.window_cost),
        "effective_per_m_tokens_usd": usd(backend.effective_per_m),
        "effective_per_m_output_tokens_usd": usd(backend.effective_per_m_output),
        "compared_tokens": tokens_dict(backend.compared_tokens),
        "capacity": capacity_dict(backend.capacity),
        "at_capacity": capacity_cost_dict(backend.at_capacity),
        "comparisons": [
            {
                "model": c.model,
                "api": _priced_dict(c.api),
                "break_even": break_even_dict(c.break_even),
                "break_even_top_tier": break_even_dict(c.break_even_high),
                "current": volume_dict(c.current),
                "current_to_break_even": None if c.ratio is None else float(round(c.ratio, 6)),
            }
            for c in backend.comparisons
        ],
        "chargeback": chargeback_dict(backend.chargeback),
        "notes": list(backend.notes),
    }


def _traffic_dict(line: TrafficLine) -> JSON:
    return {
        "tenant_id": line.tenant_id or None,
        "tenant": line.tenant,
        # False: the name is the one the ledger recorded; no stored tenant has this id now.
        "tenant_stored": line.tenant_stored,
        "endpoint": line.endpoint,
        "requests": line.requests,
        "errors": line.errors,
        "estimated_requests": line.estimated_requests,
        "tokens": tokens_dict(line.tokens),
        "api": [_priced_dict(p) for p in line.api],
    }


def _by_outcome(counts: tuple[tuple[str, int], ...] | None) -> dict[str, int] | None:
    return None if counts is None else dict(counts)


def _rate(count: int, seconds: float) -> float | None:
    return None if seconds <= 0 else round(count / seconds, 3)


def estimate_dict(result: Estimate) -> JSON:
    return {
        "currency": "USD",
        "prices_on": result.on.isoformat(),
        "mix": {
            "input_share": float(result.mix.input_share),
            "cached_share_of_input": float(result.mix.cached_share),
            "output_share": float(1 - result.mix.input_share),
        },
        "self_hosted": tco_dict(result.tco),
        "capacity": capacity_dict(result.capacity),
        "prompt_tokens": result.prompt_tokens,
        "models": [
            {
                "price": quote_dict(m.quote),
                "blended_rate_per_m_usd": usd(m.rate_per_m),
                "blended_rate_per_m_top_tier_usd": usd(m.rate_per_m_high),
                "break_even": break_even_dict(m.break_even),
                "break_even_top_tier": break_even_dict(m.break_even_high),
                "tier_at_prompt_tokens": m.tier,
            }
            for m in result.models
        ],
        "scenarios": [
            {
                "tokens_per_day": round(float(s.tokens_per_day)),
                "tokens_per_month": round(float(s.tokens_per_month)),
                "replicas_needed": s.replicas_needed,
                "self_hosted_monthly_usd": usd(s.self_hosted_monthly),
                "self_hosted_per_m_tokens_usd": usd(s.self_hosted_per_m),
                "self_hosted_per_m_output_tokens_usd": usd(s.self_hosted_per_m_output),
                "utilisation_of_capacity": None
                if s.utilisation is None
                else float(round(s.utilisation, 6)),
                "api": [
                    {
                        "model": a.model,
                        "monthly_usd": usd(a.monthly),
                        "monthly_top_tier_usd": usd(a.monthly_high),
                        "annual_usd": usd(a.monthly * 12),
                        "volume_to_break_even": None
                        if a.ratio is None
                        else float(round(a.ratio, 6)),
                        "per_m_output_tokens_usd": usd(s.api_per_m_output(a)),
                        "payback_with_operator": payback_dict(a.payback_with_operator),
                        "payback_without_operator": payback_dict(a.payback_without_operator),
                    }
                    for a in s.api
                ],
                "chargeback": chargeback_dict(s.chargeback),
            }
            for s in result.scenarios
        ],
    }
