"""The infobox's head: when, where, part of what, how it ended; its sides and who led them."""

from __future__ import annotations

import re

from .. import model
from . import names, salience, when
from .context import Context
from .records import Overview, Side


def overview(facts: list[model.Fact], ctx: Context) -> list[Overview]:
    """One record per infobox line asked about (its dates, result, part of, place, codename),
    each with that line as its source: two of them may share a sheet."""
    got = {f.name: f for f in facts if isinstance(f, model.Overview)}
    order = when.style(ctx.article)
    s = ctx.subject
    out = []
    date = got.get("date")
    if date and date.start and date.end:
        start, end = date.start, date.end
        out.append(Overview(
            identity="overview", source=date.source, where="infobox: date",
            salience=salience.DATES, fact="overview:date",
            when=when.say_range(start, end, order), start=when.say(start, order),
            end=when.say(end, order) if end != start else "",
            year=str(start.year) if start.year == end.year else "", one_day=start == end,
        ))  # fmt: skip
    for name, weight in (("result", salience.RESULT), ("partof", salience.PARTOF),
                         ("place", salience.PLACE), ("codename", salience.CODENAME)):  # fmt: skip
        f = got.get(name)
        if not f or not f.value:
            continue
        value = f.value
        if name == "place":
            value = _place(value, s.place)
        if name == "codename" and value in s.title:
            value = ""
        if value:
            where = "body" if f.field == "body" else f"infobox: {f.field}"
            out.append(Overview(identity=f"overview:{name}", source=f.source, where=where,
                                salience=weight, fact=f"overview:{name}", **{name: value}))  # fmt: skip
    return out


def _place(value: str, named: str) -> str:
    """The infobox's place, unless the title names it already ('Battle of Gettysburg')."""
    value = re.sub(r"\s+", " ", value).strip()
    if named and _plain(named) in _plain(value):
        return ""
    return value


def _plain(text: str) -> str:
    import unicodedata

    t = unicodedata.normalize("NFKD", text)
    return "".join(c for c in t if not unicodedata.combining(c)).casefold()


def _force(side: int, facts: list[model.Fact], side_the: str) -> str:
    """'the Army of the Potomac' where the side's order of battle has one head, else 'the forces
    of the United States'."""
    tops = [u.name for u in facts if isinstance(u, model.Unit) and u.side == side and not u.parent]
    if len(tops) == 1:
        return names.unit_the(tops[0])
    return f"the forces of {side_the}"


_CUE = r"\b(?:under|led by|commanded by|army of|forces of|fleet of|navy of|troops of)\s+"
_COMMANDED = re.compile(rf"{_CUE}(?P<who>(?:(?!{_CUE})[^,;:()])+)")


def _leader(side: int, facts: list[model.Fact], ctx: Context) -> str:
    """The commander the lead says led the side ('a French army under Napoleon', 'commanded by
    the Duke of Wellington'); none where it names two together ('led by the consuls Paullus and
    Varro') or none at all."""
    people = [c for c in facts if isinstance(c, model.Commander) and not c.qualifier]
    form_map = names.forms((c.name for c in people), lambda f: ctx.count_short(f) > 0)
    side_of = {c.name: c.side for c in people}
    found: set[str] = set()
    from ..sentences import split_sentences

    said = [s for line in ctx.lead.split("\n") for s in split_sentences(line)]
    for m in (m for sentence in said for m in _COMMANDED.finditer(sentence)):
        named = {full for _, full in names.find(m.group("who"), form_map) if side_of[full] == side}
        if len(named) > 1:
            return ""
        found |= named
    return found.pop() if len(found) == 1 else ""


def sides(facts: list[model.Fact], ctx: Context) -> list[Side]:
    leaders = {
        c.side: c for c in facts if isinstance(c, model.Combatant) and c.leader and c.side <= 4
    }
    out = []
    for side, c in sorted(leaders.items()):
        name = c.name
        name_the = names.with_the(name)
        others = [names.with_the(o.name) for s, o in sorted(leaders.items()) if s != side]
        leader = _leader(side, facts, ctx)
        rivals = [_leader(s, facts, ctx) for s in sorted(leaders) if s != side]
        out.append(
            Side(
                identity=f"side:{side}:{name}",
                source=c.source,
                where=f"infobox: {c.field}",
                salience=salience.SIDES,
                fact=f"side:{side}",
                side=side,
                name=name,
                name_the=name_the,
                force=_force(side, facts, name_the),
                enemy=" and ".join(others) if len(others) <= 2 else "",
                leader=leader,
                leader_choices=tuple(r for r in rivals if r),
            )
        )
    return out
