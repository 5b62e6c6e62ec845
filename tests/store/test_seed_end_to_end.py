"""Ingest the seed article with the shipped model; search it by an inflected form."""
from __future__ import annotations

from pathlib import Path

import pytest

from kronika.read import read_paths
from kronika.store import SearchFilters, Store

pytestmark = pytest.mark.model
SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("store") / "seed.db") as store:
        report = store.ingest(read_paths([SEED]))
        assert report.to_dict()["analysed"] == 1 and report.failed == 0, report.to_dict()
        yield store


def test_tokajewa_finds_the_seed(seeded):
    result = seeded.search("Tokajewa")
    assert result.total == 1 and result.hits[0].marks
    assert seeded.search("Tokajewa", SearchFilters(date_from="2022-01", date_to="2022-01")).total == 1
    assert seeded.search("Tokajewa", SearchFilters(date_from="2023")).total == 0


def test_tokajew_is_one_entity_of_kazakhstan(seeded):
    rows = seeded.db.execute("SELECT * FROM entities WHERE type = 'PER' AND name LIKE '%Tokajew%'").fetchall()
    assert len(rows) == 1 and rows[0]["mentions"] >= 2
    assert seeded.search("", SearchFilters(entity=rows[0]["id"])).total == 1


def test_the_analysis_reads_back(seeded):
    analysis = seeded.analysis(1)
    assert analysis.article.date == "2022-01" and analysis.entities
    assert seeded.counts()["articles_analysed"] == 1


def test_ingesting_the_seed_again_analyses_nothing(seeded):
    report = seeded.ingest(read_paths([SEED]), analyser=None)  # an analyser call would fail
    assert report.to_dict()["stored"] == 1
