"""The JSON API: one endpoint per page, same parameters, and the exports."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from . import exports, queries, views
from .params import filters
from .views import Filters

router = APIRouter(prefix="/api", tags=["api"])
Params = Annotated[Filters, Depends(filters)]


def _db(request: Request):
    return request.app.state.db.connection()


@router.get("/search", summary="Szukaj artykułów (lematy, filtry)")
def search(request: Request, f: Params) -> dict:
    """Articles matching the words (any inflected form) and filters: title, date, snippet; paged."""
    return views.search_view(_db(request), f)


@router.get("/articles/{article_id}", summary="Artykuł z encjami, wzmiankami, cytatami, wydarzeniami")
def article(request: Request, article_id: str) -> dict:
    """The article, its text, and what kronika found in it; offsets index the text."""
    return views.article_view(_db(request), article_id)


@router.get("/entities", summary="Lista encji")
def entities(request: Request, f: Params) -> dict:
    """Entities by mention count; `q` filters by name or alias, `type` by type."""
    return views.entities_view(_db(request), f)


@router.get("/entities/{entity_id:path}", summary="Encja: nazwy, wzmianki w czasie, cytaty, wydarzenia, sąsiedzi")
def entity(request: Request, entity_id: str) -> dict:
    """Names and aliases, code, mentions per month, quotes, events as actor or recipient, co-occurring entities."""
    return views.entity_view(_db(request), entity_id)


@router.get("/quotes", summary="Cytaty: kto co powiedział (o kim)")
def quotes(request: Request, f: Params) -> dict:
    """Quotes filtered by speaker, by an entity mentioned in the quote, by words and date."""
    return views.quotes_view(_db(request), f)


@router.get("/events", summary="Wydarzenia PLOVER z filtrami")
def events(request: Request, f: Params) -> dict:
    """Events filtered by type, country, actor or recipient, date range and words; with counts per month."""
    return views.events_view(_db(request), f)


@router.get("/export/quotes.{fmt}", summary="Eksport cytatów (JSONL, CSV)")
def export_quotes(request: Request, fmt: Literal["jsonl", "csv"], f: Params):
    """Every quote matching the filters (no paging)."""
    db = _db(request)
    items = exports.rows(lambda g: queries.quotes(db, g), f)
    if fmt == "csv":
        return _stream(exports.csv_lines(items, exports.QUOTE_COLUMNS, exports.quote_row), "text/csv", "quotes.csv")
    return _stream(exports.jsonl(items), "application/x-ndjson", "quotes.jsonl")


@router.get("/export/events.{fmt}", summary="Eksport wydarzeń (PLOVER JSON, JSONL, CSV)")
def export_events(request: Request, fmt: Literal["plover.json", "jsonl", "csv"], f: Params):
    """Every event matching the filters (no paging); `plover.json` uses PLOVER's own field names."""
    db = _db(request)
    items = exports.rows(lambda g: queries.events(db, g), f)
    if fmt == "csv":
        return _stream(exports.csv_lines(items, exports.EVENT_COLUMNS, exports.event_row), "text/csv", "events.csv")
    if fmt == "jsonl":
        return _stream(exports.jsonl(items), "application/x-ndjson", "events.jsonl")
    return _stream(exports.plover(db, items), "application/json", "events.plover.json")


@router.get("/export/articles.jsonl", summary="Eksport artykułów z wynikami analizy (JSONL)")
def export_articles(request: Request, f: Params):
    """One analysis object (SPEC §2: article, entities, quotes, events) per article matching the search."""
    db = _db(request)
    items = exports.rows(lambda g: queries.search_articles(db, g, limit=g.size, offset=g.offset)[0], f)
    analyses = (exports.stored_analysis(db, a["id"]).model_dump(mode="json", exclude_none=True) for a in items)
    return _stream(exports.jsonl(analyses), "application/x-ndjson", "articles.jsonl")


def _stream(body, media_type: str, filename: str) -> StreamingResponse:
    return StreamingResponse(body, media_type=f"{media_type}; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})
