"""The read stage: an article's facts and dated events -> the records questions are asked about.

Each record says one thing the article states, in words that stand alone on a card, with how much
it matters (salience.py); nothing here knows how a question is worded.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from .. import limits, model
from ..lexicon import lexicon
from ..model import Extraction
from ..sentences import split_sentences
from . import mentions, salience, timeline
from .context import Context, context
from .figures import figures
from .overview import forces, overview, sides
from .people import commanders, formations, persons
from .places import gazetteer
from .records import Event, Mention, Record, RecordSet
from .standalone import (
    after_the_subject,
    in_its_phase,
    ruler_numbered,
    stand_alone,
    the_subject_named,
    war_named,
)

_DATED = re.compile(r"\b\d{3,4}\b|^(?:After|Afterwards|Later|Following)\b")  # says when already
MAX_PER_SENTENCE = 2  # blanks made from one sentence: more would be the same card again


def _phase_of_section(heading: str) -> str:
    low = heading.lower()
    lex = lexicon()
    if any(w in low for w in lex.before_sections):
        return "before"
    if any(w in low for w in lex.after_sections):
        return "after"
    return "during"


def _statements(extraction: Extraction, ctx: Context, events: list[Event]):
    """(card text, source sentence, where, weight, phase) for every statement that stands alone:
    the dated ones as the timeline made them, the others as they are."""
    dated = {e.text for e in extraction.events}
    seen: set[str] = set()
    for ev in events:
        if ev.statement not in seen:
            seen.add(ev.statement)
            yield ev.statement, ev.source, ev.where, ev.salience, ev.phase
    apparatus = lexicon().apparatus_sections
    lead = [("lead", "during", p) for p in extraction.article.lead]
    told = [
        (f"section: {s.heading}", _phase_of_section(" ".join(s.path)), p)
        for s in extraction.article.sections
        if not any(h.lower() in apparatus for h in s.path)
        for p in s.paragraphs
    ]
    read = 0
    for where, ph, para in [*lead, *told]:
        previous = ""
        for sentence in split_sentences(para):
            read += 1
            if read > limits.STATEMENTS:
                return
            if where == "lead":  # "It opened the Norman conquest": the battle, by its name
                previous = the_subject_named(sentence, previous, ctx)
            if sentence in dated:
                continue
            text = stand_alone(previous if where == "lead" else sentence, ctx).text
            if text and where.startswith("section: "):
                text = in_its_phase(text, where.removeprefix("section: "), ctx)
            if text and ph == "after" and not _DATED.search(text):
                text = after_the_subject(text, ctx)  # "Mōri Terumoto gave up Osaka Castle"
            if text and text not in seen:
                seen.add(text)
                weight = salience.statement(text, ctx, ph, retold=where == "lead")
                yield text, sentence, where, weight, ph


# where a thing happened in what came before the subject is background ('Hideyoshi died at
# Fushimi Castle' two years before Sekigahara); what followed may be its outcome ('advancing
# north from Pusan', the link-up the landing at Inchon was for)
_AWAY = {"before": 0.2}


def _mentions(extraction: Extraction, ctx: Context, events: list[Event],
              leaders: set[str]) -> list[Mention]:  # fmt: skip
    facts = list(extraction.facts)
    people = persons(facts, leaders)
    units = formations(facts)
    sides_and_people = {p.name for p in people} | {u.name for u in units}
    sides_and_people |= {getattr(f, "name", "") for f in facts if f.kind == "combatant"}
    g = gazetteer([p for _, p in extraction.article.paragraphs], sides_and_people)
    out: list[Mention] = []
    for text, source, where, weight, phase in _statements(extraction, ctx, events):
        found = [
            *mentions.codenames(text, source, where, ctx),
            *mentions.agreements(text, source, where, weight),
            *mentions.people(text, source, where, weight, ctx, people),
            *(
                mentions.fallen(text, source, where, weight, ctx, people)
                if phase != "before"
                else []
            ),
            *mentions.formations(text, source, where, weight, ctx, units),
            *mentions.places(text, source, where, weight - _AWAY.get(phase, 0.0), ctx, g),
        ]
        # the card's header prints the title: a blank it names ("After the Battle of
        # Jena–_____") is answered before it is read
        found = [m for m in found if not _in_title(m.answer, extraction.article.title)]
        found.sort(key=lambda m: -m.salience)
        out.extend(found[:MAX_PER_SENTENCE])
    best: dict[str, Mention] = {}  # one card a fact ("the Treaty of Paris", named twice): its best
    for m in out:
        if m.identity not in best or m.salience > best[m.identity].salience:
            best[m.identity] = m
    return [m for m in out if best[m.identity] is m]


def _in_title(answer: str, title: str) -> bool:
    """The answer, or its last word, stands in the title as a whole word ('Auerstedt' in 'Battle
    of Jena–Auerstedt')."""
    words = re.findall(r"[\w'’]+", title.casefold())
    said = re.findall(r"[\w'’]+", answer.casefold())
    return bool(said) and " ".join(said) in " ".join(words) and len(said[-1]) > 3


def _named_on_card(r: Record, ctx: Context) -> Record:
    """A card's 'Francis' as 'Francis I', where the card does not ask for him, and its 'the
    war' as the war by name: after salience, which reads the article's own words."""
    if not isinstance(r, (Event, Mention)):
        return r

    def mend(text: str) -> str:
        text = war_named(text, ctx)
        if isinstance(r, Mention) and any(bare in r.answer for bare in ctx.rulers):
            return text
        return ruler_numbered(text, ctx)

    statement, blanked = mend(r.statement), mend(r.blanked)
    if statement == r.statement and blanked == r.blanked:
        return r
    return dataclasses.replace(r, statement=statement, blanked=blanked)


def read(extraction: Extraction) -> RecordSet:
    ctx = context(extraction)
    facts = list(extraction.facts)
    records: list[Record] = []
    records += overview(facts, ctx)
    records += sides(facts, ctx)
    records += commanders(facts, ctx)
    # a side's figures are the side's: the lead's army names them only where the order of
    # battle has no other head beside it (not the Army of the Tennessee for the river squadron)
    heads = Counter(u.side for u in facts if isinstance(u, model.Unit) and not u.parent)
    named = {
        r.value("side"): r.value("force")
        for r in records
        if r.kind == "leader" and heads[r.value("side")] <= 1
    }
    records += figures(facts, ctx, {**forces(facts, ctx), **named})
    events = timeline.events(extraction, ctx)
    records += events
    records += timeline.orders(events, ctx)
    leaders = {r.value("leader") for r in records if r.kind == "leader"}
    asked = [str(r.value("codename")) for r in records if r.kind == "overview"]
    records += [
        m
        for m in _mentions(extraction, ctx, events, leaders)
        # one card for the subject's name ("Operation Fajr-3 (Operation Dawn 3)")
        if not (m.group == "codename" and any(a.startswith(m.answer) for a in asked if a))
    ]
    records = [_named_on_card(r, ctx) for r in records]
    art = extraction.article
    return RecordSet(
        slug=art.slug,
        title=art.title,
        subject=ctx.subject.name,
        kind_the=f"the {ctx.subject.kind}" if ctx.subject.kind else "the fighting",
        was="were" if ctx.subject.kind.endswith("s") else "was",  # "the Battles of Saratoga"
        url=art.url,
        records=records,
    )
