"""The HTML report of a run document: one self-contained page, charts as inline SVG, no script,
no stylesheet or font from elsewhere."""

from __future__ import annotations

from html import escape
from typing import Any

from bastion.bench.shapes import LoadShape
from bastion.bench.svg import Series, chart
from bastion.bench.table import (
    COLUMNS,
    GATEWAY_COLUMNS,
    document_lines,
    gateway_row,
    has_gateway_share,
    level_row,
)

MAX_SCATTER_POINTS = 4000
COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf")

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; max-width: 1100px; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
table { border-collapse: collapse; font-size: 0.85em; }
th, td { border: 1px solid #ccc; padding: 3px 7px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
pre { background: #f6f6f6; padding: 0.8em; font-size: 0.8em; overflow-x: auto; }
svg { margin: 0.5em 1em 0.5em 0; background: #fff; }
svg .title { font-size: 13px; font-weight: 600; }
svg .tick, svg .legend { font-size: 11px; fill: #333; }
svg .label { font-size: 12px; fill: #333; }
svg .grid { stroke: #e5e5e5; } svg .axis { stroke: #555; }
.note { color: #8a4b00; }
"""


def _load_axis(levels: list[dict[str, Any]]) -> tuple[str, list[float]]:
    """Latency is charted against the throughput each level achieved (requests a second)."""
    return "achieved load (requests/s)", [lv["metrics"]["request_throughput"] for lv in levels]


def _stat(level: dict[str, Any], metric: str, key: str) -> float:
    stats = level["metrics"].get(metric)
    if not stats or stats.get(key) is None:
        return float("nan")
    return float(stats[key])


def latency_chart(levels: list[dict[str, Any]], metric: str, title: str) -> str:
    """Open-loop levels (and synchronous) as lines; closed-loop levels as separate points."""
    x_label, xs = _load_axis(levels)
    closed = [i for i, lv in enumerate(levels) if lv["shape"]["kind"] == "concurrency"]
    order = sorted((i for i in range(len(levels)) if i not in closed), key=lambda i: xs[i])
    series = [
        Series(
            name,
            color,
            tuple((xs[i], _stat(levels[i], metric, key)) for i in order),
            dashed=key != "median",
        )
        for name, key, color in (
            ("p50", "median", COLORS[0]),
            ("p90", "p90", COLORS[2]),
            ("p99", "p99", COLORS[1]),
        )
    ]
    if closed:
        series.append(
            Series(
                "p50, closed loop",
                COLORS[4],
                tuple((xs[i], _stat(levels[i], metric, "median")) for i in closed),
                line=False,
            )
        )
    return chart(title, x_label, "milliseconds", series)


def throughput_chart(levels: list[dict[str, Any]]) -> str:
    rated = [lv for lv in levels if lv["shape"].get("rate")]
    if not rated:
        rated = levels
        xs = [
            float(lv["metrics"]["send_rate"] or lv["metrics"]["request_throughput"]) for lv in rated
        ]
        x_label = "send rate (requests/s)"
    else:
        xs = [float(lv["shape"]["rate"]) for lv in rated]
        x_label = "offered load (requests/s)"
    order = sorted(range(len(rated)), key=lambda i: xs[i])
    series = [
        Series(
            "output tokens/s",
            COLORS[0],
            tuple((xs[i], rated[i]["metrics"]["output_throughput"]) for i in order),
        ),
        Series(
            "output goodput",
            COLORS[2],
            tuple((xs[i], rated[i]["metrics"]["output_goodput"]) for i in order),
            dashed=True,
        ),
    ]
    return chart("Throughput against load", x_label, "output tokens/s", series)


def timeline_chart(levels: list[dict[str, Any]]) -> str:
    """Each answered request's E2E against when it was scheduled, one colour a level."""
    total = sum(len(lv.get("requests") or ()) for lv in levels)
    if not total:
        return ""
    every = max(1, total // MAX_SCATTER_POINTS)
    series = []
    offset = 0.0
    for index, level in enumerate(levels):
        records = level.get("requests") or []
        points = tuple(
            (offset + r["scheduled"], (r["end"] - r["scheduled"]) * 1000)
            for n, r in enumerate(records)
            if n % every == 0 and r.get("error") is None and r.get("end") is not None
        )
        series.append(
            Series(
                LoadShape.from_json(level["shape"]).label(),
                COLORS[index % len(COLORS)],
                points,
                line=False,
            )
        )
        if records:
            offset += max(r["end"] or r["scheduled"] for r in records) + 1.0
    return chart(
        "E2E latency of each request over the run (levels one after another)",
        "seconds into the run",
        "E2E milliseconds",
        series,
    )


def _table(columns: tuple[tuple[str, str], ...], rows: list[list[str]]) -> list[str]:
    table = ["<table><tr>" + "".join(f"<th>{escape(n)}</th>" for n, _ in columns) + "</tr>"]
    table += ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows]
    table.append("</table>")
    return table


def render_html(document: dict[str, Any]) -> str:
    levels = document.get("levels") or []
    title = (
        f"Benchmark {document['id']}"
        + (f" — {document['name']}" if document.get("name") else "")
        + (" (simulated)" if document.get("simulated") else "")
    )
    table = _table(COLUMNS, [level_row(level) for level in levels])
    shared = [level for level in levels if has_gateway_share(level)]
    if shared:
        table += [
            "<h2>The gateway's own share</h2>",
            "<p>Milliseconds of each request the gateway spent itself (not upstream, not "
            "waiting in its queue): from each answer's <code>Server-Timing</code> header, for a "
            "stream up to its first bytes; the metrics columns from the gateway's "
            "<code>/metrics</code>, streams to their end (docs/benchmarking.md).</p>",
            *_table(GATEWAY_COLUMNS, [gateway_row(level) for level in shared]),
        ]
    charts = [
        latency_chart(levels, "ttft_ms", "Time to first token against load"),
        latency_chart(levels, "tpot_ms", "Time per output token against load"),
        latency_chart(levels, "e2e_ms", "End-to-end latency against load"),
        throughput_chart(levels),
        timeline_chart(levels),
    ]
    summary = "\n".join(document_lines(document))
    notes = "".join(f'<p class="note">{escape(n)}</p>' for n in document.get("notes") or ())
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
            f"<h1>{escape(title)}</h1>",
            f"<p>Created {escape(str(document.get('created_at', '')))}; times in milliseconds "
            "from each request's scheduled start, with vLLM's definitions of TTFT, TPOT, ITL "
            "and E2E (docs/benchmarking.md).</p>",
            "<h2>Levels</h2>",
            *table,
            notes,
            "<h2>Latency and throughput against load</h2>",
            *charts,
            "<h2>Summary</h2>",
            f"<pre>{escape(summary)}</pre>",
            "</body></html>",
            "",
        ]
    )
