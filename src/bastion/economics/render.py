"""Plain-text rendering of estimates, reports and prices: each figure next to its inputs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from bastion.economics.breakeven import BreakEven
from bastion.economics.capacity import Capacity
from bastion.economics.chargeback import Chargeback
from bastion.economics.estimate import ApiMonthly, Estimate
from bastion.economics.money import (
    fmt_money,
    fmt_number,
    fmt_share,
    fmt_significant,
    fmt_tokens,
)
from bastion.economics.prices import PriceQuote
from bastion.economics.report import BackendReport, PricedTraffic, Report, outcome_words
from bastion.economics.snapshot import TableInfo
from bastion.economics.tco import MonthlyTco

INDENT = "  "
RANGE_LEGEND = "(a range runs from base rates to every request paying the long-prompt tier)"


def table_lines(info: TableInfo, today: date) -> list[str]:
    if info.data_date is None:
        age = f"data date unknown ({info.data_date_basis})"
    else:
        age = (
            f"data as of {info.data_date}, {info.age_days(today)} days old ({info.data_date_basis})"
        )
    lines = [
        f"Price table: {info.package} {info.version}, {age}; "
        f"{info.providers} providers, {info.models:,} model entries; bundled, never downloaded."
    ]
    if info.scheduled_after(today):
        lines.append(
            f"{INDENT}It also holds announced price changes up to {info.newest_change}; "
            "each day is priced at the rates in force that day."
        )
    return lines


def quote_lines(quote: PriceQuote) -> list[str]:
    provider = f" ({quote.provider})" if quote.provider else ""
    rates = quote.rates
    lines = [
        f"{quote.requested} -> {quote.model}{provider}, prices on {quote.on}:",
        f"{INDENT}input {fmt_money(rates.input)}/M, cached input {fmt_money(rates.cached_input)}/M,"
        f" output {fmt_money(rates.output)}/M",
        f"{INDENT}source: {quote.source_detail}" + (" [OVERRIDE]" if quote.is_override else ""),
    ]
    if quote.effective_from:
        lines.append(f"{INDENT}in force since {quote.effective_from}")
    if quote.next_change:
        lines.append(f"{INDENT}the table has a price change on {quote.next_change}")
    lines += [f"{INDENT}note: {note}" for note in quote.notes]
    return lines


def tco_lines(tco: MonthlyTco, title: str) -> list[str]:
    width = max([len(line.name) for line in tco.lines] + [5])
    lines = [title]
    for line in tco.lines:
        lines.append(f"{INDENT}{line.name:<{width}}  {fmt_money(line.monthly):>12}  {line.formula}")
    lines.append(f"{INDENT}{'total':<{width}}  {fmt_money(tco.total):>12}")
    return lines


def break_even_text(result: BreakEven, high: BreakEven | None = None) -> str:
    if result.tokens_per_day is None:
        return result.explanation
    text = (
        f"{fmt_tokens(result.tokens_per_day)} tokens/day "
        f"({fmt_tokens(result.tokens_per_day * result.days_per_month)}/month) at "
        f"{fmt_money(result.api_rate_per_m)}/M blended; {result.explanation}"
    )
    if high is not None and high.tokens_per_day is not None:
        text += (
            f"; {fmt_tokens(high.tokens_per_day)} tokens/day if every request paid the "
            f"long-prompt tier ({fmt_money(high.api_rate_per_m)}/M)"
        )
    if result.continuous_tokens_per_day is not None:
        text += (
            f"; a continuous fleet (paying for the share of a replica it uses) breaks even at "
            f"{fmt_tokens(result.continuous_tokens_per_day)} tokens/day"
        )
    return text


def capacity_text(capacity: Capacity | None) -> str:
    if capacity is None:
        return "capacity: not checked (no declared or measured throughput)"
    return (
        f"capacity: {fmt_tokens(capacity.tokens_per_day)} tokens/day per replica = "
        f"{capacity.describe()}"
    )


def chargeback_lines(result: Chargeback) -> list[str]:
    lines = [f"Chargeback ({result.margin.describe()}):", f"{INDENT}basis: {result.basis}"]
    if not result.prices:
        lines.append(f"{INDENT}no price: nothing was sold in the basis period")
    for price in result.prices:
        lines.append(
            f"{INDENT}{price.unit}: cost {fmt_money(price.cost)}, price {fmt_money(price.price)}"
            f"  [{price.basis}]"
        )
    return lines


def estimate_lines(result: Estimate) -> list[str]:
    mix = result.mix
    lines = [
        f"What-if estimate (USD; API prices on {result.on}; a month is "
        f"{fmt_number(result.tco.hours_per_month)} h = "
        f"{fmt_number(round(result.tco.hours_per_month / 24, 2))} days)",
        f"Mix (stated): {fmt_share(float(mix.input_share))} input, of which "
        f"{fmt_share(float(mix.cached_share))} cached; "
        f"{fmt_share(float(1 - mix.input_share))} output",
        "",
    ]
    lines += tco_lines(
        result.tco, f"Self-hosted, per month ({_replicas(result.tco.replicas)} configured):"
    )
    lines.append(f"{INDENT}{capacity_text(result.capacity)}")
    lines.append("")
    lines.append("API prices and break-even:")
    for model in result.models:
        lines += [INDENT + line for line in quote_lines(model.quote)]
        rate = f"{fmt_money(model.rate_per_m)}/M tokens"
        if model.rate_per_m_high is not None:
            rate += f" ({fmt_money(model.rate_per_m_high)}/M in the long-prompt tier)"
        if model.tier is not None:
            rate += (
                f" at the {model.tier} tier's rates: requests of {result.prompt_tokens:,} "
                f"input tokens (the tier starts above {model.quote.tier_threshold:,})"
            )
        lines.append(f"{INDENT * 2}blended for this mix: {rate}")
        lines.append(
            f"{INDENT * 2}break-even: {break_even_text(model.break_even, model.break_even_high)}"
        )
    for scenario in result.scenarios:
        lines.append("")
        per_m = scenario.self_hosted_per_m
        lines.append(
            f"At {fmt_tokens(scenario.tokens_per_day)} tokens/day "
            f"({fmt_tokens(scenario.tokens_per_month)}/month):"
        )
        per_output = scenario.self_hosted_per_m_output
        lines.append(
            f"{INDENT}self-hosted: {fmt_money(scenario.self_hosted_monthly)}/month with "
            f"{_replicas(scenario.replicas_needed)}"
            + (f" = {fmt_money(per_m)}/M tokens" if per_m is not None else "")
            + (f", {fmt_money(per_output)}/M output tokens" if per_output is not None else "")
        )
        if scenario.utilisation is not None and result.capacity is not None:
            full = result.capacity.tokens_per_second * scenario.replicas_needed
            target = fmt_share(result.capacity.target_utilisation)
            lines.append(
                f"{INDENT}utilisation at this volume: {fmt_share(float(scenario.utilisation))} "
                f"of the full capacity of {_replicas(scenario.replicas_needed)} "
                f"({fmt_number(round(scenario.tokens_per_day / 86_400, 1))} of "
                f"{fmt_number(round(full, 1))} tokens/s; target {target})"
            )
        for api in scenario.api:
            monthly = _range(api.monthly, api.monthly_high)
            annual = _range(api.monthly * 12, api.monthly_high * 12)
            where = (
                f"; volume is {_ratio(api.ratio)} of break-even" if api.ratio is not None else ""
            )
            api_output = scenario.api_per_m_output(api)
            output = f"; {fmt_money(api_output)}/M output tokens" if api_output is not None else ""
            lines.append(f"{INDENT}{api.model}: {monthly}/month, {annual}/year{where}{output}")
            lines += [f"{INDENT * 2}{line}" for line in payback_lines(api)]
        if any(api.monthly_high != api.monthly for api in scenario.api):
            lines.append(f"{INDENT}{RANGE_LEGEND}")
        lines += [INDENT + line for line in chargeback_lines(scenario.chargeback)]
    return lines


def payback_lines(api: ApiMonthly) -> list[str]:
    lines = []
    for result, who in (
        (api.payback_with_operator, "with the operator's time"),
        (api.payback_without_operator, "without the operator's time"),
    ):
        if result is None:
            continue
        when = (
            f"pays for itself in month {result.month}"
            if result.month is not None
            else "never pays for itself (running it costs at least what the API charges)"
        )
        lines.append(f"{who}, what was paid up front {when} [{result.formula}]")
    return lines


def report_lines(report: Report) -> list[str]:
    today = report.generated_at.date()
    lines = [
        f"Cost report (USD), window {report.window.describe()}",
        *table_lines(report.table, today),
    ]
    if report.overrides:
        lines.append(f"Price overrides: {report.overrides} (they take precedence)")
    for quote in report.quotes:
        lines += [INDENT + line for line in quote_lines(quote)]
    if any(quote.top_rates for quote in report.quotes):
        lines.append(f"{INDENT}{RANGE_LEGEND}")
    for backend in report.backends:
        lines.append("")
        lines += _backend_lines(backend, report)
    lines.append("")
    lines += _traffic_lines(report)
    if report.notes:
        lines.append("")
        lines += ["Notes:"] + [f"{INDENT}{note}" for note in report.notes]
    return lines


def _backend_lines(backend: BackendReport, report: Report) -> list[str]:
    activity = backend.activity
    busy = activity.busy
    tokens = activity.tokens
    lines = [f"Backend {backend.label}:"]
    lines.append(
        f"{INDENT}{_count(activity.requests, 'request')} ({_errors(backend)}), "
        f"{fmt_tokens(tokens.input_tokens)} input ({fmt_tokens(tokens.cached_input_tokens)} "
        f"cached) + {fmt_tokens(tokens.output_tokens)} output tokens"
        + (
            f"; {activity.estimated_requests} with estimated counts"
            if activity.estimated_requests
            else ""
        )
    )
    lines.append(
        f"{INDENT}utilisation {fmt_share(busy.utilisation)}: at least one request in flight for "
        f"{fmt_number(round(busy.busy_seconds, 1))} s of {fmt_number(busy.window_seconds)} s "
        f"(window {report.window.describe()}); mean {fmt_significant(busy.mean_concurrency)}"
        + ("" if busy.peak_concurrency is None else f", peak {busy.peak_concurrency}")
        + " in flight"
    )
    if busy.busy_seconds > 0:
        lines.append(
            f"{INDENT}throughput while busy: {tokens.output_tokens / busy.busy_seconds:,.1f} "
            f"output tokens/s, {tokens.total / busy.busy_seconds:,.1f} total tokens/s; "
            f"over the window: {tokens.output_tokens / busy.window_seconds:,.2f} output, "
            f"{tokens.total / busy.window_seconds:,.2f} total tokens/s"
        )
    if backend.tco is not None and backend.window_cost is not None:
        lines += [
            INDENT + line
            for line in tco_lines(backend.tco, f"Monthly cost ({_replicas(backend.tco.replicas)}):")
        ]
        lines.append(
            f"{INDENT}window cost: {fmt_money(backend.window_cost)} = "
            f"{fmt_money(backend.tco.total)} x {report.window.hours_text} h / "
            f"{fmt_number(backend.tco.hours_per_month)} h"
        )
        if backend.effective_per_m is not None and backend.effective_per_m_output is not None:
            lines.append(
                f"{INDENT}effective: {fmt_money(backend.effective_per_m)}/M tokens served, "
                f"{fmt_money(backend.effective_per_m_output)}/M output tokens "
                f"(window cost / {tokens.total:,} tokens)"
            )
        lines.append(f"{INDENT}{capacity_text(backend.capacity)}")
        at = backend.at_capacity
        if at is not None:
            lines.append(
                f"{INDENT}at capacity: {fmt_money(at.per_m)}/M tokens"
                + (f", {fmt_money(at.per_m_output)}/M output tokens" if at.per_m_output else "")
                + f" [{at.formula}]"
            )
    if backend.comparisons:
        mix = backend.compared_tokens.mix()
        lines.append(
            f"{INDENT}measured mix of the compared traffic: {fmt_share(float(mix.input_share))} "
            f"input, of which {fmt_share(float(mix.cached_share))} cached; "
            f"{fmt_share(float(1 - mix.input_share))} output"
        )
    for comparison in backend.comparisons:
        api = comparison.api
        current = comparison.current
        lines.append(
            f"{INDENT}vs {comparison.model}: the compared traffic "
            f"({fmt_tokens(backend.compared_tokens.total)} tokens) would have cost "
            f"{_range(api.cost, api.cost_high)} [{'; '.join(api.sources)}]"
        )
        lines.append(
            f"{INDENT * 2}break-even: "
            f"{break_even_text(comparison.break_even, comparison.break_even_high)}"
        )
        ratio = comparison.ratio
        lines.append(
            f"{INDENT * 2}current: {fmt_tokens(current.tokens_per_day)} tokens/day"
            + (f" = {_ratio(ratio)} of break-even" if ratio is not None else "")
            + f"; self-hosted {fmt_money(current.self_hosted_monthly)}/month vs API "
            f"{fmt_money(current.api_monthly)}/month at this volume"
            + _fits(current.fits_configured, current.replicas_needed)
        )
    if backend.chargeback is not None:
        lines += [INDENT + line for line in chargeback_lines(backend.chargeback)]
    lines += [
        f"{INDENT}{note}" if note.startswith("warning:") else f"{INDENT}note: {note}"
        for note in backend.notes
    ]
    return lines


def _traffic_lines(report: Report) -> list[str]:
    if not report.traffic:
        return ["Local traffic by tenant and endpoint: none in the window."]
    lines = ["Local traffic by tenant and endpoint, and what it would have cost on each API model:"]
    for line in report.traffic:
        who = line.tenant or line.tenant_id or "(no tenant)"
        if line.tenant and not line.tenant_stored:
            who += " (name from the ledger; not a stored tenant)"
        estimated = (
            f", {line.estimated_requests} with estimated counts" if line.estimated_requests else ""
        )
        lines.append(
            f"{INDENT}{who} / {line.endpoint}: {_count(line.requests, 'request')}{estimated}; "
            f"{fmt_tokens(line.tokens.input_tokens)} input "
            f"({fmt_tokens(line.tokens.cached_input_tokens)} cached), "
            f"{fmt_tokens(line.tokens.output_tokens)} output"
        )
        if not line.api:
            lines.append(f"{INDENT * 2}not priced on the API models")
        for priced in line.api:
            lines.append(f"{INDENT * 2}{_priced_text(priced)}")
    lines.append(
        f"{INDENT}total self-hosted cost of the window: {fmt_money(report.self_hosted_cost)}"
    )
    lines += [_total_line(total) for total in report.api_totals]
    return lines


def _total_line(total: PricedTraffic) -> str:
    return f"{INDENT}total on {_priced_text(total)}"


def _priced_text(priced: PricedTraffic) -> str:
    return (
        f"{priced.model}: {_range(priced.cost, priced.cost_high)} = input "
        f"{fmt_money(priced.uncached_input)} + cached input {fmt_money(priced.cached_input)} + "
        f"output {fmt_money(priced.output)}"
        + (" at base rates" if priced.cost_high != priced.cost else "")
    )


def _range(low: Decimal, high: Decimal) -> str:
    """A cost, or the range from base rates to every request in the long-prompt tier."""
    if high == low:
        return fmt_money(low)
    return f"{fmt_money(low)} to {fmt_money(high)}"


def _ratio(ratio: Decimal) -> str:
    if ratio >= 1:
        return f"{ratio:.2f}x"
    return fmt_share(float(ratio))


def _fits(fits: bool | None, needed: int) -> str:
    if fits is None:
        return "; capacity not checked"
    if fits:
        return ""
    return f"; needs {_replicas(needed)}, more than configured"


def _replicas(count: int) -> str:
    return _count(count, "replica")


def _errors(backend: BackendReport) -> str:
    """``4 errors: 2 failed, 1 stream cut, 1 client disconnected``; the count alone when only
    the rollup was read (a note then says what an error is)."""
    activity = backend.activity
    text = _count(activity.errors, "error")
    if activity.errors and activity.errors_by_outcome:
        text += f": {outcome_words(activity.errors_by_outcome)}"
    return text


def _count(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def join(lines: Sequence[str]) -> str:
    return "\n".join(lines)
