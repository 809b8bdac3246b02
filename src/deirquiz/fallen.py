"""Commanders the body says fell: the converter drops Wikipedia's ``{{KIA}}`` mark, so a
commander of the infobox is marked killed (†) where the narrative of the battle says so:
"Maj. Gen. John F. Reynolds, commanding the left wing, was shot from his horse and killed",
"Gyrth and Leofwine were killed", "Paullus, Servilius and Marcus Minucius Rufus were among the
dead" (the fact's source stays the infobox's text). Only the battle's own sentences count: none dated after its last day, none in a section
whose dated statements all come after it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from . import eras
from .model import Article, Commander, Event, Fact
from .sentences import split_sentences

# the words between 'was' and 'killed' never open another clause: 'Davout was stunned when his
# horse was killed under him' tells of the horse
DIED = re.compile(
    r"\b(?:was|were|had\s+been|fell)\s+"
    r"(?:(?!(?:when|while|because|until|whereupon|was|were)\b)[\w,-]+\s+){0,6}?"
    r"(?:killed|mortally\s+wounded|shot\s+dead|slain|among\s+the\s+dead)\b"
)
_DIED_GATE = re.compile(r"killed|wounded|dead|slain")
# where the subject of 'was killed' starts: after the last clause break before it
BREAK = re.compile(
    r"[;:]|,\s+(?:and|but|while|when|as|after|before)\s+|\b(?:and|but)\s+(?=[a-z])"
    r"|\s(?:when|while|because|until|whereupon)\s"
    r"|\b(?:in|during|after|before)\s+which\s|,\s+(?:where|whom|whose)\s"
)  # "Ramming retook Rosberitz in bitter fighting, in which Hiller von Gärtringen was killed"


def mark_fallen(facts: list[Fact], article: Article, events: list[Event]) -> list[Fact]:
    """The facts, with commanders the battle's narrative says were killed marked so."""
    people = [f for f in facts if isinstance(f, Commander) and not f.killed]
    if not people:
        return facts
    subjects = list(_death_subjects(article, events))
    if not subjects:
        return facts
    said = " | ".join(subjects)
    fallen = {id(p) for p in people if _named(p, people, said)}
    if not fallen:
        return facts
    # the source stays as the infobox writes it: the † is the body's word, not the field's
    return [
        dataclasses.replace(f, killed=True) if isinstance(f, Commander) and id(f) in fallen else f
        for f in facts
    ]


def _death_subjects(article: Article, events: list[Event]):
    """The subject words of every 'was killed' of the battle's own sentences."""
    last = _last_day(article)
    late = _late_sections(events, last)
    dated = {e.text: e for e in events}
    for section, para in article.paragraphs:
        if section in late:
            continue
        for sentence in split_sentences(para):
            e = dated.get(sentence)
            if e is not None and last is not None and e.date > eras.add_days(last, 1):
                continue
            if not _DIED_GATE.search(sentence):
                continue
            for m in DIED.finditer(sentence):
                before = sentence[: m.start()]
                cut = max((b.end() for b in BREAK.finditer(before)), default=0)
                yield before[cut:]


def _last_day(article: Article) -> dt.date | None:
    from .dates import parse_range

    box = article.infobox.get("date")
    rng = parse_range(box.text) if box else None
    return rng[1] if rng else None


def _late_sections(events: list[Event], last: dt.date | None) -> set[str]:
    if last is None:
        return set()
    by_section: dict[str, list[Event]] = {}
    for e in events:
        by_section.setdefault(e.section, []).append(e)
    limit = eras.add_days(last, 1)
    return {s for s, es in by_section.items() if all(e.date > limit for e in es)}


_TITLES = re.compile(
    r"^(?:King|Queen|Emperor|Empress|Tsar|Sultan|Shah|Sir|Lord|Lady|Duke|Prince|Count|Earl|"
    r"Baron|Bishop|Archbishop|Pope|Saint|St\.?|Comte|Graf|Freiherr|[IVXL]+|[A-Z]\.|"
    r"von|van|de|du|der|den|di|da|of|the|al|el|bin|ibn)$"
)


def _tokens(name: str) -> list[str]:
    """A name's own words: 'King Harold II' -> ['Harold'], 'William, Duke of Normandy' ->
    ['William'], 'John F. Reynolds' -> ['John', 'Reynolds']."""
    head = name.split(",")[0]
    return [w for w in head.split() if not _TITLES.match(w) and len(w) > 1]


def _named(person: Commander, people: list[Commander], said: str) -> bool:
    """The subjects name the person: in full, or by a word of the name no other commander
    shares (a surname, a Roman nomen); never in the possessive ("Harold's brothers")."""
    others = {w for p in people if p is not person for w in _tokens(p.name)}
    words = _tokens(person.name)
    own = [w for w in words[1:] if w not in others] or [w for w in words[:1] if w not in others]
    forms = [n for n in [person.name, *own] if n in said]  # most are not: no pattern for them
    if not forms:
        return False
    alternatives = "|".join(re.escape(n) for n in forms)
    return re.search(rf"\b(?:{alternatives})\b(?!['’]s)", said) is not None
