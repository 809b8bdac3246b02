"""The article's places, read from the words around them, each with its kind where the article
says it ('the village of Plancenoit', 'Saqr Island') and the company it keeps in lists ('Hougoumont,
La Haye Sainte and Papelotte'): a place blanked on a card gets wrong options of its own kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..lexicon import lexicon

_NAME = r"(?:(?:al-|el-|ad-|as-|an-|ar-)?[A-Z][\w'’-]*)(?:\s+(?:(?:de|du|la|le|des|sur|en|of|al|el)\s+)?(?:al-|el-)?[A-Z][\w'’-]*){0,3}(?:\s+\d{1,2}\b)?"
_CUE = re.compile(
    rf"\b(?:at|near|towards|toward|into|outside|around|captured|took|seized|overran|abandoned|"
    rf"reached|entered|attacked|retook|recaptured|stormed|held|lost|shelling|assaulted|"
    rf"evacuated|reinforced|occupied|liberated|defended|from|to|in)\s+(?P<name>{_NAME})"
)
_AFTER = re.compile(
    rf"(?P<name>{_NAME})\s+(?:fell|was overrun|was abandoned|was captured|was taken|was lost|"
    rf"was retaken|was recaptured|held|withstood|came under attack)\b"
)
_ITEM = rf"{_NAME}(?:\s+(?:on|in|at|to)\s+the\s+[a-z]+)?"  # "Hougoumont on the right"
_LIST = re.compile(rf"(?P<items>{_ITEM}(?:,\s+{_ITEM})*,?\s+and\s+{_ITEM})")


_WORDS = re.compile(r"[\w'’-]+")
_LONGEST = 10  # words in a place's name at most: "Hawijat Kati island", "Bois de la Cambre"


@dataclass
class Gazetteer:
    kinds: dict[str, str] = field(default_factory=dict)  # place -> noun ("village"), or ""
    company: dict[str, int] = field(default_factory=dict)  # place -> its list's number

    def kind_of(self, place: str) -> str:
        return self.kinds.get(place, "")

    _order: dict[str, int] = field(default_factory=dict)
    _by_kind: dict[str, list[str]] = field(default_factory=dict)
    _by_group: dict[int, list[str]] = field(default_factory=dict)

    def _index(self) -> None:
        if self._order or not self.kinds:
            return
        self._order.update((p, i) for i, p in enumerate(self.kinds))
        for p, k in self.kinds.items():
            if k:
                self._by_kind.setdefault(k, []).append(p)
            if p in self.company:
                self._by_group.setdefault(self.company[p], []).append(p)

    def order(self, place: str) -> int:
        self._index()
        return self._order[place]

    def alike(self, place: str) -> list[str]:
        """Places of the same kind: named with the same noun, or listed together with it."""
        self._index()
        kind = self.kinds.get(place, "")
        group = self.company.get(place)
        same = set(self._by_kind.get(kind, []) if kind else [])
        same |= set(self._by_group.get(group, []) if group is not None else [])
        same.discard(place)
        return sorted(same, key=self._order.__getitem__)

    def named_in(self, text: str) -> dict[str, list[int]]:
        """Each place the text names, with where (as whole words), in the gazetteer's order:
        one pass over the text's words, however many places there are."""
        self._index()
        words = list(_WORDS.finditer(text))
        found: dict[str, list[int]] = {}
        for i, w in enumerate(words):
            if not (w.group()[:1].isupper() or w.group()[:3] in ("al-", "el-", "ad-", "as-")):
                continue
            for j in range(i, min(i + _LONGEST, len(words))):
                name = text[w.start() : words[j].end()]
                if name in self.kinds:
                    found.setdefault(name, []).append(w.start())
        return dict(sorted(found.items(), key=lambda kv: self._order[kv[0]]))


def _clean(name: str, not_places: set[str]) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    words = name.split()
    while words and (words[0].lower() in lexicon().leaning_starts or words[0] in not_places):
        words = words[1:]
    name = " ".join(words)
    if not name or name in not_places or name.lower() in lexicon().plain_definites:
        return ""
    if re.fullmatch(r"[A-Z]{2,6}", name) or name.split()[0] in _MONTHS:
        return ""
    return name


_MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday",
}  # fmt: skip


@cache
def _noun_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'the town of X', 'X Island': built once from the lexicon's place nouns."""
    nouns = "|".join(sorted(lexicon().place_nouns, key=len, reverse=True))
    of_noun = re.compile(rf"\bthe\s+(?:[a-z]+\s+)?(?P<noun>{nouns})\s+of\s+(?P<name>{_NAME})")
    noun_after = re.compile(rf"(?P<name>{_NAME})\s+(?P<noun>(?i:{nouns}))\b")
    return of_noun, noun_after


def gazetteer(paragraphs: list[str], not_places: set[str]) -> Gazetteer:
    """Every place the text names in a place's position; ``not_places`` are the article's
    people, sides and formations, never places."""
    g = Gazetteer()
    of_noun, noun_after = _noun_patterns()
    lists: list[re.Match[str]] = []
    for para in paragraphs:
        for m in of_noun.finditer(para):
            name = _clean(m.group("name"), not_places)
            if name:
                g.kinds[name] = m.group("noun")
        for m in noun_after.finditer(para):
            noun = m.group("noun")
            name = _clean(m.group("name"), not_places)
            if (
                name
                and noun[:1].isupper()
                and name.split()[-1].lower() not in lexicon().place_nouns
            ):
                g.kinds.setdefault(f"{name} {noun}", noun.lower())
        for rx in (_CUE, _AFTER):
            for m in rx.finditer(para):
                if _adjective(para, m.end("name")):
                    continue
                name = _clean(m.group("name"), not_places)
                if name:
                    g.kinds.setdefault(name, "")
        lists.extend(_LIST.finditer(para))
    for number, m in enumerate(lists):
        parts = re.split(r",\s+and\s+|,\s+|\s+and\s+", m.group("items"))
        items = [
            _clean(re.sub(r"\s+(?:on|in|at|to)\s+the\s+[a-z]+$", "", i), not_places) for i in parts
        ]
        if sum(1 for i in items if i in g.kinds) >= 2:
            for i in items:
                if i:
                    g.kinds.setdefault(i, "")
                    g.company.setdefault(i, number)
    return g


def _adjective(text: str, end: int) -> bool:
    """'towards French lines': the name is an adjective before a noun, not a place."""
    nxt = re.match(r"\s+([a-z][\w-]*)", text[end:])
    return nxt is not None and nxt.group(1) not in {
        "and", "or", "on", "in", "at", "to", "from", "with", "by", "for", "of", "as", "but",
        "was", "were", "had", "which", "where", "when", "while", "after", "before", "until",
        "under", "along", "across", "through", "into", "near", "towards", "toward", "south",
        "north", "east", "west", "itself", "fell", "held", "again",
    }  # fmt: skip
