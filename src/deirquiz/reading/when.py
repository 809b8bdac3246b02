"""Days written for people, in the article's own order ("14 September 2017" or "July 1, 1863"),
and the date phrases of a sentence made absolute so that it can stand on a card alone."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..dates import MONTH, MONTH_NAMES, year_text
from ..model import BLANK, Article, Event

_MDY = re.compile(rf"\b(?:{MONTH})\s+\d{{1,2}}\b")
_DMY = re.compile(rf"\b\d{{1,2}}\s+(?:{MONTH})\b")
_HAS_DAY = re.compile(rf"{_MDY.pattern}|{_DMY.pattern}")
_YEAR = re.compile(r"\b\d{3,4}\b")
_PART = re.compile(r"\b(morning|afternoon|evening|night)\b", re.IGNORECASE)
_SHIFT = re.compile(
    r"\b(?:next|following|subsequent|previous|preceding|same|that|later|earlier|before|after)\b",
    re.IGNORECASE,
)
_BY_WORDS = re.compile(
    r"^by\s+(midnight|nightfall|dawn|dusk|the end of the day|the evening)$", re.I
)


def style(article: Article) -> str:
    """'mdy' where the article writes its days month first ("July 2"), else 'dmy'."""
    body = " ".join(p for _, p in article.paragraphs)
    date = article.infobox.get("date")
    text = body + " " + (date.text if date else "")
    return "mdy" if len(_MDY.findall(text)) > len(_DMY.findall(text)) else "dmy"


def say(d: dt.date, order: str = "dmy", year: bool = True) -> str:
    if order == "mdy":
        s = f"{MONTH_NAMES[d.month]} {d.day}"
        return f"{s}, {year_text(d)}" if year else s
    s = f"{d.day} {MONTH_NAMES[d.month]}"
    return f"{s} {year_text(d)}" if year else s


def say_range(a: dt.date, b: dt.date, order: str = "dmy") -> str:
    """'29 October – 1 November 2017', 'July 1–3, 1863', '13 March – 7 May 1954'."""
    if a == b:
        return say(a, order)
    if year_text(a) != year_text(b):
        return f"{say(a, order)} – {say(b, order)}"
    if order == "mdy":
        if a.month == b.month:
            return f"{MONTH_NAMES[a.month]} {a.day}–{b.day}, {year_text(b)}"
        return f"{say(a, order, year=False)} – {say(b, order)}"
    if a.month == b.month:
        return f"{a.day}–{b.day} {MONTH_NAMES[b.month]} {year_text(b)}"
    return f"{say(a, order, year=False)} – {say(b, order)}"


def _cap(text: str, at_start: bool) -> str:
    return text[:1].upper() + text[1:] if at_start else text


def _apposed(phrase: str) -> str | None:
    """'Five days later, on 13 September' -> '' (a day beside its relative name), 'The next
    morning, 4 November' -> 'morning'; None for any other phrase."""
    head, sep, tail = phrase.rpartition(", ")
    if not sep or _HAS_DAY.search(head) or not _HAS_DAY.search(tail):
        return None
    part = re.search(r"(?i)\b(morning|afternoon|evening|night|dawn)\b", head)
    return part.group(1).lower() if part else ""


def absolute(phrase: str, e: Event, order: str, at_start: bool, blank: bool = False,
             the_day: dt.date | None = None) -> str | None:  # fmt: skip
    """The phrase that dates ``e`` rewritten with its day in full (or, with ``blank``, with the
    day as the blank): 'On 14 September' -> 'On 14 September 2017', 'The next day' -> 'On 15
    October 2017', 'That night' -> 'On the night of 17 June 1815', 'At about 11:30' -> 'On 18
    June 1815, at about 11:30'. None when the phrase cannot be read so."""
    day = BLANK if blank else say(e.date, order)
    low = phrase.lower().strip()
    if e.cue in ("count", "event"):  # "On the first day", "The day after the fall of X"
        lead = re.match(r"(?i)(on|by|early on|late on)\s", phrase)
        return _cap(f"{lead.group(1).lower() if lead else 'on'} {day}", at_start)
    if e.cue == "named":  # "on Christmas Day": the day itself is the blank, its name goes
        lead = re.match(r"(?i)(on|by|until|since)\s", phrase)
        if blank:
            return _cap(f"{lead.group(1).lower() if lead else 'on'} {day}", at_start)
        return phrase if _YEAR.search(phrase) else f"{phrase} {year_text(e.date)}"
    apposed = _apposed(phrase)
    if apposed is not None:  # "The next morning, 4 November" -> "On the morning of 4 November"
        if apposed == "dawn":
            return _cap(f"at dawn on {day}", at_start)
        return _cap(f"on the {apposed} of {day}" if apposed else f"on {day}", at_start)
    if _HAS_DAY.search(phrase):
        if blank:
            m = _HAS_DAY.search(phrase)
            assert m is not None
            start = m.start()
            # "the night of 22–23 April": the whole range is the blank
            night = re.search(r"\d{1,2}\s*[–-]\s*$", phrase[: m.start()])
            if night:
                start = night.start()
            tail = phrase[m.end() :]
            tail = re.sub(r"^(?:,?\s*\d{3,4})", "", tail)
            return phrase[:start] + BLANK + tail
        if _YEAR.search(phrase[_HAS_DAY.search(phrase).end() :]):  # type: ignore[union-attr]
            return phrase
        return phrase + (f", {year_text(e.date)}" if order == "mdy" else f" {year_text(e.date)}")
    by = _BY_WORDS.match(low)
    if by:
        what = by.group(1)
        if what == "the end of the day":
            return _cap(f"by the end of {day}", at_start)
        return _cap(f"by {what} on {day}", at_start)
    part = _PART.search(low)
    if re.search(r"\b(?:after|before)$", low):
        return None  # "four days after [the battle]": the phrase runs on into its object
    if _SHIFT.search(low):
        if part and not re.search(r"\bdays?\b", low):
            return _cap(f"on the {part.group(1).lower()} of {day}", at_start)
        if re.search(r"\bdays?\b", low):
            return _cap(f"on {day}", at_start)
        return None
    # a time or a part of the day only: the day in force, said first, unless it is the one day
    # of the battle the card is about ("At about 18:00" on a Waterloo card needs no date)
    if not blank and the_day is not None and e.date == the_day:
        return phrase
    return _cap(f"on {day}, {phrase[:1].lower()}{phrase[1:]}", at_start)


def rewrite(
    sentence: str, events: Sequence[Event], order: str, blank: Event | None = None,
    the_day: dt.date | None = None,
) -> str | None:  # fmt: skip
    """The sentence with every date phrase of ``events`` (all from this sentence) made absolute,
    and the one of ``blank`` as the blank; None when some phrase cannot be placed or read."""
    spans: list[tuple[int, int, str]] = []
    for e in events:
        start = _find(sentence, e.phrase, spans)
        if start < 0:
            return None
        end = start + len(e.phrase)
        if e is blank and e.cue == "named":  # "on Christmas Day 1066": the year goes with the day
            year = re.match(r",?\s+\d{3,4}\b", sentence[end:])
            end += year.end() if year else 0
        new = absolute(e.phrase, e, order, at_start=start == 0, blank=e is blank, the_day=the_day)
        if new is None:
            return None
        spans.append((start, end, new))
    out = sentence
    for start, end, new in sorted(spans, reverse=True):
        out = out[:start] + new + out[end:]
    return out


def _find(sentence: str, phrase: str, taken: list[tuple[int, int, str]]) -> int:
    pos = sentence.find(phrase)
    while pos >= 0 and any(a <= pos < b for a, b, _ in taken):
        pos = sentence.find(phrase, pos + 1)
    return pos
