"""What a card can blank out of a statement, and what its wrong options are: the place
("captured _____"), the figure ("resulted in _____ civilian deaths"), who did it ("_____ captured
the villages"), a formation or commander the infobox names ("led by the elite _____"), a
spokesperson's name or a codename the statement gives."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .model import Event, Record
from .places import Finder, places_in


def _h(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


_NUMBERED = re.compile(
    r"\b\d+(?:st|nd|rd|th)\s+(?:[A-Z][\w-]*\s+)*(?:Division|Brigade|Legion|Corps|Regiment|"
    r"Battalion|Squadron|Army)\b"
)


ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b")  # "4th", "5th": a formation's number


def mentions(texts: list[str], names: dict[str, tuple[str, tuple[str, ...]]]) -> dict:
    """The formations and commanders a card may blank out of a statement: the infobox's (passed
    in, each with its group and its kin, none of which is a wrong option for it) and the
    numbered formations the narrative names ('the 4th Mechanized Division')."""
    found = dict(names)
    for text in texts:
        for m in _NUMBERED.finditer(text):
            found.setdefault(m.group(), ("formation", ()))
    return found


def respell(text: str, names: Names) -> str:
    """'the Tiger forces and Republican guard units' -> 'the Tiger Forces and Republican Guard
    units': a name the infobox gives, written in another case, as the infobox writes it."""
    for start, end, name in reversed(names.find(text)):
        if " " in name and text[start:end] != name:
            text = text[:start] + name + text[end:]
    return text


@dataclass(frozen=True)
class Names:
    """The names a statement's blank may hide, each with its group and kin; found in a sentence
    in any case ('the Tiger forces'), and by ordinal ('5th': '5th Legion', '5th Corps')."""

    groups: dict[str, tuple[str, tuple[str, ...]]]
    finder: Finder
    by_number: dict[str, list[str]]
    terms: tuple[str, ...] = ()  # the article's bold phrases: "Assad's jump"

    def find(self, sentence: str) -> list[tuple[int, int, str]]:
        """Where the names stand, as written or in another case where the writing still reads
        as a name ('the Tiger forces'), not as words ('Iraqi special forces')."""
        return [
            (start, end, name)
            for start, end, name in self.finder.find(sentence)
            if sentence[start:end] == name or not sentence[start].islower()
        ]

    @classmethod
    def of(cls, groups: dict[str, tuple[str, tuple[str, ...]]], terms=()) -> Names:
        by_number: dict[str, list[str]] = {}
        for name in groups:
            for n in ORDINAL.findall(name):
                by_number.setdefault(n, []).append(name)
        return cls(groups, Finder(groups, fold=True), by_number, tuple(terms))


def _mention_blanks(
    e: Event, sentence: str, base: dict, where: str, names: Names, body_start: int
) -> list[Record]:
    """'Syrian Army forces led by the elite _____' (Tiger Forces), 'Major General _____ was
    killed' (Issam Zahreddine): who, by the infobox's own names; the article may write them in
    another case ('the Tiger forces')."""
    hits = names.find(sentence)
    present = [name for _, _, name in hits]
    # what the sentence names besides, the answer's own kin, and a formation of the same number
    # (the '4th Armoured Division' may be the '4th Mechanized Division') are no wrong options
    numbers = set(ORDINAL.findall(" ".join(present)))
    alike = [o for n in numbers for o in names.by_number.get(n, ())]
    out: list[Record] = []
    for start, end, name in hits:
        if present.count(name) != 1 or start < body_start:
            continue
        group, kin = names.groups[name]
        fields = {**base, "name": name, "blanked": sentence[:start] + "_____" + sentence[end:],
                  "iso": e.date.isoformat(), "group": group, group: name}  # fmt: skip
        lists = {"exclude": (*kin, *(o for o in present if o != name), *alike)}
        out.append(
            Record("mention", f"mention:{_h(e.identity, name)}", fields, e.text, where, lists)
        )
    return out


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
    # "the Russian air force", "Iraqi warplanes": a named force, its arm written in lower case
    r"^(?P<actor>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z0-9][\w'’-]*|of|and|the|air|naval|"
    r"special|force|forces|navy|warplanes|jets|aircraft|artillery|militias?))*?)\s+"
    r"(?:had\s+)?(?:captured|recaptured|retook|took|seized|stormed|crossed|launched|bombed|"
    r"encircled|entered|announced|declared|surrendered|cleared)\b"
)
_GENERIC_ACTORS = {"government", "pro-government", "army", "military", "troops", "forces"}


def _actor(
    e: Event, sentence: str, base: dict, where: str, main: frozenset[str] = frozenset()
) -> list[Record]:
    """Who did it: the named subject opening the statement ('Syrian Democratic Forces'), unless
    it is one of the two sides ('_____ launched an offensive' -> ISIL tests nothing)."""
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
    if actor.casefold().removeprefix("the ") in main or re.search(
        r"\b(?:pro-)?government\b", actor, re.IGNORECASE
    ):
        return []  # one of the two sides, by name or as "Syrian Government forces"
    if sentence.count(actor) != 1:
        return []
    blanked = f"{lead}, _____{rest[len(actor) :]}"
    fields = {**base, "actor": actor, "blanked": blanked, "iso": e.date.isoformat()}
    return [Record("actor", f"actor:{_h(e.identity)}", fields, e.text, where)]


_NAME = re.compile(r"\b[A-Z][a-z]")
# who a statement names by their office ("spokeswoman Maria Zakharova"), and what it says an
# operation was codenamed ("codenamed Assad's jump")
_PERSON = re.compile(
    r"\b(?:spokes(?:wo)?man|spokesperson|[Mm]inister|[Pp]resident|[Cc]ommander|[Gg]eneral|"
    r"[Cc]olonel|[Cc]aptain|[Ll]eader|[Ee]nvoy|[Aa]mbassador)\s+"
    r"(?P<name>[A-Z][a-z]+(?:\s+(?:al-|bin\s+)?[A-Z][\w'’-]+){1,2})\b(?!\s+[A-Z])"
)
_CODENAMED = re.compile(r",?\s+(?:codenamed|code-named|code named)\s+(?P<name>[A-Z][^,(.;]*)")


_JOINERS = {"of", "the", "and", "de", "al"}


def _codename(text: str, terms: tuple[str, ...]) -> str:
    """'codenamed Assad's jump' (bold in the article) -> "Assad's jump"; 'codenamed Dawn of
    Victory to capture Maadan' -> 'Dawn of Victory': the name, not the words after it."""
    for term in terms:
        if text.startswith(term):
            return term
    words = []
    for word in text.split():
        if word[:1].islower() and word not in _JOINERS:
            break
        words.append(word)
    while words and words[-1] in _JOINERS:
        words.pop()
    return " ".join(words)


def _named_blanks(
    e: Event, sentence: str, base: dict, where: str, body_start: int, names: Names | None
) -> list[Record]:
    """'spokeswoman _____ announced' (Maria Zakharova), 'codenamed _____' (Assad's jump): a
    name the statement itself gives, to write in."""
    out: list[Record] = []
    for group, pattern in (("person", _PERSON), ("codename", _CODENAMED)):
        for m in pattern.finditer(sentence):
            name = m.group("name").strip()
            if group == "codename":
                name = _codename(name, names.terms if names else ())
            if not name or m.start("name") < body_start or sentence.count(name) != 1:
                continue
            if names and name in names.groups:
                continue  # an infobox commander: asked with the others as choices
            blanked = (
                sentence[: m.start("name")] + "_____" + sentence[m.start("name") + len(name) :]
            )
            fields = {**base, "name": name, "group": group, group: name, "blanked": blanked,
                      "iso": e.date.isoformat()}  # fmt: skip
            out.append(Record("mention", f"{group}:{_h(e.identity, name)}", fields, e.text, where))
    return out


def blanks(
    e: Event,
    sentence: str,
    base: dict,
    where: str,
    places: dict[str, str],
    finder: Finder,
    same_day: tuple[str, ...] | None = (),
    names: Names | None = None,
    main: frozenset[str] = frozenset(),
) -> list[Record]:
    """Places, figures and actors to blank out of an event sentence."""
    body_start = sentence.find(",") + 1
    out = _mention_blanks(e, sentence, base, where, names, body_start) if names else []
    out += _named_blanks(e, sentence, base, where, body_start, names)
    # "_____ cleared Muhassan" with the Tiger Forces among the choices asks it better
    blanked = {r.get("name").casefold() for r in out}
    out += [
        r for r in _actor(e, sentence, base, where, main)
        if r.get("actor").casefold().removeprefix("the ") not in blanked
    ]  # fmt: skip
    for start, end, place in places_in(sentence, finder) if same_day is not None else ():
        if start < body_start or place in base["title"]:
            continue  # the date phrase, or the article's own subject: no question
        blanked = sentence[:start] + "_____" + sentence[end:]
        if not _NAME.search(blanked, body_start):
            continue  # "the town of _____ was captured": who took it, and near what?
        fields = {**base, "place": place, "blanked": blanked, "iso": e.date.isoformat(),
                  "ptype": places[place]}  # fmt: skip
        lists = {"same_day": same_day}
        out.append(Record("place", f"place:{_h(e.identity, place)}", fields, e.text, where, lists))
    for m in _FIGURE.finditer(sentence):
        if m.start() < body_start:
            continue
        if _HEDGED.search(sentence[: m.start()]):
            continue  # "around 100": a figure near it would be right too
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
