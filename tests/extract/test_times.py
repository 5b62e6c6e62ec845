"""Temporal expressions: finding them in Polish text and resolving them against the article date."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from kronika.extract import times as times_module
from kronika.extract.times import find_times, parse_anchor, week_value
from kronika.lang import pl
from kronika.read import read_paths

SEED = Path(__file__).parents[2] / "examples" / "seed.txt"


def found(text: str, article_date: str | None = "2018-11-08", precision: str | None = None, **kw) -> list[tuple]:
    return [(t.text, t.value, t.precision) for t in find_times(text, article_date, precision, **kw)]


def one(text: str, article_date: str | None = "2018-11-08", precision: str | None = None, **kw) -> tuple:
    (result,) = found(text, article_date, precision, **kw)
    return result[1:]


def week(day: str) -> tuple[str, str]:
    return week_value(date.fromisoformat(day))


# --- the seed --------------------------------------------------------------------------------


def test_seed_article_resolves_against_its_month():
    (article,) = read_paths([SEED])
    assert article.date == "2022-01" and article.date_precision == "month"
    assert found(article.text, article.date, article.date_precision) == [
        ("Na początku ubiegłego tygodnia", "2022-01", "month"),
    ]


def test_seed_phrase_with_a_day_precise_date_gives_the_week():
    assert one("Na początku ubiegłego tygodnia doszło do protestów.", "2022-01-11") == week("2022-01-03")


# --- full dates --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value, precision", [
    ("10 stycznia 2022 r.", "2022-01-10", "day"),
    ("10 stycznia 2022 roku", "2022-01-10", "day"),
    ("10.01.2022", "2022-01-10", "day"),
    ("10.01.2022 r.", "2022-01-10", "day"),
    ("2022-01-10", "2022-01-10", "day"),
    ("w styczniu 2022", "2022-01", "month"),
    ("w styczniu 2022 roku", "2022-01", "month"),
    ("styczeń 2022", "2022-01", "month"),
    ("między grudniem 2020", "2020-12", "month"),
    ("w 2021 roku", "2021", "year"),
    ("w 2021 r.", "2021", "year"),
    ("w 2014", "2014", "year"),
    ("roku 2020", "2020", "year"),
    ("w 656 roku", "0656", "year"),
    ("29 marca ubiegłego roku", "2017-03-29", "day"),
    ("29 marca ub.r.", "2017-03-29", "day"),
    ("we wrześniu ubiegłego roku", "2017-09", "month"),
    ("w marcu przyszłego roku", "2019-03", "month"),
    ("do października br.", "2018-10", "month"),
    ("W lutym br.", "2018-02", "month"),
])
def test_full_dates(text, value, precision):
    assert found(text)[-1][1:] == (value, precision)


def test_span_leaves_out_relation_words_but_keeps_w():
    assert found("od 2010 roku, w 2016 roku i do 29 marca 2019 roku") == [
        ("2010 roku", "2010", "year"), ("w 2016 roku", "2016", "year"), ("29 marca 2019 roku", "2019-03-29", "day"),
    ]


# --- dates and months without a year ---------------------------------------------------------------


def test_date_without_year_is_the_nearest():
    assert one("10 stycznia", "2022-01-20") == ("2022-01-10", "day")
    assert one("28 lutego", "2022-01-20") == ("2022-02-28", "day")


@pytest.mark.parametrize("text, article, value", [
    ("w grudniu", "2022-01-03", "2021-12"),  # year boundary: last December
    ("31 grudnia", "2022-01-03", "2021-12-31"),
    ("w styczniu", "2021-12-30", "2022-01"),
    ("w listopadzie", "2018-01-09", "2017-11"),
    ("w marcu", "2018-01-09", "2018-03"),
    ("w grudniu", "2018-06-13", "2018-12"),  # six months either way: the article's year
])
def test_month_without_year_crosses_year_boundaries(text, article, value):
    assert one(text, article)[0] == value


def test_weekday_before_a_date_picks_the_year_that_fits():
    # 10 January 2022 is a Monday, 10 January 2023 a Tuesday: the nearer 2023 is dropped.
    assert one("w poniedziałek 10 stycznia", "2022-07-15") == ("2022-01-10", "day")
    assert one("w poniedziałek 10 stycznia", "2022-01-20") == ("2022-01-10", "day")


def test_tense_hint_turns_a_yearless_month():
    assert one("w czerwcu", "2018-01-09")[0] == "2018-06"
    assert one("w czerwcu", "2018-01-09", tense="past")[0] == "2017-06"
    assert one("w grudniu", "2018-01-09", tense="future")[0] == "2018-12"


def test_bare_month_names_must_be_lower_case():
    assert found("z grudnia na listopad", "2018-06-13") == [("grudnia", "2018-12", "month"), ("listopad", "2018-11", "month")]
    assert found("Maja Kowalska i Marca Polo") == []


# --- weekdays ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("w środę", "2018-11-07"),  # article date: Thursday 2018-11-08
    ("we wtorek", "2018-11-06"),
    ("W poniedziałek", "2018-11-05"),
    ("w czwartek", "2018-11-08"),  # the article's own day
    ("w piątek", "2018-11-02"),
    ("w sobotę", "2018-11-03"),
    ("w niedzielę", "2018-11-04"),
    ("od soboty", "2018-11-03"),
    ("w ubiegły piątek", "2018-11-02"),
    ("w ubiegły czwartek", "2018-11-01"),
    ("w zeszłą środę", "2018-11-07"),
    ("w najbliższą niedzielę", "2018-11-11"),
    ("w najbliższy czwartek", "2018-11-15"),
    ("w ten piątek", "2018-11-09"),
    ("w przyszły piątek", "2018-11-16"),
    ("na piątek", "2018-11-09"),
])
def test_weekdays(text, value):
    assert one(text)[0] == value


def test_weekday_in_a_future_clause_points_forward():
    assert one("Spotkanie odbędzie się w niedzielę.") == ("2018-11-11", "day")
    assert one("Premier ma w poniedziałek wystąpić w Sejmie.") == ("2018-11-12", "day")
    assert one("W niedzielę premier wystąpił w Sejmie.") == ("2018-11-04", "day")


def test_tense_parameter_overrides_the_guess():
    assert one("w piątek", tense="future") == ("2018-11-09", "day")
    assert one("Spotkanie odbędzie się w niedzielę.", tense="past") == ("2018-11-04", "day")
    with pytest.raises(ValueError):
        find_times("w piątek", "2018-11-08", "day", tense="soon")


def test_coordinated_weekdays_share_the_wording():
    assert found("zaplanowane na środę i czwartek rozmowy", "2018-02-05") == [
        ("środę", "2018-02-07", "day"), ("czwartek", "2018-02-08", "day"),
    ]


def test_weekday_needs_a_preposition():
    assert found("tzw. Czarna Środa") == []


# --- relative expressions -----------------------------------------------------------------------


@pytest.mark.parametrize("text, value, precision", [
    ("wczoraj", "2018-11-07", "day"),
    ("przedwczoraj", "2018-11-06", "day"),
    ("dziś", "2018-11-08", "day"),
    ("Dzisiaj", "2018-11-08", "day"),
    ("jutro", "2018-11-09", "day"),
    ("pojutrze", "2018-11-10", "day"),
    ("w zeszłym miesiącu", "2018-10", "month"),
    ("w tym miesiącu", "2018-11", "month"),
    ("w tym roku", "2018", "year"),
    ("w ubiegłym roku", "2017", "year"),
    ("w przyszłym roku", "2019", "year"),
    ("przed rokiem", "2017", "year"),
    ("rok temu", "2017", "year"),
    ("dwa lata temu", "2016", "year"),
    ("Osiem lat temu", "2010", "year"),
    ("sprzed dziewięciu lat", "2009", "year"),
    ("przed dwoma laty", "2016", "year"),
    ("pół roku temu", "2018-05", "month"),
    ("trzy dni temu", "2018-11-05", "day"),
    ("za rok", "2019", "year"),
    ("za miesiąc", "2018-12", "month"),
    ("pod koniec grudnia", "2018-12", "month"),
    ("do końca roku", "2018", "year"),
    ("w drugiej połowie 2018 roku", "2018", "year"),
    ("w drugim kwartale", "2018", "year"),
    ("jesienią 2017 roku", "2017", "year"),
])
def test_relative(text, value, precision):
    assert found(text)[-1][1:] == (value, precision)


@pytest.mark.parametrize("text, day", [
    ("w ubiegłym tygodniu", "2018-10-29"),
    ("W zeszłym tygodniu", "2018-10-29"),
    ("zeszły tydzień", "2018-10-29"),
    ("tydzień temu", "2018-10-29"),
    ("w tym tygodniu", "2018-11-05"),
    ("w przyszłym tygodniu", "2018-11-12"),
    ("za dwa tygodnie", "2018-11-19"),
    ("w miniony weekend", "2018-10-29"),
    ("w najbliższy weekend", "2018-11-05"),
])
def test_weeks(text, day):
    assert one(text) == week(day)


def test_last_week_across_the_year_boundary():
    assert one("w ubiegłym tygodniu", "2022-01-03") == week("2021-12-27")


def test_vague_counts_are_found_without_a_value():
    assert found("kilka dni temu, przed laty, niespełna dekadę temu, za kilka tygodni") == [
        ("kilka dni temu", None, None), ("przed laty", None, None),
        ("niespełna dekadę temu", None, None), ("za kilka tygodni", None, None),
    ]


# --- times of day -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value, precision", [
    ("o godz. 12:30", "2018-11-08T12:30", "minute"),
    ("o 15.00", "2018-11-08T15:00", "minute"),
    ("o godzinie 9", "2018-11-08T09:00", "minute"),
    ("rano", "2018-11-08TMO", "day"),
    ("wieczorem", "2018-11-08TEV", "day"),
    ("we wtorek wieczorem", "2018-11-06TEV", "day"),
    ("wczoraj o godz. 18:00", "2018-11-07T18:00", "minute"),
    ("29 marca 2019 roku o godzinie 11:00", "2019-03-29T11:00", "minute"),
    ("29 marca 2019 roku o północy", "2019-03-29T24:00", "minute"),
    ("w nocy z soboty na niedzielę", "2018-11-03TNI", "day"),
    ("minionej nocy", "2018-11-07TNI", "day"),
])
def test_times_of_day(text, value, precision):
    assert one(text) == (value, precision)


def test_time_alone_takes_the_last_day_named_in_its_paragraph():
    text = "W środę zwolniono ją z więzienia. Wieczorem wylądował samolot.\n\nRano padało."
    assert found(text) == [
        ("W środę", "2018-11-07", "day"), ("Wieczorem", "2018-11-07TEV", "day"), ("Rano", "2018-11-08TMO", "day"),
    ]


def test_time_without_a_known_day_keeps_the_time_alone():
    assert one("o godz. 12:30", "2022-01", "month") == ("T12:30", "minute")
    assert one("wieczorem", None) == ("TEV", None)


def test_numbers_are_not_times_or_years():
    assert found("wzrost o 15.50 proc., 2000 osób, 16 roku życia, 3,2 miliona") == []


# --- article dates less precise than a day ------------------------------------------------------------


@pytest.mark.parametrize("text, value, precision", [
    ("wczoraj", "2022-01", "month"),
    ("w środę", "2022-01", "month"),
    ("w ubiegłym tygodniu", "2022-01", "month"),
    ("za dwa tygodnie", "2022-01", "month"),
    ("w zeszłym miesiącu", "2021-12", "month"),
    ("rok temu", "2021", "year"),
    ("10 stycznia", "2022-01-10", "day"),
    ("w grudniu", "2021-12", "month"),
])
def test_month_precision_article(text, value, precision):
    assert one(text, "2022-01", "month") == (value, precision)


def test_year_precision_article():
    assert one("w zeszłym miesiącu", "2022", "year") == ("2022", "year")
    assert one("w grudniu", "2022", "year") == ("2022-12", "month")
    assert one("w ubiegłym roku", "2022", "year") == ("2021", "year")


def test_article_datetime_counts_as_its_day():
    assert one("wczoraj", "2016-11-21T07:17:45+00:00", "second") == ("2016-11-20", "day")


def test_no_article_date_leaves_relative_values_open():
    assert found("wczoraj, 10 stycznia, w 2016 roku, 29 marca 2019 roku", None) == [
        ("wczoraj", None, None), ("10 stycznia", None, None),
        ("w 2016 roku", "2016", "year"), ("29 marca 2019 roku", "2019-03-29", "day"),
    ]


def test_parse_anchor():
    assert parse_anchor("2022-01") == times_module.Anchor(date(2022, 1, 15), "month")
    assert parse_anchor("2022-01-10", "minute") == times_module.Anchor(date(2022, 1, 10), "day")
    assert parse_anchor("") is None


# --- periods ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value, precision", [
    ("w latach 90.", "199", None),
    ("w latach dziewięćdziesiątych", "199", None),
    ("w latach 80. XIX wieku", "188", None),
    ("XX wiek", "19", None),
    ("w XXI wieku", "20", None),
    ("2008-09", "2008/2009", "year"),
    ("w latach 2008-16", "2008/2016", "year"),
    ("lata 2014-2020", "2014/2020", "year"),
    ("10-11 stycznia 2022", "2022-01-10/2022-01-11", "day"),
])
def test_periods(text, value, precision):
    assert one(text) == (value, precision)


# --- weeks in the model --------------------------------------------------------------------------------


def test_week_value_is_the_iso_week():
    assert week_value(date(2022, 1, 5)) == ("2022-W01", "week")
    assert week_value(date(2022, 1, 2)) == ("2021-W52", "week")


# --- spans ------------------------------------------------------------------------------------------


def test_spans_are_exact_ordered_and_disjoint():
    text = (
        "Komisja oświadczyła we wtorek, że w marcu 2019 roku, a dokładnie 29 marca 2019 roku o północy, "
        "Wielka Brytania wyjdzie z UE. W ubiegłym tygodniu, na początku ubiegłego tygodnia i dwa lata temu."
    ) * 3
    times = find_times(text, "2018-01-09", "day")
    assert len(times) == 18
    for t, following in zip(times, times[1:] + [None]):
        assert text[t.start : t.end] == t.text
        assert following is None or t.end <= following.start


def test_repeated_expressions_in_a_long_text_are_all_found():
    text = ("W środę, 10 stycznia 2022 r., premier ma wystąpić o godz. 12:30. Dwa lata temu było inaczej. " * 2000)
    assert len(find_times(text, "2022-01-12", "day")) == 6000  # weekday + date are one


# --- the word lists ---------------------------------------------------------------------------------


TIME_FILES = sorted(p.name for p in pl.DATA_DIR.glob("time_*.txt"))


@pytest.mark.parametrize("name", TIME_FILES)
def test_time_word_lists_are_clean(name):
    forms = [line.split("\t")[0] for line in pl.read_list(name)]
    assert forms, name
    assert len(forms) == len(set(forms)), f"{name}: duplicate entries"
    for form in forms:
        assert unicodedata.normalize("NFC", form) == form
        assert form == form.strip()


@pytest.mark.parametrize("loader", [
    pl.time_months, pl.time_weekdays, pl.time_deictic, pl.time_relative, pl.time_year_abbreviations,
    pl.time_units, pl.time_numbers, pl.time_day_parts, pl.time_modifiers, pl.time_decades,
])
def test_time_tables_load(loader):
    table = loader()
    assert table and all(form == form.lower() for form in table)


def test_time_tables_have_the_expected_values():
    assert set(pl.time_months().values()) == set(range(1, 13))
    assert set(pl.time_weekdays().values()) == set(range(1, 8))
    assert set(pl.time_relative().values()) == {"last", "this", "next", "coming"}
    assert {u.rstrip("s") for u in pl.time_units().values()} == {"day", "week", "month", "year", "decade", "weekend"}
    assert set(pl.time_modifiers().values()) == {"part", "half", "quarter"}
    assert all(re.fullmatch(r"MO|MI|AF|EV|NI|\d\d:\d\d", v) for v in pl.time_day_parts().values())


def test_every_rule_compiles():
    assert len(times_module._rules()) > 10


# --- abbreviations of the relative adjectives (ub. = ubiegły) --------------------------------


@pytest.mark.parametrize("text, span, value, precision", [
    ("W ub. środę Sąd Najwyższy uchylił wyrok.", "W ub. środę", "2018-10-31", "day"),
    ("W ub.środę sąd obradował.", "W ub.środę", "2018-10-31", "day"),
    ("Spotkali się w ub. tygodniu.", "w ub. tygodniu", *week("2018-10-22")),
    ("Wzrost w ub. miesiącu był niski.", "w ub. miesiącu", "2018-10", "month"),
    ("Wybory odbędą się w przysz. roku.", "w przysz. roku", "2019", "year"),
    ("Szczyt zaplanowano na nast. piątek.", "nast. piątek", "2018-11-09", "day"),
])
def test_abbreviated_relative_adjectives(text, span, value, precision):
    (result,) = found(text, "2018-11-04")
    assert result == (span, value, precision)


def test_abbreviated_year_forms_still_win():
    assert found("29 marca ub.r. i w ub. r.", "2018-11-04") == [("29 marca ub.r.", "2017-03-29", "day"), ("ub. r.", "2017", "year")]
