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
