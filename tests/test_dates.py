"""Date phrases: reading infobox dates and ranges, and writing dates the way the articles do."""

from __future__ import annotations

import datetime as dt

import pytest

from deirquiz.dates import fmt, fmt_between, fmt_range, parse_range

d = dt.date


# --- parse_range -------------------------------------------------------------------------------

READ = [
    # the three articles' own infobox dates
    ("14 September – 17 November 2017", None, (d(2017, 9, 14), d(2017, 11, 17))),
    ("23 October – 6 December 2017", None, (d(2017, 10, 23), d(2017, 12, 6))),
    ("4–17 October 2017", None, (d(2017, 10, 4), d(2017, 10, 17))),
    # the seed's casualty periods, whose year comes from the infobox
    ("18 Sep. – 25 Sep.", 2017, (d(2017, 9, 18), d(2017, 9, 25))),
    ("29 Oct. – 1 Nov.", 2017, (d(2017, 10, 29), d(2017, 11, 1))),
    ("29 Sep. – 13 Oct.", 2017, (d(2017, 9, 29), d(2017, 10, 13))),
    # other spellings of a range
    ("4 to 17 October 2017", None, (d(2017, 10, 4), d(2017, 10, 17))),
    ("4th–17th October 2017", None, (d(2017, 10, 4), d(2017, 10, 17))),
    ("14 Sept. – 17 Nov. 2017", None, (d(2017, 9, 14), d(2017, 11, 17))),
    ("14 September 2017 – 17 November 2017", None, (d(2017, 9, 14), d(2017, 11, 17))),
    ("September 14 – November 17, 2017", None, (d(2017, 9, 14), d(2017, 11, 17))),
    ("September 14–17, 2017", None, (d(2017, 9, 14), d(2017, 9, 17))),
    # cross-month and cross-year
    ("28 February – 1 March 2016", None, (d(2016, 2, 28), d(2016, 3, 1))),
    ("30 December 2016 – 2 January 2017", None, (d(2016, 12, 30), d(2017, 1, 2))),
    ("30 December – 2 January 2017", None, (d(2016, 12, 30), d(2017, 1, 2))),
    ("30 December – 2 January", 2017, (d(2016, 12, 30), d(2017, 1, 2))),
    # a single day is a range of one day
    ("17 November 2017", None, (d(2017, 11, 17), d(2017, 11, 17))),
    ("5 September", 2017, (d(2017, 9, 5), d(2017, 9, 5))),
    ("29 February 2016", None, (d(2016, 2, 29), d(2016, 2, 29))),
    # a year written in the text wins over the context year
    ("7 October 2017", 2015, (d(2017, 10, 7), d(2017, 10, 7))),
]


@pytest.mark.parametrize(("text", "year", "expected"), READ, ids=[r[0] for r in READ])
def test_parse_range_reads_day_precise_dates(text, year, expected):
    assert parse_range(text, year) == expected


UNREAD = [
    # no year anywhere: never today's year
    ("18 Sep. – 25 Sep.", None),
    ("14 September", None),
    # not day-precise
    ("2017", None),
    ("Summer 2017", None),
    ("September 2017", None),
    # days that do not exist
    ("31 September 2017", None),
    ("29 February 2017", None),
    ("", 2017),
]


@pytest.mark.parametrize(("text", "year"), UNREAD, ids=[repr(r[0]) for r in UNREAD])
def test_parse_range_refuses_what_is_not_a_day(text, year):
    assert parse_range(text, year) is None


def test_parse_range_takes_missing_end_year_from_start():
    assert parse_range("14 September 2017 – 17 November") == (d(2017, 9, 14), d(2017, 11, 17))


def test_parse_range_reads_a_single_us_style_date():
    assert parse_range("October 4, 2017") == (d(2017, 10, 4), d(2017, 10, 4))


def test_parse_range_does_not_read_an_open_range_as_one_day():
    assert parse_range("1 January 2017 – present") is None


# --- writing dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "year", "expected"),
    [
        (d(2017, 9, 5), True, "5 September 2017"),
        (d(2017, 9, 5), False, "5 September"),
        (d(2017, 11, 17), True, "17 November 2017"),
        (d(2018, 1, 1), True, "1 January 2018"),
    ],
)
def test_fmt_writes_day_month_year_without_leading_zero(date, year, expected):
    assert fmt(date, year=year) == expected


FORMATS = [
    # a, b, fmt_range, fmt_between
    (
        d(2017, 10, 4),
        d(2017, 10, 17),
        "4–17 October 2017",
        "between 4 and 17 October 2017",
    ),
    (
        d(2017, 9, 14),
        d(2017, 11, 17),
        "14 September – 17 November 2017",
        "between 14 September and 17 November 2017",
    ),
    (
        d(2017, 10, 29),
        d(2017, 11, 1),
        "29 October – 1 November 2017",
        "between 29 October and 1 November 2017",
    ),
    (
        d(2016, 12, 30),
        d(2017, 1, 2),
        "30 December 2016 – 2 January 2017",
        "between 30 December 2016 and 2 January 2017",
    ),
    (
        d(2016, 9, 14),
        d(2017, 9, 14),
        "14 September 2016 – 14 September 2017",
        "between 14 September 2016 and 14 September 2017",
    ),
]
IDS = ["same-month", "cross-month", "cross-month-short", "cross-year", "a-year-apart"]


@pytest.mark.parametrize(("a", "b", "expected", "_"), FORMATS, ids=IDS)
def test_fmt_range(a, b, expected, _):
    assert fmt_range(a, b) == expected


@pytest.mark.parametrize(("a", "b", "_", "expected"), FORMATS, ids=IDS)
def test_fmt_between(a, b, _, expected):
    assert fmt_between(a, b) == expected


def test_fmt_range_of_one_day_is_that_day():
    assert fmt_range(d(2017, 10, 4), d(2017, 10, 4)) == "4 October 2017"


def test_fmt_between_of_one_day_is_on_that_day():
    assert fmt_between(d(2017, 11, 17), d(2017, 11, 17)) == "on 17 November 2017"


@pytest.mark.parametrize(("a", "b", "expected", "_"), FORMATS, ids=IDS)
def test_fmt_range_reads_back(a, b, expected, _):
    assert parse_range(expected) == (a, b)
