"""The article text with entity mentions, quotes and events marked, as safe HTML.

Offsets index ``Article.text``. Spans may nest or overlap (a mention inside a quote, an event's
evidence across a quote), so the text is cut at every span boundary and each piece is wrapped in
the layers active over it; every piece of article text is escaped on its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

__all__ = ["Span", "mark_up"]

# Outer to inner: an event's evidence holds quotes, a quote holds mentions.
LAYERS = ("event", "quote", "mention")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    layer: str  # one of LAYERS
    css: str = ""
    title: str = ""
    href: str | None = None
    attrs: tuple[tuple[str, str], ...] = field(default=())


def mark_up(text: str, spans: list[Span]) -> Markup:
    """``text`` as HTML with each span's pieces wrapped (``<a>`` for mentions with a link)."""
    n = len(text)
    valid = [s for s in spans if s.layer in LAYERS and 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in valid), *(s.end for s in valid)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = str(escape(text[a:b]))
        for layer in reversed(LAYERS):  # innermost first
            active = [s for s in valid if s.layer == layer and s.start <= a and b <= s.end]
            if active:
                piece = _wrap(piece, _longest(active))
        out.append(piece)
    return Markup("".join(out))


def _longest(spans: list[Span]) -> Span:
    return max(spans, key=lambda s: (s.end - s.start, -s.start))


def _wrap(inner: str, span: Span) -> str:
    attrs = [f'class="{escape(("m-" + span.layer + " " + span.css).strip())}"']
    if span.title:
        attrs.append(f'title="{escape(span.title)}"')
    attrs += [f'{name}="{escape(value)}"' for name, value in span.attrs]
    if span.href:
        return f'<a href="{escape(span.href)}" {" ".join(attrs)}>{inner}</a>'
    return f'<span {" ".join(attrs)}>{inner}</span>'
