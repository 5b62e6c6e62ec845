"""Polish temporal expressions found in article text and resolved against the article date.

    find_times(text, article_date="2018-11-08", article_precision="day")
    -> [TimeExpression(text="w środę", start=..., end=..., value="2018-11-07", precision="day"), ...]

Pure Python over the text: regular expressions built from the word lists in
:mod:`kronika.lang.pl` (``time_*.txt``); no parse is needed. Spans are character offsets into
``text``, non-overlapping, the longest reading winning. What is found, and how it resolves
(the full guide, with the dev-set figures, is ``docs/annotation/times.md``):

- dates: ``10 stycznia 2022 r.``, ``10.01.2022``, ``2022-01-10``, ``29 marca ubiegłego roku``,
  ``w styczniu 2022``, ``w 2021 roku``, ``w 2014``, ``roku 2020``, ``stycznia br.``; without a
  year (``10 stycznia``, ``w grudniu``) the year is the one that puts the date nearest the
  article date (a tie keeps the article's year); a weekday before the date (``w poniedziałek
  10 stycznia``) prefers the year where the weekday fits;
- weekdays (``w środę``, ``we wtorek``, ``od soboty``, ``na piątek``): the most recent such day
  on or before the article date, or the next one on or after it when the clause reads future
  (``na``/``do`` before the day, or a word of ``time_future_markers.txt`` in the clause:
  ``będzie``, ``zostaną``, ``ma`` + infinitive ...); ``w ubiegły piątek`` strictly before,
  ``w najbliższą niedzielę`` strictly after, ``w ten piątek`` in the article's week,
  ``w przyszły piątek`` in the next week. ``tense="past"``/``"future"`` overrides the guess for
  weekdays, weekends and dates or months without a year;
- relative: ``dziś``, ``wczoraj``, ``przedwczoraj``, ``jutro``; ``w ubiegłym tygodniu``,
  ``w tym miesiącu``, ``w przyszłym roku``, ``w ten weekend``; ``dwa lata temu``, ``przed
  rokiem``, ``sprzed dziewięciu lat``, ``za dwa tygodnie`` (precision = the unit's; ``kilka``
  and hedged counts such as ``niespełna dekadę temu`` are found with no value);
- parts of a period: ``na początku ubiegłego tygodnia``, ``pod koniec grudnia``, ``końca 2020
  roku`` take the period's value; halves and quarters (``w drugiej połowie 2018 roku``, ``w
  drugim kwartale``) and seasons before a year (``jesienią 2017 roku``) take the year's;
- times of day: ``o godz. 12:30``, ``o 15.00``, ``o północy`` (minute precision), ``rano``,
  ``wieczorem``, ``w nocy`` (TIMEX3 codes: ``2018-11-07TEV``, day precision), alone or after a
  day (``we wtorek wieczorem``, ``29 marca 2019 roku o godzinie 11:00``). Alone they take the
  last day named earlier in the paragraph, else the article's day; with no known day the value
  is the time alone (``T12:30``, ``TEV``);
- periods: year ranges ``2008-09``, ``w latach 2008-16`` (ISO intervals ``2008/2009``, year
  precision), decades ``w latach 90.`` (``199``) and centuries ``XX wiek`` (``19``), these two
  with precision None (kronika's precisions stop at the year).

Weeks: a week is an ISO week, ``2022-W01`` with precision ``week``.

Article dates less precise than a day: an expression that counts in units finer than the
article date's precision (days or weeks in a month-dated article, months in a year-dated one)
is resolved from the middle of the article's period and cut back to the article's precision:
``na początku ubiegłego tygodnia`` in an article dated ``2022-01`` is ``2022-01`` (month).
Expressions that need the article date get no value when it is unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any, Callable, Iterator

from ..lang import pl
from ..model import TimeExpression

RANK = {"year": 0, "month": 1, "week": 2, "day": 3, "minute": 4, "second": 5}
TENSES = ("past", "future")
_BOUNDARY = re.compile(r"[.!?;:\n()]|,\s|\s[-–—]\s")
_WORD = re.compile(r"\w+")
_ROMAN = {"I": 1, "V": 5, "X": 10}


# --- Article date ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The article date as resolution needs it: a day (the middle of a coarser period) and its precision."""

    day: date
    precision: str  # year, month or day


def parse_anchor(article_date: str | None, article_precision: str | None = None) -> Anchor | None:
    """The anchor for ``article_date`` (``2022``, ``2022-01``, ``2022-01-10``, an ISO datetime), or None."""
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", (article_date or "").strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    precision = {"minute": "day", "second": "day"}.get(article_precision or "", article_precision)
    if precision not in ("year", "month", "day"):
        precision = "day" if day else "month" if month else "year"
    if precision == "year" or month is None:
        return Anchor(date(year, 7, 2), "year")
    if precision == "month" or day is None:
        return Anchor(date(year, month, 15), "month")
    return Anchor(date(year, month, day), "day")


# --- Values ---------------------------------------------------------------------------------


def week_value(day: date) -> tuple[str, str]:
    """The ISO week holding ``day``: ``2022-W01``, precision ``week``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}", "week"


def format_day(day: date, precision: str) -> tuple[str, str]:
    if precision == "year":
        return f"{day.year:04d}", "year"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    if precision == "week":
        return week_value(day)
    return day.isoformat(), "day"


def _capped(day: date, precision: str, anchor: Anchor) -> tuple[str, str]:
    """``day`` at ``precision``, cut back to the anchor's precision when that is coarser."""
    if RANK[precision] > RANK[anchor.precision]:
        precision = anchor.precision
    return format_day(day, precision)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


# --- Patterns from the word lists -------------------------------------------------------------


def _alt(words) -> str:
    """A non-capturing alternation of ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


@dataclass
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Callable[[re.Match[str], str], "Candidate | None"]


@dataclass
class Candidate:
    start: int
    end: int
    spec: dict[str, Any]
    daylevel: bool = False  # names one day, so a time of day can follow it
    clock: bool = False  # a time of day or part of the day, alone
    hint: str | None = None  # "future" when the wording points forward (na piątek)
    parts: list["Candidate"] = field(default_factory=list)


@cache
def _words() -> dict[str, str]:
    year_abbr = _alt(pl.time_year_abbreviations())
    rel = _alt(pl.time_relative())
    year_tail = (
        rf"(?:\s*(?P<y>\d{{4}})(?!\d)(?:\s*(?:r\.|roku(?!\w)))?"
        rf"|\s+(?P<abbr>{year_abbr})"
        rf"|\s+(?P<yrel>{rel})\s+roku(?!\w))"
    )
    return {
        "month": _alt(pl.time_months()),
        "weekday": _alt(pl.time_weekdays()),
        "rel": rel,
        "year_tail": year_tail,
        "num": r"(?:\d{1,3}|" + _alt(pl.time_numbers()) + ")",
        "hedge": _alt(pl.time_hedges()),
        "unit": _alt(pl.time_units()),
        "deictic": _alt(pl.time_deictic()),
        "part": _alt(pl.time_day_parts()),
        "modifier": _alt(pl.time_modifiers()),
        "season": _alt(pl.time_seasons()),
        "decade": _alt(pl.time_decades()),
        "w": r"(?:(?P<w>w|we)\s+)",
        "year_abbr": year_abbr,
    }


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w.])" + pattern.format(**_words()), re.IGNORECASE)


# --- Rules: each builds a candidate with an unresolved spec ---------------------------------------


def _year_of(match: re.Match[str]) -> dict[str, Any] | None:
    """The year named by the ``year_tail`` groups: an absolute year or an offset from the article's."""
    if match.group("y"):
        return {"year": int(match.group("y"))}
    if match.group("abbr"):
        return {"year_offset": pl.time_year_abbreviations()[_norm(match.group("abbr"))]}
    if match.group("yrel"):
        return {"year_offset": _RELATION_OFFSET[pl.time_relative()[_norm(match.group("yrel"))]]}
    return None


_RELATION_OFFSET = {"last": -1, "this": 0, "next": 1, "coming": 1}


def _month_date(match: re.Match[str], text: str) -> Candidate | None:
    month = pl.time_months()[_norm(match.group("m"))]
    day = int(match.group("d")) if match.group("d") else None
    year = _year_of(match)
    bare = not (day or year or match.group("w"))
    if bare and not match.group("m")[0].islower():  # "Maja", "Marca": names, not months
        return None
    if (day is not None and not 1 <= day <= 31) or (match.group("d1") and day is None):
        return None
    spec = {"kind": "date", "month": month, "day": day, **(year or {})}
    if match.group("d1"):
        spec["first_day"] = int(match.group("d1"))
    return Candidate(match.start(), match.end(), spec, daylevel=day is not None and "first_day" not in spec)


def _numeric_date(match: re.Match[str], text: str) -> Candidate | None:
    try:
        day = date(int(match.group("yy")), int(match.group("mm")), int(match.group("dd")))
    except ValueError:
        return None
    return Candidate(match.start(), match.end(), {"kind": "date", "year": day.year, "month": day.month, "day": day.day}, True)


def _year(match: re.Match[str], text: str) -> Candidate | None:
    year = int(match.group("y"))
    named = match.group("pre") or match.group("suf")
    if len(match.group("y")) < 4:
        if not match.group("suf") or re.match(r"\s+życia", text[match.end():]):
            return None
    elif not named and not (1900 <= year <= 2099 and _looks_like_year(match, text)):
        return None
    return Candidate(match.start(), match.end(), {"kind": "year", "year": year})


def _looks_like_year(match: re.Match[str], text: str) -> bool:
    """A bare number 1900-2099 is a year after ``w``/``od``/``do``... or alone between punctuation."""
    after = re.match(r"\s*([^\s]+)", text[match.end():])
    following = after.group(1).lower() if after else ""
    if following.rstrip(",;:)") in pl.time_year_blockers() or following.startswith("%"):
        return False
    if match.group("w"):
        return True
    before = re.search(r"(\S+)\s*$", text[: match.start()])
    previous = before.group(1).lower() if before else ""
    if previous in pl.time_year_preceders():
        return True
    return previous.endswith((",", "(")) and (not following or following[0] in ".,;:)")


def _year_range(match: re.Match[str], text: str) -> Candidate | None:
    first, last = match.group("y1"), match.group("y2")
    end_year = int(first[: 4 - len(last)] + last)
    if not 1000 <= int(first) < end_year <= int(first) + 100:
        return None
    return Candidate(match.start(), match.end(), {"kind": "interval", "value": f"{first}/{end_year:04d}"})


def _decade(match: re.Match[str], text: str) -> Candidate | None:
    word = match.group("dw")
    decade = pl.time_decades()[_norm(word)] if word else int(match.group("dd"))
    century = _roman(match.group("c")) if match.group("c") else 20
    if century is None:
        return None
    return Candidate(match.start(), match.end(), {"kind": "period", "value": f"{century - 1:02d}{decade // 10}"})


def _century(match: re.Match[str], text: str) -> Candidate | None:
    century = _roman(match.group("c"))
    if century is None or not 1 <= century <= 21:
        return None
    return Candidate(match.start(), match.end(), {"kind": "period", "value": f"{century - 1:02d}"})


def _roman(numeral: str) -> int | None:
    if not numeral.isupper():
        return None
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _deictic(match: re.Match[str], text: str) -> Candidate | None:
    return Candidate(match.start(), match.end(), {"kind": "deictic", "days": pl.time_deictic()[_norm(match.group(0))]}, True)


def _weekday(match: re.Match[str], text: str) -> Candidate | None:
    prep = (match.group("prep") or "").lower()
    relation = pl.time_relative()[_norm(match.group("rel"))] if match.group("rel") else None
    if not prep and not relation:
        return None
    start = match.start() if prep in ("w", "we", "") else match.start("rel") if relation else match.start("wd")
    spec = {"kind": "weekday", "weekday": pl.time_weekdays()[_norm(match.group("wd"))], "relation": relation}
    return Candidate(start, match.end(), spec, True, hint="future" if prep in ("na", "do") else None)


def _unit(form: str) -> tuple[str, bool]:
    """The unit a form names, and whether the form is plural (``lat`` -> year, True)."""
    unit = pl.time_units()[form]
    return unit.rstrip("s"), unit.endswith("s")


def _relative_unit(match: re.Match[str], text: str) -> Candidate | None:
    unit, plural = _unit(_norm(match.group("u")))
    if plural:
        return None
    relation = pl.time_relative()[_norm(match.group("rel"))] if match.group("rel") else None
    if unit not in ("week", "month", "year", "weekend") or (relation is None and unit != "weekend"):
        return None
    if unit == "weekend" and not (relation or match.group("w")):
        return None
    return Candidate(match.start(), match.end(), {"kind": "unit", "unit": unit, "relation": relation})


def _offset(match: re.Match[str], text: str) -> Candidate | None:
    unit_form = _norm(match.group("u"))
    unit, plural = _unit(unit_form)
    if unit == "weekend" or (unit_form == "dniem" and not match.group("n")):
        return None
    number = _number(match.group("n")) if match.group("n") or not plural else None
    sign = 1 if match.group(0).lower().startswith("za") else -1
    vague = number is None or bool(match.group("h"))
    return Candidate(match.start(), match.end(), {"kind": "offset", "unit": unit, "count": None if vague else number * sign})


def _number(word: str | None) -> float | None:
    if not word:
        return 1.0
    if word.isdigit():
        return float(word)
    return pl.time_numbers()[_norm(word)]


def _clock(match: re.Match[str], text: str) -> Candidate | None:
    hour = int(match.group("hh") or match.group("hh2"))
    minute = int(match.group("mi") or match.group("mi2") or 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    if match.group("hh2") and re.match(r"\s*(?:proc|%|zł|mln|mld|tys)", text[match.end():]):
        return None  # "o 15.50 proc." is a number
    return Candidate(match.start(), match.end(), {"kind": "clock", "time": f"{hour:02d}:{minute:02d}"}, clock=True)


def _day_part(match: re.Match[str], text: str) -> Candidate | None:
    return Candidate(match.start(), match.end(), {"kind": "clock", "time": pl.time_day_parts()[_norm(match.group(0))]}, clock=True)


def _night(match: re.Match[str], text: str) -> Candidate | None:
    """``w nocy z soboty na niedzielę``: the night that starts on the first day."""
    spec = {"kind": "weekday", "weekday": pl.time_weekdays()[_norm(match.group("wd"))], "relation": None}
    day = Candidate(match.start(), match.end(), spec, True)
    return Candidate(match.start(), match.end(), {"kind": "at", "time": "NI"}, True, parts=[day])


def _year_abbreviation(match: re.Match[str], text: str) -> Candidate | None:
    offset = pl.time_year_abbreviations()[_norm(match.group(0))]
    return Candidate(match.start(), match.end(), {"kind": "year", "year_offset": offset})


def _last_night(match: re.Match[str], text: str) -> Candidate | None:
    """``minionej nocy`` (the night before the article date), ``tej nocy`` (the one after it)."""
    relation = pl.time_relative()[_norm(match.group("rel"))]
    if relation not in ("last", "this"):
        return None
    day = Candidate(match.start(), match.end(), {"kind": "deictic", "days": -1 if relation == "last" else 0}, True)
    return Candidate(match.start(), match.end(), {"kind": "at", "time": "NI"}, True, parts=[day])


def _season(match: re.Match[str], text: str) -> Candidate | None:
    year = _year_of(match)
    return Candidate(match.start(), match.end(), {"kind": "year", **year}) if year else None


@cache
def _rules() -> tuple[Rule, ...]:
    return (
        Rule("month_date", _rx(r"{w}?(?:(?P<d1>\d{{1,2}})\s*[-–]\s*)?(?:(?P<d>\d{{1,2}})\.?\s+)?(?P<m>{month})(?!\w)(?:{year_tail})?"), _month_date),
        Rule("dmy", _rx(r"(?P<dd>\d{{1,2}})\.(?P<mm>\d{{1,2}})\.(?P<yy>\d{{4}})(?!\d)(?:\s*(?:r\.|roku(?!\w)))?"), _numeric_date),
        Rule("iso", _rx(r"(?P<yy>\d{{4}})-(?P<mm>\d{{2}})-(?P<dd>\d{{2}})(?!\d)"), _numeric_date),
        Rule("year", _rx(r"{w}?(?:(?P<pre>rok|roku|rokiem)\s+)?(?P<y>\d{{1,4}})(?![\d\-–])(?![.,]\d)(?:\s*(?P<suf>r\.|roku(?!\w)|rokiem(?!\w)|rok(?!\w)))?"), _year),
        Rule("year_range", _rx(r"(?:{w}?(?:latach|lata|lat)\s+)?(?P<y1>\d{{4}})\s*[-–]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d)(?:\s*(?:r\.|roku(?!\w)))?"), _year_range),
        Rule("decade", _rx(r"{w}?(?:latach|lata|lat|latami)\s+(?:(?P<dd>[1-9]0)(?!\d)(?:\.|-tych|-te(?!\w))?|(?P<dw>{decade}))(?:\s+(?P<c>[IVX]{{1,5}})\s+(?:wieku|w\.))?"), _decade),
        Rule("century", _rx(r"{w}?(?P<c>[IVX]{{1,5}})\s+(?:wieku|wiekiem|wiek(?!\w)|w\.)"), _century),
        Rule("deictic", _rx(r"{deictic}(?!\w)"), _deictic),
        Rule("weekday", _rx(r"(?:(?P<prep>w|we|na|od|do|z|ze|przed|po)\s+)?(?:(?P<rel>{rel})(?:\s+|(?<=\.)))?(?P<wd>{weekday})(?!\w)"), _weekday),
        Rule("relative_unit", _rx(r"{w}?(?:(?P<rel>{rel})(?:\s+|(?<=\.)))?(?P<u>{unit})(?!\w)"), _relative_unit),
        Rule("ago", _rx(r"(?:(?P<h>{hedge})\s+)?(?:(?P<n>{num})\s+)?(?P<u>{unit})\s+temu(?!\w)"), _offset),
        Rule("before", _rx(r"s?przed\s+(?:(?P<h>{hedge})\s+)?(?:(?P<n>{num})\s+)?(?P<u>{unit})(?!\w)(?!\s*\d)"), _offset),
        Rule("in", _rx(r"za\s+(?:(?P<h>{hedge})\s+)?(?:(?P<n>{num})\s+)?(?P<u>{unit})(?!\w)(?!\s*\d)(?:\s+od\s+(?:dziś|dzisiaj|teraz)(?!\w))?"), _offset),
        Rule("clock", _rx(r"(?:o\s+)?(?:godz\.|godzinie|godzina|godziny)\s*(?P<hh>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?(?!\d)|o\s+(?P<hh2>\d{{1,2}})[:.](?P<mi2>\d{{2}})(?!\d)"), _clock),
        Rule("day_part", _rx(r"{part}(?!\w)"), _day_part),
        Rule("night", _rx(r"w\s+nocy\s+z\s+(?P<wd>{weekday})\s+na\s+{weekday}(?!\w)"), _night),
        Rule("last_night", _rx(r"(?P<rel>{rel})\s+nocy(?!\w)"), _last_night),
        Rule("year_abbreviation", _rx(r"{year_abbr}"), _year_abbreviation),
        Rule("season", _rx(r"{season}(?!\w)(?:{year_tail})"), _season),
    )


# --- Candidates: rules, then combinations -------------------------------------------------------


def _candidates(text: str) -> list[Candidate]:
    found = [c for rule in _rules() for m in rule.pattern.finditer(text) if (c := rule.build(m, text))]
    found += _coordinated(found, text)
    found += _joined(found, text)
    found += _modified(found, text)
    return found


_COORDINATION = re.compile(r"\s+(?:i|oraz|lub|albo|czy|a)\s+", re.IGNORECASE)


def _coordinated(found: list[Candidate], text: str) -> list[Candidate]:
    """``w środę i czwartek``: the second weekday, with the first one's wording."""
    days = pl.time_weekdays()
    extra = []
    for cand in found:
        if cand.spec["kind"] != "weekday":
            continue
        link = _COORDINATION.match(text, cand.end)
        word = _WORD.match(text, link.end()) if link else None
        if word and _norm(word.group(0)) in days:
            spec = {**cand.spec, "weekday": days[_norm(word.group(0))]}
            extra.append(Candidate(word.start(), word.end(), spec, True, hint=cand.hint))
    return extra


def _joined(found: list[Candidate], text: str) -> list[Candidate]:
    """A weekday before a date (``w poniedziałek 10 stycznia``); a day and its time (``we wtorek wieczorem``)."""
    by_start: dict[int, list[Candidate]] = {}
    for cand in found:
        by_start.setdefault(cand.start, []).append(cand)
    joined = []
    for first in found:
        for second in _following(first, by_start, text):
            if first.spec["kind"] == "weekday" and second.spec["kind"] == "date" and second.daylevel:
                spec = {**second.spec, "weekday": first.spec["weekday"]}
                joined.append(Candidate(first.start, second.end, spec, True))
    for first in found + joined:
        for second in _following(first, by_start, text):
            if first.daylevel and second.clock:
                joined.append(Candidate(first.start, second.end, {"kind": "at", "time": second.spec["time"]}, True,
                                        hint=first.hint, parts=[first]))
    return joined


def _following(first: Candidate, by_start: dict[int, list[Candidate]], text: str) -> Iterator[Candidate]:
    gap = re.match(r"\s*,?\s*", text[first.end :])
    yield from by_start.get(first.end + gap.end(), []) if gap and gap.end() else ()


def _modified(found: list[Candidate], text: str) -> list[Candidate]:
    """``pod koniec grudnia``, ``na początku ubiegłego tygodnia``, ``w drugim kwartale (2018 roku)``."""
    modifiers = pl.time_modifiers()
    inner_by_start: dict[int, list[Candidate]] = {}
    for cand in found:
        if cand.spec["kind"] in ("date", "year", "unit", "period", "interval"):
            inner_by_start.setdefault(cand.start, []).append(cand)
    result = []
    for match in _modifier_matches(text):
        kind = modifiers[_norm(match.group("mod"))]
        gap = re.match(r"\s+", text[match.end() :])
        inners = [c.spec for c in inner_by_start.get(match.end() + gap.end(), [])] if gap else []
        ends = [c.end for c in inner_by_start.get(match.end() + gap.end(), [])] if gap else []
        unit = _BARE_UNIT.match(text, match.end())
        if unit:  # do końca roku, od początku tygodnia: the current one; na początku weekendu
            form = _norm(unit.group(1))
            name = _unit(form)[0]
            inners.append({"kind": "unit", "unit": name, "relation": None if name == "weekend" else "this"})
            ends.append(unit.end())
        elif kind == "quarter" and not inners:
            inners.append({"kind": "unit", "unit": "year", "relation": "this"})
            ends.append(match.end())
        for inner, end in zip(inners, ends):
            result.append(Candidate(match.start(), end, {"kind": "part", "of": inner, "year_part": kind != "part"}))
    return result


@cache
def _modifier_pattern() -> re.Pattern[str]:
    return _rx(r"(?P<mod>{modifier})(?!\w)")


def _modifier_matches(text: str) -> Iterator[re.Match[str]]:
    """Modifier phrases; a roman numeral in one must be upper case ("i połowy" is "and the middle")."""
    pattern, position = _modifier_pattern(), 0
    while match := pattern.search(text, position):
        if any(re.fullmatch(r"[ivx]+", w) and not w.isupper() for w in match.group("mod").split()):
            position = match.start() + 1
            continue
        yield match
        position = match.end()


_BARE_UNIT = re.compile(r"\s+(roku|tygodnia|miesiąca|weekendu)(?!\w)", re.IGNORECASE)


def _longest(found: list[Candidate]) -> list[Candidate]:
    chosen: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


# --- Resolution -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    anchor: Anchor | None
    tense: str | None  # past, future or None (guessed per expression)
    text: str


Resolved = tuple[str | None, str | None, date | None]  # value, precision, the day when one is known
NONE: Resolved = (None, None, None)


def _resolve(spec: dict[str, Any], cand: Candidate, ctx: Context) -> Resolved:
    kind = spec["kind"]
    if kind == "date":
        return _resolve_date(spec, ctx)
    if kind == "year":
        return _resolve_year(spec, ctx)
    if kind in ("interval", "period"):
        return spec["value"], "year" if kind == "interval" else None, None
    if kind == "part":
        value, precision, day = _resolve(spec["of"], cand, ctx)
        if spec["year_part"] and value is not None:
            return value[:4], "year", None
        return value, precision, day if precision == "day" else None
    if ctx.anchor is None:
        return NONE
    if kind == "deictic":
        return _day(ctx.anchor.day + timedelta(days=spec["days"]), ctx.anchor)
    if kind == "weekday":
        return _day(_weekday_date(spec["weekday"], spec["relation"], _direction(cand, ctx), ctx.anchor.day), ctx.anchor)
    if kind == "unit":
        return _resolve_unit(spec, cand, ctx)
    if kind == "offset":
        return _resolve_offset(spec, ctx.anchor)
    return NONE


def _day(day: date, anchor: Anchor) -> Resolved:
    value, precision = _capped(day, "day", anchor)
    return value, precision, day if precision == "day" else None


def _resolve_year(spec: dict[str, Any], ctx: Context) -> Resolved:
    if "year" in spec:
        return f"{spec['year']:04d}", "year", None
    if ctx.anchor is None:
        return NONE
    return f"{ctx.anchor.day.year + spec['year_offset']:04d}", "year", None


def _resolve_date(spec: dict[str, Any], ctx: Context) -> Resolved:
    if "year" in spec:
        year = spec["year"]
    elif ctx.anchor is None:
        return NONE
    elif "year_offset" in spec:
        year = ctx.anchor.day.year + spec["year_offset"]
    else:
        year = _nearest_year(spec, ctx)
    if year is None:
        return NONE
    try:
        if "first_day" in spec:
            first, last = date(year, spec["month"], spec["first_day"]), date(year, spec["month"], spec["day"])
            return (f"{first}/{last}", "day", None) if first < last else NONE
        if spec["day"] is None:
            return f"{year:04d}-{spec['month']:02d}", "month", None
        day = date(year, spec["month"], spec["day"])
    except ValueError:
        return NONE
    return day.isoformat(), "day", day


def _nearest_year(spec: dict[str, Any], ctx: Context) -> int | None:
    """The year that puts a date or month without one nearest the article date (or before/after it)."""
    anchor = ctx.anchor.day
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            day = date(year, spec["month"], spec["day"] or 1)
        except ValueError:
            continue
        if spec["day"] is None:
            distance = (year * 12 + spec["month"]) - (anchor.year * 12 + anchor.month)
        else:
            distance = (day - anchor).days
        fits = "weekday" in spec and day.isoweekday() == spec["weekday"]
        options.append((distance, year, fits))
    if ctx.tense == "past":
        options = [o for o in options if o[0] <= 0]
    elif ctx.tense == "future":
        options = [o for o in options if o[0] >= 0]
    if any(o[2] for o in options):
        options = [o for o in options if o[2]]
    if not options:
        return None
    return min(options, key=lambda o: (abs(o[0]), o[1] != anchor.year))[1]


def _direction(cand: Candidate, ctx: Context) -> str:
    if ctx.tense in TENSES:
        return ctx.tense
    if cand.hint:
        return cand.hint
    return "future" if _future_clause(ctx.text, cand.start, cand.end) else "past"


def _future_clause(text: str, start: int, end: int) -> bool:
    """Whether the clause around ``text[start:end]`` holds a future marker (``będzie``, ``ma`` + infinitive)."""
    left = max((m.end() for m in _BOUNDARY.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    right_match = _BOUNDARY.search(text, end, end + 200)
    right = right_match.start() if right_match else min(len(text), end + 200)
    words = [w.lower() for w in _WORD.findall(text[left:start] + " " + text[end:right])]
    markers = pl.time_future_markers()
    for i, word in enumerate(words):
        if word in markers:
            if word not in ("ma", "mają"):
                return True
            if any(w.endswith(("ć", "c")) for w in words[i + 1 : i + 3]):
                return True
    return False


def _weekday_date(weekday: int, relation: str | None, direction: str, anchor: date) -> date:
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    monday = anchor - timedelta(days=anchor.isoweekday() - 1)
    if relation == "last":
        return anchor - timedelta(days=back or 7)
    if relation == "coming":
        return anchor + timedelta(days=ahead or 7)
    if relation == "this":
        return monday + timedelta(days=weekday - 1)
    if relation == "next":
        return monday + timedelta(days=weekday + 6)
    return anchor + timedelta(days=ahead) if direction == "future" else anchor - timedelta(days=back)


def _resolve_unit(spec: dict[str, Any], cand: Candidate, ctx: Context) -> Resolved:
    anchor, unit, relation = ctx.anchor, spec["unit"], spec["relation"]
    if unit == "weekend":
        saturday = _weekday_date(6, relation, _direction(cand, ctx), anchor.day)
        value, precision = _capped(saturday, "week", anchor)
        return value, precision, None
    step = _RELATION_OFFSET[relation]
    if unit == "week":
        value, precision = _capped(anchor.day + timedelta(weeks=step), "week", anchor)
    elif unit == "month":
        value, precision = _capped(_add_months(anchor.day, step), "month", anchor)
    else:
        value, precision = f"{anchor.day.year + step:04d}", "year"
    return value, precision, None


def _resolve_offset(spec: dict[str, Any], anchor: Anchor) -> Resolved:
    count, unit = spec["count"], spec["unit"]
    if count is None:
        return NONE
    if unit == "day" and count == int(count):
        return _day(anchor.day + timedelta(days=int(count)), anchor)
    if unit == "week" and count == int(count):
        value, precision = _capped(anchor.day + timedelta(weeks=int(count)), "week", anchor)
        return value, precision, None
    months = count * {"day": 1 / 30, "week": 7 / 30, "month": 1, "year": 12, "decade": 120}[unit]
    if unit in ("year", "decade") and months % 12 == 0:
        return f"{anchor.day.year + int(months // 12):04d}", "year", None
    value, precision = _capped(_add_months(anchor.day, round(months)), "month", anchor)
    return value, precision, None


def _with_time(time: str, day: date | None) -> tuple[str, str | None]:
    """A clock time (``18:00``) or a part of the day (``EV``) on ``day``, or alone when the day is unknown."""
    clock = ":" in time
    prefix = day.isoformat() if day else ""
    return f"{prefix}T{time}", "minute" if clock else ("day" if day else None)


# --- Entry point --------------------------------------------------------------------------------


def find_times(
    text: str,
    article_date: str | None,
    article_precision: str | None = None,
    *,
    tense: str | None = None,
) -> list[TimeExpression]:
    """The temporal expressions in ``text``, resolved against ``article_date``.

    ``article_precision`` is the article date's (year, month, day, minute, second; guessed from
    ``article_date`` when None). ``tense`` ("past" or "future") says which way weekdays and
    dates without a year point, when the caller knows the clause's tense; None guesses it.
    """
    if tense not in (None, *TENSES):
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    ctx = Context(parse_anchor(article_date, article_precision), tense, text)
    times: list[TimeExpression] = []
    last_day: tuple[int, date] | None = None  # where the last day named in the text was, and which day
    for cand in _longest(_candidates(text)):
        if cand.spec["kind"] in ("clock", "at"):
            if cand.parts:
                _, _, day = _resolve(cand.parts[0].spec, cand.parts[0], ctx)
            else:
                day = _day_before(last_day, cand.start, ctx)
            value, precision = _with_time(cand.spec["time"], day)
        else:
            value, precision, day = _resolve(cand.spec, cand, ctx)
        if day is not None:
            last_day = (cand.end, day)
        times.append(TimeExpression(text=text[cand.start : cand.end], start=cand.start, end=cand.end,
                                    value=value, precision=precision))
    return times


def _day_before(last_day: tuple[int, date] | None, start: int, ctx: Context) -> date | None:
    """The day a time of day alone belongs to: the last one named in its paragraph, else the article's."""
    if last_day is not None and "\n" not in ctx.text[last_day[0] : start]:
        return last_day[1]
    if ctx.anchor is not None and ctx.anchor.precision == "day":
        return ctx.anchor.day
    return None
