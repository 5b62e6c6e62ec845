"""`create_app(db_path)`: the FastAPI application of ``kronika serve``.

HTML pages (:mod:`.pages`) and their JSON twins under ``/api`` (:mod:`.api`) share one context
per page (:mod:`.views`); all SQL lives in :mod:`.queries` (reads) and :mod:`kronika.store`.
The database is opened read-only, one connection per worker thread.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import KronikaError
from . import api, pages
from ..store.db import pending_migrations
from .errors import DatabaseMissing, DatabaseOutdated, ServeError
from .render import templates

log = logging.getLogger(__name__)
HERE = Path(__file__).parent

__all__ = ["create_app"]

_TITLES = {400: "Błędne zapytanie", 404: "Nie znaleziono", 422: "Błędne parametry", 500: "Błąd serwera"}


class Database:
    """Read-only SQLite connections, one per thread (uvicorn runs sync routes in a thread pool)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise DatabaseMissing(f"no database at {self.path}: create it with `kronika ingest PATH --db {self.path}`")
        self._local = threading.local()
        try:
            self.connection().execute("SELECT 1 FROM articles LIMIT 1")
            pending = pending_migrations(self.connection())
        except sqlite3.DatabaseError as error:
            raise DatabaseMissing(f"{self.path} is not a kronika database ({error})") from None
        if pending:
            raise DatabaseOutdated(
                f"{self.path} was written by an older version of kronika (it lacks: {', '.join(pending)}); "
                f"`kronika serve --db {self.path}` or `kronika ingest PATH --db {self.path}` brings it up to date "
                "(once; they need to write the file)"
            )

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA query_only = 1")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MiB of pages per connection
            conn.execute("PRAGMA mmap_size = 1073741824")  # read through the OS page cache
            self._local.conn = conn
        return conn


def create_app(db_path: str | Path) -> FastAPI:
    app = FastAPI(
        title="kronika",
        version=__version__,
        description="Polish news as data: articles, entities, quotes and PLOVER events. "
        "Every HTML page has a JSON twin under /api with the same parameters.",
        docs_url=None,  # Swagger UI would load from a CDN; /docs is served from here instead
        redoc_url=None,
    )
    app.state.db = Database(db_path)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json" or request.headers.get("accept") == "application/json"


def _error(request: Request, status: int, code: str, message: str, detail=None):
    if _wants_json(request):
        body = {"error": {"status": status, "code": code, "message": message}}
        if detail is not None:
            body["error"]["detail"] = detail
        return JSONResponse(body, status_code=status)
    return templates.TemplateResponse(
        request, "error.html",
        {"status": status, "title": _TITLES.get(status, "Błąd"), "message": message},
        status_code=status,
    )


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServeError)
    async def serve_error(request: Request, exc: ServeError):
        return _error(request, exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = "Nie ma takiej strony." if exc.status_code == 404 else str(exc.detail)
        return _error(request, exc.status_code, "not_found" if exc.status_code == 404 else "http_error", message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        fields = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors())
        detail = [{"loc": list(e.get("loc", [])), "msg": e.get("msg")} for e in exc.errors()]
        return _error(request, 422, "invalid_parameters", f"Błędne parametry: {fields}.", detail)

    @app.exception_handler(KronikaError)
    async def kronika_error(request: Request, exc: KronikaError):  # e.g. the store refusing a query
        return _error(request, 400, exc.code, exc.message)

    @app.exception_handler(sqlite3.Error)
    async def db_error(request: Request, exc: sqlite3.Error):
        log.exception("database error on %s", request.url.path)
        return _error(request, 500, "database_error", f"Błąd bazy danych: {exc}")


def app_from_env() -> FastAPI:
    """The app for ``KRONIKA_DB`` (uvicorn's factory when it runs several worker processes)."""
    import os

    return create_app(os.environ["KRONIKA_DB"])
