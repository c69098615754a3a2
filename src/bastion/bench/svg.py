"""Small SVG charts written as text: axes with round ticks, lines with points, scatters.

No script and no external resource: the markup stands alone inside an HTML page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 640
HEIGHT = 320
MARGIN_LEFT = 64
MARGIN_RIGHT = 150
MARGIN_TOP = 30
MARGIN_BOTTOM = 46


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    color: str
    points: tuple[tuple[float, float], ...]
    dashed: bool = False
    line: bool = True


def ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    if not math.isfinite(low) or not math.isfinite(high):
        return [0.0, 1.0]
    if high <= low:
        high = low + 1.0
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    values = []
    value = start
    while value <= high + step * 0.5:
        values.append(round(value, 10))
        value += step
    return values


def _label(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if value == int(value):
        return str(int(value))
    return f"{value:g}"


def chart(
    title: str,
    x_label: str,
    y_label: str,
    series: Sequence[Series],
    *,
    y_from_zero: bool = True,
) -> str:
    points = [p for s in series for p in s.points if all(map(math.isfinite, p))]
    if not points:
        return f'<p class="empty">{escape(title)}: no data</p>'
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    x_ticks = ticks(min(0.0, *xs) if y_from_zero else min(xs), max(xs))
    y_ticks = ticks(0.0 if y_from_zero else min(ys), max(ys))
    x0, x1 = x_ticks[0], x_ticks[-1]
    y0, y1 = y_ticks[0], y_ticks[-1]
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def sx(x: float) -> float:
        return MARGIN_LEFT + (x - x0) / ((x1 - x0) or 1) * plot_w

    def sy(y: float) -> float:
        return MARGIN_TOP + plot_h - (y - y0) / ((y1 - y0) or 1) * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{escape(title)}">',
        f'<text x="{MARGIN_LEFT}" y="18" class="title">{escape(title)}</text>',
    ]
    for y in y_ticks:
        out.append(
            f'<line x1="{MARGIN_LEFT}" x2="{MARGIN_LEFT + plot_w}" y1="{sy(y):.1f}" '
            f'y2="{sy(y):.1f}" class="grid"/>'
            f'<text x="{MARGIN_LEFT - 6}" y="{sy(y) + 4:.1f}" class="tick" '
            f'text-anchor="end">{_label(y)}</text>'
        )
    for x in x_ticks:
        out.append(
            f'<line x1="{sx(x):.1f}" x2="{sx(x):.1f}" y1="{MARGIN_TOP + plot_h}" '
            f'y2="{MARGIN_TOP + plot_h + 4}" class="axis"/>'
            f'<text x="{sx(x):.1f}" y="{MARGIN_TOP + plot_h + 17}" class="tick" '
            f'text-anchor="middle">{_label(x)}</text>'
        )
    out.append(
        f'<line x1="{MARGIN_LEFT}" x2="{MARGIN_LEFT + plot_w}" y1="{MARGIN_TOP + plot_h}" '
        f'y2="{MARGIN_TOP + plot_h}" class="axis"/>'
        f'<line x1="{MARGIN_LEFT}" x2="{MARGIN_LEFT}" y1="{MARGIN_TOP}" '
        f'y2="{MARGIN_TOP + plot_h}" class="axis"/>'
        f'<text x="{MARGIN_LEFT + plot_w / 2:.1f}" y="{HEIGHT - 8}" class="label" '
        f'text-anchor="middle">{escape(x_label)}</text>'
        f'<text transform="translate(14 {MARGIN_TOP + plot_h / 2:.1f}) rotate(-90)" '
        f'class="label" text-anchor="middle">{escape(y_label)}</text>'
    )
    for index, s in enumerate(series):
        pts = [(sx(x), sy(y)) for x, y in s.points if math.isfinite(x) and math.isfinite(y)]
        if s.line and len(pts) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            dash = ' stroke-dasharray="5 3"' if s.dashed else ""
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{s.color}" stroke-width="2"{dash}/>'
            )
        radius = 3 if s.line or len(pts) < 50 else 1.6
        out.extend(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{s.color}"/>' for x, y in pts
        )
        legend_y = MARGIN_TOP + 8 + index * 18
        legend_x = WIDTH - MARGIN_RIGHT + 12
        out.append(
            f'<line x1="{legend_x}" x2="{legend_x + 18}" y1="{legend_y}" y2="{legend_y}" '
            f'stroke="{s.color}" stroke-width="3"/>'
            f'<text x="{legend_x + 24}" y="{legend_y + 4}" class="legend">{escape(s.name)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)
