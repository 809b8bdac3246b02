"""What one question can be about: one frozen dataclass per kind, with typed fields.

Templates (data) name a kind in ``about`` and its fields in their wording and conditions; the
names they may use are derived from these classes, so the schema lives here only. Every record
carries its ``salience`` (reading/salience.py says how it is reckoned) and the text it comes from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, get_type_hints


@dataclass(frozen=True)
class Record:
    kind: ClassVar[str] = ""
    identity: str  # what is asked about, independent of wording: ids and GUIDs derive from it
    source: str  # the sentence or infobox text the answer comes from, as a reader sees it
    where: str  # "infobox: commander1", "section: First day"
    salience: float
    fact: str  # what it tests: two questions of one fact never share a printed sheet

    def value(self, name: str) -> Any:
        return getattr(self, name)


@dataclass(frozen=True)
class Overview(Record):
    kind: ClassVar[str] = "overview"
    when: str = ""  # "18 June 1815", "14 September – 17 November 2017"
    start: str = ""
    end: str = ""
    year: str = ""
    one_day: bool = False
    place: str = ""
    partof: str = ""
    war: str = ""  # where 'part of' lists several things: the war of them all
    result: str = ""
    codename: str = ""


@dataclass(frozen=True)
class Side(Record):
    """One belligerent as the infobox heads its column."""

    kind: ClassVar[str] = "side"
    side: int = 0
    name: str = ""
    name_the: str = ""
    enemy: str = ""  # "the Confederate States of America"; "the X and the Y" for two


@dataclass(frozen=True)
class Leader(Record):
    """The commander the article's lead says led a side; its source is that sentence."""

    kind: ClassVar[str] = "leader"
    side: int = 0
    side_name: str = ""
    force: str = ""  # "the Army of the Potomac", or "the forces of the United States"
    leader: str = ""
    leader_choices: tuple[str, ...] = ()  # the other sides' leaders
    # " until 16 October 1915" where the infobox gives the side another commander before or
    # after him, so that the question has one right answer; else empty
    tenure: str = ""
    # "held the supreme command of" where the infobox or the lead says so and another of the
    # side led a part of it (Sobieski, with Charles of Lorraine leading the imperial troops)
    command: str = "commanded"


@dataclass(frozen=True)
class Commander(Record):
    kind: ClassVar[str] = "commander"
    side: int = 0
    side_name: str = ""
    name: str = ""
    rank: str = ""  # in full: "Lieutenant General"
    unit: str = ""  # "I Corps"
    unit_the: str = ""
    role: str = ""
    killed: bool = False
    named: int = 0  # how often the narrative names him
    unit_choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure(Record):
    """A total from the infobox: a side's losses or strength."""

    kind: ClassVar[str] = "figure"
    side: int = 0
    side_name: str = ""
    whose: str = ""  # "the French Empire's", "the Union's"
    count: str = ""  # as written: "41,000", "93,921"
    shown: str = ""  # as asked: "41,000", "about 94,000"
    what: str = ""  # "casualties", "troops"
    counted: str = (
        ""  # what the losses count, as the infobox's row says: "killed, missing, wounded and sick"
    )
    according: str = ""  # "according to the Syrian Observatory for Human Rights, "
    killed_only: bool = False  # the row counts the dead alone: "c. 1,500 killed"
    losses: bool = False
    strength: bool = False
    avoid: tuple[str, ...] = ()  # every figure the article gives: none is a wrong option
    count_choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event(Record):
    """A dated statement of the article, made to stand alone."""

    kind: ClassVar[str] = "event"
    date: str = ""  # "3 November 2017"
    iso: str = ""
    statement: str = ""  # the sentence with every date in full
    blanked: str = ""  # the sentence with this date as the blank ("On _____, ...")
    clause: str = ""  # the dated clause without its date, for lists and orderings
    by: bool = False
    phase: str = ""  # before, during, after the subject's own dates
    date_choices: tuple[str, ...] = ()
    date_edge: bool = False  # the wrong days could only fall on one side: written in instead
    battle_days: bool = False  # the wrong days are a short battle's other days: a guess of the day
    agreement: bool = (
        False  # a treaty signed after the subject: its name is asked, its day a detail
    )


@dataclass(frozen=True)
class Mention(Record):
    """A name in a statement, to be blanked: a place, a commander, a formation, a codename."""

    kind: ClassVar[str] = "mention"
    group: str = ""  # place, site, commander, fallen, actor, formation, codename, agreement
    answer: str = ""
    blanked: str = ""
    statement: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Order(Record):
    """Four of the article's events, to be put in order."""

    kind: ClassVar[str] = "order"
    items: tuple[str, ...] = ()  # in the order they happened
    dates: tuple[str, ...] = ()


KINDS: dict[str, type[Record]] = {
    k.kind: k for k in (Overview, Side, Leader, Commander, Figure, Event, Mention, Order)
}
_BASE = {f.name for f in dataclasses.fields(Record)}


def fields_of(kind: str) -> dict[str, str]:
    """A kind's template fields and their types ('text', 'flag', 'number', 'list'): the schema
    that template files are checked against and the README's table is made from."""
    cls = KINDS[kind]
    hints = get_type_hints(cls)
    out: dict[str, str] = {}
    for f in dataclasses.fields(cls):
        if f.name in _BASE - {"salience"}:
            continue
        t = hints[f.name]
        out[f.name] = {bool: "flag", int: "number", float: "number", str: "text"}.get(t, "list")
    return out


def schema_table() -> str:
    """The README's table of what templates may name, made from the classes above."""
    rows = ["| about | fields (lists, for `options: choices:FIELD`, in italics) |", "|---|---|"]
    for kind in KINDS:
        shown = [f"*{n}*" if t == "list" else f"`{n}`" for n, t in fields_of(kind).items()
                 if n != "salience"]  # fmt: skip
        rows.append(f"| {kind} | {', '.join(shown)} |")
    return "\n".join(rows)


@dataclass
class RecordSet:
    """Every record of one article, and what questions are asked in the article's own terms."""

    slug: str
    title: str
    subject: str  # "the Battle of Waterloo"
    kind_the: str  # "the battle", "the offensive": how a prompt says it without its name
    url: str | None
    was: str = "was"  # "were" for "the battles"
    records: list[Record] = field(default_factory=list)

    def of(self, kind: str) -> Iterator[Record]:
        return (r for r in self.records if r.kind == kind)
