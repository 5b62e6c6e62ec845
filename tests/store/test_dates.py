import pytest

from kronika.store.dates import first_day, last_day


@pytest.mark.parametrize("value, first, last", [
    ("2022", "2022-01-01", "2022-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2022-W03", "2022-01-17", "2022-01-23"),
    ("2022-01-10T12:00:00", "2022-01-10", "2022-01-10"),
    ("wczoraj", None, None),
    (None, None, None),
])
def test_days_of_a_date(value, first, last):
    assert (first_day(value), last_day(value)) == (first, last)
