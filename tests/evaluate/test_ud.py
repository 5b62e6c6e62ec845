"""`evaluate_ud` end to end on a tiny gold file, and the `kronika evaluate ud` command."""
from __future__ import annotations

import json

import pytest
import spacy
import typer
from spacy.language import Language
from typer.testing import CliRunner

import kronika
from kronika.evaluate.conll18 import METRICS
from kronika.evaluate.conllu import parse_conllu, read_conllu
from kronika.evaluate.ud import evaluate_ud, paragraph_chunks, raw_text

MWT = "\t_" * 7 + "\t"

GOLD = f"""\
# newdoc id = d1
# newpar
# sent_id = 1
# text = Zrobiłem to.
1-2\tZrobiłem{MWT}_
1\tZrobił\tzrobić\tVERB\tpraet\tAspect=Perf\t0\troot\t_\t_
2\tem\tbyć\tAUX\taglt\tNumber=Sing\t1\taux:clitic\t_\t_
3\tto\tto\tPRON\tsubst\t_\t1\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\tinterp\t_\t1\tpunct\t_\t_

# sent_id = 2
# text = Dr. Nowak przyszedł.
1\tDr.\tdoktor\tNOUN\tbrev\t_\t3\tnsubj\t_\t_
2\tNowak\tNowak\tPROPN\tsubst\t_\t1\tflat\t_\t_
3\tprzyszedł\tprzyjść\tVERB\tpraet\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\tinterp\t_\t3\tpunct\t_\t_

# newpar
# sent_id = 3
# text = Ala ma kota.
1\tAla\tAla\tPROPN\tsubst\t_\t2\tnsubj\t_\t_
2\tma\tmieć\tVERB\tfin\t_\t0\troot\t_\t_
3\tkota\tkot\tNOUN\tsubst\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\tinterp\t_\t2\tpunct\t_\t_

"""


@pytest.fixture
def gold_path(tmp_path):
    path = tmp_path / "gold.conllu"
    path.write_text(GOLD, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sentencizer() -> Language:
    nlp = spacy.blank("pl")
    nlp.add_pipe("sentencizer")
    return nlp


def f1(result, metric):
    return round(100 * result["metrics"][metric]["f1"], 2)


def test_raw_text_keeps_paragraphs_apart():
    sentences = parse_conllu(GOLD)
    assert raw_text(sentences) == "Zrobiłem to. Dr. Nowak przyszedł.\n\nAla ma kota.\n"
    assert [len(u) for u in paragraph_chunks(sentences)] == [2, 1]
    assert [len(u) for u in paragraph_chunks(sentences, 1)] == [1, 1, 1]


def test_file_without_paragraph_marks_is_chunked():
    text = "".join(f"# text = Tak.\n1\tTak\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t1\tpunct\t_\t_\n\n"
                   for _ in range(7))
    sentences = parse_conllu(text)
    assert [len(u) for u in paragraph_chunks(sentences, 3)] == [3, 3, 1]
    assert [len(u) for u in paragraph_chunks(sentences, 0)] == [7]


def test_raw_text_mode_with_a_sentencizer(sentencizer, gold_path, tmp_path):
    output = tmp_path / "system.conllu"
    result = evaluate_ud(sentencizer, gold_path, output=output)
    assert set(result["metrics"]) == set(METRICS)
    assert result["mode"] == "raw-text" and result["words"] == 12 and result["sentences"] == 3
    # "Dr." splits into two tokens and ends a sentence; "Zrobiłem" stays whole
    scores = result["metrics"]
    assert (scores["Tokens"]["correct"], scores["Tokens"]["gold_total"], scores["Tokens"]["system_total"]) == (10, 11, 12)
    assert (scores["Sentences"]["correct"], scores["Sentences"]["system_total"]) == (2, 4)
    assert (scores["Words"]["correct"], scores["Words"]["gold_total"]) == (9, 12)
    assert f1(result, "UPOS") == 0.0 and f1(result, "LAS") == 0.0
    assert len(read_conllu(output)) == 4


def test_gold_tokens_mode_keeps_gold_words_and_sentences(sentencizer, gold_path, tmp_path):
    output = tmp_path / "system.conllu"
    result = evaluate_ud(sentencizer, gold_path, gold_tokens=True, output=output)
    for metric in ("Tokens", "Sentences", "Words"):
        assert f1(result, metric) == 100.0  # the sentencizer, which would split "Dr.", is left out
    assert f1(result, "UPOS") == 0.0
    system = read_conllu(output)
    assert system[0].tokens[0].multiword and system[0].tokens[0].form == "Zrobiłem"


@Language.component("kronika_test_everything_a_verb")
def everything_a_verb(doc):
    for token in doc:
        token.pos_ = "VERB"
    return doc


def test_pipeline_annotations_are_scored(gold_path):
    nlp = spacy.blank("pl")
    nlp.add_pipe("kronika_test_everything_a_verb")
    result = evaluate_ud(nlp, gold_path, gold_tokens=True)
    assert result["metrics"]["UPOS"]["correct"] == 3


def test_rules_only_pipeline_runs_end_to_end(gold_path):
    nlp = kronika.load(rules_only=True)
    for gold_tokens in (False, True):
        result = evaluate_ud(nlp, gold_path, gold_tokens=gold_tokens)
        assert result["metrics"]["Tokens"]["gold_total"] == 11
        assert 0.0 <= result["metrics"]["LAS"]["f1"] <= 1.0
        assert result["seconds"] >= 0


# ---------------------------------------------------------------- the command


@pytest.fixture
def cli(monkeypatch, sentencizer):
    from kronika.cli.evaluate_ud import evaluate_ud_command

    monkeypatch.setattr(kronika, "load", lambda model=None, **kwargs: sentencizer)
    app = typer.Typer()
    app.command()(evaluate_ud_command)
    return lambda *args: CliRunner().invoke(app, [str(a) for a in args])


def test_command_prints_one_metric_a_line(cli, gold_path):
    result = cli(gold_path, "--rules-only")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:2] == ["Tokens", "86.96"]
    assert lines[1].split()[0] == "Sentences"


def test_command_json(cli, gold_path):
    result = cli(gold_path, "--json", "--gold-tokens")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["metrics"]["Tokens"]["f1"] == 1.0 and data["mode"] == "gold-tokens"


@pytest.mark.parametrize("content", [None, "1\tAla\n", "2\tAla\t_\t_\t_\t_\t0\troot\t_\t_\n"])
def test_command_bad_gold_file(cli, tmp_path, content):
    path = tmp_path / "gold.conllu"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = cli(path)
    assert result.exit_code == 1
    assert "gold.conllu" in result.output
