"""The Polish event lexicon (kronika/lang/pl/event_lexicon.json) as data."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter

import pytest

from kronika.export.plover import EVENT_TYPES, MODES
from kronika.lang import pl

PATH = pl.DATA_DIR / "event_lexicon.json"
POS = {"verb", "noun", "adj", "phrase"}
CASES = "nom|gen|dat|acc|inst|loc"
SLOT = re.compile(
    rf"nsubj|obj|iobj|ccomp|xcomp|self|speaker|obl:inst|nmod:gen|(?:obl|nmod):[a-ząćęłńóśźż]+(?: [a-ząćęłńóśźż]+)?\+(?:{CASES})"
)
ENTRIES = pl.event_lexicon()


def test_the_file_is_nfc_utf8_json_with_a_final_newline():
    text = PATH.read_bytes().decode("utf-8")
    assert unicodedata.is_normalized("NFC", text) and text.endswith("\n")
    data = json.loads(text)
    assert data["entries"] and set(data["slots"]) >= {"nsubj", "obj", "iobj", "self", "speaker"}


def test_at_least_150_entries_covering_all_16_types():
    assert len(ENTRIES) >= 150
    counts = Counter(e["type"] for e in ENTRIES)
    assert set(counts) == set(EVENT_TYPES)
    assert min(counts.values()) >= 5


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e['type']}:{e['pattern']}")
def test_entry_is_valid(entry):
    assert set(entry) <= {"pattern", "pos", "type", "mode", "actor", "recipient", "content", "note"}
    pattern = entry["pattern"]
    assert pattern == " ".join(pattern.split()) and pattern == pattern.lower(), pattern
    assert unicodedata.is_normalized("NFC", pattern)
    assert entry["type"] in EVENT_TYPES
    assert entry["mode"] is None or entry["mode"] in MODES[entry["type"]], entry["mode"]
    assert entry["pos"] in POS
    words = [w for w in pattern.split() if w != "się"]
    assert (entry["pos"] == "phrase") == (len(words) > 1), pattern
    for key in ("actor", "recipient", "content"):
        for slot in entry.get(key, ()):
            assert SLOT.fullmatch(slot), f"{pattern}: {key} slot {slot!r}"
    assert not set(entry["actor"]) & set(entry["recipient"]), pattern


def test_no_duplicate_entries():
    keys = Counter((e["pattern"], e["type"], e["mode"]) for e in ENTRIES)
    assert [k for k, n in keys.items() if n > 1] == []


def test_the_loader_is_read_only_and_cached():
    assert pl.event_lexicon() is ENTRIES
    with pytest.raises(TypeError):
        ENTRIES[0]["type"] = "ASSAULT"
    assert isinstance(ENTRIES[0]["actor"], tuple)


@pytest.mark.parametrize(
    "pattern, event_type, mode",
    [
        ("protestować", "PROTEST", None), ("demonstracja", "PROTEST", "demo"), ("strajk", "PROTEST", "strike"),
        ("wysłać wojsko", "AID", None), ("odwołać premier", "CONCEDE", None),
        ("wezwać na pomoc", "REQUEST", "assist"), ("poprosić o pomoc", "REQUEST", "assist"),
        ("nałożyć sankcja", "SANCTION", "discontinue"), ("zaatakować", "ASSAULT", None), ("ostrzelać", "ASSAULT", None),
        ("oskarżyć", "ACCUSE", "allege"), ("obwinić", "ACCUSE", "allege"), ("zagrozić", "THREATEN", None),
        ("wycofać wojsko", "RETREAT", "withdraw"), ("podpisać porozumienie", "SUPPORT", None),
        ("spotkać się", "CONSULT", None), ("rozmawiać", "CONSULT", None), ("poprzeć", "SUPPORT", None),
        ("pomoc humanitarny", "AID", None), ("aresztować", "COERCE", "arrest"), ("zatrzymać", "COERCE", "arrest"),
        ("zrezygnować", "RETREAT", "resign"), ("uniewinnić", "CONCEDE", None), ("odrzucić", "REJECT", None),
        ("zgodzić się", "AGREE", None), ("współpracować", "COOPERATE", None), ("zmobilizować", "MOBILIZE", "troops"),
    ],
)
def test_the_common_triggers_are_listed(pattern, event_type, mode):
    assert any(e["pattern"] == pattern and e["type"] == event_type and e["mode"] == mode for e in ENTRIES)


def test_argument_cases_of_key_triggers():
    by_pattern = {(e["pattern"], e["type"]): e for e in ENTRIES}
    assert "obl:do+gen" in by_pattern[("wysłać wojsko", "AID")]["recipient"]
    assert by_pattern[("oskarżyć", "ACCUSE")]["recipient"] == ("obj",)
    assert "obl:o+acc" in by_pattern[("oskarżyć", "ACCUSE")]["content"]
    # the host is the subject of "przyjąć na audiencji": the visitors are the actor
    host = by_pattern[("przyjąć na audiencja", "CONSULT")]
    assert (host["actor"], host["recipient"]) == (("obj",), ("nsubj",))


# Words of the lexicon that are no SGJP lemma but match through the pipeline's lemma or the form
# itself (token_lemmas): participles and plural-only nouns the tagger lemmatises as written.
FORMS_NOT_LEMMAS = {"rozczarowany", "skazanie", "tortury", "uwolnienie", "łzawiący"}


def test_pattern_words_are_sgjp_lemmas():
    """Triggers are matched on lemmas: a word Morfeusz does not know as a lemma never matches
    (``ze`` is the form of ``z``; ``tonu`` of ``ton``)."""
    from kronika.analyse.morfeusz import whole_readings

    unknown = {
        word
        for entry in ENTRIES
        for word in entry["pattern"].split()
        if word not in ("się", "nie") and word not in {r.lemma.lower() for r in whole_readings(word)}
    }
    assert unknown <= FORMS_NOT_LEMMAS, sorted(unknown - FORMS_NOT_LEMMAS)


@pytest.mark.parametrize(
    "pattern, event_type, mode",
    [
        # AGREE: willingness, promises, accepted offers (codebook 3.1)
        ("wyrazić gotowość", "AGREE", None), ("zasygnalizować gotowość", "AGREE", None),
        ("zgłosić gotowość", "AGREE", None), ("przyrzec", "AGREE", None), ("zaakceptować", "AGREE", None),
        ("zaoferować pomoc", "AGREE", None),
        # CONSULT: talks by phone, negotiations, visits (3.2)
        ("zatelefonować", "CONSULT", "phone"), ("pertraktacja", "CONSULT", None), ("przedyskutować", "CONSULT", None),
        # SUPPORT: adoption, signing, approval (3.3)
        ("uchwalić", "SUPPORT", None), ("podpisać traktat", "SUPPORT", None), ("wyrazić zgoda", "SUPPORT", None),
        # CONCEDE: softened positions, withdrawn measures, easing (3.4)
        ("złagodzić stanowisko", "CONCEDE", None), ("spuścić z ton", "CONCEDE", None),
        ("pójść na ustępstwo", "CONCEDE", None), ("wycofać zarzut", "CONCEDE", None),
        ("znieść stan wyjątkowy", "CONCEDE", None), ("nie sprzeciwiać się", "CONCEDE", None),
        # COOPERATE (3.5), AID (3.6)
        ("zacieśnić współpraca", "COOPERATE", None), ("udzielić schronienie", "AID", None),
        ("dostarczyć broń", "AID", None), ("zapewnić ochrona", "AID", None),
        # RETREAT: release, resignation, ceasefire (3.7)
        ("opuścić więzienie", "RETREAT", "release"), ("wyjść na wolność", "RETREAT", "release"),
        ("złożyć dymisja", "RETREAT", "resign"), ("wstrzymać ogień", "RETREAT", "ceasefire"),
        # REQUEST: petitions, calls for dismissal and release, pressure (3.8)
        ("petycja", "REQUEST", None), ("złożyć petycja", "REQUEST", None), ("wezwać do dymisja", "REQUEST", "change"),
        ("domagać się uwolnić", "REQUEST", "yield"), ("ubiegać się o azyl", "REQUEST", "assist"), ("nalegać", "REQUEST", None),
        # ACCUSE (3.9)
        ("wszcząć dochodzenie", "ACCUSE", "investigate"), ("wnieść pozew", "ACCUSE", "allege"),
        ("wyrazić oburzenie", "ACCUSE", "disapprove"), ("obarczyć odpowiedzialność", "ACCUSE", "allege"),
        # REJECT: denials, cancelled talks (3.10)
        ("zdementować", "REJECT", None), ("zerwać negocjacja", "REJECT", "meet"), ("odwołać spotkanie", "REJECT", "meet"),
        # THREATEN (3.11)
        ("przestrzec", "THREATEN", None), ("postawić ultimatum", "THREATEN", None), ("szantażować", "THREATEN", None),
        # PROTEST (3.12)
        ("maszerować", "PROTEST", "demo"), ("zastrajkować", "PROTEST", "strike"), ("akcja protestacyjny", "PROTEST", None),
        # SANCTION (3.13)
        ("nałożyć embargo", "SANCTION", "discontinue"), ("zamrozić", "SANCTION", "discontinue"),
        ("nałożyć kara", "SANCTION", "discontinue"),
        # MOBILIZE (3.14), COERCE (3.15), ASSAULT (3.16)
        ("postawić w stan gotowość", "MOBILIZE", "troops"), ("skierować policja", "MOBILIZE", "police"),
        ("wprowadzić stan wyjątkowy", "COERCE", "martial-law"), ("nie pozwolić opuścić", "COERCE", "restrict"),
        ("rozpędzić", "COERCE", "restrict"), ("strzelać", "ASSAULT", "firearms"), ("zdetonować", "ASSAULT", "explosives"),
    ],
)
def test_triggers_by_codebook_category(pattern, event_type, mode):
    assert any(e["pattern"] == pattern and e["type"] == event_type and e["mode"] == mode for e in ENTRIES)


@pytest.mark.parametrize(
    "perfective, imperfective",
    [
        ("zgodzić się", "zgadzać się"), ("uzgodnić", "uzgadniać"), ("obiecać", "obiecywać"),
        ("spotkać się", "spotykać się"),
        ("pogratulować", "gratulować"), ("uniewinnić", "uniewinniać"),
        ("ułaskawić", "ułaskawiać"), ("udzielić pomoc", "udzielać pomoc"), ("udzielić azyl", "udzielać azyl"),
        ("uwolnić", "uwalniać"), ("wypuścić", "wypuszczać"), ("nakazać", "nakazywać"), ("zażądać", "żądać"),
        ("oskarżyć", "oskarżać"), ("pozwać", "pozywać"), ("odmówić", "odmawiać"), ("zaprzeczyć", "zaprzeczać"),
        ("zagrozić", "grozić"), ("ostrzec", "ostrzegać"), ("zaprotestować", "protestować"),
        ("zablokować", "blokować"), ("nałożyć sankcja", "nakładać sankcja"), ("zmobilizować", "mobilizować"),
        ("zatrzymać", "zatrzymywać"), ("zakazać", "zakazywać"), ("zabić", "zabijać"),
    ],
)
def test_aspect_pairs_share_the_type(perfective, imperfective):
    types = {p: {e["type"] for e in ENTRIES if e["pattern"] == p} for p in (perfective, imperfective)}
    assert types[perfective] and types[perfective] == types[imperfective]


def test_verbs_of_warning_are_cues():
    """``przestrzec``, like ``ostrzec``, is a threat only with an addressee or an announced act."""
    assert {"ostrzec", "ostrzegać", "przestrzec", "przestrzegać"} <= pl.event_cues()["warning"]
