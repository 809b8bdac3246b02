"""Wrong days for a date question: the battle's other days where it was short, else days of the
same phase spread about the answer, none the answer by another reckoning the article tells."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from . import when
from .context import Context
from .records import Event

SHORT_BATTLE_DAYS = 7  # up to a week, a day question asks which day of the battle
GAP_DAYS = 4  # otherwise, wrong days at least this far from the answer and from each other
NEAR_DAYS = 42  # and, where there is room, within six weeks of it


def with_wrong_days(records: list[Event], dates_of: dict[str, dt.date], ctx: Context,
                  order: str) -> list[Event]:  # fmt: skip
    """Each event's wrong days. Within a short battle: its other days. Otherwise days of the same
    phase (during the subject's dates, or before them, or after), at least GAP_DAYS from the answer
    and from each other, drawn afresh for each event so that a deck's cards share no pool, with
    the answer's rank among the options drawn evenly; where the phase leaves room on one side only
    (a surrender on the last day), ``edge`` says so and the day is written in instead."""
    from dataclasses import replace

    s = ctx.subject
    days = [dates_of[r.identity] for r in records]
    out = []
    for r, day in zip(records, days, strict=True):
        rng = random.Random(r.identity)
        # the same day by another reckoning the article tells is a second right answer
        other = {day + dt.timedelta(k) for k in ctx.shifts}
        if r.phase == "during" and s.start and s.end and s.days <= SHORT_BATTLE_DAYS:
            battle = (s.start + dt.timedelta(i) for i in range(s.days))
            wrong = [d for d in battle if d != day and d not in other]
            edge, short = False, True
        else:
            lo, hi = _range(r.phase, day, days, [x.phase for x in records], ctx)
            wrong, edge = _spread_days(day, lo, hi, rng, other)
            short = False
        chosen = tuple(when.say(d, order) for d in wrong)
        out.append(replace(r, date_choices=chosen, date_edge=edge, battle_days=short))
    return out


def _spread_days(day: dt.date, lo: dt.date, hi: dt.date, rng: random.Random,
                 other: set[dt.date]):  # fmt: skip
    """Three days of [lo, hi], GAP_DAYS apart, k of them before ``day`` with k drawn evenly
    among what the range allows, so that the answer is the earliest, the latest or one between
    as often as chance has it; near the answer (within NEAR_DAYS) where that leaves room, so
    that no option stands out in a season of its own. ``edge``: the range leaves room on one
    side only, so that the answer would always be the earliest (or latest) of its options, and
    the day is written in instead."""
    for reach in (dt.timedelta(NEAR_DAYS), hi - lo):
        first, last = max(lo, day - reach), min(hi, day + reach)
        before = [first + dt.timedelta(i) for i in range((day - first).days - GAP_DAYS + 1)]
        after = [day + dt.timedelta(i) for i in range(GAP_DAYS, (last - day).days + 1)]
        before, after = [d for d in before if d not in other], [d for d in after if d not in other]
        room_before, room_after = _room(len(before)), _room(len(after))
        feasible = [k for k in range(4) if k <= room_before and 3 - k <= room_after]
        if not feasible or feasible in ([0], [3]):
            continue  # one side only this near: look wider before writing the day in
        for _ in range(20):  # a draw can crowd itself out of a short run: draw again
            k = rng.choice(feasible)
            picked = _pick(before, k, rng) + _pick(after, 3 - k, rng)
            if len(picked) == 3 and not _stands_out(day, picked):
                return picked, False
    return [], True


def _stands_out(day: dt.date, wrong: list[dt.date]) -> bool:
    """The answer told apart by the options' look, not by knowing it: the only one of its month
    (7, 14 and 21 August beside 3 September); the four evenly spaced, a ladder cut from the
    answer (31 August, 4, 8 and 12 September); or the answer halfway between two of them (18, 23
    and 28 August); or a wrong day the answer's own day of another month (10 January beside 10
    February)."""
    months = {(d.year, d.month) for d in wrong}
    if len(months) == 1 and (day.year, day.month) not in months:
        return True
    if any(d.day == day.day for d in wrong):
        return True
    gaps = [(b - a).days for a, b in itertools.pairwise(sorted([day, *wrong]))]
    if max(gaps) < 2 * min(gaps):
        return True
    return any((a - day).days == (day - b).days for a in wrong for b in wrong if a > day > b)


def _room(n_days: int) -> int:
    """How many days GAP_DAYS apart fit in a run of n days."""
    return min(3, (n_days + GAP_DAYS - 1) // GAP_DAYS) if n_days > 0 else 0


def _pick(days: list[dt.date], k: int, rng: random.Random) -> list[dt.date]:
    """k of the days, GAP_DAYS apart from each other, at random."""
    pool = list(days)
    rng.shuffle(pool)
    out: list[dt.date] = []
    for d in pool:
        if len(out) == k:
            break
        if all(abs((d - x).days) >= GAP_DAYS for x in out):
            out.append(d)
    return out


def _range(ph: str, day: dt.date, days: list[dt.date], phases: list[str],
           ctx: Context) -> tuple[dt.date, dt.date]:  # fmt: skip
    """Where wrong days for an event of this phase may fall: within the subject's dates for its
    own events; for what came before or after, the span the article's own such events cover."""
    s = ctx.subject
    if ph == "during" and s.start and s.end:
        return s.start, s.end
    same = [d for d, p in zip(days, phases, strict=True) if p == ph] or [day]
    lo, hi = min(same), max(same)
    if ph == "before" and s.start:
        hi = s.start - dt.timedelta(1)
    if ph == "after" and s.end:
        lo = s.end + dt.timedelta(1)
    reach = dt.timedelta(4 * GAP_DAYS)  # room for three wrong days about it, never into the subject
    if ph == "before":
        lo = min(lo, day - reach)
    elif ph == "after":
        hi = max(hi, day + reach)
    return lo, hi
