"""Learning the suffix-rewrite table (kronika.link.suffixes)."""
from __future__ import annotations

from kronika.link.suffixes import learn, polem_tokens, rewrite


def test_rewrite():
    assert rewrite("Tokajewa", "Tokajew") == ("a", "")
    assert rewrite("Omelczenkę", "Omelczenko") == ("ę", "o")
    assert rewrite("Ab", "Xyz") is None


def test_learn_keeps_frequent_unambiguous_rewrites():
    tokens = [(f"Zzqx{s}owa", f"Zzqx{s}ow", "subst:sg:gen:m1", "nam_liv_person_last") for s in "abcd"]
    tokens += [("Qqzzyra", "Qqzzyra", "subst:sg:nom:f", "nam_liv_person_first")]
    rows = learn(tokens)
    assert ("person", "owa", "ow", "gen", "m1", 4) in rows
    assert ("*", "owa", "ow", "gen", "m1", 4) in rows
    assert not any(row[1] == "yra" for row in rows)  # seen once


def test_polem_tokens_pair_words_with_gold_lemmas(tmp_path):
    path = tmp_path / "polem.tsv"
    path.write_text(
        "Tadeusz Rejtan\tTadeusza Rejtana\tTadeusz Rejtan\tsubst:sg:gen:m1 subst:sg:gen:m1\tTrue True\tnam_liv_person\t\n"
        "park im. Rejtana\tPark im . Rejtana\tpark imię . Rejtan\tsubst brev interp subst\tTrue False True True\tnam_fac_park\t\n",
        encoding="utf-8",
    )
    assert list(polem_tokens(path)) == [
        ("Tadeusza", "Tadeusz", "subst:sg:gen:m1", "nam_liv_person"),
        ("Rejtana", "Rejtan", "subst:sg:gen:m1", "nam_liv_person"),
    ]
