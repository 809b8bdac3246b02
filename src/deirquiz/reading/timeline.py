"""Dated statements made into records a card can carry: each with its day in full, its date as a
blank, its place before, during or after the subject's own dates, and its weight; and the
orderings of four such events."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence

from ..events import INFOBOX_POINTS
from ..lexicon import lexicon
from ..model import Event as Dated
from ..model import Extraction
from . import antecedent, salience, when
from .context import Context
from .mentions import agreements
from .records import Event, Order
from .standalone import OPENING_WORDS, after_the_subject, stand_alone
from .wrongdays import with_wrong_days


def _h(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


# a time the other clause tells by the day before it: "withdrew that night, and the garrison
# surrendered on 18 September" (its own day is another question)
_UNDATED_TIME = re.compile(
    r"\b(?:(?:that|the same|the next|the following) (?:day|night|evening|morning|afternoon)|"
    r"(?:days?|hours?) later)\b",
    re.IGNORECASE,
)


def _focused(e: Dated) -> str | None:
    """'Resistance went on for several years, but William was crowned king on Christmas Day':
    the dated half alone, where the other half is another matter, or tells a time of its own
    ('The French field army withdrew that night, and the garrison of Quebec surrendered on 18
    September')."""
    parts = re.split(r",\s+but\s+|;\s+", e.text)
    if len(parts) < 2 or not [p for p in parts if e.phrase in p]:
        parts = re.split(r",\s+(?:and|but)\s+|;\s+", e.text)
        others = [p for p in parts if e.phrase not in p]
        if not any(_UNDATED_TIME.search(p) for p in others):
            return None
    if len(parts) < 2:
        return None
    mine = [p for p in parts if e.phrase in p]
    if len(mine) != 1 or len(mine[0].split()) < 6:
        return None
    first = mine[0].split(" ", 1)[0]
    if not first[:1].isupper() and first not in ("the", "a", "an"):
        return None  # "and surrendered on 18 September": whose?
    part = mine[0].rstrip(" .") + "."
    return part[:1].upper() + part[1:]


_LEADING_CLAUSE = re.compile(r"(?:After|Following|Once|When)\s+[^,;]+,\s+")


def _dated_half(e: Dated) -> str | None:
    """The half of 'A, and B' that holds the date, as a sentence, where the whole cannot stand
    alone for the other half's sake ('the break-in' is not named): 'after a week of attrition
    a second blow, Operation Supercharge, broke the Axis line on 2 November'."""
    parts = re.split(r",\s+and\s+|;\s+", e.text)
    mine = [p for p in parts if e.phrase in p]
    if len(parts) != 2 or len(mine) != 1 or mine[0] is parts[0] or len(mine[0].split()) < 6:
        return None
    part = mine[0].rstrip(" .")
    first = part.split(" ", 1)[0]
    if first.lower() in lexicon().pronouns | lexicon().leaning_starts:
        return None  # "and they surrendered on 18 September": who?
    if not (first[:1].isupper() or first in _HALF_STARTS):
        return None
    return part[:1].upper() + part[1:] + "."


_HALF_STARTS = {"the", "a", "an", "after", "before", "on", "in", "at", "by", "during", "within"}


def _own_part(e: Dated, group: Sequence[Dated]) -> str | None:
    """The part of a sentence of two dated clauses that holds this date and no other: 'Paulus
    surrendered on 31 January 1943, and the last ... did the same two days later' -> its first
    part. None when no such part starts a sentence of its own. A sentence led by what came
    before ('After a fleet was turned back on 18 March 1915, a force landed on 25 April') is its
    main clause's, whole: the other day stands written out in it."""
    lead = _LEADING_CLAUSE.match(e.text)
    if lead and e.phrase in e.text[lead.end() :]:
        others = [o for o in group if o is not e]
        if others and all(o.phrase in lead.group(0) and not o.relative for o in others):
            return e.text
    parts = re.split(r",\s+(?:and|but|while)\s+|;\s+", e.text)
    mine = [
        p for p in parts if e.phrase in p and not any(o.phrase in p for o in group if o is not e)
    ]
    if len(mine) != 1 or not mine[0][:1].isupper():
        return None
    return mine[0].rstrip(" .") + "."


def phase(day: dt.date, ctx: Context) -> str:
    s = ctx.subject
    if s.start and day < s.start:
        return "before"
    if s.end and day > s.end:
        return "after"
    return "during"


def _texts(e: Dated, group: Sequence[Dated], ctx: Context, order: str) -> tuple[str, str] | None:
    """(statement, blanked) for one dated clause: the whole sentence when it holds one date,
    else the clause the date governs, led by its day."""
    s = ctx.subject
    the_day = s.start if s.days == 1 else None
    if len(group) == 1:
        text = _focused(e) or e.text
        full = when.rewrite(text, group, order, the_day=the_day)
        blank = when.rewrite(text, group, order, blank=e)
        half = _dated_half(e) if full and not stand_alone(full, ctx).text else None
        if half:  # "The break-in was slower than intended, and ... Supercharge broke the line"
            full = when.rewrite(half, group, order, the_day=the_day)
            blank = when.rewrite(half, group, order, blank=e)
    elif not e.clause:
        part = _own_part(e, group)
        if part is None:
            return None
        full, blank = when.rewrite(part, [e], order), when.rewrite(part, [e], order, blank=e)
    else:
        lead = when.absolute(e.phrase, e, order, at_start=True)
        lead_blank = when.absolute(e.phrase, e, order, at_start=True, blank=True)
        if not lead or not lead_blank:
            return None
        first = e.clause.split(" ", 1)[0]
        common = first in ("The", "A", "An") or first.lower() in OPENING_WORDS  # "After the"
        body = e.clause[:1].lower() + e.clause[1:] if common else e.clause
        full, blank = f"{lead}, {body}", f"{lead_blank}, {body}"
    if not full or not blank:
        return None
    a, b = stand_alone(full, ctx), stand_alone(blank, ctx)
    if not a.text or not b.text or b.text.count(when.BLANK) != 1:
        return None
    if _ON_WHOM.search(b.text):
        return None  # "Britain declared war on _____": on whom, a student reads
    return a.text, b.text


# a verb whose "on" takes who or what: a day after it reads as its object
_ON_WHOM = re.compile(
    r"\b(?:declared\s+war|made\s+war|opened\s+fire|fired|marched|advanced|converged|closed\s+in|"
    r"relied|agreed|insisted|inflicted\s+\w+(?:\s+\w+)?)\s+on\s+" + re.escape(when.BLANK)
)


def events(extraction: Extraction, ctx: Context) -> list[Event]:
    order = when.style(extraction.article)
    apparatus = lexicon().apparatus_sections
    said, dated = _told_in_past(extraction.events, ctx.body)
    named, dated = antecedent.named(dated, extraction.facts, extraction.article, ctx)
    said |= {text: said.get(was, was) for text, was in named.items()}
    by_sentence: dict[str, list[Dated]] = defaultdict(list)
    for e in dated:
        if _primary(e):
            by_sentence[e.text].append(e)
    told = _told(dated, ctx)
    out: list[Event] = []
    kept: list[Dated] = []
    for e in (e for e in dated if _primary(e)):
        if e.section.lower() in apparatus or e.end_date is not None:
            continue
        if e.by:
            continue  # "halted short of the Meuse by 26 December": every later day is true too
        texts = _texts(e, by_sentence[e.text], ctx, order)
        if texts is None:
            continue
        statement, blanked = texts
        if _restates_the_dates(e, statement, ctx):
            continue
        where = e.section if e.section in INFOBOX_POINTS else f"section: {e.section}"
        ph = phase(e.date, ctx)
        retold = _retold(e, told, ctx)
        weight = salience.statement(statement, ctx, ph, retold=retold)  # of its own words
        if e.section.lower() in lexicon().memory_sections:
            weight = min(weight, salience.CORE - 0.05)  # how it is remembered: a detail
        # "Napoleon abdicated": when? (a treaty signed years later says when by its own date,
        # and "After the Battle of Quebec" would make it the battle's direct sequel)
        # "Burgoyne retreated to Saratoga, where he surrendered": no "After the Battles of
        # Saratoga" before what happened at its own place
        place = ctx.subject.place
        at_home = bool(place) and re.search(rf"\b{re.escape(place)}\b", statement) is not None
        if (
            ph == "after"
            and not _AFTER_SAID.match(statement)
            and not _years_after(e.date, ctx)
            and not at_home
        ):
            statement = after_the_subject(statement, ctx)
            blanked = after_the_subject(blanked, ctx)
        out.append(
            Event(
                identity=f"event:{e.date.isoformat()}:{_h(said.get(e.text, e.text), e.phrase)}",
                source=said.get(e.text, e.text),
                where="lead" if e.section == LEAD else where,
                salience=weight,
                fact=f"when:{e.date.isoformat()}:{_h(e.clause or e.text)}",
                date=when.say(e.date, order),
                iso=e.date.isoformat(),
                statement=statement,
                blanked=blanked,
                clause=_clause(e, ctx),
                by=e.by,
                phase=ph,
                agreement=ph == "after" and bool(agreements(statement, "", "", 0.0)),
            )
        )
        kept.append(e)
    days = {r.identity: e.date for r, e in zip(out, kept, strict=True)}
    out = _steps_before_the_outcome(out, ctx)
    return with_wrong_days(_one_per_telling(out, ctx), days, ctx, order)


_ARMY_WORDS = frozenset({"army", "armies", "forces", "troops", "fleet", "men"})


def _steps_before_the_outcome(records: list[Event], ctx: Context) -> list[Event]:
    """The result's 'On 17 October, the Syrian Army secured a perimeter surrounding the city'
    before its 'On 3 November, the Syrian Army took complete control of the city': a step on
    the way to the outcome the next point tells, a detail beside it."""
    lex = lexicon()
    taken = lex.hands_verbs | {"control"}
    points = sorted((r for r in records if r.where in INFOBOX_POINTS), key=lambda r: r.iso)
    steps: set[str] = set()
    for i, r in enumerate(points):
        words = {w.lower() for w in re.findall(r"[\w'’-]+", r.statement)}
        if words & (taken | lex.yielding_verbs):
            continue  # an outcome itself: taken, or given up ("withdrew in good order")
        mine = salience.content(r.statement) - ctx.everywhere_words - _ARMY_WORDS
        for later in points[i + 1 :]:
            theirs = {w.lower() for w in re.findall(r"[\w'’-]+", later.statement)}
            if theirs & taken and mine & salience.content(later.statement):
                steps.add(r.identity)
                break
    return [
        dataclasses.replace(r, salience=min(r.salience, salience.CORE - 0.05))
        if r.identity in steps
        else r
        for r in records
    ]


LEAD = "Introduction"  # events.py's section name for the lead


# a statement of what followed that says so itself ("After the battle, ..."; "In 1871, ...")
def _years_after(day: dt.date, ctx: Context) -> bool:
    """A month or more after the subject, in a later year: a treaty's own date says when."""
    end = ctx.subject.end
    return bool(end and (day - end).days >= 30 and day.year > end.year)


_AFTER_SAID = re.compile(r"(?:After|Afterwards|Following|Later|In\s+\d{4})\b")


_TIMES = re.compile(
    r"\b(?:twice|thrice|(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+times)\b",
    re.IGNORECASE,
)


def _told_in_past(events: Sequence[Dated], body: str) -> tuple[dict[str, str], list[Dated]]:
    """The events with the infobox's headlines ('Paulus surrenders on 31 January') told in the
    past, as a card tells them, and the text each was told in; a headline whose verb the
    lexicon does not know is dropped, since it cannot be told right."""
    from dataclasses import replace

    from .headline import in_past, mended

    said: dict[str, str] = {}
    out = []
    for e in events:
        if e.section in INFOBOX_POINTS:
            text = in_past(e.text, body)
            if text is None and not _past(e.text):
                continue
            if text is None:  # "Kara Mustafa Pasha executed in Belgrade": told, but as a headline
                text = mended(e.text, body)
            # "changes hands three times before being captured": a tally the narrative may not
            # bear out (it tells two); "more than once" is true of any
            text = _TIMES.sub("more than once", text)
            if text != e.text:  # "Abu Kamal changes hands three times before being captured"
                said[text] = e.text
                clause = (in_past(e.clause, body) or mended(e.clause, body)) if e.clause else None
                clause = _TIMES.sub("more than once", clause) if clause else None
                e = replace(e, text=text, clause=clause)
        out.append(e)
    return said, out


def _restates_the_dates(e: Dated, statement: str, ctx: Context) -> bool:
    """'On 23 October, government forces launched the offensive': the subject's own first or last
    day, which the overview asks already."""
    s = ctx.subject
    return bool(s.kind) and e.date in (s.start, s.end) and s.kind in statement.lower()


def _primary(e: Dated) -> bool:
    """A phrase that dates its statement, rather than a time within it ('for more than two
    hours', 'within four days', 'as the afternoon went on'), which a card keeps as it is: a
    time of day counts only where it opens the sentence."""
    if re.match(r"(?i)(within|for|over|during|until|through|throughout)\b", e.phrase):
        return False
    if e.cue != "cue":
        return True
    at = e.text.find(e.phrase)
    return 0 <= at <= 2


def _past(text: str) -> bool:
    """Told in the past: a verb of it is ('surrendered', 'fell'); not 'the lost ground', where
    the word after an article is an adjective and the verb ('recovers') is present."""
    words = re.findall(r"[a-z]+", text.lower())
    irregular = lexicon().irregular_past
    determiners = {"the", "a", "an", "its", "their", "his", "her", "most", "all"}
    return any(
        ((w.endswith("ed") and len(w) > 4) or w in irregular)
        and (i == 0 or words[i - 1] not in determiners)
        for i, w in enumerate(words)
    )


def _told(events: Sequence[Dated], ctx: Context) -> dict[dt.date, set[str]]:
    """The days the lead and the infobox's result give, with the words they tell them in; not
    the infobox's points of what followed ('English army reached Calais'), which single out no
    turning point of the subject itself."""
    out: dict[dt.date, set[str]] = defaultdict(set)
    ends = {ctx.subject.start, ctx.subject.end}
    for e in events:
        told = e.section == LEAD or (e.section in INFOBOX_POINTS and not _later(e, ctx))
        if told and e.date not in ends:  # not "fought from X to Y"
            out[e.date] |= salience.content(e.text) - ctx.everywhere_words
    return out


def _later(e: Dated, ctx: Context) -> bool:
    return ctx.subject.end is not None and e.date > ctx.subject.end


def _retold(e: Dated, told: dict[dt.date, set[str]], ctx: Context) -> bool:
    """Told by the lead or the result: the statement is one of theirs, or says the same day
    what they say (two words in common)."""
    if e.section in INFOBOX_POINTS and not _later(e, ctx):
        return True
    if e.section == LEAD and e.date in told:
        return True
    words = told.get(e.date, set())
    return len(salience.content(e.text) & words) >= 2


def _one_per_telling(records: list[Event], ctx: Context) -> list[Event]:
    """One record per event told twice (the infobox's result point and the narrative's sentence
    on the same day): the weightier telling stays, with the weight of both; but the narrative's
    own sentence over an infobox point's, which sums up and may have gone stale ('the
    ISIL-controlled half of the city' on the day the army held 90 percent of it), unless the
    narrative only reports it."""
    from dataclasses import replace

    kept: list[Event] = []
    for r in sorted(records, key=lambda r: -r.salience):
        twin = next((k for k in kept if _twins(k, r, ctx)), None)
        if twin is None:
            kept.append(r)
        elif twin.where in INFOBOX_POINTS and r.where not in INFOBOX_POINTS and not _report(r):
            kept[kept.index(twin)] = replace(r, salience=twin.salience)
    order = {r.identity: i for i, r in enumerate(records)}
    kept.sort(key=lambda r: order[r.identity])
    return kept


def _report(r: Event) -> bool:
    """'A military source announced that ... had taken Mayadin': the day of the telling."""
    return bool({w.lower() for w in re.findall(r"[a-z]+", r.statement)} & lexicon().report_words)


def _twins(a: Event, b: Event, ctx: Context) -> bool:
    """One event told twice: the same day, and half the words of one in the other or, where one
    is the infobox's point, two words of it."""
    from .salience import content, overlap

    if a.iso != b.iso:
        return False
    x, y = a.clause or a.statement, b.clause or b.statement
    if overlap(x, y):
        return True
    if (a.where in INFOBOX_POINTS) == (b.where in INFOBOX_POINTS):
        return False
    return len((content(x) & content(y)) - ctx.everywhere_words) >= 2


def _clause(e: Dated, ctx: Context) -> str:
    """The event without its date, short enough for a list, standing alone; '' if not."""
    if not e.clause or len(e.clause.split()) > 25:
        return ""
    v = stand_alone(e.clause, ctx)
    return v.text or ""


def orders(records: list[Event], ctx: Context) -> list[Order]:
    """Orderings of four salient events on different days, none of which orders itself ('began',
    'finally', 'the last'), spread over the subject's time."""
    words = lexicon().ordering_words
    pool = []
    seen_days: set[str] = set()
    for r in sorted(records, key=lambda r: (-r.salience, r.iso)):
        if not r.clause or r.iso in seen_days or r.salience < salience.CORE:
            continue
        if {w.lower().strip(".,") for w in r.clause.split()} & words:
            continue
        pool.append(r)
        seen_days.add(r.iso)
    pool.sort(key=lambda r: r.iso)
    out: list[Order] = []
    while len(pool) >= 4 and len(out) < 2:
        step = (len(pool) - 1) / 3
        picked = [pool[round(i * step)] for i in range(4)]
        items = tuple(p.clause for p in picked)
        out.append(
            Order(
                identity=f"order:{_h(*items)}",
                source=" ".join(p.statement for p in picked),
                where="; ".join(p.where for p in picked),
                salience=salience.ORDER,
                fact=f"order:{_h(*items)}",
                items=items,
                dates=tuple(p.date for p in picked),
            )
        )
        pool = [p for p in pool if p not in picked]
    return out
