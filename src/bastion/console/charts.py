"""Line charts as inline SVG, computed on the server: they draw without JavaScript and
without any asset, and every chart has its table next to it (the same numbers, for screen
readers and for copying)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
HEIGHT = 180
_LEFT = 56
_RIGHT = 8
_TOP = 8
_BOTTOM = 22
_TICKS = 4


@dataclass(frozen=True, slots=True)
class Line:
    name: str
    # A CSS class (s0, s1, ...: one colour each, in console.css); dashed for reference lines.
    style: str
    # Polyline points, "x,y x,y ...": runs of known values (a gap where a value is None).
    runs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    unit: str
    lines: tuple[Line, ...]
    ticks: tuple[Tick, ...]
    first_label: str
    last_label: str
    # The table under the chart: one row per point, one column per series.
    labels: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = _LEFT
    bottom: int = HEIGHT - _BOTTOM


def line_chart(
    title: str,
    unit: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    dashed: Sequence[str] = (),
    digits: int = 2,
) -> Chart:
    """``series``: (name, one value per label). Names in ``dashed`` are reference lines."""
    values = [v for _, points in series for v in points if v is not None]
    top = _nice(max(values, default=0.0))
    plot_w = WIDTH - _LEFT - _RIGHT
    plot_h = HEIGHT - _TOP - _BOTTOM
    count = max(len(labels), 1)
    step = plot_w / max(count - 1, 1)

    def x(index: int) -> float:
        return round(_LEFT + index * step, 1)

    def y(value: float) -> float:
        return round(_TOP + plot_h - (value / top) * plot_h, 1)

    lines = []
    for number, (name, points) in enumerate(series):
        runs: list[str] = []
        current: list[str] = []
        for index, value in enumerate(points):
            if value is None:
                if current:
                    runs.append(" ".join(current))
                current = []
                continue
            current.append(f"{x(index)},{y(value)}")
        if current:
            runs.append(" ".join(current))
        # A value between two gaps would be a polyline of one point, which draws nothing: a
        # short level stroke shows it.
        runs = [_widen(run) if " " not in run else run for run in runs]
        style = f"s{number % 6}" + (" dashed" if name in dashed else "")
        lines.append(Line(name, style, tuple(runs)))
    tick_digits = 0 if top >= 10 else 2
    ticks = tuple(
        Tick(y(top * i / _TICKS), _fmt(top * i / _TICKS, tick_digits)) for i in range(_TICKS + 1)
    )
    rows = tuple(
        (label, *(_fmt(points[i], digits) for _, points in series))
        for i, label in enumerate(labels)
    )
    return Chart(
        title=title,
        unit=unit,
        lines=tuple(lines),
        ticks=ticks,
        first_label=labels[0] if labels else "",
        last_label=labels[-1] if labels else "",
        labels=tuple(labels),
        columns=tuple(name for name, _ in series),
        rows=rows,
    )


def _widen(point: str) -> str:
    x, y = point.split(",")
    return f"{float(x) - 3},{y} {float(x) + 3},{y}"


def _nice(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^n at or above ``value`` (a readable axis top)."""
    if value <= 0:
        return 1.0
    magnitude = 10.0 ** _floor_log10(value)
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if value <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _floor_log10(value: float) -> int:
    exponent = 0
    while value >= 10:
        value /= 10
        exponent += 1
    while value < 1:
        value *= 10
        exponent -= 1
    return exponent


def _fmt(value: float | None, digits: int) -> str:
    if value is None:
        return "\u2013"  # an en dash: no value
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
