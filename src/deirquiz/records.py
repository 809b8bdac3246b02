"""Facts and events -> records: flat string fields that question templates can name.

A record is what one question is about (a commander, an event, a captured place). Its fields are
ready to drop into wording: dates carry their year, names carry "the" where English wants it.
Templates (data) choose which fields to ask about; this module only prepares them.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from . import dates
from .infobox import FLAG, ranks
from .model import (
    Casualty,
    Combatant,
    Commander,
    Event,
    Extraction,
    Overview,
    Strength,
    Unit,
)

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
    "unit": ("name", "name_the", "was", "parent", "parent_the", "parent_root", "side",
             "side_name"),
    "casualty": ("count", "exact", "given", "victims", "what", "claim", "according", "by_whom",
                 "period", "side_name"),
    "strength": ("count", "exact", "what"),
    "event": ("date", "iso", "by", "range", "clause", "statement", "sentence", "rest"),
    "place": ("place", "blanked", "iso"),
    "figure": ("number", "unit", "blanked", "iso"),
    "actor": ("actor", "blanked", "iso"),
}  # fmt: skip
LISTS: dict[str, tuple[str, ...]] = {"combatant": ("exclude",), "unit": ("exclude",),
                                     "event": ("same_day",)}  # fmt: skip


@dataclass(frozen=True)
class Record:
    kind: str
    identity: str
    fields: dict[str, str]
    source_text: str
    source_where: str
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def get(self, name: str) -> str:
        return self.fields.get(name, "")


_THE_NOUNS = {
    "army", "navy", "force", "forces", "guard", "brigade", "brigades", "division", "corps",
    "regiment", "battalion", "group", "legion", "directorate", "movement", "front", "militia",
    "militias", "offensive", "campaign", "war", "siege", "battle", "command", "units", "unit",
    "fleet", "ministry", "service", "services", "agency", "council", "coalition", "state",
    "republic", "kingdom", "federation", "emirate", "observatory", "brotherhood", "party",
}  # fmt: skip
_LOWER_WORDS = {"of", "the", "and", "in", "for", "on", "al", "ad", "as", "at", "de", "el"}


_USAGE: dict[str, bool] = {}


def with_article(name: str) -> str:
    """'the Tiger Forces', 'the 104th Airborne Brigade', 'the IRGC', but 'Hezbollah', 'Russia',
    and 'ISIL' where the article itself writes it bare."""
    if not name or name.lower().startswith("the "):
        return name
    if name in _USAGE:
        return f"the {name}" if _USAGE[name] else name
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
    """How a prompt names the article's subject: 'the Deir ez-Zor offensive (September–November
    2017)', 'the 2017 Abu Kamal offensive', 'Operation Barbarossa'."""
    core = re.sub(r"\s*\([^)]*\)\s*$", "", title)
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
    leaders: dict[int, str]  # side -> the headline belligerent's short name
    members: dict[int, list[str]]

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


def _learn_usage(extraction: Extraction, names: set[str]) -> None:
    """Whether the article says 'the X' or plain 'X', for names it uses in running text."""
    _USAGE.clear()
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
            _USAGE[name] = True
        elif bare >= 2 and bare > 2 * with_the:
            _USAGE[name] = False


def build(extraction: Extraction) -> list[Record]:
    art = extraction.article
    acr = _acronyms(extraction)
    sides = _sides(extraction, acr)
    _learn_usage(
        extraction,
        {*acr.values(), *(getattr(f, "name", "") for f in extraction.facts),
         *(getattr(f, "unit", "") or "" for f in extraction.facts)},
    )  # fmt: skip
    base = {"article": subject_name(art.title), "title": art.title}
    seen = {"numbers_seen": (" ".join(p for _, p in art.paragraphs),)}
    out: list[Record] = []
    for f in extraction.facts:
        if isinstance(f, Overview):
            out.extend(_overview(f, base))
        elif isinstance(f, Combatant):
            out.append(_combatant(f, base, sides, acr))
        elif isinstance(f, Commander):
            out.append(_commander(f, base, sides))
        elif isinstance(f, Unit):
            out.append(_unit(f, base, sides))
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
    out.extend(_events(list(extraction.events), base, span, subject))
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
        "side_the": with_article(sides.name(f.side)),
        "enemy": sides.enemy(f.side),
        "enemy_the": with_article(sides.enemy(f.side)),
        "enemy_side": str(sides.enemy_side(f.side) or ""),
        "leader": "yes" if f.leader else "",
        "member": "" if f.leader or f.group == "part" else "yes",
        "group": f.group if f.group and f.group != "part" else "",
        "group_lower": (f.group or "").lower(),
        "name_the": with_article(f.name),
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
        "unit_the": with_article(f.unit) if f.unit else "",
        "role": f.role or "",
        "role_a": _role_phrase(f.role) if f.role else "",
        "country": f.country or "",
        "side": str(f.side),
        "side_name": sides.name(f.side),
        "side_the": with_article(sides.name(f.side)),
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


def _unit(f: Unit, base: dict, sides: Sides) -> Record:
    fields = {
        **base,
        "name": f.name,
        "name_the": with_article(f.name),
        "was": "were" if is_plural(f.name) else "was",
        "parent": f.parent or "",
        "parent_the": with_article(f.parent) if f.parent else "",
        # a top-level entry ("Russian Armed Forces") groups what follows, it is no formation
        "parent_root": "yes" if len(f.ancestors) == 1 else "",
        "side": str(f.side),
        "side_name": sides.name(f.side),
    }
    lists = {"exclude": (*f.ancestors, f.name)}
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


def _side_fighters(side_name: str) -> str:
    """'ISIL fighters', but 'fighters on the side of the Syrian Arab Republic'."""
    if re.fullmatch(r"[A-Z]{2,6}", side_name):
        return f"{side_name} fighters"
    return f"fighters on the side of {with_article(side_name)}"


def _casualty(f: Casualty, base: dict, sides: Sides) -> Record | None:
    side_name = sides.name(f.side)
    if f.who:
        victims = f.who
    elif side_name:
        victims = _side_fighters(side_name)
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
        what = f"fighters of {with_article(who)}"
    elif sides.name(f.side):
        what = _side_fighters(sides.name(f.side))
    else:
        return None
    exact = f.count if re.fullmatch(r"[\d,]+", f.count) else ""
    fields = {**base, "count": f.count, "what": what, "exact": exact}
    return Record("strength", f.identity, fields, f.text, f"infobox: {f.field}")


# --- events --------------------------------------------------------------------------------

_PRONOUN_START = re.compile(
    r"^(?:they|it|its|their|he|she|his|her|this|these|those|that|there|both|the latter|"
    r"the former|such)\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:the|this|that)\s+(town|island|village|area|group|militants|offensive|attack|operation|"
    r"battle|border town|site|front|neighbourhood|neighborhood|base|road|station|pocket|military|"
    r"army)\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)
# "the city" may name a city the same sentence gave: "in Deir ez-Zor ... 90 percent of the city"
_THE_CITY = re.compile(r"\bthe\s+city\b(?!\s+of\b)", re.IGNORECASE)
_NAMED_PLACE = re.compile(
    r"\b(?:in|of|at|into|from|near|outside|inside)\s+(?:central\s+)?[A-Z][a-z]"
)
_NOT_PLACES = {"ISIL", "ISIS", "The", "Syrian", "Army", "Russian", "Iraqi", "Government", "SDF"}
_DAY_MENTION = re.compile(rf"\b{dates.DAY}\s+{dates.MONTH}")
_PLACE_NAME = (
    r"(?:(?:[Aa]l|[Aa]d|[Aa]r|[Aa]s|[Ee]l)-)?[A-Z][\w'’]*"
    r"(?:(?:-|\s)(?:(?:al|ad|ar|as|el|ez|az|es)-)?[A-Z][\w'’]*|\s(?:al|ad|ar|as|el|ez|az|es)-[A-Z][\w'’]*)*"
)


_EXPLETIVE = re.compile(
    r"^it\s+(?:was|is|has been|had been)\s+(?:reported|announced|claimed|said|confirmed)\b", re.I
)


def self_contained(text: str) -> bool:
    """A statement that means the same on a card a month later: no pronoun at its head, no
    'the town' whose name only an earlier sentence gave. ("It was reported that" is no pronoun.)"""
    if (_PRONOUN_START.match(text) and not _EXPLETIVE.match(text)) or _VAGUE.search(text):
        return False
    for m in _THE_CITY.finditer(text):
        if not _NAMED_PLACE.search(text[: m.start()]):
            return False
    return not dates.RELATIVE_WORDS.search(text)


def _absolute_sentence(e: Event) -> str | None:
    """The event's sentence with its opening date phrase made absolute: 'The next day, ...' ->
    'On 17 October 2017, ...'. None when the date phrase does not open the sentence."""
    text = e.text
    idx = text.find(e.phrase)
    if idx != 0:
        return None
    rest = text[len(e.phrase) :]
    if e.end_date:
        between = dates.fmt_between(e.date, e.end_date)
        lead = between[0].upper() + between[1:]
    elif e.by:
        lead = f"By {dates.fmt(e.date)}" if not e.relative else f"By the end of {dates.fmt(e.date)}"
    else:
        part = re.search(r"\b(night|evening|morning|afternoon)\b", e.phrase) if e.relative else None
        when = dates.fmt(e.date)
        lead = f"On the {part.group(1)} of {when}" if part else f"On {when}"
    rest = re.sub(r"^\s+also\b|(?<=\s)also\s+", "", rest)
    # "That night, however, ISIL ...": the connective leans on the sentence before
    rest = re.sub(r"^,?\s*(?:however|meanwhile|then|also|though),\s*", ", ", rest, flags=re.I)
    if not rest.startswith(","):
        rest = "," + rest
    return lead + rest


_HAD = re.compile(r"^[^\"“]*?\bhad\s+(?:been\s+|also\s+)?[a-z]+(?:ed|en|t)\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:said|reported|claimed|announced|stated|confirmed)\s+that\b")
MAX_WORDS = 40  # a longer sentence hides what a true/false or cloze card is testing


def _main_clause(sentence: str) -> str:
    """Up to the first semicolon: what follows it is a statement of its own."""
    head, sep, _ = sentence.partition("; ")
    return head.rstrip(" ,") + "." if sep else sentence


def _by_state(clause: str) -> bool:
    """'forces had recaptured the districts' tells a state by that day, not what happened on it
    (unless it is reported speech: 'SANA reported that troops had retaken ...')."""
    m = _HAD.search(clause)
    return bool(m) and not _REPORTED.search(clause[: m.end()])


@dataclass(frozen=True)
class Subject:
    """The place an article is about, and the words its narrative uses for it ('the city')."""

    name: str
    nouns: tuple[str, ...]


def subject_place(title: str, texts: list[str]) -> Subject | None:
    """'Deir ez-Zor' for 'Deir ez-Zor offensive (September–November 2017)', with the nouns the
    article itself calls it by: 'the city of Deir ez-Zor', 'Mayadin, a town on ...'."""
    core = re.sub(r"\s*\([^)]*\)", "", title)
    m = re.search(
        r"[A-Z][\w'’]*(?:[ -](?:[a-z]{1,3}-)?[A-Z][\w'’]*)*", re.sub(r"^\d{4}\s+", "", core)
    )
    if not m:
        return None
    name = m.group()
    text = " ".join(texts)
    nouns = tuple(
        noun for noun in ("city", "town")
        if re.search(rf"\bthe (?:[a-z]+ )?{noun} of {re.escape(name)}\b", text)
        or re.search(rf"\b{re.escape(name)}, an? (?:[a-z]+ )?{noun}\b", text)
    )  # fmt: skip
    return Subject(name, nouns) if nouns else None


_OTHER_PLACE = re.compile(
    r"\b(?:captured|took|seized|retook|recaptured|stormed|entered|reached|visited|of|in|at|near|"
    r"into|from|towards?)\s+(?:the\s+)?(?:(?:town|city|village|district)\s+of\s+)?"
    r"((?:al-|Al-)?[A-Z][\w'’-]*)"
)


def _names_other_place(text: str, subject: Subject) -> bool:
    first = subject.name.split()[0]
    return any(m.group(1) not in (first, "ISIL", "ISIS") and not m.group(1).startswith(first)
               for m in _OTHER_PLACE.finditer(text))  # fmt: skip


def _name_the_city(text: str, subject: Subject | None, context: str = "") -> str:
    """'the city' -> 'the city of Deir ez-Zor' where the article's subject is the only place the
    sentence (and the one before it) could mean; elsewhere 'the city' stays, and stays vague."""
    if not subject or _names_other_place(context, subject):
        return text
    for noun in subject.nouns:
        # only where the noun ends its phrase: not "the city's district", "the city stadium"
        text = re.sub(
            rf"\bthe {noun}(?=[.,;:]|\s+(?:under|and|itself|was|were|had|from|to|in|on|by|after)\b|$)",
            f"the {noun} of {subject.name}",
            text,
        )
    return text


RARE_IN = 4  # sentences at most
_STOP = {
    "about", "after", "against", "also", "among", "army", "before", "between", "captured",
    "control", "during", "forces", "from", "government", "into", "near", "other", "over",
    "part", "reported", "said", "since", "syrian", "that", "their", "them", "they", "this",
    "through", "under", "were", "which", "while", "with", "within",
}  # fmt: skip


def _words(text: str) -> set[str]:
    return {
        w for w in re.findall(r"[a-z0-9][a-z0-9'’-]{3,}", text.lower())
        if w not in _STOP and not w.isdigit()
    }  # fmt: skip


def _events(
    events: list[Event], base: dict, span: tuple | None, subject: Subject | None = None
) -> list[Record]:
    """Events within the article's own dates: what the Background or Aftermath tells happened
    before or after the subject, and asking it "in the X offensive" would teach false history."""
    previous = {e.index: e.text for e in events}
    if span:
        events = [e for e in events if span[0] <= e.date and (e.end_date or e.date) <= span[1]]
    out: list[Record] = []
    # words few sentences share ("stadium", "Tu-22M3"): two events that share one are alike, and
    # the day of the one is no safe wrong answer for the other
    df = Counter(w for text in dict.fromkeys(e.text for e in events) for w in _words(text))
    rare = {w for w, n in df.items() if n <= RARE_IN}
    by_day: dict[str, list[str]] = {}
    for e in events:
        if e.clause:
            by_day.setdefault(e.date.isoformat(), []).append(re.sub(r"\s+also\b", "", e.clause))
    for e in events:
        where = f"section: {e.section}"
        date_text = dates.fmt_range(e.date, e.end_date) if e.end_date else dates.fmt(e.date)
        clause = e.clause
        if clause:
            context = f"{previous.get(e.index - 1, '')} {e.text}"
            clause = _name_the_city(
                _main_clause(re.sub(r"\s+also\b", "", clause)), subject, context
            )
        state = e.by or (clause is not None and _by_state(clause))
        fields = {
            **base,
            "date": date_text,
            "iso": e.date.isoformat(),
            "by": "yes" if state else "",
            "range": "yes" if e.end_date else "",
        }
        if clause and self_contained(clause) and not e.end_date:
            fields["clause"] = clause
            fields["statement"] = clause[0].lower() + clause[1:] if _lowerable(clause) else clause
        absolute = _absolute_sentence(e)
        if absolute:
            context = f"{previous.get(e.index - 1, '')} {e.text}"
            absolute = _name_the_city(_main_clause(absolute), subject, context)
        if absolute and self_contained(absolute[absolute.find(",") + 1 :].strip()):
            short = len(absolute.split()) <= MAX_WORDS
            if short:
                fields["sentence"] = absolute
            if absolute.startswith("On ") and len(_DAY_MENTION.findall(absolute)) == 1 and short:
                rest = re.sub(r"^also\s+|\s+also\b", "", absolute.split(",", 1)[1].strip())
                if rest:
                    fields["rest"] = rest[0].lower() + rest[1:] if _lowerable(rest) else rest
            out.extend(_blanks(e, absolute, base, where))
        lists = {
            "same_day": tuple(by_day.get(e.date.isoformat(), ())),
            "rare": tuple(sorted(_words(e.text) & rare)),
        }
        out.append(Record("event", e.identity, fields, e.text, where, lists))
    return out


def _lowerable(clause: str) -> bool:
    words = clause.split()
    if not words:
        return False
    first = words[0]
    return first in ("The", "A", "An") or first.lower() in ("government", "pro-government")


_CAPTURE_VERBS = r"(?:captured|recaptured|retook|took|seized|stormed|entered|secured|cleared|reached|taking|capturing)"
_FIGURE = re.compile(
    r"(?<![\w.,–-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+(?P<unit>percent|per cent|"
    r"civilian deaths|civilians|deaths|militants|fighters|soldiers|towns|villages|tanks|districts|"
    r"neighbourhoods|neighborhoods|people|prisoners|bombers|missiles|aircraft)\b"
)
# a figure the sentence itself hedges ("about 70", "up to 80") or gives as one end of a range
_HEDGED = re.compile(
    r"(?:about|around|some|approximately|nearly|almost|roughly|up to|more than|over|at least|"
    r"an estimated|between\s+[\d,]+\s+and|[\d,]+\s+(?:and|to|or))\s+$",
    re.IGNORECASE,
)


_ACTOR = re.compile(
    r"^(?P<actor>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z0-9][\w'’-]*|of|and|the))*?)\s+"
    r"(?:had\s+)?(?:captured|recaptured|retook|took|seized|stormed|crossed|launched|bombed|"
    r"encircled|entered|announced|declared|surrendered|cleared)\b"
)
_GENERIC_ACTORS = {"government", "pro-government", "army", "military", "troops", "forces"}


def _actor(e: Event, sentence: str, base: dict, where: str) -> list[Record]:
    """Who did it: the named subject opening the statement ('Syrian Democratic Forces')."""
    lead, _, rest = sentence.partition(", ")
    m = _ACTOR.match(rest)
    if not m:
        return []
    actor = m.group("actor")
    words = actor.split()
    if len(words) > 9 or words[-1].lower() in ("the", "and", "of"):
        return []
    if actor.lower().removeprefix("the ").split()[0] in _GENERIC_ACTORS:
        return []
    if sentence.count(actor) != 1:
        return []
    blanked = f"{lead}, _____{rest[len(actor) :]}"
    fields = {**base, "actor": actor, "blanked": blanked, "iso": e.date.isoformat()}
    return [Record("actor", f"actor:{_h(e.identity)}", fields, e.text, where)]


def _blanks(e: Event, sentence: str, base: dict, where: str) -> list[Record]:
    """Places, figures and actors to blank out of an event sentence."""
    out: list[Record] = _actor(e, sentence, base, where)
    body_start = sentence.find(",") + 1
    for m in re.finditer(
        rf"\b{_CAPTURE_VERBS}\s+(?:the\s+(?:town|village|district|city|island|villages|districts|"
        rf"towns|neighbourhoods?|neighborhoods?)\s+of\s+)?(?P<list>{_PLACE_NAME}"
        rf"(?:(?:,\s+|,?\s+and\s+){_PLACE_NAME})*)",
        sentence,
    ):
        names = list(re.finditer(_PLACE_NAME, m.group("list")))
        if len(names) > 2:
            continue  # one village of a list of four tests luck, not knowledge
        for pm in names:
            start, end = m.start("list") + pm.start(), m.start("list") + pm.end()
            place = pm.group().strip()
            if place.split()[0] in _NOT_PLACES or place.endswith(("'s", "’s")):
                continue
            if place in base["title"]:
                continue  # the article's own subject: no question
            if start < body_start or sentence.count(place) != 1 or len(place) < 3:
                continue
            if sentence[end:].startswith(("'s", "’s")):
                continue
            blanked = sentence[:start] + "_____" + sentence[end:]
            fields = {**base, "place": place, "blanked": blanked, "iso": e.date.isoformat()}
            out.append(Record("place", f"place:{_h(e.identity, place)}", fields, e.text, where))
    for m in _FIGURE.finditer(sentence):
        if m.start() < body_start or _HEDGED.search(sentence[: m.start()]):
            continue
        if re.match(r"\s*(?:and|to|or|–|-)\s*\d", sentence[m.end("num") :]):
            continue
        num = m.group("num")
        blanked = sentence[: m.start("num")] + "_____" + sentence[m.end("num") :]
        fields = {**base, "number": num, "unit": m.group("unit"), "blanked": blanked,
                  "iso": e.date.isoformat()}  # fmt: skip
        out.append(
            Record(
                "figure", f"figure:{_h(e.identity, num, m.group('unit'))}", fields, e.text, where
            )
        )
    return out


def _one_line(text: str) -> str:
    return re.sub(r"\s*\n\s*", " · ", FLAG.sub("", text)).strip(" ·")
