import unicodedata

from kronika.read import read_bytes, read_paths

from .conftest import SEED, one_article, one_error

PULL_QUOTE = (
    "Środki podjęte przez ODKB pokazują, że nie pozwolimy na realizację scenariusza tzw. "
    "kolorowych rewolucji Władimir Putin, prezydent Rosji"
)


def test_real_seed_file():
    article = one_article(read_paths([SEED]))
    assert (article.date, article.date_precision, article.title) == ("2022-01", "month", None)
    assert (article.format, article.source, article.language) == ("seed", str(SEED), "pl")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Prezydent Kazachstanu Kasym-Żomart Tokajew wezwał członków ODKB")
    assert paragraphs[0].endswith('"przywrócono porządek".')
    assert PULL_QUOTE in paragraphs  # the stand-alone pull-quote stays its own paragraph, intact
    assert paragraphs[-1].startswith("Prezydent Rosji zapowiedział")
    assert "\n\n\n" not in article.text and "date 2022" not in article.text
    assert len(paragraphs) == 8
    assert len(article.id) == 16


def test_paragraphs_are_normalised_but_not_rewritten():
    data = " date 2022-01-10 Lead line.  \r\n\r\n\r\n\r\nSecond  paragraph,\r\nwrapped line.\t\r\n\r\n\r\n".encode()
    article = one_article(read_bytes(data, "s.txt"))
    assert (article.date, article.date_precision) == ("2022-01-10", "day")
    assert article.text == "Lead line.\n\nSecond  paragraph,\nwrapped line."


def test_text_is_nfc():
    decomposed = unicodedata.normalize("NFD", "date 2022 Zażółć gęślą jaźń.")
    article = one_article(read_bytes(decomposed.encode(), "s.txt"))
    assert article.text == "Zażółć gęślą jaźń." and article.date_precision == "year"


def test_lead_on_the_next_line_and_bom():
    article = one_article(read_bytes("\ufeffdate 2021-12\n\nLead.\n\nBody.".encode(), "s.txt"))
    assert (article.date, article.text) == ("2021-12", "Lead.\n\nBody.")


def test_seed_without_text_is_empty():
    assert one_error(read_bytes(b"date 2022-01 \n\n", "s.txt")).reason == "empty"


def test_bad_seed_date_is_malformed():
    assert one_error(read_bytes(b"date 2022-13 Lead.", "s.txt")).reason == "malformed"
