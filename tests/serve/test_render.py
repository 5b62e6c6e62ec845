"""Pieces of the pages that need no database: marked-up text, the chart, URLs."""
from __future__ import annotations

from kronika.serve.chart import bar_chart, fill_months
from kronika.serve.markup import Span, mark_up
from kronika.serve.render import highlight
from kronika.serve.urls import Urls


def test_mark_up_nests_overlapping_spans_and_escapes():
    text = 'A <b> said "x & y" to Z.'
    spans = [
        Span(0, 1, "mention", css="t-PER", href="/entities/A"),
        Span(11, 17, "quote", title='q "1"'),
        Span(0, 24, "event", attrs=(("data-event", "AID"),)),
        Span(23, 99, "mention"),  # out of range: ignored
        Span(5, 5, "mention"),  # empty: ignored
    ]
    html = str(mark_up(text, spans))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp; y" in html
    assert '<a href="/entities/A" class="m-mention t-PER">A</a>' in html
    assert 'title="q &#34;1&#34;"' in html
    assert html.count('data-event="AID"') == 4  # the text is cut at 1, 11 and 17


def test_mark_up_without_spans_is_the_escaped_text():
    assert str(mark_up("<i>", [])) == "&lt;i&gt;"


def test_fill_months_fills_gaps_and_goes_yearly_over_ten_years():
    assert fill_months({"2022-01": 2, "2022-03": 1}) == [("2022-01", 2), ("2022-02", 0), ("2022-03", 1)]
    assert fill_months({"2022-12": 1, "2023-01": 1})[-1] == ("2023-01", 1)
    yearly = fill_months({"2000-05": 1, "2015-01": 2, "2015-02": 3})
    assert yearly[0] == ("2000", 1) and yearly[-1] == ("2015", 5) and len(yearly) == 16


def test_bar_chart_is_svg_with_a_title_per_bar():
    svg = str(bar_chart([("2022-01", 3), ("2022-02", 0)], label='<x>'))
    assert svg.startswith("<svg") and svg.count("<rect") == 2 and "<title>2022-01: 3</title>" in svg
    assert 'aria-label="&lt;x&gt;"' in svg
    assert str(bar_chart([])) == ""


def test_highlight_escapes_around_marks():
    assert str(highlight("<a> Tokajew", [[4, 11]])) == '&lt;a&gt; <mark class="hit">Tokajew</mark>'


def test_urls_quote_ids_and_drop_empty_parameters():
    assert Urls.entity("PER:a/b") == "/entities/PER%3Aa%2Fb"
    assert Urls.search(q="x", entity="", page=1) == "/?q=x"
    assert Urls.search(q="x", page=2) == "/?q=x&page=2"
    assert Urls.events(api=True, event_type="AID") == "/api/events?event_type=AID"
