"""Casualty and strength fields -> figures, one per line as the infobox lists them.

The converter's quirks read here: a breakdown in brackets over several lines ("(3,155 killed;"
... "5,365 captured/missing)") is one figure per line; a bold label line ("13 March:",
"Vietnamese figures:") says when or by whose count the lines under it are; a side's total
merged into its first item ("68,000 25,000 British") is two figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from . import dates
from .model import Article, Casualty, Field, Strength

_FIGURE = (
    r"(?:about |around |over |up to |at least |perhaps |~|c\. ?|ca\. ?|circa )?\d[\d,.]*"
    r"(?:\s*[–-]\s*\d[\d,.]*)?\+?"
)
_CASUALTY = re.compile(rf"^(?P<count>{_FIGURE})\s+(?P<what>[^()]+?)\s*(?:\((?P<note>[^)]*)\))?\s*$")
_WHO = re.compile(
    r"^(?P<who>civilians?|soldiers?|fighters?|militants?|troops|servicemen|"
    r"(?:[A-Z][\w-]*\s+)*(?:soldiers|fighters|militants|troops|servicemen))\s+",
)
_PERIOD = re.compile(rf"{dates.DAY}\s+{dates.MONTH}")
_TOTAL = re.compile(rf"^(?:total|in total|overall)\s*:?\s*(?P<count>{_FIGURE})\s*$", re.I)
_LABEL = re.compile(r"^(?P<label>[^:]{1,60}):$")
_WORDED_FIGURE = re.compile(
    r"^(?:several|a few|some|many|about|around|over|dozens|hundreds|thousands|tens)\b.*"
    r"\b(?:hundreds?|thousands?|dozens?)\b",
    re.IGNORECASE,
)
_STRENGTH_NAMED = re.compile(rf"^(?P<who>[^:]+):\s*(?P<count>{_FIGURE})$")
_STRENGTH_COUNT = re.compile(rf"^(?P<count>{_FIGURE})(?:\s+(?P<who>.+))?$")
_MERGED_TOTAL = re.compile(rf"^(?P<total>{_FIGURE})\s+(?P<rest>{_FIGURE}\s+\D.*)$")


def _lines(f: Field) -> Iterator[tuple[str, str | None]]:
    """(line, label in force) for every figure line: brackets and list markers undone, a
    bracketed breakdown split at its ';' or ','."""
    label = None
    for raw in f.text.split("\n"):
        line = raw.strip().lstrip("* ").strip()
        if not line:
            continue
        m = _LABEL.match(line)
        if m:
            label = m.group("label").strip()
            continue
        opens, closes = line.startswith("("), line.endswith(")")
        if (opens and line.count("(") > line.count(")")) or (closes and "(" not in line):
            line = line.strip("()")  # "(3,155 killed;" ... "5,365 captured/missing)"
        elif opens and closes:
            line = line[1:-1]  # "(4,020 dead, 9,118 wounded, 792 missing)"
        if "(" in line:  # "300+ killed (Syrian claim; 29 Sep. – 13 Oct.)": one figure
            yield line, label
            continue
        parts = [p.strip() for p in re.split(r";|,\s+(?=\d)", line) if p.strip()]
        for part in parts:
            yield part.rstrip(";,. "), label


def _claim(note_part: str) -> str | None:
    p = note_part.strip()
    m = re.match(r"^(?:per|according to|by)\s+(.+)$", p, re.IGNORECASE)
    if m:
        return m.group(1).strip()
    m = re.match(r"^(.+?)\s+(?:claims?|figures?|estimates?)$", p, re.IGNORECASE)
    if m:
        return p
    return None


def casualties(article: Article, year: int | None, sides) -> list[Casualty]:
    out: list[Casualty] = []
    for side, f in sides(article, "casualties"):
        for line, label in _lines(f):
            total = _TOTAL.match(line)
            if total:
                line = f"{total.group('count')} total"
            m = _CASUALTY.match(line)
            if m:
                c = _casualty(f, side, line, m, year, label)
                other = _ACCORDING.match(c.what)
                if other and out and out[-1].field == f.name:
                    # "5,700 killed" / "(8,000 according to Livy)": another count of the same
                    c = replace(c, what=out[-1].what, claimed_by=other.group(1).strip())
                out.append(c)
    return out


_ACCORDING = re.compile(r"^(?:according to|per|by)\s+(.+)$", re.IGNORECASE)


def _casualty(f: Field, side: int, line: str, m: re.Match, year, label) -> Casualty:
    what = m.group("what").strip()
    who = None
    w = _WHO.match(what)
    if w:
        who = w.group("who")
        what = what[w.end() :].strip()
    claimed_by = _claim(label) if label else None
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
    return Casualty(field=f.name, source=line, side=side, text=line,
                    count=m.group("count").strip(), what=what, claimed_by=claimed_by,
                    periods=tuple(periods), who=who)  # fmt: skip


def strength(article: Article, sides) -> list[Strength]:
    out: list[Strength] = []
    for side, f in sides(article, "strength"):
        for line, label in _lines(f):
            merged = _MERGED_TOTAL.match(line)
            items = [merged.group("total"), merged.group("rest")] if merged else [line]
            for item in items:
                s = _strength(f, side, item, label)
                if s:
                    out.append(s)
    return out


def _strength(f: Field, side: int, line: str, label: str | None) -> Strength | None:
    m = _STRENGTH_NAMED.match(line) or _STRENGTH_COUNT.match(line)
    if not m:
        if _WORDED_FIGURE.match(line):  # "Several thousand": a figure all the same
            return Strength(field=f.name, source=line, side=side, text=line, count=line,
                            label=label)  # fmt: skip
        return None
    return Strength(field=f.name, source=line, side=side, text=line,
                    count=m.group("count").strip(), who=(m.group("who") or None), label=label)  # fmt: skip
