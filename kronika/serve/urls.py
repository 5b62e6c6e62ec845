"""Every URL the pages link to comes from here (one place to change a route)."""
from __future__ import annotations

from urllib.parse import quote, urlencode

__all__ = ["Urls"]


def _query(params: dict) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "", [], 1) or (k != "page" and v == 1)}
    return ("?" + urlencode(kept, doseq=True)) if kept else ""


class Urls:
    """Page and API URLs; ``api=True`` gives the JSON twin of a page."""

    @staticmethod
    def search(api: bool = False, **params) -> str:
        return ("/api/search" if api else "/") + _query(params)

    @staticmethod
    def article(article_id: str | int, api: bool = False) -> str:
        return f"{'/api' if api else ''}/articles/{quote(str(article_id), safe='')}"

    @staticmethod
    def entity(entity_id: str, api: bool = False) -> str:
        return f"{'/api' if api else ''}/entities/{quote(str(entity_id), safe='')}"

    @staticmethod
    def quotes(api: bool = False, **params) -> str:
        return ("/api/quotes" if api else "/quotes") + _query(params)

    @staticmethod
    def events(api: bool = False, **params) -> str:
        return ("/api/events" if api else "/events") + _query(params)

    @staticmethod
    def entities(api: bool = False, **params) -> str:
        return ("/api/entities" if api else "/entities") + _query(params)

    @staticmethod
    def export(name: str, **params) -> str:
        return f"/api/export/{name}" + _query(params)
