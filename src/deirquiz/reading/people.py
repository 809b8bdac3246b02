"""Commanders as the infobox lists them, with what the narrative makes of them."""

from __future__ import annotations

import re

from .. import model
from ..infobox import ranks
from . import names, salience
from .context import Context
from .mentions import Formation, Person
from .records import Commander

_HEAD = re.compile(
    r"\b(army|corps|division|brigade|regiment|battalion|wing|guard|fleet|legion|squadron)\b", re.I
)


def _head(unit: str) -> str:
    m = _HEAD.search(unit)
    return m.group(1).lower() if m else ""


def _told_together(body: str, forms: list[str], unit: str) -> bool:
    """The narrative names him with his formation ('Ewell's Second Corps', 'Sickles moved his
    III Corps'): it discusses what the infobox lists."""
    windows = [body[max(0, at - 120) : at + len(unit) + 1] for at in _all(body, unit)]
    for f in forms:
        near = [w for w in windows if f in w]  # a pattern only for a name told near the unit
        told = rf"{re.escape(f)}(?:['’]s?)?\s+(?:[\w-]+\s+){{0,3}}{re.escape(unit)}\b"
        if near and any(re.search(told, w) for w in near):
            return True
    return False


def _all(text: str, part: str) -> list[int]:
    out, at = [], text.find(part)
    while at != -1:
        out.append(at)
        at = text.find(part, at + 1)
    return out


def is_formation(name: str) -> bool:
    """'I Corps', '6th BPC', 'Army of the Potomac', 'GONO'; not 'artillery' or 'Isabelle'."""
    return bool(_HEAD.search(name) or re.search(r"\d|\b[A-Z]{2,}\b|\b[IVX]+\b", name))


def commanders(facts: list[model.Fact], ctx: Context) -> list[Commander]:
    people = [c for c in facts if isinstance(c, model.Commander) and not c.qualifier]
    form_map = ctx.forms(c.name for c in people)
    sides = {c.side: c.name for c in facts if isinstance(c, model.Combatant) and c.leader}
    full = canonical(facts)
    units_of: dict[int, list[str]] = {}
    for c in people:
        if c.unit and is_formation(c.unit):
            units_of.setdefault(c.side, []).append(full[c.unit])
    out = []
    for c in people:
        own = [f for f, full in form_map.items() if full == c.name]
        named = sum(ctx.count(f) if f == c.name else ctx.count_short(f) for f in own)
        in_lead = any(ctx.in_lead(f, short=f != c.name) for f in own)
        unit = full.get(c.unit or "", "")
        unique_unit = is_formation(unit) and units_of.get(c.side, []).count(unit) == 1
        head = _head(unit)
        others = [u for u in units_of.get(c.side, []) if u != unit and head and _head(u) == head]
        together = bool(unit) and _told_together(ctx.body, own, c.unit or "")
        weight = salience.COMMANDER_UNIT_NAMED if together else salience.COMMANDER_UNIT
        weight += 0.05 * min(named, 3) + (0.1 if in_lead else 0.0)
        out.append(
            Commander(
                identity=f"commander:{c.side}:{c.name}",
                source=c.source,
                where=f"infobox: {c.field}",
                salience=round(weight, 3),
                fact=f"commander:{c.side}:{c.name}",
                side=c.side,
                side_name=names.with_the(sides.get(c.side, "")),
                name=c.name,
                rank=ranks().get(c.rank, c.rank) if c.rank else "",
                unit=unit if unique_unit else "",
                unit_the=names.unit_the(unit) if unique_unit else "",
                role=c.role or "",
                killed=c.killed,
                named=named,
                unit_choices=tuple(dict.fromkeys(others)),
            )
        )
    return out


def canonical(facts: list[model.Fact]) -> dict[str, str]:
    """A commander's formation as the order of battle names it: '3rd Army' beside Dumitrescu is
    the 'Romanian 3rd Army' of the units list."""
    units = [u.name for u in facts if isinstance(u, model.Unit)]
    out = {}
    for c in facts:
        if isinstance(c, model.Commander) and c.unit:
            longer = [n for n in units if n != c.unit and n.endswith(" " + c.unit)]
            out[c.unit] = longer[0] if len(longer) == 1 else c.unit
    return out


def persons(facts: list[model.Fact], leaders: set[str]) -> list[Person]:
    """Commanders for blanks: with their formation, and whether they head their side."""
    full = canonical(facts)
    out, seen = [], set()
    for c in facts:
        if isinstance(c, model.Commander) and not c.qualifier:
            top = c.side not in seen or c.name in leaders
            seen.add(c.side)
            out.append(Person(c.name, c.side, full.get(c.unit or "", ""), top))
    return out


def formations(facts: list[model.Fact]) -> list[Formation]:
    """Every formation the infobox names, in its order of battle or beside a commander, with its
    kin in the order of battle."""
    units = [u for u in facts if isinstance(u, model.Unit)]
    out: dict[str, Formation] = {}
    for u in units:
        kin = set(u.ancestors) | {v.name for v in units if u.name in v.ancestors}
        out.setdefault(u.name, Formation(u.name, u.side, frozenset(kin), u.level))
    full = canonical(facts)
    for c in facts:
        if isinstance(c, model.Commander) and c.unit and is_formation(c.unit):
            out.setdefault(full[c.unit], Formation(full[c.unit], c.side, frozenset(), -1))
    return list(out.values())
