"""Body -> dated events: explicit days, ranges, "By ..." and relative days resolved in reading order.

A mention is kept only when it names a day; coarse dates ("In the summer of 2017", "In late
November") give no event, though an explicit year in them sets the context for later days.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from . import dates, limits
from .model import Article, Event
from .sentences import split_sentences

M, D, Y = dates.MONTH, dates.DAY, dates.YEAR
_PREP = r"(?<![\w-])(?:(?:[Aa]lso|[Ee]arly|[Ll]ate|[Ll]ater|[Ee]arlier)\s+)?(?:[Oo]n|[Bb]y|[Bb]etween|[Ff]rom|[Ss]ince|[Uu]ntil|[Bb]efore|[Aa]fter)\s+"

_EXPLICIT = re.compile(
    rf"(?P<prep>{_PREP})?(?:"
    # 29 October and 1 November / 14 September – 17 November
    rf"(?P<a_d1>{D})\s+(?P<a_m1>{M})(?:\s+(?P<a_y1>{Y}))?\s*(?:and|–|—|-|to|until)\s*(?P<a_d2>{D})\s+(?P<a_m2>{M})(?:,?\s+(?P<a_y2>{Y}))?"
    # 14 and 23 September / 1–2 November
    rf"|(?P<b_d1>{D})\s*(?:and|–|—|-|to)\s*(?P<b_d2>{D})\s+(?P<b_m>{M})(?:,?\s+(?P<b_y>{Y}))?"
    # 14 September 2017
    rf"|(?P<c_d>{D})\s+(?P<c_m>{M})(?:,?\s+(?P<c_y>{Y}))?"
    # September 14, 2017
    rf"|(?P<d_m>{M})\s+(?P<d_d>{D})(?:st|nd|rd|th)?(?:,\s+(?P<d_y>{Y}))?"
    r")(?![\w–-])"
)

_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1}
_RELATIVE = re.compile(
    r"(?<![\w-])(?P<phrase>"
    r"(?:(?:[Oo]n|[Bb]y|[Ll]ate on|[Ee]arly on)\s+)?(?:[Tt]he|[Tt]hat)\s+(?P<next>next|following|subsequent)\s+(?:day|morning|night|evening)"
    r"|(?P<n>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|\d)\s+days?\s+(?P<dir>later|earlier|before|after)"
    r"|(?:(?:[Oo]n|[Bb]y)\s+)?[Tt]he\s+(?P<prev>previous|preceding)\s+day"
    r"|[Tt]he\s+day\s+(?P<dayrel>before|after)"
    r"|(?:(?:[Oo]n|[Bb]y|[Ll]ater|[Ee]arlier|[Ee]lsewhere)\s+)?(?:[Tt]he\s+same|[Tt]hat)\s+(?:day|night|evening|morning|afternoon)"
    r"|[Bb]y\s+(?:the\s+end\s+of\s+the\s+day|midnight|nightfall|the\s+evening|dawn)"
    r")(?![\w-])"
)
_NOT_A_DAY = re.compile(
    r"(?:over|during|within|in|for)\s+the\s+(?:next|following|previous|past)\s+\S+\s+(?:hours|days|weeks)",
    re.IGNORECASE,
)
_YEAR_CONTEXT = re.compile(rf"{M},?\s+({Y})\b")
_COARSE = re.compile(
    rf"\b(?:[Ii]n|[Dd]uring|[Bb]y)\s+(?:(?:early|mid|late)[- ])?(?:the\s+)?"
    rf"(?:(?:summer|spring|autumn|fall|winter)\b|(?:{M})(?!\s+\d))"
)
_SUBORDINATE = re.compile(
    r"^(?:after|before|while|when|as|following|although|though|despite|since|until|because|"
    r"whose|which|who|where)\b",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r";\s+|:\s+(?=[A-Z])|,\s+(?:and|while|but|whereas)\s+")
_TRAILING = re.compile(r",\s+(?:after|before|while|when|as)\s+")
_OPENERS = re.compile(r"^(?:however|meanwhile|also|then|later|subsequently),?\s+", re.IGNORECASE)

# Cheap tests that spare the scans above (most of extraction's time) where they cannot match:
# every _EXPLICIT or _YEAR_CONTEXT match holds an ASCII digit and a month name, every _RELATIVE
# match one of _DAY_WORDS, every _NOT_A_DAY match 'hours', 'days' or 'weeks' in any case. They
# were read off the patterns as they stand; a pattern edited since turns them off (_GATED).
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY_WORDS = ("day", "night", "morning", "evening", "afternoon", "dawn")
_DIGIT = re.compile(r"[0-9]")
_GATED = zlib.crc32(
    "\0".join(f"{p.pattern}\0{p.flags}" for p in (_EXPLICIT, _YEAR_CONTEXT, _RELATIVE, _NOT_A_DAY))
    .encode()
) == 0xAB13C1C8  # fmt: skip


def _may_date(sentence: str) -> bool:
    """False when neither _EXPLICIT nor _YEAR_CONTEXT can match."""
    return not _GATED or (
        _DIGIT.search(sentence) is not None and any(m in sentence for m in _MONTH_STEMS)
    )


def _may_relative(sentence: str) -> bool:
    return not _GATED or any(w in sentence for w in _DAY_WORDS)


def _may_span(sentence: str) -> bool:
    """False when _NOT_A_DAY cannot match (U+017F, the long s, is a case-blind 's')."""
    low = sentence.lower()
    return not _GATED or "\u017f" in sentence or any(w in low for w in ("hours", "days", "weeks"))


@dataclass
class _Mention:
    start: int
    end: int
    phrase: str
    date: dt.date
    end_date: dt.date | None
    relative: bool
    by: bool
    offset: int = 0  # a relative mention: days from the statement before


def _resolve_explicit(m: re.Match, year: int, anchor: dt.date | None) -> tuple | None:
    g = m.groupdict()

    def pick_year(month: int, explicit: str | None) -> int:
        if explicit:
            return int(explicit)
        if anchor and anchor.year == year and month < anchor.month - 6:
            return year + 1  # a range that crosses New Year
        return year

    if g["a_d1"]:
        m2 = dates.month_number(g["a_m2"])
        y2 = pick_year(m2, g["a_y2"])
        m1 = dates.month_number(g["a_m1"])
        y1 = int(g["a_y1"]) if g["a_y1"] else (y2 if m1 <= m2 else y2 - 1)
        a = dates.make_date(y1, m1, dates._day(g["a_d1"]))
        b = dates.make_date(y2, m2, dates._day(g["a_d2"]))
        return (a, b) if a and b and a < b else None
    if g["b_d1"]:
        mo = dates.month_number(g["b_m"])
        y = pick_year(mo, g["b_y"])
        a = dates.make_date(y, mo, dates._day(g["b_d1"]))
        b = dates.make_date(y, mo, dates._day(g["b_d2"]))
        return (a, b) if a and b and a < b else None
    if g["c_d"]:
        mo = dates.month_number(g["c_m"])
        d = dates.make_date(pick_year(mo, g["c_y"]), mo, dates._day(g["c_d"]))
        return (d, None) if d else None
    if g["d_m"]:
        mo = dates.month_number(g["d_m"])
        d = dates.make_date(pick_year(mo, g["d_y"]), mo, dates._day(g["d_d"]))
        if d is None and year > 0:
            d = dates.normalise(m.group(0), year)
        return (d, None) if d else None
    return None


def _relative_offset(m: re.Match) -> int:
    g = m.groupdict()
    if g["next"]:
        return 1
    if g["n"]:
        n = int(g["n"]) if g["n"].isdigit() else _NUM[g["n"].lower()]
        return n if g["dir"] in ("later", "after") else -n
    if g["prev"]:
        return -1
    if g["dayrel"]:
        return 1 if g["dayrel"] == "after" else -1
    return 0


def _mentions(sentence: str, year: int, anchor: dt.date | None) -> list[_Mention]:
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = (
        [(m.start(), m.end()) for m in _NOT_A_DAY.finditer(sentence)] if _may_span(sentence) else []
    )
    for m in _EXPLICIT.finditer(sentence) if _may_date(sentence) else ():
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        got = _resolve_explicit(m, year, anchor)
        if not got:
            continue
        prep = (m.group("prep") or "").strip().lower()
        found.append(
            _Mention(m.start(), m.end(), m.group(0), got[0], got[1], False, prep.endswith("by"))
        )
        taken.append((m.start(), m.end()))
    for m in _RELATIVE.finditer(sentence) if _may_relative(sentence) else ():
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        found.append(
            _Mention(m.start(), m.end(), m.group(0), dt.date.min, None, True,
                     m.group(0).lower().startswith("by "), _relative_offset(m))
        )  # fmt: skip
    found.sort(key=lambda x: x.start)
    return found


def _clause(sentence: str, mention: _Mention, all_mentions: list[_Mention]) -> str | None:
    """The statement the mention dates, without its date phrase, when it can stand alone."""
    starts = {x.start for x in all_mentions}
    # a separator splits clauses only where the next clause carries a date of its own
    seps = [
        s
        for s in _SEPARATORS.finditer(sentence)
        if s.group()[0] in ";:" or any(0 <= st - s.end() <= 12 for st in starts)
    ]
    seg_start = max([0, *(s.end() for s in seps if s.end() <= mention.start)])
    ends = [
        s.start() for s in seps if s.start() >= mention.end + (0 if s.group()[0] in ";:" else 2)
    ]
    seg_end = min(ends) if ends else len(sentence)
    later = [x for x in all_mentions if mention.end <= x.start < seg_end]
    if later:  # "..., after taking the stadium on the previous day": stop before that clause
        cut = [t.start() for t in _TRAILING.finditer(sentence, mention.end, later[0].start)]
        if not cut:
            return None
        seg_end = cut[-1]
    if any(seg_start <= x.start < mention.start for x in all_mentions):
        return None
    segment = sentence[seg_start:seg_end]
    lead = segment[: mention.start - seg_start]
    rest = segment[mention.end - seg_start :]
    if not lead.strip(" ,") or re.fullmatch(r"\s*(?:and|then|also|but)\s*", lead, re.I):
        text = rest
    elif not rest.strip(" .,;:") and not _SUBORDINATE.match(lead.strip()):
        text = lead
    else:
        return None
    text = _OPENERS.sub("", text.strip(" ,;:"))
    text = re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", text))
    if not text or (_SUBORDINATE.match(text) and seg_start > 0):
        return None
    if not re.match(r"[\"“A-Za-z0-9]", text):
        return None
    text = text[0].upper() + text[1:]
    if not text.endswith((".", "!", "?")) and not text.endswith(('."', '."', ".”", "!”", "?”")):
        text += "."
    return text


def _article_years(article: Article) -> tuple[int, int] | None:
    """The years the infobox date spans, even when it is not day-precise ("March – May 2016")."""
    box_date = article.infobox.get("date")
    if not box_date:
        return None
    rng = dates.parse_range(box_date.text)
    if rng:
        return rng[0].year, rng[1].year
    years = [int(y) for y in re.findall(rf"\b({Y})\b", box_date.text)]
    return (min(years), max(years)) if years else None


def _in_span(y: int, span: tuple[int, int] | None) -> bool:
    return span is None or span[0] <= y <= span[1]


RESULT = "infobox: result"  # the section of the result's own dated points


def _result_points(article: Article) -> list[str]:
    """'* On 17 October, the Syrian Army secured a perimeter ...': the dated bullet points an
    infobox's result may carry, read as statements like the body's."""
    box = article.infobox.get("result")
    if not box or not box.text:
        return []
    lines = [ln.strip() for ln in box.text.split("\n")]
    return [ln.lstrip("* ").strip() for ln in lines if ln.startswith("*")][: limits.RESULT_POINTS]


def _within(day: dt.date, days: tuple | None, span: tuple[int, int] | None) -> dt.date | None:
    """The one reading of a day (its year among the span's) that falls within the infobox's
    dates; None when none or several do."""
    if not days or not span:
        return None
    fits = []
    for year in range(span[0], span[1] + 1):
        try:
            d = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if days[0] <= d <= days[1]:
            fits.append(d)
    return fits[0] if len(fits) == 1 else None


def events(article: Article) -> list[Event]:
    """Every day-precise statement of the body, in reading order, relative days resolved; then
    those of the infobox's result points, each read on its own. Reading stops at limits.EVENTS
    of them, or when their sentences hold limits.EVENT_CHARS characters."""
    out: list[Event] = []
    chars = 0
    for event in _events(article):
        chars += len(event.text)
        if len(out) >= limits.EVENTS or chars > limits.EVENT_CHARS:
            break
        out.append(event)
    return out


def _events(article: Article) -> Iterator[Event]:
    span = _article_years(article)
    year = span[0] if span else None
    anchor: dt.date | None = None
    index = 0
    paragraphs = [(section or "Introduction", para) for section, para in article.paragraphs]
    points = [(RESULT, point) for point in _result_points(article)]
    box_date = article.infobox.get("date")
    days = dates.parse_range(box_date.text) if box_date and points else None
    for paragraph, (section, para) in enumerate([*paragraphs, *points]):
        if section == RESULT:
            anchor, year = None, span[0] if span else None  # no "next day" across points
        for sentence in split_sentences(para):
            index += 1
            if len(sentence) > limits.SENTENCE_CHARS:  # no real sentence: a list run together
                anchor = None
                continue
            found = _mentions(sentence, year if year is not None else -1, anchor)
            resolved, anchor = _resolve(found, anchor, days, span, section == RESULT)
            for mention in resolved:
                yield Event(
                    date=mention.date,
                    end_date=mention.end_date,
                    text=sentence,
                    section=section,
                    phrase=mention.phrase.strip(),
                    relative=mention.relative,
                    clause=_clause(sentence, mention, found),
                    by=mention.by,
                    index=index,
                    paragraph=paragraph,
                )
            # a year written out moves the context on, unless it is a look back outside the
            # article's span ("gains made in June 2016", "lost on 14 January 2015")
            for ym in _YEAR_CONTEXT.finditer(sentence) if _may_date(sentence) else ():
                y = int(ym.group(1))
                # "In June 2016, ..." opening a sentence sets the narrative's year; in passing
                # ("gains made in June 2016") only a year of the article's own span does
                if ym.start() <= 12 or _in_span(y, span):
                    year = y
            if not found and _COARSE.search(sentence):
                anchor = None  # "In late November, ..." : a later "the next day" has no day


def _resolve(found: list[_Mention], anchor: dt.date | None, days: tuple | None,
             span: tuple[int, int] | None, point: bool) -> tuple[list[_Mention], dt.date | None]:  # fmt: skip
    """The sentence's mentions that name a day, relative ones resolved from ``anchor``; and the
    anchor for the next mention."""
    resolved: list[_Mention] = []
    for mention in found:
        if mention.relative:
            if anchor is None:
                continue
            mention.date = anchor + dt.timedelta(days=mention.offset)
            anchor = mention.date
        else:
            anchor = mention.end_date or mention.date
        if point:
            # "* On 3 January, ..." of a December–January span: the year that puts the
            # day within the infobox's dates, or no event
            day = _within(mention.date, days, span)
            if day is None or mention.end_date:
                anchor = None
                continue
            mention.date = anchor = day
        resolved.append(mention)
    return resolved, anchor
