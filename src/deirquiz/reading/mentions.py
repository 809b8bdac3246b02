"""Names in the article's statements that a card can blank: a commander the infobox lists, a
formation of its order of battle, a place the article keeps coming back to, a codename.

A name is blanked only where the statement names it once, not as one of a list, and where wrong
options of its own kind exist: same side, same form (a surname among surnames, with any rank left
out of the blank and the options alike), same kind of place or formation, none the statement names.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..infobox import country_names, ranks
from ..lexicon import lexicon
from . import names, salience, when
from .context import Context
from .places import Gazetteer
from .records import Mention

_FORMATION_HEAD = re.compile(
    r"\b(army group|army|corps|division|brigade|regiment|battalion|wing|guard|legion|forces|group|fleet|"
    r"squadron|company|battery|detachment)\b",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\b(\d+(?:st|nd|rd|th)|[IVXL]+)\b")
_SPELLED = re.compile(names.SPELLED_ORDINAL)


def _kind_words(name: str) -> set[str]:
    """'Sixth Panzer Army' -> {panzer, army}: what it is, its number aside. A wrong option of
    another kind ('Seventh Army' beside it) leaves the key the only Panzer army."""
    words = re.findall(r"[\w'’-]+", name)
    if len(words) >= 3 and not (_ORDINAL.fullmatch(words[0]) or _SPELLED.fullmatch(words[0])):
        words = words[1:]  # "Romanian 3rd Army" beside "Italian 8th Army": the nation aside
    return {w.lower() for w in words if not _ORDINAL.fullmatch(w) and not _SPELLED.fullmatch(w)}


_CODENAME_CUE = re.compile(
    r"(?:code-?named|code name|codename|known as|called|"
    r"(?:offensive|counter-offensive|counteroffensive|operation|attack|assault|landings?|plan),)\s*$",
    re.IGNORECASE,
)  # "codenamed X", "the Soviet counter-offensive, Operation Uranus": the sentence says what X was


# what became of a side's chief, told right after his name
_FATE = re.compile(
    r",?\s+(?:(?:was|were|had been)\s+)?(?:\w+ly\s+)?(?:taken prisoner|captured|surrendered|"
    r"escaped|fled|abdicated|capitulated)\b"
)


@dataclass(frozen=True)
class Person:
    name: str
    side: int
    unit: str = ""  # the formation the infobox lists beside him
    top: bool = False  # the side's first-listed commander, or the one the lead says led it


@dataclass(frozen=True)
class Formation:
    name: str
    side: int
    kin: frozenset[str]  # its ancestors and descendants: never a wrong option for it
    level: int = -1  # its depth in the order of battle, -1 where unknown

    @property
    def qualified(self) -> bool:
        """'Romanian 3rd Army', 'Italian 8th Army': a nation before the formation's name."""
        first = self.name.split()[0]
        return (
            first[:1].isupper()
            and first.isalpha()
            and not _FORMATION_HEAD.match(first)
            and (len(self.name.split()) > 2 and bool(_ORDINAL.search(self.name)))
        )


def _h(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


def _rank_before(text: str, start: int) -> int:
    """Where a rank written just before a name begins ('Lt. Gen. Sir Thomas Picton')."""
    words = sorted({*ranks(), *ranks().values(), "Marshal", "General", "Colonel", "Captain",
                    "Major", "Sergeant", "Lieutenant", "Admiral", "Commodore", "Emperor",
                    "King", "President", "Prime Minister"}, key=len, reverse=True)  # fmt: skip
    before = text[:start]
    for w in words:
        if before.endswith(w + " "):
            return _rank_before(text, start - len(w) - 1)
    return start


def _of_side(m: Mention, person: Person, ctx: Context) -> Mention:
    """'Major General _____ was killed': whose general, where the sentence names no state of
    either side: 'Syrian Major General _____'. Only before a rank, which a state word leads."""
    word = ctx.side_words.get(person.side, "")
    if not word or any(w and w in m.statement for w in ctx.side_words.values()):
        return m
    at = m.blanked.find(when.BLANK)
    rank = _rank_before(m.blanked, at)
    if at < 0 or rank == at:
        return m
    blanked = f"{m.blanked[:rank]}{word} {m.blanked[rank:]}"
    statement = f"{m.statement[:rank]}{word} {m.statement[rank:]}"
    return dataclasses.replace(m, blanked=blanked, statement=statement)


def _answer(form: str, full: str) -> str:
    """What a written-in blank is answered by: the form the sentence uses ('Tallard'), but a
    ruler's full name where the sentence gives him his bare first name ('Harold' -> 'King Harold
    II': a 'Harold' alone is no answer to write down months later), and a title's place in
    full ('Norfolk' -> 'Duke of Norfolk')."""
    if " " not in form and form == names.regnal_form(full):
        return full
    if re.search(rf"\bof\s+{re.escape(form)}$", full):
        return full  # "Norfolk was killed": the Duke of Norfolk, by his title in full
    return form


def _in_list(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 6) : start], text[end : end + 6]
    listed_before = re.search(r"(?:,|\band)\s+$", before) is not None
    listed_after = re.match(r"(?:,\s+[A-Z]|\s+and\s+[A-Z])", after) is not None
    return (listed_before and listed_after) or (listed_after and ", " in after[:2])


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + when.BLANK + text[end:]


MIN_WORDS = 7  # a blank in "_____ was abandoned." is a guess: the rest must say enough
MAX_WORDS = 32  # beyond this, the statement is padding round the blank


# where a sentence joins clauses that each stand alone: "..., and the Imperial cavalry general
# Pappenheim ...", "...; Montcalm was mortally wounded"
_JOINS = re.compile(
    r";\s+|,\s+(?:and|but)\s+(?=(?:[Tt]he|[Aa]n?|[A-Z][\w'’-]+|(?:by|in|on|at|after)\s+the)\s)"
)


def _own_clause(text: str, start: int, end: int) -> tuple[str, int, int]:
    """A sentence too long for a card, cut to the clause the name stands in, where that clause
    stands alone: 'Gustavus Adolphus was killed early in the afternoon while leading a cavalry
    charge, and the Imperial cavalry general Pappenheim, who ...' -> its first clause."""
    joins = list(_JOINS.finditer(text))
    if not joins or ":" in text[:start]:  # after a colon, the items of a list: no clauses
        return text, start, end
    bounds = zip(
        [0, *(m.end() for m in joins)], [*(m.start() for m in joins), len(text)], strict=True
    )
    for a, b in bounds:
        if a <= start and end <= b:
            part = text[a:b].rstrip(" .")
            if re.match(r"(?:[Tt]he|[Aa]n?|by|in|on|at|after)\s", part) or part[:1].isupper():
                return part[:1].upper() + part[1:] + ".", start - a, end - a
    return text, start, end


def _make(group: str, answer: str, text: str, start: int, end: int, choices: Iterable[str],
          source: str, where: str, weight: float) -> Mention | None:  # fmt: skip
    if text.count(text[start:end]) != 1:
        return None
    words = len(re.findall(r"[\w'’-]+", text[:start] + " " + text[end:]))
    if words > MAX_WORDS:
        text, start, end = _own_clause(text, start, end)
        words = len(re.findall(r"[\w'’-]+", text[:start] + " " + text[end:]))
    if not MIN_WORDS <= words <= MAX_WORDS:
        return None  # too little to recognise the gap by, or a paragraph to wade through
    kept = [c for c in dict.fromkeys(choices) if c and c != answer and c not in text]
    if group not in ("codename", "fallen", "actor", "agreement", "site") and len(kept) < 2:
        return None
    # an agreement is one fact however often the article names it: one card
    told = "" if group == "agreement" else f":{_h(source)}"
    return Mention(
        identity=f"mention:{group}:{answer}{told}",
        source=source,
        where=where,
        salience=round(weight, 3),
        fact=f"{group}:{answer}{told}",
        group=group,
        answer=answer,
        blanked=_blank(text, start, end),
        statement=text,
        choices=() if group == "site" else tuple(kept),
    )


def people(text: str, source: str, where: str, weight: float, ctx: Context,
           persons: list[Person]) -> list[Mention]:  # fmt: skip
    form_map = ctx.forms(p.name for p in persons)
    who = {p.name: p for p in persons}
    out = []
    for found, full in names.find(text, form_map):
        short = found.form != full
        me = who[full]
        if me.top and _FATE.match(text[found.end :]) and not _in_list(text, found.start, found.end):
            # "Tallard was taken prisoner", "Paulus surrendered": the side's own chief, whose fate
            # is the story's end; written in, since no one of his level stands beside him
            start = _rank_before(text, found.start)
            answer = _answer(found.form, full)
            m = _make("actor", answer, text, start, found.end, (), source, where, weight)
            if m:
                out.append(m)
            continue
        if me.top or not _head(me.unit):
            # no one of his own level to offer beside him (an army's commander): written in,
            # where the lead tells what he did ("the defection of Kobayakawa Hideaki ... broke")
            titled = re.match(r"\s+of\s+[A-Z]", text[found.end :])  # "the Elector _____ of Bavaria"
            if (
                where == "lead"
                and not me.top
                and not titled
                and _turning(text)
                and not _in_list(text, found.start, found.end)
            ):
                start = _rank_before(text, found.start)
                m = _make("actor", found.form, text, start, found.end, (), source, where, weight)
                if m:
                    out.append(m)
            continue
        same_side = [
            p.name for p in persons
            if p.side == me.side and p.name != full and not p.top and _head(p.unit) == _head(me.unit)
        ]  # fmt: skip
        if short:
            shorts = {v: k for k, v in form_map.items() if k != v}
            choices = [shorts[n] for n in same_side if n in shorts]
        else:
            choices = same_side
        if any(c in text for c in (*choices, *same_side)):
            choices = [c for c in choices if c not in text]
        if _in_list(text, found.start, found.end):
            continue
        start = _rank_before(text, found.start)
        count = ctx.count(full) + (ctx.count_short(found.form) if short else 0)
        w = (
            weight
            + (0.1 if count >= 2 else -0.1)
            + (0.1 if ctx.in_lead(found.form, short) else 0.0)
        )
        m = _make("commander", found.form, text, start, found.end, choices, source, where, w)
        if m:
            out.append(m)
    return out


def fallen(text: str, source: str, where: str, weight: float, ctx: Context,
           persons: list[Person]) -> list[Mention]:  # fmt: skip
    """'Major General _____ was killed after his convoy hit a landmine': a commander of the
    infobox whom the statement, and it alone, says was killed, written in rather than chosen
    (the converter drops the infobox's † marks, so another commander offered beside him may
    have died as well). The rank stays outside the blank: it says who is meant."""
    from ..fallen import BREAK, DIED

    form_map = ctx.forms(p.name for p in persons)
    out = []
    for m in DIED.finditer(text):
        before = text[: m.start()]
        cut = max((b.end() for b in BREAK.finditer(before)), default=0)
        found = names.find(before[cut:], form_map)
        if len(found) != 1 or re.search(r"\band\b", before[cut:]):
            continue  # "Gyrth and Leofwine were killed": two answers, or none named
        at, full = found[0]
        short = at.form != full
        start, end = cut + at.start, cut + at.end
        if re.match(r"['’]s\b", text[end:]) or re.search(r"\d", text[end : m.start()]):
            continue  # "Kitchener's losses were 47 killed": his men, not he, fell
        # a chief's death the lead tells weighs what the lead's sentence does
        w = max(salience.FALLEN, weight) + (0.05 if ctx.in_lead(at.form, short) else 0.0)
        made = _make("fallen", _answer(at.form, full), text, start, end, (), source, where, w)
        person = next((p for p in persons if p.name == full), None)
        if made and person:
            made = _of_side(made, person, ctx)
        if made:
            out.append(made)
    return out


def _shares_a_word(name: str, said: set[str]) -> bool:
    """'Romanian 4th Army' beside a sentence on 'the Romanian armies': ruled out by the text."""
    own = {w.lower() for w in re.findall(r"[\w'’-]+", name)}
    return bool(
        {w for w in own if not _FORMATION_HEAD.fullmatch(w) and not _ORDINAL.fullmatch(w)} & said
    )


def _head(name: str) -> str:
    m = _FORMATION_HEAD.search(name)
    return m.group(1).lower() if m else ""


def _whose(before: str) -> str:
    """The state's word that ends ``before``: 'the British ' -> 'British'."""
    m = re.search(r"(?:^|\s)([A-Z][\w-]+(?: [A-Z][\w-]+)?)\s+$", before)
    if not m:
        return ""
    word = m.group(1)
    states = lexicon().state_words
    return word if word in states or word.split()[-1] in states else ""


def formations(text: str, source: str, where: str, weight: float, ctx: Context,
               units: list[Formation]) -> list[Mention]:  # fmt: skip
    out = []
    for u in units:
        if u.name not in text:
            continue
        pos = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(u.name)}(?![\w-])", text)]
        if len(pos) != 1 or _in_list(text, pos[0], pos[0] + len(u.name)):
            continue
        if re.search(r"[A-Z][\w-]+['’]s\s+$", text[: pos[0]]):
            continue  # "Gough's _____": asks whose army he led, not what the sentence tells
        numbers = set(_ORDINAL.findall(u.name))
        whose = _whose(text[: pos[0]])  # "the British _____": no "French Sixth Army" to offer
        own = {w.lower() for w in re.findall(r"[\w'’-]+", u.name)}
        said = {w.lower() for w in re.findall(r"[\w'’-]+", text)} - own
        kind = _kind_words(u.name)
        choices = [
            o.name for o in units
            if o.side == u.side and o.name != u.name and o.name not in u.kin
            and _head(o.name) == _head(u.name) and not numbers & set(_ORDINAL.findall(o.name))
            and (u.level < 0 or o.level < 0 or o.level == u.level)
            and o.qualified == u.qualified and not _shares_a_word(o.name, said)
            and (not (numbers or _SPELLED.search(u.name)) or _kind_words(o.name) == kind)
            and not (whose and o.name.split()[0] in lexicon().state_words)
        ]  # fmt: skip
        # a numbered formation matters where the lead names it; a named one where it recurs
        told = ctx.in_lead(u.name) or (not numbers and ctx.count(u.name) >= 3)
        w = weight + (0.1 if told else -0.3)
        m = _make(
            "formation", u.name, text, pos[0], pos[0] + len(u.name), choices, source, where, w
        )
        if m:
            out.append(m)
    return out


_LOCATOR = re.compile(
    r"\b(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ward)?\s+of\s+(?:the\s+)?$", re.I
)


def places(text: str, source: str, where: str, weight: float, ctx: Context,
           g: Gazetteer) -> list[Mention]:  # fmt: skip
    out = []
    own = _own_places(ctx)
    for place, pos in g.named_in(text).items():
        if place in own:
            continue  # "the village of _____" in the Battle of Blenheim: the title answers it
        if re.search(r"\s\d+$", place):
            continue  # "Eliane 1": a numbered part of a position, too fine for a question
        if len(pos) != 1 or _in_list(text, pos[0], pos[0] + len(place)):
            continue
        if re.match(r"\s+[A-Z][a-z]", text[pos[0] + len(place) :]):
            continue  # "the Pusan Perimeter": a word of a longer name, not the place
        if _told_elsewhere(place, text, pos[0]):
            continue  # "Hideyori remained in _____ ... the siege of Osaka": Osaka Castle
        if _LOCATOR.search(text[: pos[0]]):
            continue  # "Pavia, some 35 km south of _____": where a place lies, not what befell it
        count = ctx.count(place)
        if count < 2:
            continue  # a place named once is a detail of the story, not a place that matters
        w = weight + salience.place(count, ctx.in_lead(place)) - 0.1
        alike = [p for p in g.alike(place) if p not in own]  # "Blindheim" is Blenheim
        said = re.search(r"\bthe ([a-z]+) of $", text[: pos[0]])  # "the village of _____"
        if said and said.group(1) in lexicon().place_nouns:
            nouns = lexicon().place_nouns
            alike = [
                p for p in alike if p.split()[-1].lower() not in nouns - {said.group(1)}
            ]  # "Mouquet Farm" is no village
        group = "place"
        if len([p for p in alike if p not in text]) < 2:
            if where != "lead" or not _changed_hands(text, pos[0], pos[0] + len(place), ctx):
                continue
            group = "site"  # "The Japanese took _____ on 3 May 1942": none of its kind to offer
        m = _make(group, place, text, pos[0], pos[0] + len(place), alike, source, where, w)
        if m:
            out.append(m)
    return out


def _told_elsewhere(place: str, text: str, at: int) -> bool:
    """A word of the place's own name ('Osaka', not 'Castle') stands elsewhere in the sentence,
    so that the blank fills itself in."""
    rest = set(_WORDS.findall(text[:at] + " " + text[at + len(place) :]))
    nouns = lexicon().place_nouns
    own = [w for w in re.findall(r"[\w'’-]+", place) if w[:1].isupper() and w.lower() not in nouns]
    return any(w in rest for w in own if len(w) > 2)


_WORDS = re.compile(r"[\w-]+")  # a word as (?<![\w-])...(?![\w-]) bounds it


def _changed_hands(text: str, start: int, end: int, ctx: Context) -> bool:
    """'took Tulagi', 'saved Vienna', 'Acre fell', 'Seoul was recaptured': the place itself is
    what was taken, not a side ('Japan lost only three torpedo boats') or a name's part."""
    if text[end : end + 3] in ("'s ", "’s ") or re.match(r"\s+of\s+[A-Z]", text[end:]):
        return False
    place = text[start:end]
    first = place.split()[0]
    if names.MONARCH.match(place + " ") or first in ranks() or first in ranks().values():
        return False  # "King John was taken prisoner": a person
    if place in country_names() or any(
        place in f.text and re.search(rf"(?<![\w-]){re.escape(place)}(?![\w-])", f.text)
        for k, f in ctx.article.infobox.items()
        if k.startswith(("combatant", "commander"))
    ):
        return False  # "Japan lost only three torpedo boats": a side; "Francis was taken": a man
    verbs = lexicon().hands_verbs
    before = re.search(r"([a-z]+)\s+(?:the\s+)?$", text[:start])
    after = re.match(r"\s+(?:(?:was|were|had been|had)\s+)?(?:\w+ly\s+)?([a-z]+)", text[end:])
    return bool((before and before.group(1) in verbs) or (after and after.group(1) in verbs))


def _turning(text: str) -> bool:
    """A turn of the story: 'defection', 'captured', 'surrendered'."""
    words = {w.lower() for w in re.findall(r"[\w'’-]+", text)}
    return bool(words & lexicon().turning_verbs)


def _own_places(ctx: Context) -> set[str]:
    """The subject's own place, as the title and the infobox name it ('Blenheim'; 'Blindheim,
    Bavaria'): never a blank, and never a wrong option beside another village, since it may be
    the same place by another name."""
    field = ctx.article.infobox.get("place")
    first = re.split(r"[,;(]", field.text)[0].strip() if field else ""
    return {p for p in (ctx.subject.place, first) if p}


def codenames(text: str, source: str, where: str, ctx: Context) -> list[Mention]:
    out = []
    terms, title = ctx.article.terms, ctx.article.title
    named = terms[1:] if terms and (terms[0] in title or title in terms[0]) else terms
    for term in named:
        pos = text.find(term)
        if pos < 0 or not _CODENAME_CUE.search(text[:pos]):
            continue  # "_____ began on 12 December": the card must say what the operation was
        end = pos + len(term)
        gloss = re.match(r"\s*\([^()]*\)", text[end:])  # "(Unternehmen Wintergewitter)"
        said = text[:end] + text[end + gloss.end() :] if gloss else text
        m = _make("codename", term, said, pos, end, (), source, where, salience.CODENAME)
        if m:
            out.append(m)
    return out


@cache
def _agreement_names() -> re.Pattern[str]:
    heads = "|".join(sorted(h.capitalize() for h in lexicon().agreement_heads))
    name = r"[A-Z][\w'’-]+"
    return re.compile(
        rf"(?<=\b[Tt]he )(?:(?:{heads}) of {name}(?: {name})*|(?:{name} ){{1,3}}(?:{heads})\b)"
    )


def agreement_spans(text: str) -> list[tuple[int, int]]:
    """Where the statement names an agreement: 'the Treaty of Paris', 'the Geneva Accords'."""
    return [(m.start(), m.end()) for m in _agreement_names().finditer(text)]


def agreements(text: str, source: str, where: str, weight: float) -> list[Mention]:
    """'By the _____, signed on 10 February 1763, France ceded Canada to Britain': the agreement
    that settled things, by its name. Written in: the article rarely names a second one, and an
    invented treaty would be no option."""
    out = []
    for start, end in agreement_spans(text):
        name = text[start:end]
        found = _make("agreement", name, text, start, end, (), source, where, weight)
        if found:
            out.append(found)
    return out[:1]
