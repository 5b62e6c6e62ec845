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
