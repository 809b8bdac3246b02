"""Date phrases: finding day-precise mentions, reading ranges, and writing dates for people.

Mentions are found with our own patterns (dateparser's search invents dates from words like
"the 4th"); a phrase our patterns find but cannot read is handed to dateparser, with the
article's year as the only context, never today.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from . import eras

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAMES = [
    "", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip

_MONTH_FULL = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9][0-9]{2}|20[0-9]{2})"  # a bare year of the modern era, as most articles have
# a year that names its era ("216 BC", "AD 9", "9 AD"), read in any article
ERA_YEAR = (
    r"(?:\d{1,4}\s?(?:BCE?|B\.C\.(?:E\.)?)(?!\w)|(?:AD|A\.D\.)\s?\d{1,4}(?!\d)"
    r"|\d{1,4}\s?(?:AD|CE|A\.D\.)(?!\w))"
)
# a bare year of three or four digits ("14 October 1066"): read where the article's own dates
# are that old, or in an infobox date; never the start of "16 June 840 men"
OLD_YEAR = rf"(?:{ERA_YEAR}|\d{{3,4}}(?!\d|[,.]\d))"
MODERN_YEAR = rf"(?:{YEAR}(?!\d)|{ERA_YEAR})"
DASH = r"\s*(?:–|—|-|to|until)\s*"


# Words that date a statement only against the one before it: on a card they must not remain
# unless an absolute date stands before them in the same text.
RELATIVE_WORDS = re.compile(
    r"\b(?:the (?:next|following|previous|preceding|same) day|a day (?:later|earlier)|"
    r"that (?:day|night|evening|morning|afternoon)|by midnight|days? later|the day (?:before|after)|"
    r"the (?:first|second|third|fourth|fifth|sixth|seventh|last|final) day\b(?! of \w+ \d)|"
    r"(?:that|the same|the following|the next|the previous) (?:morning|afternoon|evening|night)|"
    r"shortly after midnight)\b",
    re.IGNORECASE,
)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


_DAY_MONTH = re.compile(
    rf"\b({DAY})(?:\s*[–—-]\s*{DAY})?\s+({MONTH})(?![\w])|\b({MONTH})\s+({DAY})\b"
)  # "13–17 August" names its first day


def days_named(text: str) -> list[tuple[int, int]]:
    """The days a text names, in order, as (month, day) without their year: '16 December',
    'December 16–17', '13–17 August'."""
    out = []
    for m in _DAY_MONTH.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        out.append((month_number(month), _day(day)))
    return out


def year_number(text: str) -> int:
    """A year as written -> its astronomical number: '1815' -> 1815, '216 BC' -> -215."""
    n = int("".join(c for c in text if c.isdigit()))
    return 1 - n if re.search(r"B\.?C", text) else n


def _day(s: str) -> int:
    return int("".join(c for c in s if c.isdigit()))


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The day, or None where there is none; ``year`` is astronomical (-215 is 216 BC)."""
    return eras.make_day(year, month, day)


def from_iso(text: str) -> dt.date:
    """A day from ``Event.date.isoformat()``: "2017-10-04", or "-0215-08-02" (216 BC)."""
    m = re.fullmatch(r"(-?)(\d{4,})-(\d{2})-(\d{2})", text.strip())
    day = make_date(-int(m.group(2)) if m and m.group(1) else int(m.group(2)),
                    int(m.group(3)), int(m.group(4))) if m else None  # fmt: skip
    if day is None:
        raise ValueError(f"not a day: {text!r}")
    return day


def year_text(d: dt.date) -> str:
    """'2017', '1066', '216 BC'."""
    return f"{d.year} BC" if eras.is_bc(d) else str(d.year)


def _same_year(a: dt.date, b: dt.date) -> bool:
    return eras.astronomical_year(a) == eras.astronomical_year(b)


def fmt(d: dt.date, year: bool = True) -> str:
    """14 September 2017: the article's own day-month order, no leading zero."""
    s = f"{d.day} {MONTH_NAMES[d.month]}"
    return f"{s} {year_text(d)}" if year else s


def fmt_range(a: dt.date, b: dt.date) -> str:
    """'29 October – 1 November 2017', '14–23 September 2017', '30 December 2017 – 2 January 2018'."""
    if a == b:
        return fmt(a)
    if not _same_year(a, b):
        return f"{fmt(a)} – {fmt(b)}"
    if a.month != b.month:
        return f"{fmt(a, year=False)} – {fmt(b)}"
    return f"{a.day}–{b.day} {MONTH_NAMES[b.month]} {year_text(b)}"


def fmt_between(a: dt.date, b: dt.date) -> str:
    """'between 29 October and 1 November 2017' for a sentence."""
    if a == b:
        return f"on {fmt(a)}"
    if not _same_year(a, b):
        return f"between {fmt(a)} and {fmt(b)}"
    if a.month != b.month:
        return f"between {fmt(a, year=False)} and {fmt(b)}"
    return f"between {a.day} and {b.day} {MONTH_NAMES[b.month]} {year_text(b)}"


_Y = OLD_YEAR  # an infobox date says only dates: any year it writes is one
_RANGE_PATTERNS = [
    # 14 September – 17 November 2017 / 29 Oct. – 1 Nov.
    re.compile(
        rf"(?P<d1>{DAY})\s+(?P<m1>{MONTH})(?:\s+(?P<y1>{_Y}))?{DASH}"
        rf"(?P<d2>{DAY})\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>{_Y}))?"
    ),
    # 4–17 October 2017
    re.compile(rf"(?P<d1>{DAY}){DASH}(?P<d2>{DAY})\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>{_Y}))?"),
    # 17 November 2017 (a single day)
    re.compile(rf"(?P<d2>{DAY})\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>{_Y}))?"),
    # September 14 – November 17, 2017
    re.compile(
        rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY}){DASH}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY}),?\s+(?P<y2>{_Y})"
    ),
    # December 31, 1862 – January 2, 1863
    re.compile(
        rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY}),?\s+(?P<y1>{_Y}){DASH}"
        rf"(?P<m2>{MONTH})\s+(?P<d2>{DAY}),?\s+(?P<y2>{_Y})"
    ),
    # October 4, 2017
    re.compile(rf"(?P<m2>{MONTH})\s+(?P<d2>{DAY}),?\s+(?P<y2>{_Y})"),
]


OLD_STYLE_ASIDE = re.compile(r"\s*\[\s*O\.\s?S\.\s*([^\]]*?)\s*\]")


def parse_range(text: str, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """Read a date or date range such as an infobox's "14 September – 17 November 2017".

    A missing year is taken from the range's other end, else from ``year``; without either the
    range is not read (never today's year).
    """
    if re.search(r"\b(?:present|ongoing)\b", text, re.IGNORECASE):
        return None  # an open-ended conflict has no end day
    text = OLD_STYLE_ASIDE.sub("", text)  # "8 July [O.S. 27 June] 1709": the day, then the year
    for pat in _RANGE_PATTERNS:
        m = pat.search(text)
        if not m:
            continue
        g = m.groupdict()
        y2 = (
            year_number(g["y2"]) if g.get("y2") else (year_number(g["y1"]) if g.get("y1") else year)
        )
        if y2 is None:
            return None
        m2 = month_number(g["m2"]) if g.get("m2") else month_number(g["m1"])
        d2 = _day(g["d2"])
        m1 = month_number(g["m1"]) if g.get("m1") else m2
        d1 = _day(g["d1"]) if g.get("d1") else d2
        y1 = year_number(g["y1"]) if g.get("y1") else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
        a, b = make_date(y1, m1, d1), make_date(y2, m2, d2)
        if a and b and a <= b:
            return a, b
        return None
    return None


@lru_cache(maxsize=256)
def normalise(phrase: str, year: int) -> dt.date | None:
    """Last resort for a phrase our patterns found but cannot read (e.g. 'October 4th')."""
    import dateparser

    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month"],
        "RELATIVE_BASE": dt.datetime(year, 1, 1),
        "STRICT_PARSING": True,
    }
    got = dateparser.parse(phrase, languages=["en"], settings=settings)
    return got.date() if got else None
