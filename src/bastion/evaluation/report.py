"""The report of an evaluation run: what each target scored, what it cost, how fast it was,
and whether moving to the candidate pays.

- ``build_report`` gathers the statistics of a run (``stats.py``) into one ``EvalReport``;
- ``render_text`` is the terminal summary, ``report_dict`` the same as JSON;
  ``report_html.render_html`` draws a self-contained page with charts from the same report;
- ``item_records``/``write_jsonl``: every item's answers, checks and verdicts, one JSON line each;
- ``decision_line``: "candidate passes X% vs Y% (difference D, 95% CI [a, b]) at Z% of the
  cost; at the measured volume self-hosting saves $N/month";
- ``gate``: ``--fail-under`` thresholds as an exit code, for CI;
- ``Progress``: the progress bar the runner updates while items complete.

Nothing here does I/O beyond the stream it is given. The report depends only on the run's
records, in whatever order they were stored, so a resumed run reports what an uninterrupted
one would.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from types import TracebackType
from typing import IO, Any, TextIO

import click

from bastion.economics.money import fmt_money
from bastion.evaluation.judge import content_text
from bastion.evaluation.model import EvalItem, ItemResult, RunSpec, Verdict
from bastion.evaluation.savings import Savings
from bastion.evaluation.stats import (
    CONFIDENCE,
    RESAMPLES,
    CostSummary,
    Interval,
    Latency,
    PairedDifference,
    Proportion,
    Regression,
    RubricScores,
    SliceComparison,
    TargetSummary,
    WinTieLoss,
    cost_ratio,
    cost_summary,
    latency,
    paired_difference,
    rubric_scores,
    slice_breakdown,
    target_summary,
    win_tie_loss,
    worst_regressions,
)
from bastion.evaluation.stopping import StopRecord

DEFAULT_COST_SOURCE = "the ledger's price of each request, as the runner recorded it"


# --- the report ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TargetReport:
    target: str
    summary: TargetSummary
    latency: Latency
    cost: CostSummary
    cost_source: str
    # Served by Bastion's simulator: its answers, timings and cost are not an engine's.
    simulated: bool = False

    @property
    def label(self) -> str:
        return f"{self.target} (simulated)" if self.simulated else self.target


@dataclass(frozen=True, slots=True)
class Comparison:
    """One candidate against the baseline."""

    candidate: str
    baseline: str
    difference: PairedDifference
    judged: WinTieLoss
    rubric: RubricScores | None
    cost_ratio: Decimal | None
    regressions: tuple[Regression, ...]
    savings: Savings | None
    # Why there is no savings figure, when there is none.
    savings_note: str | None
    decision: str


@dataclass(frozen=True, slots=True)
class EvalReport:
    spec: RunSpec
    dataset_items: int
    targets: tuple[TargetReport, ...]
    comparisons: tuple[Comparison, ...]
    slices: tuple[SliceComparison, ...]
    prompts: Mapping[str, str]
    confidence: float
    resamples: int
    generated_at: datetime | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    # Why the run stopped before its dataset's end (its early-stopping rule), if it did.
    stopped: StopRecord | None = None

    def target(self, name: str) -> TargetReport:
        return next(t for t in self.targets if t.target == name)

    def comparison(self, candidate: str) -> Comparison:
        return next(c for c in self.comparisons if c.candidate == candidate)

    @property
    def candidates(self) -> tuple[str, ...]:
        return tuple(c.candidate for c in self.comparisons)


def candidates_of(spec: RunSpec) -> tuple[str, ...]:
    return tuple(t for t in spec.targets if t != spec.baseline)


def prompt_excerpt(item: EvalItem, limit: int = 400) -> str:
    """The item's last user turn (or prompt), on one line."""
    request = item.request
    text = ""
    for message in reversed(request.get("messages") or []):
        if isinstance(message, dict) and message.get("role") == "user":
            text = content_text(message.get("content"))
            break
    if not text and isinstance(request.get("prompt"), str):
        text = request["prompt"]
    return _one_line(text, limit)


def build_report(
    spec: RunSpec,
    items: Sequence[EvalItem],
    results: Sequence[ItemResult],
    verdicts: Sequence[Verdict] = (),
    *,
    savings: Mapping[str, Savings | str] | None = None,
    cost_sources: Mapping[str, str] | None = None,
    resamples: int = RESAMPLES,
    confidence: float = CONFIDENCE,
    worst: int = 10,
    skipped: int = 0,
    generated_at: datetime | None = None,
    stopped: StopRecord | None = None,
    simulated: Collection[str] = (),
) -> EvalReport:
    """The report of a run so far. ``savings`` holds, per candidate, a ``Savings`` figure or
    the reason there is none (``savings.measured_savings``); ``cost_sources`` says per target
    where its ``Answer.cost_usd`` came from; ``skipped``: (item, target) pairs the runner did
    not send (items with sensitive data classes go to local targets only); ``stopped``: the
    early-stopping decision that ended the run, if one did; ``simulated``: the targets the
    gateway's simulator served (labelled as such everywhere)."""
    seed = spec.seed
    order = [item.id for item in items]
    candidates = candidates_of(spec)
    targets = tuple(
        TargetReport(
            target=t,
            summary=target_summary(results, t, confidence),
            latency=latency(results, t),
            cost=cost_summary(results, t),
            cost_source=(cost_sources or {}).get(t, DEFAULT_COST_SOURCE),
            simulated=t in simulated,
        )
        for t in spec.targets
    )
    by_target = {t.target: t for t in targets}
    comparisons = []
    for candidate in candidates:
        difference = paired_difference(
            results,
            candidate,
            spec.baseline,
            resamples=resamples,
            seed=seed,
            confidence=confidence,
        )
        judged = win_tie_loss(
            verdicts,
            candidate,
            spec.baseline,
            resamples=resamples,
            seed=seed,
            confidence=confidence,
        )
        rubric = rubric_scores(verdicts, candidate, spec.baseline)
        ratio = cost_ratio(by_target[candidate].cost, by_target[spec.baseline].cost)
        found = (savings or {}).get(candidate)
        figure = found if isinstance(found, Savings) else None
        note = found if isinstance(found, str) else None
        partial = Comparison(
            candidate=candidate,
            baseline=spec.baseline,
            difference=difference,
            judged=judged,
            rubric=rubric if rubric.items else None,
            cost_ratio=ratio,
            regressions=tuple(
                worst_regressions(
                    results, verdicts, candidate, spec.baseline, order=order, limit=worst
                )
            ),
            savings=figure,
            savings_note=note,
            decision="",
        )
        comparisons.append(_with_decision(partial, by_target))
    notes = []
    fake = [t.target for t in targets if t.simulated]
    if fake:
        notes.append(
            f"simulated: {', '.join(fake)} answered from Bastion's simulator, not a real engine: "
            "their answers, latency and cost say nothing about a model"
        )
    expected = len(items) * len(spec.targets) - skipped
    answered_pairs = {(r.item_id, r.target) for r in results}
    answered = len(answered_pairs)
    if skipped:
        notes.append(
            f"{skipped} answers were not asked for: items with sensitive data classes go to "
            "local targets only, and are compared only where both targets answered"
        )
    if stopped is not None:
        asked = len({item_id for item_id, _ in answered_pairs})
        notes.append(
            f"the run stopped early {stopped.sentence()}; {asked} of {len(items)} items were "
            f"answered ({answered} of {expected} answers; the requests in flight at the stop "
            "finished): the figures cover the items answered"
        )
    elif answered < expected:
        notes.append(
            f"{answered} of {expected} answers are in (the run is incomplete or stopped early): "
            "the figures cover the items answered so far"
        )
    return EvalReport(
        spec=spec,
        dataset_items=len(items),
        targets=targets,
        comparisons=tuple(comparisons),
        slices=tuple(
            slice_breakdown(
                items,
                results,
                verdicts,
                baseline=spec.baseline,
                candidates=candidates,
                resamples=resamples,
                seed=seed,
                confidence=confidence,
            )
        ),
        prompts={item.id: prompt_excerpt(item) for item in items},
        confidence=confidence,
        resamples=resamples,
        generated_at=generated_at,
        notes=tuple(notes),
        stopped=stopped,
    )


# --- numbers as text -----------------------------------------------------------------------------


def pct(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value * 100:.{digits}f}%"


def points(value: float | None, digits: int = 1) -> str:
    """A difference of rates in percentage points, signed."""
    return "n/a" if value is None else f"{value * 100:+.{digits}f}"


def interval_text(interval: Interval | None, *, signed: bool = False) -> str:
    if interval is None:
        return "n/a"
    show = points if signed else (lambda v: f"{v * 100:.1f}")
    return f"[{show(interval.low)}, {show(interval.high)}]"


def seconds(value: float | None) -> str:
    if value is None:
        return "n/a"
    if value < 1:
        return f"{value * 1000:.3g} ms"
    return f"{value:.2f} s"


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rate_text(p: Proportion) -> str:
    if p.total == 0:
        return "n/a"
    return f"{pct(p.rate)} ({p.successes}/{p.total})"


# --- the decision line ---------------------------------------------------------------------------


def decision_line(comparison: Comparison, targets: Mapping[str, TargetReport]) -> str:
    """One sentence: quality (checks, else the judge), cost, and what self-hosting saves."""
    c = comparison
    diff = c.difference
    level = f"{c.difference.confidence * 100:g}%"
    parts: list[str] = []
    if diff.items:
        parts.append(
            f"{c.candidate} passes {pct(diff.candidate_rate)} vs {pct(diff.baseline_rate)} for "
            f"{c.baseline} (difference {points(diff.difference)} points, {level} CI "
            f"{interval_text(diff.interval, signed=True)}, {diff.items} items)"
        )
    elif c.judged.judged:
        parts.append(f"{c.candidate} against {c.baseline}: no item has checks")
    else:
        parts.append(f"{c.candidate} against {c.baseline}: nothing checked or judged yet")
    if c.judged.judged:
        j = c.judged
        parts.append(
            f"the judge prefers it on {pct(j.share('wins'))}, ties {pct(j.share('ties'))}, "
            f"prefers {c.baseline} on {pct(j.share('losses'))} of {j.judged} items "
            + (
                "(win rate not measured: no verdict was readable)"
                if j.win_rate is None
                else f"(win rate {pct(j.win_rate)}, {level} CI "
                f"{interval_text(j.win_rate_interval)})"
            )
        )
    # "at N of the cost" reads on from the quality figures; a sentence of its own does not.
    cost = _cost_phrase(c, targets)
    line = "; ".join(parts) + (" " if cost.startswith("at ") else "; ") + cost
    if c.savings is not None:
        line += "; " + c.savings.sentence()
    return line


def _cost_phrase(c: Comparison, targets: Mapping[str, TargetReport]) -> str:
    if c.cost_ratio is not None:
        return f"at {pct(float(c.cost_ratio))} of the cost"
    cand, base = targets[c.candidate].cost, targets[c.baseline].cost
    if cand.priced and base.priced and base.total == 0:
        return f"at {fmt_money(cand.per_item or 0)} per item where the baseline is free"
    return "cost not compared (answers without a price)"


def _with_decision(c: Comparison, targets: Mapping[str, TargetReport]) -> Comparison:
    return Comparison(
        candidate=c.candidate,
        baseline=c.baseline,
        difference=c.difference,
        judged=c.judged,
        rubric=c.rubric,
        cost_ratio=c.cost_ratio,
        regressions=c.regressions,
        savings=c.savings,
        savings_note=c.savings_note,
        decision=decision_line(c, targets),
    )


# --- terminal summary ----------------------------------------------------------------------------


def table(header: Sequence[str], rows: Iterable[Sequence[str]], indent: str = "  ") -> list[str]:
    """Columns padded to their widest cell; the first left-aligned, the others right-aligned."""
    body = [list(header), *[list(r) for r in rows]]
    widths = [max(len(r[i]) for r in body) for i in range(len(header))]
    lines = []
    for row in body:
        cells = [
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        ]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def render_text(report: EvalReport, *, regressions: int = 5) -> str:
    spec = report.spec
    level = f"{report.confidence * 100:g}%"
    out: list[str] = [
        f"Evaluation {spec.run_id}: {spec.dataset} ({report.dataset_items} items, sha256 "
        f"{spec.dataset_sha256[:12]}), baseline {spec.baseline}, "
        f"candidate{'s' if len(report.comparisons) != 1 else ''} "
        f"{', '.join(report.candidates) or 'none'}",
        "Pinned parameters: "
        + (", ".join(f"{k}={v}" for k, v in sorted(spec.params.items())) or "none")
        + f"; seed {spec.seed}; {report.resamples} bootstrap resamples",
    ]
    out += [f"Note: {n}" for n in report.notes]
    out += ["", "Targets:"]
    out += table(
        ("target", "items", "pass rate", f"{level} CI", "errors", "format", "refusals"),
        (
            (
                t.label,
                str(t.summary.items),
                _rate_text(t.summary.pass_rate),
                interval_text(t.summary.pass_rate.interval),
                _rate_text(t.summary.errors),
                _rate_text(t.summary.format_violations),
                _rate_text(t.summary.refusals),
            )
            for t in report.targets
        ),
    )
    out += ["", "Latency (answers without an error) and cost:"]
    out += table(
        ("target", "TTFT p50", "p95", "TPOT p50", "p95", "E2E p50", "p95", "cost/item", "total"),
        (
            (
                t.label,
                seconds(t.latency.ttft.p50),
                seconds(t.latency.ttft.p95),
                seconds(t.latency.tpot.p50),
                seconds(t.latency.tpot.p95),
                seconds(t.latency.e2e.p50),
                seconds(t.latency.e2e.p95),
                _money_or_na(t.cost.per_item),
                fmt_money(t.cost.total),
            )
            for t in report.targets
        ),
    )
    for t in report.targets:
        unpriced = f"; {t.cost.unpriced} answers without a price" if t.cost.unpriced else ""
        out.append(f"  cost of {t.target}: {t.cost_source}{unpriced}")
    for c in report.comparisons:
        out += ["", f"{c.candidate} against {c.baseline}:"]
        out += _comparison_lines(c, level)
    if report.slices:
        out += ["", "Slices (pass rates; difference and win rate of each candidate):"]
        out += table(*_slice_table(report))
    for c in report.comparisons:
        if not c.regressions:
            continue
        shown = c.regressions[:regressions]
        out += ["", f"Worst regressions of {c.candidate} ({len(shown)} of {len(c.regressions)}):"]
        for r in shown:
            out += [f"  {line}" for line in _regression_lines(r, report.prompts)]
    out += ["", "Decision:"]
    out += [f"  {c.decision}" for c in report.comparisons]
    return "\n".join(out) + "\n"


def _money_or_na(value: Decimal | None) -> str:
    return "n/a" if value is None else fmt_money(value)


def _comparison_lines(c: Comparison, level: str) -> list[str]:
    d = c.difference
    lines = []
    if d.items:
        lines += [
            f"  checks on {d.items} items both were checked on: both pass {d.both_pass}, "
            f"only the candidate {d.candidate_only}, only the baseline {d.baseline_only}, both "
            f"fail {d.both_fail} (exact McNemar p = {d.mcnemar_p:.4g})",
            f"  pass rate {pct(d.candidate_rate)} vs {pct(d.baseline_rate)}: difference "
            f"{points(d.difference)} points, {level} CI {interval_text(d.interval, signed=True)} "
            f"(paired bootstrap over items, {d.resamples} resamples, seed {d.seed})",
        ]
    else:
        lines.append("  no item was checked on both targets")
    j = c.judged
    if j.judged:
        lines += [
            f"  judge ({', '.join(j.judge_models)}; prompt sha256 "
            f"{', '.join(p[:12] for p in j.judge_prompts)}): {j.judged} items, "
            f"wins {j.wins} {pct(j.share('wins'))} {interval_text(j.win_share)}, "
            f"ties {j.ties} {pct(j.share('ties'))} {interval_text(j.tie_share)}, "
            f"losses {j.losses} {pct(j.share('losses'))} {interval_text(j.loss_share)}",
            f"  {_win_rate_text(j, level)}; ties from order-dependent verdicts "
            f"{j.order_flips}, from unreadable or failed judge answers {j.judge_failures}",
        ]
    if c.rubric is not None:
        lines.append(
            f"  rubric scores (1 to 5) over {c.rubric.items} items: candidate "
            f"{c.rubric.candidate_mean:.2f}, baseline {c.rubric.baseline_mean:.2f}"
        )
    if c.cost_ratio is not None:
        lines.append(f"  cost per item: {pct(float(c.cost_ratio))} of the baseline's")
    if c.savings is not None:
        lines.append(f"  {c.savings.sentence()}")
        lines += [f"    {s}" for s in c.savings.sources]
    elif c.savings_note:
        lines.append(f"  self-hosting: {c.savings_note}")
    return lines


def _win_rate_text(j: WinTieLoss, level: str) -> str:
    if j.win_rate is None:
        return "win rate not measured (no verdict of the judge was readable)"
    return (
        f"win rate (a tie counts half) {pct(j.win_rate)}, {level} CI "
        f"{interval_text(j.win_rate_interval)}"
    )


def _slice_table(report: EvalReport) -> tuple[list[str], list[list[str]]]:
    header = ["slice", "items", *(f"{t} pass" for t in report.spec.targets)]
    for cand in report.candidates:
        header += [f"{cand} diff", f"{cand} win rate"]
    rows = []
    for s in report.slices:
        row = [f"{s.key}={s.value}", str(s.items)]
        row += [pct(p.rate) for _, p in s.pass_rates]
        for diff, judged in zip(s.differences, s.judged, strict=True):
            row.append(
                f"{points(diff.difference)} {interval_text(diff.interval, signed=True)}"
                if diff.items
                else "n/a"
            )
            row.append(pct(judged.win_rate) if judged.judged else "n/a")
        rows.append(row)
    return header, rows


def regression_reasons(r: Regression) -> list[str]:
    reasons = []
    if r.check_regression:
        reasons.append("fails checks the baseline passes")
    if r.judged_loss:
        reasons.append("the judge prefers the baseline")
    return reasons


def answer_excerpt(result: ItemResult | None, limit: int = 300) -> str:
    if result is None:
        return "(not answered)"
    answer = result.answer
    if answer.error:
        return f"(error: {_one_line(answer.error, limit)})"
    text = answer.text or ""
    calls = " ".join(f"{c.name}({c.arguments})" for c in answer.tool_calls)
    return _one_line(" ".join(p for p in (text, calls) if p), limit) or "(empty)"


def _regression_lines(r: Regression, prompts: Mapping[str, str]) -> list[str]:
    lines = [f"{r.item_id}: {'; '.join(regression_reasons(r))}"]
    prompt = prompts.get(r.item_id)
    if prompt:
        lines.append(f"  prompt:    {_one_line(prompt, 160)}")
    lines.append(f"  baseline:  {answer_excerpt(r.baseline, 160)}")
    lines.append(f"  candidate: {answer_excerpt(r.candidate, 160)}")
    lines += [f"  failed: {_one_line(f, 160)}" for f in r.failed_checks]
    if r.verdict is not None and r.judged_loss:
        lines.append(f"  judge: {_one_line(r.verdict.rationale, 160)}")
    return lines


# --- JSON ----------------------------------------------------------------------------------------


def _interval_dict(interval: Interval | None) -> dict[str, float] | None:
    if interval is None:
        return None
    return {"low": round(interval.low, 6), "high": round(interval.high, 6)}


def _proportion_dict(p: Proportion) -> dict[str, Any]:
    return {
        "successes": p.successes,
        "total": p.total,
        "rate": None if p.rate is None else round(p.rate, 6),
        "wilson": _interval_dict(p.interval),
    }


def _money(value: Decimal | None) -> float | None:
    return None if value is None else float(round(value, 6))


def result_dict(result: ItemResult) -> dict[str, Any]:
    """An item result as JSON: the answer, its timings and cost, the checks' outcomes."""
    a = result.answer
    return {
        "target": result.target,
        "status": a.status,
        "text": a.text,
        "tool_calls": [{"name": c.name, "arguments": c.arguments} for c in a.tool_calls],
        "finish_reason": a.finish_reason,
        "error": a.error,
        "request_id": a.request_id,
        "input_tokens": a.input_tokens,
        "output_tokens": a.output_tokens,
        "ttft": a.ttft,
        "tpot": a.tpot,
        "latency": a.latency,
        "cost_usd": None if a.cost_usd is None else str(a.cost_usd),
        "checks": [{"kind": c.kind, "passed": c.passed, "detail": c.detail} for c in result.checks],
        "passed": result.passed,
        "format_violation": result.format_violation,
        "refusal": result.refusal,
    }


def verdict_dict(verdict: Verdict) -> dict[str, Any]:
    return {
        "candidate": verdict.candidate,
        "baseline": verdict.baseline,
        "winner": verdict.winner,
        "mode": verdict.mode,
        "orders": list(verdict.orders),
        "scores": None if verdict.scores is None else list(verdict.scores),
        "judge_model": verdict.judge_model,
        "judge_prompt_sha256": verdict.judge_prompt_sha256,
        "rationale": verdict.rationale,
    }


def item_records(
    items: Sequence[EvalItem],
    results: Iterable[ItemResult],
    verdicts: Iterable[Verdict] = (),
    *,
    targets: Sequence[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """One record per item, in the dataset's order: its slices, each target's result and the
    verdicts on it. Items not answered yet have no results."""
    by_item: dict[str, dict[str, ItemResult]] = {}
    for r in results:
        by_item.setdefault(r.item_id, {})[r.target] = r
    judged: dict[str, list[Verdict]] = {}
    for v in verdicts:
        judged.setdefault(v.item_id, []).append(v)
    for item in items:
        mine = by_item.get(item.id, {})
        names = list(targets) if targets is not None else sorted(mine)
        yield {
            "item_id": item.id,
            "slices": dict(sorted(item.slices.items())),
            "classifications": sorted(item.classifications),
            "checks": [c.kind for c in item.checks],
            "results": {t: result_dict(mine[t]) for t in names if t in mine},
            "verdicts": [
                verdict_dict(v)
                for v in sorted(judged.get(item.id, []), key=lambda v: (v.candidate, v.baseline))
            ],
        }


def write_jsonl(
    stream: IO[str],
    items: Sequence[EvalItem],
    results: Iterable[ItemResult],
    verdicts: Iterable[Verdict] = (),
    *,
    targets: Sequence[str] | None = None,
) -> int:
    """Writes ``item_records`` one JSON object a line; returns the number of lines."""
    count = 0
    for record in item_records(items, results, verdicts, targets=targets):
        stream.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count


def _distribution_dict(latency_: Latency) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("ttft", "tpot", "e2e"):
        d = getattr(latency_, name)
        out[name] = {
            "count": d.count,
            **{
                k: None if getattr(d, k) is None else round(getattr(d, k), 6)
                for k in ("mean", "minimum", "p50", "p90", "p95", "p99", "maximum")
            },
        }
    return out


def report_dict(report: EvalReport) -> dict[str, Any]:
    """The report as a JSON-serialisable dict: rates as fractions, money as dollars."""
    spec = report.spec
    return {
        "run_id": spec.run_id,
        "dataset": spec.dataset,
        "dataset_sha256": spec.dataset_sha256,
        "dataset_items": report.dataset_items,
        "baseline": spec.baseline,
        "candidates": list(report.candidates),
        "params": spec.params,
        "seed": spec.seed,
        "confidence": report.confidence,
        "resamples": report.resamples,
        "generated_at": None if report.generated_at is None else report.generated_at.isoformat(),
        "notes": list(report.notes),
        "stopped_early": None if report.stopped is None else report.stopped.to_json(),
        "targets": [
            {
                "target": t.target,
                "simulated": t.simulated,
                "items": t.summary.items,
                "pass_rate": _proportion_dict(t.summary.pass_rate),
                "errors": _proportion_dict(t.summary.errors),
                "format_violations": _proportion_dict(t.summary.format_violations),
                "refusals": _proportion_dict(t.summary.refusals),
                "latency_seconds": _distribution_dict(t.latency),
                "cost": {
                    "priced_items": t.cost.priced,
                    "total_usd": _money(t.cost.total),
                    "per_item_usd": _money(t.cost.per_item),
                    "input_tokens": t.cost.input_tokens,
                    "output_tokens": t.cost.output_tokens,
                    "source": t.cost_source,
                },
            }
            for t in report.targets
        ],
        "comparisons": [_comparison_dict(c) for c in report.comparisons],
        "slices": [
            {
                "key": s.key,
                "value": s.value,
                "items": s.items,
                "pass_rates": {t: _proportion_dict(p) for t, p in s.pass_rates},
                "differences": {d.candidate: _difference_dict(d) for d in s.differences},
                "judged": {j.candidate: _judged_dict(j) for j in s.judged},
            }
            for s in report.slices
        ],
    }


def _difference_dict(d: PairedDifference) -> dict[str, Any]:
    return {
        "items": d.items,
        "both_pass": d.both_pass,
        "candidate_only": d.candidate_only,
        "baseline_only": d.baseline_only,
        "both_fail": d.both_fail,
        "candidate_rate": d.candidate_rate,
        "baseline_rate": d.baseline_rate,
        "difference": d.difference,
        "interval": _interval_dict(d.interval),
        "mcnemar_p": d.mcnemar_p,
    }


def _judged_dict(j: WinTieLoss) -> dict[str, Any]:
    return {
        "judged": j.judged,
        "wins": j.wins,
        "ties": j.ties,
        "losses": j.losses,
        "order_flips": j.order_flips,
        "judge_failures": j.judge_failures,
        "win_share": _interval_dict(j.win_share),
        "tie_share": _interval_dict(j.tie_share),
        "loss_share": _interval_dict(j.loss_share),
        "win_rate": j.win_rate,
        "win_rate_interval": _interval_dict(j.win_rate_interval),
        "judge_models": list(j.judge_models),
        "judge_prompt_sha256": list(j.judge_prompts),
    }


def _comparison_dict(c: Comparison) -> dict[str, Any]:
    savings = None
    if c.savings is not None:
        s = c.savings
        savings = {
            "self_hosted": s.self_hosted,
            "backend": s.backend,
            "api": s.api,
            "api_model": s.api_model,
            "tokens_per_day": float(round(s.tokens_per_day, 3)),
            "api_rate_per_m": _money(s.api_rate_per_m),
            "api_monthly_usd": _money(s.api_monthly),
            "self_hosted_monthly_usd": _money(s.self_hosted_monthly),
            "monthly_saving_usd": _money(s.monthly_saving),
            "replicas": s.replicas,
            "sources": list(s.sources),
        }
    return {
        "candidate": c.candidate,
        "baseline": c.baseline,
        "difference": _difference_dict(c.difference),
        "judged": _judged_dict(c.judged),
        "rubric": None
        if c.rubric is None
        else {
            "items": c.rubric.items,
            "candidate_mean": c.rubric.candidate_mean,
            "baseline_mean": c.rubric.baseline_mean,
        },
        "cost_ratio": None if c.cost_ratio is None else float(round(c.cost_ratio, 6)),
        "savings": savings,
        "savings_note": c.savings_note,
        "regressions": [
            {
                "item_id": r.item_id,
                "reasons": regression_reasons(r),
                "failed_checks": list(r.failed_checks),
            }
            for r in c.regressions
        ],
        "decision": c.decision,
    }


# --- --fail-under --------------------------------------------------------------------------------

EXIT_OK = 0
EXIT_BELOW_THRESHOLD = 1
EXIT_NOT_MEASURED = 2

# What each --fail-under metric reads, for every candidate; all are fractions.
METRICS: Mapping[str, str] = {
    "pass_rate": "the candidate's pass rate",
    "pass_rate_low": "the lower bound of the candidate's pass rate's Wilson interval",
    "diff": "the candidate's pass rate minus the baseline's (paired)",
    "diff_low": "the lower bound of that difference's bootstrap interval",
    "win_rate": "the candidate's judged win rate (a tie counts half)",
    "win_rate_low": "the lower bound of the win rate's bootstrap interval",
    "answered": "the share of items the candidate answered without an error",
    "format_ok": "the share of items without a format violation",
    "no_refusal": "the share of items the candidate did not refuse",
}


# Metrics that are differences of rates (from -1 to 1); the others are rates (0 to 1).
_DIFFERENCES = frozenset({"diff", "diff_low"})


@dataclass(frozen=True, slots=True)
class Threshold:
    metric: str
    minimum: float


def parse_threshold(text: str) -> Threshold:
    """``metric=value``, e.g. ``pass_rate=0.9``, ``diff=-0.02``; a value may be a percentage
    (``90%``, ``-2%``)."""
    name, sep, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    if not sep or not name or not raw:
        raise ValueError(f"{text!r}: expected metric=value, e.g. pass_rate=0.9")
    if name not in METRICS:
        raise ValueError(f"{text!r}: unknown metric {name!r} (known: {', '.join(METRICS)})")
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise ValueError(f"{text!r}: {raw!r} is not a number") from None
    # NaN compares false with everything, so such a gate would always pass; a rate beyond
    # its range can never be met (or always is).
    low = -1.0 if name in _DIFFERENCES else 0.0
    if not low <= value <= 1.0:  # also false for NaN
        raise ValueError(f"{text!r}: {name} lies between {low:g} and 1 ({low:.0%} and 100%)")
    return Threshold(name, value)


def metric_value(report: EvalReport, candidate: str, metric: str) -> float | None:
    """A metric of ``candidate``; None when the run did not measure it."""
    c = report.comparison(candidate)
    summary = report.target(candidate).summary

    def complement(p: Proportion) -> float | None:
        return None if p.rate is None else 1 - p.rate

    values: dict[str, float | None] = {
        "pass_rate": summary.pass_rate.rate,
        "pass_rate_low": summary.pass_rate.interval.low if summary.pass_rate.interval else None,
        "diff": c.difference.difference,
        "diff_low": c.difference.interval.low if c.difference.interval else None,
        "win_rate": c.judged.win_rate,
        "win_rate_low": c.judged.win_rate_interval.low if c.judged.win_rate_interval else None,
        "answered": complement(summary.errors),
        "format_ok": complement(summary.format_violations),
        "no_refusal": complement(summary.refusals),
    }
    return values[metric]


@dataclass(frozen=True, slots=True)
class GateOutcome:
    exit_code: int
    lines: tuple[str, ...]


def gate(report: EvalReport, thresholds: Sequence[Threshold]) -> GateOutcome:
    """Every candidate must reach every threshold. Exit code 0 when all do, 1 when one is
    below, 2 when a threshold's metric was not measured (no item with checks, nothing judged)
    and none is below; rounding to 6 decimals keeps 0.9 = 0.9."""
    code = EXIT_OK
    lines = []
    for candidate in report.candidates:
        for t in thresholds:
            value = metric_value(report, candidate, t.metric)
            if value is None:
                lines.append(f"NOT MEASURED {candidate} {t.metric} (needs >= {t.minimum:g})")
                if code == EXIT_OK:
                    code = EXIT_NOT_MEASURED
            elif round(value, 6) < round(t.minimum, 6):
                lines.append(f"FAIL {candidate} {t.metric} {value:.4f} < {t.minimum:g}")
                code = EXIT_BELOW_THRESHOLD
            else:
                lines.append(f"PASS {candidate} {t.metric} {value:.4f} >= {t.minimum:g}")
    if not report.candidates and thresholds:
        lines.append("NOT MEASURED: the run has no candidate")
        code = EXIT_NOT_MEASURED
    return GateOutcome(code, tuple(lines))


# --- progress ------------------------------------------------------------------------------------


class Progress:
    """A progress bar over the answers a run expects (items x targets), for the runner to
    advance as answers come in; it shows passes, failures and errors so far. Drawn on a
    terminal only (``click.progressbar``); elsewhere it prints its label once and stays quiet.

    ``done``: answers already in when a run resumes."""

    def __init__(
        self,
        total: int,
        *,
        done: int = 0,
        label: str = "Evaluating",
        file: TextIO | None = None,
    ) -> None:
        self.passed = self.failed = self.errors = 0
        self._bar: Any = click.progressbar(
            length=total,
            label=label,
            file=file if file is not None else sys.stderr,
            show_pos=True,
            show_eta=True,
            item_show_func=lambda _: self.status(),
        )
        self._bar.__enter__()
        if done:
            self._bar.update(done)
        self._closed = False

    def status(self) -> str:
        return f"{self.passed} passed, {self.failed} failed, {self.errors} errors"

    def advance(self, result: ItemResult | None = None, n: int = 1) -> None:
        if result is not None:
            if result.answer.error:
                self.errors += 1
            elif result.passed is True:
                self.passed += 1
            elif result.passed is False:
                self.failed += 1
        self._bar.update(n, result)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._bar.__exit__(None, None, None)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
