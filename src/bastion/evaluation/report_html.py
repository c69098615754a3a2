"""The HTML report of an evaluation run: one self-contained page.

Styles are inline and charts are inline SVG drawn here (pass rates with their intervals, the
paired differences overall and per slice, judged wins/ties/losses, latency distributions), so
the file opens anywhere, offline, with no script and nothing fetched from elsewhere.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from html import escape

from bastion.economics.money import fmt_money
from bastion.evaluation.report import (
    Comparison,
    EvalReport,
    TargetReport,
    answer_excerpt,
    interval_text,
    pct,
    points,
    regression_reasons,
    seconds,
)
from bastion.evaluation.stats import Distribution, Interval, Proportion, percentile

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d232b;margin:2rem auto;
max-width:1100px;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;
border-bottom:1px solid #d6dbe1;padding-bottom:.2rem}h3{font-size:1rem;margin-bottom:.3rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{padding:.25rem .6rem;text-align:right;
border-bottom:1px solid #eceff3;vertical-align:top}th{background:#f4f6f8;font-weight:600}
th:first-child,td:first-child{text-align:left}td.text{text-align:left;white-space:pre-wrap;
font-family:ui-monospace,Menlo,monospace;font-size:12px;max-width:480px;word-break:break-word}
.decision{background:#f1f7ee;border-left:4px solid #3d8b37;padding:.6rem .9rem;margin:.5rem 0}
.note{color:#6a737d}.muted{color:#6a737d;font-size:12px}svg{display:block;margin:.5rem 0}
code{font-family:ui-monospace,Menlo,monospace;font-size:12px}
"""
_WIN, _TIE, _LOSS = "#3d8b37", "#b7bec7", "#c0392b"
_BAR, _WHISKER = "#4a78b5", "#1d232b"
_LABEL_W, _PLOT_W, _ROW_H = 220, 420, 26


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _svg(width: int, height: int, body: Iterable[str], title: str) -> str:
    return (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'font-family="system-ui,-apple-system,Segoe UI,sans-serif" aria-label="{_e(title)}">'
        f"<title>{_e(title)}</title>{''.join(body)}</svg>"
    )


def nice_step(span: float, parts: int = 4) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) dividing ``span`` into about
    ``parts`` intervals."""
    if span <= 0:
        return 1.0
    raw = span / parts
    magnitude: float = 10.0 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * (1 - 1e-9))


def _label(text: str, limit: int = 32) -> str:
    """A row label that fits the label column."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="#1d232b">{_e(text)}</text>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, *, width: float = 1.5) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="{width}"/>'
    )


def _rect(x: float, y: float, w: float, h: float, colour: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill="{colour}"/>'
    )


def _whisker(x1: float, x2: float, y: float, cap: float = 5) -> list[str]:
    return [
        _line(x1, y, x2, y, _WHISKER),
        _line(x1, y - cap, x1, y + cap, _WHISKER),
        _line(x2, y - cap, x2, y + cap, _WHISKER),
    ]


def _axis(x0: float, width: float, y: float, ticks: Sequence[tuple[float, str]]) -> list[str]:
    parts = [_line(x0, y, x0 + width, y, "#9aa4af", width=1)]
    for position, label in ticks:
        x = x0 + position * width
        parts += [
            _line(x, y, x, y + 4, "#9aa4af", width=1),
            _text(x, y + 16, label, anchor="middle"),
        ]
    return parts


# --- charts ------------------------------------------------------------------------------------


def pass_rate_chart(rows: Sequence[tuple[str, Proportion]], confidence: float) -> str:
    """Horizontal bars of pass rates with their Wilson intervals as whiskers."""
    shown = [(name, p) for name, p in rows if p.total]
    if not shown:
        return '<p class="note">No item has checks: no pass rates.</p>'
    width = _LABEL_W + _PLOT_W + 160
    height = len(shown) * _ROW_H + 30
    body: list[str] = []
    for n, (name, p) in enumerate(shown):
        y = n * _ROW_H + 4
        rate = p.rate or 0.0
        body.append(_text(0, y + 14, _label(name)))
        body.append(_rect(_LABEL_W, y + 3, rate * _PLOT_W, _ROW_H - 10, _BAR))
        if p.interval is not None:
            body += _whisker(
                _LABEL_W + p.interval.low * _PLOT_W,
                _LABEL_W + p.interval.high * _PLOT_W,
                y + _ROW_H / 2 - 1,
            )
        body.append(
            _text(_LABEL_W + _PLOT_W + 8, y + 14, f"{pct(rate)} {interval_text(p.interval)}")
        )
    body += _axis(
        _LABEL_W,
        _PLOT_W,
        len(shown) * _ROW_H + 8,
        [(v / 4, f"{v * 25}%") for v in range(5)],
    )
    return _svg(width, height, body, f"Pass rates with {confidence * 100:g}% Wilson intervals")


def difference_chart(rows: Sequence[tuple[str, float, Interval | None]], confidence: float) -> str:
    """A forest plot: each paired difference as a point with its interval, around zero."""
    shown = [r for r in rows if r[2] is not None]
    if not shown:
        return '<p class="note">No paired differences to show.</p>'
    extent = max(
        [0.05] + [abs(v) for _, d, i in shown if i is not None for v in (d, i.low, i.high)]
    )
    step = nice_step(extent, 2)
    extent = math.ceil(extent / step - 1e-9) * step
    width = _LABEL_W + _PLOT_W + 180
    height = len(shown) * _ROW_H + 30

    def x_of(value: float) -> float:
        return _LABEL_W + (value + extent) / (2 * extent) * _PLOT_W

    body: list[str] = [_line(x_of(0), 0, x_of(0), len(shown) * _ROW_H + 4, "#9aa4af", width=1)]
    for n, (name, diff, interval) in enumerate(shown):
        assert interval is not None
        y = n * _ROW_H + _ROW_H / 2 + 2
        body.append(_text(0, y + 4, _label(name)))
        body += _whisker(x_of(interval.low), x_of(interval.high), y)
        colour = _WIN if interval.low > 0 else _LOSS if interval.high < 0 else _BAR
        body.append(f'<circle cx="{x_of(diff):.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>')
        body.append(
            _text(
                _LABEL_W + _PLOT_W + 8,
                y + 4,
                f"{points(diff)} {interval_text(interval, signed=True)}",
            )
        )
    count = round(2 * extent / step)
    ticks = [(k / count, f"{(-extent + k * step) * 100:+g}") for k in range(count + 1)]
    body += _axis(_LABEL_W, _PLOT_W, len(shown) * _ROW_H + 8, ticks)
    return _svg(
        width,
        height,
        body,
        f"Paired difference of pass rates (points) with {confidence * 100:g}% bootstrap intervals",
    )


def win_tie_loss_chart(comparisons: Sequence[Comparison]) -> str:
    """One 100% bar per candidate: wins, ties, losses."""
    shown = [c for c in comparisons if c.judged.judged]
    if not shown:
        return '<p class="note">Nothing was judged.</p>'
    width = _LABEL_W + _PLOT_W + 40
    height = len(shown) * (_ROW_H + 6) + 24
    body: list[str] = []
    for n, c in enumerate(shown):
        j = c.judged
        y = n * (_ROW_H + 6) + 2
        body.append(_text(0, y + 15, _label(c.candidate)))
        x = float(_LABEL_W)
        for count, colour, what in (
            (j.wins, _WIN, "wins"),
            (j.ties, _TIE, "ties"),
            (j.losses, _LOSS, "losses"),
        ):
            w = count / j.judged * _PLOT_W
            body.append(_rect(x, y, w, _ROW_H - 4, colour))
            if w > 60:
                body.append(
                    _text(
                        x + w / 2, y + 15, f"{what} {count / j.judged * 100:.0f}%", anchor="middle"
                    )
                )
            x += w
    legend_y = len(shown) * (_ROW_H + 6) + 16
    for k, (colour, what) in enumerate(
        ((_WIN, "candidate preferred"), (_TIE, "tie"), (_LOSS, "baseline preferred"))
    ):
        x = _LABEL_W + k * 150
        body += [_rect(x, legend_y - 9, 10, 10, colour), _text(x + 14, legend_y, what)]
    return _svg(width, height, body, "Judged wins, ties and losses against the baseline")


def latency_chart(targets: Sequence[TargetReport], metric: str, title: str) -> str:
    """Box plots: whiskers from the fastest to the slowest answer, the box from the 25th to
    the 75th percentile, a bar at the median and a diamond at the 95th percentile."""
    rows: list[tuple[str, Distribution]] = [(t.target, getattr(t.latency, metric)) for t in targets]
    rows = [(name, d) for name, d in rows if d.count]
    if not rows:
        return f'<p class="note">No {_e(title)} measured.</p>'
    slowest = max(d.maximum or 0.0 for _, d in rows) or 1.0
    step = nice_step(slowest)
    top = math.ceil(slowest / step - 1e-9) * step
    width = _LABEL_W + _PLOT_W + 280
    height = len(rows) * _ROW_H + 30

    def x_of(value: float) -> float:
        return _LABEL_W + value / top * _PLOT_W

    body: list[str] = []
    for n, (name, d) in enumerate(rows):
        y = n * _ROW_H + _ROW_H / 2 + 2
        values = list(d.values)
        q1, q3 = percentile(values, 0.25), percentile(values, 0.75)
        body.append(_text(0, y + 4, _label(name)))
        body += _whisker(x_of(d.minimum or 0), x_of(d.maximum or 0), y, cap=4)
        body.append(_rect(x_of(q1), y - 7, x_of(q3) - x_of(q1), 14, "#c9d8ec"))
        body.append(_line(x_of(d.p50 or 0), y - 8, x_of(d.p50 or 0), y + 8, _BAR, width=2.5))
        px = x_of(d.p95 or 0)
        body.append(
            f'<polygon points="{px:.1f},{y - 5:.1f} {px + 5:.1f},{y:.1f} {px:.1f},{y + 5:.1f} '
            f'{px - 5:.1f},{y:.1f}" fill="{_LOSS}"/>'
        )
        body.append(
            _text(
                _LABEL_W + _PLOT_W + 10,
                y + 4,
                f"p50 {seconds(d.p50)}, p95 {seconds(d.p95)} (n={d.count})",
            )
        )
    count = round(top / step)
    ticks = [(k / count, _tick_seconds(k * step)) for k in range(count + 1)]
    body += _axis(_LABEL_W, _PLOT_W, len(rows) * _ROW_H + 8, ticks)
    return _svg(width, height, body, title)


def _tick_seconds(value: float) -> str:
    if value == 0:
        return "0"
    return f"{value * 1000:g} ms" if value < 1 else f"{value:g} s"


# --- tables ----------------------------------------------------------------------------------


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], *, raw: bool = False) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{c if raw else _e(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _rate(p: Proportion) -> str:
    return "n/a" if not p.total else f"{pct(p.rate)} ({p.successes}/{p.total})"


def _targets_table(report: EvalReport) -> str:
    level = f"{report.confidence * 100:g}%"
    return _table(
        ("target", "items", "pass rate", f"{level} CI", "errors", "format violations", "refusals"),
        (
            (
                t.label,
                str(t.summary.items),
                _rate(t.summary.pass_rate),
                interval_text(t.summary.pass_rate.interval),
                _rate(t.summary.errors),
                _rate(t.summary.format_violations),
                _rate(t.summary.refusals),
            )
            for t in report.targets
        ),
    )


def _latency_cost_table(report: EvalReport) -> str:
    rows = []
    for t in report.targets:
        lat = t.latency
        rows.append(
            (
                t.label,
                f"{seconds(lat.ttft.p50)} / {seconds(lat.ttft.p95)}",
                f"{seconds(lat.tpot.p50)} / {seconds(lat.tpot.p95)}",
                f"{seconds(lat.e2e.p50)} / {seconds(lat.e2e.p95)}",
                "n/a" if t.cost.per_item is None else fmt_money(t.cost.per_item),
                fmt_money(t.cost.total),
                f"{t.cost.priced}/{t.cost.items}",
            )
        )
    return _table(
        (
            "target",
            "TTFT p50 / p95",
            "TPOT p50 / p95",
            "end to end p50 / p95",
            "cost per item",
            "total",
            "priced",
        ),
        rows,
    )


def _comparison_section(c: Comparison, level: str) -> str:
    d, j = c.difference, c.judged
    parts = [f"<h3>{_e(c.candidate)} against {_e(c.baseline)}</h3>"]
    if d.items:
        parts.append(
            _table(
                (
                    "both pass",
                    "only the candidate",
                    "only the baseline",
                    "both fail",
                    "difference",
                    f"{level} CI",
                    "exact McNemar p",
                ),
                [
                    (
                        str(d.both_pass),
                        str(d.candidate_only),
                        str(d.baseline_only),
                        str(d.both_fail),
                        f"{points(d.difference)} points",
                        interval_text(d.interval, signed=True),
                        f"{d.mcnemar_p:.4g}",
                    )
                ],
            )
        )
    if j.judged:
        parts.append(
            _table(
                (
                    "judged",
                    "wins",
                    "ties",
                    "losses",
                    "win rate (tie = ½)",
                    f"{level} CI",
                    "order flips",
                    "judge failures",
                ),
                [
                    (
                        str(j.judged),
                        f"{j.wins} ({pct(j.share('wins'))})",
                        f"{j.ties} ({pct(j.share('ties'))})",
                        f"{j.losses} ({pct(j.share('losses'))})",
                        pct(j.win_rate),
                        interval_text(j.win_rate_interval),
                        str(j.order_flips),
                        str(j.judge_failures),
                    )
                ],
            )
        )
        parts.append(
            f'<p class="muted">Judge {_e(", ".join(j.judge_models))}, prompt sha256 '
            f"<code>{_e(', '.join(j.judge_prompts))}</code></p>"
        )
    if c.rubric is not None:
        parts.append(
            f"<p>Rubric scores (1 to 5) over {c.rubric.items} items: candidate "
            f"{c.rubric.candidate_mean:.2f}, baseline {c.rubric.baseline_mean:.2f}.</p>"
        )
    if c.savings is not None:
        sources = "".join(f"<li>{_e(s)}</li>" for s in c.savings.sources)
        parts.append(f'<p>{_e(c.savings.sentence())}</p><ul class="muted">{sources}</ul>')
    elif c.savings_note:
        parts.append(f'<p class="note">Self-hosting: {_e(c.savings_note)}</p>')
    return "".join(parts)


def _slices_table(report: EvalReport) -> str:
    header = ["slice", "items", *(f"{t} pass" for t in report.spec.targets)]
    for cand in report.candidates:
        header += [f"{cand} difference", f"{cand} win rate"]
    rows = []
    for s in report.slices:
        row = [f"{s.key} = {s.value}", str(s.items)]
        row += [_rate(p) for _, p in s.pass_rates]
        for diff, judged in zip(s.differences, s.judged, strict=True):
            row.append(
                f"{points(diff.difference)} {interval_text(diff.interval, signed=True)}"
                if diff.items
                else "n/a"
            )
            row.append(pct(judged.win_rate) if judged.judged else "n/a")
        rows.append(row)
    return _table(header, rows)


def _regressions_table(c: Comparison, prompts: dict[str, str] | None) -> str:
    rows = []
    for r in c.regressions:
        detail = "; ".join(regression_reasons(r))
        failed = "\n".join(r.failed_checks)
        judge = r.verdict.rationale if (r.verdict is not None and r.judged_loss) else ""
        prompt = (prompts or {}).get(r.item_id, "")
        rows.append(
            (
                f'<b>{_e(r.item_id)}</b><br><span class="muted">{_e(detail)}</span>'
                f'<div class="muted">{_e(prompt)}</div>',
                f'<div class="text">{_e(answer_excerpt(r.baseline, 1200))}</div>',
                f'<div class="text">{_e(answer_excerpt(r.candidate, 1200))}</div>'
                + (f'<div class="muted">{_e(failed)}</div>' if failed else "")
                + (f'<div class="muted">judge: {_e(judge)}</div>' if judge else ""),
            )
        )
    return _table(
        ("item", f"baseline ({c.baseline})", f"candidate ({c.candidate})"), rows, raw=True
    )


def render_html(report: EvalReport) -> str:
    spec = report.spec
    level = f"{report.confidence * 100:g}%"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Evaluation {_e(spec.run_id)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Evaluation {_e(spec.run_id)}</h1>",
        f'<p class="muted">Dataset {_e(spec.dataset)} ({report.dataset_items} items, sha256 '
        f"<code>{_e(spec.dataset_sha256)}</code>); baseline <b>{_e(spec.baseline)}</b>; "
        f"candidates {_e(', '.join(report.candidates) or 'none')}; pinned parameters "
        f"{_e(', '.join(f'{k}={v}' for k, v in sorted(spec.params.items())) or 'none')}; seed "
        f"{spec.seed}; {report.resamples} bootstrap resamples"
        + (f"; generated {_e(report.generated_at.isoformat())}" if report.generated_at else "")
        + "</p>",
    ]
    out += [f'<p class="note">{_e(n)}</p>' for n in report.notes]
    out.append("<h2>Decision</h2>")
    out += [f'<div class="decision">{_e(c.decision)}</div>' for c in report.comparisons]
    out += [
        "<h2>Pass rates</h2>",
        pass_rate_chart(
            [(t.target, t.summary.pass_rate) for t in report.targets], report.confidence
        ),
        _targets_table(report),
    ]
    rows: list[tuple[str, float, Interval | None]] = []
    for c in report.comparisons:
        if c.difference.difference is not None:
            rows.append((f"{c.candidate} (all)", c.difference.difference, c.difference.interval))
    for s in report.slices:
        for d in s.differences:
            if d.difference is not None:
                rows.append((f"{d.candidate}: {s.key}={s.value}", d.difference, d.interval))
    out += [
        "<h2>Candidate against baseline</h2>",
        difference_chart(rows, report.confidence),
        win_tie_loss_chart(report.comparisons),
    ]
    out += [_comparison_section(c, level) for c in report.comparisons]
    out += ["<h2>Latency and cost</h2>", _latency_cost_table(report)]
    out += [
        latency_chart(report.targets, "ttft", "Time to first token"),
        latency_chart(report.targets, "tpot", "Time per output token"),
        latency_chart(report.targets, "e2e", "End to end"),
    ]
    out.append(
        '<ul class="muted">'
        + "".join(f"<li>cost of {_e(t.target)}: {_e(t.cost_source)}</li>" for t in report.targets)
        + "</ul>"
    )
    if report.slices:
        out += ["<h2>Slices</h2>", _slices_table(report)]
    for c in report.comparisons:
        if c.regressions:
            out += [
                f"<h2>Worst regressions of {_e(c.candidate)}</h2>",
                _regressions_table(c, dict(report.prompts)),
            ]
    out.append(
        '<p class="muted">Pass rates: Wilson score intervals. Differences and judged shares: '
        f"percentile bootstrap over items ({report.resamples} resamples, seed {spec.seed}), "
        f"{level}. A judged tie includes verdicts that changed with the order of the answers "
        "and judge answers that could not be read. See docs/evaluation.md.</p>"
    )
    out.append("</body></html>")
    return "\n".join(out) + "\n"
