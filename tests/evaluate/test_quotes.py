"""`kronika evaluate quotes`: the scorer, the gold files (dev set and seed) and the command."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from kronika.errors import EvaluationError
from kronika.evaluate.quotes import (
    KINDS,
    GoldQuote,
    QuoteDocument,
    check_gold,
    evaluate_quotes,
    find_quote,
    load_articles,
    match_quotes,
    overlap,
    quotes_from_analysis,
    read_quotes_jsonl,
    score_quotes,
    tokens,
    write_quotes_jsonl,
)
from kronika.model import Analysis, Article, Entity, Quote

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
DEV = DATA / "quotes_dev.jsonl"
SEED = DATA / "quotes_seed.jsonl"
BSNLP = REPO / ".." / "shared" / "data" / "bsnlp-pl"
EXAMPLES = REPO / "examples"


def gold_doc(*quotes, doc_id="d1"):
    """A document from ``(text, speaker, kind)`` triples."""
    return QuoteDocument(f"{doc_id}.txt", doc_id, None, tuple(GoldQuote(t, s, None, k, None) for t, s, k in quotes))


def score(gold, predicted):
    """Scores of one gold document against ``(text, speaker)`` predictions."""
    return score_quotes([gold], [[GoldQuote(t, s) for t, s in predicted]])


# ---------------------------------------------------------------- tokens and overlap


def test_tokens_are_lowercased_words_counted_as_a_multiset():
    assert tokens("„Nie, nie - NIE!” – powiedział.") == {"nie": 3, "powiedział": 1}
    assert tokens("Żółć 2018 r.") == {"żółć": 1, "2018": 1, "r": 1}


def test_overlap_divides_by_the_longer_side():
    assert overlap("a b c d", "a b") == 0.5
    assert overlap("a b", "a b c d") == 0.5
    assert overlap("A, b!", "a b") == 1.0
    assert overlap("a a b", "a b b") == pytest.approx(2 / 3)  # multisets: one a and one b shared
    assert overlap("", "a") == overlap("...", "a") == 0.0


# ---------------------------------------------------------------- matching and scores


def test_perfect_prediction_scores_one():
    gold = gold_doc(("Nie pozwolimy na żadne zniszczenia", "Imran Khan", "direct"),
                    ("rząd zareaguje", "Imran Khan", "indirect"))
    result = score(gold, [("rząd zareaguje", "Imran Khan"), ("Nie pozwolimy na żadne zniszczenia", "Imran Khan")])
    for t in (0.3, 0.5, 0.8):
        assert result[f"precision@{t}"] == result[f"recall@{t}"] == result[f"f1@{t}"] == 1.0
    assert result["speaker_accuracy"] == result["attributed_f1"] == 1.0
    assert result["recall_direct"] == result["recall_indirect"] == 1.0
    assert result["recall_mixed"] is None


def test_partial_overlap_is_judged_at_each_threshold():
    gold = gold_doc(("one two three four five six seven eight nine ten", "X", "direct"))
    result = score(gold, [("one two three four five six", "X")])  # overlap 6/10
    assert (result["matched@0.3"], result["matched@0.5"], result["matched@0.8"]) == (1, 1, 0)
    assert result["f1@0.5"] == 1.0 and result["f1@0.8"] == 0.0
    result = score(gold, [("one two three four", "X")])  # overlap 0.4
    assert (result["matched@0.3"], result["matched@0.5"]) == (1, 0)
    assert result["speaker_accuracy"] == 0.0  # nothing matched at 0.5
    result = score(gold, [("one two three four five six seven eight", "X")])  # exactly 0.8 counts
    assert result["matched@0.8"] == 1


def test_matching_is_one_to_one_and_best_first():
    gold = gold_doc(("a b c d", "X", "direct"), ("a b e f", "Y", "direct"))
    # the prediction fits both gold quotes; it is matched once, to the better one
    result = score(gold, [("a b e f g", "Y")])
    assert result["matched@0.3"] == 1
    assert result["recall@0.3"] == 0.5 and result["precision@0.3"] == 1.0
    assert match_quotes(["a b c d", "a b e f"], ["a b e f g"]) == [(1, 0, 0.8)]
    # two copies of one prediction cannot both take the same gold quote
    result = score(gold_doc(("a b c d", "X", "direct")), [("a b c d", "X"), ("a b c d", "X")])
    assert (result["matched@0.8"], result["precision@0.8"], result["recall@0.8"]) == (1, 0.5, 1.0)
    # greedy: the best pair first, even if another assignment would match more quotes
    assert match_quotes(["a b c", "a b x"], ["a b c", "q"]) == [(0, 0, 1.0)]


def test_speaker_right_wrong_and_case_insensitive():
    gold = gold_doc(("a b c d", "Donald Tusk", "direct"), ("e f g h", "Komisja Europejska", "indirect"),
                    ("i j k l", "rzecznik MSZ", "mixed"))
    result = score(gold, [("a b c d", "DONALD  tusk"), ("e f g h", "Tusk"), ("i j k l", None)])
    assert result["matched@0.5"] == 3
    assert result["speaker_correct"] == 1
    assert result["speaker_accuracy"] == pytest.approx(1 / 3)
    assert result["attributed_recall"] == pytest.approx(1 / 3)


def test_per_kind_recall_ignores_the_predicted_kind():
    gold = gold_doc(("a b c d", "X", "direct"), ("e f g h", "X", "indirect"), ("i j k l", "X", "indirect"))
    result = score_quotes([gold], [[GoldQuote("e f g h", "X", kind="direct")]])
    assert result["recall_direct"] == 0.0
    assert result["recall_indirect"] == 0.5
    assert (result["gold_direct"], result["gold_indirect"], result["gold_mixed"]) == (1, 2, 0)


def test_documents_are_pooled_and_missing_ones_count_as_empty():
    first = gold_doc(("a b c d", "X", "direct"), doc_id="d1")
    second = gold_doc(("e f g h", "Y", "direct"), ("i j", "Y", "direct"), doc_id="d2")
    result = score_quotes([first, second], {"d1": [GoldQuote("a b c d", "X")], "unknown": [GoldQuote("e f g h", "Y")]})
    assert result["documents"] == 2 and result["documents_missing"] == 1
    assert result["recall@0.5"] == pytest.approx(1 / 3)
    assert result["precision@0.5"] == 1.0
    with pytest.raises(ValueError):
        score_quotes([first, second], [[]])


def test_system_side_takes_analysis_quotes_and_resolves_entity_speakers():
    article = Article(id="d1", text="Tusk powiedział, że a b c d.")
    analysis = Analysis(
        article=article,
        entities=[Entity(id="e1", type="PER", name="Donald Tusk")],
        quotes=[
            Quote(kind="indirect", text="a b c d", start=20, end=27, speaker="e1"),
            Quote(kind="direct", text="x y", start=0, end=3, speaker="e9", speaker_name="Jan Nowak"),
            Quote(kind="direct", text="z", start=0, end=1, speaker="rzecznik MSZ"),
        ],
    )
    assert [q.speaker for q in quotes_from_analysis(analysis)] == ["Donald Tusk", "Jan Nowak", "rzecznik MSZ"]
    result = score_quotes([gold_doc(("a b c d", "donald tusk", "indirect"))], [analysis])
    assert result["f1@0.8"] == pytest.approx(0.5) and result["speaker_accuracy"] == 1.0


# ---------------------------------------------------------------- the gold files


def test_gold_files_are_well_formed():
    dev, seed = read_quotes_jsonl(DEV), read_quotes_jsonl(SEED)
    assert len(dev) >= 40
    assert len({d.doc_id for d in dev}) == len(dev)
    quotes = [q for d in dev + seed for q in d.quotes]
    assert {q.kind for q in quotes} == set(KINDS)
    assert all(q.speaker.strip() == q.speaker and q.text.strip() == q.text for q in quotes)
    assert any(not d.quotes for d in dev)  # articles without speech are part of the set
    assert all(d.doc.startswith(("asia_bibi/raw/", "brexit/raw/")) for d in dev)


@pytest.mark.skipif(not BSNLP.is_dir(), reason="../shared/data/bsnlp-pl is not here")
def test_dev_gold_quotes_are_verbatim_in_their_articles():
    gold = read_quotes_jsonl(DEV)
    articles = load_articles(gold, BSNLP)
    assert all(a.format == "bsnlp" for a in articles)
    assert check_gold(gold, articles) == []


def test_seed_gold_matches_spec_section_4():
    [gold] = read_quotes_jsonl(SEED)
    [article] = load_articles([gold], EXAMPLES)
    assert check_gold([gold], [article]) == []
    assert (article.date, article.date_precision) == ("2022-01", "month")
    by_speaker = {}
    for q in gold.quotes:
        by_speaker.setdefault(q.speaker, []).append(q)
    assert set(by_speaker) == {"Kasym-Żomart Tokajew", "Władimir Putin"}
    assert "przywrócono porządek" in by_speaker["Kasym-Żomart Tokajew"][0].text
    # the pull-quote line and its body occurrence are one quote
    pull = [q for q in gold.quotes if "kolorowych rewolucji" in q.text]
    assert len(pull) == 1 and pull[0].kind == "direct"
    dash = [q for q in gold.quotes if q.text.startswith("Jak powiedział Kasym-Żomart Tokajew")]
    assert dash[0].speaker == "Władimir Putin"
    withdrawal = [q for q in gold.quotes if q.cue == "zapowiedział"]
    assert withdrawal[0].kind == "indirect" and "wycofany" in withdrawal[0].text


def test_find_quote_ignores_whitespace_and_looks_in_the_title():
    article = Article(id="a", title="Belka: wybraliśmy", text="On  powiedział:\n- Mamy słabą\npozycję - dodał.")
    assert find_quote(article, "Mamy słabą pozycję") == ("text", 18, 36)
    assert find_quote(article, "wybraliśmy") == ("title", 7, 17)
    assert find_quote(article, "Mamy silną pozycję") is None


def test_check_gold_reports_problems():
    article = Article(id="a", date="2018-01-01", text="X powiedział, że a b c.")
    gold = QuoteDocument("a.txt", "b", "2018-01-02", (GoldQuote("a b d", "X", None, "indirect", None),))
    problems = check_gold([gold], [article])
    assert len(problems) == 3 and "doc_id" in problems[0] and "date" in problems[1] and "quote 1" in problems[2]


@pytest.mark.parametrize("line, message", [
    ("{", "line 1: not JSON"),
    ('{"doc_id": "x", "quotes": []}', "'doc'"),
    ('{"doc": "x", "quotes": [{"text": "a", "speaker": "X", "kind": "quoted"}]}', "'kind' must be one of"),
    ('{"doc": "x", "quotes": [{"text": "a", "speaker": "", "kind": "direct"}]}', "'speaker' must be a non-empty"),
    ('{"doc": "x", "quotes": [{"text": " ", "speaker": "X", "kind": "direct"}]}', "'text' must be a non-empty"),
    ('{"doc": "x", "quotes": {}}', "'quotes' must be a list"),
    ('{"doc": "x", "quotes": []}\n{"doc": "x", "quotes": []}', "line 2: document 'x' appears twice"),
])
def test_bad_gold_lines_are_reported_with_file_and_line(tmp_path, line, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError) as error:
        read_quotes_jsonl(path)
    assert str(error.value).startswith(str(path)) and message in str(error.value)


def test_predictions_need_neither_speakers_nor_kinds(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"doc_id": "d1", "quotes": [{"text": "a b"}]}\n', encoding="utf-8")
    [document] = read_quotes_jsonl(path, gold=False)
    assert document.quotes == (GoldQuote("a b"),)


# ---------------------------------------------------------------- evaluate_quotes and the command


def test_evaluate_predictions_file_round_trip(tmp_path):
    gold = read_quotes_jsonl(DEV)
    # a system that finds the first quote of each document, with the speaker in upper case
    predicted = [QuoteDocument(None, d.doc_id, None, tuple(GoldQuote(q.text, q.speaker.upper()) for q in d.quotes[:1]))
                 for d in gold if d.quotes]
    write_quotes_jsonl(predicted, tmp_path / "pred.jsonl")
    result = evaluate_quotes(DEV, predictions=tmp_path / "pred.jsonl")
    assert result["precision@0.8"] == result["speaker_accuracy"] == 1.0
    assert result["recall@0.8"] == pytest.approx(len(predicted) / result["gold_quotes"])
    assert result["documents_missing"] == sum(not d.quotes for d in gold)


def test_evaluate_with_a_pipeline_reads_the_articles():
    calls = []

    def load():
        calls.append(1)
        return spacy.blank("pl")

    result = evaluate_quotes(SEED, EXAMPLES, system=load)
    assert calls == [1]
    # a blank pipeline sets no sentences or parse: no quote is found
    assert result["predicted_quotes"] == 0 and result["recall@0.5"] == 0.0 and result["gold_quotes"] == 8
    with pytest.raises(EvaluationError, match="document not found"):
        evaluate_quotes(SEED, system=load)  # default root: the gold file's folder
    assert calls == [1]  # the pipeline is loaded only once the articles are read


@pytest.fixture
def run_cli():
    import typer
    from typer.testing import CliRunner

    from kronika.cli.evaluate_quotes import evaluate_quotes_command

    app = typer.Typer()
    app.command()(evaluate_quotes_command)
    return lambda *args: CliRunner().invoke(app, [str(a) for a in args])


def test_cli_gold_against_itself_scores_one(run_cli):
    result = run_cli(DEV, "--predictions", DEV)
    assert result.exit_code == 0, result.output
    lines = dict(line.split("\t") for line in result.output.splitlines())
    assert lines["f1@0.3"] == lines["f1@0.5"] == lines["f1@0.8"] == lines["speaker_accuracy"] == "1.0000"
    assert lines["documents"] == str(len(read_quotes_jsonl(DEV)))


def test_cli_json_and_seed(run_cli):
    result = run_cli(SEED, "--root", EXAMPLES, "--predictions", SEED, "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["f1@0.5"] == 1.0 and scores["gold_quotes"] == 8


def test_cli_errors_name_the_file(run_cli, tmp_path):
    result = run_cli(tmp_path / "missing.jsonl", "--predictions", DEV)
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'missing.jsonl'}: file not found" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "nobody", "quotes": []}\n')
    result = run_cli(DEV, "--predictions", bad)
    assert result.exit_code == 1
    assert "bad.jsonl: no document of the gold file has a prediction" in result.output
