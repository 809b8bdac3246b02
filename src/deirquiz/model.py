"""The typed data that crosses stages: article, facts, events, questions.

Every stage takes and returns these frozen dataclasses, so a writer never sees YAML and the
extractors never see Anki.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

BLANK = "_____"  # the one gap of every cloze and fill-in, from the generator to every writer
# file names Windows keeps for its devices: CON.md cannot be opened there
WINDOWS_DEVICES = re.compile(r"con|prn|aux|nul|com[0-9]|lpt[0-9]", re.IGNORECASE)


class DeirquizError(Exception):
    """A problem the user can fix: bad input, bad template, unwritable output.

    The CLI prints it as one line (``Error: <where>: <what>``) and exits with 1.
    """

    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}")
        self.where = where
        self.what = what


# --- the article, cleaned ---------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    text: str
    page: str


@dataclass(frozen=True)
class Field:
    """One infobox value: its text as written (repaired), its link targets and its emphasis."""

    name: str
    text: str
    links: tuple[Link, ...] = ()
    bold: tuple[str, ...] = ()
    italic: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    heading: str
    level: int
    path: tuple[str, ...]
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    title: str
    source: str
    url: str | None
    slug: str
    description: str
    infobox: dict[str, Field]
    lead: tuple[str, ...]
    sections: tuple[Section, ...]
    see_also: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # the body's bold phrases: the title, codenames
    short_description: str = ""  # "1798 naval battle of the French Revolutionary Wars"

    @property
    def paragraphs(self) -> list[tuple[str, str]]:
        """(section heading, paragraph) for the lead and every section, in reading order."""
        out = [("", p) for p in self.lead]
        for s in self.sections:
            out.extend((s.heading, p) for p in s.paragraphs)
        return out


# --- facts from the infobox -------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """A statement read from one infobox field; ``source`` is that field's text, as a reader sees it."""

    kind: ClassVar[str] = "fact"
    field: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        d = {"kind": self.kind}
        d.update(asdict(self))
        return d

    @property
    def identity(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class Overview(Fact):
    kind: ClassVar[str] = "overview"
    name: str = ""  # date, place, result, partof, territory, result_point, codename, coordinates
    value: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    latitude: float | None = None  # coordinates: degrees north (south below 0)
    longitude: float | None = None  # coordinates: degrees east (west below 0)

    @property
    def identity(self) -> str:
        return f"overview:{self.name}:{self.value}"

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d["field_name"] = d.pop("name")
        d["start"] = self.start.isoformat() if self.start else None
        d["end"] = self.end.isoformat() if self.end else None
        return d


@dataclass(frozen=True)
class Combatant(Fact):
    kind: ClassVar[str] = "combatant"
    name: str = ""
    side: int = 0
    group: str | None = None  # "Allied militias"
    country: str | None = None
    leader: bool = False  # the side's first, headline belligerent

    @property
    def identity(self) -> str:
        return f"combatant:{self.side}:{self.name}"


@dataclass(frozen=True)
class Commander(Fact):
    kind: ClassVar[str] = "commander"
    name: str = ""
    side: int = 0
    rank: str | None = None
    unit: str | None = None
    role: str | None = None
    country: str | None = None
    killed: bool = False
    qualifier: str | None = None  # "possibly"
    tenure: str | None = None  # "until 16 October 1915": another commanded the side before or after

    @property
    def identity(self) -> str:
        return f"commander:{self.side}:{self.name}"


@dataclass(frozen=True)
class Unit(Fact):
    kind: ClassVar[str] = "unit"
    name: str = ""
    side: int = 0
    parent: str | None = None
    ancestors: tuple[str, ...] = ()
    country: str | None = None
    level: int = 0

    @property
    def identity(self) -> str:
        return f"unit:{self.side}:{self.name}"

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d["ancestors"] = list(self.ancestors)
        return d


@dataclass(frozen=True)
class Casualty(Fact):
    kind: ClassVar[str] = "casualty"
    side: int = 0
    text: str = ""
    count: str = ""  # as written: "300+", "101", "5,000–10,000+"
    what: str = ""  # killed, captured, wounded, civilians killed, ...
    claimed_by: str | None = None
    periods: tuple[tuple[dt.date, dt.date], ...] = ()
    who: str | None = None  # "civilians" when the figure names its victims

    @property
    def identity(self) -> str:
        return f"casualty:{self.field}:{self.text}"

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d["periods"] = [[a.isoformat(), b.isoformat()] for a, b in self.periods]
        return d


@dataclass(frozen=True)
class Strength(Fact):
    kind: ClassVar[str] = "strength"
    side: int = 0
    text: str = ""
    count: str = ""
    who: str | None = None
    label: str | None = None  # the bold line it stands under: "13 March", "Initial"

    @property
    def identity(self) -> str:
        return f"strength:{self.field}:{self.text}"


# --- events from the body ---------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """A dated statement of the body.

    ``text`` is the whole sentence as written; ``clause`` is the part of it the date governs,
    without its date phrase, or None when that part cannot stand alone as a statement.
    """

    date: dt.date
    end_date: dt.date | None
    text: str
    section: str
    phrase: str  # the date phrase as written: "On 14 September", "The next day"
    relative: bool
    clause: str | None = None
    by: bool = False  # "By 17 November": happened on or before that day
    index: int = 0  # position of the sentence in the article, for stable tie-breaking
    paragraph: int = 0  # which paragraph: a sentence leans on the one before only within one
    time: str | None = None  # the clock time it gives, 24-hour: "11:30", "16:00"
    part: str | None = None  # the part of the day it names: dawn, morning, noon, afternoon, ...
    night: bool = False  # the night that begins on ``date`` ("the night of 17–18 June")
    # what dated it: "date" (written out), "named" (Christmas Day), "relative" (the next day),
    # "count" (the first day), "event" (the day after the fall of X), "cue" (only a time of day,
    # on the day in force)
    cue: str = "date"

    @property
    def identity(self) -> str:
        return f"event:{self.date.isoformat()}:{self.text}:{self.phrase}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "text": self.text,
            "section": self.section,
            "phrase": self.phrase,
            "relative": self.relative,
            "by": self.by,
            "clause": self.clause,
            "time": self.time,
            "part": self.part,
            "night": self.night,
            "cue": self.cue,
        }


@dataclass(frozen=True)
class Extraction:
    article: Article
    facts: tuple[Fact, ...]
    events: tuple[Event, ...]

    def of_kind(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]


# --- records: what one question is about -----------------------------------------------------


@dataclass(frozen=True)
class Record:
    """A fact or a statement as flat text fields a template can name ('name', 'unit', 'date'),
    plus lists ('exclude'); made by records.py and statements.py, read by templating."""

    kind: str
    identity: str
    fields: dict[str, str]
    source_text: str
    source_where: str
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def get(self, name: str) -> str:
        return self.fields.get(name, "")


# --- questions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Where an answer comes from: the sentence or the infobox field, and the article."""

    text: str
    where: str  # "infobox: commander1" or "section: Surrounding the city"
    title: str
    url: str | None


@dataclass(frozen=True)
class Question:
    id: str
    topic: str
    type: str  # basic, mcq, cloze, truefalse, order
    prompt: str
    answer: str
    source: Source
    options: tuple[str, ...] = ()
    correct: tuple[int, ...] = ()  # mcq: index of the answer; order: option indices in order
    template: str = ""
    explanation: str = ""
    depth: str = "core"  # core: what a teacher keeps; detail: only with --depth full
    salience: float = 0.0  # how much it matters (reading/salience.py)
    fact: str = ""  # what it tests: a printed sheet asks each fact once

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "topic": self.topic,
            "type": self.type,
            "prompt": self.prompt,
            "answer": self.answer,
            "options": list(self.options),
            "correct": list(self.correct),
            "explanation": self.explanation,
            "template": self.template,
            "depth": self.depth,
            "source": {
                "text": self.source.text,
                "where": self.source.where,
                "title": self.source.title,
                "url": self.source.url,
            },
        }


@dataclass(frozen=True)
class Quiz:
    """The selected questions of one article (or several, combined), in their final order."""

    title: str
    slug: str
    source: str
    url: str | None
    seed: int
    questions: tuple[Question, ...]
    topics: tuple[str, ...] = field(default=())
    parts: tuple[Quiz, ...] = ()  # the articles' own quizzes, when several are combined
    # topic -> heading, from the topics data (templates/00-topics.yaml, or a teacher's file)
    headings: tuple[tuple[str, str], ...] = ()
    sheet: tuple[str, ...] | None = None  # ids of the printed quiz's questions; None: all
    notes: tuple[str, ...] = ()  # lines for the summary: what the teacher's edits did

    def for_print(self) -> Quiz:
        """The quiz as printed: the sheet's questions only (a deck may hold more)."""
        if self.sheet is None:
            return self
        keep = set(self.sheet)
        from dataclasses import replace

        parts = tuple(p.for_print() for p in self.parts)
        questions = tuple(q for q in self.questions if q.id in keep)
        topics = tuple(t for t in self.topics if any(q.topic == t for q in questions))
        return replace(self, questions=questions, topics=topics, parts=parts, sheet=None)

    def heading(self, topic: str) -> str:
        for name, heading in self.headings:
            if name == topic:
                return heading
        return topic.replace("_", " ").strip().capitalize() or "Questions"
