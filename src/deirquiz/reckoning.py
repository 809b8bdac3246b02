"""Another reckoning of the same days: 'In England, which still kept the Julian calendar, the
date was reckoned as 2 August 1704'; 'the battle fell on June 5 by the Japanese calendar'. Such a
sentence dates nothing, moves no day in force, and the shift it tells is never offered as a
wrong day (it would be a second right answer)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache

from . import dates
from .lexicon import data_file


@cache
def _cue() -> re.Pattern[str]:
    words = data_file("lexicon.yaml").get("reckoning_words") or []
    alts = "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w])", re.IGNORECASE)


def other_reckoning(sentence: str) -> bool:
    """The sentence tells days by another calendar or clock than the narrative's."""
    return bool(_cue().search(sentence))


def shifts(sentences: Iterable[str], start: dt.date | None) -> frozenset[int]:
    """How many days each other reckoning the article tells lies from its own: the first day
    such a sentence names against the subject's first day ('13–17 August' for 26–30 August:
    -13)."""
    if start is None:
        return frozenset()
    out = set()
    for s in sentences:
        if not other_reckoning(s):
            continue
        named = dates.days_named(s)
        if not named:
            continue
        month, day = named[0]
        told = dates.make_date(start.year, month, day)
        if told is None:
            continue
        k = (told - start).days
        if k > 200:  # "the date was reckoned as 20 December" of the year before
            k -= 365
        if k and abs(k) <= 30:
            out.add(k)
    return frozenset(out)
