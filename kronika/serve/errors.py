"""The web layer's errors: each carries its HTTP status; one renderer shows them (see app.py)."""
from __future__ import annotations

from ..errors import KronikaError


class ServeError(KronikaError):
    code = "serve_error"
    status = 500


class NotFound(ServeError):
    code = "not_found"
    status = 404


class BadRequest(ServeError):
    code = "bad_request"
    status = 400


class DatabaseMissing(ServeError):
    code = "database_missing"
    status = 500


class DatabaseOutdated(DatabaseMissing):
    """The file was written by an older kronika: opening it for writing once brings it up to date."""

    code = "database_outdated"
