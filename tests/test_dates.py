"""Date phrases: reading infobox dates and ranges, and writing dates the way the articles do."""

from __future__ import annotations

import datetime as dt
import re

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


# --- dates in a body: what a reader takes each statement's day to be ---------------------------

from deirquiz.article import parse  # noqa: E402
from deirquiz.extraction import extract  # noqa: E402
from deirquiz.sentences import split_sentences  # noqa: E402


def _events(body: str, date: str = "July 1–3, 1863"):
    text = f"---\ntitle: Test battle\ninfoboxes:\n  - date:\n      text: {date}\n---\n\n{body}\n"
    return extract(parse(text, "test.md")).events


def _days(body: str, date: str = "July 1–3, 1863") -> list[str]:
    out = []
    for e in _events(body, date):
        s = e.date.isoformat() + (f"/{e.end_date.isoformat()}" if e.end_date else "")
        out.append(("by " if e.by else "") + s + (" night" if e.night else ""))
    return out


def test_a_time_of_day_keeps_the_day_in_force():
    body = (
        "## Battle\nEarly on July 2, the army moved. At about 7:30 a.m., the first shot was "
        "fired. In the early afternoon, the corps arrived. Late in the afternoon, Hancock came."
    )
    assert _days(body) == ["1863-07-02"] * 4


def test_a_time_of_day_with_no_day_in_force_gives_no_event():
    assert _days("## Battle\nAt about 11:30, the division attacked.") == []


def test_shortly_after_midnight_is_the_next_day():
    body = "## Battle\nOn July 1, the army moved. That evening, the corps attacked. Meade reached the field shortly after midnight."
    assert _days(body) == ["1863-07-01", "1863-07-01", "1863-07-02"]


def test_a_night_of_two_days_is_the_first_and_its_next_day_the_second():
    body = "## Battle\nOn the night of 1–2 July, X promised to march the next day."
    events = _events(body)
    assert [(e.date.isoformat(), e.night, e.end_date) for e in events] == [
        ("1863-07-01", True, None),
        ("1863-07-02", False, None),
    ]


def test_after_a_night_that_afternoon_is_the_day_the_night_ran_into():
    body = "## Battle\nOn the night of 1–2 July, X was overrun. That afternoon, Y counterattacked."
    assert _days(body) == ["1863-07-01 night", "1863-07-02"]


def test_days_are_counted_within_the_battle_from_its_first_day():
    body = "## Battle\nOn the first day, the army moved. On the third day of the battle, the corps attacked."
    assert _days(body) == ["1863-07-01", "1863-07-03"]


def test_a_heading_that_counts_the_days_sets_the_day():
    assert _days("## Battle\n### Second day\nAt about 4 p.m., the assault opened.") == [
        "1863-07-02"
    ]


def test_the_day_after_an_event_is_counted_from_that_events_day():
    body = (
        "## Battle\nOn 7 May, the main position was overrun. On 8 May, Isabelle fell.\n\n"
        "## Aftermath\nThe day after the fall of the main position, the talks began."
    )
    assert _days(body, "13 March – 7 May 1954") == ["1954-05-07", "1954-05-08", "1954-05-08"]


def test_the_day_after_an_event_that_cannot_be_found_is_no_day():
    body = "## Battle\nOn 7 May, the army moved.\n\n## Aftermath\nThe day after the fall of the old fort, the corps attacked."
    assert _days(body, "13 March – 7 May 1954") == ["1954-05-07"]


def test_days_after_the_battle_count_from_its_last_day():
    assert _days("He abdicated four days after the battle.", "June 18, 1815") == ["1815-06-22"]


def test_a_named_day_is_read_in_the_year_in_force():
    body = "## Battle\nOn 20 December, the army moved. On Christmas Day, the corps attacked. On New Year's Day, the guns fell silent."
    assert _days(body, "20 December 1776 – 3 January 1777") == [
        "1776-12-20", "1776-12-25", "1777-01-01",
    ]  # fmt: skip


def test_month_first_dates_and_ranges():
    body = (
        "It was fought from July 1 to July 3, 1863. Between June 13 and 15, the army moved. On June 30, the corps attacked. "
        "On the night of July 13–14, the guns fell silent."
    )
    assert _days(body) == [
        "1863-07-01/1863-07-03", "1863-06-13/1863-06-15", "1863-06-30", "1863-07-13 night",
    ]  # fmt: skip


def test_years_before_1500_and_before_the_era():
    assert _days("It was fought on 14 October 1066.", "October 14, 1066") == ["1066-10-14"]
    events = _events(
        "It was fought on 2 August 216 BC. The next day, the army moved.", "2 August 216 BC"
    )
    assert [e.date.isoformat() for e in events] == ["-0215-08-02", "-0215-08-03"]
    assert fmt(events[0].date) == "2 August 216 BC"


def test_the_same_day_is_the_day_of_the_statement_it_continues():
    body = (
        "## Battle\nOn July 2, the corps attacked. Vincent was wounded and died five days later. "
        "That evening, the army moved. "
        "Stuart rejoined on the afternoon of July 2, after shelling Carlisle on the previous "
        "evening. That night, the corps attacked."
    )
    assert _days(body) == [
        "1863-07-02", "1863-07-07", "1863-07-02", "1863-07-02", "1863-07-01", "1863-07-02 night",
    ]  # fmt: skip


def test_a_heading_ends_a_time_of_day_but_not_a_relative_day():
    body = (
        "## Battle\nOn July 1, the army moved.\n\n### Later\nThe corps attacked.\n\n"
        "### Next\nThe next day, the guns fell silent."
    )
    assert _days(body) == ["1863-07-01", "1863-07-02"]


def test_a_time_of_a_day_it_cannot_tell_leaves_no_day_for_the_next():
    """A new section's 'in the afternoon' may be of another day (Isandlwana's 'Rorke's Drift'
    goes back to the afternoon of the 22nd after the story of the 23rd): 'the next morning'
    after it has no day, rather than a wrong one."""
    body = (
        "## Battle\nOn July 1, the army moved.\n\n### Later\nLate in the afternoon, the corps attacked.\n\n"
        "### Next\nThe next day, the guns fell silent."
    )
    assert _days(body) == ["1863-07-01"]


def test_a_clock_time_opening_a_section_goes_on_with_the_hours_of_the_day():
    body = "## Battle\nOn July 1, at about 11:30, the army moved.\n\n### Attack\nAt about 13:00, the corps attacked."
    assert _days(body) == ["1863-07-01", "1863-07-01"]


def test_a_time_is_kept_as_24_hour_clock_and_a_part_of_the_day_by_name():
    events = _events(
        "## Battle\nOn July 2, the army moved. At about 4 p.m., the corps attacked. Toward evening, the guns fell silent."
    )
    assert [(e.time, e.part) for e in events] == [(None, None), ("16:00", "afternoon"),
                                                  (None, "evening")]  # fmt: skip


def test_a_coarse_date_ends_the_day_in_force():
    assert _days(
        "## Battle\nOn July 1, the army moved. In late July, the corps attacked. That evening, the guns fell silent."
    ) == ["1863-07-01"]


# --- sentences ---------------------------------------------------------------------------------

SPLITS = [
    ["At 5:30 p.m. Lt. Col. Lalande ordered a breakout.", "It failed."],
    ["The attack began at 3 p.m.", "The French fell back."],
    ["At 7 a.m. Union cavalry fired.", "Buford held."],
    ["Lt. Gen. A. P. Hill attacked.", "Maj. Gen. George G. Meade arrived."],
    ["The U.S. Army landed at St. Mihiel.", "No. 3 Squadron flew."],
    ["Gen. J. E. B. Stuart rode north.", "Stuart returned on July 2."],
    ["Casualties were c. 3,000 men.", "The rest fled."],
    ["It was fought in 216 B.C.", "Hannibal won."],
    ["In 216 B.C. Hannibal crossed the Aufidus.", "Rome lost."],
    ["Pvt. John Smith fired first.", "The war began."],
    ["By 4 p.m. Confederate forces had withdrawn.", "Night fell."],
    ["Sous-Lieutenant Legros broke in.", "Lt. Col. Macdonell shut the gate."],
    ["Maj. Gen. Alexander McD. McCook's XX Corps went south.", "Thomas held."],
    [
        "At about 3:30 p.m. *Enterprise* launched her bombers, and at 5 p.m. *Enterprise* struck.",
        "*Hiryū* burned.",
    ],
]


@pytest.mark.parametrize("sentences", SPLITS, ids=[s[0][:30] for s in SPLITS])
def test_sentences_never_end_at_a_rank_an_initial_or_an_opening_time(sentences):
    assert split_sentences(" ".join(sentences)) == sentences


def test_the_cheap_gates_never_hide_a_date():
    """Each scan is skipped where words its every match holds are missing: on every sentence of
    every article, the gated reading is the full one."""
    from deirquiz import daytime
    from deirquiz.article import load
    from deirquiz.mention import Context
    from deirquiz.mentions import find

    from .conftest import ALL
    from .test_dates_labelled import CORPUS

    paths = [*ALL, *sorted((CORPUS / "articles").glob("*.md"))]
    ctx = Context(2017, dt.date(2017, 10, 1))
    for path in paths:
        for _, para in load(path).paragraphs:
            for s in split_sentences(para):
                assert daytime.cues(s) == daytime.cues(s, gated=False), s
                assert find(s, ctx) == find(s, ctx, gated=False), s


def test_a_battle_before_the_era_makes_its_quiz_with_its_days_bc():
    from deirquiz.extraction import extract_file
    from deirquiz.questions import generate, load_templates
    from deirquiz.reading import read

    from .test_dates_labelled import CORPUS

    path = CORPUS / "articles" / "battle-of-cannae.md"
    questions = generate(read(extract_file(path)), load_templates(), seed=2017)
    answers = {q.answer for q in questions}
    assert "2 August 216 BC" in answers
    assert not [a for a in answers if re.fullmatch(r"\d{1,2} \w+ 216", a)]  # never AD 216


def test_a_day_or_hour_of_counsel_is_no_day_of_the_story():
    """'Mir Jafar advised him to renew the battle the next day', 'they agreed to attack the camp
    after midnight': neither happened, and the story stays on its day; a promise kept ('Blücher
    promised to come the next day') is the day it names."""
    body = (
        "## Battle\nOn July 1, the army moved. They agreed to attack the camp after midnight. "
        "Jones advised him to renew the battle the next day. Shortly after noon, rain fell."
    )
    assert _days(body) == ["1863-07-01", "1863-07-01"]
    assert _days("## Battle\nOn July 1, X promised to march the next day.") == [
        "1863-07-01", "1863-07-02",
    ]  # fmt: skip
