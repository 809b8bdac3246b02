"""What in one sentence dates it: days written out, days counted from another, days of the
battle, named days, days relative to an event, and times of the day (daytime.py).

Each is a ``Mention`` with its place in the sentence; events.py resolves them in reading order.
Mentions are found with our own patterns (dateparser's search invents dates from words like
"the 4th"); none of them names a place, person or phrase of a particular article.
"""

from __future__ import annotations

import re

from . import dates as d
from . import daytime, named_days
from .eras import astronomical_year
from .mention import Context, Mention
from .written import explicit

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
    # "killed during the day's fighting": the day in force
    r"|(?:[Dd]uring|[Ii]n)\s+the\s+day['’]s\s+(?:fighting|battle|clashes|combat|action)"
    # "would begin in three days", "within four days had encircled"
    rf"|(?P<within>[Ww]ithin|[Ii]n)\s+(?P<n2>{_COUNT_WORD})\s+days(?:['’]\s+time)?(?!\s+of\b)"
    r")(?![\w-])"
)
# "Over the next 48 hours, ...": a span from the day in force, opening its sentence
_SPAN = re.compile(
    r"^(?:[Oo]ver|[Dd]uring|[Ii]n|[Ww]ithin)\s+the\s+(?:next|following)\s+"
    rf"(?P<n>{_COUNT_WORD}|twenty-four|forty-eight|seventy-two)\s+(?P<unit>hours|days)(?![\w-])"
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
        elif g["n2"]:
            offset = int(g["n2"]) if g["n2"].isdigit() else _NUM[g["n2"].lower()]
        word = g["p1"] or g["p2"] or g["p3"] or g["p4"]
        part = _RELATIVE_PART.get(word, word) if word else None
        phrase = m.group(0)
        by = phrase.lower().startswith("by ") or (g["within"] or "").lower() == "within"
        out.append(Mention(m.start(), m.end(), phrase, "relative", offset=offset, by=by,
                           part=part, night=part == "night"))  # fmt: skip
    span = _SPAN.match(sentence)
    if span:
        said = span.group("n").lower()
        count = {"twenty-four": 24, "forty-eight": 48, "seventy-two": 72}.get(said) or (
            int(said) if said.isdigit() else _NUM.get(said, 0)
        )
        days = -(-count // 24) if span.group("unit") == "hours" else count
        out.append(Mention(0, span.end(), span.group(0), "relative", length=days))
    return out


def counted(sentence: str) -> list[Mention]:
    return [
        Mention(m.start(), m.end(), m.group(0), "count", offset=ordinal_number(m.group("ord")),
                by=m.group(0).lower().startswith(("by ", "until ")))
        for m in _COUNTED.finditer(sentence)
    ]  # fmt: skip


def named(sentence: str, ctx: Context, seen: frozenset[str] | None = None) -> list[Mention]:
    if seen is not None and seen.isdisjoint(named_days.gate_words()):
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
        late = (
            ctx.anchor is not None
            and astronomical_year(ctx.anchor) == year
            and (ctx.anchor - day).days > 183
        )
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


# Cheap tests that spare a scan where it cannot match: every match of the scan holds one of
# these words (tests/test_dates.py checks them against the ungated scans)
_DIGIT = re.compile(r"\d")
_MONTH_WORDS = frozenset(d.MONTHS) | {"sept"}
_EVENT_WORDS = frozenset({"after", "before"})
_DAY_WORDS = frozenset({
    "day", "days", "day's", "day’s", "morning", "night", "evening", "afternoon", "dawn", "hours",
    "midnight", "nightfall",
})  # fmt: skip


def find(sentence: str, ctx: Context, gated: bool = True) -> list[Mention]:
    """Every mention of the sentence, in order; a later kind never overlaps an earlier one."""
    found: list[Mention] = []

    def add(items: list[Mention]) -> None:
        for x in items:
            if not any(x.start < y.end and y.start < x.end for y in found):
                found.append(x)

    seen = daytime.words(sentence) if gated else frozenset()
    if not gated or (_DIGIT.search(sentence) and not seen.isdisjoint(_MONTH_WORDS)):
        add(explicit(sentence, ctx))
    if not gated or not seen.isdisjoint(_EVENT_WORDS):
        add(event_relative(sentence))
    add(named(sentence, ctx, seen if gated else None))
    if not gated or not seen.isdisjoint(_DAY_WORDS):
        add(counted(sentence))
        add(relative(sentence))
    for cue in daytime.cues(sentence, gated, seen):
        _place(cue, sentence, found)
    found.sort(key=lambda x: x.start)
    return found


_BEFORE_DAY = re.compile(r"\s*,?\s*(?:(?:on|of)\s+(?:the\s+)?)?")
_AFTER_DAY = re.compile(r"\s*,?\s*(?:at\s+)?")
_HAD = re.compile(r"\bhad\s+(?:been\s+)?\w+(?:ed|en|t|n)\b(?![^,;]*[,;])")
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
    # "the XII Corps, which had returned during the night": the night before the day in force
    back = night and _HAD.search(sentence[max(0, cue.start - 60) : cue.start]) is not None
    found.append(Mention(cue.start, cue.end, cue.phrase, "cue", by=cue.by, time=cue.time,
                         part=cue.part, next_day=cue.next_day, early=cue.early, night=night,
                         follows=follows, back=back))  # fmt: skip
