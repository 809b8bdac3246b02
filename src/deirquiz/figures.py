"""Infobox casualty and strength lines -> facts: "300+ killed (per SOHR; 14 September – 3 October)",
"Several thousand"."""

from __future__ import annotations

import re

from . import dates
from .infobox import side_lines
from .model import Article, Casualty, Strength

# --- casualties and strength ----------------------------------------------------------------

_FIGURE = r"(?:about |around |over |up to |at least |~)?\d[\d,.]*(?:\s*[–-]\s*\d[\d,.]*)?\+?"
_CASUALTY = re.compile(rf"^(?P<count>{_FIGURE})\s+(?P<what>[^()]+?)\s*(?:\((?P<note>[^)]*)\))?\s*$")
_WHO = re.compile(
    r"^(?P<who>civilians?|soldiers?|fighters?|militants?|troops|servicemen|"
    r"(?:[A-Z][\w-]*\s+)*(?:soldiers|fighters|militants|troops|servicemen))\s+",
)
_PERIOD = re.compile(rf"{dates.DAY}\s+{dates.MONTH}")


def _claim(note_part: str) -> str | None:
    p = note_part.strip()
    m = re.match(r"^(?:per|according to|by)\s+(.+)$", p, re.IGNORECASE)
    if m:
        return m.group(1).strip()
    m = re.match(r"^(.+?)\s+(?:claims?|figures?|estimates?)$", p, re.IGNORECASE)
    if m:
        return p
    return None


def casualties(article: Article, year: int | None) -> list[Casualty]:
    out: list[Casualty] = []
    for side, f, line in side_lines(article, "casualties"):
        m = _CASUALTY.match(line)
        if not m:
            continue
        what = m.group("what").strip()
        who = None
        w = _WHO.match(what)
        if w:
            who = w.group("who")
            what = what[w.end() :].strip()
        claimed_by = None
        periods = []
        for part in (m.group("note") or "").split(";"):
            part = part.strip()
            if not part:
                continue
            if _PERIOD.search(part):
                rng = dates.parse_range(part, year)
                if rng:
                    periods.append(rng)
                    continue
            claimed_by = claimed_by or _claim(part)
        out.append(
            Casualty(
                field=f.name,
                source=line,
                side=side,
                text=line,
                count=m.group("count").strip(),
                what=what,
                claimed_by=claimed_by,
                periods=tuple(periods),
                who=who,
            )
        )
    return out


_WORDED_FIGURE = re.compile(
    r"^(?:several|a few|some|many|about|around|over|dozens|hundreds|thousands|tens)\b.*"
    r"\b(?:hundreds?|thousands?|dozens?)\b",
    re.IGNORECASE,
)
_STRENGTH_NAMED = re.compile(rf"^(?P<who>[^:]+):\s*(?P<count>{_FIGURE})$")
_STRENGTH_COUNT = re.compile(rf"^(?P<count>{_FIGURE})(?:\s+(?P<who>.+))?$")


def strength(article: Article) -> list[Strength]:
    out: list[Strength] = []
    for side, f, line in side_lines(article, "strength"):
        m = _STRENGTH_NAMED.match(line) or _STRENGTH_COUNT.match(line)
        if not m:
            if _WORDED_FIGURE.match(line):  # "Several thousand": a figure all the same
                out.append(Strength(field=f.name, source=line, side=side, text=line, count=line))
            continue
        out.append(
            Strength(
                field=f.name,
                source=line,
                side=side,
                text=line,
                count=m.group("count").strip(),
                who=(m.group("who") or None),
            )
        )
    return out
