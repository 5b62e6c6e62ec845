"""`kronika train`: its arguments are checked before any corpus is built."""
from __future__ import annotations

from typer.testing import CliRunner

from kronika.cli import app


def test_a_config_needs_exactly_one_training(tmp_path):
    config = tmp_path / "core.cfg"
    config.write_text("[nlp]\n")
    result = CliRunner().invoke(app, ["train", "--workdir", str(tmp_path), "--config", str(config)])
    assert result.exit_code != 0 and "exactly one --only" in result.output
    result = CliRunner().invoke(app, ["train", "--workdir", str(tmp_path), "--only", "core", "--config", str(tmp_path / "none.cfg")])
    assert result.exit_code != 0 and "no such config file" in result.output
    assert not (tmp_path / "corpora").exists()


def test_unknown_trainings_are_refused(tmp_path):
    result = CliRunner().invoke(app, ["train", "--workdir", str(tmp_path), "--only", "tagger"])
    assert result.exit_code != 0 and "unknown training" in result.output
