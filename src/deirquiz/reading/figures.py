"""A side's total losses and strength, as the infobox gives them, with whose count it is.

Only totals are asked: a figure for a few days, a lower bound ('300+'), a hedged one ('about')
or a breakdown is a detail, and a lower bound would make every lower option true as well.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from .. import model
from . import names, salience
from .context import Context
from .records import Figure

_EXACT = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_TOTAL_LINE = re.compile(
    r"^\*?\s*(?:Total:?\s*(?:about\s+|c\.\s*)?(?P<a>[\d,]+)(?!\s*[–—-]\s*\d|\+|,\d)"
    r"|(?P<b>[\d,]+)\s+total)\b",
    re.I,
)  # "Total: about 12,500" is asked as about 12,500


def _whose(who: str) -> str:
    return f"{who}’s" if not who.endswith("s") else f"{who}’"


def _according(claim: str | None, ctx: Context) -> str:
    if not claim:
        return ""
    full = ctx.acronyms.get(claim.strip(), "")
    who = f"the {full}" if full else claim.strip()
    if re.search(r"\b(?:claims?|figures?|estimates?)$", who, re.I):
        return f"by the {who}" if not who.lower().startswith("the ") else f"by {who}"
    return f"according to {who}"


def _total(text: str) -> str:
    """The row's total: 'Total: about 12,500 (3,000 killed ...)', never the first figure of a
    tally ('Total: c. 181 killed, 480 wounded' counts no total: 181 were the killed)."""
    for line in text.split("\n"):
        m = _TOTAL_LINE.match(line.strip())
        if m:
            rest = re.sub(r"\([^()]*\)", "", line.strip()[m.end() :])
            if m.group("a") and re.search(r"\d", rest):
                return ""
            return m.group("a") or m.group("b")
    return ""


_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\b")
_RANGE = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d{3,})\s*(?:–|-|to)\s*(\d{1,3}(?:,\d{3})+|\d{3,})\b")
_OTHER_COUNTS = re.compile(r"\b(?:estimates?|estimated|up to)\b", re.I)


_LOSS_WORDS = re.compile(
    r"\b(?:lost|loss|losses|casualties|killed|wounded|dead|died|prisoners?|captured|missing)\b",
    re.I,
)
_STRENGTH_WORDS = re.compile(r"\b(?:men|troops|soldiers|strong|strength|army of|force of)\b", re.I)


def _avoid(ctx: Context, words: re.Pattern[str]) -> tuple[str, ...]:
    """The figures a wrong option must keep away from, since one near them could be right by
    another count: every figure of the infobox's losses and strength, and those of the
    article's sentences on the same kind of number ('the French some 25,000 killed')."""
    from ..sentences import split_sentences

    texts = [
        f.text for k, f in ctx.article.infobox.items() if k.startswith(("casualt", "strength"))
    ]
    said = [
        s for p in (ctx.body, ctx.lead) for line in p.split("\n") for s in split_sentences(line)
    ]
    texts += [s for s in said if words.search(s)]
    given = {m.group() for t in texts for m in _NUMBER.finditer(t)}
    for t in texts:  # "c. 14,000–16,000" reads as about 15,000: right by that count
        for m in _RANGE.finditer(t):
            a, b = _value(m.group(1)), _value(m.group(2))
            if 0 < a < b <= a * 1.25:  # a narrow range; "11,000–20,000" says no one figure
                given.add(str(round((a + b) / 2)))
    return tuple(sorted(given))


def figures(facts: list[model.Fact], ctx: Context, forces: dict[int, str]) -> list[Figure]:
    """``forces``: how the article names each side's army ('the Prussian army')."""
    return _with_choices(_totals(facts, ctx, forces), ctx.article.title)


def _totals(facts: list[model.Fact], ctx: Context, forces: dict[int, str]) -> list[Figure]:
    sides = {c.side: c.name for c in facts if isinstance(c, model.Combatant) and c.leader}
    avoid_losses, avoid_strength = _avoid(ctx, _LOSS_WORDS), _avoid(ctx, _STRENGTH_WORDS)
    out: list[Figure] = []
    for side, name in sorted(sides.items()):
        box = ctx.article.infobox.get(f"casualties{side}")
        if box and _OTHER_COUNTS.search(box.text):
            continue  # "Other estimates up to 28,063": one count among several
        losses = [c for c in facts if isinstance(c, model.Casualty) and c.side == side]
        count, claim = (_total(box.text) if box else ""), None
        if not count and len(losses) == 1 and not losses[0].periods and not losses[0].who:
            one = losses[0]
            if one.what.strip(" ;") in ("killed", "killed or wounded", "casualties", "total"):
                count, claim = _bare(one.count), one.claimed_by
        named = forces.get(side, "")
        if named.startswith("the forces of "):  # a side's name, not its army's: its allies too
            named = ""
        who = named or _with_allies(ctx.called(name), side, facts)
        if count and _EXACT.match(count):
            claimed = _according(claim, ctx)
            out.append(_figure(side, who, count, "casualties", claimed, box, avoid_losses))
        strength = [s for s in facts if isinstance(s, model.Strength) and s.side == side]
        heads = [s for s in strength if s.who is None and _EXACT.match(_bare(s.count))]
        box = ctx.article.infobox.get(f"strength{side}")
        hedged = box is not None and ("(" in box.text or _OTHER_COUNTS.search(box.text))
        if len(heads) == 1 and not hedged:  # "50,000 (engaged by the evening)": not the whole
            count = _bare(heads[0].count)
            out.append(_figure(side, who, count, "troops", "", box, avoid_strength))
    return out


def _bare(count: str) -> str:
    """'about 166,000' -> '166,000': asked as about 166,000 (the row's own rounding)."""
    return re.sub(r"^(?:about|c\.)\s*", "", count)


def _with_allies(name: str, side: int, facts: list[model.Fact]) -> str:
    """'the United States and its allies' where the side lists other states beside its first
    (the Kingdom of France at Yorktown): the row counts them all, not the first alone."""
    others = [
        c for c in facts
        if isinstance(c, model.Combatant) and c.side == side and not c.leader and c.group is None
    ]  # fmt: skip
    people = names.people_word(name)  # "the Williamites": the Williamite forces, not "its"
    if others and not names.COALITION.search(name):
        return (
            f"the {people} and allied forces"
            if people
            else f"{names.with_the(name)} and its allies"
        )
    return f"the {people} forces" if people else names.with_the(name)


def _value(text: str) -> int:
    return int(text.replace(",", ""))


def _with_choices(records: list[Figure], title: str) -> list[Figure]:
    """Each total's options, made together: no two questions of the article share a wrong
    figure (one seen twice is a decoy), a side's losses stay below its strength and its strength
    above its losses. A figure given to the man (93,921) is asked about as 'about 94,000': the
    size is the thing to know."""
    from dataclasses import replace

    used: set[int] = set()
    ranks = [0, 0, 0, 0]  # where the deck's keys stood so far: the next takes its turn
    totals = {_value(o.count) for o in records}  # another side's total is no part of this one
    out = []
    for r in records:
        n = _value(r.count)
        said_about = re.search(rf"\b(?:about|c\.)\s*{re.escape(r.count)}\b", r.source)
        shown = n if said_about else _about(n)  # "about 12,500" is the row's own rounding
        same_side = [o for o in records if o.side == r.side and o is not r]
        lo = max((_value(o.count) for o in same_side if o.losses), default=0) if r.strength else 0
        hi = min((_value(o.count) for o in same_side if o.strength), default=0) if r.losses else 0
        avoid = {_value(a) for a in r.avoid} - {n}
        if r.losses:  # "some 25,000 killed and wounded, with several thousand more taken
            avoid |= {round(a * 1.2) for a in avoid if a < n and a not in totals}  # prisoner"
        # drawn per article: one seed for every "side 1's losses" would give every deck the
        # same ladders, a pattern a student learns
        rng = random.Random(f"{title}:{r.identity}")
        wrong = ladder(shown, avoid, lo, hi, rng, used, ranks)
        used.update(wrong)
        ranks[sum(w < shown for w in wrong)] += 1
        say = _say_about if shown != n or said_about else _say
        out.append(
            replace(
                r, shown=say(shown, r.count), count_choices=tuple(say(w, r.count) for w in wrong)
            )
        )
    return out


def _about(n: int) -> int:
    """n to two significant figures: 93,921 -> 94,000; 41,000 stays; to three where two would
    move it by more than 4% (1,054 is about 1,050, not 'about 1,100', which the text's 'more
    than a thousand' would belie)."""
    if n < 100:
        return n
    step = 10 ** (len(str(n)) - 2)
    two = round(n / step) * step
    if abs(two - n) > 0.04 * n and step >= 10:
        return round(n / (step // 10)) * (step // 10)
    return two


def _say(n: int, like: str) -> str:
    return f"{n:,}" if "," in like or n >= 10_000 else str(n)


def _say_about(n: int, like: str) -> str:
    return f"about {_say(n, like)}"


def _roundness(n: int) -> int:
    step = 1
    while n and n % (step * 10) == 0 and step < 10**6:
        step *= 10
    return step * 5 if n and n % (step * 5) == 0 else step  # 12,500: rungs of 500


_SIMPLE = (1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 4 / 3, 3 / 2, 2, 3, 4)  # "¾ of the key"


def _rounded(x: float, step: int) -> int:
    """x as round as the key, unless that leaves fewer than ten steps below it: beside 15,000
    or 200,000, rungs of 5,000 or 100,000 leave no room for the key but at an end, so those
    are rounded to two significant figures."""
    if x < 10 * step:  # 15,000 in rungs of 5,000: too few to stand between
        step = min(step, 10 ** max(len(str(int(x))) - 2, 0))
    return round(x / step) * step


def ladder(
    n: int,
    avoid: set[int],
    lo: int,
    hi: int,
    rng: random.Random,
    used: frozenset[int] | set[int] = frozenset(),
    ranks: Sequence[int] = (0, 0, 0, 0),
) -> list[int]:
    """Three wrong figures that stand with ``n`` on a ladder of four rungs, each step its own
    ratio of 1.2 to 1.45 (one ratio for all would make the key the figure the others are
    multiples of), ``n`` on a rung drawn with even chance among those a ladder fits: no
    rung, middle or end, points at the key, and the largest option is at most
    about three times the smallest. Never half or double the key nor key ± the same amount.
    Each is as round as ``n``, above ``lo``, below ``hi`` (if given), not within 5% of a
    figure the article gives (which could be right by another count) and not one another
    question already offers; where no ladder fits, none. Of the rungs that fit, the key takes
    one the deck's other figures (``ranks``: how many keys stood on each) have used least, so
    that a deck's keys are not all smallest by chance."""
    if n < 10:
        return []
    step = _roundness(n)
    fits = {at: f for at in range(4) if (f := _fit(n, at, step, avoid, lo, hi, rng, used))}
    if not fits:
        return []
    least = min(ranks[at] for at in fits)
    return fits[rng.choice([at for at in fits if ranks[at] == least])]


def _fit(n: int, at: int, step: int, avoid: set[int], lo: int, hi: int, rng: random.Random,
         used: frozenset[int] | set[int]) -> list[int]:  # fmt: skip
    """A ladder with the key on rung ``at`` (counted from the bottom), or none."""
    for _ in range(100):
        ratios = [rng.uniform(1.2, 1.45) for _ in range(3)]  # at 1.5: 2/3, 3/2 and 9/4
        exact = [float(n)] * 4
        for i in range(at - 1, -1, -1):
            exact[i] = exact[i + 1] / ratios[i]
        for i in range(at + 1, 4):
            exact[i] = exact[i - 1] * ratios[i - 1]
        rungs = [n if i == at else _rounded(x, step) for i, x in enumerate(exact)]
        wrong = [v for i, v in enumerate(rungs) if i != at]
        if len(set(rungs)) < 4 or any(v <= lo or (hi and v >= hi) or v in used for v in wrong):
            continue
        if 0 < at < 3 and n - rungs[at - 1] == rungs[at + 1] - n:
            continue  # 5,000 / 7,000 / 9,000: the key is the one in the middle
        if any(abs(v / n - m) < 0.03 * m for v in wrong for m in _SIMPLE):
            continue  # half and double the key: the one the others were made from
        if any(abs(v - t) <= 0.05 * max(v, t) for v in wrong for t in avoid):
            continue
        return wrong
    return []


def _quote(text: str) -> str:
    """An infobox field as one line a reader can follow: list marks and stray semicolons gone."""
    lines = [ln.strip().lstrip("*").strip().rstrip(";").strip() for ln in text.split("\n")]
    return "; ".join(ln for ln in lines if ln)


_COUNTED = re.compile(
    r"\b(killed|dead|wounded|sick|captured|prisoners?|missing|surrendered|interned|paroled)\b", re.I
)


def _counted(row: str) -> str:
    """What a row of losses counts, in its own words and order: '478,741 killed or missing;
    650,878 wounded or sick' -> 'killed, missing, wounded and sick'; '' for a bare figure
    ('Total: c. 54,000'), which the card does not gloss with words the row never says."""
    words = list(dict.fromkeys(w.lower() for w in _COUNTED.findall(row)))
    if len(words) < 2:
        return ""
    return ", ".join(words[:-1]) + " and " + words[-1]


def _killed_only(row: str) -> bool:
    """'c. 1,500 killed', '6,400 dead': a row that counts the dead and nothing else (not '9,777
    (1,811 killed)', whose total counts more)."""
    words = {w.lower() for w in _COUNTED.findall(row)}
    first = re.match(r"\s*(?:c\.|about|some)?\s*[\d,]+(?:\s*[–-]\s*[\d,]+)?\s+(killed|dead)\b", row)
    return first is not None and bool(words) and words <= {"killed", "dead"}


def _figure(side: int, who: str, count: str, what: str, according: str,
            box: model.Field | None, avoid: tuple[str, ...]) -> Figure:  # fmt: skip
    losses = what == "casualties"
    return Figure(
        identity=f"figure:{what}:{side}",
        source=_quote(box.text) if box else count,
        where=f"infobox: {box.name}" if box else "infobox",
        salience=salience.LOSSES_TOTAL if losses else salience.STRENGTH_TOTAL,
        fact=f"figure:{what}:{side}",
        side=side,
        side_name=who,
        whose=_whose(who),
        count=count,
        what=what,
        counted=_counted(box.text if box else "") if losses else "",
        killed_only=losses and _killed_only(box.text if box else ""),
        according=according,
        losses=losses,
        strength=not losses,
        avoid=tuple(a for a in avoid if a != count),
    )
