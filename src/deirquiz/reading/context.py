"""What one article says about itself, worked out once: how to name its subject, the acronyms it
spells out, how often it names a thing, what its lead singles out.

Every reader of the stage gets this one object instead of recomputing it per record.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .. import dates
from ..lexicon import lexicon
from ..model import Article, DeirquizError, Extraction, Overview
from . import names
from .names import SPELLED_ORDINAL, WordIndex

_LOWER_WORDS = {"of", "the", "and", "in", "for", "on", "al", "ad", "as", "at", "de", "el", "du"}
_ACRONYM_DEF = re.compile(
    r"([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|the|for|in))+)"
    r"\s+\(([A-Z][A-Za-z]{1,6})\)"
)
_ORDINAL = rf"(?:(?=[A-Z]){SPELLED_ORDINAL}|\d{{1,3}}(?:st|nd|rd|th))"
_SIDED = re.compile(
    rf"\bthe ([A-Z][a-z]+) ({_ORDINAL}(?: [A-Z][a-z]+)? (?:Army|Corps|Fleet|Division|Brigade))\b"
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")
_NUMBERED = re.compile(rf"{_ORDINAL}(?: [A-Z][a-z]+)? (?:Army|Corps|Fleet|Division|Brigade)")


@dataclass(frozen=True)
class Subject:
    """The article's subject as prompts name it: 'the Battle of Waterloo', 'the Deir ez-Zor
    offensive of September–November 2017'."""

    title: str
    name: str
    kind: str  # battle, offensive, siege... (lexicon: subject_kinds), or ""
    place: str  # the place the title names: "Gettysburg", "Deir ez-Zor", or ""
    place_noun: str  # what the article calls it: "town", "city", or ""
    start: dt.date | None
    end: dt.date | None

    @property
    def days(self) -> int:
        """How many days the subject lasted by the infobox (0 when it gives no days)."""
        if not self.start or not self.end:
            return 0
        return (self.end - self.start).days + 1


def subject_name(title: str) -> str:
    """'the Deir ez-Zor offensive of September–November 2017', 'the 2017 Abu Kamal offensive',
    'the Battle of Waterloo', 'Operation Barbarossa'."""
    core = re.sub(r"\s*\([^)]*\)\s*$", "", title)
    when = re.fullmatch(rf"(.+?)\s*\(((?:(?:{dates.MONTH})\s*(?:–|-|to)?\s*)*\d{{4}})\)", title)
    if when and " of " not in when.group(1):
        title = f"{when.group(1)} of {when.group(2)}"
    elif core != title:
        title = core  # "Battle of X (1863)": the bracket disambiguates a page, not the battle
    if re.match(r"(?i)^(the|operation)\b", core):
        return title
    words = core.split()
    if re.match(
        r"^(Battles?|Sieges?|Fall|Sack|Capture|Liberation|Relief|Raid|Storming)\b", core
    ) or any(w.islower() and w not in _LOWER_WORDS for w in words):
        return f"the {title}"
    return title


def _kind(title: str, description: str) -> str:
    """What the subject is, as the title says ('battle', 'offensive', 'battles' for the Battles
    of Saratoga), else the description; never the war a description names it part of ('two
    engagements of the American Revolutionary War')."""
    kinds = lexicon().subject_kinds
    for word in re.findall(r"[A-Za-z]+", title.lower()):
        if word in kinds or (word.endswith("s") and word[:-1] in kinds):
            return word
    for word in re.findall(r"[A-Za-z]+", description.lower()):
        if word in kinds and word != "war":
            return word
    return ""


def _place(title: str, texts: str) -> tuple[str, str]:
    """The place a title names ('Battle of Gettysburg' -> Gettysburg) and the noun the article
    calls it by ('the town of Gettysburg'), when the article says one."""
    core = re.sub(r"\s*\([^)]*\)", "", title)
    core = re.sub(r"^\d{4}\s+", "", core)
    core = re.sub(
        r"^(?:Battles?|Sieges?|Fall|Sack|Capture|Liberation|Relief|Storming)\s+of\s+(?:the\s+)?",
        "",
        core,
    )  # "Battle of the Coral Sea": the Coral Sea
    m = re.match(r"[A-Z][\w'’]*(?:[ -](?:[a-z]{1,3}-)?[A-Z][\w'’]*)*", core)
    if not m:
        return "", ""
    name = m.group()
    if name not in texts:
        return name, ""
    nouns = lexicon().place_nouns  # looked up in a set: no pattern of every noun per article
    for m in re.finditer(rf"\bthe (?:([a-z]+) )?([a-z]+) of {re.escape(name)}\b", texts):
        if m.group(2) in nouns:
            return name, m.group(2)
    for m in re.finditer(rf"\b{re.escape(name)}, an? ([a-z-]+(?: [a-z-]+)*)", texts):
        noun = next((w for w in m.group(1).split() if w in nouns), "")
        if noun:
            return name, noun
    if re.search(rf"\b{re.escape(name)}, the (?:[a-z]+ )?capital of\b", texts):
        return name, "city"  # "Quebec, the capital of New France"
    return name, ""


def _acronyms(article: Article) -> dict[str, str]:
    """'ISIL' -> 'Islamic State of Iraq and the Levant', as the article or its infobox links spell
    them out."""
    out: dict[str, str] = {}
    texts = [article.description, *(p for _, p in article.paragraphs)]
    for f in article.infobox.values():
        texts.append(f.text)
        for link in f.links:
            if _ACRONYM.match(link.text) and link.page and link.page != link.text:
                page = re.sub(r"\s*\([^)]*\)$", "", link.page)
                if len(page.split()) > 1:
                    out.setdefault(link.text, page)
    for text in texts:
        if "(" not in text:
            continue
        for m in _ACRONYM_DEF.finditer(text):
            full, short = re.sub(r"^(?:The|the)\s+", "", m.group(1)), m.group(2)
            initials = "".join(w[0] for w in full.split() if w[0].isupper())
            if short[0] == initials[:1]:
                out.setdefault(short, full)
    return out


@lru_cache(maxsize=256)
def side_adjective(side: str) -> str:
    """'Kingdom of Prussia' -> 'Prussian', by the lexicon's first key the name holds."""
    for pattern, adjective in _side_keys():
        if pattern.search(side):
            return adjective
    return ""


@lru_cache(maxsize=1)
def _side_keys() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<![\w-]){re.escape(key)}(?![\w-])"), adjective)
        for key, adjective in lexicon().side_adjectives
    )


@dataclass
class Context:
    """The article-wide facts every reader of the stage shares."""

    article: Article
    subject: Subject
    acronyms: dict[str, str]
    known: frozenset[str] = frozenset()  # first words of the names the infobox gives
    everywhere: frozenset[str] = frozenset()  # names on every page of it: sides, its own place
    _counts: dict[str, int] = field(default_factory=dict)
    _forms: dict[tuple[str, ...], dict[str, str]] = field(default_factory=dict)

    @cached_property
    def sided(self) -> dict[str, str]:
        """A numbered formation with the one side the article ever gives it: 'Eighth Army' ->
        'German Eighth Army', so that a card says whose it was."""
        seen: dict[str, set[str]] = {}
        for m in _SIDED.finditer(self.body):
            seen.setdefault(m.group(2), set()).add(m.group(1))
        return {f: f"{next(iter(a))} {f}" for f, a in seen.items() if len(a) == 1}

    @cached_property
    def _side_names(self) -> dict[str, str]:
        box = self.article.infobox.get("partof")
        war = f"{box.text if box else ''} {self.article.short_description}"
        for name, called in lexicon().war_side_names:
            if name in war:
                return called
        return {}

    def called(self, side: str) -> str:
        """A side as its war calls it: 'the United States' of the Civil War is 'the Union'."""
        bare = re.sub(r"^the\s+", "", side)
        return self._side_names.get(bare, side)

    @cached_property
    def side_words(self) -> dict[int, str]:
        """Each side's state word, where the lexicon has one: 2 -> 'Syrian'."""
        from ..infobox import combatants

        out: dict[int, str] = {}
        for c in combatants(self.article):
            if c.leader and c.side not in out:
                out[c.side] = side_adjective(c.name)
        return out

    @cached_property
    def sided_by_box(self) -> dict[str, tuple[str, str]]:
        """A numbered formation at the head of one side's units in the infobox, which the
        article never gives a side: 'Fourth Army' -> ('British Fourth Army', 'British'), for 'the
        British Fourth Army and the Reserve Army launched a major attack'; a state the lexicon
        has no word for keeps its name: 'the Tenth Army of the Union'. The second part is what
        a sentence that already says whose it is holds."""
        from ..infobox import combatants, units

        sides = {c.side: c.name for c in combatants(self.article) if c.leader}
        out = {}
        for u in units(self.article):
            named = sides.get(u.side)
            if named and not u.parent and _NUMBERED.fullmatch(u.name) and u.name not in self.sided:
                adjective = side_adjective(named)
                out[u.name] = (
                    (f"{adjective} {u.name}", adjective)
                    if adjective
                    else (f"{u.name} of {names.with_the(named)}", named)
                )
        return out

    @cached_property
    def war(self) -> str:
        """The war the infobox says the subject was part of ('the Russo-Japanese War'), or ''."""
        from .overview import war_of

        field = self.article.infobox.get("partof")
        return war_of(field.text.split("\n")[0]).split(" (or ")[0] if field else ""

    @cached_property
    def rulers(self) -> dict[str, str]:
        """'Francis' -> 'Francis I': each commander the infobox names with a regnal number and
        one first name, by the name the narrative calls him."""
        from ..infobox import commanders

        out = {}
        for c in commanders(self.article):
            m = re.fullmatch(r"([A-Z]\w+) ([IVX]+)", names.MONARCH.sub("", c.name))
            if m:
                out[m.group(1)] = f"{m.group(1)} {m.group(2)}"
        return out

    @cached_property
    def shifts(self) -> frozenset[int]:
        """Days by which another reckoning the article tells (Julian, Tokyo time) differs."""
        from ..reckoning import shifts
        from ..sentences import split_sentences

        said = [s for _, p in self.article.paragraphs for s in split_sentences(p)]
        return shifts(said, self.subject.start)

    @cached_property
    def everywhere_words(self) -> frozenset[str]:
        return frozenset(w.lower()[:6] for n in self.everywhere for w in re.findall(r"[\w'’-]+", n))

    @cached_property
    def body(self) -> str:
        return "\n".join(p for _, p in self.article.paragraphs)

    @cached_property
    def lead(self) -> str:
        """What the article singles out: its description, lead and the infobox's result."""
        result = self.article.infobox.get("result")
        return "\n".join(
            [self.article.description, *self.article.lead, result.text if result else ""]
        )

    @cached_property
    def _body_words(self) -> WordIndex:
        return WordIndex(self.body)

    @cached_property
    def _lead_words(self) -> WordIndex:
        return WordIndex(self.lead)

    def count(self, name: str) -> int:
        """How often the body names ``name`` as a whole word (case kept: 'Hill' is not 'hill')."""
        if name not in self._counts:
            self._counts[name] = self._body_words.count(name, short=False)
        return self._counts[name]

    def in_lead(self, name: str, short: bool = False) -> bool:
        return bool(name) and self._lead_words.count(name, short) > 0

    def forms(self, people: Iterable[str]) -> dict[str, str]:
        """names.forms of these people, attested in the body: every statement asks it again."""
        key = tuple(people)
        if key not in self._forms:
            self._forms[key] = names.forms(key, lambda f: self.count_short(f) > 0)
        return self._forms[key]

    def count_short(self, form: str) -> int:
        """How often the body names a short form ('Meade') as itself, not inside another name."""
        key = "\x00" + form
        if key not in self._counts:
            self._counts[key] = self._body_words.count(form, short=True)
        return self._counts[key]


def is_conflict(article: Article) -> bool:
    """A battle, campaign or war: an infobox with sides, or a title or description that says so."""
    if any(re.match(r"(combatant|commander|belligerent)s?\d*$", k) for k in article.infobox):
        return True
    return bool(_kind(article.title, ""))


def context(extraction: Extraction) -> Context:
    article = extraction.article
    if not is_conflict(article):
        raise DeirquizError(
            article.source,
            "not a battle or campaign (no military-conflict infobox): deirquiz makes questions "
            "about battles, sieges and campaigns",
        )
    span = next((f for f in extraction.facts if isinstance(f, Overview) and f.name == "date"), None)
    texts = " ".join([article.description, *(p for _, p in article.paragraphs)])
    place, noun = _place(article.title, texts)
    subject = Subject(
        title=article.title,
        name=subject_name(article.title),
        kind=_kind(article.title, article.description),
        place=place,
        place_noun=noun,
        start=span.start if span else None,
        end=span.end if span else None,
    )
    known = set()
    for f in extraction.facts:
        name = getattr(f, "name", "")
        if f.kind in ("commander", "combatant", "unit") and name:
            words = name.split()
            known.update({words[0], words[-1]})
    everywhere = {c.name for c in extraction.facts if c.kind == "combatant"}  # type: ignore[attr-defined]
    everywhere |= {place, *ctx_words(article.title)}
    acronyms = _acronyms(article)
    everywhere |= {a for a, full in acronyms.items() if full in everywhere}
    return Context(article=article, subject=subject, acronyms=acronyms, known=frozenset(known),
                   everywhere=frozenset(n for n in everywhere if n))  # fmt: skip


def ctx_words(title: str) -> set[str]:
    """The title's own capitalised words: 'Gettysburg' in 'Battle of Gettysburg'."""
    return {w for w in re.findall(r"[A-Z][\w'’-]+", title) if w not in ("Battle", "Siege")}
