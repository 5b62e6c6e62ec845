"""read_paths over many inputs: folders, stdin, and every kind of bad input, with the batch going on."""
import gzip
import io
import sys

import pytest

from kronika.read import REASONS, ReadOptions, read_paths

from .conftest import FIXTURES, POLISH, SEED, split

GOOD = "Dobry tekst o Kazachstanie.\n"


def write(folder, name, data):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path):
    write(tmp_path, "b.txt", "B " + GOOD)
    write(tmp_path, "a/z.txt", "AZ " + GOOD)
    write(tmp_path, "a/b.txt", "AB " + GOOD)
    write(tmp_path, ".hidden.txt", "H " + GOOD)
    write(tmp_path, ".git/config.txt", "G " + GOOD)
    articles, errors = split(read_paths([tmp_path]))
    assert not errors
    assert [a.text.split()[0] for a in articles] == ["AB", "AZ", "B"]


def test_mixed_formats_in_one_batch(tmp_path):
    seed = write(tmp_path, "1.txt", SEED.read_bytes())
    html = write(tmp_path, "2.html", (FIXTURES / "news.html").read_bytes())
    bsnlp = write(tmp_path, "3.txt", (FIXTURES / "bsnlp_trump_file_26.txt").read_bytes())
    jsonl = write(tmp_path, "4.jsonl", '{"text": "Raz."}\n{"text": "Dwa."}\n')
    articles, errors = split(read_paths([seed, html, bsnlp, jsonl]))
    assert not errors
    assert [a.format for a in articles] == ["seed", "html", "bsnlp", "jsonl", "jsonl"]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("binary.bin", bytes(range(256)) * 3, "binary"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\n\t\n", "empty"),
        ("cut.txt", "Zażółć gęślą".encode()[:-1], "truncated"),
        ("cut.txt.gz", gzip.compress(POLISH.encode())[:-12], "truncated"),
        ("bad.txt", "Zażółć gęślą jaźń".encode() + b"\xff\xfe" + "źdźbło".encode(), "encoding"),
        ("404.html", b"<html><head><title>404</title></head><body><p>Nie ma.</p></body></html>", "no_article"),
        ("big.txt", b"x" * 2000, "too_large"),
        ("big.txt.gz", gzip.compress(b"y" * 5000), "too_large"),  # small on disk, large unpacked
    ],
)
def test_bad_input_is_an_error_and_the_batch_goes_on(tmp_path, name, data, reason):
    before = write(tmp_path, "before.txt", "Przed. " + GOOD)
    bad = write(tmp_path, name, data)
    after = write(tmp_path, "after.txt", "Po. " + GOOD)
    results = list(read_paths([before, bad, after], ReadOptions(max_bytes=1000)))
    articles, errors = split(results)
    assert [a.text.split()[0] for a in articles] == ["Przed.", "Po."]
    (error,) = errors
    assert (error.item, error.reason) == (str(bad), reason)
    assert reason in REASONS and error.to_dict()["reason"] == reason
    assert results.index(error) == 1  # in order


def test_malformed_jsonl_line_in_a_batch(tmp_path):
    jsonl = write(tmp_path, "a.jsonl", '{"text": "Raz."}\n{"text": \n{"text": "Trzy."}\n')
    articles, errors = split(read_paths([jsonl, write(tmp_path, "b.txt", GOOD)]))
    assert [a.text for a in articles] == ["Raz.", "Trzy.", GOOD.strip()]
    assert [(e.item, e.reason) for e in errors] == [(f"{jsonl}:2", "malformed")]


def test_missing_file_and_folder(tmp_path):
    good = write(tmp_path, "ok.txt", GOOD)
    articles, errors = split(read_paths([tmp_path / "missing.txt", tmp_path / "no-folder", good]))
    assert len(articles) == 1
    assert [(e.item, e.reason) for e in errors] == [
        (str(tmp_path / "missing.txt"), "not_found"),
        (str(tmp_path / "no-folder"), "not_found"),
    ]


def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", GOOD)
    path.chmod(0)
    try:
        if path.open("rb"):  # root reads it anyway
            pytest.skip("running as root")
    except PermissionError:
        (error,) = split(read_paths([path]))[1]
        assert error.reason == "unreadable"
    finally:
        path.chmod(0o644)


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    (article,) = split(read_paths(["-"]))[0]
    assert (article.format, article.source, article.date) == ("seed", "<stdin>", "2022-01")


def test_stdin_over_the_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 100)))
    (error,) = split(read_paths(["-"], ReadOptions(max_bytes=10)))[1]
    assert (error.item, error.reason) == ("<stdin>", "too_large")
