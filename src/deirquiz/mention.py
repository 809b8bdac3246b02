"""What dates a sentence, as found in it: a ``Mention`` and what it is read against."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass
class Mention:
    start: int
    end: int
    phrase: str
    kind: str  # date, relative, count, named, event, cue
    date: dt.date | None = None
    end_date: dt.date | None = None
    by: bool = False
    offset: int = 0  # relative: days from the day in force; count: the day's number
    night: bool = False  # the night that begins on ``date``
    time: str | None = None
    part: str | None = None
    next_day: bool = False  # a cue that starts the next day ("shortly after midnight")
    early: bool = False  # a cue before dawn: after an evening, the next day's small hours
    what: str | None = None  # an event's own words: "the fall of the main position"
    year: int | None = None  # an explicit year (astronomical) the mention writes
    follows: Mention | None = None  # a cue after a day in its sentence: it is on that day
    back: bool = False  # "which had returned during the night": the night before
    length: int = 0  # "Over the next 48 hours": the days the span runs on after ``date``


@dataclass
class Context:
    """What the sentence is read against."""

    year: int | None  # astronomical; None: no year known
    anchor: dt.date | None  # the day in force, for a range across New Year
    old: bool = False  # the article's own dates are before 1500
    # a battle across New Year (16 December 1944 - 25 January 1945), once the narrative has reached
    # it: a month up to this one, with no day in force, is of the next year ("On January 3")
    new_year_until: int = 0
