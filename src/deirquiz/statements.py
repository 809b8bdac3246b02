"""Dated statements of the body -> records: sentences a card can show on its own.

A statement is rewritten only as far as a card needs: its opening date made absolute ("The next
day" -> "On 17 October 2017"), "the city" named where the article's subject is the only city
meant, a leaning connective dropped. Statements that would not mean the same out of context
("They captured the town") make no record.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import Counter
from dataclasses import dataclass

from . import dates
from .blanks import Names, blanks, mentions, respell
from .events import RESULT
from .model import Event, Record
from .places import PLACE_NAME, Finder, gazetteer, named_once

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
_DAY_MENTION = re.compile(rf"\b{dates.DAY}\s+{dates.MONTH}")


_EXPLETIVE = re.compile(
    r"^it\s+(?:was|is|has been|had been)\s+(?:reported|announced|claimed|said|confirmed)\b", re.I
)


_PLACE_NOUNS = ("town", "island", "village", "area", "site", "neighbourhood", "neighborhood")
# "the army offensive across the Euphrates": the noun only qualifies the one named after it
_QUALIFIER = re.compile(r"\s+(?:offensive|operation|units|positions|campaign)\b")


def _has_referent(before: str, noun: str, after: str) -> bool:
    """'80 percent of Hawijat Qati island ... in the area', 'Saqr Island ... the island': the
    same sentence named what 'the island' means, so a card can show it alone."""
    noun = noun.lower()
    if noun in ("army", "military"):
        return bool(_QUALIFIER.match(after))
    if noun not in _PLACE_NOUNS:
        return False
    if noun == "area":
        return bool(_NAMED_PLACE.search(before) or _NAMED_NOUN.search(before))
    # "Hawijat Qati island", "the island of Saqr": a name, not "The island" opening a sentence
    named = rf"\b(?!(?:The|This|That|Its|Their)\b)[A-Z][\w'’-]*\s+(?i:{noun})\b|\b(?i:{noun})\s+of\s+[A-Z]"
    return bool(re.search(named, before))


_NAMED_NOUN = re.compile(r"[A-Z][\w'’-]*\s+(?:[Ii]sland|[Dd]istrict|[Nn]eighbou?rhood)\b")


def self_contained(text: str, subject: str = "") -> bool:
    """A statement that means the same on a card a month later: no pronoun at its head, no
    'the town' whose name only an earlier sentence gave. ("It was reported that" is no pronoun.)
    'The city' may stand where the sentence itself names the article's subject (``subject``)."""
    if _PRONOUN_START.match(text) and not _EXPLETIVE.match(text):
        return False
    for m in _VAGUE.finditer(text):
        if not _has_referent(text[: m.start()], m.group(1), text[m.end() :]):
            return False
    named_subject = bool(subject) and re.search(rf"\b{re.escape(subject)}\b", text) is not None
    for m in _THE_CITY.finditer(text):
        if not named_subject and not _NAMED_PLACE.search(text[: m.start()]):
            return False
    return not dates.RELATIVE_WORDS.search(text)


def _absolute_sentence(e: Event) -> str | None:
    """The event's sentence with its opening date phrase made absolute: 'The next day, ...' ->
    'On 17 October 2017, ...'. None when the date phrase does not open the sentence."""
    text = e.text
    idx = text.find(e.phrase)
    rest = text[len(e.phrase) :] if idx == 0 else ""
    if idx != 0 or dates.RELATIVE_WORDS.search(rest) or len(_DAY_MENTION.findall(text)) > 1:
        # "On 15 September, X, and a day later, Y": each date with the clause it governs
        if not e.clause:
            return None
        clause = e.clause
        rest = " " + _lowered(clause)
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
# "SANA reported that troops had retaken", "the government said forces had entered": what was
# said that day, not what was done by it
_REPORTED = re.compile(r"\b(?:said|reported|claimed|announced|stated|confirmed)\b")
# "bombers returned", "struck again", "six more bombers": it happened on other days too, so its
# day is no answer to write in, nor a place in an ordering
_AGAIN = re.compile(
    r"\b(?:returned|again|another|further|renewed|resumed|once more|(?:one|two|three|four|five|"
    r"six|seven|eight|nine|ten|several|\d+) more)\b",
    re.IGNORECASE,
)
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


# a district, island or river is no other city that "the city" could mean
_PART_OF_A_PLACE = re.compile(
    r"[\w'’-]*\s+(?:district|neighbou?rhood|quarter|island|river|bank)\b", re.IGNORECASE
)


def _names_other_place(text: str, subject: Subject) -> bool:
    first = subject.name.split()[0]
    for m in _OTHER_PLACE.finditer(text):
        name = m.group(1)
        if name in (first, "ISIL", "ISIS") or name.startswith(first):
            continue
        if _PART_OF_A_PLACE.match(text, m.end(1)) or re.search(
            r"(?:district|neighbou?rhood|island)s?\s+of\s+(?:the\s+)?$", text[: m.start(1)], re.I
        ):
            continue
        return True
    return False


def _name_the_city(text: str, subject: Subject | None, context: str = "") -> str:
    """'the city' -> 'the city of Deir ez-Zor' where the article's subject is the only place the
    sentence (and the one before it) could mean; elsewhere 'the city' stays, and stays vague."""
    if not subject or not any(f"he {noun}" in text for noun in subject.nouns):
        return text  # no "the city" to name: spare the scans below
    if _names_other_place(context, subject):
        return text
    if re.search(rf"\b{re.escape(subject.name)}\b", text):
        return text  # "the city, capturing Deir ez-Zor's largest district": named already
    for noun in subject.nouns:
        # where the noun ends its phrase: "the city" -> "the city of Deir ez-Zor"
        text = re.sub(
            rf"\bthe {noun}(?=[.,;:]|\s+(?:under|and|itself|was|were|had|from|to|in|on|by|after)\b|$)",
            f"the {noun} of {subject.name}",
            text,
        )
        # where it qualifies: "the city's Industrial District", "the city stadium"
        text = re.sub(rf"\b[Tt]he {noun}['’]s\b", f"{subject.name}'s", text)
        text = re.sub(rf"\bthe {noun}(?= {_CITY_PARTS}\b)", f"the {subject.name} {noun}", text)
    return text


# what "the city X" may be: "the city stadium", never "the city fell"
_CITY_PARTS = (
    r"(?:stadium|centre|center|hall|council|airport|walls|limits|outskirts|gates?|hospital|"
    r"square|park|prison|market|museum|university|bridge|citadel|quarter|district|port)"
)
_BARE_ARMY = re.compile(r"\bthe Army\b(?!\s+of\b)")  # not "the Army of Islam"
_ARMY = re.compile(r"\b((?:[A-Z][a-z]+ )+)Army\b")


def army_name(texts: list[str]) -> str | None:
    """The army an article means by a bare 'the Army': the one it names far more than any
    other ('the Syrian Army' 20 times, no other), or None."""
    counts = Counter(m.group(1).strip() for t in texts for m in _ARMY.finditer(t))
    counts.pop("The", None)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return f"{ranked[0][0]} Army"


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
    events: list[Event],
    base: dict,
    span: tuple | None,
    subject: Subject | None = None,
    names: dict[str, tuple[str, tuple[str, ...]]] | None = None,
    sides: frozenset[str] = frozenset(),
    terms: tuple[str, ...] = (),
) -> list[Record]:
    """The article's dated statements as records: events within its own dates (what the
    Background or Aftermath tells happened before or after it is its own kind, 'context': asked
    "in the X offensive" it would teach false history), the blanks each statement offers, and
    every place and name the article gives, as wrong options for one another."""
    # the sentence before, for "the city": only within one paragraph
    previous = {(e.paragraph, e.index): e.text for e in events}
    army = army_name([e.text for e in events])
    outside: list[Event] = []
    if span:
        outside = [e for e in events if e.date < span[0] or (e.end_date or e.date) > span[1]]
        events = [e for e in events if span[0] <= e.date and (e.end_date or e.date) <= span[1]]
    # a result point tells again what the narrative tells of its day: only a day the narrative
    # gives no plain event ("By 17 November" only) is the result's to tell
    told = {e.date for e in events if e.section != RESULT and not e.by and not e.end_date}
    events = [e for e in events if e.section != RESULT or e.date not in told]
    out: list[Record] = []
    # words few sentences share ("stadium", "Tu-22M3"): two events that share one are alike, and
    # the day of the one is no safe wrong answer for the other
    df = Counter(w for text in dict.fromkeys(e.text for e in events) for w in _words(text))
    rare = {w for w, n in df.items() if n <= RARE_IN}
    body = gazetteer(
        list(dict.fromkeys(e.text for e in events if e.section != RESULT)), base["title"]
    )
    events = _spelled_as_the_body(events, body)
    by_day: dict[str, list[str]] = {}
    for e in events:
        if e.clause:
            by_day.setdefault(e.date.isoformat(), []).append(re.sub(r"\s+also\b", "", e.clause))
    texts = list(dict.fromkeys(e.text for e in events))
    places = body
    for place, kind in gazetteer(
        list(dict.fromkeys(e.text for e in events if e.section == RESULT)), base["title"]
    ).items():
        if places.get(place, "place") == "place":  # as gazetteer() reads body, then result
            places[place] = kind
    finder = Finder(places)
    who = mentions(texts, names or {})
    who_index = Names.of(who, terms)
    # the two sides, and the army the article means by "the Army": no actor to ask about
    main = frozenset({*sides, *((army.casefold(),) if army else ())})
    # a place taken the same day is no safe wrong option: "On 17 October, _____ was captured"
    places_by_day: dict[str, set[str]] = {}
    for e in events:
        named = {p for _, _, p in named_once(e.text, finder)}
        places_by_day.setdefault(e.date.isoformat(), set()).update(named)

    the_names = _takes_the(texts)
    taken_by = _TakenBy(places_by_day)

    def tidy(text: str) -> str:
        """As the article means it, spelled as its infobox spells it: 'the Army' as the one army
        it names, 'the Tiger forces' as 'the Tiger Forces'."""
        if army and "the Army" in text:
            text = _BARE_ARMY.sub(f"the {army}", text)
        if the_names:
            text = the_names.sub(r"\1 the \2", text)
        return respell(text, who_index)

    subject_name = subject.name if subject else ""
    for e in events:
        where = e.section if e.section == RESULT else f"section: {e.section}"
        date_text = dates.fmt_range(e.date, e.end_date) if e.end_date else dates.fmt(e.date)
        clause = tidy(e.clause) if e.clause else None
        if clause:
            context = f"{previous.get((e.paragraph, e.index - 1), '')} {e.text}"
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
        if clause and _AGAIN.search(clause):
            fields["again"] = "yes"
        if clause and self_contained(clause, subject_name) and not e.end_date:
            fields["clause"] = clause
            fields["statement"] = _lowered(clause)
        absolute = _absolute_sentence(e)
        if absolute:
            absolute = tidy(absolute)
            if state and absolute.startswith("On ") and not e.by:
                # "On 31 October, forces had recaptured ...": what was done by that day
                absolute = "By " + absolute[3:]
            context = f"{previous.get((e.paragraph, e.index - 1), '')} {e.text}"
            absolute = _name_the_city(_main_clause(absolute), subject, context)
        if absolute and self_contained(absolute[absolute.find(",") + 1 :].strip(), subject_name):
            short = len(absolute.split()) <= MAX_WORDS
            if short:
                fields["sentence"] = absolute
            if absolute.startswith("On ") and len(_DAY_MENTION.findall(absolute)) == 1 and short:
                rest = re.sub(r"^also\s+|\s+also\b", "", absolute.split(",", 1)[1].strip())
                if rest:
                    fields["rest"] = _lowered(rest)
            iso = e.date.isoformat()
            # "By 31 October, forces had recaptured _____": any place taken before fits too
            same_day = taken_by(iso) if state else tuple(sorted(places_by_day.get(iso, ())))
            out.extend(blanks(e, absolute, base, where, places, finder, same_day, who_index, main))
        lists = {
            "same_day": tuple(by_day.get(e.date.isoformat(), ())),
            "rare": tuple(sorted(_words(e.text) & rare)),
        }
        out.append(Record("event", e.identity, fields, e.text, where, lists))
    out.extend(_context_records(outside, span, base, subject, tidy))
    # every place the article names, blanked or not, is a wrong option for another
    for name, kind in places.items():
        fields = {**base, "place": name, "ptype": kind}
        out.append(Record("place", f"place:{name}", fields, "", "", {}))
    for name, (group, _) in who.items():
        fields = {**base, "name": name, "group": group, group: name}
        out.append(Record("mention", f"mention:{name}", fields, "", "", {}))
    return out


class _TakenBy:
    """The places named on or before each day, worked out once per day in a single pass; None
    past the first few hundred: "By 3 May, forces had taken _____" with hundreds of places
    taken before is no card worth its cost."""

    LIMIT = 300

    def __init__(self, by_day: dict[str, set[str]]) -> None:
        self._upto: dict[str, tuple[str, ...] | None] = {}
        running: set[str] = set()
        for day in sorted(by_day):
            running |= by_day[day]
            if len(running) > self.LIMIT:
                break
            self._upto[day] = tuple(sorted(running))

    def __call__(self, iso: str) -> tuple[str, ...] | None:
        return self._upto.get(iso)  # every statement's day is one of by_day's


def _takes_the(texts: list[str]) -> re.Pattern | None:
    """'on the other side of Euphrates' where the article writes 'the Euphrates' elsewhere: a
    one-word name the article gives 'the' at least twice gets it everywhere on a card."""
    counts = Counter(m.group(1) for t in texts for m in _THE_NAME.finditer(t))
    names = sorted(n for n, c in counts.items() if c >= 2 and n not in _NOT_THE)
    if not names:
        return None
    alt = "|".join(map(re.escape, names))
    return re.compile(
        rf"\b(of|across|along|crossed|cross|on|to|near|from)\s+({alt})\b(?![\w-]| [A-Z])"
    )


# "the Euphrates." / "the Euphrates from": a name; "the Assad government": an adjective
_THE_NAME = re.compile(
    r"\bthe ([A-Z][a-z]{3,})(?=[.,;:)]| (?:and|in|on|at|to|from|of|near|was|were|had|is|"
    r"north|south|east|west|valley|river|bank)\b)"
)
_NOT_THE = {"Army", "Syrian", "Russian", "Iraqi", "Islamic", "Government"}


def _spelled_as_the_body(events: list[Event], body: dict[str, str]) -> list[Event]:
    """An infobox's result may spell a place otherwise than the narrative ('Hawijat Kati',
    'Hawijat Qati'): one island must not read as two, so the result takes the body's spelling
    (``body``: the places the narrative names)."""
    if not body or all(e.section != RESULT for e in events):
        return events
    by_words: dict[int, list[str]] = {}
    for name in body:
        by_words.setdefault(len(name.split()), []).append(name)

    def as_the_body(text: str | None) -> str | None:
        if not text:
            return text
        for m in reversed(list(re.finditer(PLACE_NAME, text))):
            found = m.group()
            if found in body:
                continue
            near = difflib.get_close_matches(found, by_words.get(len(found.split()), []), 1, 0.85)
            if near:
                text = text[: m.start()] + near[0] + text[m.end() :]
        return text

    return [
        dataclasses.replace(e, text=as_the_body(e.text), clause=as_the_body(e.clause))
        if e.section == RESULT
        else e
        for e in events
    ]


def _context_records(events, span, base: dict, subject, tidy) -> list[Record]:
    """What the Background or Aftermath dates: true, but not part of the subject, so it is
    asked as 'before' or 'after' it, never 'during' (its own kind: no template about events
    sees it)."""
    out = []
    for e in events:
        if not e.clause or e.by or e.end_date or e.section == RESULT:
            continue
        clause = _name_the_city(_main_clause(tidy(e.clause)), subject, e.text)
        if not self_contained(clause, subject.name if subject else "") or _by_state(clause):
            continue
        when = "before" if e.date < span[0] else "after"
        fields = {**base, "date": dates.fmt(e.date), "iso": e.date.isoformat(),
                  "clause": clause, when: "yes"}  # fmt: skip
        out.append(Record("context", e.identity, fields, e.text, f"section: {e.section}"))
    return out


def _lowered(clause: str) -> str:
    """'The town of Janenah was captured.' as it reads after a comma: 'the town of ...'."""
    return clause[0].lower() + clause[1:] if _lowerable(clause) else clause


def _lowerable(clause: str) -> bool:
    words = clause.split()
    if not words:
        return False
    first = words[0].rstrip(",")
    return first in ("The", "A", "An") or first.lower() in _COMMON_OPENERS


# words that open a clause without being a name: "Across the border, Iraqi forces ..."
_COMMON_OPENERS = {
    "government", "pro-government", "across", "after", "before", "during", "in", "on", "at",
    "while", "when", "as", "following", "despite", "elsewhere", "meanwhile", "near", "outside",
    "inside", "along", "within", "over", "under", "several", "some", "many", "two", "three",
    "four", "five", "both", "another", "further", "heavy", "fierce", "clashes", "fighting",
    "airstrikes", "troops", "rebels", "militants", "forces", "units", "soldiers",
}  # fmt: skip
