"""The forms an article names a person or a formation by, and finding them in a sentence.

'George G. Meade' is also 'Meade'; 'Duke of Wellington' is 'Wellington'; 'Gebhard von Blücher'
is 'Blücher'. A short form that two people share ('al-Hassan') or that is part of another name
('Hill' in 'Cemetery Hill') is never taken for either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

_TITLE_OF = re.compile(
    r"^(?:Duke|Earl|Marquess|Marquis|Prince|Count|Comte|Baron|Lord|Viscount)\s+(?:of\s+)?(.+)$"
)


# words that may stand right before a surname without being part of another name
_BEFORE_A_NAME = {
    "the", "on", "at", "in", "by", "after", "before", "when", "while", "as", "under", "marshal",
    "general", "admiral", "colonel", "captain", "major", "lieutenant", "sergeant", "commander",
    "consul", "king", "emperor", "president", "chancellor", "premier", "generalfeldmarschall",
    "commodore", "brigadier", "field", "vice", "rear", "sir", "lord", "count", "duke",
}  # fmt: skip


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    form: str


MONARCH = re.compile(r"^(?:King|Queen|Emperor|Empress|Sultan|Tsar|Czar|Shah|Pharaoh)\s+")


def regnal_form(name: str) -> str:
    """'King Gustavus II Adolphus' -> 'Gustavus Adolphus', 'King Harold II' -> 'Harold': a ruler
    as the narrative names him, without his title and number."""
    bare = MONARCH.sub("", name)
    words = [w for w in bare.split() if not re.fullmatch(r"[IVX]+", w)]
    form = " ".join(words)
    if form == name or not words or len(form) < 4 or re.search(r"\b(?:of|the)\b", form):
        return ""
    return form


@lru_cache(maxsize=4096)
def short_form(name: str) -> str:
    """The form a narrative uses after the first mention: the surname or the title's place."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()
    m = _TITLE_OF.match(name)
    if m:
        return re.sub(r"^(?:de|du|von|van|la|le)\s+", "", m.group(1).strip())
    words = name.split()
    if len(words) < 2:
        return ""
    last = words[-1]
    if re.fullmatch(r"[IVX]+|Jr\.?|Sr\.?", last):
        return words[0] if len(words) == 2 else ""
    return last if (len(last) >= 3 and last[:1].isupper()) or last.startswith(("d'", "al-")) else ""


def forms(names: Iterable[str], attested: Callable[[str], bool] = lambda s: True) -> dict[str, str]:
    """form -> the full name it stands for, for every full name and every short form that only
    one of ``names`` has and that the article itself uses (``attested``)."""
    names = [n for n in dict.fromkeys(names) if n]
    out: dict[str, str] = {n: n for n in names}
    shorts: dict[str, list[str]] = {}
    for n in names:
        for s in dict.fromkeys((short_form(n), regnal_form(n))):
            if s and s not in out and attested(s):
                shorts.setdefault(s, []).append(n)
    for s, owners in shorts.items():
        if len(owners) == 1:
            out[s] = owners[0]
    return out


def _bounded(text: str, start: int, end: int) -> bool:
    """Not part of a longer name: no capitalised word right before or after ('Cemetery Hill')."""
    before = text[
        max(0, start - 80) : start
    ].rstrip()  # the words just before: never the whole body
    after = text[end : end + 80]
    if start and text[start - 1] not in " (“\"'‘":
        return False
    if end < len(text) and (text[end].isalnum() or text[end] in "-"):
        return False
    two = re.search(r"([\w'’.-]+)\s+(of|de|du|von|van|la|le|del|della)\s*$", before)
    if two and two.group(1)[:1].isupper() and text[start - 1] == " ":
        return False  # "Prince of Orange": 'Orange' is part of the title
    prev = re.search(r"([\w'’.-]+)\s*$", before)
    if prev and text[start - 1] == " ":
        word = prev.group(1)
        if word[:1].isupper() and not word.endswith(".") and word.lower() not in _BEFORE_A_NAME:
            return False
    nxt = re.match(r"\s+([\w'’-]+)", after)
    return not (nxt and nxt.group(1)[:1].isupper() and not after.startswith((", ", "; ")))


# "Sixth Panzer Army", "the Eighth Army": an ordinal written out
SPELLED_ORDINAL = (
    r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)"
)
_TOKEN = re.compile(r"[\w-]+")
_AFTER_NAME = re.compile(r"[\w-]|['’](?!s\b)")


class WordIndex:
    """Where each word of a text starts, so that counting a name costs its first word's
    occurrences, not a pass over the whole text (an article names thousands of things)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[str, list[int]] = {}
        for m in _TOKEN.finditer(text):
            self.starts.setdefault(m.group(), []).append(m.start())

    def count(self, form: str, short: bool) -> int:
        """As ``count(text, form, short)``."""
        first = _TOKEN.match(form)
        if not form or first is None:
            return count(self.text, form, short) if form else 0
        n, text = 0, self.text
        for start in self.starts.get(first.group(), ()):
            end = start + len(form)
            if not text.startswith(form, start) or _AFTER_NAME.match(text, end):
                continue
            if start and text[start - 1] in "'’":
                continue  # "Erlon" in "d'Erlon"
            if not short or _bounded(text, start, end):
                n += 1
        return n


def count(text: str, form: str, short: bool) -> int:
    """How often ``text`` names ``form`` as itself: a short form only where it is not part of
    a longer name ('Minh' in 'Viet Minh', 'Hill' in 'Cemetery Hill')."""
    n = 0
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(form)}(?![\w-]|['’](?!s\b))", text):
        if not short or _bounded(text, m.start(), m.end()):
            n += 1
    return n


def find(text: str, form_map: dict[str, str]) -> list[tuple[Found, str]]:
    """Every whole occurrence of a form in ``text``, longest form first, as (where, full name)."""
    taken: list[tuple[int, int]] = []
    out: list[tuple[Found, str]] = []
    for form in sorted(form_map, key=len, reverse=True):
        if form not in text:
            continue  # most forms are not in a given sentence: no pattern to build for them
        full = form_map[form]
        for a, b in _whole(text, form):
            if any(x < b and a < y for x, y in taken):
                continue
            if form != full and not _bounded(text, a, b):
                continue
            taken.append((a, b))
            out.append((Found(a, b, form), full))
    return sorted(out, key=lambda t: t[0].start)


def _whole(text: str, form: str) -> Iterator[tuple[int, int]]:
    """Where ``form`` stands as whole words, not inside a longer or a hyphened word."""
    at = text.find(form)
    while at != -1:
        end = at + len(form)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_'’-" or after.isalnum() or after in "_-"):
            yield at, end
            at = text.find(form, end)
        else:
            at = text.find(form, at + 1)


def unit_the(name: str) -> str:
    """A formation with its article: 'the Armée du Nord', 'the I Corps', 'the Tiger Forces'."""
    if not name or name.lower().startswith("the ") or re.fullmatch(r"[A-Z][a-z]+", name):
        return name
    return f"the {name}"


_TITLES = {"duke", "earl", "prince", "count", "marquess", "marquis", "baron", "viscount",
           "elector", "archduke", "grand", "margrave", "landgrave", "emir", "khan"}  # fmt: skip


def person_the(name: str) -> str:
    """'the Duke of Wellington' as a sentence's subject; 'Guy of Lusignan', 'Napoleon I' as they
    are: a person takes 'the' only before a title."""
    first = name.split(" ", 1)[0].lower()
    return f"the {name}" if first in _TITLES and " of " in name else name


# an alliance's name: its members are no allies besides it ("the Holy League and its allies")
COALITION = re.compile(r"\b(?:Coalition|Alliance|League|Allies|Entente|Axis|Powers)\b")


_PEOPLE = re.compile(r"^(?:the\s+)?([A-Z][a-z]+(?:ite|ist|an|ate|er))s$")


def people_word(side: str) -> str:
    """A side named as a people or a party, the word for its forces: 'the Williamites' ->
    'Williamite', 'the Jacobites' -> 'Jacobite'; '' for any other name ('the Netherlands')."""
    m = _PEOPLE.match(side.strip())
    return m.group(1) if m and not COALITION.search(side) else ""


def with_the(name: str) -> str:
    """'the Army of the Potomac', 'the I Corps', 'the Tiger Forces'; 'Napoleon', 'Russia'."""
    if not name or name.lower().startswith("the "):
        return name
    words = re.sub(r"\s*\([^)]*\)\s*$", "", name).split()
    if not words:
        return name
    last = words[-1].lower()
    group_words = {
        "army", "navy", "force", "forces", "guard", "brigade", "brigades", "division", "corps",
        "regiment", "battalion", "group", "legion", "wing", "directorate", "movement", "front",
        "militia", "militias", "fleet", "command", "coalition", "union", "republic", "kingdom",
        "empire", "federation", "states", "confederacy", "alliance", "league", "levant",
        "sultanate", "caliphate", "khanate", "emirate", "shogunate", "principality", "duchy",
        "electorate", "confederation", "commonwealth", "crusaders", "company", "clan", "clans",
        "dynasty", "tribe", "tribes", "horde", "colonies", "colonists", "provinces", "order", "government", "regime", "rebels",
    }  # fmt: skip
    if last in group_words or " of " in name or re.fullmatch(r"[A-Z]{2,6}", words[-1]):
        return f"the {name}"
    if words[0].islower():
        return f"the {name}"
    if len(words) == 1 and re.search(r"(?:an|on|ite|ist|er|k|e|u|d|t)s$|ish$|ese$|ch$", name):
        return f"the {name}"  # "the Normans", "the English", "the French", "the Japanese"
    return name
