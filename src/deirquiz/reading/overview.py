"""The infobox's head: when, where, part of what, how it ended; its sides and who led them."""

from __future__ import annotations

import dataclasses
import re

from .. import model
from ..dates import OLD_STYLE_ASIDE
from ..lexicon import lexicon
from . import names, salience, when
from .context import Context, side_adjective
from .records import Leader, Overview, Record, Side

_NEW_STYLE = re.compile(r"\(\s*([^()]*?\d{3,4})\s*(?:N\.S\.|New Style|Gregorian)\s*\)")


def overview(facts: list[model.Fact], ctx: Context) -> list[Overview]:
    """One record per infobox line asked about (its dates, result, part of, place, codename),
    each with that line as its source: two of them may share a sheet."""
    got = {f.name: f for f in facts if isinstance(f, model.Overview)}
    order = when.style(ctx.article)
    s = ctx.subject
    out = []
    date = got.get("date")
    if date and date.start and date.end and not _months(s.title):  # "(September–November 2017)"
        start, end = date.start, date.end
        bare = re.sub(r"\([^()]*\)", "", date.source)  # "(1 month, 3 weeks and 3 days)" aside
        apart = re.search(r"\band\b", bare) is not None  # "September 19 and October 7"
        said = re.sub(r"\s+", " ", bare).strip() if apart else ""
        said = said or when.say_range(start, end, order)
        other = _NEW_STYLE.search(date.source)  # "16 April 1746 (O.S.) (27 April 1746 N.S.)"
        if other and other.group(1) not in said:
            said += f" (or {other.group(1)}, New Style)"  # one day in two calendars: either
        old = OLD_STYLE_ASIDE.search(date.source)  # "8 July [O.S. 27 June] 1709"
        if old and old.group(1) and start == end:
            day = (
                old.group(1)
                if re.search(r"\d{3,4}$", old.group(1))
                else f"{old.group(1)} {start.year}"
            )
            said += f" (or {day}, Old Style)"
        main = _MAIN_DAY.search(date.source)  # "(main assault on January 8, 1815)": the day
        if main and start != end:  # the lead gives: a student who writes it is right
            said += f" ({main.group(1).strip()})"
        out.append(Overview(
            identity="overview", source=date.source, where="infobox: date",
            salience=salience.DATES, fact="overview:date",
            when=said, start=when.say(start, order),
            end=when.say(end, order) if end != start else "",
            year=str(start.year) if start.year == end.year else "", one_day=start == end,
        ))  # fmt: skip
    for name, weight in (("result", salience.RESULT), ("partof", salience.PARTOF),
                         ("place", salience.PLACE), ("codename", salience.CODENAME)):  # fmt: skip
        f = got.get(name)
        if not f or not f.value:
            continue
        value = f.value
        if name == "place" and s.place:
            value = ""  # the title names a place: "where?" has the title's answer beside the key
        if name == "partof":
            war = _wider(_also_war(war_of(value), ctx.article.short_description))
            if war:
                sides = [c.name for c in facts if isinstance(c, model.Combatant) and c.leader]
                w = salience.GIVEN if _named_by_sides(war, sides) else weight
                rec = Overview(identity="overview:partof", source=f.source, where=f"infobox: {f.field}",
                               salience=w, fact="overview:partof", war=war)  # fmt: skip
                out.append(rec)
                continue
            if _several(value) or (s.place and s.place in value):
                continue  # "the Sekigahara campaign": the title's own name, not an answer
            if re.search(r"\b(?:period|era|age|epoch)$", value, re.I):
                continue  # "the Sengoku period": no war or campaign, and no answer to one
        if name == "result":
            value = _result(value)
        if name == "codename":
            value = "" if value in s.title else _glossed(value, f.source)
        if value:
            where = f"infobox: {f.field}"
            if f.field == "body":  # the codename, read from the article's text
                where = "lead" if f.source.strip()[:60] in ctx.lead else "body"
            rec = Overview(identity=f"overview:{name}", source=f.source, where=where,
                           salience=weight, fact=f"overview:{name}")  # fmt: skip
            out.append(_with(rec, name, value))
    return out


_QUALIFIERS = {"strategic", "tactical", "inconclusive", "indecisive", "operational", "limited"}


def _result(value: str) -> str:
    """'Decisive Syrian Army and allies victory' is infobox shorthand; 'a decisive victory for
    the Syrian Army and allies' is an answer. A one-word side ('Union victory') stays."""
    m = re.fullmatch(
        r"(?i)(decisive\s+|major\s+|pyrrhic\s+)?(.+?)\s+(victory|defeat)", value.strip()
    )
    if not m or len(m.group(2).split()) < 3:
        return value
    if re.search(r"[;,:()]", m.group(2)) or set(m.group(2).lower().split()) & _QUALIFIERS:
        return value  # "Inconclusive; strategic Union victory": the row's own words, as they are
    last = m.group(2).split()[-1]
    if re.search(r"(?:ish|ese|ian|ch)$", last) or last in lexicon().state_words:
        return value  # "Hospitaller and Spanish victory": an adjective, no side to say "the" of
    how = (m.group(1) or "").strip().lower()
    side = m.group(2) if m.group(2).lower().startswith("the ") else f"the {m.group(2)}"
    return f"a {how + ' ' if how else ''}{m.group(3).lower()} for {side}"


def _glossed(name: str, source: str) -> str:
    """'Operation Fajr-3 (Operation Dawn 3)': the key as the sentence gives it, with the
    translation beside it, since a learner may know either."""
    m = re.search(re.escape(name) + r"\**\s*\(([A-Z][^()]{2,60})\)", source)
    if not m or re.search(r"\d{3,}|;|\bor\b", m.group(1)):  # "(1942)", "(or ...)": no gloss
        return name
    return f"{name} ({m.group(1).strip()})"


def _months(title: str) -> bool:
    from ..dates import MONTH

    return re.search(rf"\b{MONTH}\b", title) is not None


_WAR = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w'’–-]*\s+)*(?:[Cc]ivil\s+)?(?:[Ww]ar|Wars)(?:\s+[IVX]+)?"
    r"(?:\s+of\s+(?:(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"  # "the War of Cyprus"
    r"|\d{3,4}(?:[–-]\d{2,4})?(?!\d)))?\b"  # "the Italian War of 1521–1526"
)

_CONFLICT = re.compile(
    r"^the\s+(?:[A-Z][\w'’–-]*\s+)+(?:invasions?|conquests?|campaigns?|crusades?|revolts?|"
    r"rebellions?|uprisings?|risings?|wars?)\b"
)


# a note of the day the fighting came to a head, within the field's span
_MAIN_DAY = re.compile(
    r"\(((?:the\s+)?(?:main|decisive|final|principal)\s+(?:assault|attack|battle|engagement|"
    r"action|fighting)\s+on\s+[^()]*\d[^()]*)\)"
)


def _named_by_sides(war: str, sides: list[str]) -> bool:
    """'the Austro-Prussian War' between the Austrian Empire and the Kingdom of Prussia, 'the
    Russo-Japanese War': the sides' names spell it out, on the card and on any sheet naming
    them; 'the Anglo-Zulu War' beside the United Kingdom does not."""
    m = re.match(
        r"(?:the\s+)?(?:First\s+|Second\s+)?([A-Z][\w'’]*(?:[-–][A-Z][\w'’]*)+)\s+[Ww]ar\b", war
    )
    if not m:
        return False
    said = {w.lower()[:4] for n in sides for w in re.findall(r"[\w'’]+", n)}
    return all(p.lower()[:4] in said for p in re.split(r"[-–]", m.group(1)))


def _several(value: str) -> bool:
    """'the Eastern Syria campaign and the Russian military intervention...': more than one."""
    return re.search(r"\s+and\s+(?=the\b|[A-Z])|;", value) is not None


def _of_more(war: str, value: str) -> str:
    """'the War of the League' of 'the War of the League of Cambrai': the name goes on where
    a second 'of' names no war ('of the Napoleonic Wars' is a war of its own)."""
    m = re.search(
        re.escape(war.strip()) + r"(\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", value
    )
    if m and not re.search(r"\b(?:War|Wars)\b", m.group(1)):
        return war.strip() + m.group(1)
    return war


def war_of(value: str) -> str:
    """The war that a 'part of' names last: asked as 'which war?', with one right answer, where
    'which war or campaign?' has several ('the Eastern Theater of the American Civil War': a
    student who writes 'the Maryland campaign' is right too). Where it lists a war
    and a series of wars ('the War of Cyprus and the Ottoman–Habsburg wars'), a student who
    names either is right: the key names both, and no more (the War of Cyprus was fought by
    Venice, not the Habsburgs)."""
    wars = [_of_more(w, value) for w in _WAR.findall(value)]
    if not wars:
        return ""
    inner = re.fullmatch(
        r"(.+?\b[Ww]ar)\s+of\s+(.*\b(?:[Ww]ar|Wars)(?:\s+[IVX]+)?)", wars[-1].strip()
    )
    if inner and _WAR.fullmatch(inner.group(2)):  # "the Pacific War of World War II"
        return f"{inner.group(1)} (or {inner.group(2)})"
    nested = re.search(r".*\bof\s+((?:the\s+)?[A-Z][^,;]*?\s+Wars)\s*$", value)
    if (
        nested and len(wars) >= 2 and " and " not in nested.group(1)
    ):  # "the War of the Third Coalition of the Napoleonic Wars"
        return f"{wars[-2].strip()} (or {nested.group(1).strip()})"
    series = re.search(
        r"\band\s+((?:the\s+)?[A-Z][^,;]*?\s+[Ww]ars(?:\s+of\s+[a-z][\w\s]*)?)\s*$", value
    )  # "... and the Spanish American wars of independence"
    if series:
        own = [w.strip() for w in wars if w.strip() not in series.group(1)]
        if own:
            return f"{own[-1]} (or {series.group(1).strip()})"
    # "the Franco-Spanish War (1635–1659)": its years as a war's name holds them
    value = re.sub(r"\b(War|Wars)\s*\((\d{3,4}[–-]\d{2,4})\)", r"\1 of \2", value)
    parts = [p.strip() for p in re.split(r"\s+and\s+(?=the\s+[A-Z])|;\s*", value)]
    both = [p for p in parts if _A_WAR.search(p)]
    if len(both) >= 2:  # "the French and Indian War and the Seven Years' War": either is right
        return f"{both[-1]} (or {both[-2]})"
    if len(parts) == 2 and wars[-1].strip() == parts[1] and _CONFLICT.search(parts[0]):
        # "the Mongol invasions of the Levant and the Mamluk–Ilkhanid War": either is right
        return f"{parts[1]} (or {parts[0]})"
    return wars[-1].strip()


# a war's name at the end of a part: "the Seven Years' War", "the Franco-Spanish War of
# 1635–1659", "the Williamite War in Ireland"
_A_WAR = re.compile(
    r"\b(?:War|Wars)(?:\s+of\s+\d{3,4}(?:[–-]\d{2,4})?|\s+(?:in|of)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)*)?$"
)


def _wider(war: str) -> str:
    """A war fought within a wider one, which a student may name as rightly: 'the Pacific War
    (or World War II)' (the data list `wider_wars` in the lexicon)."""
    if not war or "(or " in war:
        return war
    wider = lexicon().wider_wars.get(war.removeprefix("the "))
    return f"{war} (or {wider})" if wider else war


def _also_war(war: str, short: str) -> str:
    """The war beside the one the short description names ('1798 naval battle of the French
    Revolutionary Wars' beside the War of the Second Coalition): a student who names either is
    right."""
    m = re.search(r"\bof\s+(the\s+[A-Z][^,;()]*?\b(?:War|Wars))\s*$", short)
    if not war or not m or "(or " in war:
        return war
    other = m.group(1)
    if other.lower() in war.lower() or war.lower().removeprefix("the ") in other.lower():
        return war
    return f"{war} (or {other})"


def _with(rec: Overview, name: str, value: str) -> Overview:
    if name == "result":
        return dataclasses.replace(rec, result=value)
    if name == "partof":
        return dataclasses.replace(rec, partof=value)
    if name == "place":
        return dataclasses.replace(rec, place=value)
    return dataclasses.replace(rec, codename=value)


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


def forces(facts: list[model.Fact], ctx: Context) -> dict[int, str]:
    """Each side's army where its order of battle has one head and the narrative calls it so:
    'the Army of the Potomac'; not an infobox label the text hardly uses ('the Mediterranean
    Fleet'), by which a learner could not tell the side."""
    out = {}
    for side in {c.side for c in facts if isinstance(c, model.Combatant)}:
        tops = [
            u.name for u in facts if isinstance(u, model.Unit) and u.side == side and not u.parent
        ]
        if len(tops) == 1 and (ctx.count(tops[0]) >= 2 or ctx.in_lead(tops[0])):
            out[side] = names.unit_the(_with_its_state(tops[0], side, facts, ctx))
    return out


def _with_its_state(unit: str, side: int, facts: list[model.Fact], ctx: Context) -> str:
    """'Manchurian Army' -> 'Japanese Manchurian Army' where the narrative gives another side a
    force of that name ('the three Russian Manchurian Armies' at Mukden)."""
    states = {
        c.side: side_adjective(c.name) for c in facts if isinstance(c, model.Combatant) and c.leader
    }
    own, others = states.get(side, ""), {a for s, a in states.items() if s != side and a}
    if " " not in unit:  # "Hauptarmee": a word of its own language, said with its state's
        return f"the {own} {unit}" if own else f"the {unit}"
    if " of " in unit:
        return unit  # "the Army of Châlons": its own name says whose
    stem = re.escape(unit[:-2] if len(unit) > 4 else unit)
    theirs = any(re.search(rf"\b{o}\s+(?:\w+\s+){{0,2}}{stem}", ctx.body) for o in others)
    theirs = theirs or any(  # the Japanese "Manchurian Army" beside the Russian "Manchurian Armies"
        isinstance(u, model.Unit) and u.side != side and not u.parent
        and u.name.split()[0] == unit.split()[0]
        for u in facts
    )  # fmt: skip
    return f"{own} {unit}" if own and theirs and own not in unit else unit


def _force(side: int, facts: list[model.Fact], side_the: str, ctx: Context) -> str:
    """The side's army as ``forces`` names it, else 'the forces of the United States'."""
    named = forces(facts, ctx).get(side)
    if named:
        return named
    allies = [
        c for c in facts
        if isinstance(c, model.Combatant) and c.side == side and not c.leader and c.group is None
    ]  # fmt: skip
    # at sea, the fleet: "the Ottoman forces" would take in the troops it carried, whom another
    # may have commanded; an alliance has no allies besides its members ("the Holy League")
    naval = "naval" in f"{ctx.article.short_description} {ctx.article.title}".lower()
    noun = "fleet" if naval else "forces"
    several = " and " in side_the and not side_adjective(side_the)  # "X and Lancastrian supporters"
    if names.COALITION.search(side_the) or several:
        allies = []
    # "the Greek and allied forces": Eurybiades the Spartan led the Greek fleet
    adjective = side_adjective(side_the) or names.people_word(side_the)  # "the Williamites"
    if adjective:
        return f"the {adjective} and allied {noun}" if allies else f"the {adjective} {noun}"
    head = re.sub(r"^the ", "", side_the).split(" of ")[0].split()[-1]
    whose = "their" if re.search(r"[^s]s$", head) else "its"  # "the Nawabs of Bengal"
    return f"the {noun} of {side_the} and {whose} allies" if allies else f"the {noun} of {side_the}"


_CUE = r"\b(?:under|led by|commanded by|(?i:army|forces|fleet|navy|troops|squadron) of)\s+"
_COMMANDED = re.compile(rf"{_CUE}(?P<who>(?:(?!{_CUE})[^,;:()])+)")
# "under Admirals Chester W. Nimitz, Frank Jack Fletcher and Raymond A. Spruance": the list goes on
_LIST_ON = re.compile(r"(?:,\s+(?:the\s+)?[A-Z][^,;:()]*)*,?\s+and\s+(?:the\s+)?[A-Z][^,;:()]*")


_PART = re.compile(
    r"\b(?:wing|flank|column|guard|vanguard|rearguard|corps|division|brigade|regiment|battalion|"
    r"cavalry|infantry|artillery|reserve|reserves|centre|center|detachment|squadron|"
    r"contingent|ships|battleships|cruisers|destroyers)\s*,?\s*$"
    r"|\b(?:remaining|surviving|rest\s+of\s+the)\s+[^,;:()]*$",
    re.IGNORECASE,
)  # "the remaining Russian battleships under Nebogatov": a part of the side, not its leader
_FORCE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+((?:[A-Z][\w'’-]*\s+|(?!(?:of|a|an|the)\s)[a-z][\w-]*\s+){0,4}?"
    r"(?:[Aa]rmy|[Ff]leet|[Nn]avy|[Ff]orces|troops|garrison)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s+[a-z]+s)?)?)\s*,?\s*$"
)  # "the British Eighth Army", "a British army", "a garrison of Hessian auxiliaries"; not "the
# surrender of a British army"


# a formation by its proper name: what the question names, where the lead puts one at the head
_NAMED_FORMATION = re.compile(
    r"\b[Tt]he\s+((?:[A-Z][\w'’-]*\s+|\d+(?:st|nd|rd|th)\s+)+(?:Division|Corps|Brigade|Squadron|Fleet|Flotilla))\s*,?\s*$"
)
_PART_OF = re.compile(
    r"\b[Tt]he\s+((?:[A-Z\d][\w'’-]*\s+)+(?:Regiment|Brigade|Division|Corps|Battalion|Squadron))"
    r"\s+of\s+$"
)
_SIZED = re.compile(r"^(?:(?:much|far)\s+)?(?:larger|smaller|bigger|stronger|weaker)\s+")


def _force_named(sentence: str, cue_start: int) -> str:
    """The lead's own name for the force before a cue: 'a Prussian army commanded by ...' ->
    'the Prussian army', 'the Viet Minh army of General Giáp' -> 'the Viet Minh army'."""
    m = _FORCE_BEFORE.search(sentence[:cue_start])
    force = _SIZED.sub("", m.group(1).strip()) if m else ""
    part = _PART_OF.search(sentence[: m.start()]) if m else None
    if part and force:  # "the 7th Cavalry Regiment of the United States Army under Custer"
        return f"the {part.group(1)} of the {force}"
    if " " not in force or not re.search(r"\b[A-Z]", force):
        return ""  # "the army of Siraj ud-Daulah", "the besieging army": says not whose
    return f"the {force}"


def _leader(side: int, facts: list[model.Fact], ctx: Context) -> tuple[str, str, str]:
    """(the commander the lead says led the side, that sentence, the lead's name for his force):
    'a French army under Napoleon', 'commanded by the Duke of Wellington'; none where the first
    sentence to name one names two together ('led by the consuls Paullus and Varro') or none at
    all. Later sentences tell of parts and successors ('the next day the remaining battleships
    under Nebogatov surrendered')."""
    from ..sentences import split_sentences

    people = [c for c in facts if isinstance(c, model.Commander) and not c.qualifier]
    form_map = ctx.forms(c.name for c in people)
    side_of = {c.name: c.side for c in people}
    found: dict[str, tuple[str, str]] = {}
    said = [s for line in ctx.lead.split("\n") for s in split_sentences(line)]
    for sentence in said:
        if found:
            break  # the first sentence to name the side's leader says who led it
        for m in _COMMANDED.finditer(sentence):
            before = sentence[: m.start()]
            formation = _NAMED_FORMATION.search(before)
            if _PART.search(before) and not formation:
                continue  # "the right wing under Bagration": a part of the army, not the side
            on = _LIST_ON.match(sentence, m.end())
            who = m.group("who") + (on.group() if on else "")
            rest = sentence[m.start("who") :]  # "Thomas Howard, Earl of Surrey": the comma is his
            titled = [c.name for c in people if "," in c.name and rest.startswith(c.name)]
            if titled:
                who = max(titled, key=len)
            title = _TITLED.match(sentence, m.end())
            office = re.fullmatch(r"the\s+[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s*", m.group("who"))
            if title and office and not names.find(who, form_map):  # "commanded by the
                who = title.group(1)  # Sirdar, Major-General Sir Herbert Kitchener": the man
            named = {f for _, f in names.find(who, form_map) if side_of[f] == side}
            if len(named) > 1:
                return "", "", ""
            head = re.match(r"(?i:army|forces|fleet|navy|troops)\b", m.group())  # "army of X"
            force = (
                f"the {formation.group(1)}"
                if formation
                else _force_named(sentence, m.start() + (head.end() if head else 0))
            )  # "The British 1st Airborne Division under Major-General Roy Urquhart"
            found.update((n, (sentence, force)) for n in named if n not in found)
        if found:
            cue = _COMMANDED.search(sentence)
            before = sentence[: cue.start()] if cue else ""
            told = {f for _, f in names.find(before, form_map) if side_of[f] == side}
            told |= {  # "under Prince Menshikov, with General Dannenberg in tactical command"
                f for at, f in names.find(sentence, form_map)
                if side_of[f] == side and "command" in sentence[at.end : at.end + 30]
            }  # fmt: skip
            told |= _field_commanders(ctx, form_map, side_of, side)
            if told - set(found):
                return "", "", ""  # "Nimitz sent two carrier groups under Fletcher": which led it?
    if len(found) != 1:
        return "", "", ""
    ((name, (sentence, force)),) = found.items()
    if _nominal(name, ctx, form_map):
        return "", "", ""  # "the nominal command of the Spartan Eurybiades": another led in fact
    return name, sentence, force


_TITLED = re.compile(r",\s+((?:[A-Z][\w.'’-]*\s*){1,8})(?=[,;.]|$)")
_NOMINAL = re.compile(r"\b(?:nominal(?:ly)?|in name)\b[^.;]{0,40}$")


def _nominal(name: str, ctx: Context, form_map: dict[str, str]) -> bool:
    """The lead calls his command nominal ('under the nominal command of the Spartan
    Eurybiades', 'commanded in name by Kutuzov'): the one who led in fact is a second answer."""
    return any(
        full == name and _NOMINAL.search(ctx.lead[: at.start])
        for at, full in names.find(ctx.lead, form_map)
    )


_IN_THE_FIELD = re.compile(
    r"\bcommanded\s+(?:in\s+the\s+field|on\s+the\s+day|in\s+practice|in\s+fact)\s+by\s+([^.;]+)"
)


def _field_commanders(ctx: Context, form_map: dict[str, str], side_of: dict[str, int],
                      side: int) -> set[str]:  # fmt: skip
    """Whom the lead says commanded the side's army in the field ('The Hungarian army, commanded
    in the field by Pál Tomori ... and György Zápolya'): beside a king who led it, a second
    right answer."""
    out: set[str] = set()
    for m in _IN_THE_FIELD.finditer(ctx.lead):
        out |= {f for _, f in names.find(m.group(1), form_map) if side_of[f] == side}
    return out


def _shared_command(side: int, leader: str, force: str, facts: list[model.Fact],
                    ctx: Context) -> bool:  # fmt: skip
    """'Who commanded X?' has two right answers: the lead's force is formations the infobox
    gives their own commanders ('the Third Army and Army of the Meuse under the overall
    direction of Moltke'), or the narrative tells the leader handing the command over or
    taking it back ('Rommel ... handed over command to Stumme')."""
    others = [
        c for c in facts
        if isinstance(c, model.Commander) and c.side == side and c.name != leader
    ]  # fmt: skip
    if force and any(c.unit and c.unit in force for c in others):
        return True
    own = next(
        (
            c
            for c in facts
            if isinstance(c, model.Commander) and c.side == side and c.name == leader
        ),
        None,
    )
    mine = _level(own.unit) if own and own.unit else -1
    if mine >= 0 and not force and any(c.unit and _level(c.unit) >= mine for c in others):
        return True  # "Otto von Below (14th Army)" beside "Archduke Eugen (South-Western Front)"
    if force and _JOINED.search(force) and any(not c.unit for c in others):
        return True  # "the Frankish and Aquitanian forces of Charles Martel", Odo beside him
    fell = bool(own and own.killed)  # the one who led it fell, and another took it on
    if fell and any(_took_over(names.short_form(c.name) or c.name, ctx.body) for c in others):
        return True  # "his successor, Gen. P. G. T. Beauregard, called off the assault"
    # "Rommel, who had been ill for months, handed over command to Stumme": another held it
    short = names.short_form(leader) or leader
    if short not in ctx.body or "command" not in ctx.body:
        return False
    short = re.escape(short)
    gave = rf"\b{short}\b[^.;]{{0,60}}\b(?:handed over|relinquished|gave up|resumed)\s+(?:the\s+)?command\b"
    return bool(re.search(gave, ctx.body))


# a force of two peoples ("the Frankish and Aquitanian forces"): each may have its own leader
_JOINED = re.compile(
    r"\b[A-Z][\w'’-]+\s+and\s+[A-Z][\w'’-]+\s+(?:forces|armies|army|troops|fleets?)\b"
)
_SUPREME = re.compile(r"(?i)\b(?:supreme|overall)\s+command\b|\bcommander-in-chief\b|^supreme\b")


def _command(side: int, leader: str, sentence: str, facts: list[model.Fact]) -> str:
    """'held the supreme command of' where the infobox's '(supreme command)' or the lead's
    'under the overall command of' sets him above another commander of his side."""
    mine = [c for c in facts if isinstance(c, model.Commander) and c.side == side]
    own = next((c for c in mine if c.name == leader), None)
    short = names.short_form(leader) or leader
    at = sentence.find(short)
    before = sentence[max(0, at - 50) : at] if at >= 0 else ""  # "under the overall command of"
    said = bool(own and own.unit and _SUPREME.search(own.unit)) or bool(_SUPREME.search(before))
    return "held the supreme command of" if said and len(mine) > 1 else "commanded"


# how high a formation stands: a commander of one as high as the leader's led no part of his
_LEVELS = (
    ("front", 5), ("army group", 5), ("armies", 4), ("army", 4), ("corps", 3), ("wing", 3),
    ("division", 2), ("brigade", 1), ("regiment", 0), ("battalion", 0),
)  # fmt: skip


def _level(unit: str) -> int:
    low = unit.lower()
    return next((n for word, n in _LEVELS if re.search(rf"\b{word}\b", low)), -1)


def _whose_force(force: str, side: int, ctx: Context) -> str:
    """The lead's force with its state's word where its name has none: 'the Third Army' ->
    'the British Third Army', 'the V Amphibious Corps' -> 'the United States V Amphibious
    Corps' (a formation alone says not whose)."""
    bare = force.removeprefix("the ")
    if not force or not re.match(
        r"(?:\d+(?:st|nd|rd|th)|[IVXLC]+|[A-Z][a-z]+(?:th|st|nd|rd))\s", bare
    ):
        return force  # "the Prussian army", "the Army of the Potomac": named already
    sided = ctx.sided.get(bare) or ctx.sided_by_box.get(bare, ("", ""))[0]
    word = ctx.side_words.get(side, "")
    if " of " in bare or (word and word in bare):
        return force  # "the 7th Cavalry Regiment of the United States Army"
    if sided:
        return f"the {sided}"
    return f"the {word} {bare}" if word else force


def _took_over(short: str, body: str) -> bool:
    """The body tells another of the side taking the command in the battle: 'his successor,
    Gen. P. G. T. Beauregard', 'Bernhard of Saxe-Weimar took command' (not 'took command of
    the 62nd Army', a formation of his own)."""
    if short not in body:
        return False
    name = re.escape(short)
    return bool(
        re.search(rf"\bsuccessor,?\s+(?:[A-Z][\w.]*\s+){{0,6}}{name}\b", body)
        or re.search(
            rf"\b{name}\b[^.;]{{0,60}}\b(?:took|assumed|took over)\s+(?:the\s+)?command\b(?!\s+of\b)",
            body,
        )
    )


def _tenure(side: int, leader: str, facts: list[model.Fact]) -> str:
    """' until 16 October 1915' where the infobox dates the leader's command and another's of
    the same side (Hamilton, then Monro): 'who commanded?' alone would have two answers."""
    dated = [
        c for c in facts
        if isinstance(c, model.Commander) and c.side == side and c.tenure
    ]  # fmt: skip
    own = next((c for c in dated if c.name == leader), None)
    if own and own.tenure and len(dated) >= 2:
        return f" {own.tenure}"
    return ""


def _first_commander(side: int, facts: list[model.Fact]) -> str:
    """The side's first commander in the infobox: the one a question about the side's whole
    forces may name. Another whom the lead puts at the head of a force the lead does not name
    led a part of it ('a small mounted force under the Captal de Buch', 'one battalion group,
    under Lieutenant-Colonel John Frost')."""
    return next(
        (
            c.name
            for c in facts
            if isinstance(c, model.Commander) and c.side == side and not c.qualifier
        ),
        "",
    )


def sides(facts: list[model.Fact], ctx: Context) -> list[Record]:
    leaders = {
        c.side: c for c in facts if isinstance(c, model.Combatant) and c.leader and c.side <= 4
    }
    heads = {side: _leader(side, facts, ctx) for side in leaders}
    out: list[Record] = []
    fields = ", ".join(o.field for _, o in sorted(leaders.items()))
    for side, c in sorted(leaders.items()):
        name_the = ctx.called(names.with_the(c.name))
        others = [
            ctx.called(names.with_the(o.name)) for s, o in sorted(leaders.items()) if s != side
        ]
        out.append(
            Side(
                identity=f"side:{side}:{c.name}",
                source=" · ".join(o.name for _, o in sorted(leaders.items())),
                where=f"infobox: {fields}",
                salience=salience.SIDES,
                fact=f"side:{side}",
                side=side,
                name=c.name,
                name_the=name_the,
                enemy=others[0] if len(others) == 1 else "",  # of three, two may be allies
            )
        )
        leader, sentence, named_force = heads[side]
        if leader and _shared_command(side, leader, named_force, facts, ctx):
            leader = ""
        if leader and (named_force or leader == _first_commander(side, facts)):
            rivals = tuple(h for s, (h, _, _) in sorted(heads.items()) if s != side and h)
            out.append(
                Leader(
                    identity=f"leader:{side}:{leader}",
                    source=sentence,
                    where="lead",
                    salience=salience.LEADER,
                    fact=f"leader:{side}",
                    side=side,
                    side_name=name_the,
                    force=_whose_force(named_force, side, ctx)
                    or _force(side, facts, name_the, ctx),
                    leader=leader,
                    leader_choices=rivals,
                    tenure=_tenure(side, leader, facts),
                    command=_command(side, leader, sentence, facts),
                )
            )
    return out
