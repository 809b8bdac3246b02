"""The places an article names, read from the words around them, and where a sentence names
them: what a place card blanks out, and what its wrong options are drawn from.

The narrative names a place by what it does with it ("captured Ayyash", "the town of Janenah",
"the al-Hawiqa district", "towards Khasham"); once known, a name is found wherever it stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .infobox import country_names

_NOT_PLACES = {"ISIL", "ISIS", "The", "Syrian", "Army", "Russian", "Iraqi", "Government", "SDF"}
PLACE_NAME = (
    r"(?:(?:[Aa]l|[Aa]d|[Aa]r|[Aa]s|[Ee]l)-)?[A-Z][\w'’]*"
    # one way to read each next word: two ways (" al-Ali" both ways) backtrack exponentially
    r"(?:(?:-|\s)(?:(?:al|ad|ar|as|el|ez|az|es)-)?[A-Z][\w'’]*)*"
)

CAPTURE_VERBS = r"(?:captured|recaptured|retook|took|seized|stormed|entered|secured|cleared|reached|taking|capturing)"
_LIST = rf"{PLACE_NAME}(?:(?:,\s+|,?\s+and\s+){PLACE_NAME})*"
_TYPE_NOUN = r"towns?|villages?|city|districts?|islands?|neighbou?rhoods?|quarters?"
# where a name is a place by the words around it: "captured Ayyash", "the town of Janenah",
# "the al-Hawiqa district", "Saqr Island", "its largest district, Hamidiyah", "towards Khasham"
_GAZETTEER = re.compile(
    rf"\b{CAPTURE_VERBS}\s+(?:the\s+(?P<noun>{_TYPE_NOUN})\s+of\s+)?(?P<list>{_LIST})"
    rf"|\bthe\s+(?P<noun1>{_TYPE_NOUN})\s+of\s+(?P<list2>{_LIST})"
    rf"|(?:-held|\boutskirts\s+of|\btowards?|\b(?:north|south|east|west)(?:east|west)?\s+of)"
    rf"\s+(?P<near>{PLACE_NAME})"
)
# "the al-Hawiqa district", "Saqr Island", "its largest district, Hamidiyah": tried only on a
# statement that holds one of these nouns (a name before each capital letter costs)
_BY_NOUN = re.compile(
    rf"\b(?P<named>{PLACE_NAME})\s+(?P<noun2>district|neighbou?rhoods?|island|Island)\b"
    rf"|\b(?P<noun3>district|town|village|island),\s+(?P<appos>{PLACE_NAME})\b"
)
_NOUNS = ("district", "neighbo", "island", "Island", "town,", "village,")
_TYPES = {"district": "district", "neighbourhood": "district", "neighborhood": "district",
          "quarter": "district", "island": "island"}  # fmt: skip


def _place_type(noun: str | None) -> str:
    return _TYPES.get((noun or "").lower().rstrip("s"), "place")


def gazetteer(texts: list[str], title: str) -> dict[str, str]:
    """The places an article names, each with its kind ('district', 'island', 'place'), read
    from the words around them; a wrong option for a place is another place of the same kind."""
    found: dict[str, str] = {}
    for text in texts:
        matches = list(_GAZETTEER.finditer(text))
        if any(n in text for n in _NOUNS):
            matches = sorted([*matches, *_BY_NOUN.finditer(text)], key=lambda m: m.start())
        for m in matches:
            g = m.groupdict()
            if g.get("list") or g.get("list2"):
                key = "list" if g.get("list") else "list2"
                kind = _place_type(g.get("noun") or g.get("noun1"))
                names = [pm.group() for pm in re.finditer(PLACE_NAME, m.group(key))]
                after = re.match(r"\s+(district|neighbou?rhoods?|island)\b", text[m.end() :])
                if after and kind == "place":  # "capturing Jubaliyah district"
                    kind = _place_type(after.group(1))
            elif g.get("named"):
                kind, names = _place_type(g["noun2"]), [g["named"]]
            elif g.get("appos"):
                kind, names = _place_type(g["noun3"]), [g["appos"]]
            else:
                kind, names = "place", [m.group("near")]
            for name in names:
                name = re.sub(r"\s+(?:Island|District)$", "", name.strip())
                # a kind once known stays: "Jubaliyah district" after "captured Jubaliyah"
                if _is_place_name(name, title) and found.get(name, "place") == "place":
                    found[name] = kind
    return found


def _is_place_name(name: str, title: str) -> bool:
    words = name.split()
    return (
        len(name) >= 3
        and name not in country_names()
        and words[0] not in _NOT_PLACES
        and words[0] not in ("The", "This", "That", "Its", "Their", "On", "By", "In")
        and "'s" not in name
        and "’s" not in name
        and name not in title
    )


class Finder:
    """Where known names stand in a sentence, found word by word from an index of their first
    words: a folder of long articles with thousands of places stays linear (a scan per name per
    sentence did not). ``fold``: match in any case ('the Tiger forces')."""

    def __init__(self, names: Iterable[str], fold: bool = False) -> None:
        self.fold = fold
        self._seen: dict[str, list[tuple[int, int, str]]] = {}  # one article's few sentences
        self.by_first: dict[str, list[str]] = {}
        for name in sorted(set(names), key=lambda n: (-len(n), n)):  # longest first
            words = _WORD.findall(name)
            if words:
                key = words[0].casefold() if fold else words[0]
                self.by_first.setdefault(key, []).append(name)
        # an article's few dozen first words: one C-level scan finds where they stand; a long
        # alternation would cost more than the walk word by word
        self._starts = (
            re.compile(
                r"(?<![\w'’-])(?:"
                + "|".join(map(re.escape, sorted(self.by_first, key=lambda w: (-len(w), w))))
                + r")(?![\w'’-])"
            )
            if 0 < len(self.by_first) <= _MAX_ALTERNATION
            else None
        )

    def find(self, sentence: str) -> list[tuple[int, int, str]]:
        """Each occurrence, longest name first where names overlap, in reading order."""
        if not self.by_first:
            return []
        if sentence in self._seen:  # a statement is looked at for places, names and spelling
            return self._seen[sentence]
        text = sentence.casefold() if self.fold else sentence
        if len(text) != len(sentence):  # "ß" folds to "ss": fold letter by letter instead
            text = "".join(c if len(c.casefold()) != 1 else c.casefold() for c in sentence)
        out: list[tuple[int, int, str]] = []
        covered = -1
        for m in (self._starts or _WORD).finditer(text):
            if m.start() < covered:
                continue  # within a longer name already found ("Hawijat Qati")
            for name in self.by_first.get(m.group(), ()):
                probe = name.casefold() if self.fold else name
                end = m.start() + len(probe)
                if text.startswith(probe, m.start()) and not _WORD_CHAR.match(text, end):
                    out.append((m.start(), end, name))
                    covered = end
                    break
        self._seen[sentence] = out
        return out


_WORD = re.compile(r"[\w'’-]+")
_MAX_ALTERNATION = 300
_WORD_CHAR = re.compile(r"[\w'’-]")


def places_in(sentence: str, finder: Finder) -> list[tuple[int, int, str]]:
    """Where each known place stands in the sentence, once named and not one of a list of three
    or more (one village of four tests luck, not knowledge)."""
    listed: set[str] = set()
    if sentence.count(",") + sentence.count(" and ") >= 2:  # a list of three needs two joints
        for m in re.finditer(_LIST, sentence):
            names = [pm.group() for pm in re.finditer(PLACE_NAME, m.group())]
            if len(names) >= 3:
                listed.update(names)
    return [hit for hit in named_once(sentence, finder) if hit[2] not in listed]


def named_once(sentence: str, finder: Finder) -> list[tuple[int, int, str]]:
    """Each known place the sentence names exactly once, where it stands ("Ayyash", but not
    "Deir ez-Zor's", whose possessive a blank would strand)."""
    hits = finder.find(sentence)
    count: dict[str, int] = {}
    for _, _, name in hits:
        count[name] = count.get(name, 0) + 1
    return [
        (start, end, name)
        for start, end, name in hits
        if count[name] == 1 and not sentence.startswith(("'s", "’s"), end)
    ]
