"""Days written out: "14 September 2017", "June 18, 1815", "the 18th of June", ranges
("Between June 13 and 15", "from July 1 to July 3, 1863"), nights ("the night of 17–18 June"),
parts of a day ("Late in the afternoon of 13 March"), and years of any era ("2 August 216 BC").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache

from . import dates as d
from . import eras
from .mention import Context, Mention

M, D = d.MONTH, d.DAY
_PREP = (
    r"(?<![\w-])(?:(?:[Aa]lso|[Ee]arly|[Ll]ate|[Ll]ater|[Ee]arlier)\s+)?"
    r"(?:[Oo]n|[Bb]y|[Bb]etween|[Ff]rom|[Ss]ince|[Uu]ntil|[Bb]efore|[Aa]fter)\s+"
)
_PARTS = r"morning|afternoon|evening|night|hours|small\s+hours|early\s+hours"
# "On the morning of 17 June", "Late in the afternoon of 13 March", "the early hours of 8 May"
_PART_OF = (
    r"(?<![\w-])(?:(?:[Ll]ate|[Ee]arly)\s+)?(?:(?:[Oo]n|[Ii]n|[Dd]uring|[Bb]y|[Tt]hrough(?:out)?|"
    r"[Uu]ntil|[Ii]nto)\s+)?(?:[Tt]he\s+)?(?:(?:early|late|small)\s+)?"
    rf"(?P<part>{_PARTS})\s+(?:of|on)\s+"
)
_MONTH_YEAR = re.compile(rf"(?<!\d )\b{d.MONTH},?\s+({d.OLD_YEAR})\b")  # "October 1914"
# what may stand before a day: found backwards from it (a pattern that started with it would be
# tried at every place of every sentence, twice as slow)
_LEAD = re.compile(rf"(?:{_PART_OF}|{_PREP})")
_TO = r"\s*(?:and|–|—|-|to|until|/)\s*"
_NTH = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)"


@cache
def _explicit(old: bool) -> re.Pattern[str]:
    """Days written out; ``old``: the article's own dates are before 1500, so a bare three- or
    four-digit number after a day is its year ("14 October 1066")."""
    y = d.OLD_YEAR if old else d.MODERN_YEAR
    return re.compile(
        r"(?<![\w.,])(?:"
        # 29 October and 1 November / 14 September – 17 November
        rf"(?P<a_d1>{D})\s+(?P<a_m1>{M})(?:\s+(?P<a_y1>{y}))?{_TO}(?P<a_d2>{D})\s+(?P<a_m2>{M})(?:,?\s+(?P<a_y2>{y}))?"
        # 14 and 23 September / 1–2 November / 17/18 June
        rf"|(?P<b_d1>{D}){_TO}(?P<b_d2>{D})\s+(?P<b_m>{M})(?:,?\s+(?P<b_y>{y}))?"
        # July 1 to July 3, 1863 / between July 4 and July 14
        rf"|(?P<e_m1>{M})\s+(?P<e_d1>{D})(?:,\s+(?P<e_y1>{y}))?{_TO}(?P<e_m2>{M})\s+(?P<e_d2>{D})(?:,\s+(?P<e_y2>{y}))?"
        # July 1–3, 1863 / June 13 and 15
        rf"|(?P<f_m>{M})\s+(?P<f_d1>{D}){_TO}(?P<f_d2>{D})(?:,\s+(?P<f_y>{y}))?"
        # 14 September 2017
        rf"|(?P<c_d>{D})\s+(?P<c_m>{M})(?:,?\s+(?P<c_y>{y}))?"
        # the 18th of June 1815
        rf"|(?:the\s+)?(?P<h_d>{_NTH})\s+of\s+(?P<h_m>{M})(?:,?\s+(?P<h_y>{y}))?"
        # September 14, 2017
        rf"|(?P<g_m>{M})\s+(?P<g_d>{D})(?:,\s+(?P<g_y>{y}))?"
        r")(?![\w–-])"
    )


def _pick_year(month: int, explicit: str | None, ctx: Context) -> int | None:
    if explicit:
        return d.year_number(explicit)
    if ctx.year is None:
        return None
    a = ctx.anchor
    if a is not None and _ast(a) == ctx.year + 1 and month <= a.month + 3:
        return ctx.year + 1  # "On January 8" after "On January 3, 1945": still the new year
    if a is not None and a.month > month + 6 and _ast(a) == ctx.year:
        return ctx.year + 1  # a range that crosses New Year
    if a is None and month <= ctx.new_year_until:
        return ctx.year + 1  # "On January 3", in a battle of December and January
    return ctx.year


def _ast(day: dt.date) -> int:
    return eras.astronomical_year(day)


def _day(y: int | None, month: str, day: str) -> dt.date | None:
    return None if y is None else d.make_date(y, d.month_number(month), d._day(day))


def _pair(g: dict, k: str, ctx: Context) -> tuple | None:
    """A range of days ('a', 'b', 'e', 'f' in _explicit); None unless it runs forward."""
    if k == "a":
        y2 = _pick_year(d.month_number(g["a_m2"]), g["a_y2"], ctx)
        m1, m2 = d.month_number(g["a_m1"]), d.month_number(g["a_m2"])
        y1 = d.year_number(g["a_y1"]) if g["a_y1"] else (None if y2 is None else y2 - (m1 > m2))
        a, b = _day(y1, g["a_m1"], g["a_d1"]), _day(y2, g["a_m2"], g["a_d2"])
    elif k == "b":
        y = _pick_year(d.month_number(g["b_m"]), g["b_y"], ctx)
        a, b = _day(y, g["b_m"], g["b_d1"]), _day(y, g["b_m"], g["b_d2"])
    elif k == "e":
        y2 = _pick_year(d.month_number(g["e_m2"]), g["e_y2"] or g["e_y1"], ctx)
        m1, m2 = d.month_number(g["e_m1"]), d.month_number(g["e_m2"])
        y1 = d.year_number(g["e_y1"]) if g["e_y1"] else (None if y2 is None else y2 - (m1 > m2))
        a, b = _day(y1, g["e_m1"], g["e_d1"]), _day(y2, g["e_m2"], g["e_d2"])
    else:
        y = _pick_year(d.month_number(g["f_m"]), g["f_y"], ctx)
        a, b = _day(y, g["f_m"], g["f_d1"]), _day(y, g["f_m"], g["f_d2"])
    return (a, b) if a and b and a < b else None


def _resolve(m: re.Match, ctx: Context) -> tuple[dt.date, dt.date | None] | None:
    g = m.groupdict()
    for k in ("a", "b", "e", "f"):
        if g.get(f"{k}_d1"):
            return _pair(g, k, ctx)
    if g["c_d"]:
        day = _day(_pick_year(d.month_number(g["c_m"]), g["c_y"], ctx), g["c_m"], g["c_d"])
    elif g["h_d"]:
        day = _day(_pick_year(d.month_number(g["h_m"]), g["h_y"], ctx), g["h_m"], g["h_d"])
    else:
        day = _day(_pick_year(d.month_number(g["g_m"]), g["g_y"], ctx), g["g_m"], g["g_d"])
        if day is None and ctx.year is not None and ctx.year > 0:
            day = d.normalise(m.group(0), ctx.year)
    return (day, None) if day else None


_YEAR_GROUPS = ("a_y1", "a_y2", "b_y", "e_y1", "e_y2", "f_y", "c_y", "h_y", "g_y")


def _lead(sentence: str, end: int) -> re.Match | None:
    """The longest preposition or part of a day that ends where the day starts, tried from each
    of the words before it ("Late in the afternoon of 13 March", "on 16 June")."""
    start = max(0, end - 80)
    for i in range(start, end):
        if (i == 0 or sentence[i - 1] == " ") and sentence[i] != " ":
            m = _LEAD.fullmatch(sentence, i, end)
            if m:
                return m
    return None


def _life(sentence: str, m: re.Match, got: tuple) -> list[Mention]:
    """'Florence Nightingale (12 May 1820 – 13 August 1910)': a life, two days."""
    out = []
    cut = re.search(_TO, m.group(0))
    mid = m.start() + (cut.start() if cut else len(m.group(0)) // 2)
    for a, b, day in ((m.start(), mid, got[0]), (mid, m.end(), got[1])):
        text = sentence[a:b].strip(" –—-")
        start = a + sentence[a:b].find(text)
        out.append(Mention(start, start + len(text), text, "date", day,
                           year=eras.astronomical_year(day)))  # fmt: skip
    return out


def explicit(sentence: str, ctx: Context) -> list[Mention]:
    """The days the sentence writes out; one that gives its year lends it to the days after it
    ('turned back on 18 March 1915, a landing on 25 April': of 1915, whatever year the text
    was in before)."""
    out: list[Mention] = []
    months = [(y.start(), d.year_number(y.group(1))) for y in _MONTH_YEAR.finditer(sentence)]
    for m in _explicit(ctx.old).finditer(sentence):
        if out and out[-1].year is not None and out[-1].year != ctx.year:
            ctx = replace(ctx, year=out[-1].year, anchor=out[-1].end_date or out[-1].date)
        told = [y for at, y in months if (out[-1].end if out else 0) <= at < m.start()]
        if told and told[-1] != ctx.year:  # "at the end of October 1914, ... on 29 October"
            ctx = replace(ctx, year=told[-1], anchor=None)
        got = _resolve(m, ctx)
        if not got:
            continue
        if got[1] and (got[1] - got[0]).days > 366 and sentence[: m.start()].rstrip().endswith("("):
            out.extend(_life(sentence, m, got))
            continue
        lead = _lead(sentence, m.start())
        start = lead.start() if lead else m.start()
        prep = lead.group(0).strip() if lead else ""
        part = lead.group("part") if lead else None
        written = next((m.group(k) for k in _YEAR_GROUPS if m.group(k)), None)
        mention = Mention(start, m.end(), sentence[start : m.end()], "date", got[0], got[1],
                          by="by" in prep.lower().split()[:2],
                          year=d.year_number(written) if written else None)  # fmt: skip
        if part:
            night = part == "night" or "hours" in part
            mention.part = "night" if night else part
            if part == "night" and got[1] is not None and (got[1] - got[0]).days == 1:
                mention.end_date, mention.night = None, True  # the night of 17–18 June
            elif part == "night" and got[1] is None:
                mention.night = True
        out.append(mention)
    return out
