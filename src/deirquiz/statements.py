"""Dated statements of the body -> records: sentences a card can show on its own.

A statement is rewritten only as far as a card needs: its opening date made absolute ("The next
day" -> "On 17 October 2017"), "the city" named where the article's subject is the only city
meant, a leaning connective dropped. Statements that would not mean the same out of context
("They captured the town") make no record.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from . import dates
from .model import Event, Record


def _h(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


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


def event_records(
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
