"""Dated statements made into records a card can carry: each with its day in full, its date as a
blank, its place before, during or after the subject's own dates, and its weight; and the
orderings of four such events."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Sequence

from ..events import RESULT as RESULT_SECTION
from ..lexicon import lexicon
from ..model import Event as Dated
from ..model import Extraction
from . import salience, when
from .context import Context
from .records import Event, Order
from .standalone import stand_alone

SHORT_BATTLE_DAYS = 7  # up to a week, a day question asks which day of the battle
GAP_DAYS = 4  # otherwise, wrong days at least this far from the answer and from each other


def _h(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


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
    if len(group) == 1:
        full = when.rewrite(e.text, group, order)
        blank = when.rewrite(e.text, group, order, blank=e)
    elif e.clause:
        lead = when.absolute(e.phrase, e, order, at_start=True)
        lead_blank = when.absolute(e.phrase, e, order, at_start=True, blank=True)
        if not lead or not lead_blank:
            return None
        first = e.clause.split(" ", 1)[0]
        body = e.clause[:1].lower() + e.clause[1:] if first in ("The", "A", "An") else e.clause
        full, blank = f"{lead}, {body}", f"{lead_blank}, {body}"
    else:
        return None
    if not full or not blank:
        return None
    a, b = stand_alone(full, ctx), stand_alone(blank, ctx)
    if not a.text or not b.text or b.text.count(when.BLANK) != 1:
        return None
    return a.text, b.text


def events(extraction: Extraction, ctx: Context) -> list[Event]:
    order = when.style(extraction.article)
    apparatus = lexicon().apparatus_sections
    by_sentence: dict[str, list[Dated]] = defaultdict(list)
    for e in extraction.events:
        by_sentence[e.text].append(e)
    out: list[Event] = []
    for e in extraction.events:
        if e.section.lower() in apparatus or e.end_date is not None:
            continue
        texts = _texts(e, by_sentence[e.text], ctx, order)
        if texts is None:
            continue
        statement, blanked = texts
        where = "infobox: result" if e.section == RESULT_SECTION else f"section: {e.section}"
        ph = phase(e.date, ctx)
        weight = salience.statement(statement, ctx, ph, result_point=e.section == RESULT_SECTION)
        out.append(
            Event(
                identity=f"event:{e.date.isoformat()}:{_h(e.text, e.phrase)}",
                source=e.text,
                where=where,
                salience=weight,
                fact=f"when:{e.date.isoformat()}:{_h(e.clause or e.text)}",
                date=when.say(e.date, order),
                iso=e.date.isoformat(),
                statement=statement,
                blanked=blanked,
                clause=_clause(e, ctx),
                by=e.by,
                phase=ph,
            )
        )
    return _with_choices(_one_per_telling(out), ctx, order)


def _one_per_telling(records: list[Event]) -> list[Event]:
    """One record per event told twice (the infobox's result point and the narrative's sentence
    on the same day): the weightier telling stays, with the weight of both."""
    from dataclasses import replace

    from .salience import overlap

    kept: list[Event] = []
    for r in sorted(records, key=lambda r: -r.salience):
        twin = next((k for k in kept if k.iso == r.iso and overlap(k.clause or k.statement,
                                                                     r.clause or r.statement)), None)  # fmt: skip
        if twin is None:
            kept.append(r)
    order = {r.identity: i for i, r in enumerate(records)}
    kept.sort(key=lambda r: order[r.identity])
    return [replace(r) for r in kept]


def _clause(e: Dated, ctx: Context) -> str:
    """The event without its date, short enough for a list, standing alone; '' if not."""
    if not e.clause or len(e.clause.split()) > 25:
        return ""
    v = stand_alone(e.clause, ctx)
    return v.text or ""


def _with_choices(records: list[Event], ctx: Context, order: str) -> list[Event]:
    """Each event's wrong days: within a short battle, its other days; otherwise the article's
    other days, far enough from the answer and from each other that knowing beats guessing."""
    from dataclasses import replace

    s = ctx.subject
    days = sorted({dt.date.fromisoformat(r.iso) for r in records})
    out = []
    for r in records:
        day = dt.date.fromisoformat(r.iso)
        if r.phase == "during" and s.start and s.end and 1 < s.days <= SHORT_BATTLE_DAYS:
            wrong = [s.start + dt.timedelta(i) for i in range(s.days)]
            wrong = [d for d in wrong if d != day]
        elif r.phase == "during" and s.days == 1:
            wrong = []  # one day: its events are asked otherwise
        else:
            wrong = []
            for d in sorted(days, key=lambda d: (abs((d - day).days), d)):
                if all(abs((d - x).days) >= GAP_DAYS for x in (day, *wrong)):
                    wrong.append(d)
        out.append(replace(r, date_choices=tuple(when.say(d, order) for d in wrong[:6])))
    return out


def orders(records: list[Event], ctx: Context) -> list[Order]:
    """Orderings of four salient events on different days, none of which orders itself ('began',
    'finally', 'the last'), spread over the subject's time."""
    words = lexicon().ordering_words
    pool = []
    seen_days: set[str] = set()
    for r in sorted(records, key=lambda r: (-r.salience, r.iso)):
        if not r.clause or r.iso in seen_days or r.salience < salience.CORE - 0.1:
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
