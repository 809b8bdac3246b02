"""A side's total losses and strength, as the infobox gives them, with whose count it is.

Only totals are asked: a figure for a few days, a lower bound ('300+'), a hedged one ('about')
or a breakdown is a detail, and a lower bound would make every lower option true as well.
"""

from __future__ import annotations

import re

from .. import model
from . import names, salience
from .context import Context
from .records import Figure

_EXACT = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_TOTAL_LINE = re.compile(r"^\*?\s*(?:Total:?\s*(?P<a>[\d,]+)|(?P<b>[\d,]+)\s+total)\b", re.I)


def _whose(side_name: str) -> str:
    the = names.with_the(side_name)
    return f"{the}’s" if not the.endswith("s") else f"{the}’"


def _according(claim: str | None, ctx: Context) -> str:
    if not claim:
        return ""
    full = ctx.acronyms.get(claim.strip(), "")
    who = f"the {full}" if full else claim.strip()
    if re.search(r"\b(?:claims?|figures?|estimates?)$", who, re.I):
        return f"by the {who}" if not who.lower().startswith("the ") else f"by {who}"
    return f"according to {who}"


def _total(text: str) -> str:
    for line in text.split("\n"):
        m = _TOTAL_LINE.match(line.strip())
        if m:
            return m.group("a") or m.group("b")
    return ""


def figures(facts: list[model.Fact], ctx: Context) -> list[Figure]:
    sides = {c.side: c.name for c in facts if isinstance(c, model.Combatant) and c.leader}
    out: list[Figure] = []
    for side, name in sorted(sides.items()):
        box = ctx.article.infobox.get(f"casualties{side}")
        losses = [c for c in facts if isinstance(c, model.Casualty) and c.side == side]
        count, claim = (_total(box.text) if box else ""), None
        if not count and len(losses) == 1 and not losses[0].periods and not losses[0].who:
            one = losses[0]
            if one.what.strip(" ;") in ("killed", "killed or wounded", "casualties", "total"):
                count, claim = one.count, one.claimed_by
        if count and _EXACT.match(count):
            out.append(_figure(side, name, count, "casualties", _according(claim, ctx), box))
        strength = [s for s in facts if isinstance(s, model.Strength) and s.side == side]
        heads = [s for s in strength if s.who is None and _EXACT.match(s.count)]
        if len(heads) == 1:
            box = ctx.article.infobox.get(f"strength{side}")
            out.append(_figure(side, name, heads[0].count, "troops", "", box))
    return out


def _figure(side: int, name: str, count: str, what: str, according: str,
            box: model.Field | None) -> Figure:  # fmt: skip
    losses = what == "casualties"
    return Figure(
        identity=f"figure:{what}:{side}",
        source=box.text.replace("\n", "; ") if box else count,
        where=f"infobox: {box.name}" if box else "infobox",
        salience=salience.LOSSES_TOTAL if losses else salience.STRENGTH_TOTAL,
        fact=f"figure:{what}:{side}",
        side=side,
        side_name=names.with_the(name),
        whose=_whose(name),
        count=count,
        what=what,
        according=according,
        losses=losses,
        strength=not losses,
    )
