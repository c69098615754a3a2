"""The terminal renderings: a live progress line and the results table of a run document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bastion.bench.sender import Progress


def progress_line(p: Progress) -> str:
    planned = f"/{p.planned}" if p.planned else ""
    late = f", {p.late} late" if p.late else ""
    return (
        f"[{p.label}] {p.elapsed:6.1f} s  sent {p.sent}{planned}  done {p.finished}  "
        f"failed {p.failed}  in flight {p.in_flight}{late}"
    )


COLUMNS = (
    ("load", "<"),
    ("reqs", ">"),
    ("err", ">"),
    ("req/s", ">"),
    ("out tok/s", ">"),
    ("TTFT p50", ">"),
    ("TTFT p99", ">"),
    ("TPOT p50", ">"),
    ("ITL p50", ">"),
    ("E2E p50", ">"),
    ("E2E p99", ">"),
    ("goodput", ">"),
    ("lag p99", ">"),
)


# The gateway's own share of each level, when the target is Bastion: from each answer's
# Server-Timing header (a stream's up to its first bytes) and from the gateway's /metrics
# (streams to their end).
GATEWAY_COLUMNS = (
    ("load", "<"),
    ("timed", ">"),
    ("GW mean", ">"),
    ("GW p50", ">"),
    ("GW p99", ">"),
    ("GW/E2E", ">"),
    ("upstream p50", ">"),
    ("metrics GW mean", ">"),
    ("metrics GW/E2E", ">"),
)


def _ms(stats: dict[str, Any] | None, key: str) -> str:
    if not stats:
        return "-"
    value = stats.get(key)
    return "-" if value is None else f"{value:,.1f}"


def level_row(level: dict[str, Any]) -> list[str]:
    m = level["metrics"]
    goodput = f"{m['request_goodput']:,.2f}" if m.get("slo") else "-"
    if m.get("slo") and m.get("slo_attainment") is not None:
        goodput += f" ({m['slo_attainment']:.0%})"
    lag = _ms(m.get("schedule_lag_ms"), "p99")
    if not m.get("kept_schedule", True):
        lag += " LATE"
    return [
        level["shape"]["description"],
        str(m["requests"]),
        str(m["failed"]),
        f"{m['request_throughput']:,.2f}",
        f"{m['output_throughput']:,.1f}",
        _ms(m["ttft_ms"], "median"),
        _ms(m["ttft_ms"], "p99"),
        _ms(m["tpot_ms"], "median"),
        _ms(m["itl_ms"], "median"),
        _ms(m["e2e_ms"], "median"),
        _ms(m["e2e_ms"], "p99"),
        goodput,
        lag,
    ]


def has_gateway_share(level: dict[str, Any]) -> bool:
    view = level.get("gateway") or {}
    return bool(level["metrics"].get("gateway_overhead_ms") or view.get("overhead_ms_mean"))


def gateway_row(level: dict[str, Any]) -> list[str]:
    m = level["metrics"]
    view = level.get("gateway") or {}
    overhead = m.get("gateway_overhead_ms")
    return [
        level["shape"]["description"],
        str(overhead["count"]) if overhead else "0",
        _ms(overhead, "mean"),
        _ms(overhead, "median"),
        _ms(overhead, "p99"),
        _share(m.get("gateway_share_of_e2e")),
        _ms(m.get("upstream_ms"), "median"),
        _value(view.get("overhead_ms_mean")),
        _share(view.get("overhead_share_of_e2e")),
    ]


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.2%}"


def render_table(
    rows: Sequence[Sequence[str]], columns: Sequence[tuple[str, str]] = COLUMNS
) -> list[str]:
    heads = [name for name, _ in columns]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(heads)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            f"{cell:{align}{width}}"
            for cell, (_, align), width in zip(cells, columns, widths, strict=True)
        )

    return [line(heads), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def document_lines(document: dict[str, Any]) -> list[str]:
    target = document["target"]
    lines = [
        f"Benchmark {document['id']}" + (f" ({document['name']})" if document.get("name") else ""),
        f"  target: {target['url']} ({target['api']}, model {target['model']}, "
        f"{'streamed' if target['stream'] else 'not streamed'})"
        + (" (simulated)" if document.get("simulated") else ""),
        f"  prompts: {_prompts(document['prompts'])}",
    ]
    if document.get("slo"):
        slo = ", ".join(f"{k.removesuffix('_ms')} <= {v:g} ms" for k, v in document["slo"].items())
        lines.append(f"  SLO: {slo}")
    lines.append("  times in ms, from each request's scheduled start (vLLM's definitions)")
    lines.append("")
    lines += render_table([level_row(level) for level in document["levels"]])
    errors: dict[str, int] = {}
    for level in document["levels"]:
        for kind, count in level["metrics"]["errors"].items():
            errors[kind] = errors.get(kind, 0) + count
    if errors:
        lines.append("")
        lines.append("Errors: " + ", ".join(f"{k} {v}" for k, v in sorted(errors.items())))
    seen = [lv for lv in document["levels"] if lv.get("gateway")]
    if seen:
        lines.append("")
        lines.append("The gateway's view (its /metrics; mean ms, from arrival at the gateway):")
        for level in seen:
            view = level["gateway"]
            e2e = (level["metrics"].get("e2e_ms") or {}).get("mean")
            lines.append(
                f"  {level['shape']['description']}: {view['requests']} requests, duration "
                f"{_value(view['duration_ms_mean'])} (client E2E {_value(e2e)}), TTFT "
                f"{_value(view['ttft_ms_mean'])}, queue wait {_value(view['queue_wait_ms_mean'])}"
                + _split(view)
            )
    shared = [lv for lv in document["levels"] if has_gateway_share(lv)]
    if shared:
        lines.append("")
        lines.append(
            "The gateway's own share (ms; per request from its Server-Timing header, a stream's "
            "up to its first bytes; metrics: its /metrics, streams whole):"
        )
        lines += render_table([gateway_row(lv) for lv in shared], GATEWAY_COLUMNS)
    sweep = document.get("sweep")
    if sweep:
        lines.append("")
        lines.append(
            f"Sweep: synchronous {sweep['synchronous_rate']:.2f} req/s; saturation "
            f"{sweep['saturation_rate']:.2f} req/s at concurrency {sweep['concurrency']}"
        )
        knee = sweep.get("knee") or {}
        if knee.get("level") is not None:
            lines.append(
                f"  knee: {knee['rate']:g} req/s offered, {knee['request_throughput']:.2f} req/s "
                f"and {knee['total_token_throughput']:,.0f} tokens/s served ({knee['reason']})"
            )
        else:
            lines.append(f"  knee: not found ({knee.get('reason', 'no rate level')})")
    capacity = document.get("capacity")
    if capacity:
        lines.append("")
        lines.append(
            f"Capacity: {capacity['total_tokens_per_second']:,.1f} tokens/s "
            f"({capacity['output_tokens_per_second']:,.1f} output) at {capacity['shape']}; "
            f"{capacity['basis']}"
        )
    for note in document.get("notes") or ():
        lines.append(f"Note: {note}")
    return lines


def _prompts(prompts: dict[str, Any]) -> str:
    kind = prompts.get("kind")
    if kind == "synthetic":
        text = f"synthetic, {prompts['input_tokens']} input tokens"
        if prompts.get("output_tokens"):
            text += f", {prompts['output_tokens']} output tokens"
        if prompts.get("prefix_share"):
            text += f", {prompts['prefix_share']:.0%} shared prefix"
        return text
    if kind == "jsonl":
        return f"{prompts['path']} ({prompts['prompts']} prompts)"
    if kind == "replay":
        return f"replay of {prompts['prompts']} recorded requests ({prompts.get('window', '')})"
    return str(kind)


def _split(view: dict[str, Any]) -> str:
    """The duration's split, from gateways that measure it."""
    if view.get("overhead_ms_mean") is None:
        return ""
    return (
        f", upstream {_value(view.get('upstream_ms_mean'))}, "
        f"gateway's own {_value(view['overhead_ms_mean'])}"
    )


def _value(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}"
