"""The ingest, search and export commands (the analyser swapped for the hand-made one)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kronika.cli import app
from kronika.cli import ingest as ingest_cli

from .conftest import FILLER, FakeAnalyser

runner = CliRunner()


@pytest.fixture
def news(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_cli, "ModelAnalyser", lambda model=None: FakeAnalyser())
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "one.txt").write_text("date 2022-01 Tokajew w Kazachstanie.\n\n" + FILLER, encoding="utf-8")
    (folder / "two.txt").write_text("date 2022-02 Putin w Rosji rozmawiał z Tokajewowi.\n\n" + FILLER * 2, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_ingest_reports_and_fails_on_bad_items(news, tmp_path):
    db = tmp_path / "k.db"
    result = runner.invoke(app, ["ingest", str(news), "--db", str(db), "--json"])
    assert result.exit_code == 1  # the empty file
    report = json.loads(result.stdout)
    assert (report["analysed"], report["failed"]) == (2, 1)
    assert report["errors"][0]["reason"] == "empty"
    again = runner.invoke(app, ["ingest", str(news / "one.txt"), str(news / "two.txt"), "--db", str(db)])
    assert again.exit_code == 0 and "2 already stored" in again.output


def test_search_and_export(news, tmp_path):
    db = tmp_path / "k.db"
    runner.invoke(app, ["ingest", str(news), "--db", str(db)])
    found = runner.invoke(app, ["search", "Tokajewa", "--db", str(db), "--json"])
    assert found.exit_code == 0 and json.loads(found.stdout)["total"] == 2
    shown = runner.invoke(app, ["search", "Tokajewa", "--db", str(db), "--from", "2022-02", "--country", "RUS"])
    assert shown.exit_code == 0 and "1 article(s)" in shown.output and "two.txt" in shown.output
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--entity", "GPE:KAZ"])
    assert exported.exit_code == 0 and len(exported.stdout.splitlines()) == 1
    out = tmp_path / "quotes.csv"
    assert runner.invoke(app, ["export", "--db", str(db), "-f", "csv", "--table", "entities", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("id,type")


def test_search_of_a_missing_database_is_an_error(tmp_path):
    result = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output


def test_export_of_an_unknown_format_is_an_error(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db"), "-f", "xml"])
    assert result.exit_code == 2 and "unknown format" in result.output
