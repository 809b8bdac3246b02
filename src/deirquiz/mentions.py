"""What in one sentence dates it: days written out, days counted from another, days of the
battle, named days, days relative to an event, and times of the day (daytime.py).

Each is a ``Mention`` with its place in the sentence; events.py resolves them in reading order.
Mentions are found with our own patterns (dateparser's search invents dates from words like
"the 4th"); none of them names a place, person or phrase of a particular article.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from . import dates as d
from . import daytime, named_days

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
_TO = r"\s*(?:and|–|—|-|to|until|/)\s*"
_NTH = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)"


@cache
def _explicit(old: bool) -> re.Pattern[str]:
    """Days written out; ``old``: the article's own dates are before 1500, so a bare three- or
    four-digit number after a day is its year ("14 October 1066")."""
    y = d.OLD_YEAR if old else d.MODERN_YEAR
    return re.compile(
        rf"(?P<prep>{_PART_OF}|{_PREP})?(?<![\w.,])(?:"
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


_NUM = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "week": 7,
}  # fmt: skip
_COUNT_WORD = (
    r"[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d{1,2}"
)
_DAYPART = r"day|morning|night|evening|afternoon"
_RELATIVE = re.compile(
    r"(?<![\w-])(?P<phrase>"
    r"(?:(?:[Oo]n|[Bb]y|[Ll]ate\s+on|[Ee]arly\s+on|[Ee]arly|[Ll]ate|[Bb]y\s+early|[Bb]y\s+late)\s+)?"
    rf"(?:[Tt]he|[Tt]hat)\s+(?P<next>next|following|subsequent)\s+(?P<p1>{_DAYPART})"
    rf"|(?P<n>{_COUNT_WORD})\s+days?\s+(?P<dir>later|earlier|before|after)"
    rf"|(?:(?:[Oo]n|[Bb]y|[Dd]uring)\s+)?[Tt]he\s+(?P<prev>previous|preceding)\s+(?P<p2>{_DAYPART})"
    r"|[Tt]he\s+day\s+(?P<dayrel>before|after)"
    r"|(?:(?:[Oo]n|[Bb]y|[Ll]ater|[Ee]arlier|[Ee]lsewhere|[Ll]ate|[Ee]arly|[Dd]uring|[Ll]ater\s+on|"
    r"[Ll]ater\s+in|[Ee]arly\s+in|[Ll]ate\s+in)\s+)?(?:[Tt]he\s+same|[Tt]hat)\s+"
    rf"(?:[A-Z][\w'’]*\s+(?=Day\b))?(?P<p3>{_DAYPART}|Day)"
    r"|[Bb]y\s+(?:the\s+end\s+of\s+the\s+day|(?P<p4>midnight|nightfall|the\s+evening|dawn))"
    r")(?![\w-])"
)
_RELATIVE_PART = {"midnight": "night", "nightfall": "evening", "the evening": "evening",
                  "dawn": "dawn", "day": None, "Day": None}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "last": -1, "final": -1,
}  # fmt: skip
_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|\d{1,3}(?:st|nd|rd|th)"
_OWN = r"battle|siege|fighting|offensive|assault|operation|attack|engagement|campaign"
# "On the first day", "the second day of the battle": days counted within the article's span
_COUNTED = re.compile(
    r"(?<![\w-])(?P<phrase>(?:(?:[Oo]n|[Bb]y|[Dd]uring|[Tt]hroughout|[Ii]n|[Uu]ntil)\s+)?[Tt]he\s+"
    rf"(?P<ord>{_ORDINAL})\s+day(?:\s+of\s+(?:the\s+)?(?P<of>{_OWN}))?)(?![\w-])(?!\s+of\b)"
)
# "The day after the fall of the main position", "four days after the battle"
_EVENT = re.compile(
    r"(?<![\w-])(?P<phrase>(?:(?:[Oo]n|[Bb]y)\s+)?(?P<n>[Tt]he\s+day|[Aa]\s+day|[Oo]ne\s+day|"
    rf"(?:{_COUNT_WORD})\s+days|[Aa]\s+week|[Tt]he\s+(?P<part>morning|night|evening))\s+"
    r"(?P<dir>after|before)\s+(?P<what>(?:the|his|her|its|their)\s+[^,;.:()]+?))"
    r"(?=\s*[,;.:()]|\s+(?:and|but|when|while|as|he|she|they|it|was|were|had)\s|$)"
)
_HEADING_DAY = re.compile(
    rf"^(?:the\s+)?(?P<ord>{_ORDINAL})\s+day\b|^day\s+(?P<n>\d{{1,3}}|{_COUNT_WORD})\b", re.I
)


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


@dataclass
class Context:
    """What the sentence is read against."""

    year: int | None  # astronomical; None: no year known
    anchor: dt.date | None  # the day in force, for a range across New Year
    old: bool = False  # the article's own dates are before 1500


def ordinal_number(word: str) -> int:
    word = word.lower()
    return _ORDINALS[word] if word in _ORDINALS else int("".join(c for c in word if c.isdigit()))


def heading_day(heading: str) -> int | None:
    """'Second day' -> 2, 'Day 3' -> 3, 'Final day' -> -1: a heading that counts the days."""
    m = _HEADING_DAY.match(heading.strip())
    if not m:
        return None
    if m.group("ord"):
        return ordinal_number(m.group("ord"))
    n = m.group("n").lower()
    return int(n) if n.isdigit() else _NUM.get(n)


def _pick_year(month: int, explicit: str | None, ctx: Context) -> int | None:
    if explicit:
        return d.year_number(explicit)
    if ctx.year is None:
        return None
    a = ctx.anchor
    if a is not None and a.month > month + 6 and _ast(a) == ctx.year:
        return ctx.year + 1  # a range that crosses New Year
    return ctx.year


def _ast(day: dt.date) -> int:
    from .eras import astronomical_year

    return astronomical_year(day)


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


def explicit(sentence: str, ctx: Context) -> list[Mention]:
    out = []
    for m in _explicit(ctx.old).finditer(sentence):
        got = _resolve(m, ctx)
        if not got:
            continue
        prep = (m.group("prep") or "").strip()
        part = m.group("part")
        written = next((m.group(k) for k in _YEAR_GROUPS if m.group(k)), None)
        mention = Mention(m.start(), m.end(), m.group(0), "date", got[0], got[1],
                          by=prep.lower().endswith("by"),
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


def relative(sentence: str) -> list[Mention]:
    out = []
    for m in _RELATIVE.finditer(sentence):
        g = m.groupdict()
        offset = 0
        if g["next"]:
            offset = 1
        elif g["n"]:
            n = int(g["n"]) if g["n"].isdigit() else _NUM[g["n"].lower()]
            offset = n if g["dir"] in ("later", "after") else -n
        elif g["prev"]:
            offset = -1
        elif g["dayrel"]:
            offset = 1 if g["dayrel"] == "after" else -1
        word = g["p1"] or g["p2"] or g["p3"] or g["p4"]
        part = _RELATIVE_PART.get(word, word) if word else None
        phrase = m.group(0)
        out.append(Mention(m.start(), m.end(), phrase, "relative", offset=offset,
                           by=phrase.lower().startswith("by "), part=part,
                           night=part == "night"))  # fmt: skip
    return out


def counted(sentence: str) -> list[Mention]:
    return [
        Mention(m.start(), m.end(), m.group(0), "count", offset=ordinal_number(m.group("ord")),
                by=m.group(0).lower().startswith(("by ", "until ")))
        for m in _COUNTED.finditer(sentence)
    ]  # fmt: skip


def named(sentence: str, ctx: Context) -> list[Mention]:
    if not any(w in sentence for w in named_days.first_words()):
        return []
    out = []
    for m in named_days.pattern().finditer(sentence):
        tail = re.match(rf",?\s+({d.ERA_YEAR}|{d.YEAR}(?!\d))", sentence[m.end() :])
        year = d.year_number(tail.group(1)) if tail else ctx.year
        if year is None:
            continue
        day, part = named_days.resolve(m.group("name"), year)
        if day is None:
            continue
        late = ctx.anchor is not None and _ast(ctx.anchor) == year and (ctx.anchor - day).days > 183
        if not tail and late:  # "On New Year's Day" after a December
            day, part = named_days.resolve(m.group("name"), year + 1)
        if day is None:
            continue
        end = m.end() + (tail.end() if tail else 0)
        prep = (m.group("prep") or "").lower()
        out.append(Mention(m.start(), end, sentence[m.start() : end], "named", day, by=prep == "by",
                           part=part, night=part == "night"))  # fmt: skip
    return out


def event_relative(sentence: str) -> list[Mention]:
    out = []
    for m in _EVENT.finditer(sentence):
        n = m.group("n").lower()
        count = 1 if n.startswith(("the ", "a day", "one")) or m.group("part") else None
        if count is None:
            first = n.split()[0] if not n.startswith("a week") else "week"
            count = int(first) if first.isdigit() else _NUM.get(first, 0)
        after = m.group("dir") == "after"
        part = m.group("part")
        offset = count if after else -count
        if part:  # "the night before the battle" is the day before; "the night after", its day
            offset = (1 if part == "morning" else 0) if after else -1
        out.append(Mention(m.start(), m.end(), m.group("phrase"), "event", offset=offset,
                           what=m.group("what"), by=m.group(0).lower().startswith("by "),
                           part=part, night=part == "night"))  # fmt: skip
    return out


def find(sentence: str, ctx: Context) -> list[Mention]:
    """Every mention of the sentence, in order; a later kind never overlaps an earlier one."""
    found: list[Mention] = []

    def add(items: list[Mention]) -> None:
        for x in items:
            if not any(x.start < y.end and y.start < x.end for y in found):
                found.append(x)

    if any(c.isdigit() for c in sentence):
        add(explicit(sentence, ctx))
    add(event_relative(sentence))
    add(named(sentence, ctx))
    add(counted(sentence))
    add(relative(sentence))
    for cue in daytime.cues(sentence):
        _place(cue, sentence, found)
    found.sort(key=lambda x: x.start)
    return found


_BEFORE_DAY = re.compile(r"\s*,?\s*(?:(?:on|of)\s+(?:the\s+)?)?")
_AFTER_DAY = re.compile(r"\s*,?\s*(?:at\s+)?")
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas|which|who|where)\b|\s+and\s+(?:then\s+)?(?=by\b)"
)


def _place(cue: daytime.Cue, sentence: str, found: list[Mention]) -> None:
    """A time next to a day it belongs to ("At 9:30 p.m. on 6 May", "July 2, at about 4 p.m.",
    "At 6 p.m. the same day") joins that mention; standing alone it is a mention of its own."""
    if any(cue.start < y.end and y.start < cue.end for y in found):
        return
    for y in found:
        gap_after = sentence[cue.end : y.start] if y.start >= cue.end else None
        gap_before = sentence[y.end : cue.start] if cue.start >= y.end else None
        if (gap_after is not None and _BEFORE_DAY.fullmatch(gap_after)) or (
            gap_before is not None and _AFTER_DAY.fullmatch(gap_before) and "," in gap_before
        ):
            y.time = y.time or cue.time
            y.part = y.part or cue.part
            if gap_after is not None:  # the phrase as written runs from the time to the day
                y.phrase = sentence[cue.start : y.end]
                y.start = cue.start
            return
    before = [y for y in found if y.end <= cue.start and y.kind != "cue"]
    follows = max(before, key=lambda y: y.end) if before else None
    if follows is not None and not _CLAUSE_BREAK.search(sentence, follows.end, cue.start):
        follows.time = follows.time or cue.time  # "On 7 May, Giap ordered an assault at 3 p.m."
        follows.part = follows.part or cue.part
        return
    night = cue.part == "night" and cue.time is None  # "during the night", not "at 1 a.m."
    found.append(Mention(cue.start, cue.end, cue.phrase, "cue", by=cue.by, time=cue.time,
                         part=cue.part, next_day=cue.next_day, early=cue.early, night=night,
                         follows=follows))  # fmt: skip
