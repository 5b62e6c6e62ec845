"""The HTML pages (Polish interface): each renders its view's context with a template."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from . import views
from .chart import bar_chart, fill_months
from .markup import Span, mark_up
from .params import filters
from .render import templates
from .urls import Urls
from .views import Filters

router = APIRouter(include_in_schema=False)
Params = Annotated[Filters, Depends(filters)]


def _db(request: Request):
    return request.app.state.db.connection()


def _page(request: Request, name: str, context: dict, json_url: str) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {**context, "json_url": json_url})


def _pager(url_builder, f: Filters):
    params = {k: v for k, v in f.public().items() if k != "page"}
    return lambda page: url_builder(**params, page=page)


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, f: Params):
    ctx = views.search_view(_db(request), f)
    ctx["page_url"] = _pager(Urls.search, f)
    return _page(request, "search.html", ctx, Urls.search(api=True, **f.public()))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    ctx = views.article_view(_db(request), article_id)
    ctx["marked_text"] = mark_up(ctx["article"]["text"], _spans(ctx))
    return _page(request, "article.html", ctx, Urls.article(article_id, api=True))


def _spans(ctx: dict) -> list[Span]:
    spans = [
        Span(m["start"], m["end"], "mention", css=f"t-{m['type']}", title=f"{m['name']} ({m['type']})",
             href=Urls.entity(m["entity_id"]))
        for m in ctx["mentions"]
    ]
    spans += [
        Span(q["start"], q["end"], "quote", title=f"cytat: {q.get('speaker_name') or q.get('speaker') or '?'}")
        for q in ctx["quotes"]
    ]
    spans += [
        Span(e["evidence"][0], e["evidence"][1], "event", title=f"wydarzenie: {e['type']}",
             attrs=(("data-event", e["type"]),))
        for e in ctx["events"] if e.get("evidence")
    ]
    return spans


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, f: Params):
    ctx = views.entities_view(_db(request), f)
    ctx["page_url"] = _pager(Urls.entities, f)
    return _page(request, "entities.html", ctx, Urls.entities(api=True, **f.public()))


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str):
    ctx = views.entity_view(_db(request), entity_id)
    series = fill_months(ctx["mentions_by_month"])
    ctx["chart"] = bar_chart(series, label=f"Wzmianki: {ctx['entity']['name']}") if series else None
    return _page(request, "entity.html", ctx, Urls.entity(entity_id, api=True))


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, f: Params):
    ctx = views.quotes_view(_db(request), f)
    ctx["page_url"] = _pager(Urls.quotes, f)
    params = {k: v for k, v in f.public().items() if k != "page"}
    ctx["export_urls"] = {"jsonl": Urls.export("quotes.jsonl", **params), "csv": Urls.export("quotes.csv", **params)}
    return _page(request, "quotes.html", ctx, Urls.quotes(api=True, **f.public()))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, f: Params):
    ctx = views.events_view(_db(request), f)
    ctx["page_url"] = _pager(Urls.events, f)
    series = fill_months(ctx["events_by_month"])
    ctx["chart"] = bar_chart(series, label="Wydarzenia w czasie") if series else None
    params = {k: v for k, v in f.public().items() if k != "page"}
    ctx["export_urls"] = {
        "plover": Urls.export("events.plover.json", **params),
        "jsonl": Urls.export("events.jsonl", **params),
        "csv": Urls.export("events.csv", **params),
    }
    return _page(request, "events.html", ctx, Urls.events(api=True, **f.public()))


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request):
    """The API reference, rendered here from the OpenAPI schema (Swagger UI would need a CDN)."""
    operations = []
    for path, methods in request.app.openapi()["paths"].items():
        for method, op in methods.items():
            params = [
                {"name": p["name"], "required": p.get("required", False), "description": p.get("description", "")}
                for p in op.get("parameters", [])
            ]
            operations.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "description": (op.get("description") or "").split("\n")[0], "params": params})
    return _page(request, "docs.html", {"operations": operations}, "/openapi.json")
