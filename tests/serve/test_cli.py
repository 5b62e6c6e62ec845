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
