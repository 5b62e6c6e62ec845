import pytest

from kronika.read.dates import ParsedDate, at_day, parse_date


@pytest.mark.parametrize(
    "text, value, precision",
    [
        ("2022", "2022", "year"),
        ("2022-01", "2022-01", "month"),
        ("2022-01-10", "2022-01-10", "day"),
        (" 2022-01-10 ", "2022-01-10", "day"),
        ("10.01.2022", "2022-01-10", "day"),
        ("2022-01-10T18:42", "2022-01-10T18:42", "minute"),
        ("2022-01-10 18:42:05", "2022-01-10T18:42:05", "second"),
        ("2016-12-07T17:59:00+01:00", "2016-12-07T17:59:00+01:00", "second"),
        ("2016-11-24T21:26:40.000Z", "2016-11-24T21:26:40+00:00", "second"),
        ("2016-01-13T13:09:00.0", "2016-01-13T13:09:00", "second"),
        ("2016-11-26T08:31:00-0500", "2016-11-26T08:31:00-05:00", "second"),
        # midnight: the source knew only the day
        ("2016-10-20T00:00:00+00:00", "2016-10-20", "day"),
    ],
)
def test_parse_date(text, value, precision):
    assert parse_date(text) == ParsedDate(value, precision)


@pytest.mark.parametrize("text", ["", None, "   ", "2022-13", "2022-02-30", "10 stycznia 2022", "2022-01-10T25:00", "yesterday"])
def test_parse_date_rejects(text):
    assert parse_date(text) is None


def test_at_day():
    assert at_day(parse_date("2022-01-11T08:30:00Z")) == ParsedDate("2022-01-11", "day")
    assert at_day(parse_date("2022-01")) == ParsedDate("2022-01", "month")
