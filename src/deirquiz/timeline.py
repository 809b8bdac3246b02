"""The day of an event the text names instead of dating: "the battle" is the infobox's span;
"the fall of the main position" is the one day of the timeline that told that fall."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from . import datafiles, eras
from .mention import Mention
from .model import Event

_SUBJECT = re.compile(
    r"(?:the|its)\s+(?:battle|siege|fighting|offensive|campaign|engagement|assault|operation)",
    re.IGNORECASE,
)
_NAMED = re.compile(r"(?:the|his|her|its|their)\s+(?P<noun>[\w-]+)\s+of\s+(?P<what>.+)", re.I)
_WORD = re.compile(r"[\w'’-]+")
_STOP = frozenset(
    ["the", "a", "an", "of", "and", "its", "his", "her", "their", "to", "in", "on", "at"]
)


@cache
def _event_words() -> dict[str, frozenset[str]]:
    data = datafiles.load("event-words.yaml")
    return {k.lower(): frozenset(w.lower() for w in v) for k, v in data.items()}


def day_of(m: Mention, days: tuple[dt.date, dt.date] | None, told: list[Event]) -> dt.date | None:
    """The day ``m`` ("the day after the fall of X") names, or None when it cannot be found."""
    what = (m.what or "").strip()
    base: dt.date | None
    if _SUBJECT.fullmatch(what):
        if not days:
            return None
        base = days[1] if m.offset >= 0 else days[0]  # after the battle: from its last day
    else:
        base = _told(what, told)
    if base is None:
        return None
    try:
        return eras.add_days(base, m.offset)
    except (ValueError, OverflowError):
        return None


def _told(what: str, told: list[Event]) -> dt.date | None:
    m = _NAMED.fullmatch(what)
    if not m:
        return None
    noun = m.group("noun").lower()
    verbs = _event_words().get(noun) or _event_words().get(noun.removesuffix("s"))
    own = [w for w in _WORD.findall(m.group("what").lower()) if w not in _STOP]
    if not verbs or not own:
        return None
    found = set()
    for e in told:
        words = set(_WORD.findall(_segment(e).lower()))
        if all(w in words for w in own) and words & verbs:
            found.add(e.date)
    return found.pop() if len(found) == 1 else None


def _segment(e: Event) -> str:
    """The part of the event's sentence its date governs: its clause, else the ';'-separated
    part that holds the date phrase."""
    if e.clause:
        return e.clause
    for part in e.text.split(";"):
        if e.phrase in part:
            return part
    return e.text
