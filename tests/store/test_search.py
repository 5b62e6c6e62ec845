"""Search: any inflected form finds the others; filters; snippets with marks."""
from __future__ import annotations

import pytest

from kronika.errors import StoreError
from kronika.store import SearchFilters
from kronika.store.query import fts_expression, word_lemmas


def sources(result):
    return sorted(h.source for h in result.hits)


@pytest.mark.parametrize("query", ["Tokajewa", "Tokajewowi", "tokajew", "TOKAJEWEM"])
def test_any_form_finds_every_article_with_the_name(filled, query):
    assert sources(filled.search(query)) == ["a1.txt", "a2.txt"]


def test_common_words_by_lemma(filled):
    assert sources(filled.search("protestowały")) == ["a1.txt"]  # protestowali: protestować
    assert sources(filled.search("Rosją")) == ["a2.txt", "a3.txt"]
    assert filled.search("Tokajewa Rosji").total == 1  # every word must match


def test_query_words_lemmatised_without_a_pipeline():
    assert "tokajew" in word_lemmas("Tokajewa")
    assert "prezydent" in word_lemmas("prezydenta")
    assert word_lemmas("Putina")[:2] == ("putina", "putin")


def test_fts_expression_quotes_every_lemma():
    assert fts_expression([("a", 'b"c'), ("d",)]) == '("a" OR "b""c") AND ("d")'


def test_fts_syntax_in_a_query_is_only_words(filled):
    assert filled.search('"*" (').total == 3  # no words: browse
    assert filled.search('Tokajew* OR NEAR(').total == 0  # words "or", "near": none in the articles


def test_hits_carry_a_snippet_with_marks(filled):
    [hit] = filled.search("Tokajewowi").hits[1:] or filled.search("Tokajewowi").hits[:1]
    for start, end in hit.marks:
        assert hit.snippet[start:end].lower().startswith("tokajew")
    assert hit.marks and hit.score > 0 and hit.rank == 2
    assert hit.snippet_start == 0 and hit.snippet.startswith(hit.snippet.split()[0])


@pytest.mark.parametrize("filters, expected", [
    (SearchFilters(date_from="2022"), ["a1.txt", "a2.txt"]),
    (SearchFilters(date_to="2021-12"), ["a3.txt"]),
    (SearchFilters(date_from="2022-01-15", date_to="2022-01"), ["a2.txt"]),
    (SearchFilters(entity="GPE:KAZ"), ["a1.txt"]),
    (SearchFilters(speaker="PER:władimir-putin"), ["a2.txt"]),
    (SearchFilters(speaker="Putin"), ["a2.txt"]),
    (SearchFilters(speaker="władimir putin"), ["a2.txt"]),
    (SearchFilters(event_type="protest"), ["a1.txt"]),
    (SearchFilters(country="RUS"), ["a2.txt", "a3.txt"]),
    (SearchFilters(country="KAZ", entity="GPE:RUS"), ["a2.txt"]),
    (SearchFilters(country="BLR"), []),
])
def test_filters(filled, filters, expected):
    assert sources(filled.search("", filters)) == expected
    result = filled.search("", filters)
    assert result.total == len(expected)


@pytest.mark.parametrize("filters, expected", [
    (SearchFilters(country="RUS"), ["a2.txt"]),
    (SearchFilters(event_type="PROTEST"), ["a1.txt"]),
    (SearchFilters(date_from="2022-01-15"), ["a2.txt"]),
    (SearchFilters(date_to="2022-01-15", entity="GPE:KAZ"), ["a1.txt"]),
    (SearchFilters(speaker="Tokajew"), ["a1.txt"]),
])
def test_filters_with_a_query(filled, filters, expected):
    result = filled.search("Tokajewa", filters)
    assert sources(result) == expected and result.total == len(expected)


def test_without_a_query_newest_first_and_paged(filled):
    result = filled.search("", limit=2)
    assert result.total == 3 and [h.date for h in result.hits] == ["2022-01-20", "2022-01-10"]
    assert [h.rank for h in filled.search("", limit=2, offset=2).hits] == [3]


def test_bad_paging_is_an_error(filled):
    with pytest.raises(StoreError, match="limit"):
        filled.search("x", limit=0)


def test_result_as_json(filled):
    data = filled.search("Tokajewa").to_dict()
    assert data["total"] == 2 and data["terms"] == [["tokajewa", "tokajew"]]
    assert {"article_id", "snippet", "marks", "score", "rank", "title", "date"} <= set(data["hits"][0])


def test_very_broad_queries_come_latest_first(filled, monkeypatch):
    import importlib

    search_module = importlib.import_module("kronika.store.search")

    monkeypatch.setattr(search_module, "RANKED_AT_MOST", 1)
    result = filled.search("Tokajewa")
    assert result.total == 2 and [h.source for h in result.hits] == ["a2.txt", "a1.txt"]


def test_a_store_without_article_countries_is_filled_when_opened(filled):
    from kronika.store import Store

    filled.db.execute("DELETE FROM article_countries")
    filled.db.execute("DELETE FROM meta WHERE key = 'migration:article_countries'")
    with Store(filled.path) as again:
        assert sources(again.search("", SearchFilters(country="RUS"))) == ["a2.txt", "a3.txt"]


def test_with_filters_many_matches_come_latest_first_and_page(filled, monkeypatch):
    import importlib

    search_module = importlib.import_module("kronika.store.search")

    by_date = SearchFilters(date_from="2021")
    ranked = filled.search("Tokajewa", by_date)
    assert ranked.total == 2 and ranked.hits[0].score >= ranked.hits[1].score
    monkeypatch.setattr(search_module, "RANKED_AT_MOST", 1)
    result = filled.search("Tokajewa", by_date)
    assert result.total == 2 and [h.source for h in result.hits] == ["a2.txt", "a1.txt"]
    second = filled.search("Tokajewa", by_date, limit=1, offset=1)
    assert [h.source for h in second.hits] == ["a1.txt"] and second.hits[0].rank == 2
