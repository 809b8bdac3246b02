"""How much a fact or a statement matters, from the article itself: the one place it is reckoned.

A teacher asks about the result, the dates, the sides and who led them, the totals of losses and
strength, codenames, and the turning points the lead and the infobox's result single out; not the
exact day of a minor capture, a report's date, a tally for a few days, or a rank only the infobox
knows. Scores run from 0 to about 1; a record at or above ``CORE`` is in the default deck and
sheet, the rest only with ``--depth full`` (tagged ``depth::detail`` in Anki).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import lexicon
from .context import Context

CORE = 0.5

# infobox facts: what the infobox heads (result, dates, sides) matters most
RESULT = 1.0
DATES = 0.9
LEADER = 0.9
CODENAME = 0.8
PARTOF = 0.75
SIDES = 0.7
PLACE = 0.7
LOSSES_TOTAL = 0.7
STRENGTH_TOTAL = 0.6
ORDER = 0.6
FALLEN = 0.6  # a commander the narrative says was killed: who fell is part of the story
COMMANDER_UNIT_NAMED = 0.35  # a commander the narrative names: what he commanded
COMMANDER_UNIT = 0.15  # one it never names
RANK = 0.1
GIVEN = 0.3  # what the card's own words give away ("the Russo-Japanese War" of Russia and Japan)

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NAME = re.compile(r"(?<![\w-])[A-Z][\w'’-]+(?:\s+(?:of\s+|de\s+|von\s+)?[A-Z][\w'’-]+)*")
_TALLY = re.compile(r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,3}(?:were\s+)?(?:killed|wounded|dead)\b")
_STOP = {
    "the", "a", "an", "of", "on", "in", "at", "to", "and", "by", "was", "were", "with", "for",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "day", "night", "morning", "afternoon", "evening",
}  # fmt: skip


@lru_cache(maxsize=4096)
def content(text: str) -> frozenset[str]:
    """The text's content words, cut to six letters so that 'encircled' meets 'encirclement'
    (kept: a lead's lines are compared with every statement)."""
    return frozenset(
        w.lower()[:6] for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2
    )


def _names(text: str) -> set[str]:
    skip = lexicon().leaning_starts | {"on", "at", "in", "the", "by", "after", "before"}
    return {n for n in _NAME.findall(text) if n.lower() not in skip}


def statement(text: str, ctx: Context, phase: str, retold: bool = False) -> float:
    """A statement's weight: what the lead or the infobox's result retells, a turning point, the
    lead's own names count up; a report, a tally, a step on the way, what came before or after
    the subject count down. ``retold``: the caller knows the lead or result tells it too."""
    lex = lexicon()
    words = {w.lower() for w in _WORD.findall(text)}
    score = 0.2
    if retold or _retold(text, ctx):
        score += 0.35
    if words & lex.turning_verbs:
        score += 0.15
    elif words & lex.progress_verbs:
        score -= 0.15
    if words & lex.report_words:
        score -= 0.6
    if _TALLY.search(text):
        score -= 0.2
    if phase == "before":
        score -= 0.1
    elif phase == "after" and not retold:
        score -= 0.2
    shared = sum(1 for n in _names(text) if n not in ctx.everywhere and ctx.in_lead(n))
    score += min(shared, 2) * 0.05
    return round(max(score, 0.0), 3)


def overlap(a: str, b: str) -> bool:
    """Two tellings of one thing: half the content words of the shorter are in the other."""
    wa, wb = content(a), content(b)
    short = min(len(wa), len(wb))
    return short >= 2 and len(wa & wb) >= min(3, max(2, short // 2))


def _retold(text: str, ctx: Context) -> bool:
    """A sentence of the lead, the description or the result says most of the same thing."""
    own = content(text) - ctx.everywhere_words
    if len(own) < 3:
        return False
    need = max(3, round(len(own) * 0.6))
    return any(len(own & theirs) >= need for theirs in _lead_lines(ctx.lead))


@lru_cache(maxsize=8)
def _lead_lines(lead: str) -> tuple[frozenset[str], ...]:
    return tuple(content(line) for line in re.split(r"(?<=[.;])\s+|\n", lead))


def place(count: int, in_lead: bool) -> float:
    """A place matters when the article keeps coming back to it."""
    return min(0.15 * count, 0.45) + (0.2 if in_lead else 0.0)
