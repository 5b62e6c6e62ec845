"""`kronika serve`: the command checks its database before it starts a server."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kronika.cli import app
from kronika.serve import create_app
from kronika.serve.errors import DatabaseMissing


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "kronika ingest" in result.output


def test_create_app_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "x.db"
    path.write_text("not sqlite")
    with pytest.raises(DatabaseMissing):
        create_app(path)


def test_serve_starts_uvicorn_with_the_app(db_path, monkeypatch):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: started.update(app=app, **kwargs))
    result = CliRunner().invoke(app, ["serve", "--db", str(db_path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert started["port"] == 8123 and started["host"] == "127.0.0.1"
    assert started["app"].title == "kronika"


def _old_copy(db_path, tmp_path):
    """A copy of the test database as kronika's schema version 1 wrote it."""
    import shutil

    from tests.store.test_migrations import _make_old

    old = tmp_path / "old.db"
    shutil.copy(db_path, old)
    _make_old(old)
    return old


def test_create_app_refuses_a_database_of_an_older_schema_with_what_to_do(db_path, tmp_path):
    from kronika.serve.errors import DatabaseOutdated

    with pytest.raises(DatabaseOutdated, match="older version of kronika") as error:
        create_app(_old_copy(db_path, tmp_path))
    assert "kronika ingest" in str(error.value) and "entity_months" in str(error.value)


def test_serve_brings_an_older_database_up_to_date_then_starts(db_path, tmp_path, monkeypatch):
    import uvicorn

    from kronika.store.db import migrate

    old = _old_copy(db_path, tmp_path)
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: started.update(app=app, **kwargs))
    result = CliRunner().invoke(app, ["serve", "--db", str(old), "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert "older kronika" in result.output and "up to date" in result.output
    assert started["app"].title == "kronika"
    assert migrate(old) == []


def test_serve_explains_an_older_database_it_cannot_update(db_path, tmp_path, monkeypatch):
    import uvicorn

    from kronika.errors import StoreError
    from kronika.store import db as store_db

    old = _old_copy(db_path, tmp_path)

    def refuse(path):
        raise StoreError("cannot write the database (attempt to write a readonly database)", item=str(path))

    monkeypatch.setattr(store_db, "migrate", refuse)
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("must not start"))
    result = CliRunner().invoke(app, ["serve", "--db", str(old)])
    assert result.exit_code == 2
    assert "older kronika" in result.output and "cannot write" in result.output
    assert "Traceback" not in result.output


def test_serve_names_a_port_in_use(db_path, monkeypatch):
    import socket

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("must not start"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", str(db_path), "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and f"--port {port + 1}" in result.output
