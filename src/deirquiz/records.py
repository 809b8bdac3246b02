"""Facts and events -> records: flat string fields that question templates can name.

A record is what one question is about (a commander, an event, a captured place). Its fields are
ready to drop into wording: dates carry their year, names carry "the" where English wants it.
Templates (data) choose which fields to ask about; this module only prepares them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from . import dates
from .infobox import FLAG, ranks
from .model import (
    Casualty,
    Combatant,
    Commander,
    Extraction,
    Overview,
    Record,
    Strength,
    Unit,
)
from .statements import event_records, subject_place

# What each kind of record offers a template: its fields (for wording, answers and conditions) and
# its lists (for 'exclude'). Templates naming anything else are refused when they are loaded.
BASE_FIELDS = ("article", "title")
FIELDS: dict[str, tuple[str, ...]] = {
    "overview": ("start", "end", "date_range", "place", "partof", "result", "codename",
                 "territory"),
    "combatant": ("name", "full_name", "name_the", "side", "side_name", "side_the", "enemy",
                  "enemy_the", "enemy_side", "leader", "member", "group", "group_lower"),
    "commander": ("name", "rank", "unit", "unit_the", "role", "role_a", "country", "side",
                  "side_name", "side_the", "enemy", "certain", "killed"),
    "unit": ("name", "name_the", "was", "parent", "parent_the", "parent_root", "first_child",
             "side", "side_name"),
    "casualty": ("count", "exact", "given", "victims", "what", "claim", "according", "by_whom",
                 "period", "side_name"),
    "strength": ("count", "exact", "what"),
    "event": ("date", "iso", "by", "range", "again", "clause", "statement", "sentence", "rest"),
    "context": ("date", "iso", "clause", "before", "after"),
    "place": ("place", "blanked", "iso", "ptype"),
    "figure": ("number", "unit", "blanked", "iso"),
    "actor": ("actor", "blanked", "iso"),
    "mention": ("name", "formation", "commander", "person", "codename", "blanked", "iso",
                "group"),
}  # fmt: skip
LISTS: dict[str, tuple[str, ...]] = {"combatant": ("exclude",), "unit": ("exclude", "siblings"),
                                     "event": ("same_day",), "place": ("same_day",),
                                     "mention": ("exclude",)}  # fmt: skip


_THE_NOUNS = {
    "army", "navy", "force", "forces", "guard", "brigade", "brigades", "division", "corps",
    "regiment", "battalion", "group", "legion", "directorate", "movement", "front", "militia",
    "militias", "offensive", "campaign", "war", "siege", "battle", "command", "units", "unit",
    "fleet", "ministry", "service", "services", "agency", "council", "coalition", "state",
    "republic", "kingdom", "federation", "emirate", "observatory", "brotherhood", "party",
}  # fmt: skip
_LOWER_WORDS = {"of", "the", "and", "in", "for", "on", "al", "ad", "as", "at", "de", "el"}


def with_article(name: str, usage: Mapping[str, bool] | None = None) -> str:
    """'the Tiger Forces', 'the 104th Airborne Brigade', 'the IRGC', but 'Hezbollah', 'Russia',
    and 'ISIL' where the article itself writes it bare (``usage``: what the article writes)."""
    if not name or name.lower().startswith("the "):
        return name
    if usage and name in usage:
        return f"the {name}" if usage[name] else name
    core = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    words = core.split()
    if not words:
        return name
    last = words[-1].lower().strip(".,")
    if (
        last in _THE_NOUNS
        or re.fullmatch(r"[A-Z]{2,6}", core)
        or " of " in core
        or any(w.islower() and w not in _LOWER_WORDS for w in words[1:])
    ):
        return f"the {name}"
    return name


_SINGULAR_S = {"corps", "headquarters", "series", "news", "isis", "hezbollah"}


def is_plural(name: str) -> bool:
    """'Tiger Forces were', 'Lions of Hussein were', but '5th Corps was', 'Republican Guard was'."""
    head = re.split(r"\s+of\s+", name)[0].split()
    word = head[-1].lower() if head else ""
    return word.endswith("s") and not word.endswith("ss") and word not in _SINGULAR_S


def subject_name(title: str) -> str:
    """How a prompt names the article's subject: 'the Deir ez-Zor offensive of September–November
    2017', 'the 2017 Abu Kamal offensive', 'Operation Barbarossa'."""
    core = re.sub(r"\s*\([^)]*\)\s*$", "", title)
    # "Deir ez-Zor offensive (September–November 2017)": the brackets tell which one, in words
    when = re.fullmatch(rf"(.+?)\s*\(((?:(?:{dates.MONTH})\s*(?:–|-|to)?\s*)*\d{{4}})\)", title)
    if when and " of " not in when.group(1):  # not "the Siege of X of 2014"
        title = f"{when.group(1)} of {when.group(2)}"
    if re.match(r"(?i)^(the|operation)\b", core):
        return title
    if re.match(r"^(Battle|Siege|Fall|Sack|Capture|Liberation)\b", core) or any(
        w.islower() and w not in _LOWER_WORDS for w in core.split()
    ):
        return f"the {title}"
    return title


def _acronyms(extraction: Extraction) -> dict[str, str]:
    """'Islamic State of Iraq and the Levant' -> 'ISIL', as the article itself defines them."""
    out: dict[str, str] = {}
    for _, para in extraction.article.paragraphs:
        if "(" not in para:  # every match holds a "(": spare the slow scan
            continue
        for m in re.finditer(
            r"((?:[A-Z][\w'’-]*|of|and|the|for)(?:\s+(?:[A-Z][\w'’-]*|of|and|the|for))+)\s+\(([A-Z]{2,6})\)",
            para,
        ):
            full, short = m.group(1), m.group(2)
            initials = "".join(w[0] for w in full.split() if w[0].isupper())
            if short[0] == initials[0]:
                full = re.sub(r"^(?:The|the)\s+", "", full)
                out.setdefault(full, short)
    return out


def _h(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


def _rank_full(rank: str | None) -> str:
    return ranks().get(rank, rank) if rank else ""


# --- the article's sides ----------------------------------------------------------------


@dataclass
class Sides:
    """The article's belligerents, and how the article names things."""

    leaders: dict[int, str]  # side -> the headline belligerent's short name
    members: dict[int, list[str]]
    usage: dict[str, bool] = field(default_factory=dict)

    def the(self, name: str) -> str:
        return with_article(name, self.usage)

    def name(self, side: int) -> str:
        return self.leaders.get(side, "")

    def enemy_side(self, side: int) -> int | None:
        others = [s for s in self.leaders if s != side and s in (1, 2)]
        return others[0] if len(others) == 1 and side in (1, 2) else None

    def enemy(self, side: int) -> str:
        other = self.enemy_side(side)
        return self.leaders[other] if other else ""


def _sides(extraction: Extraction, acr: dict[str, str]) -> Sides:
    leaders: dict[int, str] = {}
    members: dict[int, list[str]] = {}
    for c in extraction.facts:
        if isinstance(c, Combatant):
            members.setdefault(c.side, []).append(c.name)
            if c.leader and c.side not in leaders:
                leaders[c.side] = acr.get(c.name, c.name)
    return Sides(leaders, members)


# --- record builders ------------------------------------------------------------------------


# the only characters other than ASCII letters that a case-blind regex matches with ASCII letters
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


_USAGE_HEAD, _USAGE_TAIL = r"(\bthe\s+(?:[a-z]+\s+)?)?(?<![\w-])", r"(?![\w-])"
_AZ = re.compile(r"[a-z]", re.IGNORECASE)
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\w")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _usage_matches(source: str, name: str, text: str, folded: str) -> list[bool] | None:
    """For each match of ``re.compile(source, re.IGNORECASE).finditer(text)``, whether its
    'the' group took part; found without compiling a pattern per name or scanning the whole
    text. ``source`` must be _USAGE_HEAD + the escaped name + _USAGE_TAIL: a match starts at an
    occurrence of the name, or at the 'the' (and optional word) just before one, and is read
    there as the regex would read it, greedy group first. None for any other pattern, or a
    name this reading does not cover (not ASCII, or with whitespace at either end)."""
    if (
        source != _USAGE_HEAD + re.escape(name) + _USAGE_TAIL
        or not name.isascii()
        or name[0].isspace()
        or name[-1].isspace()
        or len(folded) != len(text)
    ):
        return None
    key, n = name.lower(), len(text)

    def ahead(start: int, rx: re.Pattern) -> int:  # length of the run of rx-chars from start
        i = start
        while i < n and rx.match(text, i):
            i += 1
        return i - start

    def behind(end: int, rx: re.Pattern) -> int:  # length of the run of rx-chars ending at end
        i = end
        while i > 0 and rx.match(text, i - 1):
            i -= 1
        return end - i

    def bare(p: int) -> bool:  # (?<![\w-])NAME(?![\w-]) at p
        return (
            folded.startswith(key, p)
            and not (p > 0 and _WORD_OR_HYPHEN.match(text, p - 1))
            and not (p + len(key) < n and _WORD_OR_HYPHEN.match(text, p + len(key)))
        )

    def match_at(i: int) -> tuple[int, bool] | None:
        if folded.startswith("the", i) and not (i > 0 and _WORD.match(text, i - 1)):
            e1 = i + 3 + ahead(i + 3, _SPACE)
            if e1 > i + 3:
                w = ahead(e1, _AZ)
                if w:
                    e2 = e1 + w + ahead(e1 + w, _SPACE)
                    if e2 > e1 + w and bare(e2):
                        return e2 + len(key), True
                if bare(e1):
                    return e1 + len(key), True
        return (i + len(key), False) if bare(i) else None

    starts: set[int] = set()
    o = folded.find(key)
    while o != -1:
        starts.add(o)  # the bare name
        ws = o - behind(o, _SPACE)
        if ws < o:
            starts.add(ws - 3)  # 'the NAME'
            word = ws - behind(ws, _AZ)
            if word < ws:
                starts.add(word - behind(word, _SPACE) - 3)  # 'the WORD NAME'
        o = folded.find(key, o + 1)
    found: list[bool] = []
    pos = 0
    for i in sorted(starts):
        if i < pos:
            continue
        got = match_at(i)
        if got:
            pos = got[0]
            found.append(got[1])
    return found


def _learn_usage(extraction: Extraction, names: set[str]) -> dict[str, bool]:
    """Whether the article says 'the X' (True) or plain 'X' (False), for names it uses often
    enough in running text to tell."""
    usage: dict[str, bool] = {}
    text = " ".join(p for _, p in extraction.article.paragraphs)
    odd = any(c in text for c in "\u0130\u0131\u017f\u212a")
    folded = (text.translate(_ASCII_FOLD) if odd else text).lower()
    for name in names:
        if not name:
            continue
        if name.isascii() and name.lower() not in folded:
            continue  # the case-blind search below cannot match: skip its slow scan
        source = _USAGE_HEAD + re.escape(name) + _USAGE_TAIL
        found = _usage_matches(source, name, text, folded)
        if found is None:  # any other pattern: the regex itself
            found = [bool(m.group(1)) for m in re.finditer(source, text, re.IGNORECASE)]
        with_the = sum(found)
        bare = len(found) - with_the
        if with_the > bare:
            usage[name] = True
        elif bare >= 2 and bare > 2 * with_the:
            usage[name] = False
    return usage


def build(extraction: Extraction) -> tuple[list[Record], Callable[[str], str]]:
    """The article's records, and how it names things ('the Tiger Forces', 'ISIL') for wording
    that puts a value into a sentence."""
    art = extraction.article
    acr = _acronyms(extraction)
    sides = _sides(extraction, acr)
    sides.usage = _learn_usage(
        extraction,
        {*acr.values(), *(getattr(f, "name", "") for f in extraction.facts),
         *(getattr(f, "unit", "") or "" for f in extraction.facts)},
    )  # fmt: skip
    base = {"article": subject_name(art.title), "title": art.title}
    seen = {"numbers_seen": (" ".join(p for _, p in art.paragraphs),)}
    out: list[Record] = []
    kin = _Kin([f for f in extraction.facts if isinstance(f, Unit)])
    for f in extraction.facts:
        if isinstance(f, Overview):
            out.extend(_overview(f, base))
        elif isinstance(f, Combatant):
            out.append(_combatant(f, base, sides, acr))
        elif isinstance(f, Commander):
            out.append(_commander(f, base, sides))
        elif isinstance(f, Unit):
            out.append(_unit(f, base, sides, kin))
        elif isinstance(f, Casualty):
            rec = _casualty(f, base, sides)
            if rec:
                out.append(Record(**{**rec.__dict__, "lists": seen}))
        elif isinstance(f, Strength):
            rec = _strength(f, base, sides)
            if rec:
                out.append(Record(**{**rec.__dict__, "lists": seen}))
    span = next(
        ((f.start, f.end) for f in extraction.facts if isinstance(f, Overview) and f.start), None
    )
    subject = subject_place(art.title, [*art.lead, *(f.text for f in art.infobox.values()),
                                        *(p for _, p in art.paragraphs)])  # fmt: skip
    leaders = frozenset(
        n.casefold()
        for f in extraction.facts
        if isinstance(f, Combatant) and f.leader
        for n in (f.name, acr.get(f.name, f.name))
    )
    out.extend(
        event_records(
            list(extraction.events), base, span, subject, _names(extraction), leaders, art.terms
        )
    )
    return out, sides.the


def _names(extraction: Extraction) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The infobox's commanders, and its formations nested below a top-level formation, that a
    statement may name: each with what no wrong option for it may be (a formation's ancestors
    and what is nested under it: the Syrian Arab Army is not wrong for the Tiger Forces)."""
    units = [f for f in extraction.facts if isinstance(f, Unit)]
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for u in units:
        if len(u.ancestors) >= 2:
            below = tuple(o.name for o in units if u.name in o.ancestors)
            out.setdefault(u.name, ("formation", (*u.ancestors, *below)))
    for f in extraction.facts:
        if isinstance(f, Commander) and not f.qualifier:
            out.setdefault(f.name, ("commander", ()))
    return out


def _overview(f: Overview, base: dict) -> list[Record]:
    where = "infobox: " + f.field if f.field != "body" else "article introduction"
    if f.name == "date" and f.start and f.end:
        return [
            Record("overview", "overview:start", {**base, "start": dates.fmt(f.start),
                   "end": dates.fmt(f.end), "date_range": f.value}, f.source, where),
        ]  # fmt: skip
    if f.name in ("place", "partof", "result", "codename", "territory"):
        return [
            Record("overview", f"overview:{f.name}", {**base, f.name: f.value}, f.source, where)
        ]
    return []


def _combatant(f: Combatant, base: dict, sides: Sides, acr: dict[str, str]) -> Record:
    fields = {
        **base,
        "name": acr.get(f.name, f.name) if f.leader else f.name,
        "full_name": f.name,
        "side_name": sides.name(f.side),
        "side_the": sides.the(sides.name(f.side)),
        "enemy": sides.enemy(f.side),
        "enemy_the": sides.the(sides.enemy(f.side)),
        "enemy_side": str(sides.enemy_side(f.side) or ""),
        "leader": "yes" if f.leader else "",
        "member": "" if f.leader or f.group == "part" else "yes",
        "group": f.group if f.group and f.group != "part" else "",
        "group_lower": (f.group or "").lower(),
        "name_the": sides.the(f.name),
        "side": str(f.side),
    }
    lists = {"exclude": (sides.enemy(f.side),)}
    return Record(
        "combatant", f.identity, fields, _one_line(f.source), f"infobox: {f.field}", lists
    )


def _commander(f: Commander, base: dict, sides: Sides) -> Record:
    fields = {
        **base,
        "name": f.name,
        "rank": _rank_full(f.rank),
        "unit": f.unit or "",
        "unit_the": sides.the(f.unit) if f.unit else "",
        "role": f.role or "",
        "role_a": _role_phrase(f.role) if f.role else "",
        "country": f.country or "",
        "side": str(f.side),
        "side_name": sides.name(f.side),
        "side_the": sides.the(sides.name(f.side)),
        "enemy": sides.enemy(f.side),
        "certain": "" if f.qualifier else "yes",
        "killed": "yes" if f.killed else "",
    }
    return Record("commander", f.identity, fields, f.source, f"infobox: {f.field}")


def _role_phrase(role: str) -> str:
    """'IRGC senior commander' -> 'the IRGC senior commander'; 'Operations chief commander' ->
    'the operations chief commander'."""
    first, _, rest = role.partition(" ")
    if first[:1].isupper() and not first.isupper() and first.lower() not in _PROPER_HINT:
        first = first.lower()
    return f"the {first} {rest}".strip()


_PROPER_HINT = {"russian", "syrian", "iranian", "iraqi", "isil", "isis", "irgc"}


class _Kin:
    """Who fought under whom, for "which of these fought under X?": the first formation the
    infobox lists under each parent (one question per parent, the same one every run), and per
    parent what no wrong option may be: the parent, its ancestors and everything nested under it
    at any depth (a grandchild fought under it too). By name, not by place in the tree: a name
    listed twice counts wherever it stands. One tuple per parent, shared by its children."""

    def __init__(self, units: list[Unit]) -> None:
        self.first: dict[str, Unit] = {}
        kin: dict[str, dict[str, None]] = {}
        for u in units:
            if u.parent:
                self.first.setdefault(u.parent, u)
            kin.setdefault(u.name, {u.name: None}).update(dict.fromkeys(u.ancestors))
            for a in u.ancestors:
                kin.setdefault(a, {a: None})[u.name] = None
        self.siblings = {name: tuple(names) for name, names in kin.items()}

    def is_first(self, u: Unit) -> bool:
        return bool(u.parent) and self.first.get(u.parent) is u

    def of(self, u: Unit) -> tuple[str, ...]:
        return self.siblings.get(u.parent, ()) if u.parent else ()


def _unit(f: Unit, base: dict, sides: Sides, kin: _Kin) -> Record:
    fields = {
        **base,
        "name": f.name,
        "name_the": sides.the(f.name),
        "was": "were" if is_plural(f.name) else "was",
        "parent": f.parent or "",
        "parent_the": sides.the(f.parent) if f.parent else "",
        # a top-level entry ("Russian Armed Forces") groups what follows, it is no formation
        "parent_root": "yes" if len(f.ancestors) == 1 else "",
        "first_child": "yes" if kin.is_first(f) else "",
        "side": str(f.side),
        "side_name": sides.name(f.side),
    }
    lists = {"exclude": (*f.ancestors, f.name), "siblings": kin.of(f)}
    return Record("unit", f.identity, fields, f.source, f"infobox: {f.field}", lists)


def _period_phrase(periods) -> str:
    if not periods:
        return ""
    parts = [dates.fmt_between(a, b) for a, b in periods]
    if len(parts) == 1:
        return parts[0]
    # "between 18 and 25 September 2017 and between 29 October and 1 November 2017"
    return " and ".join(parts)


def _claim_phrase(claim: str | None) -> str:
    if not claim:
        return ""
    m = re.match(r"^(.+?)\s+claims?$", claim, re.IGNORECASE)
    if m:
        return f"{m.group(1)} claims"
    return claim


def _side_fighters(side_name: str, sides: Sides) -> str:
    """'ISIL fighters', but 'fighters on the Syrian Arab Republic's side'."""
    if re.fullmatch(r"[A-Z]{2,6}", side_name):
        return f"{side_name} fighters"
    owner = sides.the(side_name)  # "the Syrian Arab Republic's", "the United States'"
    suffix = "'" if owner.endswith("s") else "'s"
    return f"fighters on {owner}{suffix} side"


def _casualty(f: Casualty, base: dict, sides: Sides) -> Record | None:
    side_name = sides.name(f.side)
    if f.who:
        victims = f.who
    elif side_name:
        victims = _side_fighters(side_name, sides)
    else:
        return None
    if f.what not in ("killed", "captured", "wounded", "missing", "killed or wounded"):
        return None
    claim = _claim_phrase(f.claimed_by)
    exact = re.fullmatch(r"[\d,]+", f.count) is not None
    at_least = re.fullmatch(r"[\d,]+\+", f.count) is not None
    fields = {
        **base,
        "count": f.count,
        "exact": f.count if exact else "",
        "given": f.count if at_least else "",
        "victims": victims,
        "what": f.what,
        "claim": claim,
        "according": f"According to {claim}, " if claim else "",
        "by_whom": (f"do {claim} give" if claim.endswith("claims") else f"does {claim} give")
        if claim
        else "is given",
        "period": " " + _period_phrase(f.periods) if f.periods else "",
        "side_name": side_name,
    }
    return Record("casualty", f.identity, fields, f.text, f"infobox: {f.field}")


def _strength(f: Strength, base: dict, sides: Sides) -> Record | None:
    if not re.search(r"\d", f.count):
        return None
    who = f.who or ""
    if who and re.search(r"\b(fighters|soldiers|troops|men|militants)\b", who):
        what = who
    elif who:
        what = f"fighters of {sides.the(who)}"
    elif sides.name(f.side):
        what = _side_fighters(sides.name(f.side), sides)
    else:
        return None
    exact = f.count if re.fullmatch(r"[\d,]+", f.count) else ""
    fields = {**base, "count": f.count, "what": what, "exact": exact}
    return Record("strength", f.identity, fields, f.text, f"infobox: {f.field}")


# --- events --------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return re.sub(r"\s*\n\s*", " · ", FLAG.sub("", text)).strip(" ·")
