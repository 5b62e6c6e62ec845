from kronika.training.tagset import modernise_tag


def test_particles_are_renamed_and_digits_keep_their_nkjp_tag():
    assert modernise_tag("nie", "nie", "qub") == "part"
    assert modernise_tag("2008", "2008", "adj:sg:gen:m3:pos") == "adj:sg:gen:m3:pos"
    assert modernise_tag("3", "3", "num:pl:nom:m3:congr").startswith("num:pl:nom:m3:congr")


def test_function_words_follow_the_pdb_convention():
    assert modernise_tag("jako", "jako", "conj") == "comp"
    assert modernise_tag("niż", "niż", "prep:nom") == "comp"
    assert modernise_tag("i", "i", "conj") == "conj"


def test_neuter_nouns_get_the_collective_mark():
    assert modernise_tag("okno", "okno", "subst:sg:nom:n") == "subst:sg:nom:n:ncol"
    assert modernise_tag("dziecko", "dziecko", "subst:sg:nom:n") == "subst:sg:nom:n:col"


def test_older_training_features_follow_ud_pdb_2():
    from kronika.training.tagset import modernise_feats

    assert modernise_feats("-", "interp", "PunctType=Hyph") == "PunctType=Dash"
    assert modernise_feats("em", "aglt:sg:pri:imperf:wok", "Clitic=Yes|Number=Sing|Person=1") == "Number=Sing|Person=1"
    assert modernise_feats("np", "brev:pun", "Abbr=Yes|Pun=Yes") == "Abbr=Yes"
    # SZ's past tense, LFG's masculine animacy
    assert modernise_feats("był", "praet:sg:m1:imperf", "Aspect=Imp|Gender=Masc|VerbForm=Part") == (
        "Aspect=Imp|Gender=Masc|Mood=Ind|VerbForm=Fin")
    assert modernise_feats("pan", "subst:sg:nom:m1", "Case=Nom|Gender=Masc|SubGender=Masc1") == (
        "Animacy=Hum|Case=Nom|Gender=Masc")
    assert modernise_feats("stał", "pact:sg:nom:m1:imperf:aff", "VerbForm=Part") == "VerbForm=Part"  # not a past tense
    assert modernise_feats("x", "subst", "_") == "_"
    assert modernise_feats("kilka", "num:pl:nom:f:rec", "Case=Nom|NumType=Card|PronType=Ind") == "Case=Nom|PronType=Ind"
    assert modernise_feats("trzy", "num:pl:nom:f:congr", "Case=Nom|NumType=Card") == "Case=Nom|NumType=Card"
    assert modernise_feats("dzieci", "subst:pl:nom:n:col", "Case=Nom|Gender=Neut|Number=Plur") == (
        "Case=Nom|Gender=Neut|Number=Plur|NumType=Sets")
    assert modernise_feats("okna", "subst:pl:nom:n:ncol", "Case=Nom|Gender=Neut|Number=Plur") == "Case=Nom|Gender=Neut|Number=Plur"
