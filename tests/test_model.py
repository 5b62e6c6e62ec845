import json
from pathlib import Path

from kronika.model import Analysis, Article, Entity, Mention, analysis_json_schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "schema" / "analysis.schema.json"


def test_published_schema_matches_the_model():
    """docs/schema/analysis.schema.json is regenerated with `kronika schema > docs/schema/analysis.schema.json`."""
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == analysis_json_schema()


def test_analysis_round_trips_through_json():
    article = Article(id="a1", text="Tokajew przemawiał.", date="2022-01", date_precision="month", format="seed")
    entity = Entity(id="PER:Tokajew", type="PER", name="Kasym-Żomart Tokajew",
                    mentions=[Mention(start=0, end=7, text="Tokajew", base="Tokajew")])
    analysis = Analysis(article=article, entities=[entity])
    again = Analysis.model_validate_json(analysis.model_dump_json())
    assert again == analysis
    assert again.article.content_hash == article.content_hash


def test_unknown_fields_are_rejected():
    import pydantic
    import pytest

    with pytest.raises(pydantic.ValidationError):
        Article(id="x", text="t", colour="red")
