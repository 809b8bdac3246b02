"""Body -> dated events, read in order with the day in force.

A statement dates itself with a day written out, a day counted from the one in force ("The next
day"), a day of the battle ("On the first day"), a named day ("Christmas Day"), a day counted
from an event ("The day after the fall of ..."), or only a time or part of the day ("At about
11:30", "Late in the afternoon"), which belongs to the day in force. That day carries on through
paragraphs and sections until the text names another; a coarse date ("In late November", "In
May 1953") ends it. A day named in passing ("after shelling Carlisle on the previous evening",
"and died five days later") dates its own clause but does not move the day in force.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import dates, eras, limits, timeline
from .clauses import clause
from .lexicon import lexicon
from .mention import Context, Mention
from .mentions import find, heading_day
from .model import Article, Event
from .reckoning import other_reckoning
from .sentences import split_sentences

M, Y = dates.MONTH, dates.MODERN_YEAR
_YEAR_CONTEXT = re.compile(rf"{M},?\s+({dates.OLD_YEAR})|{M}\s+{dates.DAY},\s+({dates.OLD_YEAR})")
_OPENING_YEAR = re.compile(
    rf"^(?:In|By|During|Early\s+in|Late\s+in)\s+(?:(?:early|mid|late)[- ])?({dates.ERA_YEAR}|\d{{3,4}}),"
)
_COARSE = re.compile(
    rf"\b(?:[Ii]n|[Dd]uring|[Bb]y)\s+(?:(?:early|mid|late)[- ])?(?:the\s+)?"
    rf"(?:(?:summer|spring|autumn|fall|winter)\b|(?:{M})(?!\w)(?!\s+\d))"  # not "by Marshal"
)
_NOT_A_DAY = re.compile(
    r"(?:over|during|within|in|for)\s+the\s+(?:next|following|previous|past)\s+\S+\s+(?:hours|days|weeks)",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r"(?:(?:however|meanwhile|then|also|but|and|later|elsewhere|finally|thereafter),?\s+)*",
    re.IGNORECASE,
)
_SPAN_AFTER = re.compile(r"\b(?:days|weeks|months|years)\s+(?:after|before|following|since)\s+")
_DIGIT = re.compile(r"\d")
# a day of a month the sentence does not name ("by the 13th day of the month", "on the 18th")
_UNREAD_DAY = re.compile(
    r"\bthe\s+\d{1,2}(?:st|nd|rd|th)\s+day\b(?!\s+of\s+(?:the\s+)?(?:battle|siege|fighting))"
    r"|\b[Oo]n\s+the\s+\d{1,2}(?:st|nd|rd|th)(?=[,.;]|\s+[a-z])(?!\s+(?:of|day)\b)"
)
MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
RESULT = "infobox: result"  # the section of the result's own dated points
TERRITORY = "infobox: territory"  # and of the territorial changes ("X captures Y on 14 October")
INFOBOX_POINTS = (RESULT, TERRITORY)


@dataclass
class _InForce:
    """The day in force while reading, and what a time of day after it means."""

    day: dt.date | None = None
    late: bool = False  # its evening or night: a time before dawn is the next day
    night: bool = False  # a night ("the night of 17–18 June"): its morning is the next day
    # a time of the day reaches no further than its section: a heading ends it (the day stays
    # for "The next day"), unless the new section opens with a clock time (a narrative told by
    # the hour, as Waterloo's)
    timed: bool = False

    def clear(self) -> None:
        self.day, self.late, self.night, self.timed = None, False, False, False


def _article_years(article: Article) -> tuple[int, int] | None:
    """The (astronomical) years the infobox date spans, even when not day-precise."""
    box_date = article.infobox.get("date")
    if not box_date:
        return None
    rng = dates.parse_range(box_date.text)
    if rng:
        return eras.astronomical_year(rng[0]), eras.astronomical_year(rng[1])
    years = [
        dates.year_number(y) for y in re.findall(rf"{dates.ERA_YEAR}|\b\d{{3,4}}\b", box_date.text)
    ]
    return (min(years), max(years)) if years else None


def _in_span(y: int, span: tuple[int, int] | None) -> bool:
    return span is None or span[0] <= y <= span[1]


def _result_points(article: Article) -> list[tuple[str, str]]:
    """'* On 17 October, the Syrian Army secured a perimeter ...': the dated bullet points an
    infobox's result may carry, and the lines of its territorial changes ('Syrian Army captures
    the city of Mayadin ... on 14 October'), each with its section, read as the body's
    statements are."""
    out = []
    for section, name in ((RESULT, "result"), (TERRITORY, "territory")):
        box = article.infobox.get(name)
        if not box or not box.text:
            continue
        lines = [ln.strip() for ln in box.text.split("\n") if ln.strip()]
        if name == "result":
            lines = [ln for ln in lines if ln.startswith("*")]
        out += [(section, ln.lstrip("* ").strip()) for ln in lines]
    return out[: limits.RESULT_POINTS]


def _within(day: dt.date, days: tuple | None, span: tuple[int, int] | None) -> dt.date | None:
    """The one reading of a day (its year among the span's) that falls within the infobox's
    dates; None when none or several do."""
    if not days or not span:
        return None
    fits = [
        got
        for year in range(span[0], span[1] + 1)
        if (got := eras.make_day(year, day.month, day.day)) and days[0] <= got <= days[1]
    ]
    return fits[0] if len(fits) == 1 else None


class _Reader:
    """Reads an article's sentences in order, keeping the year and the day in force."""

    def __init__(self, article: Article) -> None:
        self.span = _article_years(article)
        self.year = self.span[0] if self.span else None
        box_date = article.infobox.get("date")
        self.days = dates.parse_range(box_date.text) if box_date else None
        self.old = self.span is not None and self.span[1] < 1500
        self.state = _InForce()
        self.out: list[Event] = []
        self.index = 0
        self.known: list[Event] = []  # the result's points, for "the day after the fall of X"
        self.reached = False  # a day within the infobox's dates has been read
        self.opening = False  # the next sentence opens a section

    def context(self) -> Context:
        turn, d = 0, self.days
        if self.reached and d and d[1].year == d[0].year + 1 and self.year == d[0].year:
            turn = min(d[1].month + 3, d[0].month - 1)
        return Context(self.year, self.state.day, self.old, turn)

    def heading(self, heading: str) -> None:
        """A heading ends the reach of a time of the day, but within a battle of one day, which
        the text is telling ('Attack on Blenheim', 'Breakthrough in the centre'); 'Second day'
        sets the day in force to the battle's second day."""
        one_day = bool(self.days) and self.days[0] == self.days[1] == self.state.day  # type: ignore[index]
        sections = lexicon().after_sections | lexicon().before_sections
        self.state.timed = self.state.timed and one_day and heading.lower() not in sections
        self.opening = True
        if heading.lower() in lexicon().before_sections and self.span:
            # the lead told the whole span; a Background goes back before it, and a year it
            # names in passing ("at the end of October 1914") is the one its days are of
            self.year, self.reached = self.span[0], False
        n = heading_day(heading)
        if n is not None and self.days:
            self.state.clear()
            self.state.day = self._counted(n)
            self.state.timed = self.state.day is not None

    def _counted(self, n: int) -> dt.date | None:
        if not self.days:
            return None
        day = self.days[1] if n < 0 else eras.add_days(self.days[0], n - 1)
        return day if day <= self.days[1] else None

    def sentence(self, sentence: str, section: str, paragraph: int) -> list[Event]:
        self.index += 1
        if other_reckoning(sentence):
            return []  # "the date was reckoned as 2 August 1704" in England: not the day in force
        opening, self.opening = self.opening, False
        found = [m for m in find(sentence, self.context()) if not _spanned(m, sentence)]
        if not self.state.timed and not (
            opening and found and found[0].time and found[0].start < 4
        ):
            untimed = [m for m in found if not _timed(m)]  # no time of the day in force
            if len(untimed) < len(found) and not untimed:
                self.state.clear()  # "in the afternoon" of a day we cannot tell: so is "the next"
            found = untimed
        found = _appositions(found, sentence)
        coarse = not any(m.kind != "cue" for m in found) and _COARSE.search(sentence)
        if coarse:
            found = []
        if _UNREAD_DAY.search(sentence) and not any(m.kind == "date" for m in found):
            self.state.clear()  # "by the 13th day of the month": a day we cannot tell,
            found = [m for m in found if m.kind in ("date", "named", "event")]  # nor its next
        events, past = [], False
        for i, mention in enumerate(found):
            if _planned(mention, sentence):
                continue  # "advised him to renew the battle the next day": no day of the story
            if mention.kind == "cue" and _PLUPERFECT.search(sentence):
                continue  # "Meanwhile supply had swung against the Axis": a state, no event
            day = self._resolve(mention)
            aside = _aside(mention, sentence, i)
            if day is None:
                if mention.kind not in ("cue",) and not aside:
                    self.state.clear()  # the text moved to a day we cannot tell
                continue
            mention.date = day
            if mention.length:
                mention.end_date = eras.add_days(day, mention.length)
            beyond = self._days_past_the_end(mention, sentence)
            if not aside and mention.follows is None and beyond < 2:
                past = past or beyond == 1
                self._move(mention)
            events.append(self._event(mention, sentence, section, paragraph, found))
        if past:  # "He died early the next morning, 14 September": a later "around midday"
            self.state.timed = False  # may be of either day; none rather than the wrong one
        if self.days and not self.reached:
            self.reached = any(self.days[0] <= e.date <= self.days[1] for e in events)
        self._year_context(sentence, found)
        if coarse:
            self.state.clear()  # "In late November, ...": a later "the next day" has no day
        return events

    def _days_past_the_end(self, m: Mention, sentence: str) -> int:
        """How many days past the subject's end a day lies that a sentence tells in passing
        while the text is on one of the subject's days; 0 where it is not so. Two or more
        ('Bagration died of his wound on 24 September', in the story of 7 September) are a look
        ahead, which leaves the day in force where it was; the next day moves the story on, but
        a later time of the day may be either's. A sentence that opens on the day ('On 20
        October, ...') moves the story there."""
        now, d = self.state.day, self.days
        if not (d and now and m.date and d[0] <= now <= d[1] < m.date):
            return 0
        return 0 if _OPENING.fullmatch(sentence[: m.start]) else (m.date - d[1]).days

    def _resolve(self, m: Mention) -> dt.date | None:
        s = self.state
        if m.follows is not None:  # a time in a sentence that named its day: that day's
            if m.follows.date is None:
                return None
            s = _InForce(m.follows.date, False, m.follows.night)
        if m.kind in ("date", "named"):
            return m.date
        if m.kind == "count":
            return self._counted(m.offset)
        if m.kind == "event":
            return timeline.day_of(m, self.days, [*self.known, *self.out])
        if s.day is None:
            return None
        offset = m.offset
        if m.kind == "relative" and offset == 0 and s.night and m.part not in ("evening", "night"):
            offset = 1  # "that afternoon", after a night: the day the night ran into
        if m.kind == "cue" and (
            m.next_day
            or (m.early and s.late)
            or (s.night and m.part in ("dawn", "morning", "noon", "afternoon"))
        ):
            offset = 1
        if m.back:
            offset = -1
        try:
            return eras.add_days(s.day, offset)
        except (ValueError, OverflowError):
            return None

    def _move(self, m: Mention) -> None:
        s = self.state
        s.day = m.end_date or m.date
        s.night, s.timed = m.night, True
        # a clock time says how late it is ("at 4:30 a.m." is early, not late)
        s.late = (
            m.night or (m.time or "") >= "18:00" or (not m.time and m.part in ("evening", "night"))
        )

    def _event(self, m: Mention, sentence: str, section: str, paragraph: int, found) -> Event:
        assert m.date is not None  # resolved
        return Event(
            date=m.date,
            end_date=m.end_date,
            text=sentence,
            section=section,
            phrase=m.phrase.strip(),
            relative=m.kind not in ("date", "named"),
            clause=clause(sentence, m, found),
            by=m.by,
            index=self.index,
            paragraph=paragraph,
            time=m.time,
            part=m.part,
            night=m.night,
            cue=m.kind,
        )

    def _year_context(self, sentence: str, found: list[Mention]) -> None:
        """A year written out moves the context on, unless it is a look back or ahead outside
        the article's span ("gains made in June 2016", "lost on 14 January 2015"); before the
        span is reached (a Background leading up to it), any earlier year moves it."""
        if not _DIGIT.search(sentence) or not any(m in sentence for m in MONTH_STEMS):
            return
        first = self.span[0] if self.span and not self.reached else None  # before it's reached
        for m in found:  # a day of an earlier year, written or lent by its sentence
            y = m.year if m.year is not None else (_year_of(m.date) if m.date else None)
            earlier = first is not None and y is not None and y < first
            if earlier and not _looks_back(sentence, m.start):
                self.year = y
        for ym in _YEAR_CONTEXT.finditer(sentence):
            y = dates.year_number(ym.group(1) or ym.group(2))
            if not self._plausible(y):
                continue
            # "In June 2016, ..." opening a sentence sets the narrative's year; in passing
            # ("gains made in June 2016") only a year of the article's own span does
            if ym.start() <= 12 or _in_span(y, self.span):
                self.year = y
        opening = _OPENING_YEAR.match(sentence)
        if opening and self.span and _in_span(dates.year_number(opening.group(1)), self.span):
            self.year = dates.year_number(opening.group(1))

    def _plausible(self, y: int) -> bool:
        """A bare year the article could mean: of the modern era, or near its own dates."""
        return 1500 <= y <= 2099 or (
            self.span is not None and self.span[0] - 300 <= y <= self.span[1] + 300
        )


def _year_of(day: dt.date) -> int:
    return eras.astronomical_year(day)


def _appositions(found: list[Mention], sentence: str) -> list[Mention]:
    """'The next morning, 4 November, the Eighth Army broke through', 'Five days later, on 13
    September, Kutuzov held a council': one day, written out beside its relative name; the
    written day dates it, from where the relative one starts."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("relative", "count", "event")
            and m.kind == "date"
            and m.end_date is None
            and re.fullmatch(r",\s*", sentence[prev.end : m.start])
        ):
            part = _APPOSED_PART.search(prev.phrase)
            m.start, m.phrase = prev.start, sentence[prev.start : m.end]
            m.part = m.part or (part.group(1).lower() if part else None)
            out[-1] = m
            continue
        out.append(m)
    return out


_APPOSED_PART = re.compile(r"(?i)\b(morning|afternoon|evening|night|dawn)\b")


def _looks_back(sentence: str, at: int) -> bool:
    """'Napoleon, who had crowned himself Emperor on 2 December 1804': a pluperfect in the
    day's own clause looks back from the story, whose year stays."""
    clause = re.split(r"[,;:]", sentence[:at])[-1]
    return bool(re.search(r"\bhad\b", clause))


def _spanned(m: Mention, sentence: str) -> bool:
    """'over the previous 24 hours', 'in the months after December 7, 1941': a span of time,
    not a day."""
    if m.length or m.kind == "cue":
        return False  # "Over the next 48 hours, ...", "for the next two hours": the day in force
    if m.kind == "date" and _SPAN_AFTER.search(sentence, 0, m.start + 10):
        hit = _SPAN_AFTER.search(sentence, max(0, m.start - 30), m.start + 10)
        if hit and hit.end() >= m.start:
            return True
    if not any(w in sentence.lower() for w in ("hours", "days", "weeks")):
        return False
    return any(a.start() < m.end and m.start < a.end() for a in _NOT_A_DAY.finditer(sentence))


_PLUPERFECT = re.compile(
    r"(?<!who )(?<!which )(?<!that )\bhad\s+(?!been\b)[a-z]+(?:ed|en|wn|ung)\b"
)


def _timed(m: Mention) -> bool:
    """A time of the day in force: a cue, or 'that evening', 'the same day'."""
    return m.kind == "cue" or (m.kind == "relative" and m.offset == 0 and not m.length)


# counsel, which may not be followed: its day is no day of the story; a promise or an
# agreement may be kept ("Blücher promised Wellington to come the next day"), but its hour is
# no hour of the story ("they agreed to attack the camp after midnight")
_COUNSEL = re.compile(
    r"\b(?:advised|urged|proposed|begged|hoped|wanted|intended|planned)\b[^.;]*\bto\s+\w+[^.;]*$"
)
_PLANS = re.compile(
    r"\b(?:advised|urged|proposed|begged|hoped|wanted|intended|planned|agreed|promised|decided)"
    r"\b[^.;]*\bto\s+\w+[^.;]*$"
)


def _planned(m: Mention, sentence: str) -> bool:
    """'Mir Jafar advised him to renew the battle the next day', 'they agreed to attack the camp
    after midnight': a time of a plan, not of the story, which stays on its day."""
    if m.kind in ("date", "named"):
        return False
    said = sentence[: m.start]
    return bool(_PLANS.search(said) if m.kind == "time" or _timed(m) else _COUNSEL.search(said))


def _aside(m: Mention, sentence: str, i: int) -> bool:
    """A day named in passing: a look back ("on the previous evening"), or a jump of days in a
    sentence that is otherwise on the day in force ("and died five days later")."""
    if m.kind not in ("relative", "event") or _OPENING.fullmatch(sentence[: m.start]):
        return False
    return m.offset < 0 or (m.offset >= 2 and i == 0)


def events(article: Article) -> list[Event]:
    """Every dated statement of the body, in reading order; then those of the infobox's result
    points, each read on its own (no day carries from one point to the next)."""
    reader = _Reader(article)
    points = _points(article, reader)
    reader.known = [e for _, e in points]
    reader.out = []
    reader.state.clear()
    reader.year = reader.span[0] if reader.span else None
    reader.index, reader.reached = 0, False
    paragraph, chars = 0, 0
    for section, paras in _sections(article):
        reader.heading(section)
        for para in paras:
            for sentence in split_sentences(para):
                if len(sentence) > limits.SENTENCE_CHARS:  # no real sentence: a list run together
                    reader.heading(section)  # and no day carries across it
                    continue
                got = reader.sentence(sentence, section or "Introduction", paragraph)
                reader.out.extend(got)
                chars += len(sentence) if got else 0
                if len(reader.out) >= limits.EVENTS or chars > limits.EVENT_CHARS:
                    return _with_points(reader, points, paragraph)
            paragraph += 1
    return _with_points(reader, points, paragraph)


def _with_points(reader: _Reader, points: list[tuple[int, Event]], paragraph: int) -> list[Event]:
    body = reader.out
    for n, point in points:
        body.append(_replace(point, index=reader.index + n + 1, paragraph=paragraph + n))
    return body


def _sections(article: Article) -> list[tuple[str, tuple[str, ...]]]:
    return [("", article.lead), *((s.heading, s.paragraphs) for s in article.sections)]


def _points(article: Article, reader: _Reader) -> list[tuple[int, Event]]:
    """The result's dated points (with their number), each with the year that puts it within
    the infobox's dates."""
    out: list[tuple[int, Event]] = []
    for n, (section, point) in enumerate(_result_points(article)):
        reader.state.clear()
        reader.year = reader.span[0] if reader.span else None
        found = find(point, reader.context())
        written = any(m.year is not None for m in found)
        for e in reader.sentence(point, section, 0):
            if written:  # "Napoleon abdicates on 22 June 1815": the year is written
                out.append((n, e))
                continue
            day = _within(e.date, reader.days, reader.span)
            end = _within(e.end_date, reader.days, reader.span) if e.end_date else None
            if day is None and reader.span and reader.span[0] == reader.span[1]:
                day, end = e.date, e.end_date  # one year: "falls early on 8 May"
            if day is None or (e.end_date and end is None):
                continue
            out.append((n, _replace(e, date=day, end_date=end)))
    return out


def _replace(e: Event, **changes) -> Event:
    import dataclasses

    return dataclasses.replace(e, **changes)
