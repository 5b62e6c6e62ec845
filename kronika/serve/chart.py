"""A small bar chart as inline SVG, rendered on the server (no JavaScript, no downloads)."""
from __future__ import annotations

from markupsafe import Markup, escape

__all__ = ["bar_chart", "fill_months"]


def fill_months(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Monthly counts (keys ``YYYY-MM``) with the empty months between the first and last as 0;
    by year when the span is longer than ten years."""
    keys = sorted(k for k in counts if len(k) >= 7 and k[:4].isdigit() and k[5:7].isdigit())
    if not keys:
        return sorted(counts.items())
    (y0, m0), (y1, m1) = _ym(keys[0]), _ym(keys[-1])
    if y1 - y0 > 10:
        years: dict[str, int] = {}
        for k, v in counts.items():
            years[k[:4]] = years.get(k[:4], 0) + v
        return [(str(y), years.get(str(y), 0)) for y in range(int(min(years)), int(max(years)) + 1)]
    out = []
    y, m = y0, m0
    while (y, m) <= (y1, m1):
        key = f"{y:04d}-{m:02d}"
        out.append((key, counts.get(key, 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _ym(key: str) -> tuple[int, int]:
    return int(key[:4]), int(key[5:7])


def bar_chart(series: list[tuple[str, int]], *, label: str = "", height: int = 120) -> Markup:
    """An SVG bar per (period, count); scales to its container's width."""
    if not series:
        return Markup("")
    top = max(v for _, v in series) or 1
    step = max(4, min(48, 600 // len(series)))
    bar, gap = step - max(1, step // 5), max(1, step // 5)
    width = max(len(series) * (bar + gap), 240)
    top_pad = 12
    plot = height - 18 - top_pad
    parts = [
        f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (period, value) in enumerate(series):
        h = round(plot * value / top, 1)
        x = i * (bar + gap)
        parts.append(
            f'<rect x="{x}" y="{top_pad + plot - h}" width="{bar}" height="{h}">'
            f"<title>{escape(period)}: {value}</title></rect>"
        )
    for i in (0, len(series) - 1) if len(series) > 1 else (0,):
        anchor = "start" if i == 0 else "end"
        x = i * (bar + gap) + (bar if i else 0)
        parts.append(f'<text x="{x}" y="{height - 4}" text-anchor="{anchor}">{escape(series[i][0])}</text>')
    parts.append(f'<text x="{width}" y="9" text-anchor="end">max {top}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
