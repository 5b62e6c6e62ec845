"""Polish language data, kept as data files beside this module and loaded by name.

Each ``*.txt`` file holds one entry a line; a line starting with ``#`` is a comment and blank
lines are skipped. The algorithms that use the lists live in :mod:`kronika.analyse`.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def read_list(name: str) -> tuple[str, ...]:
    """The entries of the data file ``name``, in file order (comments and blank lines left out)."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations written with a final dot, listed without it (``r``, ``m.in``, ``prof``)."""
    return frozenset(read_list("abbreviations.txt"))


@cache
def abbreviations_not_final() -> frozenset[str]:
    """Abbreviations whose dot does not end a sentence even before an upper-case word."""
    return frozenset(read_list("abbreviations_not_final.txt"))


@cache
def agglutinates() -> frozenset[str]:
    """Clitics fused to the word before them that count as words of their own (``em``, ``by``)."""
    return frozenset(read_list("agglutinates.txt"))


@cache
def split_forms() -> frozenset[str]:
    """Lower-cased forms split at the agglutinate though Morfeusz also reads them whole."""
    return frozenset(read_list("split_forms.txt"))


@cache
def agglutinate_patterns() -> tuple[re.Pattern[str], ...]:
    """Patterns that split words unknown to Morfeusz into host, ``by`` and agglutinate."""
    return tuple(re.compile(p, re.IGNORECASE) for p in read_list("agglutinate_patterns.txt"))


@cache
def name_endings() -> tuple[tuple[str, ...], ...]:
    """Guessing rules for unknown inflected names, in order: ``(ending, replacement, case,
    gender, before, alone, kinds)`` (replacement ``""`` for none; before ``"C"`` a consonant or
    ``"*"``; alone ``"alone"``, ``"sure"`` (alone, and certain enough to vouch for a paired
    neighbour) or ``"paired"``; kinds ``"person"``, ``"place"`` or ``"*"``)."""
    rules = []
    for line in read_list("name_endings.txt"):
        ending, replacement, *rest = line.split("\t")
        rules.append((ending, "" if replacement == "-" else replacement, *rest))
    return tuple(rules)


@cache
def name_particles() -> frozenset[str]:
    """Lower-case particles inside personal names that never inflect (``de``, ``van``, ``ibn``)."""
    return frozenset(read_list("name_particles.txt"))


# --- Temporal expressions (kronika.extract.times) ---------------------------------------------


def read_pairs(name: str) -> dict[str, str]:
    """The ``form<TAB>value`` entries of the data file ``name``, forms lower-cased."""
    pairs = (line.split("\t") for line in read_list(name))
    return {form.strip().lower(): value.strip() for form, value in pairs}


@cache
def time_months() -> dict[str, int]:
    """Month names in every case -> month number (``stycznia`` -> 1)."""
    return {form: int(value) for form, value in read_pairs("time_months.txt").items()}


@cache
def time_weekdays() -> dict[str, int]:
    """Weekday names in every case -> ISO weekday (``środę`` -> 3)."""
    return {form: int(value) for form, value in read_pairs("time_weekdays.txt").items()}


@cache
def time_deictic() -> dict[str, int]:
    """Day words -> offset in days from the article date (``wczoraj`` -> -1)."""
    return {form: int(value) for form, value in read_pairs("time_deictic.txt").items()}


@cache
def time_relative() -> dict[str, str]:
    """Relative adjectives -> last / this / next / coming (``ubiegłym`` -> last)."""
    return read_pairs("time_relative.txt")


@cache
def time_year_abbreviations() -> dict[str, int]:
    """Year abbreviations -> offset in years (``br.`` -> 0, ``ub.r.`` -> -1)."""
    return {form: int(value) for form, value in read_pairs("time_year_abbreviations.txt").items()}


@cache
def time_units() -> dict[str, str]:
    """Calendar unit forms -> day / week / month / year / decade / weekend."""
    return read_pairs("time_units.txt")


@cache
def time_numbers() -> dict[str, float | None]:
    """Number words -> value; None for vague ones (``kilka``)."""
    return {form: None if value == "vague" else float(value) for form, value in read_pairs("time_numbers.txt").items()}


@cache
def time_hedges() -> frozenset[str]:
    """Words that make a counted offset approximate (``niespełna``, ``ponad``)."""
    return frozenset(read_list("time_hedges.txt"))


@cache
def time_day_parts() -> dict[str, str]:
    """Parts of the day -> TIMEX3 code (MO, AF, EV, NI) or clock time HH:MM."""
    return read_pairs("time_day_parts.txt")


@cache
def time_modifiers() -> dict[str, str]:
    """Part-of-period phrases -> part / year_part (``pod koniec``, ``w drugim kwartale``)."""
    return read_pairs("time_modifiers.txt")


@cache
def time_seasons() -> frozenset[str]:
    """Season words, read as a year when a year follows (``jesienią 2017 roku``)."""
    return frozenset(read_list("time_seasons.txt"))


@cache
def time_future_markers() -> frozenset[str]:
    """Words that make a clause future, so a bare weekday in it points forward."""
    return frozenset(read_list("time_future_markers.txt"))


@cache
def time_year_preceders() -> frozenset[str]:
    """Words after which a bare four-digit number is a year (``w``, ``od``, ``do``)."""
    return frozenset(read_list("time_year_preceders.txt"))


@cache
def time_year_blockers() -> frozenset[str]:
    """Words before which a four-digit number is never a year (``osób``, ``zł``)."""
    return frozenset(read_list("time_year_blockers.txt"))


@cache
def time_decades() -> dict[str, int]:
    """Decade words -> the decade's first year within its century (``dziewięćdziesiątych`` -> 90)."""
    return {form: int(value) for form, value in read_pairs("time_decades.txt").items()}


@cache
def event_lexicon() -> tuple:
    """PLOVER event triggers (``event_lexicon.json``): one read-only mapping per entry.

    Keys: ``pattern`` (lemmas, space-separated), ``pos``, ``type``, ``mode`` (or None), ``actor`` and
    ``recipient`` (argument slots, e.g. ``nsubj``, ``obl:do+gen``), optional ``content`` and ``note``.
    The file's header documents the slot notation; docs/annotation/events.md the coding rules.
    """
    import json
    from types import MappingProxyType

    data = json.loads((DATA_DIR / "event_lexicon.json").read_text(encoding="utf-8"))
    return tuple(
        MappingProxyType({k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()})
        for entry in data["entries"]
    )


# --- Quotations (kronika.extract.quotes) ------------------------------------------------------

SPEECH_VERB_CLASSES = ("say", "ask", "directive", "opinion")


@cache
def speech_verbs() -> dict[str, str]:
    """Speech verb lemmas -> class: say, ask, directive or opinion (``speech_verbs.txt``)."""
    pairs = (line.split("\t") for line in read_list("speech_verbs.txt"))
    return {lemma.strip(): kind.strip() for lemma, kind in pairs}


@cache
def speech_nouns() -> frozenset[str]:
    """Noun lemmas that report speech with a content clause (``obietnica``, ``słowo``)."""
    return frozenset(read_list("speech_nouns.txt"))


@cache
def speech_prepositions() -> tuple[tuple[str, ...], ...]:
    """Source phrases as word tuples, longest first (``("w", "opinii")``, ``("według",)``)."""
    phrases = (tuple(line.lower().split()) for line in read_list("speech_prepositions.txt"))
    return tuple(sorted(phrases, key=len, reverse=True))


@cache
def quote_marks() -> tuple[tuple[str, str], ...]:
    """Quotation mark pairs (opening, closing), in file order (``quote_marks.txt``)."""
    return tuple(tuple(line.split("\t")) for line in read_list("quote_marks.txt"))


# --- Event extraction (kronika.extract.events) ------------------------------------------------


def read_columns(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated entries of the data file ``name``, each stripped of spaces."""
    return tuple(tuple(col.strip() for col in line.split("\t")) for line in read_list(name))


@cache
def plover_sectors() -> dict[str, str]:
    """Role noun lemmas -> PLOVER sector code (``prezydent`` -> GOV, ``demonstrant`` -> CVL)."""
    return read_pairs("plover_sectors.txt")


@cache
def event_cues() -> dict[str, frozenset[str]]:
    """Cue lemmas of the event extractor by category (announce, hypothetical, phase,
    subordinator, call, speech, body, light, group)."""
    groups: dict[str, set[str]] = {}
    for category, lemma in read_columns("event_cues.txt"):
        groups.setdefault(category, set()).add(lemma.lower())
    return {category: frozenset(lemmas) for category, lemmas in groups.items()}


@cache
def event_support_verbs() -> dict[tuple[str, str], str]:
    """(verb lemma, relation of the event noun) -> what the verb's subject is to the event
    (actor, recipient or none): ``("dojść", "obl:do")`` -> none (``doszło do protestów``)."""
    return {(lemma, relation): subject for lemma, relation, subject in read_columns("event_support_verbs.txt")}


@cache
def event_contexts() -> dict[str, str]:
    """Lemmas -> the PLOVER context they suggest (``wojsko`` -> military)."""
    return read_pairs("event_contexts.txt")


@cache
def speech_not_sources() -> frozenset[str]:
    """Noun lemmas that head no speaker: documents, data, plans (``dane``, ``umowa``)."""
    return frozenset(read_list("speech_not_sources.txt"))


@cache
def speech_role_synonyms() -> tuple[frozenset[str], ...]:
    """Groups of role nouns (lemmas) that may name one person (``adwokat prawnik mecenas``)."""
    return tuple(frozenset(line.split()) for line in read_list("speech_role_synonyms.txt"))


@cache
def speech_media_nouns() -> frozenset[str]:
    """Generic heads of organisation and media names (``agencja``, ``dziennik``)."""
    return frozenset(read_list("speech_media_nouns.txt"))


# --- Entity linking (kronika.link, kronika.extract.entities) ----------------------------------


def _variants(column: str) -> tuple[str, ...]:
    return () if column == "-" else tuple(v.strip() for v in column.split("|"))


@cache
def country_words() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]:
    """What CLDR lacks about countries (``country_words.txt``): ``(code, names, places,
    adjectives, demonyms)`` per line; names name the state, places stand for it (``Kreml``)."""
    return tuple((code, *map(_variants, rest)) for code, *rest in read_columns("country_words.txt"))


@cache
def organisations() -> tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]:
    """International organisations (``organisations.txt``): ``(code, country, Polish names,
    English names, adjectives)`` per line (``("CSTO", "CSTO", ("ODKB", ...), ("CSTO", ...), ())``)."""
    return tuple((code, country, *map(_variants, rest)) for code, country, *rest in read_columns("organisations.txt"))


@cache
def office_titles() -> frozenset[tuple[str, ...]]:
    """Office and role titles that name a person, as lemma tuples (``("sekretarz", "generalny")``)."""
    return frozenset(tuple(line.split()) for line in read_list("office_titles.txt"))


@cache
def transliteration() -> tuple[tuple[tuple[str, str], ...], frozenset[str], tuple[str, ...]]:
    """Polish -> English spelling of East Slavic names (``transliteration.txt``): ``(rules, country
    codes, surname endings)``; rules ``(a, b)`` longest first, file order among equals."""
    rows = read_columns("transliteration.txt")
    rules = sorted(((a, b) for kind, a, b in rows if kind == "rule"), key=lambda rule: -len(rule[0]))
    countries = frozenset(a for kind, a, _ in rows if kind == "country")
    return tuple(rules), countries, tuple(a for kind, a, _ in rows if kind == "ending")


@cache
def name_variants() -> dict[str, int]:
    """Lower-cased first names -> the number of their variant group (``name_variants.txt``)."""
    return {name.lower(): i for i, line in enumerate(read_list("name_variants.txt")) for name in line.split("|")}


@cache
def name_suffixes() -> dict[str, tuple[tuple[str, str, str, str, int], ...]]:
    """Learnt rewrites of unknown names' endings (``name_suffixes.txt``, made by
    ``python -m kronika.link.suffixes``): kind -> ``(ending, replacement, case, gender, count)``
    rules, longest ending first, then the most frequent."""
    rules: dict[str, list] = {}
    for kind, ending, replacement, case, gender, count in read_columns("name_suffixes.txt"):
        rule = (ending, "" if replacement == "-" else replacement, case, gender, int(count))
        rules.setdefault(kind, []).append(rule)
    return {kind: tuple(sorted(r, key=lambda x: (-len(x[0]), -x[4]))) for kind, r in rules.items()}


@cache
def speech_words() -> dict[str, frozenset[str]]:
    """Function words of quotations by group (``complementizer``, ``pronoun``, ``first_person`` ...):
    ``speech_words.txt``."""
    groups: dict[str, set[str]] = {}
    for line in read_list("speech_words.txt"):
        group, word = line.split("\t")
        groups.setdefault(group.strip(), set()).add(word.strip())
    return {group: frozenset(words) for group, words in groups.items()}


@cache
def ner_types() -> dict[str, str]:
    """The NER's labels (NKJP categories) -> kronika's entity types (``ner_types.txt``)."""
    return dict(read_columns("ner_types.txt"))


@cache
def gazetteer() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Names the NER does not type as BSNLP does (``gazetteer.txt``): ``(type, variants)`` per
    line, each variant a base form (``("PRO", ("The Guardian", "Guardian"))``)."""
    return tuple((kind, _variants(names)) for kind, names in read_columns("gazetteer.txt"))


@cache
def place_words() -> dict[str, frozenset[str]]:
    """Words after which a name is a place (``place_words.txt``): ``preposition`` (as written)
    and ``noun`` (lemmas); ``compass``: words that end a place's name (``Płn``, ``północny``)."""
    kinds: dict[str, set[str]] = {}
    for kind, word in read_columns("place_words.txt"):
        kinds.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in kinds.items()}


@cache
def tag_conventions() -> dict[tuple[str, str], str]:
    """(lemma, NKJP 1M part of speech) -> the part of speech UD PDB gives (``tag_conventions.txt``)."""
    return {(lemma, old): new for lemma, old, new in read_columns("tag_conventions.txt")}


@cache
def feature_conventions() -> tuple[tuple[str, str, str, str, str], ...]:
    """(NKJP tag class or ``*``, form or ``*``, an older training set's UD feature, the features
    UD PDB 2.x writes instead or "" to drop it, a feature the word must also have or "")
    (``feature_conventions.txt``)."""
    return tuple((*cols[:3], *(cols[3:] + ("", ""))[:2]) for cols in read_columns("feature_conventions.txt"))


@cache
def treebank_pos() -> dict[str, tuple[tuple[str, str], tuple[str, str]]]:
    """word -> ((UPOS, NKJP tag) opening a clause, (UPOS, NKJP tag) inside it), as UD PDB 2.x
    writes them (``treebank_pos.txt``: ``jednak``)."""
    return {word: (tuple(first.split()), tuple(inside.split())) for word, first, inside in read_columns("treebank_pos.txt")}


@cache
def dictionary_additions() -> dict[str, tuple[tuple[str, str], ...]]:
    """Lower-cased form -> (lemma, NKJP tag) readings UD PDB gives that SGJP does not
    (``dictionary_additions.txt``: ``niż`` comp)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for form, lemma, tag in read_columns("dictionary_additions.txt"):
        found.setdefault(form, []).append((lemma, tag))
    return {form: tuple(readings) for form, readings in found.items()}


@cache
def institution_words() -> frozenset[str]:
    """Words of a state's institutions named with the state's adjective (``institution_words.txt``)."""
    return frozenset(read_list("institution_words.txt"))


@cache
def name_frequencies() -> dict[str, int]:
    """Capitalised lemmas -> how often NKJP 1M gives them (``name_frequencies.txt``, written by
    ``kronika train``)."""
    return {lemma: int(n) for lemma, n in read_columns("name_frequencies.txt")}


@cache
def credit_labels() -> frozenset[str]:
    """Words that label a credit line and name nobody (``Foto``, ``fot``): ``credit_labels.txt``."""
    return frozenset(read_list("credit_labels.txt"))


@cache
def common_acronyms() -> frozenset[str]:
    """Acronyms that name no entity (``LPG``, ``CEO``): ``common_acronyms.txt``."""
    return frozenset(read_list("common_acronyms.txt"))
