"""Times and parts of the day: "At about 7:30 a.m.", "At 11:30", "late in the afternoon",
"By nightfall", "shortly after midnight", "Half an hour later", "Before the attack began".

None of them names a day: a statement that gives only one of them belongs to the day in force
(events.py). Each is read as a ``Cue``: the clock time it gives (24-hour "HH:MM"), the part of the
day it names, whether it reads "by" (on or before), and whether it starts the next day ("shortly
after midnight"). Habitual phrases ("at night", "in the mornings") are no cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PRE = (
    r"(?:(?:shortly|just|soon|sometime|some\s+time|a\s+little|well|not\s+long|only|even)\s+)?"
    r"(?:[Aa]t|[Bb]y|[Aa]round|[Aa]bout|[Aa]fter|[Bb]efore|[Uu]ntil|[Tt]ill|[Ff]rom|[Tt]owards?|"
    r"[Pp]ast|[Uu]ntil\s+about)\s+"
)
_CIRCA = r"(?:(?:about|around|approximately|roughly|some|nearly|almost|c\.|ca\.)\s+)?"
_AMPM = r"(?P<ampm>[ap]\.\s?m\.|[AP]\.M\.|[ap]m\b|[AP]M\b|o['’]clock)"
_CLOCK = re.compile(
    rf"(?<![\w-])(?P<pre>(?:[Ss]hortly|[Jj]ust|[Ss]oon|[Ss]ometime|[Nn]ot\s+long|[Ww]ell)\s+"
    rf"(?:after|before|past)\s+|{_PRE})?{_CIRCA}"
    r"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*" + _AMPM + r""
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\d)(?:\s*(?:hours|hrs|h)\b)?"
    r"|(?P<mil>[01]\d|2[0-3])(?P<milm>[0-5]\d)\s*(?:hours|hrs)\b"
    r"|(?P<word>noon|midday|midnight))"
)
# a part of the day the narrative is in; lower-case words only ("Operation Dawn" is a name)
_PARTS = {
    "dawn": "dawn", "daybreak": "dawn", "first light": "dawn", "sunrise": "dawn",
    "morning": "morning", "mid-morning": "morning",
    "afternoon": "afternoon", "mid-afternoon": "afternoon",
    "evening": "evening", "dusk": "evening", "sunset": "evening", "nightfall": "evening",
    "twilight": "evening", "night": "night", "dark": "night", "darkness": "night",
    "day": None,
}  # fmt: skip
_PART_WORD = "|".join(sorted((re.escape(p) for p in _PARTS), key=len, reverse=True))
_PART = re.compile(
    r"(?<![\w-])(?P<phrase>"
    # late in the afternoon, in the early afternoon, in the middle of the morning, by the morning
    r"(?P<lead>(?:[Ll]ate|[Ee]arly|[Ll]ater)\s+)?"
    r"(?P<prep>[Ii]n|[Dd]uring|[Tt]hrough(?:out)?|[Bb]y|[Tt]owards?|[Uu]ntil|[Tt]ill|[Ii]nto|"
    r"[Bb]efore|[Aa]fter|[Aa]t|[Ss]hortly\s+(?:before|after))\s+"
    rf"(?:the\s+)?(?P<qual>early\s+|late\s+|middle\s+of\s+the\s+)?(?P<part>{_PART_WORD})"
    r"|[Oo]vernight"
    r")(?!['’]s|\s+of\b|[\w-])"
)
# 'at night' / 'by day' with no article are habits, not the night in force
_HABIT = re.compile(r"^(?:at|by|in)\s+(?:night|day|dark|darkness)$", re.IGNORECASE)
# times counted from the time in force, within its day: "Half an hour later", "Soon afterwards",
# "for the next two hours", "within about six minutes", "in the first minutes"
_N = (
    r"(?:[Hh]alf\s+an|[Aa]n|[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|"
    r"[Nn]ine|[Tt]en|[Ff]ew|[Ss]everal|[Ff]ifteen|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|\d{1,3})"
)
_UNITS = r"(?:hours?|minutes?)"
_SOON_TIME = re.compile(
    r"(?<![\w-])(?P<phrase>"
    rf"(?:(?:[Aa]bout|[Ss]ome|[Nn]early|[Aa]lmost|[Oo]nly|[Jj]ust)\s+)?{_N}\s+{_UNITS}\s+later"
    r"|[Mm]inutes\s+later|[Mm]oments\s+later"
    r"|(?:[Ss]oon|[Ss]hortly|[Ii]mmediately)\s+after(?:wards?)?(?=[,\s])"
    r"(?!\s+(?:the|a|an|his|her|its|their)\b)"
    r"|(?:[Ff]or|[Ww]ithin)\s+(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|about\s+|some\s+|over\s+)?"
    rf"(?:{_N}|the\s+(?:next|following|first)(?:\s+{_N})?)\s+{_UNITS}"
    rf"|[Ii]n\s+the\s+first\s+(?:few\s+)?{_UNITS}"
    r"|as\s+the\s+(?:morning|afternoon|day|evening|night)\s+(?:went|wore|drew)\s+on"
    r"|[Aa]s\s+(?:the\s+)?(?:dusk|darkness|night|light|evening)\s+(?:fell|failed|came|drew\s+in)"
    r"|for\s+the\s+rest\s+of\s+the\s+(?:day|morning|afternoon|evening|night)"
    r"|(?:half|a\s+quarter)\s+(?:past|to)\s+(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve)"
    r"|[Mm]eanwhile|[Aa]t\s+the\s+same\s+time"
    r"|(?:[Ee]arly|[Ll]ate|[Ll]ater)\s+in\s+the\s+(?:battle|fighting|engagement|action|attack|assault)"
    r")(?![\w-])"
)
# "Before the attack began", "as the bombardment opened": a moment of the day's fighting
_PHASE = re.compile(
    r"(?<![\w-])(?P<phrase>(?:[Bb]efore|[Aa]fter|[Aa]s|[Ww]hen|[Oo]nce|[Uu]ntil|[Bb]y\s+the\s+time)"
    r"\s+the\s+(?:[\w-]+\s+){0,2}(?:attack|assault|battle|bombardment|barrage|fighting|charge|"
    r"advance|counterattack|counter-attack|shelling|cannonade)\s+"
    r"(?:began|started|opened|resumed|was\s+launched|got\s+under\s+way))(?![\w-])"
)


@dataclass
class Cue:
    start: int
    end: int
    phrase: str
    time: str | None = None  # "07:30", 24-hour
    part: str | None = None  # dawn, morning, noon, afternoon, evening, night
    by: bool = False
    next_day: bool = False  # "shortly after midnight"
    early: bool = False  # before dawn: after an evening, the next day's small hours


def _hour(m: re.Match) -> tuple[int, int] | None:
    if m.group("h") is not None:
        h, mins = int(m.group("h")), int(m.group("m") or 0)
        ampm = m.group("ampm").lower().replace(" ", "")
        if ampm.startswith("p") and h < 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
        return (h, mins) if h < 24 else None
    if m.group("h24") is not None:
        return int(m.group("h24")), int(m.group("m24"))
    if m.group("mil") is not None:
        return int(m.group("mil")), int(m.group("milm"))
    return None


def _clock(m: re.Match) -> Cue | None:
    pre = (m.group("pre") or "").strip().lower()
    word = m.group("word")
    if m.group("h24") is not None and not pre:
        return None  # "1:20" with no 'at' may be a ratio or a score
    if word and not pre:
        return None  # "midnight" as a noun: "until past midnight" has its preposition
    cue = Cue(m.start(), m.end(), m.group(0).strip(), by=pre.startswith("by"))
    if word == "midnight":
        after = "after" in pre or "past" in pre
        cue.time, cue.part, cue.next_day = (
            ("00:00", "night", True) if after else ("24:00", "night", False)
        )
        return cue
    if word:
        cue.time, cue.part = "12:00", "noon"
        return cue
    hm = _hour(m)
    if hm is None:
        return None
    cue.time = f"{hm[0]:02d}:{hm[1]:02d}"
    cue.early = hm[0] < 6
    cue.part = _part_of_hour(hm[0])
    return cue


def _part_of_hour(h: int) -> str:
    if h < 5 or h >= 21:
        return "night"
    if h < 12:
        return "morning"
    if h < 18:
        return "afternoon"
    return "evening"


# Cheap tests that spare a pattern's scan where it cannot match: every match of the pattern
# holds one of these words (tests/test_dates.py checks them against the ungated scans).
_CLOCK_GATE = re.compile(r"\d(?::\d\d|\s?[ap]\.?\s?m\b|\s?[AP]M\b|\s?o['’]clock|\d{3}\s?h)")
_CLOCK_WORDS = frozenset({"noon", "midday", "midnight"})
_PART_WORDS = frozenset({
    "day", "night", "dawn", "daybreak", "light", "sunrise", "morning", "mid-morning", "afternoon",
    "mid-afternoon", "evening", "dusk", "sunset", "nightfall", "twilight", "dark", "darkness",
    "overnight",
})  # fmt: skip
_SOON_WORDS = frozenset(
    {
        "later",
        "hour",
        "hours",
        "minute",
        "minutes",
        "meanwhile",
        "same",
        "rest",
        "past",
        "dusk",
        "darkness",
        "light",
        "fell",
        "failed",
    }
)
_AFTER = frozenset({"after", "afterwards", "afterward"})
_SOON_ADVERBS = frozenset({"soon", "shortly", "immediately"})
_GOES_ON = frozenset({"went", "wore", "drew"})
_IN_BATTLE = frozenset({"battle", "fighting", "engagement", "action", "attack", "assault"})
_EARLY_LATE = frozenset({"early", "late", "later"})


def _may_soon(seen: frozenset[str]) -> bool:
    """Whether _SOON_TIME can match: a word of each of its alternatives' words."""
    return not (
        seen.isdisjoint(_SOON_WORDS)
        and (seen.isdisjoint(_AFTER) or seen.isdisjoint(_SOON_ADVERBS))
        and (seen.isdisjoint(_GOES_ON) or "on" not in seen)
        and (seen.isdisjoint(_IN_BATTLE) or seen.isdisjoint(_EARLY_LATE))
    )


_PHASE_WORDS = frozenset({"began", "started", "opened", "resumed", "launched", "way"})
_PUNCTUATION = str.maketrans({c: " " for c in ",.;:!?()[]\"“”‘’'"})


def words(sentence: str) -> frozenset[str]:
    """The sentence's words, lower-case, without punctuation: what the gates look for."""
    return frozenset(sentence.lower().translate(_PUNCTUATION).split())


def cues(sentence: str, gated: bool = True, seen: frozenset[str] | None = None) -> list[Cue]:
    """Every time or part of the day the sentence gives, in order, none overlapping."""
    found: list[Cue] = []
    seen = words(sentence) if gated and seen is None else (seen or frozenset())
    clock = not gated or _CLOCK_GATE.search(sentence) or not seen.isdisjoint(_CLOCK_WORDS)
    if clock:
        for m in _CLOCK.finditer(sentence):
            cue = _clock(m)
            if cue:
                found.append(cue)
    parts = _PART.finditer(sentence) if not gated or not seen.isdisjoint(_PART_WORDS) else ()
    for m in parts:
        phrase = m.group("phrase")
        if _HABIT.fullmatch(phrase.strip()):
            continue
        part = _PARTS.get(m.group("part") or "night")
        prep = (m.group("prep") or "").lower()
        if m.group("part") == "day" and prep not in ("in", "during", "through", "throughout"):
            continue  # "until the day he died" is no time of day
        found.append(
            Cue(m.start(), m.end(), phrase, part=part, by=prep == "by",
                early=part == "dawn" and prep in ("before", "at"))
        )  # fmt: skip
    for pattern, may in (
        (_SOON_TIME, _may_soon(seen)),
        (_PHASE, not seen.isdisjoint(_PHASE_WORDS)),
    ):
        if gated and not may:
            continue
        for m in pattern.finditer(sentence):
            found.append(Cue(m.start(), m.end(), m.group("phrase")))
    found.sort(key=lambda c: (c.start, -c.end))
    out: list[Cue] = []
    for cue in found:
        if out and cue.start < out[-1].end:
            continue
        if (
            out
            and out[-1].time
            and cue.time
            and _TIME_TO.fullmatch(sentence, out[-1].end, cue.start)
        ):
            out[-1].end, out[-1].phrase = cue.end, sentence[out[-1].start : cue.end]
            continue  # "Between about 7:10 and 8:30 a.m.": one time of the day
        out.append(cue)
    return out


_TIME_TO = re.compile(r"\s*(?:and|to|–|—|-|until)\s*")
