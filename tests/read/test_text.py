from kronika.model import content_hash
from kronika.read import read_paths

from .conftest import one_article


def test_plain_text(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("  Pierwszy akapit.\n\n\n\nDrugi akapit.  \n", encoding="utf-8")
    article = one_article(read_paths([path]))
    assert article.text == "  Pierwszy akapit.\n\nDrugi akapit."
    assert article.id == content_hash(article.text)[:16]
    assert (article.format, article.source, article.title, article.date) == ("text", str(path), None, None)


def test_same_text_same_id(tmp_path):
    (tmp_path / "a.txt").write_text("Ala ma kota.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ala ma kota.", encoding="cp1250")
    first, second = read_paths([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert first.id == second.id and first.source != second.source
