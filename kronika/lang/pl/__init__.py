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
    ``"*"``; alone ``"alone"`` or ``"paired"``; kinds ``"person"``, ``"place"`` or ``"*"``)."""
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
