"""The overdue chart as inline SVG: stacked horizontal bars, drawn on the server.

A pure function of its data, so it prints, works offline and is tested without a browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 220
BAR_WIDTH = 420
COUNT_WIDTH = 50
TOP = 30
#: Bucket colours, lightest (least late) to darkest; they differ in lightness too, for print.
COLOURS = ("#f3c96b", "#e8913a", "#c8502a", "#7d1f1a")


@dataclass(frozen=True)
class Bar:
    label: str
    #: Counts per ageing bucket, in the order of the legend.
    values: Sequence[int]
    href: str = ""


def overdue_chart(
    bars: Sequence[Bar], legend: Sequence[str], title: str, description: str
) -> Markup:
    """Return an SVG of one stacked bar per department; every text is escaped."""
    longest = max((sum(bar.values) for bar in bars), default=0) or 1
    height = TOP + len(bars) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH
    parts = [
        f'<svg class="overdue-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(description)}</desc>',
    ]
    x = 8
    for index, name in enumerate(legend):
        colour = COLOURS[index % len(COLOURS)]
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="16" font-size="12">{escape(name)}</text>')
        x += 16 + 7 * len(str(name)) + 18
    for row, bar in enumerate(bars):
        y = TOP + row * (BAR_HEIGHT + GAP)
        label = str(bar.label)
        if len(label) > 32:
            label = label[:31] + "…"
        text = f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" font-size="13" text-anchor="end">'
        text += f"{escape(label)}</text>"
        if bar.href:
            text = f'<a href="{escape(bar.href)}">{text}</a>'
        parts.append(text)
        x = float(LABEL_WIDTH)
        for index, value in enumerate(bar.values):
            if not value:
                continue
            share = BAR_WIDTH * value / longest
            colour = COLOURS[index % len(COLOURS)]
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{share:.1f}" height="{BAR_HEIGHT}" '
                f'fill="{colour}"><title>{escape(legend[index])}: {value}</title></rect>'
            )
            x += share
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + 15}" font-size="13">{sum(bar.values)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
